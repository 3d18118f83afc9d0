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
learn-pages = Article pages
learn-page-previous = Previous articles
learn-page-next = More articles
learn-page-of = Page { $page } of { $pages }
learn-fallback-short = Not yet in your language: shown in Arabic.
learn-fallback = This article is not yet available in your language, so it is shown in Arabic.
learn-available-in = It exists in:
learn-back = All articles
learn-share = Share this article
learn-share-link = Link to this article
learn-offline = You are offline. Articles you opened before still work.

## Editors' pages: /staff/articles and /staff/articles/<id>.

staff-nav-articles = Articles
articles-empty = No articles yet.
article-status-draft = Draft
article-status-in-review = In review
article-status-published = Published
article-status-archived = Archived
article-needs-review = Waiting for a native speaker's review
article-missing-languages = Missing languages: { $languages }
article-new = Write a new article
article-slug = Address (slug)
article-slug-hint = Lower-case Latin letters, digits and single hyphens, such as the-law-and-its-penalties.
article-category = Topic
article-create = Create the draft
campaigns-title = Campaigns
campaigns-empty = No campaigns yet.
campaign-articles = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
campaign-new = Start a new campaign
campaign-title-in-ar = Title in Arabic
campaign-title-in-ckb = Title in Sorani
campaign-title-in-kmr = Title in Kurmanji
campaign-title-in-en = Title in English
campaign-start = First day
campaign-end = Last day
campaign-create = Create the campaign
article-back = All articles
article-review-notice = This text came with the seed content and waits for a native speaker's review. Clear the mark in the settings once it is reviewed.
article-checklist = Before publishing
article-ready = Nothing blocks publishing.
article-not-ready = Something must be fixed before publishing.
article-check-missing = missing (readers get the Arabic text)
article-check-arabic-required = required: every reader falls back to Arabic
article-check-required = required
article-check-too-long = too long
article-field-translation = Translation
article-field-title = Title
article-field-summary = Summary
article-field-body = Text
article-field-image-alt = Picture description
article-status = Status
article-visible = readers see it now
article-status-change = Change the status
article-scheduled = scheduled for { $time }
article-publish-at = Publish at (optional)
article-publish-at-hint = In your own time zone. A time to come schedules the article; empty keeps its time, or publishes now.
article-status-save = Save the status
article-texts = Texts
article-language-missing = (missing)
article-title = Title
article-summary = Summary
article-body = Text
article-body-hint = Markdown: **bold**, ## heading, - list, [link](https://…). Pictures only from the upload below.
article-picture = Picture
article-picture-alt = Picture description (for people who cannot see it)
article-save-text = Save this language
article-preview = Preview
article-preview-title = As readers will see it
article-settings = Settings
article-campaign = Campaign
article-no-campaign = No campaign
article-featured = Featured (shown first)
article-save-settings = Save the settings
article-reads = Reads per day (counts only)
article-no-reads = No reads yet.
article-history = History
article-change-created = created
article-change-seeded = loaded from the seed content
article-change-settings = settings changed
article-change-translation = text changed
article-change-status = status changed

## Reviewing the interface's translations
staff-nav-translations = Translations
translations-title = Translations to review
translations-intro = Each text of the interface stays marked as waiting for a native speaker's review until an editor who reads the language has read it here and marked it. A text that changes later waits for review again.
translations-language = Language
translations-only-needing = Only texts waiting for review
translations-needing-count = { $count ->
        [0] None of the { $total } texts waits for review.
        [one] { $count } text of { $total } waits for review.
       *[other] { $count } texts of { $total } wait for review.
    }
translations-reviewed-by = Reviewed by { $name }
translations-mark-reviewed = Mark as reviewed
translations-mark-again = Ask for review again
