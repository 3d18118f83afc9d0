//! The OpenAPI document lists the routes, and every route it lists answers as documented.

use crate::helpers::{json, spawn_app};

#[actix_web::test]
async fn the_document_lists_every_route_and_each_answers_as_documented() {
    let app = spawn_app().await;
    let document = json(app.get("/api/v1/openapi.json").await).await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    let mut listed: Vec<&str> = paths.keys().map(String::as_str).collect();
    listed.sort_unstable();
    assert_eq!(
        listed,
        [
            "/api/v1/articles",
            "/api/v1/articles/{slug}",
            "/api/v1/audit",
            "/api/v1/auth/link",
            "/api/v1/auth/link/password",
            "/api/v1/auth/login",
            "/api/v1/auth/logout",
            "/api/v1/auth/password-reset",
            "/api/v1/auth/refresh",
            "/api/v1/cases",
            "/api/v1/cases/bulk",
            "/api/v1/cases/export",
            "/api/v1/cases/search",
            "/api/v1/cases/{id}",
            "/api/v1/cases/{id}/assignee",
            "/api/v1/cases/{id}/connections",
            "/api/v1/cases/{id}/evidence",
            "/api/v1/cases/{id}/labels",
            "/api/v1/cases/{id}/matches/refresh",
            "/api/v1/cases/{id}/matches/{other_id}",
            "/api/v1/cases/{id}/messages",
            "/api/v1/cases/{id}/notes",
            "/api/v1/cases/{id}/photo",
            "/api/v1/cases/{id}/presence",
            "/api/v1/cases/{id}/priority",
            "/api/v1/cases/{id}/status",
            "/api/v1/cases/{id}/timeline",
            "/api/v1/challenges",
            "/api/v1/editor/articles",
            "/api/v1/editor/articles/{id}",
            "/api/v1/editor/articles/{id}/revisions",
            "/api/v1/editor/articles/{id}/status",
            "/api/v1/editor/articles/{id}/translations/{lang}",
            "/api/v1/editor/campaigns",
            "/api/v1/editor/media",
            "/api/v1/editor/preview",
            "/api/v1/editor/translations",
            "/api/v1/editor/translations/{lang}/{id}/review",
            "/api/v1/entities",
            "/api/v1/entities/{id}",
            "/api/v1/entities/{id}/aliases",
            "/api/v1/entities/{id}/aliases/{alias}",
            "/api/v1/evidence-key",
            "/api/v1/follow-up",
            "/api/v1/follow-up/attachments",
            "/api/v1/follow-up/case",
            "/api/v1/follow-up/case/messages",
            "/api/v1/follow-up/messages",
            "/api/v1/follow-up/tip",
            "/api/v1/labels",
            "/api/v1/labels/{id}",
            "/api/v1/languages",
            "/api/v1/locales/{language}",
            "/api/v1/me",
            "/api/v1/me/password",
            "/api/v1/me/totp",
            "/api/v1/me/totp/confirm",
            "/api/v1/me/totp/disable",
            "/api/v1/network",
            "/api/v1/network/export",
            "/api/v1/openapi.json",
            "/api/v1/pfif",
            "/api/v1/settings",
            "/api/v1/staff",
            "/api/v1/staff/{id}/deactivate",
            "/api/v1/staff/{id}/reactivate",
            "/api/v1/staff/{id}/roles",
            "/api/v1/statistics",
            "/api/v1/statistics/export",
            "/api/v1/tips",
            "/api/v1/tips/bulk",
            "/api/v1/tips/export",
            "/api/v1/tips/{id}",
            "/api/v1/tips/{id}/assignee",
            "/api/v1/tips/{id}/attachments/{attachment_id}",
            "/api/v1/tips/{id}/connections",
            "/api/v1/tips/{id}/evidence",
            "/api/v1/tips/{id}/labels",
            "/api/v1/tips/{id}/messages",
            "/api/v1/tips/{id}/notes",
            "/api/v1/tips/{id}/presence",
            "/api/v1/tips/{id}/priority",
            "/api/v1/tips/{id}/status",
            "/api/v1/tips/{id}/timeline",
            "/api/v1/triage/overview",
            "/api/v1/triage/staff",
            "/api/v1/views",
            "/api/v1/views/{id}",
            "/healthz",
            "/media/{name}",
            "/readyz",
        ]
    );
    // The public GET routes answer as documented here; the secured ones are exercised by the
    // access-control table, and the POST routes by their own tests.
    for (path, operations) in paths {
        let get = &operations["get"];
        if get.is_null() || get.get("security").is_some() {
            continue;
        }
        let documented: Vec<u16> = get["responses"]
            .as_object()
            .unwrap()
            .keys()
            .map(|s| s.parse().unwrap())
            .collect();
        let concrete = path.replace("{language}", "kmr");
        let status = app.get(&concrete).await.status().as_u16();
        assert!(
            documented.contains(&status),
            "GET {concrete} answered {status}, documented {documented:?}"
        );
    }
    for schema in ["ApiError", "ErrorCode", "LanguageInfo", "Health"] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "schema {schema} missing"
        );
    }
}
