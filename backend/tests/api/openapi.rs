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

/// The `$ref`s in `value`, wherever they are.
fn references(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(target) = map.get("$ref").and_then(|r| r.as_str()) {
                found.push(target.to_owned());
            }
            map.values().for_each(|v| references(v, found));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

/// A parameter's own schema: without the `""` optional query parameters admit beside it (see
/// `EmptyMeansAbsent`) and without the `null` of an optional one.
fn own_schema(parameter: &serde_json::Value) -> &serde_json::Value {
    let mut schema = &parameter["schema"];
    if let Some(choices) = schema["anyOf"].as_array() {
        schema = &choices[0];
    }
    if let Some(choices) = schema["oneOf"].as_array() {
        schema = choices
            .iter()
            .find(|c| c["type"] != "null")
            .unwrap_or(schema);
    }
    schema
}

fn parameter<'a>(
    document: &'a serde_json::Value,
    method: &str,
    path: &str,
    name: &str,
) -> &'a serde_json::Value {
    document["paths"][path][method]["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == name))
        .unwrap_or_else(|| panic!("{method} {path} has no parameter {name}"))
}

#[actix_web::test]
async fn the_document_describes_the_answers_and_the_limits_the_server_holds_to() {
    let app = spawn_app().await;
    let document = json(app.get("/api/v1/openapi.json").await).await;
    let schemas = &document["components"]["schemas"];

    let mut found = Vec::new();
    references(&document, &mut found);
    for target in &found {
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected reference {target}"));
        assert!(schemas[name].is_object(), "{target} does not resolve");
    }

    // Validation errors list their fields; other errors give facts as an object.
    let details = serde_json::to_string(&schemas["ErrorDetails"]).unwrap();
    assert!(details.contains("\"type\":\"array\""), "{details}");
    assert!(
        details.contains("#/components/schemas/FieldProblem"),
        "{details}"
    );
    assert!(details.contains("\"type\":\"object\""), "{details}");
    assert_eq!(
        schemas["CaseMatch"]["properties"]["reasons"]["type"],
        "array"
    );

    // Every operation that reads input answers 400 to input it cannot read; every JSON body is
    // refused with 413 past the limit and 415 when it is not JSON.
    let mut operations = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let reads = operation["parameters"]
                .as_array()
                .is_some_and(|p| !p.is_empty())
                || operation.get("requestBody").is_some();
            if reads {
                assert!(responses.contains_key("400"), "{method} {path} lacks 400");
            }
            if operation["requestBody"]["content"]["application/json"].is_object() {
                for status in ["413", "415"] {
                    assert!(
                        responses.contains_key(status),
                        "{method} {path} lacks {status}"
                    );
                }
            }
            operations += 1;
        }
    }
    assert!(operations > 90, "{operations} operations");

    // Languages are the four the server knows, reviewed texts the three it reviews; pages end
    // where the server stops.
    for (method, path, name) in [
        ("get", "/api/v1/articles", "lang"),
        ("get", "/api/v1/articles/{slug}", "lang"),
        ("get", "/api/v1/tips/{id}/evidence", "lang"),
        ("get", "/api/v1/locales/{language}", "language"),
        (
            "put",
            "/api/v1/editor/articles/{id}/translations/{lang}",
            "lang",
        ),
    ] {
        let schema = own_schema(parameter(&document, method, path, name));
        assert_eq!(
            schema["$ref"], "#/components/schemas/Language",
            "{path} {name}"
        );
    }
    let reviewed = own_schema(parameter(
        &document,
        "get",
        "/api/v1/editor/translations",
        "language",
    ));
    assert_eq!(reviewed["$ref"], "#/components/schemas/ReviewedLanguage");
    assert_eq!(
        schemas["ReviewedLanguage"]["enum"],
        serde_json::json!(["ar", "ckb", "kmr"])
    );
    for (path, most) in [
        ("/api/v1/articles", 10_000),
        ("/api/v1/editor/articles", 10_000),
        ("/api/v1/tips", 1_000),
        ("/api/v1/cases", 1_000),
    ] {
        let page = own_schema(parameter(&document, "get", path, "page"));
        assert_eq!(page["maximum"], most, "{path}");
        assert_eq!(page["minimum"], 1, "{path}");
    }
    assert_eq!(app.get("/api/v1/articles?page=10001").await.status(), 400);
    assert_eq!(app.get("/api/v1/articles?lang=xx").await.status(), 400);
    // An empty parameter is an absent one, as the document says.
    assert_eq!(
        app.get("/api/v1/articles?lang=&page=&category=")
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn a_whole_number_written_with_a_decimal_point_is_read_as_an_integer() {
    let app = spawn_app().await;
    let admin = crate::helpers::signed_in(
        &app,
        "whole@example.org",
        &[sanad_shared::staff::Role::Admin],
    )
    .await;
    let bearer = format!("Bearer {}", admin.token);
    let set = |hours: serde_json::Value| serde_json::json!({ "require_totp": false, "first_look_hours": hours });
    let answer = app
        .authorized(
            "PUT",
            "/api/v1/settings",
            &bearer,
            Some(set(serde_json::json!(36.0))),
        )
        .await;
    assert_eq!(answer.status(), 204, "{:?}", answer.text().await);
    let stored = json(
        app.authorized("GET", "/api/v1/settings", &bearer, None)
            .await,
    )
    .await;
    assert_eq!(stored["first_look_hours"], 36);
    // A fraction is not an integer, and the stored value stays as it was.
    let answer = app
        .authorized(
            "PUT",
            "/api/v1/settings",
            &bearer,
            Some(set(serde_json::json!(36.5))),
        )
        .await;
    assert_eq!(answer.status(), 400);
    assert_eq!(json(answer).await["error"], "invalid_request");
    let stored = json(
        app.authorized("GET", "/api/v1/settings", &bearer, None)
            .await,
    )
    .await;
    assert_eq!(stored["first_look_hours"], 36);
}
