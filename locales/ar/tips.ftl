## البلاغات المجهولة: تسميات يشترك فيها نموذج البلاغ والمتابعة وصفحات المشرفين.

tip-subject-recruiter = شخص يجنّد
tip-subject-agency = مكتب أو شركة سفر
tip-subject-online-channel = قناة أو إعلان على الإنترنت
tip-subject-recruited-person = شخص تم تجنيده
tip-subject-other = أمر آخر

governorate-anbar = الأنبار
governorate-babil = بابل
governorate-baghdad = بغداد
governorate-basra = البصرة
governorate-dhi-qar = ذي قار
governorate-diyala = ديالى
governorate-duhok = دهوك
governorate-erbil = أربيل
governorate-halabja = حلبجة
governorate-karbala = كربلاء
governorate-kirkuk = كركوك
governorate-maysan = ميسان
governorate-muthanna = المثنى
governorate-najaf = النجف
governorate-nineveh = نينوى
governorate-qadisiyyah = القادسية
governorate-saladin = صلاح الدين
governorate-sulaymaniyah = السليمانية
governorate-wasit = واسط

platform-telegram = تيليغرام
platform-whatsapp = واتساب
platform-facebook = فيسبوك
platform-tiktok = تيك توك
platform-instagram = إنستغرام
platform-website = موقع إلكتروني
platform-other = أخرى

tip-status-new = جديد
tip-status-in-review = قيد المراجعة
tip-status-actioned = اتُّخذ إجراء
tip-status-dismissed = مستبعد
tip-status-closed = مغلق

tip-public-status-received = تم الاستلام: سيقرؤه أحد المشرفين قريباً.
tip-public-status-in-review = قيد المراجعة: يعمل عليه أحد المشرفين.
tip-public-status-closed = مغلق: شكراً لبلاغك.

error-invalid-tip = بعض الحقول تحتاج إلى تصحيح قبل إرسال البلاغ.
error-invalid-phone-number = رقم الهاتف هذا غير صحيح. اكتبه كما تتصل به، مثلاً 0770 123 4567.
error-invalid-message = اكتب رسالة لا تزيد على 5000 حرف.
error-image-unsupported = يمكن إرفاق صور JPEG وPNG وWebP فقط.
error-image-too-large = هذه الصورة كبيرة جداً. الحد لكل صورة 10 ميغابايت و40 ميغابكسل.
error-image-too-many-pixels = في هذه الصورة عدد كبير جداً من البكسلات. الحد لكل صورة 40 ميغابكسل.
error-image-corrupt = هذه الصورة تالفة ولا يمكن قراءتها.
error-too-many-images = عدد الصور كبير جداً. يقبل البلاغ حتى 5 صور في المرة الواحدة و20 صورة في المجموع.
error-receipt-malformed = يتكوّن رقم الوصل من 16 رقماً. يرجى التحقق مما كتبته.
error-receipt-unknown = لا يوجد بلاغ بهذا الوصل. يرجى التحقق من الأرقام.
error-follow-up-expired = حفاظاً على سلامتك أُغلق البلاغ بعد مدة. أدخل وصلك مرة أخرى.

mail-new-tip-subject = سند: يوجد جديد للمراجعة
mail-new-tip-body =
    مرحباً { $name }،

    يوجد جديد في قائمة البلاغات. سجّل الدخول إلى سند لقراءته:

    { $link }

    لا تحتوي هذه الرسالة أبداً على مضمون أي بلاغ.

## الصفحات: نموذج البلاغ، والإيصال، والمتابعة، وصفحات البلاغات للمشرفين.

home-follow-up = هل أرسلت بلاغاً من قبل؟ تابعه برقم الوصل.

report-intro = أخبرنا بما تعرفه. لا حاجة إلى ذكر اسمك، ويمكنك ترك أي سؤال لا تعرف جوابه.
report-privacy-title = ما يحتفظ به «سند» وما لا يحتفظ به أبداً
report-privacy-nothing = لا حساب ولا عنوان IP ولا ملفات تعريف الارتباط: لا شيء يدل على من أرسل البلاغ.
report-privacy-encrypted = يُحفظ نصك وصورك مشفّرين، ولا يطّلع عليهما إلا المشرفون.
report-privacy-pictures = تُزال المعلومات المخفية داخل الصور، مثل المكان الذي التُقطت فيه الصورة، قبل حفظ أي شيء.
report-privacy-draft = ما تكتبه يبقى في تبويب المتصفح هذا فقط حتى ترسله، فلا يضيع إذا أُعيد تحميل الصفحة. أما الصور فلا تُحفظ أبداً.
report-subject = عمّ يتحدث بلاغك؟
report-description = ماذا حدث؟
report-description-hint = صف ما تعرفه: من، وماذا، وأين، ومتى، وكيف عرفت ذلك.
report-count = { $count } / { $max } { $max ->
    [zero] حرف
    [one] حرف
    [two] حرف
    [few] أحرف
    [many] حرفاً
   *[other] حرف
}
report-more = تفاصيل إضافية (اختيارية)
report-more-hint = تساعد الأسماء والأرقام والحسابات المشرفين على ربط البلاغات التي تتحدث عن المجنِّد نفسه.
report-names = الأسماء
report-names-hint = الأسماء أو الألقاب أو الكنى كما يستخدمها الناس.
report-name-n = الاسم { $n }
report-phones = أرقام الهواتف
report-phones-hint = كما تتصل بها، مثلاً 0770 123 4567 أو ‎+964 770 123 4567.
report-phone-n = رقم الهاتف { $n }
report-accounts = حسابات أو قنوات أو روابط على الإنترنت
report-account-platform-n = أين يوجد الحساب { $n }؟
report-account-handle-n = اسم الحساب { $n } أو معرّفه (@) أو رابطه
report-agency = اسم المكتب أو الشركة
report-governorate = المحافظة
report-governorate-none = لست متأكداً
report-place = المدينة أو القضاء أو المكان
report-month = متى تقريباً؟ (الشهر والسنة)
report-month-hint = يكفي شهر تقريبي.
report-submit = أرسل البلاغ
report-wait = يمكن إرسال هذا النموذج من دون JavaScript { $seconds ->
    [zero] فور فتح الصفحة
    [one] بعد ثانية واحدة من فتح الصفحة
    [two] بعد ثانيتين من فتح الصفحة
    [few] بعد { $seconds } ثوانٍ من فتح الصفحة
    [many] بعد { $seconds } ثانيةً من فتح الصفحة
   *[other] بعد { $seconds } ثانية من فتح الصفحة
}: هذا الانتظار يحمي الخدمة من الإرسال الآلي.
report-pictures-again = اخترت صوراً لكنها لم تُحفظ مع النموذج. اخترها مرة أخرى قبل الإرسال.
report-working = جارٍ تجهيز بلاغك…
report-working-why = يُجري هاتفك عملية حسابية قصيرة تحمي «سند» من سيل البلاغات الوهمية الآلية. تستغرق بضع ثوانٍ؛ يرجى إبقاء هذه الصفحة مفتوحة.
report-working-estimate = يستغرق هذا عادةً على جهازك نحو { $usual } (دقائق:ثوانٍ)، ومضى منها { $elapsed }.
report-sending = جارٍ إرسال بلاغك…
report-network = تعذّر إرسال البلاغ. تحقق من اتصالك بالإنترنت وحاول مرة أخرى؛ ما كتبته محفوظ.

report-sent-title = تم إرسال بلاغك. شكراً لك.
report-receipt-label = رقم وصلك:
report-receipt-explain = هذا الوصل هو الطريقة الوحيدة للعودة إلى بلاغك وقراءة ردود المشرفين وإضافة معلومات. لا يمكن استرجاعه: فـ«سند» لا يعرف أي وصل يخصك ولا يستطيع إرساله إليك مرة أخرى.
report-receipt-keep = احفظه في مكان لا يصل إليه غيرك. كل من يملكه يستطيع قراءة المحادثة الخاصة ببلاغك.
report-copy = نسخ
report-copied = تم النسخ.
report-copy-failed = لم ينجح ذلك. يرجى كتابة رقم الوصل على ورقة.
report-share = مشاركة أو حفظ في تطبيق آخر
report-save-file = حفظ في ملف
report-receipt-file =
    وصل «سند»: { $receipt }

    لمتابعة بلاغك افتح { $address } وأدخل هذا الوصل.
    احفظه سراً: كل من يملكه يستطيع قراءة المحادثة الخاصة ببلاغك.
report-done = تم

form-problem-required = يرجى ملء هذا الحقل.
form-problem-choose-subject = يرجى اختيار موضوع بلاغك.
form-problem-too-long = النص طويل جداً. يرجى اختصاره.
form-problem-too-many = عدد الإدخالات هنا كبير جداً. الحد الأقصى 10.
form-problem-invalid-account = يرجى كتابة اسم أو معرّف (@) أو رابط.
form-problem-invalid-date = يرجى اختيار شهر وسنة من 1990 فما بعد.
pictures-label = الصور (اختيارية)
pictures-hint = تفيد لقطات الشاشة للإعلانات أو المحادثات. صور JPEG أو PNG أو WebP، حتى 10 ميغابايت لكل صورة، { $max ->
    [zero] ولا تُقبل صور هنا
    [one] وصورة واحدة كحد أقصى
    [two] وصورتان كحد أقصى
    [few] و{ $max } صور كحد أقصى
    [many] و{ $max } صورةً كحد أقصى
   *[other] و{ $max } صورة كحد أقصى
}.

follow-up-title = تابع بلاغك
follow-up-intro = أدخل رقم الوصل الذي حصلت عليه عند إرسال بلاغك.
follow-up-receipt = رقم الوصل
follow-up-receipt-hint = 16 رقماً. لا تهم المسافات والشرطات.
follow-up-open = افتح بلاغي
follow-up-privacy = لا يُحفظ وصلك على هذا الجهاز. حفاظاً على سلامتك يُغلق البلاغ تلقائياً بعد 20 دقيقة.
follow-up-status = الحالة
follow-up-received-on = أُرسل بتاريخ { $date }
follow-up-public-message = ملاحظة من المشرفين
follow-up-conversation = المحادثة
follow-up-no-messages = لا توجد رسائل بعد.
follow-up-you = أنت
follow-up-moderator = مشرف في «سند»
follow-up-caseworker = موظف الحالة في «سند»
follow-up-message = رسالتك إلى المشرفين
follow-up-case-message = رسالتك إلى موظف الحالة
follow-up-send = أرسل الرسالة
follow-up-sent = تم إرسال رسالتك.
follow-up-pictures = أضف صوراً
follow-up-pictures-count = عدد الصور في بلاغك: { $count }. { $left ->
    [zero] لا يمكنك إضافة صور أخرى.
    [one] يمكنك إضافة صورة واحدة أخرى.
    [two] يمكنك إضافة صورتين أخريين.
    [few] يمكنك إضافة { $left } صور أخرى.
    [many] يمكنك إضافة { $left } صورةً أخرى.
   *[other] يمكنك إضافة { $left } صورة أخرى.
}
follow-up-pictures-added = تمت إضافة الصور.

staff-nav-tips = البلاغات
tips-filter-status = الحالة
tips-filter-all = الكل
tips-empty = لا توجد بلاغات.
tips-older = بلاغات أقدم
tips-awaiting-reply = بانتظار الرد
tip-title = البلاغ { $id }
tip-back = العودة إلى البلاغات
tip-subject = الموضوع
tip-status = الحالة
tip-received = تاريخ الاستلام
tip-language = لغة المُبلِّغ
tip-governorate = المحافظة
tip-place = المكان
tip-agency = المكتب أو الشركة
tip-month = متى تقريباً
tip-names = الأسماء
tip-phones = أرقام الهواتف
tip-accounts = الحسابات على الإنترنت
tip-not-given = غير مذكور
tip-description = ماذا حدث
tip-pictures = الصور
tip-no-pictures = لا توجد صور.
tip-picture-n = الصورة { $n }، افتحها بالحجم الكامل
tip-linked = بلاغات تشترك في رقم هاتف أو حساب
tip-linked-none = لا يشترك أي بلاغ آخر مع هذا البلاغ في رقم هاتف أو حساب.
tip-linked-shared = المشترك:
tip-linked-count = { $count ->
    [zero] لا بلاغ آخر يشترك مع هذا البلاغ في رقم هاتف أو حساب.
    [one] بلاغ آخر واحد يشترك مع هذا البلاغ في رقم هاتف أو حساب.
    [two] بلاغان آخران يشتركان مع هذا البلاغ في رقم هاتف أو حساب؛ الأكثر اشتراكاً أولاً.
    [few] { $count } بلاغات أخرى تشترك مع هذا البلاغ في رقم هاتف أو حساب؛ الأكثر اشتراكاً أولاً.
    [many] { $count } بلاغاً آخر يشترك مع هذا البلاغ في رقم هاتف أو حساب؛ الأكثر اشتراكاً أولاً.
   *[other] { $count } بلاغ آخر يشترك مع هذا البلاغ في رقم هاتف أو حساب؛ الأكثر اشتراكاً أولاً.
}
tip-linked-more = { $count ->
    [zero] لا بلاغات أخرى
    [one] عرض بلاغ آخر
    [two] عرض بلاغين آخرين
    [few] عرض { $count } بلاغات أخرى
    [many] عرض { $count } بلاغاً آخر
   *[other] عرض { $count } بلاغ آخر
}
tip-conversation = المحادثة مع المُبلِّغ
tip-no-messages = لا توجد رسائل بعد.
tip-author-tipster = المُبلِّغ
tip-author-moderator = المشرف
tip-reply = الرد على المُبلِّغ
tip-reply-hint = يقرؤه المُبلِّغ عندما يعود برقم وصله. لا تطلب أبداً اسمه أو مكان سكنه.
tip-send-reply = أرسل الرد
tip-status-title = الحالة وملاحظة للمُبلِّغ
tip-public-message = ملاحظة تظهر للمُبلِّغ
tip-public-message-hint = تظهر فوق المحادثة في صفحة المتابعة لدى المُبلِّغ. اتركها فارغة كي لا تظهر أي ملاحظة.
tip-save-status = حفظ
follow-up-content-removed = أُغلق هذا البلاغ، وبعد انقضاء المدة التي يحتفظ فيها سند بالبلاغات المغلقة حُذف نصه وصوره ومحادثته. لم يبقَ إلا حالته وتواريخه.
tip-wiped = حُذف مضمون هذا البلاغ في { $date } وفق قاعدة الاحتفاظ؛ بقيت حالته وتواريخه وتصنيفاته.
