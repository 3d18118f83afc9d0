//! The web app's files, its pages (staff area, public forms), redirects to a language and caching.

use crate::helpers::{fake_frontend, json, spawn_with, test_config, TestApp};

async fn app_with_frontend() -> TestApp {
    let (mut config, dir, pg) = test_config();
    config.frontend_dir = Some(fake_frontend(dir.path()));
    spawn_with(config, dir, pg).await
}

#[actix_web::test]
async fn public_paths_without_a_language_go_to_the_readers() {
    let app = app_with_frontend().await;
    for (path, accept, to) in [
        ("/reports", None, "/ar/reports"),
        ("/learning", Some("ckb-IQ, ar;q=0.5"), "/ckb/learning"),
        ("/report/x", Some("en"), "/en/report/x"),
    ] {
        let mut request = app.client.get(app.url(path));
        if let Some(accept) = accept {
            request = request.header("Accept-Language", accept);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 302, "{path}");
        assert_eq!(response.headers()["location"], to, "{path}");
        assert_eq!(response.headers()["vary"], "Accept-Language", "{path}");
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

/// Where the build has the islands, the pages that hold one load them; the page stays the
/// server's whole form, the same with a script and without.
#[actix_web::test]
async fn the_forms_load_the_islands_and_stay_the_servers_pages() {
    let app = app_with_frontend().await;
    for (path, field) in [
        ("/kmr/missing", "name=\"names.given\""),
        ("/ar/missing", "name=\"names.given\""),
        ("/en/report", "name=\"description\""),
        ("/ckb/report", "name=\"description\""),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store");
        let html = response.text().await.unwrap();
        assert!(html.contains(field), "{path}");
        assert!(!html.contains("<noscript>"), "{path}");
        assert!(
            html.contains("<script type=\"module\" src=\"/assets/boot-islands-1.js\">"),
            "{path}"
        );
        assert!(
            html.contains("<link rel=\"modulepreload\" href=\"/assets/islands-1.js\">"),
            "{path}"
        );
        assert!(
            html.contains("<leptos-island data-component=\"FormHelper_"),
            "{path}: the form's island"
        );
        assert!(
            !html.contains("data-props="),
            "{path}: the island's words are its children, not props to decode"
        );
    }
    // The follow-up page has no island and loads no script but the offline reader.
    let follow_up = app.get("/ckb/follow-up").await;
    assert_eq!(follow_up.headers()["cache-control"], "no-store");
    let html = follow_up.text().await.unwrap();
    assert!(html.contains("name=\"receipt\""));
    assert!(!html.contains("type=\"module\"") && !html.contains("<leptos-island"));
    // Before the web app is built the pages are the server's forms alone.
    let (mut config, dir, pg) = test_config();
    config.frontend_dir = Some(dir.path().join("empty"));
    let bare = spawn_with(config, dir, pg).await;
    let html = bare.get("/en/report").await.text().await.unwrap();
    assert!(!html.contains("type=\"module\"") && html.contains("<form"));
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
    assert_eq!(response.status(), 405);
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
    // The staff area is its app alone; every public page is the server's and needs no build.
    let response = app.get("/staff").await;
    assert_eq!(response.status(), 503);
    assert_eq!(json(response).await["error"], "frontend_not_built");
    assert_eq!(app.get("/ar/missing").await.status(), 200);
    let response = app.get("/staff/tips").await;
    assert_eq!(response.status(), 503);
    assert_eq!(json(response).await["error"], "frontend_not_built");
}
