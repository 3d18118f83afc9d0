//! `/metrics` on `SANAD_METRICS_BIND`: what an operator watches, and nothing about a tipster.

use serde_json::json;

use crate::helpers::{json, spawn_with, test_config, TestApp};

async fn app_with_metrics() -> TestApp {
    let (mut config, data_dir, postgres) = test_config();
    config.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
    spawn_with(config, data_dir, postgres).await
}

async fn scrape(app: &TestApp) -> String {
    let url = format!("{}/metrics", app.metrics.as_ref().unwrap());
    let response = app.client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    response.text().await.unwrap()
}

/// The value of the one sample whose line starts with `series` (name and labels as written).
fn sample(text: &str, series: &str) -> f64 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with(series))
        .collect();
    assert_eq!(lines.len(), 1, "{series} in:\n{text}");
    lines[0].rsplit(' ').next().unwrap().parse().unwrap()
}

#[actix_web::test]
async fn metrics_count_requests_queues_and_the_backlog_without_a_word_about_a_tipster() {
    let app = app_with_metrics().await;
    let description = "A travel office in Ashar signs young men up as guards abroad";
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .json(&json!({
            "subject": "agency",
            "description": description,
            "names": ["Abu Ali"],
            "phones": ["0770 123 4567"],
            "language": "ar"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let receipt = json(response).await["receipt"].as_str().unwrap().to_owned();
    let token = crate::helpers::follow_up_token(&app, &receipt)
        .await
        .expect("the receipt opens");
    for _ in 0..3 {
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
    assert_eq!(app.get("/api/v1/no-such-thing").await.status(), 404);

    let text = scrape(&app).await;
    // Counters are the process's, and other tests' servers share it: at least what this one did.
    assert!(
        sample(
            &text,
            r#"sanad_http_requests_total{route="/api/v1/tips",method="POST",status="201"}"#
        ) >= 1.0
    );
    assert!(
        sample(
            &text,
            r#"sanad_http_requests_total{route="/healthz",method="GET",status="200"}"#
        ) >= 3.0
    );
    assert!(
        sample(
            &text,
            r#"sanad_http_request_duration_seconds_count{route="/api/v1/follow-up",method="POST"}"#
        ) >= 1.0
    );
    assert!(text.contains(
        r#"sanad_http_request_duration_seconds_bucket{le="0.001",route="/healthz",method="GET"}"#
    ) || text.contains(
        r#"sanad_http_request_duration_seconds_bucket{route="/healthz",method="GET",le="0.001"}"#
    ), "{text}");
    assert!(sample(&text, "sanad_group_commit_batch_jobs_count") >= 1.0);
    assert!(sample(&text, "sanad_group_commit_wait_seconds_count") >= 1.0);
    assert!(sample(&text, "sanad_argon2_waiting") >= 0.0);
    assert!(sample(&text, "sanad_mail_sending") >= 0.0);
    assert!(sample(&text, "sanad_db_pool_max_connections") >= 1.0);
    assert!(sample(&text, "sanad_db_pool_connections") >= 1.0);
    // This server's own database: exactly the one tip nobody has opened yet.
    assert_eq!(sample(&text, "sanad_database_up"), 1.0);
    assert_eq!(
        sample(&text, r#"sanad_awaiting_first_look{kind="tip"}"#),
        1.0
    );
    assert_eq!(
        sample(&text, r#"sanad_awaiting_first_look{kind="case"}"#),
        0.0
    );
    assert!(text.trim_end().ends_with("# EOF"), "{text}");

    // Route patterns only: no receipt, token, text or phone number reaches a label.
    let digits: String = receipt.chars().filter(char::is_ascii_digit).collect();
    for secret in [
        receipt.as_str(),
        digits.as_str(),
        token.as_str(),
        description,
        "0770",
        "Abu Ali",
        "no-such-thing",
    ] {
        assert!(!text.contains(secret), "{secret:?} in the metrics");
    }
    assert!(text.contains(r#"route="unmatched""#));
}

#[actix_web::test]
async fn metrics_are_served_only_on_their_own_address() {
    let app = app_with_metrics().await;
    let public = app.get("/metrics").await;
    let body = public.text().await.unwrap();
    assert!(!body.contains("sanad_http_requests"), "{body}");
    assert_ne!(app.metrics.as_deref(), Some(app.address.as_str()));
    let other = app
        .client
        .get(format!("{}/api/v1/articles", app.metrics.as_ref().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);

    // Without the setting there is no second listener.
    let (config, data_dir, postgres) = test_config();
    assert!(spawn_with(config, data_dir, postgres)
        .await
        .metrics
        .is_none());
}
