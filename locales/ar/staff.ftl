# منطقة الموظفين: تسجيل الدخول، والحسابات، وإدارة الموظفين، وسجل التدقيق، والإعدادات.
staff-title = منطقة الموظفين
staff-sign-in-title = تسجيل دخول الموظفين
staff-email = البريد الإلكتروني
staff-password = كلمة المرور
staff-totp-code = الرمز المكوّن من ستة أرقام من تطبيق المصادقة
staff-sign-in-held = محاولات كثيرة لهذا البريد: كلمة المرور وحدها تنتظر الآن. إن كنت تستخدم تطبيق مصادقة، فأدخل رمزه مع كلمة المرور لتدخل الآن. وإن لم تكن تستخدمه وكانت كلمة المرور صحيحة، فقد أرسلنا إليك رابط تسجيل دخول بالبريد.
staff-sign-in-link-opened = فتحت رابط تسجيل دخول. أدخل بريدك وكلمة المرور لإكمال تسجيل الدخول.
staff-sign-in = تسجيل الدخول
staff-sign-out = تسجيل الخروج
staff-forgot-password = هل نسيت كلمة المرور؟
staff-send-reset = إرسال رابط إعادة التعيين
staff-reset-sent = إذا كان هذا العنوان يخص أحد الموظفين، فسيصله قريباً رابط لاختيار كلمة مرور جديدة.
staff-set-password-title = اختر كلمة المرور
staff-set-password-intro = مرحباً { $name }. اختر كلمة مرور للحساب { $email }.
staff-new-password = كلمة المرور الجديدة
staff-password-hint = 12 حرفاً على الأقل. العبارة المكوّنة من عدة كلمات لا رابط بينها قوية وسهلة التذكّر.
staff-save-password = حفظ كلمة المرور
staff-password-saved = تم حفظ كلمة المرور. يمكنك الآن تسجيل الدخول.
staff-link-missing = تحتاج هذه الصفحة إلى الرابط المرسل إلى بريدك الإلكتروني. افتح الرابط كما وصلك تماماً.
staff-nav-home = نظرة عامة
staff-nav-team = الموظفون
staff-nav-audit = سجل التدقيق
staff-nav-settings = الإعدادات
staff-nav-account = حسابي
staff-welcome = تم تسجيل الدخول باسم { $name }.
staff-your-roles = أدوارك: { $roles }
staff-roles = الأدوار
role-admin = مدير
role-moderator = مشرف
role-caseworker = موظف الحالة
role-editor = محرّر
staff-invite-title = دعوة موظف
staff-display-name = الاسم
staff-invite-language = لغة الدعوة
staff-invite = إرسال الدعوة
staff-invited = أُرسلت الدعوة إلى { $email }.
staff-status-active = فعّال
staff-status-inactive = معطَّل
staff-status-invited = لم تُقبل الدعوة بعد
staff-deactivate = تعطيل
staff-reactivate = إعادة التفعيل
staff-save-roles = حفظ الأدوار
staff-saved = تم الحفظ.
audit-filter-action = الإجراء
audit-filter = تصفية
audit-time = الوقت
audit-actor = المنفّذ
audit-action = الإجراء
audit-object = يتعلق بـ
audit-empty = لا توجد سجلات.
settings-require-totp = اشتراط تسجيل الدخول بخطوتين (TOTP) لجميع الموظفين
settings-first-look-hours = عدد الساعات قبل أن يُعدّ البلاغ أو الحالة الجديدة متأخراً
settings-first-look-hours-hint = من يوم وصوله حتى يفتحه أحد لأول مرة؛ من 1 إلى 720 ساعة.
settings-save = حفظ
account-password-title = تغيير كلمة المرور
account-current-password = كلمة المرور الحالية
account-change-password = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور. يرجى تسجيل الدخول مجدداً.
account-totp-title = تسجيل الدخول بخطوتين
account-totp-on = تسجيل الدخول بخطوتين مفعّل.
account-totp-off = تسجيل الدخول بخطوتين غير مفعّل.
account-totp-start = إعداد تطبيق المصادقة
account-totp-scan = امسح هذا الرمز بتطبيق المصادقة، أو اكتب المفتاح أدناه، ثم أدخل الرمز المكوّن من ستة أرقام الذي يظهره التطبيق.
account-totp-key = المفتاح
account-totp-confirm = تأكيد
account-totp-disable = إيقاف تسجيل الدخول بخطوتين
account-totp-required = تشترط مؤسستك تسجيل الدخول بخطوتين. فعّله هنا للمتابعة.
error-stale-view = تغيّر هذا العنصر بعد أن فتحته (ربما ردّ عليه زميل أو غيّره). أعد تحميله واقرأ ما تغيّر، ثم حاول مجدداً.
error-invalid-triage = بعض الحقول تحتاج إلى تصحيح.
error-unknown-assignee = لا يمكن إسناد هذا العنصر إلى هذا الشخص: حسابه غير فعّال أو ليس لديه الدور المناسب.
mail-assigned-subject = سند: أُسند إليك عمل جديد
mail-assigned-body =
    مرحباً { $name }،

    أسند إليك أحد الزملاء عملاً في سند. سجّل الدخول لتراه:

    { $link }

    لا تحتوي هذه الرسالة أبداً على مضمون أي بلاغ.

mail-sign-in-link-subject = سند: رابط تسجيل الدخول
mail-sign-in-link-body =
    مرحباً { $name }،

    أدخل أحدهم كلمة المرور الصحيحة لحسابك في سند بينما كان تسجيل الدخول معلّقاً بعد محاولات فاشلة كثيرة.
    إن كنت أنت، فافتح هذا الرابط خلال 30 دقيقة وأدخل كلمة المرور مرة أخرى لتسجيل الدخول:

    { $link }

    إن لم تكن أنت، فكلمة مرورك معروفة لغيرك: لا تفتح الرابط، وغيّر كلمة المرور أو أبلغ أحد المشرفين فوراً.

mail-audit-checkpoint-subject = سند: نقطة التحقق اليومية لسجل التدقيق
mail-audit-checkpoint-body =
    مرحباً { $name }،

    هذه نقطة التحقق الموقَّعة لسجل التدقيق في سند لهذا اليوم. احتفظ بهذه الرسالة في مكان لا يصل إليه
    مشغّلو الخادم. إن قُطع السجل أو أُعيدت كتابته يوماً ما، فهذا السطر يثبت إلى أين وصل:

    { $checkpoint }

    للتحقق منه شغّل الأمر "sanad audit verify" على الخادم.

## الفرز: الأولوية والإسناد والتصنيفات والملاحظات وقائمة العمل
priority-urgent = عاجل
priority-high = مرتفعة
priority-normal = عادية
priority-low = منخفضة
reason-departure-soon = { $days ->
    [0] يسافر أحدهم اليوم
    [one] يسافر أحدهم غداً
    [two] يسافر أحدهم بعد يومين
    [few] يسافر أحدهم بعد { $days } أيام
    [many] يسافر أحدهم بعد { $days } يوماً
   *[other] يسافر أحدهم بعد { $days } يوم
}
reason-minor = الأمر يخص شخصاً دون الثامنة عشرة
reason-linked = { $count ->
    [zero] لا يشترك في رقم هاتف أو حساب مع بلاغ آخر
    [one] يشترك في رقم هاتف أو حساب مع بلاغ آخر
    [two] يشترك في رقم هاتف أو حساب مع بلاغين آخرين
    [few] يشترك في رقم هاتف أو حساب مع { $count } بلاغات أخرى
    [many] يشترك في رقم هاتف أو حساب مع { $count } بلاغاً آخر
   *[other] يشترك في رقم هاتف أو حساب مع { $count } بلاغ آخر
}
reason-waiting = { $days ->
    [zero] ينتظر النظرة الأولى منذ اليوم
    [one] ينتظر النظرة الأولى منذ يوم
    [two] ينتظر النظرة الأولى منذ يومين
    [few] ينتظر النظرة الأولى منذ { $days } أيام
    [many] ينتظر النظرة الأولى منذ { $days } يوماً
   *[other] ينتظر النظرة الأولى منذ { $days } يوم
}
reason-manual = رُفعت أو خُفّضت يدوياً ({ $adjust })
reason-none = لا تنطبق عليه أي قاعدة ترفع أولويته.
triage-title = الفرز
triage-overdue = متأخر
triage-waiting = { $days ->
    [0] ينتظر منذ اليوم
    [one] ينتظر منذ يوم
    [two] ينتظر منذ يومين
    [few] ينتظر منذ { $days } أيام
    [many] ينتظر منذ { $days } يوماً
   *[other] ينتظر منذ { $days } يوم
}
triage-others-here = مفتوح الآن أيضاً لدى: { $names }. اتفقوا على من يردّ قبل أن تكتب.
triage-manual-reason = سبب التغيير اليدوي:
triage-assignee = مُسنَد إلى
triage-unassigned = لا أحد
triage-assign-me = خذه
triage-labels = التصنيفات
triage-no-labels = لا توجد تصنيفات بعد: يمكن للمدير إنشاؤها.
triage-adjust-title = رفع الأولوية أو خفضها يدوياً
triage-adjust = النقاط المضافة، من ‎-50 إلى 50 (الصفر يلغي التغيير)
triage-adjust-reason = السبب (مطلوب، ولا يراه إلا الموظفون)
triage-adjust-save = حفظ الأولوية
triage-notes = ملاحظات داخلية (لا تظهر للمُبلِّغ أبداً)
triage-notes-none = لا توجد ملاحظات بعد.
triage-note-label = ملاحظة جديدة
triage-note-add = إضافة الملاحظة
queue-open = المفتوحة (جديدة أو قيد المراجعة)
queue-filter-priority = الأولوية
queue-filter-assignee = مُسنَد إلى
queue-assignee-me = أنا
queue-assignee-none = لا أحد
queue-filter-label = التصنيف
queue-overdue = المتأخرة فقط
queue-bulk = تغيير البلاغات المحددة
queue-selected = { $count ->
    [zero] لا بلاغات محددة
    [one] بلاغ واحد محدد
    [two] بلاغان محددان
    [few] { $count } بلاغات محددة
    [many] { $count } بلاغاً محدداً
   *[other] { $count } بلاغ محدد
}
queue-bulk-take = خذها
queue-bulk-dismiss = استبعدها
queue-bulk-label = إضافة تصنيف…
queue-bulk-done = { $count ->
    [zero] لم يتغيّر أي بلاغ.
    [one] تغيّر بلاغ واحد.
    [two] تغيّر بلاغان.
    [few] تغيّرت { $count } بلاغات.
    [many] تغيّر { $count } بلاغاً.
   *[other] تغيّر { $count } بلاغ.
}
queue-select = تحديد
queue-select-one = تحديد البلاغ { $id }
queue-col-tip = البلاغ
queue-col-priority = الأولوية
queue-col-waiting = تاريخ الوصول
home-tips = البلاغات
home-cases = حالات المفقودين
home-mine = مُسنَدة إليّ
home-overdue = متأخرة
home-urgent = عاجلة
home-unassigned = غير مُسنَدة
home-open = مفتوحة
home-first-look = { $hours ->
    [zero] يُعدّ العنصر متأخراً إن لم يُنظر فيه فور وصوله.
    [one] يُعدّ العنصر متأخراً بعد ساعة واحدة دون نظرة أولى.
    [two] يُعدّ العنصر متأخراً بعد ساعتين دون نظرة أولى.
    [few] يُعدّ العنصر متأخراً بعد { $hours } ساعات دون نظرة أولى.
    [many] يُعدّ العنصر متأخراً بعد { $hours } ساعةً دون نظرة أولى.
   *[other] يُعدّ العنصر متأخراً بعد { $hours } ساعة دون نظرة أولى.
}
labels-title = التصنيفات
labels-color = اللون
labels-name-in = الاسم بـ{ $language }
labels-add = إضافة تصنيف
queue-search = كلمات في البلاغ
queue-search-go = بحث
triage-departure = يسافر بحسب البلاغ في
queue-yes = نعم
queue-no = لا
queue-more-filters = مرشحات أخرى
queue-filter-governorate = المحافظة
queue-filter-from = وصلت من
queue-filter-to = وصلت حتى
queue-filter-attachments = فيها صور
queue-filter-linked = تشترك برقم أو حساب مع بلاغ آخر
queue-views = طرق العرض المحفوظة
queue-view-choose = اختر طريقة عرض…
queue-view-name = اسم لطريقة العرض هذه
queue-view-save = حفظ طريقة العرض هذه
queue-view-saved = حُفظت طريقة العرض «{ $name }».
queue-view-delete = حذف طريقة العرض هذه
queue-view-deleted = حُذفت طريقة العرض.
queue-col-case = الحالة
queue-case-search = كلمات في الحالة
queue-case-select-one = تحديد الحالة { $id }
queue-case-bulk = تغيير الحالات المحددة
queue-case-open = المفتوحة (غير المغلقة أو العائدة أو المتوفاة)
queue-case-selected = { $count ->
    [zero] لا حالات محددة
    [one] حالة واحدة محددة
    [two] حالتان محددتان
    [few] { $count } حالات محددة
    [many] { $count } حالةً محددةً
   *[other] { $count } حالة محددة
}
queue-case-bulk-done = { $count ->
    [zero] لم تتغيّر أي حالة.
    [one] تغيّرت حالة واحدة.
    [two] تغيّرت حالتان.
    [few] تغيّرت { $count } حالات.
    [many] تغيّرت { $count } حالةً.
   *[other] تغيّرت { $count } حالة.
}
file-choose = اختر ملفاً
file-none-chosen = لم يُختر أي ملف
queue-filters = تصفية القائمة
queue-close-item = إغلاق
timeline-title = السجل
timeline-empty = لا تغييرات ولا رسائل بعد.
timeline-system = النظام
timeline-status = تغيّرت الحالة من { $from } إلى { $to }
timeline-assigned = أُسند إلى { $to }
timeline-unassigned = تُرك دون إسناد
timeline-labels-added = أُضيفت التصنيفات: { $labels }
timeline-labels-removed = أُزيلت التصنيفات: { $labels }
timeline-priority = تغيّرت الأولوية يدوياً ({ $adjust })
timeline-priority-cleared = أُلغي التغيير اليدوي للأولوية
timeline-note = ملاحظة داخلية
timeline-replied-tip = رسالة إلى المبلِّغ
timeline-replied-case = رسالة إلى العائلة
timeline-wrote-tip = رسالة من المبلِّغ
timeline-wrote-case = رسالة من العائلة
timeline-merged = دُمجت مع حالة أخرى
queue-bulk-status = تعيين الحالة…
queue-bulk-assign = إسناد إلى…
queue-bulk-unlabel = إزالة تصنيف…
home-mine-title = المُسنَد إليك، الأكثر إلحاحاً أولاً
home-mine-none = لا شيء مفتوح مُسنَد إليك.
home-mine-all = كل ما أُسند إليك
staff-nav-entities = الأرقام والجهات
entity-kind-phone = رقم هاتف
entity-kind-account = حساب إلكتروني
entity-kind-agency = جهة أو مجنِّد
entity-sources = { $count ->
    [zero] لا بلاغات مستقلة
    [one] بلاغ مستقل واحد
    [two] بلاغان مستقلان
    [few] { $count } بلاغات مستقلة
    [many] { $count } بلاغاً مستقلاً
   *[other] { $count } بلاغ مستقل
}
entity-sources-label = ورد في
entity-first-seen = أول ظهور
entity-last-seen = آخر ظهور
entity-governorates = المحافظات
entity-reports = البلاغات التي تذكره
entity-tips = البلاغات
entity-cases = الحالات
entity-tips-none = لا يذكره أي بلاغ.
entity-cases-none = لا تذكره أي حالة.
entity-back = البحث عن رقم أو حساب أو جهة
entity-aliases = كتابات أخرى لاسم هذه الجهة
entity-aliases-none = لم تُدمج أي كتابة أخرى مع هذه.
entity-split = فصل
entity-split-done = فُصلت: صارت جهة مستقلة من جديد.
entity-merge = دمج كتابة أخرى مع هذه الجهة
entity-merge-hint = اكتب الاسم الآخر كما ورد في بلاغ، بالحروف اللاتينية مثلاً. تُحسب بلاغاته بعد ذلك لهذه الجهة، ويمكنك فصله مرة أخرى.
entity-merge-find = بحث
entity-merge-confirm = دمج «{ $name }» مع هذه الجهة
entity-merge-none = لا توجد جهة أخرى مكتوبة هكذا في البلاغات التي تعمل عليها.
entity-merged = تم الدمج.
entities-title = الأرقام والحسابات والجهات
entities-intro = كل رقم هاتف وحساب إلكتروني وجهة وردت في بلاغ أو حالة، مع البلاغات التي تذكرها.
entities-search-label = رقم الهاتف أو الحساب أو اسم الجهة
entities-search-hint = كما كُتب في البلاغ: بأي أرقام، أو رابطاً أو ‎@اسم‎، بحروف عربية أو لاتينية.
entities-search-go = بحث
entities-none = لا شيء مكتوب هكذا في البلاغات التي تعمل عليها.
connections-title = الروابط عبر الأرقام والحسابات والجهات
connections-entities = ما يذكره هذا البلاغ
connections-none = لا يذكر هذا البلاغ رقم هاتف ولا حساباً ولا جهة.
connections-network = عرض الشبكة
connections-tips = بلاغات تذكر الشيء نفسه
connections-cases = حالات تذكر الشيء نفسه
connections-tips-none = لا يذكر أي بلاغ آخر شيئاً من هذه.
connections-cases-none = لا تذكر أي حالة شيئاً من هذه.
connections-hidden-tips = { $count ->
    [zero] لا بلاغ آخر يذكر الشيء نفسه.
    [one] بلاغ واحد يذكر الشيء نفسه؛ يقرأ البلاغاتِ المشرفون.
    [two] بلاغان يذكران الشيء نفسه؛ يقرأ البلاغاتِ المشرفون.
    [few] { $count } بلاغات تذكر الشيء نفسه؛ يقرأ البلاغاتِ المشرفون.
    [many] { $count } بلاغاً تذكر الشيء نفسه؛ يقرأ البلاغاتِ المشرفون.
   *[other] { $count } بلاغ يذكر الشيء نفسه؛ يقرأ البلاغاتِ المشرفون.
}
connections-hidden-cases = { $count ->
    [zero] لا حالة أخرى تذكر الشيء نفسه.
    [one] حالة واحدة تذكر الشيء نفسه؛ يقرأ الحالاتِ موظفو الحالات.
    [two] حالتان تذكران الشيء نفسه؛ يقرأ الحالاتِ موظفو الحالات.
    [few] { $count } حالات تذكر الشيء نفسه؛ يقرأ الحالاتِ موظفو الحالات.
    [many] { $count } حالةً تذكر الشيء نفسه؛ يقرأ الحالاتِ موظفو الحالات.
   *[other] { $count } حالة تذكر الشيء نفسه؛ يقرأ الحالاتِ موظفو الحالات.
}
connections-shared = المشترك:
connections-more = { $count ->
    [zero] ولا شيء آخر غير معروض.
    [one] وواحد آخر غير معروض.
    [two] واثنان آخران غير معروضين.
    [few] و{ $count } أخرى غير معروضة.
    [many] و{ $count } أخرى غير معروضة.
   *[other] و{ $count } أخرى غير معروضة.
}
network-title = الشبكة
network-back = رجوع
network-about-entity = كل ما يتصل بهذا الرقم أو الحساب أو الجهة، حتى خطوتين.
network-about-tip = كل ما يتصل بهذا البلاغ، حتى خطوتين.
network-about-case = كل ما يتصل بهذه الحالة، حتى خطوتين.
network-from = البلاغات من
network-to = البلاغات حتى
network-apply = عرض
network-empty = لا شيء متصل في هذه الفترة.
network-truncated = المتصل أكثر مما يمكن رسمه: تُعرض العناصر الـ200 الأكثر اتصالاً.
network-summary = { $nodes ->
    [zero] رسم شبكة فارغ؛ القائمة أدناه تقول الشيء نفسه بالكلمات.
    [one] رسم شبكة من عنصر واحد و{ $links } روابط؛ القائمة أدناه تقول الشيء نفسه بالكلمات.
    [two] رسم شبكة من عنصرين و{ $links } روابط؛ القائمة أدناه تقول الشيء نفسه بالكلمات.
    [few] رسم شبكة من { $nodes } عناصر و{ $links } روابط؛ القائمة أدناه تقول الشيء نفسه بالكلمات.
    [many] رسم شبكة من { $nodes } عنصراً و{ $links } روابط؛ القائمة أدناه تقول الشيء نفسه بالكلمات.
   *[other] رسم شبكة من { $nodes } عنصر و{ $links } روابط؛ القائمة أدناه تقول الشيء نفسه بالكلمات.
}
network-legend = دليل الرسم
network-kind-tip = بلاغ
network-kind-case = حالة
network-kind-hidden = بلاغ لا تعمل عليه
network-thickness = كلما كان الخط أثخن زاد عدد البلاغات المستقلة
network-hidden-tip = بلاغ (يقرؤه المشرفون)
network-hidden-case = حالة (يقرؤها موظفو الحالات)
network-list = الشبكة بالكلمات
network-links = { $count ->
    [zero] لا روابط
    [one] رابط واحد
    [two] رابطان
    [few] { $count } روابط
    [many] { $count } رابطاً
   *[other] { $count } رابط
}
staff-nav-statistics = الإحصاءات
statistics-title = الإحصاءات
statistics-from = من
statistics-to = إلى
statistics-period = من { $from } إلى { $to }
statistics-small = تُعرض الأعداد الأقل من 5 بصيغة «<5» كي لا يمكن التعرّف على أي عائلة أو مُبلِّغ؛ ويراها المسؤولون بدقة.
statistics-tips-open = البلاغات المفتوحة
statistics-tips-overdue = بلاغات متأخرة عن النظرة الأولى
statistics-tips-received = البلاغات الواردة في الفترة
statistics-cases-open = الحالات المفتوحة
statistics-cases-overdue = حالات متأخرة عن النظرة الأولى
statistics-cases-received = الحالات المُبلَّغ عنها في الفترة
statistics-series-tips = البلاغات
statistics-series-cases = الحالات
statistics-weekly = البلاغات في كل أسبوع
statistics-week = الأسبوع من
statistics-as-table = الأرقام في جدول
statistics-first-look = الأيام حتى النظرة الأولى، حسب أسبوع الورود
statistics-first-look-hint = يُحفظ يوم الورود فقط، لذا تُحسب المدد بالأيام الكاملة. الأسبوع الذي نُظر فيه إلى أقل من 5 بلاغات لا رقم له.
statistics-first-look-tips = البلاغات: الأيام حتى النظرة الأولى
statistics-first-look-cases = الحالات: الأيام حتى النظرة الأولى
statistics-median = الوسيط
statistics-p90 = 9 من كل 10 خلال
statistics-tips-by-governorate = البلاغات حسب المحافظة
statistics-tips-by-subject = البلاغات حسب الموضوع
statistics-tips-by-status = البلاغات حسب الحالة
statistics-cases-by-governorate = الحالات حسب المحافظة
statistics-cases-by-status = الحالات حسب وضعها
statistics-cases-outcomes = نتائج الحالات
statistics-unknown-governorate = المحافظة غير مذكورة
map-title = خريطة البلاغات حسب المحافظة
map-show = عرض
map-measure = التلوين حسب
map-rate = لكل 100٬000 نسمة
map-raw = عدد البلاغات
map-fewer = أقل
map-more = أكثر
map-hidden = أقل من 5: غير معروض
map-note = تستخدم النسب تقديرات مقرّبة للسكان (تعداد 2024، النتائج الأولية). تظهر حلبجة كنقطة. الحدود: Natural Earth.
export-csv = تصدير بصيغة CSV
export-download = حفظ { $name }
export-hint = ملف جدول بما هو معروض، لبرنامج Excel (مع الحفاظ على العربية والكردية). يُسجَّل التصدير في سجل التدقيق. حتى 5٬000 صف: ضيّق عوامل التصفية للمزيد.
export-ftm = تصدير لبرنامج Aleph ‏(FollowTheMoney)
export-ftm-hint = الأرقام والحسابات والجهات في هذه الشبكة وما يُذكر منها معاً، بصيغة FollowTheMoney لأدوات المحققين مثل Aleph. لا يتضمن شيئاً مما تقوله البلاغات. يُسجَّل التصدير في سجل التدقيق.
entity-unnamed = (مكتوب فقط في بلاغات لا تعمل عليها)
evidence-heading = أدلة للادعاء العام
evidence-package = حزمة الأدلة (ZIP)
evidence-package-hint = ملف موقَّع للادعاء العام: البلاغ ومحادثته، والصور كما وصلت، وقيود سجل التدقيق الخاصة به، وبيان ببصمة SHA-256 لكل ملف. يمكن لأي شخص التحقق منه دون اتصال بالأمر sanad evidence verify. يُسجَّل إنشاؤها في سجل التدقيق.
evidence-title = حزمة أدلة: { $reference }
evidence-made = أُنشئت في { $at } (بالتوقيت العالمي).
evidence-picture = الصورة { $n }
evidence-audit = قيود سجل التدقيق الخاصة بهذا البلاغ
evidence-audit-none = لا يوجد قيد في سجل التدقيق يخص هذا البلاغ.
evidence-audit-seq = القيد
evidence-audit-time = الوقت (بالتوقيت العالمي)
evidence-audit-actor = بواسطة
evidence-audit-action = الإجراء
evidence-audit-hash = البصمة
evidence-head = رأس سلسلة التدقيق عند إنشاء الحزمة: القيد { $seq }، البصمة { $hash }.
evidence-verify-hint = كل ملف في هذه الحزمة مدرج ببصمة SHA-256 في الملف manifest.json الموقَّع بمفتاح Ed25519 الخاص بالخدمة. تحقق من الحزمة بالأمر { $command }، وقارن المفتاح بالمفتاح الذي تنشره الخدمة على { $address }.
