//! The real `sanad` binary under conditions an in-process test cannot create: killed with
//! SIGKILL in the middle of a load, and searched afterwards for anything that identifies a
//! tipster.

use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use serde_json::{json, Value};

use crate::helpers::PgSchema;

/// A `sanad serve` process with its log in a file.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(data_dir: &Path, database_url: Option<&str>, log: &Path) -> Server {
        Server::start_with(data_dir, database_url, log, &[])
    }

    fn start_with(
        data_dir: &Path,
        database_url: Option<&str>,
        log: &Path,
        env: &[(&str, &str)],
    ) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sanad"));
        for (key, _) in std::env::vars() {
            if key.starts_with("SANAD_") {
                command.env_remove(key);
            }
        }
        command
            .arg("serve")
            .env("SANAD_DATA_DIR", data_dir)
            .env("SANAD_BIND", "127.0.0.1:0")
            .env("SANAD_POW_BITS", "0")
            .env("SANAD_WORKERS", "2")
            // Everything the server can say, so the anonymity search covers every log line.
            .env("SANAD_LOG", "trace")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log).unwrap());
        if let Some(url) = database_url {
            command.env("SANAD_DATABASE_URL", url);
        }
        command.envs(env.iter().copied());
        let mut child = command.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().unwrap().unwrap();
        let url = first
            .strip_prefix("Sanad is ready at ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .to_owned();
        // Keep draining, so the process never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, url }
    }

    fn kill_hard(mut self) {
        // Child::kill is SIGKILL: no shutdown, no flush, no destructor runs.
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn database() -> (Option<PgSchema>, Option<String>) {
    if crate::helpers::postgres_requested() {
        let schema = PgSchema::create();
        let url = schema.as_ref().map(|s| s.url.clone());
        (schema, url)
    } else {
        (None, None)
    }
}

fn tip(n: usize) -> Value {
    json!({ "subject": "recruiter", "description": format!("crash test tip {n}") })
}

#[actix_web::test]
async fn every_acknowledged_tip_survives_kill_9_under_load() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (_schema, database_url) = database();
    let log = dir.path().join("server.log");
    let server = Server::start(&data_dir, database_url.as_deref(), &log);

    let receipts = Arc::new(Mutex::new(Vec::<String>::new()));
    let client = reqwest::Client::new();
    let mut clients = Vec::new();
    for worker in 0..8 {
        let client = client.clone();
        let url = server.url.clone();
        let receipts = receipts.clone();
        clients.push(actix_web::rt::spawn(async move {
            for n in 0.. {
                let sent = client
                    .post(format!("{url}/api/v1/tips"))
                    .json(&tip(worker * 100_000 + n))
                    .timeout(Duration::from_secs(60))
                    .send()
                    .await;
                let Ok(response) = sent else { break };
                if response.status() != 201 {
                    break;
                }
                let Ok(body) = response.json::<Value>().await else {
                    break;
                };
                receipts
                    .lock()
                    .unwrap()
                    .push(body["receipt"].as_str().unwrap().to_owned());
            }
        }));
    }
    // Let the load build up, then pull the plug while requests are in flight. The deadline only
    // keeps a broken server from hanging the suite; how fast tips come is the bench's business.
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    while receipts.lock().unwrap().len() < 150 && std::time::Instant::now() < deadline {
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    server.kill_hard();
    for client in clients {
        let _ = client.await;
    }
    let receipts = receipts.lock().unwrap().clone();
    assert!(
        receipts.len() >= 150,
        "only {} tips before the kill",
        receipts.len()
    );

    let server = Server::start(&data_dir, database_url.as_deref(), &log);
    let mut opened = 0;
    for receipt in &receipts {
        let response = client
            .post(format!("{}/api/v1/follow-up", server.url))
            .json(&json!({ "receipt": receipt }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "an acknowledged tip was lost");
        let token = response.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned();
        let view = client
            .get(format!("{}/api/v1/follow-up/tip", server.url))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(view.status(), 200);
        opened += 1;
    }
    assert_eq!(opened, receipts.len());
    eprintln!("{opened} acknowledged tips all survived kill -9");
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[actix_web::test]
async fn nothing_identifying_a_tipster_reaches_the_database_logs_or_files() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (_schema, database_url) = database();
    let log = dir.path().join("server.log");
    let server = Server::start(&data_dir, database_url.as_deref(), &log);

    // The client speaks from its own loopback address, which the server sees as the peer.
    let client_address = "127.0.0.77";
    let forwarded = "198.51.100.23";
    let agent = "MarkerAgent/9.9 (ZZ-UA-MARKER)";
    let referrer = "https://referrer.example/ZZ-REF-MARKER";
    let client = reqwest::Client::builder()
        .local_address(client_address.parse::<std::net::IpAddr>().unwrap())
        .user_agent(agent)
        .build()
        .unwrap();
    let marked = |request: reqwest::RequestBuilder| {
        request
            .header("X-Forwarded-For", forwarded)
            .header("X-Real-IP", forwarded)
            .header("Forwarded", format!("for={forwarded}"))
            .header("Referer", referrer)
    };
    let response = marked(client.post(format!("{}/api/v1/challenges", server.url)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let response = marked(client.post(format!("{}/api/v1/tips", server.url)))
        .json(&json!({ "subject": "agency", "description": "anonymity test tip" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("set-cookie").is_none());
    let receipt = response.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = marked(client.post(format!("{}/api/v1/follow-up", server.url)))
        .json(&json!({ "receipt": "0000 0000 0000 0001" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 404);
    let response = marked(client.post(format!("{}/api/v1/follow-up", server.url)))
        .json(&json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let token = response.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let message = marked(client.post(format!("{}/api/v1/follow-up/messages", server.url)))
        .bearer_auth(&token)
        .json(&json!({ "body": "one more thing" }))
        .send()
        .await
        .unwrap();
    assert_eq!(message.status(), 201);
    let view = marked(client.get(format!("{}/api/v1/follow-up/tip", server.url)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(view.status(), 200);
    let page = marked(client.get(format!("{}/report", server.url)))
        .send()
        .await
        .unwrap();
    assert!(page.headers().get("set-cookie").is_none());
    drop(server);

    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(
        log_text.contains("GET /report 302"),
        "the log is written and holds the access lines:\n{log_text}"
    );
    let mut searched = vec![(log.clone(), std::fs::read(&log).unwrap())];
    for path in files(&data_dir) {
        let bytes = std::fs::read(&path).unwrap();
        searched.push((path, bytes));
    }
    if let Some(url) = &database_url {
        // Every row of every table of the test's schema, as text (SQLite's file is among the
        // files above).
        for (table, row) in dump_rows(&data_dir.join("sanad.db"), Some(url)) {
            searched.push((PathBuf::from(format!("postgres:{table}")), row.into_bytes()));
        }
    }
    assert!(searched.len() >= 3, "{searched:?}");
    for (path, bytes) in &searched {
        for marker in [
            client_address,
            forwarded,
            "ZZ-UA-MARKER",
            "MarkerAgent",
            "ZZ-REF-MARKER",
        ] {
            assert!(
                !contains(bytes, marker),
                "{marker} found in {}",
                path.display()
            );
        }
    }
}

#[actix_web::test]
async fn a_refused_staff_request_is_logged_like_any_other_answer() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = Server::start(&dir.path().join("data"), None, &log);
    let refused = reqwest::get(format!("{}/api/v1/audit", server.url))
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    drop(server);
    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(
        log_text
            .lines()
            .any(|line| line.contains("GET /api/v1/audit 401")),
        "no access line for the refusal:\n{log_text}"
    );
}

/// Every row of every table, each as one line of text, by table.
fn dump_rows(sqlite: &Path, postgres: Option<&str>) -> Vec<(String, String)> {
    use diesel::{sql_query, Connection, PgConnection, RunQueryDsl, SqliteConnection};
    #[derive(diesel::QueryableByName)]
    struct Text {
        #[diesel(sql_type = diesel::sql_types::Text)]
        text: String,
    }
    let mut rows = Vec::new();
    if let Some(url) = postgres {
        let mut conn = PgConnection::establish(url).unwrap();
        let tables: Vec<Text> = sql_query(
            "SELECT table_name::text AS text FROM information_schema.tables WHERE table_schema = current_schema()",
        )
        .load(&mut conn)
        .unwrap();
        for table in tables {
            let found: Vec<Text> = sql_query(format!(
                "SELECT row_to_json(t)::text AS text FROM {} t",
                table.text
            ))
            .load(&mut conn)
            .unwrap();
            rows.extend(found.into_iter().map(|r| (table.text.clone(), r.text)));
        }
    } else {
        let mut conn = SqliteConnection::establish(&sqlite.display().to_string()).unwrap();
        let tables: Vec<Text> =
            sql_query("SELECT name AS text FROM sqlite_master WHERE type = 'table'")
                .load(&mut conn)
                .unwrap();
        for table in tables {
            let columns: Vec<Text> = sql_query(format!(
                "SELECT name AS text FROM pragma_table_info('{}')",
                table.text
            ))
            .load(&mut conn)
            .unwrap();
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{}\")", c.text))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            let found: Vec<Text> =
                sql_query(format!("SELECT {row} AS text FROM \"{}\"", table.text))
                    .load(&mut conn)
                    .unwrap();
            rows.extend(found.into_iter().map(|r| (table.text.clone(), r.text)));
        }
    }
    rows
}

fn unix_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// The times in `text` that fall within a day of `[from_ms, to_ms]` and are not whole
/// multiples of `step_ms`: Unix milliseconds or seconds as runs of digits, and ISO date-times.
fn fine_times(text: &str, from_ms: i64, to_ms: i64, step_ms: i64) -> Vec<String> {
    const DAY: i64 = 86_400_000;
    let mut found = Vec::new();
    for run in text.split(|c: char| !c.is_ascii_digit()) {
        let Ok(value) = run.parse::<i64>() else {
            continue;
        };
        let as_ms = match run.len() {
            13 => value,
            10 => value * 1000,
            _ => continue,
        };
        if (from_ms - DAY..=to_ms + DAY).contains(&as_ms) && as_ms % step_ms != 0 {
            found.push(run.to_owned());
        }
    }
    for ms in [from_ms, to_ms] {
        let day = time::OffsetDateTime::from_unix_timestamp(ms / 1000)
            .unwrap()
            .date()
            .to_string();
        for separator in ['T', ' '] {
            let prefix = format!("{day}{separator}");
            for (at, _) in text.match_indices(&prefix) {
                let after = &text[at + prefix.len()..];
                if after.len() >= 3 && after.as_bytes()[2] == b':' {
                    found.push(text[at..at + prefix.len() + 5].to_owned());
                }
            }
        }
    }
    found
}

#[actix_web::test]
async fn nothing_dates_a_report_finer_than_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (_schema, database_url) = database();
    let log = dir.path().join("server.log");
    let server = Server::start_with(
        &data_dir,
        database_url.as_deref(),
        &log,
        &[("SANAD_POW_BITS", "8"), ("SANAD_LOG", "info")],
    );
    let sqlite = data_dir.join("sanad.db");
    let before = dump_rows(&sqlite, database_url.as_deref());
    let from_ms = unix_ms();

    let client = reqwest::Client::new();
    let url = |path: &str| format!("{}{path}", server.url);
    let proof = || async {
        let challenge: Value = client
            .post(url("/api/v1/challenges"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        crate::helpers::solve(challenge["token"].as_str().unwrap(), 8)
    };
    let tip = client
        .post(url("/api/v1/tips"))
        .header("Proof-Of-Work", proof().await)
        .json(&json!({ "subject": "agency", "description": "a travel office in Ashar", "phones": ["0770 123 4567"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(tip.status(), 201);
    let tip_receipt = tip.json::<Value>().await.unwrap()["receipt"].clone();
    let case = client
        .post(url("/api/v1/cases"))
        .header("Proof-Of-Work", proof().await)
        .json(&json!({
            "names": { "given": "Ali", "father": "Hasan" },
            "recruiter": "a travel office in Ashar",
            "reporter": { "relationship": "mother", "name": "Zainab", "phone": "0770 765 4321", "language": "ar" },
            "consent": "committee"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(case.status(), 201);
    let case_receipt = case.json::<Value>().await.unwrap()["receipt"].clone();
    for (receipt, thread) in [(tip_receipt, "tip"), (case_receipt, "case")] {
        let opened: Value = client
            .post(url("/api/v1/follow-up"))
            .json(&json!({ "receipt": receipt }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = opened["token"].as_str().unwrap();
        let path = if thread == "tip" {
            "/api/v1/follow-up/messages"
        } else {
            "/api/v1/follow-up/case/messages"
        };
        let message = client
            .post(url(path))
            .bearer_auth(token)
            .json(&json!({ "body": "one more thing" }))
            .send()
            .await
            .unwrap();
        assert_eq!(message.status(), 201, "{thread}");
    }
    let to_ms = unix_ms();
    let after = dump_rows(&sqlite, database_url.as_deref());
    drop(server);

    let written: Vec<&(String, String)> =
        after.iter().filter(|row| !before.contains(row)).collect();
    assert!(
        written.iter().any(|(table, _)| table == "tips")
            && written.iter().any(|(table, _)| table == "case_messages")
            && written.iter().any(|(table, _)| table == "pow_redemptions"),
        "the reports are among the rows written: {written:?}"
    );
    for (table, row) in written {
        // A spent proof's expiry is kept to the hour and the row cleared an hour later.
        let step = if table == "pow_redemptions" {
            3_600_000
        } else {
            86_400_000
        };
        let fine = fine_times(row, from_ms, to_ms, step);
        assert!(fine.is_empty(), "{table} holds {fine:?}: {row}");
    }
    let log_text = std::fs::read_to_string(&log).unwrap();
    for path in [
        "/api/v1/tips",
        "/api/v1/cases",
        "/api/v1/challenges",
        "/api/v1/follow-up",
    ] {
        assert!(!log_text.contains(path), "{path} in the log:\n{log_text}");
    }
}
