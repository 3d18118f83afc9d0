# The staff area: sign-in, accounts, staff management, the audit trail and settings.
staff-title = Staff area
staff-sign-in-title = Staff sign-in
staff-email = Email
staff-password = Password
staff-totp-code = Six-digit code from your authenticator app
staff-sign-in-held = Too many tries for this email: the password alone now waits. If you use an authenticator app, enter its code with your password to sign in now. Without one, if the password was right, we have mailed you a sign-in link.
staff-sign-in-link-opened = You opened a sign-in link. Enter your email and password to finish signing in.
staff-sign-in = Sign in
staff-sign-out = Sign out
staff-forgot-password = Forgot your password?
staff-send-reset = Send a reset link
staff-reset-sent = If this address belongs to a staff member, a link to choose a new password is on its way.
staff-set-password-title = Choose your password
staff-set-password-intro = Welcome, { $name }. Choose a password for { $email }.
staff-new-password = New password
staff-password-hint = At least 12 characters. A phrase of several unrelated words is strong and easy to remember.
staff-save-password = Save the password
staff-password-saved = Your password is saved. You can sign in now.
staff-link-missing = This page needs the link from your email. Open the link exactly as you received it.
staff-nav-home = Overview
staff-nav-team = Staff
staff-nav-audit = Audit trail
staff-nav-settings = Settings
staff-nav-account = My account
staff-welcome = Signed in as { $name }.
staff-your-roles = Your roles: { $roles }
staff-roles = Roles
role-admin = Administrator
role-moderator = Moderator
role-caseworker = Caseworker
role-editor = Editor
staff-invite-title = Invite a staff member
staff-display-name = Name
staff-invite-language = Language of the invitation
staff-invite = Send the invitation
staff-invited = The invitation was sent to { $email }.
staff-status-active = Active
staff-status-inactive = Deactivated
staff-status-invited = Invitation not accepted yet
staff-deactivate = Deactivate
staff-reactivate = Reactivate
staff-save-roles = Save roles
staff-saved = Saved.
audit-filter-action = Action
audit-filter = Filter
audit-time = Time
audit-actor = Who
audit-action = Action
audit-object = Concerns
audit-empty = No entries.
settings-require-totp = Require two-step sign-in (TOTP) for all staff
settings-first-look-hours = Hours before a new tip or case counts as overdue
settings-first-look-hours-hint = From its day of arrival until someone first opens it; 1 to 720 hours.
settings-save = Save
account-password-title = Change password
account-current-password = Current password
account-change-password = Change password
account-password-changed = Your password is changed. Please sign in again.
account-totp-title = Two-step sign-in
account-totp-on = Two-step sign-in is on.
account-totp-off = Two-step sign-in is off.
account-totp-start = Set up an authenticator app
account-totp-scan = Scan this code with your authenticator app, or type the key below, then enter the six-digit code the app shows.
account-totp-key = Key
account-totp-confirm = Confirm
account-totp-disable = Turn off two-step sign-in
account-totp-required = Your organisation requires two-step sign-in. Set it up here to continue.
error-stale-view = This item changed after you opened it (a colleague may have answered or changed it). Reload it, read what changed, then try again.
error-invalid-triage = Some fields need attention.
error-unknown-assignee = That person cannot take this item: they are not active or do not have the role for it.
mail-assigned-subject = Sanad: something was assigned to you
mail-assigned-body =
    Hello { $name },

    A colleague assigned something to you in Sanad. Sign in to see it:

    { $link }

    This email never contains the content of a report.

mail-sign-in-link-subject = Sanad: your sign-in link
mail-sign-in-link-body =
    Hello { $name },

    Someone entered the right password for your Sanad account while sign-in was held after many
    failed tries. If it was you, open this link within 30 minutes and enter your password again to
    sign in:

    { $link }

    If it was not you, someone else knows your password: do not open the link, and change your
    password or tell an admin at once.

mail-audit-checkpoint-subject = Sanad: today's audit checkpoint
mail-audit-checkpoint-body =
    Hello { $name },

    This is the signed checkpoint of Sanad's audit trail for today. Keep this email somewhere
    the server's operators cannot reach. If the trail is ever cut short or rewritten, this line
    proves how far it went:

    { $checkpoint }

    To check it, run "sanad audit verify" on the server.

## Triage: priority, assignment, labels, notes, the queue
priority-urgent = Urgent
priority-high = High
priority-normal = Normal
priority-low = Low
reason-departure-soon = { $days ->
    [0] Someone leaves today
    [one] Someone leaves tomorrow
   *[other] Someone leaves in { $days } days
}
reason-minor = A person under 18 is involved
reason-linked = { $count ->
    [one] Shares a phone number or account with 1 other report
   *[other] Shares a phone number or account with { $count } other reports
}
reason-waiting = { $days ->
    [one] Has waited 1 day for a first look
   *[other] Has waited { $days } days for a first look
}
reason-manual = Raised or lowered by hand ({ $adjust })
reason-none = No rule raises it.
triage-title = Triage
triage-overdue = Overdue
triage-waiting = { $days ->
    [0] Waiting since today
    [one] Waiting 1 day
   *[other] Waiting { $days } days
}
triage-others-here = Also open now by: { $names }. Agree who answers before you reply.
triage-manual-reason = Reason for the hand change:
triage-assignee = Assigned to
triage-unassigned = Nobody
triage-assign-me = Take it
triage-labels = Labels
triage-no-labels = No labels yet: an admin can create them.
triage-adjust-title = Raise or lower by hand
triage-adjust = Points to add, from -50 to 50 (0 removes the change)
triage-adjust-reason = Why (required, seen only by staff)
triage-adjust-save = Save priority
triage-notes = Internal notes (never shown to the tipster)
triage-notes-none = No notes yet.
triage-note-label = New note
triage-note-add = Add note
queue-open = Open (new or in review)
queue-filter-priority = Priority
queue-filter-assignee = Assigned to
queue-assignee-me = Me
queue-assignee-none = Nobody
queue-filter-label = Label
queue-overdue = Only overdue
queue-bulk = Change the selected tips
queue-selected = { $count ->
    [one] 1 tip selected
   *[other] { $count } tips selected
}
queue-bulk-take = Take them
queue-bulk-dismiss = Dismiss them
queue-bulk-label = Add a label…
queue-bulk-done = { $count ->
    [one] 1 tip changed.
   *[other] { $count } tips changed.
}
queue-select = Select
queue-select-one = Select tip { $id }
queue-col-tip = Tip
queue-col-priority = Priority
queue-col-waiting = Arrived
home-tips = Tips
home-cases = Missing-person cases
home-mine = assigned to me
home-overdue = overdue
home-urgent = urgent
home-unassigned = not assigned
home-open = open
home-first-look = { $hours ->
    [one] An item counts as overdue after 1 hour without a first look.
   *[other] An item counts as overdue after { $hours } hours without a first look.
}
labels-title = Labels
labels-color = Colour
labels-name-in = Name in { $language }
labels-add = Add label
queue-search = Words in the tip
queue-search-go = Search
triage-departure = Said to leave on
queue-yes = Yes
queue-no = No
queue-more-filters = More filters
queue-filter-governorate = Governorate
queue-filter-from = Arrived from
queue-filter-to = Arrived until
queue-filter-attachments = Has pictures
queue-filter-linked = Shares a number or account with another report
queue-views = My saved views
queue-view-choose = Choose a view…
queue-view-name = Name for this view
queue-view-save = Save this view
queue-view-saved = View “{ $name }” saved.
queue-view-delete = Remove this view
queue-view-deleted = View removed.
queue-col-case = Case
queue-case-search = Words in the case
queue-case-select-one = Select case { $id }
queue-case-bulk = Change the selected cases
queue-case-open = Open (not closed, returned or deceased)
queue-case-selected = { $count ->
    [one] 1 case selected
   *[other] { $count } cases selected
}
queue-case-bulk-done = { $count ->
    [one] 1 case changed.
   *[other] { $count } cases changed.
}
file-choose = Choose a file
file-none-chosen = No file chosen
queue-filters = Filter the queue
queue-close-item = Close
timeline-title = History
timeline-empty = No changes or messages yet.
timeline-system = The system
timeline-status = Status changed from { $from } to { $to }
timeline-assigned = Assigned to { $to }
timeline-unassigned = Left unassigned
timeline-labels-added = Labels added: { $labels }
timeline-labels-removed = Labels removed: { $labels }
timeline-priority = Priority changed by hand ({ $adjust })
timeline-priority-cleared = Hand change of priority removed
timeline-note = Internal note
timeline-replied-tip = Message to the tipster
timeline-replied-case = Message to the family
timeline-wrote-tip = Message from the tipster
timeline-wrote-case = Message from the family
timeline-merged = Merged with another case
queue-bulk-status = Set the status…
queue-bulk-assign = Assign to…
queue-bulk-unlabel = Remove a label…
home-mine-title = Assigned to you, most urgent first
home-mine-none = Nothing open is assigned to you.
home-mine-all = Everything assigned to you
staff-nav-entities = Numbers and agencies
entity-kind-phone = Phone number
entity-kind-account = Online account
entity-kind-agency = Agency or recruiter
entity-sources = { $count ->
    [one] 1 independent report
   *[other] { $count } independent reports
}
entity-sources-label = Named by
entity-first-seen = First seen
entity-last-seen = Last seen
entity-governorates = Governorates
entity-reports = Reports that name it
entity-tips = Tips
entity-cases = Cases
entity-tips-none = No tip names it.
entity-cases-none = No case names it.
entity-back = Look up a number, account or agency
entity-aliases = Other spellings of this agency
entity-aliases-none = No other spelling has been merged into this one.
entity-split = Split off
entity-split-done = Split off: it is an agency of its own again.
entity-merge = Merge another spelling into this one
entity-merge-hint = Type the other spelling as a report wrote it, for example in Latin letters. Its reports then count for this agency; you can split it off again.
entity-merge-find = Find
entity-merge-confirm = Merge “{ $name }” into this agency
entity-merge-none = No other agency in the reports you work is written like that.
entity-merged = Merged.
entities-title = Numbers, accounts and agencies
entities-intro = Every phone number, online account and agency named in a tip or a case, with the reports that name it.
entities-search-label = Phone number, account or agency name
entities-search-hint = As a report wrote it: any digits, a link or @handle, Arabic or Latin letters.
entities-search-go = Look up
entities-none = Nothing in the reports you work is written like that.
connections-title = Connections through numbers, accounts and agencies
connections-entities = What this report names
connections-none = This report names no phone number, account or agency.
connections-network = See the network
connections-tips = Tips naming the same
connections-cases = Cases naming the same
connections-tips-none = No other tip names any of these.
connections-cases-none = No case names any of these.
connections-hidden-tips = { $count ->
    [one] 1 tip names the same; tips are read by moderators.
   *[other] { $count } tips name the same; tips are read by moderators.
}
connections-hidden-cases = { $count ->
    [one] 1 case names the same; cases are read by caseworkers.
   *[other] { $count } cases name the same; cases are read by caseworkers.
}
connections-shared = In common:
connections-more = { $count ->
    [one] And 1 more, not listed.
   *[other] And { $count } more, not listed.
}
network-title = Network
network-back = Back
network-about-entity = Everything connected to this number, account or agency, up to two steps away.
network-about-tip = Everything connected to this tip, up to two steps away.
network-about-case = Everything connected to this case, up to two steps away.
network-from = Reports from
network-to = Reports until
network-apply = Show
network-empty = Nothing is connected in this period.
network-truncated = More is connected than can be drawn: the 200 most connected are shown.
network-summary = { $nodes ->
    [one] A network drawing of 1 item and { $links } links; the list below says the same in words.
   *[other] A network drawing of { $nodes } items and { $links } links; the list below says the same in words.
}
network-legend = Legend
network-kind-tip = Tip
network-kind-case = Case
network-kind-hidden = A report you do not work
network-thickness = The thicker the line, the more independent reports
network-hidden-tip = A tip (read by moderators)
network-hidden-case = A case (read by caseworkers)
network-list = The network in words
network-links = { $count ->
    [one] 1 link
   *[other] { $count } links
}
staff-nav-statistics = Statistics
statistics-title = Statistics
statistics-from = From
statistics-to = To
statistics-period = From { $from } to { $to }
statistics-small = Counts under 5 are shown as “<5”, so that no family or tipster can be picked out; admins see them exactly.
statistics-tips-open = Open tips
statistics-tips-overdue = Tips overdue for a first look
statistics-tips-received = Tips received in the period
statistics-cases-open = Open cases
statistics-cases-overdue = Cases overdue for a first look
statistics-cases-received = Cases reported in the period
statistics-series-tips = Tips
statistics-series-cases = Cases
statistics-weekly = Reports per week
statistics-week = Week from
statistics-as-table = The figures as a table
statistics-first-look = Days to the first look, per week of arrival
statistics-first-look-hint = Arrival is kept as a day only, so times are in whole days. A week with fewer than 5 reports looked at has no figure.
statistics-first-look-tips = Tips: days to the first look
statistics-first-look-cases = Cases: days to the first look
statistics-median = Median
statistics-p90 = 9 in 10 within
statistics-tips-by-governorate = Tips by governorate
statistics-tips-by-subject = Tips by subject
statistics-tips-by-status = Tips by status
statistics-cases-by-governorate = Cases by governorate
statistics-cases-by-status = Cases by status
statistics-cases-outcomes = Outcomes of cases
statistics-unknown-governorate = Governorate not given
map-title = Map of reports by governorate
map-show = Show
map-measure = Colour by
map-rate = Per 100,000 inhabitants
map-raw = Number of reports
map-fewer = Fewer
map-more = More
map-hidden = Under 5: not shown
map-note = Rates use rounded population estimates (2024 census, first results). Halabja is shown as a point. Outline: Natural Earth.
export-csv = Export as CSV
export-download = Save { $name }
export-hint = A spreadsheet file of what is shown, for Excel (Arabic and Kurdish kept). Exporting is recorded in the audit trail. Up to 5,000 rows: narrow the filters for more.
export-ftm = Export for Aleph (FollowTheMoney)
export-ftm-hint = The numbers, accounts and agencies of this network and which are named together, as FollowTheMoney entities for investigators' tools such as Aleph. Nothing the reports say is in it. Exporting is recorded in the audit trail.
entity-unnamed = (spelled only in reports you do not work)
evidence-heading = Evidence for prosecutors
evidence-package = Evidence package (ZIP)
evidence-package-hint = A signed file for prosecutors: the report and its conversation, the pictures as received, the audit entries about it and a manifest of every file's SHA-256. Anyone can check it offline with sanad evidence verify. Making it is recorded in the audit trail.
evidence-title = Evidence package: { $reference }
evidence-made = Made on { $at } (UTC).
evidence-picture = Picture { $n }
evidence-audit = Audit trail entries about this report
evidence-audit-none = No audit entry concerns this report.
evidence-audit-seq = Entry
evidence-audit-time = Time (UTC)
evidence-audit-actor = By
evidence-audit-action = Action
evidence-audit-hash = Hash
evidence-head = Head of the audit chain when the package was made: entry { $seq }, hash { $hash }.
evidence-verify-hint = Every file of this package is listed with its SHA-256 in manifest.json, which is signed with the service's Ed25519 key. Check the package with the command { $command }, and compare the key with the one the service publishes at { $address }.
