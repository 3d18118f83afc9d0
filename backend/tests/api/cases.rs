//! Missing-person cases over HTTP: the family's report and follow-up, duplicates, caseworkers'
//! list, search, notes and statuses, PFIF exchange with consent, retention.

use diesel::prelude::*;
use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{
    json, legacy_receipt_hash, signed_in, spawn_app, store_receipt_hash, stored_receipt_hashes,
    TestApp,
};

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

fn report(given: &str, father: &str, grandfather: &str, consent: &str) -> Value {
    json!({
        "names": {
            "given": given,
            "father": father,
            "grandfather": grandfather,
            "family": "الجبوري",
            "mother": "فاطمة حسن"
        },
        "sex": "male",
        "date_of_birth": "2001",
        "governorate": "basra",
        "residence": "Al-Zubair",
        "phones": ["0770 555 1234"],
        "left_on": "2026-02",
        "destination": "Russia",
        "recruiter": "a travel office in Ashar",
        "last_contact_on": "2026-03-10",
        "last_contact_text": "He said he was being sent to the front",
        "reporter": {
            "relationship": "mother",
            "name": "Fatima Hassan",
            "phone": "07801234567",
            "language": "ar"
        },
        "consent": consent
    })
}

async fn submitted(app: &TestApp, body: &Value) -> (String, String) {
    let response = app
        .client
        .post(app.url("/api/v1/cases"))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("set-cookie").is_none());
    let body = json(response).await;
    (
        body["case_number"].as_str().unwrap().to_owned(),
        body["receipt"].as_str().unwrap().to_owned(),
    )
}

/// Opens the follow-up with a family's receipt.
async fn open(app: &TestApp, receipt: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/follow-up"))
        .json(&json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap()
}

/// Every case's id, the newest first (the queue itself orders by priority, then age).
async fn case_ids(app: &TestApp, auth: &str) -> Vec<i64> {
    let page = json(app.authorized("GET", "/api/v1/cases", auth, None).await).await;
    let mut ids: Vec<i64> = page["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids
}

fn extended_digits(receipt: &str) -> String {
    receipt
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x06F0 + d).unwrap(),
            None => c,
        })
        .collect()
}

#[actix_web::test]
async fn a_family_reports_follows_up_and_talks_with_a_caseworker() {
    let app = spawn_app().await;
    let (number, receipt) = submitted(&app, &report("أحمد", "علي", "حسين", "committee")).await;
    assert!(number.starts_with("MP-") && number.len() == 12, "{number}");

    let opened = open(&app, &extended_digits(&receipt)).await;
    assert_eq!(opened.status(), 200);
    let grant = json(opened).await;
    assert_eq!(grant["kind"], "case");
    let token = grant["token"].as_str().unwrap().to_owned();
    let view = json(
        app.authorized("GET", "/api/v1/follow-up/case", &bearer(&token), None)
            .await,
    )
    .await;
    assert_eq!(view["case_number"], number.as_str());
    assert_eq!(view["status"], "reported");
    // A case's token does not open tip endpoints.
    assert_eq!(
        app.authorized("GET", "/api/v1/follow-up/tip", &bearer(&token), None)
            .await
            .status(),
        401
    );
    let sent = app
        .authorized(
            "POST",
            "/api/v1/follow-up/case/messages",
            &bearer(&token),
            Some(json!({ "body": "اتصل بنا صديقه وقال إنه في روستوف" })),
        )
        .await;
    assert_eq!(sent.status(), 201);

    let worker = signed_in(&app, "cw@example.org", &[Role::Caseworker]).await;
    let auth = bearer(&worker.token);
    let ids = case_ids(&app, &auth).await;
    assert_eq!(ids.len(), 1);
    let detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{}", ids[0]), &auth, None)
            .await,
    )
    .await;
    assert_eq!(detail["record"]["names"]["given"], "أحمد");
    assert_eq!(detail["record"]["phones"], json!(["+9647705551234"]));
    assert_eq!(detail["record"]["reporter_phone"], "+9647801234567");
    assert_eq!(
        detail["messages"][0]["body"],
        "اتصل بنا صديقه وقال إنه في روستوف"
    );
    let note = app
        .authorized(
            "POST",
            &format!("/api/v1/cases/{}/notes", ids[0]),
            &auth,
            Some(json!({ "text": "Called the mother; asked for a photo." })),
        )
        .await;
    assert_eq!(note.status(), 201);
    let reply = app
        .authorized(
            "POST",
            &format!("/api/v1/cases/{}/messages", ids[0]),
            &auth,
            Some(json!({ "body": "نحن نتابع الحالة." })),
        )
        .await;
    assert_eq!(reply.status(), 201);
    let status = app
        .authorized(
            "PUT",
            &format!("/api/v1/cases/{}/status", ids[0]),
            &auth,
            Some(json!({ "status": "information_sought" })),
        )
        .await;
    assert_eq!(json(status).await["applied"], true);
    let closing = app
        .authorized(
            "PUT",
            &format!("/api/v1/cases/{}/status", ids[0]),
            &auth,
            Some(json!({ "status": "closed" })),
        )
        .await;
    assert_eq!(closing.status(), 400, "closing needs a reason");

    let view = json(
        app.authorized("GET", "/api/v1/follow-up/case", &bearer(&token), None)
            .await,
    )
    .await;
    assert_eq!(view["status"], "information_sought");
    assert_eq!(view["messages"][1]["author"], "moderator");
    assert_eq!(view["messages"][1]["body"], "نحن نتابع الحالة.");

    // Invalid reports are refused field by field.
    let mut bad = report("", "علي", "حسين", "committee");
    bad["phones"] = json!(["12"]);
    bad["date_of_birth"] = json!("2001-02-30");
    let response = app
        .client
        .post(app.url("/api/v1/cases"))
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body = json(response).await;
    assert_eq!(body["error"], "invalid_case");
    let problems = body["details"].as_array().unwrap();
    for expected in [
        json!({ "field": "names.given", "problem": "required" }),
        json!({ "field": "date_of_birth", "problem": "invalid_date" }),
        json!({ "field": "phones", "index": 0, "problem": "invalid_phone_number" }),
    ] {
        assert!(problems.contains(&expected), "{expected} in {problems:?}");
    }

    // Every read and change is audited, without content.
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    use sanad_backend::schema::audit_log;
    let actions: Vec<(String, String)> = audit_log::table
        .select((audit_log::action, audit_log::details))
        .order(audit_log::seq.asc())
        .load(&mut conn)
        .unwrap();
    let names: Vec<&str> = actions.iter().map(|a| a.0.as_str()).collect();
    for action in [
        "cases_listed",
        "case_read",
        "case_note_added",
        "case_message_sent",
        "case_status_changed",
    ] {
        assert!(names.contains(&action), "{action} in {names:?}");
    }
    assert!(actions
        .iter()
        .all(|a| !a.1.contains("أحمد") && !a.1.contains("mother")));
}

#[actix_web::test]
async fn a_family_receipt_stored_under_the_old_receipt_parameters_still_opens_its_case() {
    let app = spawn_app().await;
    let (_, receipt) = submitted(&app, &report("زينب", "كاظم", "جواد", "committee")).await;
    let current = stored_receipt_hashes(&app, "cases");
    assert!(current[0].starts_with("v2:"), "{current:?}");
    store_receipt_hash(&app, "cases", &legacy_receipt_hash(&app, &receipt).await);

    let opened = open(&app, &extended_digits(&receipt)).await;
    assert_eq!(opened.status(), 200);
    assert_eq!(json(opened).await["kind"], "case");
    assert_eq!(stored_receipt_hashes(&app, "cases"), current);
}

#[actix_web::test]
async fn two_reports_of_one_person_are_found_merged_and_searchable_in_both_scripts() {
    let app = spawn_app().await;
    submitted(&app, &report("أحمد", "علي", "حسين", "committee")).await;
    // The same young man reported by his brother, spelled differently, with his passport name.
    let mut second = report("احمد", "على", "حسين", "government");
    second["names"]["family"] = json!("الجبورى");
    second["names"]["latin"] = json!("Ahmed Ali Hussein Al-Jubouri");
    second["reporter"]["relationship"] = json!("brother");
    submitted(&app, &second).await;
    // His cousin: same grandfather, different given and father names.
    submitted(&app, &report("مصطفى", "كريم", "حسين", "committee")).await;

    let worker = signed_in(&app, "cw@example.org", &[Role::Caseworker]).await;
    let auth = bearer(&worker.token);
    let ids = case_ids(&app, &auth).await;
    let (cousin, second, first) = (ids[0], ids[1], ids[2]);
    let found = json(
        app.authorized(
            "POST",
            &format!("/api/v1/cases/{second}/matches/refresh"),
            &auth,
            None,
        )
        .await,
    )
    .await;
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["other_id"], first);
    assert!(found[0]["score"].as_u64().unwrap() >= 70, "{found:?}");
    assert_eq!(found[0]["state"], "open");
    let reasons = found[0]["reasons"].to_string();
    assert!(
        reasons.contains("mother") || reasons.contains("Mother"),
        "{reasons}"
    );
    // Shown on both cases.
    let first_detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{first}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(first_detail["matches"][0]["other_id"], second);
    let cousin_detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{cousin}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(cousin_detail["matches"], json!([]));

    // Search finds the Arabic case from a Latin spelling, and the other way round.
    for query in ["Ahmad Ali", "أحمد علي", "AHMED"] {
        let page = json(
            app.authorized(
                "GET",
                &format!("/api/v1/cases/search?q={}", urlencode(query)),
                &auth,
                None,
            )
            .await,
        )
        .await;
        let hits: Vec<i64> = page["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        assert!(
            hits.contains(&first) && hits.contains(&second),
            "{query}: {hits:?}"
        );
        assert!(!hits.contains(&cousin), "{query}: {hits:?}");
    }

    // Merging keeps both cases: the duplicate is closed and points at the one kept.
    let merged = app
        .authorized(
            "PUT",
            &format!("/api/v1/cases/{first}/matches/{second}"),
            &auth,
            Some(json!({ "decision": "merge" })),
        )
        .await;
    assert_eq!(merged.status(), 204);
    let duplicate = json(
        app.authorized("GET", &format!("/api/v1/cases/{second}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(duplicate["status"], "closed");
    assert_eq!(duplicate["close_reason"], "duplicate");
    assert_eq!(duplicate["merged_into"], first);
    assert_eq!(duplicate["matches"][0]["state"], "merged");
    assert!(duplicate["record"].is_object(), "merged, not deleted");
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[actix_web::test]
async fn reports_arriving_together_while_duplicates_are_searched_are_all_stored() {
    let app = spawn_app().await;
    let body = report("أحمد", "علي", "حسين", "committee");
    // Every report finds the earlier ones as duplicates in the background while the next ones
    // are being written.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let sends = (0..8).map(|_| app.client.post(app.url("/api/v1/cases")).json(&body).send());
        for response in futures_util::future::join_all(sends).await {
            statuses.push(response.unwrap().status().as_u16());
        }
    }
    assert_eq!(statuses, vec![201; 24]);
}

#[actix_web::test]
async fn deceased_needs_an_admin_or_a_second_caseworker() {
    let app = spawn_app().await;
    submitted(&app, &report("حسن", "جاسم", "محمد", "committee")).await;
    let first = signed_in(&app, "a@example.org", &[Role::Caseworker]).await;
    let second = signed_in(&app, "b@example.org", &[Role::Caseworker]).await;
    let id = case_ids(&app, &bearer(&first.token)).await[0];
    let path = format!("/api/v1/cases/{id}/status");
    let deceased = json!({ "status": "deceased" });
    let proposed = json(
        app.authorized("PUT", &path, &bearer(&first.token), Some(deceased.clone()))
            .await,
    )
    .await;
    assert_eq!(proposed, json!({ "applied": false, "status": "reported" }));
    let again = json(
        app.authorized("PUT", &path, &bearer(&first.token), Some(deceased.clone()))
            .await,
    )
    .await;
    assert_eq!(
        again["applied"], false,
        "the same caseworker cannot confirm"
    );
    let confirmed = json(
        app.authorized("PUT", &path, &bearer(&second.token), Some(deceased.clone()))
            .await,
    )
    .await;
    assert_eq!(confirmed, json!({ "applied": true, "status": "deceased" }));

    submitted(&app, &report("علي", "جاسم", "محمد", "committee")).await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let other = case_ids(&app, &bearer(&admin.token)).await[0];
    let applied = json(
        app.authorized(
            "PUT",
            &format!("/api/v1/cases/{other}/status"),
            &bearer(&admin.token),
            Some(deceased),
        )
        .await,
    )
    .await;
    assert_eq!(applied["applied"], true);
}

async fn export(app: &TestApp, auth: &str, recipient: &str) -> String {
    let response = app
        .authorized(
            "GET",
            &format!("/api/v1/pfif?recipient={recipient}"),
            auth,
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

async fn import(app: &TestApp, auth: &str, xml: &str) -> Value {
    let response = app
        .client
        .post(app.url("/api/v1/pfif"))
        .header("Authorization", auth)
        .header("Content-Type", "application/xml")
        .body(xml.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body = json(response).await;
    assert_eq!(status, 200, "{body}");
    body
}

fn ids_in(xml: &str, element: &str) -> Vec<String> {
    let open = format!("<pfif:{element}>");
    let close = format!("</pfif:{element}>");
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| rest.split(&close).next())
        .map(str::to_owned)
        .collect()
}

#[actix_web::test]
async fn pfif_export_respects_consent_and_round_trips_without_duplicates() {
    let app = spawn_app().await;
    submitted(&app, &report("أحمد", "علي", "حسين", "committee")).await;
    submitted(&app, &report("هيمن", "كاروان", "رشيد", "humanitarian")).await;
    let worker = signed_in(&app, "cw@example.org", &[Role::Caseworker]).await;
    let auth = bearer(&worker.token);
    let humanitarian_id = case_ids(&app, &auth).await[0];
    app.authorized(
        "POST",
        &format!("/api/v1/cases/{humanitarian_id}/notes"),
        &auth,
        Some(json!({ "text": "Family says he called from Rostov." })),
    )
    .await;

    let committee = export(&app, &auth, "committee").await;
    let humanitarian = export(&app, &auth, "humanitarian").await;
    // Notes repeat their person's id, so persons are counted by name.
    assert_eq!(ids_in(&committee, "full_name").len(), 2);
    let shared = ids_in(&humanitarian, "full_name");
    assert_eq!(shared.len(), 1, "only the case whose family allowed it");
    assert!(humanitarian.contains("هيمن") && !humanitarian.contains("أحمد"));
    assert!(humanitarian.contains("xmlns:pfif=\"http://zesty.ca/pfif/1.4\""));
    assert!(humanitarian.contains("<pfif:expiry_date>"));
    assert!(humanitarian.contains("<pfif:status>believed_missing</pfif:status>"));
    let bad = app
        .authorized("GET", "/api/v1/pfif?recipient=everyone", &auth, None)
        .await;
    assert_eq!(bad.status(), 400);

    // Into a fresh installation, and out again: the same records.
    let other = spawn_app().await;
    let other_worker = signed_in(&other, "cw@example.org", &[Role::Caseworker]).await;
    let other_auth = bearer(&other_worker.token);
    let first = import(&other, &other_auth, &committee).await;
    assert_eq!(
        first,
        json!({ "created": 2, "updated": 0, "notes_added": 1, "skipped": 0 })
    );
    let again = import(&other, &other_auth, &committee).await;
    assert_eq!(
        again,
        json!({ "created": 0, "updated": 0, "notes_added": 0, "skipped": 0 }),
        "a second import changes nothing"
    );
    let round_trip = export(&other, &other_auth, "committee").await;
    for element in [
        "person_record_id",
        "note_record_id",
        "full_name",
        "text",
        "sex",
    ] {
        let mut before = ids_in(&committee, element);
        let mut after = ids_in(&round_trip, element);
        before.sort();
        after.sort();
        assert_eq!(before, after, "{element}");
    }
    // Our own records coming back from a partner update the case instead of copying it.
    let back = import(&app, &auth, &round_trip).await;
    assert_eq!(back["created"], 0, "{back}");
}

#[actix_web::test]
async fn a_document_from_another_system_is_read_and_unused_fields_ignored() {
    let app = spawn_app().await;
    let worker = signed_in(&app, "cw@example.org", &[Role::Caseworker]).await;
    let auth = bearer(&worker.token);
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4" xmlns:x="http://partner.example/ext">
  <pfif:person>
    <pfif:person_record_id>icrc.example.org/p-1001</pfif:person_record_id>
    <pfif:entry_date>2026-04-01T10:00:00Z</pfif:entry_date>
    <pfif:expiry_date>2027-04-01T10:00:00Z</pfif:expiry_date>
    <pfif:author_name>Tracing Officer</pfif:author_name>
    <pfif:source_name>icrc.example.org</pfif:source_name>
    <pfif:source_date>2026-04-01T09:00:00Z</pfif:source_date>
    <pfif:source_url>https://icrc.example.org/p-1001</pfif:source_url>
    <pfif:full_name>Mohammed Jasim Kadhim</pfif:full_name>
    <pfif:given_name>Mohammed</pfif:given_name>
    <pfif:sex>male</pfif:sex>
    <pfif:age>24</pfif:age>
    <pfif:home_country>IQ</pfif:home_country>
    <pfif:photo_url>https://icrc.example.org/photo.jpg</pfif:photo_url>
    <pfif:profile_urls>https://social.example/mjk</pfif:profile_urls>
    <x:internal_flag>reviewed</x:internal_flag>
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
    let imported = import(&app, &auth, xml).await;
    assert_eq!(
        imported,
        json!({ "created": 1, "updated": 0, "notes_added": 1, "skipped": 0 })
    );
    let id = case_ids(&app, &auth).await[0];
    let detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{id}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(detail["record"]["names"]["given"], "Mohammed");
    assert_eq!(detail["record"]["names"]["father"], "Jasim");
    assert_eq!(detail["record"]["age"], 24);
    assert_eq!(detail["notes"][0]["status"], "located_alive");
    assert_eq!(
        detail["status"], "reported",
        "a partner's note only suggests a status"
    );
    assert_eq!(detail["consent"], "committee");
    // Search works on imported cases too, in Arabic letters.
    let page = json(
        app.authorized(
            "GET",
            &format!("/api/v1/cases/search?q={}", urlencode("محمد جاسم")),
            &auth,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(page["cases"][0]["id"], id);

    for broken in ["not xml", "<other/>", "<pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\"><pfif:person><pfif:full_name>x</pfif:full_name></pfif:person></pfif:pfif>"] {
        let response = app
            .client
            .post(app.url("/api/v1/pfif"))
            .header("Authorization", &auth)
            .body(broken)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{broken}");
    }
}

#[actix_web::test]
async fn an_imported_case_is_compared_with_the_others_as_a_report_is() {
    let app = spawn_app().await;
    submitted(&app, &report("أحمد", "علي", "حسين", "committee")).await;
    let worker = signed_in(&app, "cw@example.org", &[Role::Caseworker]).await;
    let auth = bearer(&worker.token);
    let reported = case_ids(&app, &auth).await[0];
    // The same young man in a partner's file, spelled the way his brother would.
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>icrc.example.org/p-2002</pfif:person_record_id>
    <pfif:entry_date>2026-04-01T10:00:00Z</pfif:entry_date>
    <pfif:source_date>2026-04-01T09:00:00Z</pfif:source_date>
    <pfif:full_name>احمد على حسين الجبورى</pfif:full_name>
    <pfif:given_name>احمد</pfif:given_name>
    <pfif:home_country>IQ</pfif:home_country>
  </pfif:person>
</pfif:pfif>"#;
    let imported = import(&app, &auth, xml).await;
    assert_eq!(imported["created"], 1, "{imported}");
    let ids = case_ids(&app, &auth).await;
    let partner = ids[0];
    assert_ne!(partner, reported);
    // Found without anyone pressing "refresh", and shown on both cases.
    for (case, other) in [(partner, reported), (reported, partner)] {
        let detail = json(
            app.authorized("GET", &format!("/api/v1/cases/{case}"), &auth, None)
                .await,
        )
        .await;
        assert_eq!(
            detail["matches"][0]["other_id"], other,
            "{}",
            detail["matches"]
        );
    }
}

#[actix_web::test]
async fn closed_cases_lose_their_personal_data_after_the_retention_period() {
    let app = spawn_app().await;
    let (number, receipt) = submitted(&app, &report("زينب", "كريم", "عباس", "committee")).await;
    let worker = signed_in(&app, "cw@example.org", &[Role::Caseworker]).await;
    let auth = bearer(&worker.token);
    let id = case_ids(&app, &auth).await[0];
    let closed = app
        .authorized(
            "PUT",
            &format!("/api/v1/cases/{id}/status"),
            &auth,
            Some(json!({ "status": "closed", "reason": "resolved" })),
        )
        .await;
    assert_eq!(closed.status(), 200);
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    use sanad_backend::schema::cases;
    // Recently closed: kept.
    assert_eq!(
        sanad_backend::cases::retention_pass(&mut conn, &app.audit_seal(), 730).unwrap(),
        0
    );
    let three_years_ago = sanad_backend::audit::now_ms() - 3 * 365 * 24 * 3600 * 1000;
    diesel::update(cases::table.find(id))
        .set(cases::closed_at_ms.eq(Some(three_years_ago)))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        sanad_backend::cases::retention_pass(&mut conn, &app.audit_seal(), 730).unwrap(),
        1
    );
    let detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{id}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(detail["case_number"], number.as_str());
    assert_eq!(detail["record"], Value::Null);
    assert!(detail["wiped_on"].is_string());
    assert_eq!(detail["messages"], json!([]));
    // The receipt no longer opens anything.
    let opened = open(&app, &receipt).await;
    assert_eq!(opened.status(), 404);
}
