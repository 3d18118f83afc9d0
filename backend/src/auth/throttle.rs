//! Slows down password and receipt guessing, per email address, per client and per receipt
//! prefix, counted in the database so that every instance on one database counts against the
//! same subjects: two instances give a guesser no more tries than one. (The per-account lock after
//! ten failures lives in the staff table, so it always held across instances.)
//!
//! A subject is stored as a keyed hash, never as the email, address or digits. The key is
//! derived from the encryption key, so every instance computes the same hash; a row goes an hour
//! after its last failure. Someone holding both the database and that key could test the
//! addresses that failed within the last hour (an IPv4 address space is small); without the key
//! the rows say nothing. That is the price of one count across instances; the address is never
//! logged or stored in clear.

use std::{net::IpAddr, time::Duration};

use actix_web::web;
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use sanad_shared::receipt::Receipt;
use sha2::Sha256;

use crate::{
    db::{self, DbConnection, DbError},
    error::ApiError,
    schema::throttle_attempts,
};

/// Failures allowed without delay; after that each one doubles the wait, and from the tenth on
/// the wait is the account lock's 15 minutes.
const FREE_FAILURES: u32 = 3;
const MAX_DELAY: Duration = Duration::from_millis(crate::auth::store::LOCK_MS.unsigned_abs());
/// How much of a receipt its throttle key takes.
pub const RECEIPT_PREFIX_DIGITS: usize = 4;
/// A subject idle this long starts again from nothing, and its row is removed.
const FORGET_AFTER_MS: i64 = 3600 * 1000;

pub struct Throttle {
    key: [u8; 32],
    pool: web::Data<db::Pool>,
}

/// What an attempt is counted against: keyed hashes, in hex.
pub struct Subjects {
    keys: Vec<String>,
}

impl Throttle {
    /// `key` must be the same on every instance (see `Sealer::throttle_key`).
    pub fn new(key: [u8; 32], pool: web::Data<db::Pool>) -> Throttle {
        Throttle { key, pool }
    }

    pub fn subjects(&self, email: &str, client: Option<IpAddr>) -> Subjects {
        let mut keys = vec![self.keyed(b"email", email.trim().to_lowercase().as_bytes())];
        if let Some(address) = client {
            keys.push(self.keyed(b"client", address.to_string().as_bytes()));
        }
        Subjects { keys }
    }

    /// Counts receipt attempts against the client and against the receipt's first
    /// [`RECEIPT_PREFIX_DIGITS`] digits. There is no account to count against, and one key for
    /// everyone would let one person slow everyone down; the prefix slows a guesser who rotates
    /// addresses while hardly touching anyone else (one receipt in 10,000 shares a prefix).
    pub fn receipt_subjects(&self, client: Option<IpAddr>, receipt: &Receipt) -> Subjects {
        let prefix = receipt
            .digits()
            .get(..RECEIPT_PREFIX_DIGITS)
            .unwrap_or_default();
        let mut keys = vec![self.keyed(b"receipt-prefix", prefix.as_bytes())];
        if let Some(address) = client {
            keys.push(self.keyed(b"receipt-client", address.to_string().as_bytes()));
        }
        Subjects { keys }
    }

    fn keyed(&self, kind: &[u8], value: &[u8]) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(kind);
        mac.update(&[0]);
        mac.update(value);
        hex::encode(mac.finalize().into_bytes())
    }

    /// `Ok(Err(wait))` when any subject must wait before trying again.
    pub async fn check(&self, subjects: &Subjects) -> Result<Result<(), Duration>, ApiError> {
        self.check_keys(subjects.keys.clone()).await
    }

    /// [`Throttle::check`] for the client alone, leaving out the email of a sign-in.
    pub async fn check_client(
        &self,
        subjects: &Subjects,
    ) -> Result<Result<(), Duration>, ApiError> {
        self.check_keys(subjects.keys.get(1..).unwrap_or_default().to_vec())
            .await
    }

    async fn check_keys(&self, keys: Vec<String>) -> Result<Result<(), Duration>, ApiError> {
        let wait = db::with_db(&self.pool, move |conn| {
            Ok(wait(conn, &keys, crate::audit::now_ms())?)
        })
        .await?;
        Ok(if wait.is_zero() { Ok(()) } else { Err(wait) })
    }

    pub async fn failed(&self, subjects: &Subjects) -> Result<(), ApiError> {
        let keys = subjects.keys.clone();
        db::with_db(&self.pool, move |conn| {
            Ok(fail(conn, &keys, crate::audit::now_ms())?)
        })
        .await
    }

    /// A correct login clears the email's record; the client's stays, so one client cannot
    /// interleave a known account to reset its count while guessing others.
    pub async fn succeeded(&self, subjects: &Subjects) -> Result<(), ApiError> {
        let Some(email) = subjects.keys.first().cloned() else {
            return Ok(());
        };
        db::with_db(&self.pool, move |conn| {
            diesel::delete(throttle_attempts::table.find(email)).execute(conn)?;
            Ok(())
        })
        .await
    }
}

/// How long the longest-held of `keys` must still wait at `now_ms`.
pub fn wait(conn: &mut DbConnection, keys: &[String], now_ms: i64) -> Result<Duration, DbError> {
    let latest: Option<i64> = throttle_attempts::table
        .filter(throttle_attempts::key.eq_any(keys))
        .filter(throttle_attempts::last_failure_ms.ge(now_ms - FORGET_AFTER_MS))
        .select(diesel::dsl::max(throttle_attempts::next_allowed_ms))
        .first(conn)?;
    let left = latest.unwrap_or(now_ms).saturating_sub(now_ms);
    Ok(Duration::from_millis(u64::try_from(left).unwrap_or(0)))
}

/// Counts one failure against each of `keys`. Each count is one statement, so failures arriving
/// at two instances at once are both counted; rows idle past the hour go on the way.
pub fn fail(conn: &mut DbConnection, keys: &[String], now_ms: i64) -> Result<(), DbError> {
    let stale = now_ms - FORGET_AFTER_MS;
    diesel::delete(throttle_attempts::table.filter(throttle_attempts::last_failure_ms.lt(stale)))
        .execute(conn)?;
    for key in keys {
        let failures = count(conn, key, now_ms)?;
        let delay = i64::try_from(delay_after(failures).as_millis()).unwrap_or(i64::MAX);
        // Never shortens a wait another instance set a moment ago.
        diesel::update(
            throttle_attempts::table
                .find(key)
                .filter(throttle_attempts::next_allowed_ms.lt(now_ms.saturating_add(delay))),
        )
        .set(throttle_attempts::next_allowed_ms.eq(now_ms.saturating_add(delay)))
        .execute(conn)?;
    }
    Ok(())
}

/// Adds one to `key`'s failures and answers the new count.
fn count(conn: &mut DbConnection, key: &str, now_ms: i64) -> Result<u32, DbError> {
    for _ in 0..3 {
        let added = diesel::update(throttle_attempts::table.find(key))
            .set((
                throttle_attempts::failures.eq(throttle_attempts::failures + 1),
                throttle_attempts::last_failure_ms.eq(now_ms),
            ))
            .execute(conn)?;
        if added == 0 {
            // A first failure; another instance may insert the same key at the same moment,
            // and then the update above counts this one on the next turn.
            let inserted = conn.transaction(|conn| {
                diesel::insert_into(throttle_attempts::table)
                    .values((
                        throttle_attempts::key.eq(key),
                        throttle_attempts::failures.eq(1),
                        throttle_attempts::next_allowed_ms.eq(now_ms),
                        throttle_attempts::last_failure_ms.eq(now_ms),
                    ))
                    .execute(conn)
            });
            match inserted {
                Ok(_) => return Ok(1),
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                )) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        let failures: i32 = throttle_attempts::table
            .find(key)
            .select(throttle_attempts::failures)
            .first(conn)?;
        return Ok(u32::try_from(failures).unwrap_or(u32::MAX));
    }
    Err(DbError::Query(diesel::result::Error::RollbackTransaction))
}

pub fn delay_after(failures: u32) -> Duration {
    if failures <= FREE_FAILURES {
        return Duration::ZERO;
    }
    // From the tenth failure on, an email waits as long as a locked account does, so the
    // Retry-After of an unknown email looks like that of a real, locked one.
    if failures >= crate::auth::store::LOCK_AFTER_FAILURES.unsigned_abs() {
        return MAX_DELAY;
    }
    let exponent = (failures - FREE_FAILURES - 1).min(20);
    Duration::from_secs(1_u64 << exponent).min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_doubles_after_three_free_failures_up_to_fifteen_minutes() {
        let delays: Vec<u64> = (1..=8).map(|n| delay_after(n).as_secs()).collect();
        assert_eq!(delays, [0, 0, 0, 1, 2, 4, 8, 16]);
        assert_eq!(delay_after(9), Duration::from_secs(32));
        assert_eq!(delay_after(10), MAX_DELAY, "like the account lock");
        assert_eq!(delay_after(40), MAX_DELAY);
    }

    /// A throttle on an SQLite file of its own.
    fn throttle() -> (Throttle, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = db::DatabaseUrl::Sqlite(dir.path().join("throttle.db"));
        db::run_migrations(&url).unwrap();
        let pool = web::Data::new(db::pool(&url, 2).unwrap());
        (Throttle::new([9; 32], pool), dir)
    }

    fn wait_for(throttle: &Throttle, subjects: &Subjects, now: i64) -> Duration {
        let mut conn = throttle.pool.get().unwrap();
        wait(&mut conn, &subjects.keys, now).unwrap()
    }

    fn fail_at(throttle: &Throttle, subjects: &Subjects, now: i64) {
        let mut conn = throttle.pool.get().unwrap();
        fail(&mut conn, &subjects.keys, now).unwrap();
    }

    #[test]
    fn failures_on_one_email_slow_that_email_from_any_client() {
        let (throttle, _dir) = throttle();
        let now = 1_000_000_000;
        let from_a = throttle.subjects("Sara@Example.org", Some([10, 0, 0, 1].into()));
        for _ in 0..5 {
            fail_at(&throttle, &from_a, now);
        }
        let from_b = throttle.subjects("sara@example.org ", Some([10, 0, 0, 2].into()));
        assert_eq!(wait_for(&throttle, &from_b, now), Duration::from_secs(2));
        assert!(wait_for(&throttle, &from_b, now + 3000).is_zero());
    }

    #[test]
    fn failures_from_one_client_slow_it_on_every_email() {
        let (throttle, _dir) = throttle();
        let now = 1_000_000_000;
        let client = Some([10, 0, 0, 9].into());
        for n in 0..6 {
            fail_at(
                &throttle,
                &throttle.subjects(&format!("user{n}@example.org"), client),
                now,
            );
        }
        assert!(!wait_for(
            &throttle,
            &throttle.subjects("someone-else@example.org", client),
            now
        )
        .is_zero());
        assert!(wait_for(
            &throttle,
            &throttle.subjects("someone-else@example.org", Some([10, 0, 0, 8].into())),
            now
        )
        .is_zero());
    }

    #[test]
    fn an_hour_without_failures_starts_again_from_nothing_and_leaves_no_row() {
        let (throttle, _dir) = throttle();
        let now = 1_000_000_000;
        let subjects = throttle.subjects("b@example.org", Some([10, 0, 0, 4].into()));
        for _ in 0..9 {
            fail_at(&throttle, &subjects, now);
        }
        assert_eq!(wait_for(&throttle, &subjects, now), Duration::from_secs(32));
        let later = now + FORGET_AFTER_MS + 1;
        assert!(wait_for(&throttle, &subjects, later).is_zero());
        fail_at(
            &throttle,
            &throttle.subjects("other@example.org", None),
            later,
        );
        let mut conn = throttle.pool.get().unwrap();
        let rows: Vec<String> = throttle_attempts::table
            .select(throttle_attempts::key)
            .load(&mut conn)
            .unwrap();
        assert_eq!(rows.len(), 1, "only the new failure is kept");
        assert!(!rows[0].contains("example"), "keys are hashes");
    }

    #[actix_web::test]
    async fn success_clears_the_email_but_not_the_client() {
        let (throttle, _dir) = throttle();
        let subjects = throttle.subjects("a@example.org", Some([10, 0, 0, 3].into()));
        for _ in 0..5 {
            throttle.failed(&subjects).await.unwrap();
        }
        throttle.succeeded(&subjects).await.unwrap();
        assert_eq!(
            throttle
                .check(&throttle.subjects("a@example.org", None))
                .await
                .unwrap(),
            Ok(())
        );
        assert!(throttle.check(&subjects).await.unwrap().is_err());
    }
}
