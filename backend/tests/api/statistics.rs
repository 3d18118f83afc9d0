//! The statistics over HTTP: counts by week, governorate, subject, status and outcome, time to
//! first look, open and overdue; each role sees the kinds it works; counts under five are "<5"
//! for everyone but admins.

use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{json, signed_in, spawn_app, Session, TestApp};

async fn call(app: &TestApp, session: &Session, path: &str) -> (u16, Value) {
    let response = app
        .authorized("GET", path, &format!("Bearer {}", session.token), None)
        .await;
    let status = response.status().as_u16();
    (status, json(response).await)
}

async fn tip(app: &TestApp, subject: &str, governorate: &str) {
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&json!({ "subject": subject, "description": "x", "governorate": governorate }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
}

fn bucket<'a>(list: &'a Value, key: &str) -> &'a Value {
    &list
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {list}"))["count"]
}

#[actix_web::test]
async fn figures_by_week_place_subject_and_status_with_small_counts_hidden_from_all_but_admins() {
    let app = spawn_app().await;
    for _ in 0..6 {
        tip(&app, "recruiter", "basra").await;
    }
    for _ in 0..2 {
        tip(&app, "agency", "najaf").await;
    }
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "governorate": "najaf",
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
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;

    // The moderator opens five tips: the week's time to first look can be shown.
    let (_, queue) = call(&app, &moderator, "/api/v1/tips").await;
    for item in queue["tips"].as_array().unwrap().iter().take(5) {
        let (status, _) = call(&app, &moderator, &format!("/api/v1/tips/{}", item["id"])).await;
        assert_eq!(status, 200);
    }

    let (status, figures) = call(&app, &moderator, "/api/v1/statistics").await;
    assert_eq!(status, 200, "{figures}");
    assert_eq!(figures["exact"], false);
    assert_eq!(
        figures["cases"],
        Value::Null,
        "a moderator does not see the cases' figures"
    );
    let tips = &figures["tips"];
    assert_eq!(tips["received"], 8);
    assert_eq!(*bucket(&tips["by_governorate"], "basra"), json!(6));
    assert_eq!(*bucket(&tips["by_governorate"], "najaf"), json!("<5"));
    assert_eq!(
        *bucket(&tips["by_governorate"], "erbil"),
        json!("<5"),
        "none is under five too"
    );
    assert_eq!(
        tips["by_governorate"].as_array().unwrap().len(),
        20,
        "every governorate and unknown"
    );
    assert_eq!(*bucket(&tips["by_subject"], "recruiter"), json!(6));
    assert_eq!(*bucket(&tips["by_subject"], "agency"), json!("<5"));
    assert_eq!(*bucket(&tips["by_status"], "new"), json!(8));
    assert_eq!(tips["open"], 8);
    let weeks = tips["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 26, "half a year by default");
    let this_week = weeks.last().unwrap();
    assert_eq!(this_week["received"], 8);
    assert_eq!(this_week["looked_at"], 5);
    assert_eq!(this_week["first_look_median_days"], 0.0);
    assert_eq!(this_week["first_look_p90_days"], 0.0);
    assert_eq!(weeks[0]["received"], "<5");

    let (_, figures) = call(&app, &admin, "/api/v1/statistics").await;
    assert_eq!(figures["exact"], true);
    assert_eq!(
        *bucket(&figures["tips"]["by_governorate"], "najaf"),
        json!(2)
    );
    assert_eq!(
        *bucket(&figures["tips"]["by_governorate"], "erbil"),
        json!(0)
    );
    assert_eq!(figures["cases"]["received"], 1);
    assert_eq!(
        *bucket(&figures["cases"]["by_status"], "reported"),
        json!(1)
    );
    assert_eq!(*bucket(&figures["cases"]["outcomes"], "returned"), json!(0));
    assert_eq!(
        figures["cases"]["weeks"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["first_look_median_days"],
        Value::Null
    );

    let (_, figures) = call(&app, &caseworker, "/api/v1/statistics").await;
    assert_eq!(figures["tips"], Value::Null);
    assert_eq!(figures["cases"]["received"], "<5");
    assert_eq!(
        *bucket(&figures["cases"]["by_governorate"], "najaf"),
        json!("<5")
    );

    // A period in the past holds nothing from today.
    let (_, past) = call(
        &app,
        &admin,
        "/api/v1/statistics?from=2025-01-06&to=2025-01-19",
    )
    .await;
    assert_eq!(past["tips"]["weeks"].as_array().unwrap().len(), 2);
    assert_eq!(past["tips"]["received"], 0);
    assert_eq!(
        past["tips"]["open"], 8,
        "open and overdue are now, whatever the period"
    );
}

#[actix_web::test]
async fn a_bad_period_gets_a_clear_error() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    for (query, field, problem) in [
        ("from=last-week", "from", "invalid"),
        ("from=2026-02-30", "from", "invalid"),
        ("from=2026-05-01&to=2026-04-01", "to", "before_from"),
        ("from=2020-01-01&to=2026-01-01", "from", "period_too_long"),
        ("to=9999-12-31", "to", "out_of_range"),
        ("from=1900-01-05", "from", "out_of_range"),
    ] {
        let (status, error) = call(&app, &admin, &format!("/api/v1/statistics?{query}")).await;
        assert_eq!(status, 400, "{query}: {error}");
        assert_eq!(error["error"], "invalid_triage");
        assert_eq!(error["details"][0]["field"], field, "{query}");
        assert_eq!(error["details"][0]["problem"], problem, "{query}");
    }
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let (status, _) = call(&app, &editor, "/api/v1/statistics").await;
    assert_eq!(status, 403);
}

#[actix_web::test]
async fn with_one_database_connection_both_kinds_are_still_counted() {
    // Cases are counted beside tips on a second connection when one is free; with none free
    // they are counted after tips on the same one, never by waiting for another.
    let (mut config, data_dir, postgres) = crate::helpers::test_config();
    config.db_pool_size = Some(1);
    let app = crate::helpers::spawn_with(config, data_dir, postgres).await;
    for _ in 0..6 {
        tip(&app, "recruiter", "basra").await;
    }
    let case = json!({
        "names": { "given": "أحمد", "father": "علي" },
        "governorate": "najaf",
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
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    // Waiting for a second connection would end in the pool's time-out and a 500.
    let (status, figures) = call(&app, &admin, "/api/v1/statistics").await;
    assert_eq!(status, 200, "{figures}");
    assert_eq!(figures["tips"]["received"], 6);
    assert_eq!(figures["cases"]["received"], 1);
}
