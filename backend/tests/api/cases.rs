//! Missing-person cases over HTTP: the family's report and follow-up, duplicates, caseworkers'
//! list, search, notes and statuses, retention (PFIF exchange: `exchange.rs`).

use diesel::prelude::*;
use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{
    json, legacy_receipt_hash, signed_in, spawn_app, store_receipt_hash, stored_receipt_hashes,
    TestApp,
};

pub(crate) fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

pub(crate) fn report(given: &str, father: &str, grandfather: &str, consent: &str) -> Value {
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

pub(crate) async fn submitted(app: &TestApp, body: &Value) -> (String, String) {
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

pub(crate) use crate::helpers::open_receipt as open;

/// Every case's id, the newest first (the queue itself orders by priority, then age).
pub(crate) async fn case_ids(app: &TestApp, auth: &str) -> Vec<i64> {
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

/// Families' messages arriving together are written together (one statement per batch on
/// PostgreSQL): each lands in its own case, in the order each family sent them, and a message
/// for a case that is gone is refused without taking the others with it.
#[actix_web::test]
async fn families_messages_sent_at_the_same_moment_each_reach_their_own_case() {
    let app = spawn_app().await;
    let mut tokens = Vec::new();
    for given in ["أحمد", "كريم", "حيدر", "مصطفى"] {
        let (_, receipt) = submitted(&app, &report(given, "علي", "حسين", "committee")).await;
        tokens.push(
            crate::helpers::follow_up_token(&app, &receipt)
                .await
                .unwrap(),
        );
    }
    // The last case goes, as retention would take it.
    {
        let mut conn = app.pool().get().unwrap();
        diesel::sql_query("DELETE FROM cases WHERE id = (SELECT MAX(id) FROM cases)")
            .execute(&mut conn)
            .unwrap();
    }
    let send = |token: String, body: String| {
        let app = &app;
        async move {
            app.authorized(
                "POST",
                "/api/v1/follow-up/case/messages",
                &bearer(&token),
                Some(json!({ "body": body })),
            )
            .await
        }
    };
    for round in 0..3 {
        let sends = tokens
            .iter()
            .enumerate()
            .map(|(n, token)| send(token.clone(), format!("رسالة {round} عن الحالة {n}")));
        let mut statuses = Vec::new();
        for response in futures_util::future::join_all(sends).await {
            let status = response.status().as_u16();
            statuses.push((status, json(response).await["error"].clone()));
        }
        assert_eq!(
            statuses,
            [
                (201, Value::Null),
                (201, Value::Null),
                (201, Value::Null),
                (401, json!("follow_up_expired"))
            ],
            "round {round}"
        );
    }
    for (n, token) in tokens.iter().take(3).enumerate() {
        let view = json(
            app.authorized("GET", "/api/v1/follow-up/case", &bearer(token), None)
                .await,
        )
        .await;
        let bodies: Vec<&str> = view["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["body"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = (0..3)
            .map(|round| format!("رسالة {round} عن الحالة {n}"))
            .collect();
        assert_eq!(bodies, expected);
    }
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
    assert_eq!(found[0]["label"], "likely");
    assert_eq!(found[0]["marks"]["given"], "same");
    assert_eq!(
        found[0]["marks"]["father"], "same",
        "علي and على are one spelling"
    );
    assert_eq!(found[0]["marks"]["family"], "same", "الجبوري and الجبورى");
    assert_eq!(found[0]["marks"]["mother"], "same");
    assert_eq!(found[0]["marks"]["phones"], "same");
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

    // Merging asks why, keeps both cases: the duplicate is closed and points at the one kept.
    let decide = |decision: Value| {
        let app = &app;
        let auth = auth.clone();
        async move {
            app.authorized(
                "PUT",
                &format!("/api/v1/cases/{first}/matches/{second}"),
                &auth,
                Some(decision),
            )
            .await
            .status()
        }
    };
    assert_eq!(decide(json!({ "decision": "merge" })).await, 400);
    assert_eq!(
        decide(json!({ "decision": "merge", "reason": "  " })).await,
        400
    );
    assert_eq!(
        decide(json!({ "decision": "unmerge" })).await,
        409,
        "nothing to undo"
    );
    let reason = "Same mother, same phone; the brother's report gives his passport name.";
    assert_eq!(
        decide(json!({ "decision": "merge", "reason": reason })).await,
        204
    );
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
    assert_eq!(
        decide(json!({ "decision": "dismiss" })).await,
        409,
        "unmerge first"
    );
    assert_eq!(
        decide(json!({ "decision": "merge", "reason": reason })).await,
        409
    );

    // Unmerging restores both as they were, and both steps are in the audit trail.
    assert_eq!(decide(json!({ "decision": "unmerge" })).await, 204);
    let restored = json(
        app.authorized("GET", &format!("/api/v1/cases/{second}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(restored["status"], "reported");
    assert_eq!(restored["close_reason"], Value::Null);
    assert_eq!(restored["merged_into"], Value::Null);
    assert_eq!(restored["matches"][0]["state"], "open");
    let mut conn = app.pool().get().unwrap();
    use sanad_backend::schema::audit_log;
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::action.eq_any(["case_merged", "case_unmerged"]))
        .order(audit_log::seq.asc())
        .select(audit_log::action)
        .load(&mut conn)
        .unwrap();
    assert_eq!(actions, ["case_merged", "case_unmerged"]);
    assert_eq!(decide(json!({ "decision": "dismiss" })).await, 204);
}

pub(crate) fn urlencode(text: &str) -> String {
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

async fn search_hits(app: &TestApp, auth: &str, query: &str) -> Vec<i64> {
    let page = json(
        app.authorized(
            "GET",
            &format!("/api/v1/cases/search?q={}", urlencode(query)),
            auth,
            None,
        )
        .await,
    )
    .await;
    page["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect()
}

#[actix_web::test]
async fn a_father_and_son_with_swapped_names_are_not_offered_as_one_person() {
    let app = spawn_app().await;
    // Same family, mother's name and phone (one household), given and father's names swapped.
    submitted(&app, &report("علي", "حسين", "كاظم", "committee")).await;
    submitted(&app, &report("حسين", "علي", "كاظم", "committee")).await;
    let auth = bearer(
        &signed_in(&app, "cw@example.org", &[Role::Caseworker])
            .await
            .token,
    );
    let ids = case_ids(&app, &auth).await;
    let (son, father) = (ids[0], ids[1]);
    // A pair an earlier matcher offered stays offered only while it still matches.
    {
        use sanad_backend::schema::case_matches;
        let mut conn = app.pool().get().unwrap();
        diesel::insert_into(case_matches::table)
            .values((
                case_matches::case_id.eq(father.min(son)),
                case_matches::other_id.eq(father.max(son)),
                case_matches::score.eq(50),
                case_matches::reasons.eq("[]"),
                case_matches::state.eq("open"),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let found = json(
        app.authorized(
            "POST",
            &format!("/api/v1/cases/{son}/matches/refresh"),
            &auth,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(found, json!([]), "swapped names are two people");
    let detail = json(
        app.authorized("GET", &format!("/api/v1/cases/{father}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(detail["matches"], json!([]));
}

#[actix_web::test]
async fn cases_stored_under_older_matching_rules_get_their_name_keys_again() {
    let app = spawn_app().await;
    let mut body = report("أحمد", "محمد", "علي", "committee");
    body["names"]["family"] = json!("العامري");
    submitted(&app, &body).await;
    let auth = bearer(
        &signed_in(&app, "cw@example.org", &[Role::Caseworker])
            .await
            .token,
    );
    let id = case_ids(&app, &auth).await[0];
    for query in ["Ахмед Мухаммед", "Al-Amiri"] {
        assert_eq!(search_hits(&app, &auth, query).await, [id], "{query}");
    }
    // As if stored before these rules: keys gone, an older version recorded.
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    {
        use sanad_backend::schema::{case_keys, item_words};
        diesel::delete(case_keys::table.filter(case_keys::case_id.eq(id)))
            .execute(&mut conn)
            .unwrap();
        diesel::delete(item_words::table.filter(item_words::item_id.eq(id)))
            .execute(&mut conn)
            .unwrap();
        sanad_backend::settings::set(&mut conn, "case_name_keys_version", "1").unwrap();
    }
    assert_eq!(
        search_hits(&app, &auth, "Al-Amiri").await,
        Vec::<i64>::new()
    );
    let sealer = sanad_backend::crypto::Sealer::load(None, &app.config.data_dir).unwrap();
    let mut passes = 0;
    while sanad_backend::cases::refresh_name_keys(&mut conn, &sealer, 1).unwrap() > 0 {
        passes += 1;
    }
    assert_eq!(passes, 1);
    assert_eq!(
        sanad_backend::settings::get(&mut conn, "case_name_keys_version")
            .unwrap()
            .as_deref(),
        Some(sanad_backend::cases::NAME_KEYS_VERSION)
    );
    for query in ["Ахмед Мухаммед", "Al-Amiri", "العامري"] {
        assert_eq!(search_hits(&app, &auth, query).await, [id], "{query}");
    }
}

#[actix_web::test]
async fn only_a_database_without_cases_is_recorded_as_keyed_with_todays_rules() {
    let app = spawn_app().await;
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    let version = |conn: &mut sanad_backend::db::DbConnection| {
        sanad_backend::settings::get(conn, "case_name_keys_version").unwrap()
    };
    // The start's own pass records the version on an empty database; wait for it to finish.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while version(&mut conn).is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "the start never recorded the version"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let forget = |conn: &mut sanad_backend::db::DbConnection| {
        use sanad_backend::schema::settings;
        diesel::delete(settings::table.find("case_name_keys_version"))
            .execute(conn)
            .unwrap();
    };
    forget(&mut conn);
    assert!(sanad_backend::cases::name_keys_current_when_empty(&mut conn).unwrap());
    assert_eq!(
        version(&mut conn).as_deref(),
        Some(sanad_backend::cases::NAME_KEYS_VERSION)
    );

    submitted(&app, &report("أحمد", "محمد", "علي", "committee")).await;
    forget(&mut conn);
    assert!(!sanad_backend::cases::name_keys_current_when_empty(&mut conn).unwrap());
    assert_eq!(
        version(&mut conn),
        None,
        "a stored case may carry older keys"
    );
}

#[actix_web::test]
async fn a_duplicate_is_found_behind_hundreds_of_newer_reports_sharing_one_of_its_keys() {
    use sanad_backend::cases::{self as store, CheckedCase};
    use sanad_shared::cases::{CaseRecord, Consent, PersonNames};
    let app = spawn_app().await;
    submitted(&app, &report("أحمد", "علي", "حسين", "committee")).await;
    // Other young men named Ahmed son of Ali, reported after him: they share his given and
    // father names' key, and there are more of them than the search reads for one key.
    let sealer = app.sealer();
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    sanad_backend::db::write_transaction(&mut conn, |conn| {
        for _ in 0..250 {
            let checked = CheckedCase {
                content: CaseRecord {
                    names: PersonNames {
                        given: "أحمد".into(),
                        father: "علي".into(),
                        grandfather: Some("كاظم".into()),
                        ..PersonNames::default()
                    },
                    reporter_relationship: "mother".into(),
                    reporter_name: "زينب".into(),
                    reporter_phone: "+9647801234568".into(),
                    ..CaseRecord::default()
                },
                governorate: None,
                consent: Consent::Committee,
                departure_on: None,
            };
            let sealed = store::seal_case(&sealer, &checked, None).unwrap();
            while store::insert_case(conn, &sealed, None, &store::new_case_number())
                .unwrap()
                .is_none()
            {}
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
    submitted(&app, &report("أحمد", "علي", "حسين", "government")).await;

    let auth = bearer(
        &signed_in(&app, "cw@example.org", &[Role::Caseworker])
            .await
            .token,
    );
    // The list pages; the two reports are the first and the last stored.
    let (first, second): (Option<i64>, Option<i64>) = {
        use diesel::dsl::{max, min};
        use sanad_backend::schema::cases;
        cases::table
            .select((min(cases::id), max(cases::id)))
            .first(&mut conn)
            .unwrap()
    };
    let (first, second) = (first.unwrap(), second.unwrap());
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
    assert_eq!(found[0]["other_id"], first, "{found}");
    assert_eq!(found[0]["label"], "likely", "{found}");
}

#[actix_web::test]
async fn two_reports_giving_the_same_age_and_no_birth_date_are_born_the_same_year() {
    let app = spawn_app().await;
    for relationship in ["mother", "brother"] {
        let mut body = report("كرار", "حيدر", "جواد", "committee");
        body["date_of_birth"] = Value::Null;
        body["age"] = json!(23);
        body["reporter"]["relationship"] = json!(relationship);
        submitted(&app, &body).await;
    }
    let auth = bearer(
        &signed_in(&app, "cw@example.org", &[Role::Caseworker])
            .await
            .token,
    );
    let ids = case_ids(&app, &auth).await;
    let found = json(
        app.authorized(
            "POST",
            &format!("/api/v1/cases/{}/matches/refresh", ids[0]),
            &auth,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(found[0]["other_id"], ids[1], "{found}");
    assert_eq!(found[0]["marks"]["birth"], "same");
    let reasons = found[0]["reasons"].to_string();
    assert!(
        reasons.contains("same_year") && !reasons.contains("far_apart"),
        "{reasons}"
    );
}
