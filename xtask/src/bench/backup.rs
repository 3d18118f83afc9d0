//! `cargo xtask bench backup`: `sanad backup` and `sanad restore` of 100,000 tips, on SQLite and on
//! PostgreSQL, each beside the bare tool doing the same job on the same data in the same run (a
//! plain copy of the database file; `pg_dump` and `pg_restore` alone), so the ratio says what
//! Sanad adds on this machine. Then `sanad rotate-key` on the restored copy, beside the backup of
//! the same data. No target is set for these: they are the operator's figures.

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use anyhow::{bail, Context as _};

use super::queue::seed;
use crate::{process::root, test::Server};

const TIPS: usize = 100_000;

fn run(command: &mut Command) -> anyhow::Result<f64> {
    let started = Instant::now();
    let output = command.output().context("cannot run it")?;
    if !output.status.success() {
        bail!(
            "{:?} failed: {}{}",
            command,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(started.elapsed().as_secs_f64())
}

fn sanad(binary: &Path, data_dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = Command::new(binary);
    command
        .env("SANAD_DATA_DIR", data_dir)
        .env("SANAD_LOG", "warn");
    if let Some(url) = database_url {
        command.env("SANAD_DATABASE_URL", url);
    }
    command
}

fn copy_keys(from: &Path, to: &Path) -> anyhow::Result<()> {
    let keys = to.join("keys");
    std::fs::create_dir_all(&keys)?;
    for entry in std::fs::read_dir(from.join("keys"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), keys.join(entry.file_name()))?;
    }
    Ok(())
}

/// `sanad rotate-key` on a restored copy, to a key of its own; answers the seconds it took.
fn rotate(binary: &Path, data_dir: &Path, database_url: Option<&str>) -> anyhow::Result<f64> {
    let key = data_dir.join("rotation-bench.key");
    std::fs::write(&key, [7_u8; 32])?;
    run(sanad(binary, data_dir, database_url)
        .arg("rotate-key")
        .arg("--new-key-file")
        .arg(&key))
}

fn report_rotation(database: &str, rotation: f64, backup: f64) {
    println!(
        "rotate-key, {database}, {TIPS} tips: {rotation:.1} s ({:.1}x the backup of the same data)",
        rotation / backup.max(0.001)
    );
}

fn megabytes(path: &Path) -> f64 {
    std::fs::metadata(path)
        .map(|m| m.len() as f64 / 1_000_000.0)
        .unwrap_or_default()
}

fn report(
    database: &str,
    backup: f64,
    bare_backup: f64,
    restore: f64,
    bare_restore: f64,
    size: f64,
) {
    println!(
        "backup, {database}, {TIPS} tips: sanad backup {backup:.1} s (bare tool {bare_backup:.1} s, {:.2}x), {size:.0} MB; \
         sanad restore {restore:.1} s (bare tool {bare_restore:.1} s, {:.2}x)",
        backup / bare_backup.max(0.001),
        restore / bare_restore.max(0.001)
    );
}

pub fn scenario(binary: &Path) -> anyhow::Result<()> {
    let dir = root().join(format!("target/bench-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    sqlite(binary, &dir)?;
    match postgres_base() {
        Some(base) => postgres(binary, &dir, &base)?,
        None => println!("backup, PostgreSQL: skipped, no server at SANAD_TEST_POSTGRES_URL"),
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn sqlite(binary: &Path, dir: &Path) -> anyhow::Result<()> {
    let source = dir.join("sqlite-source");
    seed("seed_tips", &source, TIPS)?;
    // A start makes the keys a backup names (the audit key among them).
    drop(Server::start(binary, &source, &[])?);
    let copy = dir.join("sqlite-copy.db");
    let started = Instant::now();
    std::fs::copy(source.join("sanad.db"), &copy)?;
    let bare_backup = started.elapsed().as_secs_f64();
    let file = dir.join("sqlite.backup");
    let backup = run(sanad(binary, &source, None)
        .arg("backup")
        .arg("--out")
        .arg(&file))?;
    let fresh = dir.join("sqlite-restored");
    copy_keys(&source, &fresh)?;
    let bare_target = dir.join("sqlite-bare-restore.db");
    let started = Instant::now();
    std::fs::copy(&copy, &bare_target)?;
    let bare_restore = started.elapsed().as_secs_f64();
    let restore = run(sanad(binary, &fresh, None).arg("restore").arg(&file))?;
    report(
        "SQLite",
        backup,
        bare_backup,
        restore,
        bare_restore,
        megabytes(&file),
    );
    report_rotation("SQLite", rotate(binary, &fresh, None)?, backup);
    Ok(())
}

fn postgres_base() -> Option<String> {
    let base = std::env::var("SANAD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    Command::new("psql")
        .arg(&base)
        .args(["-qtAc", "SELECT 1"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| base)
}

/// `base` with its database replaced by `name`.
fn database_url(base: &str, name: &str) -> anyhow::Result<String> {
    let (server, _) = base
        .rsplit_once('/')
        .context("SANAD_TEST_POSTGRES_URL has no database")?;
    Ok(format!("{server}/{name}"))
}

struct Databases {
    base: String,
    names: Vec<String>,
}

impl Databases {
    fn create(&mut self, name: &str) -> anyhow::Result<String> {
        run(Command::new("psql")
            .arg(&self.base)
            .args(["-qc", &format!("CREATE DATABASE {name}")]))?;
        self.names.push(name.to_owned());
        database_url(&self.base, name)
    }
}

impl Drop for Databases {
    fn drop(&mut self) {
        for name in &self.names {
            let _ = Command::new("psql")
                .arg(&self.base)
                .args([
                    "-qc",
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                ])
                .output();
        }
    }
}

fn postgres(binary: &Path, dir: &Path, base: &str) -> anyhow::Result<()> {
    let pid = std::process::id();
    let mut databases = Databases {
        base: base.to_owned(),
        names: Vec::new(),
    };
    let source_url = databases.create(&format!("sanad_bench_backup_{pid}"))?;
    let source: PathBuf = dir.join("pg-source");
    std::fs::create_dir_all(&source)?;
    let seeded = Command::new(root().join("target/release/examples/seed_tips"))
        .arg(&source)
        .arg(TIPS.to_string())
        .env("SANAD_DATABASE_URL", &source_url)
        .output()
        .context("running seed_tips")?;
    if !seeded.status.success() {
        bail!(
            "seed_tips failed: {}",
            String::from_utf8_lossy(&seeded.stderr)
        );
    }
    drop(Server::start(
        binary,
        &source,
        &[("SANAD_DATABASE_URL", &source_url)],
    )?);
    let bare_dump = dir.join("pg-bare.dump");
    let bare_backup = run(Command::new("pg_dump")
        .args([
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--schema=public",
        ])
        .arg("--file")
        .arg(&bare_dump)
        .arg("--dbname")
        .arg(&source_url))?;
    let bare_url = databases.create(&format!("sanad_bench_bare_{pid}"))?;
    let bare_restore = run(Command::new("pg_restore")
        .args([
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--clean",
            "--if-exists",
        ])
        .arg("--dbname")
        .arg(&bare_url)
        .arg(&bare_dump))?;
    let file = dir.join("pg.backup");
    let backup = run(sanad(binary, &source, Some(&source_url))
        .arg("backup")
        .arg("--out")
        .arg(&file))?;
    let restored_url = databases.create(&format!("sanad_bench_restored_{pid}"))?;
    let fresh = dir.join("pg-restored");
    copy_keys(&source, &fresh)?;
    let restore = run(sanad(binary, &fresh, Some(&restored_url))
        .arg("restore")
        .arg(&file))?;
    report(
        "PostgreSQL",
        backup,
        bare_backup,
        restore,
        bare_restore,
        megabytes(&file),
    );
    report_rotation(
        "PostgreSQL",
        rotate(binary, &fresh, Some(&restored_url))?,
        backup,
    );
    Ok(())
}
