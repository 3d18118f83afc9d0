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
error-receipt-malformed = يتكوّن رقم الإيصال من 16 رقماً. يرجى التحقق مما كتبته.
error-receipt-unknown = لا يوجد بلاغ بهذا الإيصال. يرجى التحقق من الأرقام.
error-follow-up-expired = حفاظاً على سلامتك أُغلق البلاغ بعد مدة. أدخل إيصالك مرة أخرى.

mail-new-tip-subject = سند: يوجد جديد للمراجعة
mail-new-tip-body =
    مرحباً { $name }،

    يوجد جديد في قائمة البلاغات. سجّل الدخول إلى سند لقراءته:

    { $link }

    لا تحتوي هذه الرسالة أبداً على مضمون أي بلاغ.
