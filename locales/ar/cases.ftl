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

## صفحات موظفي الحالات: القائمة وصفحة الحالة وتبادل PFIF.

staff-nav-cases = الحالات
cases-exchange-link = التبادل مع الجهات الشريكة (PFIF)
cases-search = البحث بالاسم
cases-search-button = ابحث عن الاسم
cases-search-hint = أي اسم من سلسلة النسب أو اسم الأم أو التهجئة اللاتينية، بالحروف العربية أو الكردية أو اللاتينية.
cases-search-results = الحالات المطابقة لـ«{ $words }»
cases-search-clear = العودة إلى كل الحالات
cases-filter-status = الحالة
cases-filter-governorate = المحافظة
cases-filter-from = أُبلغ عنها من
cases-filter-to = أُبلغ عنها حتى
cases-empty = لا توجد حالات مطابقة.
cases-older = عرض الحالات الأقدم
cases-open-matches = { $count ->
    [zero] لا تكرار محتمل
    [one] تكرار محتمل واحد
    [two] تكراران محتملان
    [few] { $count } تكرارات محتملة
    [many] { $count } تكراراً محتملاً
   *[other] { $count } تكرار محتمل
}
case-wiped-name = حُذفت البيانات الشخصية

case-back = العودة إلى الحالات
case-heading = الحالة
case-title = الحالة { $number }
case-merged-into = أُغلقت هذه الحالة لأنها مكررة.
case-merged-into-link = فتح الحالة التي دُمجت فيها
case-deceased-pending = اقترح أحد موظفي الحالات تسجيل هذا الشخص متوفى؛ ويجب أن يؤكد ذلك موظف ثانٍ.
case-number = رقم الحالة
case-reported-on = تاريخ البلاغ
case-consent = وافقت العائلة على المشاركة مع
case-wiped = حُذفت البيانات الشخصية لهذه الحالة في { $day } وفق قاعدة الاحتفاظ بالبيانات؛ ولم يبقَ إلا رقمها وتواريخها.
case-photo = الصورة
case-photo-alt = صورة الشخص المفقود
case-person = الشخص المفقود
case-names = الاسم (الاسم، الأب، الجد، اللقب)
case-mother = اسم الأم
case-latin = الاسم بالحروف اللاتينية
case-sex = الجنس
case-birth = تاريخ الميلاد (العمر)
case-residence = مكان السكن
case-phones = أرقام هاتفه
case-left-on = تاريخ المغادرة
case-destination = الوجهة
case-recruiter = الجهة أو الشخص الذي جنّده
case-recruiter-phones = أرقام هاتف المجنِّد
case-last-contact = آخر تواصل
case-last-location = آخر مكان معروف
case-marks = العلامات المميزة
case-reporter = المُبلِّغ
case-reporter-name = الاسم
case-reporter-relationship = صلة القرابة بالمفقود
case-reporter-phone = رقم الهاتف

case-notes = الملاحظات
case-no-notes = لا توجد ملاحظات بعد.
case-note-status-changed = غيّر الحالة.
case-partner = من جهة شريكة
case-partner-record = سجلّها
case-partner-source = المصدر
case-partner-source-date = تاريخ نسختها
case-partner-expiry = يُحذف بعد
case-partner-fields = كل الحقول التي أرسلتها (بأسماء PFIF)
case-note-linked-case = يقول كاتب الملاحظة إنه الشخص نفسه في حالة أخرى: قارن بينهما
case-note-linked-record = يقول كاتب الملاحظة إنه الشخص نفسه في السجل
case-add-note = إضافة ملاحظة
case-add-note-hint = لموظفي الحالات فقط؛ لا ترى العائلة الملاحظات أبداً.
case-save-note = حفظ الملاحظة

case-conversation = الرسائل مع العائلة
case-conversation-hint = تقرأ العائلة هذه الرسائل حين تعود بالوصل.
case-author-caseworker = موظف الحالة
case-author-family = العائلة
case-reply = الكتابة إلى العائلة
case-reply-hint = بكلمات بسيطة ولطيفة: ترى العائلة هذه الرسالة في صفحة المتابعة.

case-status-title = الحالة
case-deceased-rule = تسجيل شخص متوفى يحتاج إلى موظفَين: الأول يقترح والثاني يؤكد (وتغيير المدير يُطبَّق فوراً).
case-deceased-waiting = سُجّل الاقتراح: بانتظار تأكيد موظف حالة ثانٍ.
case-close-reason = سبب الإغلاق
case-close-choose = اختر سبباً

case-duplicates = حالات مكررة محتملة
case-duplicates-hint = بلاغات عن الشخص نفسه قدّمها أقارب مختلفون، عُثر عليها بمقارنة الأسماء عبر التهجئات والحروف المختلفة.
case-duplicates-none = لم يُعثر على حالات مكررة محتملة.
case-duplicates-refresh = البحث عن التكرار مجدداً
case-match-score = الدرجة { $score } من 100
case-match-open = بانتظار القرار
case-match-merged = دُمجت
case-match-dismissed = ليس الشخص نفسه
case-merge = دمج
case-dismiss = ليس الشخص نفسه
case-compare = قارن بين الحالتين
case-match-likely = على الأرجح الشخص نفسه
case-match-possible = ربما الشخص نفسه
case-match-unlikely = على الأرجح ليس الشخص نفسه
case-mark-same = متطابق
case-mark-variant = تهجئة أخرى أو قريب
case-mark-differs = مختلف
case-mark-unknown = غير مذكور في الاثنين
case-mark-governorate = المحافظة
case-mark-phones = أرقام هواتف العائلة
compare-marks = حقلاً بحقل
compare-back = العودة إلى الحالة
compare-heading = حالتان جنباً إلى جنب
compare-title = الحالة { $first } والحالة { $second }
compare-legend = ✔ متطابق · ≈ تهجئة أخرى أو قريب · ✘ مختلف · – غير مذكور في الاثنين
compare-field = الحقل
compare-mark = المقارنة
compare-wiped = حُذفت البيانات الشخصية لإحدى الحالتين؛ لم يبقَ ما يُقارن.
compare-reasons = لماذا جمعت المطابقة بينهما
compare-no-longer = لم تعد هاتان الحالتان مقترحتين كتكرار محتمل: لا يوجد ما يُقرَّر.
compare-decide = قرارك
compare-keep = أي الحالتين تبقى مفتوحة
compare-keep-case = الحالة { $number }، المُبلَّغ عنها في { $day }
compare-reason = لماذا هما الشخص نفسه؟
compare-reason-hint = مطلوب للدمج: اذكر الوقائع المتطابقة، ليفهمها من يقرأ الحالة لاحقاً.
compare-reason-needed = اكتب لماذا الحالتان لشخص واحد قبل الدمج.
compare-merged = الحالة { $duplicate } مدمجة في الحالة { $kept }: أُغلقت كحالة مكررة ولم يُحذف شيء.
compare-merged-now = تم الدمج.
compare-dismissed = هاتان الحالتان مُعلَّمتان على أنهما لشخصين مختلفين. يمكنك دمجهما إن كان ذلك خطأً.
compare-dismissed-now = عُلِّمتا على أنهما لشخصين مختلفين.
compare-unmerge = فكّ الدمج
compare-unmerge-confirm = فكّ دمج الحالة { $duplicate } عن الحالة { $kept }؟ ستستعيد حالتها وكل ما ورد فيها.
compare-unmerged = فُكّ الدمج: عادت الحالتان كما كانتا قبل الدمج.

case-position-given = الاسم
case-position-father = اسم الأب
case-position-grandfather = اسم الجد
case-position-great-grandfather = اسم والد الجد
case-position-family = اللقب
case-reason-name-chain = { $compared ->
    [zero] لم يُقارَن أي اسم في سلسلة النسب.
    [one] يتطابق { $matched } من اسم واحد في سلسلة النسب.
    [two] يتطابق { $matched } من اسمين في سلسلة النسب.
    [few] يتطابق { $matched } من { $compared } أسماء في سلسلة النسب.
    [many] يتطابق { $matched } من { $compared } اسماً في سلسلة النسب.
   *[other] يتطابق { $matched } من { $compared } اسم في سلسلة النسب.
}
case-reason-name-exact = { $position }: الاسم نفسه.
case-reason-name-variant = { $position }: تهجئتان معروفتان للاسم نفسه.
case-reason-name-phonetic = { $position }: النطق نفسه بحروف مختلفة.
case-reason-name-fuzzy = { $position }: يختلفان بحرف واحد، ربما خطأ في الكتابة.
case-reason-name-different = { $position }: اسمان مختلفان.
case-reason-latin-spelling = { $matched ->
    [zero] لا اسم يتطابق عبر التهجئة اللاتينية وحدها.
    [one] اسم واحد يتطابق عبر التهجئة اللاتينية فقط.
    [two] اسمان يتطابقان عبر التهجئة اللاتينية فقط.
    [few] { $matched } أسماء تتطابق عبر التهجئة اللاتينية فقط.
    [many] { $matched } اسماً تتطابق عبر التهجئة اللاتينية فقط.
   *[other] { $matched } اسم تتطابق عبر التهجئة اللاتينية فقط.
}
case-reason-swapped-given-father = يبدو أن الاسم واسم الأب متبادلان: خطأ في الكتابة أو قريبان.
case-reason-relative-sibling = الأب نفسه والاسم مختلف: ربما إخوة.
case-reason-relative-parent-child = أب أحدهما وجده هما اسما الآخر: ربما أب وابنه.
case-reason-mother-same = اسم الأم نفسه.
case-reason-mother-given-only = اسم الأم نفسه، وأحد البلاغين يخلو من اسم أبيها.
case-reason-mother-fuzzy = اسما الأم متقاربان لكنهما غير متطابقين.
case-reason-mother-different = اسما الأم مختلفان.
case-reason-birth-same-date = تاريخ الميلاد نفسه.
case-reason-birth-same-year = سنة الميلاد نفسها.
case-reason-birth-close = بين الميلادين سنة أو سنتان.
case-reason-birth-different = بين الميلادين ثلاث إلى تسع سنوات.
case-reason-birth-far-apart = بين الميلادين عشر سنوات أو أكثر: ليس الشخص نفسه.
case-reason-sex-differs = الجنس مختلف.
case-reason-phone = { $shared ->
    [zero] لا أرقام هاتف مشتركة
    [one] رقم هاتف مشترك واحد
    [two] رقما هاتف مشتركان
    [few] { $shared } أرقام هاتف مشتركة
    [many] { $shared } رقماً مشتركاً
   *[other] { $shared } رقم هاتف مشترك
}
case-reason-phones-differ = في البلاغين أرقام هواتف، ولا رقم مشتركاً بينهما.
case-reason-governorate-same = المحافظة نفسها.
case-reason-governorate-different = محافظتان مختلفتان.
case-reason-other = تشابه آخر.

exchange-title = التبادل مع الجهات الشريكة
exchange-lead = تُتبادل الحالات بصيغة PFIF 1.4، وهي صيغة خدمات البحث عن الأشخاص.
exchange-export = التصدير
exchange-recipient = الجهة المستلمة
exchange-recipient-committee = اللجنة
exchange-recipient-government = الجهات الحكومية العراقية الأخرى
exchange-recipient-humanitarian = المنظمات الإنسانية الدولية
exchange-consent = لا يتضمن الملف إلا الحالات التي وافقت عائلاتها على مشاركتها مع هذه الجهة؛ وتبقى الحالات الأخرى خارجه.
exchange-prepare = تجهيز الملف
exchange-download = حفظ { $name }
exchange-import = الاستيراد
exchange-file = ملف PFIF من جهة شريكة
exchange-file-hint = ملف XML بسجلات PFIF 1.4؛ استيراد الملف نفسه مرتين لا يغيّر شيئاً.
exchange-import-button = استيراد الملف
exchange-imported = استُورد الملف.
exchange-created = { $count ->
    [zero] لا حالات جديدة
    [one] حالة جديدة واحدة
    [two] حالتان جديدتان
    [few] { $count } حالات جديدة
    [many] { $count } حالةً جديدة
   *[other] { $count } حالة جديدة
}
exchange-updated = { $count ->
    [zero] لم تُحدَّث أي حالة
    [one] حُدّثت حالة واحدة
    [two] حُدّثت حالتان
    [few] حُدّثت { $count } حالات
    [many] حُدّثت { $count } حالةً
   *[other] حُدّثت { $count } حالة
}
exchange-wiped = { $count ->
    [zero] لم تُفرَّغ أي حالة
    [one] فُرّغت حالة واحدة لانتهاء مدة سجلها لدى الشريك
    [two] فُرّغت حالتان لانتهاء مدة سجلّيهما لدى الشريك
    [few] فُرّغت { $count } حالات لانتهاء مدة سجلاتها لدى الشريك
    [many] فُرّغت { $count } حالةً لانتهاء مدة سجلاتها لدى الشريك
   *[other] فُرّغت { $count } حالة لانتهاء مدة سجلاتها لدى الشريك
}
exchange-notes = { $count ->
    [zero] لم تُضف أي ملاحظة
    [one] أُضيفت ملاحظة واحدة
    [two] أُضيفت ملاحظتان
    [few] أُضيفت { $count } ملاحظات
    [many] أُضيفت { $count } ملاحظةً
   *[other] أُضيفت { $count } ملاحظة
}
exchange-skipped = { $count ->
    [zero] لم يُترك أي سجل
    [one] تُرك سجل واحد
    [two] تُرك سجلان
    [few] تُركت { $count } سجلات
    [many] تُرك { $count } سجلاً
   *[other] تُرك { $count } سجل
}

## استمارة العائلة (/missing).

missing-intro = أخبرنا عن قريبك الذي جُنّد أو فُقد في الخارج. المطلوب فقط اسمه واسمك؛ وأضف كل ما تعرفه غير ذلك. ستحصل على رقم حالة ووصل لمتابعتها.
missing-privacy-encrypted = كل ما تكتبه يُحفظ مشفّراً ولا يقرؤه إلا موظفو الحالات في اللجنة.
missing-privacy-consent = تختار أدناه الجهات التي يجوز مشاركة البلاغ معها، ولا يُشارك أبعد من ذلك أبداً.
missing-names-hint = اكتب الأسماء كما في البطاقة الوطنية، بالحروف العربية أو الكردية.
missing-given = الاسم
missing-father = اسم الأب
missing-grandfather = اسم الجد
missing-family = اللقب أو اسم العشيرة
missing-mother-hint = اسمها الكامل كما في السجلات الرسمية.
missing-latin-hint = كما في جواز السفر، إن كنت تعرفه.
missing-birth = تاريخ الميلاد
missing-date-hint = سنة (1999) أو شهر (⁦1999‑04⁩) أو يوم (⁦1999‑04‑12⁩).
missing-age = العمر، إن لم تعرف تاريخ الميلاد
missing-list-hint = افصل بين أكثر من واحد بفاصلة.
missing-accounts = الحسابات التي استخدمها (تيليغرام، واتساب، فيسبوك…)
missing-journey = المغادرة والتجنيد
missing-recruiter-hint = شخص أو شركة أو مكتب سفر أو قناة أو إعلان: كل ما تعرفه.
missing-last-contact-on = تاريخ آخر اتصال
missing-last-contact-text = ما قيل في آخر اتصال
missing-relationship-hint = مثلاً الأم أو الأخ أو الزوجة.
missing-language = لغة رسائلنا إليك
missing-language-shown = لغة هذه الصفحة
language-name-ar = العربية
language-name-ckb = الكردية (السورانية)
language-name-kmr = الكردية (الكرمانجية)
language-name-en = الإنجليزية
missing-consent = مع من يجوز مشاركة هذا البلاغ؟
missing-consent-hint = المشاركة مع جهات أكثر قد تساعد في العثور على قريبك. يمكنك أن تطلب من موظف الحالة تغيير ذلك لاحقاً.
missing-photo = صورة لقريبك (اختياري)
missing-photo-hint = صورة واضحة للوجه تساعد. حتى 10 ميغابايت.
missing-invalid-date = اكتب سنة (1999) أو شهراً (⁦1999‑04⁩) أو يوماً (⁦1999‑04‑12⁩).
missing-submit = إرسال البلاغ
missing-step = الخطوة { $n } من { $total }
missing-step-you = عنك
missing-step-consent = صورة، ومن يجوز له قراءة البلاغ
missing-next = التالي
missing-back = رجوع
missing-photo-again = اخترت صورة لكنها لم تُحفظ مع النموذج. اخترها مرة أخرى قبل الإرسال.
missing-problem-consent = يرجى اختيار من يجوز له قراءة هذا البلاغ.
form-required-note = الحقول المعلَّمة بـ * مطلوبة.
departure-invalid = اكتب اليوم، مثل ⁦2026‑12‑04⁩.
missing-sent-title = وصلنا بلاغك. رقم الحالة:
missing-receipt-explain = هذا الوصل هو الطريقة الوحيدة لمتابعة الحالة وقراءة رسائل موظف الحالة وإضافة معلومات. لا يمكن استرجاعه: «سند» لا يعرف أي وصل يخصك.
missing-receipt-file =
    حالة «سند» رقم { $number }
    الوصل: { $receipt }

    لمتابعة الحالة افتح { $address } وأدخل هذا الوصل.
    احفظه سراً: كل من يملكه يستطيع قراءة المحادثة الخاصة بالحالة.
form-problem-invalid-age = اكتب العمر بالسنوات، من 0 إلى 120.
