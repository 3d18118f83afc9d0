//! Slows down password guessing, per email address and per client, in memory only: the client
//! key is a keyed hash of its address under a key that dies with the process, so no address is
//! ever stored, logged or recoverable. (The per-account lock after ten failures lives in the
//! database, so it holds across instances.)

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

use rand::RngCore;
use sanad_shared::receipt::Receipt;
use sha2::{Digest, Sha256};

/// Failures allowed without delay; after that each one doubles the wait, and from the tenth on
/// the wait is the account lock's 15 minutes.
const FREE_FAILURES: u32 = 3;
const MAX_DELAY: Duration = Duration::from_millis(crate::auth::store::LOCK_MS.unsigned_abs());
/// How much of a receipt its throttle key takes.
pub const RECEIPT_PREFIX_DIGITS: usize = 4;
/// Entries idle this long are forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(3600);

struct Attempts {
    failures: u32,
    next_allowed: Instant,
    last_failure: Instant,
}

pub struct Throttle {
    key: [u8; 32],
    entries: Mutex<HashMap<[u8; 32], Attempts>>,
}

impl Default for Throttle {
    fn default() -> Self {
        let mut key = [0_u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        Throttle {
            key,
            entries: Mutex::new(HashMap::new()),
        }
    }
}

/// What a login attempt is counted against.
pub struct Subjects {
    keys: Vec<[u8; 32]>,
}

impl Throttle {
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

    fn keyed(&self, kind: &[u8], value: &[u8]) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(self.key);
        hasher.update(kind);
        hasher.update([0]);
        hasher.update(value);
        hasher.finalize().into()
    }

    /// `Err(wait)` when any subject must wait before trying again.
    pub fn check(&self, subjects: &Subjects, now: Instant) -> Result<(), Duration> {
        self.check_keys(&subjects.keys, now)
    }

    /// [`Throttle::check`] for the client alone, leaving out the email of a sign-in.
    pub fn check_client(&self, subjects: &Subjects, now: Instant) -> Result<(), Duration> {
        self.check_keys(subjects.keys.get(1..).unwrap_or_default(), now)
    }

    fn check_keys(&self, keys: &[[u8; 32]], now: Instant) -> Result<(), Duration> {
        let entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let wait = keys
            .iter()
            .filter_map(|key| entries.get(key))
            .map(|a| a.next_allowed.saturating_duration_since(now))
            .max()
            .unwrap_or_default();
        if wait.is_zero() {
            Ok(())
        } else {
            Err(wait)
        }
    }

    pub fn failed(&self, subjects: &Subjects, now: Instant) {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() > 100_000 {
            entries.retain(|_, a| now.saturating_duration_since(a.last_failure) < FORGET_AFTER);
        }
        for key in &subjects.keys {
            let attempts = entries.entry(*key).or_insert(Attempts {
                failures: 0,
                next_allowed: now,
                last_failure: now,
            });
            if now.saturating_duration_since(attempts.last_failure) > FORGET_AFTER {
                attempts.failures = 0;
            }
            attempts.failures += 1;
            attempts.last_failure = now;
            attempts.next_allowed = now + delay_after(attempts.failures);
        }
    }

    /// A correct login clears the email's record; the client's stays, so one client cannot
    /// interleave a known account to reset its count while guessing others.
    pub fn succeeded(&self, subjects: &Subjects) {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(email) = subjects.keys.first() {
            entries.remove(email);
        }
    }
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

    #[test]
    fn failures_on_one_email_slow_that_email_from_any_client() {
        let throttle = Throttle::default();
        let now = Instant::now();
        let from_a = throttle.subjects("Sara@Example.org", Some([10, 0, 0, 1].into()));
        for _ in 0..5 {
            throttle.failed(&from_a, now);
        }
        let from_b = throttle.subjects("sara@example.org ", Some([10, 0, 0, 2].into()));
        let wait = throttle.check(&from_b, now).unwrap_err();
        assert_eq!(wait, Duration::from_secs(2));
        assert!(throttle
            .check(&from_b, now + Duration::from_secs(3))
            .is_ok());
    }

    #[test]
    fn failures_from_one_client_slow_it_on_every_email() {
        let throttle = Throttle::default();
        let now = Instant::now();
        let client = Some([10, 0, 0, 9].into());
        for n in 0..6 {
            throttle.failed(
                &throttle.subjects(&format!("user{n}@example.org"), client),
                now,
            );
        }
        assert!(throttle
            .check(&throttle.subjects("someone-else@example.org", client), now)
            .is_err());
        assert!(throttle
            .check(
                &throttle.subjects("someone-else@example.org", Some([10, 0, 0, 8].into())),
                now
            )
            .is_ok());
    }

    #[test]
    fn success_clears_the_email_but_not_the_client() {
        let throttle = Throttle::default();
        let now = Instant::now();
        let subjects = throttle.subjects("a@example.org", Some([10, 0, 0, 3].into()));
        for _ in 0..5 {
            throttle.failed(&subjects, now);
        }
        throttle.succeeded(&subjects);
        assert!(throttle
            .check(&throttle.subjects("a@example.org", None), now)
            .is_ok());
        assert!(throttle.check(&subjects, now).is_err());
    }
}
