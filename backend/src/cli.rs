//! The `sanad` command: `serve` runs the service, `migrate` brings the database schema up to date.

use clap::{Parser, Subcommand};

use sanad_shared::{
    staff::{Email, LinkPurpose, Role},
    Language,
};

use crate::{audit, auth::store, config::Config, db, startup::Application, telemetry};

#[derive(Parser, Debug)]
#[command(
    name = "sanad",
    version,
    about = "Sanad: anonymous reporting of recruitment into foreign armies, missing-person cases and awareness campaigns"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Apply pending migrations, then serve the API and the web app.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create an admin account and print a one-time link (valid 48 hours) to set its password.
    /// There is no default password anywhere.
    CreateAdmin {
        /// The admin's email address.
        #[arg(long)]
        email: String,
        /// The name shown to other staff.
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// The admin's language: ar, ckb, kmr or en.
        #[arg(long, default_value = "ar")]
        language: String,
    },
    /// Exchange missing-person cases with partners in PFIF 1.4.
    Pfif {
        #[command(subcommand)]
        command: PfifCommand,
    },
    /// Remove the personal data of cases closed longer ago than SANAD_RETENTION_DAYS (the
    /// server also does this every hour).
    Retention,
    /// Load the awareness articles shipped with Sanad, or update them to this version's text.
    /// Safe to repeat: articles are matched by slug, and one an editor changed is never
    /// overwritten.
    Seed,
    /// Copy the database into one file while the server runs (SQLite: `VACUUM INTO`;
    /// PostgreSQL: `pg_dump`, which must be installed). The file names the fingerprints of the
    /// keys it needs, never the keys: back up `<data dir>/keys/` (or SANAD_ENCRYPTION_KEY) apart.
    Backup {
        /// The file to write; refused if it exists.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Put a backup back into the configured database. Stop the server first. Refused when the
    /// keys here are not the backup's, or the database holds data and --force is not given.
    Restore {
        /// A file `sanad backup` wrote.
        file: std::path::PathBuf,
        /// Replace a database that holds data.
        #[arg(long)]
        force: bool,
    },
    /// Seal everything again under a new encryption key and compute every keyed index again;
    /// receipts keep working. Stop every server first: it refuses to run beside one, and a
    /// server refuses to start until it has finished. Safe to run again after a crash: it goes
    /// on from its last committed batch. With the key in <data dir>/keys/data.key, the new key
    /// replaces it and the old one stays beside it for backups made before; with
    /// SANAD_ENCRYPTION_KEY, change that yourself on every instance.
    RotateKey {
        /// The new key: 32 bytes, or 64 hexadecimal characters.
        #[arg(long)]
        new_key_file: std::path::PathBuf,
        /// Rows sealed again per committed batch.
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(i64).range(1..=100_000))]
        batch: i64,
    },
    /// Operations on the audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Evidence packages: check one, or print the key this instance signs them with.
    Evidence {
        #[command(subcommand)]
        command: EvidenceCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum EvidenceCommand {
    /// Check a package offline: its signature, every file against the manifest, and its audit
    /// entries against the chain. Exits with 1 when anything does not hold.
    Verify {
        /// The package (a ZIP from "Evidence package" on a tip or case page).
        package: std::path::PathBuf,
        /// The instance's public key as it publishes it (GET /api/v1/evidence-key or
        /// `sanad evidence key`), to prove where the package comes from.
        #[arg(long)]
        key: Option<String>,
    },
    /// Print the public key that this instance signs evidence packages with.
    Key,
}

#[derive(Subcommand, Debug)]
pub enum PfifCommand {
    /// Write a PFIF 1.4 document of the cases the recipient may receive.
    Export {
        /// committee, government or humanitarian: only cases whose family allowed sharing
        /// with them are written.
        #[arg(long)]
        recipient: String,
        /// The file to write; standard output without it.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Create or update cases from a partner's PFIF document; a second import changes nothing.
    Import {
        /// The PFIF XML file.
        file: std::path::PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Walk the hash chain and report the first entry that was edited, deleted or reordered.
    Verify,
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    telemetry::init(&cli.config.log)?;
    match cli.command {
        Command::Serve => actix_web::rt::System::new().block_on(async move {
            let app = Application::build(cli.config).await?;
            tracing::info!("Sanad is listening on {}", app.url());
            println!("Sanad is ready at {}", app.url());
            app.run_until_stopped().await?;
            tracing::info!("stopped");
            Ok(())
        }),
        Command::Migrate => {
            let url = cli.config.database_url()?;
            db::prepare_data_dir(&cli.config.data_dir)?;
            let applied = db::run_migrations(&url)?;
            if applied.is_empty() {
                println!("The database is up to date.");
            } else {
                for version in applied {
                    println!("applied {version}");
                }
            }
            Ok(())
        }
        Command::CreateAdmin {
            email,
            name,
            language,
        } => {
            let email = Email::parse(&email)
                .map_err(|_| anyhow::anyhow!("{email:?} is not an email address"))?;
            let language =
                Language::parse(&language).map_err(|e| anyhow::anyhow!("--language: {e}"))?;
            let url = cli.config.database_url()?;
            db::prepare_data_dir(&cli.config.data_dir)?;
            db::run_migrations(&url)?;
            let mut conn = db::pool(&url, 1)?.get()?;
            let seal = open_trail(&mut conn, &cli.config.data_dir)?;
            let sealer = crate::crypto::Sealer::load(
                cli.config.encryption_key.as_deref(),
                &cli.config.data_dir,
            )?;
            // Older rows first, so an address that exists unsealed is found as taken.
            store::seal_at_rest(&mut conn, &sealer)?;
            let secret = audit::audited(&mut conn, |conn| -> anyhow::Result<String> {
                let row =
                    store::create_staff(conn, &sealer, &email, &name, language, &[Role::Admin])
                        .map_err(|e| match e {
                            store::StoreError::EmailTaken => {
                                anyhow::anyhow!("a staff account with {email} already exists")
                            }
                            other => anyhow::anyhow!(other),
                        })?;
                let secret = store::create_link(conn, &row.id, LinkPurpose::Invite)?;
                audit::append(
                    conn,
                    &seal,
                    &audit::Entry {
                        actor: audit::Actor::Command,
                        action: "admin_created",
                        object: format!("staff:{}", row.id),
                        details: serde_json::json!({ "email": email }),
                    },
                )?;
                Ok(secret)
            })?;
            let link = crate::config::Site {
                public_url: cli.config.public_url.clone(),
                onion_url: None,
                pfif_domain: None,
            }
            .link(&secret);
            println!("Admin {email} created. Open this link within 48 hours to set the password (it works once):");
            println!("{link}");
            Ok(())
        }
        Command::Pfif { command } => {
            let url = cli.config.database_url()?;
            db::prepare_data_dir(&cli.config.data_dir)?;
            db::run_migrations(&url)?;
            let sealer = crate::crypto::Sealer::load(
                cli.config.encryption_key.as_deref(),
                &cli.config.data_dir,
            )?;
            let domain = cli.config.pfif_domain.as_deref();
            let mut conn = db::pool(&url, 1)?.get()?;
            let seal = open_trail(&mut conn, &cli.config.data_dir)?;
            match command {
                PfifCommand::Export { recipient, out } => {
                    let recipient =
                        sanad_shared::cases::Consent::parse(&recipient).ok_or_else(|| {
                            anyhow::anyhow!(
                                "--recipient must be committee, government or humanitarian"
                            )
                        })?;
                    let locales = crate::locales::Locales::load()?;
                    let (xml, ids) = crate::exchange::export_recorded(
                        &mut conn,
                        &seal,
                        &sealer,
                        &locales,
                        domain,
                        recipient,
                        audit::Actor::Command,
                    )
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                    match out {
                        Some(path) => {
                            std::fs::write(&path, xml)?;
                            eprintln!("{} cases written to {}", ids.len(), path.display());
                        }
                        None => print!("{xml}"),
                    }
                    Ok(())
                }
                PfifCommand::Import { file } => {
                    let xml = std::fs::read_to_string(&file)?;
                    let imported = crate::exchange::import_recorded(
                        &mut conn,
                        &seal,
                        &sealer,
                        domain,
                        &xml,
                        audit::Actor::Command,
                    )
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                    println!(
                        "{} cases created, {} updated, {} notes added, {} emptied (expired), {} records skipped",
                        imported.created,
                        imported.updated,
                        imported.notes_added,
                        imported.wiped,
                        imported.skipped
                    );
                    Ok(())
                }
            }
        }
        Command::Backup { out } => {
            let url = cli.config.database_url()?;
            let keys = crate::backup::KeyPrints::of(
                cli.config.encryption_key.as_deref(),
                &cli.config.data_dir,
            )?;
            let started = std::time::Instant::now();
            let manifest = crate::backup::backup(&url, &keys, &out)?;
            println!(
                "Backup written to {} in {:.1} s: {} tips, {} cases, schema {}, encryption key {}, audit key {}.",
                out.display(),
                started.elapsed().as_secs_f64(),
                manifest.tips,
                manifest.cases,
                manifest.schema_version,
                manifest.key_fingerprint,
                manifest.audit_key_fingerprint
            );
            println!("Keep <data dir>/keys/ (or SANAD_ENCRYPTION_KEY) apart from it: the backup cannot be read without them.");
            Ok(())
        }
        Command::Restore { file, force } => {
            let url = cli.config.database_url()?;
            db::prepare_data_dir(&cli.config.data_dir)?;
            let keys = crate::backup::KeyPrints::of(
                cli.config.encryption_key.as_deref(),
                &cli.config.data_dir,
            )
            .map_err(|e| {
                anyhow::anyhow!(
                    "{e}; copy keys/ from the installation the backup comes from into {}",
                    cli.config.data_dir.display()
                )
            })?;
            let started = std::time::Instant::now();
            let manifest = crate::backup::restore(&url, &keys, &file, force)?;
            println!(
                "Restored {} ({} tips, {} cases, made {}) in {:.1} s.",
                file.display(),
                manifest.tips,
                manifest.cases,
                manifest.made_at,
                started.elapsed().as_secs_f64()
            );
            // The checkpoints of the trail before the restore reach past the restored head, and
            // `audit verify` would call that a rollback, which this one is, on purpose.
            let checkpoints = audit::checkpoint::path(&cli.config.data_dir);
            if checkpoints.exists() {
                let kept = checkpoints.with_file_name(format!(
                    "{}.before-restore-{}",
                    audit::checkpoint::FILE,
                    audit::now_ms()
                ));
                std::fs::rename(&checkpoints, &kept)?;
                println!(
                    "The audit checkpoints from before the restore are kept in {}.",
                    kept.display()
                );
            }
            Ok(())
        }
        Command::RotateKey {
            new_key_file,
            batch,
        } => {
            let started = std::time::Instant::now();
            let rotated =
                crate::rotation::rotate(&cli.config, &new_key_file, batch, |step, last| {
                    println!("{step}: sealed again up to {last}");
                })?;
            let url = cli.config.database_url()?;
            let mut conn = db::connect(&url)?;
            let seal = open_trail(&mut conn, &cli.config.data_dir)?;
            audit::append(
                &mut conn,
                &seal,
                &audit::Entry {
                    actor: audit::Actor::Command,
                    action: "key_rotated",
                    object: format!("key:{}", rotated.new_fingerprint),
                    details: serde_json::json!({
                        "from": rotated.old_fingerprint,
                        "to": rotated.new_fingerprint,
                        "resumed": rotated.resumed,
                    }),
                },
            )?;
            println!(
                "Rotated from key {} to key {} in {:.1} s ({} batches{}).",
                rotated.old_fingerprint,
                rotated.new_fingerprint,
                started.elapsed().as_secs_f64(),
                rotated.batches,
                if rotated.resumed {
                    ", resuming an earlier run"
                } else {
                    ""
                }
            );
            match (&rotated.old_key_kept, &cli.config.encryption_key) {
                (Some(kept), _) => println!(
                    "The new key is in keys/data.key. The old one is kept as {}: backups made before now need it; delete it when they are gone.",
                    kept.display()
                ),
                (None, Some(_)) => println!(
                    "Set SANAD_ENCRYPTION_KEY to the new key on every instance before starting them: the database no longer opens with the old one. Keep the old key for backups made before now."
                ),
                (None, None) => {}
            }
            Ok(())
        }
        Command::Retention => {
            let url = cli.config.database_url()?;
            db::run_migrations(&url)?;
            let mut conn = db::pool(&url, 1)?.get()?;
            let seal = open_trail(&mut conn, &cli.config.data_dir)?;
            let wiped = crate::cases::retention_pass(&mut conn, &seal, cli.config.retention_days)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{wiped} closed cases had their personal data removed.");
            let wiped =
                crate::tips::retention_pass(&mut conn, &seal, cli.config.tip_retention_days)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{wiped} closed or dismissed tips had their content removed.");
            Ok(())
        }
        Command::Seed => {
            let url = cli.config.database_url()?;
            db::prepare_data_dir(&cli.config.data_dir)?;
            db::run_migrations(&url)?;
            let mut conn = db::pool(&url, 1)?.get()?;
            let seal = open_trail(&mut conn, &cli.config.data_dir)?;
            let report = crate::articles::seed::seed(&mut conn, &seal, audit::Actor::Command)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "{} articles created, {} updated, {} unchanged, {} kept because editors changed them; {} campaigns created, {} updated.",
                report.created.len(),
                report.updated.len(),
                report.unchanged.len(),
                report.kept.len(),
                report.campaigns_created.len(),
                report.campaigns_updated.len()
            );
            for slug in &report.kept {
                println!("kept: {slug}");
            }
            Ok(())
        }
        Command::Evidence {
            command: EvidenceCommand::Verify { package, key },
        } => {
            let file = std::fs::File::open(&package)
                .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", package.display()))?;
            let verification = crate::evidence::verify(file, key.as_deref());
            if let Some(manifest) = &verification.manifest {
                println!(
                    "Evidence package about {} ({}), made {} by {} at {}.",
                    manifest.item.reference,
                    manifest.item.audit_object(),
                    manifest.made_at,
                    manifest.made_by,
                    manifest.instance
                );
            }
            for check in &verification.checks {
                println!(
                    "{} {}",
                    if check.holds { "holds:" } else { "FAILS:" },
                    check.what
                );
            }
            if verification.holds() {
                if key.is_none() {
                    if let Some(manifest) = &verification.manifest {
                        println!(
                            "The package is intact. To prove it comes from the instance, compare {} with the key it publishes, or pass it with --key.",
                            manifest.public_key
                        );
                    }
                } else {
                    println!("The package is intact and signed by the given key.");
                }
                Ok(())
            } else {
                let failures = verification.failures().count();
                anyhow::bail!("the package does NOT hold: {failures} check(s) failed");
            }
        }
        Command::Evidence {
            command: EvidenceCommand::Key,
        } => {
            let key = crate::evidence::EvidenceKey::load(&cli.config.data_dir)?;
            println!("{}", key.public_hex());
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let url = cli.config.database_url()?;
            db::run_migrations(&url)?;
            let mut conn = db::pool(&url, 1)?.get()?;
            let seal = audit::Seal::open(&cli.config.data_dir)?;
            let key = crate::evidence::EvidenceKey::load(&cli.config.data_dir)?;
            let checkpoint = audit::checkpoint::latest(&cli.config.data_dir, &key.verifying_key())?;
            match audit::verify(&mut conn, &seal, checkpoint.as_ref())? {
                Ok(entries) => {
                    println!("The audit trail is intact: {entries} entries, every one sealed.");
                    match checkpoint {
                        Some(checkpoint) => println!(
                            "It continues the last signed checkpoint: {} entries, head {}.",
                            checkpoint.seq, checkpoint.hash
                        ),
                        None => {
                            println!("No signed checkpoint yet (the server writes one every hour).")
                        }
                    }
                    Ok(())
                }
                Err(fault) => anyhow::bail!("the audit trail is broken: {fault}"),
            }
        }
    }
}

/// The audit key for a command that writes to the trail. A command can be the first thing run
/// on a data folder (`create-admin` before the first start), so it makes the key as the server
/// would, and seals what an earlier version wrote without one.
fn open_trail(
    conn: &mut db::DbConnection,
    data_dir: &std::path::Path,
) -> anyhow::Result<audit::Seal> {
    let (seal, made) = audit::Seal::load(data_dir)?;
    if made {
        if let Err(fault) = audit::seal_unsealed(conn, &seal)? {
            anyhow::bail!("the audit trail is broken, so its entries were not sealed: {fault}");
        }
    }
    Ok(seal)
}
