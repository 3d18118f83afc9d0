//! Evidence packages over HTTP and offline: a tip's and a case's package verify with the key the
//! instance publishes; changing one byte of any file, a wrong key, or an audit entry rewritten
//! consistently with its own hash are each found; `sanad evidence verify` says so and fails.

use std::io::{Cursor, Read, Write};

use sanad_backend::evidence::{self, Manifest};
use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{json, signed_in, spawn_app, Session, TestApp};

fn bearer(session: &Session) -> String {
    format!("Bearer {}", session.token)
}

fn picture(format: image::ImageFormat) -> Vec<u8> {
    crate::helpers::picture(format, 120)
}

use crate::helpers::with_picture as form;

async fn published_key(app: &TestApp) -> String {
    let answer = json(app.get("/api/v1/evidence-key").await).await;
    assert_eq!(answer["algorithm"], "ed25519");
    let key = answer["public_key"].as_str().unwrap().to_owned();
    assert_eq!(key.len(), 64);
    key
}

async fn package(app: &TestApp, session: &Session, path: &str) -> Vec<u8> {
    let response = app.authorized("GET", path, &bearer(session), None).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/zip"
    );
    assert!(response
        .headers()
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"sanad-evidence-"));
    response.bytes().await.unwrap().to_vec()
}

/// Every file of the package, in order, as (name, content).
fn unpacked(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn packed(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == name).unwrap().1
}

/// The package verifies as made; each file with one byte changed (in turn) does not.
fn every_changed_byte_is_found(package: &[u8], key: &str) {
    let files = unpacked(package);
    assert!(
        evidence::verify(Cursor::new(packed(&files)), Some(key)).holds(),
        "repacked unchanged, the package still holds"
    );
    for (index, (name, bytes)) in files.iter().enumerate() {
        assert!(!bytes.is_empty(), "{name} is empty");
        for at in [0, bytes.len() / 2, bytes.len() - 1] {
            let mut changed = files.clone();
            changed[index].1[at] ^= 0x01;
            let verification = evidence::verify(Cursor::new(packed(&changed)), Some(key));
            assert!(
                !verification.holds(),
                "byte {at} of {name} changed and nothing was found"
            );
        }
    }
    let mut with_extra = files.clone();
    with_extra.push(("attachments/9.png".into(), b"slipped in".to_vec()));
    let verification = evidence::verify(Cursor::new(packed(&with_extra)), Some(key));
    assert!(verification.failures().any(|c| c
        .what
        .contains("attachments/9.png is in the package but not in the manifest")));
    let mut without = files.clone();
    without.retain(|(n, _)| n != evidence::AUDIT_CHAIN);
    assert!(!evidence::verify(Cursor::new(packed(&without)), Some(key)).holds());
    assert!(!evidence::verify(Cursor::new(b"not a zip".to_vec()), Some(key)).holds());
}

#[actix_web::test]
async fn a_tip_package_holds_its_content_pictures_and_audit_entries_and_any_change_is_found() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .multipart(form(
            "tip",
            &json!({ "subject": "agency", "description": "مكتب سفر في العشار يعد الشباب بعمل في روسيا", "governorate": "basra", "phones": ["07701234567"], "agency": "شركة النور للسفر" }),
            "image",
            picture(image::ImageFormat::Png),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let page = json(
        app.authorized("GET", "/api/v1/tips", &bearer(&moderator), None)
            .await,
    )
    .await;
    let id = page["tips"][0]["id"].as_i64().unwrap();
    // Entries about the tip with others' between them: the chain must carry across.
    app.authorized(
        "GET",
        &format!("/api/v1/tips/{id}"),
        &bearer(&moderator),
        None,
    )
    .await;
    let created = app
        .client
        .post(app.url("/api/v1/cases"))
        .json(&json!({
            "names": { "given": "أحمد", "father": "علي" },
            "governorate": "najaf",
            "reporter": { "relationship": "mother", "name": "فاطمة", "phone": "07801234567", "language": "ar" },
            "consent": "committee"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let cases = json(
        app.authorized("GET", "/api/v1/cases", &bearer(&caseworker), None)
            .await,
    )
    .await;
    let case_id = cases["cases"][0]["id"].as_i64().unwrap();
    app.authorized(
        "GET",
        &format!("/api/v1/cases/{case_id}"),
        &bearer(&caseworker),
        None,
    )
    .await;
    let changed = app
        .authorized(
            "PUT",
            &format!("/api/v1/tips/{id}/status"),
            &bearer(&moderator),
            Some(json!({ "status": "in_review", "public_message": "شكراً، نحن نتابع." })),
        )
        .await;
    assert_eq!(changed.status(), 204);

    let key = published_key(&app).await;
    let bytes = package(
        &app,
        &moderator,
        &format!("/api/v1/tips/{id}/evidence?lang=ckb"),
    )
    .await;
    let verification = evidence::verify(Cursor::new(&bytes), Some(&key));
    assert!(verification.holds(), "{:#?}", verification.checks);
    let manifest: Manifest = verification.manifest.clone().unwrap();
    assert_eq!(manifest.item.audit_object(), format!("tip:{id}"));
    assert_eq!(manifest.public_key, key);

    let files = unpacked(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "attachments/1.png",
        evidence::REPORT,
        evidence::PRINT_VIEW,
        evidence::AUDIT_ENTRIES,
        evidence::AUDIT_CHAIN,
        evidence::MANIFEST,
        evidence::SIGNATURE,
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let report: Value = serde_json::from_slice(file(&files, evidence::REPORT)).unwrap();
    assert_eq!(
        report["content"]["description"],
        "مكتب سفر في العشار يعد الشباب بعمل في روسيا"
    );
    assert_eq!(report["content"]["phones"][0], "+9647701234567");
    for work in ["triage", "notes", "linked"] {
        assert!(
            report["content"].get(work).is_none(),
            "{work} is staff work"
        );
    }
    let picture_hash = report["attachments"][0]["sha256"].as_str().unwrap();
    use sha2::Digest;
    assert_eq!(
        hex::encode(sha2::Sha256::digest(file(&files, "attachments/1.png"))),
        picture_hash
    );
    let entries: Vec<Value> =
        serde_json::from_slice(file(&files, evidence::AUDIT_ENTRIES)).unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"tip_read"), "{actions:?}");
    assert!(actions.contains(&"tip_status_changed"), "{actions:?}");
    assert!(entries.iter().all(|e| e["object"] == format!("tip:{id}")));
    let chain = String::from_utf8(file(&files, evidence::AUDIT_CHAIN).to_vec()).unwrap();
    let first = entries[0]["seq"].as_i64().unwrap();
    let last = entries.last().unwrap()["seq"].as_i64().unwrap();
    assert!(
        chain.lines().count() as i64 > last - first + 1,
        "the chain holds the entries between, the case's among them"
    );
    let html = String::from_utf8(file(&files, evidence::PRINT_VIEW).to_vec()).unwrap();
    assert!(html.contains("lang=\"ckb\" dir=\"rtl\""));
    assert!(html.contains("پاکەتی بەڵگە"), "the Sorani title");
    assert!(html.contains("<img src=\"attachments/1.png\" alt=\"وێنەی 1\">"));
    assert!(html.contains(&manifest.audit_head.hash));

    // The making is on the record, after the head the package names.
    use diesel::prelude::*;
    use sanad_backend::schema::audit_log;
    let mut conn = app.pool().get().unwrap();
    let made: Vec<(i64, String)> = audit_log::table
        .filter(audit_log::action.eq("evidence_package_made"))
        .select((audit_log::seq, audit_log::object))
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        made,
        vec![(manifest.audit_head.seq + 1, format!("tip:{id}"))]
    );

    // Another instance's key does not vouch for it.
    let stranger = "11".repeat(32);
    let verification = evidence::verify(Cursor::new(&bytes), Some(&stranger));
    assert!(!verification.holds());

    // An entry rewritten with a new hash that matches its new content still breaks the chain.
    let mut forged = files.clone();
    let index = forged
        .iter()
        .position(|(n, _)| n == evidence::AUDIT_ENTRIES)
        .unwrap();
    let mut records: Vec<sanad_backend::audit::Record> =
        serde_json::from_slice(&forged[index].1).unwrap();
    records[0].details = "{\"note\":\"nothing happened\"}".into();
    records[0].hash = sanad_backend::audit::entry_hash(
        &records[0].prev_hash,
        records[0].at_ms,
        &records[0].actor,
        &records[0].action,
        &records[0].object,
        &records[0].details,
    );
    forged[index].1 = serde_json::to_vec_pretty(&records).unwrap();
    let verification = evidence::verify(Cursor::new(packed(&forged)), Some(&key));
    assert!(verification
        .failures()
        .any(|c| c.what.contains("is not the one the chain holds")));

    every_changed_byte_is_found(&bytes, &key);

    // Offline, from the command line.
    let folder = tempfile::tempdir().unwrap();
    let good = folder.path().join("good.zip");
    std::fs::write(&good, &bytes).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sanad"))
        .args(["evidence", "verify"])
        .arg(&good)
        .args(["--key", &key])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("holds: the manifest is signed by the key"),
        "{said}"
    );
    assert!(said.contains("The package is intact and signed by the given key."));
    let bad = folder.path().join("bad.zip");
    let mut changed = files.clone();
    let at = changed
        .iter()
        .position(|(n, _)| n == "attachments/1.png")
        .unwrap();
    let middle = changed[at].1.len() / 2;
    changed[at].1[middle] ^= 0x80;
    std::fs::write(&bad, packed(&changed)).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sanad"))
        .args(["evidence", "verify"])
        .arg(&bad)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{said}");
    assert!(
        said.contains("FAILS: attachments/1.png does not match the manifest"),
        "{said}"
    );
}

#[actix_web::test]
async fn a_case_package_holds_the_photo_and_is_made_by_caseworkers_only() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/cases"))
        .multipart(form(
            "case",
            &json!({
                "names": { "given": "كاروان", "father": "عمر" },
                "governorate": "sulaymaniyah",
                "recruiter": "مكتب الأمل للسفر 07712345678",
                "reporter": { "relationship": "brother", "name": "هێمن", "phone": "07501234567", "language": "ckb" },
                "consent": "government"
            }),
            "photo",
            picture(image::ImageFormat::Png),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let cases = json(
        app.authorized("GET", "/api/v1/cases", &bearer(&caseworker), None)
            .await,
    )
    .await;
    let id = cases["cases"][0]["id"].as_i64().unwrap();
    let refused = app
        .authorized(
            "GET",
            &format!("/api/v1/cases/{id}/evidence"),
            &bearer(&moderator),
            None,
        )
        .await;
    assert_eq!(refused.status(), 403);
    let missing = app
        .authorized(
            "GET",
            "/api/v1/cases/999999/evidence",
            &bearer(&caseworker),
            None,
        )
        .await;
    assert_eq!(missing.status(), 404);
    let bad_language = app
        .authorized(
            "GET",
            &format!("/api/v1/cases/{id}/evidence?lang=xx"),
            &bearer(&caseworker),
            None,
        )
        .await;
    assert_eq!(bad_language.status(), 400);

    let key = published_key(&app).await;
    let bytes = package(&app, &caseworker, &format!("/api/v1/cases/{id}/evidence")).await;
    let verification = evidence::verify(Cursor::new(&bytes), Some(&key));
    assert!(verification.holds(), "{:#?}", verification.checks);
    let manifest = verification.manifest.unwrap();
    assert!(manifest.item.reference.starts_with("MP-"));
    let files = unpacked(&bytes);
    let report: Value = serde_json::from_slice(file(&files, evidence::REPORT)).unwrap();
    assert_eq!(report["content"]["record"]["names"]["given"], "كاروان");
    assert_eq!(report["attachments"][0]["file"], "attachments/1.png");
    for work in ["triage", "notes", "matches"] {
        assert!(
            report["content"].get(work).is_none(),
            "{work} is staff work"
        );
    }
    let html = String::from_utf8(file(&files, evidence::PRINT_VIEW).to_vec()).unwrap();
    assert!(
        html.contains("lang=\"ar\" dir=\"rtl\""),
        "Arabic by default"
    );
    assert!(html.contains("كاروان"));
    every_changed_byte_is_found(&bytes, &key);
}
