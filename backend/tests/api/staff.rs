//! Staff accounts end to end: bootstrap, invitation by mail, links, login, sessions, lockout.

use sanad_backend::audit;
use sanad_shared::staff::Role;
use serde_json::json;

use crate::{
    helpers::{
        create_account, json, login, refresh_cookie_of, set_password, signed_in, spawn_app,
        spawn_with, test_config, TestApp, GOOD_PASSWORD,
    },
    smtp::SmtpSink,
};

async fn app_with_mail() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start();
    let (mut config, dir, pg) = test_config();
    config.smtp_url = Some(sink.url.clone());
    config.public_url = "https://sanad.example.iq".to_owned();
    (spawn_with(config, dir, pg).await, sink)
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

#[actix_web::test]
async fn an_admin_invites_a_moderator_by_mail_who_then_signs_in_and_both_are_audited() {
    let (app, sink) = app_with_mail().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;

    let invite = app.authorized("POST", "/api/v1/staff", &bearer(&admin.token), Some(json!({ "email": "Moderator@Example.org", "display_name": "Dilan", "roles": ["moderator"], "language": "ckb" }))).await;
    assert_eq!(invite.status(), 201);
    let profile = json(invite).await;
    assert_eq!(profile["email"], "moderator@example.org");
    assert_eq!(profile["roles"], json!(["moderator"]));
    assert_eq!(profile["password_set"], false);

    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1, "one invitation mail");
    assert_eq!(mails[0].recipients, ["moderator@example.org"]);
    let parsed = mailparse::parse_mail(mails[0].data.as_bytes()).unwrap();
    let subject = parsed
        .headers
        .iter()
        .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
        .unwrap()
        .get_value();
    assert_eq!(
        subject, "بانگهێشت بۆ بەشداربوون لە سەنەد",
        "the subject is in Sorani"
    );
    let body = parsed.get_body().unwrap();
    assert!(body.contains("سڵاو Dilan"), "{body}");
    let link = body
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("https://"))
        .unwrap()
        .to_owned();
    let secret = link
        .strip_prefix("https://sanad.example.iq/staff/set-password#")
        .expect("the link")
        .to_owned();
    assert_eq!(secret.len(), 64);
    assert!(
        !body.contains(GOOD_PASSWORD) && !mails[0].data.contains("password_hash"),
        "no secret but the link"
    );

    let info = app
        .client
        .post(app.url("/api/v1/auth/link"))
        .json(&json!({ "token": secret }))
        .send()
        .await
        .unwrap();
    assert_eq!(info.status(), 200);
    let info = json(info).await;
    assert_eq!(
        (info["purpose"].as_str(), info["language"].as_str()),
        (Some("invite"), Some("ckb"))
    );

    let weak = set_password(&app, &secret, "password1234").await;
    assert_eq!(weak.status(), 400);
    assert_eq!(json(weak).await["error"], "password_too_common");
    let short = app
        .client
        .post(app.url("/api/v1/auth/link/password"))
        .header("Accept-Language", "ckb")
        .json(&json!({ "token": secret, "password": "short" }))
        .send()
        .await
        .unwrap();
    let short = json(short).await;
    assert_eq!(short["error"], "password_too_short");
    assert_eq!(short["message"], "وشەی نهێنی دەبێت لانیکەم 12 پیت بێت.");

    assert_eq!(
        set_password(&app, &secret, GOOD_PASSWORD).await.status(),
        204
    );
    let reused = set_password(&app, &secret, "Another long passphrase 77").await;
    assert_eq!(reused.status(), 410, "a link works once");
    assert_eq!(json(reused).await["error"], "link_invalid");

    let moderator = login(&app, "moderator@example.org", GOOD_PASSWORD).await;
    assert_eq!(moderator.status(), 200);
    let moderator = json(moderator).await;
    assert_eq!(moderator["staff"]["roles"], json!(["moderator"]));
    let token = moderator["access_token"].as_str().unwrap();
    let forbidden = app
        .authorized("GET", "/api/v1/staff", &bearer(token), None)
        .await;
    assert_eq!(forbidden.status(), 403);

    let trail = app
        .authorized("GET", "/api/v1/audit?limit=50", &bearer(&admin.token), None)
        .await;
    assert_eq!(trail.status(), 200);
    let trail = json(trail).await;
    let actions: Vec<(&str, &str)> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    let moderator_actor = format!("staff:{}", profile["id"].as_str().unwrap());
    let admin_actor = format!("staff:{}", admin.id);
    assert!(
        actions.contains(&("login", moderator_actor.as_str())),
        "{actions:?}"
    );
    assert!(actions.contains(&("login", admin_actor.as_str())));
    assert!(actions.contains(&("staff_invited", admin_actor.as_str())));
    assert!(actions.contains(&("password_set", moderator_actor.as_str())));
    assert!(!trail.to_string().contains(GOOD_PASSWORD));
    assert_eq!(
        audit::verify(&mut app.pool().get().unwrap(), &app.audit_seal(), None).unwrap(),
        Ok(trail.as_array().unwrap().len() as i64)
    );
}

#[actix_web::test]
async fn an_expired_link_is_refused() {
    let app = spawn_app().await;
    let (_, secret) = create_account(&app, "late@example.org", &[Role::Editor]);
    use diesel::connection::SimpleConnection;
    app.pool()
        .get()
        .unwrap()
        .batch_execute("UPDATE staff_links SET expires_at_ms = 1")
        .unwrap();
    assert_eq!(
        set_password(&app, &secret, GOOD_PASSWORD).await.status(),
        410
    );
    let info = app
        .client
        .post(app.url("/api/v1/auth/link"))
        .json(&json!({ "token": secret }))
        .send()
        .await
        .unwrap();
    assert_eq!(info.status(), 410);
}

async fn refresh(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/refresh"))
        .header("Cookie", format!("sanad_refresh={cookie}"))
        .send()
        .await
        .unwrap()
}

async fn me(app: &TestApp, token: &str) -> u16 {
    app.authorized("GET", "/api/v1/me", &bearer(token), None)
        .await
        .status()
        .as_u16()
}

#[actix_web::test]
async fn the_refresh_cookie_is_strict_and_rotates_and_a_replay_revokes_the_whole_session() {
    let app = spawn_app().await;
    let (_, secret) = create_account(&app, "editor@example.org", &[Role::Editor]);
    set_password(&app, &secret, GOOD_PASSWORD).await;
    let response = login(&app, "editor@example.org", GOOD_PASSWORD).await;
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in [
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/api/v1/auth",
        "Max-Age=43200",
    ] {
        assert!(
            set_cookie.contains(attribute),
            "{attribute} missing in {set_cookie}"
        );
    }
    let first = refresh_cookie_of(&response).unwrap();
    let token = json(response).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(me(&app, &token).await, 200);

    let rotated = refresh(&app, &first).await;
    assert_eq!(rotated.status(), 200);
    let second = refresh_cookie_of(&rotated).unwrap();
    assert_ne!(first, second);
    let new_token = json(rotated).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(me(&app, &new_token).await, 200);

    let replay = refresh(&app, &first).await;
    assert_eq!(replay.status(), 401);
    assert_eq!(
        refresh(&app, &second).await.status(),
        401,
        "the replay revoked the family"
    );
    assert_eq!(me(&app, &new_token).await, 401, "and its access tokens");
    assert_eq!(refresh(&app, "garbage").await.status(), 401);
}

#[actix_web::test]
async fn logout_deactivation_and_a_new_password_end_sessions_at_once() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let worker = signed_in(&app, "worker@example.org", &[Role::Caseworker]).await;

    let logout = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("Cookie", format!("sanad_refresh={}", worker.refresh))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);
    assert!(logout.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("sanad_refresh=;"));
    assert_eq!(me(&app, &worker.token).await, 401);

    let again = json(login(&app, "worker@example.org", GOOD_PASSWORD).await).await;
    let token = again["access_token"].as_str().unwrap().to_owned();
    let deactivate = app
        .authorized(
            "POST",
            &format!("/api/v1/staff/{}/deactivate", worker.id),
            &bearer(&admin.token),
            None,
        )
        .await;
    assert_eq!(deactivate.status(), 204);
    assert_eq!(me(&app, &token).await, 401);
    let refused = login(&app, "worker@example.org", GOOD_PASSWORD).await;
    assert_eq!(refused.status(), 401);
    assert_eq!(
        json(refused).await["error"],
        "invalid_credentials",
        "a deactivated account looks like a wrong password"
    );
    let reactivate = app
        .authorized(
            "POST",
            &format!("/api/v1/staff/{}/reactivate", worker.id),
            &bearer(&admin.token),
            None,
        )
        .await;
    assert_eq!(reactivate.status(), 204);
    let back = json(login(&app, "worker@example.org", GOOD_PASSWORD).await).await;
    let token = back["access_token"].as_str().unwrap().to_owned();
    assert_eq!(me(&app, &token).await, 200);

    // A reset link sets a new password and ends the sessions made with the old one.
    use sanad_backend::auth::store;
    let secret = store::create_link(
        &mut app.pool().get().unwrap(),
        &worker.id,
        sanad_shared::staff::LinkPurpose::Reset,
    )
    .unwrap();
    assert_eq!(
        set_password(&app, &secret, "Another long passphrase 77")
            .await
            .status(),
        204
    );
    assert_eq!(me(&app, &token).await, 401);
    assert_eq!(
        login(&app, "worker@example.org", GOOD_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        login(&app, "worker@example.org", "Another long passphrase 77")
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn the_last_active_admin_cannot_be_removed() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let demote = app
        .authorized(
            "PUT",
            &format!("/api/v1/staff/{}/roles", admin.id),
            &bearer(&admin.token),
            Some(json!({ "roles": ["editor"] })),
        )
        .await;
    assert_eq!(demote.status(), 409);
    assert_eq!(json(demote).await["error"], "last_admin");
    let deactivate = app
        .authorized(
            "POST",
            &format!("/api/v1/staff/{}/deactivate", admin.id),
            &bearer(&admin.token),
            None,
        )
        .await;
    assert_eq!(deactivate.status(), 409);
    assert_eq!(me(&app, &admin.token).await, 200, "nothing changed");

    // An invited admin who has not set a password yet cannot sign in: not a second admin.
    let invite = app.authorized("POST", "/api/v1/staff", &bearer(&admin.token), Some(json!({ "email": "pending@example.org", "display_name": "Pending", "roles": ["admin"], "language": "ar" }))).await;
    assert_eq!(invite.status(), 201);
    let deactivate_self = app
        .authorized(
            "POST",
            &format!("/api/v1/staff/{}/deactivate", admin.id),
            &bearer(&admin.token),
            None,
        )
        .await;
    assert_eq!(deactivate_self.status(), 409);
    assert_eq!(json(deactivate_self).await["error"], "last_admin");
    let demote = app
        .authorized(
            "PUT",
            &format!("/api/v1/staff/{}/roles", admin.id),
            &bearer(&admin.token),
            Some(json!({ "roles": ["editor"] })),
        )
        .await;
    assert_eq!(demote.status(), 409);

    // A second admin who can sign in makes stepping down possible.
    signed_in(&app, "second@example.org", &[Role::Admin]).await;
    let deactivate_self = app
        .authorized(
            "POST",
            &format!("/api/v1/staff/{}/deactivate", admin.id),
            &bearer(&admin.token),
            None,
        )
        .await;
    assert_eq!(deactivate_self.status(), 204);
}

#[actix_web::test]
async fn a_staff_name_cannot_hide_behind_direction_overrides_and_a_role_is_named_once() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let auth = bearer(&admin.token);
    let invite = |name: &str, roles: serde_json::Value| {
        app.authorized(
            "POST",
            "/api/v1/staff",
            &auth,
            Some(json!({ "email": "new@example.org", "display_name": name, "roles": roles, "language": "ar" })),
        )
    };
    for name in [
        "\u{202e}NIMDA\u{202c} admin",
        "Dilan\u{2066}",
        "Di\u{0}lan",
        "Dilan\u{9b}",
    ] {
        let refused = invite(name, json!(["moderator"])).await;
        assert_eq!(refused.status(), 400, "{name:?}");
        assert_eq!(json(refused).await["error"], "invalid_request");
    }
    let twice = invite("Dilan", json!(["moderator", "editor", "moderator"])).await;
    assert_eq!(twice.status(), 400);
    let invited = invite("دیلان\u{200c}ی", json!(["moderator", "editor"])).await;
    assert_eq!(
        invited.status(),
        201,
        "joiners that shape the script are welcome"
    );
    let id = json(invited).await["id"].as_str().unwrap().to_owned();
    let twice = app
        .authorized(
            "PUT",
            &format!("/api/v1/staff/{id}/roles"),
            &bearer(&admin.token),
            Some(json!({ "roles": ["editor", "editor"] })),
        )
        .await;
    assert_eq!(twice.status(), 400);
}

/// Five wrong passwords for `email` on a fresh app: the statuses, in order.
async fn guessing(email: &str, create: bool) -> Vec<u16> {
    let app = spawn_app().await;
    if create {
        signed_in(&app, email, &[Role::Editor]).await;
    }
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let response = login(&app, email, "wrong password, long enough").await;
        if response.status() == 429 {
            assert!(response.headers().contains_key("retry-after"));
        }
        statuses.push(response.status().as_u16());
    }
    statuses
}

#[actix_web::test]
async fn guessing_slows_down_the_same_way_for_known_and_unknown_emails() {
    let known = guessing("known@example.org", true).await;
    assert_eq!(
        known,
        [401, 401, 401, 401, 429],
        "three free failures, then a delay"
    );
    let unknown = guessing("nobody@example.org", false).await;
    assert_eq!(
        unknown, known,
        "an unknown email answers exactly like a known one"
    );
}

#[actix_web::test]
async fn ten_failures_lock_the_account_even_for_the_right_password() {
    let app = spawn_app().await;
    let session = signed_in(&app, "target@example.org", &[Role::Moderator]).await;
    use sanad_backend::auth::store;
    let mut conn = app.pool().get().unwrap();
    let locked: Vec<bool> = (0..10)
        .map(|_| store::record_failure(&mut conn, &session.id).unwrap())
        .collect();
    assert_eq!(locked.iter().filter(|l| **l).count(), 1);
    assert!(locked[9]);
    let response = login(&app, "target@example.org", GOOD_PASSWORD).await;
    assert_eq!(response.status(), 429);
    assert!(
        json(response).await["details"]["retry_after_secs"]
            .as_u64()
            .unwrap()
            > 800
    );
}

#[actix_web::test]
async fn asking_for_the_password_again_is_throttled_and_locks_like_a_sign_in() {
    let app = spawn_app().await;
    let session = signed_in(&app, "recheck@example.org", &[Role::Moderator]).await;
    let auth = bearer(&session.token);
    let change = |current: &'static str| {
        app.authorized(
            "PUT",
            "/api/v1/me/password",
            &auth,
            Some(
                json!({ "current_password": current, "new_password": "a brand new passphrase 42" }),
            ),
        )
    };
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(
            change("wrong password, long enough")
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses, [401, 401, 401, 401, 429], "as for sign-in");
    let disable = app
        .authorized(
            "POST",
            "/api/v1/me/totp/disable",
            &bearer(&session.token),
            Some(json!({ "password": "wrong password, long enough" })),
        )
        .await;
    assert_eq!(disable.status(), 429, "one throttle for both re-checks");
    assert!(disable.headers().contains_key("retry-after"));
    let throttled = login(&app, "recheck@example.org", GOOD_PASSWORD).await;
    assert_eq!(throttled.status(), 429, "and for signing in as that email");

    // The failures count toward the account's lock, as a sign-in's do.
    use sanad_backend::auth::store;
    let mut conn = app.pool().get().unwrap();
    let sealer = app.sealer();
    let failed = |conn: &mut _| {
        store::find_by_id(conn, &sealer, &session.id)
            .unwrap()
            .unwrap()
            .failed_logins
    };
    assert_eq!(failed(&mut conn), 4, "each wrong answer before the delay");
    let audit: i64 = {
        use diesel::prelude::*;
        use sanad_backend::schema::audit_log;
        audit_log::table
            .filter(audit_log::action.eq("login_failed"))
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert_eq!(audit, 4, "each wrong answer is audited");
}

use crate::helpers::totp_code as code_for;

fn now_secs() -> u64 {
    sanad_backend::auth::tokens::unix_now()
}

async fn login_with_code(
    app: &TestApp,
    email: &str,
    code: Option<&str>,
    language: &str,
) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("Accept-Language", language)
        .json(&json!({ "email": email, "password": GOOD_PASSWORD, "totp_code": code }))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn a_moderator_enrols_totp_and_then_signs_in_with_a_code_that_works_once() {
    let app = spawn_app().await;
    let moderator = signed_in(&app, "dilan@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);

    let enrolment = app.authorized("POST", "/api/v1/me/totp", &auth, None).await;
    assert_eq!(enrolment.status(), 200);
    let enrolment = json(enrolment).await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    assert!(
        enrolment["qr_svg"].as_str().unwrap().starts_with("<?xml")
            || enrolment["qr_svg"].as_str().unwrap().contains("<svg")
    );

    let wrong = app
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &auth,
            Some(json!({ "code": "000000" })),
        )
        .await;
    assert_eq!(wrong.status(), 400);
    assert_eq!(json(wrong).await["error"], "totp_invalid");
    let confirm_code = code_for(&secret, now_secs());
    let confirmed = app
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &auth,
            Some(json!({ "code": confirm_code })),
        )
        .await;
    assert_eq!(confirmed.status(), 204);

    let missing = login_with_code(&app, "dilan@example.org", None, "ckb").await;
    assert_eq!(missing.status(), 401);
    let missing = json(missing).await;
    assert_eq!(missing["error"], "totp_required");
    assert_eq!(
        missing["message"],
        "کۆدە شەش ژمارەییەکە لە ئەپی ناسینەوەکەت بنووسە."
    );

    // The code that confirmed enrolment cannot sign in: a code works once.
    assert_eq!(
        login_with_code(&app, "dilan@example.org", Some(&confirm_code), "ckb")
            .await
            .status(),
        401
    );
    let next = code_for(&secret, now_secs() + 30);
    let signed = login_with_code(&app, "dilan@example.org", Some(&next), "ckb").await;
    assert_eq!(signed.status(), 200);
    assert_eq!(json(signed).await["staff"]["totp_enabled"], true);
    assert_eq!(
        login_with_code(&app, "dilan@example.org", Some(&next), "ckb")
            .await
            .status(),
        401,
        "replayed code"
    );

    let disable = app
        .authorized(
            "POST",
            "/api/v1/me/totp/disable",
            &auth,
            Some(json!({ "password": "wrong password here" })),
        )
        .await;
    assert_eq!(disable.status(), 401);
}

/// An app behind a proxy on loopback, with a moderator who has TOTP: the app and the secret.
async fn totp_moderator_behind_a_proxy() -> (TestApp, String) {
    let (mut config, dir, pg) = test_config();
    config.trusted_proxies = vec![sanad_backend::client::parse_proxy("127.0.0.1").unwrap()];
    let app = spawn_with(config, dir, pg).await;
    let moderator = signed_in(&app, "held@example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let enrolment = json(app.authorized("POST", "/api/v1/me/totp", &auth, None).await).await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    let code = code_for(&secret, now_secs());
    let confirmed = app
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &auth,
            Some(json!({ "code": code })),
        )
        .await;
    assert_eq!(confirmed.status(), 204);
    (app, secret)
}

async fn sign_in_from(
    app: &TestApp,
    client: &str,
    password: &str,
    code: Option<&str>,
) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", client)
        .json(&json!({ "email": "held@example.org", "password": password, "totp_code": code }))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn guessing_from_many_addresses_cannot_keep_an_owner_with_totp_out() {
    let (app, secret) = totp_moderator_behind_a_proxy().await;
    let mut statuses = Vec::new();
    for n in 0..6 {
        let guess = sign_in_from(
            &app,
            &format!("203.0.113.{n}"),
            "a wrong password, long enough",
            None,
        )
        .await;
        statuses.push(guess.status().as_u16());
    }
    assert_eq!(
        statuses,
        [401, 401, 401, 401, 429, 429],
        "the email is held"
    );

    let owner = "192.0.2.1";
    assert_eq!(
        sign_in_from(&app, owner, GOOD_PASSWORD, None)
            .await
            .status(),
        429
    );
    let wrong_code = sign_in_from(&app, owner, GOOD_PASSWORD, Some("000000")).await;
    assert_eq!(
        wrong_code.status(),
        429,
        "while held, a right password with a wrong code looks like any failure"
    );
    assert!(wrong_code.headers().contains_key("retry-after"));
    let unknown = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", owner)
        .json(&json!({ "email": "nobody@example.org", "password": GOOD_PASSWORD, "totp_code": "123456" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        unknown.status(),
        401,
        "an unknown email is not held by another's guesses"
    );

    let code = code_for(&secret, now_secs() + 30);
    let signed = sign_in_from(&app, owner, GOOD_PASSWORD, Some(&code)).await;
    assert_eq!(signed.status(), 200, "the right password and code open it");
}

#[actix_web::test]
async fn a_locked_account_with_totp_opens_with_the_password_and_a_code() {
    let (app, secret) = totp_moderator_behind_a_proxy().await;
    use sanad_backend::auth::store;
    let id = {
        let mut conn = app.pool().get().unwrap();
        let id = store::find_by_email(&mut conn, &app.sealer(), "held@example.org")
            .unwrap()
            .unwrap()
            .id;
        for _ in 0..10 {
            store::record_failure(&mut conn, &id).unwrap();
        }
        id
    };
    let owner = "192.0.2.1";
    let refused = sign_in_from(&app, owner, GOOD_PASSWORD, None).await;
    assert_eq!(refused.status(), 429);
    assert!(
        json(refused).await["details"]["retry_after_secs"]
            .as_u64()
            .unwrap()
            > 800
    );
    let code = code_for(&secret, now_secs() + 30);
    let signed = sign_in_from(&app, owner, GOOD_PASSWORD, Some(&code)).await;
    assert_eq!(signed.status(), 200);
    let mut conn = app.pool().get().unwrap();
    let row = store::find_by_id(&mut conn, &app.sealer(), &id)
        .unwrap()
        .unwrap();
    assert_eq!(row.locked_until_ms, None, "signing in clears the lock");
}

#[actix_web::test]
async fn when_admins_require_totp_staff_without_it_can_only_reach_their_own_account() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let auth = bearer(&admin.token);
    let put = app
        .authorized(
            "PUT",
            "/api/v1/settings",
            &auth,
            Some(json!({ "require_totp": true })),
        )
        .await;
    assert_eq!(put.status(), 204);

    let blocked = app.authorized("GET", "/api/v1/staff", &auth, None).await;
    assert_eq!(blocked.status(), 403);
    assert_eq!(json(blocked).await["error"], "totp_setup_required");
    assert_eq!(me(&app, &admin.token).await, 200);

    let enrolment = json(app.authorized("POST", "/api/v1/me/totp", &auth, None).await).await;
    let code = code_for(enrolment["secret"].as_str().unwrap(), now_secs());
    let confirmed = app
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &auth,
            Some(json!({ "code": code })),
        )
        .await;
    assert_eq!(confirmed.status(), 204);
    let allowed = app.authorized("GET", "/api/v1/settings", &auth, None).await;
    assert_eq!(
        json(allowed).await,
        json!({ "require_totp": true, "first_look_hours": 24 })
    );

    let disable = app
        .authorized(
            "POST",
            "/api/v1/me/totp/disable",
            &auth,
            Some(json!({ "password": GOOD_PASSWORD })),
        )
        .await;
    assert_eq!(disable.status(), 409);
    assert_eq!(json(disable).await["error"], "totp_enforced");
}

#[actix_web::test]
async fn changing_the_password_needs_the_current_one_and_ends_every_session() {
    let app = spawn_app().await;
    let editor = signed_in(&app, "editor@example.org", &[Role::Editor]).await;
    let change = |current: &'static str, new: &'static str| {
        app.client
            .put(app.url("/api/v1/me/password"))
            .header("Authorization", bearer(&editor.token))
            .json(&json!({ "current_password": current, "new_password": new }))
            .send()
    };
    assert_eq!(
        change("not my password at all", "Another long passphrase 77")
            .await
            .unwrap()
            .status(),
        401
    );
    let weak = change(GOOD_PASSWORD, "editor@example.org").await.unwrap();
    assert_eq!(weak.status(), 400);
    assert_eq!(
        change(GOOD_PASSWORD, "Another long passphrase 77")
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(me(&app, &editor.token).await, 401);
    assert_eq!(
        login(&app, "editor@example.org", "Another long passphrase 77")
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn a_reset_link_is_mailed_to_staff_only_and_the_answer_never_tells() {
    let (app, sink) = app_with_mail().await;
    let (id, secret) = create_account(&app, "kurdish@example.org", &[Role::Editor]);
    set_password(&app, &secret, GOOD_PASSWORD).await;
    {
        use diesel::prelude::*;
        use sanad_backend::schema::staff;
        diesel::update(staff::table.find(&id))
            .set(staff::language.eq("kmr"))
            .execute(&mut app.pool().get().unwrap())
            .unwrap();
    }
    for email in ["ghost@example.org", "Kurdish@Example.org"] {
        let response = app
            .client
            .post(app.url("/api/v1/auth/password-reset"))
            .json(&json!({ "email": email }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 202, "{email}");
    }
    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1);
    // The unknown address was asked first; give a stray mail time to arrive before concluding.
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        sink.received().len(),
        1,
        "no mail for an address that is not staff"
    );
    assert_eq!(mails[0].recipients, ["kurdish@example.org"]);
    let parsed = mailparse::parse_mail(mails[0].data.as_bytes()).unwrap();
    let subject = parsed
        .headers
        .iter()
        .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
        .unwrap()
        .get_value();
    assert_eq!(
        subject, "Şîfreya xwe ya Sened nû bike",
        "in the person's language"
    );
    let body = parsed.get_body().unwrap();
    let link = body
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("https://"))
        .unwrap();
    let reset = link.rsplit('#').next().unwrap();
    assert_eq!(
        set_password(&app, reset, "Another long passphrase 77")
            .await
            .status(),
        204
    );
    assert_eq!(
        login(&app, "kurdish@example.org", "Another long passphrase 77")
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn sessions_end_after_thirty_idle_minutes_and_after_twelve_hours_in_any_case() {
    use diesel::prelude::*;
    use sanad_backend::schema::staff_sessions;
    let app = spawn_app().await;
    let idle = signed_in(&app, "idle@example.org", &[Role::Editor]).await;
    let long = signed_in(&app, "long@example.org", &[Role::Editor]).await;
    let now = sanad_backend::audit::now_ms();
    let mut conn = app.pool().get().unwrap();
    diesel::update(staff_sessions::table.filter(staff_sessions::staff_id.eq(&idle.id)))
        .set(staff_sessions::last_seen_ms.eq(now - 31 * 60 * 1000))
        .execute(&mut conn)
        .unwrap();
    diesel::update(staff_sessions::table.filter(staff_sessions::staff_id.eq(&long.id)))
        .set(staff_sessions::created_at_ms.eq(now - 12 * 3600 * 1000 - 1000))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(me(&app, &idle.token).await, 401);
    assert_eq!(refresh(&app, &idle.refresh).await.status(), 401);
    assert_eq!(me(&app, &long.token).await, 401);
    assert_eq!(refresh(&app, &long.refresh).await.status(), 401);
}

#[actix_web::test]
async fn the_server_checkpoints_its_audit_trail_and_mails_the_days_checkpoint_to_admins() {
    let (app, sink) = app_with_mail().await;
    let data_dir = app.config.data_dir.clone();
    let checkpoints = data_dir.join(audit::checkpoint::FILE);
    let last_line = |path: &std::path::Path| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| text.lines().last().map(str::to_owned))
    };
    // At start, once the seed articles' entries are in.
    let mut first = None;
    for _ in 0..100 {
        first = last_line(&checkpoints);
        if first.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let first = first.expect("a checkpoint written at start");
    assert!(first.starts_with("sanad-audit-checkpoint-1 "), "{first}");
    let admin = signed_in(&app, "chief@example.org", &[Role::Admin]).await;
    assert!(
        sink.received().is_empty(),
        "no checkpoint mail on the first day"
    );

    // As if the last mail went out yesterday; a restart (like the hourly pass) sends today's.
    let today = audit::now_ms().div_euclid(86_400_000);
    std::fs::write(
        data_dir.join("audit-checkpoint-mailed"),
        (today - 1).to_string(),
    )
    .unwrap();
    let restarted = sanad_backend::startup::Application::build(app.config.clone())
        .await
        .unwrap();
    actix_web::rt::spawn(restarted.run_until_stopped());
    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1, "one mail, to the one admin");
    assert_eq!(mails[0].recipients, ["chief@example.org"]);
    let parsed = mailparse::parse_mail(mails[0].data.as_bytes()).unwrap();
    let body = parsed.get_body().unwrap();
    // The sign-in moved the head, so the mail carries a newer checkpoint than the first.
    let latest = last_line(&checkpoints).unwrap();
    assert_ne!(latest, first);
    assert!(
        body.lines().any(|line| line.trim() == latest),
        "the mail holds the latest checkpoint on a line of its own:\n{body}"
    );
    assert!(body.contains("Test Person"), "{body}");
    drop(admin);
    // Sent once a day: the next pass leaves it.
    let day: i64 = std::fs::read_to_string(data_dir.join("audit-checkpoint-mailed"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(day, today);
}

#[actix_web::test]
async fn a_locked_account_without_totp_gets_a_mailed_link_that_opens_it_with_the_password() {
    use sanad_backend::auth::store;
    let sink = SmtpSink::start();
    let (mut config, dir, pg) = test_config();
    config.smtp_url = Some(sink.url.clone());
    config.public_url = "https://sanad.example.iq".to_owned();
    // Each try from an address of its own, so only the account's lock is in play, not a
    // client's own throttle.
    config.trusted_proxies = vec![sanad_backend::client::parse_proxy("127.0.0.1").unwrap()];
    let app = spawn_with(config, dir, pg).await;
    let next_address = std::sync::atomic::AtomicU8::new(1);
    let (id, invite) = create_account(&app, "plain@example.org", &[Role::Caseworker]);
    assert_eq!(
        set_password(&app, &invite, GOOD_PASSWORD).await.status(),
        204
    );
    {
        let mut conn = app.pool().get().unwrap();
        for _ in 0..10 {
            store::record_failure(&mut conn, &id).unwrap();
        }
    }
    let sign_in = |password: &'static str, unlock: Option<String>| {
        let address = next_address.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let request = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .header("X-Forwarded-For", format!("192.0.2.{address}"))
            .json(&json!({
                "email": "plain@example.org",
                "password": password,
                "unlock": unlock,
            }));
        async move { request.send().await.unwrap() }
    };
    // A wrong password while locked: refused, and nothing is mailed.
    let wrong = sign_in("not the password at all", None).await;
    assert_eq!(wrong.status(), 429);
    let wrong_body = json(wrong).await;
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(sink.received().is_empty(), "a wrong password mails nothing");

    // The right password: the same refusal (it must not tell that the password was right), and
    // a link in the owner's mailbox.
    let right = sign_in(GOOD_PASSWORD, None).await;
    assert_eq!(right.status(), 429);
    assert_eq!(json(right).await["error"], wrong_body["error"]);
    let mails = sink.wait_for(1);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipients, ["plain@example.org"]);
    let body = mailparse::parse_mail(mails[0].data.as_bytes())
        .unwrap()
        .get_body()
        .unwrap();
    let link = body
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("https://sanad.example.iq/staff#unlock="))
        .unwrap_or_else(|| panic!("a sign-in link in:\n{body}"))
        .to_owned();
    let secret = link.rsplit('=').next().unwrap().to_owned();
    // Asking again within minutes sends no second mail.
    assert_eq!(sign_in(GOOD_PASSWORD, None).await.status(), 429);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(sink.received().len(), 1, "one link per five minutes");

    // The link does not set a password, and does not open the account without the password.
    let as_password_link = app
        .client
        .post(app.url("/api/v1/auth/link"))
        .json(&json!({ "token": secret }))
        .send()
        .await
        .unwrap();
    assert_ne!(as_password_link.status(), 200);
    assert_eq!(
        sign_in("not the password at all", Some(secret.clone()))
            .await
            .status(),
        429
    );
    // With the password it signs in, once.
    let opened = sign_in(GOOD_PASSWORD, Some(secret.clone())).await;
    assert_eq!(opened.status(), 200);
    let mut conn = app.pool().get().unwrap();
    assert_eq!(
        store::find_by_id(&mut conn, &app.sealer(), &id)
            .unwrap()
            .unwrap()
            .locked_until_ms,
        None,
        "signing in clears the lock"
    );
    for _ in 0..10 {
        store::record_failure(&mut conn, &id).unwrap();
    }
    drop(conn);
    assert_eq!(
        sign_in(GOOD_PASSWORD, Some(secret)).await.status(),
        429,
        "a used link does not open the account again"
    );
}

/// The staff table as stored: (email, TOTP secret, pending TOTP secret, email index).
fn stored_staff(
    app: &TestApp,
    id: &str,
) -> (String, Option<String>, Option<String>, Option<String>) {
    use diesel::prelude::*;
    use sanad_backend::schema::staff;
    let mut conn = app.pool().get().unwrap();
    staff::table
        .find(id)
        .select((
            staff::email,
            staff::totp_secret,
            staff::totp_pending_secret,
            staff::email_index,
        ))
        .first(&mut conn)
        .unwrap()
}

#[actix_web::test]
async fn staff_emails_and_totp_secrets_are_sealed_at_rest_and_found_by_a_keyed_index() {
    let app = spawn_app().await;
    let moderator = signed_in(&app, "Sealed.Person@Example.org", &[Role::Moderator]).await;
    let auth = bearer(&moderator.token);
    let enrolment = json(app.authorized("POST", "/api/v1/me/totp", &auth, None).await).await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    let (email, totp, pending, index) = stored_staff(&app, &moderator.id);
    assert!(email.starts_with("sealed:"), "{email}");
    assert!(!email.to_lowercase().contains("sealed.person"), "{email}");
    assert!(totp.is_none());
    let pending = pending.unwrap();
    assert!(pending.starts_with("sealed:") && !pending.contains(&secret));
    assert_eq!(index.unwrap().len(), 64);

    let confirmed = app
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &auth,
            Some(json!({ "code": code_for(&secret, now_secs()) })),
        )
        .await;
    assert_eq!(confirmed.status(), 204);
    let (_, totp, pending, _) = stored_staff(&app, &moderator.id);
    let totp = totp.unwrap();
    assert!(totp.starts_with("sealed:") && !totp.contains(&secret));
    assert!(pending.is_none());

    // Sign-in finds the address through its index, in any case, and the sealed secret checks
    // the code.
    let next = code_for(&secret, now_secs() + 30);
    let signed = login_with_code(&app, "sealed.person@example.org", Some(&next), "en").await;
    assert_eq!(signed.status(), 200);
    let signed = json(signed).await;
    assert_eq!(signed["staff"]["email"], "sealed.person@example.org");
    assert_eq!(signed["staff"]["totp_enabled"], true);

    // The admin's list shows the address opened.
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let list = json(
        app.authorized("GET", "/api/v1/staff", &bearer(&admin.token), None)
            .await,
    )
    .await;
    let emails: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, ["admin@example.org", "sealed.person@example.org"]);

    // The same address again is taken, though no two sealed values are alike.
    let again = app
        .authorized(
            "POST",
            "/api/v1/staff",
            &bearer(&admin.token),
            Some(json!({ "email": "SEALED.person@example.org", "display_name": "Again", "roles": ["moderator"], "language": "en" })),
        )
        .await;
    assert_eq!(again.status(), 409);
}

#[actix_web::test]
async fn rows_stored_in_clear_by_an_earlier_version_are_sealed_at_the_next_start() {
    use diesel::prelude::*;
    use sanad_backend::schema::staff;
    let (config, data_dir, postgres) = test_config();
    let app = spawn_with(config.clone(), data_dir, postgres).await;
    let moderator = signed_in(&app, "old@example.org", &[Role::Moderator]).await;
    let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    {
        // What an earlier version stored: the address and the secret in clear, no index.
        let mut conn = app.pool().get().unwrap();
        diesel::update(staff::table.find(&moderator.id))
            .set((
                staff::email.eq("old@example.org"),
                staff::email_index.eq(None::<String>),
                staff::totp_secret.eq(Some(secret)),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    // Before the next start, sign-in still finds the row by its clear address.
    let code = code_for(secret, now_secs());
    assert_eq!(
        login_with_code(&app, "old@example.org", Some(&code), "en")
            .await
            .status(),
        200
    );

    // A second server on the same data: its start seals the row.
    let (_, spare_dir, _) = test_config();
    let restarted = spawn_with(config, spare_dir, None).await;
    let (email, totp, _, index) = stored_staff(&restarted, &moderator.id);
    assert!(email.starts_with("sealed:"), "{email}");
    assert!(totp.unwrap().starts_with("sealed:"));
    assert!(index.is_some());
    let code = code_for(secret, now_secs() + 30);
    let signed = login_with_code(&restarted, "old@example.org", Some(&code), "en").await;
    assert_eq!(signed.status(), 200);
    assert_eq!(json(signed).await["staff"]["email"], "old@example.org");
}

/// A writer holds the database from before each request until after it has read; then commits.
const BUSY: std::time::Duration = std::time::Duration::from_millis(1500);

#[actix_web::test]
async fn a_password_set_while_another_writer_commits_is_stored() {
    let app = spawn_app().await;
    let (_, secret) = create_account(&app, "busy@example.org", &[Role::Moderator]);
    let writer = app.another_writer_holds(BUSY);
    let answer = set_password(&app, &secret, GOOD_PASSWORD).await;
    let status = answer.status();
    assert_eq!(status, 204, "{}", answer.text().await.unwrap());
    writer.join().unwrap();
    assert_eq!(
        login(&app, "busy@example.org", GOOD_PASSWORD)
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn sessions_and_roles_change_while_another_writer_commits() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin@example.org", &[Role::Admin]).await;
    let worker = signed_in(&app, "worker@example.org", &[Role::Caseworker]).await;

    let writer = app.another_writer_holds(BUSY);
    let rotated = refresh(&app, &admin.refresh).await;
    let status = rotated.status();
    assert_eq!(status, 200, "{}", rotated.text().await.unwrap());
    writer.join().unwrap();

    let writer = app.another_writer_holds(BUSY);
    let changed = app
        .authorized(
            "PUT",
            &format!("/api/v1/staff/{}/roles", worker.id),
            &bearer(&admin.token),
            Some(json!({ "roles": ["moderator", "caseworker"] })),
        )
        .await;
    let status = changed.status();
    assert_eq!(status, 204, "{}", changed.text().await.unwrap());
    writer.join().unwrap();
    let profile = app
        .authorized("GET", "/api/v1/me", &bearer(&worker.token), None)
        .await;
    let mut roles: Vec<String> =
        serde_json::from_value(json(profile).await["roles"].clone()).unwrap();
    roles.sort();
    assert_eq!(roles, ["caseworker", "moderator"]);

    let writer = app.another_writer_holds(BUSY);
    let ended = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("Cookie", format!("sanad_refresh={}", worker.refresh))
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), 204);
    writer.join().unwrap();
    assert_eq!(refresh(&app, &worker.refresh).await.status(), 401);
}
