//! Proof-of-work challenges: issued over HTTP, redeemed once across instances, refused when
//! forged, unsolved, expired or spent.

use sanad_backend::{
    audit::now_ms,
    db,
    pow::{Challenges, PowError},
};
use sanad_shared::pow;

use crate::helpers::{json, solve, spawn_with, test_config};

#[actix_web::test]
async fn a_challenge_from_the_api_is_solved_and_spent_once_across_instances() {
    let (mut config, dir, pg) = test_config();
    config.pow_bits = 10;
    let app = spawn_with(config.clone(), dir, pg).await;
    let response = app
        .client
        .post(app.url("/api/v1/challenges"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("set-cookie").is_none());
    let challenge = json(response).await;
    assert_eq!(challenge["bits"], 10);
    let expires_at = challenge["expires_at"].as_i64().unwrap();
    let now = now_ms() / 1000;
    assert!(
        (now + 1790..=now + 1800).contains(&expires_at),
        "30 minutes: {expires_at} vs {now}"
    );
    let header = solve(challenge["token"].as_str().unwrap(), 10);

    // Two instances: each has its own pool, both share the key file and the database.
    let first = Challenges::load(&config.data_dir, 10, Default::default()).unwrap();
    let second = Challenges::load(&config.data_dir, 10, Default::default()).unwrap();
    let url = config.database_url().unwrap();
    let (pool_a, pool_b) = (db::pool(&url, 1).unwrap(), db::pool(&url, 1).unwrap());
    assert_eq!(
        first.redeem(&mut pool_a.get().unwrap(), Some(&header)),
        Ok(())
    );
    assert_eq!(
        second.redeem(&mut pool_b.get().unwrap(), Some(&header)),
        Err(PowError::Invalid),
        "replayed on another instance"
    );
}

#[test]
fn forged_unsolved_expired_and_missing_proofs_are_refused() {
    let (config, _dir, _pg) = test_config();
    db::prepare_data_dir(&config.data_dir).unwrap();
    let url = config.database_url().unwrap();
    db::run_migrations(&url).unwrap();
    let mut conn = db::pool(&url, 1).unwrap().get().unwrap();
    let challenges = Challenges::new(vec![9; 32], 12);

    assert_eq!(challenges.redeem(&mut conn, None), Err(PowError::Invalid));
    assert_eq!(
        challenges.redeem(&mut conn, Some("no colon")),
        Err(PowError::Invalid)
    );

    let token = challenges.issue().unwrap().token;
    let unsolved = (0..)
        .map(|n: u64| n.to_string())
        .find(|n| !pow::solves(&token, n, 12))
        .unwrap();
    assert_eq!(
        challenges.redeem(&mut conn, Some(&format!("{token}:{unsolved}"))),
        Err(PowError::Invalid)
    );

    let forged = Challenges::new(vec![8; 32], 12).issue().unwrap().token;
    assert_eq!(
        challenges.redeem(&mut conn, Some(&solve(&forged, 12))),
        Err(PowError::Invalid)
    );

    let expired = challenges.issue_until(now_ms() - 1).unwrap().token;
    assert_eq!(
        challenges.redeem(&mut conn, Some(&solve(&expired, 12))),
        Err(PowError::Expired)
    );

    // A token made when the difficulty was lower is held to today's.
    let easy = Challenges::new(vec![9; 32], 2).issue().unwrap().token;
    let weak = (0..)
        .map(|n: u64| n.to_string())
        .find(|n| pow::solves(&easy, n, 2) && !pow::solves(&easy, n, 12))
        .unwrap();
    assert_eq!(
        challenges.redeem(&mut conn, Some(&format!("{easy}:{weak}"))),
        Err(PowError::Invalid)
    );

    assert_eq!(
        challenges.redeem(&mut conn, Some(&solve(&token, 12))),
        Ok(())
    );
    assert_eq!(
        Challenges::new(vec![9; 32], 0).redeem(&mut conn, None),
        Ok(()),
        "0 bits: off"
    );
}
