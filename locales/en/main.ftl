app-name = Sanad
app-tagline = Report recruitment into foreign armies, find missing relatives, and learn how to stay safe.
skip-to-content = Skip to main content
nav-main = Main menu
nav-home = Home
nav-report = Report recruitment
nav-missing = Missing relative
nav-learn = Read and learn
nav-staff = Staff area
language-switcher = Language

home-title = How can we help you today?
home-intro = Sanad supports Iraq's effort to stop the recruitment of its citizens into foreign armies. Choose what you want to do.
home-report-title = Report recruitment
home-report-text = Tell us about a recruiter, an agency, an online channel or a phone number. You stay anonymous: no account and no name needed.
home-missing-title = Report a missing relative
home-missing-text = If someone in your family was recruited or has disappeared abroad, tell us and follow the case with a receipt number.
home-learn-title = Read and learn
home-learn-text = Short articles on the legal risks, the reality recruits face, and how to protect yourself and your family.
home-privacy = Sanad keeps no account, no IP address and no cookie for the people who report.
home-staff-entry = Staff sign-in

not-found-title = Page not found
not-found-text = The page you asked for does not exist or has moved.
not-found-home = Go to the home page
state-error-title = Something went wrong
footer-text = Sanad — a public service against recruitment into foreign armies.

error-not-found = We could not find what you asked for.
error-method-not-allowed = This action is not allowed here.
error-malformed-json = The data that was sent could not be read.
error-invalid-request = The request is not valid.
error-payload-too-large = The data that was sent is larger than allowed.
error-unsupported-media-type = This type of data is not supported.
error-unknown-language = This language is not supported.
error-database-unavailable = The service is unavailable for a moment. Please try again shortly.
error-frontend-not-built = The website is not installed on this server.
error-password-too-short = The password must have at least 12 characters.
error-password-too-long = The password must have at most 256 characters.
error-password-too-common = This password is among the most used in the world and would be guessed at once. Please choose another.
error-password-too-weak = This password is too easy to guess. Use a longer phrase made of unrelated words.
error-unauthorized = Please sign in to continue.
error-forbidden = Your account does not have permission for this.
error-invalid-credentials = The email or password is not correct.
error-too-many-attempts = Too many attempts. Please wait a little and try again.
error-pictures-busy = Many pictures are being checked right now. Nothing was sent; please send again in a few seconds.
error-pfif-domain-missing = Exporting for partners is not set up yet: an administrator must set this installation's domain (SANAD_PFIF_DOMAIN) first.
error-match-conflict = This pair cannot take that decision now: it is merged, or not merged, or one of the cases was merged with another or emptied meanwhile. Reload the page to see where it stands.
error-totp-required = Enter the six-digit code from your authenticator app.
error-link-invalid = This link has expired or has already been used. Ask for a new one.
error-invalid-email = This is not a valid email address.
error-email-taken = A staff member with this email address already exists.
error-last-admin = At least one active administrator must remain.
error-mail-failed = The email could not be sent. Please try again later.
error-totp-setup-required = Your organisation requires two-step sign-in. Set up an authenticator app on your account page first.
error-totp-enforced = Two-step sign-in is required for all staff and cannot be turned off.
error-totp-invalid = That code is not correct. Enter the current six-digit code from your app.
error-proof-of-work-invalid = The page could not confirm this submission. Please reload the page and send it again.
error-proof-of-work-expired = The form was open too long. Please send it again; your text is kept.
error-submission-too-soon = The form was sent before its waiting time was over. Wait { $seconds ->
    [one] one more second
   *[other] { $seconds } seconds
} and send it again; your text is kept.
error-internal = Something went wrong on the server. Please try again later.
error-unknown = An unexpected error occurred.

mail-invite-subject = You are invited to join Sanad
mail-invite-body =
    Hello { $name },

    You have been invited to join the Sanad team. Open this link to choose your password:

    { $link }

    The link works once and expires in 48 hours. If you did not expect this email, you can ignore it.
mail-reset-subject = Reset your Sanad password
mail-reset-body =
    Hello { $name },

    Someone asked to reset the password of your Sanad account. Open this link to choose a new one:

    { $link }

    The link works once and expires in 48 hours. If you did not ask for this, ignore this email: your password stays as it is.
departure-on = Is someone about to leave? On what day?
departure-hint = Only if a trip is planned: the day, like ⁦2026‑12‑04⁩. A near departure puts the report first in the queue.
report-minor = Someone under 18 is involved
