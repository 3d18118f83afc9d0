//! `sanad backup` and `sanad restore`.
//!
//! A backup is a ZIP of two files: `manifest.json` and the database, either an SQLite copy made
//! with `VACUUM INTO` (one consistent snapshot, taken while the server goes on writing) or a
//! `pg_dump` archive in the custom format (from one exported snapshot, which the manifest's
//! counts read too). No key ever enters it: the manifest carries the fingerprints of the keys
//! it needs, and a restore refuses keys that do not match, before it touches anything.

use std::{
    fs,
    io::{self, Read as _, Write as _},
    path::{Path, PathBuf},
    process::Command,
};

use anyhow::{bail, Context as _};
use diesel::migration::MigrationSource;
use diesel::{
    connection::SimpleConnection as _, sql_query, sql_types::BigInt, sql_types::Text,
    QueryableByName, RunQueryDsl as _,
};
use serde::{Deserialize, Serialize};
use zip::{write::SimpleFileOptions, CompressionMethod, ZipArchive, ZipWriter};

use crate::db::{self, DatabaseUrl, DbConnection};

const FORMAT: &str = "sanad-backup/1";
const MANIFEST: &str = "manifest.json";
const SQLITE_ENTRY: &str = "database.sqlite";
const POSTGRES_ENTRY: &str = "database.pgdump";

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: String,
    /// `sqlite` or `postgres`: a backup restores into the same kind of database.
    pub database: String,
    /// The last migration the database had; a restore by an older `sanad` is refused.
    pub schema_version: String,
    /// [`crate::crypto::Sealer::fingerprint`] of the encryption key the sealed data needs.
    pub key_fingerprint: String,
    /// [`crate::audit::Seal::fingerprint`] of the audit key the trail is sealed with.
    pub audit_key_fingerprint: String,
    pub made_at: String,
    pub sanad_version: String,
    pub tips: i64,
    pub cases: i64,
}

/// The fingerprints of the keys a data folder holds (or the settings name).
pub struct KeyPrints {
    pub data: String,
    pub audit: String,
}

impl KeyPrints {
    /// Reads the keys as they are (`SANAD_ENCRYPTION_KEY` or `keys/data.key`, and the audit
    /// key), making none: a key made here would not be the one the data needs.
    pub fn of(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<KeyPrints> {
        Ok(KeyPrints {
            audit: crate::audit::Seal::open(data_dir)?.fingerprint(),
            data: crate::crypto::Sealer::load_existing(configured, data_dir)?
                .fingerprint()
                .to_owned(),
        })
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

#[derive(QueryableByName)]
struct Integrity {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

#[derive(QueryableByName)]
struct Snapshot {
    #[diesel(sql_type = Text)]
    snapshot: String,
}

fn count(conn: &mut DbConnection, table: &str) -> anyhow::Result<i64> {
    Ok(sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result::<Count>(conn)?
        .n)
}

fn schema_version(conn: &mut DbConnection) -> anyhow::Result<String> {
    Ok(
        sql_query("SELECT MAX(version) AS version FROM __diesel_schema_migrations")
            .get_result::<Version>(conn)?
            .version,
    )
}

/// The newest migration this binary knows.
fn known_schema_version(url: &DatabaseUrl) -> anyhow::Result<String> {
    let versions: Vec<String> = match url {
        DatabaseUrl::Sqlite(_) => {
            MigrationSource::<diesel::sqlite::Sqlite>::migrations(&db::SQLITE_MIGRATIONS)
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .iter()
                .map(|m| m.name().version().to_string())
                .collect()
        }
        DatabaseUrl::Postgres(_) => {
            MigrationSource::<diesel::pg::Pg>::migrations(&db::POSTGRES_MIGRATIONS)
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .iter()
                .map(|m| m.name().version().to_string())
                .collect()
        }
    };
    versions
        .into_iter()
        .max()
        .context("no migrations are built in")
}

fn kind(url: &DatabaseUrl) -> &'static str {
    match url {
        DatabaseUrl::Sqlite(_) => "sqlite",
        DatabaseUrl::Postgres(_) => "postgres",
    }
}

fn utc_now() -> String {
    crate::evidence::utc(crate::audit::now_ms())
}

/// Writes a backup of the database at `url` to `out` (refused when `out` exists), while the
/// server may be running.
pub fn backup(url: &DatabaseUrl, keys: &KeyPrints, out: &Path) -> anyhow::Result<Manifest> {
    if out.exists() {
        bail!("{} exists already; name a new file", out.display());
    }
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let work = tempfile::Builder::new()
        .prefix(".sanad-backup-")
        .tempdir_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut conn = db::connect(url)?;
    let (manifest, database, entry) = match url {
        DatabaseUrl::Sqlite(_) => {
            let copy = work.path().join(SQLITE_ENTRY);
            let target = copy.to_string_lossy().replace('\'', "''");
            conn.batch_execute(&format!("VACUUM INTO '{target}'"))?;
            // The counts and version come from the copy itself, not from a database that
            // moved on since.
            let mut copied = db::connect(&DatabaseUrl::Sqlite(copy.clone()))?;
            let manifest = manifest_of(&mut copied, "sqlite", keys)?;
            drop(copied);
            (manifest, copy, SQLITE_ENTRY)
        }
        DatabaseUrl::Postgres(address) => {
            let dump = work.path().join(POSTGRES_ENTRY);
            conn.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
            let snapshot = sql_query("SELECT pg_export_snapshot() AS snapshot")
                .get_result::<Snapshot>(&mut conn)?
                .snapshot;
            let schema = sql_query("SELECT current_schema() AS version")
                .get_result::<Version>(&mut conn)?
                .version;
            let manifest = manifest_of(&mut conn, "postgres", keys)?;
            let status = Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges"])
                .arg(format!("--snapshot={snapshot}"))
                .arg(format!("--schema={schema}"))
                .arg("--file")
                .arg(&dump)
                .arg("--dbname")
                .arg(address)
                .status();
            conn.batch_execute("COMMIT")?;
            match status {
                Ok(status) if status.success() => {}
                Ok(status) => bail!("pg_dump failed ({status})"),
                Err(e) if e.kind() == io::ErrorKind::NotFound => bail!(
                    "pg_dump is not installed: install it (Debian: apt install \
                     postgresql-client-15, the server's major version) and run this again. \
                     By hand instead: pg_dump --format=custom --no-owner \
                     --dbname=\"$SANAD_DATABASE_URL\" --file=sanad.pgdump, restored with \
                     pg_restore --no-owner --single-transaction --dbname=... sanad.pgdump"
                ),
                Err(e) => return Err(e).context("running pg_dump"),
            }
            (manifest, dump, POSTGRES_ENTRY)
        }
    };
    drop(conn);
    let partial = work.path().join("backup.zip");
    {
        let file = fs::File::create(&partial)?;
        let mut zip = ZipWriter::new(io::BufWriter::new(file));
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(true);
        zip.start_file(MANIFEST, stored)?;
        zip.write_all(&serde_json::to_vec_pretty(&manifest)?)?;
        // Stored, not compressed: sealed columns are ciphertext, which does not shrink.
        zip.start_file(entry, stored)?;
        io::copy(&mut fs::File::open(&database)?, &mut zip)?;
        let file = zip.finish()?.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
    }
    fs::rename(&partial, out).with_context(|| format!("cannot write {}", out.display()))?;
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(manifest)
}

fn manifest_of(
    conn: &mut DbConnection,
    database: &str,
    keys: &KeyPrints,
) -> anyhow::Result<Manifest> {
    Ok(Manifest {
        format: FORMAT.to_owned(),
        database: database.to_owned(),
        schema_version: schema_version(conn)?,
        key_fingerprint: keys.data.clone(),
        audit_key_fingerprint: keys.audit.clone(),
        made_at: utc_now(),
        sanad_version: env!("CARGO_PKG_VERSION").to_owned(),
        tips: count(conn, "tips")?,
        cases: count(conn, "cases")?,
    })
}

/// Reads a backup's manifest.
pub fn manifest(file: &Path) -> anyhow::Result<Manifest> {
    let mut archive = open_archive(file)?;
    read_manifest(&mut archive)
}

fn open_archive(file: &Path) -> anyhow::Result<ZipArchive<fs::File>> {
    let opened = fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    ZipArchive::new(opened).with_context(|| format!("{} is not a Sanad backup", file.display()))
}

fn read_manifest(archive: &mut ZipArchive<fs::File>) -> anyhow::Result<Manifest> {
    let mut text = String::new();
    archive
        .by_name(MANIFEST)
        .context("the file is not a Sanad backup (no manifest.json)")?
        .read_to_string(&mut text)?;
    let manifest: Manifest =
        serde_json::from_str(&text).context("the backup's manifest.json is damaged")?;
    if manifest.format != FORMAT {
        bail!(
            "the backup is in format {:?}; this sanad reads {FORMAT}",
            manifest.format
        );
    }
    Ok(manifest)
}

/// Whether the database holds anything a restore would overwrite.
fn holds_data(conn: &mut DbConnection) -> anyhow::Result<bool> {
    for table in ["tips", "cases", "staff", "articles", "audit_log"] {
        match count(conn, table) {
            Ok(0) => {}
            Ok(_) => return Ok(true),
            // No such table yet: a database never migrated.
            Err(_) => {}
        }
    }
    Ok(false)
}

/// Restores `file` into the database at `url`. The server must be stopped. Refuses, before
/// changing anything, a backup of the other database kind, one a newer sanad made, keys that do
/// not match, and a database that holds data unless `force`.
pub fn restore(
    url: &DatabaseUrl,
    keys: &KeyPrints,
    file: &Path,
    force: bool,
) -> anyhow::Result<Manifest> {
    let mut archive = open_archive(file)?;
    let manifest = read_manifest(&mut archive)?;
    if manifest.database != kind(url) {
        bail!(
            "the backup is of a {} database and SANAD_DATABASE_URL names a {} one",
            manifest.database,
            kind(url)
        );
    }
    if manifest.key_fingerprint != keys.data {
        bail!(
            "the backup needs the encryption key with fingerprint {}, and the configured key's is {}: \
             set SANAD_ENCRYPTION_KEY (or put keys/data.key back) to the key the backup was made with",
            manifest.key_fingerprint,
            keys.data
        );
    }
    if manifest.audit_key_fingerprint != keys.audit {
        bail!(
            "the backup's audit trail is sealed with the audit key with fingerprint {}, and \
             keys/audit-hmac.key here has {}: copy keys/ from the installation the backup comes from",
            manifest.audit_key_fingerprint,
            keys.audit
        );
    }
    let known = known_schema_version(url)?;
    if manifest.schema_version > known {
        bail!(
            "the backup was made by a newer sanad (schema {}; this one knows up to {known}): \
             restore it with that version",
            manifest.schema_version
        );
    }
    if let Ok(mut conn) = db::connect(url) {
        if holds_data(&mut conn)? && !force {
            bail!("the database holds data; restoring would replace it. Add --force to replace it");
        }
    }
    let work = tempfile::Builder::new()
        .prefix(".sanad-restore-")
        .tempdir_in(match url {
            DatabaseUrl::Sqlite(path) => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
            DatabaseUrl::Postgres(_) => Path::new("."),
        })
        .or_else(|_| tempfile::tempdir())?;
    match url {
        DatabaseUrl::Sqlite(path) => {
            let copy = extract(&mut archive, SQLITE_ENTRY, work.path())?;
            // Checked before it replaces anything: a damaged copy is refused here.
            let mut check = db::connect(&DatabaseUrl::Sqlite(copy.clone()))?;
            let verdict = sql_query("PRAGMA integrity_check")
                .get_result::<Integrity>(&mut check)?
                .integrity_check;
            drop(check);
            if verdict != "ok" {
                bail!("the backup's database is damaged: {verdict}");
            }
            for stale in [sidecar(path, "-wal"), sidecar(path, "-shm")] {
                match fs::remove_file(&stale) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        return Err(e).with_context(|| format!("cannot remove {}", stale.display()))
                    }
                    _ => {}
                }
            }
            fs::rename(&copy, path)
                .with_context(|| format!("cannot replace {}", path.display()))?;
        }
        DatabaseUrl::Postgres(address) => {
            let dump = extract(&mut archive, POSTGRES_ENTRY, work.path())?;
            let mut command = Command::new("pg_restore");
            // `--clean` even into an empty database: a dump of `public` creates that schema,
            // which every new database already has. Whether data may be replaced was decided
            // above; in one transaction, a failure leaves the database as it was.
            command.args([
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--clean",
                "--if-exists",
            ]);
            let status = command
                .arg("--dbname")
                .arg(address)
                .arg(&dump)
                .status()
                .map_err(|e| match e.kind() {
                    io::ErrorKind::NotFound => anyhow::anyhow!(
                        "pg_restore is not installed (Debian: apt install postgresql-client-15)"
                    ),
                    _ => anyhow::Error::from(e).context("running pg_restore"),
                })?;
            if !status.success() {
                bail!("pg_restore failed ({status}); the database was left as it was");
            }
        }
    }
    // A backup from an older version comes up to this one's schema.
    db::run_migrations(url)?;
    Ok(manifest)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn extract(archive: &mut ZipArchive<fs::File>, entry: &str, dir: &Path) -> anyhow::Result<PathBuf> {
    let target = dir.join(entry);
    let mut source = archive
        .by_name(entry)
        .with_context(|| format!("the backup lacks {entry}"))?;
    let mut file = fs::File::create(&target)?;
    // The ZIP reader checks the entry's CRC-32 at its end: a damaged backup fails here.
    io::copy(&mut source, &mut file).context("the backup is damaged")?;
    file.sync_all()?;
    Ok(target)
}
