//! Logging. Access-log lines carry method, path, status, size and duration only: never a client
//! address, forwarded-for header or user agent, because a tipster's safety depends on it.

use tracing_subscriber::EnvFilter;

/// actix-web's access-log format: `%U` is the path without its query string, so nothing a client
/// put in a query ever reaches a log; `%{method}xi` is filled in by [`access_log`].
const ACCESS_LOG_FORMAT: &str = "%{method}xi %U %s %bB %Dms";

pub fn access_log() -> actix_web::middleware::Logger {
    actix_web::middleware::Logger::new(ACCESS_LOG_FORMAT)
        .custom_request_replace("method", |req| req.method().to_string())
}

pub fn init(filter: &str) -> anyhow::Result<()> {
    let filter = EnvFilter::try_new(filter)
        .map_err(|e| anyhow::anyhow!("SANAD_LOG {filter:?} is not a valid log filter: {e}"))?;
    // Logs go to stderr: stdout carries only the "ready at URL" line that tools wait for.
    // A second init (tests build many apps in one process) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
    Ok(())
}
