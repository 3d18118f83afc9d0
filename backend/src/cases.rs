//! Missing-person cases: storing a family's report sealed, the conversation with the family,
//! caseworkers' notes and status changes, duplicate candidates, and retention.
//!
//! The machinery is the tips': receipts hashed with the site salt, sealing bound to the row's
//! random `ref_key`, blind indexes for numbers and name keys, the group committer for writes.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use rand::Rng as _;
use sanad_shared::{
    cases::{
        parse_partial_date, CaseMatch, CaseNote, CaseStatus, CloseReason, Consent, FieldMark,
        MatchLabel, MatchMarks, NewCase, PersonNames,
    },
    phone::PhoneNumber,
    tips::{FieldProblem, Governorate, MessageAuthor, TipMessage},
    triage::ItemKind,
};

use crate::{
    anonymous::{random_ref, today},
    attachments::CleanImage,
    audit::now_ms,
    conversation::{Conversation, Queued, SealedMessage},
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    names,
    schema::{case_keys, case_matches, case_merges, case_messages, case_notes, case_photos, cases},
    triage,
};

/// The sealed part of a case: everything that names or locates a person.
pub type CaseContent = sanad_shared::cases::CaseRecord;

fn trimmed(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn phones(field: &str, typed: &[String], problems: &mut Vec<FieldProblem>) -> Vec<String> {
    let mut out = Vec::new();
    for (index, phone) in typed.iter().enumerate() {
        if phone.trim().is_empty() {
            continue;
        }
        match PhoneNumber::parse(phone) {
            Ok(phone) if !out.contains(&phone.e164().to_owned()) => {
                out.push(phone.e164().to_owned())
            }
            Ok(_) => {}
            Err(_) => problems.push(FieldProblem {
                field: field.to_owned(),
                index: Some(index),
                problem: "invalid_phone_number".to_owned(),
            }),
        }
    }
    out
}

/// A report that passed every check.
pub struct CheckedCase {
    pub content: CaseContent,
    pub governorate: Option<Governorate>,
    pub consent: Consent,
    /// The day someone is said to leave, `YYYY-MM-DD`.
    pub departure_on: Option<String>,
}

impl CheckedCase {
    pub fn check(case: NewCase) -> Result<CheckedCase, ApiError> {
        let case = case.cleaned();
        let mut problems = case.problems();
        let own = phones("phones", &case.phones, &mut problems);
        let recruiter = phones("recruiter_phones", &case.recruiter_phones, &mut problems);
        let reporter = phones(
            "reporter.phone",
            std::slice::from_ref(&case.reporter.phone),
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(ApiError::InvalidCase(problems));
        }
        let date = |d: &Option<String>| d.as_deref().and_then(parse_partial_date);
        let names = PersonNames {
            given: case.names.given.trim().to_owned(),
            father: case.names.father.trim().to_owned(),
            grandfather: trimmed(case.names.grandfather.as_deref()),
            family: trimmed(case.names.family.as_deref()),
            mother: trimmed(case.names.mother.as_deref()),
            latin: trimmed(case.names.latin.as_deref()),
        };
        Ok(CheckedCase {
            content: CaseContent {
                names,
                sex: case.sex,
                date_of_birth: date(&case.date_of_birth),
                age: case.age,
                residence: trimmed(case.residence.as_deref()),
                phones: own,
                accounts: case
                    .accounts
                    .into_iter()
                    .filter(|a| !a.handle.trim().is_empty())
                    .collect(),
                left_on: date(&case.left_on),
                destination: trimmed(case.destination.as_deref()),
                recruiter: trimmed(case.recruiter.as_deref()),
                recruiter_phones: recruiter,
                last_contact_on: date(&case.last_contact_on),
                last_contact_text: trimmed(case.last_contact_text.as_deref()),
                last_known_location: trimmed(case.last_known_location.as_deref()),
                marks: trimmed(case.marks.as_deref()),
                reporter_relationship: case.reporter.relationship.trim().to_owned(),
                reporter_name: case.reporter.name.trim().to_owned(),
                reporter_phone: reporter.into_iter().next().unwrap_or_default(),
                reporter_language: Some(case.reporter.language),
            },
            governorate: case.governorate,
            consent: case.consent,
            departure_on: case
                .departure_on
                .as_deref()
                .and_then(sanad_shared::triage::parse_day),
        })
    }
}

/// `MP-` and eight characters without look-alikes (no 0/O, 1/I/L), grouped in fours: easy to
/// read out on the phone, about 10^12 possibilities.
pub fn new_case_number() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut rng = rand::rngs::OsRng;
    let mut chars: Vec<char> = (0..8)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect();
    chars.insert(4, '-');
    format!("MP-{}", chars.into_iter().collect::<String>())
}

pub(crate) fn content_context(case_ref: &str) -> String {
    format!("case:{case_ref}:content")
}

pub(crate) fn photo_context(case_ref: &str) -> String {
    format!("case:{case_ref}:photo")
}

pub(crate) fn note_context(case_ref: &str, note_ref: &str) -> String {
    format!("case:{case_ref}:note:{note_ref}")
}

pub(crate) fn message_context(case_ref: &str, message_ref: &str) -> String {
    format!("case:{case_ref}:message:{message_ref}")
}

/// The person as the matcher sees them: names, sex, birth (a date, a year, or a year estimated
/// from the age), governorate and the blind indexes of their phone numbers.
pub fn person_of(
    sealer: &Sealer,
    content: &CaseContent,
    governorate: Option<Governorate>,
) -> Result<names::Person, ApiError> {
    let non_empty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let birth = content
        .date_of_birth
        .as_deref()
        .and_then(|date| {
            let mut parts = date.split('-');
            let year: i32 = parts.next()?.parse().ok()?;
            let month: Option<u8> = parts.next().and_then(|m| m.parse().ok());
            let day: Option<u8> = parts.next().and_then(|d| d.parse().ok());
            Some(match (month, day) {
                (Some(m), Some(d)) => names::Birth::date(year, m, d),
                _ => names::Birth::year(year),
            })
        })
        .or_else(|| {
            content
                .age
                .map(|age| names::Birth::from_age(age, time::OffsetDateTime::now_utc().year()))
        });
    let phone_indexes = content
        .phones
        .iter()
        .map(|phone| {
            sealer
                .blind_index("phone", phone)
                .map_err(|_| ApiError::internal("blind index"))
        })
        .collect::<Result<_, _>>()?;
    Ok(names::Person {
        names: names::PersonNames {
            given: non_empty(&content.names.given),
            father: non_empty(&content.names.father),
            grandfather: content.names.grandfather.clone(),
            family: content.names.family.clone(),
            mother: content.names.mother.clone(),
            latin: content.names.latin.clone(),
        },
        sex: content.sex.map(|sex| match sex {
            sanad_shared::cases::Sex::Female => names::Sex::Female,
            sanad_shared::cases::Sex::Male => names::Sex::Male,
        }),
        birth,
        governorate: governorate.map(|g| g.as_str().to_owned()),
        phone_indexes,
    })
}

/// Every key a case is found by: name blocking keys (duplicates), per-token name keys (search)
/// and phone numbers, all as blind indexes.
pub fn keys(
    sealer: &Sealer,
    content: &CaseContent,
    governorate: Option<Governorate>,
) -> Result<Vec<(&'static str, String)>, ApiError> {
    let person = person_of(sealer, content, governorate)?;
    let mut out: BTreeSet<(&'static str, String)> = BTreeSet::new();
    let index = |kind: &str, value: &str| {
        sealer
            .blind_index(kind, value)
            .map_err(|_| ApiError::internal("blind index"))
    };
    for key in names::blocking_keys(&person) {
        out.insert(("block", index("case-block", &key)?));
    }
    for key in names::name_index_keys(&person) {
        out.insert(("name", index("case-name", &key)?));
    }
    for phone in &person.phone_indexes {
        out.insert(("phone", phone.clone()));
    }
    Ok(out.into_iter().collect())
}

/// A case ready to insert: sealed, with its keys.
pub struct SealedCase {
    pub ref_key: String,
    pub governorate: Option<Governorate>,
    pub consent: Consent,
    pub content: Vec<u8>,
    pub photo: Option<(Vec<u8>, &'static str)>,
    pub keys: Vec<(&'static str, String)>,
    pub pfif_record_id: Option<String>,
    pub status: CaseStatus,
    /// For the priority rules, kept beside the sealed content (see `triage`).
    pub departure_on: Option<String>,
    pub minor: bool,
    /// Blind indexes of its words, for staff search.
    pub words: Vec<String>,
    /// The recruiter's numbers, accounts and name.
    pub entities: Vec<crate::entities::Named>,
}

pub fn seal_case(
    sealer: &Sealer,
    case: &CheckedCase,
    photo: Option<CleanImage>,
) -> Result<SealedCase, ApiError> {
    let ref_key = random_ref();
    let json = serde_json::to_string(&case.content).map_err(|_| ApiError::internal("case JSON"))?;
    let content = sealer.seal_text(&json, &content_context(&ref_key))?;
    let photo = photo
        .map(|image| {
            sealer
                .seal(&image.bytes, photo_context(&ref_key).as_bytes())
                .map(|sealed| (sealed, image.kind.mime()))
                .map_err(|_| ApiError::internal("sealing"))
        })
        .transpose()?;
    Ok(SealedCase {
        keys: keys(sealer, &case.content, case.governorate)?,
        governorate: case.governorate,
        consent: case.consent,
        content,
        photo,
        ref_key,
        pfif_record_id: None,
        status: CaseStatus::Reported,
        departure_on: case.departure_on.clone(),
        minor: is_minor(&case.content, triage::today()),
        words: words_of(sealer, &case.content)?,
        entities: crate::entities::seal(sealer, &crate::entities::in_case(&case.content))?,
    })
}

/// The searchable words of a case: the names in every form given, and the places, recruiter
/// and marks the family described.
pub fn words_of(sealer: &Sealer, content: &CaseContent) -> Result<Vec<String>, ApiError> {
    let names = &content.names;
    let mut texts: Vec<&str> = vec![&names.given, &names.father];
    for optional in [
        &names.grandfather,
        &names.family,
        &names.mother,
        &names.latin,
        &content.residence,
        &content.destination,
        &content.recruiter,
        &content.last_known_location,
        &content.marks,
    ] {
        texts.extend(optional.as_deref());
    }
    triage::word_indexes(sealer, &texts)
}

/// Whether the missing person is under 18 by the age or the birth date the family gave (a
/// year alone counts as its first day: the person may be younger, never older).
pub fn is_minor(content: &CaseContent, today: time::Date) -> bool {
    if content.age.is_some_and(|age| age < 18) {
        return true;
    }
    let Some(born) = content.date_of_birth.as_deref() else {
        return false;
    };
    let mut parts = born.split('-').map(|p| p.parse::<i32>().ok());
    let (Some(Some(year)), month, day) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let month = month.flatten().unwrap_or(1);
    let day = day.flatten().unwrap_or(1);
    let today = (
        today.year(),
        i32::from(u8::from(today.month())),
        i32::from(today.day()),
    );
    (year + 18, month, day) > today
}

/// Stores a sealed case. `Ok(None)` when the receipt hash or case number is taken (the caller
/// draws new ones). Returns (id, case number).
pub fn insert_case(
    conn: &mut DbConnection,
    case: &SealedCase,
    receipt_hash: Option<&str>,
    case_number: &str,
) -> Result<Option<i64>, ApiError> {
    let mut taken: i64 = cases::table
        .filter(cases::case_number.eq(case_number))
        .count()
        .get_result(conn)?;
    if let Some(hash) = receipt_hash {
        taken += cases::table
            .filter(cases::receipt_hash.eq(hash))
            .count()
            .get_result::<i64>(conn)?;
    }
    if taken > 0 {
        return Ok(None);
    }
    diesel::insert_into(cases::table)
        .values((
            cases::case_number.eq(case_number),
            cases::ref_key.eq(&case.ref_key),
            cases::receipt_hash.eq(receipt_hash),
            cases::status.eq(case.status.as_str()),
            cases::governorate.eq(case.governorate.map(Governorate::as_str)),
            cases::consent.eq(case.consent.as_str()),
            cases::reported_on.eq(today()),
            cases::content.eq(Some(&case.content)),
            cases::pfif_record_id.eq(case.pfif_record_id.as_deref()),
            cases::updated_at_ms.eq(crate::anonymous::today_ms()),
        ))
        .execute(conn)?;
    let id: i64 = cases::table
        .filter(cases::ref_key.eq(&case.ref_key))
        .select(cases::id)
        .first(conn)?;
    if let Some((data, mime)) = &case.photo {
        diesel::insert_into(case_photos::table)
            .values((
                case_photos::case_id.eq(id),
                case_photos::mime.eq(*mime),
                case_photos::data.eq(data),
            ))
            .execute(conn)?;
    }
    insert_keys(conn, id, &case.keys)?;
    triage::arrived(
        conn,
        ItemKind::Case,
        id,
        &triage::Arrival {
            status: case.status.as_str().to_owned(),
            governorate: case.governorate.map(|g| g.as_str().to_owned()),
            received_on: today(),
            departure_on: case.departure_on.clone(),
            minor: case.minor,
            has_attachments: case.photo.is_some(),
        },
    )?;
    triage::index_words(conn, ItemKind::Case, id, &case.words)?;
    crate::entities::record(conn, ItemKind::Case, id, &case.entities)?;
    Ok(Some(id))
}

pub(crate) fn insert_keys(
    conn: &mut DbConnection,
    id: i64,
    keys: &[(&'static str, String)],
) -> Result<(), ApiError> {
    diesel::delete(case_keys::table.filter(case_keys::case_id.eq(id))).execute(conn)?;
    for (kind, index) in keys {
        diesel::insert_into(case_keys::table)
            .values((
                case_keys::case_id.eq(id),
                case_keys::kind.eq(*kind),
                case_keys::blind_index.eq(index),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = cases)]
pub struct CaseRow {
    pub id: i64,
    pub case_number: String,
    pub ref_key: String,
    pub status: String,
    pub close_reason: Option<String>,
    pub governorate: Option<String>,
    pub consent: String,
    pub reported_on: String,
    pub content: Option<Vec<u8>>,
    pub merged_into: Option<i64>,
    pub pfif_record_id: Option<String>,
    pub updated_at_ms: i64,
    pub closed_at_ms: Option<i64>,
    pub wiped_on: Option<String>,
    pub deceased_proposed_by: Option<String>,
}

impl CaseRow {
    pub fn status(&self) -> CaseStatus {
        CaseStatus::parse(&self.status).unwrap_or(CaseStatus::Reported)
    }

    pub fn governorate(&self) -> Option<Governorate> {
        self.governorate.as_deref().and_then(Governorate::parse)
    }

    pub fn consent(&self) -> Consent {
        Consent::parse(&self.consent).unwrap_or(Consent::Committee)
    }

    /// The decrypted content; `None` once retention wiped it.
    pub fn content(&self, sealer: &Sealer) -> Result<Option<CaseContent>, ApiError> {
        self.content
            .as_deref()
            .map(|sealed| {
                let json = sealer.open_text(sealed, &content_context(&self.ref_key))?;
                serde_json::from_str(&json).map_err(|_| ApiError::internal("case content JSON"))
            })
            .transpose()
    }
}

pub fn case_by_id(conn: &mut DbConnection, id: i64) -> Result<CaseRow, ApiError> {
    cases::table
        .find(id)
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

pub fn case_by_ref(conn: &mut DbConnection, case_ref: &str) -> Result<CaseRow, ApiError> {
    cases::table
        .filter(cases::ref_key.eq(case_ref))
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(ApiError::FollowUpExpired)
}

pub fn photo(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
) -> Result<(String, Vec<u8>), ApiError> {
    let row = case_by_id(conn, id)?;
    let (mime, sealed): (String, Vec<u8>) = case_photos::table
        .find(id)
        .select((case_photos::mime, case_photos::data))
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)?;
    let bytes = sealer
        .open(&sealed, photo_context(&row.ref_key).as_bytes())
        .map_err(|_| ApiError::internal("a photo did not open"))?;
    Ok((mime, bytes))
}

/// The conversation with the family, oldest first.
pub fn messages(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
) -> Result<Vec<TipMessage>, ApiError> {
    let rows: Vec<(i64, String, String, Vec<u8>, String)> = case_messages::table
        .filter(case_messages::case_id.eq(case.id))
        .order(case_messages::id.asc())
        .select((
            case_messages::id,
            case_messages::ref_key,
            case_messages::author,
            case_messages::body,
            case_messages::sent_on,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, ref_key, author, body, sent_on)| {
            Ok(TipMessage {
                id,
                author: if author == "caseworker" {
                    MessageAuthor::Moderator
                } else {
                    MessageAuthor::Tipster
                },
                body: sealer.open_text(&body, &message_context(&case.ref_key, &ref_key))?,
                sent_on,
            })
        })
        .collect()
}

pub fn seal_message(
    sealer: &Sealer,
    case_ref: &str,
    body: &str,
) -> Result<SealedMessage, ApiError> {
    SealedMessage::seal(sealer, body, |message_ref| {
        message_context(case_ref, message_ref)
    })
}

/// Adds a message from the family (`staff_id` None) or a caseworker: one statement, which
/// refuses (`follow_up_expired`, the case is gone) before writing anything, so it may run
/// unguarded in a group commit.
pub fn add_message(
    conn: &mut DbConnection,
    case_ref: &str,
    message: SealedMessage,
    staff_id: Option<&str>,
) -> Result<TipMessage, ApiError> {
    use diesel::sql_types::{Binary, Nullable, Text};
    let (author, author_name) = match staff_id {
        Some(_) => (MessageAuthor::Moderator, "caseworker"),
        None => (MessageAuthor::Tipster, "family"),
    };
    let sent_on = today();
    let id: i64 = diesel::insert_into(case_messages::table)
        .values(cases::table.filter(cases::ref_key.eq(case_ref)).select((
            cases::id,
            message.ref_key.as_str().into_sql::<Text>(),
            author_name.into_sql::<Text>(),
            staff_id.into_sql::<Nullable<Text>>(),
            message.body.as_slice().into_sql::<Binary>(),
            sent_on.as_str().into_sql::<Text>(),
        )))
        .into_columns((
            case_messages::case_id,
            case_messages::ref_key,
            case_messages::author,
            case_messages::staff_id,
            case_messages::body,
            case_messages::sent_on,
        ))
        .returning(case_messages::id)
        .get_result(conn)
        .optional()?
        .ok_or(ApiError::FollowUpExpired)?;
    Ok(TipMessage {
        id,
        author,
        body: message.plain,
        sent_on,
    })
}

/// A family's message, written with the other messages of its group commit.
pub type FamilyMessage = Queued<FamilyMessages>;

/// Where families' messages go.
pub struct FamilyMessages;

impl Conversation for FamilyMessages {
    const PARENTS: &'static str = "parent AS (SELECT id, ref_key FROM cases \
         WHERE ref_key IN (SELECT parent_ref FROM input) FOR KEY SHARE)";
    const TABLE: &'static str = "case_messages";
    const PARENT_ID: &'static str = "case_id";
    const AUTHOR: &'static str = "family";

    fn add_one(
        conn: &mut DbConnection,
        case_ref: &str,
        message: SealedMessage,
    ) -> Result<TipMessage, ApiError> {
        add_message(conn, case_ref, message, None)
    }
}

pub fn notes(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
) -> Result<Vec<CaseNote>, ApiError> {
    type Row = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Vec<u8>,
        i64,
    );
    let rows: Vec<Row> = case_notes::table
        .filter(case_notes::case_id.eq(case.id))
        .order(case_notes::id.asc())
        .select((
            case_notes::id,
            case_notes::ref_key,
            case_notes::staff_id,
            case_notes::author_name,
            case_notes::status,
            case_notes::body,
            case_notes::created_at_ms,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, ref_key, staff_id, author_name, status, body, created_at_ms)| {
                let _ = staff_id;
                Ok(CaseNote {
                    id,
                    author_name,
                    status: status.as_deref().and_then(CaseStatus::parse),
                    text: sealer.open_text(&body, &note_context(&case.ref_key, &ref_key))?,
                    created_at_ms,
                    linked_record: None,
                    linked_case: None,
                })
            },
        )
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub fn add_note(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
    author_name: &str,
    staff_id: Option<&str>,
    status: Option<&str>,
    text: &str,
    created_at_ms: i64,
    pfif_record_id: Option<&str>,
) -> Result<i64, ApiError> {
    let ref_key = random_ref();
    let sealed = sealer.seal_text(text.trim(), &note_context(&case.ref_key, &ref_key))?;
    diesel::insert_into(case_notes::table)
        .values((
            case_notes::case_id.eq(case.id),
            case_notes::ref_key.eq(&ref_key),
            case_notes::staff_id.eq(staff_id),
            case_notes::author_name.eq(author_name),
            case_notes::status.eq(status),
            case_notes::body.eq(&sealed),
            case_notes::created_at_ms.eq(created_at_ms),
            case_notes::pfif_record_id.eq(pfif_record_id),
        ))
        .execute(conn)?;
    Ok(case_notes::table
        .filter(case_notes::ref_key.eq(&ref_key))
        .select(case_notes::id)
        .first(conn)?)
}

/// How many earlier reports one report is compared with.
pub const MATCH_CANDIDATES: usize = 50;

/// How many of the newest reports carrying one key the search counts: four times the
/// candidates it keeps, so a duplicate is passed over only when each key it shares is carried
/// by that many newer reports.
const KEY_SHARERS: i64 = 4 * MATCH_CANDIDATES as i64;

/// Candidate cases sharing a blocking key or phone with `person`, scored, best first.
/// Only the candidates' sealed content is opened, never the whole table.
pub fn find_duplicates(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
    content: &CaseContent,
    governorate: Option<Governorate>,
) -> Result<Vec<(i64, names::Match)>, ApiError> {
    let mine: Vec<String> = keys(sealer, content, governorate)?
        .into_iter()
        .filter(|(kind, _)| *kind != "name")
        .map(|(_, index)| index)
        .collect();
    if mine.is_empty() {
        return Ok(Vec::new());
    }
    // The reports sharing the most keys first, and no more than the matcher is worth: a person
    // reported hundreds of times had each new report open, compare and store a pair for up to
    // 500 earlier ones (the case bench, one person reported again and again, fell to a fifth of
    // the hash ceiling), and a flood of one name would do that on purpose. Each key is read no
    // further than its newest KEY_SHARERS reports: counting every report sharing a common key
    // made each search group and sort thousands of rows, more with every report of that name.
    let mut shared: BTreeMap<i64, usize> = BTreeMap::new();
    for key in &mine {
        let sharers: Vec<i64> = case_keys::table
            .filter(case_keys::blind_index.eq(key))
            .filter(case_keys::case_id.ne(id))
            .order_by(case_keys::case_id.desc())
            .select(case_keys::case_id)
            .limit(KEY_SHARERS)
            .load(conn)?;
        for case in sharers {
            *shared.entry(case).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    let candidates: Vec<i64> = ranked
        .into_iter()
        .take(MATCH_CANDIDATES)
        .map(|(case, _)| case)
        .collect();
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<CaseRow> = cases::table
        .filter(cases::id.eq_any(&candidates))
        .filter(cases::wiped_on.is_null())
        .select(CaseRow::as_select())
        .load(conn)?;
    let person = names::PreparedPerson::new(&person_of(sealer, content, governorate)?);
    let mut scored = Vec::new();
    for row in rows {
        let Some(other) = row.content(sealer)? else {
            continue;
        };
        let other = names::PreparedPerson::new(&person_of(sealer, &other, row.governorate())?);
        let verdict = names::compare_prepared(&person, &other);
        if verdict.score >= names::POSSIBLE {
            scored.push((row.id, verdict));
        }
    }
    scored.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    Ok(scored)
}

/// Looks for duplicates of case `id` again and stores what it finds: after a report, an import
/// and when a caseworker asks.
pub fn refresh_matches(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
) -> Result<Vec<CaseMatch>, ApiError> {
    search_duplicates(conn, sealer, id)?;
    matches_of(conn, id)
}

/// [`refresh_matches`] for the search after a report, which nobody waits to read.
pub fn search_duplicates(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
) -> Result<(), ApiError> {
    let row = case_by_id(conn, id)?;
    if let Some(content) = row.content(sealer)? {
        let found = find_duplicates(conn, sealer, id, &content, row.governorate())?;
        crate::db::write_transaction(conn, |conn| store_matches(conn, id, &found))?;
    }
    Ok(())
}

/// Records matches found for `id`, keeping decisions already taken on a pair. An undecided pair
/// that no longer matches (the cases changed, or the matcher learnt better) goes.
pub fn store_matches(
    conn: &mut DbConnection,
    id: i64,
    found: &[(i64, names::Match)],
) -> Result<(), ApiError> {
    let still: Vec<i64> = found.iter().map(|(other, _)| *other).collect();
    diesel::delete(
        case_matches::table
            .filter(case_matches::state.eq("open"))
            .filter(
                case_matches::case_id
                    .eq(id)
                    .and(case_matches::other_id.ne_all(&still))
                    .or(case_matches::other_id
                        .eq(id)
                        .and(case_matches::case_id.ne_all(&still))),
            ),
    )
    .execute(conn)?;
    // One statement per hundred pairs: a report of someone reported many times before found
    // up to 500 of them, and each pair its own statement held the writer's lock that long.
    let mut pairs = Vec::with_capacity(found.len());
    for (other, verdict) in found {
        let reasons =
            serde_json::to_string(&verdict.reasons).map_err(|_| ApiError::internal("reasons"))?;
        pairs.push((
            case_matches::case_id.eq(id.min(*other)),
            case_matches::other_id.eq(id.max(*other)),
            case_matches::score.eq(i32::from(verdict.score)),
            case_matches::reasons.eq(reasons),
            case_matches::state.eq("open"),
        ));
    }
    for chunk in pairs.chunks(100) {
        use diesel::upsert::excluded;
        let upsert = diesel::insert_into(case_matches::table)
            .values(chunk)
            .on_conflict((case_matches::case_id, case_matches::other_id))
            .do_update()
            .set((
                case_matches::score.eq(excluded(case_matches::score)),
                case_matches::reasons.eq(excluded(case_matches::reasons)),
            ));
        match conn {
            DbConnection::Sqlite(conn) => upsert.execute(conn)?,
            DbConnection::Postgres(conn) => upsert.execute(conn)?,
        };
    }
    Ok(())
}

fn match_label(score: u8) -> MatchLabel {
    if score >= names::LIKELY {
        MatchLabel::Likely
    } else if score >= names::POSSIBLE {
        MatchLabel::Possible
    } else {
        MatchLabel::Unlikely
    }
}

fn match_marks(marks: &names::Marks) -> MatchMarks {
    let mark = |mark: names::Mark| match mark {
        names::Mark::Same => FieldMark::Same,
        names::Mark::Variant => FieldMark::Variant,
        names::Mark::Differs => FieldMark::Differs,
        names::Mark::Unknown => FieldMark::Unknown,
    };
    MatchMarks {
        given: mark(marks.given),
        father: mark(marks.father),
        grandfather: mark(marks.grandfather),
        family: mark(marks.family),
        mother: mark(marks.mother),
        birth: mark(marks.birth),
        governorate: mark(marks.governorate),
        phones: mark(marks.phones),
    }
}

pub fn matches_of(conn: &mut DbConnection, id: i64) -> Result<Vec<CaseMatch>, ApiError> {
    let rows: Vec<(i64, i64, i32, String, String)> = case_matches::table
        .filter(
            case_matches::case_id
                .eq(id)
                .or(case_matches::other_id.eq(id)),
        )
        .select((
            case_matches::case_id,
            case_matches::other_id,
            case_matches::score,
            case_matches::reasons,
            case_matches::state,
        ))
        .load(conn)?;
    let others: Vec<i64> = rows
        .iter()
        .map(|(a, b, ..)| if *a == id { *b } else { *a })
        .collect();
    let numbers: BTreeMap<i64, String> = cases::table
        .filter(cases::id.eq_any(&others))
        .select((cases::id, cases::case_number))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut out: Vec<CaseMatch> = rows
        .into_iter()
        .map(|(a, b, score, reasons, state)| {
            let other = if a == id { b } else { a };
            let score = u8::try_from(score.clamp(0, 100)).unwrap_or(0);
            // Written by this server; an unreadable list shows no reasons rather than hiding the match.
            let read: Vec<names::Reason> = serde_json::from_str(&reasons).unwrap_or_default();
            CaseMatch {
                other_id: other,
                other_case_number: numbers.get(&other).cloned().unwrap_or_default(),
                score,
                label: match_label(score),
                marks: match_marks(&names::Marks::from_reasons(&read)),
                reasons: serde_json::from_str(&reasons)
                    .unwrap_or_else(|_| serde_json::Value::Array(Vec::new())),
                state,
            }
        })
        .collect();
    out.sort_by_key(|m| std::cmp::Reverse(m.score));
    Ok(out)
}

fn pair_state(conn: &mut DbConnection, id: i64, other: i64) -> Result<String, ApiError> {
    let (a, b) = (id.min(other), id.max(other));
    case_matches::table
        .find((a, b))
        .select(case_matches::state)
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

fn set_pair_state(
    conn: &mut DbConnection,
    id: i64,
    other: i64,
    state: &str,
) -> Result<(), ApiError> {
    let (a, b) = (id.min(other), id.max(other));
    diesel::update(case_matches::table.find((a, b)))
        .set(case_matches::state.eq(state))
        .execute(conn)?;
    Ok(())
}

/// A caseworker's "not the same person". A merged pair must be unmerged first.
pub fn dismiss_match(conn: &mut DbConnection, id: i64, other: i64) -> Result<(), ApiError> {
    match pair_state(conn, id, other)?.as_str() {
        "merged" => Err(ApiError::MatchConflict),
        _ => set_pair_state(conn, id, other, "dismissed"),
    }
}

pub(crate) fn merge_context(case_ref: &str, merge_ref: &str) -> String {
    format!("case:{case_ref}:merge:{merge_ref}")
}

/// Merges `duplicate` into `kept`: the duplicate is closed as a duplicate and points at the case
/// that stays, never deleted, and what it named moves over; [`unmerge`] undoes all of it. Both
/// cases must hold their data and belong to no other merge. Returns the merge's id.
pub fn merge(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kept: i64,
    duplicate: i64,
    staff_id: &str,
    reason: &str,
) -> Result<i64, ApiError> {
    if pair_state(conn, kept, duplicate)? == "merged" {
        return Err(ApiError::MatchConflict);
    }
    let kept_row = case_by_id(conn, kept)?;
    let duplicate_row = case_by_id(conn, duplicate)?;
    let free = |row: &CaseRow| row.merged_into.is_none() && row.wiped_on.is_none();
    let merged_into_kept: i64 = cases::table
        .filter(cases::merged_into.eq(duplicate))
        .count()
        .get_result(conn)?;
    if !free(&kept_row) || !free(&duplicate_row) || merged_into_kept > 0 {
        return Err(ApiError::MatchConflict);
    }
    let moved = crate::entities::move_mentions(conn, ItemKind::Case, duplicate, kept)?;
    let merge_ref = random_ref();
    let sealed = sealer.seal_text(reason.trim(), &merge_context(&kept_row.ref_key, &merge_ref))?;
    let moved_json =
        serde_json::to_string(&moved).map_err(|_| ApiError::internal("moved entities"))?;
    diesel::insert_into(case_merges::table)
        .values((
            case_merges::kept_id.eq(kept),
            case_merges::duplicate_id.eq(duplicate),
            case_merges::ref_key.eq(&merge_ref),
            case_merges::reason.eq(&sealed),
            case_merges::previous_status.eq(&duplicate_row.status),
            case_merges::previous_close_reason.eq(&duplicate_row.close_reason),
            case_merges::previous_closed_at_ms.eq(duplicate_row.closed_at_ms),
            case_merges::moved_entities.eq(&moved_json),
            case_merges::merged_by.eq(staff_id),
            case_merges::merged_at_ms.eq(now_ms()),
        ))
        .execute(conn)?;
    diesel::update(cases::table.find(duplicate))
        .set((
            cases::merged_into.eq(Some(kept)),
            cases::status.eq(CaseStatus::Closed.as_str()),
            cases::close_reason.eq(Some(CloseReason::Duplicate.as_str())),
            cases::closed_at_ms.eq(Some(crate::anonymous::today_ms())),
            cases::updated_at_ms.eq(crate::anonymous::today_ms()),
        ))
        .execute(conn)?;
    triage::status_changed(conn, ItemKind::Case, duplicate, CaseStatus::Closed.as_str())?;
    set_pair_state(conn, kept, duplicate, "merged")?;
    Ok(case_merges::table
        .filter(case_merges::ref_key.eq(&merge_ref))
        .select(case_merges::id)
        .first(conn)?)
}

/// Undoes the merge of `duplicate` into `kept`: the duplicate gets back its status, close reason
/// and closing time and what it named, and the pair is undecided again. Returns the merge's id.
pub fn unmerge(
    conn: &mut DbConnection,
    kept: i64,
    duplicate: i64,
    staff_id: &str,
) -> Result<i64, ApiError> {
    let duplicate_row = case_by_id(conn, duplicate)?;
    if pair_state(conn, kept, duplicate)? != "merged"
        || duplicate_row.merged_into != Some(kept)
        || duplicate_row.wiped_on.is_some()
    {
        return Err(ApiError::MatchConflict);
    }
    type Undo = (i64, String, Option<String>, Option<i64>, String);
    let (merge_id, status, close_reason, closed_at_ms, moved): Undo = case_merges::table
        .filter(case_merges::kept_id.eq(kept))
        .filter(case_merges::duplicate_id.eq(duplicate))
        .filter(case_merges::unmerged_at_ms.is_null())
        .order(case_merges::id.desc())
        .select((
            case_merges::id,
            case_merges::previous_status,
            case_merges::previous_close_reason,
            case_merges::previous_closed_at_ms,
            case_merges::moved_entities,
        ))
        .first(conn)
        .optional()?
        .ok_or(ApiError::MatchConflict)?;
    let moved: Vec<(i64, bool)> =
        serde_json::from_str(&moved).map_err(|_| ApiError::internal("moved entities"))?;
    diesel::update(cases::table.find(duplicate))
        .set((
            cases::merged_into.eq(None::<i64>),
            cases::status.eq(&status),
            cases::close_reason.eq(&close_reason),
            cases::closed_at_ms.eq(closed_at_ms),
            cases::updated_at_ms.eq(crate::anonymous::today_ms()),
        ))
        .execute(conn)?;
    triage::status_changed(conn, ItemKind::Case, duplicate, &status)?;
    crate::entities::restore_mentions(conn, ItemKind::Case, &moved, duplicate, kept)?;
    diesel::update(case_merges::table.find(merge_id))
        .set((
            case_merges::unmerged_by.eq(Some(staff_id)),
            case_merges::unmerged_at_ms.eq(Some(now_ms())),
        ))
        .execute(conn)?;
    set_pair_state(conn, kept, duplicate, "open")?;
    Ok(merge_id)
}

/// Which rules made the stored name keys and word indexes: [`crate::names`]' tokens, table of
/// spellings and skeletons. When they change, the keys of stored cases are made again (see
/// [`refresh_name_keys`]), or search and duplicate detection would miss them. 2: articles in every
/// position, Cyrillic, the transliteration key of issue 17.
pub const NAME_KEYS_VERSION: &str = "2";
const NAME_KEYS_SETTING: &str = "case_name_keys_version";
const NAME_KEYS_CURSOR: &str = "case_name_keys_cursor";

/// On a database without cases, records today's rules as those of every case's name keys, and
/// says so: cases added after this through [`insert_case`] are keyed with today's rules, so the
/// server's start need not make their keys again. For tools that fill a database the server
/// never opened (the bench's 100,000 seeded cases were re-keyed at its start, 200 at a time under
/// the writer's lock, while the bench measured). Where cases exist it records nothing.
pub fn name_keys_current_when_empty(conn: &mut DbConnection) -> Result<bool, ApiError> {
    crate::db::write_transaction(conn, |conn| {
        let any: Option<i64> = cases::table.select(cases::id).first(conn).optional()?;
        if any.is_some() {
            return Ok(false);
        }
        crate::settings::set(conn, NAME_KEYS_SETTING, NAME_KEYS_VERSION)?;
        Ok(true)
    })
}

/// Makes the keys of up to `limit` cases again, from where the last call stopped (kept in the
/// settings, so a restart resumes). Returns how many it did; 0 once every case is current, and
/// then the undecided duplicate pairs are searched again and the version is recorded.
pub fn refresh_name_keys(
    conn: &mut DbConnection,
    sealer: &Sealer,
    limit: i64,
) -> Result<usize, ApiError> {
    if crate::settings::get(conn, NAME_KEYS_SETTING)?.as_deref() == Some(NAME_KEYS_VERSION) {
        return Ok(0);
    }
    let after: i64 = crate::settings::get(conn, NAME_KEYS_CURSOR)?
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let done = crate::db::write_transaction(conn, |conn| {
        let rows: Vec<CaseRow> = cases::table
            .filter(cases::id.gt(after))
            .filter(cases::wiped_on.is_null())
            .order(cases::id.asc())
            .limit(limit)
            .select(CaseRow::as_select())
            .load(conn)?;
        for row in &rows {
            let Some(content) = row.content(sealer)? else {
                continue;
            };
            insert_keys(conn, row.id, &keys(sealer, &content, row.governorate())?)?;
            triage::index_words(conn, ItemKind::Case, row.id, &words_of(sealer, &content)?)?;
        }
        if let Some(last) = rows.last() {
            crate::settings::set(conn, NAME_KEYS_CURSOR, &last.id.to_string())?;
        }
        Ok::<_, ApiError>(rows.len())
    })?;
    if done > 0 {
        return Ok(done);
    }
    let undecided: Vec<(i64, i64)> = case_matches::table
        .filter(case_matches::state.eq("open"))
        .select((case_matches::case_id, case_matches::other_id))
        .load(conn)?;
    let mut searched = BTreeSet::new();
    for (a, b) in undecided {
        for id in [a, b] {
            if searched.insert(id) {
                refresh_matches(conn, sealer, id)?;
            }
        }
    }
    crate::db::write_transaction(conn, |conn| {
        crate::settings::set(conn, NAME_KEYS_SETTING, NAME_KEYS_VERSION)?;
        diesel::delete(crate::schema::settings::table.find(NAME_KEYS_CURSOR)).execute(conn)?;
        Ok::<_, ApiError>(())
    })?;
    Ok(0)
}

/// Closed cases whose period ran out lose their personal data: content, photo, keys, notes'
/// and messages' text. The row stays with its number and dates, as Person Finder does.
pub fn wipe_expired(conn: &mut DbConnection, closed_before_ms: i64) -> Result<usize, ApiError> {
    let ids: Vec<i64> = cases::table
        .filter(cases::status.eq(CaseStatus::Closed.as_str()))
        .filter(cases::closed_at_ms.lt(closed_before_ms))
        .filter(cases::wiped_on.is_null())
        .select(cases::id)
        .load(conn)?;
    for id in &ids {
        wipe(conn, *id)?;
    }
    Ok(ids.len())
}

/// Removes a case's personal data and leaves its placeholder: the row with its number, status
/// and dates, so a receipt or a partner's record id still finds that it existed.
pub fn wipe(conn: &mut DbConnection, id: i64) -> Result<(), ApiError> {
    diesel::update(cases::table.find(id))
        .set((
            cases::content.eq(None::<Vec<u8>>),
            cases::receipt_hash.eq(None::<String>),
            cases::wiped_on.eq(Some(today())),
        ))
        .execute(conn)?;
    diesel::delete(case_keys::table.filter(case_keys::case_id.eq(id))).execute(conn)?;
    diesel::delete(case_photos::table.filter(case_photos::case_id.eq(id))).execute(conn)?;
    diesel::delete(case_notes::table.filter(case_notes::case_id.eq(id))).execute(conn)?;
    diesel::delete(case_messages::table.filter(case_messages::case_id.eq(id))).execute(conn)?;
    crate::exchange::kept::forget(conn, id)?;
    triage::forget_words(conn, ItemKind::Case, id)?;
    crate::entities::forget(conn, ItemKind::Case, id)
}

/// One retention pass, audited: cases closed more than `days` ago lose their personal data.
pub fn retention_pass(
    conn: &mut DbConnection,
    seal: &crate::audit::Seal,
    days: u32,
) -> Result<usize, ApiError> {
    let cutoff = now_ms() - i64::from(days) * 24 * 3600 * 1000;
    crate::db::write_transaction(conn, |conn| {
        let mut wiped = wipe_expired(conn, cutoff)?;
        // A partner's record past the expiry its author set goes too, whatever its status.
        for id in crate::exchange::kept::expired(conn, now_ms())? {
            wipe(conn, id)?;
            wiped += 1;
        }
        if wiped > 0 {
            crate::audit::append(
                conn,
                seal,
                &crate::audit::Entry {
                    actor: crate::audit::Actor::System,
                    action: "cases_wiped",
                    object: "cases".into(),
                    details: serde_json::json!({ "count": wiped, "retention_days": days }),
                },
            )?;
        }
        Ok(wiped)
    })
}

pub fn set_status(
    conn: &mut DbConnection,
    id: i64,
    status: CaseStatus,
    reason: Option<CloseReason>,
) -> Result<(), ApiError> {
    let closed = status == CaseStatus::Closed;
    diesel::update(cases::table.find(id))
        .set((
            cases::status.eq(status.as_str()),
            cases::close_reason.eq(reason.filter(|_| closed).map(CloseReason::as_str)),
            cases::closed_at_ms.eq(closed.then(crate::anonymous::today_ms)),
            cases::deceased_proposed_by.eq(None::<String>),
            cases::updated_at_ms.eq(crate::anonymous::today_ms()),
        ))
        .execute(conn)?;
    triage::status_changed(conn, ItemKind::Case, id, status.as_str())
}

pub fn propose_deceased(conn: &mut DbConnection, id: i64, staff_id: &str) -> Result<(), ApiError> {
    diesel::update(cases::table.find(id))
        .set((
            cases::deceased_proposed_by.eq(Some(staff_id)),
            cases::updated_at_ms.eq(crate::anonymous::today_ms()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Replaces a case's sealed content and keys (partner updates on PFIF import).
pub fn replace_content(
    conn: &mut DbConnection,
    sealer: &Sealer,
    case: &CaseRow,
    content: &CaseContent,
    governorate: Option<Governorate>,
) -> Result<(), ApiError> {
    let json = serde_json::to_string(content).map_err(|_| ApiError::internal("case JSON"))?;
    let sealed = sealer.seal_text(&json, &content_context(&case.ref_key))?;
    diesel::update(cases::table.find(case.id))
        .set((
            cases::content.eq(Some(sealed)),
            cases::governorate.eq(governorate.map(Governorate::as_str)),
            cases::updated_at_ms.eq(crate::anonymous::today_ms()),
        ))
        .execute(conn)?;
    insert_keys(conn, case.id, &keys(sealer, content, governorate)?)?;
    let named = crate::entities::seal(sealer, &crate::entities::in_case(content))?;
    crate::entities::replace(conn, ItemKind::Case, case.id, &named)?;
    triage::index_words(conn, ItemKind::Case, case.id, &words_of(sealer, content)?)
}

/// What a case names, read again from its content (cases that arrived before entities were
/// kept). `None` once its personal data was removed or it is gone.
pub fn entities_of(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
) -> Result<Option<Vec<crate::entities::Found>>, ApiError> {
    let Some(case) = cases::table
        .find(id)
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    Ok(case
        .content(sealer)?
        .map(|content| crate::entities::in_case(&content)))
}

/// The cases with these ids, in the order given (a queue page's order); ids with no case
/// are left out.
pub fn rows_in_order(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<CaseRow>, ApiError> {
    let mut found: BTreeMap<i64, CaseRow> = cases::table
        .filter(cases::id.eq_any(ids))
        .select(CaseRow::as_select())
        .load::<CaseRow>(conn)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// The caseworkers' list line of a case.
pub fn summary(
    row: &CaseRow,
    name: Option<String>,
    open_matches: u32,
    triage: Option<sanad_shared::triage::Triage>,
) -> sanad_shared::cases::CaseSummary {
    sanad_shared::cases::CaseSummary {
        id: row.id,
        case_number: row.case_number.clone(),
        status: row.status(),
        governorate: row.governorate(),
        reported_on: row.reported_on.clone(),
        name,
        open_matches,
        triage,
    }
}

/// List lines: the decrypted name chain and the number of undecided duplicates.
pub fn summaries(
    conn: &mut DbConnection,
    sealer: &Sealer,
    rows: Vec<CaseRow>,
) -> Result<Vec<sanad_shared::cases::CaseSummary>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let pairs: Vec<(i64, i64)> = case_matches::table
        .filter(case_matches::state.eq("open"))
        .filter(
            case_matches::case_id
                .eq_any(&ids)
                .or(case_matches::other_id.eq_any(&ids)),
        )
        .select((case_matches::case_id, case_matches::other_id))
        .load(conn)?;
    let mut open: BTreeMap<i64, u32> = BTreeMap::new();
    for (a, b) in pairs {
        *open.entry(a).or_default() += 1;
        *open.entry(b).or_default() += 1;
    }
    let mut triaged = triage::summaries(conn, ItemKind::Case, &ids)?;
    rows.iter()
        .map(|row| {
            let name = row.content(sealer)?.map(|c| c.names.full());
            Ok(summary(
                row,
                name,
                open.get(&row.id).copied().unwrap_or(0),
                triaged.remove(&row.id),
            ))
        })
        .collect()
}

/// Cases whose names hold every word of `query`, in either script, best first (most words
/// matched, then newest).
pub fn search(
    conn: &mut DbConnection,
    sealer: &Sealer,
    query: &str,
) -> Result<Vec<CaseRow>, ApiError> {
    let keys: Vec<String> = names::search_keys(query)
        .into_iter()
        .map(|key| {
            sealer
                .blind_index("case-name", &key)
                .map_err(|_| ApiError::internal("blind index"))
        })
        .collect::<Result<_, _>>()?;
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: BTreeSet<&String> = keys.iter().collect();
    let hits: Vec<(i64, String)> = case_keys::table
        .filter(case_keys::kind.eq("name"))
        .filter(case_keys::blind_index.eq_any(&keys))
        .select((case_keys::case_id, case_keys::blind_index))
        .limit(5000)
        .load(conn)?;
    let mut per_case: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for (id, key) in hits {
        per_case.entry(id).or_default().insert(key);
    }
    let mut ids: Vec<(usize, i64)> = per_case
        .into_iter()
        .filter(|(_, found)| found.len() == wanted.len())
        .map(|(id, found)| (found.len(), id))
        .collect();
    ids.sort_by(|a, b| b.cmp(a));
    ids.truncate(100);
    let ids: Vec<i64> = ids.into_iter().map(|(_, id)| id).collect();
    let mut rows: Vec<CaseRow> = cases::table
        .filter(cases::id.eq_any(&ids))
        .select(CaseRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|r| std::cmp::Reverse(r.id));
    Ok(rows)
}

/// The display name of a staff member, for note authors.
pub fn staff_name(conn: &mut DbConnection, staff_id: &str) -> Result<String, ApiError> {
    use crate::schema::staff;
    Ok(staff::table
        .find(staff_id)
        .select(staff::display_name)
        .first(conn)
        .optional()?
        .unwrap_or_else(|| staff_id.to_owned()))
}

/// Everything a caseworker sees of a case.
pub fn detail(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
) -> Result<sanad_shared::cases::CaseDetail, ApiError> {
    let row = case_by_id(conn, id)?;
    let has_photo = case_photos::table
        .find(id)
        .count()
        .get_result::<i64>(conn)?
        > 0;
    let mut notes = notes(conn, sealer, &row)?;
    for (note_id, linked) in crate::exchange::kept::note_links(conn, sealer, &row)? {
        let case: Option<i64> = cases::table
            .filter(cases::pfif_record_id.eq(&linked))
            .select(cases::id)
            .first(conn)
            .optional()?;
        for note in notes.iter_mut().filter(|n| n.id == note_id) {
            note.linked_record = Some(linked.clone());
            note.linked_case = case;
        }
    }
    Ok(sanad_shared::cases::CaseDetail {
        id,
        case_number: row.case_number.clone(),
        status: row.status(),
        close_reason: row.close_reason.as_deref().and_then(CloseReason::parse),
        consent: row.consent(),
        governorate: row.governorate(),
        reported_on: row.reported_on.clone(),
        merged_into: row.merged_into,
        wiped_on: row.wiped_on.clone(),
        deceased_proposed: row.deceased_proposed_by.is_some(),
        record: row.content(sealer)?,
        has_photo,
        notes,
        messages: messages(conn, sealer, &row)?,
        matches: matches_of(conn, id)?,
        triage: triage::view(conn, sealer, ItemKind::Case, id)?,
        partner: crate::exchange::kept::partner_record(conn, sealer, &row)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_are_short_and_free_of_look_alikes() {
        for _ in 0..200 {
            let number = new_case_number();
            assert_eq!(number.len(), 12, "{number}");
            assert!(number.starts_with("MP-"));
            assert_eq!(&number[7..8], "-");
            assert!(!number[3..].contains(['0', '1', 'O', 'I', 'L']), "{number}");
        }
    }
}
