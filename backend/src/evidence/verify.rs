//! Checks an evidence package offline: the signature over the manifest, every file against the
//! manifest, the attachments against the report, and the audit entries against their own hashes
//! and the chain up to the signed head. Each check says plainly what holds and what does not;
//! a broken part never stops the other checks.

use std::{
    collections::{BTreeMap, BTreeSet},
    io::{BufRead, BufReader, Read, Seek},
};

use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::{Manifest, Report, AUDIT_CHAIN, AUDIT_ENTRIES, FORMAT, MANIFEST, REPORT, SIGNATURE};
use crate::audit::{self, Record};

/// One finding: what was checked, and whether it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub holds: bool,
    pub what: String,
}

#[derive(Clone, Debug, Default)]
pub struct Verification {
    pub checks: Vec<Check>,
    /// The signed manifest, when it could be read.
    pub manifest: Option<Manifest>,
}

impl Verification {
    /// True when every check holds (and there was something to check).
    pub fn holds(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.holds)
    }

    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.holds)
    }

    fn holds_that(&mut self, what: impl Into<String>) {
        self.checks.push(Check {
            holds: true,
            what: what.into(),
        });
    }

    fn fails_that(&mut self, what: impl Into<String>) {
        self.checks.push(Check {
            holds: false,
            what: what.into(),
        });
    }

    fn check(&mut self, holds: bool, what: impl Into<String>) {
        self.checks.push(Check {
            holds,
            what: what.into(),
        });
    }
}

fn read_all<R: Read + Seek>(archive: &mut ZipArchive<R>, name: &str) -> Result<Vec<u8>, String> {
    let mut file = archive
        .by_name(name)
        .map_err(|_| format!("{name} is missing"))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| format!("{name} cannot be read: {e}"))?;
    Ok(bytes)
}

/// (size, SHA-256) of a file, read in pieces.
fn digest_of<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
) -> Result<(u64, String), String> {
    let mut file = archive
        .by_name(name)
        .map_err(|_| format!("{name} is missing"))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0_u8; 64 * 1024];
    let mut size = 0_u64;
    loop {
        let n = file
            .read(&mut buffer)
            .map_err(|e| format!("{name} cannot be read: {e}"))?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buffer[..n]);
    }
    Ok((size, hex::encode(hasher.finalize())))
}

/// Checks the package `reader` holds. `trusted_key`, the instance's public key in hexadecimal
/// as published, is compared with the key the package names; without it only the package's own
/// key is used, which proves integrity but not origin.
pub fn verify<R: Read + Seek>(reader: R, trusted_key: Option<&str>) -> Verification {
    let mut out = Verification::default();
    let mut archive = match ZipArchive::new(reader) {
        Ok(archive) => archive,
        Err(e) => {
            out.fails_that(format!("the file is not a readable ZIP archive: {e}"));
            return out;
        }
    };
    let manifest_bytes = match read_all(&mut archive, MANIFEST) {
        Ok(bytes) => bytes,
        Err(problem) => {
            out.fails_that(problem);
            return out;
        }
    };
    let manifest: Manifest = match serde_json::from_slice(&manifest_bytes) {
        Ok(manifest) => manifest,
        Err(e) => {
            out.fails_that(format!("{MANIFEST} is not a manifest: {e}"));
            return out;
        }
    };
    if manifest.format != FORMAT {
        out.fails_that(format!(
            "the package's format is {:?}; this verifier knows {FORMAT:?}",
            manifest.format
        ));
        return out;
    }
    signature(
        &mut out,
        &mut archive,
        &manifest,
        &manifest_bytes,
        trusted_key,
    );
    let digests = files(&mut out, &mut archive, &manifest);
    report(&mut out, &mut archive, &manifest, &digests);
    audit_trail(&mut out, &mut archive, &manifest);
    out.manifest = Some(manifest);
    out
}

fn signature<R: Read + Seek>(
    out: &mut Verification,
    archive: &mut ZipArchive<R>,
    manifest: &Manifest,
    manifest_bytes: &[u8],
    trusted_key: Option<&str>,
) {
    let key = hex::decode(&manifest.public_key)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes.as_slice()).ok())
        .and_then(|bytes| VerifyingKey::from_bytes(&bytes).ok());
    let Some(key) = key else {
        out.fails_that("the manifest's public key is not an Ed25519 key");
        return;
    };
    let signature = read_all(archive, SIGNATURE).and_then(|bytes| {
        let text = String::from_utf8(bytes).map_err(|_| format!("{SIGNATURE} is not text"))?;
        hex::decode(text.trim())
            .ok()
            .and_then(|bytes| <[u8; 64]>::try_from(bytes.as_slice()).ok())
            .map(|bytes| Signature::from_bytes(&bytes))
            .ok_or_else(|| format!("{SIGNATURE} is not an Ed25519 signature"))
    });
    match signature {
        Ok(signature) => out.check(
            key.verify_strict(manifest_bytes, &signature).is_ok(),
            format!("the manifest is signed by the key {}", manifest.public_key),
        ),
        Err(problem) => out.fails_that(problem),
    }
    if let Some(trusted) = trusted_key {
        out.check(
            trusted.trim().eq_ignore_ascii_case(&manifest.public_key),
            format!("the signing key is the one given ({})", trusted.trim()),
        );
    }
}

/// Checks every file against the manifest; returns the SHA-256 of those that could be read.
fn files<R: Read + Seek>(
    out: &mut Verification,
    archive: &mut ZipArchive<R>,
    manifest: &Manifest,
) -> BTreeMap<String, String> {
    let mut digests = BTreeMap::new();
    for file in &manifest.files {
        match digest_of(archive, &file.path) {
            Ok((size, sha256)) => {
                out.check(
                    size == file.bytes && sha256 == file.sha256,
                    if sha256 == file.sha256 {
                        format!("{} matches its SHA-256 {}", file.path, file.sha256)
                    } else {
                        format!(
                            "{} does not match the manifest: its SHA-256 is {sha256}, the manifest says {}",
                            file.path, file.sha256
                        )
                    },
                );
                digests.insert(file.path.clone(), sha256);
            }
            Err(problem) => out.fails_that(problem),
        }
    }
    let listed: BTreeSet<&str> = manifest
        .files
        .iter()
        .map(|f| f.path.as_str())
        .chain([MANIFEST, SIGNATURE])
        .collect();
    let names: Vec<Result<String, String>> = archive
        .file_names()
        .map(|name| name.map(|n| n.into_owned()).map_err(|e| e.to_string()))
        .collect();
    for name in names {
        match name {
            Ok(name) if listed.contains(name.as_str()) => {}
            Ok(name) => out.fails_that(format!("{name} is in the package but not in the manifest")),
            Err(e) => out.fails_that(format!("a file's name cannot be read: {e}")),
        }
    }
    digests
}

fn report<R: Read + Seek>(
    out: &mut Verification,
    archive: &mut ZipArchive<R>,
    manifest: &Manifest,
    digests: &BTreeMap<String, String>,
) {
    let report: Report = match read_all(archive, REPORT)
        .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| format!("{REPORT}: {e}")))
    {
        Ok(report) => report,
        Err(problem) => {
            out.fails_that(problem);
            return;
        }
    };
    out.check(
        report.item == manifest.item,
        format!(
            "the report is about {} as the manifest says",
            manifest.item.reference
        ),
    );
    for attachment in &report.attachments {
        out.check(
            digests.get(&attachment.file) == Some(&attachment.sha256),
            format!(
                "{} is the attachment the report lists (SHA-256 {})",
                attachment.file, attachment.sha256
            ),
        );
    }
}

fn audit_trail<R: Read + Seek>(
    out: &mut Verification,
    archive: &mut ZipArchive<R>,
    manifest: &Manifest,
) {
    let entries: Vec<Record> = match read_all(archive, AUDIT_ENTRIES).and_then(|bytes| {
        serde_json::from_slice(&bytes).map_err(|e| format!("{AUDIT_ENTRIES}: {e}"))
    }) {
        Ok(entries) => entries,
        Err(problem) => {
            out.fails_that(problem);
            return;
        }
    };
    let object = manifest.item.audit_object();
    let mut edited = Vec::new();
    for entry in &entries {
        let recomputed = audit::entry_hash(
            &entry.prev_hash,
            entry.at_ms,
            &entry.actor,
            &entry.action,
            &entry.object,
            &entry.details,
        );
        if recomputed != entry.hash {
            edited.push(entry.seq);
        }
        if entry.object != object {
            out.fails_that(format!(
                "audit entry {} is about {}, not {object}",
                entry.seq, entry.object
            ));
        }
    }
    out.check(
        edited.is_empty(),
        if edited.is_empty() {
            format!(
                "the {} audit entries about {object} match their hashes",
                entries.len()
            )
        } else {
            format!("audit entries {edited:?} do not match their hashes: they were changed")
        },
    );
    let by_seq: BTreeMap<i64, &Record> = entries.iter().map(|e| (e.seq, e)).collect();
    let expected_from = entries
        .first()
        .map_or(manifest.audit_head.seq, |e| e.seq - 1);
    if manifest.chain_from != expected_from {
        out.fails_that(format!(
            "the chain should start at entry {expected_from}, the manifest says {}",
            manifest.chain_from
        ));
    }
    chain(out, archive, manifest, &by_seq);
}

/// Walks the chain file: consecutive entries from `chain_from` to the signed head, each entry
/// about the item at its place with its hash, and each one's predecessor hash the line before.
fn chain<R: Read + Seek>(
    out: &mut Verification,
    archive: &mut ZipArchive<R>,
    manifest: &Manifest,
    entries: &BTreeMap<i64, &Record>,
) {
    let file = match archive.by_name(AUDIT_CHAIN) {
        Ok(file) => file,
        Err(_) => {
            out.fails_that(format!("{AUDIT_CHAIN} is missing"));
            return;
        }
    };
    let mut problems: Vec<String> = Vec::new();
    let mut previous: Option<(i64, String)> = None;
    let mut placed = 0_usize;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                problems.push(format!("{AUDIT_CHAIN} cannot be read: {e}"));
                break;
            }
        };
        let parsed = line.split_once(' ').and_then(|(seq, hash)| {
            let seq = seq.parse::<i64>().ok()?;
            (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| (seq, hash.to_owned()))
        });
        let Some((seq, hash)) = parsed else {
            problems.push(format!("line {} of {AUDIT_CHAIN} is not `seq hash`", n + 1));
            break;
        };
        let expected = previous
            .as_ref()
            .map_or(manifest.chain_from, |(before, _)| before + 1);
        if seq != expected {
            problems.push(format!(
                "the chain jumps from entry {} to {seq}",
                expected - 1
            ));
            break;
        }
        if seq == 0 && hash != audit::GENESIS {
            problems.push("the chain does not start from the trail's beginning".to_owned());
        }
        if let Some(entry) = entries.get(&seq) {
            placed += 1;
            if entry.hash != hash {
                problems.push(format!(
                    "audit entry {seq} is not the one the chain holds at its place"
                ));
            }
            if previous.as_ref().map(|(_, h)| h) != Some(&entry.prev_hash) {
                problems.push(format!(
                    "audit entry {seq} does not follow the entry before it in the chain"
                ));
            }
        }
        previous = Some((seq, hash));
    }
    if problems.is_empty() {
        if placed != entries.len() {
            problems.push(format!(
                "{} audit entries lie outside the chain",
                entries.len() - placed
            ));
        }
        match &previous {
            Some((seq, hash))
                if *seq == manifest.audit_head.seq && *hash == manifest.audit_head.hash => {}
            _ => problems.push(format!(
                "the chain does not end at the signed head, entry {}",
                manifest.audit_head.seq
            )),
        }
    }
    if problems.is_empty() {
        out.holds_that(format!(
            "the audit entries are linked by the chain to the head, entry {} ({})",
            manifest.audit_head.seq, manifest.audit_head.hash
        ));
    } else {
        for problem in problems {
            out.fails_that(problem);
        }
    }
}
