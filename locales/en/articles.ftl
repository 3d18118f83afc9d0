## Awareness articles: what editors are told when a save is refused.

error-invalid-article = Some fields of the article need attention.
error-slug-taken = Another article or campaign already uses this address (slug). Choose another one.
error-edit-conflict = Someone else saved this article after you opened it. Reload it to see their changes, then make yours again.
