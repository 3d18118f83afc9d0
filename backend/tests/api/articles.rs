//! Awareness articles over HTTP: the seed content, language fallback and negotiation, ETags and
//! public caching, sanitised Markdown, scheduling, revisions, counting reads without tracking,
//! editors' permissions and `sanad seed`.

use std::time::Duration;

use diesel::prelude::*;
use sanad_backend::schema::{article_reads, articles, audit_log};
use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{json, signed_in, spawn_app, TestApp};

const SEED_SLUGS: [&str; 6] = [
    "help-and-options-at-home",
    "how-recruiters-lure-young-people",
    "how-to-report-a-recruiter-safely",
    "the-law-on-joining-foreign-armies",
    "the-reality-for-recruits",
    "when-a-relative-goes-missing",
];

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    body: Value,
) -> reqwest::Response {
    app.authorized(method, path, &bearer(token), Some(body))
        .await
}

/// A new draft with the given texts; returns its id.
async fn draft(app: &TestApp, token: &str, slug: &str, texts: &[(&str, &str)]) -> i64 {
    let created = send(
        app,
        "POST",
        "/api/v1/editor/articles",
        token,
        json!({ "slug": slug, "category": "law" }),
    )
    .await;
    assert_eq!(created.status(), 201);
    let id = json(created).await["id"].as_i64().unwrap();
    for (language, title) in texts {
        let saved = send(
            app,
            "PUT",
            &format!("/api/v1/editor/articles/{id}/translations/{language}"),
            token,
            json!({ "title": title, "summary": format!("{title}: summary"), "body": format!("# {title}\n\nText in {language}.") }),
        )
        .await;
        assert_eq!(saved.status(), 200, "{}", saved.text().await.unwrap());
    }
    id
}

async fn publish(app: &TestApp, token: &str, id: i64, at: Option<i64>) -> reqwest::Response {
    send(
        app,
        "POST",
        &format!("/api/v1/editor/articles/{id}/status"),
        token,
        json!({ "status": "published", "publish_at_ms": at }),
    )
    .await
}

async fn public(app: &TestApp, path: &str) -> reqwest::Response {
    app.get(path).await
}

fn listed_slugs(page: &Value) -> Vec<String> {
    page["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn the_seed_is_loaded_on_first_start_with_six_articles_in_arabic_sorani_and_english() {
    let app = spawn_app().await;
    let page = json(public(&app, "/api/v1/articles?lang=ar").await).await;
    assert_eq!(page["total"], 6);
    let mut slugs = listed_slugs(&page);
    slugs.sort();
    assert_eq!(slugs, SEED_SLUGS);
    // Featured first.
    let featured: Vec<bool> = page["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["featured"].as_bool().unwrap())
        .collect();
    assert!(featured.windows(2).all(|w| w[0] >= w[1]), "{featured:?}");
    for slug in SEED_SLUGS {
        for language in ["ar", "ckb", "en"] {
            let response = public(&app, &format!("/api/v1/articles/{slug}?lang={language}")).await;
            assert_eq!(response.status(), 200, "{slug} in {language}");
            let article = json(response).await;
            assert_eq!(article["language"], language);
            assert_eq!(article["fallback"], false);
            assert!(!article["title"].as_str().unwrap().is_empty());
            assert!(article["body_html"].as_str().unwrap().contains("<p>"));
            assert!(!article["body_html"].as_str().unwrap().contains("+++"));
        }
    }
    let campaign = &page["articles"][0]["campaign"];
    assert_eq!(campaign["slug"], "know-the-risks");
    assert_eq!(campaign["title"], "اعرف المخاطر");
    let law = json(public(&app, "/api/v1/articles?lang=en&category=law").await).await;
    assert_eq!(listed_slugs(&law), ["the-law-on-joining-foreign-armies"]);
    let by_campaign = json(public(&app, "/api/v1/articles?campaign=know-the-risks").await).await;
    assert_eq!(by_campaign["total"], 6);
    let none = json(public(&app, "/api/v1/articles?campaign=no-such-campaign").await).await;
    assert_eq!(none["total"], 0);
    assert_eq!(
        public(&app, "/api/v1/articles?category=gossip")
            .await
            .status(),
        400
    );
    assert_eq!(public(&app, "/api/v1/articles?lang=fr").await.status(), 400);

    // Editors see them as published but waiting for a native speaker's review.
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let list = json(
        app.authorized(
            "GET",
            "/api/v1/editor/articles",
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(list["total"], 6);
    for article in list["articles"].as_array().unwrap() {
        assert_eq!(article["status"], "published");
        assert_eq!(article["needs_review"], true);
        assert_eq!(article["visible"], true);
        assert_eq!(article["missing_languages"], json!([]));
    }
    let id = list["articles"][0]["id"].as_i64().unwrap();
    let detail = json(
        app.authorized(
            "GET",
            &format!("/api/v1/editor/articles/{id}"),
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    assert!(detail["review_note"]
        .as_str()
        .unwrap()
        .contains("native-speaker review"));
    assert_eq!(detail["checklist"]["ready"], true);
    assert_eq!(detail["translations"].as_array().unwrap().len(), 4);
    let campaigns = json(
        app.authorized(
            "GET",
            "/api/v1/editor/campaigns",
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(campaigns[0]["slug"], "know-the-risks");
    assert_eq!(campaigns[0]["article_count"], 6);

    // The seed wrote one audit entry, and every seeded article is as it was seeded.
    let mut conn = app.pool().get().unwrap();
    let seeded: i64 = audit_log::table
        .filter(audit_log::action.eq("articles_seeded"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(seeded, 1);
    let hashes: Vec<(String, Option<String>)> = articles::table
        .select((articles::content_hash, articles::seed_hash))
        .load(&mut conn)
        .unwrap();
    assert!(hashes
        .iter()
        .all(|(content, seed)| Some(content) == seed.as_ref()));
}

#[actix_web::test]
async fn an_article_missing_a_language_falls_back_to_arabic_and_says_so() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let id = draft(
        &app,
        &editor.token,
        "arabic-and-english-only",
        &[("ar", "مقال"), ("en", "An article")],
    )
    .await;
    let detail = json(publish(&app, &editor.token, id, None).await).await;
    assert_eq!(detail["status"], "published");
    assert_eq!(
        detail["checklist"]["missing_languages"],
        json!(["ckb", "kmr"])
    );

    let article =
        json(public(&app, "/api/v1/articles/arabic-and-english-only?lang=ckb").await).await;
    assert_eq!(article["language"], "ar");
    assert_eq!(article["direction"], "rtl");
    assert_eq!(article["fallback"], true);
    assert_eq!(article["title"], "مقال");
    assert_eq!(article["available_languages"], json!(["ar", "en"]));
    let english =
        json(public(&app, "/api/v1/articles/arabic-and-english-only?lang=en").await).await;
    assert_eq!(english["fallback"], false);
    assert_eq!(english["title"], "An article");

    let page = json(public(&app, "/api/v1/articles?lang=ckb").await).await;
    assert_eq!(page["language"], "ckb");
    let item = page["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "arabic-and-english-only")
        .unwrap();
    assert_eq!(item["fallback"], true);
    assert_eq!(item["language"], "ar");
    assert_eq!(item["available_languages"], json!(["ar", "en"]));
    let seeded = page["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "the-law-on-joining-foreign-armies")
        .unwrap();
    assert_eq!(seeded["language"], "ckb");
    assert_eq!(seeded["fallback"], false);

    // Without `lang`, Accept-Language decides, and the answer says it varies with it.
    let negotiated = app
        .client
        .get(app.url("/api/v1/articles/the-law-on-joining-foreign-armies"))
        .header("Accept-Language", "ckb")
        .send()
        .await
        .unwrap();
    assert_eq!(negotiated.headers()["content-language"], "ckb");
    let vary = negotiated.headers()["vary"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(vary.contains("accept-language"), "{vary}");
    let body = json(negotiated).await;
    assert_eq!(body["language"], "ckb");
    assert_eq!(body["fallback"], false);
    let fallback = app
        .client
        .get(app.url("/api/v1/articles/arabic-and-english-only"))
        .header("Accept-Language", "ckb-IQ, en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(fallback.headers()["content-language"], "ar");
    let fallback = json(fallback).await;
    assert_eq!(fallback["fallback"], true);
    let list = app
        .client
        .get(app.url("/api/v1/articles"))
        .header("Accept-Language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(json(list).await["language"], "en");
    // With `lang`, the header plays no part.
    let explicit = app
        .client
        .get(app.url("/api/v1/articles?lang=ar"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert!(explicit.headers().get("vary").is_none_or(|v| !v
        .to_str()
        .unwrap()
        .to_lowercase()
        .contains("accept-language")));
    assert_eq!(json(explicit).await["language"], "ar");
}

#[actix_web::test]
async fn etags_answer_304_and_change_when_the_article_changes() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let id = draft(&app, &editor.token, "etag-test", &[("ar", "الأول")]).await;
    assert_eq!(publish(&app, &editor.token, id, None).await.status(), 200);

    for path in [
        "/api/v1/articles/etag-test?lang=ar",
        "/api/v1/articles?lang=ar",
    ] {
        let first = public(&app, path).await;
        assert_eq!(first.status(), 200);
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        assert!(etag.starts_with('"'), "{etag}");
        let again = app
            .client
            .get(app.url(path))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"], etag.as_str());
        assert!(again.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("public"));
        assert!(again.bytes().await.unwrap().is_empty());
    }
    let before_detail = public(&app, "/api/v1/articles/etag-test?lang=ar")
        .await
        .headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let before_list = public(&app, "/api/v1/articles?lang=ar").await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();

    let saved = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}/translations/ar"),
        &editor.token,
        json!({ "title": "الثاني", "summary": "ملخص", "body": "نص جديد" }),
    )
    .await;
    assert_eq!(saved.status(), 200);
    for (path, before) in [
        ("/api/v1/articles/etag-test?lang=ar", &before_detail),
        ("/api/v1/articles?lang=ar", &before_list),
    ] {
        let changed = app
            .client
            .get(app.url(path))
            .header("If-None-Match", before.as_str())
            .send()
            .await
            .unwrap();
        assert_eq!(changed.status(), 200, "{path}");
        assert_ne!(changed.headers()["etag"], before.as_str());
        assert!(json(changed).await.to_string().contains("الثاني"));
    }
}

/// A valid 6x4 PNG.
fn png() -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(6, 4, |x, y| image::Rgb([x as u8 * 40, y as u8 * 60, 90]));
    let mut encoded = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut encoded, image::ImageFormat::Png)
        .unwrap();
    encoded.into_inner()
}

#[actix_web::test]
async fn article_answers_and_pictures_are_cacheable_by_a_cdn_and_carry_nothing_personal() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let form = reqwest::multipart::Form::new().part(
        "image",
        reqwest::multipart::Part::bytes(png())
            .file_name("poster.png")
            .mime_str("image/png")
            .unwrap(),
    );
    let uploaded = app
        .client
        .post(app.url("/api/v1/editor/media"))
        .header("Authorization", bearer(&editor.token))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 201);
    let uploaded = json(uploaded).await;
    let src = uploaded["src"].as_str().unwrap().to_owned();
    assert!(src.starts_with("/media/") && src.ends_with(".png"), "{src}");
    assert_eq!(uploaded["width"], 6);

    let id = draft(&app, &editor.token, "with-a-picture", &[]).await;
    let without_alt = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}/translations/ar"),
        &editor.token,
        json!({ "title": "صورة", "summary": "ملخص", "body": "نص", "image": src }),
    )
    .await;
    assert_eq!(without_alt.status(), 400);
    assert_eq!(json(without_alt).await["error"], "invalid_article");
    let saved = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}/translations/ar"),
        &editor.token,
        json!({ "title": "صورة", "summary": "ملخص", "body": format!("نص\n\n![ملصق]({src})"), "image": src, "image_alt": "ملصق الحملة" }),
    )
    .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(publish(&app, &editor.token, id, None).await.status(), 200);

    for path in [
        "/api/v1/articles",
        "/api/v1/articles/with-a-picture?lang=ar",
    ] {
        let response = public(&app, path).await;
        assert_eq!(response.status(), 200, "{path}");
        let cache = response.headers()["cache-control"].to_str().unwrap();
        assert!(
            cache.contains("public") && cache.contains("max-age=") && !cache.contains("no-store"),
            "{path}: {cache}"
        );
        assert!(response.headers().get("set-cookie").is_none());
        let body = json(response).await.to_string();
        assert!(
            !body.contains(&editor.id) && !body.contains("Test Person"),
            "{body}"
        );
    }
    let article = json(public(&app, "/api/v1/articles/with-a-picture?lang=ar").await).await;
    assert_eq!(article["image"]["src"], src.as_str());
    assert_eq!(article["image"]["alt"], "ملصق الحملة");
    assert_eq!(article["image"]["height"], 4);
    assert!(article["body_html"].as_str().unwrap().contains(&src));

    let picture = public(&app, &src).await;
    assert_eq!(picture.status(), 200);
    assert_eq!(picture.headers()["content-type"], "image/png");
    assert!(picture.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let etag = picture.headers()["etag"].to_str().unwrap().to_owned();
    assert!(image::load_from_memory(&picture.bytes().await.unwrap()).is_ok());
    let again = app
        .client
        .get(app.url(&src))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // Errors and unknown things stay private.
    let missing = public(&app, "/api/v1/articles/no-such-article").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.headers()["cache-control"], "no-store");
    assert_eq!(
        public(&app, "/media/00000000000000000000000000000000.png")
            .await
            .status(),
        404
    );
    assert_eq!(public(&app, "/media/..%2Fsanad.db").await.status(), 404);
}

#[actix_web::test]
async fn hostile_markdown_from_an_editor_reaches_readers_sanitised() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let id = draft(&app, &editor.token, "hostile", &[]).await;
    let body = "Safe words.\n\n<script>alert('x')</script>\n\n\
        <img src=x onerror=\"alert(1)\">\n\n\
        [click](javascript:alert(1)) and <a href=\"JaVaScRiPt:alert(2)\">this</a>\n\n\
        ![tracker](https://tracker.example/pixel.gif)\n\n\
        <iframe src=\"https://evil.example\"></iframe>\n\n\
        <p style=\"position:fixed\" onclick=\"steal()\">styled</p>\n\n\
        <form action=\"https://evil.example\"><input name=q></form>";
    let saved = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}/translations/ar"),
        &editor.token,
        json!({ "title": "<b>عنوان</b>", "summary": "ملخص", "body": body }),
    )
    .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(publish(&app, &editor.token, id, None).await.status(), 200);
    let article = json(public(&app, "/api/v1/articles/hostile?lang=ar").await).await;
    let html = article["body_html"].as_str().unwrap();
    assert!(html.contains("Safe words."), "{html}");
    assert!(html.contains("styled"), "{html}");
    for forbidden in [
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "JaVaScRiPt",
        "tracker.example",
        "<iframe",
        "evil.example",
        "style=",
        "<form",
        "<input",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
    // The preview is exactly what readers get.
    let preview = send(
        &app,
        "POST",
        "/api/v1/editor/preview",
        &editor.token,
        json!({ "language": "ar", "title": "<b>عنوان</b>", "summary": "ملخص", "body": body }),
    )
    .await;
    assert_eq!(preview.status(), 200);
    let preview = json(preview).await;
    assert_eq!(preview["body_html"], article["body_html"]);
    assert_eq!(preview["direction"], "rtl");
}

fn now_ms() -> i64 {
    sanad_backend::audit::now_ms()
}

#[actix_web::test]
async fn drafts_never_show_and_a_scheduled_article_shows_only_from_its_time() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let id = draft(&app, &editor.token, "not-yet", &[("ar", "لاحقاً")]).await;
    let hidden = |app: &TestApp| {
        let app_url = app.url("");
        let client = app.client.clone();
        async move {
            let detail = client
                .get(format!("{app_url}/api/v1/articles/not-yet?lang=ar"))
                .send()
                .await
                .unwrap()
                .status();
            let page: Value = client
                .get(format!("{app_url}/api/v1/articles?lang=ar"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            (
                detail == 404,
                !listed_slugs(&page).contains(&"not-yet".to_owned()),
            )
        }
    };
    assert_eq!(hidden(&app).await, (true, true), "a draft");
    // In review is not published either.
    let review = send(
        &app,
        "POST",
        &format!("/api/v1/editor/articles/{id}/status"),
        &editor.token,
        json!({ "status": "in_review" }),
    )
    .await;
    assert_eq!(review.status(), 200);
    assert_eq!(hidden(&app).await, (true, true), "in review");

    let at = now_ms() + 2_500;
    let scheduled = json(publish(&app, &editor.token, id, Some(at)).await).await;
    assert_eq!(scheduled["status"], "published");
    assert_eq!(scheduled["publish_at_ms"], at);
    assert_eq!(scheduled["visible"], false);
    assert_eq!(hidden(&app).await, (true, true), "scheduled");
    while now_ms() <= at + 50 {
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(hidden(&app).await, (false, false), "after its time");

    // Archived: gone again.
    let archived = send(
        &app,
        "POST",
        &format!("/api/v1/editor/articles/{id}/status"),
        &editor.token,
        json!({ "status": "archived" }),
    )
    .await;
    assert_eq!(archived.status(), 200);
    assert_eq!(hidden(&app).await, (true, true), "archived");

    // Publishing needs an Arabic text: every reader falls back to it.
    let english_only = draft(&app, &editor.token, "english-only", &[("en", "English")]).await;
    let refused = publish(&app, &editor.token, english_only, None).await;
    assert_eq!(refused.status(), 400);
    let refused = json(refused).await;
    assert_eq!(refused["error"], "invalid_article");
    assert_eq!(refused["details"][0]["problem"], "arabic_required");
}

#[actix_web::test]
async fn two_edits_leave_a_history_of_who_changed_what() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let id = draft(&app, &editor.token, "history", &[("ar", "الأول")]).await;
    let path = format!("/api/v1/editor/articles/{id}/translations/ar");
    let edit = send(
        &app,
        "PUT",
        &path,
        &editor.token,
        json!({ "title": "الثاني", "summary": "الأول: summary", "body": "# الأول\n\nText in ar.", "expected_revision": 2 }),
    )
    .await;
    assert_eq!(edit.status(), 200, "{}", edit.text().await.unwrap());
    let settings = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}"),
        &editor.token,
        json!({ "slug": "history", "category": "help", "featured": true, "expected_revision": 3 }),
    )
    .await;
    assert_eq!(settings.status(), 200);
    assert_eq!(json(settings).await["revision"], 4);
    // Saving the same again is no change and no revision.
    let same = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}"),
        &editor.token,
        json!({ "slug": "history", "category": "help", "featured": true }),
    )
    .await;
    assert_eq!(json(same).await["revision"], 4);
    // A save from a stale copy is refused rather than undoing the newer change.
    let stale = send(
        &app,
        "PUT",
        &path,
        &editor.token,
        json!({ "title": "قديم", "summary": "s", "body": "b", "expected_revision": 2 }),
    )
    .await;
    assert_eq!(stale.status(), 409);
    let stale = json(stale).await;
    assert_eq!(stale["error"], "edit_conflict");
    assert_eq!(stale["details"]["revision"], 4);

    let history = json(
        app.authorized(
            "GET",
            &format!("/api/v1/editor/articles/{id}/revisions"),
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    let history = history.as_array().unwrap();
    let changes: Vec<(&str, Option<&str>)> = history
        .iter()
        .map(|r| (r["change"].as_str().unwrap(), r["language"].as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            ("created", None),
            ("translation", Some("ar")),
            ("translation", Some("ar")),
            ("settings", None)
        ]
    );
    for revision in history {
        assert_eq!(revision["staff_id"], editor.id.as_str());
        assert_eq!(revision["author"], "Test Person");
    }
    assert_eq!(history[2]["fields"], json!(["title"]));
    assert_eq!(history[2]["after"]["title"], "الثاني");
    assert_eq!(history[3]["fields"], json!(["category", "featured"]));

    let mut conn = app.pool().get().unwrap();
    let audited: Vec<String> = audit_log::table
        .filter(audit_log::object.eq(format!("article:{id}")))
        .select(audit_log::action)
        .order(audit_log::seq.asc())
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        audited,
        [
            "article_created",
            "article_translation_saved",
            "article_translation_saved",
            "article_updated"
        ]
    );
}

#[actix_web::test]
async fn reads_are_counted_per_article_language_and_day_and_nothing_about_readers() {
    let app = spawn_app().await;
    const MARK: &str = "reader-marker-7f3a";
    // Copies kept ahead for offline reading are not reads.
    for (header, value) in [
        ("Purpose", "prefetch"),
        ("Sec-Purpose", "prefetch;prerender"),
    ] {
        let response = app
            .client
            .get(app.url("/api/v1/articles/the-law-on-joining-foreign-armies?lang=ckb"))
            .header(header, value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    for (language, times) in [("ckb", 3), ("en", 2)] {
        for _ in 0..times {
            let response = app
                .client
                .get(app.url(&format!(
                    "/api/v1/articles/the-law-on-joining-foreign-armies?lang={language}"
                )))
                .header("User-Agent", format!("Browser {MARK}"))
                .header("X-Forwarded-For", "203.0.113.77")
                .header("Cookie", format!("id={MARK}"))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            assert!(response.headers().get("set-cookie").is_none());
        }
    }
    // Written in a batch within a few seconds.
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let pool = app.pool();
    let mut counts: Vec<(String, String, i64)> = Vec::new();
    for _ in 0..100 {
        let mut conn = pool.get().unwrap();
        counts = article_reads::table
            .select((
                article_reads::language,
                article_reads::day,
                article_reads::count,
            ))
            .order(article_reads::language.asc())
            .load(&mut conn)
            .unwrap();
        if counts.iter().map(|c| c.2).sum::<i64>() == 5 {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        counts,
        [
            ("ckb".to_owned(), today.clone(), 3),
            ("en".to_owned(), today.clone(), 2)
        ]
    );
    // A count per article, language and day is all there is.
    let shape = sanad_backend::db::schema_shape(&mut pool.get().unwrap()).unwrap();
    let columns: Vec<&String> = shape["article_reads"].keys().collect();
    assert_eq!(columns, ["article_id", "count", "day", "language"]);
    // Nothing of the readers anywhere in the data folder.
    let mut files = vec![app.config.data_dir.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            for marker in [MARK.as_bytes(), b"203.0.113.77"] {
                assert!(
                    !bytes.windows(marker.len()).any(|w| w == marker),
                    "a reader's marker in {}",
                    path.display()
                );
            }
        }
    }
    // Editors see the daily counts.
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let list = json(
        app.authorized(
            "GET",
            "/api/v1/editor/articles?category=law",
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    let id = list["articles"][0]["id"].as_i64().unwrap();
    let detail = json(
        app.authorized(
            "GET",
            &format!("/api/v1/editor/articles/{id}"),
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        detail["reads"],
        json!([
            { "day": today, "language": "ckb", "count": 3 },
            { "day": today, "language": "en", "count": 2 },
        ])
    );
}

#[actix_web::test]
async fn an_editor_writes_while_another_writer_commits() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let busy = Duration::from_millis(1500);
    // Each of these reads (the author's name, the article) before it writes.
    let writer = app.another_writer_holds(busy);
    let created = send(
        &app,
        "POST",
        "/api/v1/editor/articles",
        &editor.token,
        json!({ "slug": "written-while-busy", "category": "law" }),
    )
    .await;
    let status = created.status();
    assert_eq!(status, 201, "{}", created.text().await.unwrap());
    writer.join().unwrap();
    let id = json(created).await["id"].as_i64().unwrap();

    let writer = app.another_writer_holds(busy);
    let saved = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}/translations/ar"),
        &editor.token,
        json!({ "title": "عنوان", "summary": "ملخص", "body": "نص المقال." }),
    )
    .await;
    let status = saved.status();
    assert_eq!(status, 200, "{}", saved.text().await.unwrap());
    writer.join().unwrap();

    let writer = app.another_writer_holds(busy);
    let published = publish(&app, &editor.token, id, None).await;
    let status = published.status();
    assert_eq!(status, 200, "{}", published.text().await.unwrap());
    writer.join().unwrap();
    assert_eq!(
        public(&app, "/api/v1/articles/written-while-busy?lang=ar")
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn editors_and_admins_write_articles_and_other_staff_are_refused() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let body = json!({ "slug": "permissions", "category": "help" });
    for role in [Role::Moderator, Role::Caseworker] {
        let other = signed_in(&app, &format!("{}@example.org", role.as_str()), &[role]).await;
        let refused = send(
            &app,
            "POST",
            "/api/v1/editor/articles",
            &other.token,
            body.clone(),
        )
        .await;
        assert_eq!(refused.status(), 403, "{role:?}");
        let refused = app
            .authorized(
                "GET",
                "/api/v1/editor/articles",
                &bearer(&other.token),
                None,
            )
            .await;
        assert_eq!(refused.status(), 403, "{role:?}");
    }
    assert_eq!(
        app.client
            .post(app.url("/api/v1/editor/articles"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let created = send(
        &app,
        "POST",
        "/api/v1/editor/articles",
        &editor.token,
        body.clone(),
    )
    .await;
    assert_eq!(created.status(), 201);
    let taken = send(&app, "POST", "/api/v1/editor/articles", &admin.token, body).await;
    assert_eq!(taken.status(), 409);
    assert_eq!(json(taken).await["error"], "slug_taken");
    let invalid = send(
        &app,
        "POST",
        "/api/v1/editor/articles",
        &admin.token,
        json!({ "slug": "Not A Slug", "category": "help" }),
    )
    .await;
    assert_eq!(invalid.status(), 400);
    let campaign = send(
        &app,
        "POST",
        "/api/v1/editor/campaigns",
        &admin.token,
        json!({ "slug": "spring-2027", "titles": [{ "language": "ar", "text": "ربيع 2027" }], "period_start": "2027-03-01", "period_end": "2027-05-31" }),
    )
    .await;
    assert_eq!(campaign.status(), 201);
    assert_eq!(json(campaign).await["article_count"], 0);
}

fn sanad() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sanad"));
    for (key, _) in std::env::vars() {
        if key.starts_with("SANAD_") {
            command.env_remove(key);
        }
    }
    command
}

fn seed_command(app_config: &sanad_backend::config::Config) -> String {
    let mut command = sanad();
    command
        .arg("seed")
        .env("SANAD_DATA_DIR", &app_config.data_dir);
    if let Some(url) = &app_config.database_url {
        command.env("SANAD_DATABASE_URL", url);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

type State = Vec<(String, i64, String, Option<String>, i64)>;

fn state(app: &TestApp) -> (State, i64, i64) {
    let mut conn = app.pool().get().unwrap();
    let articles: State = articles::table
        .select((
            articles::slug,
            articles::revision,
            articles::content_hash,
            articles::seed_hash,
            articles::updated_at_ms,
        ))
        .order(articles::slug.asc())
        .load(&mut conn)
        .unwrap();
    let audit: i64 = audit_log::table.count().get_result(&mut conn).unwrap();
    let revisions: i64 = sanad_backend::schema::article_revisions::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    (articles, audit, revisions)
}

#[actix_web::test]
async fn sanad_seed_twice_changes_nothing_and_never_overwrites_an_editors_change() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let list = json(
        app.authorized(
            "GET",
            "/api/v1/editor/articles?category=reality",
            &bearer(&editor.token),
            None,
        )
        .await,
    )
    .await;
    let id = list["articles"][0]["id"].as_i64().unwrap();
    let edited = send(
        &app,
        "PUT",
        &format!("/api/v1/editor/articles/{id}/translations/ckb"),
        &editor.token,
        json!({ "title": "ناونیشانی پێداچوونەوە", "summary": "پوختە", "body": "دەق" }),
    )
    .await;
    assert_eq!(edited.status(), 200);

    let before = state(&app);
    let output = seed_command(&app.config);
    assert!(
        output.contains("0 articles created, 0 updated, 5 unchanged, 1 kept"),
        "{output}"
    );
    assert!(
        output.contains("kept: the-reality-for-recruits"),
        "{output}"
    );
    assert_eq!(state(&app), before);
    seed_command(&app.config);
    assert_eq!(state(&app), before);
    let article =
        json(public(&app, "/api/v1/articles/the-reality-for-recruits?lang=ckb").await).await;
    assert_eq!(article["title"], "ناونیشانی پێداچوونەوە");

    // On a database that has never seen them: the first run loads them, the second changes
    // nothing (not even the audit trail).
    let (config, dir, pg) = crate::helpers::test_config();
    let fresh = TestAppConfig {
        config,
        _dir: dir,
        _pg: pg,
    };
    let first = seed_command(&fresh.config);
    assert!(first.contains("6 articles created"), "{first}");
    let pool = sanad_backend::db::pool(&fresh.config.database_url().unwrap(), 1).unwrap();
    let snapshot = |pool: &sanad_backend::db::Pool| {
        let mut conn = pool.get().unwrap();
        let rows: Vec<(String, i64, i64)> = articles::table
            .select((articles::slug, articles::revision, articles::updated_at_ms))
            .order(articles::slug.asc())
            .load(&mut conn)
            .unwrap();
        let audit: i64 = audit_log::table.count().get_result(&mut conn).unwrap();
        (rows, audit)
    };
    let after_first = snapshot(&pool);
    assert_eq!(after_first.0.len(), 6);
    let second = seed_command(&fresh.config);
    assert!(
        second.contains("0 articles created, 0 updated, 6 unchanged"),
        "{second}"
    );
    assert_eq!(snapshot(&pool), after_first);
}

/// A configuration with its folder and schema kept alive for the test.
struct TestAppConfig {
    config: sanad_backend::config::Config,
    _dir: tempfile::TempDir,
    _pg: Option<crate::helpers::PgSchema>,
}
