use crate::helpers::{json, spawn_app};

#[actix_web::test]
async fn healthz_says_the_process_is_alive() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(json(response).await, serde_json::json!({"status": "alive"}));
}

#[actix_web::test]
async fn readyz_says_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(json(response).await, serde_json::json!({"status": "ready"}));
}

#[actix_web::test]
async fn head_and_post_on_a_get_route_are_refused_as_json() {
    let app = spawn_app().await;
    let response = app.client.post(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(json(response).await["error"], "method_not_allowed");
}
