//! Entities across tips and cases over HTTP: a recruiter's number connects a tip and a case
//! whatever digits it was written in, agency spellings merge and split, independent sources are
//! counted by report, each role sees what it works, the network is bounded and filtered, and
//! reports from before entities were kept are read again at start.

use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{json, signed_in, spawn_app, spawn_with, test_config, Session, TestApp};

async fn call(
    app: &TestApp,
    session: &Session,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let response = app
        .authorized(method, path, &format!("Bearer {}", session.token), body)
        .await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Submits a tip and returns its receipt.
async fn report_tip(app: &TestApp, body: Value) -> String {
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    json(response).await["receipt"].as_str().unwrap().to_owned()
}

async fn report_case(app: &TestApp, recruiter: Option<&str>, recruiter_phones: &[&str]) {
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "governorate": "najaf",
        "recruiter": recruiter,
        "recruiter_phones": recruiter_phones,
        "reporter": { "relationship": "mother", "name": "Fatima", "phone": "07801234567", "language": "ar" },
        "consent": "committee"
    });
    let response = app
        .client
        .post(app.url("/api/v1/cases"))
        .json(&case)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
}

/// The ids of the newest tip and the newest case (one of each kind in these tests, or the
/// latest).
async fn newest(app: &TestApp, admin: &Session, kind: &str) -> i64 {
    let (status, page) = call(app, admin, "GET", &format!("/api/v1/{kind}"), None).await;
    assert_eq!(status, 200, "{page}");
    page[kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_i64().unwrap())
        .max()
        .unwrap()
}

async fn lookup(app: &TestApp, session: &Session, value: &str) -> Vec<Value> {
    let path = format!("/api/v1/entities?value={}", url_escape(value));
    let (status, found) = call(app, session, "GET", &path, None).await;
    assert_eq!(status, 200, "{found}");
    found["entities"].as_array().unwrap().clone()
}

fn url_escape(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn audit_actions(app: &TestApp) -> Vec<(String, String)> {
    use diesel::prelude::*;
    use sanad_backend::schema::audit_log;
    let mut conn = app.pool().get().unwrap();
    audit_log::table
        .order(audit_log::seq.asc())
        .select((audit_log::action, audit_log::object))
        .load(&mut conn)
        .unwrap()
}

#[actix_web::test]
async fn a_tip_and_a_case_naming_one_recruiters_number_in_two_digit_systems_are_connected() {
    let app = spawn_app().await;
    report_tip(
        &app,
        json!({
            "subject": "recruiter",
            "description": "He offers guard jobs abroad",
            "phones": ["٠٧٧٠ ٥٥٥ ١٢٣٤"],
            "governorate": "basra",
        }),
    )
    .await;
    report_case(&app, Some("a man from the office"), &["07705551234"]).await;
    // An unrelated report on each side.
    report_tip(
        &app,
        json!({ "subject": "recruiter", "description": "another", "phones": ["07801112222"] }),
    )
    .await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let (status, tips) = call(&app, &admin, "GET", "/api/v1/tips", None).await;
    assert_eq!(status, 200);
    let tip = tips["tips"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .min()
        .unwrap();
    let case = newest(&app, &admin, "cases").await;

    let (status, connections) = call(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/tips/{tip}/connections"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{connections}");
    assert_eq!(connections["entities"].as_array().unwrap().len(), 1);
    let phone = &connections["entities"][0];
    assert_eq!(phone["kind"], "phone");
    assert_eq!(phone["display"], "+9647705551234");
    assert_eq!(phone["sources"], 2);
    let phone_id = phone["id"].as_i64().unwrap();
    assert_eq!(connections["case_count"], 1);
    assert_eq!(connections["cases"][0]["id"], case);
    assert_eq!(connections["cases"][0]["shared"], json!([phone_id]));
    assert!(connections["cases"][0]["case_number"]
        .as_str()
        .unwrap()
        .starts_with("MP-"));
    assert_eq!(connections["tip_count"], 0);

    let (status, back) = call(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/cases/{case}/connections"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{back}");
    assert_eq!(back["tips"][0]["id"], tip);
    assert_eq!(back["tips"][0]["governorate"], "basra");

    let (status, page) = call(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/entities/{phone_id}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["sources"], 2);
    assert_eq!(
        (page["tip_count"].clone(), page["case_count"].clone()),
        (json!(1), json!(1))
    );
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert_eq!(page["first_seen"], today.as_str());
    assert_eq!(page["last_seen"], today.as_str());
    let governorates: Vec<&str> = page["governorates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["governorate"].as_str().unwrap())
        .collect();
    assert_eq!(governorates.len(), 2);
    assert!(governorates.contains(&"basra") && governorates.contains(&"najaf"));
    // Typed any way, the number finds the entity.
    for typed in ["+964 770 555 1234", "٠٧٧٠٥٥٥١٢٣٤", "009647705551234"] {
        let found = lookup(&app, &admin, typed).await;
        assert_eq!(found.len(), 1, "{typed}");
        assert_eq!(found[0]["id"], phone_id);
    }
    assert!(lookup(&app, &admin, "07809998888").await.is_empty());

    // The network from the tip reaches the case in two steps.
    let (status, network) = call(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/network?tip={tip}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{network}");
    let nodes = network["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3, "{network}");
    assert_eq!(
        (nodes[0]["kind"].clone(), nodes[0]["step"].clone()),
        (json!("tip"), json!(0))
    );
    assert_eq!(nodes[1]["id"], phone_id);
    assert_eq!(nodes[2]["kind"], "case");
    assert_eq!(nodes[2]["step"], 2);
    assert_eq!(network["edges"].as_array().unwrap().len(), 2);
    assert_eq!(network["truncated"], false);
    // A period before anything arrived leaves the tip and its number only.
    let (_, past) = call(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/network?tip={tip}&to=2020-01-01"),
        None,
    )
    .await;
    assert_eq!(past["nodes"].as_array().unwrap().len(), 2, "{past}");

    // The number's own network in that period is the number alone.
    let (status, alone) = call(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/network?entity={phone_id}&to=2020-01-01"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{alone}");
    assert_eq!(alone["nodes"].as_array().unwrap().len(), 1);
    assert_eq!(alone["nodes"][0]["id"], phone_id);

    let actions = audit_actions(&app);
    for (action, object) in [
        ("connections_read", format!("tip:{tip}")),
        ("connections_read", format!("case:{case}")),
        ("entity_read", format!("entity:{phone_id}")),
        ("entity_looked_up", "entities".to_owned()),
        ("network_read", format!("tip:{tip}")),
    ] {
        assert!(
            actions.contains(&(action.to_owned(), object.clone())),
            "{action} {object} not audited"
        );
    }
}

#[actix_web::test]
async fn a_tipsters_repeated_messages_are_one_source_and_a_number_they_add_connects() {
    let app = spawn_app().await;
    let receipt = report_tip(
        &app,
        json!({ "subject": "recruiter", "description": "recruiter", "phones": ["07705551234"] }),
    )
    .await;
    let token = crate::helpers::follow_up_token(&app, &receipt)
        .await
        .expect("the receipt opens");
    for body in [
        "His number again: 0770 555 1234",
        "Please, 07705551234 is still calling boys in our street",
        "He has a new number too: ۰۷۸۰ ۱۱۱ ۲۲۲۲",
    ] {
        let sent = app
            .authorized(
                "POST",
                "/api/v1/follow-up/messages",
                &format!("Bearer {token}"),
                Some(json!({ "body": body })),
            )
            .await;
        assert_eq!(sent.status(), 201);
    }
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let found = lookup(&app, &moderator, "07705551234").await;
    assert_eq!(
        found[0]["sources"], 1,
        "one tipster, however often they say it"
    );
    let added = lookup(&app, &moderator, "07801112222").await;
    assert_eq!(
        added.len(),
        1,
        "the number from a message is an entity of the tip"
    );
    assert_eq!(added[0]["sources"], 1);

    // A second, independent tip is a second source.
    report_tip(
        &app,
        json!({ "subject": "recruiter", "description": "call +964 770 555 1234 for work" }),
    )
    .await;
    let found = lookup(&app, &moderator, "07705551234").await;
    assert_eq!(found[0]["sources"], 2);
    let tip = newest(&app, &moderator, "tips").await;
    let (_, connections) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/tips/{tip}/connections"),
        None,
    )
    .await;
    assert_eq!(connections["tip_count"], 1, "{connections}");
}

#[actix_web::test]
async fn an_agency_in_arabic_and_latin_letters_is_one_after_a_merge_and_two_after_a_split() {
    let app = spawn_app().await;
    report_tip(
        &app,
        json!({ "subject": "agency", "description": "visas for work", "agency": "شركة النور للسفر والسياحة" }),
    )
    .await;
    report_case(&app, Some("Al-Noor Travel Co."), &[]).await;
    report_tip(
        &app,
        json!({ "subject": "agency", "description": "again", "agency": "النور للسفر", "phones": ["07701234567"] }),
    )
    .await;
    let staff = signed_in(
        &app,
        "both@example.org",
        &[Role::Moderator, Role::Caseworker],
    )
    .await;
    let arabic = lookup(&app, &staff, "النور").await;
    let latin = lookup(&app, &staff, "al noor travel").await;
    assert_eq!(arabic.len(), 1, "{arabic:?}");
    assert_eq!(latin.len(), 1, "{latin:?}");
    assert_eq!(
        arabic[0]["sources"], 2,
        "both Arabic spellings are one agency"
    );
    assert_eq!(latin[0]["sources"], 1);
    let (arabic_id, latin_id) = (
        arabic[0]["id"].as_i64().unwrap(),
        latin[0]["id"].as_i64().unwrap(),
    );
    assert_ne!(arabic_id, latin_id);
    let case = newest(&app, &staff, "cases").await;
    let (_, before) = call(
        &app,
        &staff,
        "GET",
        &format!("/api/v1/cases/{case}/connections"),
        None,
    )
    .await;
    assert_eq!(before["tip_count"], 0);

    let merge = |other: i64| Some(json!({ "other": other }));
    let (status, page) = call(
        &app,
        &staff,
        "POST",
        &format!("/api/v1/entities/{arabic_id}/aliases"),
        merge(latin_id),
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["id"], arabic_id);
    assert_eq!(page["sources"], 3);
    assert_eq!(page["aliases"][0]["id"], latin_id);
    assert_eq!(page["aliases"][0]["display"], "Al-Noor Travel Co.");
    assert_eq!(
        (page["tip_count"].clone(), page["case_count"].clone()),
        (json!(2), json!(1))
    );
    // Either spelling now finds the one agency, and its page answers as it.
    assert_eq!(lookup(&app, &staff, "Al Noor").await[0]["id"], arabic_id);
    let (_, through_alias) = call(
        &app,
        &staff,
        "GET",
        &format!("/api/v1/entities/{latin_id}"),
        None,
    )
    .await;
    assert_eq!(through_alias["id"], arabic_id);
    let (_, after) = call(
        &app,
        &staff,
        "GET",
        &format!("/api/v1/cases/{case}/connections"),
        None,
    )
    .await;
    assert_eq!(after["tip_count"], 2, "{after}");
    assert_eq!(after["entities"][0]["id"], arabic_id);

    // Merging again, or merging a number into an agency, is refused with the reason.
    let (status, error) = call(
        &app,
        &staff,
        "POST",
        &format!("/api/v1/entities/{arabic_id}/aliases"),
        merge(latin_id),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(error["error"], "invalid_triage");
    assert_eq!(error["details"][0]["problem"], "already_merged");
    let phone_id = lookup(&app, &staff, "07701234567").await[0]["id"]
        .as_i64()
        .unwrap();
    let (status, error) = call(
        &app,
        &staff,
        "POST",
        &format!("/api/v1/entities/{arabic_id}/aliases"),
        merge(phone_id),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(error["details"][0]["problem"], "not_an_agency");
    let (status, _) = call(
        &app,
        &staff,
        "POST",
        &format!("/api/v1/entities/{arabic_id}/aliases"),
        merge(999_999),
    )
    .await;
    assert_eq!(status, 404);

    let (status, page) = call(
        &app,
        &staff,
        "DELETE",
        &format!("/api/v1/entities/{arabic_id}/aliases/{latin_id}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["aliases"], json!([]));
    assert_eq!(page["sources"], 2);
    assert_eq!(lookup(&app, &staff, "Al Noor").await[0]["id"], latin_id);
    let (_, split) = call(
        &app,
        &staff,
        "GET",
        &format!("/api/v1/cases/{case}/connections"),
        None,
    )
    .await;
    assert_eq!(split["tip_count"], 0);
    let (status, _) = call(
        &app,
        &staff,
        "DELETE",
        &format!("/api/v1/entities/{arabic_id}/aliases/{latin_id}"),
        None,
    )
    .await;
    assert_eq!(status, 404, "no longer a spelling of it");

    let actions = audit_actions(&app);
    assert!(actions.contains(&("entity_merged".into(), format!("entity:{arabic_id}"))));
    assert!(actions.contains(&("entity_split".into(), format!("entity:{arabic_id}"))));
}

#[actix_web::test]
async fn each_role_sees_the_reports_it_works_and_only_counts_the_others() {
    let app = spawn_app().await;
    report_tip(
        &app,
        json!({ "subject": "recruiter", "description": "x", "phones": ["07705551234"] }),
    )
    .await;
    report_case(&app, Some("Abu Haidar"), &["07705551234", "07709990000"]).await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let phone = lookup(&app, &moderator, "07705551234").await[0]["id"]
        .as_i64()
        .unwrap();

    let (status, page) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/entities/{phone}"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(page["tips"].as_array().unwrap().len(), 1);
    assert_eq!(page["cases"], json!([]), "a moderator does not read cases");
    assert_eq!(page["case_count"], 1, "but knows there is one");
    assert_eq!(page["cases_visible"], false);
    let (_, page) = call(
        &app,
        &caseworker,
        "GET",
        &format!("/api/v1/entities/{phone}"),
        None,
    )
    .await;
    assert_eq!(page["tips"], json!([]));
    assert_eq!(page["tip_count"], 1);
    assert_eq!(page["cases"].as_array().unwrap().len(), 1);

    // What only a case names is case content: unknown to a moderator.
    assert!(lookup(&app, &moderator, "07709990000").await.is_empty());
    let only_case = lookup(&app, &caseworker, "07709990000").await[0]["id"]
        .as_i64()
        .unwrap();
    let (status, _) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/entities/{only_case}"),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/network?entity={only_case}"),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(
        &app,
        &editor,
        "GET",
        &format!("/api/v1/entities/{phone}"),
        None,
    )
    .await;
    assert_eq!(status, 403);

    let tip = newest(&app, &moderator, "tips").await;
    let (_, connections) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/tips/{tip}/connections"),
        None,
    )
    .await;
    assert_eq!(connections["cases"], json!([]));
    assert_eq!(connections["case_count"], 1);

    // In the network a moderator sees that a case is there, not which, and not beyond it.
    let (status, network) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/network?entity={phone}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{network}");
    let nodes = network["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3, "the number, the tip and a case: {network}");
    let case_node = nodes.iter().find(|n| n["kind"] == "case").unwrap();
    assert_eq!(case_node["id"], Value::Null);
    assert_eq!(case_node["label"], "");
    // The caseworker's view goes on through the case to its other number and its recruiter.
    let (_, network) = call(
        &app,
        &caseworker,
        "GET",
        &format!("/api/v1/network?entity={phone}"),
        None,
    )
    .await;
    assert_eq!(network["nodes"].as_array().unwrap().len(), 5, "{network}");
    let case = newest(&app, &caseworker, "cases").await;
    let (status, _) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/network?case={case}"),
        None,
    )
    .await;
    assert_eq!(status, 403);
}

#[actix_web::test]
async fn each_role_reads_an_agency_as_its_own_kind_of_report_wrote_it() {
    let app = spawn_app().await;
    report_tip(
        &app,
        json!({ "subject": "agency", "description": "x", "agency": "مكتب الفرات" }),
    )
    .await;
    // The family's words: another spelling of the same agency, with a number beside it, and the
    // missing person's own account, which is not the recruiter's.
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "recruiter": "شركة الفرات للسفر 07709990000",
        "accounts": [{ "platform": "instagram", "handle": "ahmed.ali.2007" }],
        "reporter": { "relationship": "mother", "name": "Fatima", "phone": "07801234567", "language": "ar" },
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
    let as_moderator = lookup(&app, &moderator, "الفرات").await;
    let as_caseworker = lookup(&app, &caseworker, "الفرات").await;
    assert_eq!(as_moderator[0]["id"], as_caseworker[0]["id"], "one agency");
    assert_eq!(
        as_moderator[0]["display"], "مكتب الفرات",
        "the tip's spelling"
    );
    assert_eq!(
        as_caseworker[0]["display"], "شركة الفرات للسفر",
        "the family's, without the number"
    );
    assert_eq!(as_moderator[0]["sources"], 2);
    assert!(
        lookup(&app, &caseworker, "https://instagram.com/ahmed.ali.2007")
            .await
            .is_empty()
    );
}

#[actix_web::test]
async fn bad_questions_get_clear_errors() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    for (path, field) in [
        ("/api/v1/network", "centre"),
        ("/api/v1/network?tip=1&case=1", "centre"),
        ("/api/v1/network?tip=1&from=yesterday", "from"),
        ("/api/v1/network?tip=1&from=2026-05-01&to=2026-04-01", "to"),
        ("/api/v1/entities?value=%20", "value"),
    ] {
        let (status, error) = call(&app, &admin, "GET", path, None).await;
        assert_eq!(status, 400, "{path}: {error}");
        assert_eq!(error["error"], "invalid_triage", "{path}");
        assert_eq!(error["details"][0]["field"], field, "{path}");
    }
    for path in [
        "/api/v1/entities/424242",
        "/api/v1/network?entity=424242",
        "/api/v1/network?tip=424242",
        "/api/v1/tips/424242/connections",
        "/api/v1/cases/424242/connections",
    ] {
        let (status, error) = call(&app, &admin, "GET", path, None).await;
        assert_eq!(status, 404, "{path}: {error}");
        assert_eq!(error["error"], "not_found");
    }
    let (status, _) = call(&app, &admin, "GET", "/api/v1/network?tip=abc", None).await;
    assert_eq!(status, 400);
}

#[actix_web::test]
async fn reports_from_before_entities_were_kept_are_read_again_at_start() {
    let (config, data_dir, postgres) = test_config();
    let app = spawn_with(config.clone(), data_dir, postgres).await;
    report_tip(
        &app,
        json!({ "subject": "recruiter", "description": "x", "phones": ["07705551234"], "agency": "مكتب الفرات" }),
    )
    .await;
    report_case(&app, None, &["07705551234"]).await;
    // As the migration leaves a database from before: nothing recorded, everything waiting.
    {
        use diesel::prelude::*;
        use sanad_backend::schema::{cases, entities, entity_backlog, entity_mentions, tips};
        let mut conn = app.pool().get().unwrap();
        diesel::delete(entity_mentions::table)
            .execute(&mut conn)
            .unwrap();
        diesel::delete(entities::table).execute(&mut conn).unwrap();
        let tip: i64 = tips::table.select(tips::id).first(&mut conn).unwrap();
        let case: i64 = cases::table.select(cases::id).first(&mut conn).unwrap();
        for (kind, id) in [("tip", tip), ("case", case)] {
            diesel::insert_into(entity_backlog::table)
                .values((
                    entity_backlog::kind.eq(kind),
                    entity_backlog::item_id.eq(id),
                ))
                .execute(&mut conn)
                .unwrap();
        }
    }
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    assert!(lookup(&app, &admin, "07705551234").await.is_empty());

    // A second server on the same database, as after an upgrade, reads them again.
    let restarted = sanad_backend::startup::Application::build(app.config.clone())
        .await
        .unwrap();
    let base = restarted.url();
    actix_web::rt::spawn(restarted.run_until_stopped());
    let at_restarted = |value: &str| {
        let request = app
            .client
            .get(format!(
                "{base}/api/v1/entities?value={}",
                url_escape(value)
            ))
            .header("Authorization", format!("Bearer {}", admin.token));
        async move {
            let found: Value = request.send().await.unwrap().json().await.unwrap();
            found["entities"].as_array().unwrap().clone()
        }
    };
    let mut sources = Value::Null;
    for _ in 0..100 {
        let found = at_restarted("07705551234").await;
        if let Some(first) = found.first() {
            sources = first["sources"].clone();
            if sources == 2 {
                break;
            }
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(sources, 2);
    assert_eq!(at_restarted("الفرات").await.len(), 1);
    let waiting: i64 = {
        use diesel::prelude::*;
        use sanad_backend::schema::entity_backlog;
        let mut conn = app.pool().get().unwrap();
        entity_backlog::table.count().get_result(&mut conn).unwrap()
    };
    assert_eq!(waiting, 0);
}

#[actix_web::test]
async fn a_network_exports_as_followthemoney_entities_and_links() {
    let app = spawn_app().await;
    report_tip(
        &app,
        json!({ "subject": "agency", "description": "x", "phones": ["07705551234"], "agency": "مكتب الفرات",
                "accounts": [{ "platform": "telegram", "handle": "@furat_jobs" }] }),
    )
    .await;
    report_tip(
        &app,
        json!({ "subject": "agency", "description": "y", "phones": ["07705551234"], "agency": "مكتب الفرات" }),
    )
    .await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let phone = lookup(&app, &admin, "07705551234").await[0]["id"]
        .as_i64()
        .unwrap();
    let response = app
        .authorized(
            "GET",
            &format!("/api/v1/network/export?entity={phone}"),
            &format!("Bearer {}", admin.token),
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .ends_with(".ftm.json\""));
    let text = response.text().await.unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let schema_of = |schema: &str| lines.iter().filter(|e| e["schema"] == schema).count();
    assert_eq!(schema_of("LegalEntity"), 1, "{text}");
    assert_eq!(schema_of("UserAccount"), 1);
    assert_eq!(schema_of("Organization"), 1);
    assert_eq!(
        schema_of("UnknownLink"),
        3,
        "number-agency, number-account, agency-account"
    );
    let phone_entity = lines.iter().find(|e| e["schema"] == "LegalEntity").unwrap();
    assert_eq!(
        phone_entity["properties"]["phone"],
        json!(["+9647705551234"])
    );
    let account = lines.iter().find(|e| e["schema"] == "UserAccount").unwrap();
    assert_eq!(account["properties"]["service"], json!(["telegram"]));
    assert_eq!(account["properties"]["username"], json!(["furat_jobs"]));
    let strongest = lines
        .iter()
        .filter(|e| e["schema"] == "UnknownLink")
        .find(|e| {
            e["properties"]["summary"][0]
                .as_str()
                .unwrap()
                .contains(" 2 ")
        })
        .expect("the number and the agency are named together twice");
    let ends = [
        strongest["properties"]["subject"][0].as_str().unwrap(),
        strongest["properties"]["object"][0].as_str().unwrap(),
    ];
    assert!(ends.contains(&phone_entity["id"].as_str().unwrap()));
    // Nothing of the tips themselves leaves.
    assert!(!text.contains("\"x\"") && !text.contains("sanad-tip-"));
    assert!(audit_actions(&app).contains(&("network_exported".into(), format!("entity:{phone}"))));
}
