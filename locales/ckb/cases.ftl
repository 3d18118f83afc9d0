## دۆسیەی ونبووان: ناونیشانە هاوبەشەکانی فۆرمی خێزان، بەدواداچوون و پەڕەکانی کارمەندانی دۆسیە.

error-invalid-case = هەندێک خانە پێش ناردنی ڕاپۆرتەکە پێویستیان بە ڕاستکردنەوە هەیە.

case-status-reported = ڕاپۆرت کرا
case-status-under-review = لە پێداچوونەوەدا
case-status-information-sought = زانیاری پێویستە
case-status-located-alive = بە زیندوویی دۆزرایەوە
case-status-in-contact = پەیوەندی لەگەڵ کرا
case-status-returned = گەڕایەوە بۆ وڵات
case-status-deceased = کۆچی دوایی کردووە
case-status-closed = داخرا

case-close-duplicate = دووبارەی دۆسیەیەکی ترە
case-close-withdrawn = خێزانەکە کێشایەوە
case-close-resolved = چارەسەر کرا

case-consent-committee = تەنها لیژنەکە
case-consent-government = لیژنەکە و دامەزراوە حکومییەکانی تری عێراق
case-consent-humanitarian = هەروەها ڕێکخراوە مرۆییە نێودەوڵەتییەکانی وەک خاچی سووری نێودەوڵەتی

sex-female = مێ
sex-male = نێر

## پەڕەکانی کارمەندانی دۆسیە: لیست، پەڕەی دۆسیە و ئاڵوگۆڕی PFIF.

staff-nav-cases = دۆسیەکان
cases-exchange-link = ئاڵوگۆڕ لەگەڵ لایەنە هاوبەشەکان (PFIF)
cases-search = گەڕان بە ناو
cases-search-button = ناوەکە بدۆزەوە
cases-search-hint = هەر ناوێکی زنجیرەی ناو، ناوی دایک یان نووسینی لاتینی، بە پیتی عەرەبی، کوردی یان لاتینی.
cases-search-results = ئەو دۆسیانەی لەگەڵ «{ $words }» دەگونجێن
cases-search-clear = گەڕانەوە بۆ هەموو دۆسیەکان
cases-filter-status = دۆخ
cases-filter-governorate = پارێزگا
cases-filter-from = ڕاپۆرتکراو لە
cases-filter-to = ڕاپۆرتکراو تا
cases-empty = هیچ دۆسیەیەک ناگونجێت.
cases-older = پیشاندانی دۆسیە کۆنترەکان
cases-open-matches = { $count ->
    [one] { $count } دووبارەی ئەگەری
   *[other] { $count } دووبارەی ئەگەری
}
case-wiped-name = زانیارییە کەسییەکان سڕدرانەوە

case-back = گەڕانەوە بۆ دۆسیەکان
case-heading = دۆسیە
case-title = دۆسیەی { $number }
case-merged-into = ئەم دۆسیەیە وەک دووبارە داخرا.
case-merged-into-link = کردنەوەی ئەو دۆسیەیەی تێیدا تێکەڵ کرا
case-deceased-pending = کارمەندێکی دۆسیە پێشنیاری کردووە ئەم کەسە وەک کۆچکردوو تۆمار بکرێت؛ کارمەندێکی دووەم دەبێت پشتڕاستی بکاتەوە.
case-number = ژمارەی دۆسیە
case-reported-on = ڕێکەوتی ڕاپۆرت
case-consent = خێزان ڕێگەی هاوبەشکردنی داوە لەگەڵ
case-wiped = زانیارییە کەسییەکانی ئەم دۆسیەیە لە { $day } بەپێی یاسای هەڵگرتن سڕدرانەوە؛ تەنها ژمارە و ڕێکەوتەکانی ماون.
case-photo = وێنە
case-photo-alt = وێنەی کەسی ونبوو
case-person = کەسی ونبوو
case-names = ناو (ناو، باوک، باپیر، نازناو)
case-mother = ناوی دایک
case-latin = ناو بە پیتی لاتینی
case-sex = ڕەگەز
case-birth = ڕێکەوتی لەدایکبوون (تەمەن)
case-residence = شوێنی نیشتەجێبوون
case-phones = ژمارە تەلەفۆنەکانی
case-left-on = ڕێکەوتی ڕۆیشتن
case-destination = شوێنی مەبەست
case-recruiter = ئەو کەسەی ڕایکێشا
case-recruiter-phones = ژمارە تەلەفۆنەکانی ئەو کەسەی ڕایکێشا
case-last-contact = دوایین پەیوەندی
case-last-location = دوایین شوێنی زانراو
case-marks = نیشانە جیاکەرەوەکان
case-reporter = ڕاپۆرتدەر
case-reporter-name = ناو
case-reporter-relationship = پەیوەندی خزمایەتی لەگەڵ ونبووەکە
case-reporter-phone = ژمارەی تەلەفۆن

case-notes = تێبینییەکان
case-no-notes = هێشتا هیچ تێبینییەک نییە.
case-note-status-changed = دۆخەکەی گۆڕی.
case-partner = لە لایەنێکی هاوبەشەوە
case-partner-record = تۆمارەکەیان
case-partner-source = سەرچاوە
case-partner-source-date = بەرواری وەشانەکەیان
case-partner-expiry = دوای ئەمە دەسڕدرێتەوە
case-partner-fields = هەموو ئەو خانانەی ناردوویانە (ناوەکانی PFIF)
case-note-linked-case = نووسەری تێبینییەکە دەڵێت ئەمە هەمان کەسی دۆسیەیەکی ترە: بەراوردیان بکە
case-note-linked-record = نووسەری تێبینییەکە دەڵێت ئەمە هەمان کەسی ئەم تۆمارەیە
case-add-note = زیادکردنی تێبینی
case-add-note-hint = تەنها بۆ کارمەندانی دۆسیە؛ خێزان هەرگیز تێبینییەکان نابینێت.
case-save-note = پاشەکەوتکردنی تێبینی

case-conversation = نامەکان لەگەڵ خێزان
case-conversation-hint = خێزان ئەم نامانە دەخوێنێتەوە کاتێک بە پسوولەکەیان دەگەڕێنەوە.
case-author-caseworker = کارمەندی دۆسیە
case-author-family = خێزان
case-reply = نووسین بۆ خێزان
case-reply-hint = بە وشەی سادە و نەرم: خێزان ئەم نامەیە لە پەڕەی بەدواداچوونەکەیان دەبینن.

case-status-title = دۆخ
case-deceased-rule = تۆمارکردنی کەسێک وەک کۆچکردوو دوو کارمەندی دۆسیەی پێویستە: یەکەم پێشنیار دەکات، دووەم پشتڕاستی دەکاتەوە (گۆڕانکاری بەڕێوەبەر یەکسەر جێبەجێ دەبێت).
case-deceased-waiting = پێشنیارەکە تۆمار کرا: چاوەڕێی پشتڕاستکردنەوەی کارمەندێکی دووەمی دۆسیەیە.
case-close-reason = هۆکاری داخستن
case-close-choose = هۆکارێک هەڵبژێرە

case-duplicates = دووبارەی ئەگەری
case-duplicates-hint = ڕاپۆرتی چەند خزمێکی جیاواز دەربارەی هەمان کەس، بە بەراوردکردنی ناوەکان لە نووسین و پیتە جیاوازەکاندا دۆزراونەتەوە.
case-duplicates-none = هیچ دووبارەیەکی ئەگەری نەدۆزرایەوە.
case-duplicates-refresh = دووبارە گەڕان بۆ دووبارەکان
case-match-score = نمرە { $score } لە 100
case-match-open = چاوەڕێی بڕیار
case-match-merged = تێکەڵ کرا
case-match-dismissed = هەمان کەس نییە
case-merge = تێکەڵکردن
case-dismiss = هەمان کەس نییە
case-compare = هەردوو دۆسیەکە بەراورد بکە
case-match-likely = بە ئەگەری زۆر هەمان کەسە
case-match-possible = لەوانەیە هەمان کەس بێت
case-match-unlikely = بە ئەگەری زۆر هەمان کەس نییە
case-mark-same = وەک یەک
case-mark-variant = نووسینێکی تر، یان نزیک
case-mark-differs = جیاواز
case-mark-unknown = لە هیچیاندا نییە
case-mark-governorate = پارێزگا
case-mark-phones = ژمارە تەلەفۆنەکانی خێزان
compare-marks = خانە بە خانە
compare-back = گەڕانەوە بۆ دۆسیەکە
compare-heading = دوو دۆسیە لە تەنیشت یەک
compare-title = دۆسیەی { $first } و دۆسیەی { $second }
compare-legend = ✔ وەک یەک · ≈ نووسینێکی تر، یان نزیک · ✘ جیاواز · – لە هیچیاندا نییە
compare-field = خانە
compare-mark = بەراورد
compare-wiped = زانیارییە کەسییەکانی یەکێک لەم دۆسیانە سڕاونەتەوە؛ هیچ نەماوە بۆ بەراوردکردن.
compare-reasons = بۆچی بەراوردکار پێکەوە دایناون
compare-no-longer = ئەم دوو دۆسیەیە ئیتر وەک دووبارەبوونەوەی ئەگەری پێکەوە دانەنراون: هیچ بڕیارێک پێویست نییە.
compare-decide = بڕیارەکەت
compare-keep = کام دۆسیە کراوە دەمێنێتەوە
compare-keep-case = دۆسیەی { $number }، ڕاپۆرتکراو لە { $day }
compare-reason = بۆچی هەمان کەسن؟
compare-reason-hint = بۆ تێکەڵکردن پێویستە: بڵێ کام ڕاستییەکان یەک دەگرنەوە، بۆ ئەوەی دواتر دۆسیەکە دەخوێنێتەوە.
compare-reason-needed = پێش تێکەڵکردن بنووسە بۆچی هەردوو دۆسیەکە هی یەک کەسن.
compare-merged = دۆسیەی { $duplicate } تێکەڵی دۆسیەی { $kept } کراوە: وەک دووبارە داخراوە، هیچ شتێک نەسڕاوەتەوە.
compare-merged-now = تێکەڵ کرا.
compare-dismissed = ئەم دۆسیانە وەک دوو کەسی جیاواز دیاری کراون. ئەگەر هەڵە بووبێت هێشتا دەتوانیت تێکەڵیان بکەیت.
compare-dismissed-now = وەک دوو کەسی جیاواز دیاری کران.
compare-unmerge = جیاکردنەوە
compare-unmerge-confirm = دۆسیەی { $duplicate } لە دۆسیەی { $kept } جیا بکرێتەوە؟ دۆخەکەی و هەموو ئەوەی تێیدا هاتبوو دەگەڕێتەوە.
compare-unmerged = جیا کرایەوە: هەردوو دۆسیەکە وەک پێش تێکەڵکردن گەڕانەوە.

case-position-given = ناو
case-position-father = ناوی باوک
case-position-grandfather = ناوی باپیر
case-position-great-grandfather = ناوی باوکی باپیر
case-position-family = نازناو
case-reason-name-chain = { $compared ->
    [one] { $matched } لە { $compared } ناوی زنجیرەکە یەک دەگرێتەوە.
   *[other] { $matched } لە { $compared } ناوی زنجیرەکە یەک دەگرنەوە.
}
case-reason-name-exact = { $position }: هەمان ناو.
case-reason-name-variant = { $position }: دوو نووسینی ناسراوی هەمان ناو.
case-reason-name-phonetic = { $position }: هەمان دەنگ بە پیتی جیاواز.
case-reason-name-fuzzy = { $position }: یەک پیت جیاوازن، لەوانەیە هەڵەی نووسین بێت.
case-reason-name-different = { $position }: دوو ناوی جیاواز.
case-reason-latin-spelling = { $matched ->
    [one] یەک ناو تەنها لە ڕێگەی نووسینی لاتینییەوە یەک دەگرێتەوە.
   *[other] { $matched } ناو تەنها لە ڕێگەی نووسینی لاتینییەوە یەک دەگرنەوە.
}
case-reason-swapped-given-father = وا دیارە ناو و ناوی باوک شوێنیان گۆڕاوە: هەڵەی نووسین یان دوو خزم.
case-reason-relative-sibling = هەمان باوک بەڵام ناوی جیاواز: لەوانەیە خوشک و برا بن.
case-reason-relative-parent-child = باوک و باپیری یەکێکیان ناوەکانی ئەوی ترن: لەوانەیە باوک و منداڵ بن.
case-reason-mother-same = ناوی دایک هەمانە.
case-reason-mother-given-only = ناوی دایک هەمانە؛ یەکێک لە ڕاپۆرتەکان ناوی باوکی ئەوی تێدا نییە.
case-reason-mother-fuzzy = ناوەکانی دایک نزیکن بەڵام وەک یەک نین.
case-reason-mother-different = ناوەکانی دایک جیاوازن.
case-reason-birth-same-date = هەمان ڕێکەوتی لەدایکبوون.
case-reason-birth-same-year = هەمان ساڵی لەدایکبوون.
case-reason-birth-close = یەک یان دوو ساڵ جیاوازی لە لەدایکبووندا.
case-reason-birth-different = سێ بۆ نۆ ساڵ جیاوازی لە لەدایکبووندا.
case-reason-birth-far-apart = دە ساڵ یان زیاتر جیاوازی لە لەدایکبووندا: هەمان کەس نییە.
case-reason-sex-differs = ڕەگەز جیاوازە.
case-reason-phone = { $shared ->
    [one] { $shared } ژمارە تەلەفۆنی هاوبەش
   *[other] { $shared } ژمارە تەلەفۆنی هاوبەش
}
case-reason-phones-differ = هەردوو ڕاپۆرتەکە ژمارە تەلەفۆنیان تێدایە، و هیچیان وەک یەک نییە.
case-reason-governorate-same = هەمان پارێزگا.
case-reason-governorate-different = دوو پارێزگای جیاواز.
case-reason-other = لێکچوونێکی تر.

exchange-title = ئاڵوگۆڕ لەگەڵ لایەنە هاوبەشەکان
exchange-lead = دۆسیەکان بە فۆرماتی PFIF 1.4 ئاڵوگۆڕ دەکرێن، کە فۆرماتی خزمەتگوزارییەکانی دۆزینەوەی کەسانە.
exchange-export = هەناردەکردن
exchange-recipient = وەرگر
exchange-recipient-committee = لیژنەکە
exchange-recipient-government = دامەزراوە حکومییەکانی تری عێراق
exchange-recipient-humanitarian = ڕێکخراوە مرۆییە نێودەوڵەتییەکان
exchange-consent = تەنها ئەو دۆسیانە دەچنە ناو فایلەکە کە خێزانەکەیان ڕێگەی هاوبەشکردنیان لەگەڵ ئەم وەرگرە داوە؛ ئەوانی تر لە دەرەوە دەمێننەوە.
exchange-prepare = ئامادەکردنی فایل
exchange-download = پاشەکەوتکردنی { $name }
exchange-import = هاوردەکردن
exchange-file = فایلی PFIF لە لایەنێکی هاوبەشەوە
exchange-file-hint = فایلێکی XML بە تۆمارەکانی PFIF 1.4؛ دوو جار هاوردەکردنی هەمان فایل هیچ ناگۆڕێت.
exchange-import-button = هاوردەکردنی فایل
exchange-imported = فایلەکە هاوردە کرا.
exchange-created = { $count ->
    [one] { $count } دۆسیەی نوێ
   *[other] { $count } دۆسیەی نوێ
}
exchange-updated = { $count ->
    [one] { $count } دۆسیەی نوێکراوە
   *[other] { $count } دۆسیەی نوێکراوە
}
exchange-wiped = { $count ->
    [one] { $count } دۆسیە بەتاڵ کرایەوە چونکە ماوەی تۆمارەکەی لای هاوبەش تەواو بوو
   *[other] { $count } دۆسیە بەتاڵ کرانەوە چونکە ماوەی تۆمارەکانیان لای هاوبەش تەواو بوو
}
exchange-notes = { $count ->
    [one] { $count } تێبینیی زیادکراو
   *[other] { $count } تێبینیی زیادکراو
}
exchange-skipped = { $count ->
    [one] { $count } تۆماری بەجێهێڵراو
   *[other] { $count } تۆماری بەجێهێڵراو
}

## فۆرمی خێزان (/missing).

missing-intro = باسی ئەو خزمەی خۆتمان بۆ بکە کە ڕاکێشراوە یان لە دەرەوە ون بووە. تەنها ناوی ئەو و ناوی خۆت پێویستە؛ هەرچی تر دەزانیت زیادی بکە. ژمارەی دۆسیە و پسوولەیەک وەردەگریت بۆ بەدواداچوون.
missing-privacy-encrypted = هەرچی دەینووسیت بە شێوەی شفرەکراو هەڵدەگیرێت و تەنها کارمەندانی دۆسیەی لیژنەکە دەیخوێننەوە.
missing-privacy-consent = لە خوارەوە هەڵدەبژێریت ڕاپۆرتەکە لەگەڵ کێ هاوبەش بکرێت؛ هەرگیز لەوە زیاتر هاوبەش ناکرێت.
missing-names-hint = ناوەکان وەک لە کارتی نیشتمانی بنووسە، بە پیتی عەرەبی یان کوردی.
missing-given = ناو
missing-father = ناوی باوک
missing-grandfather = ناوی باپیر
missing-family = نازناو یان ناوی هۆز
missing-mother-hint = ناوی تەواوی، وەک لە تۆمارە فەرمییەکان.
missing-latin-hint = وەک لە پاسپۆرت، ئەگەر دەیزانیت.
missing-birth = بەرواری لەدایکبوون
missing-date-hint = ساڵێک (1999)، مانگێک (⁦1999‑04⁩) یان ڕۆژێک (⁦1999‑04‑12⁩).
missing-age = تەمەن، ئەگەر بەرواری لەدایکبوون نازانیت
missing-list-hint = چەند دانەیەک بە کۆما جیا بکەرەوە.
missing-accounts = ئەو هەژمارانەی بەکاری هێناون (تێلیگرام، واتسئاپ، فەیسبووک…)
missing-journey = ڕۆیشتن و ڕاکێشان
missing-recruiter-hint = کەسێک، کۆمپانیایەک یان نووسینگەیەکی گەشت، کەناڵێک یان ڕیکلامێک: هەرچی دەزانیت.
missing-last-contact-on = بەرواری دوایین پەیوەندی
missing-last-contact-text = لە دوایین پەیوەندیدا چی وترا
missing-relationship-hint = بۆ نموونە دایک، برا، هاوسەر.
missing-language = زمانی نامەکانمان بۆ تۆ
missing-language-shown = زمانی ئەم پەڕەیە
language-name-ar = عەرەبی
language-name-ckb = کوردی (سۆرانی)
language-name-kmr = کوردی (کرمانجی)
language-name-en = ئینگلیزی
missing-consent = ئەم ڕاپۆرتە لەگەڵ کێ هاوبەش بکرێت؟
missing-consent-hint = هاوبەشکردن لەگەڵ لایەنی زیاتر دەتوانێت یارمەتی دۆزینەوەی خزمەکەت بدات. دواتر دەتوانیت داوا لە کارمەندی دۆسیە بکەیت ئەمە بگۆڕێت.
missing-photo = وێنەیەکی خزمەکەت (ئارەزوومەندانە)
missing-photo-hint = وێنەیەکی ڕوونی ڕوخسار یارمەتیدەرە. تا 10 مێگابایت.
missing-invalid-date = ساڵێک (1999)، مانگێک (⁦1999‑04⁩) یان ڕۆژێک (⁦1999‑04‑12⁩) بنووسە.
missing-submit = ناردنی ڕاپۆرت
missing-step = هەنگاوی { $n } لە { $total }
missing-step-you = دەربارەی تۆ
missing-step-consent = وێنەیەک، و کێ دەتوانێت ڕاپۆرتەکە بخوێنێتەوە
missing-next = دواتر
missing-back = گەڕانەوە
missing-photo-again = وێنەیەکت هەڵبژارد بەڵام لەگەڵ فۆرمەکە نەمایەوە. پێش ناردن دووبارە هەڵیبژێرە.
missing-problem-consent = تکایە هەڵبژێرە کێ دەتوانێت ئەم ڕاپۆرتە بخوێنێتەوە.
form-required-note = خانە نیشانکراوەکان بە * پێویستن.
departure-invalid = ڕۆژەکە بنووسە، وەک ⁦2026‑12‑04⁩.
missing-sent-title = ڕاپۆرتەکەت گەیشت. ژمارەی دۆسیەکەت:
missing-receipt-explain = ئەم پسوولەیە تاکە ڕێگایە بۆ بەدواداچوونی دۆسیەکە، خوێندنەوەی نامەکانی کارمەندی دۆسیە و زیادکردنی زانیاری. ناگەڕێندرێتەوە: سەنەد نازانێت کام پسوولە هی تۆیە.
missing-receipt-file =
    دۆسیەی سەنەد { $number }
    پسوولە: { $receipt }

    بۆ بەدواداچوونی دۆسیەکە { $address } بکەرەوە و ئەم پسوولەیە بنووسە.
    بە نهێنی بیهێڵەوە: هەر کەسێک هەیبێت دەتوانێت گفتوگۆی دۆسیەکە بخوێنێتەوە.
form-problem-invalid-age = تەمەن بە ساڵ بنووسە، لە 0 تا 120.
