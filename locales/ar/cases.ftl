## حالات المفقودين: تسميات يشترك فيها نموذج العائلة والمتابعة وصفحات موظفي الحالات.

error-invalid-case = بعض الحقول تحتاج إلى تصحيح قبل إرسال البلاغ.

case-status-reported = تم الإبلاغ
case-status-under-review = قيد المراجعة
case-status-information-sought = مطلوب معلومات
case-status-located-alive = عُثر عليه حياً
case-status-in-contact = تم التواصل معه
case-status-returned = عاد إلى الوطن
case-status-deceased = متوفى
case-status-closed = مغلقة

case-close-duplicate = مكررة مع حالة أخرى
case-close-withdrawn = سحبتها العائلة
case-close-resolved = تمت معالجتها

case-consent-committee = اللجنة فقط
case-consent-government = اللجنة والجهات الحكومية العراقية الأخرى
case-consent-humanitarian = وأيضاً المنظمات الإنسانية الدولية مثل اللجنة الدولية للصليب الأحمر

sex-female = أنثى
sex-male = ذكر
