//! Anonymous tips over HTTP: submission (JSON and multipart), receipts in every digit form,
//! follow-up, moderation, linking, limits, and what is (not) stored.

use std::io::{Read, Write};

use img_parts::{
    png::{Png, PngChunk},
    Bytes,
};
use sanad_shared::{pow, staff::Role};
use serde_json::{json, Value};

use crate::{
    helpers::{
        challenge_token, json, legacy_receipt_hash, signed_in, spawn_app, spawn_with,
        store_receipt_hash, stored_receipt_hashes, test_config, TestApp,
    },
    smtp::SmtpSink,
};

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

fn tip(description: &str) -> Value {
    json!({
        "subject": "agency",
        "description": description,
        "names": ["Abu Ali"],
        "phones": ["0770 123 4567"],
        "accounts": [{ "platform": "telegram", "handle": "@Jobs_Abroad_IQ" }],
        "agency": "Golden Wings Travel",
        "governorate": "basra",
        "place": "Ashar",
        "approximate_date": "2026-09",
        "language": "ar"
    })
}

async fn submit(app: &TestApp, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/tips"))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// Submits and returns the receipt.
async fn submitted(app: &TestApp, body: &Value) -> String {
    let response = submit(app, body).await;
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("set-cookie").is_none());
    json(response).await["receipt"].as_str().unwrap().to_owned()
}

use crate::helpers::open_receipt as open;

async fn follow_up_token(app: &TestApp, receipt: &str) -> String {
    let response = open(app, receipt).await;
    assert_eq!(response.status(), 200);
    let body = json(response).await;
    assert_eq!(body["expires_in"], 1200);
    body["token"].as_str().unwrap().to_owned()
}

fn arabic_indic(receipt: &str) -> String {
    receipt
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0660 + d).unwrap(),
            None => c,
        })
        .collect()
}

fn extended_arabic_indic_with_dashes(receipt: &str) -> String {
    let digits: Vec<char> = receipt
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| char::from_u32(0x06F0 + d).unwrap())
        .collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A small PNG with text chunks a phone or editor might leave in it.
fn png_with_metadata() -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(6, 4, |x, y| image::Rgb([x as u8 * 40, y as u8 * 60, 90]));
    let mut encoded = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut encoded, image::ImageFormat::Png)
        .unwrap();
    let mut png = Png::from_bytes(Bytes::from(encoded.into_inner())).unwrap();
    png.chunks_mut().insert(
        1,
        PngChunk::new(*b"tEXt", Bytes::from_static(b"Comment\0SECRET-PNG-TEXT")),
    );
    png.encoder().bytes().to_vec()
}

fn multipart(tip: &Value, images: &[(&str, Vec<u8>)]) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new().part(
        "tip",
        reqwest::multipart::Part::text(tip.to_string())
            .mime_str("application/json")
            .unwrap(),
    );
    for (name, bytes) in images {
        form = form.part(
            "image",
            reqwest::multipart::Part::bytes(bytes.clone())
                .file_name(name.to_string())
                .mime_str("image/jpeg")
                .unwrap(),
        );
    }
    form
}

#[actix_web::test]
async fn a_tip_is_followed_up_with_its_receipt_and_worked_by_a_moderator() {
    let app = spawn_app().await;
    let receipt = submitted(&app, &tip("مكتب سفر في العشار يعد الشباب بعمل في روسيا")).await;
    assert_eq!(receipt.len(), 19, "four groups of four: {receipt}");
    assert!(receipt
        .split(' ')
        .all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit())));

    // Every way a person may type it back opens the same tip.
    for typed in [
        receipt.clone(),
        receipt.replace(' ', ""),
        receipt.replace(' ', "-"),
        arabic_indic(&receipt),
        extended_arabic_indic_with_dashes(&receipt),
    ] {
        follow_up_token(&app, &typed).await;
    }
    let token = follow_up_token(&app, &arabic_indic(&receipt)).await;
    let view = json(
        app.authorized("GET", "/api/v1/follow-up/tip", &bearer(&token), None)
            .await,
    )
    .await;
    assert_eq!(view["status"], "received");
    assert_eq!(view["public_message"], Value::Null);
    assert_eq!(view["messages"], json!([]));
    assert_eq!(view["attachments_left"], 20);
    let day = view["received_on"].as_str().unwrap();
    assert_eq!(day.len(), 10, "the day only: {day}");

    let sent = app
        .authorized(
            "POST",
            "/api/v1/follow-up/messages",
            &bearer(&token),
            Some(json!({ "body": "لديّ صورة من الإعلان أيضاً" })),
        )
        .await;
    assert_eq!(sent.status(), 201);
    assert_eq!(json(sent).await["author"], "tipster");

    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let page = json(app.authorized("GET", "/api/v1/tips", &auth, None).await).await;
    let tips = page["tips"].as_array().unwrap();
    assert_eq!(tips.len(), 1);
    assert_eq!(tips[0]["status"], "new");
    assert_eq!(tips[0]["awaiting_reply"], true);
    assert_eq!(tips[0]["messages"], 1);
    assert_eq!(tips[0]["governorate"], "basra");
    let id = tips[0]["id"].as_i64().unwrap();

    let detail = json(
        app.authorized("GET", &format!("/api/v1/tips/{id}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(
        detail["description"],
        "مكتب سفر في العشار يعد الشباب بعمل في روسيا"
    );
    assert_eq!(detail["phones"], json!(["+9647701234567"]));
    assert_eq!(detail["agency"], "Golden Wings Travel");
    assert_eq!(detail["approximate_date"], "2026-09");
    assert_eq!(detail["language"], "ar");
    assert_eq!(detail["messages"][0]["body"], "لديّ صورة من الإعلان أيضاً");

    let reply = app
        .authorized(
            "POST",
            &format!("/api/v1/tips/{id}/messages"),
            &auth,
            Some(json!({ "body": "شكراً، أرسل الصورة من صفحة المتابعة." })),
        )
        .await;
    assert_eq!(reply.status(), 201);
    let status = app
        .authorized(
            "PUT",
            &format!("/api/v1/tips/{id}/status"),
            &auth,
            Some(json!({ "status": "actioned", "public_message": "نعمل على بلاغك." })),
        )
        .await;
    assert_eq!(status.status(), 204);

    let view = json(
        app.authorized("GET", "/api/v1/follow-up/tip", &bearer(&token), None)
            .await,
    )
    .await;
    assert_eq!(view["status"], "closed", "never `actioned` to the tipster");
    assert_eq!(view["public_message"], "نعمل على بلاغك.");
    assert_eq!(view["messages"][1]["author"], "moderator");

    let page = json(
        app.authorized("GET", "/api/v1/tips?status=actioned", &auth, None)
            .await,
    )
    .await;
    assert_eq!(page["tips"][0]["awaiting_reply"], false);
    let none = json(
        app.authorized("GET", "/api/v1/tips?status=new", &auth, None)
            .await,
    )
    .await;
    assert_eq!(none["tips"], json!([]));
    let bad = app
        .authorized("GET", "/api/v1/tips?status=lost", &auth, None)
        .await;
    assert_eq!(bad.status(), 400);

    // Reads and changes are in the audit trail, with no content.
    let pool = app.pool();
    let mut conn = pool.get().unwrap();
    use diesel::prelude::*;
    use sanad_backend::schema::audit_log;
    let entries: Vec<(String, String, String)> = audit_log::table
        .select((audit_log::action, audit_log::object, audit_log::details))
        .filter(audit_log::object.eq(format!("tip:{id}")))
        .order(audit_log::seq.asc())
        .load(&mut conn)
        .unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(actions, ["tip_read", "tip_replied", "tip_status_changed"]);
    assert!(entries
        .iter()
        .all(|e| !e.2.contains("نعمل") && !e.2.contains("مكتب")));
}

#[actix_web::test]
async fn moderators_reading_at_the_same_time_do_not_lock_each_other_out() {
    let app = spawn_app().await;
    submitted(&app, &tip("read by many")).await;
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let page = json(app.authorized("GET", "/api/v1/tips", &auth, None).await).await;
    let id = page["tips"][0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/tips/{id}");
    let reads = (0..12).map(|_| app.authorized("GET", &path, &auth, None));
    let statuses: Vec<u16> = futures_util::future::join_all(reads)
        .await
        .into_iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(statuses, vec![200; 12], "every audited read succeeds");
}

#[actix_web::test]
async fn a_tip_lists_its_strongest_links_first() {
    let app = spawn_app().await;
    // The phone and the account of `tip`, both.
    submitted(&app, &tip("the one looked at")).await;
    let mut phone_only = tip("phone only");
    phone_only["accounts"] = json!([]);
    submitted(&app, &phone_only).await;
    submitted(&app, &tip("phone and account")).await;
    let mut account_only = tip("account only");
    account_only["phones"] = json!([]);
    submitted(&app, &account_only).await;

    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let page = json(app.authorized("GET", "/api/v1/tips", &auth, None).await).await;
    let mut ids: Vec<i64> = page["tips"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    let detail = json(
        app.authorized("GET", &format!("/api/v1/tips/{}", ids[0]), &auth, None)
            .await,
    )
    .await;
    let linked: Vec<(i64, usize)> = detail["linked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_i64().unwrap(),
                l["shared"].as_array().unwrap().len(),
            )
        })
        .collect();
    // Two in common first; among equals the newest.
    assert_eq!(linked, [(ids[2], 2), (ids[3], 1), (ids[1], 1)]);
}

#[actix_web::test]
async fn tips_sharing_a_phone_or_account_are_linked_without_storing_either_in_clear() {
    let app = spawn_app().await;
    submitted(&app, &tip("first")).await;
    let mut second = tip("second");
    second["phones"] = json!(["+964 770 123 4567"]);
    second["accounts"] =
        json!([{ "platform": "telegram", "handle": "https://t.me/jobs_abroad_iq" }]);
    submitted(&app, &second).await;
    let mut unrelated = tip("third");
    unrelated["phones"] = json!(["07801112222"]);
    unrelated["accounts"] = json!([]);
    submitted(&app, &unrelated).await;

    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let page = json(app.authorized("GET", "/api/v1/tips", &auth, None).await).await;
    let ids: Vec<i64> = page["tips"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    // The two linked tips rank above the unlinked one (a link raises the priority), the older
    // first.
    assert!(
        ids[0] < ids[1] && ids[1] < ids[2],
        "linked first, then by age: {ids:?}"
    );
    let (first, second, third) = (ids[0], ids[1], ids[2]);
    let detail = json(
        app.authorized("GET", &format!("/api/v1/tips/{second}"), &auth, None)
            .await,
    )
    .await;
    let linked = detail["linked"].as_array().unwrap();
    assert_eq!(linked.len(), 1, "{linked:?}");
    assert_eq!(linked[0]["id"], first);
    assert_eq!(
        linked[0]["shared"],
        json!(["+9647701234567", "telegram:jobs_abroad_iq"])
    );
    let detail = json(
        app.authorized("GET", &format!("/api/v1/tips/{third}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(detail["linked"], json!([]));

    // Paging follows the queue's order.
    let page = json(
        app.authorized("GET", "/api/v1/tips?limit=2", &auth, None)
            .await,
    )
    .await;
    assert_eq!(page["tips"].as_array().unwrap().len(), 2);
    let next = page["next_page"].as_i64().unwrap();
    let page = json(
        app.authorized(
            "GET",
            &format!("/api/v1/tips?limit=2&page={next}"),
            &auth,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(page["tips"][0]["id"], third);
    assert_eq!(page["next_page"], Value::Null);

    // Nothing a tipster wrote is in the database in the clear.
    if !crate::helpers::postgres_requested() {
        let database = std::fs::read(app.config.data_dir.join("sanad.db")).unwrap();
        let wal = std::fs::read(app.config.data_dir.join("sanad.db-wal")).unwrap_or_default();
        for needle in [
            "9647701234567",
            "7701234567",
            "jobs_abroad_iq",
            "Jobs_Abroad_IQ",
            "Golden Wings",
            "Abu Ali",
            "Ashar",
        ] {
            for (name, bytes) in [("database", &database), ("wal", &wal)] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                    "{needle} is readable in the {name}"
                );
            }
        }
    }
}

#[actix_web::test]
async fn pictures_arrive_without_metadata_and_only_moderators_download_them() {
    let app = spawn_app().await;
    let png = png_with_metadata();
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .multipart(multipart(
            &tip("with a picture"),
            &[("advert.jpg", png.clone())],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let receipt = json(response).await["receipt"].as_str().unwrap().to_owned();

    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let page = json(app.authorized("GET", "/api/v1/tips", &auth, None).await).await;
    let id = page["tips"][0]["id"].as_i64().unwrap();
    assert_eq!(page["tips"][0]["attachments"], 1);
    let detail = json(
        app.authorized("GET", &format!("/api/v1/tips/{id}"), &auth, None)
            .await,
    )
    .await;
    let attachment = &detail["attachments"][0];
    assert_eq!(
        attachment["mime"], "image/png",
        "sniffed, not the sender's label"
    );
    assert_eq!(
        (attachment["width"].as_u64(), attachment["height"].as_u64()),
        (Some(6), Some(4))
    );
    let attachment_id = attachment["id"].as_i64().unwrap();
    let path = format!("/api/v1/tips/{id}/attachments/{attachment_id}");
    let download = app.authorized("GET", &path, &auth, None).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "image/png");
    let bytes = download.bytes().await.unwrap();
    assert!(!bytes.windows(6).any(|w| w == b"SECRET"));
    let picture = image::load_from_memory(&bytes).unwrap();
    assert_eq!((picture.width(), picture.height()), (6, 4));
    assert_eq!(
        picture.to_rgb8(),
        image::load_from_memory(&png).unwrap().to_rgb8(),
        "the picture itself is unchanged"
    );
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    assert_eq!(
        app.authorized("GET", &path, &bearer(&editor.token), None)
            .await
            .status(),
        403
    );
    assert_eq!(app.get(&path).await.status(), 401);

    // More pictures on follow-up, up to twenty in all.
    let token = follow_up_token(&app, &receipt).await;
    let added = app
        .client
        .post(app.url("/api/v1/follow-up/attachments"))
        .header("Authorization", bearer(&token))
        .multipart(multipart(&json!({}), &[]).part(
            "image",
            reqwest::multipart::Part::bytes(png.clone()).file_name("b.png"),
        ))
        .send()
        .await
        .unwrap();
    // A `tip` part is not expected here.
    assert_eq!(added.status(), 400);
    let form = || {
        let mut form = reqwest::multipart::Form::new();
        for _ in 0..5 {
            form = form.part(
                "image",
                reqwest::multipart::Part::bytes(png.clone()).file_name("b.png"),
            );
        }
        form
    };
    let mut totals = Vec::new();
    for _ in 0..4 {
        let added = app
            .client
            .post(app.url("/api/v1/follow-up/attachments"))
            .header("Authorization", bearer(&token))
            .multipart(form())
            .send()
            .await
            .unwrap();
        let status = added.status().as_u16();
        let body = json(added).await;
        totals.push((status, body["attachments"].clone(), body["error"].clone()));
    }
    assert_eq!(
        totals,
        vec![
            (201, json!(6), Value::Null),
            (201, json!(11), Value::Null),
            (201, json!(16), Value::Null),
            (400, Value::Null, json!("too_many_images")),
        ]
    );
}

#[actix_web::test]
async fn bad_pictures_fields_and_bodies_get_clear_errors() {
    let app = spawn_app().await;
    let send = |images: Vec<(&'static str, Vec<u8>)>| {
        let app = &app;
        async move {
            let response = app
                .client
                .post(app.url("/api/v1/tips"))
                .multipart(multipart(&tip("x"), &images))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, json(response).await)
        }
    };
    let png = png_with_metadata();
    let (status, body) = send(vec![
        ("ok.png", png.clone()),
        (
            "photo.jpg",
            b"\xFF\xD8\xFF\xE0 this is not really a JPEG".to_vec(),
        ),
    ])
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "image_corrupt");
    assert_eq!(body["details"]["index"], 1);
    let (status, body) = send(vec![(
        "page.jpg",
        b"<html><script>alert(1)</script>".to_vec(),
    )])
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (415, Some("image_unsupported"))
    );
    let (status, body) = send(vec![(
        "anim.gif",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
    )])
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (415, Some("image_unsupported"))
    );
    let (status, body) = send(vec![("big.png", vec![0x89; 10 * 1024 * 1024 + 1])]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (413, Some("image_too_large"))
    );
    let (status, body) = send(vec![("p.png", png.clone()); 6]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("too_many_images"))
    );

    let mut empty = tip("   ");
    empty["names"] = json!(["x".repeat(201)]);
    let response = submit(&app, &empty).await;
    assert_eq!(response.status(), 400);
    let body = json(response).await;
    assert_eq!(body["error"], "invalid_tip");
    assert!(body["details"]
        .as_array()
        .unwrap()
        .contains(&json!({ "field": "description", "problem": "required" })));
    assert!(body["details"]
        .as_array()
        .unwrap()
        .contains(&json!({ "field": "names", "index": 0, "problem": "too_long" })));
    let mut bad_phone = tip("x");
    bad_phone["phones"] = json!(["0770 123 4567", "12345"]);
    let body = json(submit(&app, &bad_phone).await).await;
    assert_eq!(body["error"], "invalid_phone_number");
    assert_eq!(body["details"]["index"], 1);
    let mut bad_month = tip("x");
    bad_month["approximate_date"] = json!("2026-13");
    assert_eq!(
        json(submit(&app, &bad_month).await).await["error"],
        "invalid_request"
    );
    let text = app
        .client
        .post(app.url("/api/v1/tips"))
        .header("Content-Type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), 415);
    let broken = app
        .client
        .post(app.url("/api/v1/tips"))
        .header("Content-Type", "application/json")
        .body("{\"subject\":")
        .send()
        .await
        .unwrap();
    assert_eq!(json(broken).await["error"], "malformed_json");

    // Nothing refused was stored.
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let page = json(
        app.authorized("GET", "/api/v1/tips", &bearer(&moderator.token), None)
            .await,
    )
    .await;
    assert_eq!(page["tips"], json!([]));
}

#[actix_web::test]
async fn a_fifty_megabyte_body_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    let address = app.address.trim_start_matches("http://").to_owned();
    // Plain blocking sockets on another thread, so the test's runtime stays free. The rest of the
    // body is never sent, so an answer proves the server did not wait for it; the read timeout
    // only keeps a server that does wait from hanging the suite.
    let answer = actix_web::rt::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .unwrap();
        let length = 50 * 1024 * 1024;
        write!(
            stream,
            "POST /api/v1/tips HTTP/1.1\r\nHost: {address}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: {length}\r\n\r\n"
        )
        .unwrap();
        // One megabyte of the fifty, then wait for the answer: it must come without the rest.
        stream.write_all(&vec![b'a'; 1024 * 1024]).unwrap();
        let mut answer = Vec::new();
        let mut buffer = [0_u8; 4096];
        while !String::from_utf8_lossy(&answer).contains("payload_too_large") {
            match stream.read(&mut buffer).unwrap() {
                0 => break,
                read => answer.extend_from_slice(&buffer[..read]),
            }
        }
        String::from_utf8_lossy(&answer).into_owned()
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("payload_too_large"), "{answer}");

    // Without a declared length the stream is cut at the limit.
    let chunk = vec![b'a'; 1024 * 1024];
    let body =
        futures_util::stream::iter((0..50).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
    let response = app
        .client
        .post(app.url("/api/v1/tips"))
        .header("Content-Type", "multipart/form-data; boundary=x")
        .body(reqwest::Body::wrap_stream(body))
        .send()
        .await;
    // Either the 413 arrives, or the server closes the connection mid-body after answering.
    if let Ok(response) = response {
        assert!(
            matches!(response.status().as_u16(), 400 | 413),
            "{}",
            response.status()
        );
    }
}

/// Tipsters' messages arriving together are written together (one statement per batch on
/// PostgreSQL): each lands in its own conversation, in the order each tipster sent them, and a
/// message for a tip that is gone is refused without taking the others with it.
#[actix_web::test]
async fn messages_sent_at_the_same_moment_each_reach_their_own_conversation() {
    let app = spawn_app().await;
    let mut tokens = Vec::new();
    for n in 0..4 {
        let receipt = submitted(&app, &tip(&format!("بلاغ رقم {n}"))).await;
        tokens.push(follow_up_token(&app, &receipt).await);
    }
    // The last tip goes, as retention or a moderator's deletion would take it.
    {
        use diesel::RunQueryDsl as _;
        let mut conn = app.pool().get().unwrap();
        diesel::sql_query("DELETE FROM tips WHERE id = (SELECT MAX(id) FROM tips)")
            .execute(&mut conn)
            .unwrap();
    }
    let send = |token: String, body: String| {
        let app = &app;
        async move {
            app.authorized(
                "POST",
                "/api/v1/follow-up/messages",
                &bearer(&token),
                Some(json!({ "body": body })),
            )
            .await
        }
    };
    for round in 0..3 {
        let sends = tokens
            .iter()
            .enumerate()
            .map(|(n, token)| send(token.clone(), format!("رسالة {round} عن البلاغ {n}")));
        let statuses: Vec<u16> = futures_util::future::join_all(sends)
            .await
            .into_iter()
            .map(|response| response.status().as_u16())
            .collect();
        assert_eq!(statuses, [201, 201, 201, 401], "round {round}");
    }
    for (n, token) in tokens.iter().take(3).enumerate() {
        let view = json(
            app.authorized("GET", "/api/v1/follow-up/tip", &bearer(token), None)
                .await,
        )
        .await;
        let bodies: Vec<&str> = view["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["body"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = (0..3)
            .map(|round| format!("رسالة {round} عن البلاغ {n}"))
            .collect();
        assert_eq!(bodies, expected);
    }
}

#[actix_web::test]
async fn a_receipt_stored_under_the_old_receipt_parameters_still_opens_its_tip() {
    let app = spawn_app().await;
    let receipt = submitted(&app, &tip("وكيل سفر في الزبير")).await;
    let current = stored_receipt_hashes(&app, "tips");
    assert_eq!(current.len(), 1);
    assert!(current[0].starts_with("v2:"), "{current:?}");
    let legacy = legacy_receipt_hash(&app, &receipt).await;
    assert!(!current[0].ends_with(&legacy), "the parameters differ");
    store_receipt_hash(&app, "tips", &legacy);

    let wrong = format!(
        "{}{}",
        if receipt.starts_with('9') { '1' } else { '9' },
        &receipt[1..]
    );
    assert_eq!(open(&app, &wrong).await.status(), 404);
    assert_eq!(stored_receipt_hashes(&app, "tips"), [legacy]);

    let token = follow_up_token(&app, &arabic_indic(&receipt)).await;
    assert!(!token.is_empty());
    // Stored again under today's parameters: the next visit needs one hash, not two.
    assert_eq!(stored_receipt_hashes(&app, "tips"), current);
    assert_eq!(open(&app, &receipt).await.status(), 200);
}

#[actix_web::test]
async fn wrong_receipts_are_refused_and_then_slowed_down() {
    let app = spawn_app().await;
    let receipt = submitted(&app, &tip("x")).await;
    let malformed = open(&app, "1234 5678").await;
    assert_eq!(malformed.status(), 400);
    assert_eq!(json(malformed).await["error"], "receipt_malformed");
    let wrong = if receipt.starts_with('9') {
        receipt.replacen('9', "1", 1)
    } else {
        format!("9{}", &receipt[1..])
    };
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let response = open(&app, &wrong).await;
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            assert!(response.headers().get("retry-after").is_some());
        }
    }
    assert_eq!(statuses, [404, 404, 404, 404, 429]);
    // The right receipt from the same client waits too: the client is what is slowed.
    assert_eq!(open(&app, &receipt).await.status(), 429);

    for token in ["", "garbage", "eyJhbGciOiJIUzI1NiJ9.e30.x"] {
        let response = app
            .authorized("GET", "/api/v1/follow-up/tip", &bearer(token), None)
            .await;
        assert_eq!(response.status(), 401);
        assert_eq!(json(response).await["error"], "follow_up_expired");
    }
    // A staff token opens no tip.
    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let response = app
        .authorized(
            "GET",
            "/api/v1/follow-up/tip",
            &bearer(&moderator.token),
            None,
        )
        .await;
    assert_eq!(response.status(), 401);
}

#[actix_web::test]
async fn a_tip_needs_a_fresh_solved_challenge_when_proof_of_work_is_on() {
    let (mut config, dir, pg) = test_config();
    config.pow_bits = 8;
    let app = spawn_with(config, dir, pg).await;
    let missing = submit(&app, &tip("x")).await;
    assert_eq!(missing.status(), 400);
    assert_eq!(json(missing).await["error"], "proof_of_work_invalid");

    let token = &challenge_token(&app).await;
    let nonce = pow::search(token, 8, 0, 10_000_000).unwrap();
    let unsolved = (0..)
        .find(|n| !pow::solves(token, &n.to_string(), 8))
        .unwrap();
    let send = |nonce: u64| {
        let app = &app;
        let header = format!("{token}:{nonce}");
        async move {
            app.client
                .post(app.url("/api/v1/tips"))
                .header("Proof-Of-Work", header)
                .json(&tip("x"))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(send(unsolved).await.status(), 400);
    assert_eq!(send(nonce).await.status(), 201);
    let replay = send(nonce).await;
    assert_eq!(replay.status(), 400, "a token buys one tip");
    assert_eq!(json(replay).await["error"], "proof_of_work_invalid");
}

#[actix_web::test]
async fn moderators_hear_that_something_arrived_but_never_what() {
    let sink = SmtpSink::start();
    let (mut config, dir, pg) = test_config();
    config.smtp_url = Some(sink.url.clone());
    config.public_url = "https://sanad.example.iq".to_owned();
    let app = spawn_with(config, dir, pg).await;
    signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    submitted(&app, &tip("Golden Wings recruits in Ashar")).await;
    submitted(&app, &tip("a second one within the quiet period")).await;
    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipients, vec!["mod@example.org".to_owned()]);
    assert!(mails[0]
        .data
        .contains("https://sanad.example.iq/staff/tips"));
    for secret in ["Golden", "Ashar", "7701234567", "Jobs_Abroad", "second"] {
        assert!(!mails[0].data.contains(secret), "{secret} in the mail");
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(sink.received().len(), 1, "one mail per quiet period");
}

#[actix_web::test]
async fn control_characters_and_direction_overrides_are_cleaned_out_of_a_tip() {
    let app = spawn_app().await;
    let mut body = tip("first line\r\nsecond\u{0} line\u{1b}[31m\u{85}");
    body["names"] = json!(["\u{202e}ilA ubA\u{202c}", "\u{2066}\t\u{2069}"]);
    body["agency"] = json!("Golden\u{7}\u{2067} Wings\u{2069}");
    body["place"] = json!("\u{202d}\u{0}");
    body["accounts"] = json!([{ "platform": "telegram", "handle": "@jobs\u{200b}\u{202e}_iq" }]);
    let receipt = submitted(&app, &body).await;
    let token = follow_up_token(&app, &receipt).await;
    let sent = app
        .authorized(
            "POST",
            "/api/v1/follow-up/messages",
            &bearer(&token),
            Some(json!({ "body": "one\r\ntwo\u{0}\u{9b}" })),
        )
        .await;
    assert_eq!(sent.status(), 201);
    assert_eq!(json(sent).await["body"], "one\ntwo");
    let only_invisible = app
        .authorized(
            "POST",
            "/api/v1/follow-up/messages",
            &bearer(&token),
            Some(json!({ "body": "\u{0}\u{1}\r\n" })),
        )
        .await;
    assert_eq!(only_invisible.status(), 400, "nothing is left to send");

    let moderator = signed_in(&app, "mod@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let page = json(app.authorized("GET", "/api/v1/tips", &auth, None).await).await;
    let id = page["tips"][0]["id"].as_i64().unwrap();
    let detail = json(
        app.authorized("GET", &format!("/api/v1/tips/{id}"), &auth, None)
            .await,
    )
    .await;
    assert_eq!(detail["description"], "first line\nsecond line[31m");
    assert_eq!(
        detail["names"],
        json!(["ilA ubA"]),
        "an emptied name is gone"
    );
    assert_eq!(detail["agency"], "Golden Wings");
    assert_eq!(detail["place"], Value::Null);
    assert_eq!(detail["accounts"][0]["handle"], "@jobs\u{200b}_iq");
    assert_eq!(detail["messages"][0]["body"], "one\ntwo");
}

use crate::helpers::open_receipt_as as open_as;

/// A receipt that is not `receipt`, with other first digits.
fn another_receipt(receipt: &str, first: char) -> String {
    let digit = if receipt.starts_with(first) {
        '0'
    } else {
        first
    };
    format!("{digit}{}", &receipt[1..])
}

#[actix_web::test]
async fn behind_a_trusted_proxy_one_guesser_does_not_lock_out_other_tipsters() {
    let (mut config, dir, pg) = test_config();
    config.trusted_proxies = vec![sanad_backend::client::parse_proxy("127.0.0.1").unwrap()];
    let app = spawn_with(config, dir, pg).await;
    let receipt = submitted(&app, &tip("x")).await;
    let guesser = "203.0.113.9";
    let statuses: Vec<u16> = {
        let mut all = Vec::new();
        for first in ['1', '2', '3', '4', '5'] {
            all.push(open_as(&app, &another_receipt(&receipt, first), guesser).await);
        }
        all
    };
    assert_eq!(statuses, [404, 404, 404, 404, 429]);
    // Rotating the address it claims does not help the guesser against one receipt's prefix…
    let target = another_receipt(&receipt, '6');
    for n in 0..4 {
        assert_eq!(
            open_as(&app, &target, &format!("198.51.100.{n}")).await,
            404
        );
    }
    assert_eq!(open_as(&app, &target, "198.51.100.99").await, 429);
    // …and the tipster, from another address, opens their own report.
    assert_eq!(open_as(&app, &receipt, "192.0.2.44").await, 200);
}

#[actix_web::test]
async fn without_a_trusted_proxy_a_forwarded_address_is_not_believed() {
    let app = spawn_app().await;
    let receipt = submitted(&app, &tip("x")).await;
    let mut statuses = Vec::new();
    for (n, first) in ['1', '2', '3', '4', '5'].into_iter().enumerate() {
        statuses.push(
            open_as(
                &app,
                &another_receipt(&receipt, first),
                &format!("198.51.100.{n}"),
            )
            .await,
        );
    }
    assert_eq!(
        statuses,
        [404, 404, 404, 404, 429],
        "the peer is the client"
    );
}
