//! `sanad backup` and `sanad restore`, run as the real binary beside a running server.

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use diesel::{connection::SimpleConnection as _, Connection as _, PgConnection};
use serde_json::json;

use crate::helpers::{
    follow_up_token, json, postgres_base_url, said, sanad, spawn_with, test_config, TestApp,
};

fn copy_keys(from: &Path, to: &Path) {
    let keys = to.join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    for entry in std::fs::read_dir(from.join("keys")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), keys.join(entry.file_name())).unwrap();
    }
}

/// A database of its own on the test server, for the restored copy (a PostgreSQL backup
/// brings its schema by name, so it cannot go back into the database it came from).
struct FreshDatabase {
    name: String,
    url: String,
}

impl FreshDatabase {
    fn create(like: &str) -> FreshDatabase {
        let name = format!(
            "sanad_restore_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        let mut conn = PgConnection::establish(&postgres_base_url()).unwrap();
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let mut url = reqwest::Url::parse(like).unwrap();
        url.set_path(&format!("/{name}"));
        // The schema the tests' URLs name, present in the new database the way `public` is in
        // every new database.
        let schema = url
            .query_pairs()
            .find(|(key, _)| key == "options")
            .and_then(|(_, value)| value.strip_prefix("-csearch_path=").map(str::to_owned))
            .unwrap_or_else(|| "public".to_owned());
        PgConnection::establish(url.as_str())
            .unwrap()
            .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
            .unwrap();
        FreshDatabase {
            name,
            url: url.to_string(),
        }
    }
}

impl Drop for FreshDatabase {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&postgres_base_url()) {
            let _ = conn.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

async fn submit_tip(app: &TestApp, n: usize) -> Option<String> {
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&json!({
            "subject": "agency",
            "description": format!("Report {n}: an office recruits guards for abroad"),
            "language": "ar"
        }))
        .send()
        .await
        .ok()?;
    if response.status() != 201 {
        return None;
    }
    json(response).await["receipt"].as_str().map(str::to_owned)
}

/// Tips and tipsters' messages until `stop` is set; every receipt the server acknowledged goes
/// into `receipts` as soon as it arrives.
async fn load(app: Arc<TestApp>, receipts: Arc<Mutex<Vec<String>>>, stop: Arc<Mutex<bool>>) {
    let mut n = 0;
    while !*stop.lock().unwrap() {
        n += 1;
        let Some(receipt) = submit_tip(&app, n).await else {
            continue;
        };
        receipts.lock().unwrap().push(receipt.clone());
        if let Some(token) = follow_up_token(&app, &receipt).await {
            let _ = app
                .authorized(
                    "POST",
                    "/api/v1/follow-up/messages",
                    &format!("Bearer {token}"),
                    Some(json!({ "body": format!("More about report {n}") })),
                )
                .await;
        }
    }
}

#[actix_web::test]
async fn a_backup_taken_under_load_restores_into_a_fresh_data_directory_with_every_receipt() {
    let (config, data_dir, postgres) = test_config();
    let source_dir = config.data_dir.clone();
    let source_url = config.database_url.clone();
    let app = Arc::new(spawn_with(config, data_dir, postgres).await);
    let receipts = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(Mutex::new(false));
    let writers: Vec<_> = (0..2)
        .map(|_| actix_web::rt::spawn(load(app.clone(), receipts.clone(), stop.clone())))
        .collect();
    while receipts.lock().unwrap().len() < 12 {
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    let before: Vec<String> = receipts.lock().unwrap().clone();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("sanad.backup");
    let backup = {
        let (dir, url, file) = (source_dir.clone(), source_url.clone(), file.clone());
        actix_web::rt::task::spawn_blocking(move || {
            sanad(&dir, url.as_deref())
                .arg("backup")
                .arg("--out")
                .arg(&file)
                .output()
                .unwrap()
        })
        .await
        .unwrap()
    };
    let during = receipts.lock().unwrap().len();
    *stop.lock().unwrap() = true;
    for writer in writers {
        writer.await.unwrap();
    }
    assert!(backup.status.success(), "{}", said(&backup));
    assert!(
        said(&backup).contains("Backup written to"),
        "{}",
        said(&backup)
    );
    let after = receipts.lock().unwrap().len();
    assert!(
        after > before.len(),
        "the load went on while the backup ran ({} before, {during} when it ended, {after} in all)",
        before.len()
    );

    // A second backup to the same name would overwrite the first: refused.
    let again = sanad(&source_dir, source_url.as_deref())
        .arg("backup")
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(said(&again).contains("exists already"), "{}", said(&again));

    // The fresh installation: its own data folder with the keys copied in, its own database.
    let fresh = tempfile::tempdir().unwrap();
    let fresh_dir = fresh.path().join("data");
    let fresh_db = source_url.as_deref().map(FreshDatabase::create);
    let fresh_url = fresh_db.as_ref().map(|db| db.url.clone());
    let without_keys = sanad(&fresh_dir, fresh_url.as_deref())
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!without_keys.status.success());
    assert!(
        said(&without_keys).contains("copy keys/"),
        "{}",
        said(&without_keys)
    );
    copy_keys(&source_dir, &fresh_dir);
    let restored = sanad(&fresh_dir, fresh_url.as_deref())
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap();
    assert!(restored.status.success(), "{}", said(&restored));

    let (mut config, data_dir, _) = test_config();
    config.data_dir = fresh_dir.clone();
    config.database_url = fresh_url.clone();
    let restored_app = spawn_with(config, data_dir, None).await;
    for receipt in &before {
        let token = follow_up_token(&restored_app, receipt).await;
        assert!(
            token.is_some(),
            "receipt {receipt} does not open after the restore"
        );
    }
    let token = follow_up_token(&restored_app, &before[0]).await.unwrap();
    let view = json(
        restored_app
            .authorized(
                "GET",
                "/api/v1/follow-up/tip",
                &format!("Bearer {token}"),
                None,
            )
            .await,
    )
    .await;
    assert_eq!(view["status"], "received");

    // Restoring over the data it now holds needs --force.
    let over = sanad(&fresh_dir, fresh_url.as_deref())
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!over.status.success());
    assert!(said(&over).contains("--force"), "{}", said(&over));
}

#[actix_web::test]
async fn a_restore_refuses_another_key_and_replaces_data_only_with_force() {
    let (config, data_dir, postgres) = test_config();
    let source_dir = config.data_dir.clone();
    let source_url = config.database_url.clone();
    let app = spawn_with(config, data_dir, postgres).await;
    let receipt = submit_tip(&app, 1).await.unwrap();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("first.backup");
    let made = sanad(&source_dir, source_url.as_deref())
        .arg("backup")
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", said(&made));
    let later = submit_tip(&app, 2).await.unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let fresh_dir = fresh.path().join("data");
    copy_keys(&source_dir, &fresh_dir);
    let fresh_db = source_url.as_deref().map(FreshDatabase::create);
    let fresh_url = fresh_db.as_ref().map(|db| db.url.clone());

    // Another encryption key: refused before anything is written.
    let wrong = sanad(&fresh_dir, fresh_url.as_deref())
        .env("SANAD_ENCRYPTION_KEY", "ab".repeat(32))
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!wrong.status.success());
    assert!(said(&wrong).contains("fingerprint"), "{}", said(&wrong));
    // Something that is not a backup.
    let junk = work.path().join("junk.backup");
    std::fs::write(&junk, b"not a zip").unwrap();
    let refused = sanad(&fresh_dir, fresh_url.as_deref())
        .arg("restore")
        .arg(&junk)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        said(&refused).contains("not a Sanad backup"),
        "{}",
        said(&refused)
    );

    // The fresh database gets data of its own (a migrated, seeded start), then the backup.
    let (mut config, data_dir, _) = test_config();
    config.data_dir = fresh_dir.clone();
    config.database_url = fresh_url.clone();
    let fresh_app = spawn_with(config, data_dir, None).await;
    let own = submit_tip(&fresh_app, 3).await.unwrap();
    drop(fresh_app);
    let refused = sanad(&fresh_dir, fresh_url.as_deref())
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(said(&refused).contains("--force"), "{}", said(&refused));
    let forced = sanad(&fresh_dir, fresh_url.as_deref())
        .arg("restore")
        .arg("--force")
        .arg(&file)
        .output()
        .unwrap();
    assert!(forced.status.success(), "{}", said(&forced));

    let (mut config, data_dir, _) = test_config();
    config.data_dir = fresh_dir.clone();
    config.database_url = fresh_url.clone();
    let restored = spawn_with(config, data_dir, None).await;
    assert!(follow_up_token(&restored, &receipt).await.is_some());
    // Exactly the backup: neither what came after it nor what the database held before.
    assert!(follow_up_token(&restored, &later).await.is_none());
    assert!(follow_up_token(&restored, &own).await.is_none());
}
