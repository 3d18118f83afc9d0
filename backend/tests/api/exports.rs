//! CSV exports over HTTP: a filtered list of tips (for moderators) or of cases (for caseworkers),
//! UTF-8 with a byte-order mark, formulas made inert, every export audited with its filter and
//! row count; the statistics with small counts as "<5" even for admins.

use sanad_shared::staff::Role;
use serde_json::json;

use crate::helpers::{signed_in, spawn_app, Session, TestApp};

async fn export(app: &TestApp, session: &Session, path: &str) -> (u16, String, Option<String>) {
    let response = app
        .authorized("GET", path, &format!("Bearer {}", session.token), None)
        .await;
    let status = response.status().as_u16();
    let disposition = response
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = response.bytes().await.unwrap();
    (
        status,
        String::from_utf8(bytes.to_vec()).unwrap(),
        disposition,
    )
}

fn records(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn header(text: &str) -> Vec<String> {
    let body = text.trim_start_matches('\u{feff}');
    csv::Reader::from_reader(body.as_bytes())
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect()
}

fn audit_details(app: &TestApp, action: &str) -> Vec<serde_json::Value> {
    use diesel::prelude::*;
    use sanad_backend::schema::audit_log;
    let mut conn = app.pool().get().unwrap();
    audit_log::table
        .filter(audit_log::action.eq(action))
        .order(audit_log::seq.asc())
        .select(audit_log::details)
        .load::<String>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|d| serde_json::from_str(&d).unwrap())
        .collect()
}

#[actix_web::test]
async fn tips_and_cases_export_to_those_who_work_them_with_formulas_made_inert() {
    let app = spawn_app().await;
    for (description, governorate) in [
        ("=HYPERLINK(\"http://evil.example\",\"اضغط\")", "basra"),
        ("مكتب سفر في العشار يجمع جوازات الشباب", "basra"),
        ("إعلان على تلغرام", "najaf"),
    ] {
        let response = app
            .client
            .post(app.url("/api/v1/tips"))
            .json(&json!({ "subject": "recruiter", "description": description, "governorate": governorate, "phones": ["07701234567"] }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "governorate": "najaf",
        "recruiter": "Abu Haidar",
        "reporter": { "relationship": "mother", "name": "فاطمة", "phone": "07801234567", "language": "ar" },
        "consent": "committee"
    });
    let response = app
        .client
        .post(app.url("/api/v1/cases"))
        .json(&case)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;

    let (status, text, disposition) =
        export(&app, &moderator, "/api/v1/tips/export?governorate=basra").await;
    assert_eq!(status, 200, "{text}");
    assert!(disposition
        .unwrap()
        .starts_with("attachment; filename=\"sanad-tips-"));
    assert!(
        text.starts_with('\u{feff}'),
        "Excel needs the byte-order mark"
    );
    let head = header(&text);
    assert!(head.contains(&"description".to_owned()));
    let rows = records(&text);
    assert_eq!(rows.len(), 2, "the filter holds");
    let description = head.iter().position(|h| h == "description").unwrap();
    let phones = head.iter().position(|h| h == "phones").unwrap();
    let texts: Vec<&str> = rows.iter().map(|r| r[description].as_str()).collect();
    assert!(
        texts.contains(&"'=HYPERLINK(\"http://evil.example\",\"اضغط\")"),
        "a formula is made inert: {texts:?}"
    );
    assert!(
        texts.contains(&"مكتب سفر في العشار يجمع جوازات الشباب"),
        "Arabic as written"
    );
    assert_eq!(rows[0][phones], "'+9647701234567");

    // A list of the other kind is not exported at all: it would say more than the statistics,
    // which hide small counts.
    let (status, _, _) = export(&app, &caseworker, "/api/v1/tips/export").await;
    assert_eq!(status, 403);
    let (status, _, _) = export(&app, &moderator, "/api/v1/cases/export").await;
    assert_eq!(status, 403);

    let (status, text, _) = export(&app, &caseworker, "/api/v1/cases/export").await;
    assert_eq!(status, 200);
    let head = header(&text);
    let rows = records(&text);
    assert_eq!(rows.len(), 1);
    let phone = head.iter().position(|h| h == "reporter_phone").unwrap();
    assert_eq!(rows[0][phone], "'+9647801234567");
    assert!(text.contains("فاطمة") && text.contains("Abu Haidar"));
    let audited = audit_details(&app, "tips_exported");
    assert_eq!(audited.len(), 1, "the refused export wrote nothing");
    assert_eq!(audited[0]["rows"], 2);
    assert_eq!(audited[0]["filter"]["governorate"], "basra");
    assert_eq!(audited[0]["filter"]["words"], false);
    let audited = audit_details(&app, "cases_exported");
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0]["rows"], 1);
}

#[actix_web::test]
async fn exported_statistics_hide_small_counts_even_from_admins() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let response = app
            .client
            .post(app.url("/api/v1/tips"))
            .json(&json!({ "subject": "agency", "description": "x", "governorate": "duhok" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let (status, text, disposition) = export(&app, &admin, "/api/v1/statistics/export").await;
    assert_eq!(status, 200, "{text}");
    assert!(disposition.unwrap().contains("sanad-statistics-"));
    let rows = records(&text);
    let duhok = rows
        .iter()
        .find(|r| r[0] == "tips" && r[1] == "by_governorate" && r[2] == "duhok")
        .unwrap();
    assert_eq!(
        duhok[3], "<5",
        "an admin's screen shows 2; the file does not"
    );
    assert!(rows
        .iter()
        .all(|r| r[3] == "<5" || r[3].parse::<u32>().unwrap() >= 5));
    assert_eq!(audit_details(&app, "statistics_exported").len(), 1);
    let (status, _, _) = export(&app, &admin, "/api/v1/statistics/export?from=nope").await;
    assert_eq!(status, 400);
}
