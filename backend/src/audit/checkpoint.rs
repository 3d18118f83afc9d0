//! Signed checkpoints of the audit trail's head, kept outside the database.
//!
//! The seals stop anyone without the audit key from rewriting entries, but someone who can put
//! the whole database back to an earlier copy (seals and all) would erase what happened since.
//! A checkpoint records the head (entry count and hash) with an Ed25519 signature by the
//! instance's key, one line per checkpoint appended to `<data dir>/audit-checkpoints`, and the
//! admins get the latest by mail once a day, so a copy lives where the database's keepers cannot
//! reach. `sanad audit verify` checks the trail against the file's last line.

use std::{
    fs,
    io::Write as _,
    path::{Path, PathBuf},
};

use anyhow::Context as _;
use diesel::prelude::*;
use ed25519_dalek::{Signature, VerifyingKey};

use super::{Fault, Seal};
use crate::{db::DbConnection, evidence::EvidenceKey, schema::audit_head};

pub const FILE: &str = "audit-checkpoints";
/// The UTC day (days since 1970) the checkpoint was last mailed to the admins.
const MAILED_FILE: &str = "audit-checkpoint-mailed";
const FORMAT: &str = "sanad-audit-checkpoint-1";

/// One signed statement: "the trail had `seq` entries, the last with hash `hash`".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    pub at_ms: i64,
    pub signature: String,
}

impl Checkpoint {
    fn signed_text(seq: i64, hash: &str, at_ms: i64) -> String {
        format!("{FORMAT} {seq} {hash} {at_ms}")
    }

    fn sign(key: &EvidenceKey, seq: i64, hash: &str, at_ms: i64) -> Checkpoint {
        Checkpoint {
            seq,
            hash: hash.to_owned(),
            at_ms,
            signature: key.sign_hex(Self::signed_text(seq, hash, at_ms).as_bytes()),
        }
    }

    /// The line as written to the file and mailed: readable, and checkable by hand with any
    /// Ed25519 tool and the instance's public key.
    pub fn line(&self) -> String {
        format!(
            "{} {}",
            Self::signed_text(self.seq, &self.hash, self.at_ms),
            self.signature
        )
    }

    /// Reads a line back; `None` when it is not one, or when its signature is not the key's.
    pub fn parse(line: &str, key: &VerifyingKey) -> Option<Checkpoint> {
        let mut words = line.split(' ');
        if words.next()? != FORMAT {
            return None;
        }
        let seq: i64 = words.next()?.parse().ok()?;
        let hash = words.next()?;
        let at_ms: i64 = words.next()?.parse().ok()?;
        let signature = words.next()?;
        if words.next().is_some() || hash.len() != 64 || seq < 0 {
            return None;
        }
        let bytes: [u8; 64] = hex::decode(signature).ok()?.try_into().ok()?;
        key.verify_strict(
            Self::signed_text(seq, hash, at_ms).as_bytes(),
            &Signature::from_bytes(&bytes),
        )
        .ok()?;
        Some(Checkpoint {
            seq,
            hash: hash.to_owned(),
            at_ms,
            signature: signature.to_owned(),
        })
    }
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// The last checkpoint in the file, `None` when there is no file yet. A last line that is not
/// a checkpoint signed by this instance is an error, not a reason to look further up: a forger
/// who could append lines could otherwise hide a rollback behind a broken one.
pub fn latest(data_dir: &Path, key: &VerifyingKey) -> anyhow::Result<Option<Checkpoint>> {
    let path = path(data_dir);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let Some(last) = text.lines().rev().find(|line| !line.trim().is_empty()) else {
        return Ok(None);
    };
    Checkpoint::parse(last.trim(), key)
        .map(Some)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "the last line of {} is not a checkpoint signed by this instance's key",
                path.display()
            )
        })
}

/// What [`record`] did.
#[derive(Debug)]
pub enum Recorded {
    /// A new checkpoint was appended.
    Written(Checkpoint),
    /// The head has not moved since the last checkpoint, which still holds.
    Unchanged(Checkpoint),
    /// The trail is empty: nothing to vouch for yet.
    Empty,
}

/// Checks the whole trail against the seals and the last checkpoint, and appends a checkpoint
/// of the head when it moved. A broken trail gets no checkpoint: that would vouch for it.
pub fn record(
    conn: &mut DbConnection,
    seal: &Seal,
    key: &EvidenceKey,
    data_dir: &Path,
) -> anyhow::Result<Result<Recorded, Fault>> {
    let last = latest(data_dir, &key.verifying_key())?;
    // Read the head before the walk: entries appended meanwhile are checked next time.
    let (seq, hash): (i64, String) = audit_head::table
        .find(1)
        .select((audit_head::last_seq, audit_head::last_hash))
        .first(conn)?;
    if let Err(fault) = super::verify(conn, seal, last.as_ref())? {
        return Ok(Err(fault));
    }
    if seq == 0 {
        return Ok(Ok(Recorded::Empty));
    }
    if let Some(last) = last.filter(|last| last.seq == seq && last.hash == hash) {
        return Ok(Ok(Recorded::Unchanged(last)));
    }
    let checkpoint = Checkpoint::sign(key, seq, &hash, super::now_ms());
    let path = path(data_dir);
    let mut options = fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    writeln!(file, "{}", checkpoint.line())?;
    file.sync_all()?;
    Ok(Ok(Recorded::Written(checkpoint)))
}

fn today() -> i64 {
    super::now_ms().div_euclid(86_400_000)
}

/// Whether today's checkpoint mail is still to go out. A new data folder counts as mailed
/// today, so the first mail goes the day after the first start and a restart never sends a
/// second one the same day.
pub fn mail_due(data_dir: &Path) -> anyhow::Result<bool> {
    let path = data_dir.join(MAILED_FILE);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text.trim().parse::<i64>().map_or(true, |day| day < today())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            mailed_today(data_dir)?;
            Ok(false)
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

pub fn mailed_today(data_dir: &Path) -> anyhow::Result<()> {
    let path = data_dir.join(MAILED_FILE);
    fs::write(&path, today().to_string())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_back_only_with_its_signature_intact() {
        let dir = tempfile::tempdir().unwrap();
        let key = EvidenceKey::load(dir.path()).unwrap();
        let checkpoint = Checkpoint::sign(&key, 42, &"ab".repeat(32), 1_700_000_000_000);
        let line = checkpoint.line();
        assert_eq!(
            Checkpoint::parse(&line, &key.verifying_key()),
            Some(checkpoint)
        );
        let moved_back = line.replacen(" 42 ", " 41 ", 1);
        assert_eq!(Checkpoint::parse(&moved_back, &key.verifying_key()), None);
        let other = EvidenceKey::load(tempfile::tempdir().unwrap().path()).unwrap();
        assert_eq!(Checkpoint::parse(&line, &other.verifying_key()), None);
        assert_eq!(Checkpoint::parse("", &key.verifying_key()), None);
        assert_eq!(
            Checkpoint::parse(&format!("{line} extra"), &key.verifying_key()),
            None
        );
    }
}
