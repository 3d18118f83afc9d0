//! Anonymous tips: what a tipster sends, what they see when they come back with their receipt,
//! and what moderators work with.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{digits::to_ascii_digits, receipt::Receipt, text, Language};

/// Longest description a tipster may write, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// Longest follow-up message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 5_000;
/// Images sent with the report itself (more can be added on follow-up, up to
/// [`MAX_ATTACHMENTS_PER_TIP`]).
pub const MAX_IMAGES_PER_UPLOAD: usize = 5;
pub const MAX_ATTACHMENTS_PER_TIP: usize = 20;
/// One image, before decoding.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;
/// A whole multipart request: five large phone photos fit, a 50 MB body does not.
pub const MAX_UPLOAD_BYTES: usize = 40 * 1024 * 1024;
/// Names, phone numbers and accounts: enough for a network, not a dump.
pub const MAX_LIST_ITEMS: usize = 10;
/// One name, place, agency or handle, in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 200;

/// What the tip is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TipSubject {
    Recruiter,
    /// An agency or travel company.
    Agency,
    /// An online channel, group or advert.
    OnlineChannel,
    /// Someone who was recruited.
    RecruitedPerson,
    Other,
}

impl TipSubject {
    pub const ALL: [TipSubject; 5] = [
        TipSubject::Recruiter,
        TipSubject::Agency,
        TipSubject::OnlineChannel,
        TipSubject::RecruitedPerson,
        TipSubject::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TipSubject::Recruiter => "recruiter",
            TipSubject::Agency => "agency",
            TipSubject::OnlineChannel => "online_channel",
            TipSubject::RecruitedPerson => "recruited_person",
            TipSubject::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<TipSubject> {
        TipSubject::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Fluent key of the label.
    pub fn message_key(self) -> &'static str {
        match self {
            TipSubject::Recruiter => "tip-subject-recruiter",
            TipSubject::Agency => "tip-subject-agency",
            TipSubject::OnlineChannel => "tip-subject-online-channel",
            TipSubject::RecruitedPerson => "tip-subject-recruited-person",
            TipSubject::Other => "tip-subject-other",
        }
    }
}

/// Iraq's eighteen governorates and Halabja (recognised by the Kurdistan Region and the federal
/// cabinet), as ISO 3166-2:IQ codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Governorate {
    Anbar,
    Babil,
    Baghdad,
    Basra,
    DhiQar,
    Diyala,
    Duhok,
    Erbil,
    Halabja,
    Karbala,
    Kirkuk,
    Maysan,
    Muthanna,
    Najaf,
    Nineveh,
    Qadisiyyah,
    Saladin,
    Sulaymaniyah,
    Wasit,
}

impl Governorate {
    pub const ALL: [Governorate; 19] = [
        Governorate::Anbar,
        Governorate::Babil,
        Governorate::Baghdad,
        Governorate::Basra,
        Governorate::DhiQar,
        Governorate::Diyala,
        Governorate::Duhok,
        Governorate::Erbil,
        Governorate::Halabja,
        Governorate::Karbala,
        Governorate::Kirkuk,
        Governorate::Maysan,
        Governorate::Muthanna,
        Governorate::Najaf,
        Governorate::Nineveh,
        Governorate::Qadisiyyah,
        Governorate::Saladin,
        Governorate::Sulaymaniyah,
        Governorate::Wasit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Governorate::Anbar => "anbar",
            Governorate::Babil => "babil",
            Governorate::Baghdad => "baghdad",
            Governorate::Basra => "basra",
            Governorate::DhiQar => "dhi_qar",
            Governorate::Diyala => "diyala",
            Governorate::Duhok => "duhok",
            Governorate::Erbil => "erbil",
            Governorate::Halabja => "halabja",
            Governorate::Karbala => "karbala",
            Governorate::Kirkuk => "kirkuk",
            Governorate::Maysan => "maysan",
            Governorate::Muthanna => "muthanna",
            Governorate::Najaf => "najaf",
            Governorate::Nineveh => "nineveh",
            Governorate::Qadisiyyah => "qadisiyyah",
            Governorate::Saladin => "saladin",
            Governorate::Sulaymaniyah => "sulaymaniyah",
            Governorate::Wasit => "wasit",
        }
    }

    pub fn parse(text: &str) -> Option<Governorate> {
        Governorate::ALL.into_iter().find(|g| g.as_str() == text)
    }

    /// The ISO 3166-2:IQ code, as PFIF's `home_state` wants it. ISO has no code for Halabja
    /// (split from Sulaymaniyah in 2014; the 2022 update of ISO 3166-2:IQ added only the Kurdistan
    /// Region, `IQ-KR`), so Halabja goes out as the subdivision ISO still places it in.
    pub fn iso_3166_2(self) -> &'static str {
        match self {
            Governorate::Anbar => "IQ-AN",
            Governorate::Babil => "IQ-BB",
            Governorate::Baghdad => "IQ-BG",
            Governorate::Basra => "IQ-BA",
            Governorate::DhiQar => "IQ-DQ",
            Governorate::Diyala => "IQ-DI",
            Governorate::Duhok => "IQ-DA",
            Governorate::Erbil => "IQ-AR",
            Governorate::Halabja | Governorate::Sulaymaniyah => "IQ-SU",
            Governorate::Karbala => "IQ-KA",
            Governorate::Kirkuk => "IQ-KI",
            Governorate::Maysan => "IQ-MA",
            Governorate::Muthanna => "IQ-MU",
            Governorate::Najaf => "IQ-NA",
            Governorate::Nineveh => "IQ-NI",
            Governorate::Qadisiyyah => "IQ-QA",
            Governorate::Saladin => "IQ-SD",
            Governorate::Wasit => "IQ-WA",
        }
    }

    /// A governorate as partners write it in PFIF `home_state`: an ISO 3166-2:IQ code (any case;
    /// `IQ-HA`, which some lists give Halabja, and Kirkuk's old `IQ-TS` too) or our own spelling.
    pub fn from_home_state(text: &str) -> Option<Governorate> {
        let text = text.trim();
        let code = text.to_ascii_uppercase();
        match code.as_str() {
            "IQ-HA" => return Some(Governorate::Halabja),
            "IQ-TS" => return Some(Governorate::Kirkuk),
            _ => {}
        }
        Governorate::ALL
            .into_iter()
            .filter(|g| *g != Governorate::Halabja)
            .find(|g| g.iso_3166_2() == code)
            .or_else(|| Governorate::parse(&text.to_ascii_lowercase()))
    }

    /// Fluent key of the governorate's name (`governorate-dhi-qar`).
    pub fn message_key(self) -> String {
        format!("governorate-{}", self.as_str().replace('_', "-"))
    }
}

/// Where an online account lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Telegram,
    Whatsapp,
    Facebook,
    Tiktok,
    Instagram,
    Website,
    Other,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::Telegram,
        Platform::Whatsapp,
        Platform::Facebook,
        Platform::Tiktok,
        Platform::Instagram,
        Platform::Website,
        Platform::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Telegram => "telegram",
            Platform::Whatsapp => "whatsapp",
            Platform::Facebook => "facebook",
            Platform::Tiktok => "tiktok",
            Platform::Instagram => "instagram",
            Platform::Website => "website",
            Platform::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The platform a link or handle names, for a form that asks for accounts in one box: so
    /// that the same account in a tip and in a case is linked.
    pub fn of_handle(handle: &str) -> Platform {
        let lower = handle.trim().to_lowercase();
        let host = lower
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.");
        [
            ("t.me/", Platform::Telegram),
            ("telegram.me/", Platform::Telegram),
            ("instagram.com/", Platform::Instagram),
            ("tiktok.com/", Platform::Tiktok),
            ("facebook.com/", Platform::Facebook),
            ("fb.com/", Platform::Facebook),
            ("m.facebook.com/", Platform::Facebook),
            ("wa.me/", Platform::Whatsapp),
        ]
        .into_iter()
        .find(|(prefix, _)| host.starts_with(prefix))
        .map(|(_, platform)| platform)
        .unwrap_or(if lower.starts_with("http") {
            Platform::Website
        } else {
            Platform::Other
        })
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Platform::Telegram => "platform-telegram",
            Platform::Whatsapp => "platform-whatsapp",
            Platform::Facebook => "platform-facebook",
            Platform::Tiktok => "platform-tiktok",
            Platform::Instagram => "platform-instagram",
            Platform::Website => "platform-website",
            Platform::Other => "platform-other",
        }
    }
}

/// An online account or link as the tipster typed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnlineAccount {
    pub platform: Platform,
    /// `@handle`, a user name, a channel link or a web address.
    pub handle: String,
}

impl OnlineAccount {
    /// The account with its handle cleaned ([`crate::text::line`]).
    pub fn cleaned(self) -> OnlineAccount {
        OnlineAccount {
            handle: text::line(&self.handle),
            ..self
        }
    }

    /// The form under which two tips about the same account are linked: trimmed, lower-cased,
    /// without a leading `@`, URL scheme, `www.`, trailing slash or query, and `t.me/x`,
    /// `instagram.com/x` reduced to `x` on their platform.
    pub fn normalised(&self) -> Option<String> {
        let mut text = self.handle.trim().to_lowercase();
        for prefix in ["https://", "http://"] {
            if let Some(rest) = text.strip_prefix(prefix) {
                text = rest.to_owned();
            }
        }
        if let Some(rest) = text.strip_prefix("www.") {
            text = rest.to_owned();
        }
        if let Some((before, _)) = text.split_once(['?', '#']) {
            text = before.to_owned();
        }
        let text = text.trim_end_matches('/');
        let platform_hosts: &[&str] = match self.platform {
            Platform::Telegram => &["t.me/", "telegram.me/", "telegram.dog/"],
            Platform::Instagram => &["instagram.com/"],
            Platform::Tiktok => &["tiktok.com/@", "tiktok.com/"],
            Platform::Facebook => &["facebook.com/", "fb.com/", "m.facebook.com/"],
            Platform::Whatsapp => &["wa.me/"],
            Platform::Website | Platform::Other => &[],
        };
        let mut text = text;
        for host in platform_hosts {
            if let Some(rest) = text.strip_prefix(host) {
                text = rest;
                break;
            }
        }
        let text = text.trim_start_matches('@').trim();
        if text.is_empty() {
            None
        } else {
            Some(format!("{}:{text}", self.platform.as_str()))
        }
    }
}

/// Month and year, the only precision a tipster is asked for ("around March 2026").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    pub fn parse(text: &str) -> Option<YearMonth> {
        let ascii = to_ascii_digits(text.trim());
        let (year, month) = ascii.split_once('-')?;
        if year.len() != 4 || month.is_empty() || month.len() > 2 {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        ((1990..=2100).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for YearMonth {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[0-9]{4}-[0-9]{2}$"))
            .examples(["2026-03"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for YearMonth {}

impl TryFrom<String> for YearMonth {
    type Error = String;
    fn try_from(value: String) -> Result<YearMonth, String> {
        YearMonth::parse(&value).ok_or_else(|| "expected a month as YYYY-MM".to_owned())
    }
}

impl From<YearMonth> for String {
    fn from(value: YearMonth) -> String {
        value.to_string()
    }
}

/// `POST /api/v1/tips`: the JSON body, or the `tip` part of a multipart body whose `image`
/// parts are the pictures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTip {
    pub subject: TipSubject,
    /// Required, up to 10,000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 10000,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub description: String,
    #[serde(default)]
    pub names: Vec<String>,
    /// As typed: `0770 123 4567`, `+964 770…`, Arabic-Indic digits; the server normalises them.
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub accounts: Vec<OnlineAccount>,
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub governorate: Option<Governorate>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub approximate_date: Option<YearMonth>,
    /// The language the tipster wrote in, so a moderator answers in it.
    #[serde(default)]
    pub language: Option<Language>,
    /// "Is someone about to leave? When?": `YYYY-MM-DD` in any digit set. Raises the priority.
    #[serde(default)]
    pub departure_on: Option<String>,
    /// Someone under 18 is involved. Raises the priority.
    #[serde(default)]
    pub minor_involved: bool,
}

/// The Fluent key that explains a field's problem (`FieldProblem::problem`) to the person who
/// typed it; an error code's own key when the problem is a picture's or a number's.
pub fn problem_message_key(problem: &str) -> &str {
    match problem {
        "required" => "form-problem-required",
        "choose_subject" => "form-problem-choose-subject",
        "too_long" => "form-problem-too-long",
        "too_many" => "form-problem-too-many",
        "invalid_account" => "form-problem-invalid-account",
        "invalid_date" => "form-problem-invalid-date",
        "invalid" => "form-problem-invalid-age",
        "invalid_phone_number" => "error-invalid-phone-number",
        "image_unsupported" => "error-image-unsupported",
        "image_too_large" => "error-image-too-large",
        "image_too_many_pixels" => "error-image-too-many-pixels",
        "image_corrupt" => "error-image-corrupt",
        "too_many_images" => "error-too-many-images",
        key if key.contains('-') => key,
        _ => "error-invalid-request",
    }
}

/// Which field of a tip is wrong, and how; sent as the error's `details`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    /// `description`, `names`, `phones`, `accounts`, `agency`, `place`.
    pub field: String,
    /// Position in a list field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// `required`, `too_long`, `too_many`, `invalid_phone_number`, `invalid_account`.
    pub problem: String,
}

impl FieldProblem {
    /// A problem with a whole field (not one entry of a list).
    pub fn at(field: &str, problem: &str) -> FieldProblem {
        FieldProblem::new(field, None, problem)
    }

    fn new(field: &str, index: Option<usize>, problem: &str) -> FieldProblem {
        FieldProblem {
            field: field.to_owned(),
            index,
            problem: problem.to_owned(),
        }
    }
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

impl NewTip {
    /// The tip with its text cleaned ([`crate::text`]), for the checks and the store. List
    /// entries stay where they were, so a problem's index still points at what was typed.
    pub fn cleaned(self) -> NewTip {
        let lines_of = |list: Vec<String>| list.iter().map(|t| text::line(t)).collect();
        NewTip {
            description: text::lines(&self.description),
            names: lines_of(self.names),
            phones: lines_of(self.phones),
            accounts: self
                .accounts
                .into_iter()
                .map(OnlineAccount::cleaned)
                .collect(),
            agency: text::optional_line(self.agency.as_deref()),
            place: text::optional_line(self.place.as_deref()),
            departure_on: text::optional_line(self.departure_on.as_deref()),
            ..self
        }
    }

    /// Checks the limits the form also shows. Phone numbers are checked by the server, which
    /// holds the numbering plan.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.description.trim().is_empty() {
            problems.push(FieldProblem::new("description", None, "required"));
        } else if too_long(&self.description, MAX_DESCRIPTION_CHARS) {
            problems.push(FieldProblem::new("description", None, "too_long"));
        }
        for (field, len) in [
            ("names", self.names.len()),
            ("phones", self.phones.len()),
            ("accounts", self.accounts.len()),
        ] {
            if len > MAX_LIST_ITEMS {
                problems.push(FieldProblem::new(field, None, "too_many"));
            }
        }
        for (i, name) in self.names.iter().enumerate() {
            if too_long(name, MAX_SHORT_TEXT_CHARS) {
                problems.push(FieldProblem::new("names", Some(i), "too_long"));
            }
        }
        for (i, phone) in self.phones.iter().enumerate() {
            if too_long(phone, 40) {
                problems.push(FieldProblem::new("phones", Some(i), "too_long"));
            }
        }
        for (i, account) in self.accounts.iter().enumerate() {
            if too_long(&account.handle, MAX_SHORT_TEXT_CHARS) {
                problems.push(FieldProblem::new("accounts", Some(i), "too_long"));
            } else if account.normalised().is_none() {
                problems.push(FieldProblem::new("accounts", Some(i), "invalid_account"));
            }
        }
        for (field, value) in [("agency", &self.agency), ("place", &self.place)] {
            if value
                .as_deref()
                .is_some_and(|v| too_long(v, MAX_SHORT_TEXT_CHARS))
            {
                problems.push(FieldProblem::new(field, None, "too_long"));
            }
        }
        if self
            .departure_on
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty() && crate::triage::parse_day(d).is_none())
        {
            problems.push(FieldProblem::new("departure_on", None, "invalid_date"));
        }
        problems
    }
}

/// `201` answer of `POST /api/v1/tips`. The only time the receipt is ever shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TipCreated {
    pub receipt: Receipt,
}

/// `POST /api/v1/follow-up`: open a report with its receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpRequest {
    /// As typed; the server reads it with [`Receipt::parse`] so a typo gets `receipt_malformed`
    /// rather than a generic JSON error.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\-\u2010-\u2015\u200E\u200F\u061C\u2066-\u2069]*([0-9\u0660-\u0669\u06F0-\u06F9][\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\-\u2010-\u2015\u200E\u200F\u061C\u2066-\u2069]*){16}$"
        )
    )]
    pub receipt: String,
}

/// A short-lived bearer token for `/api/v1/follow-up/*`; the page keeps it in memory only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpGrant {
    pub token: String,
    /// Seconds the token stays valid.
    pub expires_in: u32,
    /// What the receipt opened: `/api/v1/follow-up/tip` or `/api/v1/follow-up/case`.
    #[serde(default)]
    pub kind: FollowUpKind,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FollowUpKind {
    #[default]
    Tip,
    Case,
}

/// Where a tip stands, as moderators track it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TipStatus {
    New,
    InReview,
    Actioned,
    Dismissed,
    Closed,
}

impl TipStatus {
    pub const ALL: [TipStatus; 5] = [
        TipStatus::New,
        TipStatus::InReview,
        TipStatus::Actioned,
        TipStatus::Dismissed,
        TipStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TipStatus::New => "new",
            TipStatus::InReview => "in_review",
            TipStatus::Actioned => "actioned",
            TipStatus::Dismissed => "dismissed",
            TipStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<TipStatus> {
        TipStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn message_key(self) -> &'static str {
        match self {
            TipStatus::New => "tip-status-new",
            TipStatus::InReview => "tip-status-in-review",
            TipStatus::Actioned => "tip-status-actioned",
            TipStatus::Dismissed => "tip-status-dismissed",
            TipStatus::Closed => "tip-status-closed",
        }
    }

    /// What the tipster sees: whether a tip led to action or was dismissed is not theirs to
    /// learn (it could tip off a recruiter who files a test report).
    pub fn public(self) -> PublicTipStatus {
        match self {
            TipStatus::New => PublicTipStatus::Received,
            TipStatus::InReview => PublicTipStatus::InReview,
            TipStatus::Actioned | TipStatus::Dismissed | TipStatus::Closed => {
                PublicTipStatus::Closed
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublicTipStatus {
    Received,
    InReview,
    Closed,
}

impl PublicTipStatus {
    pub fn message_key(self) -> &'static str {
        match self {
            PublicTipStatus::Received => "tip-public-status-received",
            PublicTipStatus::InReview => "tip-public-status-in-review",
            PublicTipStatus::Closed => "tip-public-status-closed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageAuthor {
    Tipster,
    Moderator,
}

/// One message of the conversation between a tipster and the moderators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TipMessage {
    pub id: i64,
    pub author: MessageAuthor,
    pub body: String,
    /// The day only (`2026-11-25`): a precise time could match a tipster to network logs.
    pub sent_on: String,
}

/// `POST /api/v1/follow-up/messages` and the staff reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewMessage {
    /// Tabs and line breaks are kept; other control characters are dropped.
    #[serde(deserialize_with = "text::deserialize_lines")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 5000,
            pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub body: String,
    /// Staff replies: the item's triage version the reply was written on, so a reply to a
    /// conversation a colleague already answered is refused (`stale_view`). Tipsters omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

impl NewMessage {
    pub fn problems(&self) -> Vec<FieldProblem> {
        if self.body.trim().is_empty() {
            vec![FieldProblem::new("body", None, "required")]
        } else if too_long(&self.body, MAX_MESSAGE_CHARS) {
            vec![FieldProblem::new("body", None, "too_long")]
        } else {
            Vec::new()
        }
    }
}

/// `GET /api/v1/follow-up/tip`: what the tipster sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TipFollowUp {
    pub status: PublicTipStatus,
    /// A note from the moderators, shown above the conversation.
    pub public_message: Option<String>,
    pub received_on: String,
    pub messages: Vec<TipMessage>,
    /// How many images the tip holds (they are not shown back: the tipster has them).
    pub attachments: u32,
    /// How many more may be added.
    pub attachments_left: u32,
    /// The tip was closed long enough ago that its content was removed.
    #[serde(default)]
    pub content_removed: bool,
}

/// `POST /api/v1/follow-up/attachments` answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentsAdded {
    pub added: u32,
    pub attachments: u32,
}

/// One line of the moderators' tip list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TipSummary {
    pub id: i64,
    pub subject: TipSubject,
    pub status: TipStatus,
    pub governorate: Option<Governorate>,
    /// The first words of the description; empty once retention removed the content.
    pub snippet: String,
    pub received_on: String,
    pub attachments: u32,
    pub messages: u32,
    /// The last message came from the tipster and nobody answered yet.
    pub awaiting_reply: bool,
    pub triage: crate::triage::Triage,
}

/// `GET /api/v1/tips`: most urgent first, then the longest waiting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TipPage {
    pub tips: Vec<TipSummary>,
    /// Pass as `page` for the next page; absent on the last page.
    pub next_page: Option<u32>,
}

/// An image of a tip, as listed for moderators; the bytes come from
/// `GET /api/v1/tips/{id}/attachments/{attachment_id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentInfo {
    pub id: i64,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
}

/// Another tip that mentions the same phone number or account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedTip {
    pub id: i64,
    pub status: TipStatus,
    pub received_on: String,
    /// The shared identifiers, as this tip wrote them (`+9647701234567`, `telegram:recruits_iq`).
    pub shared: Vec<String>,
}

/// `GET /api/v1/tips/{id}`: a tip, decrypted for a moderator (the read is audited).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TipDetail {
    pub id: i64,
    pub subject: TipSubject,
    pub status: TipStatus,
    pub public_message: Option<String>,
    pub received_on: String,
    pub language: Option<Language>,
    pub description: String,
    pub names: Vec<String>,
    /// Normalised to E.164.
    pub phones: Vec<String>,
    pub accounts: Vec<OnlineAccount>,
    pub agency: Option<String>,
    pub governorate: Option<Governorate>,
    pub place: Option<String>,
    pub approximate_date: Option<YearMonth>,
    pub attachments: Vec<AttachmentInfo>,
    pub messages: Vec<TipMessage>,
    pub linked: Vec<LinkedTip>,
    pub triage: crate::triage::Triage,
    /// Staff-only notes, never shown to the tipster.
    pub notes: Vec<crate::triage::InternalNote>,
    /// The day retention removed the content; only the reference, dates, status and labels stay.
    pub wiped_on: Option<String>,
}

/// `PUT /api/v1/tips/{id}/status`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub status: TipStatus,
    /// Shown to the tipster on follow-up; `null` removes it.
    #[serde(default)]
    pub public_message: Option<String>,
    /// The tip's triage version the change was made on; a newer one refuses it (`stale_view`).
    #[serde(default)]
    pub version: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governorates_go_out_as_iso_codes_and_come_back_from_either_spelling() {
        let codes: std::collections::BTreeSet<&str> =
            Governorate::ALL.iter().map(|g| g.iso_3166_2()).collect();
        assert_eq!(codes.len(), 18, "ISO 3166-2:IQ lists eighteen governorates");
        for governorate in Governorate::ALL {
            let code = governorate.iso_3166_2();
            assert!(code.starts_with("IQ-") && code.len() == 5, "{code}");
            assert_eq!(
                Governorate::from_home_state(governorate.as_str()),
                Some(governorate)
            );
            if governorate != Governorate::Halabja {
                assert_eq!(Governorate::from_home_state(code), Some(governorate));
            }
        }
        assert_eq!(
            Governorate::from_home_state("iq-bg"),
            Some(Governorate::Baghdad)
        );
        assert_eq!(
            Governorate::from_home_state("IQ-HA"),
            Some(Governorate::Halabja)
        );
        assert_eq!(
            Governorate::from_home_state(" IQ-TS "),
            Some(Governorate::Kirkuk)
        );
        assert_eq!(
            Governorate::from_home_state("IQ-KR"),
            None,
            "a region, not a governorate"
        );
        assert_eq!(Governorate::from_home_state("Bavaria"), None);
    }

    fn account(platform: Platform, handle: &str) -> OnlineAccount {
        OnlineAccount {
            platform,
            handle: handle.to_owned(),
        }
    }

    #[test]
    fn a_link_names_its_platform_and_a_bare_handle_names_none() {
        for (typed, platform) in [
            ("https://t.me/recruits_iq", Platform::Telegram),
            ("T.ME/Recruits", Platform::Telegram),
            ("www.instagram.com/x", Platform::Instagram),
            ("https://m.facebook.com/page", Platform::Facebook),
            ("wa.me/9647701112233", Platform::Whatsapp),
            ("https://example.com/jobs", Platform::Website),
            ("@recruits_iq", Platform::Other),
        ] {
            assert_eq!(Platform::of_handle(typed), platform, "{typed}");
        }
    }

    #[test]
    fn the_same_account_written_differently_normalises_alike() {
        for typed in [
            "@Recruits_IQ",
            "recruits_iq",
            "https://t.me/recruits_iq",
            "t.me/Recruits_IQ/",
            "http://www.t.me/recruits_iq?start=1",
        ] {
            assert_eq!(
                account(Platform::Telegram, typed).normalised().as_deref(),
                Some("telegram:recruits_iq"),
                "{typed}"
            );
        }
        assert_ne!(
            account(Platform::Instagram, "recruits_iq").normalised(),
            account(Platform::Telegram, "recruits_iq").normalised()
        );
        assert_eq!(account(Platform::Telegram, " @ ").normalised(), None);
        assert_eq!(account(Platform::Website, "https://").normalised(), None);
    }

    #[test]
    fn months_parse_in_every_digit_set_and_refuse_nonsense() {
        assert_eq!(
            YearMonth::parse("2026-03"),
            Some(YearMonth {
                year: 2026,
                month: 3
            })
        );
        assert_eq!(
            YearMonth::parse("٢٠٢٦-٠٣")
                .map(|m| m.to_string())
                .as_deref(),
            Some("2026-03")
        );
        for bad in [
            "2026-13", "2026-00", "26-03", "2026/03", "", "2026-", "1800-01",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn tip_problems_name_the_field_and_the_limit() {
        let mut tip = NewTip {
            subject: TipSubject::Recruiter,
            description: "   ".to_owned(),
            names: vec!["x".repeat(201)],
            phones: vec!["1".to_owned(); 11],
            accounts: vec![account(Platform::Telegram, "@")],
            agency: None,
            governorate: Some(Governorate::Basra),
            place: None,
            approximate_date: None,
            language: None,
            departure_on: Some("2026-13-01".to_owned()),
            minor_involved: false,
        };
        let problems = tip.problems();
        assert!(problems.contains(&FieldProblem::new("departure_on", None, "invalid_date")));
        assert!(problems.contains(&FieldProblem::new("description", None, "required")));
        assert!(problems.contains(&FieldProblem::new("names", Some(0), "too_long")));
        assert!(problems.contains(&FieldProblem::new("phones", None, "too_many")));
        assert!(problems.contains(&FieldProblem::new("accounts", Some(0), "invalid_account")));
        tip.description = "ب".repeat(MAX_DESCRIPTION_CHARS);
        tip.names.clear();
        tip.phones.clear();
        tip.accounts.clear();
        tip.departure_on = Some("٢٠٢٦-١٢-٠٤".to_owned());
        assert!(
            tip.problems().is_empty(),
            "10,000 Arabic letters are allowed"
        );
        tip.description.push('ب');
        assert_eq!(
            tip.problems(),
            vec![FieldProblem::new("description", None, "too_long")]
        );
    }

    #[test]
    fn tipsters_never_learn_whether_their_tip_led_to_action() {
        assert_eq!(TipStatus::Actioned.public(), PublicTipStatus::Closed);
        assert_eq!(TipStatus::Dismissed.public(), PublicTipStatus::Closed);
        assert_eq!(TipStatus::New.public(), PublicTipStatus::Received);
        assert_eq!(
            serde_json::to_string(&Governorate::DhiQar).unwrap(),
            "\"dhi_qar\""
        );
        assert_eq!(Governorate::DhiQar.message_key(), "governorate-dhi-qar");
        assert_eq!(Governorate::ALL.len(), 19);
    }
}
