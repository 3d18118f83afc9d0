//! Triage over HTTP, for tips and cases: priority with its reasons, the queue's order and
//! filters, first look and overdue marks, assignment (with its mail), labels, internal notes,
//! bulk changes, presence and the refusal of a change made on a stale view; each change audited.

use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::{
    helpers::{json, signed_in, spawn_app, spawn_with, test_config, Session, TestApp},
    smtp::SmtpSink,
};

fn bearer(session: &Session) -> String {
    format!("Bearer {}", session.token)
}

/// A tip, with what the priority rules look at.
fn tip(description: &str, phone: Option<&str>, departure_on: Option<&str>, minor: bool) -> Value {
    json!({
        "subject": "recruiter",
        "description": description,
        "phones": phone.map(|p| vec![p]).unwrap_or_default(),
        "governorate": "basra",
        "departure_on": departure_on,
        "minor_involved": minor,
    })
}

async fn submit(app: &TestApp, body: &Value) {
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
}

async fn call(
    app: &TestApp,
    session: &Session,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let response = app.authorized(method, path, &bearer(session), body).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn queue(app: &TestApp, session: &Session, query: &str) -> Vec<Value> {
    let (status, page) = call(app, session, "GET", &format!("/api/v1/tips{query}"), None).await;
    assert_eq!(status, 200, "{page}");
    page["tips"].as_array().unwrap().clone()
}

fn ids(tips: &[Value]) -> Vec<i64> {
    tips.iter().map(|t| t["id"].as_i64().unwrap()).collect()
}

/// A day `days` from today, as the forms send it.
fn day_from_today(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
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
async fn the_queue_puts_a_departure_this_week_a_minor_and_linked_tips_first_and_says_why() {
    let app = spawn_app().await;
    submit(&app, &tip("an ordinary tip", None, None, false)).await;
    submit(
        &app,
        &tip("leaves on Friday", None, Some(&day_from_today(3)), false),
    )
    .await;
    // Arabic-Indic digits in the departure day are read like any other.
    let arabic_day = day_from_today(20)
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| "٠١٢٣٤٥٦٧٨٩".chars().nth(d as usize).unwrap())
        })
        .collect::<String>();
    submit(
        &app,
        &tip(
            "leaves in three weeks, a minor",
            None,
            Some(&arabic_day),
            true,
        ),
    )
    .await;
    submit(
        &app,
        &tip("shares a phone", Some("0770 123 4567"), None, false),
    )
    .await;
    submit(
        &app,
        &tip("shares it too", Some("+964 770 123 4567"), None, false),
    )
    .await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;

    let tips = queue(&app, &moderator, "").await;
    let order: Vec<&str> = tips
        .iter()
        .map(|t| t["triage"]["level"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["high", "high", "low", "low", "low"], "{tips:#?}");
    let [ordinary, friday, minor, linked_a, linked_b] = {
        let mut all = ids(&tips);
        all.sort_unstable();
        [all[0], all[1], all[2], all[3], all[4]]
    };
    // Friday: +40; the minor: +30 (three weeks away counts for nothing yet); the two that share
    // a phone: +5 each, older first; then the rest.
    assert_eq!(ids(&tips), [friday, minor, linked_a, linked_b, ordinary]);
    assert_eq!(
        tips[0]["triage"]["reasons"],
        json!([{ "rule": "departure_soon", "days": 3 }])
    );
    assert_eq!(tips[1]["triage"]["reasons"], json!([{ "rule": "minor" }]));
    assert_eq!(
        tips[2]["triage"]["reasons"],
        json!([{ "rule": "linked", "count": 1 }])
    );
    assert_eq!(tips[4]["triage"]["reasons"], json!([]));
    assert_eq!(tips[1]["triage"]["departure_on"], json!(day_from_today(20)));

    // Filters combine, and bad ones are refused with a field, not ignored.
    assert_eq!(
        ids(&queue(&app, &moderator, "?priority=high").await),
        [friday, minor]
    );
    assert_eq!(
        ids(&queue(&app, &moderator, "?linked=true").await),
        [linked_a, linked_b]
    );
    assert_eq!(
        ids(&queue(&app, &moderator, "?linked=false&priority=low").await),
        [ordinary]
    );
    let (status, body) = call(
        &app,
        &moderator,
        "GET",
        "/api/v1/tips?priority=extreme",
        None,
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_triage"))
    );
    assert_eq!(body["details"][0]["field"], "priority");
    let (status, _) = call(
        &app,
        &moderator,
        "GET",
        "/api/v1/tips?from=2026-13-01",
        None,
    )
    .await;
    assert_eq!(status, 400);

    // Pages follow the same order.
    let (_, first) = call(&app, &moderator, "GET", "/api/v1/tips?limit=2", None).await;
    assert_eq!(ids(first["tips"].as_array().unwrap()), [friday, minor]);
    assert_eq!(first["next_page"], 2);
    let (_, last) = call(&app, &moderator, "GET", "/api/v1/tips?limit=2&page=3", None).await;
    assert_eq!(ids(last["tips"].as_array().unwrap()), [ordinary]);
    assert_eq!(last["next_page"], Value::Null);

    // A bad departure day is the tipster's problem to fix, with the field named.
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&tip("x", None, Some("2026-02-30"), false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(json(response).await["details"][0]["field"], "departure_on");
}

#[actix_web::test]
async fn links_past_the_fifth_are_counted_and_shown_though_the_score_stops_at_five() {
    let app = spawn_app().await;
    for n in 0..7 {
        submit(
            &app,
            &tip(&format!("tip {n}"), Some("0770 555 0101"), None, false),
        )
        .await;
    }
    submit(&app, &tip("names nobody", None, None, false)).await;
    // A family reports the same number: a case links to the tips through phones too.
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "phones": ["07705550101"],
        "reporter": { "relationship": "mother", "name": "Fatima", "phone": "07801234567", "language": "ar" },
        "consent": "committee"
    });
    crate::cases::submitted(&app, &case).await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;

    // Each of the seven tips shares the number with six tips and the case; the score counts
    // five of them.
    let tips = queue(&app, &moderator, "?linked=true").await;
    assert_eq!(tips.len(), 7, "{tips:#?}");
    for listed in &tips {
        assert_eq!(
            listed["triage"]["reasons"],
            json!([{ "rule": "linked", "count": 7 }]),
            "{listed:#}"
        );
        assert_eq!(listed["triage"]["priority"], 25, "{listed:#}");
        let id = listed["id"].as_i64().unwrap();
        let (status, detail) =
            call(&app, &moderator, "GET", &format!("/api/v1/tips/{id}"), None).await;
        assert_eq!(status, 200, "{detail}");
        assert_eq!(
            detail["triage"]["reasons"],
            json!([{ "rule": "linked", "count": 7 }])
        );
    }
    assert_eq!(
        queue(&app, &moderator, "?linked=false").await[0]["triage"]["reasons"],
        json!([])
    );
    let (_, page) = call(&app, &caseworker, "GET", "/api/v1/cases", None).await;
    assert_eq!(
        page["cases"][0]["triage"]["reasons"],
        json!([{ "rule": "linked", "count": 7 }])
    );
    assert_eq!(page["cases"][0]["triage"]["priority"], 25);
}

#[actix_web::test]
async fn a_tip_waits_for_its_first_look_and_is_overdue_past_the_admins_target() {
    let app = spawn_app().await;
    submit(&app, &tip("old", None, None, false)).await;
    submit(&app, &tip("new", None, None, false)).await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let mut all = ids(&queue(&app, &moderator, "").await);
    all.sort_unstable();
    let (old, new) = (all[0], all[1]);
    // The first tip arrived three days ago (only its day is ever stored).
    {
        use diesel::prelude::*;
        use sanad_backend::schema::{tips, triage};
        let mut conn = app.pool().get().unwrap();
        let three_days_ago = day_from_today(-3);
        diesel::update(tips::table.find(old))
            .set(tips::received_on.eq(&three_days_ago))
            .execute(&mut conn)
            .unwrap();
        diesel::update(triage::table.find(("tip", old)))
            .set(triage::received_on.eq(&three_days_ago))
            .execute(&mut conn)
            .unwrap();
        // As the migration leaves a tip from before triage: links not yet counted.
        diesel::update(triage::table.find(("tip", new)))
            .set(triage::linked.eq(-1))
            .execute(&mut conn)
            .unwrap();
        assert_eq!(
            sanad_backend::triage::refresh_priorities(&mut conn).unwrap(),
            2
        );
        assert_eq!(
            sanad_backend::triage::refresh_priorities(&mut conn).unwrap(),
            0,
            "a second pass the same day changes nothing"
        );
    }
    let mut unlinked = ids(&queue(&app, &moderator, "?linked=false").await);
    unlinked.sort_unstable();
    assert_eq!(
        unlinked,
        [old, new],
        "the uncounted tip's links were counted"
    );
    let tips = queue(&app, &moderator, "").await;
    assert_eq!(ids(&tips), [old, new], "waiting raises it");
    assert_eq!(tips[0]["triage"]["waiting_days"], 3);
    assert_eq!(tips[0]["triage"]["overdue"], true);
    assert_eq!(
        tips[0]["triage"]["reasons"],
        json!([{ "rule": "waiting", "days": 3 }])
    );
    assert_eq!(tips[1]["triage"]["overdue"], false);
    assert_eq!(ids(&queue(&app, &moderator, "?overdue=true").await), [old]);
    let (_, overview) = call(&app, &moderator, "GET", "/api/v1/triage/overview", None).await;
    assert_eq!(overview["tips"]["overdue"], 1);
    assert_eq!(overview["tips"]["open"], 2);
    assert_eq!(
        overview["cases"]["open"], 0,
        "a moderator is not counted cases"
    );
    assert_eq!(overview["first_look_hours"], 24);

    // With a target of 100 hours, three days is not overdue yet.
    let (status, _) = call(
        &app,
        &admin,
        "PUT",
        "/api/v1/settings",
        Some(json!({ "require_totp": false, "first_look_hours": 100 })),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(
        ids(&queue(&app, &moderator, "?overdue=true").await),
        Vec::<i64>::new()
    );
    let (_, settings) = call(&app, &admin, "GET", "/api/v1/settings", None).await;
    assert_eq!(settings["first_look_hours"], 100);
    let (status, _) = call(
        &app,
        &admin,
        "PUT",
        "/api/v1/settings",
        Some(json!({ "require_totp": false, "first_look_hours": 0 })),
    )
    .await;
    assert_eq!(status, 400, "a target of zero hours is refused");

    // Opening it is its first look: the wait stops counting.
    let (status, detail) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/tips/{old}"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(detail["triage"]["first_look_on"], json!(day_from_today(0)));
    assert_eq!(detail["triage"]["waiting_days"], 0);
    assert_eq!(detail["triage"]["reasons"], json!([]));
}

#[actix_web::test]
async fn assignment_labels_priority_and_notes_are_audited_and_a_stale_view_is_refused() {
    let sink = SmtpSink::start();
    let (mut config, dir, pg) = test_config();
    config.smtp_url = Some(sink.url.clone());
    config.public_url = "https://sanad.example.iq".to_owned();
    let app = spawn_with(config, dir, pg).await;
    submit(
        &app,
        &tip("Golden Wings sends young men to Moscow", None, None, false),
    )
    .await;
    let sara = signed_in(&app, "sara@example.org", &[Role::Moderator]).await;
    let omar = signed_in(&app, "omar@example.org", &[Role::Moderator]).await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let id = ids(&queue(&app, &sara, "").await)[0];
    let (_, detail) = call(&app, &sara, "GET", &format!("/api/v1/tips/{id}"), None).await;
    let version = detail["triage"]["version"].as_i64().unwrap();

    // Sara gives it to Omar; Omar is told by mail, without the tip's words.
    let (status, triage) = call(
        &app,
        &sara,
        "PUT",
        &format!("/api/v1/tips/{id}/assignee"),
        Some(json!({ "assignee": omar.id, "version": version })),
    )
    .await;
    assert_eq!(status, 200, "{triage}");
    assert_eq!(triage["assignee"]["id"], json!(omar.id));
    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipients, ["omar@example.org"]);
    assert!(mails[0]
        .data
        .contains(&format!("https://sanad.example.iq/staff/tips/{id}")));
    assert!(!mails[0].data.contains("Golden Wings"));

    // Sara's view is now stale: her second change is refused and says the current version.
    let (status, body) = call(
        &app,
        &sara,
        "PUT",
        &format!("/api/v1/tips/{id}/assignee"),
        Some(json!({ "assignee": null, "version": version })),
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (409, Some("stale_view")));
    let version = body["details"]["version"].as_i64().unwrap();
    // So is a reply written on it, while one on the current view goes through.
    let (status, _) = call(
        &app,
        &sara,
        "POST",
        &format!("/api/v1/tips/{id}/messages"),
        Some(json!({ "body": "hello", "version": version - 1 })),
    )
    .await;
    assert_eq!(status, 409);
    let (status, _) = call(
        &app,
        &sara,
        "POST",
        &format!("/api/v1/tips/{id}/messages"),
        Some(json!({ "body": "hello", "version": version })),
    )
    .await;
    assert_eq!(status, 201);
    let (status, _) = call(
        &app,
        &sara,
        "PUT",
        &format!("/api/v1/tips/{id}/status"),
        Some(json!({ "status": "in_review", "version": version })),
    )
    .await;
    assert_eq!(status, 409, "the reply moved the version on");

    // The colleagues one can give work to: by name, with what each can take.
    let (_, colleagues) = call(&app, &sara, "GET", "/api/v1/triage/staff", None).await;
    let names: Vec<(&str, bool, bool)> = colleagues
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["tips"].as_bool().unwrap(),
                c["cases"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(
        names.contains(&(omar.id.as_str(), true, false)),
        "{names:?}"
    );
    assert!(
        names.contains(&(admin.id.as_str(), true, true)),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|(id, _, _)| *id == editor.id),
        "editors take neither"
    );

    // Only staff who may work tips can be given one.
    let (status, body) = call(
        &app,
        &sara,
        "PUT",
        &format!("/api/v1/tips/{id}/assignee"),
        Some(json!({ "assignee": editor.id, "version": version + 1 })),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unknown_assignee"))
    );

    // Labels: admins keep them, with a name in each language.
    let (status, body) = call(&app, &admin, "POST", "/api/v1/labels", Some(json!({ "color": "#c0392b", "names": { "ar": "سفر", "ckb": "گەشت", "kmr": "Rêwîtî", "en": "\u{202e}levarT" } }))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_triage")),
        "a bidi override in a name"
    );
    let (status, travel) = call(&app, &admin, "POST", "/api/v1/labels", Some(json!({ "color": "#C0392B", "names": { "ar": "سفر", "ckb": "گەشت", "kmr": "Rêwîtî", "en": "Travel" } }))).await;
    assert_eq!(status, 201);
    assert_eq!(travel["color"], "#c0392b");
    let travel = travel["id"].as_i64().unwrap();
    let (status, _) = call(&app, &sara, "POST", "/api/v1/labels", Some(json!({ "color": "#000000", "names": { "ar": "a", "ckb": "b", "kmr": "c", "en": "d" } }))).await;
    assert_eq!(status, 403, "moderators use labels; admins make them");
    let (_, labels) = call(&app, &sara, "GET", "/api/v1/labels", None).await;
    assert_eq!(labels[0]["names"]["ckb"], "گەشت");

    let version = version + 1;
    let (status, triage) = call(
        &app,
        &omar,
        "PUT",
        &format!("/api/v1/tips/{id}/labels"),
        Some(json!({ "labels": [travel], "version": version })),
    )
    .await;
    assert_eq!(status, 200, "{triage}");
    assert_eq!(triage["labels"], json!([travel]));
    let (status, _) = call(
        &app,
        &omar,
        "PUT",
        &format!("/api/v1/tips/{id}/labels"),
        Some(json!({ "labels": [travel + 100], "version": version + 1 })),
    )
    .await;
    assert_eq!(status, 400, "an unknown label");
    assert_eq!(
        ids(&queue(&app, &omar, &format!("?label={travel}")).await),
        [id]
    );
    assert_eq!(ids(&queue(&app, &omar, "?assignee=me").await), [id]);
    assert_eq!(
        ids(&queue(&app, &sara, "?assignee=me").await),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(&queue(&app, &sara, "?assignee=none").await),
        Vec::<i64>::new()
    );

    // Raised by hand, with a reason only staff see.
    let (status, body) = call(
        &app,
        &omar,
        "PUT",
        &format!("/api/v1/tips/{id}/priority"),
        Some(json!({ "adjust": 30, "version": version + 1 })),
    )
    .await;
    assert_eq!(
        (status, body["details"][0]["field"].as_str()),
        (400, Some("reason"))
    );
    let (status, triage) = call(&app, &omar, "PUT", &format!("/api/v1/tips/{id}/priority"), Some(json!({ "adjust": 30, "reason": "the family called: flight booked", "version": version + 1 }))).await;
    assert_eq!(status, 200, "{triage}");
    assert_eq!(triage["priority"], 30);
    assert_eq!(triage["level"], "high");
    assert_eq!(
        triage["reasons"],
        json!([{ "rule": "manual", "adjust": 30 }])
    );
    assert_eq!(triage["manual_reason"], "the family called: flight booked");

    // An internal note, in the tip's detail but never on the tipster's follow-up.
    let (status, note) = call(
        &app,
        &omar,
        "POST",
        &format!("/api/v1/tips/{id}/notes"),
        Some(json!({ "text": "Called the ministry's office." })),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(note["author"]["id"], json!(omar.id));
    let (status, _) = call(
        &app,
        &omar,
        "POST",
        &format!("/api/v1/tips/{id}/notes"),
        Some(json!({ "text": "  " })),
    )
    .await;
    assert_eq!(status, 400);
    let (_, detail) = call(&app, &sara, "GET", &format!("/api/v1/tips/{id}"), None).await;
    assert_eq!(detail["notes"][0]["text"], "Called the ministry's office.");
    assert_eq!(detail["triage"]["assignee"]["id"], json!(omar.id));

    // Presence: each sees the other while both have it open.
    let (status, seen) = call(
        &app,
        &sara,
        "PUT",
        &format!("/api/v1/tips/{id}/presence"),
        None,
    )
    .await;
    assert_eq!((status, seen["others"].clone()), (200, json!([])));
    let (_, seen) = call(
        &app,
        &omar,
        "PUT",
        &format!("/api/v1/tips/{id}/presence"),
        None,
    )
    .await;
    assert_eq!(seen["others"][0]["id"], json!(sara.id));
    assert_eq!(seen["version"], detail["triage"]["version"]);

    let actions: Vec<String> = audit_actions(&app)
        .into_iter()
        .filter(|(_, object)| *object == format!("tip:{id}"))
        .map(|(action, _)| action)
        .filter(|a| a != "tip_read")
        .collect();
    assert_eq!(
        actions,
        [
            "tip_assigned",
            "tip_replied",
            "tip_labels_changed",
            "tip_priority_changed",
            "tip_note_added"
        ]
    );
}

#[actix_web::test]
async fn bulk_changes_apply_to_every_tip_or_none_with_one_audit_entry_each() {
    let app = spawn_app().await;
    for n in 0..4 {
        submit(&app, &tip(&format!("spam {n}"), None, None, false)).await;
    }
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let all = ids(&queue(&app, &moderator, "").await);

    let (status, body) = call(
        &app,
        &moderator,
        "POST",
        "/api/v1/tips/bulk",
        Some(json!({ "ids": [] })),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_triage"))
    );
    // One id that does not exist: nothing changes.
    let (status, _) = call(
        &app,
        &moderator,
        "POST",
        "/api/v1/tips/bulk",
        Some(json!({ "ids": [all[0], 999_999], "status": "dismissed" })),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(queue(&app, &moderator, "?status=dismissed").await.len(), 0);

    let (status, result) = call(&app, &moderator, "POST", "/api/v1/tips/bulk", Some(json!({ "ids": &all[..3], "status": "dismissed", "assign": { "assignee": moderator.id } }))).await;
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["changed"], 3);
    assert_eq!(
        ids(&queue(&app, &moderator, "?status=dismissed").await).len(),
        3
    );
    assert_eq!(
        ids(&queue(&app, &moderator, "?status=new,in_review").await),
        [all[3]]
    );
    assert_eq!(ids(&queue(&app, &moderator, "?assignee=me").await).len(), 3);
    let (_, overview) = call(&app, &moderator, "GET", "/api/v1/triage/overview", None).await;
    assert_eq!(
        overview["tips"]["open"], 1,
        "dismissed tips leave the open count"
    );

    let entries: Vec<(String, String)> = audit_actions(&app)
        .into_iter()
        .filter(|(action, _)| action == "tip_status_changed" || action == "tip_assigned")
        .collect();
    assert_eq!(entries.len(), 6, "{entries:?}");

    // Cases take bulk labels and assignment, never a bulk status; caseworkers do not touch tips.
    let (status, body) = call(
        &app,
        &caseworker,
        "POST",
        "/api/v1/cases/bulk",
        Some(json!({ "ids": [1], "status": "closed" })),
    )
    .await;
    assert_eq!(
        (status, body["details"][0]["field"].as_str()),
        (400, Some("status"))
    );
    let (status, _) = call(
        &app,
        &caseworker,
        "POST",
        "/api/v1/tips/bulk",
        Some(json!({ "ids": [all[3]], "status": "dismissed" })),
    )
    .await;
    assert_eq!(status, 403);
}

#[actix_web::test]
async fn a_case_is_triaged_by_the_same_rules_a_minor_and_a_shared_phone_with_a_tip() {
    let app = spawn_app().await;
    submit(
        &app,
        &tip("a recruiter's number", Some("0770 555 1234"), None, false),
    )
    .await;
    let birth_year = time::OffsetDateTime::now_utc().year() - 16;
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "date_of_birth": birth_year.to_string(),
        "phones": ["07705551234"],
        "departure_on": day_from_today(5),
        "reporter": { "relationship": "mother", "name": "Fatima", "phone": "07801234567", "language": "ar" },
        "consent": "committee"
    });
    crate::cases::submitted(&app, &case).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let (_, page) = call(&app, &caseworker, "GET", "/api/v1/cases", None).await;
    let id = page["cases"][0]["id"].as_i64().unwrap();
    let triage = &page["cases"][0]["triage"];
    assert_eq!(
        triage["reasons"],
        json!([{ "rule": "departure_soon", "days": 5 }, { "rule": "minor" }, { "rule": "linked", "count": 1 }])
    );
    assert_eq!(triage["priority"], 75);
    // The tip that shares the number rose with it.
    let tips = queue(&app, &moderator, "").await;
    assert_eq!(
        tips[0]["triage"]["reasons"],
        json!([{ "rule": "linked", "count": 1 }])
    );

    let (_, detail) = call(
        &app,
        &caseworker,
        "GET",
        &format!("/api/v1/cases/{id}"),
        None,
    )
    .await;
    let version = detail["triage"]["version"].as_i64().unwrap();
    let (status, triage) = call(
        &app,
        &caseworker,
        "PUT",
        &format!("/api/v1/cases/{id}/assignee"),
        Some(json!({ "assignee": caseworker.id, "version": version })),
    )
    .await;
    assert_eq!(status, 200, "{triage}");
    let (status, _) = call(
        &app,
        &caseworker,
        "PUT",
        &format!("/api/v1/cases/{id}/status"),
        Some(json!({ "status": "under_review", "version": version })),
    )
    .await;
    assert_eq!(status, 409, "a status change on a stale view");
    let (status, _) = call(
        &app,
        &moderator,
        "PUT",
        &format!("/api/v1/cases/{id}/assignee"),
        Some(json!({ "assignee": null, "version": version + 1 })),
    )
    .await;
    assert_eq!(status, 403, "moderators do not work cases");
    let (status, _) = call(
        &app,
        &caseworker,
        "PUT",
        &format!("/api/v1/cases/{id}/assignee"),
        Some(json!({ "assignee": moderator.id, "version": version + 1 })),
    )
    .await;
    assert_eq!(status, 400, "nor can they be given one");
}

#[actix_web::test]
async fn staff_find_a_word_in_any_spelling_although_the_text_is_sealed() {
    let app = spawn_app().await;
    submit(
        &app,
        &json!({
            "subject": "agency",
            "description": "مكتب سفر في الكرادة يعد الشباب بعقود عمل في Moscow",
            "agency": "شركة الأجنحة الذهبية",
        }),
    )
    .await;
    submit(
        &app,
        &json!({ "subject": "agency", "description": "مكتب آخر في البصرة" }),
    )
    .await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let all = {
        let mut all = ids(&queue(&app, &moderator, "").await);
        all.sort_unstable();
        all
    };
    let found = |q: &str| {
        let q = q.to_owned();
        let app = &app;
        let moderator = &moderator;
        async move {
            let encoded: String = q
                .bytes()
                .map(|b| match b {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            let mut found = ids(&queue(app, moderator, &format!("?q={encoded}")).await);
            found.sort_unstable();
            found
        }
    };
    // ة/ه, أ/ا and the case of Latin letters do not matter; every word must be there.
    assert_eq!(found("الكراده").await, [all[0]]);
    assert_eq!(found("الاجنحة").await, [all[0]]);
    assert_eq!(found("moscow").await, [all[0]]);
    assert_eq!(found("مكتب").await, all);
    assert_eq!(found("مكتب البصرة").await, [all[1]]);
    assert_eq!(found("مكتب بغداد").await, Vec::<i64>::new());
    let (status, body) = call(&app, &moderator, "GET", "/api/v1/tips?q=%D9%85", None).await;
    assert_eq!(
        (status, body["details"][0]["field"].as_str()),
        (400, Some("q")),
        "one letter"
    );
    // Search combines with the other filters.
    assert_eq!(
        ids(&queue(
            &app,
            &moderator,
            "?q=%D9%85%D9%83%D8%AA%D8%A8&status=dismissed"
        )
        .await),
        Vec::<i64>::new()
    );
    // The words are not in the database in the clear.
    if !crate::helpers::postgres_requested() {
        let database = std::fs::read(app.config.data_dir.join("sanad.db")).unwrap();
        let haystack = String::from_utf8_lossy(&database);
        for word in ["الكرادة", "Moscow", "moscow", "كراده"] {
            assert!(!haystack.contains(word), "{word} is stored in the clear");
        }
    }
}

#[actix_web::test]
async fn a_dismissed_tip_loses_its_content_after_the_retention_period_and_its_receipt_says_so() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&json!({ "subject": "agency", "description": "Golden Wings keeps passports", "phones": ["0770 999 8877"] }))
        .send()
        .await
        .unwrap();
    let receipt = json(response).await["receipt"].as_str().unwrap().to_owned();
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let listed = queue(&app, &moderator, "").await;
    let id = ids(&listed)[0];
    // The queue line shows the first words of the description, and the listing is audited.
    assert_eq!(listed[0]["snippet"], "Golden Wings keeps passports");
    assert!(audit_actions(&app).contains(&("tips_listed".to_owned(), "tips".to_owned())));
    let (_, label) = call(&app, &admin, "POST", "/api/v1/labels", Some(json!({ "color": "#123456", "names": { "ar": "مزعج", "ckb": "بێزارکەر", "kmr": "Spam", "en": "Spam" } }))).await;
    let (_, detail) = call(&app, &moderator, "GET", &format!("/api/v1/tips/{id}"), None).await;
    let version = detail["triage"]["version"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        &moderator,
        "PUT",
        &format!("/api/v1/tips/{id}/labels"),
        Some(json!({ "labels": [label["id"]], "version": version })),
    )
    .await;
    assert_eq!(status, 200);
    call(
        &app,
        &moderator,
        "POST",
        &format!("/api/v1/tips/{id}/notes"),
        Some(json!({ "text": "a colleague's note" })),
    )
    .await;
    let (status, _) = call(
        &app,
        &moderator,
        "PUT",
        &format!("/api/v1/tips/{id}/status"),
        Some(json!({ "status": "dismissed" })),
    )
    .await;
    assert_eq!(status, 204);

    let pass = |app: &TestApp| {
        let mut conn = app.pool().get().unwrap();
        sanad_backend::tips::retention_pass(&mut conn, &app.audit_seal(), 365).unwrap()
    };
    assert_eq!(pass(&app), 0, "dismissed today: kept");
    let number = "/api/v1/entities?value=07709998877";
    let (_, found) = call(&app, &moderator, "GET", number, None).await;
    assert_eq!(
        found["entities"].as_array().unwrap().len(),
        1,
        "the tip names a number"
    );
    // A year and a day later (the closing day is all that is stored).
    {
        use diesel::prelude::*;
        use sanad_backend::schema::tips;
        let mut conn = app.pool().get().unwrap();
        diesel::update(tips::table.find(id))
            .set(tips::closed_on.eq(day_from_today(-366)))
            .execute(&mut conn)
            .unwrap();
    }
    assert_eq!(pass(&app), 1);
    assert_eq!(pass(&app), 0, "a second pass finds nothing more");

    let (status, detail) = call(&app, &moderator, "GET", &format!("/api/v1/tips/{id}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(detail["wiped_on"], json!(day_from_today(0)));
    assert_eq!(detail["description"], "");
    assert_eq!(queue(&app, &moderator, "").await[0]["snippet"], "");
    assert_eq!(detail["phones"], json!([]));
    assert_eq!(detail["notes"], json!([]));
    let (_, found) = call(&app, &moderator, "GET", number, None).await;
    assert_eq!(found["entities"], json!([]), "and names it no more");
    {
        use diesel::prelude::*;
        use sanad_backend::schema::entities;
        let mut conn = app.pool().get().unwrap();
        let left: i64 = entities::table.count().get_result(&mut conn).unwrap();
        assert_eq!(left, 0, "the number's sealed value went with it");
    }
    assert_eq!(detail["status"], "dismissed");
    assert_eq!(
        detail["triage"]["labels"],
        json!([label["id"]]),
        "labels stay"
    );

    // The receipt still opens and says the content is gone.
    let grant = json(
        app.client
            .post(app.url("/api/v1/follow-up"))
            .json(&json!({ "receipt": receipt }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let view = json(
        app.client
            .get(app.url("/api/v1/follow-up/tip"))
            .bearer_auth(grant["token"].as_str().unwrap())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(view["content_removed"], true);
    assert_eq!(view["status"], "closed");
    assert_eq!(view["attachments_left"], 0);
    assert!(audit_actions(&app)
        .iter()
        .any(|(action, _)| action == "tips_wiped"));
}

/// A family's report, with what the priority rules look at.
async fn report_case(app: &TestApp, given: &str, description: &str, minor_leaving: bool) {
    let mut case = json!({
        "names": { "given": given, "father": "علي" },
        "governorate": "najaf",
        "last_known_location": description,
        "reporter": { "relationship": "mother", "name": "Fatima", "phone": "07801234567", "language": "ar" },
        "consent": "committee"
    });
    if minor_leaving {
        let birth_year = time::OffsetDateTime::now_utc().year() - 16;
        case["date_of_birth"] = json!(birth_year.to_string());
        case["departure_on"] = json!(day_from_today(3));
    }
    crate::cases::submitted(app, &case).await;
}

async fn case_queue(app: &TestApp, session: &Session, query: &str) -> (Vec<i64>, Value) {
    let (status, page) = call(app, session, "GET", &format!("/api/v1/cases{query}"), None).await;
    assert_eq!(status, 200, "{page}");
    let ids = page["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    (ids, page["next_page"].clone())
}

#[actix_web::test]
async fn the_case_queue_is_ordered_and_filtered_as_the_tip_queue_is() {
    let app = spawn_app().await;
    report_case(&app, "حسن", "مكتب سفر في النجف", false).await;
    report_case(&app, "كريم", "مطار بغداد", true).await;
    report_case(&app, "زيد", "موسكو", false).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let (all, _) = case_queue(&app, &caseworker, "").await;
    assert_eq!(all.len(), 3);
    // A minor leaving in three days comes first; the rest by age (oldest first).
    let (first, second, third) = (all[0], all[1], all[2]);
    assert!(second < third, "equal priority: oldest first {all:?}");
    assert_eq!(
        case_queue(&app, &caseworker, "?priority=urgent").await.0,
        [first]
    );
    // Words of where the person was last known.
    assert_eq!(
        case_queue(&app, &caseworker, "?q=%D9%85%D9%88%D8%B3%D9%83%D9%88")
            .await
            .0,
        [third]
    );
    let (_, detail) = call(
        &app,
        &caseworker,
        "GET",
        &format!("/api/v1/cases/{second}"),
        None,
    )
    .await;
    let version = detail["triage"]["version"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        &caseworker,
        "PUT",
        &format!("/api/v1/cases/{second}/assignee"),
        Some(json!({ "assignee": caseworker.id, "version": version })),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        case_queue(&app, &caseworker, "?assignee=me").await.0,
        [second]
    );
    assert_eq!(
        case_queue(&app, &caseworker, "?assignee=none&status=reported")
            .await
            .0,
        [first, third]
    );
    assert_eq!(
        case_queue(&app, &caseworker, "?status=closed").await.0,
        Vec::<i64>::new()
    );
    // Pages follow the same order.
    let (page_one, next) = case_queue(&app, &caseworker, "?limit=2").await;
    assert_eq!((page_one, next.clone()), (vec![first, second], json!(2)));
    let (page_two, next) = case_queue(&app, &caseworker, "?limit=2&page=2").await;
    assert_eq!((page_two, next), (vec![third], Value::Null));
    // A filter the queue does not know is refused, naming it, never ignored.
    for (query, field) in [
        ("?status=dismissed", "status"),
        ("?priority=soon", "priority"),
        ("?governorate=atlantis", "governorate"),
        ("?from=yesterday", "from"),
        ("?page=0", "page"),
    ] {
        let (status, body) = call(
            &app,
            &caseworker,
            "GET",
            &format!("/api/v1/cases{query}"),
            None,
        )
        .await;
        assert_eq!(
            (
                status,
                body["error"].as_str(),
                body["details"][0]["field"].as_str()
            ),
            (400, Some("invalid_triage"), Some(field)),
            "{query}"
        );
    }
}

#[actix_web::test]
async fn a_person_names_and_keeps_queue_views_that_nobody_else_sees() {
    let app = spawn_app().await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let other = signed_in(&app, "other@example.org", &[Role::Moderator]).await;
    let caseworker = signed_in(&app, "case@example.org", &[Role::Caseworker]).await;
    let save = |name: &str, query: &str| json!({ "kind": "tip", "name": name, "query": query });

    let (status, view) = call(
        &app,
        &moderator,
        "POST",
        "/api/v1/views",
        Some(save(
            "البصرة العاجلة",
            "?status=new%2Cin_review&priority=urgent&q=Moscow",
        )),
    )
    .await;
    assert_eq!(status, 201, "{view}");
    assert_eq!(
        view["query"],
        "status=new%2Cin_review&priority=urgent&q=Moscow"
    );
    let id = view["id"].as_i64().unwrap();
    // The same name again replaces the view rather than making a second one.
    let (status, replaced) = call(
        &app,
        &moderator,
        "POST",
        "/api/v1/views",
        Some(save("البصرة العاجلة", "assignee=me")),
    )
    .await;
    assert_eq!((status, replaced["id"].as_i64()), (200, Some(id)));
    let (status, _) = call(
        &app,
        &moderator,
        "POST",
        "/api/v1/views",
        Some(save("Mine overdue", "overdue=true")),
    )
    .await;
    assert_eq!(status, 201);
    let (_, views) = call(&app, &moderator, "GET", "/api/v1/views?kind=tip", None).await;
    let names: Vec<&str> = views
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Mine overdue", "البصرة العاجلة"]);
    assert_eq!(views[1]["query"], "assignee=me");

    // What the queue would refuse is refused here, naming the filter; and a name must be
    // there, short and without direction overrides.
    for (body, field) in [
        (save("x", "status=bogus"), "status"),
        (save("x", "priority=soon"), "priority"),
        (save("x", "q=%D9%85"), "q"),
        (save("  ", "status=new"), "name"),
        (save("\u{202e}nimda", "status=new"), "name"),
        (save(&"و".repeat(61), "status=new"), "name"),
        (save("x", &"a".repeat(1001)), "query"),
    ] {
        let (status, answer) = call(
            &app,
            &moderator,
            "POST",
            "/api/v1/views",
            Some(body.clone()),
        )
        .await;
        assert_eq!(
            (
                status,
                answer["error"].as_str(),
                answer["details"][0]["field"].as_str()
            ),
            (400, Some("invalid_triage"), Some(field)),
            "{body}"
        );
    }
    // Case statuses belong to case views.
    let (status, _) = call(
        &app,
        &caseworker,
        "POST",
        "/api/v1/views",
        Some(json!({ "kind": "case", "name": "reported", "query": "status=reported" })),
    )
    .await;
    assert_eq!(status, 201);

    // Nobody else lists or removes them; a moderator keeps no case views.
    let (_, theirs) = call(&app, &other, "GET", "/api/v1/views?kind=tip", None).await;
    assert_eq!(theirs, json!([]));
    let (status, _) = call(&app, &other, "DELETE", &format!("/api/v1/views/{id}"), None).await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, &caseworker, "GET", "/api/v1/views?kind=tip", None).await;
    assert_eq!(status, 403);
    let (status, _) = call(
        &app,
        &moderator,
        "POST",
        "/api/v1/views",
        Some(json!({ "kind": "case", "name": "c", "query": "" })),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = call(
        &app,
        &moderator,
        "GET",
        "/api/v1/views?kind=everything",
        None,
    )
    .await;
    assert_eq!(status, 400);

    let (status, _) = call(
        &app,
        &moderator,
        "DELETE",
        &format!("/api/v1/views/{id}"),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (_, views) = call(&app, &moderator, "GET", "/api/v1/views?kind=tip", None).await;
    assert_eq!(views.as_array().unwrap().len(), 1);
    let (status, _) = call(
        &app,
        &moderator,
        "DELETE",
        &format!("/api/v1/views/{id}"),
        None,
    )
    .await;
    assert_eq!(status, 404);

    let actions = audit_actions(&app);
    let view = format!("view:{id}");
    assert_eq!(
        actions
            .iter()
            .filter(|(_, object)| *object == view)
            .map(|(action, _)| action.as_str())
            .collect::<Vec<_>>(),
        ["view_saved", "view_saved", "view_deleted"]
    );
    // Names and searches are sealed.
    if !crate::helpers::postgres_requested() {
        let database = std::fs::read(app.config.data_dir.join("sanad.db")).unwrap();
        let haystack = String::from_utf8_lossy(&database);
        for word in ["البصرة العاجلة", "Moscow", "Mine overdue"] {
            assert!(!haystack.contains(word), "{word} is stored in the clear");
        }
    }
}

#[actix_web::test]
async fn a_tips_timeline_holds_every_change_note_and_message_in_order() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&tip("a recruiter in Basra", None, None, false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let receipt = json(response).await["receipt"].as_str().unwrap().to_owned();
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let id = ids(&queue(&app, &moderator, "").await)[0];
    let version = |detail: &Value| detail["triage"]["version"].as_i64().unwrap();
    let (_, detail) = call(&app, &moderator, "GET", &format!("/api/v1/tips/{id}"), None).await;
    let (status, _) = call(
        &app,
        &moderator,
        "PUT",
        &format!("/api/v1/tips/{id}/assignee"),
        Some(json!({ "assignee": moderator.id, "version": version(&detail) })),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call(
        &app,
        &moderator,
        "POST",
        &format!("/api/v1/tips/{id}/messages"),
        Some(json!({ "body": "Thank you. Which office?", "version": version(&detail) + 1 })),
    )
    .await;
    assert_eq!(status, 201);
    // The tipster answers through the follow-up page.
    let opened = app
        .client
        .post(app.url("/api/v1/follow-up"))
        .json(&json!({ "receipt": receipt }))
        .send()
        .await
        .unwrap();
    let token = json(opened).await["token"].as_str().unwrap().to_owned();
    let sent = app
        .authorized(
            "POST",
            "/api/v1/follow-up/messages",
            &format!("Bearer {token}"),
            Some(json!({ "body": "The one in Ashar." })),
        )
        .await;
    assert_eq!(sent.status(), 201);
    let (status, _) = call(
        &app,
        &moderator,
        "POST",
        &format!("/api/v1/tips/{id}/notes"),
        Some(json!({ "text": "Office seen in two other tips." })),
    )
    .await;
    assert_eq!(status, 201);
    let (_, detail) = call(&app, &moderator, "GET", &format!("/api/v1/tips/{id}"), None).await;
    let (status, _) = call(
        &app,
        &moderator,
        "PUT",
        &format!("/api/v1/tips/{id}/status"),
        Some(json!({ "status": "in_review", "version": version(&detail) })),
    )
    .await;
    assert_eq!(status, 204);

    let (status, events) = call(
        &app,
        &moderator,
        "GET",
        &format!("/api/v1/tips/{id}/timeline"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{events}");
    let kinds: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["change"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["assigned", "replied", "wrote", "note", "status"],
        "{events}"
    );
    let events = events.as_array().unwrap();
    assert_eq!(events[0]["by"]["name"], events[0]["change"]["to"]["name"]);
    assert!(events[0]["at_ms"].is_i64());
    // What the tipster wrote carries its day only, and no author.
    assert_eq!(events[2]["at_ms"], Value::Null);
    assert_eq!(events[2]["by"], Value::Null);
    assert_eq!(events[2]["on"], events[1]["on"]);
    assert_eq!(
        events[3]["change"]["text"],
        "Office seen in two other tips."
    );
    assert_eq!(
        events[4]["change"],
        json!({ "kind": "status", "from": "new", "to": "in_review" })
    );
    // Reading it is audited, like reading the tip.
    assert!(audit_actions(&app)
        .iter()
        .any(|(action, object)| action == "tip_timeline_read" && *object == format!("tip:{id}")));
    let (status, _) = call(
        &app,
        &moderator,
        "GET",
        "/api/v1/tips/999999/timeline",
        None,
    )
    .await;
    assert_eq!(status, 404);
}
