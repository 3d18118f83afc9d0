## وتارەکانی هۆشیاری: ئەوەی بە نووسەران دەوترێت کاتێک پاشەکەوتکردن ڕەت دەکرێتەوە.

error-invalid-article = هەندێک خانەی وتارەکە پێویستیان بە ڕاستکردنەوە هەیە.
error-slug-taken = ئەم ناونیشانە (slug) پێشتر بۆ وتار یان هەڵمەتێکی تر بەکارهاتووە. ناونیشانێکی تر هەڵبژێرە.
error-edit-conflict = کەسێکی تر دوای ئەوەی تۆ کردتەوە ئەم وتارەی پاشەکەوت کرد. دووبارە بیکەرەوە بۆ بینینی گۆڕانکارییەکانی، پاشان گۆڕانکارییەکانی خۆت دووبارە بکە.

## خوێندنەوە: /learn و /learn/<slug>.

learn-intro = بۆچی چوونە ناو سوپایەکی بیانی مەترسیدارە و دژی یاسای عێراقە، ڕاکێشەرەکان چۆن کار دەکەن، و لە کوێ یارمەتی بدۆزیتەوە. ئەو بابەتانەی دەیانکەیتەوە بەبێ هێڵی ئینتەرنێتیش لەسەر ئەم مۆبایلە دەخوێندرێنەوە.
learn-categories = بابەتەکان
learn-category-all = هەموو بابەتەکان
learn-category-law = یاسا و سزاکانی
learn-category-recruiters = ڕاکێشەرەکان چۆن کار دەکەن
learn-category-reality = چی بەسەر ڕاکێشراوەکان دێت
learn-category-families = خێزانەکان چی دەتوانن بکەن
learn-category-reporting = ڕاپۆرتدانی سەلامەت
learn-category-help = وەرگرتنی یارمەتی
learn-featured = دیار
learn-empty = هێشتا هیچ بابەتێک لەم بارەیەوە نییە.
learn-pages = پەڕەکانی بابەتەکان
learn-page-previous = بابەتەکانی پێشوو
learn-page-next = بابەتی زیاتر
learn-page-of = پەڕەی { $page } لە { $pages }
learn-fallback-short = هێشتا بە زمانی تۆ نییە: بە عەرەبی پیشان دەدرێت.
learn-fallback = ئەم بابەتە هێشتا بە زمانی تۆ بەردەست نییە، بۆیە بە عەرەبی پیشان دەدرێت.
learn-available-in = بەم زمانانە هەیە:
learn-back = هەموو بابەتەکان
learn-share = هاوبەشکردنی بابەت
learn-share-link = بەستەری بابەت
learn-offline = پەیوەندیت بە ئینتەرنێتەوە نییە. ئەو بابەتانەی پێشتر کردووتەتەوە هێشتا کار دەکەن.

## پەڕەکانی دەستکاریکەران: /staff/articles و /staff/articles/<id>.

staff-nav-articles = بابەتەکان
articles-empty = هێشتا هیچ بابەتێک نییە.
article-status-draft = ڕەشنووس
article-status-in-review = لە پێداچوونەوەدا
article-status-published = بڵاوکراوە
article-status-archived = ئەرشیفکراو
article-needs-review = چاوەڕێی پێداچوونەوەی قسەکەرێکی زگماکە
article-missing-languages = زمانە نەبووەکان: { $languages }
article-new = نووسینی بابەتێکی نوێ
article-slug = ناونیشان لە بەستەردا (slug)
article-slug-hint = پیتی بچووکی لاتینی، ژمارە و هێڵی تاک، وەک the-law-and-its-penalties.
article-category = بابەت
article-create = دروستکردنی ڕەشنووس
campaigns-title = هەڵمەتەکان
campaigns-empty = هێشتا هیچ هەڵمەتێک نییە.
campaign-articles = { $count ->
    [one] { $count } بابەت
   *[other] { $count } بابەت
}
campaign-new = دەستپێکردنی هەڵمەتێکی نوێ
campaign-title-in-ar = ناونیشان بە عەرەبی
campaign-title-in-ckb = ناونیشان بە سۆرانی
campaign-title-in-kmr = ناونیشان بە کرمانجی
campaign-title-in-en = ناونیشان بە ئینگلیزی
campaign-start = یەکەم ڕۆژ
campaign-end = دوایین ڕۆژ
campaign-create = دروستکردنی هەڵمەت
article-back = هەموو بابەتەکان
article-review-notice = ئەم دەقە لەگەڵ ناوەڕۆکی سەرەتایی هاتووە و چاوەڕێی پێداچوونەوەی قسەکەرێکی زگماکە. دوای پێداچوونەوە نیشانەکە لە ڕێکخستنەکان لابە.
article-checklist = پێش بڵاوکردنەوە
article-ready = هیچ شتێک ڕێگری لە بڵاوکردنەوە ناکات.
article-not-ready = پێش بڵاوکردنەوە دەبێت شتێک چاک بکرێت.
article-check-missing = نییە (خوێنەران دەقی عەرەبی وەردەگرن)
article-check-arabic-required = پێویستە: هەموو خوێنەران دەگەڕێنەوە سەر عەرەبی
article-check-required = پێویستە
article-check-too-long = زۆر درێژە
article-field-translation = وەرگێڕان
article-field-title = ناونیشان
article-field-summary = پوختە
article-field-body = دەق
article-field-image-alt = وەسفی وێنە
article-status = دۆخ
article-visible = خوێنەران ئێستا دەیبینن
article-status-change = گۆڕینی دۆخ
article-scheduled = خشتەکراوە بۆ { $time }
article-publish-at = کاتی بڵاوکردنەوە (ئارەزوومەندانە)
article-publish-at-hint = بە کاتی ناوچەی خۆت. کاتێکی داهاتوو بابەتەکە خشتە دەکات؛ بەتاڵ کاتەکەی دەهێڵێتەوە یان ئێستا بڵاوی دەکاتەوە.
article-status-save = پاشەکەوتکردنی دۆخ
article-texts = دەقەکان
article-language-missing = (نییە)
article-title = ناونیشان
article-summary = پوختە
article-body = دەق
article-body-hint = مارکداون: **ئەستوور**، ## سەردێڕ، - لیست، [بەستەر](https://…). وێنە تەنها لە بارکردنی خوارەوە.
article-picture = وێنە
article-picture-alt = وەسفی وێنە (بۆ ئەوانەی نایبینن)
article-save-text = پاشەکەوتکردنی ئەم زمانە
article-preview = پێشبینین
article-preview-title = وەک خوێنەران دەیبینن
article-settings = ڕێکخستنەکان
article-campaign = هەڵمەت
article-no-campaign = بێ هەڵمەت
article-featured = دیار (یەکەم پیشان دەدرێت)
article-save-settings = پاشەکەوتکردنی ڕێکخستنەکان
article-reads = خوێندنەوە لە ڕۆژێکدا (تەنها ژمارە)
article-no-reads = هێشتا خوێندنەوە نییە.
article-history = مێژوو
article-change-created = دروستکرا
article-change-seeded = لە ناوەڕۆکی سەرەتایی بارکرا
article-change-settings = ڕێکخستنەکان گۆڕدران
article-change-translation = دەق گۆڕدرا
article-change-status = دۆخ گۆڕدرا

## پێداچوونەوەی وەرگێڕانەکانی ڕووکار
staff-nav-translations = وەرگێڕانەکان
translations-title = وەرگێڕانەکان بۆ پێداچوونەوە
translations-intro = هەر دەقێکی ڕووکارەکە وەک چاوەڕێی پێداچوونەوەی قسەکەرێکی زگماک نیشان دەکرێت تا دەستکارێک کە ئەو زمانە دەخوێنێتەوە لێرە بیخوێنێتەوە و نیشانی بکات. دەقێک کە دواتر بگۆڕدرێت دووبارە چاوەڕێی پێداچوونەوە دەبێت.
translations-language = زمان
translations-only-needing = تەنها ئەو دەقانەی چاوەڕێی پێداچوونەوەن
translations-needing-count = { $count ->
        [0] هیچ دەقێک لە { $total } دەق چاوەڕێی پێداچوونەوە نییە.
        [one] { $count } دەق لە { $total } دەق چاوەڕێی پێداچوونەوەیە.
       *[other] { $count } دەق لە { $total } دەق چاوەڕێی پێداچوونەوەن.
    }
translations-reviewed-by = { $name } پێیدا چووەوە
translations-mark-reviewed = نیشانکردن وەک پێداچوونەوەی بۆ کرا
translations-mark-again = دووبارە داوای پێداچوونەوە بکە
