use crate::helpers::{json, spawn_app};

#[actix_web::test]
async fn languages_lists_four_with_native_names_and_directions_arabic_first() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/languages").await;
    assert_eq!(response.status(), 200);
    let body = json(response).await;
    let list = body.as_array().unwrap();
    let codes: Vec<&str> = list.iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["ar", "ckb", "kmr", "en"]);
    let directions: Vec<&str> = list
        .iter()
        .map(|l| l["direction"].as_str().unwrap())
        .collect();
    assert_eq!(directions, ["rtl", "rtl", "ltr", "ltr"]);
    assert_eq!(list[0]["native_name"], "العربية");
    assert_eq!(list[3]["native_name"], "English");
    for language in list {
        assert!(!language["native_name"].as_str().unwrap().trim().is_empty());
    }
}

#[actix_web::test]
async fn a_language_document_is_served_with_an_etag_and_revalidates_to_304() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/locales/ckb").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-language"], "ckb");
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let text = response.text().await.unwrap();
    assert!(text.contains("language-native-name = کوردی"), "{text}");
    assert!(
        text.contains("state-retry"),
        "the boot messages are part of the document"
    );

    let again = app
        .client
        .get(app.url("/api/v1/locales/ckb"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.text().await.unwrap().is_empty());

    let other = app
        .client
        .get(app.url("/api/v1/locales/ar"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200, "another language has another ETag");
}

#[actix_web::test]
async fn regional_tags_are_understood_and_unknown_languages_refused() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/v1/locales/ar-IQ").await.status(), 200);
    let response = app.get("/api/v1/locales/fr").await;
    assert_eq!(response.status(), 400);
    let body = json(response).await;
    assert_eq!(body["error"], "unknown_language");
    assert_eq!(body["details"]["language"], "fr");
    assert_eq!(
        body["details"]["supported"],
        serde_json::json!(["ar", "ckb", "kmr", "en"])
    );
}
