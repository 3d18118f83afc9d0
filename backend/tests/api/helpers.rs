//! `spawn_app()` gives each test its own server, database and HTTP client.

use std::path::PathBuf;

use diesel::{connection::SimpleConnection, Connection, PgConnection};
use sanad_backend::{config::Config, startup::Application};

/// The tests sign their own hostile tokens with it.
pub const TEST_JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123";

pub struct TestApp {
    pub address: String,
    /// `http://address` of `/metrics`, when the config set `metrics_bind`.
    pub metrics: Option<String>,
    pub client: reqwest::Client,
    pub config: Config,
    server: actix_web::dev::ServerHandle,
    running: actix_web::rt::task::JoinHandle<std::io::Result<()>>,
    _data_dir: tempfile::TempDir,
    _postgres: Option<PgSchema>,
}

impl TestApp {
    /// Stops the server as SIGTERM would and hands back what it ran on, to start it again.
    pub async fn stop(self) -> (Config, tempfile::TempDir, Option<PgSchema>) {
        self.server.stop(true).await;
        self.running
            .await
            .expect("the server task")
            .expect("the server stops cleanly");
        (self.config, self._data_dir, self._postgres)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A pool on the app's own database, for arranging what the API cannot (or should not) do.
    pub fn pool(&self) -> sanad_backend::db::Pool {
        sanad_backend::db::pool(&self.config.database_url().unwrap(), 2).unwrap()
    }

    /// Another writer that takes the database's write lock, writes, and holds the lock for
    /// `held` before it commits; returns once it holds the lock. On SQLite a transaction that
    /// reads before it writes cannot take the lock after such a commit, so a request sent now
    /// shows whether it would fail with `database_unavailable` on a busy server.
    pub fn another_writer_holds(&self, held: std::time::Duration) -> std::thread::JoinHandle<()> {
        let pool = self.pool();
        let (holding, holds) = std::sync::mpsc::channel();
        let writer = std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            sanad_backend::db::write_transaction(&mut conn, |conn| {
                sanad_backend::settings::set(conn, "test_busy_writer", "1")
                    .map_err(|_| diesel::result::Error::RollbackTransaction)?;
                holding.send(()).unwrap();
                std::thread::sleep(held);
                Ok::<_, diesel::result::Error>(())
            })
            .unwrap();
        });
        holds.recv().unwrap();
        writer
    }

    /// The key the app seals tips, cases and staff secrets with, as the server made it.
    pub fn sealer(&self) -> sanad_backend::crypto::Sealer {
        sanad_backend::crypto::Sealer::load_existing(
            self.config.encryption_key.as_deref(),
            &self.config.data_dir,
        )
        .unwrap()
    }

    /// The key the app seals its audit trail with, as the server made it.
    pub fn audit_seal(&self) -> sanad_backend::audit::Seal {
        sanad_backend::audit::Seal::open(&self.config.data_dir).unwrap()
    }

    /// A request with an `Authorization` header and an optional JSON body.
    pub async fn authorized(
        &self,
        method: &str,
        path: &str,
        authorization: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .client
            .request(method, self.url(path))
            .header("Authorization", authorization);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("request failed")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request failed")
    }
}

/// Which database the tests run on, from `SANAD_TEST_DB` (`sqlite`, the default, or `postgres`).
pub fn postgres_requested() -> bool {
    std::env::var("SANAD_TEST_DB").is_ok_and(|v| v == "postgres")
}

pub fn postgres_base_url() -> String {
    std::env::var("SANAD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// A schema of its own in the test database for one test, dropped afterwards, so tests can run
/// in parallel on one PostgreSQL server.
pub struct PgSchema {
    pub url: String,
    name: String,
}

impl PgSchema {
    /// `None` when PostgreSQL cannot be reached; tests then skip loudly, except in CI (`CI` set),
    /// where an unreachable server is a failure.
    pub fn create() -> Option<PgSchema> {
        let base = postgres_base_url();
        let mut conn = match PgConnection::establish(&base) {
            Ok(conn) => conn,
            Err(e) if std::env::var_os("CI").is_some() || postgres_requested() => {
                panic!("PostgreSQL at {base} is required here but unreachable: {e}")
            }
            Err(e) => {
                eprintln!("\n!!! SKIPPING the PostgreSQL part: {base} is unreachable ({e}) !!!\n");
                return None;
            }
        };
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let name = format!(
            "sanad_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            nanos
        );
        conn.batch_execute(&format!("CREATE SCHEMA {name}"))
            .expect("create schema");
        let separator = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{separator}options=-csearch_path%3D{name}");
        Some(PgSchema { url, name })
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&postgres_base_url()) {
            let _ = conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

pub fn test_config() -> (Config, tempfile::TempDir, Option<PgSchema>) {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut config = Config::for_data_dir(data_dir.path().join("data"));
    config.jwt_secret = Some(TEST_JWT_SECRET.to_owned());
    config.pfif_domain = Some("sanad.test".to_owned());
    let postgres = if postgres_requested() {
        PgSchema::create()
    } else {
        None
    };
    if let Some(schema) = &postgres {
        config.database_url = Some(schema.url.clone());
    }
    (config, data_dir, postgres)
}

pub async fn spawn_app() -> TestApp {
    let (config, data_dir, postgres) = test_config();
    spawn_with(config, data_dir, postgres).await
}

pub async fn spawn_with(
    config: Config,
    data_dir: tempfile::TempDir,
    postgres: Option<PgSchema>,
) -> TestApp {
    let application = Application::build(config.clone())
        .await
        .expect("the app builds");
    let address = application.url();
    let metrics = application.metrics_url();
    let server = application.handle();
    let running = actix_web::rt::spawn(application.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        // Below the server's 5 s keep-alive, so no request rides a connection it already closed.
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .expect("client");
    TestApp {
        address,
        metrics,
        client,
        config,
        server,
        running,
        _data_dir: data_dir,
        _postgres: postgres,
    }
}

/// The `sanad` binary without any SANAD_ setting of the environment the tests run in.
pub fn sanad_bare() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sanad"));
    for (key, _) in std::env::vars() {
        if key.starts_with("SANAD_") {
            command.env_remove(key);
        }
    }
    command
}

/// The `sanad` binary on a data folder (and database), and on nothing else.
pub fn sanad(data_dir: &std::path::Path, database_url: Option<&str>) -> std::process::Command {
    let mut command = sanad_bare();
    command
        .env("SANAD_DATA_DIR", data_dir)
        .env("SANAD_LOG", "warn");
    if let Some(url) = database_url {
        command.env("SANAD_DATABASE_URL", url);
    }
    command
}

/// What a finished command printed, both streams.
pub fn said(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Opens the follow-up with a receipt, a tipster's or a family's.
pub async fn open_receipt(app: &TestApp, receipt: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/follow-up"))
        .json(&serde_json::json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap()
}

/// Opens a receipt as the client `forwarded_for` says (a trusted proxy in front of the server);
/// answers the status.
pub async fn open_receipt_as(app: &TestApp, receipt: &str, forwarded_for: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/follow-up"))
        .header("X-Forwarded-For", forwarded_for)
        .json(&serde_json::json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// An 8×6 picture in `format`, its blue channel `shade` (so two pictures can differ).
pub fn picture(format: image::ImageFormat, shade: u8) -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(8, 6, |x, y| image::Rgb([x as u8 * 30, y as u8 * 40, shade]));
    let mut encoded = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut encoded, format).unwrap();
    encoded.into_inner()
}

/// A multipart body: the JSON `body` as `part`, and a PNG `image` as `image_part`.
pub fn with_picture(
    part: &str,
    body: &serde_json::Value,
    image_part: &str,
    image: Vec<u8>,
) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .part(
            part.to_owned(),
            reqwest::multipart::Part::text(body.to_string())
                .mime_str("application/json")
                .unwrap(),
        )
        .part(
            image_part.to_owned(),
            reqwest::multipart::Part::bytes(image)
                .file_name("picture.png")
                .mime_str("image/png")
                .unwrap(),
        )
}

/// The TOTP code of `secret` (base32) at `unix_seconds`, as an authenticator app shows it.
pub fn totp_code(secret: &str, unix_seconds: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned())
        .to_bytes()
        .unwrap();
    totp_rs::TOTP::new(
        totp_rs::Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        None,
        String::new(),
    )
    .unwrap()
    .generate(unix_seconds)
}

/// The follow-up token a receipt buys, or `None` when it opens nothing.
pub async fn follow_up_token(app: &TestApp, receipt: &str) -> Option<String> {
    let response = open_receipt(app, receipt).await;
    if response.status() != 200 {
        return None;
    }
    json(response).await["token"].as_str().map(str::to_owned)
}

/// A second server on `app`'s database, data folder and keys: another instance behind the same
/// proxy. Its own temporary folder is unused; `app` keeps the real one alive.
pub async fn spawn_beside(app: &TestApp) -> TestApp {
    spawn_with(
        app.config.clone(),
        tempfile::tempdir().expect("temp dir"),
        None,
    )
    .await
}

/// A folder laid out like a built web app, for the static-serving tests.
pub fn fake_frontend(root: &std::path::Path) -> PathBuf {
    let dist = root.join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(
        dist.join("staff.html"),
        "<!doctype html><title>Sanad staff shell</title>",
    )
    .unwrap();
    std::fs::write(
        dist.join("bundles.json"),
        r#"{"islands": {"glue": "/assets/islands-1.js", "wasm": "/assets/islands-1.wasm", "boot": "/assets/boot-islands-1.js"}}"#,
    )
    .unwrap();
    std::fs::write(dist.join("assets/app-1234.js"), "console.log('plain')").unwrap();
    std::fs::write(dist.join("assets/app-1234.js.br"), "pretend-brotli").unwrap();
    dist
}

/// The `Proof-Of-Work` value (`token:nonce`) that solves `token` at `bits`.
pub fn solve(token: &str, bits: u8) -> String {
    let nonce = sanad_shared::pow::search(token, bits, 0, 50_000_000).expect("solvable");
    format!("{token}:{nonce}")
}

/// A fresh proof-of-work challenge's token, from the API.
pub async fn challenge_token(app: &TestApp) -> String {
    let challenge = json(
        app.client
            .post(app.url("/api/v1/challenges"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    challenge["token"].as_str().unwrap().to_owned()
}

pub async fn json(response: reqwest::Response) -> serde_json::Value {
    let text = response.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

pub const GOOD_PASSWORD: &str = "Tigris floods at dawn, 1958";

/// Creates an account directly (as `sanad create-admin` does) and returns its one-time link secret.
pub fn create_account(
    app: &TestApp,
    email: &str,
    roles: &[sanad_shared::staff::Role],
) -> (String, String) {
    use sanad_backend::auth::store;
    use sanad_shared::staff::{Email, LinkPurpose};
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    let email = Email::parse(email).unwrap();
    let row = store::create_staff(
        &mut conn,
        &app.sealer(),
        &email,
        "Test Person",
        sanad_shared::Language::En,
        roles,
    )
    .unwrap();
    let secret = store::create_link(&mut conn, &row.id, LinkPurpose::Invite).unwrap();
    (row.id, secret)
}

pub async fn set_password(app: &TestApp, secret: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/link/password"))
        .json(&serde_json::json!({ "token": secret, "password": password }))
        .send()
        .await
        .unwrap()
}

pub async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

/// A signed-in staff member: access token, refresh cookie value and id.
pub struct Session {
    pub token: String,
    pub refresh: String,
    pub id: String,
}

pub fn refresh_cookie_of(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix("sanad_refresh=")
                .map(|rest| rest.split(';').next().unwrap_or("").to_owned())
        })
}

/// An account with `roles`, its password set through its link, signed in.
pub async fn signed_in(app: &TestApp, email: &str, roles: &[sanad_shared::staff::Role]) -> Session {
    let (id, secret) = create_account(app, email, roles);
    assert_eq!(
        set_password(app, &secret, GOOD_PASSWORD).await.status(),
        204
    );
    let response = login(app, email, GOOD_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let refresh = refresh_cookie_of(&response).expect("a refresh cookie");
    let body = json(response).await;
    Session {
        token: body["access_token"].as_str().unwrap().to_owned(),
        refresh,
        id,
    }
}

/// A receipt's hash as it was stored before the receipt parameters changed: bare hex, under the
/// legacy parameters and this app's salt.
pub async fn legacy_receipt_hash(app: &TestApp, receipt: &str) -> String {
    let sealer = sanad_backend::crypto::Sealer::load(
        app.config.encryption_key.as_deref(),
        &app.config.data_dir,
    )
    .unwrap();
    let digits: String = receipt.chars().filter(char::is_ascii_digit).collect();
    let hasher = sanad_backend::auth::password::PasswordHasher::for_this_machine().unwrap();
    let hash = hasher
        .derive_legacy(digits.into_bytes(), sealer.receipt_salt())
        .await
        .unwrap();
    hash.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[derive(diesel::QueryableByName)]
struct StoredHash {
    #[diesel(sql_type = diesel::sql_types::Text)]
    receipt_hash: String,
}

/// Every receipt hash stored in `table` (`tips` or `cases`).
pub fn stored_receipt_hashes(app: &TestApp, table: &str) -> Vec<String> {
    use diesel::RunQueryDsl as _;
    let mut conn = app.pool().get().unwrap();
    diesel::sql_query(format!(
        "SELECT receipt_hash FROM {table} WHERE receipt_hash IS NOT NULL ORDER BY id"
    ))
    .load::<StoredHash>(&mut conn)
    .unwrap()
    .into_iter()
    .map(|row| row.receipt_hash)
    .collect()
}

/// Stores `hash` as the receipt hash of every row of `table`: the state of a database written
/// before the receipt parameters changed.
pub fn store_receipt_hash(app: &TestApp, table: &str, hash: &str) {
    use diesel::RunQueryDsl as _;
    let mut conn = app.pool().get().unwrap();
    diesel::sql_query(format!("UPDATE {table} SET receipt_hash = '{hash}'"))
        .execute(&mut conn)
        .unwrap();
}
