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
    /// The database failed while spending the token; not the sender's fault.
    #[error("database error while redeeming proof of work")]
    Database,
}

pub struct Challenges {
    key: Vec<u8>,
    /// Difficulty of new challenges (`SANAD_POW_BITS`); 0 turns the check off.
    pub bits: u8,
}

impl Challenges {
    pub fn new(key: Vec<u8>, bits: u8) -> Challenges {
        Challenges { key, bits }
    }

    pub fn load(data_dir: &std::path::Path, bits: u8) -> anyhow::Result<Challenges> {
        Ok(Challenges::new(
            crate::keys::load_or_create(data_dir, "pow.key", 32)?,
            bits,
        ))
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

    /// The difficulty and expiry inside a token we signed.
    fn read(&self, token: &str) -> Result<(u8, i64), PowError> {
        let (payload, tag) = token.split_once('.').ok_or(PowError::Invalid)?;
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| PowError::Invalid)?;
        let tag = URL_SAFE_NO_PAD.decode(tag).map_err(|_| PowError::Invalid)?;
        if payload.len() != PAYLOAD_LEN || payload[0] != VERSION {
            return Err(PowError::Invalid);
        }
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.key).map_err(|_| PowError::Invalid)?;
        mac.update(&payload);
        // verify_truncated_left compares in constant time.
        mac.verify_truncated_left(&tag)
            .map_err(|_| PowError::Invalid)?;
        let bits = payload[1];
        let mut expiry = [0_u8; 8];
        expiry.copy_from_slice(&payload[2..10]);
        Ok((bits, i64::from_be_bytes(expiry)))
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
            pow_redemptions::expires_at_ms.eq(expires_at_ms),
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
}
