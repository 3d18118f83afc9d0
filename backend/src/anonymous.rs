//! What tips and missing-person cases share as anonymous submissions: receipts (drawn, hashed
//! elsewhere, and looked up here across both tables), the follow-up tokens a receipt buys, the
//! random references sealed values are bound to, and the day-only date they are stored with.
//! Tips and cases never import each other; both come here.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use diesel::prelude::*;
use rand::RngCore;
use sanad_shared::receipt::Receipt;

use crate::{
    audit::now_ms,
    auth::password::PasswordHasher,
    crypto::Sealer,
    db::{self, with_db, DbConnection},
    error::ApiError,
    group_commit::GroupCommitter,
    pow::{self, Proof},
    schema::{cases, tips},
};

/// How long a follow-up token opens a tip or case: long enough to read and answer, short enough that a
/// phone left unlocked does not keep the tip open.
pub const FOLLOW_UP_TTL_SECS: u32 = 20 * 60;

/// A random name for a row, used as the context its sealed values are bound to.
pub fn random_ref() -> String {
    let mut bytes = [0_u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A fresh receipt from the operating system's random generator.
pub fn new_receipt() -> Receipt {
    let mut rng = rand::rngs::OsRng;
    Receipt::from_random_bytes(|| {
        let mut byte = [0_u8; 1];
        rng.fill_bytes(&mut byte);
        byte[0]
    })
}

/// Today, as stored and shown: the day only.
pub fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The start of today (UTC) in Unix milliseconds: the only time a row a tipster or a family
/// wrote may carry, so that someone with the disk cannot tell when in the day it arrived.
pub fn today_ms() -> i64 {
    crate::audit::now_ms().div_euclid(DAY_MS) * DAY_MS
}

/// Receipt hashes made with today's receipt parameters start with this. Hashes from before are
/// bare hex, which sorts below it (`0-9`, `a-f` < `v`), so an index finds whether any remain.
pub const RECEIPT_SCHEME: &str = "v2:";

/// The tip or case a stored receipt hash belongs to.
pub fn find_thread_by_receipt(
    conn: &mut DbConnection,
    receipt_hash: &str,
) -> Result<Option<Thread>, ApiError> {
    let tip: Option<String> = tips::table
        .filter(tips::receipt_hash.eq(receipt_hash))
        .select(tips::ref_key)
        .first(conn)
        .optional()?;
    if let Some(tip_ref) = tip {
        return Ok(Some(Thread::Tip(tip_ref)));
    }
    let case: Option<String> = cases::table
        .filter(cases::receipt_hash.eq(receipt_hash))
        .select(cases::ref_key)
        .first(conn)
        .optional()?;
    Ok(case.map(Thread::Case))
}

/// Whether any tip or case still has a receipt hash from before [`RECEIPT_SCHEME`].
pub fn legacy_receipts_remain(conn: &mut DbConnection) -> Result<bool, ApiError> {
    let tips_left = tips::table
        .filter(tips::receipt_hash.lt(RECEIPT_SCHEME))
        .select(tips::id)
        .limit(1)
        .load::<i64>(conn)?;
    if !tips_left.is_empty() {
        return Ok(true);
    }
    let cases_left = cases::table
        .filter(cases::receipt_hash.lt(RECEIPT_SCHEME))
        .select(cases::id)
        .limit(1)
        .load::<i64>(conn)?;
    Ok(!cases_left.is_empty())
}

/// The tip or case stored under the old-parameter hash `legacy`, now stored under `current`.
pub fn rehash_receipt(
    conn: &mut DbConnection,
    legacy: &str,
    current: &str,
) -> Result<Option<Thread>, ApiError> {
    crate::db::write_transaction(conn, |conn| {
        let found = find_thread_by_receipt(conn, legacy)?;
        match &found {
            Some(Thread::Tip(_)) => {
                diesel::update(tips::table.filter(tips::receipt_hash.eq(legacy)))
                    .set(tips::receipt_hash.eq(current))
                    .execute(conn)?;
            }
            Some(Thread::Case(_)) => {
                diesel::update(cases::table.filter(cases::receipt_hash.eq(legacy)))
                    .set(cases::receipt_hash.eq(current))
                    .execute(conn)?;
            }
            None => {}
        }
        Ok(found)
    })
}

/// How a receipt is stored and looked up: Argon2id under the installation's salt, in hex, after
/// [`RECEIPT_SCHEME`].
pub async fn receipt_hash(
    hasher: &PasswordHasher,
    sealer: &Sealer,
    receipt: &Receipt,
) -> Result<String, ApiError> {
    let hash = hasher
        .derive(receipt.digits().as_bytes().to_vec(), sealer.receipt_salt())
        .await?;
    Ok(format!("{}{}", RECEIPT_SCHEME, hex::encode(hash)))
}

/// The tip or case a receipt opens. A receipt stored before the receipt parameters changed is
/// looked up under the old ones, only when such receipts remain, and then stored again under
/// today's, so it costs a second hash once.
pub async fn find_thread(
    hasher: &PasswordHasher,
    sealer: &Sealer,
    pool: &actix_web::web::Data<db::Pool>,
    receipt: &Receipt,
) -> Result<Option<Thread>, ApiError> {
    let hash = receipt_hash(hasher, sealer, receipt).await?;
    let (found, legacy_remain) = with_db(pool, {
        let hash = hash.clone();
        move |conn| {
            let found = find_thread_by_receipt(conn, &hash)?;
            let legacy_remain = found.is_none() && legacy_receipts_remain(conn)?;
            Ok((found, legacy_remain))
        }
    })
    .await?;
    if !legacy_remain {
        return Ok(found);
    }
    let legacy = hex::encode(
        hasher
            .derive_legacy(receipt.digits().as_bytes().to_vec(), sealer.receipt_salt())
            .await?,
    );
    with_db(pool, move |conn| rehash_receipt(conn, &legacy, &hash)).await
}

/// Stores an anonymous submission under a fresh receipt, spending its proof of work in the same
/// transaction, and answers the receipt with what `insert` returned. `insert` gets the receipt's
/// hash and answers `None` when the hash (or a number it drew) is already taken; a new receipt
/// is drawn then, which is astronomically unlikely to be needed three times.
pub async fn store_with_receipt<T, F>(
    hasher: &PasswordHasher,
    sealer: &Sealer,
    committer: &GroupCommitter,
    proof: &Proof,
    insert: F,
) -> Result<(Receipt, T), ApiError>
where
    T: Send + 'static,
    F: Fn(&mut DbConnection, &str) -> Result<Option<T>, ApiError> + Clone + Send + 'static,
{
    for _ in 0..3 {
        let receipt = new_receipt();
        let hash = receipt_hash(hasher, sealer, &receipt).await?;
        let proof = proof.clone();
        let insert = insert.clone();
        let stored = committer
            .run(move |conn| {
                pow::spend(conn, &proof)?;
                insert(conn, &hash)
            })
            .await?;
        if let Some(stored) = stored {
            return Ok((receipt, stored));
        }
    }
    Err(ApiError::internal("three receipts in a row were taken"))
}

/// What a receipt opens: a tip or a missing-person case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Thread {
    Tip(String),
    Case(String),
}

/// Follow-up tokens: what the receipt opened (kind and `ref_key`) and an expiry, sealed, so the
/// token says nothing to whoever holds it and cannot be forged or pointed at another record.
pub fn follow_up_token(sealer: &Sealer, thread: &Thread) -> Result<String, ApiError> {
    let expires_at = now_ms() + i64::from(FOLLOW_UP_TTL_SECS) * 1000;
    let (kind, reference) = match thread {
        Thread::Tip(r) => ("tip", r),
        Thread::Case(r) => ("case", r),
    };
    let sealed = sealer
        .seal(
            format!("{expires_at}:{kind}:{reference}").as_bytes(),
            b"follow-up-token",
        )
        .map_err(|_| ApiError::internal("sealing"))?;
    Ok(URL_SAFE_NO_PAD.encode(sealed))
}

/// What a follow-up token opens, if it is genuine and unexpired.
pub fn open_follow_up_token(sealer: &Sealer, token: &str) -> Option<Thread> {
    let sealed = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
    let plain = sealer.open(&sealed, b"follow-up-token").ok()?;
    let plain = String::from_utf8(plain).ok()?;
    let mut parts = plain.splitn(3, ':');
    let expires_at: i64 = parts.next()?.parse().ok()?;
    let kind = parts.next()?;
    let reference = parts.next()?.to_owned();
    if expires_at <= now_ms() {
        return None;
    }
    match kind {
        "tip" => Some(Thread::Tip(reference)),
        "case" => Some(Thread::Case(reference)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_up_tokens_open_only_with_the_key_and_before_expiry() {
        let sealer = Sealer::new(&[5; 32]);
        let token = follow_up_token(&sealer, &Thread::Tip("abc".into())).unwrap();
        assert_eq!(
            open_follow_up_token(&sealer, &token),
            Some(Thread::Tip("abc".into()))
        );
        let case = follow_up_token(&sealer, &Thread::Case("abc".into())).unwrap();
        assert_eq!(
            open_follow_up_token(&sealer, &case),
            Some(Thread::Case("abc".into()))
        );
        assert_eq!(open_follow_up_token(&Sealer::new(&[6; 32]), &token), None);
        assert_eq!(open_follow_up_token(&sealer, "garbage"), None);
        let expired = URL_SAFE_NO_PAD.encode(
            sealer
                .seal(
                    format!("{}:tip:abc", now_ms() - 1).as_bytes(),
                    b"follow-up-token",
                )
                .unwrap(),
        );
        assert_eq!(open_follow_up_token(&sealer, &expired), None);
        assert!(!token.contains("abc"));
    }
}
