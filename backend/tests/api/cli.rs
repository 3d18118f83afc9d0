//! The `sanad` binary itself: help, migrate, and a clean stop on Ctrl-C.

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    time::Duration,
};

use crate::helpers::sanad_bare as sanad;

#[test]
fn help_lists_every_setting() {
    let output = sanad().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for setting in [
        "SANAD_BIND",
        "SANAD_DATA_DIR",
        "SANAD_DATABASE_URL",
        "SANAD_DB_POOL_SIZE",
        "SANAD_PUBLIC_URL",
        "SANAD_WORKERS",
        "SANAD_JSON_LIMIT",
        "SANAD_FRONTEND_DIR",
        "SANAD_POW_BITS",
        "SANAD_ENCRYPTION_KEY",
        "SANAD_RETENTION_DAYS",
        "SANAD_SMTP_URL",
        "SANAD_JWT_SECRET",
        "SANAD_MAIL_FROM",
        "SANAD_LOG",
    ] {
        assert!(
            help.contains(setting),
            "--help does not mention {setting}:\n{help}"
        );
    }
    assert!(help.contains("serve") && help.contains("migrate"));
}

#[test]
fn bad_settings_are_refused_with_a_clear_message() {
    let output = sanad()
        .args(["migrate"])
        .env("SANAD_DATABASE_URL", "mysql://root:secret@db/x")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("sqlite://") && !stderr.contains("secret"),
        "{stderr}"
    );

    let output = sanad()
        .args(["serve"])
        .env("SANAD_BIND", "not-an-address")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("not-an-address") && stderr.contains("--bind"),
        "{stderr}"
    );
}

#[test]
fn migrate_creates_a_private_data_folder_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = sanad()
        .arg("migrate")
        .env("SANAD_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8(first.stdout).unwrap().contains("applied"));
    assert!(data.join("sanad.db").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&data).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    let second = sanad()
        .arg("migrate")
        .env("SANAD_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(second.status.success());
    assert!(String::from_utf8(second.stdout)
        .unwrap()
        .contains("up to date"));
}

#[test]
fn serve_prints_its_url_answers_and_stops_cleanly_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = sanad()
        .arg("serve")
        .env("SANAD_DATA_DIR", dir.path().join("data"))
        .env("SANAD_BIND", "127.0.0.1:0")
        .env("SANAD_WORKERS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let status = runtime.block_on(async {
        reqwest::get(format!("{url}/healthz"))
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 200);

    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status after Ctrl-C: {status}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the server did not stop within 15 s of Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn audit_verify_passes_on_an_intact_trail_and_fails_after_a_hand_edit() {
    use diesel::{connection::SimpleConnection, Connection, SqliteConnection};
    use sanad_backend::{
        audit::{self, Actor, Entry},
        db::{self, DatabaseUrl},
    };

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let url = DatabaseUrl::Sqlite(data.join("sanad.db"));
    db::prepare_data_dir(&data).unwrap();
    db::run_migrations(&url).unwrap();
    let mut conn = db::pool(&url, 1).unwrap().get().unwrap();
    let (seal, _) = audit::Seal::load(&data).unwrap();
    for action in ["login", "staff_invited", "logout"] {
        let entry = Entry {
            actor: Actor::Command,
            action,
            object: "staff:x".into(),
            details: serde_json::json!({}),
        };
        audit::append(&mut conn, &seal, &entry).unwrap();
    }
    drop(conn);

    let intact = sanad()
        .args(["audit", "verify"])
        .env("SANAD_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(
        intact.status.success(),
        "{}",
        String::from_utf8_lossy(&intact.stderr)
    );
    assert!(String::from_utf8(intact.stdout)
        .unwrap()
        .contains("intact: 3 entries"));

    let mut raw = SqliteConnection::establish(&data.join("sanad.db").to_string_lossy()).unwrap();
    raw.batch_execute("UPDATE audit_log SET actor = 'staff:someone-else' WHERE seq = 2")
        .unwrap();
    let broken = sanad()
        .args(["audit", "verify"])
        .env("SANAD_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(!broken.status.success());
    let stderr = String::from_utf8(broken.stderr).unwrap();
    assert!(stderr.contains("entry 2 was edited"), "{stderr}");
}

#[test]
fn create_admin_prints_a_one_time_link_and_refuses_a_second_account_for_the_email() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = || {
        sanad()
            .args([
                "create-admin",
                "--email",
                "Chief@Example.org",
                "--language",
                "ckb",
            ])
            .env("SANAD_DATA_DIR", &data)
            .env("SANAD_PUBLIC_URL", "https://sanad.example.iq")
            .output()
            .unwrap()
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stdout = String::from_utf8(first.stdout).unwrap();
    let link = stdout
        .lines()
        .find(|l| l.starts_with("https://"))
        .expect("a link");
    let secret = link
        .strip_prefix("https://sanad.example.iq/staff/set-password#")
        .expect("the set-password page");
    assert_eq!(secret.len(), 64);
    assert!(stdout.contains("chief@example.org"));

    let second = run();
    assert!(!second.status.success());
    assert!(String::from_utf8(second.stderr)
        .unwrap()
        .contains("already exists"));

    let bad = sanad()
        .args(["create-admin", "--email", "not an email"])
        .env("SANAD_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8(bad.stderr)
        .unwrap()
        .contains("not an email address"));

    let verify = sanad()
        .args(["audit", "verify"])
        .env("SANAD_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(String::from_utf8(verify.stdout)
        .unwrap()
        .contains("intact: 1 entries"));
}
