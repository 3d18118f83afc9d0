//! The tamper-evident audit trail. Each entry stores the SHA-256 of its content and of the entry
//! before it, so changing, removing or reordering entries breaks the chain where it happened;
//! `sanad audit verify` walks it and names the first broken entry.
//!
//! A hash chain alone can be rebuilt by anyone who can write the tables: edit an entry and
//! recompute every later hash, or delete the last entries and move the head back. So each entry
//! and the head also carry an HMAC under a key that lives with the server's other keys, never in
//! the database ([`Seal`]), and the server writes signed checkpoints of the head (count and hash,
//! Ed25519) to a file beside its keys and mails them to admins ([`checkpoint`]): rolling the
//! whole database back to an earlier copy, head seal included, still falls short of the last
//! checkpoint.

use std::sync::Arc;

use diesel::{prelude::*, Connection};
use hmac::{Hmac, Mac as _};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub mod checkpoint;

use crate::{
    db::{DbConnection, DbError},
    schema::{audit_head, audit_log},
};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Where the chain's key lives, beside the instance's other keys.
pub const KEY_FILE: &str = "audit-hmac.key";

/// The chain's HMAC-SHA256 key. Every instance that shares a database must share it (the keys
/// folder, like `SANAD_ENCRYPTION_KEY`).
#[derive(Clone)]
pub struct Seal {
    key: Arc<[u8; 32]>,
}

impl std::fmt::Debug for Seal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seal(..)")
    }
}

impl Seal {
    /// The key in `<data dir>/keys/`, made on first use. The flag says whether it was made
    /// now, which is the one moment entries written without a key may be sealed
    /// ([`seal_unsealed`]): afterwards an unsealed entry is a forgery.
    pub fn load(data_dir: &std::path::Path) -> anyhow::Result<(Seal, bool)> {
        let (key, made) = crate::keys::load_or_make(data_dir, KEY_FILE, 32)?;
        let key: [u8; 32] = key
            .as_slice()
            .try_into()
            .map_err(|_| anyhow::anyhow!("{KEY_FILE} should hold 32 bytes"))?;
        Ok((Seal { key: Arc::new(key) }, made))
    }

    /// The key as the server made it, for commands that must not make one: a key made by
    /// `sanad audit verify` would make the server's next start believe the trail was never
    /// sealed.
    pub fn open(data_dir: &std::path::Path) -> anyhow::Result<Seal> {
        let path = data_dir.join("keys").join(KEY_FILE);
        let key = std::fs::read(&path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read the audit key {}: {e} (start the server once to make it)",
                path.display()
            )
        })?;
        let key: [u8; 32] = key
            .as_slice()
            .try_into()
            .map_err(|_| anyhow::anyhow!("{KEY_FILE} should hold 32 bytes"))?;
        Ok(Seal::from_bytes(key))
    }

    /// Names the key without revealing it (see [`crate::crypto::fingerprint`]).
    pub fn fingerprint(&self) -> String {
        crate::crypto::fingerprint(b"sanad audit key fingerprint v1", self.key.as_slice())
    }

    pub fn from_bytes(key: [u8; 32]) -> Seal {
        Seal { key: Arc::new(key) }
    }

    fn hmac(&self, purpose: &[u8], seq: i64, hash: &str) -> Hmac<Sha256> {
        let mut mac = match Hmac::<Sha256>::new_from_slice(self.key.as_slice()) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        mac.update(purpose);
        mac.update(&seq.to_be_bytes());
        mac.update(hash.as_bytes());
        mac
    }

    /// Binds an entry's hash to its place: the hash already covers the content and everything
    /// before it.
    pub fn entry_mac(&self, seq: i64, hash: &str) -> String {
        hex::encode(self.hmac(ENTRY, seq, hash).finalize().into_bytes())
    }

    /// Kept apart from the entries' MACs, so the head cannot be moved back by copying an
    /// earlier entry's MAC onto it.
    pub fn head_mac(&self, seq: i64, hash: &str) -> String {
        hex::encode(self.hmac(HEAD, seq, hash).finalize().into_bytes())
    }

    /// Compares in constant time, so a forger learns nothing from how long a refusal takes.
    fn holds(&self, purpose: &[u8], seq: i64, hash: &str, found: Option<&str>) -> bool {
        let Some(found) = found.and_then(|found| hex::decode(found).ok()) else {
            return false;
        };
        self.hmac(purpose, seq, hash).verify_slice(&found).is_ok()
    }
}

const ENTRY: &[u8] = b"sanad-audit-entry-v1";
const HEAD: &[u8] = b"sanad-audit-head-v1";

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

/// A change and its entry in the trail, in one [`crate::db::write_transaction`]: handlers read,
/// then append, and on SQLite a transaction that reads before it writes cannot wait for another
/// writer, so two moderators opening tips together would see errors.
pub fn audited<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    crate::db::write_transaction(conn, work)
}

/// Appends `entry` and returns its record. Safe to call from many connections and instances at
/// once: the first statement updates the head row, which takes the write lock on SQLite and a
/// row lock on PostgreSQL, so appends are serialised and the chain never forks.
pub fn append(conn: &mut DbConnection, seal: &Seal, entry: &Entry) -> Result<Record, DbError> {
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
            .values((
                &record,
                audit_log::mac.eq(seal.entry_mac(seq, &record.hash)),
            ))
            .execute(conn)?;
        diesel::update(audit_head::table.find(1))
            .set((
                audit_head::last_hash.eq(&record.hash),
                audit_head::mac.eq(seal.head_mac(seq, &record.hash)),
            ))
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
    /// The entry's hashes agree but it does not carry the key's seal: it was written, or the
    /// chain rewritten from it on, by someone without the key.
    Unsealed { seq: i64 },
    /// The head does not carry the key's seal: it was moved by someone without the key.
    HeadUnsealed,
    /// The trail holds fewer entries than a signed checkpoint counted: its end was cut, or the
    /// database put back to an earlier copy.
    ShorterThanCheckpoint { checkpoint: i64, entries: i64 },
    /// The entry a signed checkpoint names has another hash now: the trail before it was
    /// rewritten.
    DiffersFromCheckpoint { seq: i64 },
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
            Fault::Unsealed { seq } => write!(
                f,
                "entry {seq} does not carry the trail's seal: it was written or rewritten without the audit key"
            ),
            Fault::HeadUnsealed => f.write_str(
                "the head of the trail does not carry the trail's seal: it was moved without the audit key",
            ),
            Fault::ShorterThanCheckpoint { checkpoint, entries } => write!(
                f,
                "the trail holds {entries} entries but a signed checkpoint counted {checkpoint}: its end was cut or the database was put back"
            ),
            Fault::DiffersFromCheckpoint { seq } => write!(
                f,
                "entry {seq} differs from the signed checkpoint: the trail was rewritten"
            ),
        }
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct SealedRecord {
    #[diesel(embed)]
    record: Record,
    mac: Option<String>,
}

/// Walks the whole chain in order, and checks it against the key's seals and against the latest
/// signed checkpoint when one is given. `Ok(Ok(n))`: intact with `n` entries; `Ok(Err(fault))`:
/// broken.
pub fn verify(
    conn: &mut DbConnection,
    seal: &Seal,
    checkpoint: Option<&checkpoint::Checkpoint>,
) -> Result<Result<i64, Fault>, DbError> {
    walk(conn, Some(seal), checkpoint)
}

/// `seal: None` checks the hashes only: for sealing the entries written before the key existed.
fn walk(
    conn: &mut DbConnection,
    seal: Option<&Seal>,
    checkpoint: Option<&checkpoint::Checkpoint>,
) -> Result<Result<i64, Fault>, DbError> {
    const BATCH: i64 = 1000;
    let mut expected_seq = 1_i64;
    let mut prev_hash = GENESIS.to_owned();
    let mut last_seen = i64::MIN;
    loop {
        let batch: Vec<SealedRecord> = audit_log::table
            .filter(audit_log::seq.gt(last_seen))
            .order(audit_log::seq.asc())
            .limit(BATCH)
            .select(SealedRecord::as_select())
            .load(conn)?;
        for SealedRecord { record, mac } in &batch {
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
            // After the order checks, which name a moved entry more precisely (its seal binds
            // its old place too).
            if let Some(seal) = seal {
                if !seal.holds(ENTRY, record.seq, &record.hash, mac.as_deref()) {
                    return Ok(Err(Fault::Unsealed { seq: record.seq }));
                }
            }
            if checkpoint.is_some_and(|c| c.seq == record.seq && c.hash != record.hash) {
                return Ok(Err(Fault::DiffersFromCheckpoint { seq: record.seq }));
            }
            prev_hash.clone_from(&record.hash);
            expected_seq += 1;
            last_seen = record.seq;
        }
        if batch.len() < BATCH as usize {
            break;
        }
    }
    let (last_seq, last_hash, head_mac): (i64, String, Option<String>) = audit_head::table
        .find(1)
        .select((audit_head::last_seq, audit_head::last_hash, audit_head::mac))
        .first(conn)?;
    let entries = expected_seq - 1;
    if last_seq != entries || last_hash != prev_hash {
        return Ok(Err(Fault::Deleted { expected_seq }));
    }
    // An empty trail has no seal to carry until its first entry.
    if let Some(seal) = seal.filter(|_| entries > 0) {
        if !seal.holds(HEAD, last_seq, &last_hash, head_mac.as_deref()) {
            return Ok(Err(Fault::HeadUnsealed));
        }
    }
    if let Some(checkpoint) = checkpoint.filter(|c| c.seq > entries) {
        return Ok(Err(Fault::ShorterThanCheckpoint {
            checkpoint: checkpoint.seq,
            entries,
        }));
    }
    Ok(Ok(entries))
}

/// Seals the entries written before the instance had an audit key (an upgrade from a version
/// without seals), once their hash chain is checked. Only ever called on the start that made
/// the key; afterwards an unsealed entry is a fault, so no one can slip one in by clearing its
/// seal. Returns how many entries were sealed.
pub fn seal_unsealed(
    conn: &mut DbConnection,
    seal: &Seal,
) -> Result<Result<usize, Fault>, DbError> {
    crate::db::write_transaction(conn, |conn| {
        if let Err(fault) = walk(conn, None, None)? {
            return Ok(Err(fault));
        }
        let unsealed: Vec<(i64, String)> = audit_log::table
            .filter(audit_log::mac.is_null())
            .select((audit_log::seq, audit_log::hash))
            .load(conn)?;
        for (seq, hash) in &unsealed {
            diesel::update(audit_log::table.find(seq))
                .set(audit_log::mac.eq(seal.entry_mac(*seq, hash)))
                .execute(conn)?;
        }
        // A head sealed already was sealed by the key of another instance on this database (a
        // data folder started without the shared keys): leave it, so verification says so.
        let (last_seq, last_hash, head_mac): (i64, String, Option<String>) = audit_head::table
            .find(1)
            .select((audit_head::last_seq, audit_head::last_hash, audit_head::mac))
            .first(conn)?;
        if head_mac.is_none() && last_seq > 0 {
            diesel::update(audit_head::table.find(1))
                .set(audit_head::mac.eq(seal.head_mac(last_seq, &last_hash)))
                .execute(conn)?;
        }
        Ok(Ok(unsealed.len()))
    })
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
