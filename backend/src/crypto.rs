//! Encryption at rest for sensitive text and files, and keyed blind indexes for linking records
//! without storing what links them. The key lives outside the database (a file in
//! `<data dir>/keys/`, or `SANAD_ENCRYPTION_KEY`), so a database dump or backup alone reveals
//! nothing.

use chacha20poly1305::{
    aead::{Aead, AeadCore, KeyInit, OsRng, Payload},
    XChaCha20Poly1305, XNonce,
};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

const NONCE_LEN: usize = 24;
/// Marks a sealed value in a text column (see [`Sealer::seal_column`]). No email address or
/// TOTP secret (base32) can start with it.
pub const SEALED_TEXT: &str = "sealed:";
/// Stored ciphertexts start with this, so the format can change later without guessing.
const VERSION: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("SANAD_ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes)")]
    BadKey,
    #[error("the ciphertext is damaged, was made with another key, or belongs to another record")]
    Open,
    #[error("encryption failed")]
    Seal,
}

/// XChaCha20-Poly1305 with a random 192-bit nonce per message: nonces never repeat in practice,
/// however many records are written, and the tag detects any change.
pub struct Sealer {
    fingerprint: String,
    cipher: XChaCha20Poly1305,
    index_key: [u8; 32],
    receipt_salt: [u8; 16],
}

impl Sealer {
    /// One master key; the blind-index key is derived from it so the two uses never share a key.
    /// The receipt salt starts out derived from it too, until [`Sealer::with_receipt_salt`] sets
    /// the one the database keeps (see `rotation::bind_key`).
    pub fn new(master: &[u8; 32]) -> Sealer {
        // SHA-256 of a uniformly random key and a label is a sound derivation for a second key.
        let mut derive = Sha256::new();
        derive.update(b"sanad blind index v1");
        derive.update(master);
        let index_key: [u8; 32] = derive.finalize().into();
        let mut derive = Sha256::new();
        derive.update(b"sanad receipt salt v1");
        derive.update(master);
        let salt: [u8; 32] = derive.finalize().into();
        let mut receipt_salt = [0_u8; 16];
        receipt_salt.copy_from_slice(&salt[..16]);
        Sealer {
            fingerprint: fingerprint(b"sanad key fingerprint v1", master),
            cipher: XChaCha20Poly1305::new(master.into()),
            index_key,
            receipt_salt,
        }
    }

    /// The same sealer hashing receipts with `salt`: the salt an installation keeps for good, so
    /// that rotating the sealing key leaves every receipt as it was.
    pub fn with_receipt_salt(mut self, salt: [u8; 16]) -> Sealer {
        self.receipt_salt = salt;
        self
    }

    /// The sealer of a key file given to `sanad rotate-key`: 32 bytes, or 64 hexadecimal
    /// characters (the form of SANAD_ENCRYPTION_KEY).
    pub fn from_key_file(path: &std::path::Path) -> anyhow::Result<(Sealer, [u8; 32])> {
        let bytes = std::fs::read(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        let key: [u8; 32] = match <[u8; 32]>::try_from(bytes.as_slice()) {
            Ok(raw) => raw,
            Err(_) => std::str::from_utf8(&bytes)
                .ok()
                .and_then(|text| parse_key(text).ok())
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "{} must hold 32 bytes or 64 hexadecimal characters",
                        path.display()
                    )
                })?,
        };
        Ok((Sealer::new(&key), key))
    }

    /// The configured key (hex), or the key file in the data folder, made on first start.
    pub fn load(configured: Option<&str>, data_dir: &std::path::Path) -> anyhow::Result<Sealer> {
        let key: [u8; 32] = match configured {
            Some(hex_key) => parse_key(hex_key)?,
            None => crate::keys::load_or_create(data_dir, "data.key", 32)?
                .try_into()
                .map_err(|_| CryptoError::BadKey)?,
        };
        Ok(Sealer::new(&key))
    }

    /// As [`Sealer::load`], for commands that must not make a key (`sanad restore`).
    pub fn load_existing(
        configured: Option<&str>,
        data_dir: &std::path::Path,
    ) -> anyhow::Result<Sealer> {
        let key: [u8; 32] = match configured {
            Some(hex_key) => parse_key(hex_key)?,
            None => {
                let path = data_dir.join("keys").join("data.key");
                std::fs::read(&path)
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "no encryption key: SANAD_ENCRYPTION_KEY is not set and {} cannot be read ({e})",
                            path.display()
                        )
                    })?
                    .try_into()
                    .map_err(|_| CryptoError::BadKey)?
            }
        };
        Ok(Sealer::new(&key))
    }

    /// Names the key without revealing it: 16 hex characters of a hash under a label of its own.
    /// Backups record it, so a restore can refuse the wrong key before it changes anything.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Encrypts `plaintext`, bound to `context` (for example the record id and field name), so a
    /// ciphertext copied into another record or field does not open there.
    pub fn seal(&self, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad: context,
                },
            )
            .map_err(|_| CryptoError::Seal)?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    pub fn open(&self, stored: &[u8], context: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let (version, rest) = stored.split_first().ok_or(CryptoError::Open)?;
        if *version != VERSION || rest.len() < NONCE_LEN {
            return Err(CryptoError::Open);
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        self.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: context,
                },
            )
            .map_err(|_| CryptoError::Open)
    }

    /// Seals text bound to `context` (the record and field it belongs to).
    pub fn seal_text(&self, text: &str, context: &str) -> Result<Vec<u8>, crate::error::ApiError> {
        self.seal(text.as_bytes(), context.as_bytes())
            .map_err(|_| crate::error::ApiError::internal("sealing"))
    }

    /// Opens text sealed with [`Sealer::seal_text`] under the same context.
    pub fn open_text(
        &self,
        sealed: &[u8],
        context: &str,
    ) -> Result<String, crate::error::ApiError> {
        let bytes = self.open(sealed, context.as_bytes()).map_err(|_| {
            crate::error::ApiError::internal(
                "a sealed value did not open (wrong key or moved data)",
            )
        })?;
        String::from_utf8(bytes)
            .map_err(|_| crate::error::ApiError::internal("a sealed value is not text"))
    }

    /// Seals text for a text column: [`SEALED_TEXT`] and base64, so sealed and not-yet-sealed
    /// values can share a column while a start-up pass seals the older ones.
    pub fn seal_column(&self, text: &str, context: &str) -> Result<String, CryptoError> {
        use base64::Engine as _;
        let sealed = self.seal(text.as_bytes(), context.as_bytes())?;
        Ok(format!(
            "{SEALED_TEXT}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(sealed)
        ))
    }

    /// Opens a value [`Sealer::seal_column`] wrote under the same context; a value without the
    /// mark was written before sealing began and is returned as it is.
    pub fn open_column(&self, stored: &str, context: &str) -> Result<String, CryptoError> {
        use base64::Engine as _;
        let Some(encoded) = stored.strip_prefix(SEALED_TEXT) else {
            return Ok(stored.to_owned());
        };
        let sealed = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(encoded)
            .map_err(|_| CryptoError::Open)?;
        String::from_utf8(self.open(&sealed, context.as_bytes())?).map_err(|_| CryptoError::Open)
    }

    /// The site salt receipts are hashed with: one per installation (so the hashes of one
    /// installation say nothing about another's), derived from the key so every instance that
    /// shares the key finds the same receipts.
    pub fn receipt_salt(&self) -> [u8; 16] {
        self.receipt_salt
    }

    /// The key the sign-in and receipt throttles hash their subjects with: the same on every
    /// instance that shares the encryption key, apart from every other use of it.
    pub fn throttle_key(&self) -> [u8; 32] {
        let mut derive = Sha256::new();
        derive.update(b"sanad throttle v1");
        derive.update(self.index_key);
        derive.finalize().into()
    }

    /// A keyed hash of an already normalised value (an E.164 number, a lower-cased handle):
    /// equal values give equal indexes, so records can be linked, but without the key the index
    /// cannot be checked against a list of numbers.
    pub fn blind_index(&self, kind: &str, normalised: &str) -> Result<String, CryptoError> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.index_key)
            .map_err(|_| CryptoError::BadKey)?;
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(normalised.as_bytes());
        Ok(hex::encode(mac.finalize().into_bytes()))
    }
}

fn parse_key(hex_key: &str) -> Result<[u8; 32], CryptoError> {
    hex::decode(hex_key.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(CryptoError::BadKey)
}

/// 64 bits of SHA-256 over a label and a key, in hex: enough to tell keys apart, far too little
/// (and one-way) to learn anything about the key.
pub fn fingerprint(label: &[u8], key: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(label);
    hash.update(key);
    hex::encode(&hash.finalize()[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealer(byte: u8) -> Sealer {
        Sealer::new(&[byte; 32])
    }

    #[test]
    fn sealed_text_opens_only_with_its_key_and_context() {
        let sealer = sealer(7);
        let sealed = sealer
            .seal("مكتب سفر في الكرادة".as_bytes(), b"tip:42:description")
            .unwrap();
        assert_eq!(
            sealer.open(&sealed, b"tip:42:description").unwrap(),
            "مكتب سفر في الكرادة".as_bytes()
        );
        assert!(
            sealer.open(&sealed, b"tip:43:description").is_err(),
            "moved to another record"
        );
        assert!(sealer_with_other_key()
            .open(&sealed, b"tip:42:description")
            .is_err());
        let mut tampered = sealed.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(sealer.open(&tampered, b"tip:42:description").is_err());
        assert!(sealer.open(&sealed[..10], b"tip:42:description").is_err());
        assert!(sealer.open(&[], b"").is_err());
    }

    fn sealer_with_other_key() -> Sealer {
        sealer(8)
    }

    #[test]
    fn the_same_text_never_seals_to_the_same_bytes() {
        let sealer = sealer(7);
        let a = sealer.seal(b"same", b"x").unwrap();
        let b = sealer.seal(b"same", b"x").unwrap();
        assert_ne!(a, b);
        assert!(
            !a.windows(4).any(|w| w == b"same"),
            "no plaintext in the stored bytes"
        );
    }

    #[test]
    fn blind_indexes_link_equal_values_and_depend_on_the_key_and_kind() {
        let sealer = sealer(7);
        let a = sealer.blind_index("phone", "+9647701234567").unwrap();
        assert_eq!(a, sealer.blind_index("phone", "+9647701234567").unwrap());
        assert_ne!(a, sealer.blind_index("phone", "+9647701234568").unwrap());
        assert_ne!(a, sealer.blind_index("telegram", "+9647701234567").unwrap());
        assert_ne!(
            a,
            sealer_with_other_key()
                .blind_index("phone", "+9647701234567")
                .unwrap()
        );
        assert!(!a.contains("9647701234567"));
    }

    #[test]
    fn keys_come_from_hex_or_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Sealer::load(Some("abc"), dir.path()).is_err());
        let configured = Sealer::load(Some(&"11".repeat(32)), dir.path()).unwrap();
        assert_eq!(
            configured.blind_index("k", "v").unwrap(),
            sealer(0x11).blind_index("k", "v").unwrap()
        );
        let from_file = Sealer::load(None, dir.path()).unwrap();
        let again = Sealer::load(None, dir.path()).unwrap();
        assert_eq!(
            from_file.blind_index("k", "v").unwrap(),
            again.blind_index("k", "v").unwrap()
        );
        assert!(dir.path().join("keys/data.key").exists());
    }
}
