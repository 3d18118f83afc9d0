## Awareness articles: what editors are told when a save is refused.

error-invalid-article = Some fields of the article need attention.
error-slug-taken = Another article or campaign already uses this address (slug). Choose another one.
error-edit-conflict = Someone else saved this article after you opened it. Reload it to see their changes, then make yours again.

## Reading: /learn and /learn/<slug>.

learn-intro = Why joining a foreign army is dangerous and against Iraqi law, how recruiters work, and where to find help. Articles you open stay readable on this phone without a connection.
learn-categories = Topics
learn-category-all = All topics
learn-category-law = The law and its penalties
learn-category-recruiters = How recruiters operate
learn-category-reality = What happens to recruits
learn-category-families = What families can do
learn-category-reporting = Reporting safely
learn-category-help = Getting help
learn-featured = Featured
learn-empty = No articles on this topic yet.
learn-more = Show more articles
learn-fallback-short = Not yet in your language: shown in Arabic.
learn-fallback = This article is not yet available in your language, so it is shown in Arabic.
learn-available-in = It exists in:
learn-back = All articles
learn-share = Share this article
learn-share-link = Link to this article
learn-offline = You are offline. Articles you opened before still work.
