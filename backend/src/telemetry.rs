//! Logging. Access-log lines carry method, path, status, size and duration only: never a client
//! address, forwarded-for header or user agent, because a tipster's safety depends on it.

use tracing_subscriber::EnvFilter;

/// actix-web's access-log format: `%U` is the path without its query string, so nothing a client
/// put in a query ever reaches a log; `%{method}xi` is filled in by [`access_log`].
const ACCESS_LOG_FORMAT: &str = "%{method}xi %U %s %bB %Dms";

/// Where tipsters and families write: the anonymous API and the forms without a script. A
/// timed line per request would date each report to the millisecond for anyone with the log,
/// so these paths write no access line at all (their errors still reach the log, without the
/// path). Staff routes under the same prefixes (`/api/v1/tips/{id}`) are logged as usual.
const UNLOGGED_PATHS: [&str; 3] = [
    r"^/api/v1/(tips|cases|challenges)/?$",
    r"^/api/v1/follow-up(/.*)?$",
    r"^/[a-z]{2,3}/(report|missing|follow-up)/?$",
];

pub fn access_log() -> actix_web::middleware::Logger {
    UNLOGGED_PATHS.iter().fold(
        actix_web::middleware::Logger::new(ACCESS_LOG_FORMAT)
            .custom_request_replace("method", |req| req.method().to_string()),
        |logger, path| logger.exclude_regex(*path),
    )
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
