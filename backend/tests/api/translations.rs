//! The editors' review marks on the interface's translations.

use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{json, signed_in, spawn_app, TestApp};

async fn list(app: &TestApp, token: &str, language: &str) -> Value {
    let response = app
        .authorized(
            "GET",
            &format!("/api/v1/editor/translations?language={language}"),
            &format!("Bearer {token}"),
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    json(response).await
}

fn message<'a>(list: &'a Value, id: &str) -> &'a Value {
    list["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("{id} in the list"))
}

#[actix_web::test]
async fn kurdish_texts_need_review_until_an_editor_marks_the_text_they_read() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let auth = format!("Bearer {}", editor.token);

    let before = list(&app, &editor.token, "ckb").await;
    let total = before["total"].as_u64().unwrap();
    assert!(total > 300, "{total} Sorani messages");
    assert_eq!(before["needing_review"], total, "nothing reviewed yet");
    let intro = message(&before, "missing-intro").clone();
    assert!(intro["review"].is_null());
    assert!(!intro["english"].as_str().unwrap().is_empty());
    assert_eq!(intro["file"], "cases.ftl");

    // A hash that is not the text's as it is now (a newer version changed it): refused as stale.
    let stale = app
        .authorized(
            "PUT",
            "/api/v1/editor/translations/ckb/missing-intro/review",
            &auth,
            Some(json!({ "text_hash": "0".repeat(64) })),
        )
        .await;
    assert_eq!(stale.status(), 409);
    assert_eq!(json(stale).await["error"], "stale_view");

    let marked = app
        .authorized(
            "PUT",
            "/api/v1/editor/translations/ckb/missing-intro/review",
            &auth,
            Some(json!({ "text_hash": intro["text_hash"] })),
        )
        .await;
    assert_eq!(marked.status(), 204);
    let after = list(&app, &editor.token, "ckb").await;
    assert_eq!(after["needing_review"], total - 1);
    let reviewed = message(&after, "missing-intro");
    assert_eq!(reviewed["review"]["reviewer"], "Test Person");
    // Those needing review come first.
    assert!(after["messages"][0]["review"].is_null());
    assert_eq!(
        after["messages"].as_array().unwrap().last().unwrap()["id"],
        "missing-intro"
    );
    // The mark is per language.
    assert!(message(&list(&app, &editor.token, "kmr").await, "missing-intro")["review"].is_null());

    // A text marked under another hash (as after an upgrade changed it) needs review again.
    {
        use diesel::prelude::*;
        use sanad_backend::schema::translation_reviews;
        let mut conn = app.pool().get().unwrap();
        diesel::update(translation_reviews::table)
            .set(translation_reviews::text_hash.eq("f".repeat(64)))
            .execute(&mut conn)
            .unwrap();
    }
    assert!(message(&list(&app, &editor.token, "ckb").await, "missing-intro")["review"].is_null());
    let again = app
        .authorized(
            "PUT",
            "/api/v1/editor/translations/ckb/missing-intro/review",
            &auth,
            Some(json!({ "text_hash": intro["text_hash"] })),
        )
        .await;
    assert_eq!(again.status(), 204);

    // Putting the mark back.
    let unmarked = app
        .authorized(
            "DELETE",
            "/api/v1/editor/translations/ckb/missing-intro/review",
            &auth,
            None,
        )
        .await;
    assert_eq!(unmarked.status(), 204);
    assert_eq!(
        list(&app, &editor.token, "ckb").await["needing_review"],
        total
    );

    // Audited, each with who and which text.
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let trail = json(
        app.authorized(
            "GET",
            "/api/v1/audit?limit=50",
            &format!("Bearer {}", admin.token),
            None,
        )
        .await,
    )
    .await
    .to_string();
    assert!(trail.contains("translation_reviewed"), "{trail}");
    assert!(trail.contains("translation_review_requested"));
    assert!(trail.contains("translation:ckb:missing-intro"));
}

#[actix_web::test]
async fn only_editors_review_and_only_known_languages_and_messages() {
    let app = spawn_app().await;
    let moderator = signed_in(&app, "moderator@example.org", &[Role::Moderator]).await;
    let refused = app
        .authorized(
            "GET",
            "/api/v1/editor/translations?language=ckb",
            &format!("Bearer {}", moderator.token),
            None,
        )
        .await;
    assert_eq!(refused.status(), 403);

    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let auth = format!("Bearer {}", editor.token);
    for language in ["en", "fr", ""] {
        let response = app
            .authorized(
                "GET",
                &format!("/api/v1/editor/translations?language={language}"),
                &auth,
                None,
            )
            .await;
        assert_eq!(response.status(), 400, "{language:?}");
        assert_eq!(json(response).await["error"], "invalid_request");
    }
    let unknown = app
        .authorized(
            "PUT",
            "/api/v1/editor/translations/ckb/no-such-message/review",
            &auth,
            Some(json!({ "text_hash": "0".repeat(64) })),
        )
        .await;
    assert_eq!(unknown.status(), 404);
}
