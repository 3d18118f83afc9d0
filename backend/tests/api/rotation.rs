//! `sanad rotate-key`: a database with every kind of sealed value is rotated (once killed part-way
//! and finished by a second run), and then reads back exactly as before, receipts and all.

use std::{
    io::{BufRead as _, BufReader},
    path::Path,
    process::Stdio,
};

use diesel::prelude::*;
use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{
    follow_up_token, json, said, sanad, signed_in, spawn_with, test_config, Session, TestApp,
};

fn bearer(session: &Session) -> String {
    format!("Bearer {}", session.token)
}

fn picture(shade: u8) -> Vec<u8> {
    crate::helpers::picture(image::ImageFormat::Png, shade)
}

fn with_picture(part: &str, body: &Value, image_part: &str, shade: u8) -> reqwest::multipart::Form {
    crate::helpers::with_picture(part, body, image_part, picture(shade))
}

async fn created(response: reqwest::Response) -> Value {
    let status = response.status();
    let body = json(response).await;
    assert_eq!(status, 201, "{body}");
    body
}

async fn ok(app: &TestApp, method: &str, path: &str, auth: &str, body: Option<Value>) -> Value {
    let response = app.authorized(method, path, auth, body).await;
    let status = response.status();
    let text = response.text().await.unwrap();
    assert!(status.is_success(), "{method} {path}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

async fn bytes(app: &TestApp, path: &str, auth: &str) -> String {
    let response = app.authorized("GET", path, auth, None).await;
    assert_eq!(response.status(), 200, "{path}");
    let body = response.bytes().await.unwrap();
    format!("{} bytes, {:x}", body.len(), md5_like(&body))
}

/// Enough to tell two pictures apart in an assertion message.
fn md5_like(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// The totp secret of a moderator who enrolled.
async fn enrol_totp(app: &TestApp, session: &Session) -> String {
    let enrolment = ok(app, "POST", "/api/v1/me/totp", &bearer(session), None).await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    let confirmed = app
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &bearer(session),
            Some(json!({ "code": code_for(&secret, 0) })),
        )
        .await;
    assert_eq!(confirmed.status(), 204);
    secret
}

/// The code `steps_ahead` 30-second steps from now.
fn code_for(secret: &str, steps_ahead: u64) -> String {
    crate::helpers::totp_code(
        secret,
        sanad_backend::auth::tokens::unix_now() + steps_ahead * 30,
    )
}

/// Fills the app with every kind of sealed value; answers the receipts it was given.
async fn populate(app: &TestApp, staff: &Session) -> Vec<String> {
    let auth = bearer(staff);
    let mut receipts = Vec::new();
    for n in 0..6_u8 {
        let tip = json!({
            "subject": "agency",
            "description": format!("مكتب سفر رقم {n} في العشار يعد الشباب بعمل في روسيا، اتصلوا على 0770 999 88{n:02}"),
            "names": [format!("Abu Ali {n}")],
            // Tips two by two share a number, so they are linked through its index.
            "phones": [format!("0770 123 45{:02}", n / 2)],
            "accounts": [{ "platform": "telegram", "handle": format!("@Jobs_Abroad_{n}") }],
            "agency": if n % 2 == 0 { "Golden Wings Travel" } else { "مكتب الأجنحة الذهبية" },
            "governorate": "basra",
            "language": "ar"
        });
        let response = if n % 2 == 0 {
            app.client
                .post(app.url("/api/v1/tips"))
                .multipart(with_picture("tip", &tip, "image", n * 20))
                .send()
                .await
                .unwrap()
        } else {
            app.client
                .post(app.url("/api/v1/tips"))
                .json(&tip)
                .send()
                .await
                .unwrap()
        };
        let receipt = created(response).await["receipt"]
            .as_str()
            .unwrap()
            .to_owned();
        write_back(
            app,
            &receipt,
            "/api/v1/follow-up/messages",
            &format!("رسالة المخبر رقم {n}"),
        )
        .await;
        receipts.push(receipt);
    }
    let tips = ok(app, "GET", "/api/v1/tips?limit=100", &auth, None).await;
    for tip in tips["tips"].as_array().unwrap() {
        let id = tip["id"].as_i64().unwrap();
        ok(
            app,
            "POST",
            &format!("/api/v1/tips/{id}/messages"),
            &auth,
            Some(json!({ "body": format!("شكراً، نتابع البلاغ {id}") })),
        )
        .await;
        ok(
            app,
            "POST",
            &format!("/api/v1/tips/{id}/notes"),
            &auth,
            Some(json!({ "text": format!("ملاحظة داخلية {id}") })),
        )
        .await;
        let detail = ok(app, "GET", &format!("/api/v1/tips/{id}"), &auth, None).await;
        let version = detail["triage"]["version"].as_i64().unwrap_or(0);
        ok(
            app,
            "PUT",
            &format!("/api/v1/tips/{id}/priority"),
            &auth,
            Some(json!({ "adjust": 20, "reason": format!("سبب يدوي {id}"), "version": version })),
        )
        .await;
    }
    for n in 0..4_u8 {
        let case = json!({
            "names": { "given": "كاروان", "father": format!("عمر{n}"), "family": "الجبوري" },
            "governorate": "sulaymaniyah",
            "phones": [format!("0750 555 12{n:02}")],
            "recruiter": format!("مكتب الأمل للسفر 0771234567{n}"),
            "reporter": { "relationship": "brother", "name": "هێمن", "phone": "07501234567", "language": "ckb" },
            "consent": "government"
        });
        let response = app
            .client
            .post(app.url("/api/v1/cases"))
            .multipart(with_picture("case", &case, "photo", 200 - n))
            .send()
            .await
            .unwrap();
        let receipt = created(response).await["receipt"]
            .as_str()
            .unwrap()
            .to_owned();
        write_back(
            app,
            &receipt,
            "/api/v1/follow-up/case/messages",
            &format!("رسالة العائلة {n}"),
        )
        .await;
        receipts.push(receipt);
    }
    let cases = ok(app, "GET", "/api/v1/cases", &auth, None).await;
    let ids: Vec<i64> = cases["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    for id in &ids {
        ok(
            app,
            "POST",
            &format!("/api/v1/cases/{id}/notes"),
            &auth,
            Some(json!({ "text": format!("اتصلنا بالعائلة {id}") })),
        )
        .await;
        ok(
            app,
            "POST",
            &format!("/api/v1/cases/{id}/messages"),
            &auth,
            Some(json!({ "body": format!("نحن نتابع الحالة {id}") })),
        )
        .await;
    }
    // Two reports of one person, merged with a reason.
    let (first, second) = (ids[ids.len() - 1], ids[ids.len() - 2]);
    let merged = app
        .authorized(
            "PUT",
            &format!("/api/v1/cases/{first}/matches/{second}"),
            &auth,
            Some(json!({ "decision": "merge", "reason": "نفس الأم ونفس الهاتف" })),
        )
        .await;
    assert_eq!(merged.status(), 204);
    created(
        app.authorized(
            "POST",
            "/api/v1/views",
            &auth,
            Some(
                json!({ "kind": "tip", "name": "البصرة العاجلة", "query": "?status=new&q=روسيا" }),
            ),
        )
        .await,
    )
    .await;
    let imported = app
        .client
        .post(app.url("/api/v1/pfif"))
        .header("Authorization", &auth)
        .header("Content-Type", "application/xml")
        .body(PARTNER_RECORD)
        .send()
        .await
        .unwrap();
    assert_eq!(imported.status(), 200, "{}", imported.text().await.unwrap());
    let article = created(
        app.authorized(
            "POST",
            "/api/v1/editor/articles",
            &auth,
            Some(json!({ "slug": "rotation-kept", "category": "law" })),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ok(
        app,
        "PUT",
        &format!("/api/v1/editor/articles/{article}/translations/ar"),
        &auth,
        Some(json!({ "title": "القانون", "summary": "ملخص", "body": "# القانون\n\nنص." })),
    )
    .await;
    ok(
        app,
        "POST",
        &format!("/api/v1/editor/articles/{article}/status"),
        &auth,
        Some(json!({ "status": "published" })),
    )
    .await;
    receipts
}

/// Sends what a tipster or a family writes back with their receipt to `path`.
async fn write_back(app: &TestApp, receipt: &str, path: &str, text: &str) {
    let token = follow_up_token(app, receipt)
        .await
        .expect("the receipt opens");
    let sent = app
        .authorized(
            "POST",
            path,
            &format!("Bearer {token}"),
            Some(json!({ "body": text })),
        )
        .await;
    assert!(sent.status().is_success(), "{}", sent.status());
}

/// A partner's person record with a note: sealed as PFIF beside the case made of it.
const PARTNER_RECORD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>icrc.example.org/p-1001</pfif:person_record_id>
    <pfif:entry_date>2026-04-01T10:00:00Z</pfif:entry_date>
    <pfif:expiry_date>2027-04-01T10:00:00Z</pfif:expiry_date>
    <pfif:author_name>Tracing Officer</pfif:author_name>
    <pfif:source_name>icrc.example.org</pfif:source_name>
    <pfif:source_date>2026-04-01T09:00:00Z</pfif:source_date>
    <pfif:full_name>Mohammed Jasim Kadhim</pfif:full_name>
    <pfif:given_name>Mohammed</pfif:given_name>
    <pfif:sex>male</pfif:sex>
    <pfif:age>24</pfif:age>
  </pfif:person>
  <pfif:note>
    <pfif:note_record_id>icrc.example.org/n-1</pfif:note_record_id>
    <pfif:person_record_id>icrc.example.org/p-1001</pfif:person_record_id>
    <pfif:author_name>Tracing Officer</pfif:author_name>
    <pfif:source_date>2026-04-02T09:00:00Z</pfif:source_date>
    <pfif:status>believed_alive</pfif:status>
    <pfif:text>Seen in a hospital in Rostov.</pfif:text>
  </pfif:note>
</pfif:pfif>"#;

/// Everything staff and tipsters can read of what `populate` stored.
async fn read_all(app: &TestApp, staff: &Session, receipts: &[String]) -> Value {
    let auth = bearer(staff);
    let mut seen = serde_json::Map::new();
    let tips = ok(app, "GET", "/api/v1/tips?limit=100", &auth, None).await;
    for tip in tips["tips"].as_array().unwrap() {
        let id = tip["id"].as_i64().unwrap();
        let detail = ok(app, "GET", &format!("/api/v1/tips/{id}"), &auth, None).await;
        for attachment in detail["attachments"].as_array().into_iter().flatten() {
            let attachment_id = attachment["id"].as_i64().unwrap();
            seen.insert(
                format!("tip {id} attachment {attachment_id}"),
                json!(
                    bytes(
                        app,
                        &format!("/api/v1/tips/{id}/attachments/{attachment_id}"),
                        &auth
                    )
                    .await
                ),
            );
        }
        seen.insert(format!("tip {id}"), detail);
    }
    let cases = ok(app, "GET", "/api/v1/cases", &auth, None).await;
    for case in cases["cases"].as_array().unwrap() {
        let id = case["id"].as_i64().unwrap();
        let detail = ok(app, "GET", &format!("/api/v1/cases/{id}"), &auth, None).await;
        if detail["has_photo"] == true {
            seen.insert(
                format!("case {id} photo"),
                json!(bytes(app, &format!("/api/v1/cases/{id}/photo"), &auth).await),
            );
        }
        seen.insert(format!("case {id}"), detail);
    }
    let pfif = app
        .authorized("GET", "/api/v1/pfif?recipient=government", &auth, None)
        .await;
    assert_eq!(pfif.status(), 200);
    seen.insert(
        "pfif export".into(),
        json!(without_entry_dates(&pfif.text().await.unwrap())),
    );
    for value in [
        "07709998801",
        "0770 123 4502",
        "Golden Wings Travel",
        "07712345672",
    ] {
        let path = format!("/api/v1/entities?value={}", value.replace(' ', "%20"));
        seen.insert(
            format!("entities {value}"),
            ok(app, "GET", &path, &auth, None).await,
        );
    }
    seen.insert(
        "tip search".into(),
        ok(
            app,
            "GET",
            "/api/v1/tips?q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7",
            &auth,
            None,
        )
        .await,
    );
    seen.insert(
        "case search".into(),
        ok(
            app,
            "GET",
            "/api/v1/cases?q=%D9%83%D8%A7%D8%B1%D9%88%D8%A7%D9%86",
            &auth,
            None,
        )
        .await,
    );
    seen.insert(
        "views".into(),
        ok(app, "GET", "/api/v1/views?kind=tip", &auth, None).await,
    );
    let article = app.get("/api/v1/articles/rotation-kept?lang=ar").await;
    assert_eq!(article.status(), 200);
    seen.insert("article".into(), json(article).await);
    for receipt in receipts {
        let token = follow_up_token(app, receipt)
            .await
            .expect("the receipt opens");
        let auth = format!("Bearer {token}");
        let mut thread = app
            .authorized("GET", "/api/v1/follow-up/tip", &auth, None)
            .await;
        if thread.status() != 200 {
            thread = app
                .authorized("GET", "/api/v1/follow-up/case", &auth, None)
                .await;
        }
        assert_eq!(thread.status(), 200);
        seen.insert(format!("receipt {receipt}"), json(thread).await);
    }
    Value::Object(seen)
}

/// A PFIF export less the moments it was made and the expiry counted from them.
fn without_entry_dates(xml: &str) -> String {
    xml.lines()
        .filter(|line| {
            !["entry_date>", "source_date>", "expiry_date>"]
                .iter()
                .any(|tag| line.contains(tag))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn rotation_marker(app_config: &sanad_backend::config::Config) -> Option<String> {
    let url = app_config.database_url().unwrap();
    let mut conn = sanad_backend::db::connect(&url).unwrap();
    sanad_backend::settings::get(&mut conn, sanad_backend::rotation::KEY_ROTATION).unwrap()
}

fn rotate(data_dir: &Path, database_url: Option<&str>, key_file: &Path) -> std::process::Command {
    let mut command = sanad(data_dir, database_url);
    command
        .arg("rotate-key")
        .arg("--new-key-file")
        .arg(key_file);
    command
}

#[actix_web::test]
async fn a_rotated_database_reads_as_before_even_after_a_kill_in_the_middle() {
    let (config, dir, postgres) = test_config();
    let database_url = postgres.as_ref().map(|schema| schema.url.clone());
    let app = spawn_with(config, dir, postgres).await;
    let lead = signed_in(
        &app,
        "lead@example.org",
        &[Role::Admin, Role::Moderator, Role::Caseworker, Role::Editor],
    )
    .await;
    let held = signed_in(&app, "held@example.org", &[Role::Moderator]).await;
    let totp_secret = enrol_totp(&app, &held).await;
    let receipts = populate(&app, &lead).await;
    // Read twice: the first read of a tip or case itself leaves traces (its first look).
    read_all(&app, &lead, &receipts).await;
    let before = read_all(&app, &lead, &receipts).await;
    let old_key = std::fs::read(app.config.data_dir.join("keys/data.key")).unwrap();

    let key_dir = tempfile::tempdir().unwrap();
    let new_key_file = key_dir.path().join("new.key");
    let new_key: [u8; 32] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(11));
    std::fs::write(&new_key_file, hex::encode(new_key)).unwrap();
    let data_dir = app.config.data_dir.clone();

    let beside_a_server = rotate(&data_dir, database_url.as_deref(), &new_key_file)
        .output()
        .unwrap();
    assert!(!beside_a_server.status.success());
    assert!(
        said(&beside_a_server).contains("stop every instance"),
        "{}",
        said(&beside_a_server)
    );

    let (config, dir, postgres) = app.stop().await;

    // One row per batch, killed once the tips are under way.
    let mut child = rotate(&data_dir, database_url.as_deref(), &new_key_file)
        .args(["--batch", "1"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        let line = lines
            .next()
            .expect("the rotation reports its batches")
            .unwrap();
        if line.starts_with("tips: ") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let marker = rotation_marker(&config).expect("killed part-way, the rotation is unfinished");
    assert!(marker.contains("\"step\""), "{marker}");

    let refused = match sanad_backend::startup::Application::build(config.clone()).await {
        Ok(_) => panic!("a server started on a half-rotated database"),
        Err(e) => e.to_string(),
    };
    assert!(refused.contains("did not finish"), "{refused}");

    let finished = rotate(&data_dir, database_url.as_deref(), &new_key_file)
        .output()
        .unwrap();
    assert!(finished.status.success(), "{}", said(&finished));
    assert!(
        said(&finished).contains("resuming an earlier run"),
        "{}",
        said(&finished)
    );
    assert_eq!(rotation_marker(&config), None);
    assert_eq!(
        std::fs::read(data_dir.join("keys/data.key")).unwrap(),
        new_key
    );
    let retired: Vec<_> = std::fs::read_dir(data_dir.join("keys"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("data.key.retired-")
        })
        .collect();
    assert_eq!(retired.len(), 1);
    assert_eq!(std::fs::read(retired[0].path()).unwrap(), old_key);

    // Nothing readable under the old key is left in the sealed columns.
    let old = sanad_backend::crypto::Sealer::new(&old_key.clone().try_into().unwrap());
    {
        use sanad_backend::schema::{case_merges, cases, tip_messages, tips};
        let url = config.database_url().unwrap();
        let mut conn = sanad_backend::db::connect(&url).unwrap();
        let (tip_ref, content): (String, Vec<u8>) = tips::table
            .select((tips::ref_key, tips::content))
            .first(&mut conn)
            .unwrap();
        assert!(old
            .open(&content, format!("tip:{tip_ref}:content").as_bytes())
            .is_err());
        let messages: i64 = tip_messages::table.count().get_result(&mut conn).unwrap();
        assert!(messages >= 12);
        // The reason a merge was made for is read by no page yet: open it here.
        let new = sanad_backend::crypto::Sealer::new(&new_key);
        let (kept, merge_ref, reason): (i64, String, Vec<u8>) = case_merges::table
            .select((
                case_merges::kept_id,
                case_merges::ref_key,
                case_merges::reason,
            ))
            .first(&mut conn)
            .unwrap();
        let kept_ref: String = cases::table
            .find(kept)
            .select(cases::ref_key)
            .first(&mut conn)
            .unwrap();
        let context = format!("case:{kept_ref}:merge:{merge_ref}");
        assert_eq!(
            new.open(&reason, context.as_bytes()).unwrap(),
            "نفس الأم ونفس الهاتف".as_bytes()
        );
    }

    let app = spawn_with(config, dir, postgres).await;
    let lead = crate::helpers::login(&app, "lead@example.org", crate::helpers::GOOD_PASSWORD).await;
    assert_eq!(
        lead.status(),
        200,
        "sign-in finds the email by its new index"
    );
    let lead = Session {
        token: json(lead).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned(),
        refresh: String::new(),
        id: String::new(),
    };
    let after = read_all(&app, &lead, &receipts).await;
    for (key, value) in before.as_object().unwrap() {
        assert_eq!(
            Some(value),
            after.get(key),
            "{key} reads differently after the rotation"
        );
    }
    assert_eq!(
        before.as_object().unwrap().len(),
        after.as_object().unwrap().len()
    );

    let signed = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "held@example.org", "password": crate::helpers::GOOD_PASSWORD, "totp_code": code_for(&totp_secret, 1) }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        signed.status(),
        200,
        "the TOTP secret opens under the new key"
    );
}
