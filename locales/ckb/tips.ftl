## ڕاپۆرتی بێناو: ناونیشانە هاوبەشەکانی فۆرمی ڕاپۆرت، بەدواداچوون و پەڕەکانی سەرپەرشتیاران.

tip-subject-recruiter = کەسێک کە خەڵک ڕادەکێشێت
tip-subject-agency = نووسینگە یان کۆمپانیای گەشت
tip-subject-online-channel = کەناڵ یان ڕیکلامێکی ئۆنلاین
tip-subject-recruited-person = کەسێک کە ڕاکێشراوە
tip-subject-other = شتێکی تر

governorate-anbar = ئەنبار
governorate-babil = بابل
governorate-baghdad = بەغدا
governorate-basra = بەسرە
governorate-dhi-qar = زیقار
governorate-diyala = دیالە
governorate-duhok = دهۆک
governorate-erbil = هەولێر
governorate-halabja = هەڵەبجە
governorate-karbala = کەربەلا
governorate-kirkuk = کەرکووک
governorate-maysan = مەیسان
governorate-muthanna = موسەننا
governorate-najaf = نەجەف
governorate-nineveh = نەینەوا
governorate-qadisiyyah = قادسیە
governorate-saladin = سەلاحەدین
governorate-sulaymaniyah = سلێمانی
governorate-wasit = واست

platform-telegram = تێلێگرام
platform-whatsapp = واتسئاپ
platform-facebook = فەیسبووک
platform-tiktok = تیکتۆک
platform-instagram = ئینستاگرام
platform-website = ماڵپەڕ
platform-other = تر

tip-status-new = نوێ
tip-status-in-review = لە پێداچوونەوەدا
tip-status-actioned = کاری لەسەر کرا
tip-status-dismissed = ڕەتکرایەوە
tip-status-closed = داخرا

tip-public-status-received = وەرگیرا: سەرپەرشتیارێک بەم زووانە دەیخوێنێتەوە.
tip-public-status-in-review = لە پێداچوونەوەدا: سەرپەرشتیارێک کاری لەسەر دەکات.
tip-public-status-closed = داخرا: سوپاس بۆ ڕاپۆرتەکەت.

error-invalid-tip = هەندێک خانە پێش ناردنی ڕاپۆرتەکە پێویستیان بە ڕاستکردنەوە هەیە.
error-invalid-phone-number = ئەم ژمارە تەلەفۆنە دروست نییە. وەک چۆن پەیوەندی پێوە دەکەیت بینووسە، بۆ نموونە 0770 123 4567.
error-invalid-message = نامەیەک بنووسە کە لە 5000 پیت زیاتر نەبێت.
error-image-unsupported = تەنها وێنەی JPEG و PNG و WebP دەتوانرێت هاوپێچ بکرێت.
error-image-too-large = ئەم وێنەیە زۆر گەورەیە. هەر وێنەیەک دەتوانێت تا 10 مێگابایت و 40 مێگاپیکسڵ بێت.
error-image-too-many-pixels = ئەم وێنەیە پیکسڵی زۆرە. هەر وێنەیەک دەتوانێت تا 40 مێگاپیکسڵ بێت.
error-image-corrupt = ئەم وێنەیە تێکچووە و ناخوێندرێتەوە.
error-too-many-images = وێنەکان زۆرن. ڕاپۆرتێک لە هەر جارێکدا تا 5 وێنە و بە گشتی تا 20 وێنە وەردەگرێت.
error-receipt-malformed = پسوولە 16 ژمارەیە. تکایە ئەوەی نووسیوتە بپشکنە.
error-receipt-unknown = هیچ ڕاپۆرتێک بەم پسوولەیە نییە. تکایە ژمارەکان بپشکنە.
error-follow-up-expired = بۆ پاراستنی سەلامەتیت ڕاپۆرتەکە دوای ماوەیەک داخرا. دووبارە پسوولەکەت بنووسە.

mail-new-tip-subject = سەنەد: شتێکی نوێ بۆ پێداچوونەوە هەیە
mail-new-tip-body =
    سڵاو { $name }،

    شتێکی نوێ لە لیستی ڕاپۆرتەکاندا هەیە. بچۆ ژوورەوە بۆ سەنەد بۆ خوێندنەوەی:

    { $link }

    ئەم ئیمەیڵە هەرگیز ناوەڕۆکی ڕاپۆرتێک لەخۆ ناگرێت.

## پەڕەکان: فۆرمی ڕاپۆرت، پسوولە، بەدواداچوون و پەڕەکانی ڕاپۆرت بۆ سەرپەرشتیاران.

home-follow-up = پێشتر ڕاپۆرتت ناردووە؟ بە پسوولەکەت بەدوایدا بچۆ.

report-intro = ئەوەی دەیزانیت پێمان بڵێ. پێویست ناکات ناوی خۆت بنووسیت، و دەتوانیت هەر پرسیارێک کە وەڵامەکەی نازانیت بەجێی بهێڵیت.
report-privacy-title = سەنەد چی هەڵدەگرێت و هەرگیز چی هەڵناگرێت
report-privacy-nothing = نە هەژمار، نە ناونیشانی IP و نە کووکی: هیچ شتێک نیشان نادات کێ ڕاپۆرتەکەی ناردووە.
report-privacy-encrypted = دەق و وێنەکانت بە شفرەکراوی هەڵدەگیرێن، و تەنها سەرپەرشتیاران دەتوانن بیانخوێننەوە.
report-privacy-pictures = زانیارییە شاراوەکانی ناو وێنە، وەک ئەو شوێنەی وێنەکەی لێ گیراوە، پێش هەڵگرتنی هەر شتێک لادەبرێن.
report-privacy-draft = ئەوەی دەینووسیت تەنها لەم تابەی وێبگەڕەکەدا دەمێنێتەوە تا دەینێریت، بۆیە ئەگەر پەڕەکە نوێ بکرێتەوە ون نابێت. وێنەکان هەرگیز هەڵناگیرێن.
report-subject = ڕاپۆرتەکەت دەربارەی چییە؟
report-description = چی ڕوویدا؟
report-description-hint = ئەوەی دەیزانیت باسی بکە: کێ، چی، لە کوێ و کەی، و چۆن ئەمەت زانی.
report-count = { $count } / { $max } { $max ->
    [one] پیت
   *[other] پیت
}
report-more = وردەکاریی زیاتر (ئارەزوومەندانە)
report-more-hint = ناو و ژمارە و هەژمارەکان یارمەتیی سەرپەرشتیاران دەدەن ڕاپۆرتەکانی دەربارەی هەمان ڕاکێشەر بە یەکەوە ببەستنەوە.
report-names = ناوەکان
report-names-hint = ناو یان نازناو، وەک چۆن خەڵک بانگیان دەکەن.
report-name-n = ناوی { $n }
report-phones = ژمارە تەلەفۆنەکان
report-phones-hint = وەک چۆن پەیوەندیی پێوە دەکەیت، بۆ نموونە 0750 123 4567 یان ‎+964 750 123 4567.
report-phone-n = ژمارە تەلەفۆنی { $n }
report-accounts = هەژمار، کەناڵ یان بەستەری ئۆنلاین
report-account-platform-n = هەژماری { $n } لە کوێیە؟
report-account-handle-n = ناو، @ناسنامە یان بەستەری هەژماری { $n }
report-agency = ناوی نووسینگە یان کۆمپانیاکە
report-governorate = پارێزگا
report-governorate-none = دڵنیا نیم
report-place = شار، قەزا یان شوێن
report-month = نزیکەی کەی؟ (مانگ و ساڵ)
report-month-hint = مانگێکی نزیکەیی بەسە.
report-submit = ڕاپۆرتەکە بنێرە
report-wait = ئەم فۆرمە بەبێ JavaScript { $seconds ->
    [one] یەک چرکە
   *[other] { $seconds } چرکە
} دوای کردنەوەی پەڕەکە دەنێردرێت: ئەم چاوەڕوانییە خزمەتگوزارییەکە لە ناردنی خۆکار دەپارێزێت.
report-pictures-again = وێنەت هەڵبژارد بەڵام لەگەڵ فۆرمەکە نەمانەوە. پێش ناردن دووبارە هەڵیانبژێرە.
report-working = ڕاپۆرتەکەت ئامادە دەکرێت…
report-working-why = مۆبایلەکەت ژمێرکارییەکی کورت دەکات کە سەنەد لە لافاوی ڕاپۆرتی ساختەی ئۆتۆماتیکی دەپارێزێت. چەند چرکەیەک دەخایەنێت؛ تکایە ئەم پەڕەیە دامەخە.
report-working-estimate = لەسەر ئەم ئامێرە زۆرجار نزیکەی { $usual } دەخایەنێت (خولەک:چرکە)؛ تا ئێستا { $elapsed }.
report-sending = ڕاپۆرتەکەت دەنێردرێت…
report-network = ڕاپۆرتەکە نەنێردرا. پەیوەندیی ئینتەرنێتەکەت بپشکنە و دووبارە هەوڵ بدەوە؛ ئەوەی نووسیوتە پارێزراوە.

report-sent-title = ڕاپۆرتەکەت نێردرا. سوپاس.
report-receipt-label = پسوولەکەت:
report-receipt-explain = ئەم پسوولەیە تاکە ڕێگەیە بۆ گەڕانەوە بۆ ڕاپۆرتەکەت، خوێندنەوەی وەڵامی سەرپەرشتیاران و زیادکردنی زانیاری. ناتوانرێت بگەڕێندرێتەوە: سەنەد نازانێت کام پسوولە هی تۆیە و ناتوانێت دووبارە بۆت بنێرێت.
report-receipt-keep = لە شوێنێک هەڵیبگرە کە تەنها خۆت دەستت پێی بگات. هەر کەسێک هەیبێت دەتوانێت گفتوگۆی ڕاپۆرتەکەت بخوێنێتەوە.
report-copy = لەبەرگرتنەوە
report-copied = لەبەرگیرایەوە.
report-copy-failed = سەرکەوتوو نەبوو. تکایە پسوولەکە لەسەر کاغەزێک بنووسە.
report-share = هاوبەشکردن یان پاشەکەوتکردن لە ئەپێکی تر
report-save-file = وەک فایل پاشەکەوتی بکە
report-receipt-file =
    پسوولەی سەنەد: { $receipt }

    بۆ بەدواداچوونی ڕاپۆرتەکەت، { $address } بکەرەوە و ئەم پسوولەیە بنووسە.
    بە نهێنی بیهێڵەوە: هەر کەسێک هەیبێت دەتوانێت گفتوگۆی ڕاپۆرتەکەت بخوێنێتەوە.
report-done = تەواو

form-problem-required = تکایە ئەم خانەیە پڕ بکەرەوە.
form-problem-choose-subject = تکایە هەڵبژێرە ڕاپۆرتەکەت دەربارەی چییە.
form-problem-too-long = ئەمە زۆر درێژە. تکایە کورتی بکەرەوە.
form-problem-too-many = تۆمارەکانی ئێرە زۆرن. تا 10 وەردەگیرێت.
form-problem-invalid-account = تکایە ناوێک، @ناسنامەیەک یان بەستەرێک بنووسە.
form-problem-invalid-date = تکایە مانگ و ساڵێک لە 1990 بەدواوە هەڵبژێرە.
pictures-label = وێنەکان (ئارەزوومەندانە)
pictures-hint = وێنەی شاشەی ڕیکلام یان گفتوگۆکان یارمەتیدەرن. JPEG، PNG یان WebP، هەر وێنەیەک تا 10 مێگابایت، و زۆرترین { $max ->
    [one] یەک وێنە
   *[other] { $max } وێنە
}.

follow-up-title = بەدواداچوون بۆ ڕاپۆرتەکەت
follow-up-intro = ئەو پسوولەیە بنووسە کە لە کاتی ناردنی ڕاپۆرتەکەتدا وەرتگرت.
follow-up-receipt = پسوولە
follow-up-receipt-hint = 16 ژمارە. بۆشایی و هێڵ گرنگ نین.
follow-up-open = ڕاپۆرتەکەم بکەرەوە
follow-up-privacy = پسوولەکەت لەسەر ئەم ئامێرە هەڵناگیرێت. بۆ پاراستنی سەلامەتیت ڕاپۆرتەکە دوای 20 خولەک خۆی دادەخرێت.
follow-up-status = دۆخ
follow-up-received-on = لە { $date } نێردرا
follow-up-public-message = تێبینی لە سەرپەرشتیارانەوە
follow-up-conversation = گفتوگۆ
follow-up-no-messages = هێشتا هیچ نامەیەک نییە.
follow-up-you = تۆ
follow-up-moderator = سەرپەرشتیاری سەنەد
follow-up-caseworker = کارمەندی دۆسیەی سەنەد
follow-up-message = نامەکەت بۆ سەرپەرشتیاران
follow-up-case-message = نامەکەت بۆ کارمەندی دۆسیە
follow-up-send = نامەکە بنێرە
follow-up-sent = نامەکەت نێردرا.
follow-up-pictures = وێنە زیاد بکە
follow-up-pictures-count = وێنەکانی ڕاپۆرتەکەت: { $count }. { $left ->
    [one] دەتوانیت یەک وێنەی تر زیاد بکەیت.
   *[other] دەتوانیت { $left } وێنەی تر زیاد بکەیت.
}
follow-up-pictures-added = وێنەکان زیاد کران.

staff-nav-tips = ڕاپۆرتەکان
tips-filter-status = دۆخ
tips-filter-all = هەموو
tips-empty = هیچ ڕاپۆرتێک نییە.
tips-older = ڕاپۆرتی کۆنتر
tips-awaiting-reply = چاوەڕێی وەڵامە
tip-title = ڕاپۆرتی { $id }
tip-back = گەڕانەوە بۆ ڕاپۆرتەکان
tip-subject = بابەت
tip-status = دۆخ
tip-received = ڕێکەوتی وەرگرتن
tip-language = زمانی ڕاپۆرتدەر
tip-governorate = پارێزگا
tip-place = شوێن
tip-agency = نووسینگە یان کۆمپانیا
tip-month = نزیکەی کەی
tip-names = ناوەکان
tip-phones = ژمارە تەلەفۆنەکان
tip-accounts = هەژمارە ئۆنلاینەکان
tip-not-given = نەنووسراوە
tip-description = چی ڕوویدا
tip-pictures = وێنەکان
tip-no-pictures = هیچ وێنەیەک نییە.
tip-picture-n = وێنەی { $n }، بە قەبارەی تەواو بیکەرەوە
tip-linked = ئەو ڕاپۆرتانەی ژمارە تەلەفۆن یان هەژمارێکی هاوبەشیان هەیە
tip-linked-none = هیچ ڕاپۆرتێکی تر ژمارە تەلەفۆن یان هەژمارێکی هاوبەشی لەگەڵ ئەمەدا نییە.
tip-linked-shared = هاوبەش:
tip-linked-count = { $count ->
    [one] 1 ڕاپۆرتی تر ژمارە تەلەفۆن یان هەژمارێکی هاوبەشی لەگەڵ ئەمەدا هەیە.
   *[other] { $count } ڕاپۆرتی تر ژمارە تەلەفۆن یان هەژمارێکی هاوبەشیان لەگەڵ ئەمەدا هەیە؛ ئەوانەی زیاترین هاوبەشیان هەیە یەکەمن.
}
tip-linked-more = { $count ->
    [one] پیشاندانی 1 ی تر
   *[other] پیشاندانی { $count } ی تر
}
tip-conversation = گفتوگۆ لەگەڵ ڕاپۆرتدەر
tip-no-messages = هێشتا هیچ نامەیەک نییە.
tip-author-tipster = ڕاپۆرتدەر
tip-author-moderator = سەرپەرشتیار
tip-reply = وەڵامی ڕاپۆرتدەر بدەرەوە
tip-reply-hint = ڕاپۆرتدەر کاتێک بە پسوولەکەی دەگەڕێتەوە دەیخوێنێتەوە. هەرگیز داوای ناو یان شوێنی نیشتەجێبوونی مەکە.
tip-send-reply = وەڵامەکە بنێرە
tip-status-title = دۆخ و تێبینی بۆ ڕاپۆرتدەر
tip-public-message = تێبینییەک کە ڕاپۆرتدەر دەیبینێت
tip-public-message-hint = لە پەڕەی بەدواداچوونی ڕاپۆرتدەردا لە سەرووی گفتوگۆکەوە دەردەکەوێت. بە بەتاڵی بیهێڵەوە بۆ ئەوەی هیچ تێبینییەک دەرنەکەوێت.
tip-save-status = پاشەکەوتکردن
follow-up-content-removed = ئەم ڕاپۆرتە داخرا، و دوای ئەو ماوەیەی سەنەد ڕاپۆرتە داخراوەکان دەهێڵێتەوە، دەق و وێنە و گفتوگۆکەی سڕانەوە. تەنها دۆخ و ڕێکەوتەکانی ماون.
tip-wiped = ناوەڕۆکی ئەم ڕاپۆرتە لە { $date } بەپێی یاسای هێشتنەوە سڕایەوە؛ دۆخ و ڕێکەوت و نیشانەکانی ماون.
