//! Evidence packages: one tip or case as a ZIP a prosecutor can check without us. It holds the
//! report as JSON and as a print view, the attachments as received after metadata removal, the
//! audit entries about the item with the chain hashes from them to the head, and a manifest of
//! every file's SHA-256 signed with the instance's Ed25519 key. [`verify`] checks one offline.
//!
//! What the chain part proves: each entry about the item is recomputed from its content, and its
//! place is pinned by the hashes of every later entry up to the head named in the signed
//! manifest. Entries about other items are represented by their hashes only (their content is
//! other people's), so the package shows that nothing about this item was left out or changed
//! between those entries without showing what the rest of the trail says; comparing the head
//! with the instance's trail (`sanad audit verify`) later shows that the trail went on from it.

pub mod print;
pub mod verify;

use std::{io::Write, path::Path};

use diesel::prelude::*;
use ed25519_dalek::{Signer, SigningKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

use sanad_shared::{triage::ItemKind, Language};

use crate::{
    audit::{self, Record},
    cases,
    crypto::Sealer,
    db::{DbConnection, DbError},
    error::ApiError,
    keys,
    locales::Locales,
    schema::{audit_head, audit_log},
    tips,
};

pub use verify::{verify, Verification};

/// The version of the layout below; a verifier refuses what it does not know.
pub const FORMAT: &str = "sanad-evidence-1";
pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.sig";
pub const REPORT: &str = "report.json";
pub const PRINT_VIEW: &str = "report.html";
pub const AUDIT_ENTRIES: &str = "audit/entries.json";
pub const AUDIT_CHAIN: &str = "audit/chain.txt";
const KEY_FILE: &str = "evidence-ed25519.key";
/// Chain hashes read per query while the package is written.
const CHAIN_BATCH: i64 = 5_000;

/// The instance's signing key, made on first start in `<data dir>/keys/`.
pub struct EvidenceKey(SigningKey);

impl EvidenceKey {
    pub fn load(data_dir: &Path) -> anyhow::Result<EvidenceKey> {
        let seed = keys::load_or_create(data_dir, KEY_FILE, 32)?;
        let seed: [u8; 32] = seed
            .as_slice()
            .try_into()
            .map_err(|_| anyhow::anyhow!("{KEY_FILE} should hold 32 bytes"))?;
        Ok(EvidenceKey(SigningKey::from_bytes(&seed)))
    }

    /// The public key as 64 hexadecimal digits, as manifests and the README give it.
    pub fn public_hex(&self) -> String {
        hex::encode(self.0.verifying_key().as_bytes())
    }

    pub fn verifying_key(&self) -> ed25519_dalek::VerifyingKey {
        self.0.verifying_key()
    }

    pub(crate) fn sign_hex(&self, bytes: &[u8]) -> String {
        hex::encode(self.0.sign(bytes).to_bytes())
    }
}

/// Which report a package is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    /// `tip` or `case`.
    pub kind: String,
    pub id: i64,
    /// What staff call it: `tip 42` or the case number.
    pub reference: String,
}

impl ItemRef {
    /// The item as audit entries name it (`tip:42`).
    pub fn audit_object(&self) -> String {
        format!("{}:{}", self.kind, self.id)
    }
}

/// One entry of the chain: its sequence number and hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainLink {
    pub seq: i64,
    pub hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// `manifest.json`, the signed part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub item: ItemRef,
    /// UTC, `2026-12-02T10:00:00Z`.
    pub made_at: String,
    /// `staff:<id>`, as the audit trail names staff.
    pub made_by: String,
    /// The public address of the instance that made it.
    pub instance: String,
    /// The last entry of the trail when the package was made.
    pub audit_head: ChainLink,
    /// The first line of the chain file: the entry before the first one about the item (0 is
    /// the start of the trail), or the head when no entry is about it.
    pub chain_from: i64,
    /// The Ed25519 public key the signature is made with, in hexadecimal.
    pub public_key: String,
    /// Every file but the manifest and its signature.
    pub files: Vec<ManifestFile>,
}

/// An attachment as `report.json` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAttachment {
    pub file: String,
    pub mime: String,
    pub bytes: u64,
    pub sha256: String,
}

/// `report.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub item: ItemRef,
    pub made_at: String,
    /// The item as its staff read it (the tip or the case with its conversation), without the
    /// staff's internal notes, triage and links to other reports, which are work, not evidence.
    pub content: serde_json::Value,
    pub attachments: Vec<ReportAttachment>,
}

/// Everything read from the database in one go, before the package is written.
pub struct Gathered {
    pub item: ItemRef,
    pub content: serde_json::Value,
    /// (mime, bytes) in the order the item lists them.
    pub attachments: Vec<(String, Vec<u8>)>,
    pub entries: Vec<Record>,
    pub head: ChainLink,
    pub chain_from: i64,
}

fn without(mut value: serde_json::Value, keys: &[&str]) -> serde_json::Value {
    if let Some(object) = value.as_object_mut() {
        for key in keys {
            object.remove(*key);
        }
    }
    value
}

/// Reads the item, its attachments and the audit entries about it. The head is read first and
/// entries after it are left out, so the package is consistent whatever is appended meanwhile.
pub fn gather(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
) -> Result<Gathered, ApiError> {
    let (head_seq, head_hash): (i64, String) = audit_head::table
        .find(1)
        .select((audit_head::last_seq, audit_head::last_hash))
        .first(conn)?;
    let to_json = |value: serde_json::Result<serde_json::Value>| {
        value.map_err(|_| ApiError::internal("an evidence report did not serialise"))
    };
    let (item, content, attachments) = match kind {
        ItemKind::Tip => {
            let detail = tips::detail(conn, sealer, id)?;
            let mut attachments = Vec::with_capacity(detail.attachments.len());
            for attachment in &detail.attachments {
                attachments.push(tips::attachment(conn, sealer, id, attachment.id)?);
            }
            let content = without(
                to_json(serde_json::to_value(&detail))?,
                &["attachments", "linked", "triage", "notes"],
            );
            let item = ItemRef {
                kind: kind.as_str().to_owned(),
                id,
                reference: format!("tip {id}"),
            };
            (item, content, attachments)
        }
        ItemKind::Case => {
            let detail = cases::detail(conn, sealer, id)?;
            let attachments = if detail.has_photo {
                vec![cases::photo(conn, sealer, id)?]
            } else {
                Vec::new()
            };
            let item = ItemRef {
                kind: kind.as_str().to_owned(),
                id,
                reference: detail.case_number.clone(),
            };
            let content = without(
                to_json(serde_json::to_value(&detail))?,
                &["has_photo", "notes", "matches", "triage"],
            );
            (item, content, attachments)
        }
    };
    let entries: Vec<Record> = audit_log::table
        .filter(audit_log::object.eq(item.audit_object()))
        .filter(audit_log::seq.le(head_seq))
        .order(audit_log::seq.asc())
        .select(Record::as_select())
        .load(conn)?;
    let chain_from = entries.first().map_or(head_seq, |first| first.seq - 1);
    Ok(Gathered {
        item,
        content,
        attachments,
        entries,
        head: ChainLink {
            seq: head_seq,
            hash: head_hash,
        },
        chain_from,
    })
}

/// The chain hashes of entries `after < seq <= up_to`, oldest first, at most [`CHAIN_BATCH`].
pub fn chain_batch(
    conn: &mut DbConnection,
    after: i64,
    up_to: i64,
) -> Result<Vec<(i64, String)>, DbError> {
    audit_log::table
        .filter(audit_log::seq.gt(after))
        .filter(audit_log::seq.le(up_to))
        .order(audit_log::seq.asc())
        .limit(CHAIN_BATCH)
        .select((audit_log::seq, audit_log::hash))
        .load(conn)
        .map_err(DbError::from)
}

/// Who asks for a package, and for which readers.
pub struct Request<'a> {
    pub made_by: String,
    pub instance: String,
    pub language: Language,
    pub locales: &'a Locales,
    pub key: &'a EvidenceKey,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn extension(mime: &str) -> &'static str {
    match mime {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        _ => "bin",
    }
}

/// UTC as `2026-12-02T10:00:00Z`.
pub fn utc(at_ms: i64) -> String {
    let at = time::OffsetDateTime::from_unix_timestamp(at_ms.div_euclid(1000))
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Writes files into the ZIP and keeps each one's size and SHA-256 for the manifest.
struct Packer<W: Write> {
    zip: ZipWriter<zip::write::StreamWriter<W>>,
    files: Vec<ManifestFile>,
}

impl<W: Write> Packer<W> {
    fn options(compress: bool) -> SimpleFileOptions {
        SimpleFileOptions::default().compression_method(if compress {
            CompressionMethod::Deflated
        } else {
            // Pictures are compressed already.
            CompressionMethod::Stored
        })
    }

    fn add(&mut self, path: &str, bytes: &[u8], compress: bool) -> anyhow::Result<String> {
        self.zip.start_file(path, Self::options(compress))?;
        self.zip.write_all(bytes)?;
        let sha256 = sha256_hex(bytes);
        self.files.push(ManifestFile {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            sha256: sha256.clone(),
        });
        Ok(sha256)
    }
}

/// Writes the package to `out` as it goes (the chain of a long trail can be large), reading
/// the chain hashes through `chain` (`after`, `up_to` -> a batch, oldest first).
pub fn write<W: Write>(
    out: W,
    request: &Request<'_>,
    gathered: &Gathered,
    mut chain: impl FnMut(i64, i64) -> anyhow::Result<Vec<(i64, String)>>,
) -> anyhow::Result<()> {
    let made_at = utc(audit::now_ms());
    let mut packer = Packer {
        zip: ZipWriter::new_stream(out),
        files: Vec::new(),
    };
    let mut listed = Vec::with_capacity(gathered.attachments.len());
    for (n, (mime, bytes)) in gathered.attachments.iter().enumerate() {
        let file = format!("attachments/{}.{}", n + 1, extension(mime));
        let sha256 = packer.add(&file, bytes, false)?;
        listed.push(ReportAttachment {
            file,
            mime: mime.clone(),
            bytes: bytes.len() as u64,
            sha256,
        });
    }
    let report = Report {
        item: gathered.item.clone(),
        made_at: made_at.clone(),
        content: gathered.content.clone(),
        attachments: listed,
    };
    packer.add(REPORT, &serde_json::to_vec_pretty(&report)?, true)?;
    let html = print::render(
        &report,
        &gathered.entries,
        &gathered.head,
        request.language,
        request.locales,
    );
    packer.add(PRINT_VIEW, html.as_bytes(), true)?;
    packer.add(
        AUDIT_ENTRIES,
        &serde_json::to_vec_pretty(&gathered.entries)?,
        true,
    )?;

    packer
        .zip
        .start_file(AUDIT_CHAIN, Packer::<W>::options(true))?;
    let mut hasher = Sha256::new();
    let mut written = 0_u64;
    let mut line = |zip: &mut ZipWriter<_>, seq: i64, hash: &str| -> anyhow::Result<()> {
        let text = format!("{seq} {hash}\n");
        zip.write_all(text.as_bytes())?;
        hasher.update(text.as_bytes());
        written += text.len() as u64;
        Ok(())
    };
    let mut after = gathered.chain_from;
    if after == 0 {
        line(&mut packer.zip, 0, audit::GENESIS)?;
    } else {
        after -= 1;
    }
    while after < gathered.head.seq {
        let batch = chain(after, gathered.head.seq)?;
        let Some((last, _)) = batch.last() else {
            anyhow::bail!("the audit trail ends at entry {after}, before its head");
        };
        let last = *last;
        for (seq, hash) in &batch {
            line(&mut packer.zip, *seq, hash)?;
        }
        after = last;
    }
    packer.files.push(ManifestFile {
        path: AUDIT_CHAIN.to_owned(),
        bytes: written,
        sha256: hex::encode(hasher.finalize()),
    });

    let manifest = Manifest {
        format: FORMAT.to_owned(),
        item: gathered.item.clone(),
        made_at,
        made_by: request.made_by.clone(),
        instance: request.instance.clone(),
        audit_head: gathered.head.clone(),
        chain_from: gathered.chain_from,
        public_key: request.key.public_hex(),
        files: std::mem::take(&mut packer.files),
    };
    let manifest = serde_json::to_vec_pretty(&manifest)?;
    let signature = request.key.sign_hex(&manifest);
    packer
        .zip
        .start_file(MANIFEST, Packer::<W>::options(true))?;
    packer.zip.write_all(&manifest)?;
    packer
        .zip
        .start_file(SIGNATURE, Packer::<W>::options(false))?;
    packer.zip.write_all(signature.as_bytes())?;
    packer.zip.finish()?;
    Ok(())
}
