//! Security headers on every response, no cookies ever, compression when asked.

use crate::helpers::{fake_frontend, spawn_with, test_config};

const REQUIRED: [(&str, &str); 6] = [
    (
        "strict-transport-security",
        "max-age=63072000; includeSubDomains",
    ),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
];

#[actix_web::test]
async fn every_kind_of_response_carries_the_security_headers_and_no_cookie() {
    let (mut config, dir, pg) = test_config();
    config.frontend_dir = Some(fake_frontend(dir.path()));
    let app = spawn_with(config, dir, pg).await;
    let requests = [
        ("GET", "/healthz", 200),
        ("GET", "/api/v1/languages", 200),
        ("GET", "/api/v1/openapi.json", 200),
        ("GET", "/api/v1/missing", 404),
        ("DELETE", "/readyz", 405),
        ("GET", "/", 302),
        ("GET", "/ar/", 200),
        ("GET", "/ckb/learn", 200),
        ("GET", "/kmr/no-such-page", 404),
        ("GET", "/report", 302),
        ("GET", "/ar/report", 200),
        ("GET", "/ar/missing", 200),
        ("GET", "/sitemap.xml", 200),
        ("GET", "/en/feed.xml", 200),
        ("GET", "/assets/app-1234.js", 200),
        ("GET", "/nothing.png", 404),
        // Refused by the staff session check before any handler runs.
        ("GET", "/api/v1/me", 401),
        ("GET", "/api/v1/tips/export", 401),
    ];
    for (method, path, status) in requests {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{method} {path}");
        let headers = response.headers();
        for (name, value) in REQUIRED {
            assert_eq!(
                headers.get(name).map(|v| v.to_str().unwrap()),
                Some(value),
                "{name} on {method} {path}"
            );
        }
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
            "{csp}"
        );
        assert!(
            headers.get("set-cookie").is_none(),
            "a cookie on {method} {path}"
        );
    }
}

#[actix_web::test]
async fn a_request_without_a_session_is_told_why_in_json() {
    let app = crate::helpers::spawn_app().await;
    for (path, authorization) in [
        ("/api/v1/me", None),
        ("/api/v1/audit", Some("Bearer not-a-token")),
        ("/api/v1/cases/search", Some("Basic c2FuYWQ6c2FuYWQ=")),
    ] {
        let mut request = app.client.get(app.url(path));
        if let Some(value) = authorization {
            request = request.header("Authorization", value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "{path}");
        assert_eq!(response.headers()["www-authenticate"], "Bearer", "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "unauthorized", "{path}: {body}");
    }
}

#[actix_web::test]
async fn api_answers_are_private_by_default() {
    let app = crate::helpers::spawn_app().await;
    for path in ["/healthz", "/api/v1/openapi.json", "/api/v1/nope"] {
        assert_eq!(
            app.get(path).await.headers()["cache-control"],
            "no-store",
            "{path}"
        );
    }
}

#[actix_web::test]
async fn responses_are_compressed_with_brotli_or_gzip_when_asked() {
    let app = crate::helpers::spawn_app().await;
    for encoding in ["br", "gzip"] {
        let response = app
            .client
            .get(app.url("/api/v1/openapi.json"))
            .header("Accept-Encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-encoding"], encoding);
    }
    let plain = app.get("/api/v1/openapi.json").await;
    assert!(plain.headers().get("content-encoding").is_none());
}
