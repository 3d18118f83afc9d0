## Anonymous tips: labels shared by the report form, follow-up and the moderators' pages.

tip-subject-recruiter = A recruiter
tip-subject-agency = An agency or travel company
tip-subject-online-channel = An online channel or advert
tip-subject-recruited-person = Someone who was recruited
tip-subject-other = Something else

governorate-anbar = Anbar
governorate-babil = Babil
governorate-baghdad = Baghdad
governorate-basra = Basra
governorate-dhi-qar = Dhi Qar
governorate-diyala = Diyala
governorate-duhok = Duhok
governorate-erbil = Erbil
governorate-halabja = Halabja
governorate-karbala = Karbala
governorate-kirkuk = Kirkuk
governorate-maysan = Maysan
governorate-muthanna = Muthanna
governorate-najaf = Najaf
governorate-nineveh = Nineveh
governorate-qadisiyyah = Al-Qadisiyyah
governorate-saladin = Saladin
governorate-sulaymaniyah = Sulaymaniyah
governorate-wasit = Wasit

platform-telegram = Telegram
platform-whatsapp = WhatsApp
platform-facebook = Facebook
platform-tiktok = TikTok
platform-instagram = Instagram
platform-website = Website
platform-other = Other

tip-status-new = New
tip-status-in-review = In review
tip-status-actioned = Actioned
tip-status-dismissed = Dismissed
tip-status-closed = Closed

tip-public-status-received = Received: a moderator will read it soon.
tip-public-status-in-review = In review: a moderator is working on it.
tip-public-status-closed = Closed: thank you for your report.

error-invalid-tip = Some fields need attention before the report can be sent.
error-invalid-phone-number = This phone number is not valid. Write it as you would dial it, for example 0770 123 4567.
error-invalid-message = Write a message of up to 5,000 characters.
error-image-unsupported = Only JPEG, PNG and WebP pictures can be attached.
error-image-too-large = This picture is too large. Each picture may be up to 10 MB and 40 megapixels.
error-image-too-many-pixels = This picture has too many pixels. Each picture may be up to 40 megapixels.
error-image-corrupt = This picture is damaged and cannot be read.
error-too-many-images = Too many pictures. A report can hold up to 5 pictures at a time and 20 in all.
error-receipt-malformed = A receipt has 16 digits. Please check what you typed.
error-receipt-unknown = No report has this receipt. Please check the digits.
error-follow-up-expired = For your safety the report was closed after some time. Enter your receipt again.

mail-new-tip-subject = Sanad: something new to review
mail-new-tip-body =
    Hello { $name },

    There is something new in the tip queue. Sign in to Sanad to read it:

    { $link }

    This email never contains the content of a report.

## Pages: the report form, the receipt, follow-up, and the moderators' tip screens.

home-follow-up = Already sent a report? Follow it with your receipt.

report-intro = Tell us what you know. You do not need to give your name, and you can skip any question you cannot answer.
report-privacy-title = What Sanad keeps, and what it never keeps
report-privacy-nothing = No account, no IP address and no cookie: nothing that says who sent the report.
report-privacy-encrypted = Your text and pictures are stored encrypted and only the moderators can read them.
report-privacy-pictures = Hidden information inside pictures, such as the place where a photo was taken, is removed before anything is stored.
report-privacy-draft = What you type is kept only in this browser tab until you send it, so a reload does not lose it. Pictures are never kept.
report-subject = What is your report about?
report-description = What happened?
report-description-hint = Describe what you know: who, what, where and when, and how you learned it.
report-count = { $count } / { $max } { $max ->
    [one] character
   *[other] characters
}
report-more = More details (optional)
report-more-hint = Names, numbers and accounts help the moderators link reports about the same recruiter.
report-names = Names
report-names-hint = Names, nicknames or titles, as people use them.
report-name-n = Name { $n }
report-phones = Phone numbers
report-phones-hint = As you would dial them, for example 0770 123 4567 or +964 770 123 4567.
report-phone-n = Phone number { $n }
report-accounts = Online accounts, channels or links
report-account-platform-n = Where is account { $n }?
report-account-handle-n = Name, @handle or link of account { $n }
report-agency = Name of the agency or company
report-governorate = Governorate
report-governorate-none = Not sure
report-place = Town, district or place
report-month = About when? (month and year)
report-month-hint = An approximate month is enough.
report-submit = Send the report
report-wait = Without JavaScript, this form can be sent { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
} after the page opened: the wait protects the service from automated floods.
report-pictures-again = You chose pictures, but they were not kept with the form. Choose them again before sending.
report-working = Preparing your report…
report-working-why = Your phone is doing a short calculation that protects Sanad from automated floods of fake reports. It takes a few seconds; please keep this page open.
report-working-estimate = On this device it usually takes about { $usual } (minutes:seconds); { $elapsed } so far.
report-sending = Sending your report…
report-network = The report could not be sent. Check your connection and try again; what you wrote is kept.

report-sent-title = Your report was sent. Thank you.
report-receipt-label = Your receipt:
report-receipt-explain = This receipt is the only way to come back to your report, read the moderators' replies and add information. It cannot be recovered: Sanad does not know which receipt is yours and cannot send it again.
report-receipt-keep = Keep it somewhere only you can reach. Anyone who has it can read the conversation about your report.
report-copy = Copy
report-copied = Copied.
report-copy-failed = This did not work. Please write the receipt down.
report-share = Share or keep in another app
report-save-file = Save as a file
report-receipt-file =
    Sanad receipt: { $receipt }

    To follow your report, open { $address } and enter this receipt.
    Keep it secret: anyone who has it can read the conversation about your report.
report-done = Done

form-problem-required = Please fill in this field.
form-problem-choose-subject = Please choose what your report is about.
form-problem-too-long = This is too long. Please shorten it.
form-problem-too-many = There are too many entries here. Up to 10 are accepted.
form-problem-invalid-account = Please write a name, @handle or link.
form-problem-invalid-date = Please choose a month and a year from 1990 on.
pictures-label = Pictures (optional)
pictures-hint = Screenshots of adverts or chats help. JPEG, PNG or WebP, up to 10 MB each, { $max ->
    [one] one picture
   *[other] { $max } pictures
} at most.

follow-up-title = Follow your report
follow-up-intro = Enter the receipt you received when you sent your report.
follow-up-receipt = Receipt
follow-up-receipt-hint = 16 digits. Spaces and dashes do not matter.
follow-up-open = Open my report
follow-up-privacy = Your receipt is not saved on this device. For your safety the report closes by itself after 20 minutes.
follow-up-status = Status
follow-up-received-on = Sent on { $date }
follow-up-public-message = Note from the moderators
follow-up-conversation = Conversation
follow-up-no-messages = No messages yet.
follow-up-you = You
follow-up-moderator = Sanad moderator
follow-up-caseworker = Sanad caseworker
follow-up-message = Your message to the moderators
follow-up-case-message = Your message to the caseworker
follow-up-send = Send the message
follow-up-sent = Your message was sent.
follow-up-pictures = Add pictures
follow-up-pictures-count = Pictures in your report: { $count }. { $left ->
    [one] You can add one more.
   *[other] You can add { $left } more.
}
follow-up-pictures-added = The pictures were added.

staff-nav-tips = Tips
tips-filter-status = Status
tips-filter-all = All
tips-empty = No tips.
tips-older = Older tips
tips-awaiting-reply = Awaiting reply
tip-title = Tip { $id }
tip-back = Back to the tips
tip-subject = About
tip-status = Status
tip-received = Received
tip-language = Language of the tipster
tip-governorate = Governorate
tip-place = Place
tip-agency = Agency or company
tip-month = About when
tip-names = Names
tip-phones = Phone numbers
tip-accounts = Online accounts
tip-not-given = Not given
tip-description = What happened
tip-pictures = Pictures
tip-no-pictures = No pictures.
tip-picture-n = Picture { $n }, open at full size
tip-linked = Tips sharing a phone number or account
tip-linked-none = No other tip shares a phone number or account with this one.
tip-linked-shared = In common:
tip-linked-count = { $count ->
    [one] 1 other tip shares a phone number or account with this one.
   *[other] { $count } other tips share a phone number or account with this one; the ones with most in common come first.
}
tip-linked-more = { $count ->
    [one] Show 1 more
   *[other] Show { $count } more
}
tip-conversation = Conversation with the tipster
tip-no-messages = No messages yet.
tip-author-tipster = Tipster
tip-author-moderator = Moderator
tip-reply = Reply to the tipster
tip-reply-hint = The tipster reads it when they come back with their receipt. Never ask for their name or where they live.
tip-send-reply = Send the reply
tip-status-title = Status and note for the tipster
tip-public-message = Note shown to the tipster
tip-public-message-hint = Shown above the conversation on the tipster's follow-up page. Leave it empty to show none.
tip-save-status = Save
follow-up-content-removed = This report was closed and, after the time Sanad keeps closed reports, its text, pictures and conversation were removed. Only its status and dates remain.
tip-wiped = The content of this tip was removed on { $date } under the retention rule; its status, dates and labels remain.
