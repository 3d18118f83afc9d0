//! Proof-of-work challenges for anonymous submissions (see `sanad_shared::pow` for the puzzle).
//! A challenge token is signed by the server, carries its difficulty and expiry, and can be
//! redeemed once across all instances: the spent token's hash goes into the database.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use diesel::{prelude::*, result::DatabaseErrorKind};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sanad_shared::pow;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::{audit::now_ms, auth::tokens::sha256_hex, db::DbConnection, schema::pow_redemptions};

/// Long enough for a slow phone to solve and a person to finish the form; short enough that
/// nobody stockpiles solved tokens.
pub const CHALLENGE_TTL_MS: i64 = 30 * 60 * 1000;
const VERSION: u8 = 1;
const PAYLOAD_LEN: usize = 1 + 1 + 8 + 16;
const TAG_LEN: usize = 16;

/// `POST /api/v1/challenges`
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Challenge {
    pub token: String,
    /// Leading zero bits SHA-256 of `token:nonce` must have.
    pub bits: u8,
    /// Unix time (seconds) after which the token is refused.
    pub expires_at: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PowError {
    #[error("missing, malformed, forged, unsolved or already used proof of work")]
    Invalid,
    #[error("the challenge expired")]
    Expired,
    /// A submission sent without a script, before its challenge's wait was over.
    #[error("sent {seconds_left} s before the wait was over")]
    TooSoon { seconds_left: u64 },
    /// More submissions without a script this minute than `SANAD_NOJS_PER_MINUTE`.
    #[error("too many submissions without a script this minute")]
    Busy { retry_after_secs: u64 },
    /// The database failed while spending the token; not the sender's fault.
    #[error("database error while redeeming proof of work")]
    Database,
}

/// Without a script, a browser cannot solve a proof of work. A form sent that way carries a
/// *waited* challenge instead: signed by the server into the page, redeemable only once its wait
/// (`SANAD_NOJS_DELAY_SECONDS`) is over, once, before it expires; and no more of them than
/// `SANAD_NOJS_PER_MINUTE` are accepted each minute, so the path without a script costs a
/// flood of time where the proof of work costs it computation.
#[derive(Clone, Copy, Debug)]
pub struct NoScriptRules {
    pub delay_ms: i64,
    pub per_minute: u32,
}

impl Default for NoScriptRules {
    fn default() -> Self {
        NoScriptRules {
            delay_ms: 20_000,
            per_minute: 30,
        }
    }
}

const WAITED_VERSION: u8 = 2;
const WAITED_PAYLOAD_LEN: usize = 1 + 8 + 8 + 16;

pub struct Challenges {
    key: Vec<u8>,
    /// Difficulty of new challenges (`SANAD_POW_BITS`); 0 turns the check off.
    pub bits: u8,
    pub no_script: NoScriptRules,
    /// (minute since 1970, waited challenges redeemed in it).
    no_script_window: std::sync::Mutex<(i64, u32)>,
}

impl Challenges {
    pub fn new(key: Vec<u8>, bits: u8) -> Challenges {
        Challenges::with_rules(key, bits, NoScriptRules::default())
    }

    pub fn with_rules(key: Vec<u8>, bits: u8, no_script: NoScriptRules) -> Challenges {
        Challenges {
            key,
            bits,
            no_script,
            no_script_window: std::sync::Mutex::new((0, 0)),
        }
    }

    pub fn load(
        data_dir: &std::path::Path,
        bits: u8,
        no_script: NoScriptRules,
    ) -> anyhow::Result<Challenges> {
        Ok(Challenges::with_rules(
            crate::keys::load_or_create(data_dir, "pow.key", 32)?,
            bits,
            no_script,
        ))
    }

    /// A waited challenge for a form page, redeemable from `now + delay` for
    /// [`CHALLENGE_TTL_MS`].
    pub fn issue_waited(&self, now_ms: i64) -> Option<String> {
        let from = now_ms + self.no_script.delay_ms;
        let mut payload = Vec::with_capacity(WAITED_PAYLOAD_LEN);
        payload.push(WAITED_VERSION);
        payload.extend_from_slice(&from.to_be_bytes());
        payload.extend_from_slice(&(from + CHALLENGE_TTL_MS).to_be_bytes());
        let mut random = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut random);
        payload.extend_from_slice(&random);
        let tag = self.tag(&payload)?;
        Some(format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&payload),
            URL_SAFE_NO_PAD.encode(tag)
        ))
    }

    /// Checks a waited challenge from a form sent without a script (not yet spent: [`spend`]
    /// does that with what it paid for). Too early, expired, forged and over the minute's rate
    /// are each refused with their own error.
    pub fn verify_waited(&self, token: &str, now: i64) -> Result<Proof, PowError> {
        let payload = self.open(token, WAITED_VERSION, WAITED_PAYLOAD_LEN)?;
        let (from, until) = (millis_at(&payload, 1), millis_at(&payload, 9));
        if now < from {
            let seconds_left = u64::try_from((from - now + 999) / 1000).unwrap_or(1);
            return Err(PowError::TooSoon { seconds_left });
        }
        if now >= until {
            return Err(PowError::Expired);
        }
        self.take_no_script_turn(now)?;
        Ok(Proof(Some((sha256_hex(token), until))))
    }

    fn take_no_script_turn(&self, now: i64) -> Result<(), PowError> {
        let minute = now.div_euclid(60_000);
        let mut window = self
            .no_script_window
            .lock()
            .map_err(|_| PowError::Database)?;
        if window.0 != minute {
            *window = (minute, 0);
        }
        if window.1 >= self.no_script.per_minute {
            let retry_after_secs =
                u64::try_from((60_000 - now.rem_euclid(60_000) + 999) / 1000).unwrap_or(60);
            return Err(PowError::Busy { retry_after_secs });
        }
        window.1 += 1;
        Ok(())
    }

    fn tag(&self, payload: &[u8]) -> Option<[u8; TAG_LEN]> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).ok()?;
        mac.update(payload);
        let full = mac.finalize().into_bytes();
        let mut tag = [0_u8; TAG_LEN];
        tag.copy_from_slice(&full[..TAG_LEN]);
        Some(tag)
    }

    pub fn issue(&self) -> Option<Challenge> {
        self.issue_until(now_ms() + CHALLENGE_TTL_MS)
    }

    /// A challenge that expires at `expires_at_ms` (Unix milliseconds).
    pub fn issue_until(&self, expires_at_ms: i64) -> Option<Challenge> {
        let mut payload = Vec::with_capacity(PAYLOAD_LEN);
        payload.push(VERSION);
        payload.push(self.bits);
        payload.extend_from_slice(&expires_at_ms.to_be_bytes());
        let mut random = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut random);
        payload.extend_from_slice(&random);
        let tag = self.tag(&payload)?;
        let token = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&payload),
            URL_SAFE_NO_PAD.encode(tag)
        );
        Some(Challenge {
            token,
            bits: self.bits,
            expires_at: expires_at_ms / 1000,
        })
    }

    /// The payload of a token we signed, if it is of this `version` and `len`.
    fn open(&self, token: &str, version: u8, len: usize) -> Result<Vec<u8>, PowError> {
        let (payload, tag) = token.split_once('.').ok_or(PowError::Invalid)?;
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| PowError::Invalid)?;
        let tag = URL_SAFE_NO_PAD.decode(tag).map_err(|_| PowError::Invalid)?;
        if payload.len() != len || payload[0] != version {
            return Err(PowError::Invalid);
        }
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.key).map_err(|_| PowError::Invalid)?;
        mac.update(&payload);
        // verify_truncated_left compares in constant time.
        mac.verify_truncated_left(&tag)
            .map_err(|_| PowError::Invalid)?;
        Ok(payload)
    }

    /// The difficulty and expiry inside a token we signed.
    fn read(&self, token: &str) -> Result<(u8, i64), PowError> {
        let payload = self.open(token, VERSION, PAYLOAD_LEN)?;
        let bits = payload[1];
        Ok((bits, millis_at(&payload, 2)))
    }

    /// Checks a `Proof-Of-Work: token:nonce` header and spends the token. With difficulty 0
    /// configured, any or no header passes.
    pub fn redeem(&self, conn: &mut DbConnection, header: Option<&str>) -> Result<(), PowError> {
        let proof = self.verify(header)?;
        spend(conn, &proof)
    }

    /// Checks a header without touching the database, so a submission can be refused before any
    /// costly work; [`spend`] then records it in the same transaction as what it paid for.
    pub fn verify(&self, header: Option<&str>) -> Result<Proof, PowError> {
        if self.bits == 0 {
            return Ok(Proof(None));
        }
        let (token, nonce) = header
            .and_then(pow::parse_header)
            .ok_or(PowError::Invalid)?;
        let (bits, expires_at_ms) = self.read(token)?;
        if expires_at_ms <= now_ms() {
            return Err(PowError::Expired);
        }
        // A token issued before the difficulty was raised is held to today's difficulty.
        if !pow::solves(token, nonce, bits.max(self.bits)) {
            return Err(PowError::Invalid);
        }
        Ok(Proof(Some((sha256_hex(token), expires_at_ms))))
    }
}

/// The big-endian milliseconds at `at` in a payload [`Challenges::open`] checked the length of.
fn millis_at(payload: &[u8], at: usize) -> i64 {
    let mut bytes = [0_u8; 8];
    bytes.copy_from_slice(&payload[at..at + 8]);
    i64::from_be_bytes(bytes)
}

/// How finely a spent token's expiry is kept.
pub const REDEMPTION_EXPIRY_STEP_MS: i64 = 60 * 60 * 1000;

/// A spent token's expiry, rounded up to the next whole hour: the exact one is its issue time
/// plus [`CHALLENGE_TTL_MS`], which would date the report it paid for to the millisecond. Later
/// is safe (the row only has to outlive the token), and rows are cleared an hour at a time.
pub fn coarse_expiry(expires_at_ms: i64) -> i64 {
    expires_at_ms
        .div_euclid(REDEMPTION_EXPIRY_STEP_MS)
        .saturating_add(1)
        .saturating_mul(REDEMPTION_EXPIRY_STEP_MS)
}

/// A checked, not yet spent, proof of work (nothing to spend when the check is off).
#[derive(Clone, Debug)]
pub struct Proof(Option<(String, i64)>);

/// Spends a proof once across all instances; a second spend of the same token is refused.
pub fn spend(conn: &mut DbConnection, proof: &Proof) -> Result<(), PowError> {
    let Some((token_hash, expires_at_ms)) = &proof.0 else {
        return Ok(());
    };
    let now = now_ms();
    // Spent tokens are worthless once expired; clearing them first keeps the table small.
    let _ = diesel::delete(pow_redemptions::table.filter(pow_redemptions::expires_at_ms.lt(now)))
        .execute(conn);
    let spent = diesel::insert_into(pow_redemptions::table)
        .values((
            pow_redemptions::token_hash.eq(token_hash),
            pow_redemptions::expires_at_ms.eq(coarse_expiry(*expires_at_ms)),
        ))
        .execute(conn);
    match spent {
        Ok(_) => Ok(()),
        Err(diesel::result::Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(PowError::Invalid)
        }
        Err(_) => Err(PowError::Database),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_carries_its_difficulty_and_expiry_and_only_our_key_signs_it() {
        let challenges = Challenges::new(vec![3; 32], 10);
        let challenge = challenges.issue().unwrap();
        assert_eq!(challenge.bits, 10);
        let (bits, expiry) = challenges.read(&challenge.token).unwrap();
        assert_eq!(bits, 10);
        assert_eq!(expiry / 1000, challenge.expires_at);
        assert!(
            Challenges::new(vec![4; 32], 10)
                .read(&challenge.token)
                .is_err(),
            "another key"
        );
        let mut forged = challenge.token.clone();
        forged.replace_range(2..3, if &forged[2..3] == "A" { "B" } else { "A" });
        assert!(challenges.read(&forged).is_err(), "a changed payload");
        for garbage in ["", ".", "abc", "abc.def", "a.b.c"] {
            assert!(challenges.read(garbage).is_err(), "{garbage:?}");
        }
    }

    #[test]
    fn a_waited_challenge_opens_after_its_wait_once_per_turn_and_not_as_a_proof_of_work() {
        let rules = NoScriptRules {
            delay_ms: 20_000,
            per_minute: 2,
        };
        let challenges = Challenges::with_rules(vec![3; 32], 10, rules);
        let issued = 1_000_000_020_000;
        let token = challenges.issue_waited(issued).unwrap();
        assert_eq!(
            challenges
                .verify_waited(&token, issued + 5_000)
                .unwrap_err(),
            PowError::TooSoon { seconds_left: 15 }
        );
        assert!(challenges.verify_waited(&token, issued + 20_000).is_ok());
        assert_eq!(
            challenges
                .verify_waited(&token, issued + 20_000 + CHALLENGE_TTL_MS)
                .unwrap_err(),
            PowError::Expired
        );
        // The minute's second turn is taken; the third waits for the next minute.
        assert!(challenges.verify_waited(&token, issued + 21_000).is_ok());
        assert!(matches!(
            challenges.verify_waited(&token, issued + 22_000),
            Err(PowError::Busy { retry_after_secs }) if retry_after_secs <= 60
        ));
        assert!(challenges.verify_waited(&token, issued + 80_000).is_ok());
        // Neither kind of token passes for the other, nor under another key.
        assert!(challenges.read(&token).is_err());
        let pow = challenges.issue().unwrap();
        assert_eq!(
            challenges
                .verify_waited(&pow.token, issued + 30_000)
                .unwrap_err(),
            PowError::Invalid
        );
        assert_eq!(
            Challenges::with_rules(vec![4; 32], 10, rules)
                .verify_waited(&token, issued + 30_000)
                .unwrap_err(),
            PowError::Invalid
        );
    }
}
