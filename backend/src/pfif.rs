//! PFIF 1.4 (People Finder Interchange Format) export and import, without any database.
//!
//! PFIF is the format Google Person Finder and other registries used to exchange records about
//! missing people. The reference is the PFIF 1.4 specification, <http://zesty.ca/pfif/1.4>
//! (Ka-Ping Yee, 29 May 2012), whose XML format is given as a RELAX NG schema (1.4 has no XSD; 1.1
//! and 1.2 had XSDs). What this module follows from it:
//!
//! - namespace `http://zesty.ca/pfif/1.4`, root element `pfif:pfif` holding any number of
//!   `pfif:person` and `pfif:note` elements in any order. A note may sit inside its person or at
//!   the top level; a top-level note must carry `person_record_id`, and a nested note that carries
//!   one must name its enclosing person;
//! - required fields: person `person_record_id`, `source_date`, `full_name`; note
//!   `note_record_id`, `author_name`, `source_date`, `text` (and `person_record_id` outside a
//!   person). Everything else, `entry_date` and the person's `author_name` included, is optional;
//! - record ids are `domain/local` (pattern `.+/.+`); times are UTC `YYYY-MM-DDThh:mm:ssZ` (readers
//!   accept fractional seconds); `sex` is `female`, `male` or `other`; `date_of_birth` is `YYYY`,
//!   `YYYY-MM` or `YYYY-MM-DD`; `age` is `N` or `N-M`; `home_country` is two capitals (ISO 3166-1
//!   alpha-2); `author_made_contact` is `true`/`false`; `status` is one of the five
//!   [`PfifNoteStatus`] values; `alternate_names` and `profile_urls` (and several full names)
//!   are separated by line feeds; e-mail `.+@.+`; phone `[-+()0-9 ]+`;
//! - child order is not significant in 1.4 (the schema uses interleave); [`to_xml`] writes the
//!   fields in the order the specification lists them ([`PERSON_FIELDS`], [`NOTE_FIELDS`], which
//!   is also the order of the older XSD sequences), then the person's notes.
//!
//! Import ([`from_xml`]) accepts PFIF 1.1 to 1.4 namespaces (older field names such as
//! `first_name` or `found` are renamed), nested and top-level notes, expired-record placeholders,
//! CDATA, character references and the five predefined entities, and ignores (but lists) elements
//! it does not know. It refuses any DTD, so no entity is ever expanded, and bounds the input:
//! [`MAX_DOCUMENT_BYTES`] (16 MiB: partners page their feeds, Person Finder by 200 records),
//! [`MAX_DEPTH`] open elements, [`MAX_RECORDS`] records and [`MAX_FIELD_BYTES`] per field. The
//! parser is iterative and never panics. Surrounding whitespace of every field is trimmed and empty
//! fields count as absent; sub-second precision is dropped.
//!
//! The case-status mapping lives in [`note_status_for`] and [`case_status_for`].

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The PFIF 1.4 XML namespace, bound to the `pfif` prefix in everything we write.
pub const PFIF_NAMESPACE: &str = "http://zesty.ca/pfif/1.4";
/// The MIME type the specification gives to PFIF documents.
pub const PFIF_MIME_TYPE: &str = "application/pfif+xml";

/// Largest document [`from_xml`] reads, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of elements [`from_xml`] follows (PFIF itself needs 4).
pub const MAX_DEPTH: usize = 16;
/// Most person, note and placeholder records one document may hold.
pub const MAX_RECORDS: usize = 50_000;
/// Longest value of one field, in bytes.
pub const MAX_FIELD_BYTES: usize = 256 * 1024;

/// The fields of a person record, in the order of the specification (and of [`to_xml`]).
pub const PERSON_FIELDS: [&str; 25] = [
    "person_record_id",
    "entry_date",
    "expiry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_name",
    "source_date",
    "source_url",
    "full_name",
    "given_name",
    "family_name",
    "alternate_names",
    "description",
    "sex",
    "date_of_birth",
    "age",
    "home_street",
    "home_neighborhood",
    "home_city",
    "home_state",
    "home_postal_code",
    "home_country",
    "photo_url",
    "profile_urls",
];

/// The fields of a note record, in the order of the specification (and of [`to_xml`]).
pub const NOTE_FIELDS: [&str; 15] = [
    "note_record_id",
    "person_record_id",
    "linked_person_record_id",
    "entry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_date",
    "author_made_contact",
    "status",
    "email_of_found_person",
    "phone_of_found_person",
    "last_known_location",
    "text",
    "photo_url",
];

/// Person fields renamed since PFIF 1.1–1.3, read under their 1.4 names.
const PERSON_RENAMED: [(&str, &str); 4] = [
    ("first_name", "given_name"),
    ("last_name", "family_name"),
    ("home_zip", "home_postal_code"),
    ("other", "description"),
];
/// Note fields renamed since PFIF 1.1–1.3.
const NOTE_RENAMED: [(&str, &str); 1] = [("found", "author_made_contact")];

/// Which PFIF version a document declared through its namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PfifVersion {
    V1_1,
    V1_2,
    V1_3,
    V1_4,
}

impl PfifVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1_1 => "1.1",
            Self::V1_2 => "1.2",
            Self::V1_3 => "1.3",
            Self::V1_4 => "1.4",
        }
    }

    pub fn namespace(self) -> &'static str {
        match self {
            Self::V1_1 => "http://zesty.ca/pfif/1.1",
            Self::V1_2 => "http://zesty.ca/pfif/1.2",
            Self::V1_3 => "http://zesty.ca/pfif/1.3",
            Self::V1_4 => PFIF_NAMESPACE,
        }
    }

    /// The version of a PFIF namespace; tolerates `https` and a trailing slash.
    pub fn from_namespace(namespace: &str) -> Option<Self> {
        let ns = namespace.trim().trim_end_matches('/');
        let version = ns
            .strip_prefix("http://zesty.ca/pfif/")
            .or_else(|| ns.strip_prefix("https://zesty.ca/pfif/"))?;
        match version {
            "1.1" => Some(Self::V1_1),
            "1.2" => Some(Self::V1_2),
            "1.3" => Some(Self::V1_3),
            "1.4" => Some(Self::V1_4),
            _ => None,
        }
    }
}

/// The `sex` field of a person record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PfifSex {
    Female,
    Male,
    Other,
}

impl PfifSex {
    pub const ALL: [Self; 3] = [Self::Female, Self::Male, Self::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
            Self::Other => "other",
        }
    }

    /// Reads a PFIF value, ignoring case and surrounding whitespace.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(value))
    }
}

/// The `status` field of a note record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PfifNoteStatus {
    /// The author is seeking information about the person.
    InformationSought,
    /// The author is the person the record is about.
    IsNoteAuthor,
    /// The author has received information that the person is alive.
    BelievedAlive,
    /// The author has reason to think the person is still missing.
    BelievedMissing,
    /// The author has received information that the person is dead.
    BelievedDead,
}

impl PfifNoteStatus {
    pub const ALL: [Self; 5] = [
        Self::InformationSought,
        Self::IsNoteAuthor,
        Self::BelievedAlive,
        Self::BelievedMissing,
        Self::BelievedDead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InformationSought => "information_sought",
            Self::IsNoteAuthor => "is_note_author",
            Self::BelievedAlive => "believed_alive",
            Self::BelievedMissing => "believed_missing",
            Self::BelievedDead => "believed_dead",
        }
    }

    /// Reads a PFIF value, ignoring case and surrounding whitespace.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(value))
    }
}

/// A PFIF person record: who is sought, who reported it, and where the record comes from.
///
/// `None` (or an empty string, or an empty list) means the field is absent. Lists are written
/// one entry a line. Times may carry any offset; they are written in UTC, to the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfifPerson {
    /// `domain/local`, see [`record_id`]. Required.
    pub person_record_id: String,
    /// When this copy of the record was stored in the repository that exports it.
    pub entry_date: Option<OffsetDateTime>,
    /// After this time the record must be deleted (see the spec's data expiry mechanism).
    pub expiry_date: Option<OffsetDateTime>,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    pub author_phone: Option<String>,
    pub source_name: Option<String>,
    /// When the record was created in its original repository. Required.
    pub source_date: OffsetDateTime,
    pub source_url: Option<String>,
    /// Full name in the person's usual order; several full names one a line. Required.
    pub full_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub alternate_names: Vec<String>,
    pub description: Option<String>,
    pub sex: Option<PfifSex>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date_of_birth: Option<String>,
    /// `N` or `N-M` years, as of `source_date`.
    pub age: Option<String>,
    pub home_street: Option<String>,
    pub home_neighborhood: Option<String>,
    pub home_city: Option<String>,
    /// ISO 3166-2 code (such as `IQ-BG`) preferred, or a name.
    pub home_state: Option<String>,
    pub home_postal_code: Option<String>,
    /// ISO 3166-1 alpha-2, upper case (such as `IQ`).
    pub home_country: Option<String>,
    pub photo_url: Option<String>,
    pub profile_urls: Vec<String>,
    /// Notes about this person; written nested inside the person.
    pub notes: Vec<PfifNote>,
}

impl PfifPerson {
    /// A person with the required fields set and every other field absent.
    pub fn new(
        person_record_id: impl Into<String>,
        source_date: OffsetDateTime,
        full_name: impl Into<String>,
    ) -> Self {
        Self {
            person_record_id: person_record_id.into(),
            entry_date: None,
            expiry_date: None,
            author_name: None,
            author_email: None,
            author_phone: None,
            source_name: None,
            source_date,
            source_url: None,
            full_name: full_name.into(),
            given_name: None,
            family_name: None,
            alternate_names: Vec::new(),
            description: None,
            sex: None,
            date_of_birth: None,
            age: None,
            home_street: None,
            home_neighborhood: None,
            home_city: None,
            home_state: None,
            home_postal_code: None,
            home_country: None,
            photo_url: None,
            profile_urls: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Checks the record, and its notes, against every constraint of the PFIF 1.4 schema.
    pub fn validate(&self) -> Result<(), PfifError> {
        self.check(true)
    }

    /// Every field with a value, under its PFIF name, in the order of [`PERSON_FIELDS`] (times
    /// as PFIF writes them, lists one entry a line); notes are records of their own.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let time = |t: Option<OffsetDateTime>| t.map(format_date);
        let list = |l: &[String]| (!l.is_empty()).then(|| l.join("\n"));
        let all: [(&'static str, Option<String>); 25] = [
            ("person_record_id", Some(self.person_record_id.clone())),
            ("entry_date", time(self.entry_date)),
            ("expiry_date", time(self.expiry_date)),
            ("author_name", self.author_name.clone()),
            ("author_email", self.author_email.clone()),
            ("author_phone", self.author_phone.clone()),
            ("source_name", self.source_name.clone()),
            ("source_date", Some(format_date(self.source_date))),
            ("source_url", self.source_url.clone()),
            ("full_name", Some(self.full_name.clone())),
            ("given_name", self.given_name.clone()),
            ("family_name", self.family_name.clone()),
            ("alternate_names", list(&self.alternate_names)),
            ("description", self.description.clone()),
            ("sex", self.sex.map(|s| s.as_str().to_owned())),
            ("date_of_birth", self.date_of_birth.clone()),
            ("age", self.age.clone()),
            ("home_street", self.home_street.clone()),
            ("home_neighborhood", self.home_neighborhood.clone()),
            ("home_city", self.home_city.clone()),
            ("home_state", self.home_state.clone()),
            ("home_postal_code", self.home_postal_code.clone()),
            ("home_country", self.home_country.clone()),
            ("photo_url", self.photo_url.clone()),
            ("profile_urls", list(&self.profile_urls)),
        ];
        all.into_iter()
            .filter_map(|(name, value)| value.filter(|v| !v.is_empty()).map(|v| (name, v)))
            .collect()
    }

    /// Checks the record as import does: every constraint but the e-mail and phone patterns,
    /// which partners' records do not always keep and which we pass on as they came.
    pub fn validate_received(&self) -> Result<(), PfifError> {
        self.check(false)
    }

    /// Takes every field `newer` carries (a later version of this record from its author), and
    /// keeps the ones it leaves out. Notes are not touched: each is a record of its own.
    pub fn overlay(&mut self, newer: &PfifPerson) {
        fn take<T: Clone>(field: &mut Option<T>, newer: &Option<T>) {
            if newer.is_some() {
                field.clone_from(newer);
            }
        }
        fn take_list(field: &mut Vec<String>, newer: &[String]) {
            if !newer.is_empty() {
                *field = newer.to_vec();
            }
        }
        self.person_record_id.clone_from(&newer.person_record_id);
        self.source_date = newer.source_date;
        self.full_name.clone_from(&newer.full_name);
        take(&mut self.entry_date, &newer.entry_date);
        take(&mut self.expiry_date, &newer.expiry_date);
        take(&mut self.author_name, &newer.author_name);
        take(&mut self.author_email, &newer.author_email);
        take(&mut self.author_phone, &newer.author_phone);
        take(&mut self.source_name, &newer.source_name);
        take(&mut self.source_url, &newer.source_url);
        take(&mut self.given_name, &newer.given_name);
        take(&mut self.family_name, &newer.family_name);
        take_list(&mut self.alternate_names, &newer.alternate_names);
        take(&mut self.description, &newer.description);
        take(&mut self.sex, &newer.sex);
        take(&mut self.date_of_birth, &newer.date_of_birth);
        take(&mut self.age, &newer.age);
        take(&mut self.home_street, &newer.home_street);
        take(&mut self.home_neighborhood, &newer.home_neighborhood);
        take(&mut self.home_city, &newer.home_city);
        take(&mut self.home_state, &newer.home_state);
        take(&mut self.home_postal_code, &newer.home_postal_code);
        take(&mut self.home_country, &newer.home_country);
        take(&mut self.photo_url, &newer.photo_url);
        take_list(&mut self.profile_urls, &newer.profile_urls);
    }

    /// `strict` also checks the e-mail and phone patterns, which import tolerates.
    fn check(&self, strict: bool) -> Result<(), PfifError> {
        let c = Checker {
            record: "person",
            id: &self.person_record_id,
        };
        c.record_id("person_record_id", Some(&self.person_record_id))?;
        c.required("full_name", &self.full_name)?;
        c.time("entry_date", self.entry_date)?;
        c.time("expiry_date", self.expiry_date)?;
        c.time("source_date", Some(self.source_date))?;
        if strict {
            c.email("author_email", self.author_email.as_deref())?;
            c.phone("author_phone", self.author_phone.as_deref())?;
        }
        c.list("alternate_names", &self.alternate_names)?;
        c.list("profile_urls", &self.profile_urls)?;
        c.pattern(
            "date_of_birth",
            self.date_of_birth.as_deref(),
            is_approx_date,
        )?;
        c.pattern("age", self.age.as_deref(), is_approx_age)?;
        c.pattern(
            "home_country",
            self.home_country.as_deref(),
            is_country_code,
        )?;
        for note in &self.notes {
            if note.person_record_id != self.person_record_id {
                return Err(PfifError::PersonMismatch {
                    note_record_id: note.note_record_id.clone(),
                    person_record_id: note.person_record_id.clone(),
                    enclosing_person_record_id: self.person_record_id.clone(),
                });
            }
            note.check(strict)?;
        }
        Ok(())
    }
}

/// A PFIF note record: one dated piece of news about a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfifNote {
    /// `domain/local`, see [`record_id`]. Required.
    pub note_record_id: String,
    /// The person this note is about. Required.
    pub person_record_id: String,
    /// Another person record the author believes describes the same person.
    pub linked_person_record_id: Option<String>,
    pub entry_date: Option<OffsetDateTime>,
    /// Required.
    pub author_name: String,
    pub author_email: Option<String>,
    pub author_phone: Option<String>,
    /// When the note was created in its original repository. Required.
    pub source_date: OffsetDateTime,
    /// Whether the author has personally talked to the person.
    pub author_made_contact: Option<bool>,
    pub status: Option<PfifNoteStatus>,
    pub email_of_found_person: Option<String>,
    pub phone_of_found_person: Option<String>,
    /// Free text, or `latitude, longitude` in decimal degrees.
    pub last_known_location: Option<String>,
    /// Required.
    pub text: String,
    pub photo_url: Option<String>,
}

impl PfifNote {
    /// A note with the required fields set and every other field absent.
    pub fn new(
        note_record_id: impl Into<String>,
        person_record_id: impl Into<String>,
        author_name: impl Into<String>,
        source_date: OffsetDateTime,
        text: impl Into<String>,
    ) -> Self {
        Self {
            note_record_id: note_record_id.into(),
            person_record_id: person_record_id.into(),
            linked_person_record_id: None,
            entry_date: None,
            author_name: author_name.into(),
            author_email: None,
            author_phone: None,
            source_date,
            author_made_contact: None,
            status: None,
            email_of_found_person: None,
            phone_of_found_person: None,
            last_known_location: None,
            text: text.into(),
            photo_url: None,
        }
    }

    /// Checks the record against every constraint of the PFIF 1.4 schema.
    pub fn validate(&self) -> Result<(), PfifError> {
        self.check(true)
    }

    fn check(&self, strict: bool) -> Result<(), PfifError> {
        let c = Checker {
            record: "note",
            id: &self.note_record_id,
        };
        c.record_id("note_record_id", Some(&self.note_record_id))?;
        c.record_id("person_record_id", Some(&self.person_record_id))?;
        c.record_id(
            "linked_person_record_id",
            self.linked_person_record_id.as_deref(),
        )?;
        c.required("author_name", &self.author_name)?;
        c.required("text", &self.text)?;
        c.time("entry_date", self.entry_date)?;
        c.time("source_date", Some(self.source_date))?;
        if strict {
            c.email("author_email", self.author_email.as_deref())?;
            c.phone("author_phone", self.author_phone.as_deref())?;
            c.email(
                "email_of_found_person",
                self.email_of_found_person.as_deref(),
            )?;
            c.phone(
                "phone_of_found_person",
                self.phone_of_found_person.as_deref(),
            )?;
        }
        Ok(())
    }
}

/// What remains of an expired person record: the spec has repositories keep exporting these
/// placeholders, and asks every copy of the person and its notes to be deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfifExpired {
    pub person_record_id: String,
    pub expiry_date: OffsetDateTime,
    pub source_date: Option<OffsetDateTime>,
    pub entry_date: Option<OffsetDateTime>,
}

/// A parsed PFIF document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfifDocument {
    /// From the root element's namespace.
    pub version: PfifVersion,
    /// Persons with their nested notes, followed by the top-level notes that name them.
    pub persons: Vec<PfifPerson>,
    /// Top-level notes about persons that are not in this document.
    pub notes: Vec<PfifNote>,
    /// Placeholders of expired persons: delete our copies of these.
    pub expired: Vec<PfifExpired>,
    /// Qualified names (as written) of elements that were skipped, sorted, at most 64.
    pub ignored_elements: Vec<String>,
}

/// Why a document was refused or a record does not conform. [`PfifError::code`] is stable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PfifError {
    /// Nothing but whitespace, comments or an XML declaration.
    EmptyDocument,
    /// The document is longer than `limit` bytes.
    TooLarge { limit: usize },
    /// A field value is longer than `limit` bytes.
    FieldTooLong { field: &'static str, limit: usize },
    /// Elements are nested deeper than `limit`.
    TooDeep { limit: usize },
    /// More than `limit` records.
    TooManyRecords { limit: usize },
    /// Not well-formed XML (or namespaces); `position` is a byte offset.
    MalformedXml { position: u64, message: String },
    /// The document has a `<!DOCTYPE>`; we never read DTDs nor expand their entities.
    DoctypeNotAllowed,
    /// The root element is not `pfif` in a PFIF namespace.
    WrongRoot { found: String },
    /// `record` is `person` or `note`; `record_id` is empty when it is the id that is missing.
    MissingField {
        record: &'static str,
        record_id: String,
        field: &'static str,
    },
    DuplicateField {
        record: &'static str,
        record_id: String,
        field: &'static str,
    },
    /// A time that is not `YYYY-MM-DDThh:mm:ssZ` (UTC) or not a real date.
    BadDate {
        record: &'static str,
        record_id: String,
        field: &'static str,
        value: String,
    },
    /// A value outside its field's allowed set or pattern.
    BadValue {
        record: &'static str,
        record_id: String,
        field: &'static str,
        value: String,
    },
    /// A note nested in a person names another person.
    PersonMismatch {
        note_record_id: String,
        person_record_id: String,
        enclosing_person_record_id: String,
    },
}

impl PfifError {
    /// A stable snake_case code for APIs and logs.
    pub fn code(&self) -> &'static str {
        match self {
            Self::EmptyDocument => "empty_document",
            Self::TooLarge { .. } => "too_large",
            Self::FieldTooLong { .. } => "field_too_long",
            Self::TooDeep { .. } => "too_deep",
            Self::TooManyRecords { .. } => "too_many_records",
            Self::MalformedXml { .. } => "malformed_xml",
            Self::DoctypeNotAllowed => "doctype_not_allowed",
            Self::WrongRoot { .. } => "wrong_root",
            Self::MissingField { .. } => "missing_field",
            Self::DuplicateField { .. } => "duplicate_field",
            Self::BadDate { .. } => "bad_date",
            Self::BadValue { .. } => "bad_value",
            Self::PersonMismatch { .. } => "person_mismatch",
        }
    }

    /// The PFIF field concerned, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::FieldTooLong { field, .. }
            | Self::MissingField { field, .. }
            | Self::DuplicateField { field, .. }
            | Self::BadDate { field, .. }
            | Self::BadValue { field, .. } => Some(field),
            Self::PersonMismatch { .. } => Some("person_record_id"),
            _ => None,
        }
    }
}

fn record_label(record: &str, id: &str) -> String {
    if id.is_empty() {
        format!("a {record} record")
    } else {
        format!("{record} {id}")
    }
}

impl fmt::Display for PfifError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyDocument => write!(f, "the document holds no PFIF root element"),
            Self::TooLarge { limit } => write!(f, "the document is larger than {limit} bytes"),
            Self::FieldTooLong { field, limit } => {
                write!(f, "a {field} value is longer than {limit} bytes")
            }
            Self::TooDeep { limit } => {
                write!(f, "elements are nested deeper than {limit} levels")
            }
            Self::TooManyRecords { limit } => {
                write!(f, "the document holds more than {limit} records")
            }
            Self::MalformedXml { position, message } => {
                write!(f, "malformed XML at byte {position}: {message}")
            }
            Self::DoctypeNotAllowed => write!(
                f,
                "the document has a DOCTYPE; PFIF needs none and entities are never expanded"
            ),
            Self::WrongRoot { found } => write!(
                f,
                "the root element is {found}, not pfif:pfif in namespace {PFIF_NAMESPACE}"
            ),
            Self::MissingField {
                record,
                record_id,
                field,
            } => write!(
                f,
                "{}: required field {field} is missing",
                record_label(record, record_id)
            ),
            Self::DuplicateField {
                record,
                record_id,
                field,
            } => write!(
                f,
                "{}: field {field} appears more than once",
                record_label(record, record_id)
            ),
            Self::BadDate {
                record,
                record_id,
                field,
                value,
            } => write!(
                f,
                "{}: {field} {value:?} is not a UTC time YYYY-MM-DDThh:mm:ssZ",
                record_label(record, record_id)
            ),
            Self::BadValue {
                record,
                record_id,
                field,
                value,
            } => write!(
                f,
                "{}: {field} {value:?} is not an allowed value",
                record_label(record, record_id)
            ),
            Self::PersonMismatch {
                note_record_id,
                person_record_id,
                enclosing_person_record_id,
            } => write!(
                f,
                "note {note_record_id} names person {person_record_id} but sits inside person \
                 {enclosing_person_record_id}"
            ),
        }
    }
}

impl std::error::Error for PfifError {}

/// Builds a record id `domain/local`. The domain is lower-cased and reduced to letters, digits,
/// dots and hyphens; in the local part, bytes outside printable ASCII and `%` are
/// percent-encoded, so the id is ASCII as the spec requires. An empty domain or local part gives an
/// id that [`PfifPerson::validate`] refuses.
pub fn record_id(domain: &str, local: &str) -> String {
    let mut id: String = domain
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    id.push('/');
    for byte in local.trim().bytes() {
        if byte.is_ascii_graphic() && byte != b'%' {
            id.push(char::from(byte));
        } else {
            id.push_str(&format!("%{byte:02X}"));
        }
    }
    id
}

/// The PFIF note status that says what one of our case statuses says, for the note we export
/// when a case changes:
///
/// | case status | note status |
/// |---|---|
/// | `reported`, `under_review` | `believed_missing` (a report says the person is missing) |
/// | `information_sought` | `information_sought` |
/// | `located_alive`, `in_contact`, `returned` | `believed_alive` |
/// | `deceased` | `believed_dead` |
/// | `closed`, anything else | `None`: export no status (closing says nothing of the person) |
pub fn note_status_for(case_status: &str) -> Option<&'static str> {
    let status = match case_status.trim() {
        "reported" | "under_review" => PfifNoteStatus::BelievedMissing,
        "information_sought" => PfifNoteStatus::InformationSought,
        "located_alive" | "in_contact" | "returned" => PfifNoteStatus::BelievedAlive,
        "deceased" => PfifNoteStatus::BelievedDead,
        _ => return None,
    };
    Some(status.as_str())
}

/// The case status nearest to a partner's note status (the reverse of [`note_status_for`]):
///
/// | note status | case status |
/// |---|---|
/// | `information_sought` | `information_sought` |
/// | `believed_missing` | `reported` (to be reviewed like any new report) |
/// | `believed_alive`, `is_note_author` (the person wrote the note) | `located_alive` |
/// | `believed_dead` | `deceased` |
/// | anything else | `None` |
///
/// It names a suggestion for a caseworker, not a transition to apply on its own: a partner's note
/// must not reopen a returned case nor declare someone dead without review.
pub fn case_status_for(note_status: &str) -> Option<&'static str> {
    match PfifNoteStatus::parse(note_status)? {
        PfifNoteStatus::InformationSought => Some("information_sought"),
        PfifNoteStatus::BelievedMissing => Some("reported"),
        PfifNoteStatus::BelievedAlive | PfifNoteStatus::IsNoteAuthor => Some("located_alive"),
        PfifNoteStatus::BelievedDead => Some("deceased"),
    }
}

/// Formats a time as PFIF wants it: UTC, `YYYY-MM-DDThh:mm:ssZ`, without fractions.
pub fn format_date(time: OffsetDateTime) -> String {
    let t = time.checked_to_offset(UtcOffset::UTC).unwrap_or(time);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Reads a PFIF time `YYYY-MM-DDThh:mm:ss[.fraction]Z` (UTC only, years 0001-9999); the fraction
/// is dropped. `None` when the text is not such a time or not a real date.
pub fn parse_date(value: &str) -> Option<OffsetDateTime> {
    let b = value.trim().as_bytes();
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = b.get(from..to)?;
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let punctuation = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if punctuation.iter().any(|&(i, c)| b.get(i) != Some(&c)) {
        return None;
    }
    match b.get(19..)? {
        b"Z" => {}
        [b'.', rest @ .., b'Z'] if !rest.is_empty() && rest.iter().all(u8::is_ascii_digit) => {}
        _ => return None,
    }
    let year = i32::try_from(number(0, 4)?).ok().filter(|y| *y >= 1)?;
    let month = Month::try_from(u8::try_from(number(5, 7)?).ok()?).ok()?;
    let day = u8::try_from(number(8, 10)?).ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms(
        u8::try_from(number(11, 13)?).ok()?,
        u8::try_from(number(14, 16)?).ok()?,
        u8::try_from(number(17, 19)?).ok()?,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real month and day.
fn is_approx_date(value: &str) -> bool {
    let mut parts = value.split('-');
    let (Some(year), month, day, None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    if year.len() != 4 || !all_digits(year) {
        return false;
    }
    let Some(month) = month else { return true };
    if month.len() != 2 || !all_digits(month) {
        return false;
    }
    let Some(month) = month
        .parse::<u8>()
        .ok()
        .and_then(|m| Month::try_from(m).ok())
    else {
        return false;
    };
    let Some(day) = day else { return true };
    let (Ok(y), Ok(d)) = (year.parse::<i32>(), day.parse::<u8>()) else {
        return false;
    };
    day.len() == 2 && all_digits(day) && Date::from_calendar_date(y, month, d).is_ok()
}

/// `N` or `N-M`.
fn is_approx_age(value: &str) -> bool {
    match value.split_once('-') {
        Some((low, high)) => all_digits(low) && all_digits(high),
        None => all_digits(value),
    }
}

fn is_country_code(value: &str) -> bool {
    value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase())
}

/// The spec's `.+@.+`.
fn is_email(value: &str) -> bool {
    !value.contains(['\n', '\r'])
        && value
            .char_indices()
            .any(|(i, c)| c == '@' && i > 0 && i + 1 < value.len())
}

/// The spec's `[\-+()\d ]+`; `\d` in XML Schema covers Arabic-Indic digits too.
fn is_phone(value: &str) -> bool {
    !value.is_empty()
        && value.chars().all(|c| {
            matches!(c, '-' | '+' | '(' | ')' | ' ' | '0'..='9' | '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}')
        })
}

/// The spec's `.+/.+` (where `.` is any character but a line break).
fn is_record_id(value: &str) -> bool {
    !value.contains(['\n', '\r'])
        && value
            .split_once('/')
            .is_some_and(|(domain, local)| !domain.is_empty() && !local.is_empty())
}

/// Checks the fields of one record, naming it in errors.
struct Checker<'a> {
    record: &'static str,
    id: &'a str,
}

impl Checker<'_> {
    fn missing(&self, field: &'static str) -> PfifError {
        PfifError::MissingField {
            record: self.record,
            record_id: self.id.to_owned(),
            field,
        }
    }

    fn bad_value(&self, field: &'static str, value: &str) -> PfifError {
        PfifError::BadValue {
            record: self.record,
            record_id: self.id.to_owned(),
            field,
            value: value.to_owned(),
        }
    }

    fn required(&self, field: &'static str, value: &str) -> Result<(), PfifError> {
        if trim_xml(value).is_empty() {
            Err(self.missing(field))
        } else {
            Ok(())
        }
    }

    /// A required id must be there; an optional one (`None` or empty) may be absent.
    fn record_id(&self, field: &'static str, value: Option<&str>) -> Result<(), PfifError> {
        match value {
            None => Ok(()),
            Some("") if field == "linked_person_record_id" => Ok(()),
            Some("") => Err(self.missing(field)),
            Some(v) if is_record_id(v) => Ok(()),
            Some(v) => Err(self.bad_value(field, v)),
        }
    }

    fn time(&self, field: &'static str, value: Option<OffsetDateTime>) -> Result<(), PfifError> {
        let Some(value) = value else { return Ok(()) };
        let in_range = value
            .checked_to_offset(UtcOffset::UTC)
            .is_some_and(|t| (1..=9999).contains(&t.year()));
        if in_range {
            Ok(())
        } else {
            Err(PfifError::BadDate {
                record: self.record,
                record_id: self.id.to_owned(),
                field,
                value: format_date(value),
            })
        }
    }

    fn pattern(
        &self,
        field: &'static str,
        value: Option<&str>,
        matches: fn(&str) -> bool,
    ) -> Result<(), PfifError> {
        match value {
            Some(v) if !v.is_empty() && !matches(v) => Err(self.bad_value(field, v)),
            _ => Ok(()),
        }
    }

    fn email(&self, field: &'static str, value: Option<&str>) -> Result<(), PfifError> {
        self.pattern(field, value, is_email)
    }

    fn phone(&self, field: &'static str, value: Option<&str>) -> Result<(), PfifError> {
        self.pattern(field, value, is_phone)
    }

    /// Entries of a line-separated list must be single, non-blank lines.
    fn list(&self, field: &'static str, values: &[String]) -> Result<(), PfifError> {
        match values
            .iter()
            .find(|v| trim_xml(v).is_empty() || v.contains(['\n', '\r']))
        {
            Some(v) => Err(self.bad_value(field, v)),
            None => Ok(()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Whether XML 1.0 allows this character at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes text content. Characters XML 1.0 cannot carry at all (most C0 controls) are dropped;
/// a carriage return is written as a reference so that parsers keep it.
fn push_escaped(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

struct Writer<'a> {
    out: &'a mut String,
    indent: &'static str,
}

impl Writer<'_> {
    fn field(&mut self, name: &str, value: &str) {
        self.out.push_str(self.indent);
        self.out.push_str("<pfif:");
        self.out.push_str(name);
        self.out.push('>');
        push_escaped(self.out, value);
        self.out.push_str("</pfif:");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn optional(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            self.field(name, value);
        }
    }

    fn time(&mut self, name: &str, value: Option<OffsetDateTime>) {
        if let Some(value) = value {
            self.field(name, &format_date(value));
        }
    }

    fn list(&mut self, name: &str, values: &[String]) {
        let lines: Vec<&str> = values
            .iter()
            .map(|v| v.as_str())
            .filter(|v| !v.is_empty())
            .collect();
        if !lines.is_empty() {
            self.field(name, &lines.join("\n"));
        }
    }
}

fn write_person(out: &mut String, p: &PfifPerson) {
    out.push_str("  <pfif:person>\n");
    let mut w = Writer {
        out,
        indent: "    ",
    };
    w.field("person_record_id", &p.person_record_id);
    w.time("entry_date", p.entry_date);
    w.time("expiry_date", p.expiry_date);
    w.optional("author_name", p.author_name.as_deref());
    w.optional("author_email", p.author_email.as_deref());
    w.optional("author_phone", p.author_phone.as_deref());
    w.optional("source_name", p.source_name.as_deref());
    w.time("source_date", Some(p.source_date));
    w.optional("source_url", p.source_url.as_deref());
    w.field("full_name", &p.full_name);
    w.optional("given_name", p.given_name.as_deref());
    w.optional("family_name", p.family_name.as_deref());
    w.list("alternate_names", &p.alternate_names);
    w.optional("description", p.description.as_deref());
    w.optional("sex", p.sex.map(PfifSex::as_str));
    w.optional("date_of_birth", p.date_of_birth.as_deref());
    w.optional("age", p.age.as_deref());
    w.optional("home_street", p.home_street.as_deref());
    w.optional("home_neighborhood", p.home_neighborhood.as_deref());
    w.optional("home_city", p.home_city.as_deref());
    w.optional("home_state", p.home_state.as_deref());
    w.optional("home_postal_code", p.home_postal_code.as_deref());
    w.optional("home_country", p.home_country.as_deref());
    w.optional("photo_url", p.photo_url.as_deref());
    w.list("profile_urls", &p.profile_urls);
    for note in &p.notes {
        write_note(w.out, note, &p.person_record_id);
    }
    w.out.push_str("  </pfif:person>\n");
}

/// A nested note is written with its enclosing person's id, which the spec requires to match.
fn write_note(out: &mut String, n: &PfifNote, person_record_id: &str) {
    out.push_str("    <pfif:note>\n");
    let mut w = Writer {
        out,
        indent: "      ",
    };
    w.field("note_record_id", &n.note_record_id);
    w.field("person_record_id", person_record_id);
    w.optional(
        "linked_person_record_id",
        n.linked_person_record_id.as_deref(),
    );
    w.time("entry_date", n.entry_date);
    w.field("author_name", &n.author_name);
    w.optional("author_email", n.author_email.as_deref());
    w.optional("author_phone", n.author_phone.as_deref());
    w.time("source_date", Some(n.source_date));
    w.optional(
        "author_made_contact",
        n.author_made_contact
            .map(|made| if made { "true" } else { "false" }),
    );
    w.optional("status", n.status.map(PfifNoteStatus::as_str));
    w.optional("email_of_found_person", n.email_of_found_person.as_deref());
    w.optional("phone_of_found_person", n.phone_of_found_person.as_deref());
    w.optional("last_known_location", n.last_known_location.as_deref());
    w.field("text", &n.text);
    w.optional("photo_url", n.photo_url.as_deref());
    w.out.push_str("    </pfif:note>\n");
}

/// Writes a PFIF 1.4 document (UTF-8, two-space indentation), each person followed by its notes.
/// The output is always well-formed XML and the same persons always give the same bytes; whether
/// the values conform is up to the caller: see [`to_xml_checked`] and [`PfifPerson::validate`].
pub fn to_xml(persons: &[PfifPerson]) -> String {
    let mut out = String::with_capacity(256 + persons.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<pfif:pfif xmlns:pfif=\"");
    out.push_str(PFIF_NAMESPACE);
    out.push_str("\">\n");
    for person in persons {
        write_person(&mut out, person);
    }
    out.push_str("</pfif:pfif>\n");
    out
}

/// [`to_xml`] after validating every person and note.
pub fn to_xml_checked(persons: &[PfifPerson]) -> Result<String, PfifError> {
    for person in persons {
        person.validate()?;
    }
    Ok(to_xml(persons))
}

// ---------------------------------------------------------------------------------------------
// Reading

struct Limits {
    document_bytes: usize,
    depth: usize,
    records: usize,
    field_bytes: usize,
}

const LIMITS: Limits = Limits {
    document_bytes: MAX_DOCUMENT_BYTES,
    depth: MAX_DEPTH,
    records: MAX_RECORDS,
    field_bytes: MAX_FIELD_BYTES,
};

const MAX_IGNORED_NAMES: usize = 64;

/// Reads a PFIF document from another system (see the module documentation for what is accepted
/// and refused). Top-level notes are attached to their person when it is in the document.
pub fn from_xml(xml: &str) -> Result<PfifDocument, PfifError> {
    parse(xml, &LIMITS)
}

enum Frame {
    Root,
    Person,
    Note,
    Field(&'static str),
    Ignored,
}

#[derive(Default)]
struct RawRecord {
    fields: HashMap<&'static str, String>,
    notes: Vec<RawRecord>,
}

impl RawRecord {
    fn id(&self, field: &str) -> String {
        self.fields.get(field).cloned().unwrap_or_default()
    }
}

/// XML white space only (not every Unicode space).
fn trim_xml(value: &str) -> &str {
    value.trim_matches([' ', '\t', '\n', '\r'])
}

fn canonical_field(
    fields: &[&'static str],
    renamed: &[(&str, &'static str)],
    local: &str,
) -> Option<&'static str> {
    fields.iter().copied().find(|f| *f == local).or_else(|| {
        renamed
            .iter()
            .find(|(old, _)| *old == local)
            .map(|(_, new)| *new)
    })
}

fn malformed(position: u64, message: impl Into<String>) -> PfifError {
    PfifError::MalformedXml {
        position,
        message: message.into(),
    }
}

fn check_chars(text: &str, position: u64) -> Result<(), PfifError> {
    match text.chars().find(|c| !is_xml_char(*c)) {
        Some(c) => Err(malformed(
            position,
            format!("character U+{:04X} is not allowed in XML", u32::from(c)),
        )),
        None => Ok(()),
    }
}

fn resolve_reference(reference: &BytesRef<'_>, position: u64) -> Result<char, PfifError> {
    let name = reference
        .decode()
        .map_err(|e| malformed(position, e.to_string()))?;
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(c)) if is_xml_char(c) => Ok(c),
            _ => Err(malformed(
                position,
                format!("invalid character reference &{name};"),
            )),
        };
    }
    match name.as_ref() {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        other => Err(malformed(
            position,
            format!("undeclared entity &{other}; (only the five XML entities are read)"),
        )),
    }
}

fn check_attributes(element: &BytesStart<'_>, position: u64) -> Result<(), PfifError> {
    for attribute in element.attributes() {
        attribute.map_err(|e| malformed(position, e.to_string()))?;
    }
    Ok(())
}

struct Parser<'l> {
    limits: &'l Limits,
    stack: Vec<Frame>,
    version: Option<PfifVersion>,
    root_closed: bool,
    person: Option<RawRecord>,
    note: Option<RawRecord>,
    note_nested: bool,
    text: String,
    persons: Vec<RawRecord>,
    top_notes: Vec<RawRecord>,
    records: usize,
    ignored: BTreeSet<String>,
}

impl Parser<'_> {
    fn start(
        &mut self,
        element: &BytesStart<'_>,
        pfif: Option<PfifVersion>,
        namespace: Option<String>,
        position: u64,
    ) -> Result<(), PfifError> {
        check_attributes(element, position)?;
        if self.stack.len() >= self.limits.depth {
            return Err(PfifError::TooDeep {
                limit: self.limits.depth,
            });
        }
        let local = String::from_utf8_lossy(element.local_name().into_inner()).into_owned();
        let frame = match self.stack.last() {
            None => {
                if self.root_closed {
                    return Err(malformed(position, "a second root element"));
                }
                match pfif {
                    Some(version) if local == "pfif" => {
                        self.version = Some(version);
                        Frame::Root
                    }
                    _ => {
                        let name =
                            String::from_utf8_lossy(element.name().into_inner()).into_owned();
                        let found = match namespace {
                            Some(ns) => format!("{name} (namespace {ns})"),
                            None => format!("{name} (no namespace)"),
                        };
                        return Err(PfifError::WrongRoot { found });
                    }
                }
            }
            Some(Frame::Root) if pfif.is_some() && local == "person" => {
                self.new_record()?;
                self.person = Some(RawRecord::default());
                Frame::Person
            }
            Some(Frame::Root) if pfif.is_some() && local == "note" => {
                self.new_record()?;
                self.note = Some(RawRecord::default());
                self.note_nested = false;
                Frame::Note
            }
            Some(Frame::Person) if pfif.is_some() && local == "note" => {
                self.new_record()?;
                self.note = Some(RawRecord::default());
                self.note_nested = true;
                Frame::Note
            }
            Some(Frame::Person) if pfif.is_some() => {
                match canonical_field(&PERSON_FIELDS, &PERSON_RENAMED, &local) {
                    Some(field) => self.field(field),
                    None => self.ignore(element),
                }
            }
            Some(Frame::Note) if pfif.is_some() => {
                match canonical_field(&NOTE_FIELDS, &NOTE_RENAMED, &local) {
                    Some(field) => self.field(field),
                    None => self.ignore(element),
                }
            }
            Some(Frame::Root | Frame::Person | Frame::Note | Frame::Field(_)) => {
                self.ignore(element)
            }
            Some(Frame::Ignored) => Frame::Ignored,
        };
        self.stack.push(frame);
        Ok(())
    }

    fn new_record(&mut self) -> Result<(), PfifError> {
        self.records += 1;
        if self.records > self.limits.records {
            return Err(PfifError::TooManyRecords {
                limit: self.limits.records,
            });
        }
        Ok(())
    }

    fn field(&mut self, field: &'static str) -> Frame {
        self.text.clear();
        Frame::Field(field)
    }

    fn ignore(&mut self, element: &BytesStart<'_>) -> Frame {
        if self.ignored.len() < MAX_IGNORED_NAMES {
            self.ignored
                .insert(String::from_utf8_lossy(element.name().into_inner()).into_owned());
        }
        Frame::Ignored
    }

    fn end(&mut self) -> Result<(), PfifError> {
        match self.stack.pop() {
            Some(Frame::Field(field)) => {
                let value = trim_xml(&self.text).to_owned();
                self.text.clear();
                let (record, kind, id_field) = match self.stack.last() {
                    Some(Frame::Note) => (self.note.as_mut(), "note", "note_record_id"),
                    Some(Frame::Person) => (self.person.as_mut(), "person", "person_record_id"),
                    _ => (None, "", ""),
                };
                if let Some(record) = record {
                    if value.is_empty() {
                        return Ok(());
                    }
                    if record.fields.contains_key(field) {
                        return Err(PfifError::DuplicateField {
                            record: kind,
                            record_id: record.id(id_field),
                            field,
                        });
                    }
                    record.fields.insert(field, value);
                }
            }
            Some(Frame::Note) => {
                if let Some(note) = self.note.take() {
                    match self.person.as_mut() {
                        Some(person) if self.note_nested => person.notes.push(note),
                        _ => self.top_notes.push(note),
                    }
                }
            }
            Some(Frame::Person) => {
                if let Some(person) = self.person.take() {
                    self.persons.push(person);
                }
            }
            Some(Frame::Root) => self.root_closed = true,
            Some(Frame::Ignored) | None => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str, position: u64) -> Result<(), PfifError> {
        check_chars(text, position)?;
        match self.stack.last() {
            Some(Frame::Field(field)) => {
                self.text.push_str(text);
                if self.text.len() > self.limits.field_bytes {
                    return Err(PfifError::FieldTooLong {
                        field,
                        limit: self.limits.field_bytes,
                    });
                }
            }
            None if !trim_xml(text).is_empty() => {
                return Err(malformed(position, "text outside the root element"));
            }
            _ => {}
        }
        Ok(())
    }
}

fn parse(xml: &str, limits: &Limits) -> Result<PfifDocument, PfifError> {
    if xml.len() > limits.document_bytes {
        return Err(PfifError::TooLarge {
            limit: limits.document_bytes,
        });
    }
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let mut reader = NsReader::from_str(xml);
    {
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.check_comments = true;
        config.trim_text(false);
    }
    let mut parser = Parser {
        limits,
        stack: Vec::new(),
        version: None,
        root_closed: false,
        person: None,
        note: None,
        note_nested: false,
        text: String::new(),
        persons: Vec::new(),
        top_notes: Vec::new(),
        records: 0,
        ignored: BTreeSet::new(),
    };
    loop {
        let at_root = parser.stack.is_empty();
        let (pfif, namespace, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => {
                let (pfif, namespace) = match resolved {
                    ResolveResult::Bound(ns) => {
                        let ns = String::from_utf8_lossy(ns.into_inner());
                        (
                            Ok(PfifVersion::from_namespace(&ns)),
                            at_root.then(|| ns.into_owned()),
                        )
                    }
                    ResolveResult::Unbound => (Ok(None), None),
                    ResolveResult::Unknown(prefix) => (Err(prefix), None),
                };
                (pfif, namespace, event)
            }
            Err(e) => return Err(malformed(reader.error_position(), e.to_string())),
        };
        let position = reader.buffer_position();
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let pfif = pfif.map_err(|prefix| {
                    malformed(
                        position,
                        format!(
                            "undeclared namespace prefix {}",
                            String::from_utf8_lossy(&prefix)
                        ),
                    )
                })?;
                parser.start(element, pfif, namespace, position)?;
                // expand_empty_elements makes this unreachable; kept correct regardless.
                if matches!(event, Event::Empty(_)) {
                    parser.end()?;
                }
            }
            Event::End(_) => parser.end()?,
            Event::Text(text) => {
                let text = text
                    .xml10_content()
                    .map_err(|e| malformed(position, e.to_string()))?;
                parser.text(&text, position)?;
            }
            Event::CData(data) => {
                let data = data
                    .xml10_content()
                    .map_err(|e| malformed(position, e.to_string()))?;
                if parser.stack.is_empty() {
                    return Err(malformed(position, "CDATA outside the root element"));
                }
                parser.text(&data, position)?;
            }
            Event::GeneralRef(reference) => {
                let c = resolve_reference(&reference, position)?;
                if parser.stack.is_empty() {
                    return Err(malformed(position, "a reference outside the root element"));
                }
                parser.text(c.encode_utf8(&mut [0; 4]), position)?;
            }
            Event::DocType(_) => return Err(PfifError::DoctypeNotAllowed),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => {
                if !parser.stack.is_empty() {
                    return Err(malformed(position, "the document ends inside an element"));
                }
                break;
            }
        }
    }
    let Some(version) = parser.version else {
        return Err(PfifError::EmptyDocument);
    };
    build_document(
        version,
        parser.persons,
        parser.top_notes,
        parser.ignored.into_iter().collect(),
    )
}

enum ParsedPerson {
    Person(Box<PfifPerson>),
    Expired(PfifExpired),
}

fn build_document(
    version: PfifVersion,
    raw_persons: Vec<RawRecord>,
    raw_notes: Vec<RawRecord>,
    ignored_elements: Vec<String>,
) -> Result<PfifDocument, PfifError> {
    let mut document = PfifDocument {
        version,
        persons: Vec::new(),
        notes: Vec::new(),
        expired: Vec::new(),
        ignored_elements,
    };
    for raw in raw_persons {
        match person_from_raw(raw, version)? {
            ParsedPerson::Person(person) => document.persons.push(*person),
            ParsedPerson::Expired(expired) => document.expired.push(expired),
        }
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, person) in document.persons.iter().enumerate() {
        index.entry(person.person_record_id.clone()).or_insert(i);
    }
    for raw in raw_notes {
        let note = note_from_raw(raw, None)?;
        match index
            .get(&note.person_record_id)
            .and_then(|&i| document.persons.get_mut(i))
        {
            Some(person) => person.notes.push(note),
            None => document.notes.push(note),
        }
    }
    Ok(document)
}

/// Takes fields out of a raw record, naming the record in errors.
struct Fields {
    record: &'static str,
    id: String,
    fields: HashMap<&'static str, String>,
}

impl Fields {
    fn take(&mut self, field: &'static str) -> Option<String> {
        self.fields.remove(field)
    }

    fn missing(&self, field: &'static str) -> PfifError {
        PfifError::MissingField {
            record: self.record,
            record_id: self.id.clone(),
            field,
        }
    }

    fn require(&mut self, field: &'static str) -> Result<String, PfifError> {
        self.take(field).ok_or_else(|| self.missing(field))
    }

    fn bad_value(&self, field: &'static str, value: String) -> PfifError {
        PfifError::BadValue {
            record: self.record,
            record_id: self.id.clone(),
            field,
            value,
        }
    }

    fn time(&mut self, field: &'static str) -> Result<Option<OffsetDateTime>, PfifError> {
        match self.take(field) {
            None => Ok(None),
            Some(value) => match parse_date(&value) {
                Some(time) => Ok(Some(time)),
                None => Err(PfifError::BadDate {
                    record: self.record,
                    record_id: self.id.clone(),
                    field,
                    value,
                }),
            },
        }
    }

    fn lines(&mut self, field: &'static str) -> Vec<String> {
        self.take(field)
            .map(|v| {
                v.split('\n')
                    .map(trim_xml)
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn person_from_raw(raw: RawRecord, version: PfifVersion) -> Result<ParsedPerson, PfifError> {
    let mut f = Fields {
        record: "person",
        id: String::new(),
        fields: raw.fields,
    };
    let id = f.require("person_record_id")?;
    f.id = id.clone();
    let entry_date = f.time("entry_date")?;
    let expiry_date = f.time("expiry_date")?;
    let source_date = f.time("source_date")?;
    let mut full_name = f.take("full_name");
    if full_name.is_none() && version <= PfifVersion::V1_2 {
        // PFIF 1.1 and 1.2 had no full_name, but required first_name and last_name.
        let parts: Vec<&str> = ["given_name", "family_name"]
            .iter()
            .filter_map(|k| f.fields.get(k).map(String::as_str))
            .collect();
        if !parts.is_empty() {
            full_name = Some(parts.join(" "));
        }
    }
    if let (None, Some(expiry_date)) = (&full_name, expiry_date) {
        return Ok(ParsedPerson::Expired(PfifExpired {
            person_record_id: id,
            expiry_date,
            source_date,
            entry_date,
        }));
    }
    let full_name = full_name.ok_or_else(|| f.missing("full_name"))?;
    let source_date = source_date.ok_or_else(|| f.missing("source_date"))?;
    let sex = match f.take("sex") {
        None => None,
        Some(v) => Some(PfifSex::parse(&v).ok_or_else(|| f.bad_value("sex", v))?),
    };
    let mut person = PfifPerson {
        person_record_id: id.clone(),
        entry_date,
        expiry_date,
        author_name: f.take("author_name"),
        author_email: f.take("author_email"),
        author_phone: f.take("author_phone"),
        source_name: f.take("source_name"),
        source_date,
        source_url: f.take("source_url"),
        full_name,
        given_name: f.take("given_name"),
        family_name: f.take("family_name"),
        alternate_names: f.lines("alternate_names"),
        description: f.take("description"),
        sex,
        date_of_birth: f.take("date_of_birth"),
        age: f.take("age"),
        home_street: f.take("home_street"),
        home_neighborhood: f.take("home_neighborhood"),
        home_city: f.take("home_city"),
        home_state: f.take("home_state"),
        home_postal_code: f.take("home_postal_code"),
        home_country: f.take("home_country").map(|c| c.to_ascii_uppercase()),
        photo_url: f.take("photo_url"),
        profile_urls: f.lines("profile_urls"),
        notes: Vec::new(),
    };
    for note in raw.notes {
        person.notes.push(note_from_raw(note, Some(&id))?);
    }
    person.check(false)?;
    Ok(ParsedPerson::Person(Box::new(person)))
}

fn note_from_raw(raw: RawRecord, enclosing: Option<&str>) -> Result<PfifNote, PfifError> {
    let mut f = Fields {
        record: "note",
        id: String::new(),
        fields: raw.fields,
    };
    let id = f.require("note_record_id")?;
    f.id = id.clone();
    let person_record_id = match (enclosing, f.take("person_record_id")) {
        (Some(enclosing), Some(named)) if named != enclosing => {
            return Err(PfifError::PersonMismatch {
                note_record_id: id,
                person_record_id: named,
                enclosing_person_record_id: enclosing.to_owned(),
            });
        }
        (Some(enclosing), _) => enclosing.to_owned(),
        (None, Some(named)) => named,
        (None, None) => return Err(f.missing("person_record_id")),
    };
    let entry_date = f.time("entry_date")?;
    let author_name = f.require("author_name")?;
    let source_date = f
        .time("source_date")?
        .ok_or_else(|| f.missing("source_date"))?;
    let text = f.require("text")?;
    let author_made_contact = match f.take("author_made_contact") {
        None => None,
        Some(v) if v.eq_ignore_ascii_case("true") => Some(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Some(false),
        Some(v) => return Err(f.bad_value("author_made_contact", v)),
    };
    let status = match f.take("status") {
        None => None,
        Some(v) => Some(PfifNoteStatus::parse(&v).ok_or_else(|| f.bad_value("status", v))?),
    };
    let note = PfifNote {
        note_record_id: id,
        person_record_id,
        linked_person_record_id: f.take("linked_person_record_id"),
        entry_date,
        author_name,
        author_email: f.take("author_email"),
        author_phone: f.take("author_phone"),
        source_date,
        author_made_contact,
        status,
        email_of_found_person: f.take("email_of_found_person"),
        phone_of_found_person: f.take("phone_of_found_person"),
        last_known_location: f.take("last_known_location"),
        text,
        photo_url: f.take("photo_url"),
    };
    note.check(false)?;
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;

    fn t(s: &str) -> OffsetDateTime {
        parse_date(s).expect("test time")
    }

    fn code(xml: &str) -> &'static str {
        match from_xml(xml) {
            Ok(doc) => panic!("expected an error, got {doc:?}"),
            Err(e) => {
                assert!(!e.to_string().is_empty());
                e.code()
            }
        }
    }

    const OPEN: &str = r#"<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">"#;

    fn wrap(body: &str) -> String {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{OPEN}\n{body}\n</pfif:pfif>\n")
    }

    /// A person with every field set, an Arabic name and two notes.
    fn arabic_person() -> PfifPerson {
        let id = record_id("sanad.iq", "person.1001");
        let mut p = PfifPerson::new(&id, t("2026-01-04T21:15:09Z"), "علي حسين كاظم الجبوري");
        p.entry_date = Some(t("2026-01-05T08:30:00Z"));
        p.expiry_date = Some(t("2027-01-05T00:00:00Z"));
        p.author_name = Some("فاطمة حسن عبد الله".into());
        p.author_email = Some("fatima@example.iq".into());
        p.author_phone = Some("+964 770 123 4567".into());
        p.source_name = Some("سند · Sanad".into());
        p.source_url = Some("https://sanad.example.iq/cases/1001?lang=ar&view=full".into());
        p.given_name = Some("علي".into());
        p.family_name = Some("الجبوري".into());
        p.alternate_names = vec![
            "Ali Hussein Kadhim al-Jubouri".into(),
            "علي حسين الجبوري".into(),
        ];
        p.description = Some(
            "Last call from Rostov. Contract \"volunteer\" <2025> & 'bonus'.\nسافر عبر مكتب سفريات"
                .into(),
        );
        p.sex = Some(PfifSex::Male);
        p.date_of_birth = Some("1999-03".into());
        p.age = Some("25-27".into());
        p.home_street = Some("شارع فلسطين".into());
        p.home_neighborhood = Some("حي المثنى".into());
        p.home_city = Some("بغداد".into());
        p.home_state = Some("IQ-BG".into());
        p.home_postal_code = Some("10011".into());
        p.home_country = Some("IQ".into());
        p.photo_url = Some("https://sanad.example.iq/photos/1001.jpg".into());
        p.profile_urls = vec![
            "https://social.example/ali.jubouri".into(),
            "https://other.example/u/1001".into(),
        ];
        let mut first = PfifNote::new(
            record_id("sanad.iq", "note.1"),
            &id,
            "فاطمة حسن عبد الله",
            t("2026-01-04T21:20:00Z"),
            "He left on 2 Dec <via Istanbul> & has not called since.\r\nالعائلة تبحث عنه",
        );
        first.entry_date = Some(t("2026-01-05T08:30:01Z"));
        first.author_email = Some("fatima@example.iq".into());
        first.author_phone = Some("+964 (770) 123-4567".into());
        first.author_made_contact = Some(false);
        first.status = Some(PfifNoteStatus::BelievedMissing);
        first.linked_person_record_id = Some("partner.example.org/person.77".into());
        first.last_known_location = Some("47.2357, 39.7015".into());
        first.photo_url = Some("https://sanad.example.iq/photos/1001-ticket.jpg".into());
        let mut second = PfifNote::new(
            record_id("sanad.iq", "note.2"),
            &id,
            "Caseworker 12",
            t("2026-02-10T10:00:00Z"),
            "Spoke to him by phone.",
        );
        second.author_made_contact = Some(true);
        second.status = Some(PfifNoteStatus::BelievedAlive);
        second.email_of_found_person = Some("ali@example.ru".into());
        second.phone_of_found_person = Some("+7 900 000 00 00".into());
        p.notes = vec![first, second];
        p
    }

    /// A Kurdish (Sorani, with a Kurmanji spelling) record.
    fn kurdish_person() -> PfifPerson {
        let id = record_id("sanad.iq", "person.1002");
        let mut p = PfifPerson::new(&id, t("2026-01-06T12:00:00Z"), "ژیان عومەر ڕەسووڵ");
        p.entry_date = Some(t("2026-01-06T12:00:05Z"));
        p.author_name = Some("هێمن عومەر".into());
        p.given_name = Some("ژیان".into());
        p.family_name = Some("ڕەسووڵ".into());
        p.alternate_names = vec!["Jiyan Omer Resûl".into()];
        p.sex = Some(PfifSex::Female);
        p.date_of_birth = Some("2001-11-30".into());
        p.age = Some("24".into());
        p.home_city = Some("هەولێر".into());
        p.home_state = Some("IQ-AR".into());
        p.home_country = Some("IQ".into());
        let mut note = PfifNote::new(
            record_id("sanad.iq", "note.3"),
            &id,
            "هێمن عومەر",
            t("2026-01-06T12:01:00Z"),
            "زانیاری دەگەڕێین",
        );
        note.status = Some(PfifNoteStatus::InformationSought);
        p.notes = vec![note];
        p
    }

    fn minimal_person() -> PfifPerson {
        PfifPerson::new(
            record_id("sanad.iq", "person.1003"),
            t("2026-03-01T00:00:00Z"),
            "Ahmed Abdullah",
        )
    }

    fn persons() -> Vec<PfifPerson> {
        vec![arabic_person(), kurdish_person(), minimal_person()]
    }

    #[test]
    fn round_trip_is_lossless_and_stable() {
        let persons = persons();
        for p in &persons {
            p.validate().expect("test data conforms");
        }
        let xml = to_xml_checked(&persons).expect("valid");
        let doc = from_xml(&xml).expect("our own output parses");
        assert_eq!(doc.version, PfifVersion::V1_4);
        assert_eq!(doc.persons, persons);
        assert!(doc.notes.is_empty());
        assert!(doc.expired.is_empty());
        assert!(
            doc.ignored_elements.is_empty(),
            "{:?}",
            doc.ignored_elements
        );
        assert_eq!(to_xml(&doc.persons), xml, "same records, same bytes");
        assert_eq!(to_xml(&persons), xml);
    }

    #[test]
    fn times_in_other_offsets_are_written_in_utc() {
        let mut p = minimal_person();
        p.source_date = t("2026-03-01T00:00:00Z").to_offset(
            UtcOffset::from_hms(3, 0, 0).expect("offset"), // Baghdad
        );
        let xml = to_xml(&[p.clone()]);
        assert!(xml.contains("<pfif:source_date>2026-03-01T00:00:00Z</pfif:source_date>"));
        assert_eq!(from_xml(&xml).expect("parses").persons, vec![p]);
        assert_eq!(
            format_date(t("2026-03-01T00:00:00.999Z")),
            "2026-03-01T00:00:00Z"
        );
    }

    /// Each child of every `pfif:person` / `pfif:note`, read with a plain quick-xml reader.
    #[derive(Debug)]
    struct Element {
        name: String,
        children: Vec<(String, String)>,
    }

    fn elements(xml: &str) -> (String, Vec<Element>) {
        let mut reader = Reader::from_str(xml);
        let mut root = String::new();
        let mut stack: Vec<String> = Vec::new();
        let mut records: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut text = String::new();
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Start(e) => {
                    let name = String::from_utf8(e.name().as_ref().to_vec()).expect("utf-8");
                    if stack.is_empty() {
                        let ns = e
                            .try_get_attribute("xmlns:pfif")
                            .expect("attribute")
                            .expect("namespace declared");
                        root = format!("{name} {}", String::from_utf8_lossy(&ns.value));
                    }
                    if name == "pfif:person" || name == "pfif:note" {
                        if let Some(&parent) = open.last() {
                            records[parent].children.push((name.clone(), String::new()));
                        }
                        open.push(records.len());
                        records.push(Element {
                            name: name.clone(),
                            children: Vec::new(),
                        });
                    }
                    stack.push(name);
                    text.clear();
                }
                Event::Text(e) => text.push_str(&e.xml10_content().expect("text")),
                Event::GeneralRef(r) => {
                    let c = match r.decode().expect("ref").as_ref() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => r.resolve_char_ref().expect("char ref").expect("char"),
                    };
                    text.push(c);
                }
                Event::End(_) => {
                    let name = stack.pop().expect("balanced");
                    if name == "pfif:person" || name == "pfif:note" {
                        open.pop();
                    } else if let Some(&record) = open.last() {
                        if stack.len() == 2 + usize::from(records[record].name == "pfif:note")
                            && stack.last().is_some_and(|p| *p == records[record].name)
                        {
                            records[record].children.push((name, text.clone()));
                        }
                    }
                    text.clear();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        (root, records)
    }

    // Written from the PFIF 1.4 specification's data model (section 4), not from our constants.
    const SPEC_PERSON: [&str; 25] = [
        "person_record_id",
        "entry_date",
        "expiry_date",
        "author_name",
        "author_email",
        "author_phone",
        "source_name",
        "source_date",
        "source_url",
        "full_name",
        "given_name",
        "family_name",
        "alternate_names",
        "description",
        "sex",
        "date_of_birth",
        "age",
        "home_street",
        "home_neighborhood",
        "home_city",
        "home_state",
        "home_postal_code",
        "home_country",
        "photo_url",
        "profile_urls",
    ];
    const SPEC_NOTE: [&str; 15] = [
        "note_record_id",
        "person_record_id",
        "linked_person_record_id",
        "entry_date",
        "author_name",
        "author_email",
        "author_phone",
        "source_date",
        "author_made_contact",
        "status",
        "email_of_found_person",
        "phone_of_found_person",
        "last_known_location",
        "text",
        "photo_url",
    ];

    fn is_utc_time(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 20
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                10 => *c == b'T',
                13 | 16 => *c == b':',
                19 => *c == b'Z',
                _ => c.is_ascii_digit(),
            })
    }

    fn check_record(element: &Element, spec: &[&str], required: &[&str]) {
        let mut last = None;
        for (child, value) in &element.children {
            let local = child
                .strip_prefix("pfif:")
                .expect("pfif prefix on every element");
            if local == "note" {
                assert_eq!(element.name, "pfif:person");
                last = Some(usize::MAX); // notes come after every field
                continue;
            }
            let index = spec
                .iter()
                .position(|f| *f == local)
                .unwrap_or_else(|| panic!("{local} is not a PFIF 1.4 field of {}", element.name));
            assert!(
                last.is_none_or(|l| l < index),
                "{local} out of order in {}",
                element.name
            );
            last = Some(index);
            assert!(!value.is_empty(), "empty {local} written");
            if local.ends_with("_date") && local != "date_of_birth" {
                assert!(is_utc_time(value), "{local} = {value}");
            }
            if local.ends_with("record_id") {
                let (domain, rest) = value.split_once('/').expect("record id with a slash");
                assert!(!domain.is_empty() && !rest.is_empty(), "{value}");
                assert_eq!(domain, domain.to_ascii_lowercase());
            }
            match local {
                "sex" => assert!(["female", "male", "other"].contains(&value.as_str())),
                "status" => assert!([
                    "information_sought",
                    "is_note_author",
                    "believed_alive",
                    "believed_missing",
                    "believed_dead"
                ]
                .contains(&value.as_str())),
                "author_made_contact" => assert!(value == "true" || value == "false"),
                "home_country" => {
                    assert!(value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()))
                }
                "date_of_birth" => assert!([4, 7, 10].contains(&value.len())),
                _ => {}
            }
        }
        for field in required {
            assert!(
                element
                    .children
                    .iter()
                    .any(|(c, _)| c == &format!("pfif:{field}")),
                "required {field} missing from {}",
                element.name
            );
        }
    }

    #[test]
    fn output_conforms_to_the_specification() {
        let xml = to_xml(&persons());
        assert!(xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\">\n"
        ));
        assert!(xml.ends_with("</pfif:pfif>\n"));
        let (root, records) = elements(&xml);
        assert_eq!(root, "pfif:pfif http://zesty.ca/pfif/1.4");
        let persons: Vec<&Element> = records.iter().filter(|e| e.name == "pfif:person").collect();
        let notes: Vec<&Element> = records.iter().filter(|e| e.name == "pfif:note").collect();
        assert_eq!((persons.len(), notes.len()), (3, 3));
        for p in &persons {
            check_record(
                p,
                &SPEC_PERSON,
                &["person_record_id", "source_date", "full_name"],
            );
        }
        for n in &notes {
            check_record(
                n,
                &SPEC_NOTE,
                &[
                    "note_record_id",
                    "person_record_id",
                    "author_name",
                    "source_date",
                    "text",
                ],
            );
        }
        // Every field of the full record is written, in order.
        let full: Vec<&str> = persons[0]
            .children
            .iter()
            .map(|(c, _)| c.trim_start_matches("pfif:"))
            .filter(|c| *c != "note")
            .collect();
        assert_eq!(full, SPEC_PERSON);
        let written: BTreeSet<&str> = notes[..2]
            .iter()
            .flat_map(|n| {
                n.children
                    .iter()
                    .map(|(c, _)| c.trim_start_matches("pfif:"))
            })
            .collect();
        assert_eq!(written, SPEC_NOTE.into_iter().collect::<BTreeSet<_>>());
        // Nested notes name their person; optional fields left out are not written.
        assert_eq!(notes[0].children[1].1, "sanad.iq/person.1001");
        let minimal: Vec<&str> = persons[2]
            .children
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(
            minimal,
            [
                "pfif:person_record_id",
                "pfif:source_date",
                "pfif:full_name"
            ]
        );
        // The expiry date we set is there.
        assert!(persons[0]
            .children
            .contains(&("pfif:expiry_date".into(), "2027-01-05T00:00:00Z".into())));
        assert!(!persons[1]
            .children
            .iter()
            .any(|(c, _)| c == "pfif:expiry_date"));
        // Escaping.
        assert!(xml.contains("Contract &quot;volunteer&quot; &lt;2025&gt; &amp; 'bonus'."));
        assert!(xml.contains("&lt;via Istanbul&gt; &amp; has not called since.&#13;\n"));
        assert!(xml.contains("cases/1001?lang=ar&amp;view=full"));
        assert!(!xml.contains("<2025>") && !xml.contains("<via"));
        assert!(persons[0]
            .children
            .iter()
            .any(|(_, v)| v.contains("\"volunteer\" <2025> &")));
        // Lists are one entry a line.
        assert!(xml.contains(
            "<pfif:alternate_names>Ali Hussein Kadhim al-Jubouri\nعلي حسين الجبوري</pfif:alternate_names>"
        ));
    }

    #[test]
    fn unrepresentable_characters_are_dropped_and_output_stays_well_formed() {
        let mut p = minimal_person();
        p.description = Some("bell\u{7} nul\u{0} ]]> fine".into());
        let xml = to_xml(&[p]);
        let doc = from_xml(&xml).expect("still well-formed");
        assert_eq!(
            doc.persons[0].description.as_deref(),
            Some("bell nul ]]> fine")
        );
    }

    /// Written for this test in the style of a Person Finder export.
    const PARTNER_DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a partner registry -->
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4" xmlns:ext="urn:example:partner-ext">
  <pfif:person>
    <pfif:full_name>
        مصطفى عبد الله
    </pfif:full_name>
    <pfif:author_name>Registry &amp; Co</pfif:author_name>
    <pfif:person_record_id>registry.example.org/person.4711</pfif:person_record_id>
    <pfif:source_date>2026-02-01T10:00:00.250Z</pfif:source_date>
    <pfif:entry_date>2026-02-01T10:05:00Z</pfif:entry_date>
    <pfif:description><![CDATA[Seen at <Rostov> station & then moved]]></pfif:description>
    <pfif:sex>male</pfif:sex>
    <pfif:given_name>&#1605;&#x635;&#1591;&#1601;&#1609;</pfif:given_name>
    <pfif:home_country>iq</pfif:home_country>
    <pfif:home_postal_code></pfif:home_postal_code>
    <pfif:photo_url>https://registry.example.org/photo/4711.jpg</pfif:photo_url>
    <pfif:profile_urls>https://a.example/1
        https://b.example/2
    </pfif:profile_urls>
    <ext:case_number>KRK-77</ext:case_number>
    <ext:agency><ext:name>Ministry</ext:name><pfif:full_name>not a field here</pfif:full_name></ext:agency>
    <pfif:future_field>from PFIF 1.5</pfif:future_field>
    <pfif:note>
      <pfif:note_record_id>registry.example.org/note.1</pfif:note_record_id>
      <pfif:author_name>Volunteer</pfif:author_name>
      <pfif:source_date>2026-02-02T09:00:00Z</pfif:source_date>
      <pfif:text>Called the family.</pfif:text>
      <pfif:status>information_sought</pfif:status>
      <pfif:author_made_contact>false</pfif:author_made_contact>
      <ext:mood>hopeful</ext:mood>
    </pfif:note>
  </pfif:person>
  <pfif:note>
    <pfif:status>believed_alive</pfif:status>
    <pfif:text>He called from Rostov.</pfif:text>
    <pfif:person_record_id>registry.example.org/person.4711</pfif:person_record_id>
    <pfif:note_record_id>registry.example.org/note.2</pfif:note_record_id>
    <pfif:linked_person_record_id>sanad.iq/person.1001</pfif:linked_person_record_id>
    <pfif:author_made_contact>true</pfif:author_made_contact>
    <pfif:author_name>Volunteer</pfif:author_name>
    <pfif:source_date>2026-02-03T09:00:00Z</pfif:source_date>
    <pfif:photo_url>https://registry.example.org/photo/n2.jpg</pfif:photo_url>
  </pfif:note>
  <pfif:note>
    <pfif:note_record_id>other.example.net/note.9</pfif:note_record_id>
    <pfif:person_record_id>sanad.iq/person.1001</pfif:person_record_id>
    <pfif:author_name>Other registry</pfif:author_name>
    <pfif:source_date>2026-02-04T00:00:00Z</pfif:source_date>
    <pfif:text>Listed among the wounded.</pfif:text>
    <pfif:status>believed_missing</pfif:status>
  </pfif:note>
  <pfif:person>
    <pfif:person_record_id>registry.example.org/person.13</pfif:person_record_id>
    <pfif:expiry_date>2026-01-01T00:00:00Z</pfif:expiry_date>
    <pfif:source_date>2026-01-02T00:00:00Z</pfif:source_date>
    <pfif:entry_date>2026-01-02T00:00:00Z</pfif:entry_date>
  </pfif:person>
  <ext:summary count="3"/>
  <?partner-tool v2?>
</pfif:pfif>
"#;

    #[test]
    fn reads_a_document_from_another_system() {
        let doc = from_xml(PARTNER_DOCUMENT).expect("parses");
        assert_eq!(doc.version, PfifVersion::V1_4);
        assert_eq!(doc.persons.len(), 1);
        let p = &doc.persons[0];
        assert_eq!(p.person_record_id, "registry.example.org/person.4711");
        assert_eq!(p.full_name, "مصطفى عبد الله");
        assert_eq!(p.given_name.as_deref(), Some("مصطفى"));
        assert_eq!(p.author_name.as_deref(), Some("Registry & Co"));
        assert_eq!(p.source_date, t("2026-02-01T10:00:00Z"));
        assert_eq!(p.entry_date, Some(t("2026-02-01T10:05:00Z")));
        assert_eq!(
            p.description.as_deref(),
            Some("Seen at <Rostov> station & then moved")
        );
        assert_eq!(p.sex, Some(PfifSex::Male));
        assert_eq!(p.home_country.as_deref(), Some("IQ"));
        assert_eq!(p.home_postal_code, None);
        assert_eq!(
            p.photo_url.as_deref(),
            Some("https://registry.example.org/photo/4711.jpg")
        );
        assert_eq!(
            p.profile_urls,
            ["https://a.example/1", "https://b.example/2"]
        );
        // The nested note, then the top-level note naming this person.
        let ids: Vec<&str> = p.notes.iter().map(|n| n.note_record_id.as_str()).collect();
        assert_eq!(
            ids,
            ["registry.example.org/note.1", "registry.example.org/note.2"]
        );
        let nested = &p.notes[0];
        assert_eq!(nested.person_record_id, p.person_record_id);
        assert_eq!(nested.status, Some(PfifNoteStatus::InformationSought));
        assert_eq!(nested.author_made_contact, Some(false));
        let top = &p.notes[1];
        assert_eq!(top.status, Some(PfifNoteStatus::BelievedAlive));
        assert_eq!(top.author_made_contact, Some(true));
        assert_eq!(
            top.linked_person_record_id.as_deref(),
            Some("sanad.iq/person.1001")
        );
        assert_eq!(
            top.photo_url.as_deref(),
            Some("https://registry.example.org/photo/n2.jpg")
        );
        // A note about a person of ours, without the person.
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].person_record_id, "sanad.iq/person.1001");
        assert_eq!(doc.notes[0].status, Some(PfifNoteStatus::BelievedMissing));
        assert_eq!(case_status_for("believed_missing"), Some("reported"));
        // The expired placeholder.
        assert_eq!(
            doc.expired,
            [PfifExpired {
                person_record_id: "registry.example.org/person.13".into(),
                expiry_date: t("2026-01-01T00:00:00Z"),
                source_date: Some(t("2026-01-02T00:00:00Z")),
                entry_date: Some(t("2026-01-02T00:00:00Z")),
            }]
        );
        assert_eq!(
            doc.ignored_elements,
            [
                "ext:agency",
                "ext:case_number",
                "ext:mood",
                "ext:summary",
                "pfif:future_field"
            ]
        );
        // What we read, we can write back as conforming PFIF 1.4.
        let again = to_xml_checked(&doc.persons).expect("conforms");
        assert_eq!(from_xml(&again).expect("parses").persons, doc.persons);
    }

    #[test]
    fn reads_a_note_only_document() {
        let xml = wrap(
            "<pfif:note><pfif:note_record_id>a.org/n.1</pfif:note_record_id>\
             <pfif:person_record_id>sanad.iq/person.1001</pfif:person_record_id>\
             <pfif:author_name>A</pfif:author_name>\
             <pfif:source_date>2026-01-01T00:00:00Z</pfif:source_date>\
             <pfif:text>t</pfif:text></pfif:note>",
        );
        let doc = from_xml(&xml).expect("parses");
        assert!(doc.persons.is_empty());
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].person_record_id, "sanad.iq/person.1001");
    }

    #[test]
    fn reads_older_versions_and_default_namespaces() {
        let xml = r#"<?xml version="1.0"?>
<pfif xmlns="http://zesty.ca/pfif/1.2">
  <person>
    <person_record_id>old.example.com/p.1</person_record_id>
    <first_name>Ahmad</first_name>
    <last_name>Abdallah</last_name>
    <home_zip>61001</home_zip>
    <other>description:
    tall</other>
    <note>
      <note_record_id>old.example.com/n.1</note_record_id>
      <author_name>X</author_name>
      <source_date>2010-01-13T00:00:00Z</source_date>
      <found>true</found>
      <text>found him</text>
    </note>
    <source_date>2010-01-12T00:00:00Z</source_date>
  </person>
</pfif>"#;
        let doc = from_xml(xml).expect("parses");
        assert_eq!(doc.version, PfifVersion::V1_2);
        let p = &doc.persons[0];
        assert_eq!(p.full_name, "Ahmad Abdallah");
        assert_eq!(p.given_name.as_deref(), Some("Ahmad"));
        assert_eq!(p.family_name.as_deref(), Some("Abdallah"));
        assert_eq!(p.home_postal_code.as_deref(), Some("61001"));
        assert!(p
            .description
            .as_deref()
            .is_some_and(|d| d.ends_with("tall")));
        assert_eq!(p.notes[0].author_made_contact, Some(true));
        assert_eq!(p.notes[0].person_record_id, "old.example.com/p.1");
        // 1.3 and a trailing slash.
        let xml = minimal_doc("http://zesty.ca/pfif/1.3/");
        assert_eq!(from_xml(&xml).expect("parses").version, PfifVersion::V1_3);
    }

    fn minimal_doc(namespace: &str) -> String {
        format!(
            "<p:pfif xmlns:p=\"{namespace}\"><p:person>\
             <p:person_record_id>a.org/1</p:person_record_id>\
             <p:source_date>2026-01-01T00:00:00Z</p:source_date>\
             <p:full_name>A</p:full_name></p:person></p:pfif>"
        )
    }

    fn person_with(fields: &str) -> String {
        wrap(&format!("<pfif:person>{fields}</pfif:person>"))
    }

    const ID: &str = "<pfif:person_record_id>a.org/1</pfif:person_record_id>";
    const SOURCE: &str = "<pfif:source_date>2026-01-01T00:00:00Z</pfif:source_date>";
    const NAME: &str = "<pfif:full_name>A</pfif:full_name>";

    #[test]
    fn refuses_what_is_not_pfif() {
        assert_eq!(code(""), "empty_document");
        assert_eq!(code("  \n "), "empty_document");
        assert_eq!(
            code("<?xml version=\"1.0\"?>\n<!-- nothing -->"),
            "empty_document"
        );
        assert_eq!(code("not xml at all"), "malformed_xml");
        assert_eq!(code("{\"persons\": []}"), "malformed_xml");
        assert_eq!(
            code("<pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\">"),
            "malformed_xml"
        );
        assert_eq!(
            code(&format!("{OPEN}<pfif:person></pfif:note></pfif:pfif>")),
            "malformed_xml"
        );
        assert_eq!(
            code(&format!("{OPEN}</pfif:pfif><pfif:pfif/>")),
            "malformed_xml"
        );
        assert_eq!(
            code(&format!("{OPEN}</pfif:pfif>trailing")),
            "malformed_xml"
        );
        assert_eq!(
            code("<pfif:pfif><pfif:person/></pfif:pfif>"),
            "malformed_xml"
        ); // no xmlns
        assert_eq!(
            code(&format!("{OPEN}<a b></a></pfif:pfif>")),
            "malformed_xml"
        );
        assert_eq!(
            code(&format!(
                "{OPEN}<pfif:person>&#1;</pfif:person></pfif:pfif>"
            )),
            "malformed_xml"
        );
        assert_eq!(code(&format!("{OPEN}\u{1}</pfif:pfif>")), "malformed_xml");
        assert_eq!(code("<html><body>PFIF</body></html>"), "wrong_root");
        assert_eq!(code("<pfif/>"), "wrong_root");
        assert_eq!(
            code("<pfif xmlns=\"http://zesty.ca/pfif/2.0\"/>"),
            "wrong_root"
        );
        assert_eq!(
            code("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:pfif=\"http://zesty.ca/pfif/1.4\"/>"),
            "wrong_root"
        );
        let e =
            from_xml("<pfif:person xmlns:pfif=\"http://zesty.ca/pfif/1.4\"/>").expect_err("root");
        assert!(e.to_string().contains("pfif:person"), "{e}");
        // An empty export is a valid document.
        let doc = from_xml(&wrap("")).expect("no records");
        assert!(doc.persons.is_empty() && doc.notes.is_empty());
    }

    #[test]
    fn refuses_missing_required_fields() {
        let missing = |xml: &str| match from_xml(xml) {
            Err(PfifError::MissingField { field, record, .. }) => (record, field),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            missing(&person_with(&format!("{SOURCE}{NAME}"))),
            ("person", "person_record_id")
        );
        assert_eq!(
            missing(&person_with(&format!("{ID}{NAME}"))),
            ("person", "source_date")
        );
        assert_eq!(
            missing(&person_with(&format!("{ID}{SOURCE}"))),
            ("person", "full_name")
        );
        assert_eq!(
            missing(&person_with(&format!(
                "{ID}{SOURCE}<pfif:full_name>  </pfif:full_name>"
            ))),
            ("person", "full_name")
        );
        let note = |fields: &str| {
            person_with(&format!(
                "{ID}{SOURCE}{NAME}<pfif:note>{fields}</pfif:note>"
            ))
        };
        let nid = "<pfif:note_record_id>a.org/n</pfif:note_record_id>";
        let author = "<pfif:author_name>B</pfif:author_name>";
        let text = "<pfif:text>T</pfif:text>";
        assert_eq!(
            missing(&note(&format!("{author}{SOURCE}{text}"))),
            ("note", "note_record_id")
        );
        assert_eq!(
            missing(&note(&format!("{nid}{SOURCE}{text}"))),
            ("note", "author_name")
        );
        assert_eq!(
            missing(&note(&format!("{nid}{author}{text}"))),
            ("note", "source_date")
        );
        assert_eq!(
            missing(&note(&format!("{nid}{author}{SOURCE}"))),
            ("note", "text")
        );
        let top = wrap(&format!(
            "<pfif:note>{nid}{author}{SOURCE}{text}</pfif:note>"
        ));
        assert_eq!(missing(&top), ("note", "person_record_id"));
        let e = from_xml(&note(&format!("{nid}{SOURCE}{text}"))).expect_err("missing");
        assert_eq!(
            e.to_string(),
            "note a.org/n: required field author_name is missing"
        );
        assert_eq!(e.field(), Some("author_name"));
        // A nested note naming another person.
        let other = "<pfif:person_record_id>b.org/2</pfif:person_record_id>";
        assert_eq!(
            code(&note(&format!("{nid}{other}{author}{SOURCE}{text}"))),
            "person_mismatch"
        );
        // The same field twice, also under an old name.
        assert_eq!(
            code(&person_with(&format!("{ID}{SOURCE}{NAME}{NAME}"))),
            "duplicate_field"
        );
        assert_eq!(
            code(&person_with(&format!(
                "{ID}{SOURCE}{NAME}<pfif:given_name>A</pfif:given_name><pfif:first_name>A</pfif:first_name>"
            ))),
            "duplicate_field"
        );
    }

    #[test]
    fn refuses_bad_dates_and_values() {
        for bad in [
            "yesterday",
            "2026-01-01",
            "2026-01-01 10:00:00Z",
            "2026-01-01T10:00:00",
            "2026-01-01T10:00:00+03:00",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T10:00:60Z",
            "0000-01-01T00:00:00Z",
            "2026-01-01T10:00:00.Z",
            "٢٠٢٦-01-01T00:00:00Z",
            "+2026-01-01T00:00:00Z",
        ] {
            let xml = person_with(&format!(
                "{ID}<pfif:source_date>{bad}</pfif:source_date>{NAME}"
            ));
            assert_eq!(code(&xml), "bad_date", "{bad}");
            assert!(parse_date(bad).is_none(), "{bad}");
        }
        assert_eq!(
            parse_date("2024-02-29T23:59:59.123456Z"),
            Some(t("2024-02-29T23:59:59Z"))
        );
        let with = |extra: &str| person_with(&format!("{ID}{SOURCE}{NAME}{extra}"));
        for bad in [
            "<pfif:sex>m</pfif:sex>",
            "<pfif:date_of_birth>1999-13</pfif:date_of_birth>",
            "<pfif:date_of_birth>1999-02-30</pfif:date_of_birth>",
            "<pfif:date_of_birth>99</pfif:date_of_birth>",
            "<pfif:age>about 20</pfif:age>",
            "<pfif:age>20-</pfif:age>",
            "<pfif:home_country>Iraq</pfif:home_country>",
            "<pfif:expiry_date>soon</pfif:expiry_date>",
        ] {
            assert!(
                ["bad_value", "bad_date"].contains(&code(&with(bad))),
                "{bad}"
            );
        }
        assert_eq!(
            code(&person_with(&format!(
                "<pfif:person_record_id>no-slash</pfif:person_record_id>{SOURCE}{NAME}"
            ))),
            "bad_value"
        );
        let note = |extra: &str| {
            with(&format!(
                "<pfif:note><pfif:note_record_id>a.org/n</pfif:note_record_id>\
                 <pfif:author_name>B</pfif:author_name>{SOURCE}<pfif:text>T</pfif:text>{extra}</pfif:note>"
            ))
        };
        assert_eq!(code(&note("<pfif:status>found</pfif:status>")), "bad_value");
        assert_eq!(
            code(&note(
                "<pfif:author_made_contact>yes</pfif:author_made_contact>"
            )),
            "bad_value"
        );
        // Case and whitespace are forgiven on import.
        let doc = from_xml(&note("<pfif:status> Believed_Alive </pfif:status>")).expect("parses");
        assert_eq!(
            doc.persons[0].notes[0].status,
            Some(PfifNoteStatus::BelievedAlive)
        );
    }

    #[test]
    fn entities_are_never_expanded() {
        let laughs = format!(
            r#"<?xml version="1.0"?>
<!DOCTYPE pfif:pfif [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
{OPEN}<pfif:person>{ID}{SOURCE}<pfif:full_name>&lol9;</pfif:full_name></pfif:person></pfif:pfif>"#
        );
        assert_eq!(code(&laughs), "doctype_not_allowed");
        let external = r#"<!DOCTYPE pfif SYSTEM "file:///etc/passwd"><pfif/>"#;
        assert_eq!(code(external), "doctype_not_allowed");
        // Without a DTD, an entity reference is simply undeclared.
        let undeclared = person_with(&format!(
            "{ID}{SOURCE}<pfif:full_name>&lol9;</pfif:full_name>"
        ));
        let e = from_xml(&undeclared).expect_err("undeclared");
        assert_eq!(e.code(), "malformed_xml");
        assert!(e.to_string().contains("&lol9;"), "{e}");
    }

    #[test]
    fn bounds_size_depth_and_counts() {
        let huge = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(code(&huge), "too_large");
        let deep = format!("{OPEN}{}", "<x>".repeat(100_000));
        assert_eq!(code(&deep), "too_deep");
        let deep_ok = format!(
            "{OPEN}{}{}</pfif:pfif>",
            "<x>".repeat(MAX_DEPTH - 1),
            "</x>".repeat(MAX_DEPTH - 1)
        );
        assert!(from_xml(&deep_ok).is_ok());
        let small = Limits {
            document_bytes: 10_000,
            depth: 8,
            records: 2,
            field_bytes: 24,
        };
        let one = format!("<pfif:person>{ID}{SOURCE}{NAME}</pfif:person>");
        assert!(parse(&wrap(&one.repeat(2)), &small).is_ok());
        let three = parse(&wrap(&one.repeat(3)), &small).expect_err("three records");
        assert_eq!(three.code(), "too_many_records");
        let long = person_with(&format!(
            "{ID}{SOURCE}<pfif:full_name>123456789 123456789 123456789</pfif:full_name>"
        ));
        let e = parse(&long, &small).expect_err("long field");
        assert_eq!((e.code(), e.field()), ("field_too_long", Some("full_name")));
    }

    /// Every prefix and many corrupted copies of a real document: errors, never panics.
    #[test]
    fn never_panics_on_damaged_input() {
        let xml = format!("{}{}", to_xml(&persons()), "");
        let full = from_xml(&xml).expect("whole document");
        let end = xml.trim_end().len();
        for (i, _) in xml.char_indices() {
            let result = from_xml(&xml[..i]);
            if i < end {
                assert!(result.is_err(), "prefix of {i} bytes accepted");
            }
        }
        let bytes = xml.as_bytes();
        let mut seed: u64 = 0x5eed_5a4a_d000_0001;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet = b"<>&;/!?[]=\"'#x: \n\0pfif";
        for _ in 0..3000 {
            let mut damaged = bytes.to_vec();
            for _ in 0..(1 + next() % 4) {
                let at = (next() % damaged.len() as u64) as usize;
                let c = alphabet[(next() % alphabet.len() as u64) as usize];
                match next() % 3 {
                    0 => damaged[at] = c,
                    1 => damaged.insert(at, c),
                    _ => {
                        damaged.remove(at);
                    }
                }
            }
            if let Ok(text) = String::from_utf8(damaged) {
                if let Ok(doc) = from_xml(&text) {
                    let _ = to_xml(&doc.persons);
                }
            }
        }
        assert_eq!(full.persons.len(), 3);
    }

    #[test]
    fn builds_record_ids() {
        assert_eq!(record_id("sanad.iq", "person.1001"), "sanad.iq/person.1001");
        assert_eq!(
            record_id(" Sanad.IQ ", "case 7/علي"),
            "sanad.iq/case%207/%D8%B9%D9%84%D9%8A"
        );
        assert_eq!(record_id("sanad.iq", "100%"), "sanad.iq/100%25");
        assert_eq!(record_id("sanad.iq/x", "1"), "sanad.iqx/1");
        let mut p = minimal_person();
        p.person_record_id = record_id("", "1");
        assert_eq!(p.validate().map_err(|e| e.code()), Err("bad_value"));
    }

    #[test]
    fn validation_catches_what_to_xml_would_write_wrongly() {
        let check = |f: &dyn Fn(&mut PfifPerson)| {
            let mut p = arabic_person();
            f(&mut p);
            to_xml_checked(&[p]).map(|_| ()).map_err(|e| e.code())
        };
        assert_eq!(check(&|_| {}), Ok(()));
        assert_eq!(check(&|p| p.full_name.clear()), Err("missing_field"));
        assert_eq!(
            check(&|p| p.home_country = Some("iq".into())),
            Err("bad_value")
        );
        assert_eq!(
            check(&|p| p.date_of_birth = Some("03/1999".into())),
            Err("bad_value")
        );
        assert_eq!(check(&|p| p.age = Some("25 - 27".into())), Err("bad_value"));
        assert_eq!(
            check(&|p| p.author_email = Some("fatima".into())),
            Err("bad_value")
        );
        assert_eq!(
            check(&|p| p.author_phone = Some("call me".into())),
            Err("bad_value")
        );
        assert_eq!(check(&|p| p.author_phone = Some("+٩٦٤ ٧٧٠".into())), Ok(()));
        assert_eq!(
            check(&|p| p.alternate_names.push("two\nlines".into())),
            Err("bad_value")
        );
        assert_eq!(
            check(&|p| p.notes[0].person_record_id = "x.org/2".into()),
            Err("person_mismatch")
        );
        assert_eq!(check(&|p| p.notes[1].text.clear()), Err("missing_field"));
        assert_eq!(
            check(&|p| p.notes[0].linked_person_record_id = Some("nothing".into())),
            Err("bad_value")
        );
        assert_eq!(
            check(&|p| p.source_date = t("2026-01-01T00:00:00Z").replace_year(-5).expect("year")),
            Err("bad_date")
        );
    }

    #[test]
    fn maps_case_statuses_both_ways() {
        let ours = [
            ("reported", Some("believed_missing")),
            ("under_review", Some("believed_missing")),
            ("information_sought", Some("information_sought")),
            ("located_alive", Some("believed_alive")),
            ("in_contact", Some("believed_alive")),
            ("returned", Some("believed_alive")),
            ("deceased", Some("believed_dead")),
            ("closed", None),
            ("unknown", None),
        ];
        for (case, note) in ours {
            assert_eq!(note_status_for(case), note, "{case}");
            if let Some(note) = note {
                assert!(PfifNoteStatus::parse(note).is_some());
                // Going there and back settles on a status that maps to the same note status.
                let back = case_status_for(note).expect("reverse");
                assert_eq!(note_status_for(back), Some(note));
            }
        }
        let theirs = [
            ("information_sought", Some("information_sought")),
            ("is_note_author", Some("located_alive")),
            ("believed_alive", Some("located_alive")),
            ("believed_missing", Some("reported")),
            ("believed_dead", Some("deceased")),
            ("", None),
            ("found", None),
        ];
        for (note, case) in theirs {
            assert_eq!(case_status_for(note), case, "{note}");
        }
    }
}
