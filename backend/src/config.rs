//! Settings, all from `SANAD_*` environment variables (or the matching flags), each with a default
//! that is safe for a local run. `sanad --help` lists them.

use std::{net::SocketAddr, path::PathBuf};

use crate::db::DatabaseUrl;

#[derive(clap::Args, Debug, Clone)]
pub struct Config {
    /// Address and port the server listens on.
    #[arg(
        long,
        env = "SANAD_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: SocketAddr,

    /// Address for Prometheus metrics at `/metrics` (for example `127.0.0.1:9464`): keep it on
    /// a private interface. Default: no metrics, and nothing counted.
    #[arg(long, env = "SANAD_METRICS_BIND", global = true)]
    pub metrics_bind: Option<SocketAddr>,

    /// Folder for the SQLite database, keys and outgoing mail. Created with owner-only access.
    #[arg(long, env = "SANAD_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,

    /// `sqlite://PATH` or `postgres://USER@HOST:PORT/DB`. Default: `sqlite://<data dir>/sanad.db`.
    #[arg(long, env = "SANAD_DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// Connections kept open to the database. Default: 4 on SQLite (one writer at a time, and
    /// each connection keeps its own page and statement caches), 8 on PostgreSQL.
    #[arg(long, env = "SANAD_DB_POOL_SIZE", value_parser = clap::value_parser!(u32).range(1..=256), global = true)]
    pub db_pool_size: Option<u32>,

    /// The address people reach the service at; used in links sent by mail.
    #[arg(long, env = "SANAD_PUBLIC_URL", default_value = "http://127.0.0.1:8080", value_parser = parse_public_url, global = true)]
    pub public_url: String,

    /// The domain that names the PFIF records this installation authors (`domain/case number`),
    /// such as `sanad.example.iq`: a registered name this organisation holds, never an address,
    /// and never changed once records went out, or partners take them for new people. Required
    /// before the first PFIF export; import works without it.
    #[arg(long, env = "SANAD_PFIF_DOMAIN", value_parser = parse_pfif_domain, global = true)]
    pub pfif_domain: Option<String>,

    /// HTTP worker threads. Default: one per core.
    #[arg(long, env = "SANAD_WORKERS", value_parser = clap::value_parser!(u16).range(1..=1024), global = true)]
    pub workers: Option<u16>,

    /// Largest JSON body accepted, in bytes.
    #[arg(long, env = "SANAD_JSON_LIMIT", default_value_t = 64 * 1024, global = true)]
    pub json_limit: usize,

    /// Serve the web app from this folder instead of the copy built into the binary.
    #[arg(long, env = "SANAD_FRONTEND_DIR", global = true)]
    pub frontend_dir: Option<PathBuf>,

    /// Secret for signing staff access tokens (at least 32 characters). Default: a random key
    /// kept in `<data dir>/keys/jwt.key`. Set the same value on every instance behind a load balancer.
    #[arg(long, env = "SANAD_JWT_SECRET", hide_env_values = true, global = true)]
    pub jwt_secret: Option<String>,

    /// Where mail goes, e.g. `smtp://relay.example.iq:25`. Default: files in `<data dir>/outbox/`.
    #[arg(long, env = "SANAD_SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,

    /// The sender of Sanad's mail.
    #[arg(
        long,
        env = "SANAD_MAIL_FROM",
        default_value = "Sanad <no-reply@sanad.invalid>",
        global = true
    )]
    pub mail_from: String,

    /// Leading zero bits the proof of work on anonymous submissions needs; each bit doubles the
    /// work. 0 turns the check off (tests, benchmarks only; the server warns).
    #[arg(long, env = "SANAD_POW_BITS", default_value_t = DEFAULT_POW_BITS, value_parser = clap::value_parser!(u8).range(0..=32), global = true)]
    pub pow_bits: u8,

    /// Seconds a form page sent without a script must wait before its submission is accepted
    /// (such a form cannot solve a proof of work; the wait takes its place).
    #[arg(long, env = "SANAD_NOJS_DELAY_SECONDS", default_value_t = 20, value_parser = clap::value_parser!(u32).range(0..=3600), global = true)]
    pub nojs_delay_seconds: u32,

    /// Submissions without a script accepted per minute on this instance, at most.
    #[arg(long, env = "SANAD_NOJS_PER_MINUTE", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=100_000), global = true)]
    pub nojs_per_minute: u32,

    /// The key that seals tips and attachments at rest, as 64 hex characters. Without it the key
    /// is `<data dir>/keys/data.key`, made on first start. Every instance must share it.
    #[arg(
        long,
        env = "SANAD_ENCRYPTION_KEY",
        hide_env_values = true,
        global = true
    )]
    pub encryption_key: Option<String>,

    /// Days a closed missing-person case keeps its personal data; then only the case number
    /// and dates remain.
    #[arg(long, env = "SANAD_RETENTION_DAYS", default_value_t = 730, value_parser = clap::value_parser!(u32).range(1..=36500), global = true)]
    pub retention_days: u32,

    /// Days a closed or dismissed tip keeps its content (text, pictures, conversation, notes);
    /// then only its reference, dates, status and labels remain, and its receipt says so.
    #[arg(long, env = "SANAD_TIP_RETENTION_DAYS", default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=36500), global = true)]
    pub tip_retention_days: u32,

    /// The service's onion address (`http://….onion`), when it also runs as a Tor onion
    /// service: every public page then says so (`Onion-Location`), and Tor Browser offers it.
    #[arg(long, env = "SANAD_ONION_URL", value_parser = parse_onion_url, global = true)]
    pub onion_url: Option<String>,

    /// Reverse proxies in front of the server, comma-separated addresses or networks
    /// (`127.0.0.1,10.0.0.0/8`): only their `Forwarded`/`X-Forwarded-For` is believed about who
    /// the client is, for throttling. None by default, so a header from anyone else is ignored.
    #[arg(long, env = "SANAD_TRUSTED_PROXIES", value_delimiter = ',', value_parser = crate::client::parse_proxy, global = true)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Log filter, e.g. `info` or `sanad_backend=debug,info`. Client addresses are never logged.
    #[arg(long, env = "SANAD_LOG", default_value = "info", global = true)]
    pub log: String,
}

/// Measured: the report page's SHA-256 search runs at 1.19-1.29 million hashes/s in Chromium on
/// our 2-core server when nothing else runs (an earlier 540,000-620,000 was measured while builds
/// shared the machine). Taking a low-end Android phone as 5-8 times slower (an assumption, not
/// yet measured on a device), 2^18 attempts (the expected count at 18 bits) take it about 1.0-1.8
/// s, the 1-2 s we aim for (17 bits would be 0.5-0.9 s, 19 bits 2-3.5 s).
pub const DEFAULT_POW_BITS: u8 = 18;

fn parse_onion_url(value: &str) -> Result<String, String> {
    let url = parse_public_url(value)?;
    let host = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', ':']).next().unwrap_or_default())
        .unwrap_or_default();
    if !host.ends_with(".onion") {
        return Err("must be an address ending in .onion".to_owned());
    }
    Ok(url)
}

fn parse_public_url(value: &str) -> Result<String, String> {
    let trimmed = value.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| "must start with http:// or https://".to_owned())?;
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err("must name a host".to_owned());
    }
    Ok(trimmed.to_owned())
}

/// A DNS name of two or more labels (letters, digits, inner hyphens), lower-cased; an IP address,
/// a port or a single label (`localhost`) is refused, as PFIF record ids name a domain.
fn parse_pfif_domain(value: &str) -> Result<String, String> {
    let domain = value.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    if domain.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err("must be a domain name such as sanad.example.iq".to_owned());
    }
    if labels
        .last()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err("must be a domain name, not an IP address".to_owned());
    }
    Ok(domain)
}

impl Config {
    pub fn no_script_rules(&self) -> crate::pow::NoScriptRules {
        crate::pow::NoScriptRules {
            delay_ms: i64::from(self.nojs_delay_seconds) * 1000,
            per_minute: self.nojs_per_minute,
        }
    }

    pub fn database_url(&self) -> Result<DatabaseUrl, crate::db::DbError> {
        match &self.database_url {
            Some(url) => DatabaseUrl::parse(url),
            None => Ok(DatabaseUrl::Sqlite(self.data_dir.join("sanad.db"))),
        }
    }

    /// [`Config::db_pool_size`], or the default for the database `url` names.
    pub fn pool_size(&self, url: &DatabaseUrl) -> u32 {
        self.db_pool_size.unwrap_or(match url {
            DatabaseUrl::Sqlite(_) => 4,
            DatabaseUrl::Postgres(_) => 8,
        })
    }

    /// A configuration for tests and tools: every default, with the given data folder.
    pub fn for_data_dir(data_dir: impl Into<PathBuf>) -> Config {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            metrics_bind: None,
            data_dir: data_dir.into(),
            database_url: None,
            db_pool_size: Some(4),
            public_url: "http://127.0.0.1".to_owned(),
            pfif_domain: None,
            workers: Some(2),
            json_limit: 64 * 1024,
            frontend_dir: None,
            jwt_secret: None,
            smtp_url: None,
            mail_from: "Sanad <no-reply@sanad.invalid>".to_owned(),
            pow_bits: 0,
            nojs_delay_seconds: 20,
            nojs_per_minute: 30,
            encryption_key: None,
            retention_days: 730,
            tip_retention_days: 365,
            onion_url: None,
            trusted_proxies: Vec::new(),
            log: "info".to_owned(),
        }
    }
}

/// Facts about this installation that handlers need.
pub struct Site {
    pub public_url: String,
    pub onion_url: Option<String>,
    /// [`Config::pfif_domain`].
    pub pfif_domain: Option<String>,
}

impl Site {
    /// The page where a one-time link is used. The secret rides in the fragment, which browsers
    /// never send to a server, so it stays out of logs and Referer headers.
    pub fn link(&self, secret: &str) -> String {
        format!("{}/staff/set-password#{secret}", self.public_url)
    }

    /// A mailed sign-in link: the staff area, whose sign-in form sends the secret with the password.
    pub fn sign_in_link(&self, secret: &str) -> String {
        format!("{}/staff#unlock={secret}", self.public_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_must_be_http_or_https_and_loses_its_trailing_slash() {
        assert_eq!(
            parse_public_url("https://sanad.example.iq/").unwrap(),
            "https://sanad.example.iq"
        );
        assert!(parse_public_url("ftp://x").is_err());
        assert!(parse_public_url("https://").is_err());
        assert!(parse_public_url("sanad.example.iq").is_err());
        assert_eq!(
            parse_onion_url("http://abcdef.onion/").unwrap(),
            "http://abcdef.onion"
        );
        assert!(parse_onion_url("https://sanad.example.iq").is_err());
    }

    #[test]
    fn the_pfif_domain_is_a_domain_name_and_nothing_else() {
        assert_eq!(
            parse_pfif_domain(" Sanad.Example.IQ. ").unwrap(),
            "sanad.example.iq"
        );
        assert_eq!(parse_pfif_domain("mop-iq.org").unwrap(), "mop-iq.org");
        for bad in [
            "",
            "localhost",
            "127.0.0.1",
            "127.0.0.1:8080",
            "sanad.example.iq:8443",
            "https://sanad.example.iq",
            "sanad.example.iq/x",
            "-sanad.iq",
            "sanad..iq",
            "سند.عراق",
        ] {
            assert!(parse_pfif_domain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_default_database_lives_in_the_data_folder() {
        let config = Config::for_data_dir("/srv/sanad");
        assert_eq!(
            config.database_url().unwrap(),
            DatabaseUrl::Sqlite(PathBuf::from("/srv/sanad/sanad.db"))
        );
    }

    #[test]
    fn the_pool_is_sized_for_its_database_unless_set() {
        let mut config = Config::for_data_dir("/srv/sanad");
        config.db_pool_size = None;
        let postgres = DatabaseUrl::parse("postgres://sanad@db.internal:5432/sanad").unwrap();
        assert_eq!(config.pool_size(&config.database_url().unwrap()), 4);
        assert_eq!(config.pool_size(&postgres), 8);
        config.db_pool_size = Some(20);
        assert_eq!(config.pool_size(&postgres), 20);
    }
}
