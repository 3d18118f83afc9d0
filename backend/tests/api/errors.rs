//! Every failure answers with the JSON error shape and a stable code, in the asked-for language.

use actix_web::{web, HttpResponse, HttpServer};
use sanad_backend::startup;

use crate::helpers::{json, spawn_app, test_config};

#[actix_web::test]
async fn an_unknown_api_path_is_a_json_404_in_arabic_by_default() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/no-such-thing").await;
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["content-language"], "ar");
    let body = json(response).await;
    assert_eq!(body["error"], "not_found");
    assert_eq!(body["message"], "لم نجد ما طلبته.");
}

#[actix_web::test]
async fn the_message_follows_accept_language() {
    let app = spawn_app().await;
    for (header, expected) in [
        ("en-GB,en;q=0.9", "We could not find what you asked for."),
        ("fr, ckb;q=0.8", "ئەوەی داوات کرد نەدۆزرایەوە."),
        ("kmr", "Tiştê ku te xwest nehat dîtin."),
    ] {
        let response = app
            .client
            .get(app.url("/api/nothing"))
            .header("Accept-Language", header)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404);
        assert_eq!(json(response).await["message"], expected, "{header}");
    }
}

#[derive(serde::Deserialize)]
struct Echo {
    #[allow(dead_code)]
    name: String,
}

/// The real application plus one JSON route, because the JSON error handling is configured for
/// the whole app and the foundation has no JSON route of its own yet.
async fn app_with_json_route() -> (String, tempfile::TempDir) {
    let (mut config, dir, _pg) = test_config();
    config.json_limit = 1024;
    let ctx = startup::context(&config).await.unwrap();
    let server = HttpServer::new(move || {
        startup::app(&ctx).route(
            "/test/echo",
            web::post().to(|body: web::Json<Echo>| async move {
                let _ = &body.name;
                HttpResponse::NoContent().finish()
            }),
        )
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let address = format!("http://{}", server.addrs()[0]);
    actix_web::rt::spawn(server.run());
    (address, dir)
}

#[actix_web::test]
async fn bad_json_bodies_get_distinct_codes() {
    let (address, _dir) = app_with_json_route().await;
    let client = reqwest::Client::new();
    let post = |body: String, content_type: &'static str| {
        client
            .post(format!("{address}/test/echo"))
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };

    assert_eq!(
        post(r#"{"name":"x"}"#.into(), "application/json")
            .await
            .unwrap()
            .status(),
        204
    );

    let response = post("{not json".into(), "application/json").await.unwrap();
    assert_eq!(response.status(), 400);
    let body = json(response).await;
    assert_eq!(body["error"], "malformed_json");
    assert!(body["details"]["reason"]
        .as_str()
        .unwrap()
        .contains("line 1"));

    let response = post(r#"{"name": 5}"#.into(), "application/json")
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(json(response).await["error"], "invalid_request");

    let response = post(r#"{"name":"x"}"#.into(), "text/plain").await.unwrap();
    assert_eq!(response.status(), 415);
    assert_eq!(json(response).await["error"], "unsupported_media_type");

    let response = post(
        format!(r#"{{"name":"{}"}}"#, "x".repeat(5000)),
        "application/json",
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 413);
    let body = json(response).await;
    assert_eq!(body["error"], "payload_too_large");
    assert_eq!(body["details"]["limit_bytes"], 1024);
}
