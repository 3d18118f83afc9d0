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
