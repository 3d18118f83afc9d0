//! The web app's files, the history-API fallback and caching.

use crate::helpers::{fake_frontend, json, spawn_with, test_config, TestApp};

async fn app_with_frontend() -> TestApp {
    let (mut config, dir, pg) = test_config();
    config.frontend_dir = Some(fake_frontend(dir.path()));
    spawn_with(config, dir, pg).await
}

#[actix_web::test]
async fn app_routes_fall_back_to_index_html() {
    let app = app_with_frontend().await;
    for path in ["/", "/reports", "/learning", "/staffing", "/report/x"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "text/html; charset=utf-8"
        );
        assert_eq!(response.headers()["cache-control"], "no-cache");
        assert!(response.text().await.unwrap().contains("Sanad test shell"));
    }
}

#[actix_web::test]
async fn the_staff_area_is_served_its_own_app() {
    let app = app_with_frontend().await;
    for path in ["/staff", "/staff/team", "/staff/set-password"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response.text().await.unwrap().contains("Sanad staff shell"),
            "{path}"
        );
    }
}

#[actix_web::test]
async fn each_public_form_is_served_its_own_app() {
    let app = app_with_frontend().await;
    for (path, title) in [
        ("/report", "Sanad report shell"),
        ("/follow-up", "Sanad follow-up shell"),
        ("/missing", "Sanad missing shell"),
        ("/learn", "Sanad learn shell"),
        ("/learn/the-law", "Sanad learn shell"),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache");
        assert!(response.text().await.unwrap().contains(title), "{path}");
    }
}

#[actix_web::test]
async fn missing_files_and_unknown_api_paths_are_404_not_the_shell() {
    let app = app_with_frontend().await;
    for path in [
        "/missing.js",
        "/assets/nope.wasm",
        "/api/v2/languages",
        "/api",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(json(response).await["error"], "not_found");
    }
    let response = app.client.post(app.url("/report")).send().await.unwrap();
    assert_eq!(response.status(), 404);
}

#[actix_web::test]
async fn hashed_assets_are_immutable_precompressed_and_revalidate() {
    let app = app_with_frontend().await;
    let response = app
        .client
        .get(app.url("/assets/app-1234.js"))
        .header("Accept-Encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(
        response.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(response.text().await.unwrap(), "pretend-brotli");

    let plain = app
        .client
        .get(app.url("/assets/app-1234.js"))
        .header("Accept-Encoding", "identity")
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "console.log('plain')");

    let cached = app
        .client
        .get(app.url("/assets/app-1234.js"))
        .header("If-None-Match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), 304);
}

#[actix_web::test]
async fn a_server_without_a_built_app_says_so() {
    let (mut config, dir, pg) = test_config();
    config.frontend_dir = Some(dir.path().join("empty"));
    let app = spawn_with(config, dir, pg).await;
    let response = app.get("/").await;
    assert_eq!(response.status(), 503);
    assert_eq!(json(response).await["error"], "frontend_not_built");
}
