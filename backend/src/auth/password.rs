//! Staff passwords: a strength policy with reasons a person can act on, and Argon2id hashing in
//! PHC strings (so parameters can be raised later and old hashes upgraded at the next login),
//! with a bound on how many hashes run at once.

use std::sync::Arc;

use argon2::{
    password_hash::{
        rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString,
    },
    Algorithm, Argon2, Params, Version,
};
use sanad_shared::ErrorCode;
use tokio::sync::Semaphore;

pub const MIN_CHARS: usize = 12;
/// Long enough for any passphrase; short enough that nobody hashes megabytes on our CPU.
pub const MAX_CHARS: usize = 256;
/// zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario".
pub const MIN_SCORE: u8 = 3;

/// Why a password was refused; each maps to an error code the app translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    TooShort,
    TooLong,
    /// On the list of the most common passwords (zxcvbn's 30,000, from real breaches).
    TooCommon,
    /// Guessable from words, names, dates, keyboard patterns or the person's own email.
    TooWeak,
}

impl Problem {
    pub fn code(self) -> ErrorCode {
        match self {
            Problem::TooShort => ErrorCode::PasswordTooShort,
            Problem::TooLong => ErrorCode::PasswordTooLong,
            Problem::TooCommon => ErrorCode::PasswordTooCommon,
            Problem::TooWeak => ErrorCode::PasswordTooWeak,
        }
    }
}

/// Checks a new password against the policy. `personal` holds what an attacker would try first:
/// the person's email and name.
pub fn check_strength(password: &str, personal: &[&str]) -> Result<(), Problem> {
    let length = password.chars().count();
    if length < MIN_CHARS {
        return Err(Problem::TooShort);
    }
    if length > MAX_CHARS {
        return Err(Problem::TooLong);
    }
    let words = guessable_words(personal);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(password, &words);
    use zxcvbn::feedback::Warning;
    let common = entropy
        .feedback()
        .and_then(|f| f.warning())
        .is_some_and(|warning| {
            matches!(
                warning,
                Warning::ThisIsATop10Password
                    | Warning::ThisIsATop100Password
                    | Warning::ThisIsACommonPassword
                    | Warning::ThisIsSimilarToACommonlyUsedPassword
            )
        });
    if common {
        return Err(Problem::TooCommon);
    }
    if u8::from(entropy.score()) < MIN_SCORE {
        return Err(Problem::TooWeak);
    }
    Ok(())
}

/// What an attacker who knows the person and the site would try: each given text, its parts
/// (`sara.ahmed@example.org` gives `sara`, `ahmed`, `example`) and the service's own names.
fn guessable_words(personal: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = ["sanad", "sened", "سند"].map(String::from).to_vec();
    for text in personal {
        let lower = text.to_lowercase();
        words.extend(
            lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(String::from),
        );
        words.push(lower);
    }
    words
}

/// The OWASP minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
pub fn default_params() -> Params {
    Params::new(19 * 1024, 2, 1, None).unwrap_or_default()
}

/// Receipts: 7 MiB and 5 passes, which OWASP's cheat sheet lists as giving the same defence as
/// 19 MiB and 2 passes. Every tip and every follow-up hashes one, and the server keeps one
/// working area per core while they come in: at 19 MiB those two areas alone were 40 of the
/// 64 MB the server may use at 1,000 connections.
pub fn receipt_params() -> Params {
    Params::new(7 * 1024, 5, 1, None).unwrap_or_default()
}

/// What receipts were hashed with before [`receipt_params`]: stored hashes without the
/// [`crate::tips::RECEIPT_SCHEME`] prefix. Kept so those receipts still open their tip or case.
pub fn legacy_receipt_params() -> Params {
    default_params()
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Argon2(String),
    #[error("the hashing pool is closed")]
    Closed,
}

type HashJob = Box<dyn FnOnce() + Send>;

thread_local! {
    /// Each hashing thread's Argon2 memory for receipts, allocated once. Allocated and freed per
    /// hash, the allocator kept the freed blocks in its arenas and a burst of 1,100 tips left
    /// the server at 266-380 MB resident (measured with the release build). Given back whenever
    /// the thread fell idle, it raised glibc's mmap threshold past other buffers, and the server
    /// ended a burst at 129 MB instead of 74.
    static RECEIPT_BLOCKS: std::cell::RefCell<Vec<argon2::Block>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The threads every hash runs on, as many as may run at once. Argon2 allocates its 19 MiB on
/// the thread that runs it, and the allocator keeps freed memory in that thread's arena: on
/// tokio's blocking pool, which starts new threads under load, a burst of tips left the server
/// at 1.1 GB resident. A fixed set of threads keeps that memory to one block each.
#[derive(Clone)]
struct HashThreads {
    jobs: std::sync::mpsc::Sender<HashJob>,
}

impl HashThreads {
    fn start(count: usize) -> Result<HashThreads, HashError> {
        let (jobs, queue) = std::sync::mpsc::channel::<HashJob>();
        let queue = Arc::new(std::sync::Mutex::new(queue));
        for n in 0..count {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || loop {
                    let job = {
                        let queue = queue.lock().unwrap_or_else(|p| p.into_inner());
                        queue.recv()
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                })
                .map_err(|e| HashError::Argon2(e.to_string()))?;
        }
        Ok(HashThreads { jobs })
    }

    /// Runs `work` on a hashing thread and waits for it without blocking the caller's thread.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let _ = reply.send(work());
            }))
            .map_err(|_| HashError::Closed)?;
        answer.await.map_err(|_| HashError::Closed)
    }
}

/// The outcome of checking a password against a stored hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    /// Correct; `rehash` when the stored hash used weaker parameters than today's.
    Correct {
        rehash: bool,
    },
    Wrong,
}

/// Hashes and verifies on the blocking pool, at most `permits` at a time, each taking 19 MiB:
/// a flood of logins waits in line instead of exhausting memory.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    receipts: Params,
    legacy_receipts: Params,
    permits: Arc<Semaphore>,
    threads: HashThreads,
    /// A real hash of a random password, verified when an email is unknown so that the answer
    /// takes as long as for a known email with a wrong password.
    decoy: Arc<String>,
}

impl PasswordHasher {
    pub fn new(params: Params, concurrent: usize) -> Result<PasswordHasher, HashError> {
        let argon = argon(&params);
        let salt = SaltString::generate(&mut OsRng);
        let decoy = argon
            .hash_password(salt.as_str().as_bytes(), &salt)
            .map_err(|e| HashError::Argon2(e.to_string()))?
            .to_string();
        Ok(PasswordHasher {
            receipts: params.clone(),
            legacy_receipts: params.clone(),
            params,
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
            threads: HashThreads::start(concurrent.max(1))?,
            decoy: Arc::new(decoy),
        })
    }

    /// One permit per core: Argon2 with one lane uses one core, so more would only queue in the
    /// CPU while holding their memory.
    pub fn for_this_machine() -> Result<PasswordHasher, HashError> {
        let cores = std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(2);
        Ok(PasswordHasher::new(default_params(), cores)?
            .with_receipt_params(receipt_params(), legacy_receipt_params()))
    }

    /// Receipts hashed with `receipts`, and looked up also under `legacy` (see
    /// [`PasswordHasher::derive_legacy`]). Without this, both are the password parameters.
    pub fn with_receipt_params(mut self, receipts: Params, legacy: Params) -> PasswordHasher {
        self.receipts = receipts;
        self.legacy_receipts = legacy;
        self
    }

    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        let params = self.params.clone();
        self.on_hash_thread(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon(&params)
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| HashError::Argon2(e.to_string()))
        })
        .await?
    }

    /// A deterministic Argon2id hash of `secret` under a fixed `salt` (receipts: looked up by
    /// their hash, so the salt is the installation's, not per record). Shares the permits with
    /// password hashing, so receipts and logins together never exceed one hash per core.
    pub async fn derive(&self, secret: Vec<u8>, salt: [u8; 16]) -> Result<[u8; 32], HashError> {
        let params = self.receipts.clone();
        self.on_hash_thread(move || {
            let mut out = [0_u8; 32];
            RECEIPT_BLOCKS
                .with(|blocks| {
                    let mut blocks = blocks.borrow_mut();
                    if blocks.len() != params.block_count() {
                        *blocks = vec![argon2::Block::default(); params.block_count()];
                    }
                    argon(&params).hash_password_into_with_memory(
                        &secret,
                        &salt,
                        &mut out,
                        blocks.as_mut_slice(),
                    )
                })
                .map_err(|e| HashError::Argon2(e.to_string()))?;
            Ok(out)
        })
        .await?
    }

    /// [`PasswordHasher::derive`] with the parameters receipts were hashed with before. Rare
    /// (a receipt from before, or a wrong one while such receipts remain), so its memory is
    /// its own, not the thread's kept receipt memory, which stays the size of today's.
    pub async fn derive_legacy(
        &self,
        secret: Vec<u8>,
        salt: [u8; 16],
    ) -> Result<[u8; 32], HashError> {
        let params = self.legacy_receipts.clone();
        self.on_hash_thread(move || {
            let mut out = [0_u8; 32];
            argon(&params)
                .hash_password_into(&secret, &salt, &mut out)
                .map_err(|e| HashError::Argon2(e.to_string()))?;
            Ok(out)
        })
        .await?
    }

    /// Checks `password` against `stored`, or against the decoy when there is no stored hash
    /// (unknown email, or a password not yet set), which is always `Wrong`.
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, HashError> {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.decoy.as_ref().clone());
        let params = self.params.clone();
        self.on_hash_thread(move || {
            let Ok(parsed) = PasswordHash::new(&stored) else {
                return Verified::Wrong;
            };
            // Verify with the parameters the hash was made with (they are in the PHC string).
            let correct = Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok();
            if !(known && correct) {
                return Verified::Wrong;
            }
            let rehash = parsed.algorithm.as_str() != "argon2id"
                || Params::try_from(&parsed).map_or(true, |old| {
                    old.m_cost() < params.m_cost()
                        || old.t_cost() < params.t_cost()
                        || old.p_cost() < params.p_cost()
                });
            Verified::Correct { rehash }
        })
        .await
    }

    /// Runs `work` on a hashing thread once one of the permits is free: every hash, password
    /// or receipt, goes through here, so together they never exceed one per core.
    async fn on_hash_thread<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let waiting = crate::metrics::hash_waiting();
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| HashError::Closed)?;
        drop(waiting);
        self.threads.run(work).await
    }
}

fn argon(params: &Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_common_and_weak_passwords_are_refused_with_their_reason() {
        assert_eq!(check_strength("Tigris-1", &[]), Err(Problem::TooShort));
        assert_eq!(
            check_strength(&"x7#".repeat(100), &[]),
            Err(Problem::TooLong)
        );
        assert_eq!(check_strength("password1234", &[]), Err(Problem::TooCommon));
        assert!(
            check_strength("qwertyuiopasdf", &[]).is_err(),
            "a keyboard row"
        );
        assert_eq!(
            check_strength("abcdefghijklmnop", &[]),
            Err(Problem::TooWeak)
        );
        assert_eq!(
            check_strength("ahmedahmedsanad", &["Ahmed"]),
            Err(Problem::TooWeak)
        );
        assert_eq!(
            check_strength("aaaaaaaaaaaaaaaa", &[]),
            Err(Problem::TooWeak)
        );
        assert_eq!(
            check_strength(
                "Sara.Ahmed@example.org",
                &["sara.ahmed@example.org", "Sara Ahmed"]
            ),
            Err(Problem::TooWeak),
            "the person's own email is guessable"
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Twelve Arabic letters are 24 bytes but twelve characters.
        assert_ne!(
            check_strength("كلمةسرطويلةجداً", &[]),
            Err(Problem::TooShort)
        );
        assert_eq!(check_strength("كلمةسر", &[]), Err(Problem::TooShort));
    }

    #[test]
    fn good_passphrases_pass() {
        assert_eq!(check_strength("Tigris floods at dawn, 1958", &[]), Ok(()));
        assert_eq!(check_strength("nakhla-sahil-qamar-47", &[]), Ok(()));
    }

    fn fast_hasher() -> PasswordHasher {
        // Tiny parameters keep unit tests quick; the policy figures are tested separately.
        PasswordHasher::new(Params::new(256, 1, 1, None).unwrap(), 2).unwrap()
    }

    #[tokio::test]
    async fn a_derived_hash_is_argon2id_of_the_secret_on_reused_memory() {
        // Receipts are looked up by this value: it must not change with the memory reuse, nor
        // depend on what an earlier hash left in that memory.
        let hasher = fast_hasher();
        let params = Params::new(256, 1, 1, None).unwrap();
        for secret in [b"1234567890123456".to_vec(), b"6543210987654321".to_vec()] {
            let mut expected = [0_u8; 32];
            argon(&params)
                .hash_password_into(&secret, &[7; 16], &mut expected)
                .unwrap();
            for _ in 0..3 {
                assert_eq!(
                    hasher.derive(secret.clone(), [7; 16]).await.unwrap(),
                    expected
                );
            }
        }
    }

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let hasher = fast_hasher();
        let hash = hasher.hash("Tigris floods at dawn".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=256,t=1,p=1$"), "{hash}");
        assert_eq!(
            hasher
                .verify("Tigris floods at dawn".into(), Some(hash.clone()))
                .await
                .unwrap(),
            Verified::Correct { rehash: false }
        );
        assert_eq!(
            hasher
                .verify("tigris floods at dawn".into(), Some(hash))
                .await
                .unwrap(),
            Verified::Wrong
        );
    }

    #[tokio::test]
    async fn the_decoy_costs_exactly_what_a_stored_password_costs() {
        // An unknown email is verified against the decoy: same algorithm, version, memory,
        // passes and lanes as a real stored hash, so the answer cannot tell the two apart by
        // its work. (How long each takes on a machine is measured by `cargo xtask bench login`.)
        let hasher = fast_hasher();
        let stored = hasher.hash("a real password".into()).await.unwrap();
        let real = PasswordHash::new(&stored).unwrap();
        let decoy = PasswordHash::new(hasher.decoy.as_str()).unwrap();
        assert_eq!(real.algorithm, decoy.algorithm);
        assert_eq!(real.version, decoy.version);
        assert_eq!(
            Params::try_from(&real).unwrap(),
            Params::try_from(&decoy).unwrap()
        );
        assert_eq!(
            real.salt.map(|s| s.len()),
            decoy.salt.map(|s| s.len()),
            "the same salt length"
        );
    }

    #[tokio::test]
    async fn an_unknown_account_is_always_wrong_even_with_the_decoy_password() {
        let hasher = fast_hasher();
        assert_eq!(
            hasher.verify(String::new(), None).await.unwrap(),
            Verified::Wrong
        );
        assert_eq!(
            hasher.verify("anything at all".into(), None).await.unwrap(),
            Verified::Wrong
        );
        assert_eq!(
            hasher
                .verify("x".into(), Some("not a phc string".into()))
                .await
                .unwrap(),
            Verified::Wrong
        );
    }

    #[tokio::test]
    async fn hashes_made_with_weaker_parameters_ask_to_be_redone() {
        let weak = fast_hasher();
        let old = weak.hash("Tigris floods at dawn".into()).await.unwrap();
        let strong = PasswordHasher::new(Params::new(512, 2, 1, None).unwrap(), 1).unwrap();
        assert_eq!(
            strong
                .verify("Tigris floods at dawn".into(), Some(old))
                .await
                .unwrap(),
            Verified::Correct { rehash: true }
        );
    }

    #[test]
    fn the_default_parameters_are_owasps_minimum_for_argon2id() {
        let params = default_params();
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (19 * 1024, 2, 1)
        );
    }
}
