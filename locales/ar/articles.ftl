## مقالات التوعية: ما يُقال للمحرّرين عندما يُرفض الحفظ.

error-invalid-article = بعض حقول المقال تحتاج إلى تصحيح.
error-slug-taken = هذا العنوان (المعرّف) مستخدم لمقال أو حملة أخرى. اختر عنواناً آخر.
error-edit-conflict = حفظ شخص آخر هذا المقال بعد أن فتحته. أعد تحميله لترى تغييراته، ثم أجرِ تغييراتك من جديد.

## القراءة: /learn و /learn/<slug>.

learn-intro = لماذا الانضمام إلى جيش أجنبي خطر ومخالف للقانون العراقي، وكيف يعمل المجنِّدون، وأين تجد المساعدة. المقالات التي تفتحها تبقى مقروءة على هذا الهاتف من دون اتصال.
learn-categories = المواضيع
learn-category-all = كل المواضيع
learn-category-law = القانون والعقوبات
learn-category-recruiters = كيف يعمل المجنِّدون
learn-category-reality = ماذا يحدث للمجنَّدين
learn-category-families = ما تستطيع العائلات فعله
learn-category-reporting = الإبلاغ بأمان
learn-category-help = الحصول على المساعدة
learn-featured = مميّز
learn-empty = لا توجد مقالات في هذا الموضوع بعد.
learn-pages = صفحات المقالات
learn-page-previous = المقالات السابقة
learn-page-next = مقالات أخرى
learn-page-of = الصفحة { $page } من { $pages }
learn-fallback-short = غير متوفر بلغتك بعد: يُعرض بالعربية.
learn-fallback = هذه المقالة غير متوفرة بلغتك بعد، لذلك تُعرض بالعربية.
learn-available-in = متوفرة باللغات:
learn-back = كل المقالات
learn-share = مشاركة المقالة
learn-share-link = رابط المقالة
learn-offline = أنت غير متصل بالإنترنت. المقالات التي فتحتها سابقاً ما زالت تعمل.

## صفحات المحررين: /staff/articles و /staff/articles/<id>.

staff-nav-articles = المقالات
articles-empty = لا توجد مقالات بعد.
article-status-draft = مسودة
article-status-in-review = قيد المراجعة
article-status-published = منشورة
article-status-archived = مؤرشفة
article-needs-review = بانتظار مراجعة متحدث أصلي باللغة
article-missing-languages = لغات ناقصة: { $languages }
article-new = كتابة مقالة جديدة
article-slug = العنوان في الرابط (slug)
article-slug-hint = حروف لاتينية صغيرة وأرقام وشرطات مفردة، مثل the-law-and-its-penalties.
article-category = الموضوع
article-create = إنشاء المسودة
campaigns-title = الحملات
campaigns-empty = لا توجد حملات بعد.
campaign-articles = { $count ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالاً
   *[other] { $count } مقال
}
campaign-new = بدء حملة جديدة
campaign-title-in-ar = العنوان بالعربية
campaign-title-in-ckb = العنوان بالسورانية
campaign-title-in-kmr = العنوان بالكرمانجية
campaign-title-in-en = العنوان بالإنجليزية
campaign-start = اليوم الأول
campaign-end = اليوم الأخير
campaign-create = إنشاء الحملة
article-back = كل المقالات
article-review-notice = جاء هذا النص مع المحتوى الأولي وينتظر مراجعة متحدث أصلي باللغة. أزل العلامة من الإعدادات بعد المراجعة.
article-checklist = قبل النشر
article-ready = لا شيء يمنع النشر.
article-not-ready = يجب إصلاح أمر ما قبل النشر.
article-check-missing = ناقصة (يحصل القراء على النص العربي)
article-check-arabic-required = مطلوبة: كل القراء يعودون إلى العربية
article-check-required = مطلوب
article-check-too-long = طويل جداً
article-field-translation = الترجمة
article-field-title = العنوان
article-field-summary = الملخص
article-field-body = النص
article-field-image-alt = وصف الصورة
article-status = الحالة
article-visible = يراها القراء الآن
article-status-change = تغيير الحالة
article-scheduled = مجدولة في { $time }
article-publish-at = وقت النشر (اختياري)
article-publish-at-hint = بتوقيتك المحلي. وقت في المستقبل يجدول المقالة؛ تركه فارغاً يبقي وقتها أو ينشرها الآن.
article-status-save = حفظ الحالة
article-texts = النصوص
article-language-missing = (ناقصة)
article-title = العنوان
article-summary = الملخص
article-body = النص
article-body-hint = ماركداون: **عريض**، ## عنوان، - قائمة، [رابط](https://…). الصور فقط من الرفع أدناه.
article-picture = الصورة
article-picture-alt = وصف الصورة (لمن لا يستطيع رؤيتها)
article-save-text = حفظ هذه اللغة
article-preview = معاينة
article-preview-title = كما سيراها القراء
article-settings = الإعدادات
article-campaign = الحملة
article-no-campaign = بلا حملة
article-featured = مميزة (تظهر أولاً)
article-save-settings = حفظ الإعدادات
article-reads = القراءات في اليوم (أعداد فقط)
article-no-reads = لا قراءات بعد.
article-history = السجل
article-change-created = أُنشئت
article-change-seeded = حُمّلت من المحتوى الأولي
article-change-settings = تغيّرت الإعدادات
article-change-translation = تغيّر النص
article-change-status = تغيّرت الحالة

## مراجعة ترجمات الواجهة
staff-nav-translations = الترجمات
translations-title = ترجمات للمراجعة
translations-intro = يبقى كل نص من نصوص الواجهة معلَّماً بأنه بانتظار مراجعة متحدث أصلي باللغة حتى يقرأه هنا محرر يقرأ تلك اللغة ويعلّمه. والنص الذي يتغير لاحقاً ينتظر المراجعة من جديد.
translations-language = اللغة
translations-only-needing = النصوص التي تنتظر المراجعة فقط
translations-needing-count = { $count ->
        [zero] لا ينتظر المراجعة أي نص من أصل { $total }.
        [one] نص واحد من أصل { $total } ينتظر المراجعة.
        [two] نصّان من أصل { $total } ينتظران المراجعة.
        [few] { $count } نصوص من أصل { $total } تنتظر المراجعة.
        [many] { $count } نصاً من أصل { $total } تنتظر المراجعة.
       *[other] { $count } نص من أصل { $total } تنتظر المراجعة.
    }
translations-reviewed-by = راجعه { $name }
translations-mark-reviewed = تعليمه بأنه رُوجع
translations-mark-again = طلب المراجعة من جديد
