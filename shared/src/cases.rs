//! Missing-person cases: what a family reports, what they see when they come back with their
//! receipt, and what caseworkers work with.

use serde::{Deserialize, Serialize};

use crate::{
    text,
    tips::{FieldProblem, Governorate, OnlineAccount, MAX_LIST_ITEMS, MAX_SHORT_TEXT_CHARS},
    Language,
};

/// Longest free-text field of a case (what was said at last contact, marks, recruiter).
pub const MAX_CASE_TEXT_CHARS: usize = 5_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }

    pub fn parse(text: &str) -> Option<Sex> {
        match text {
            "female" => Some(Sex::Female),
            "male" => Some(Sex::Male),
            _ => None,
        }
    }
}

/// Whom the family allows the report to be shared with; each level includes the ones before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// The committee only.
    Committee,
    /// Also other Iraqi government bodies.
    Government,
    /// Also international humanitarian organisations (ICRC and similar).
    Humanitarian,
}

impl Consent {
    pub const ALL: [Consent; 3] = [
        Consent::Committee,
        Consent::Government,
        Consent::Humanitarian,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Committee => "committee",
            Consent::Government => "government",
            Consent::Humanitarian => "humanitarian",
        }
    }

    pub fn parse(text: &str) -> Option<Consent> {
        Consent::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Whether a report with this consent may go to `recipient`.
    pub fn allows(self, recipient: Consent) -> bool {
        recipient <= self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Reported,
    UnderReview,
    InformationSought,
    LocatedAlive,
    InContact,
    Returned,
    Deceased,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 8] = [
        CaseStatus::Reported,
        CaseStatus::UnderReview,
        CaseStatus::InformationSought,
        CaseStatus::LocatedAlive,
        CaseStatus::InContact,
        CaseStatus::Returned,
        CaseStatus::Deceased,
        CaseStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Reported => "reported",
            CaseStatus::UnderReview => "under_review",
            CaseStatus::InformationSought => "information_sought",
            CaseStatus::LocatedAlive => "located_alive",
            CaseStatus::InContact => "in_contact",
            CaseStatus::Returned => "returned",
            CaseStatus::Deceased => "deceased",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn message_key(self) -> String {
        format!("case-status-{}", self.as_str().replace('_', "-"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    Duplicate,
    Withdrawn,
    Resolved,
}

impl CloseReason {
    pub fn as_str(self) -> &'static str {
        match self {
            CloseReason::Duplicate => "duplicate",
            CloseReason::Withdrawn => "withdrawn",
            CloseReason::Resolved => "resolved",
        }
    }

    pub fn parse(text: &str) -> Option<CloseReason> {
        [
            CloseReason::Duplicate,
            CloseReason::Withdrawn,
            CloseReason::Resolved,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// An Iraqi name as a family gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonNames {
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000]"
        )
    )]
    pub given: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000]"
        )
    )]
    pub father: String,
    #[serde(default)]
    pub grandfather: Option<String>,
    /// Family or tribal name.
    #[serde(default)]
    pub family: Option<String>,
    /// The mother's full name, a standard identifier in Iraqi records.
    #[serde(default)]
    pub mother: Option<String>,
    /// The name in Latin letters, if the family knows how it is spelled (passport).
    #[serde(default)]
    pub latin: Option<String>,
}

impl PersonNames {
    /// The name chain as one line: given, father, grandfather, family.
    pub fn full(&self) -> String {
        [
            Some(self.given.as_str()),
            Some(self.father.as_str()),
            self.grandfather.as_deref(),
            self.family.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// The person reporting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reporter {
    /// Mother, brother, wife…, as they write it.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000]"
        )
    )]
    pub relationship: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000]"
        )
    )]
    pub name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000]"
        )
    )]
    pub phone: String,
    pub language: Language,
}

/// `POST /api/v1/cases`: the JSON body, or the `case` part of a multipart body with a `photo`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCase {
    pub names: PersonNames,
    #[serde(default)]
    pub sex: Option<Sex>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub date_of_birth: Option<String>,
    #[serde(default)]
    pub age: Option<u8>,
    #[serde(default)]
    pub governorate: Option<Governorate>,
    #[serde(default)]
    pub residence: Option<String>,
    /// The missing person's own numbers.
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub accounts: Vec<OnlineAccount>,
    /// When they left (`YYYY-MM-DD` or `YYYY-MM`) and for where.
    #[serde(default)]
    pub left_on: Option<String>,
    #[serde(default)]
    pub destination: Option<String>,
    /// Who recruited them, as far as is known: person, agency, channel.
    #[serde(default)]
    pub recruiter: Option<String>,
    #[serde(default)]
    pub recruiter_phones: Vec<String>,
    #[serde(default)]
    pub last_contact_on: Option<String>,
    #[serde(default)]
    pub last_contact_text: Option<String>,
    #[serde(default)]
    pub last_known_location: Option<String>,
    #[serde(default)]
    pub marks: Option<String>,
    /// "Is someone about to leave? When?": `YYYY-MM-DD` in any digit set. Raises the priority.
    #[serde(default)]
    pub departure_on: Option<String>,
    pub reporter: Reporter,
    pub consent: Consent,
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

impl NewCase {
    /// The report with its text cleaned ([`crate::text`]), for the checks and the store: the
    /// recruiter, the last contact and the marks may hold lines, every other field is one line.
    /// List entries stay where they were, so a problem's index still points at what was typed.
    pub fn cleaned(self) -> NewCase {
        let line = |t: Option<String>| text::optional_line(t.as_deref());
        let area = |t: Option<String>| t.map(|t| text::lines(&t)).filter(|t| !t.is_empty());
        let lines_of = |list: Vec<String>| list.iter().map(|t| text::line(t)).collect();
        let names = self.names;
        NewCase {
            names: PersonNames {
                given: text::line(&names.given),
                father: text::line(&names.father),
                grandfather: line(names.grandfather),
                family: line(names.family),
                mother: line(names.mother),
                latin: line(names.latin),
            },
            date_of_birth: line(self.date_of_birth),
            residence: line(self.residence),
            phones: lines_of(self.phones),
            accounts: self
                .accounts
                .into_iter()
                .map(OnlineAccount::cleaned)
                .collect(),
            left_on: line(self.left_on),
            destination: line(self.destination),
            recruiter: area(self.recruiter),
            recruiter_phones: lines_of(self.recruiter_phones),
            last_contact_on: line(self.last_contact_on),
            last_contact_text: area(self.last_contact_text),
            last_known_location: line(self.last_known_location),
            marks: area(self.marks),
            departure_on: line(self.departure_on),
            reporter: Reporter {
                relationship: text::line(&self.reporter.relationship),
                name: text::line(&self.reporter.name),
                phone: text::line(&self.reporter.phone),
                ..self.reporter
            },
            ..self
        }
    }
}

/// A date as families give it: a year, a month or a day, in any digit set.
pub fn parse_partial_date(text: &str) -> Option<String> {
    let ascii = crate::digits::to_ascii_digits(text.trim());
    let parts: Vec<&str> = ascii.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    match parts.len() {
        1 => Some(format!("{year:04}")),
        2 | 3 => {
            let month = number(parts[1], 2)?;
            if !(1..=12).contains(&month) {
                return None;
            }
            if parts.len() == 2 {
                return Some(format!("{year:04}-{month:02}"));
            }
            let day = number(parts[2], 2)?;
            let days = match month {
                2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            (1..=days)
                .contains(&day)
                .then(|| format!("{year:04}-{month:02}-{day:02}"))
        }
        _ => None,
    }
}

impl NewCase {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        let mut push = |field: &str, index: Option<usize>, problem: &str| {
            problems.push(FieldProblem {
                field: field.to_owned(),
                index,
                problem: problem.to_owned(),
            })
        };
        for (field, value) in [
            ("names.given", &self.names.given),
            ("names.father", &self.names.father),
            ("reporter.relationship", &self.reporter.relationship),
            ("reporter.name", &self.reporter.name),
            ("reporter.phone", &self.reporter.phone),
        ] {
            if value.trim().is_empty() {
                push(field, None, "required");
            } else if too_long(value, MAX_SHORT_TEXT_CHARS) {
                push(field, None, "too_long");
            }
        }
        for (field, value) in [
            ("names.grandfather", &self.names.grandfather),
            ("names.family", &self.names.family),
            ("names.mother", &self.names.mother),
            ("names.latin", &self.names.latin),
            ("residence", &self.residence),
            ("destination", &self.destination),
            ("last_known_location", &self.last_known_location),
        ] {
            if value
                .as_deref()
                .is_some_and(|v| too_long(v, MAX_SHORT_TEXT_CHARS))
            {
                push(field, None, "too_long");
            }
        }
        for (field, value) in [
            ("recruiter", &self.recruiter),
            ("last_contact_text", &self.last_contact_text),
            ("marks", &self.marks),
        ] {
            if value
                .as_deref()
                .is_some_and(|v| too_long(v, MAX_CASE_TEXT_CHARS))
            {
                push(field, None, "too_long");
            }
        }
        for (field, value) in [
            ("date_of_birth", &self.date_of_birth),
            ("left_on", &self.left_on),
            ("last_contact_on", &self.last_contact_on),
        ] {
            if value
                .as_deref()
                .is_some_and(|v| !v.trim().is_empty() && parse_partial_date(v).is_none())
            {
                push(field, None, "invalid_date");
            }
        }
        if self
            .departure_on
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty() && crate::triage::parse_day(d).is_none())
        {
            push("departure_on", None, "invalid_date");
        }
        if self.age.is_some_and(|age| age > 120) {
            push("age", None, "invalid");
        }
        for (field, len) in [
            ("phones", self.phones.len()),
            ("accounts", self.accounts.len()),
            ("recruiter_phones", self.recruiter_phones.len()),
        ] {
            if len > MAX_LIST_ITEMS {
                push(field, None, "too_many");
            }
        }
        for (i, account) in self.accounts.iter().enumerate() {
            if too_long(&account.handle, MAX_SHORT_TEXT_CHARS) {
                push("accounts", Some(i), "too_long");
            } else if account.normalised().is_none() {
                push("accounts", Some(i), "invalid_account");
            }
        }
        problems
    }
}

/// `201` answer of `POST /api/v1/cases`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseCreated {
    /// Short and human-readable, safe to say on the phone (`MP-4KQ7-92XD`).
    pub case_number: String,
    /// Opens the case on follow-up; shown once.
    pub receipt: crate::receipt::Receipt,
}

/// Everything a case says about the person and the reporter, normalised (phones in E.164,
/// dates checked). Stored sealed; shown to caseworkers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseRecord {
    pub names: PersonNames,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<String>,
    pub age: Option<u8>,
    pub residence: Option<String>,
    pub phones: Vec<String>,
    pub accounts: Vec<OnlineAccount>,
    pub left_on: Option<String>,
    pub destination: Option<String>,
    pub recruiter: Option<String>,
    pub recruiter_phones: Vec<String>,
    pub last_contact_on: Option<String>,
    pub last_contact_text: Option<String>,
    pub last_known_location: Option<String>,
    pub marks: Option<String>,
    pub reporter_relationship: String,
    pub reporter_name: String,
    pub reporter_phone: String,
    pub reporter_language: Option<Language>,
}

/// `GET /api/v1/follow-up/case`: what the family sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseFollowUp {
    pub case_number: String,
    pub status: CaseStatus,
    pub reported_on: String,
    pub messages: Vec<crate::tips::TipMessage>,
}

/// One line of the caseworkers' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    pub id: i64,
    pub case_number: String,
    pub status: CaseStatus,
    pub governorate: Option<Governorate>,
    pub reported_on: String,
    /// The name chain; absent once retention wiped the case.
    pub name: Option<String>,
    /// Probable duplicates not yet merged or dismissed.
    pub open_matches: u32,
    pub triage: Option<crate::triage::Triage>,
}

/// `GET /api/v1/cases` and `GET /api/v1/cases/search`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CasePage {
    pub cases: Vec<CaseSummary>,
    /// The next page's number (`page=`), when more follow.
    pub next_page: Option<u32>,
}

/// A note on a case, PFIF style: author, time, status, text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseNote {
    pub id: i64,
    pub author_name: String,
    pub status: Option<CaseStatus>,
    pub text: String,
    /// Unix milliseconds.
    pub created_at_ms: i64,
    /// A partner's note that says another record is the same person: that record's PFIF id.
    #[serde(default)]
    pub linked_record: Option<String>,
    /// The case that record became here, when there is one.
    #[serde(default)]
    pub linked_case: Option<i64>,
}

/// One field of a partner's PFIF record, under its PFIF name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerField {
    pub name: String,
    pub value: String,
}

/// The partner's PFIF record a case came from, as last received: where it comes from, and every
/// field it carried, the ones the case shows and the ones it does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerRecord {
    pub record_id: String,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    /// PFIF time, `YYYY-MM-DDThh:mm:ssZ`: when the partner made this version.
    pub source_date: String,
    /// PFIF time after which the partner asks every copy to be deleted.
    pub expiry_date: Option<String>,
    /// Every field with a value, in the order of the PFIF specification.
    pub fields: Vec<PartnerField>,
}

/// What the matcher concludes from a pair's score: `likely` from 70, `possible` from 45 (the
/// thresholds and why are in the server's `names.rs`), `unlikely` below (a decided pair whose
/// cases changed since).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchLabel {
    Likely,
    Possible,
    Unlikely,
}

impl MatchLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchLabel::Likely => "likely",
            MatchLabel::Possible => "possible",
            MatchLabel::Unlikely => "unlikely",
        }
    }

    /// Fluent key of the label.
    pub fn message_key(self) -> &'static str {
        match self {
            MatchLabel::Likely => "case-match-likely",
            MatchLabel::Possible => "case-match-possible",
            MatchLabel::Unlikely => "case-match-unlikely",
        }
    }
}

/// How one field of two cases compares: the same (✔), a variant such as another spelling or a
/// year apart (≈), different (✘), or not given on both (–).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldMark {
    Same,
    Variant,
    Differs,
    Unknown,
}

impl FieldMark {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldMark::Same => "same",
            FieldMark::Variant => "variant",
            FieldMark::Differs => "differs",
            FieldMark::Unknown => "unknown",
        }
    }

    /// The sign shown; screen readers get [`FieldMark::message_key`] instead.
    pub fn sign(self) -> &'static str {
        match self {
            FieldMark::Same => "✔",
            FieldMark::Variant => "≈",
            FieldMark::Differs => "✘",
            FieldMark::Unknown => "–",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            FieldMark::Same => "case-mark-same",
            FieldMark::Variant => "case-mark-variant",
            FieldMark::Differs => "case-mark-differs",
            FieldMark::Unknown => "case-mark-unknown",
        }
    }
}

/// A mark per field a caseworker weighs before deciding a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchMarks {
    pub given: FieldMark,
    pub father: FieldMark,
    pub grandfather: FieldMark,
    pub family: FieldMark,
    pub mother: FieldMark,
    /// Date of birth, or the year an age gives.
    pub birth: FieldMark,
    pub governorate: FieldMark,
    /// The family's phone numbers (compared as keyed hashes).
    pub phones: FieldMark,
}

impl MatchMarks {
    /// Each field with the Fluent key of its name, in the order they are shown.
    pub fn fields(&self) -> [(&'static str, FieldMark); 8] {
        [
            ("case-position-given", self.given),
            ("case-position-father", self.father),
            ("case-position-grandfather", self.grandfather),
            ("case-position-family", self.family),
            ("case-mother", self.mother),
            ("case-birth", self.birth),
            ("case-mark-governorate", self.governorate),
            ("case-mark-phones", self.phones),
        ]
    }
}

/// A probable duplicate, shown on both cases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseMatch {
    pub other_id: i64,
    pub other_case_number: String,
    /// 0 to 100.
    pub score: u8,
    pub label: MatchLabel,
    /// Field by field, what the reasons say.
    pub marks: MatchMarks,
    /// Which names and fields matched, as the matcher explains them: one object per reason, each
    /// with a `kind` (`name_chain`, `name`, `latin_spelling`, `swapped_given_father`,
    /// `possible_relative`, `mother_name`, `birth`, `sex_differs`, `phone`, `governorate`) and
    /// the facts of that kind.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub reasons: serde_json::Value,
    /// `open`, `merged` or `dismissed`.
    pub state: String,
}

/// `GET /api/v1/cases/{id}` (the read is audited).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    pub id: i64,
    pub case_number: String,
    pub status: CaseStatus,
    pub close_reason: Option<CloseReason>,
    pub consent: Consent,
    pub governorate: Option<Governorate>,
    pub reported_on: String,
    /// The case this one was merged into as a duplicate.
    pub merged_into: Option<i64>,
    /// The day retention removed the personal data.
    pub wiped_on: Option<String>,
    /// A caseworker proposed `deceased`; a second caseworker or an admin must confirm.
    pub deceased_proposed: bool,
    pub record: Option<CaseRecord>,
    pub has_photo: bool,
    pub notes: Vec<CaseNote>,
    pub messages: Vec<crate::tips::TipMessage>,
    pub matches: Vec<CaseMatch>,
    pub triage: crate::triage::Triage,
    /// For a case made from a partner's PFIF record: that record.
    #[serde(default)]
    pub partner: Option<PartnerRecord>,
}

/// `PUT /api/v1/cases/{id}/status`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStatusChange {
    pub status: CaseStatus,
    /// Required when closing.
    #[serde(default)]
    pub reason: Option<CloseReason>,
    /// The case's triage version the change was made on; a newer one refuses it (`stale_view`).
    #[serde(default)]
    pub version: Option<i64>,
}

/// The answer of a status change: applied, or waiting for a second caseworker (`deceased`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStatusResult {
    pub applied: bool,
    pub status: CaseStatus,
}

/// `POST /api/v1/cases/{id}/notes`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewNote {
    /// Tabs and line breaks are kept; other control characters are dropped.
    #[serde(deserialize_with = "crate::text::deserialize_lines")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 5000,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub text: String,
}

/// `POST /api/v1/pfif` answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PfifImported {
    pub created: u32,
    pub updated: u32,
    pub notes_added: u32,
    /// Cases emptied because their partner record expired or the partner sent its expired-record
    /// placeholder (PFIF's way of asking every copy to be deleted).
    pub wiped: u32,
    /// Records not taken: without a name, already expired, about a person we do not hold, or
    /// about a case whose personal data was already removed.
    pub skipped: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_keeps_lines_where_a_family_may_write_them_and_nowhere_else() {
        let typed: NewCase = serde_json::from_value(serde_json::json!({
            "names": { "given": "\u{202e}Ali\u{202c}", "father": "Hasan\u{0}", "mother": "\u{2067}" },
            "recruiter": "an office in Basra\r\nand a Telegram channel\u{7}",
            "marks": "\u{1}",
            "destination": "Moscow\nRostov",
            "phones": ["\u{2066}0770 123 4567\u{2069}", "\u{85}"],
            "reporter": { "relationship": "mother", "name": "Zainab\t\u{202b}", "phone": "0770 765 4321", "language": "ar" },
            "consent": "committee"
        }))
        .unwrap();
        let case = typed.cleaned();
        assert_eq!(case.names.given, "Ali");
        assert_eq!(case.names.father, "Hasan");
        assert_eq!(case.names.mother, None);
        assert_eq!(
            case.recruiter.as_deref(),
            Some("an office in Basra\nand a Telegram channel")
        );
        assert_eq!(case.marks, None);
        assert_eq!(case.destination.as_deref(), Some("Moscow Rostov"));
        assert_eq!(
            case.phones,
            ["0770 123 4567", ""],
            "entries keep their places"
        );
        assert_eq!(case.reporter.name, "Zainab");
    }

    #[test]
    fn partial_dates_are_years_months_or_real_days() {
        assert_eq!(parse_partial_date("1999").as_deref(), Some("1999"));
        assert_eq!(parse_partial_date("٢٠٠١-٠٣").as_deref(), Some("2001-03"));
        assert_eq!(
            parse_partial_date("2000-02-29").as_deref(),
            Some("2000-02-29")
        );
        for bad in [
            "1900-02-29",
            "2001-02-29",
            "2001-13",
            "99",
            "2001-1-1",
            "",
            "abc",
            "2001-04-31",
        ] {
            assert_eq!(parse_partial_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn consent_levels_include_the_narrower_ones() {
        assert!(Consent::Humanitarian.allows(Consent::Committee));
        assert!(Consent::Government.allows(Consent::Government));
        assert!(!Consent::Committee.allows(Consent::Government));
        assert!(!Consent::Government.allows(Consent::Humanitarian));
    }

    #[test]
    fn names_join_in_chain_order() {
        let names = PersonNames {
            given: "أحمد".into(),
            father: " علي ".into(),
            grandfather: None,
            family: Some("الجبوري".into()),
            mother: Some("فاطمة حسن".into()),
            latin: None,
        };
        assert_eq!(names.full(), "أحمد علي الجبوري");
    }
}
