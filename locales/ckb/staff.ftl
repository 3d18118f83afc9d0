# بەشی کارمەندان: چوونەژوورەوە، هەژمارەکان، بەڕێوەبردنی کارمەندان، تۆماری وردبینی و ڕێکخستنەکان.
staff-title = بەشی کارمەندان
staff-sign-in-title = چوونەژوورەوەی کارمەندان
staff-email = ئیمەیڵ
staff-password = وشەی نهێنی
staff-totp-code = کۆدی شەش ژمارەیی لە ئەپی ناسینەوەکەت
staff-sign-in-held = هەوڵی زۆر بۆ ئەم ئیمەیڵە درا: تەنها وشەی نهێنی ئێستا چاوەڕێ دەکات. ئەگەر ئەپی ناسینەوە بەکاردەهێنیت، کۆدەکەی لەگەڵ وشەی نهێنییەکەت بنووسە بۆ ئەوەی ئێستا بچیتە ژوورەوە. ئەگەر ئەپەکەت نییە و وشەی نهێنییەکە دروست بوو، بەستەرێکی چوونەژوورەوەمان بۆ ئیمەیڵەکەت نارد.
staff-sign-in-link-opened = بەستەرێکی چوونەژوورەوەت کردەوە. ئیمەیڵ و وشەی نهێنییەکەت بنووسە بۆ تەواوکردنی چوونەژوورەوە.
staff-sign-in = چوونەژوورەوە
staff-sign-out = چوونەدەرەوە
staff-forgot-password = وشەی نهێنییەکەت لەبیر کردووە؟
staff-send-reset = ناردنی بەستەری گۆڕین
staff-reset-sent = ئەگەر ئەم ناونیشانە هی کارمەندێک بێت، بەستەرێک بۆ هەڵبژاردنی وشەی نهێنیی نوێ بەڕێوەیە.
staff-set-password-title = وشەی نهێنییەکەت هەڵبژێرە
staff-set-password-intro = بەخێربێیت، { $name }. وشەیەکی نهێنی بۆ { $email } هەڵبژێرە.
staff-new-password = وشەی نهێنیی نوێ
staff-password-hint = لانیکەم 12 پیت. ڕستەیەک لە چەند وشەی بێپەیوەند بە یەکەوە بەهێزە و بە ئاسانی لەبیر دەمێنێت.
staff-save-password = پاشەکەوتکردنی وشەی نهێنی
staff-password-saved = وشەی نهێنییەکەت پاشەکەوت کرا. ئێستا دەتوانیت بچیتە ژوورەوە.
staff-link-missing = ئەم پەڕەیە پێویستی بەو بەستەرەیە کە بە ئیمەیڵ بۆت هاتووە. بەستەرەکە ڕێک وەک ئەوەی پێت گەیشتووە بکەرەوە.
staff-nav-home = تێڕوانینی گشتی
staff-nav-team = کارمەندان
staff-nav-audit = تۆماری وردبینی
staff-nav-settings = ڕێکخستنەکان
staff-nav-account = هەژمارەکەم
staff-welcome = وەک { $name } چوویتە ژوورەوە.
staff-your-roles = ڕۆڵەکانت: { $roles }
staff-roles = ڕۆڵەکان
role-admin = بەڕێوەبەر
role-moderator = سەرپەرشتیار
role-caseworker = کارمەندی دۆسیە
role-editor = دەستکاریکەر
staff-invite-title = بانگهێشتکردنی کارمەندێک
staff-display-name = ناو
staff-invite-language = زمانی بانگهێشتنامەکە
staff-invite = ناردنی بانگهێشتنامە
staff-invited = بانگهێشتنامەکە بۆ { $email } نێردرا.
staff-status-active = چالاک
staff-status-inactive = ناچالاککراو
staff-status-invited = بانگهێشتنامەکە هێشتا قبووڵ نەکراوە
staff-deactivate = ناچالاککردن
staff-reactivate = چالاککردنەوە
staff-save-roles = پاشەکەوتکردنی ڕۆڵەکان
staff-saved = پاشەکەوت کرا.
audit-filter-action = کردار
audit-filter = پاڵاوتن
audit-time = کات
audit-actor = کێ
audit-action = کردار
audit-object = پەیوەندیدار بە
audit-empty = هیچ تۆمارێک نییە.
settings-require-totp = داواکردنی چوونەژوورەوەی دوو هەنگاوی (TOTP) بۆ هەموو کارمەندان
settings-first-look-hours = ژمارەی کاتژمێر پێش ئەوەی ڕاپۆرت یان دۆسیەیەکی نوێ بە دواکەوتوو دابنرێت
settings-first-look-hours-hint = لە ڕۆژی گەیشتنییەوە تا یەکەم جار کەسێک دەیکاتەوە؛ لە 1 تا 720 کاتژمێر.
settings-save = پاشەکەوتکردن
account-password-title = گۆڕینی وشەی نهێنی
account-current-password = وشەی نهێنیی ئێستا
account-change-password = گۆڕینی وشەی نهێنی
account-password-changed = وشەی نهێنییەکەت گۆڕدرا. تکایە دووبارە بچۆ ژوورەوە.
account-totp-title = چوونەژوورەوەی دوو هەنگاوی
account-totp-on = چوونەژوورەوەی دوو هەنگاوی چالاکە.
account-totp-off = چوونەژوورەوەی دوو هەنگاوی ناچالاکە.
account-totp-start = ڕێکخستنی ئەپی ناسینەوە
account-totp-scan = ئەم کۆدە بە ئەپی ناسینەوەکەت سکان بکە، یان کلیلەکەی خوارەوە بنووسە، پاشان ئەو کۆدە شەش ژمارەییە بنووسە کە ئەپەکە پیشانی دەدات.
account-totp-key = کلیل
account-totp-confirm = دڵنیاکردنەوە
account-totp-disable = کوژاندنەوەی چوونەژوورەوەی دوو هەنگاوی
account-totp-required = ڕێکخراوەکەت چوونەژوورەوەی دوو هەنگاوی داوا دەکات. بۆ بەردەوامبوون لێرە ڕێکی بخە.
error-stale-view = ئەم بابەتە دوای ئەوەی کردتەوە گۆڕا (لەوانەیە هاوکارێک وەڵامی دابێتەوە یان گۆڕیبێتی). دووبارە بیکەرەوە، ئەوەی گۆڕاوە بخوێنەوە، پاشان دووبارە هەوڵ بدەوە.
error-invalid-triage = هەندێک خانە پێویستیان بە ڕاستکردنەوە هەیە.
error-unknown-assignee = ئەم کەسە ناتوانێت ئەم بابەتە وەربگرێت: هەژمارەکەی چالاک نییە یان ڕۆڵی پێویستی نییە.
mail-assigned-subject = سەنەد: کارێک بە تۆ سپێردرا
mail-assigned-body =
    سڵاو { $name }،

    هاوکارێک کارێکی لە سەنەد بە تۆ سپارد. بچۆ ژوورەوە بۆ بینینی:

    { $link }

    ئەم ئیمەیڵە هەرگیز ناوەڕۆکی ڕاپۆرتێک لەخۆ ناگرێت.

mail-sign-in-link-subject = سەنەد: بەستەری چوونەژوورەوەکەت
mail-sign-in-link-body =
    سڵاو { $name }،

    کەسێک وشەی نهێنیی دروستی هەژمارەکەتی لە سەنەد نووسی لە کاتێکدا چوونەژوورەوە دوای چەندین هەوڵی
    سەرنەکەوتوو ڕاگیرابوو. ئەگەر خۆت بوویت، ئەم بەستەرە لە ماوەی 30 خولەکدا بکەرەوە و دووبارە وشەی
    نهێنییەکەت بنووسە بۆ چوونەژوورەوە:

    { $link }

    ئەگەر تۆ نەبوویت، کەسێکی تر وشەی نهێنییەکەت دەزانێت: بەستەرەکە مەکەرەوە، و یەکسەر وشەی
    نهێنییەکەت بگۆڕە یان بە بەڕێوەبەرێک بڵێ.

mail-audit-checkpoint-subject = سەنەد: خاڵی پشکنینی ڕۆژانەی تۆماری چاودێری
mail-audit-checkpoint-body =
    سڵاو { $name }،

    ئەمە خاڵی پشکنینی واژووکراوی تۆماری چاودێریی سەنەدە بۆ ئەمڕۆ. ئەم ئیمەیڵە لە شوێنێک هەڵبگرە کە
    بەڕێوەبەرانی ڕاژەکار نەیگەنێ. ئەگەر ڕۆژێک تۆمارەکە کورت کرایەوە یان دووبارە نووسرایەوە، ئەم دێڕە
    دەیسەلمێنێت تا کوێ گەیشتبوو:

    { $checkpoint }

    بۆ پشکنینی، فەرمانی "sanad audit verify" لەسەر ڕاژەکار کار پێ بکە.

## پۆلێنکردن: گرنگی، سپاردن، نیشانەکان، تێبینییەکان، لیستی کار
priority-urgent = بەپەلە
priority-high = بەرز
priority-normal = ئاسایی
priority-low = نزم
reason-departure-soon = { $days ->
    [0] کەسێک ئەمڕۆ دەڕوات
    [one] کەسێک سبەی دەڕوات
   *[other] کەسێک { $days } ڕۆژی تر دەڕوات
}
reason-minor = کەسێکی خوار 18 ساڵ تێوەگلاوە
reason-linked = { $count ->
    [one] ژمارەی تەلەفۆن یان هەژمارێک لەگەڵ 1 ڕاپۆرتی تر هاوبەشە
   *[other] ژمارەی تەلەفۆن یان هەژمارێک لەگەڵ { $count } ڕاپۆرتی تر هاوبەشە
}
reason-waiting = { $days ->
    [one] 1 ڕۆژە چاوەڕێی یەکەم سەیرکردنە
   *[other] { $days } ڕۆژە چاوەڕێی یەکەم سەیرکردنە
}
reason-manual = بە دەست بەرز یان نزم کراوەتەوە ({ $adjust })
reason-none = هیچ یاسایەک گرنگییەکەی بەرز ناکاتەوە.
triage-title = پۆلێنکردن
triage-overdue = دواکەوتوو
triage-waiting = { $days ->
    [0] لە ئەمڕۆوە چاوەڕێیە
    [one] 1 ڕۆژە چاوەڕێیە
   *[other] { $days } ڕۆژە چاوەڕێیە
}
triage-others-here = ئێستا لای ئەمانەش کراوەیە: { $names }. پێش وەڵامدانەوە ڕێک بکەون کێ وەڵام دەداتەوە.
triage-manual-reason = هۆکاری گۆڕینی دەستی:
triage-assignee = سپێردراوە بە
triage-unassigned = هیچ کەس
triage-assign-me = وەریبگرە
triage-labels = نیشانەکان
triage-no-labels = هێشتا هیچ نیشانەیەک نییە: بەڕێوەبەر دەتوانێت دروستیان بکات.
triage-adjust-title = بەرزکردنەوە یان نزمکردنەوەی دەستی
triage-adjust = خاڵی زیادکراو، لە ‎-50 تا 50 (سفر گۆڕانەکە لادەبات)
triage-adjust-reason = هۆکار (پێویستە، تەنها کارمەندان دەیبینن)
triage-adjust-save = پاشەکەوتکردنی گرنگی
triage-notes = تێبینیی ناوخۆیی (هەرگیز بۆ ڕاپۆرتدەر نیشان نادرێت)
triage-notes-none = هێشتا هیچ تێبینییەک نییە.
triage-note-label = تێبینیی نوێ
triage-note-add = زیادکردنی تێبینی
queue-open = کراوەکان (نوێ یان لە پێداچوونەوەدا)
queue-filter-priority = گرنگی
queue-filter-assignee = سپێردراوە بە
queue-assignee-me = من
queue-assignee-none = هیچ کەس
queue-filter-label = نیشانە
queue-overdue = تەنها دواکەوتووەکان
queue-bulk = گۆڕینی ڕاپۆرتە دیاریکراوەکان
queue-selected = { $count ->
    [one] 1 ڕاپۆرت دیاری کراوە
   *[other] { $count } ڕاپۆرت دیاری کراون
}
queue-bulk-take = وەریانبگرە
queue-bulk-dismiss = لایانبدە
queue-bulk-label = زیادکردنی نیشانەیەک…
queue-bulk-done = { $count ->
    [one] 1 ڕاپۆرت گۆڕدرا.
   *[other] { $count } ڕاپۆرت گۆڕدران.
}
queue-select = دیاریکردن
queue-select-one = دیاریکردنی ڕاپۆرتی { $id }
queue-col-tip = ڕاپۆرت
queue-col-priority = گرنگی
queue-col-waiting = گەیشتن
home-tips = ڕاپۆرتەکان
home-cases = دۆسیەکانی ونبووان
home-mine = سپێردراو بە من
home-overdue = دواکەوتوو
home-urgent = بەپەلە
home-unassigned = نەسپێردراو
home-open = کراوە
home-first-look = { $hours ->
    [one] بابەتێک دوای 1 کاتژمێر بێ یەکەم سەیرکردن بە دواکەوتوو دادەنرێت.
   *[other] بابەتێک دوای { $hours } کاتژمێر بێ یەکەم سەیرکردن بە دواکەوتوو دادەنرێت.
}
labels-title = نیشانەکان
labels-color = ڕەنگ
labels-name-in = ناو بە { $language }
labels-add = زیادکردنی نیشانە
queue-search = وشە لە ڕاپۆرتەکەدا
queue-search-go = گەڕان
triage-departure = بەپێی ڕاپۆرتەکە دەڕوات لە
queue-yes = بەڵێ
queue-no = نەخێر
queue-more-filters = پاڵێوەری زیاتر
queue-filter-governorate = پارێزگا
queue-filter-from = گەیشتووە لە
queue-filter-to = گەیشتووە تا
queue-filter-attachments = وێنەی تێدایە
queue-filter-linked = ژمارە یان هەژمارێکی هاوبەشی لەگەڵ ڕاپۆرتێکی تر هەیە
queue-views = دیمەنە پاشەکەوتکراوەکانم
queue-view-choose = دیمەنێک هەڵبژێرە…
queue-view-name = ناوێک بۆ ئەم دیمەنە
queue-view-save = پاشەکەوتکردنی ئەم دیمەنە
queue-view-saved = دیمەنی «{ $name }» پاشەکەوت کرا.
queue-view-delete = سڕینەوەی ئەم دیمەنە
queue-view-deleted = دیمەنەکە سڕایەوە.
queue-col-case = دۆسیە
queue-case-search = وشە لە دۆسیەکەدا
queue-case-select-one = دیاریکردنی دۆسیەی { $id }
queue-case-bulk = گۆڕینی دۆسیە دیاریکراوەکان
queue-case-open = کراوەکان (دانەخراو، نەگەڕاوە و نەمردوو)
queue-case-selected = { $count ->
    [one] 1 دۆسیە دیاری کراوە
   *[other] { $count } دۆسیە دیاری کراون
}
queue-case-bulk-done = { $count ->
    [one] 1 دۆسیە گۆڕدرا.
   *[other] { $count } دۆسیە گۆڕدران.
}
file-choose = فایلێک هەڵبژێرە
file-none-chosen = هیچ فایلێک هەڵنەبژێردراوە
queue-filters = پاڵاوتنی لیستەکە
queue-close-item = داخستن
timeline-title = مێژوو
timeline-empty = هێشتا هیچ گۆڕانکاری و نامەیەک نییە.
timeline-system = سیستەم
timeline-status = دۆخ گۆڕدرا لە { $from } بۆ { $to }
timeline-assigned = سپێردرا بە { $to }
timeline-unassigned = بێ سپاردن مایەوە
timeline-labels-added = نیشانە زیادکران: { $labels }
timeline-labels-removed = نیشانە لابران: { $labels }
timeline-priority = گرنگی بە دەست گۆڕدرا ({ $adjust })
timeline-priority-cleared = گۆڕینی دەستی گرنگی لابرا
timeline-note = تێبینیی ناوخۆیی
timeline-replied-tip = نامە بۆ ڕاپۆرتدەر
timeline-replied-case = نامە بۆ خێزان
timeline-wrote-tip = نامە لە ڕاپۆرتدەرەوە
timeline-wrote-case = نامە لە خێزانەوە
timeline-merged = لەگەڵ دۆسیەیەکی تر یەکخرا
queue-bulk-status = دانانی دۆخ…
queue-bulk-assign = سپاردن بە…
queue-bulk-unlabel = لابردنی نیشانەیەک…
home-mine-title = سپێردراو بە تۆ، بەپەلەترین یەکەم
home-mine-none = هیچ شتێکی کراوە بە تۆ نەسپێردراوە.
home-mine-all = هەموو ئەوەی بە تۆ سپێردراوە
staff-nav-entities = ژمارە و لایەنەکان
entity-kind-phone = ژمارەی تەلەفۆن
entity-kind-account = هەژماری ئۆنلاین
entity-kind-agency = لایەن یان ڕاکێشەر
entity-sources = { $count ->
    [one] 1 ڕاپۆرتی سەربەخۆ
   *[other] { $count } ڕاپۆرتی سەربەخۆ
}
entity-sources-label = ناوی هاتووە لە
entity-first-seen = یەکەم جار بینراوە
entity-last-seen = دوایین جار بینراوە
entity-governorates = پارێزگاکان
entity-reports = ئەو ڕاپۆرتانەی ناوی دەهێنن
entity-tips = ڕاپۆرتەکان
entity-cases = دۆسیەکان
entity-tips-none = هیچ ڕاپۆرتێک ناوی ناهێنێت.
entity-cases-none = هیچ دۆسیەیەک ناوی ناهێنێت.
entity-back = گەڕان بۆ ژمارە، هەژمار یان لایەن
entity-aliases = نووسینەکانی تری ناوی ئەم لایەنە
entity-aliases-none = هیچ نووسینێکی تر لەگەڵ ئەمەدا تێکەڵ نەکراوە.
entity-split = جیاکردنەوە
entity-split-done = جیاکرایەوە: دووبارە لایەنێکی سەربەخۆیە.
entity-merge = نووسینێکی تر لەگەڵ ئەم لایەنەدا تێکەڵ بکە
entity-merge-hint = ناوەکەی تر وەک لە ڕاپۆرتێکدا نووسراوە بنووسە، بۆ نموونە بە پیتی لاتینی. دواتر ڕاپۆرتەکانی بۆ ئەم لایەنە دەژمێردرێن؛ دەتوانیت دووبارە جیای بکەیتەوە.
entity-merge-find = گەڕان
entity-merge-confirm = «{ $name }» لەگەڵ ئەم لایەنەدا تێکەڵ بکە
entity-merge-none = هیچ لایەنێکی تر بەم شێوەیە لەو ڕاپۆرتانەدا نەنووسراوە کە کاریان لەسەر دەکەیت.
entity-merged = تێکەڵ کرا.
entities-title = ژمارە، هەژمار و لایەنەکان
entities-intro = هەموو ژمارە تەلەفۆن، هەژماری ئۆنلاین و لایەنێک کە لە ڕاپۆرت یان دۆسیەیەکدا ناوی هاتووە، لەگەڵ ئەو ڕاپۆرتانەی ناوی دەهێنن.
entities-search-label = ژمارەی تەلەفۆن، هەژمار یان ناوی لایەن
entities-search-hint = وەک لە ڕاپۆرتەکەدا نووسراوە: بە هەر ژمارەیەک، بەستەر یان ‎@ناو‎، بە پیتی عەرەبی یان لاتینی.
entities-search-go = گەڕان
entities-none = هیچ شتێک بەم شێوەیە لەو ڕاپۆرتانەدا نەنووسراوە کە کاریان لەسەر دەکەیت.
connections-title = پەیوەندییەکان لە ڕێگەی ژمارە، هەژمار و لایەنەکانەوە
connections-entities = ئەوەی ئەم ڕاپۆرتە ناوی دەهێنێت
connections-none = ئەم ڕاپۆرتە ناوی هیچ ژمارە تەلەفۆن، هەژمار یان لایەنێک ناهێنێت.
connections-network = بینینی تۆڕەکە
connections-tips = ڕاپۆرتەکان کە هەمان شت ناو دەهێنن
connections-cases = دۆسیەکان کە هەمان شت ناو دەهێنن
connections-tips-none = هیچ ڕاپۆرتێکی تر ناوی هیچ کامێک لەمانە ناهێنێت.
connections-cases-none = هیچ دۆسیەیەک ناوی هیچ کامێک لەمانە ناهێنێت.
connections-hidden-tips = { $count ->
    [one] 1 ڕاپۆرت هەمان شت ناو دەهێنێت؛ ڕاپۆرتەکان سەرپەرشتیاران دەیانخوێننەوە.
   *[other] { $count } ڕاپۆرت هەمان شت ناو دەهێنن؛ ڕاپۆرتەکان سەرپەرشتیاران دەیانخوێننەوە.
}
connections-hidden-cases = { $count ->
    [one] 1 دۆسیە هەمان شت ناو دەهێنێت؛ دۆسیەکان کارمەندانی دۆسیە دەیانخوێننەوە.
   *[other] { $count } دۆسیە هەمان شت ناو دەهێنن؛ دۆسیەکان کارمەندانی دۆسیە دەیانخوێننەوە.
}
connections-shared = هاوبەش:
connections-more = { $count ->
    [one] و 1 دانەی تر کە لێرە نییە.
   *[other] و { $count } دانەی تر کە لێرە نین.
}
network-title = تۆڕ
network-back = گەڕانەوە
network-about-entity = هەموو ئەوەی بەم ژمارە، هەژمار یان لایەنەوە پەیوەستە، تا دوو هەنگاو.
network-about-tip = هەموو ئەوەی بەم ڕاپۆرتەوە پەیوەستە، تا دوو هەنگاو.
network-about-case = هەموو ئەوەی بەم دۆسیەیەوە پەیوەستە، تا دوو هەنگاو.
network-from = ڕاپۆرتەکان لە
network-to = ڕاپۆرتەکان تا
network-apply = پیشاندان
network-empty = لەم ماوەیەدا هیچ شتێک پەیوەست نییە.
network-truncated = پەیوەستەکان زیاترن لەوەی بکێشرێن: ئەو 200 دانەیەی زۆرترین پەیوەندییان هەیە پیشان دەدرێن.
network-summary = { $nodes ->
    [one] وێنەی تۆڕێک لە 1 بابەت و { $links } پەیوەندی؛ لیستەکەی خوارەوە هەمان شت بە وشە دەڵێت.
   *[other] وێنەی تۆڕێک لە { $nodes } بابەت و { $links } پەیوەندی؛ لیستەکەی خوارەوە هەمان شت بە وشە دەڵێت.
}
network-legend = ڕێبەری وێنەکە
network-kind-tip = ڕاپۆرت
network-kind-case = دۆسیە
network-kind-hidden = ڕاپۆرتێک کە کاری لەسەر ناکەیت
network-thickness = هێڵ هەتا ئەستوورتر بێت، ڕاپۆرتی سەربەخۆی زیاتر
network-hidden-tip = ڕاپۆرتێک (سەرپەرشتیاران دەیخوێننەوە)
network-hidden-case = دۆسیەیەک (کارمەندانی دۆسیە دەیخوێننەوە)
network-list = تۆڕەکە بە وشە
network-links = { $count ->
    [one] 1 پەیوەندی
   *[other] { $count } پەیوەندی
}
staff-nav-statistics = ئامارەکان
statistics-title = ئامارەکان
statistics-from = لە
statistics-to = تا
statistics-period = لە { $from } تا { $to }
statistics-small = ژمارەکانی کەمتر لە 5 وەک «<5» پیشان دەدرێن، بۆ ئەوەی هیچ خێزان یان ڕاپۆرتدەرێک نەناسرێتەوە؛ بەڕێوەبەران بە وردی دەیانبینن.
statistics-tips-open = ڕاپۆرتە کراوەکان
statistics-tips-overdue = ڕاپۆرتە دواکەوتووەکان بۆ یەکەم سەیرکردن
statistics-tips-received = ڕاپۆرتە گەیشتووەکان لەم ماوەیەدا
statistics-cases-open = دۆسیە کراوەکان
statistics-cases-overdue = دۆسیە دواکەوتووەکان بۆ یەکەم سەیرکردن
statistics-cases-received = دۆسیە ڕاپۆرتکراوەکان لەم ماوەیەدا
statistics-series-tips = ڕاپۆرتەکان
statistics-series-cases = دۆسیەکان
statistics-weekly = ڕاپۆرتەکان بە پێی هەفتە
statistics-week = هەفتە لە
statistics-as-table = ژمارەکان لە خشتەیەکدا
statistics-first-look = ڕۆژەکان تا یەکەم سەیرکردن، بە پێی هەفتەی گەیشتن
statistics-first-look-hint = تەنها ڕۆژی گەیشتن هەڵدەگیرێت، بۆیە ماوەکان بە ڕۆژی تەواو دەژمێردرێن. هەفتەیەک کە کەمتر لە 5 ڕاپۆرتی تێدا سەیر کرابێت ژمارەی نییە.
statistics-first-look-tips = ڕاپۆرتەکان: ڕۆژەکان تا یەکەم سەیرکردن
statistics-first-look-cases = دۆسیەکان: ڕۆژەکان تا یەکەم سەیرکردن
statistics-median = ناوەند
statistics-p90 = 9 لە 10 لە ماوەی
statistics-tips-by-governorate = ڕاپۆرتەکان بە پێی پارێزگا
statistics-tips-by-subject = ڕاپۆرتەکان بە پێی بابەت
statistics-tips-by-status = ڕاپۆرتەکان بە پێی دۆخ
statistics-cases-by-governorate = دۆسیەکان بە پێی پارێزگا
statistics-cases-by-status = دۆسیەکان بە پێی دۆخ
statistics-cases-outcomes = ئەنجامی دۆسیەکان
statistics-unknown-governorate = پارێزگا نەنووسراوە
map-title = نەخشەی ڕاپۆرتەکان بە پێی پارێزگا
map-show = پیشاندان
map-measure = ڕەنگکردن بە پێی
map-rate = بۆ هەر 100,000 دانیشتوو
map-raw = ژمارەی ڕاپۆرتەکان
map-fewer = کەمتر
map-more = زیاتر
map-hidden = کەمتر لە 5: پیشان نادرێت
map-note = ڕێژەکان خەمڵاندنی نزیکی دانیشتوان بەکاردەهێنن (سەرژمێری 2024، ئەنجامە سەرەتاییەکان). هەڵەبجە وەک خاڵێک پیشان دەدرێت. سنوورەکان: Natural Earth.
export-csv = هەناردە وەک CSV
export-download = پاشەکەوتکردنی { $name }
export-hint = فایلێکی خشتە لەوەی پیشان دراوە، بۆ Excel (عەرەبی و کوردی وەک خۆیان دەمێننەوە). هەناردەکردن لە تۆماری وردبینیدا تۆمار دەکرێت. تا 5,000 ڕیز: بۆ زیاتر، پاڵاوتنەکان تەسک بکەرەوە.
export-ftm = هەناردە بۆ Aleph ‏(FollowTheMoney)
export-ftm-hint = ژمارە، هەژمار و لایەنەکانی ئەم تۆڕە و ئەوانەی پێکەوە ناویان دێت، وەک FollowTheMoney بۆ ئامرازەکانی لێکۆڵەران وەک Aleph. هیچ شتێک لەوەی ڕاپۆرتەکان دەیڵێن تێیدا نییە. هەناردەکردن لە تۆماری وردبینیدا تۆمار دەکرێت.
entity-unnamed = (تەنها لەو ڕاپۆرتانەدا نووسراوە کە کاریان لەسەر ناکەیت)
evidence-heading = بەڵگە بۆ داواکاری گشتی
evidence-package = پاکەتی بەڵگە (ZIP)
evidence-package-hint = فایلێکی واژووکراو بۆ داواکاری گشتی: ڕاپۆرتەکە و گفتوگۆکەی، وێنەکان وەک گەیشتوون، تۆمارەکانی وردبینی دەربارەی و لیستێک بە SHA-256ی هەموو فایلێک. هەر کەسێک دەتوانێت بەبێ ئینتەرنێت بە sanad evidence verify پشکنینی بۆ بکات. دروستکردنی لە تۆماری وردبینیدا تۆمار دەکرێت.
evidence-title = پاکەتی بەڵگە: { $reference }
evidence-made = لە { $at } دروستکرا (کاتی جیهانی).
evidence-picture = وێنەی { $n }
evidence-audit = تۆمارەکانی وردبینی دەربارەی ئەم ڕاپۆرتە
evidence-audit-none = هیچ تۆمارێکی وردبینی پەیوەندی بەم ڕاپۆرتەوە نییە.
evidence-audit-seq = تۆمار
evidence-audit-time = کات (کاتی جیهانی)
evidence-audit-actor = لەلایەن
evidence-audit-action = کردار
evidence-audit-hash = هاش
evidence-head = سەری زنجیرەی وردبینی کاتی دروستکردنی پاکەتەکە: تۆماری { $seq }، هاش { $hash }.
evidence-verify-hint = هەموو فایلێکی ئەم پاکەتە بە SHA-256ەکەیەوە لە manifest.json دا هاتووە، کە بە کلیلی Ed25519ی خزمەتگوزارییەکە واژوو کراوە. بە فەرمانی { $command } پاکەتەکە بپشکنە، و کلیلەکە بەراورد بکە لەگەڵ ئەو کلیلەی خزمەتگوزارییەکە لە { $address } بڵاوی دەکاتەوە.
