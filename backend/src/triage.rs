//! Triage for tips and cases alike: priority from rules (each with its reason) and by hand,
//! first look and overdue marks, assignment, labels, internal notes, who else has an item open,
//! and the version that refuses a change made on a stale view. One implementation, keyed by
//! [`ItemKind`]; tips and cases tell it when an item arrives or changes status.

use std::collections::BTreeSet;

use diesel::prelude::*;
use sanad_shared::{
    staff::Role,
    triage::{
        InternalNote, ItemKind, Label, LabelNames, NewLabel, PriorityLevel, PriorityReason,
        QueueCounts, StaffRef, TimelineChange, TimelineEvent, Triage, DEFAULT_FIRST_LOOK_HOURS,
    },
};
use time::{Date, Duration, OffsetDateTime};

use crate::{
    anonymous::random_ref,
    audit::now_ms,
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    schema::{
        case_keys, item_labels, item_notes, item_words, labels, presence, staff, staff_roles,
        tip_identifiers, triage,
    },
    settings,
};

/// The admins' first-look target, in hours.
pub const FIRST_LOOK_HOURS: &str = "first_look_hours";

/// Statuses that leave the working queue: counted as done in the overview.
const DONE: [&str; 5] = ["actioned", "dismissed", "closed", "returned", "deceased"];

/// The statuses of a kind still in the working queue. Counts name them rather than "not done":
/// SQLite then seeks each in the `(kind, status, …)` index instead of testing every entry of
/// the kind (the overview's five sums over 100,000 open tips: 62 ms as "not done", 37 ms so).
fn open_statuses(kind: ItemKind) -> Vec<&'static str> {
    let all: Vec<&'static str> = match kind {
        ItemKind::Tip => sanad_shared::tips::TipStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .collect(),
        ItemKind::Case => sanad_shared::cases::CaseStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .collect(),
    };
    all.into_iter().filter(|s| !DONE.contains(s)).collect()
}

/// How long a presence mark counts as "has it open".
const PRESENCE_MS: i64 = 60_000;

/// What the rules need to know of an item when it arrives.
#[derive(Clone, Debug)]
pub struct Arrival {
    pub status: String,
    pub governorate: Option<String>,
    pub received_on: String,
    pub departure_on: Option<String>,
    pub minor: bool,
    pub has_attachments: bool,
}

/// The inputs of the priority rules.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub departure_on: Option<Date>,
    pub minor: bool,
    pub linked: u32,
    pub received_on: Option<Date>,
    pub looked_at: bool,
    pub adjust: i32,
}

/// The priority rules, pure: each adds to the score and says why.
/// - someone leaves within a week: +40 (within two weeks: +20); a departure in the past counts
///   no more (the person has left; the case is for caseworkers now);
/// - a minor is involved: +30;
/// - other tips and cases share a phone or account: +5 each, at most +25;
/// - no first look yet: +5 per day waited, at most +20;
/// - a staff member's hand change, -50 to +50.
pub fn score(facts: &Facts, today: Date) -> (i32, Vec<PriorityReason>) {
    let mut score = 0;
    let mut reasons = Vec::new();
    if let Some(departure) = facts.departure_on {
        let days = (departure - today).whole_days();
        if (0..=14).contains(&days) {
            score += if days <= 7 { 40 } else { 20 };
            reasons.push(PriorityReason::DepartureSoon {
                days: u32::try_from(days).unwrap_or(0),
            });
        }
    }
    if facts.minor {
        score += 30;
        reasons.push(PriorityReason::Minor);
    }
    if facts.linked > 0 {
        score += i32::try_from(facts.linked.saturating_mul(5).min(25)).unwrap_or(25);
        reasons.push(PriorityReason::Linked {
            count: facts.linked,
        });
    }
    if !facts.looked_at {
        let days = facts
            .received_on
            .map(|r| (today - r).whole_days())
            .unwrap_or(0);
        if days >= 1 {
            score += i32::try_from((days * 5).min(20)).unwrap_or(20);
            reasons.push(PriorityReason::Waiting {
                days: u32::try_from(days).unwrap_or(u32::MAX),
            });
        }
    }
    if facts.adjust != 0 {
        score += facts.adjust;
        reasons.push(PriorityReason::Manual {
            adjust: facts.adjust,
        });
    }
    (score, reasons)
}

pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

fn day(text: &str) -> Option<Date> {
    Date::parse(
        text,
        &time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// Whether an item received on `received_on` and not yet looked at is past the target: its day
/// is all we know of its arrival, so it counts from the start of that day (never later than it
/// really came).
fn is_overdue(received_on: &str, looked_at: bool, hours: u32, now: OffsetDateTime) -> bool {
    !looked_at
        && day(received_on).is_some_and(|d| d <= (now - Duration::hours(hours.into())).date())
}

/// The newest day whose items are overdue now.
fn overdue_cutoff(hours: u32, now: OffsetDateTime) -> String {
    (now - Duration::hours(hours.into())).date().to_string()
}

pub fn first_look_hours(conn: &mut DbConnection) -> Result<u32, ApiError> {
    Ok(settings::get(conn, FIRST_LOOK_HOURS)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_FIRST_LOOK_HOURS))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = triage)]
struct Row {
    item_id: i64,
    received_on: String,
    priority: i32,
    reasons: String,
    departure_on: Option<String>,
    minor: bool,
    linked: i32,
    adjust: i32,
    adjust_reason: Option<Vec<u8>>,
    assignee: Option<String>,
    first_look_on: Option<String>,
    version: i64,
}

/// The score counts links up to this many, and so does the queue's `linked` column: a tip naming
/// a number that 1,000 others name then writes no row but its own and those of the newest few
/// (counting every link stored, each new tip rewrote all 1,000 rows; PostgreSQL's submissions
/// fell from 81 to 13 a second over the bench's rounds). An item at the cap has its links
/// counted when it is read.
const LINKS_SCORED: i32 = 5;

impl Row {
    fn facts(&self) -> Facts {
        Facts {
            departure_on: self.departure_on.as_deref().and_then(day),
            minor: self.minor,
            linked: u32::try_from(self.linked).unwrap_or(0),
            received_on: day(&self.received_on),
            looked_at: self.first_look_on.is_some(),
            adjust: self.adjust,
        }
    }

    /// The stored reasons, with every link counted.
    fn reasons(
        &self,
        conn: &mut DbConnection,
        kind: ItemKind,
    ) -> Result<Vec<PriorityReason>, ApiError> {
        let mut reasons: Vec<PriorityReason> = serde_json::from_str(&self.reasons)
            .map_err(|_| ApiError::internal("priority reasons"))?;
        if self.linked >= LINKS_SCORED {
            for reason in &mut reasons {
                if let PriorityReason::Linked { count } = reason {
                    *count = link_count(conn, kind, self.item_id)?;
                }
            }
        }
        Ok(reasons)
    }
}

fn row(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<Row, ApiError> {
    triage::table
        .find((kind.as_str(), id))
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

/// An item's own indexes, each with whether it is a phone number: tips keep phones and
/// accounts, cases their phones among their keys (and share only those).
fn own_indexes(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
) -> Result<Vec<(String, bool)>, ApiError> {
    Ok(match kind {
        ItemKind::Tip => tip_identifiers::table
            .filter(tip_identifiers::tip_id.eq(id))
            .select((tip_identifiers::blind_index, tip_identifiers::kind))
            .load::<(String, String)>(conn)?
            .into_iter()
            .map(|(index, kind)| (index, kind == "phone"))
            .collect(),
        ItemKind::Case => case_keys::table
            .filter(case_keys::case_id.eq(id))
            .filter(case_keys::kind.eq("phone"))
            .select(case_keys::blind_index)
            .load::<String>(conn)?
            .into_iter()
            .map(|index| (index, true))
            .collect(),
    })
}

/// The tips and cases that share a phone number or an account with this item.
fn linked_items(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
) -> Result<Vec<(ItemKind, i64)>, ApiError> {
    let (phones, accounts): (Vec<_>, Vec<_>) = own_indexes(conn, kind, id)?
        .into_iter()
        .partition(|(_, is_phone)| *is_phone);
    let phones: Vec<String> = phones.into_iter().map(|(i, _)| i).collect();
    let accounts: Vec<String> = accounts.into_iter().map(|(i, _)| i).collect();
    if phones.is_empty() && accounts.is_empty() {
        return Ok(Vec::new());
    }
    let all: Vec<&String> = phones.iter().chain(&accounts).collect();
    let mut found: BTreeSet<(ItemKind, i64)> = tip_identifiers::table
        .filter(tip_identifiers::blind_index.eq_any(&all))
        .select(tip_identifiers::tip_id)
        .distinct()
        .load::<i64>(conn)?
        .into_iter()
        .map(|t| (ItemKind::Tip, t))
        .collect();
    if !phones.is_empty() {
        found.extend(
            case_keys::table
                .filter(case_keys::kind.eq("phone"))
                .filter(case_keys::blind_index.eq_any(&phones))
                .select(case_keys::case_id)
                .distinct()
                .load::<i64>(conn)?
                .into_iter()
                .map(|c| (ItemKind::Case, c)),
        );
    }
    found.remove(&(kind, id));
    Ok(found.into_iter().collect())
}

/// How many tips and cases share a phone number or an account with this item: what
/// [`linked_items`] finds, counted by the database.
fn link_count(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<u32, ApiError> {
    use diesel::{dsl::count, AggregateExpressionMethods as _};
    // The item's own indexes, under another name: they are read from the table being counted.
    let (my_identifiers, my_keys) =
        diesel::alias!(tip_identifiers as my_identifiers, case_keys as my_keys);
    let (tips, cases): (i64, i64) = match kind {
        ItemKind::Tip => (
            tip_identifiers::table
                .filter(
                    tip_identifiers::blind_index.eq_any(
                        my_identifiers
                            .filter(my_identifiers.field(tip_identifiers::tip_id).eq(id))
                            .select(my_identifiers.field(tip_identifiers::blind_index)),
                    ),
                )
                .filter(tip_identifiers::tip_id.ne(id))
                .select(count(tip_identifiers::tip_id).aggregate_distinct())
                .first(conn)?,
            case_keys::table
                .filter(case_keys::kind.eq("phone"))
                .filter(
                    case_keys::blind_index.eq_any(
                        tip_identifiers::table
                            .filter(tip_identifiers::tip_id.eq(id))
                            .filter(tip_identifiers::kind.eq("phone"))
                            .select(tip_identifiers::blind_index),
                    ),
                )
                .select(count(case_keys::case_id).aggregate_distinct())
                .first(conn)?,
        ),
        ItemKind::Case => (
            tip_identifiers::table
                .filter(
                    tip_identifiers::blind_index.eq_any(
                        case_keys::table
                            .filter(case_keys::case_id.eq(id))
                            .filter(case_keys::kind.eq("phone"))
                            .select(case_keys::blind_index),
                    ),
                )
                .select(count(tip_identifiers::tip_id).aggregate_distinct())
                .first(conn)?,
            case_keys::table
                .filter(case_keys::kind.eq("phone"))
                .filter(
                    case_keys::blind_index.eq_any(
                        my_keys
                            .filter(my_keys.field(case_keys::case_id).eq(id))
                            .filter(my_keys.field(case_keys::kind).eq("phone"))
                            .select(my_keys.field(case_keys::blind_index)),
                    ),
                )
                .filter(case_keys::case_id.ne(id))
                .select(count(case_keys::case_id).aggregate_distinct())
                .first(conn)?,
        ),
    };
    Ok(u32::try_from(tips.saturating_add(cases)).unwrap_or(u32::MAX))
}

/// Recomputes one item's links and score from what is stored.
fn rescore(conn: &mut DbConnection, kind: ItemKind, id: i64, today: Date) -> Result<(), ApiError> {
    let linked = i32::try_from(linked_items(conn, kind, id)?.len())
        .unwrap_or(i32::MAX)
        .min(LINKS_SCORED);
    let mut current = row(conn, kind, id)?;
    if current.linked != linked {
        diesel::update(triage::table.find((kind.as_str(), id)))
            .set(triage::linked.eq(linked))
            .execute(conn)?;
        current.linked = linked;
    }
    store_score(conn, kind, &current, today)
}

fn store_score(
    conn: &mut DbConnection,
    kind: ItemKind,
    current: &Row,
    today: Date,
) -> Result<(), ApiError> {
    let (priority, reasons) = score(&current.facts(), today);
    let reasons =
        serde_json::to_string(&reasons).map_err(|_| ApiError::internal("priority reasons"))?;
    if priority != current.priority || reasons != current.reasons {
        diesel::update(triage::table.find((kind.as_str(), current.item_id)))
            .set((triage::priority.eq(priority), triage::reasons.eq(reasons)))
            .execute(conn)?;
    }
    Ok(())
}

/// Starts tracking an item that just arrived, and rescores the items it links to (each now has
/// one more link).
pub fn arrived(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    arrival: &Arrival,
) -> Result<(), ApiError> {
    diesel::insert_into(triage::table)
        .values((
            triage::kind.eq(kind.as_str()),
            triage::item_id.eq(id),
            triage::status.eq(&arrival.status),
            triage::governorate.eq(&arrival.governorate),
            triage::received_on.eq(&arrival.received_on),
            triage::priority.eq(0),
            triage::reasons.eq("[]"),
            triage::departure_on.eq(&arrival.departure_on),
            triage::minor.eq(arrival.minor),
            triage::linked.eq(0),
            triage::has_attachments.eq(arrival.has_attachments),
            triage::adjust.eq(0),
            triage::adjust_reason.eq(None::<Vec<u8>>),
            triage::assignee.eq(None::<String>),
            triage::first_look_on.eq(None::<String>),
            triage::version.eq(0_i64),
        ))
        .execute(conn)?;
    let today = today();
    // Each item it links to has exactly one link more. Only those still under LINKS_SCORED
    // count it, and only they are scored again, so an arrival reads and writes a handful of
    // rows however many reports share its number (finding all of them, even in the database,
    // slowed each new report of a number named 2,500 times by milliseconds). Items whose links
    // were never counted (-1) wait for the hourly pass, which counts them.
    let (under_cap, links) = under_cap_candidates(conn, kind, id)?;
    for (other_kind, ids) in under_cap {
        let counted: Vec<i64> = diesel::update(
            triage::table
                .filter(triage::kind.eq(other_kind.as_str()))
                .filter(triage::item_id.eq_any(&ids))
                .filter(triage::linked.between(0, LINKS_SCORED - 1)),
        )
        .set(triage::linked.eq(triage::linked + 1))
        .returning(triage::item_id)
        .get_results(conn)?;
        if counted.is_empty() {
            continue;
        }
        let rows: Vec<Row> = triage::table
            .filter(triage::kind.eq(other_kind.as_str()))
            .filter(triage::item_id.eq_any(&counted))
            .select(Row::as_select())
            .load(conn)?;
        for current in rows {
            store_score(conn, other_kind, &current, today)?;
        }
    }
    let mut current = row(conn, kind, id)?;
    current.linked = links;
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set(triage::linked.eq(current.linked))
        .execute(conn)?;
    store_score(conn, kind, &current, today)
}

/// The items sharing a number or an account with (`kind`, `id`) that may still be under
/// [`LINKS_SCORED`] links, by kind, and the item's own links counted up to that cap. Each
/// index is read no further than the cap: when more than that many other items carry one, each
/// of them links to all the others and is at the cap, and so is this item.
#[allow(clippy::type_complexity)]
fn under_cap_candidates(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
) -> Result<(Vec<(ItemKind, Vec<i64>)>, i32), ApiError> {
    let cap = usize::try_from(LINKS_SCORED).unwrap_or(usize::MAX);
    let enough = i64::from(LINKS_SCORED) + 2;
    let indexes = own_indexes(conn, kind, id)?;
    let mut saturated = false;
    let mut found: BTreeSet<(ItemKind, i64)> = BTreeSet::new();
    for (index, is_phone) in indexes {
        let mut carriers: BTreeSet<(ItemKind, i64)> = tip_identifiers::table
            .filter(tip_identifiers::blind_index.eq(&index))
            .select(tip_identifiers::tip_id)
            .distinct()
            .limit(enough)
            .load::<i64>(conn)?
            .into_iter()
            .map(|t| (ItemKind::Tip, t))
            .collect();
        if is_phone {
            carriers.extend(
                case_keys::table
                    .filter(case_keys::kind.eq("phone"))
                    .filter(case_keys::blind_index.eq(&index))
                    .select(case_keys::case_id)
                    .distinct()
                    .limit(enough)
                    .load::<i64>(conn)?
                    .into_iter()
                    .map(|c| (ItemKind::Case, c)),
            );
        }
        carriers.remove(&(kind, id));
        if carriers.len() > cap {
            saturated = true;
        } else {
            found.extend(carriers);
        }
    }
    // Unless one index has more carriers than the cap, every link was read.
    let links = if saturated { cap } else { found.len().min(cap) };
    let by_kind = [ItemKind::Tip, ItemKind::Case]
        .into_iter()
        .map(|k| {
            let ids = found
                .iter()
                .filter(|(of, _)| *of == k)
                .map(|(_, i)| *i)
                .collect::<Vec<_>>();
            (k, ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();
    Ok((by_kind, i32::try_from(links).unwrap_or(LINKS_SCORED)))
}

/// Keeps the queue's copy of an item's status, and counts the change as a new version.
pub fn status_changed(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    status: &str,
) -> Result<(), ApiError> {
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set((
            triage::status.eq(status),
            triage::version.eq(triage::version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

/// An item gained pictures (a tipster's follow-up upload).
pub fn attachments_added(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<(), ApiError> {
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set(triage::has_attachments.eq(true))
        .execute(conn)?;
    Ok(())
}

/// A staff member opened the item: the first time ends its wait for a first look.
pub fn looked_at(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<(), ApiError> {
    let today = today();
    let updated = diesel::update(
        triage::table
            .find((kind.as_str(), id))
            .filter(triage::first_look_on.is_null()),
    )
    .set(triage::first_look_on.eq(today.to_string()))
    .execute(conn)?;
    if updated > 0 {
        let current = row(conn, kind, id)?;
        store_score(conn, kind, &current, today)?;
    }
    Ok(())
}

/// Refuses a change made on a view older than the item's current version. `None` (a client
/// that sends no version, such as an older app) is not checked.
pub fn check_version(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    version: impl Into<Option<i64>>,
) -> Result<(), ApiError> {
    let Some(version) = version.into() else {
        return Ok(());
    };
    let current = row(conn, kind, id)?.version;
    if current != version {
        return Err(ApiError::StaleView { version: current });
    }
    Ok(())
}

pub fn version_of(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<i64, ApiError> {
    Ok(row(conn, kind, id)?.version)
}

/// Counts a staff change as a new version.
pub fn bump(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<i64, ApiError> {
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set(triage::version.eq(triage::version + 1))
        .execute(conn)?;
    Ok(row(conn, kind, id)?.version)
}

/// The roles that may work an item of `kind` (and so be assigned one).
pub fn roles_for(kind: ItemKind) -> &'static [Role] {
    match kind {
        ItemKind::Tip => &[Role::Moderator, Role::Admin],
        ItemKind::Case => &[Role::Caseworker, Role::Admin],
    }
}

fn staff_ref(conn: &mut DbConnection, id: &str) -> Result<StaffRef, ApiError> {
    let name: Option<String> = staff::table
        .find(id)
        .select(staff::display_name)
        .first(conn)
        .optional()?;
    Ok(StaffRef {
        id: id.to_owned(),
        name: name.unwrap_or_else(|| id.to_owned()),
    })
}

/// Whether `staff_id` is an active staff member who may work items of `kind`.
fn may_work(conn: &mut DbConnection, kind: ItemKind, staff_id: &str) -> Result<bool, ApiError> {
    let active: Option<bool> = staff::table
        .find(staff_id)
        .select(staff::active)
        .first(conn)
        .optional()?;
    if active != Some(true) {
        return Ok(false);
    }
    let roles: Vec<String> = staff_roles::table
        .filter(staff_roles::staff_id.eq(staff_id))
        .select(staff_roles::role)
        .load(conn)?;
    Ok(roles_for(kind)
        .iter()
        .any(|r| roles.iter().any(|held| held == r.as_str())))
}

/// Active staff who can sign in and work tips or cases, by name.
pub fn colleagues(
    conn: &mut DbConnection,
) -> Result<Vec<sanad_shared::triage::Colleague>, ApiError> {
    let rows: Vec<(String, String, String)> = staff::table
        .inner_join(staff_roles::table)
        .filter(staff::active.eq(true))
        .filter(staff::password_hash.is_not_null())
        .select((staff::id, staff::display_name, staff_roles::role))
        .order(staff::display_name.asc())
        .load(conn)?;
    let mut out: Vec<sanad_shared::triage::Colleague> = Vec::new();
    for (id, name, role) in rows {
        let works = |kind| roles_for(kind).iter().any(|r| r.as_str() == role);
        let (tips, cases) = (works(ItemKind::Tip), works(ItemKind::Case));
        if !tips && !cases {
            continue;
        }
        match out.iter_mut().find(|c| c.id == id) {
            Some(colleague) => {
                colleague.tips |= tips;
                colleague.cases |= cases;
            }
            None => out.push(sanad_shared::triage::Colleague {
                id,
                name,
                tips,
                cases,
            }),
        }
    }
    Ok(out)
}

/// Assigns (or, with `None`, unassigns) an item; answers the previous assignee.
pub fn assign(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    assignee: Option<&str>,
) -> Result<Option<String>, ApiError> {
    if let Some(assignee) = assignee {
        if !may_work(conn, kind, assignee)? {
            return Err(ApiError::UnknownAssignee);
        }
    }
    let before = row(conn, kind, id)?.assignee;
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set(triage::assignee.eq(assignee))
        .execute(conn)?;
    Ok(before)
}

pub(crate) fn reason_context(kind: ItemKind, id: i64) -> String {
    format!("triage:{}:{id}:adjust_reason", kind.as_str())
}

/// Raises or lowers an item by hand (0 removes the hand change), with its reason sealed.
pub fn adjust(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
    adjust: i32,
    reason: Option<&str>,
) -> Result<(), ApiError> {
    let sealed = match reason
        .map(str::trim)
        .filter(|r| !r.is_empty() && adjust != 0)
    {
        Some(reason) => Some(sealer.seal_text(reason, &reason_context(kind, id))?),
        None => None,
    };
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set((triage::adjust.eq(adjust), triage::adjust_reason.eq(sealed)))
        .execute(conn)?;
    let current = row(conn, kind, id)?;
    store_score(conn, kind, &current, today())
}

/// Replaces an item's labels; answers (added, removed).
pub fn set_labels(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    wanted: &[i64],
) -> Result<(Vec<i64>, Vec<i64>), ApiError> {
    let wanted: BTreeSet<i64> = wanted.iter().copied().collect();
    let known: BTreeSet<i64> = labels::table
        .filter(labels::id.eq_any(&wanted))
        .select(labels::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    if known != wanted {
        return Err(ApiError::InvalidTriage(vec![
            sanad_shared::tips::FieldProblem::at("labels", "unknown_label"),
        ]));
    }
    let current: BTreeSet<i64> = labels_of(conn, kind, id)?.into_iter().collect();
    let added: Vec<i64> = wanted.difference(&current).copied().collect();
    let removed: Vec<i64> = current.difference(&wanted).copied().collect();
    if !removed.is_empty() {
        diesel::delete(
            item_labels::table
                .filter(item_labels::kind.eq(kind.as_str()))
                .filter(item_labels::item_id.eq(id))
                .filter(item_labels::label_id.eq_any(&removed)),
        )
        .execute(conn)?;
    }
    for label in &added {
        diesel::insert_into(item_labels::table)
            .values((
                item_labels::kind.eq(kind.as_str()),
                item_labels::item_id.eq(id),
                item_labels::label_id.eq(label),
            ))
            .execute(conn)?;
    }
    Ok((added, removed))
}

fn labels_of(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<Vec<i64>, ApiError> {
    Ok(item_labels::table
        .filter(item_labels::kind.eq(kind.as_str()))
        .filter(item_labels::item_id.eq(id))
        .order(item_labels::label_id.asc())
        .select(item_labels::label_id)
        .load(conn)?)
}

/// The triage state of an item, as staff see it.
pub fn view(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
) -> Result<Triage, ApiError> {
    let hours = first_look_hours(conn)?;
    let current = row(conn, kind, id)?;
    let assignee = match &current.assignee {
        Some(staff_id) => Some(staff_ref(conn, staff_id)?),
        None => None,
    };
    let manual_reason = match &current.adjust_reason {
        Some(sealed) => Some(sealer.open_text(sealed, &reason_context(kind, id))?),
        None => None,
    };
    Ok(Triage {
        priority: current.priority,
        level: PriorityLevel::of(current.priority),
        reasons: current.reasons(conn, kind)?,
        manual_reason,
        assignee,
        labels: labels_of(conn, kind, id)?,
        waiting_days: waiting_days(&current, today()),
        overdue: is_overdue(
            &current.received_on,
            current.first_look_on.is_some(),
            hours,
            OffsetDateTime::now_utc(),
        ),
        first_look_on: current.first_look_on,
        departure_on: current.departure_on,
        version: current.version,
    })
}

fn waiting_days(current: &Row, today: Date) -> u32 {
    if current.first_look_on.is_some() {
        return 0;
    }
    day(&current.received_on)
        .map(|r| u32::try_from((today - r).whole_days()).unwrap_or(0))
        .unwrap_or(0)
}

/// Marks `staff_id` as having the item open and answers who else has (seen within a minute).
pub fn present(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    staff_id: &str,
) -> Result<Vec<StaffRef>, ApiError> {
    row(conn, kind, id)?;
    let now = now_ms();
    diesel::delete(presence::table.filter(presence::seen_at_ms.lt(now - PRESENCE_MS)))
        .execute(conn)?;
    diesel::delete(presence::table.find((kind.as_str(), id, staff_id))).execute(conn)?;
    diesel::insert_into(presence::table)
        .values((
            presence::kind.eq(kind.as_str()),
            presence::item_id.eq(id),
            presence::staff_id.eq(staff_id),
            presence::seen_at_ms.eq(now),
        ))
        .execute(conn)?;
    let others: Vec<String> = presence::table
        .filter(presence::kind.eq(kind.as_str()))
        .filter(presence::item_id.eq(id))
        .filter(presence::staff_id.ne(staff_id))
        .order(presence::staff_id.asc())
        .select(presence::staff_id)
        .load(conn)?;
    others.iter().map(|o| staff_ref(conn, o)).collect()
}

/// Staff-only notes on an item, oldest first.
pub fn notes(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
) -> Result<Vec<InternalNote>, ApiError> {
    let rows: Vec<(i64, String, String, Vec<u8>, i64)> = item_notes::table
        .filter(item_notes::kind.eq(kind.as_str()))
        .filter(item_notes::item_id.eq(id))
        .order(item_notes::id.asc())
        .select((
            item_notes::id,
            item_notes::ref_key,
            item_notes::staff_id,
            item_notes::body,
            item_notes::written_at_ms,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(note_id, ref_key, staff_id, body, written_at_ms)| {
            Ok(InternalNote {
                id: note_id,
                author: staff_ref(conn, &staff_id)?,
                text: sealer.open_text(&body, &note_context(kind, &ref_key))?,
                written_at_ms,
            })
        })
        .collect()
}

/// What an item's timeline shows from the audit trail: each change staff made to it.
fn timeline_actions(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Tip => &[
            "tip_status_changed",
            "tip_assigned",
            "tip_labels_changed",
            "tip_priority_changed",
            "tip_note_added",
            "tip_replied",
        ],
        ItemKind::Case => &[
            "case_status_changed",
            "case_assigned",
            "case_labels_changed",
            "case_priority_changed",
            "case_note_added",
            "case_message_sent",
            "case_merged",
        ],
    }
}

/// Entries of an item's timeline at most: a tip worked for years stays one page.
const TIMELINE_MAX: i64 = 1_000;

/// An item's history, oldest first: status changes, assignments, labels, hand priority
/// changes, notes and replies from the audit trail (with their time and who), and what the
/// tipster or family wrote (its day only; placed after the staff reply it follows, or at the
/// start of its day).
pub fn timeline(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
) -> Result<Vec<TimelineEvent>, ApiError> {
    use crate::schema::{audit_log, case_messages, tip_messages};
    row(conn, kind, id)?;
    let entries: Vec<(i64, String, String, String)> = audit_log::table
        .filter(audit_log::object.eq(format!("{}:{id}", kind.as_str())))
        .filter(audit_log::action.eq_any(timeline_actions(kind)))
        .order(audit_log::seq.asc())
        .limit(TIMELINE_MAX)
        .select((
            audit_log::at_ms,
            audit_log::actor,
            audit_log::action,
            audit_log::details,
        ))
        .load(conn)?;
    let notes: std::collections::BTreeMap<i64, String> = match kind {
        ItemKind::Tip => notes(conn, sealer, kind, id)?
            .into_iter()
            .map(|n| (n.id, n.text))
            .collect(),
        ItemKind::Case => Default::default(),
    };
    let mut people: std::collections::BTreeMap<String, StaffRef> = Default::default();
    let mut person = |conn: &mut DbConnection, id: &str| -> Result<StaffRef, ApiError> {
        if let Some(known) = people.get(id) {
            return Ok(known.clone());
        }
        let found = staff_ref(conn, id)?;
        people.insert(id.to_owned(), found.clone());
        Ok(found)
    };
    // (sort key in ms, event); the replies' message ids place what the other side wrote.
    let mut events: Vec<(i64, TimelineEvent)> = Vec::new();
    let mut replies: Vec<(i64, i64)> = Vec::new();
    for (at_ms, actor, action, details) in entries {
        let details: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
        let text = |key: &str| details[key].as_str().unwrap_or_default().to_owned();
        let ids = |key: &str| -> Vec<i64> {
            details[key]
                .as_array()
                .map(|a| a.iter().filter_map(serde_json::Value::as_i64).collect())
                .unwrap_or_default()
        };
        let change = match action.rsplit_once('_').map_or("", |(_, last)| last) {
            _ if action.ends_with("status_changed") => TimelineChange::Status {
                from: text("from"),
                to: text("to"),
            },
            "assigned" => TimelineChange::Assigned {
                to: match details["to"].as_str() {
                    Some(staff) => Some(person(conn, staff)?),
                    None => None,
                },
            },
            _ if action.ends_with("labels_changed") => TimelineChange::Labels {
                added: ids("added"),
                removed: ids("removed"),
            },
            _ if action.ends_with("priority_changed") => TimelineChange::Priority {
                adjust: details["adjust"]
                    .as_i64()
                    .and_then(|a| i32::try_from(a).ok())
                    .unwrap_or(0),
            },
            _ if action.ends_with("note_added") => TimelineChange::Note {
                text: details["note"]
                    .as_i64()
                    .and_then(|note| notes.get(&note).cloned()),
            },
            "replied" | "sent" => {
                if let Some(message) = details["message"].as_i64() {
                    replies.push((message, at_ms));
                }
                TimelineChange::Replied
            }
            "merged" => TimelineChange::Merged,
            _ => continue,
        };
        let by = match actor.strip_prefix("staff:") {
            Some(staff) => Some(person(conn, staff)?),
            None => None,
        };
        let on = OffsetDateTime::from_unix_timestamp_nanos(i128::from(at_ms) * 1_000_000)
            .map(|t| t.date().to_string())
            .unwrap_or_default();
        events.push((
            at_ms,
            TimelineEvent {
                on,
                at_ms: Some(at_ms),
                by,
                change,
            },
        ));
    }
    let wrote: Vec<(i64, String)> = match kind {
        ItemKind::Tip => tip_messages::table
            .filter(tip_messages::tip_id.eq(id))
            .filter(tip_messages::staff_id.is_null())
            .order(tip_messages::id.asc())
            .select((tip_messages::id, tip_messages::sent_on))
            .load(conn)?,
        ItemKind::Case => case_messages::table
            .filter(case_messages::case_id.eq(id))
            .filter(case_messages::staff_id.is_null())
            .order(case_messages::id.asc())
            .select((case_messages::id, case_messages::sent_on))
            .load(conn)?,
    };
    for (message, sent_on) in wrote {
        let day_start = day(&sent_on)
            .map(|d| d.midnight().assume_utc().unix_timestamp() * 1000)
            .unwrap_or(0);
        // After the last staff reply before it, when that reply was the same day.
        let after_reply = replies
            .iter()
            .filter(|(reply, at)| *reply < message && *at >= day_start)
            .map(|(_, at)| at + 1)
            .max();
        events.push((
            after_reply.unwrap_or(day_start),
            TimelineEvent {
                on: sent_on,
                at_ms: None,
                by: None,
                change: TimelineChange::Wrote,
            },
        ));
    }
    events.sort_by_key(|(key, _)| *key);
    Ok(events.into_iter().map(|(_, event)| event).collect())
}

pub(crate) fn note_context(kind: ItemKind, ref_key: &str) -> String {
    format!("{}-note:{ref_key}", kind.as_str())
}

pub const MAX_NOTE_CHARS: usize = 5_000;

pub fn add_note(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
    staff_id: &str,
    text: &str,
) -> Result<InternalNote, ApiError> {
    row(conn, kind, id)?;
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_NOTE_CHARS {
        return Err(ApiError::InvalidTriage(vec![
            sanad_shared::tips::FieldProblem::at(
                "text",
                if text.is_empty() {
                    "required"
                } else {
                    "too_long"
                },
            ),
        ]));
    }
    let ref_key = random_ref();
    let body = sealer.seal_text(text, &note_context(kind, &ref_key))?;
    let written_at_ms = now_ms();
    diesel::insert_into(item_notes::table)
        .values((
            item_notes::kind.eq(kind.as_str()),
            item_notes::item_id.eq(id),
            item_notes::ref_key.eq(&ref_key),
            item_notes::staff_id.eq(staff_id),
            item_notes::body.eq(body),
            item_notes::written_at_ms.eq(written_at_ms),
        ))
        .execute(conn)?;
    let note_id: i64 = item_notes::table
        .filter(item_notes::ref_key.eq(&ref_key))
        .select(item_notes::id)
        .first(conn)?;
    Ok(InternalNote {
        id: note_id,
        author: staff_ref(conn, staff_id)?,
        text: text.to_owned(),
        written_at_ms,
    })
}

/// The keyed blind indexes of the words in `texts`: each word normalised as the name matcher
/// does (Arabic and Kurdish letter variants unified, diacritics dropped, Latin lower-cased), so a
/// search finds any spelling the normaliser unifies. Single letters are left out.
pub fn word_indexes(sealer: &Sealer, texts: &[&str]) -> Result<Vec<String>, ApiError> {
    let words: BTreeSet<String> = texts
        .iter()
        .flat_map(|text| crate::names::tokens(text))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    words
        .iter()
        .map(|w| {
            sealer
                .blind_index("word", w)
                .map_err(|_| ApiError::internal("blind index"))
        })
        .collect()
}

/// Stores an item's word indexes (replacing any it had).
pub fn index_words(
    conn: &mut DbConnection,
    kind: ItemKind,
    id: i64,
    words: &[String],
) -> Result<(), ApiError> {
    forget_words(conn, kind, id)?;
    if words.is_empty() {
        return Ok(());
    }
    // One statement for all of them: a report has a few dozen words, and on PostgreSQL each
    // statement is a round trip.
    let rows: Vec<_> = words
        .iter()
        .map(|word| {
            (
                item_words::kind.eq(kind.as_str()),
                item_words::item_id.eq(id),
                item_words::word.eq(word),
            )
        })
        .collect();
    let insert = diesel::insert_into(item_words::table).values(&rows);
    match conn {
        DbConnection::Sqlite(conn) => insert.execute(conn)?,
        DbConnection::Postgres(conn) => insert.execute(conn)?,
    };
    Ok(())
}

/// Removes what staff wrote about an item and its word indexes (its content was wiped);
/// its labels, status and priority stay.
pub fn forget(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<(), ApiError> {
    forget_words(conn, kind, id)?;
    diesel::delete(
        item_notes::table
            .filter(item_notes::kind.eq(kind.as_str()))
            .filter(item_notes::item_id.eq(id)),
    )
    .execute(conn)?;
    diesel::update(triage::table.find((kind.as_str(), id)))
        .set((
            triage::adjust_reason.eq(None::<Vec<u8>>),
            triage::departure_on.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Removes an item's word indexes (its content was wiped).
pub fn forget_words(conn: &mut DbConnection, kind: ItemKind, id: i64) -> Result<(), ApiError> {
    diesel::delete(
        item_words::table
            .filter(item_words::kind.eq(kind.as_str()))
            .filter(item_words::item_id.eq(id)),
    )
    .execute(conn)?;
    Ok(())
}

/// Who a queue is filtered to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssigneeFilter {
    Me,
    Nobody,
    Staff(String),
}

/// A queue's filters; all combine.
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    pub statuses: Vec<String>,
    pub level: Option<PriorityLevel>,
    pub label: Option<i64>,
    pub assignee: Option<AssigneeFilter>,
    pub governorate: Option<String>,
    /// Received on or after / on or before these days (`YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    pub overdue: bool,
    pub has_attachments: Option<bool>,
    pub linked: Option<bool>,
    /// Blind indexes of words every item must hold ([`word_indexes`] of the search typed).
    pub words: Vec<String>,
}

/// One page of a queue, priority first, then the longest waiting: the item ids, and whether
/// more follow.
pub fn queue(
    conn: &mut DbConnection,
    kind: ItemKind,
    filter: &QueueFilter,
    me: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<i64>, bool), ApiError> {
    let mut query = triage::table
        .filter(triage::kind.eq(kind.as_str()))
        .select(triage::item_id)
        .order((triage::priority.desc(), triage::item_id.asc()))
        .offset(offset)
        .limit(limit + 1)
        .into_boxed();
    if !filter.statuses.is_empty() {
        query = query.filter(triage::status.eq_any(filter.statuses.clone()));
    }
    if let Some(level) = filter.level {
        let (low, high) = level.range();
        query = query.filter(triage::priority.between(low, high));
    }
    if let Some(label) = filter.label {
        query = query.filter(
            triage::item_id.eq_any(
                item_labels::table
                    .filter(item_labels::label_id.eq(label))
                    .filter(item_labels::kind.eq(kind.as_str()))
                    .select(item_labels::item_id),
            ),
        );
    }
    match &filter.assignee {
        Some(AssigneeFilter::Me) => query = query.filter(triage::assignee.eq(me.to_owned())),
        Some(AssigneeFilter::Nobody) => query = query.filter(triage::assignee.is_null()),
        Some(AssigneeFilter::Staff(id)) => query = query.filter(triage::assignee.eq(id.clone())),
        None => {}
    }
    if let Some(governorate) = &filter.governorate {
        query = query.filter(triage::governorate.eq(governorate.clone()));
    }
    if let Some(from) = &filter.from {
        query = query.filter(triage::received_on.ge(from.clone()));
    }
    if let Some(to) = &filter.to {
        query = query.filter(triage::received_on.le(to.clone()));
    }
    if filter.overdue {
        let hours = first_look_hours(conn)?;
        query = query
            .filter(triage::first_look_on.is_null())
            .filter(triage::received_on.le(overdue_cutoff(hours, OffsetDateTime::now_utc())));
    }
    if let Some(attachments) = filter.has_attachments {
        query = query.filter(triage::has_attachments.eq(attachments));
    }
    match filter.linked {
        Some(true) => query = query.filter(triage::linked.gt(0)),
        Some(false) => query = query.filter(triage::linked.eq(0)),
        None => {}
    }
    // One subquery per word, so a common word never turns into a list of ids too long to bind.
    for word in &filter.words {
        query = query.filter(
            triage::item_id.eq_any(
                item_words::table
                    .filter(item_words::word.eq(word.clone()))
                    .filter(item_words::kind.eq(kind.as_str()))
                    .select(item_words::item_id),
            ),
        );
    }
    let mut ids: Vec<i64> = query.load(conn)?;
    let more = ids.len() as i64 > limit;
    ids.truncate(usize::try_from(limit).unwrap_or(0));
    Ok((ids, more))
}

/// The triage state of many items at once, for a queue page (no notes, no sealed reasons).
pub fn summaries(
    conn: &mut DbConnection,
    kind: ItemKind,
    ids: &[i64],
) -> Result<std::collections::BTreeMap<i64, Triage>, ApiError> {
    let hours = first_look_hours(conn)?;
    let now = OffsetDateTime::now_utc();
    let rows: Vec<Row> = triage::table
        .filter(triage::kind.eq(kind.as_str()))
        .filter(triage::item_id.eq_any(ids))
        .select(Row::as_select())
        .load(conn)?;
    let label_rows: Vec<(i64, i64)> = item_labels::table
        .filter(item_labels::kind.eq(kind.as_str()))
        .filter(item_labels::item_id.eq_any(ids))
        .order((item_labels::item_id.asc(), item_labels::label_id.asc()))
        .select((item_labels::item_id, item_labels::label_id))
        .load(conn)?;
    let mut out = std::collections::BTreeMap::new();
    // A page of 100 tips has a handful of assignees: each name is read once.
    let mut names: std::collections::BTreeMap<String, StaffRef> = std::collections::BTreeMap::new();
    for current in rows {
        let assignee = match &current.assignee {
            Some(staff_id) => Some(match names.get(staff_id) {
                Some(known) => known.clone(),
                None => {
                    let found = staff_ref(conn, staff_id)?;
                    names.insert(staff_id.clone(), found.clone());
                    found
                }
            }),
            None => None,
        };
        out.insert(
            current.item_id,
            Triage {
                priority: current.priority,
                level: PriorityLevel::of(current.priority),
                reasons: current.reasons(conn, kind)?,
                manual_reason: None,
                assignee,
                labels: label_rows
                    .iter()
                    .filter(|(item, _)| *item == current.item_id)
                    .map(|(_, l)| *l)
                    .collect(),
                waiting_days: waiting_days(&current, now.date()),
                overdue: is_overdue(
                    &current.received_on,
                    current.first_look_on.is_some(),
                    hours,
                    now,
                ),
                first_look_on: current.first_look_on,
                departure_on: current.departure_on,
                version: current.version,
            },
        );
    }
    Ok(out)
}

/// Open items of `kind` counted for the overview, in one pass over the `triage_overview`
/// index, which holds every column the counts read: five separate counts walked the open
/// items five times and looked half of them up in the table (280 ms p99 with 100,000 of each).
pub fn counts(conn: &mut DbConnection, kind: ItemKind, me: &str) -> Result<QueueCounts, ApiError> {
    use diesel::{
        dsl::{case_when, count_star, sum},
        sql_types::Integer,
    };
    let one = || 1_i32.into_sql::<Integer>();
    let cutoff = overdue_cutoff(first_look_hours(conn)?, OffsetDateTime::now_utc());
    let (open, mine, unassigned, overdue, urgent): (
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    ) = triage::table
        .filter(triage::kind.eq(kind.as_str()))
        .filter(triage::status.eq_any(open_statuses(kind)))
        .select((
            count_star(),
            sum(case_when(triage::assignee.eq(me.to_owned()), one()).otherwise(0)),
            sum(case_when(triage::assignee.is_null(), one()).otherwise(0)),
            sum(case_when(
                triage::first_look_on
                    .is_null()
                    .and(triage::received_on.le(cutoff)),
                one(),
            )
            .otherwise(0)),
            sum(
                case_when(triage::priority.ge(PriorityLevel::Urgent.range().0), one()).otherwise(0),
            ),
        ))
        .get_result(conn)?;
    let narrow = |n: Option<i64>| u32::try_from(n.unwrap_or(0)).unwrap_or(u32::MAX);
    Ok(QueueCounts {
        open: narrow(Some(open)),
        mine: narrow(mine),
        unassigned: narrow(unassigned),
        overdue: narrow(overdue),
        urgent: narrow(urgent),
    })
}

/// How many items of a kind are open now, and how many of those wait past the first-look
/// target: the two "now" figures of the statistics, without the overview's other sums.
pub fn open_and_overdue(conn: &mut DbConnection, kind: ItemKind) -> Result<(u32, u32), ApiError> {
    use diesel::{
        dsl::{case_when, count_star, sum},
        sql_types::Integer,
    };
    let cutoff = overdue_cutoff(first_look_hours(conn)?, OffsetDateTime::now_utc());
    let (open, overdue): (i64, Option<i64>) = triage::table
        .filter(triage::kind.eq(kind.as_str()))
        .filter(triage::status.eq_any(open_statuses(kind)))
        .select((
            count_star(),
            sum(case_when(
                triage::first_look_on
                    .is_null()
                    .and(triage::received_on.le(cutoff)),
                1_i32.into_sql::<Integer>(),
            )
            .otherwise(0)),
        ))
        .get_result(conn)?;
    let narrow = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok((narrow(open), narrow(overdue.unwrap_or(0))))
}

/// Rescores every open item whose score depends on the calendar (a departure date, or still
/// waiting for a first look) or whose links were never counted (items from before triage);
/// run at start and every hour. Only the never-counted look their links up; the rest are
/// rescored from their row. The work goes in short transactions, so sign-ins and submissions
/// are not kept waiting behind a pass over a large database.
pub fn refresh_priorities(conn: &mut DbConnection) -> Result<usize, ApiError> {
    const CHUNK: usize = 500;
    let today = today();
    let candidates: Vec<(String, i64)> = triage::table
        .filter(triage::status.ne_all(DONE))
        .filter(
            triage::departure_on
                .is_not_null()
                .or(triage::first_look_on.is_null())
                .or(triage::linked.lt(0)),
        )
        .order((triage::kind.asc(), triage::item_id.asc()))
        .select((triage::kind, triage::item_id))
        .load(conn)?;
    let mut changed = 0;
    for kind in [ItemKind::Tip, ItemKind::Case] {
        let ids: Vec<i64> = candidates
            .iter()
            .filter(|(k, _)| k == kind.as_str())
            .map(|(_, id)| *id)
            .collect();
        for chunk in ids.chunks(CHUNK) {
            // Most rows keep their score: that is found out without the writer's lock, so a
            // pass that changes nothing never holds it.
            let rows: Vec<Row> = triage::table
                .filter(triage::kind.eq(kind.as_str()))
                .filter(triage::item_id.eq_any(chunk))
                .select(Row::as_select())
                .load(conn)?;
            let stale = rows.iter().any(|current| {
                let (priority, reasons) = score(&current.facts(), today);
                current.linked < 0
                    || priority != current.priority
                    || serde_json::to_string(&reasons).ok().as_deref()
                        != Some(current.reasons.as_str())
            });
            if !stale {
                continue;
            }
            let started = std::time::Instant::now();
            crate::db::write_transaction(conn, |conn| -> Result<(), ApiError> {
                let rows: Vec<Row> = triage::table
                    .filter(triage::kind.eq(kind.as_str()))
                    .filter(triage::item_id.eq_any(chunk))
                    .select(Row::as_select())
                    .load(conn)?;
                for current in rows {
                    if current.linked < 0 {
                        rescore(conn, kind, current.item_id, today)?;
                        changed += 1;
                        continue;
                    }
                    let (priority, reasons) = score(&current.facts(), today);
                    let reasons = serde_json::to_string(&reasons)
                        .map_err(|_| ApiError::internal("priority reasons"))?;
                    if priority != current.priority || reasons != current.reasons {
                        diesel::update(triage::table.find((kind.as_str(), current.item_id)))
                            .set((triage::priority.eq(priority), triage::reasons.eq(reasons)))
                            .execute(conn)?;
                        changed += 1;
                    }
                }
                Ok(())
            })?;
            // The writer's lock stays free at least as long as this chunk held it: SQLite
            // queues nobody, so a submission or sign-in waiting on it needs the gap to get in.
            std::thread::sleep(started.elapsed().max(std::time::Duration::from_millis(10)));
        }
    }
    Ok(changed)
}

/// Every label, in id order.
pub fn all_labels(conn: &mut DbConnection) -> Result<Vec<Label>, ApiError> {
    let rows: Vec<(i64, String, String, String, String, String)> = labels::table
        .order(labels::id.asc())
        .select((
            labels::id,
            labels::color,
            labels::name_ar,
            labels::name_ckb,
            labels::name_kmr,
            labels::name_en,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, color, ar, ckb, kmr, en)| Label {
            id,
            color,
            names: LabelNames { ar, ckb, kmr, en },
        })
        .collect())
}

fn checked(label: &NewLabel) -> Result<NewLabel, ApiError> {
    let problems = label.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidTriage(problems));
    }
    Ok(NewLabel {
        color: label.color.trim().to_lowercase(),
        names: LabelNames {
            ar: label.names.ar.trim().to_owned(),
            ckb: label.names.ckb.trim().to_owned(),
            kmr: label.names.kmr.trim().to_owned(),
            en: label.names.en.trim().to_owned(),
        },
    })
}

/// A label's stored columns, for both insert and update.
#[allow(clippy::type_complexity)]
fn columns(
    label: &NewLabel,
) -> (
    diesel::dsl::Eq<labels::color, &String>,
    diesel::dsl::Eq<labels::name_ar, &String>,
    diesel::dsl::Eq<labels::name_ckb, &String>,
    diesel::dsl::Eq<labels::name_kmr, &String>,
    diesel::dsl::Eq<labels::name_en, &String>,
) {
    (
        labels::color.eq(&label.color),
        labels::name_ar.eq(&label.names.ar),
        labels::name_ckb.eq(&label.names.ckb),
        labels::name_kmr.eq(&label.names.kmr),
        labels::name_en.eq(&label.names.en),
    )
}

pub fn create_label(conn: &mut DbConnection, label: &NewLabel) -> Result<Label, ApiError> {
    let label = checked(label)?;
    diesel::insert_into(labels::table)
        .values(columns(&label))
        .execute(conn)?;
    let id: i64 = labels::table
        .select(diesel::dsl::max(labels::id))
        .first::<Option<i64>>(conn)?
        .ok_or_else(|| ApiError::internal("label id"))?;
    Ok(Label {
        id,
        color: label.color,
        names: label.names,
    })
}

pub fn update_label(conn: &mut DbConnection, id: i64, label: &NewLabel) -> Result<Label, ApiError> {
    let label = checked(label)?;
    let updated = diesel::update(labels::table.find(id))
        .set(columns(&label))
        .execute(conn)?;
    if updated == 0 {
        return Err(ApiError::NotFound);
    }
    Ok(Label {
        id,
        color: label.color,
        names: label.names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        day(text).unwrap()
    }

    #[test]
    fn a_departure_within_a_week_and_a_minor_make_an_item_urgent() {
        let facts = Facts {
            departure_on: Some(d("2026-12-04")),
            minor: true,
            looked_at: true,
            ..Facts::default()
        };
        let (score, reasons) = score(&facts, d("2026-12-02"));
        assert_eq!(score, 70);
        assert_eq!(PriorityLevel::of(score), PriorityLevel::Urgent);
        assert_eq!(
            reasons,
            vec![
                PriorityReason::DepartureSoon { days: 2 },
                PriorityReason::Minor
            ]
        );
    }

    #[test]
    fn a_departure_counts_less_further_off_and_not_at_all_once_past() {
        let at = |departure: &str| {
            score(
                &Facts {
                    departure_on: Some(d(departure)),
                    looked_at: true,
                    ..Facts::default()
                },
                d("2026-12-02"),
            )
            .0
        };
        assert_eq!(at("2026-12-02"), 40);
        assert_eq!(at("2026-12-09"), 40);
        assert_eq!(at("2026-12-10"), 20);
        assert_eq!(at("2026-12-16"), 20);
        assert_eq!(at("2026-12-17"), 0);
        assert_eq!(at("2026-12-01"), 0);
    }

    #[test]
    fn links_and_waiting_add_up_to_their_caps() {
        let facts = |linked, received: &str, looked_at| Facts {
            linked,
            received_on: Some(d(received)),
            looked_at,
            ..Facts::default()
        };
        let today = d("2026-12-10");
        assert_eq!(score(&facts(6, "2026-12-10", true), today).0, 25);
        assert_eq!(score(&facts(2, "2026-12-10", true), today).0, 10);
        assert_eq!(score(&facts(0, "2026-12-08", false), today).0, 10);
        assert_eq!(score(&facts(0, "2026-12-01", false), today).0, 20);
        // Once someone looked, waiting no longer counts.
        assert_eq!(score(&facts(0, "2026-12-01", true), today).0, 0);
        assert_eq!(
            score(&facts(0, "2026-12-09", false), today).1,
            vec![PriorityReason::Waiting { days: 1 }]
        );
    }

    #[test]
    fn a_hand_change_moves_the_score_and_says_so() {
        let facts = Facts {
            minor: true,
            looked_at: true,
            adjust: -25,
            ..Facts::default()
        };
        let (score, reasons) = score(&facts, d("2026-12-02"));
        assert_eq!(score, 5);
        assert_eq!(
            reasons.last(),
            Some(&PriorityReason::Manual { adjust: -25 })
        );
    }

    #[test]
    fn an_item_is_overdue_from_the_start_of_its_day() {
        let now = OffsetDateTime::parse(
            "2026-12-02T10:00:00Z",
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        assert!(!is_overdue("2026-12-02", false, 24, now));
        assert!(is_overdue("2026-12-01", false, 24, now));
        assert!(!is_overdue("2026-12-01", true, 24, now));
        assert!(!is_overdue("2026-12-01", false, 48, now));
        assert_eq!(overdue_cutoff(24, now), "2026-12-01");
    }
}
