//! The public forms without a script, as Tor Browser at "Safest" sends them: `/{lang}/report`
//! is an HTML form posted as `multipart/form-data`, held back by a waited challenge instead of a
//! proof of work, answered with the receipt or with each problem beside its field and what was
//! typed kept.

use std::time::Duration;

use reqwest::multipart::{Form, Part};
use sanad_backend::pow::{Challenges, NoScriptRules, CHALLENGE_TTL_MS};
use serde_json::json;

use crate::helpers::{challenge_token, json, solve, spawn_with, test_config, TestApp};

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

/// The tip as the follow-up API shows it to whoever holds `token`.
async fn tip_seen_by_its_sender(app: &TestApp, token: &str) -> serde_json::Value {
    json(
        app.authorized(
            "GET",
            "/api/v1/follow-up/tip",
            &format!("Bearer {token}"),
            None,
        )
        .await,
    )
    .await
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
    let view = tip_seen_by_its_sender(&app, &token).await;
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
    // The words before the seconds, whose plural form the number chooses.
    let before = expected.split("{ $").next().unwrap();
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
async fn a_form_sent_with_its_islands_proof_of_work_needs_no_wait_and_each_proof_buys_one_tip() {
    let (mut config, dir, pg) = test_config();
    config.pow_bits = 8;
    config.nojs_delay_seconds = 60;
    config.nojs_per_minute = 1;
    let app = spawn_with(config, dir, pg).await;
    let (html, challenge) = form_page(&app, "ckb").await;
    assert!(
        html.contains("<input type=\"hidden\" name=\"proof\" value=\"\">"),
        "the island's field, empty until it is solved"
    );
    // The waited challenge is not open for a minute; the proof lets the form in now, and the
    // rate of forms without a script (one a minute) does not count it.
    for description in ["یەکەم بلاغ", "دووەم بلاغ"] {
        let proof = solve(&challenge_token(&app).await, 8);
        let form = tip_form(&challenge, description).text("proof", proof);
        let (status, headers, page) = post(&app, "ckb", form).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(headers["cache-control"], "no-store");
        let receipt = receipt_in(&page);
        assert_eq!(receipt.chars().filter(char::is_ascii_digit).count(), 16);
        assert!(
            page.contains("data-component=\"ReceiptTools"),
            "copy and share"
        );
    }
    // A sending that comes back with a problem gives its proof back unspent, so the corrected
    // form goes without solving another.
    let proof = solve(&challenge_token(&app).await, 8);
    let (status, _, page) = post(
        &app,
        "ckb",
        tip_form(&challenge, "").text("proof", proof.clone()),
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        page.contains(&format!("name=\"proof\" value=\"{proof}\"")),
        "the unspent proof is in the form again"
    );
    let (status, _, _) = post(
        &app,
        "ckb",
        tip_form(&challenge, "سێیەم").text("proof", proof.clone()),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _, page) = post(
        &app,
        "ckb",
        tip_form(&challenge, "دووبارە").text("proof", proof.clone()),
    )
    .await;
    assert_eq!(status, 400, "a spent proof");
    assert!(page.contains(&message("ckb", "main", "error-proof-of-work-invalid")));
    assert!(
        page.contains("name=\"proof\" value=\"\""),
        "a refused proof is not given back"
    );
    assert!(
        page.contains(">دووبارە</textarea>"),
        "what was typed is kept"
    );
    let (token, _) = proof.rsplit_once(':').unwrap();
    let wrong = (0..)
        .find(|n| !sanad_shared::pow::solves(token, &n.to_string(), 8))
        .unwrap();
    let (status, _, page) = post(
        &app,
        "ckb",
        tip_form(&challenge, "هەڵە").text("proof", format!("{token}:{wrong}")),
    )
    .await;
    assert_eq!(status, 400, "an unsolved proof");
    assert!(page.contains(&message("ckb", "main", "error-proof-of-work-invalid")));
    // Without the proof the waited challenge still holds the form back.
    let (status, _, page) = post(&app, "ckb", tip_form(&challenge, "چاوەڕێ")).await;
    assert_eq!(status, 400);
    let expected = message("ckb", "main", "error-submission-too-soon");
    assert!(page.contains(expected.split("{ $").next().unwrap()));
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

/// One step of the family's form, posted as a browser posts it: every field of the page with
/// what it holds (hidden ones included), with `typed` written over them, and the button pressed.
async fn missing_step(
    app: &TestApp,
    page: &str,
    typed: &[(&str, &str)],
    go: &str,
    photo: Option<Vec<u8>>,
) -> (reqwest::StatusCode, String) {
    let mut form = Form::new();
    for (name, value) in fields_of(page) {
        if !typed.iter().any(|(n, _)| *n == name) {
            form = form.text(name, value);
        }
    }
    for (name, value) in typed {
        form = form.text(name.to_string(), value.to_string());
    }
    form = form.text("go", go.to_owned());
    if let Some(photo) = photo {
        form = form.part(
            "photo",
            Part::bytes(photo)
                .file_name("ali.png")
                .mime_str("image/png")
                .unwrap(),
        );
    }
    let response = app
        .client
        .post(app.url("/ar/missing"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers().get("set-cookie").is_none());
    let status = response.status();
    (status, response.text().await.unwrap())
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of `name="…"` in an element's opening tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    Some(unescape(&tag[start..start + tag[start..].find('"')?]))
}

/// `(name, value)` of what the page's form sends as it is: text and hidden inputs, checked
/// radios, text areas and chosen options (a browser sends none for an unchecked radio or an
/// empty file input).
fn fields_of(page: &str) -> Vec<(String, String)> {
    let form = &page[page.find("<form").unwrap()..page.find("</form>").unwrap()];
    let mut fields = Vec::new();
    for (i, _) in form.match_indices('<') {
        let rest = &form[i..];
        let tag = &rest[..rest.find('>').unwrap()];
        let Some(name) = attribute(tag, "name") else {
            continue;
        };
        if tag.starts_with("<input") {
            let kind = attribute(tag, "type").unwrap_or_default();
            let sends = match kind.as_str() {
                "file" | "submit" => false,
                "radio" | "checkbox" => tag.contains(" checked"),
                _ => true,
            };
            if sends {
                fields.push((name, attribute(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<textarea") {
            let content = &rest[tag.len() + 1..];
            fields.push((
                name,
                unescape(&content[..content.find("</textarea>").unwrap()]),
            ));
        } else if tag.starts_with("<select") {
            let options = &rest[..rest.find("</select>").unwrap()];
            let chosen = options
                .split("<option")
                .skip(1)
                .find(|o| o[..o.find('>').unwrap()].contains(" selected"))
                .and_then(|o| attribute(o, "value"))
                .unwrap_or_default();
            fields.push((name, chosen));
        }
    }
    fields
}

/// `(name, value)` of every `<input type="hidden">` of a page.
fn hidden_fields(page: &str) -> Vec<(String, String)> {
    page.split("<input type=\"hidden\" ")
        .skip(1)
        .map(|rest| {
            let tag = format!(" {}", &rest[..rest.find('>').unwrap()]);
            (
                attribute(&tag, "name").unwrap(),
                attribute(&tag, "value").unwrap(),
            )
        })
        .collect()
}

fn step_shown(page: &str) -> String {
    hidden_fields(page)
        .into_iter()
        .find(|(name, _)| name == "step")
        .map(|(_, step)| step)
        .expect("a step")
}

fn error_of(page: &str, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}-error\" class=\"field-error\">");
    let start = page.find(&marker)? + marker.len();
    Some(page[start..start + page[start..].find('<').unwrap()].to_owned())
}

#[actix_web::test]
async fn a_family_reports_in_steps_without_a_script_and_its_receipt_opens_the_case() {
    let app = app_with(1, 30).await;
    let first = app.get("/ar/missing").await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "no-store");
    let page = first.text().await.unwrap();
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("action=\"/ar/missing\" enctype=\"multipart/form-data\""));
    assert_eq!(step_shown(&page), "0");
    assert!(
        !page.contains("<noscript>") && page.contains("<form"),
        "the family's form is the page itself, with no app to take it over"
    );
    // What is required says so, to the eye and to a screen reader.
    assert!(page.contains("id=\"names-given\" name=\"names.given\""));
    let given = &page[page.find("id=\"names-given\"").unwrap()..];
    assert!(given[..given.find('>').unwrap()].contains("required"));
    assert_eq!(
        page.matches("class=\"required-mark\"").count(),
        2,
        "given and father's names"
    );
    assert!(
        !page.contains("name=\"reporter.name\""),
        "one step at a time"
    );

    // Nothing written: this step's two required names are asked for, nothing of later steps.
    let (status, shown) = missing_step(&app, &page, &[], "next", None).await;
    assert_eq!(status, 400);
    assert_eq!(step_shown(&shown), "0");
    let required = message("ar", "tips", "form-problem-required");
    assert_eq!(error_of(&shown, "names-given"), Some(required.clone()));
    assert_eq!(error_of(&shown, "names-father"), Some(required.clone()));
    assert_eq!(error_of(&shown, "reporter-name"), None);
    assert!(shown.contains(&message("ar", "cases", "error-invalid-case")));

    let (status, page) = missing_step(
        &app,
        &shown,
        &[
            ("names.given", "علي"),
            ("names.father", "كريم"),
            ("names.family", "الساعدي"),
            ("sex", "male"),
            ("date_of_birth", "٢٠٠٣"),
            ("governorate", "maysan"),
            ("phones", "07701112233، 07801112233"),
            ("accounts", "t.me/ali_saedi"),
            ("marks", "ندبة فوق الحاجب\n\"الأيسر\" & <خال>"),
        ],
        "next",
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(step_shown(&page), "1");
    assert!(page.contains("name=\"left_on\""));

    // A month that does not exist is explained beside its field, in this form's words.
    let (status, shown) = missing_step(
        &app,
        &page,
        &[("left_on", "2026-13"), ("destination", "روسيا")],
        "next",
        None,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(step_shown(&shown), "1");
    assert_eq!(
        error_of(&shown, "left-on"),
        Some(message("ar", "cases", "missing-invalid-date"))
    );
    assert!(shown.contains("value=\"روسيا\""), "what was typed is kept");

    // Back keeps everything, the line breaks and quotes of a text area included.
    let (status, back) = missing_step(&app, &shown, &[], "back", None).await;
    assert_eq!(status, 200);
    assert_eq!(step_shown(&back), "0");
    assert!(
        back.contains("ندبة فوق الحاجب\n\"الأيسر\" &amp; &lt;خال&gt;</textarea>"),
        "{back}"
    );
    assert!(back.contains("value=\"2026-13\""), "later steps ride along");
    let (_, page) = missing_step(&app, &back, &[], "next", None).await;
    let (status, page) = missing_step(
        &app,
        &page,
        &[
            ("left_on", "2026-03"),
            ("recruiter", "مكتب سفر في العمارة وعدهم بعمل في الحراسة"),
        ],
        "next",
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(step_shown(&page), "2");
    let (_, page) = missing_step(
        &app,
        &page,
        &[
            ("last_contact_on", "2026-04-02"),
            ("last_contact_text", "قال إنه في معسكر تدريب"),
        ],
        "next",
        None,
    )
    .await;
    assert_eq!(step_shown(&page), "3");
    assert_eq!(page.matches("class=\"required-mark\"").count(), 3);
    let (status, shown) = missing_step(
        &app,
        &page,
        &[
            ("reporter.relationship", "الأم"),
            ("reporter.name", "زينب عباس"),
            ("reporter.phone", "0770"),
        ],
        "next",
        None,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        error_of(&shown, "reporter-phone"),
        Some(message("ar", "tips", "error-invalid-phone-number"))
    );
    let (status, page) = missing_step(
        &app,
        &shown,
        &[("reporter.phone", "07709998877")],
        "next",
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(step_shown(&page), "4");
    assert!(page.contains("type=\"file\" id=\"photo\" name=\"photo\""));

    // The last step asks whom the report may be shared with; the photo comes back to be chosen
    // again when the step does.
    let (status, shown) = missing_step(&app, &page, &[], "send", Some(png())).await;
    assert_eq!(status, 400);
    assert_eq!(
        error_of(&shown, "consent"),
        Some(message("ar", "cases", "missing-problem-consent"))
    );
    assert!(shown.contains(&message("ar", "cases", "missing-photo-again")));

    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let (status, done) = missing_step(
        &app,
        &shown,
        &[("consent", "humanitarian")],
        "send",
        Some(png()),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert!(done.contains(&message("ar", "cases", "missing-sent-title")));
    let marker = "class=\"receipt case-number\"><bdi>";
    let start = done.find(marker).expect("a case number") + marker.len();
    let number = done[start..start + 12].to_owned();
    assert!(number.starts_with("MP-"), "{number}");
    let receipt = receipt_in(&done);
    assert_eq!(receipt.len(), 19);
    // Saved as a file from the page itself, without the direction marks Fluent puts around
    // what it inserts.
    let file_start = done
        .find("href=\"data:text/plain;charset=utf-8,")
        .expect("a file link");
    let file = &done[file_start..file_start + done[file_start..].find("\" ").unwrap()];
    assert!(file.contains(&receipt.replace(' ', "%20")), "{file}");
    assert!(!file.contains("%E2%81%A8"), "no U+2068 in the file");

    // The receipt opens the case, and a caseworker reads what the steps held, photo included.
    let (status, page) = follow_up(&app, "ar", &[("receipt", &receipt)]).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&number));
    let worker = crate::helpers::signed_in(
        &app,
        "cw@example.org",
        &[sanad_shared::staff::Role::Caseworker],
    )
    .await;
    let auth = format!("Bearer {}", worker.token);
    let list = json(app.authorized("GET", "/api/v1/cases", &auth, None).await).await;
    let id = list["cases"][0]["id"].as_i64().unwrap();
    let detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{id}"), &auth, None)
            .await,
    )
    .await;
    let record = &detail["record"];
    assert_eq!(record["names"]["given"], "علي");
    assert_eq!(record["date_of_birth"], "2003");
    assert_eq!(
        record["phones"],
        json!(["+9647701112233", "+9647801112233"])
    );
    assert_eq!(record["accounts"][0]["platform"], "telegram");
    assert_eq!(record["marks"], "ندبة فوق الحاجب\n\"الأيسر\" & <خال>");
    assert_eq!(record["left_on"], "2026-03");
    assert_eq!(record["reporter_phone"], "+9647709998877");
    assert_eq!(record["reporter_language"], "ar");
    assert_eq!(detail["consent"], "humanitarian");
    assert_eq!(detail["has_photo"], true);
}

#[actix_web::test]
async fn pictures_go_with_the_reply_box_without_a_script_within_what_one_sending_takes() {
    let app = app_with(0, 30).await;
    let (_, challenge) = form_page(&app, "ckb").await;
    let (status, _, page) = post(
        &app,
        "ckb",
        tip_form(&challenge, "ڕیکلامی کارکردن لە ڕووسیا"),
    )
    .await;
    assert_eq!(status, 200);
    let (status, page) = follow_up(&app, "ckb", &[("receipt", &receipt_in(&page))]).await;
    assert_eq!(status, 200);
    // The picker says what one sending may add (5), not the report's whole allowance.
    assert!(
        page.contains("type=\"file\" id=\"pictures\" name=\"image\""),
        "{page}"
    );
    // Formatted as the server does (numbers choose the plural form, no isolation marks).
    let mut sorani = sanad_shared::i18n::embedded::bundle(sanad_shared::Language::Ckb).unwrap();
    sorani.set_use_isolating(false);
    let said = |count_now: i64, left: i64| {
        let mut args = sanad_shared::i18n::Args::new();
        args.set("count", count_now);
        args.set("left", left);
        sanad_shared::i18n::message(&sorani, "follow-up-pictures-count", Some(&args)).unwrap()
    };
    assert!(page.contains(&said(0, 5)), "five at a time: {page}");
    // The date reads left to right inside the Sorani sentence.
    let sent_on = message("ckb", "tips", "follow-up-received-on");
    let (before, after) = sent_on.split_once("{ $date }").unwrap();
    assert!(page.contains(&format!("<p class=\"hint\">{before}\u{2066}")));
    assert!(page.contains(&format!("\u{2069}{after}</p>")));
    let token = token_in(&page);

    // Pictures alone, no message: they are added, and the box is not asked to be filled.
    let send = |parts: Vec<Vec<u8>>, text: &str| {
        let mut form = Form::new()
            .text("token", token.clone())
            .text("message", text.to_owned());
        for (i, bytes) in parts.into_iter().enumerate() {
            form = form.part(
                "image",
                Part::bytes(bytes)
                    .file_name(format!("{i}.png"))
                    .mime_str("image/png")
                    .unwrap(),
            );
        }
        app.client
            .post(app.url("/ckb/follow-up"))
            .multipart(form)
            .send()
    };
    let answer = send(vec![png(), png()], "").await.unwrap();
    assert_eq!(answer.status(), 200);
    let page = answer.text().await.unwrap();
    assert!(page.contains(&message("ckb", "tips", "follow-up-pictures-added")));
    assert!(!page.contains("id=\"message-error\""), "{page}");
    assert!(page.contains(&said(2, 5)), "two pictures now: {page}");

    // A damaged one is refused beside the picker, and the message sent with it still goes.
    let answer = send(vec![b"not a picture".to_vec()], "وێنەی تر")
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let page = answer.text().await.unwrap();
    assert!(page.contains("id=\"pictures-error\""), "{page}");
    assert!(page.contains(&message("ckb", "tips", "follow-up-sent")));

    // The tip holds the two pictures; the form's token is the API's follow-up token.
    let view = tip_seen_by_its_sender(&app, &token).await;
    assert_eq!(view["attachments"], 2, "{view}");
}
