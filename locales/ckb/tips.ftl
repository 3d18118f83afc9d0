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
