//! The `sanad` command: `serve` runs the service, `migrate` brings the database schema up to date.

use clap::{Parser, Subcommand};

use crate::{audit, config::Config, db, startup::Application, telemetry};

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
    /// Operations on the audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
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
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let url = cli.config.database_url()?;
            db::run_migrations(&url)?;
            let mut conn = db::pool(&url, 1)?.get()?;
            match audit::verify(&mut conn)? {
                Ok(entries) => {
                    println!("The audit trail is intact: {entries} entries.");
                    Ok(())
                }
                Err(fault) => anyhow::bail!("the audit trail is broken: {fault}"),
            }
        }
    }
}
