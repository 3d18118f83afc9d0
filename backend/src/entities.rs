//! Entities named in reports (phone numbers, online accounts, agencies), the reports that name
//! each, and the network they draw. Every entity is one row found by a keyed blind index of its
//! normalised value, with the value as first written sealed beside it; a report names an entity
//! at most once, so counting reports is counting independent sources.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use diesel::prelude::*;
use sanad_shared::{
    entities::{
        ConnectedItem, Connections, EntityKind, EntityPage, EntityRef, GovernorateCount, Network,
        NetworkEdge, NetworkNode, NodeKind, ENTITY_PAGE_ITEMS, NETWORK_MAX_NODES,
    },
    phone::PhoneNumber,
    staff::Role,
    tips::Governorate,
    triage::ItemKind,
};

use crate::{
    auth::StaffAuth,
    cases::CaseContent,
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    schema::{cases, entities, entity_backlog, entity_mentions, tips, triage},
    tips::TipContent,
};

/// An entity as found in a report: its kind, the normalised key it is found by, and the value as
/// written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub kind: EntityKind,
    pub key: String,
    pub display: String,
}

/// Words that say what an agency is rather than which one: `شركة النور للسفر والسياحة` and
/// `النور للسفر` are the same agency. Written as [`crate::names::tokens`] spells them.
const GENERIC_AGENCY_WORDS: &[&str] = &[
    "شركه",
    "مكتب",
    "وكاله",
    "مؤسسه",
    "سفر",
    "للسفر",
    "السفر",
    "والسفر",
    "سياحه",
    "للسياحه",
    "السياحه",
    "والسياحه",
    "سفريات",
    "للسفريات",
    "كومپانيا",
    "نووسينگه",
    "company",
    "co",
    "ltd",
    "llc",
    "agency",
    "office",
    "travel",
    "travels",
    "tourism",
    "tours",
    "and",
    "for",
    "the",
    "&",
];

/// The key an agency is found by: its name's words as the name matcher spells them (one spelling
/// for every Arabic-script keyboard, Latin lower-cased), without the words that only say it is an
/// agency. Arabic and Latin spellings stay different keys: staff merge them.
pub fn agency_key(text: &str) -> Option<String> {
    let words: Vec<String> = crate::names::tokens(text)
        .into_iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    let specific: Vec<&String> = words
        .iter()
        .filter(|w| !GENERIC_AGENCY_WORDS.contains(&w.as_str()))
        .collect();
    let kept: Vec<&String> = if specific.is_empty() {
        words.iter().collect()
    } else {
        specific
    };
    let key = kept
        .iter()
        .map(|w| w.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    (!key.is_empty() && key.chars().count() <= 200).then_some(key)
}

/// Phone numbers written inside free text ("his number is ٠٧٧٠ ١٢٣ ٤٥٦٧"), in any digit set,
/// as E.164. A run of digits, spaces, dashes and dots that is not a valid number is skipped.
pub fn phones_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut run = String::new();
    let mut digits = 0usize;
    let mut flush = |run: &mut String, digits: &mut usize| {
        if (9..=15).contains(digits) {
            if let Ok(phone) = PhoneNumber::parse(run.trim()) {
                let e164 = phone.e164().to_owned();
                if !found.contains(&e164) {
                    found.push(e164);
                }
            }
        }
        run.clear();
        *digits = 0;
    };
    for c in text.chars() {
        let starts = c.is_numeric() || c == '+';
        let continues = matches!(
            c,
            ' ' | '-' | '.' | '(' | ')' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{00A0}'
        );
        if starts && (c != '+' || run.trim().is_empty()) {
            if c.is_numeric() {
                digits += 1;
            }
            run.push(c);
        } else if continues && !run.is_empty() {
            run.push(c);
        } else {
            flush(&mut run, &mut digits);
        }
    }
    flush(&mut run, &mut digits);
    found
}

fn push(out: &mut Vec<Found>, kind: EntityKind, key: String, display: String) {
    if !out.iter().any(|f| f.kind == kind && f.key == key) {
        out.push(Found { kind, key, display });
    }
}

/// What a tip names: its phone numbers (also those in its text), accounts and agency.
pub fn in_tip(content: &TipContent) -> Vec<Found> {
    let mut out = Vec::new();
    for phone in content
        .phones
        .iter()
        .cloned()
        .chain(phones_in(&content.description))
    {
        push(&mut out, EntityKind::Phone, phone.clone(), phone);
    }
    for account in &content.accounts {
        if let Some(key) = account.normalised() {
            push(&mut out, EntityKind::Account, key.clone(), key);
        }
    }
    if let Some(agency) = content.agency.as_deref() {
        if let Some(key) = agency_key(agency) {
            push(&mut out, EntityKind::Agency, key, agency.trim().to_owned());
        }
    }
    out
}

/// What a tipster's later message names: phone numbers only (free text has no fields).
pub fn in_message(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for phone in phones_in(text) {
        push(&mut out, EntityKind::Phone, phone.clone(), phone);
    }
    out
}

/// What a case names about the recruitment: the recruiter (an agency or a person, as the family
/// wrote it) and the recruiter's numbers (also those written in that text).
pub fn in_case(content: &CaseContent) -> Vec<Found> {
    let mut out = Vec::new();
    let written = content
        .recruiter
        .as_deref()
        .map(phones_in)
        .unwrap_or_default();
    for phone in content.recruiter_phones.iter().cloned().chain(written) {
        push(&mut out, EntityKind::Phone, phone.clone(), phone);
    }
    // The case's `accounts` are the missing person's own, like `phones`: not the recruiter's.
    if let Some(recruiter) = content.recruiter.as_deref() {
        // A recruiter written only as a number is that number, not an agency; and the name
        // shown is the name alone, without the numbers written beside it.
        let without_numbers: String = recruiter
            .chars()
            .filter(|c| !c.is_numeric() && *c != '+')
            .collect();
        let name = without_numbers
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(key) = agency_key(&name) {
            push(&mut out, EntityKind::Agency, key, name);
        }
    }
    out
}

/// The key an entity's value is found by, as [`in_tip`] and [`in_case`] make it: a number or an
/// account is its own key; an agency's name gives its [`agency_key`].
pub(crate) fn key_of(kind: EntityKind, value: &str) -> Option<String> {
    match kind {
        EntityKind::Phone | EntityKind::Account => Some(value.to_owned()),
        EntityKind::Agency => agency_key(value),
    }
}

pub(crate) fn display_context(kind: EntityKind, index: &str) -> String {
    format!("entity:{}:{index}", kind.as_str())
}

fn blind(sealer: &Sealer, kind: EntityKind, key: &str) -> Result<String, ApiError> {
    sealer
        .blind_index(kind.as_str(), key)
        .map_err(|_| ApiError::internal("blind index"))
}

/// An entity ready to store: its blind index and its sealed value, made before the writer's lock
/// is taken.
#[derive(Clone, Debug)]
pub struct Named {
    kind: EntityKind,
    index: String,
    display: Vec<u8>,
}

pub fn seal(sealer: &Sealer, found: &[Found]) -> Result<Vec<Named>, ApiError> {
    found
        .iter()
        .map(|one| {
            let index = blind(sealer, one.kind, &one.key)?;
            let display = sealer.seal_text(&one.display, &display_context(one.kind, &index))?;
            Ok(Named {
                kind: one.kind,
                index,
                display,
            })
        })
        .collect()
}

/// The entity `named` stands for, created on first sight.
fn entity_id(conn: &mut DbConnection, named: &Named) -> Result<i64, ApiError> {
    let existing = |conn: &mut DbConnection| {
        entities::table
            .filter(entities::kind.eq(named.kind.as_str()))
            .filter(entities::blind_index.eq(&named.index))
            .select(entities::id)
            .first::<i64>(conn)
            .optional()
    };
    if let Some(id) = existing(conn)? {
        return Ok(id);
    }
    // Two reports naming a new number at the same moment (PostgreSQL, several writers): the
    // second insert meets the unique key. The savepoint keeps the surrounding transaction alive.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(entities::table)
            .values((
                entities::kind.eq(named.kind.as_str()),
                entities::blind_index.eq(&named.index),
                entities::display.eq(&named.display),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {}
        Err(e) => return Err(e.into()),
    }
    existing(conn)?.ok_or_else(|| ApiError::internal("entity vanished"))
}

/// Records that the item names the entity, unless it already did; true when it is new.
fn mention(
    conn: &mut DbConnection,
    entity: i64,
    kind: ItemKind,
    item_id: i64,
) -> Result<bool, ApiError> {
    let known: i64 = entity_mentions::table
        .filter(entity_mentions::entity_id.eq(entity))
        .filter(entity_mentions::kind.eq(kind.as_str()))
        .filter(entity_mentions::item_id.eq(item_id))
        .count()
        .get_result(conn)?;
    if known > 0 {
        return Ok(false);
    }
    diesel::insert_into(entity_mentions::table)
        .values((
            entity_mentions::entity_id.eq(entity),
            entity_mentions::kind.eq(kind.as_str()),
            entity_mentions::item_id.eq(item_id),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Adds what a report names to what it already named (a tipster's message adds its numbers).
/// Returns the entity ids named. The first report of each kind to name an entity leaves its
/// spelling for readers of that kind: a moderator never reads a family's words, nor a
/// caseworker a tipster's.
pub fn record(
    conn: &mut DbConnection,
    kind: ItemKind,
    item_id: i64,
    named: &[Named],
) -> Result<Vec<i64>, ApiError> {
    let mut ids = Vec::with_capacity(named.len());
    for one in named {
        let entity = entity_id(conn, one)?;
        ids.push(entity);
        if mention(conn, entity, kind, item_id)? {
            match kind {
                ItemKind::Tip => diesel::update(
                    entities::table
                        .find(entity)
                        .filter(entities::display_tip.is_null()),
                )
                .set(entities::display_tip.eq(Some(&one.display)))
                .execute(conn)?,
                ItemKind::Case => diesel::update(
                    entities::table
                        .find(entity)
                        .filter(entities::display_case.is_null()),
                )
                .set(entities::display_case.eq(Some(&one.display)))
                .execute(conn)?,
            };
        }
    }
    Ok(ids)
}

/// Makes what a report names exactly `named` (its content was read again or changed). What it
/// still names keeps its row, so merges staff made survive an update.
pub fn replace(
    conn: &mut DbConnection,
    kind: ItemKind,
    item_id: i64,
    named: &[Named],
) -> Result<(), ApiError> {
    let keep = record(conn, kind, item_id, named)?;
    let before: Vec<i64> = entity_mentions::table
        .filter(entity_mentions::kind.eq(kind.as_str()))
        .filter(entity_mentions::item_id.eq(item_id))
        .select(entity_mentions::entity_id)
        .load(conn)?;
    let gone: Vec<i64> = before.into_iter().filter(|e| !keep.contains(e)).collect();
    if gone.is_empty() {
        return Ok(());
    }
    diesel::delete(
        entity_mentions::table
            .filter(entity_mentions::kind.eq(kind.as_str()))
            .filter(entity_mentions::item_id.eq(item_id))
            .filter(entity_mentions::entity_id.eq_any(&gone)),
    )
    .execute(conn)?;
    prune(conn, &gone)
}

/// Moves what a duplicate case named to the case it was merged into: one family's report is one
/// source, however many times it came in. Returns each entity moved and whether `to` did not name
/// it before, which is what [`restore_mentions`] needs to undo the move.
pub fn move_mentions(
    conn: &mut DbConnection,
    kind: ItemKind,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, bool)>, ApiError> {
    let named: Vec<i64> = entity_mentions::table
        .filter(entity_mentions::kind.eq(kind.as_str()))
        .filter(entity_mentions::item_id.eq(from))
        .select(entity_mentions::entity_id)
        .load(conn)?;
    let mut moved = Vec::with_capacity(named.len());
    for entity in named {
        moved.push((entity, mention(conn, entity, kind, to)?));
    }
    diesel::delete(
        entity_mentions::table
            .filter(entity_mentions::kind.eq(kind.as_str()))
            .filter(entity_mentions::item_id.eq(from)),
    )
    .execute(conn)?;
    Ok(moved)
}

/// Undoes [`move_mentions`]: `from` names its entities again, and `to` stops naming those it
/// named only because of the move.
pub fn restore_mentions(
    conn: &mut DbConnection,
    kind: ItemKind,
    moved: &[(i64, bool)],
    from: i64,
    to: i64,
) -> Result<(), ApiError> {
    for (entity, added) in moved {
        mention(conn, *entity, kind, from)?;
        if *added {
            diesel::delete(
                entity_mentions::table
                    .filter(entity_mentions::entity_id.eq(entity))
                    .filter(entity_mentions::kind.eq(kind.as_str()))
                    .filter(entity_mentions::item_id.eq(to)),
            )
            .execute(conn)?;
        }
    }
    Ok(())
}

/// Forgets what a report named (its content was removed). Entities no report names any more
/// go with it: their sealed value is personal data kept for no one.
pub fn forget(conn: &mut DbConnection, kind: ItemKind, item_id: i64) -> Result<(), ApiError> {
    let named: Vec<i64> = entity_mentions::table
        .filter(entity_mentions::kind.eq(kind.as_str()))
        .filter(entity_mentions::item_id.eq(item_id))
        .select(entity_mentions::entity_id)
        .load(conn)?;
    if named.is_empty() {
        return Ok(());
    }
    diesel::delete(
        entity_mentions::table
            .filter(entity_mentions::kind.eq(kind.as_str()))
            .filter(entity_mentions::item_id.eq(item_id)),
    )
    .execute(conn)?;
    prune(conn, &named)
}

/// Removes the entities among `ids` that no report names any more. One that other spellings
/// were merged into hands the group to the first of them, so the merge outlives it.
fn prune(conn: &mut DbConnection, ids: &[i64]) -> Result<(), ApiError> {
    for &entity in ids {
        let still_named: i64 = entity_mentions::table
            .filter(entity_mentions::entity_id.eq(entity))
            .count()
            .get_result(conn)?;
        if still_named > 0 {
            continue;
        }
        let aliases: Vec<i64> = entities::table
            .filter(entities::merged_into.eq(entity))
            .order(entities::id.asc())
            .select(entities::id)
            .load(conn)?;
        if let Some((&heir, rest)) = aliases.split_first() {
            diesel::update(entities::table.find(heir))
                .set(entities::merged_into.eq(None::<i64>))
                .execute(conn)?;
            if !rest.is_empty() {
                diesel::update(entities::table.filter(entities::id.eq_any(rest)))
                    .set(entities::merged_into.eq(Some(heir)))
                    .execute(conn)?;
            }
        }
        diesel::delete(entities::table.find(entity)).execute(conn)?;
    }
    Ok(())
}

/// Reads the next reports waiting in the backlog (those that arrived before entities were
/// kept) and records what they name. Returns how many it took; 0 when the backlog is empty.
/// The content is read without the writer's lock; only the writing holds it.
pub fn drain_backlog(
    conn: &mut DbConnection,
    sealer: &Sealer,
    limit: i64,
) -> Result<usize, ApiError> {
    let waiting: Vec<(String, i64)> = entity_backlog::table
        .order((entity_backlog::kind.asc(), entity_backlog::item_id.asc()))
        .select((entity_backlog::kind, entity_backlog::item_id))
        .limit(limit)
        .load(conn)?;
    // Nothing waiting (every start but the first after an upgrade): no write at all. Taking the
    // writer's lock for nothing at start made the seed articles' first load fail now and then
    // ("database is locked": its transaction reads, then writes, and cannot wait).
    if waiting.is_empty() {
        return Ok(0);
    }
    let mut read = Vec::with_capacity(waiting.len());
    for (kind, id) in &waiting {
        let attempt = match ItemKind::parse(kind) {
            Some(ItemKind::Tip) => crate::tips::entities_of(conn, sealer, *id),
            Some(ItemKind::Case) => crate::cases::entities_of(conn, sealer, *id),
            None => Ok(None),
        };
        // One report that cannot be read (sealed under a key no longer held) must not stop the
        // others: it is logged and left without entities.
        let found = match attempt {
            Ok(found) => found,
            Err(ApiError::DatabaseUnavailable(e)) => return Err(ApiError::DatabaseUnavailable(e)),
            Err(e) => {
                tracing::error!(kind = kind.as_str(), id, error = %e, "entities of an earlier report not read");
                None
            }
        };
        let named = found.map(|found| seal(sealer, &found)).transpose()?;
        read.push((kind.clone(), *id, named));
    }
    crate::db::write_transaction(conn, |conn| -> Result<(), ApiError> {
        for (kind, id, named) in &read {
            if let (Some(item), Some(named)) = (ItemKind::parse(kind), named) {
                // Retention may have removed the content since it was read.
                if !wiped(conn, item, *id)? {
                    replace(conn, item, *id, named)?;
                }
            }
            diesel::delete(entity_backlog::table.find((kind, id))).execute(conn)?;
        }
        Ok(())
    })?;
    Ok(waiting.len())
}

/// Whether retention removed the report's content (or the report is gone).
fn wiped(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<bool, ApiError> {
    let day: Option<Option<String>> = match kind {
        ItemKind::Tip => tips::table
            .find(id)
            .select(tips::wiped_on)
            .first(conn)
            .optional()?,
        ItemKind::Case => cases::table
            .find(id)
            .select(cases::wiped_on)
            .first(conn)
            .optional()?,
    };
    Ok(!matches!(day, Some(None)))
}

/// Which reports a staff member may see: tips are for moderators, cases for caseworkers, both
/// for admins. The rest they may know exist and count, never read.
#[derive(Clone, Copy, Debug)]
pub struct Reader {
    pub tips: bool,
    pub cases: bool,
}

impl Reader {
    pub fn of(auth: &StaffAuth) -> Reader {
        let has = |role: Role| auth.roles.contains(&role) || auth.roles.contains(&Role::Admin);
        Reader {
            tips: has(Role::Moderator),
            cases: has(Role::Caseworker),
        }
    }

    pub fn sees(self, kind: ItemKind) -> bool {
        match kind {
            ItemKind::Tip => self.tips,
            ItemKind::Case => self.cases,
        }
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = entities)]
struct EntityRow {
    id: i64,
    kind: String,
    blind_index: String,
    display: Vec<u8>,
    merged_into: Option<i64>,
    display_tip: Option<Vec<u8>>,
    display_case: Option<Vec<u8>>,
}

impl EntityRow {
    fn kind(&self) -> EntityKind {
        EntityKind::parse(&self.kind).unwrap_or(EntityKind::Agency)
    }

    /// The value as the reader may read it. A number or an account is its normalised form,
    /// the same whoever wrote it; an agency is spelled as a report of a kind the reader works
    /// wrote it, and empty when none of those named it under this spelling.
    fn display(&self, sealer: &Sealer, reader: Reader) -> Result<String, ApiError> {
        let sealed = match self.kind() {
            EntityKind::Phone | EntityKind::Account => Some(&self.display),
            EntityKind::Agency => None
                .or(self.display_tip.as_ref().filter(|_| reader.tips))
                .or(self.display_case.as_ref().filter(|_| reader.cases)),
        };
        match sealed {
            Some(sealed) => {
                sealer.open_text(sealed, &display_context(self.kind(), &self.blind_index))
            }
            None => Ok(String::new()),
        }
    }
}

/// Binds per statement kept well under SQLite's and PostgreSQL's limits.
const CHUNK: usize = 900;

fn rows(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<EntityRow>, ApiError> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            entities::table
                .filter(entities::id.eq_any(chunk))
                .select(EntityRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// Entities with their merged spellings: canonical id → every id that stands for it.
struct Groups {
    canonical_of: HashMap<i64, i64>,
    members: BTreeMap<i64, Vec<i64>>,
    rows: HashMap<i64, EntityRow>,
}

impl Groups {
    /// The groups the entities `ids` belong to, whichever spelling each id is.
    fn of(conn: &mut DbConnection, ids: &[i64]) -> Result<Groups, ApiError> {
        let named = rows(conn, ids)?;
        let canonical: BTreeSet<i64> = named
            .iter()
            .map(|row| row.merged_into.unwrap_or(row.id))
            .collect();
        let canonical: Vec<i64> = canonical.into_iter().collect();
        let mut all = rows(conn, &canonical)?;
        for chunk in canonical.chunks(CHUNK) {
            all.extend(
                entities::table
                    .filter(entities::merged_into.eq_any(chunk))
                    .select(EntityRow::as_select())
                    .load(conn)?,
            );
        }
        let mut groups = Groups {
            canonical_of: HashMap::new(),
            members: BTreeMap::new(),
            rows: HashMap::new(),
        };
        for row in all {
            let head = row.merged_into.unwrap_or(row.id);
            groups.canonical_of.insert(row.id, head);
            let members = groups.members.entry(head).or_default();
            if !members.contains(&row.id) {
                members.push(row.id);
            }
            groups.rows.insert(row.id, row);
        }
        Ok(groups)
    }

    fn all_ids(&self) -> Vec<i64> {
        self.canonical_of.keys().copied().collect()
    }

    fn head(&self, id: i64) -> i64 {
        self.canonical_of.get(&id).copied().unwrap_or(id)
    }
}

/// Every (entity, report) pair for these entity ids.
fn mentions_of(
    conn: &mut DbConnection,
    entity_ids: &[i64],
) -> Result<Vec<(i64, ItemKind, i64)>, ApiError> {
    let mut out = Vec::new();
    for chunk in entity_ids.chunks(CHUNK) {
        let rows: Vec<(i64, String, i64)> = entity_mentions::table
            .filter(entity_mentions::entity_id.eq_any(chunk))
            .select((
                entity_mentions::entity_id,
                entity_mentions::kind,
                entity_mentions::item_id,
            ))
            .load(conn)?;
        out.extend(
            rows.into_iter()
                .filter_map(|(e, k, i)| ItemKind::parse(&k).map(|k| (e, k, i))),
        );
    }
    Ok(out)
}

/// Every entity id the reports of one kind name.
fn named_by(
    conn: &mut DbConnection,
    kind: ItemKind,
    item_ids: &[i64],
) -> Result<Vec<(i64, i64)>, ApiError> {
    let mut out = Vec::new();
    for chunk in item_ids.chunks(CHUNK) {
        out.extend(
            entity_mentions::table
                .filter(entity_mentions::kind.eq(kind.as_str()))
                .filter(entity_mentions::item_id.eq_any(chunk))
                .select((entity_mentions::item_id, entity_mentions::entity_id))
                .load::<(i64, i64)>(conn)?,
        );
    }
    Ok(out)
}

/// What the queue table knows of a report: status, day of arrival, governorate.
#[derive(Clone, Debug)]
struct ItemFacts {
    status: String,
    received_on: String,
    governorate: Option<String>,
}

fn facts(
    conn: &mut DbConnection,
    items: &BTreeSet<(ItemKind, i64)>,
) -> Result<HashMap<(ItemKind, i64), ItemFacts>, ApiError> {
    let mut out = HashMap::with_capacity(items.len());
    for kind in [ItemKind::Tip, ItemKind::Case] {
        let ids: Vec<i64> = items
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| *id)
            .collect();
        for chunk in ids.chunks(CHUNK) {
            let rows: Vec<(i64, String, String, Option<String>)> = triage::table
                .filter(triage::kind.eq(kind.as_str()))
                .filter(triage::item_id.eq_any(chunk))
                .select((
                    triage::item_id,
                    triage::status,
                    triage::received_on,
                    triage::governorate,
                ))
                .load(conn)?;
            for (id, status, received_on, governorate) in rows {
                out.insert(
                    (kind, id),
                    ItemFacts {
                        status,
                        received_on,
                        governorate,
                    },
                );
            }
        }
    }
    Ok(out)
}

fn case_numbers(conn: &mut DbConnection, ids: &[i64]) -> Result<HashMap<i64, String>, ApiError> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = cases::table
            .filter(cases::id.eq_any(chunk))
            .select((cases::id, cases::case_number))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// A period of arrival days, `YYYY-MM-DD` inclusive at both ends.
#[derive(Clone, Debug, Default)]
pub struct Period {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Period {
    fn holds(&self, day: &str) -> bool {
        self.from.as_deref().is_none_or(|from| day >= from)
            && self.to.as_deref().is_none_or(|to| day <= to)
    }
}

fn connected_items(
    conn: &mut DbConnection,
    listed: Vec<((ItemKind, i64), Vec<i64>)>,
    facts: &HashMap<(ItemKind, i64), ItemFacts>,
) -> Result<Vec<ConnectedItem>, ApiError> {
    let case_ids: Vec<i64> = listed
        .iter()
        .filter(|((k, _), _)| *k == ItemKind::Case)
        .map(|((_, id), _)| *id)
        .collect();
    let numbers = case_numbers(conn, &case_ids)?;
    Ok(listed
        .into_iter()
        .filter_map(|((kind, id), shared)| {
            let fact = facts.get(&(kind, id))?;
            Some(ConnectedItem {
                kind,
                id,
                case_number: numbers.get(&id).cloned().unwrap_or_default(),
                status: fact.status.clone(),
                received_on: fact.received_on.clone(),
                governorate: fact.governorate.as_deref().and_then(Governorate::parse),
                shared,
            })
        })
        .collect())
}

/// `GET /api/v1/entities/{id}`: a merged spelling answers with the entity it belongs to. An
/// entity only reports the reader may not see name is not found for them: its value comes from
/// those reports.
pub fn page(
    conn: &mut DbConnection,
    sealer: &Sealer,
    id: i64,
    reader: Reader,
) -> Result<EntityPage, ApiError> {
    let groups = Groups::of(conn, &[id])?;
    let head = groups.head(id);
    let Some(row) = groups.rows.get(&head) else {
        return Err(ApiError::NotFound);
    };
    let members = groups.members.get(&head).cloned().unwrap_or_default();
    let mentions = mentions_of(conn, &members)?;
    let items: BTreeSet<(ItemKind, i64)> = mentions.iter().map(|(_, k, i)| (*k, *i)).collect();
    if !items.iter().any(|(kind, _)| reader.sees(*kind)) {
        return Err(ApiError::NotFound);
    }
    let visible: BTreeSet<(ItemKind, i64)> = items
        .iter()
        .filter(|(kind, _)| reader.sees(*kind))
        .copied()
        .collect();
    let facts = facts(conn, &visible)?;
    let mut governorates: BTreeMap<Governorate, u32> = BTreeMap::new();
    for fact in facts.values() {
        if let Some(g) = fact.governorate.as_deref().and_then(Governorate::parse) {
            *governorates.entry(g).or_default() += 1;
        }
    }
    let mut governorates: Vec<GovernorateCount> = governorates
        .into_iter()
        .map(|(governorate, items)| GovernorateCount { governorate, items })
        .collect();
    governorates.sort_by_key(|g| std::cmp::Reverse(g.items));
    let first_seen = facts.values().map(|f| f.received_on.clone()).min();
    let last_seen = facts.values().map(|f| f.received_on.clone()).max();
    let spellings_of = |kind: ItemKind, item: i64| -> Vec<i64> {
        mentions
            .iter()
            .filter(|(_, k, i)| *k == kind && *i == item)
            .map(|(e, _, _)| *e)
            .collect()
    };
    let newest = |kind: ItemKind| -> Vec<((ItemKind, i64), Vec<i64>)> {
        let mut listed: Vec<(ItemKind, i64)> = visible
            .iter()
            .filter(|(k, _)| *k == kind)
            .copied()
            .collect();
        listed.sort_by(|a, b| {
            let day = |key: &(ItemKind, i64)| facts.get(key).map(|f| f.received_on.clone());
            day(b).cmp(&day(a)).then(b.1.cmp(&a.1))
        });
        listed.truncate(ENTITY_PAGE_ITEMS);
        listed
            .into_iter()
            .map(|key| (key, spellings_of(key.0, key.1)))
            .collect()
    };
    let tips = newest(ItemKind::Tip);
    let case_list = newest(ItemKind::Case);
    let count = |kind: ItemKind| {
        u32::try_from(items.iter().filter(|(k, _)| *k == kind).count()).unwrap_or(u32::MAX)
    };
    let mut aliases = Vec::new();
    for member in members.iter().filter(|m| **m != head) {
        if let Some(alias) = groups.rows.get(member) {
            let display = alias.display(sealer, reader)?;
            // A spelling only reports of another kind wrote is theirs to read, not this reader's.
            if display.is_empty() {
                continue;
            }
            let sources = mentions.iter().filter(|(e, _, _)| e == member).count();
            aliases.push(EntityRef {
                id: alias.id,
                kind: alias.kind(),
                display,
                sources: u32::try_from(sources).unwrap_or(u32::MAX),
            });
        }
    }
    Ok(EntityPage {
        id: head,
        kind: row.kind(),
        display: row.display(sealer, reader)?,
        aliases,
        first_seen,
        last_seen,
        governorates,
        sources: u32::try_from(items.len()).unwrap_or(u32::MAX),
        tip_count: count(ItemKind::Tip),
        case_count: count(ItemKind::Case),
        tips: connected_items(conn, tips, &facts)?,
        cases: connected_items(conn, case_list, &facts)?,
        tips_visible: reader.tips,
        cases_visible: reader.cases,
    })
}

/// `GET /api/v1/entities?value=…`: the entities a typed value may stand for, among those the
/// reader may see.
pub fn lookup(
    conn: &mut DbConnection,
    sealer: &Sealer,
    value: &str,
    reader: Reader,
) -> Result<Vec<EntityRef>, ApiError> {
    let mut candidates: Vec<(EntityKind, String)> = Vec::new();
    if let Ok(phone) = PhoneNumber::parse(value) {
        candidates.push((EntityKind::Phone, phone.e164().to_owned()));
    }
    for platform in sanad_shared::tips::Platform::ALL {
        let account = sanad_shared::tips::OnlineAccount {
            platform,
            handle: value.to_owned(),
        };
        if let Some(key) = account.normalised() {
            candidates.push((EntityKind::Account, key));
        }
    }
    if let Some(key) = agency_key(value) {
        candidates.push((EntityKind::Agency, key));
    }
    let mut ids = Vec::new();
    for (kind, key) in candidates {
        let index = blind(sealer, kind, &key)?;
        if let Some(id) = entities::table
            .filter(entities::kind.eq(kind.as_str()))
            .filter(entities::blind_index.eq(&index))
            .select(entities::id)
            .first::<i64>(conn)
            .optional()?
        {
            ids.push(id);
        }
    }
    let groups = Groups::of(conn, &ids)?;
    let heads: BTreeSet<i64> = ids.iter().map(|id| groups.head(*id)).collect();
    let mentions = mentions_of(conn, &groups.all_ids())?;
    let mut out = Vec::new();
    for head in heads {
        let members = groups.members.get(&head).cloned().unwrap_or_default();
        let items: BTreeSet<(ItemKind, i64)> = mentions
            .iter()
            .filter(|(e, _, _)| members.contains(e))
            .map(|(_, k, i)| (*k, *i))
            .collect();
        if !items.iter().any(|(kind, _)| reader.sees(*kind)) {
            continue;
        }
        if let Some(row) = groups.rows.get(&head) {
            out.push(EntityRef {
                id: head,
                kind: row.kind(),
                display: row.display(sealer, reader)?,
                sources: u32::try_from(items.len()).unwrap_or(u32::MAX),
            });
        }
    }
    Ok(out)
}

/// Makes `other` (with any spellings already merged into it) a spelling of `id`. Only agencies
/// merge: numbers and accounts are already one spelling each. Returns the merged ids.
pub fn merge(conn: &mut DbConnection, id: i64, other: i64) -> Result<Vec<i64>, ApiError> {
    let groups = Groups::of(conn, &[id, other])?;
    let (head, other_head) = (groups.head(id), groups.head(other));
    let kinds_ok = [head, other_head].iter().all(|e| {
        groups
            .rows
            .get(e)
            .is_some_and(|row| row.kind() == EntityKind::Agency)
    });
    if !groups.rows.contains_key(&head) || !groups.rows.contains_key(&other_head) {
        return Err(ApiError::NotFound);
    }
    if !kinds_ok {
        return Err(ApiError::InvalidTriage(vec![
            sanad_shared::tips::FieldProblem::at("other", "not_an_agency"),
        ]));
    }
    if head == other_head {
        return Err(ApiError::InvalidTriage(vec![
            sanad_shared::tips::FieldProblem::at("other", "already_merged"),
        ]));
    }
    let moved = groups.members.get(&other_head).cloned().unwrap_or_default();
    diesel::update(entities::table.filter(entities::id.eq_any(&moved)))
        .set(entities::merged_into.eq(Some(head)))
        .execute(conn)?;
    Ok(moved)
}

/// Splits the spelling `alias` off the entity it was merged into.
pub fn split(conn: &mut DbConnection, id: i64, alias: i64) -> Result<(), ApiError> {
    let merged_into: Option<Option<i64>> = entities::table
        .find(alias)
        .select(entities::merged_into)
        .first(conn)
        .optional()?;
    match merged_into {
        Some(Some(head)) if head == id => {
            diesel::update(entities::table.find(alias))
                .set(entities::merged_into.eq(None::<i64>))
                .execute(conn)?;
            Ok(())
        }
        _ => Err(ApiError::NotFound),
    }
}

/// Whether the reader may see the entity `id` (some report they may see names it).
pub fn visible(conn: &mut DbConnection, id: i64, reader: Reader) -> Result<bool, ApiError> {
    let groups = Groups::of(conn, &[id])?;
    let members = groups
        .members
        .get(&groups.head(id))
        .cloned()
        .unwrap_or_default();
    Ok(mentions_of(conn, &members)?
        .iter()
        .any(|(_, kind, _)| reader.sees(*kind)))
}

/// `GET /api/v1/{tips,cases}/{id}/connections`.
pub fn connections(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
    reader: Reader,
) -> Result<Connections, ApiError> {
    let own: Vec<i64> = named_by(conn, kind, &[id])?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let groups = Groups::of(conn, &own)?;
    let heads: BTreeSet<i64> = own.iter().map(|e| groups.head(*e)).collect();
    let mentions = mentions_of(conn, &groups.all_ids())?;
    let mut sources: BTreeMap<i64, BTreeSet<(ItemKind, i64)>> = BTreeMap::new();
    let mut shared: BTreeMap<(ItemKind, i64), BTreeSet<i64>> = BTreeMap::new();
    for (entity, k, item) in &mentions {
        let head = groups.head(*entity);
        sources.entry(head).or_default().insert((*k, *item));
        if (*k, *item) != (kind, id) {
            shared.entry((*k, *item)).or_default().insert(head);
        }
    }
    let visible: BTreeSet<(ItemKind, i64)> = shared
        .keys()
        .filter(|(k, _)| reader.sees(*k))
        .copied()
        .collect();
    let facts = facts(conn, &visible)?;
    let strongest = |wanted: ItemKind| -> Vec<((ItemKind, i64), Vec<i64>)> {
        let mut listed: Vec<((ItemKind, i64), Vec<i64>)> = shared
            .iter()
            .filter(|((k, _), _)| *k == wanted && reader.sees(wanted))
            .map(|(key, set)| (*key, set.iter().copied().collect()))
            .collect();
        listed.sort_by(|(a, a_shared), (b, b_shared)| {
            let day = |key: &(ItemKind, i64)| facts.get(key).map(|f| f.received_on.clone());
            b_shared
                .len()
                .cmp(&a_shared.len())
                .then(day(b).cmp(&day(a)))
                .then(b.1.cmp(&a.1))
        });
        listed.truncate(ENTITY_PAGE_ITEMS);
        listed
    };
    let count = |wanted: ItemKind| {
        u32::try_from(shared.keys().filter(|(k, _)| *k == wanted).count()).unwrap_or(u32::MAX)
    };
    let mut entities_named = Vec::new();
    for head in &heads {
        if let Some(row) = groups.rows.get(head) {
            entities_named.push(EntityRef {
                id: *head,
                kind: row.kind(),
                display: row.display(sealer, reader)?,
                sources: sources
                    .get(head)
                    .map(|s| u32::try_from(s.len()).unwrap_or(u32::MAX))
                    .unwrap_or(0),
            });
        }
    }
    entities_named.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.id.cmp(&b.id)));
    Ok(Connections {
        entities: entities_named,
        tips: connected_items(conn, strongest(ItemKind::Tip), &facts)?,
        cases: connected_items(conn, strongest(ItemKind::Case), &facts)?,
        tip_count: count(ItemKind::Tip),
        case_count: count(ItemKind::Case),
        tips_visible: reader.tips,
        cases_visible: reader.cases,
    })
}

/// What a network view is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Centre {
    Entity(i64),
    Item(ItemKind, i64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Entity(i64),
    Item(ItemKind, i64),
}

/// Reports at one step from the centre, at most; the rest of the 200 nodes are for the entities
/// they lead to.
const NETWORK_MAX_REPORTS: usize = 120;

/// `GET /api/v1/network`: the centre, what it is directly connected to, and what those are
/// connected to, within the period. A report the reader may not see shows as a node without id
/// or label and leads nowhere further.
pub fn network(
    conn: &mut DbConnection,
    sealer: &Sealer,
    centre: Centre,
    period: &Period,
    reader: Reader,
) -> Result<Network, ApiError> {
    let mut steps: BTreeMap<Key, u8> = BTreeMap::new();
    let mut truncated = false;
    // (report, entity head) pairs inside the view.
    let mut links: BTreeSet<(Key, Key)> = BTreeSet::new();
    let groups;
    let centre_key;
    let report_facts: HashMap<(ItemKind, i64), ItemFacts>;
    match centre {
        Centre::Entity(id) => {
            if !visible(conn, id, reader)? {
                return Err(ApiError::NotFound);
            }
            let start = Groups::of(conn, &[id])?;
            let head = start.head(id);
            centre_key = Key::Entity(head);
            steps.insert(centre_key, 0);
            let members = start.members.get(&head).cloned().unwrap_or_default();
            let items: BTreeSet<(ItemKind, i64)> = mentions_of(conn, &members)?
                .into_iter()
                .map(|(_, k, i)| (k, i))
                .collect();
            report_facts = facts(conn, &items)?;
            let mut reports: Vec<(ItemKind, i64)> = items
                .into_iter()
                .filter(|key| {
                    report_facts
                        .get(key)
                        .is_some_and(|f| period.holds(&f.received_on))
                })
                .collect();
            // Readable reports first (they lead further), then the newest.
            reports.sort_by(|a, b| {
                let day = |key: &(ItemKind, i64)| report_facts.get(key).map(|f| &f.received_on);
                reader
                    .sees(b.0)
                    .cmp(&reader.sees(a.0))
                    .then(day(b).cmp(&day(a)))
                    .then(b.1.cmp(&a.1))
            });
            if reports.len() > NETWORK_MAX_REPORTS {
                truncated = true;
                reports.truncate(NETWORK_MAX_REPORTS);
            }
            let mut second: BTreeMap<i64, BTreeSet<(ItemKind, i64)>> = BTreeMap::new();
            let mut named_pairs = Vec::new();
            for kind in [ItemKind::Tip, ItemKind::Case] {
                let ids: Vec<i64> = reports
                    .iter()
                    .filter(|(k, _)| *k == kind && reader.sees(kind))
                    .map(|(_, i)| *i)
                    .collect();
                for (item, entity) in named_by(conn, kind, &ids)? {
                    named_pairs.push(((kind, item), entity));
                }
            }
            // The centre is among them even when no report in the period names it.
            let entity_ids: Vec<i64> = named_pairs
                .iter()
                .map(|(_, e)| *e)
                .chain(std::iter::once(head))
                .collect();
            groups = Groups::of(conn, &entity_ids)?;
            for (report, entity) in &named_pairs {
                let e = groups.head(*entity);
                if e != head {
                    second.entry(e).or_default().insert(*report);
                }
            }
            for report in &reports {
                steps.insert(Key::Item(report.0, report.1), 1);
                links.insert((Key::Item(report.0, report.1), centre_key));
            }
            let mut ranked: Vec<(i64, usize)> =
                second.iter().map(|(e, set)| (*e, set.len())).collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let room = NETWORK_MAX_NODES.saturating_sub(steps.len());
            if ranked.len() > room {
                truncated = true;
                ranked.truncate(room);
            }
            for (entity, _) in &ranked {
                steps.insert(Key::Entity(*entity), 2);
                for report in second.get(entity).into_iter().flatten() {
                    links.insert((Key::Item(report.0, report.1), Key::Entity(*entity)));
                }
            }
        }
        Centre::Item(kind, id) => {
            if !reader.sees(kind) {
                return Err(ApiError::Forbidden);
            }
            let exists: i64 = triage::table
                .filter(triage::kind.eq(kind.as_str()))
                .filter(triage::item_id.eq(id))
                .count()
                .get_result(conn)?;
            if exists == 0 {
                return Err(ApiError::NotFound);
            }
            centre_key = Key::Item(kind, id);
            steps.insert(centre_key, 0);
            let own: Vec<i64> = named_by(conn, kind, &[id])?
                .into_iter()
                .map(|(_, e)| e)
                .collect();
            groups = Groups::of(conn, &own)?;
            let heads: BTreeSet<i64> = own.iter().map(|e| groups.head(*e)).collect();
            let mut by_report: BTreeMap<(ItemKind, i64), BTreeSet<i64>> = BTreeMap::new();
            for (entity, k, item) in mentions_of(conn, &groups.all_ids())? {
                if (k, item) != (kind, id) {
                    by_report
                        .entry((k, item))
                        .or_default()
                        .insert(groups.head(entity));
                }
            }
            let mut wanted: BTreeSet<(ItemKind, i64)> = by_report.keys().copied().collect();
            wanted.insert((kind, id));
            report_facts = facts(conn, &wanted)?;
            for head in &heads {
                steps.insert(Key::Entity(*head), 1);
                links.insert((centre_key, Key::Entity(*head)));
            }
            let mut reports: Vec<((ItemKind, i64), usize)> = by_report
                .iter()
                .filter(|(key, _)| {
                    report_facts
                        .get(key)
                        .is_some_and(|f| period.holds(&f.received_on))
                })
                .map(|(key, set)| (*key, set.len()))
                .collect();
            reports.sort_by(|(a, a_n), (b, b_n)| {
                let day = |key: &(ItemKind, i64)| report_facts.get(key).map(|f| &f.received_on);
                b_n.cmp(a_n)
                    .then(reader.sees(b.0).cmp(&reader.sees(a.0)))
                    .then(day(b).cmp(&day(a)))
                    .then(b.1.cmp(&a.1))
            });
            let room = NETWORK_MAX_NODES.saturating_sub(steps.len());
            if reports.len() > room {
                truncated = true;
                reports.truncate(room);
            }
            for (report, _) in &reports {
                steps.insert(Key::Item(report.0, report.1), 2);
                for head in by_report.get(report).into_iter().flatten() {
                    links.insert((Key::Item(report.0, report.1), Key::Entity(*head)));
                }
            }
        }
    }

    let keys: Vec<Key> = {
        let mut keys: Vec<Key> = steps.keys().copied().collect();
        keys.sort_by_key(|k| (steps.get(k).copied().unwrap_or(2), *k));
        keys
    };
    let index: HashMap<Key, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let case_ids: Vec<i64> = keys
        .iter()
        .filter_map(|k| match k {
            Key::Item(ItemKind::Case, id) if reader.cases => Some(*id),
            _ => None,
        })
        .collect();
    let numbers = case_numbers(conn, &case_ids)?;
    // An entity's sources inside the view: the reports in view that name it.
    let mut entity_sources: HashMap<Key, u32> = HashMap::new();
    for (report, entity) in &links {
        let (report, entity) = match (report, entity) {
            (Key::Item(..), Key::Entity(_)) => (report, entity),
            _ => (entity, report),
        };
        if matches!(report, Key::Item(..)) {
            *entity_sources.entry(*entity).or_default() += 1;
        }
    }
    let mut nodes = Vec::with_capacity(keys.len());
    for key in &keys {
        let step = steps.get(key).copied().unwrap_or(2);
        nodes.push(match key {
            Key::Entity(id) => {
                let row = groups.rows.get(id).ok_or(ApiError::NotFound)?;
                NetworkNode {
                    kind: row.kind().into(),
                    id: Some(*id),
                    label: row.display(sealer, reader)?,
                    step,
                    sources: entity_sources.get(key).copied().unwrap_or(0),
                    received_on: None,
                }
            }
            Key::Item(kind, id) => {
                let seen = reader.sees(*kind);
                NetworkNode {
                    kind: NodeKind::from(*kind),
                    id: seen.then_some(*id),
                    label: if seen {
                        numbers.get(id).cloned().unwrap_or_default()
                    } else {
                        String::new()
                    },
                    step,
                    sources: 1,
                    // A report the reader does not work shows that it exists, not when.
                    received_on: report_facts
                        .get(&(*kind, *id))
                        .filter(|_| seen)
                        .map(|f| f.received_on.clone()),
                }
            }
        });
    }
    let mut edges: Vec<NetworkEdge> = links
        .iter()
        .filter_map(|(a, b)| {
            Some(NetworkEdge {
                from: *index.get(a)?,
                to: *index.get(b)?,
                sources: 1,
            })
        })
        .collect();
    // Entities named together by several reports in view: the thicker, the more reports.
    let mut together: BTreeMap<(Key, Key), u32> = BTreeMap::new();
    let mut per_report: BTreeMap<Key, Vec<Key>> = BTreeMap::new();
    for (report, entity) in &links {
        if let (Key::Item(..), Key::Entity(_)) = (report, entity) {
            per_report.entry(*report).or_default().push(*entity);
        }
    }
    for named in per_report.values() {
        for (i, a) in named.iter().enumerate() {
            for b in named.iter().skip(i + 1) {
                *together.entry((*a.min(b), *a.max(b))).or_default() += 1;
            }
        }
    }
    for ((a, b), count) in together {
        if count >= 2 {
            if let (Some(from), Some(to)) = (index.get(&a), index.get(&b)) {
                edges.push(NetworkEdge {
                    from: *from,
                    to: *to,
                    sources: count,
                });
            }
        }
    }
    Ok(Network {
        nodes,
        edges,
        truncated,
    })
}

/// A network's entities, and the links between those that reports name together, as
/// FollowTheMoney entities, one JSON object per line: the format Aleph and OpenSanctions load.
/// Reports themselves stay out (their content is not for another tool); a link says in how many
/// reports of the view the two were named together.
pub fn followthemoney(network: &Network) -> String {
    let ftm_id = |node: &NetworkNode| {
        node.id.map(|id| {
            format!(
                "sanad-{}-{id}",
                serde_json::to_value(node.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            )
        })
    };
    let mut lines = Vec::new();
    for node in &network.nodes {
        let Some(id) = ftm_id(node) else {
            continue;
        };
        let notes = format!(
            "Named by {} independent reports in this view (Sanad)",
            node.sources
        );
        let entity = match node.kind {
            NodeKind::Phone => serde_json::json!({
                "id": id,
                "schema": "LegalEntity",
                "properties": { "name": [node.label], "phone": [node.label], "notes": [notes] },
            }),
            NodeKind::Account => {
                let (service, handle) = node.label.split_once(':').unwrap_or(("", &node.label));
                serde_json::json!({
                    "id": id,
                    "schema": "UserAccount",
                    "properties": { "username": [handle], "service": [service], "notes": [notes] },
                })
            }
            NodeKind::Agency => serde_json::json!({
                "id": id,
                "schema": "Organization",
                "properties": { "name": [node.label], "notes": [notes] },
            }),
            NodeKind::Tip | NodeKind::Case => continue,
        };
        lines.push(entity.to_string());
    }
    // Entities a report in the view names together, counted over reports.
    let mut named: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for edge in &network.edges {
        let kind_of = |i: u32| network.nodes.get(i as usize).map(|n| n.kind);
        let is_report = |k: Option<NodeKind>| matches!(k, Some(NodeKind::Tip | NodeKind::Case));
        let (report, entity) = if is_report(kind_of(edge.from)) {
            (edge.from, edge.to)
        } else if is_report(kind_of(edge.to)) {
            (edge.to, edge.from)
        } else {
            continue;
        };
        named.entry(report).or_default().push(entity);
    }
    let mut together: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for entities in named.values() {
        for (i, a) in entities.iter().enumerate() {
            for b in entities.iter().skip(i + 1) {
                *together.entry(((*a).min(*b), (*a).max(*b))).or_default() += 1;
            }
        }
    }
    for ((a, b), reports) in together {
        let (Some(from), Some(to)) = (
            network.nodes.get(a as usize).and_then(ftm_id),
            network.nodes.get(b as usize).and_then(ftm_id),
        ) else {
            continue;
        };
        lines.push(
            serde_json::json!({
                "id": format!("sanad-link-{from}-{to}"),
                "schema": "UnknownLink",
                "properties": {
                    "subject": [from],
                    "object": [to],
                    "role": ["named together"],
                    "summary": [format!("Named together in {reports} independent reports (Sanad)")],
                },
            })
            .to_string(),
        );
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_names_lose_the_words_that_only_say_agency() {
        assert_eq!(
            agency_key("شركة النور للسفر والسياحة"),
            agency_key("النور للسفر")
        );
        assert_eq!(
            agency_key("Al-Noor Travel & Tourism Co."),
            agency_key("al noor travel")
        );
        assert_eq!(agency_key("  "), None);
        // A name made only of generic words is still a name.
        assert_eq!(
            agency_key("Travel Agency").as_deref(),
            Some("travel agency")
        );
        // The two scripts stay apart until staff merge them.
        assert_ne!(agency_key("النور"), agency_key("Al Noor"));
    }

    #[test]
    fn phones_are_found_in_text_in_any_digit_set() {
        assert_eq!(
            phones_in("رقمه ٠٧٧٠ ١٢٣ ٤٥٦٧ اتصلوا به"),
            vec!["+9647701234567".to_owned()]
        );
        assert_eq!(
            phones_in("call 07701234567, or +964 780 111 2222."),
            vec!["+9647701234567".to_owned(), "+9647801112222".to_owned()]
        );
        assert!(phones_in("born 1999, 12 people, 2024-05-01").is_empty());
        assert!(phones_in("").is_empty());
    }

    #[test]
    fn a_tip_names_its_numbers_accounts_and_agency_once_each() {
        let content = TipContent {
            description: "He also uses 0770 123 4567".into(),
            names: vec![],
            phones: vec!["+9647701234567".into()],
            accounts: vec![sanad_shared::tips::OnlineAccount {
                platform: sanad_shared::tips::Platform::Telegram,
                handle: "https://t.me/Recruits_IQ".into(),
            }],
            agency: Some(" شركة النور ".into()),
            place: None,
        };
        let found = in_tip(&content);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].key, "+9647701234567");
        assert_eq!(found[1].key, "telegram:recruits_iq");
        assert_eq!(found[2].kind, EntityKind::Agency);
        assert_eq!(found[2].display, "شركة النور");
    }

    #[test]
    fn a_recruiter_written_as_a_number_is_a_number_only() {
        let content = CaseContent {
            recruiter: Some("٠٧٨٠١١١٢٢٢٢".into()),
            ..CaseContent::default()
        };
        let found = in_case(&content);
        assert_eq!(
            found,
            vec![Found {
                kind: EntityKind::Phone,
                key: "+9647801112222".into(),
                display: "+9647801112222".into()
            }]
        );
    }
}
