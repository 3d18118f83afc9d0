## Missing-person cases: labels shared by the family's form, follow-up and caseworkers' pages.

error-invalid-case = Some fields need attention before the report can be sent.

case-status-reported = Reported
case-status-under-review = Under review
case-status-information-sought = Information sought
case-status-located-alive = Located alive
case-status-in-contact = In contact
case-status-returned = Returned home
case-status-deceased = Deceased
case-status-closed = Closed

case-close-duplicate = Duplicate of another case
case-close-withdrawn = Withdrawn by the family
case-close-resolved = Resolved

case-consent-committee = The committee only
case-consent-government = The committee and other Iraqi government bodies
case-consent-humanitarian = Also international humanitarian organisations such as the ICRC

sex-female = Female
sex-male = Male

## Caseworkers' pages: the list, the case page and the PFIF exchange.

staff-nav-cases = Cases
cases-exchange-link = Exchange with partner agencies (PFIF)
cases-search = Search by name
cases-search-button = Find the name
cases-search-hint = Any name of the chain, the mother's name or a Latin spelling, in Arabic, Kurdish or Latin letters.
cases-search-results = Cases matching “{ $words }”
cases-search-clear = Back to all cases
cases-filter-status = Status
cases-filter-governorate = Governorate
cases-filter-from = Reported from
cases-filter-to = Reported until
cases-empty = No cases match.
cases-older = Show older cases
cases-open-matches = { $count ->
    [one] { $count } probable duplicate
   *[other] { $count } probable duplicates
}
case-wiped-name = Personal data removed

case-back = Back to the cases
case-heading = Case
case-title = Case { $number }
case-merged-into = This case was closed as a duplicate.
case-merged-into-link = Open the case it was merged into
case-deceased-pending = A caseworker proposed marking this person deceased; a second caseworker must confirm it.
case-number = Case number
case-reported-on = Reported on
case-consent = Family allows sharing with
case-wiped = The personal data of this case was removed on { $day } under the retention rule; only its number and dates remain.
case-photo = Photo
case-photo-alt = Photo of the missing person
case-person = The missing person
case-names = Name (given, father, grandfather, family)
case-mother = Mother's name
case-latin = Name in Latin letters
case-sex = Sex
case-birth = Date of birth (age)
case-residence = Place of residence
case-phones = Their phone numbers
case-left-on = Left on
case-destination = Destination
case-recruiter = Recruiter
case-recruiter-phones = Recruiter's phone numbers
case-last-contact = Last contact
case-last-location = Last known location
case-marks = Distinguishing marks
case-reporter = The person reporting
case-reporter-name = Name
case-reporter-relationship = Relationship to the missing person
case-reporter-phone = Phone number

case-notes = Notes
case-no-notes = No notes yet.
case-note-status-changed = Changed the status.
case-partner = From a partner agency
case-partner-record = Their record
case-partner-source = Source
case-partner-source-date = Their version of
case-partner-expiry = To be deleted after
case-partner-fields = Every field they sent (PFIF names)
case-note-linked-case = The author says this is the same person as another case: compare them
case-note-linked-record = The author says this is the same person as the record
case-add-note = Add a note
case-add-note-hint = For caseworkers only; the family never sees notes.
case-save-note = Save the note

case-conversation = Messages with the family
case-conversation-hint = The family reads these when they come back with their receipt.
case-author-caseworker = Caseworker
case-author-family = Family
case-reply = Write to the family
case-reply-hint = Plain, kind words: the family sees this message on their follow-up page.

case-status-title = Status
case-deceased-rule = Marking a person deceased needs two caseworkers: the first proposes it, a second confirms it (an admin's change applies at once).
case-deceased-waiting = Proposal recorded: waiting for a second caseworker's confirmation.
case-close-reason = Reason for closing
case-close-choose = Choose a reason

case-duplicates = Probable duplicates
case-duplicates-hint = Reports of the same person by different relatives, found by comparing names across spellings and scripts.
case-duplicates-none = No probable duplicates found.
case-duplicates-refresh = Look for duplicates again
case-match-score = Score { $score } / 100
case-match-open = To decide
case-match-merged = Merged
case-match-dismissed = Not the same person
case-merge = Merge
case-dismiss = Not the same person
case-compare = Compare the two cases
case-match-likely = Likely the same person
case-match-possible = Possibly the same person
case-match-unlikely = Probably not the same person
case-mark-same = the same
case-mark-variant = another spelling, or close
case-mark-differs = different
case-mark-unknown = not given on both
case-mark-governorate = Governorate
case-mark-phones = The family's phone numbers
compare-marks = Field by field
compare-back = Back to the case
compare-heading = Two cases side by side
compare-title = Case { $first } and case { $second }
compare-legend = ✔ the same · ≈ another spelling, or close · ✘ different · – not given on both
compare-field = Field
compare-mark = Compared
compare-wiped = The personal data of one of these cases was removed; there is nothing left to compare.
compare-reasons = Why the matcher paired them
compare-no-longer = These two cases are no longer paired as a possible duplicate: nothing to decide.
compare-decide = Your decision
compare-keep = Which case stays open
compare-keep-case = Case { $number }, reported on { $day }
compare-reason = Why are they one person?
compare-reason-hint = Needed to merge: say which facts agree, for whoever reads the case later.
compare-reason-needed = Write why the two cases are one person before merging.
compare-merged = Case { $duplicate } is merged into case { $kept }: it is closed as a duplicate, nothing was deleted.
compare-merged-now = Merged.
compare-dismissed = These cases are marked as two different people. You can still merge them if that was a mistake.
compare-dismissed-now = Marked as two different people.
compare-unmerge = Unmerge
compare-unmerge-confirm = Unmerge case { $duplicate } from case { $kept }? It gets back its status and everything it named.
compare-unmerged = Unmerged: both cases are as they were before the merge.

case-position-given = Given name
case-position-father = Father's name
case-position-grandfather = Grandfather's name
case-position-great-grandfather = Great-grandfather's name
case-position-family = Family name
case-reason-name-chain = { $compared ->
    [one] { $matched } of { $compared } name of the chain agrees.
   *[other] { $matched } of { $compared } names of the chain agree.
}
case-reason-name-exact = { $position }: the same name.
case-reason-name-variant = { $position }: known spellings of the same name.
case-reason-name-phonetic = { $position }: sounds the same across scripts.
case-reason-name-fuzzy = { $position }: one letter apart, perhaps a typing mistake.
case-reason-name-different = { $position }: different names.
case-reason-latin-spelling = { $matched ->
    [one] One name agrees only through the Latin spelling.
   *[other] { $matched } names agree only through the Latin spelling.
}
case-reason-swapped-given-father = The given and father's names appear swapped: a typing mistake, or two relatives.
case-reason-relative-sibling = Same father but a different given name: perhaps brothers or sisters.
case-reason-relative-parent-child = One's father and grandfather are the other's names: perhaps parent and child.
case-reason-mother-same = The mother's name is the same.
case-reason-mother-given-only = The mother's given name is the same; one report lacks her father's name.
case-reason-mother-fuzzy = The mother's names are close but not the same.
case-reason-mother-different = The mother's names differ.
case-reason-birth-same-date = Same date of birth.
case-reason-birth-same-year = Same year of birth.
case-reason-birth-close = Born one or two years apart.
case-reason-birth-different = Born three to nine years apart.
case-reason-birth-far-apart = Born ten or more years apart: not the same person.
case-reason-sex-differs = The sex differs.
case-reason-phone = { $shared ->
    [one] { $shared } phone number in common
   *[other] { $shared } phone numbers in common
}
case-reason-phones-differ = Both reports give phone numbers, and none is the same.
case-reason-governorate-same = Same governorate.
case-reason-governorate-different = Different governorates.
case-reason-other = Another similarity.

exchange-title = Exchange with partner agencies
exchange-lead = Cases travel in PFIF 1.4, the format of person-finder services.
exchange-export = Export
exchange-recipient = Recipient
exchange-recipient-committee = The committee
exchange-recipient-government = Other Iraqi government bodies
exchange-recipient-humanitarian = International humanitarian organisations
exchange-consent = Only cases whose family allowed sharing with this recipient go in the file; the others stay out.
exchange-prepare = Prepare the file
exchange-download = Save { $name }
exchange-import = Import
exchange-file = PFIF file from a partner
exchange-file-hint = An XML file of PFIF 1.4 records; importing the same file twice changes nothing.
exchange-import-button = Import the file
exchange-imported = File imported.
exchange-created = { $count ->
    [one] { $count } new case
   *[other] { $count } new cases
}
exchange-updated = { $count ->
    [one] { $count } case updated
   *[other] { $count } cases updated
}
exchange-wiped = { $count ->
    [one] { $count } case emptied because its partner record expired
   *[other] { $count } cases emptied because their partner records expired
}
exchange-notes = { $count ->
    [one] { $count } note added
   *[other] { $count } notes added
}
exchange-skipped = { $count ->
    [one] { $count } record skipped
   *[other] { $count } records skipped
}

## The family's form (/missing).

missing-intro = Tell us about your relative who was recruited or went missing abroad. Only the names of the person and of you are required; add everything else you know. You will get a case number and a receipt to follow the case.
missing-privacy-encrypted = Everything you write is stored encrypted and read only by the committee's caseworkers.
missing-privacy-consent = You choose below whom the report may be shared with; it is never shared beyond that.
missing-names-hint = Write the names as on the national ID card, in Arabic or Kurdish letters.
missing-given = Given name
missing-father = Father's name
missing-grandfather = Grandfather's name
missing-family = Family or tribal name
missing-mother-hint = Her full name, as in official records.
missing-latin-hint = As in the passport, if you know it.
missing-birth = Date of birth
missing-date-hint = A year (1999), a month (⁦1999‑04⁩) or a day (⁦1999‑04‑12⁩).
missing-age = Age, if you do not know the date of birth
missing-list-hint = Separate several with commas.
missing-accounts = Accounts they used (Telegram, WhatsApp, Facebook…)
missing-journey = Leaving and recruitment
missing-recruiter-hint = A person, an agency or a travel office, a channel or an advert: anything you know.
missing-last-contact-on = Date of the last contact
missing-last-contact-text = What was said in the last contact
missing-relationship-hint = For example mother, brother, wife.
missing-language = Language for our messages to you
missing-language-shown = The language of this page
language-name-ar = Arabic
language-name-ckb = Kurdish (Sorani)
language-name-kmr = Kurdish (Kurmanji)
language-name-en = English
missing-consent = Who may this report be shared with?
missing-consent-hint = Sharing with more bodies can help find your relative. You can ask the caseworker to change this later.
missing-photo = A photo of your relative (optional)
missing-photo-hint = A clear photo of the face helps. Up to 10 MB.
missing-invalid-date = Write a year (1999), a month (⁦1999‑04⁩) or a day (⁦1999‑04‑12⁩).
missing-submit = Send the report
missing-step = Step { $n } of { $total }
missing-step-you = About you
missing-step-consent = A photo, and who may read the report
missing-next = Next
missing-back = Back
missing-photo-again = You chose a photo, but it was not kept with the form. Choose it again before sending.
missing-problem-consent = Please choose who may read this report.
form-required-note = Fields marked with * must be filled in.
departure-invalid = Write the day, like ⁦2026‑12‑04⁩.
missing-sent-title = Your report was received. Your case number:
missing-receipt-explain = This receipt is the only way to follow the case, read the caseworker's messages and add information. It cannot be recovered: Sanad does not know which receipt is yours.
missing-receipt-file =
    Sanad case { $number }
    Receipt: { $receipt }

    To follow the case, open { $address } and enter this receipt.
    Keep it secret: anyone who has it can read the conversation about the case.
form-problem-invalid-age = Write the age in years, from 0 to 120.
