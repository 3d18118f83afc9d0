//! Anonymous tips: turning a submission into sealed rows, finding a tip again from its receipt,
//! the conversation and the moderators' reads and changes.
//!
//! What a tipster wrote is sealed with [`Sealer`] and bound to the tip's random `ref_key`, so a
//! sealed value copied to another row does not open. Phone numbers and accounts are also kept
//! as blind indexes so tips that share one can be linked without storing either in the clear.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use sanad_shared::{
    phone::PhoneNumber,
    tips::{
        AttachmentInfo, Governorate, LinkedTip, MessageAuthor, NewTip, OnlineAccount, TipDetail,
        TipFollowUp, TipMessage, TipStatus, TipSubject, TipSummary, YearMonth,
        MAX_ATTACHMENTS_PER_TIP,
    },
    triage::ItemKind,
    Language,
};
use serde::{Deserialize, Serialize};

use crate::{
    anonymous::{random_ref, today},
    attachments::CleanImage,
    conversation::{Conversation, Queued, SealedMessage},
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    schema::{tip_attachments, tip_identifiers, tip_messages, tips},
    triage,
};

/// The sealed part of a tip.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TipContent {
    pub description: String,
    pub names: Vec<String>,
    /// E.164.
    pub phones: Vec<String>,
    pub accounts: Vec<OnlineAccount>,
    pub agency: Option<String>,
    pub place: Option<String>,
}

/// A submission that passed every check, ready to be sealed and stored.
pub struct CheckedTip {
    pub subject: TipSubject,
    pub governorate: Option<Governorate>,
    pub approximate_date: Option<YearMonth>,
    pub language: Option<Language>,
    pub content: TipContent,
    /// The day someone is said to leave, `YYYY-MM-DD`.
    pub departure_on: Option<String>,
    pub minor_involved: bool,
}

fn trimmed(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl CheckedTip {
    /// Applies the shared limits and normalises phone numbers to E.164.
    pub fn check(tip: NewTip) -> Result<CheckedTip, ApiError> {
        let tip = tip.cleaned();
        let problems = tip.problems();
        if !problems.is_empty() {
            return Err(ApiError::InvalidTip(problems));
        }
        let mut phones = Vec::new();
        for (index, typed) in tip.phones.iter().enumerate() {
            if typed.trim().is_empty() {
                continue;
            }
            let phone =
                PhoneNumber::parse(typed).map_err(|_| ApiError::InvalidPhoneNumber { index })?;
            if !phones.contains(&phone.e164().to_owned()) {
                phones.push(phone.e164().to_owned());
            }
        }
        Ok(CheckedTip {
            departure_on: tip
                .departure_on
                .as_deref()
                .and_then(sanad_shared::triage::parse_day),
            minor_involved: tip.minor_involved,
            subject: tip.subject,
            governorate: tip.governorate,
            approximate_date: tip.approximate_date,
            language: tip.language,
            content: TipContent {
                description: tip.description.trim().to_owned(),
                names: tip.names.iter().filter_map(|n| trimmed(n)).collect(),
                phones,
                accounts: tip
                    .accounts
                    .into_iter()
                    .filter(|a| !a.handle.trim().is_empty())
                    .map(|a| OnlineAccount {
                        platform: a.platform,
                        handle: a.handle.trim().to_owned(),
                    })
                    .collect(),
                agency: tip.agency.as_deref().and_then(trimmed),
                place: tip.place.as_deref().and_then(trimmed),
            },
        })
    }
}

pub(crate) fn content_context(tip_ref: &str) -> String {
    format!("tip:{tip_ref}:content")
}

pub(crate) fn public_message_context(tip_ref: &str) -> String {
    format!("tip:{tip_ref}:public_message")
}

pub(crate) fn message_context(tip_ref: &str, message_ref: &str) -> String {
    format!("tip:{tip_ref}:message:{message_ref}")
}

pub(crate) fn attachment_context(tip_ref: &str, attachment_ref: &str) -> String {
    format!("tip:{tip_ref}:attachment:{attachment_ref}")
}

/// The blind indexes of a tip's phone numbers and accounts, with the value each stands for.
pub fn identifiers(
    sealer: &Sealer,
    content: &TipContent,
) -> Result<Vec<(&'static str, String, String)>, ApiError> {
    let mut out = Vec::new();
    for phone in &content.phones {
        let index = sealer
            .blind_index("phone", phone)
            .map_err(|_| ApiError::internal("blind index"))?;
        out.push(("phone", index, phone.clone()));
    }
    for account in &content.accounts {
        if let Some(normalised) = account.normalised() {
            let index = sealer
                .blind_index("account", &normalised)
                .map_err(|_| ApiError::internal("blind index"))?;
            if !out.iter().any(|(_, i, _)| *i == index) {
                out.push(("account", index, normalised));
            }
        }
    }
    Ok(out)
}

/// A picture sealed for one tip, ready to insert.
pub struct SealedImage {
    ref_key: String,
    mime: &'static str,
    width: i32,
    height: i32,
    size_bytes: i32,
    data: Vec<u8>,
}

pub fn seal_images(
    sealer: &Sealer,
    tip_ref: &str,
    images: Vec<CleanImage>,
) -> Result<Vec<SealedImage>, ApiError> {
    images
        .into_iter()
        .map(|image| {
            let ref_key = random_ref();
            let data = sealer
                .seal(
                    &image.bytes,
                    attachment_context(tip_ref, &ref_key).as_bytes(),
                )
                .map_err(|_| ApiError::internal("sealing"))?;
            Ok(SealedImage {
                ref_key,
                mime: image.kind.mime(),
                width: i32::try_from(image.width).unwrap_or(i32::MAX),
                height: i32::try_from(image.height).unwrap_or(i32::MAX),
                size_bytes: i32::try_from(image.bytes.len()).unwrap_or(i32::MAX),
                data,
            })
        })
        .collect()
}

/// Everything of a new tip that goes into the database, sealed.
pub struct SealedTip {
    pub ref_key: String,
    subject: TipSubject,
    governorate: Option<Governorate>,
    approximate_month: Option<String>,
    language: Option<Language>,
    content: Vec<u8>,
    identifiers: Vec<(&'static str, String)>,
    images: Vec<SealedImage>,
    /// For the priority rules, kept beside the sealed content (see `triage`).
    departure_on: Option<String>,
    minor: bool,
    /// Blind indexes of its words, for staff search.
    words: Vec<String>,
    /// The numbers, accounts and agency it names.
    entities: Vec<crate::entities::Named>,
}

pub fn seal_tip(
    sealer: &Sealer,
    tip: &CheckedTip,
    images: Vec<CleanImage>,
) -> Result<SealedTip, ApiError> {
    let ref_key = random_ref();
    let json = serde_json::to_string(&tip.content).map_err(|_| ApiError::internal("tip JSON"))?;
    let content = sealer.seal_text(&json, &content_context(&ref_key))?;
    let identifiers = identifiers(sealer, &tip.content)?
        .into_iter()
        .map(|(kind, index, _)| (kind, index))
        .collect();
    let images = seal_images(sealer, &ref_key, images)?;
    Ok(SealedTip {
        subject: tip.subject,
        governorate: tip.governorate,
        approximate_month: tip.approximate_date.map(|m| m.to_string()),
        language: tip.language,
        content,
        identifiers,
        images,
        ref_key,
        departure_on: tip.departure_on.clone(),
        minor: tip.minor_involved,
        words: words_of(sealer, &tip.content)?,
        entities: crate::entities::seal(sealer, &crate::entities::in_tip(&tip.content))?,
    })
}

/// The searchable words of a tip: its description, names, agency and place.
pub(crate) fn words_of(sealer: &Sealer, content: &TipContent) -> Result<Vec<String>, ApiError> {
    let mut texts: Vec<&str> = vec![&content.description];
    texts.extend(content.names.iter().map(String::as_str));
    texts.extend(content.agency.as_deref());
    texts.extend(content.place.as_deref());
    triage::word_indexes(sealer, &texts)
}

fn insert_images(
    conn: &mut DbConnection,
    tip_id: i64,
    images: &[SealedImage],
) -> Result<(), ApiError> {
    for image in images {
        diesel::insert_into(tip_attachments::table)
            .values((
                tip_attachments::tip_id.eq(tip_id),
                tip_attachments::ref_key.eq(&image.ref_key),
                tip_attachments::mime.eq(image.mime),
                tip_attachments::width.eq(image.width),
                tip_attachments::height.eq(image.height),
                tip_attachments::size_bytes.eq(image.size_bytes),
                tip_attachments::data.eq(&image.data),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Stores a sealed tip under `receipt_hash`. `Ok(None)` when another tip already has that hash
/// (two equal receipts: astronomically rare, and the caller draws a new one).
pub fn insert_tip(
    conn: &mut DbConnection,
    tip: &SealedTip,
    receipt_hash: &str,
) -> Result<Option<i64>, ApiError> {
    let taken: i64 = tips::table
        .filter(tips::receipt_hash.eq(receipt_hash))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Ok(None);
    }
    diesel::insert_into(tips::table)
        .values((
            tips::ref_key.eq(&tip.ref_key),
            tips::receipt_hash.eq(receipt_hash),
            tips::subject.eq(tip.subject.as_str()),
            tips::status.eq(TipStatus::New.as_str()),
            tips::governorate.eq(tip.governorate.map(Governorate::as_str)),
            tips::approximate_month.eq(tip.approximate_month.as_deref()),
            tips::language.eq(tip.language.map(Language::code)),
            tips::received_on.eq(today()),
            tips::content.eq(&tip.content),
            tips::public_message.eq(None::<Vec<u8>>),
            tips::awaiting_reply.eq(false),
        ))
        .execute(conn)?;
    let id: i64 = tips::table
        .filter(tips::ref_key.eq(&tip.ref_key))
        .select(tips::id)
        .first(conn)?;
    for (kind, index) in &tip.identifiers {
        diesel::insert_into(tip_identifiers::table)
            .values((
                tip_identifiers::tip_id.eq(id),
                tip_identifiers::kind.eq(*kind),
                tip_identifiers::blind_index.eq(index),
            ))
            .execute(conn)?;
    }
    insert_images(conn, id, &tip.images)?;
    triage::arrived(
        conn,
        ItemKind::Tip,
        id,
        &triage::Arrival {
            status: TipStatus::New.as_str().to_owned(),
            governorate: tip.governorate.map(|g| g.as_str().to_owned()),
            received_on: today(),
            departure_on: tip.departure_on.clone(),
            minor: tip.minor,
            has_attachments: !tip.images.is_empty(),
        },
    )?;
    triage::index_words(conn, ItemKind::Tip, id, &tip.words)?;
    crate::entities::record(conn, ItemKind::Tip, id, &tip.entities)?;
    Ok(Some(id))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = tips)]
struct TipRow {
    id: i64,
    ref_key: String,
    subject: String,
    status: String,
    governorate: Option<String>,
    approximate_month: Option<String>,
    language: Option<String>,
    received_on: String,
    content: Vec<u8>,
    public_message: Option<Vec<u8>>,
    closed_on: Option<String>,
    wiped_on: Option<String>,
    awaiting_reply: bool,
}

impl TipRow {
    /// What the tipster wrote; nothing once retention removed it.
    fn content(&self, sealer: &Sealer) -> Result<TipContent, ApiError> {
        if self.wiped_on.is_some() {
            return Ok(TipContent::default());
        }
        serde_json::from_str(&sealer.open_text(&self.content, &content_context(&self.ref_key))?)
            .map_err(|_| ApiError::internal("tip content JSON"))
    }

    fn subject(&self) -> TipSubject {
        TipSubject::parse(&self.subject).unwrap_or(TipSubject::Other)
    }

    fn status(&self) -> TipStatus {
        TipStatus::parse(&self.status).unwrap_or(TipStatus::New)
    }

    fn governorate(&self) -> Option<Governorate> {
        self.governorate.as_deref().and_then(Governorate::parse)
    }

    fn public_message(&self, sealer: &Sealer) -> Result<Option<String>, ApiError> {
        self.public_message
            .as_deref()
            .map(|sealed| sealer.open_text(sealed, &public_message_context(&self.ref_key)))
            .transpose()
    }
}

fn tip_by_ref(conn: &mut DbConnection, tip_ref: &str) -> Result<TipRow, ApiError> {
    tips::table
        .filter(tips::ref_key.eq(tip_ref))
        .select(TipRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(ApiError::FollowUpExpired)
}

fn tip_by_id(conn: &mut DbConnection, id: i64) -> Result<TipRow, ApiError> {
    tips::table
        .find(id)
        .select(TipRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

fn messages(
    conn: &mut DbConnection,
    sealer: &Sealer,
    tip: &TipRow,
) -> Result<Vec<TipMessage>, ApiError> {
    let rows: Vec<(i64, String, String, Vec<u8>, String)> = tip_messages::table
        .filter(tip_messages::tip_id.eq(tip.id))
        .order(tip_messages::id.asc())
        .select((
            tip_messages::id,
            tip_messages::ref_key,
            tip_messages::author,
            tip_messages::body,
            tip_messages::sent_on,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, ref_key, author, body, sent_on)| {
            Ok(TipMessage {
                id,
                author: if author == "moderator" {
                    MessageAuthor::Moderator
                } else {
                    MessageAuthor::Tipster
                },
                body: sealer.open_text(&body, &message_context(&tip.ref_key, &ref_key))?,
                sent_on,
            })
        })
        .collect()
}

fn attachment_count(conn: &mut DbConnection, tip_id: i64) -> Result<u32, ApiError> {
    let count: i64 = tip_attachments::table
        .filter(tip_attachments::tip_id.eq(tip_id))
        .count()
        .get_result(conn)?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// What the tipster sees on follow-up.
pub fn follow_up_view(
    conn: &mut DbConnection,
    sealer: &Sealer,
    tip_ref: &str,
) -> Result<TipFollowUp, ApiError> {
    let tip = tip_by_ref(conn, tip_ref)?;
    let attachments = attachment_count(conn, tip.id)?;
    let limit = u32::try_from(MAX_ATTACHMENTS_PER_TIP).unwrap_or(u32::MAX);
    Ok(TipFollowUp {
        status: tip.status().public(),
        public_message: tip.public_message(sealer)?,
        received_on: tip.received_on.clone(),
        messages: messages(conn, sealer, &tip)?,
        attachments,
        attachments_left: if tip.wiped_on.is_some() {
            0
        } else {
            limit.saturating_sub(attachments)
        },
        content_removed: tip.wiped_on.is_some(),
    })
}

/// A message sealed for one tip, ready to insert.
pub fn seal_message(sealer: &Sealer, tip_ref: &str, body: &str) -> Result<SealedMessage, ApiError> {
    SealedMessage::seal(sealer, body, |message_ref| {
        message_context(tip_ref, message_ref)
    })
}

/// Adds a message to the conversation; `staff_id` is the moderator, `None` the tipster. Refuses
/// (`follow_up_expired`, the tip is gone) before writing anything, so it may run unguarded in a
/// group commit.
pub fn add_message(
    conn: &mut DbConnection,
    tip_ref: &str,
    message: SealedMessage,
    staff_id: Option<&str>,
) -> Result<TipMessage, ApiError> {
    let author = if staff_id.is_some() {
        MessageAuthor::Moderator
    } else {
        MessageAuthor::Tipster
    };
    let author_name = match author {
        MessageAuthor::Moderator => "moderator",
        MessageAuthor::Tipster => "tipster",
    };
    let sent_on = today();
    // A message is bound by its round trips to the database (the follow-up bench, PostgreSQL):
    // one statement there; on SQLite, which has no writes inside WITH, a look-up and an insert,
    // and an update only when the tip's flag changes. Either way the tip is
    // found, or the message refused, before anything is written.
    let id: i64 = if let DbConnection::Postgres(pg) = conn {
        #[derive(diesel::QueryableByName)]
        struct Inserted {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            id: i64,
        }
        use diesel::sql_types::{Binary, Bool, Nullable, Text};
        diesel::sql_query(
            "WITH tip AS (UPDATE tips SET awaiting_reply = $1 WHERE ref_key = $2 RETURNING id) \
             INSERT INTO tip_messages (tip_id, ref_key, author, staff_id, body, sent_on) \
             SELECT id, $3, $4, $5, $6, $7 FROM tip RETURNING id",
        )
        .bind::<Bool, _>(staff_id.is_none())
        .bind::<Text, _>(tip_ref)
        .bind::<Text, _>(&message.ref_key)
        .bind::<Text, _>(author_name)
        .bind::<Nullable<Text>, _>(staff_id)
        .bind::<Binary, _>(&message.body)
        .bind::<Text, _>(&sent_on)
        .get_result::<Inserted>(pg)
        .optional()?
        .ok_or(ApiError::FollowUpExpired)?
        .id
    } else {
        let (tip_id, awaiting): (i64, bool) = tips::table
            .filter(tips::ref_key.eq(tip_ref))
            .select((tips::id, tips::awaiting_reply))
            .first(conn)
            .optional()?
            .ok_or(ApiError::FollowUpExpired)?;
        // SQLite rewrites a row it updates even to the same value, and a tip's row holds the
        // sealed report: a tipster's second message need not copy it again.
        if awaiting != staff_id.is_none() {
            diesel::update(tips::table.find(tip_id))
                .set(tips::awaiting_reply.eq(staff_id.is_none()))
                .execute(conn)?;
        }
        diesel::insert_into(tip_messages::table)
            .values((
                tip_messages::tip_id.eq(tip_id),
                tip_messages::ref_key.eq(&message.ref_key),
                tip_messages::author.eq(author_name),
                tip_messages::staff_id.eq(staff_id),
                tip_messages::body.eq(&message.body),
                tip_messages::sent_on.eq(&sent_on),
            ))
            .returning(tip_messages::id)
            .get_result(conn)?
    };
    Ok(TipMessage {
        id,
        author,
        body: message.plain,
        sent_on,
    })
}

/// A tipster's message, written with the other messages of its group commit.
pub type TipsterMessage = Queued<TipsterMessages>;

/// Where tipsters' messages go. The tip is flagged only when it is not already awaiting a
/// reply: a tip row holds the sealed report, and PostgreSQL writes a whole new copy of it on
/// every update, even one that changes nothing.
pub struct TipsterMessages;

impl Conversation for TipsterMessages {
    const PARENTS: &'static str = "parent AS (SELECT id, ref_key, awaiting_reply FROM tips \
         WHERE ref_key IN (SELECT parent_ref FROM input) FOR KEY SHARE), \
         flagged AS (UPDATE tips SET awaiting_reply = TRUE \
         WHERE id IN (SELECT id FROM parent WHERE NOT awaiting_reply))";
    const TABLE: &'static str = "tip_messages";
    const PARENT_ID: &'static str = "tip_id";
    const AUTHOR: &'static str = "tipster";

    fn add_one(
        conn: &mut DbConnection,
        tip_ref: &str,
        message: SealedMessage,
    ) -> Result<TipMessage, ApiError> {
        add_message(conn, tip_ref, message, None)
    }
}

/// Adds pictures to a tip, within the per-tip limit. Returns (added, total).
pub fn add_images(
    conn: &mut DbConnection,
    tip_ref: &str,
    images: &[SealedImage],
) -> Result<(u32, u32), ApiError> {
    let tip_id: i64 = tips::table
        .filter(tips::ref_key.eq(tip_ref))
        .select(tips::id)
        .first(conn)
        .optional()?
        .ok_or(ApiError::FollowUpExpired)?;
    let existing = attachment_count(conn, tip_id)? as usize;
    if existing + images.len() > MAX_ATTACHMENTS_PER_TIP {
        return Err(ApiError::TooManyImages {
            max: MAX_ATTACHMENTS_PER_TIP,
        });
    }
    insert_images(conn, tip_id, images)?;
    if !images.is_empty() {
        triage::attachments_added(conn, ItemKind::Tip, tip_id)?;
    }
    let added = u32::try_from(images.len()).unwrap_or(u32::MAX);
    Ok((added, u32::try_from(existing).unwrap_or(0) + added))
}

/// The `ref_key` of a tip, for staff writes that seal values.
pub fn ref_of(conn: &mut DbConnection, id: i64) -> Result<String, ApiError> {
    tips::table
        .find(id)
        .select(tips::ref_key)
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

/// Moderators' list, newest first.
/// The queue lines of these tips, in the order given (the queue's order).
/// Characters of a tip's description its queue line shows.
pub const SNIPPET_CHARS: usize = 140;

/// The first words of `text`, cut at a word boundary near `SNIPPET_CHARS`, with "…" when cut.
fn snippet(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SNIPPET_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

/// Queue lines for these tips, in the order given; each opens the tip's sealed content for the
/// first words of its description, so the caller audits the listing as a read.
pub fn summaries(
    conn: &mut DbConnection,
    sealer: &Sealer,
    ids: &[i64],
) -> Result<Vec<TipSummary>, ApiError> {
    let rows: Vec<TipRow> = tips::table
        .filter(tips::id.eq_any(ids))
        .select(TipRow::as_select())
        .load(conn)?;
    let attachment_counts: BTreeMap<i64, i64> = tip_attachments::table
        .filter(tip_attachments::tip_id.eq_any(ids))
        .group_by(tip_attachments::tip_id)
        .select((tip_attachments::tip_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let message_counts: BTreeMap<i64, i64> = tip_messages::table
        .filter(tip_messages::tip_id.eq_any(ids))
        .group_by(tip_messages::tip_id)
        .select((tip_messages::tip_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let mut triaged = triage::summaries(conn, ItemKind::Tip, ids)?;
    let count = |map: &BTreeMap<i64, i64>, id: i64| {
        u32::try_from(map.get(&id).copied().unwrap_or(0)).unwrap_or(u32::MAX)
    };
    let mut by_id: BTreeMap<i64, TipSummary> = BTreeMap::new();
    for row in rows {
        let id = row.id;
        let triage = triaged
            .remove(&id)
            .ok_or_else(|| ApiError::internal("a tip without triage"))?;
        by_id.insert(
            id,
            TipSummary {
                id,
                subject: row.subject(),
                status: row.status(),
                governorate: row.governorate(),
                snippet: snippet(&row.content(sealer)?.description),
                received_on: row.received_on,
                attachments: count(&attachment_counts, id),
                messages: count(&message_counts, id),
                awaiting_reply: row.awaiting_reply,
                triage,
            },
        );
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// A tip, decrypted, with its pictures, conversation and the tips it shares identifiers with.
pub fn detail(conn: &mut DbConnection, sealer: &Sealer, id: i64) -> Result<TipDetail, ApiError> {
    let tip = tip_by_id(conn, id)?;
    let content = tip.content(sealer)?;
    let attachments = tip_attachments::table
        .filter(tip_attachments::tip_id.eq(id))
        .order(tip_attachments::id.asc())
        .select((
            tip_attachments::id,
            tip_attachments::mime,
            tip_attachments::width,
            tip_attachments::height,
            tip_attachments::size_bytes,
        ))
        .load::<(i64, String, i32, i32, i32)>(conn)?
        .into_iter()
        .map(|(id, mime, width, height, bytes)| AttachmentInfo {
            id,
            mime,
            width: u32::try_from(width).unwrap_or(0),
            height: u32::try_from(height).unwrap_or(0),
            bytes: u32::try_from(bytes).unwrap_or(0),
        })
        .collect();
    let messages = messages(conn, sealer, &tip)?;
    let linked = linked(conn, sealer, id, &content)?;
    Ok(TipDetail {
        id,
        subject: tip.subject(),
        status: tip.status(),
        public_message: tip.public_message(sealer)?,
        received_on: tip.received_on.clone(),
        language: tip.language.as_deref().and_then(|l| l.parse().ok()),
        description: content.description,
        names: content.names,
        phones: content.phones,
        accounts: content.accounts,
        agency: content.agency,
        governorate: tip.governorate(),
        place: content.place,
        approximate_date: tip.approximate_month.as_deref().and_then(YearMonth::parse),
        attachments,
        messages,
        linked,
        triage: triage::view(conn, sealer, ItemKind::Tip, id)?,
        notes: triage::notes(conn, sealer, ItemKind::Tip, id)?,
        wiped_on: tip.wiped_on.clone(),
    })
}

fn linked(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
    content: &TipContent,
) -> Result<Vec<LinkedTip>, ApiError> {
    let mine = identifiers(sealer, content)?;
    if mine.is_empty() {
        return Ok(Vec::new());
    }
    let by_index: BTreeMap<String, String> = mine
        .into_iter()
        .map(|(_, index, value)| (index, value))
        .collect();
    let indexes: Vec<&String> = by_index.keys().collect();
    let shared: Vec<(i64, String)> = tip_identifiers::table
        .filter(tip_identifiers::blind_index.eq_any(indexes))
        .filter(tip_identifiers::tip_id.ne(id))
        .select((tip_identifiers::tip_id, tip_identifiers::blind_index))
        .order(tip_identifiers::tip_id.desc())
        .limit(500)
        .load(conn)?;
    let mut grouped: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for (tip_id, index) in shared {
        if let Some(value) = by_index.get(&index) {
            grouped.entry(tip_id).or_default().insert(value.clone());
        }
    }
    let ids: Vec<i64> = grouped.keys().copied().collect();
    let rows: Vec<(i64, String, String)> = tips::table
        .filter(tips::id.eq_any(&ids))
        .select((tips::id, tips::status, tips::received_on))
        .load(conn)?;
    let mut linked: Vec<LinkedTip> = rows
        .into_iter()
        .map(|(tip_id, status, received_on)| LinkedTip {
            id: tip_id,
            status: TipStatus::parse(&status).unwrap_or(TipStatus::New),
            received_on,
            shared: grouped
                .get(&tip_id)
                .map(|set| set.iter().cloned().collect())
                .unwrap_or_default(),
        })
        .collect();
    // The strongest links first (most identifiers in common), then the newest: a tip with
    // dozens of links shows its closest few and the count.
    linked.sort_by_key(|tip| {
        (
            std::cmp::Reverse(tip.shared.len()),
            std::cmp::Reverse(tip.id),
        )
    });
    Ok(linked)
}

/// What a tip names, read again from its content and its tipster's messages (entities of tips
/// that arrived before entities were kept). `None` once its content was removed or it is gone.
pub fn entities_of(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
) -> Result<Option<Vec<crate::entities::Found>>, ApiError> {
    let Some(tip) = tips::table
        .find(id)
        .select(TipRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    if tip.wiped_on.is_some() {
        return Ok(None);
    }
    let mut found = crate::entities::in_tip(&tip.content(sealer)?);
    for message in messages(conn, sealer, &tip)? {
        if message.author == MessageAuthor::Tipster {
            for one in crate::entities::in_message(&message.body) {
                if !found.iter().any(|f| f.kind == one.kind && f.key == one.key) {
                    found.push(one);
                }
            }
        }
    }
    Ok(Some(found))
}

/// A tip as an export writes it; `content` is `None` when the reader may not see it or
/// retention removed it.
pub struct ExportedTip {
    pub id: i64,
    pub received_on: String,
    pub subject: String,
    pub status: String,
    pub governorate: Option<String>,
    pub content: Option<TipContent>,
}

/// The tips with these ids, in the order given.
pub fn for_export(
    conn: &mut DbConnection,
    sealer: &Sealer,
    ids: &[i64],
    with_content: bool,
) -> Result<Vec<ExportedTip>, ApiError> {
    let mut found: BTreeMap<i64, TipRow> = BTreeMap::new();
    for chunk in ids.chunks(900) {
        for row in tips::table
            .filter(tips::id.eq_any(chunk))
            .select(TipRow::as_select())
            .load(conn)?
        {
            found.insert(row.id, row);
        }
    }
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(row) = found.remove(id) else {
            continue;
        };
        let content = if with_content && row.wiped_on.is_none() {
            Some(row.content(sealer)?)
        } else {
            None
        };
        out.push(ExportedTip {
            id: row.id,
            received_on: row.received_on,
            subject: row.subject,
            status: row.status,
            governorate: row.governorate,
            content,
        });
    }
    Ok(out)
}

/// Records what a tipster's later message names, for the tip it belongs to.
pub fn name_in_message(
    conn: &mut DbConnection,
    tip_ref: &str,
    named: &[crate::entities::Named],
) -> Result<(), ApiError> {
    // A tip whose content retention removed names nothing any more.
    let id: i64 = tips::table
        .filter(tips::ref_key.eq(tip_ref))
        .filter(tips::wiped_on.is_null())
        .select(tips::id)
        .first(conn)
        .optional()?
        .ok_or(ApiError::FollowUpExpired)?;
    crate::entities::record(conn, ItemKind::Tip, id, named).map(|_| ())
}

/// One picture, decrypted: (mime, bytes).
pub fn attachment(
    conn: &mut DbConnection,
    sealer: &Sealer,
    tip_id: i64,
    attachment_id: i64,
) -> Result<(String, Vec<u8>), ApiError> {
    let tip_ref = ref_of(conn, tip_id)?;
    let (ref_key, mime, data): (String, String, Vec<u8>) = tip_attachments::table
        .filter(tip_attachments::id.eq(attachment_id))
        .filter(tip_attachments::tip_id.eq(tip_id))
        .select((
            tip_attachments::ref_key,
            tip_attachments::mime,
            tip_attachments::data,
        ))
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)?;
    let bytes = sealer
        .open(&data, attachment_context(&tip_ref, &ref_key).as_bytes())
        .map_err(|_| ApiError::internal("an attachment did not open"))?;
    Ok((mime, bytes))
}

/// Sets the status and the note shown on follow-up. Returns the previous status.
pub fn set_status(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
    status: TipStatus,
    public_message: Option<&str>,
) -> Result<TipStatus, ApiError> {
    let tip = tip_by_id(conn, id)?;
    let sealed = public_message
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| sealer.seal_text(m, &public_message_context(&tip.ref_key)))
        .transpose()?;
    let closes = matches!(status, TipStatus::Closed | TipStatus::Dismissed);
    let closed_on = match (closes, tip.closed_on.clone()) {
        // Still closed: the retention clock keeps running from the first closing.
        (true, Some(day)) => Some(day),
        (true, None) => Some(today()),
        (false, _) => None,
    };
    diesel::update(tips::table.find(id))
        .set((
            tips::status.eq(status.as_str()),
            tips::public_message.eq(sealed),
            tips::closed_on.eq(closed_on),
        ))
        .execute(conn)?;
    triage::status_changed(conn, ItemKind::Tip, id, status.as_str())?;
    Ok(tip.status())
}

/// Closed and dismissed tips whose retention period ran out lose their content: text, public
/// message, pictures, conversation, indexes and staff notes. The row stays with its reference,
/// dates, status and labels, and its receipt still opens to say it was closed. Audited.
pub fn retention_pass(
    conn: &mut DbConnection,
    seal: &crate::audit::Seal,
    days: u32,
) -> Result<usize, ApiError> {
    let today = triage::today();
    let cutoff = (today - time::Duration::days(i64::from(days))).to_string();
    crate::db::write_transaction(conn, |conn| {
        let closed = [TipStatus::Closed.as_str(), TipStatus::Dismissed.as_str()];
        // Tips closed before the closing day was kept start their period now.
        diesel::update(
            tips::table
                .filter(tips::status.eq_any(closed))
                .filter(tips::closed_on.is_null()),
        )
        .set(tips::closed_on.eq(today.to_string()))
        .execute(conn)?;
        let ids: Vec<i64> = tips::table
            .filter(tips::status.eq_any(closed))
            .filter(tips::closed_on.le(&cutoff))
            .filter(tips::wiped_on.is_null())
            .select(tips::id)
            .load(conn)?;
        for &id in &ids {
            diesel::update(tips::table.find(id))
                .set((
                    tips::content.eq(Vec::<u8>::new()),
                    tips::public_message.eq(None::<Vec<u8>>),
                    tips::awaiting_reply.eq(false),
                    tips::wiped_on.eq(Some(today.to_string())),
                ))
                .execute(conn)?;
            diesel::delete(tip_messages::table.filter(tip_messages::tip_id.eq(id)))
                .execute(conn)?;
            diesel::delete(tip_attachments::table.filter(tip_attachments::tip_id.eq(id)))
                .execute(conn)?;
            diesel::delete(tip_identifiers::table.filter(tip_identifiers::tip_id.eq(id)))
                .execute(conn)?;
            triage::forget(conn, ItemKind::Tip, id)?;
            crate::entities::forget(conn, ItemKind::Tip, id)?;
        }
        if !ids.is_empty() {
            crate::audit::append(
                conn,
                seal,
                &crate::audit::Entry {
                    actor: crate::audit::Actor::System,
                    action: "tips_wiped",
                    object: "tips".into(),
                    details: serde_json::json!({ "count": ids.len(), "retention_days": days }),
                },
            )?;
        }
        Ok(ids.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_keeps_short_text_and_cuts_long_text_at_a_word() {
        assert_eq!(snippet("  مكتب   سفر\nفي البصرة "), "مكتب سفر في البصرة");
        let long = "كلمة ".repeat(60);
        let cut = snippet(&long);
        assert!(cut.ends_with("كلمة…"), "{cut}");
        assert!(cut.chars().count() <= SNIPPET_CHARS + 1);
        let unbroken = "x".repeat(300);
        assert_eq!(snippet(&unbroken).chars().count(), SNIPPET_CHARS + 1);
    }

    #[test]
    fn checking_normalises_phones_and_drops_empty_entries() {
        let tip = NewTip {
            subject: TipSubject::Agency,
            description: "  مكتب سفر  ".into(),
            names: vec![" أبو علي ".into(), "  ".into()],
            phones: vec![
                "0770 123 4567".into(),
                "+964 770 123 4567".into(),
                "".into(),
            ],
            accounts: vec![OnlineAccount {
                platform: sanad_shared::tips::Platform::Telegram,
                handle: " ".into(),
            }],
            agency: Some("  ".into()),
            governorate: None,
            place: None,
            approximate_date: None,
            language: None,
            departure_on: None,
            minor_involved: false,
        };
        // An empty handle is a problem the form reports, not something to drop silently.
        assert!(matches!(
            CheckedTip::check(tip.clone()),
            Err(ApiError::InvalidTip(_))
        ));
        let mut tip = tip;
        tip.accounts.clear();
        let checked = CheckedTip::check(tip.clone()).unwrap();
        assert_eq!(checked.content.description, "مكتب سفر");
        assert_eq!(checked.content.names, vec!["أبو علي"]);
        assert_eq!(checked.content.phones, vec!["+9647701234567"]);
        assert_eq!(checked.content.agency, None);
        tip.phones.push("12".into());
        assert!(matches!(
            CheckedTip::check(tip),
            Err(ApiError::InvalidPhoneNumber { index: 3 })
        ));
    }
}
