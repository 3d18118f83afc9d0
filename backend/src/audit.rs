//! The tamper-evident audit trail. Each entry stores the SHA-256 of its content and of the entry
//! before it, so changing, removing or reordering entries breaks the chain where it happened;
//! `sanad audit verify` walks it and names the first broken entry.
//!
//! The chain protects against edits by someone with database access but without the application:
//! whoever can rewrite every later hash and the head row can forge a consistent chain, which is
//! why verification results belong in the admins' routine, not only in incident response.

use diesel::{prelude::*, Connection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
    db::{DbConnection, DbError},
    schema::{audit_head, audit_log},
};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did it: a staff member, an operator command, or the service itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    Staff(String),
    Command,
    System,
}

impl Actor {
    pub fn as_string(&self) -> String {
        match self {
            Actor::Staff(id) => format!("staff:{id}"),
            Actor::Command => "command".to_owned(),
            Actor::System => "system".to_owned(),
        }
    }
}

/// One thing to record. `details` must never hold a secret (password, token, TOTP code).
#[derive(Clone, Debug)]
pub struct Entry {
    pub actor: Actor,
    pub action: &'static str,
    pub object: String,
    pub details: serde_json::Value,
}

/// One entry as stored.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    Queryable,
    Selectable,
    Insertable,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[diesel(table_name = audit_log)]
pub struct Record {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: its content and its predecessor's hash, each field length-prefixed so
/// that no two different entries encode alike. The sequence number is left out on purpose: order
/// is pinned by `prev_hash`, so a swapped pair shows as out of order rather than as edited.
pub fn entry_hash(
    prev_hash: &str,
    at_ms: i64,
    actor: &str,
    action: &str,
    object: &str,
    details: &str,
) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"sanad-audit-v1");
    for field in [
        prev_hash.as_bytes(),
        &at_ms.to_be_bytes(),
        actor.as_bytes(),
        action.as_bytes(),
        object.as_bytes(),
        details.as_bytes(),
    ] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field);
    }
    hex::encode(hasher.finalize())
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Runs `work` in a transaction that holds the write lock from its first statement. Handlers that
/// read and then append to the trail need it: on SQLite a transaction that first reads and then
/// writes cannot wait for another writer (its snapshot is stale) and fails at once with "database
/// is locked", so two moderators opening tips together would see errors.
pub fn audited<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    conn.transaction(|conn| {
        crate::db::take_write_lock(conn)?;
        work(conn)
    })
}

/// Appends `entry` and returns its record. Safe to call from many connections and instances at
/// once: the first statement updates the head row, which takes the write lock on SQLite and a
/// row lock on PostgreSQL, so appends are serialised and the chain never forks.
pub fn append(conn: &mut DbConnection, entry: &Entry) -> Result<Record, DbError> {
    conn.transaction(|conn| {
        diesel::update(audit_head::table.find(1))
            .set(audit_head::last_seq.eq(audit_head::last_seq + 1))
            .execute(conn)?;
        let (seq, prev_hash): (i64, String) = audit_head::table
            .find(1)
            .select((audit_head::last_seq, audit_head::last_hash))
            .first(conn)?;
        // Keys sorted (serde_json's default map), so the stored text is canonical.
        let details = entry.details.to_string();
        let at_ms = now_ms();
        let actor = entry.actor.as_string();
        let hash = entry_hash(
            &prev_hash,
            at_ms,
            &actor,
            entry.action,
            &entry.object,
            &details,
        );
        let record = Record {
            seq,
            at_ms,
            actor,
            action: entry.action.to_owned(),
            object: entry.object.clone(),
            details,
            prev_hash,
            hash,
        };
        diesel::insert_into(audit_log::table)
            .values(&record)
            .execute(conn)?;
        diesel::update(audit_head::table.find(1))
            .set(audit_head::last_hash.eq(&record.hash))
            .execute(conn)?;
        Ok(record)
    })
}

/// The first place where the chain is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The entry's content no longer matches its hash.
    Edited { seq: i64 },
    /// Entries are missing before `seq` (or at the end, after the last one).
    Deleted { expected_seq: i64 },
    /// An intact entry that does not follow the one before it: entries were moved or reinserted.
    OutOfOrder { seq: i64 },
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::Edited { seq } => write!(
                f,
                "entry {seq} was edited: its content does not match its hash"
            ),
            Fault::Deleted { expected_seq } => {
                write!(f, "entry {expected_seq} is missing: entries were deleted")
            }
            Fault::OutOfOrder { seq } => write!(
                f,
                "entry {seq} does not follow the entry before it: entries were reordered"
            ),
        }
    }
}

/// Walks the whole chain in order. `Ok(Ok(n))`: intact with `n` entries; `Ok(Err(fault))`: broken.
pub fn verify(conn: &mut DbConnection) -> Result<Result<i64, Fault>, DbError> {
    const BATCH: i64 = 1000;
    let mut expected_seq = 1_i64;
    let mut prev_hash = GENESIS.to_owned();
    let mut last_seen = i64::MIN;
    loop {
        let batch: Vec<Record> = audit_log::table
            .filter(audit_log::seq.gt(last_seen))
            .order(audit_log::seq.asc())
            .limit(BATCH)
            .select(Record::as_select())
            .load(conn)?;
        for record in &batch {
            let recomputed = entry_hash(
                &record.prev_hash,
                record.at_ms,
                &record.actor,
                &record.action,
                &record.object,
                &record.details,
            );
            if recomputed != record.hash {
                return Ok(Err(Fault::Edited { seq: record.seq }));
            }
            if record.prev_hash != prev_hash {
                return Ok(Err(if record.seq != expected_seq {
                    Fault::Deleted { expected_seq }
                } else {
                    Fault::OutOfOrder { seq: record.seq }
                }));
            }
            if record.seq != expected_seq {
                return Ok(Err(Fault::OutOfOrder { seq: record.seq }));
            }
            prev_hash.clone_from(&record.hash);
            expected_seq += 1;
            last_seen = record.seq;
        }
        if batch.len() < BATCH as usize {
            break;
        }
    }
    let (last_seq, last_hash): (i64, String) = audit_head::table
        .find(1)
        .select((audit_head::last_seq, audit_head::last_hash))
        .first(conn)?;
    if last_seq != expected_seq - 1 || last_hash != prev_hash {
        return Ok(Err(Fault::Deleted { expected_seq }));
    }
    Ok(Ok(expected_seq - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_and_the_predecessor_change_the_hash() {
        let base = entry_hash(GENESIS, 1, "staff:a", "login", "staff:a", "{}");
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            entry_hash(GENESIS, 1, "staff:a", "login", "staff:a", "{}")
        );
        let variants = [
            entry_hash(&base, 1, "staff:a", "login", "staff:a", "{}"),
            entry_hash(GENESIS, 2, "staff:a", "login", "staff:a", "{}"),
            entry_hash(GENESIS, 1, "staff:b", "login", "staff:a", "{}"),
            entry_hash(GENESIS, 1, "staff:a", "logout", "staff:a", "{}"),
            entry_hash(GENESIS, 1, "staff:a", "login", "staff:b", "{}"),
            entry_hash(GENESIS, 1, "staff:a", "login", "staff:a", "{\"x\":1}"),
        ];
        for variant in &variants {
            assert_ne!(variant, &base);
        }
    }

    #[test]
    fn fields_cannot_bleed_into_each_other() {
        assert_ne!(
            entry_hash(GENESIS, 1, "ab", "c", "", "{}"),
            entry_hash(GENESIS, 1, "a", "bc", "", "{}")
        );
    }
}
