//! The public forms without a script, as Tor Browser at "Safest" sends them: `/{lang}/report`
//! is an HTML form posted as `multipart/form-data`, held back by a waited challenge instead of a
//! proof of work, answered with the receipt or with each problem beside its field and what was
//! typed kept.

use std::time::Duration;

use reqwest::multipart::{Form, Part};
use sanad_backend::pow::{Challenges, NoScriptRules, CHALLENGE_TTL_MS};
use serde_json::json;

use crate::helpers::{json, spawn_with, test_config, TestApp};

async fn app_with(delay_seconds: u32, per_minute: u32) -> TestApp {
    let (mut config, dir, pg) = test_config();
    config.nojs_delay_seconds = delay_seconds;
    config.nojs_per_minute = per_minute;
    spawn_with(config, dir, pg).await
}

/// The form page, and the challenge it carries.
async fn form_page(app: &TestApp, language: &str) -> (String, String) {
    let response = app.get(&format!("/{language}/report")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers().get("set-cookie").is_none());
    let html = response.text().await.unwrap();
    let marker = "name=\"challenge\" value=\"";
    let start = html.find(marker).expect("a challenge in the form") + marker.len();
    let challenge = html[start..start + html[start..].find('"').unwrap()].to_owned();
    (html, challenge)
}

fn png() -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(8, 6, |x, y| image::Rgb([x as u8 * 30, y as u8 * 40, 90]));
    let mut encoded = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut encoded, image::ImageFormat::Png)
        .unwrap();
    encoded.into_inner()
}

fn tip_form(challenge: &str, description: &str) -> Form {
    Form::new()
        .text("challenge", challenge.to_owned())
        .text("subject", "agency")
        .text("description", description.to_owned())
        .text("name", "أبو علي")
        .text("name", "")
        .text("name", "")
        .text("phone", "٠٧٧٠ ١٢٣ ٤٥٦٧")
        .text("phone", "")
        .text("phone", "")
        .text("account_platform", "telegram")
        .text("account_handle", "@safar_jobs")
        .text("account_platform", "telegram")
        .text("account_handle", "")
        .text("governorate", "basra")
        .text("month", "2026-10")
        .text("departure_on", "")
        .text("minor", "yes")
}

async fn post(
    app: &TestApp,
    language: &str,
    form: Form,
) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
    let response = app
        .client
        .post(app.url(&format!("/{language}/report")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

fn receipt_in(html: &str) -> String {
    let marker = "class=\"receipt\"><bdi>";
    let start = html.find(marker).expect("a receipt on the page") + marker.len();
    html[start..start + html[start..].find('<').unwrap()].to_owned()
}

fn message(language: &str, file: &str, key: &str) -> String {
    let text = std::fs::read_to_string(format!(
        "{}/../locales/{language}/{file}.ftl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{key} =")))
        .unwrap();
    line[key.len() + 2..].trim().to_owned()
}

#[actix_web::test]
async fn a_tip_sent_without_a_script_after_the_wait_gets_a_receipt_that_opens_it() {
    let app = app_with(1, 30).await;
    let (html, challenge) = form_page(&app, "ckb").await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"ckb\" dir=\"rtl\">"));
    assert!(
        html.contains("method=\"post\" action=\"/ckb/report\" enctype=\"multipart/form-data\""),
        "a plain form"
    );
    assert!(html.contains("type=\"file\""), "pictures too");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let form = tip_form(
        &challenge,
        "کەسێک لە نووسینگەیەکی گەشتیاری گەنجان ڕادەکێشێت.",
    )
    .part(
        "image",
        Part::bytes(png())
            .file_name("a.png")
            .mime_str("image/png")
            .unwrap(),
    )
    // A file input left empty sends an empty part.
    .part(
        "image",
        Part::bytes(Vec::new())
            .file_name("")
            .mime_str("application/octet-stream")
            .unwrap(),
    );
    let (status, headers, page) = post(&app, "ckb", form).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(
        headers.get("location").is_none(),
        "the receipt is in no redirect"
    );
    assert!(headers.get("set-cookie").is_none());
    assert!(page.contains(&message("ckb", "tips", "report-sent-title")));
    let receipt = receipt_in(&page);
    assert_eq!(receipt.len(), 19, "{receipt}");

    // The receipt opens the tip: its text, its picture, its language.
    let opened = app
        .client
        .post(app.url("/api/v1/follow-up"))
        .json(&json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 200);
    let token = json(opened).await["token"].as_str().unwrap().to_owned();
    let view = json(
        app.authorized(
            "GET",
            "/api/v1/follow-up/tip",
            &format!("Bearer {token}"),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(view["attachments"], 1, "{view}");

    // Its challenge is spent.
    let (status, _, page) = post(&app, "ckb", tip_form(&challenge, "دووبارە")).await;
    assert_eq!(status, 400);
    assert!(page.contains(&message("ckb", "main", "error-proof-of-work-invalid")));
    assert!(
        page.contains(">دووبارە</textarea>"),
        "what was typed is kept"
    );
}

#[actix_web::test]
async fn a_submission_before_its_wait_after_its_expiry_or_over_the_rate_is_refused_in_the_readers_language(
) {
    let app = app_with(60, 2).await;
    let (_, challenge) = form_page(&app, "ar").await;
    let (status, _, page) = post(&app, "ar", tip_form(&challenge, "نص طويل عن مكتب السفر")).await;
    assert_eq!(status, 400);
    let expected = message("ar", "main", "error-submission-too-soon");
    let before = expected.split("{ $seconds }").next().unwrap();
    assert!(page.contains(before), "{page}");
    assert!(
        page.contains(">نص طويل عن مكتب السفر</textarea>"),
        "what was typed is kept"
    );
    assert!(page.contains("value=\"أبو علي\""));
    assert!(page.contains("value=\"@safar_jobs\""));
    assert!(
        page.contains(&format!("name=\"challenge\" value=\"{challenge}\"")),
        "the same challenge, which will open"
    );

    // Signed with this instance's key, but long expired.
    let key_holder = Challenges::load(
        &app.config.data_dir,
        0,
        NoScriptRules {
            delay_ms: 0,
            per_minute: 1,
        },
    )
    .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let expired = key_holder
        .issue_waited(now - CHALLENGE_TTL_MS - 1_000)
        .unwrap();
    let (status, _, page) = post(&app, "ar", tip_form(&expired, "قديم")).await;
    assert_eq!(status, 400);
    assert!(page.contains(&message("ar", "main", "error-proof-of-work-expired")));
    assert!(
        !page.contains(&format!("value=\"{expired}\"")),
        "a fresh challenge replaces it"
    );

    // Two a minute pass. Five sent within a second span at most two minutes, so at most four
    // pass and at least one is turned away, in Arabic, until the next minute.
    let mut accepted = 0;
    let mut refused = Vec::new();
    for _ in 0..5 {
        let fresh = key_holder.issue_waited(now - 1_000).unwrap();
        let (status, headers, page) = post(&app, "ar", tip_form(&fresh, "بلاغ")).await;
        match status.as_u16() {
            200 => accepted += 1,
            429 => refused.push((headers, page)),
            other => panic!("{other}: {page}"),
        }
    }
    assert!(accepted >= 2, "{accepted} accepted");
    assert!(!refused.is_empty(), "none refused");
    let (headers, page) = &refused[0];
    assert_eq!(headers["cache-control"], "no-store");
    assert!(page.contains(&message("ar", "main", "error-too-many-attempts")));
}

#[actix_web::test]
async fn problems_show_beside_their_fields_with_what_was_typed() {
    let app = app_with(0, 30).await;
    let (_, challenge) = form_page(&app, "ar").await;
    let form = Form::new()
        .text("challenge", challenge.clone())
        .text("description", "   ")
        .text("name", "")
        .text("name", "سمير")
        .text("account_platform", "facebook")
        .text("account_handle", "")
        .text("account_platform", "telegram")
        .text("account_handle", "!!!")
        .text("month", "sometime");
    let (status, _, page) = post(&app, "ar", form).await;
    assert_eq!(status, 400);
    for (id, key) in [
        ("subject-error", "form-problem-choose-subject"),
        ("description-error", "form-problem-required"),
        ("month-error", "form-problem-invalid-date"),
    ] {
        let expected = format!(
            "id=\"{id}\" class=\"field-error\">{}</p>",
            message("ar", "tips", key)
        );
        assert!(page.contains(&expected), "{id}: {page}");
    }
    assert!(page.contains("value=\"سمير\""));
    assert!(page.contains("aria-invalid=\"true\""));
    // Nothing was stored: the challenge is still good.
    assert!(page.contains(&format!("name=\"challenge\" value=\"{challenge}\"")));
    let (status, _, page) = post(&app, "ar", tip_form(&challenge, "الآن صحيح")).await;
    assert_eq!(status, 200, "{page}");
}

/// `POST /{lang}/follow-up` with text fields.
async fn follow_up(
    app: &TestApp,
    language: &str,
    fields: &[(&str, &str)],
) -> (reqwest::StatusCode, String) {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    let response = app
        .client
        .post(app.url(&format!("/{language}/follow-up")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
    let status = response.status();
    (status, response.text().await.unwrap())
}

fn token_in(html: &str) -> String {
    let marker = "name=\"token\" value=\"";
    let start = html.find(marker).expect("a reply form") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

#[actix_web::test]
async fn the_receipt_opens_the_report_without_a_script_and_the_reply_box_sends() {
    let app = app_with(0, 30).await;
    let (_, challenge) = form_page(&app, "ar").await;
    let (status, _, page) = post(&app, "ar", tip_form(&challenge, "مكتب سفر في العشار")).await;
    assert_eq!(status, 200);
    let receipt = receipt_in(&page);

    let entry = app.get("/ar/follow-up").await;
    assert_eq!(entry.headers()["cache-control"], "no-store");
    let entry = entry.text().await.unwrap();
    assert!(entry.contains("name=\"receipt\""));

    // Typed wrong, then right (in Arabic-Indic digits).
    let (status, page) = follow_up(&app, "ar", &[("receipt", "١٢٣٤")]).await;
    assert_eq!(status, 400);
    assert!(page.contains(&message("ar", "tips", "error-receipt-malformed")));
    assert!(page.contains("value=\"١٢٣٤\""), "what was typed is kept");
    let (status, page) = follow_up(&app, "ar", &[("receipt", "0000 0000 0000 0000")]).await;
    assert_eq!(status, 404);
    assert!(page.contains(&message("ar", "tips", "error-receipt-unknown")));
    let digits: String = receipt
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| "٠١٢٣٤٥٦٧٨٩".chars().nth(d as usize).unwrap())
        })
        .collect();
    let (status, page) = follow_up(&app, "ar", &[("receipt", &digits)]).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&message("ar", "tips", "tip-public-status-received")));
    assert!(page.contains(&message("ar", "tips", "follow-up-no-messages")));
    assert!(!page.contains(&receipt), "the receipt is not written back");
    let token = token_in(&page);

    // An empty reply is refused beside its box; a reply is sent and shown.
    let (status, page) = follow_up(&app, "ar", &[("token", &token), ("message", "  ")]).await;
    assert_eq!(status, 400);
    assert!(page.contains(&format!(
        "id=\"message-error\" class=\"field-error\">{}",
        message("ar", "tips", "form-problem-required")
    )));
    let (status, page) = follow_up(
        &app,
        "ar",
        &[("token", &token), ("message", "رقمه الجديد 0770 999 8888")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains(&message("ar", "tips", "follow-up-sent")));
    assert!(page.contains("رقمه الجديد 0770 999 8888"));

    // A token that is not one of ours asks for the receipt again.
    let (status, page) = follow_up(&app, "ar", &[("token", "forged"), ("message", "x")]).await;
    assert_eq!(status, 401);
    assert!(page.contains(&message("ar", "tips", "error-follow-up-expired")));
    assert!(page.contains("name=\"receipt\""));
}

#[actix_web::test]
async fn a_family_opens_its_case_without_a_script_and_writes_to_the_caseworker() {
    let app = app_with(0, 30).await;
    let case = json!({
        "names": { "given": "أحمد", "father": "علي", "grandfather": "حسين", "family": "الجبوري", "mother": "فاطمة حسن" },
        "sex": "male",
        "governorate": "basra",
        "reporter": { "relationship": "mother", "name": "Fatima Hassan", "phone": "07801234567", "language": "ckb" },
        "consent": "committee"
    });
    let created = app
        .client
        .post(app.url("/api/v1/cases"))
        .json(&case)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let created = json(created).await;
    let number = created["case_number"].as_str().unwrap().to_owned();
    let receipt = created["receipt"].as_str().unwrap().to_owned();
    let (status, page) = follow_up(&app, "ckb", &[("receipt", &receipt)]).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&number));
    assert!(page.contains(&message("ckb", "tips", "follow-up-case-message")));
    let token = token_in(&page);
    let (status, page) = follow_up(
        &app,
        "ckb",
        &[("token", &token), ("message", "هیچ هەواڵێکمان نییە")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("هیچ هەواڵێکمان نییە"));
}
