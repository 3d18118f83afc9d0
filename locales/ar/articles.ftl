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
learn-more = عرض مقالات أخرى
learn-fallback-short = غير متوفر بلغتك بعد: يُعرض بالعربية.
learn-fallback = هذه المقالة غير متوفرة بلغتك بعد، لذلك تُعرض بالعربية.
learn-available-in = متوفرة باللغات:
learn-back = كل المقالات
learn-share = مشاركة المقالة
learn-share-link = رابط المقالة
learn-offline = أنت غير متصل بالإنترنت. المقالات التي فتحتها سابقاً ما زالت تعمل.
