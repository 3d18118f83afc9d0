//! Two servers on one database (PostgreSQL in CI, SQLite too), as behind a load balancer: a
//! guesser who spreads attempts over both gets no more tries than against one, proofs of work and
//! TOTP codes are spent once for both, and what either acknowledges the other reads.

use std::sync::Arc;

use sanad_shared::staff::Role;
use serde_json::{json, Value};

use crate::helpers::{
    challenge_token, json, said, sanad, signed_in, solve, spawn_beside, spawn_with, test_config,
    totp_code, TestApp,
};

fn tip(description: &str) -> Value {
    json!({ "subject": "agency", "description": description, "phones": ["0770 123 4567"], "language": "ar" })
}

use crate::helpers::open_receipt_as as open;

async fn submit(app: &TestApp, proof: &str, description: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/tips"))
        .header("Proof-Of-Work", proof)
        .json(&tip(description))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn two_instances_share_throttles_proofs_codes_and_what_they_store() {
    let (mut config, dir, postgres) = test_config();
    config.pow_bits = 8;
    config.trusted_proxies = vec![sanad_backend::client::parse_proxy("127.0.0.1").unwrap()];
    let database_url = postgres.as_ref().map(|schema| schema.url.clone());
    let a = Arc::new(spawn_with(config, dir, postgres).await);
    let b = Arc::new(spawn_beside(&a).await);
    let both = [a.clone(), b.clone()];

    // A proof of work from one instance buys one tip on either, once.
    let proof = solve(&challenge_token(&a).await, 8);
    let first = submit(&b, &proof, "مكتب سفر في العشار").await;
    assert_eq!(first.status(), 201);
    let receipt = json(first).await["receipt"].as_str().unwrap().to_owned();
    let replay = submit(&a, &proof, "مرة ثانية").await;
    assert_eq!(
        replay.status(),
        400,
        "a proof spent on one instance is spent on both"
    );
    assert_eq!(json(replay).await["error"], "proof_of_work_invalid");

    // Wrong receipts alternating between the instances are slowed as on one.
    let wrong = if receipt.starts_with('9') {
        receipt.replacen('9', "1", 1)
    } else {
        format!("9{}", &receipt[1..])
    };
    let mut statuses = Vec::new();
    for n in 0..5 {
        statuses.push(open(&both[n % 2], &wrong, "203.0.113.5").await);
    }
    assert_eq!(statuses, [404, 404, 404, 404, 429]);
    assert_eq!(
        open(&b, &receipt, "203.0.113.5").await,
        429,
        "the client waits on both"
    );

    // Wrong passwords alternating between the instances are slowed as on one.
    let moderator = signed_in(&a, "mod@example.org", &[Role::Moderator]).await;
    let mut statuses = Vec::new();
    for n in 0..5 {
        let response = both[n % 2]
            .client
            .post(both[n % 2].url("/api/v1/auth/login"))
            .header("X-Forwarded-For", "203.0.113.9")
            .json(&json!({ "email": "target@example.org", "password": format!("wrong {n}") }))
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [401, 401, 401, 401, 429]);

    // A TOTP code used on one instance does not work again on the other.
    let auth = format!("Bearer {}", moderator.token);
    let enrolment = json(a.authorized("POST", "/api/v1/me/totp", &auth, None).await).await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    let code = |steps_ahead: u64| {
        totp_code(
            &secret,
            sanad_backend::auth::tokens::unix_now() + steps_ahead * 30,
        )
    };
    let confirmed = a
        .authorized(
            "POST",
            "/api/v1/me/totp/confirm",
            &auth,
            Some(json!({ "code": code(0) })),
        )
        .await;
    assert_eq!(confirmed.status(), 204);
    let with_code = |app: Arc<TestApp>, code: String| async move {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("X-Forwarded-For", "198.51.100.20")
            .json(&json!({ "email": "mod@example.org", "password": crate::helpers::GOOD_PASSWORD, "totp_code": code }))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    let next = code(1);
    assert_eq!(with_code(a.clone(), next.clone()).await, 200);
    assert_eq!(
        with_code(b.clone(), next).await,
        401,
        "a code works once across instances"
    );

    // Tips sent to both at once are all kept, each receipt opens on the other instance, and the
    // audit trail written by both holds together. They all name one number, so each batch
    // recounts the links of the tips before it: two instances' batches writing those rows at once
    // deadlocked on PostgreSQL (2 runs in 3 failed a tip with 503) until batches took turns.
    let lead = signed_in(&b, "lead@example.org", &[Role::Moderator]).await;
    let mut sent = Vec::new();
    for n in 0..40 {
        let app = both[n % 2].clone();
        sent.push(actix_web::rt::spawn(async move {
            let proof = solve(&challenge_token(&app).await, 8);
            let response = submit(&app, &proof, &format!("بلاغ رقم {n}")).await;
            assert_eq!(response.status(), 201);
            (
                n,
                json(response).await["receipt"].as_str().unwrap().to_owned(),
            )
        }));
    }
    let mut receipts = Vec::new();
    for handle in sent {
        receipts.push(handle.await.unwrap());
    }
    // From a client of their own: the guessing above holds its own.
    for (n, receipt) in &receipts {
        assert_eq!(open(&both[(n + 1) % 2], receipt, "198.51.100.7").await, 200);
    }
    let listed = json(
        a.authorized(
            "GET",
            "/api/v1/tips?limit=100",
            &format!("Bearer {}", lead.token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(listed["tips"].as_array().unwrap().len(), 41);

    let verified = sanad(&a.config.data_dir, database_url.as_deref())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(verified.status.success(), "{}", said(&verified));

    // Retention run by both at once: neither fails.
    let mut runs = Vec::new();
    for _ in 0..2 {
        let mut command = sanad(&a.config.data_dir, database_url.as_deref());
        command.arg("retention");
        runs.push(std::thread::spawn(move || command.output().unwrap()));
    }
    for run in runs {
        let output = run.join().unwrap();
        assert!(output.status.success(), "{}", said(&output));
    }
}
