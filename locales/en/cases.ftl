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
