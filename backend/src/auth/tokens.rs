//! Access tokens (JWT, HS256 pinned, issuer and audience checked, ten minutes) and the random
//! secrets behind one-time links and refresh tokens.

use std::path::Path;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use sanad_shared::staff::Role;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Short, so a stolen access token is worth little; the refresh cookie renews it.
pub const ACCESS_TTL_SECS: u64 = 600;
pub const AUDIENCE: &str = "sanad-staff";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// The staff member's id.
    pub sub: String,
    /// The session (refresh-token family) this token belongs to, checked on every request so
    /// that logout, deactivation and password changes take effect at once.
    pub sid: String,
    pub roles: Vec<Role>,
    pub iat: u64,
    pub exp: u64,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    issuer: String,
}

impl TokenKeys {
    pub fn from_secret(secret: &[u8], issuer: &str) -> TokenKeys {
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.to_owned(),
        }
    }

    /// The configured secret, or the key file in the data folder (made on first start).
    pub fn load(
        configured: Option<&str>,
        data_dir: &Path,
        issuer: &str,
    ) -> anyhow::Result<TokenKeys> {
        if let Some(secret) = configured {
            anyhow::ensure!(
                secret.len() >= 32,
                "SANAD_JWT_SECRET must be at least 32 characters"
            );
            return Ok(TokenKeys::from_secret(secret.as_bytes(), issuer));
        }
        let key = crate::keys::load_or_create(data_dir, "jwt.key", 32)?;
        Ok(TokenKeys::from_secret(&key, issuer))
    }

    pub fn issue(
        &self,
        staff_id: &str,
        session_id: &str,
        roles: &[Role],
    ) -> anyhow::Result<(String, u32)> {
        let now = unix_now();
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: AUDIENCE.to_owned(),
            sub: staff_id.to_owned(),
            sid: session_id.to_owned(),
            roles: roles.to_vec(),
            iat: now,
            exp: now + ACCESS_TTL_SECS,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, ACCESS_TTL_SECS as u32))
    }

    /// Accepts only HS256 tokens signed with our key, for our audience and issuer, unexpired.
    pub fn validate(&self, token: &str) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[&self.issuer]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .ok()
            .map(|data| data.claims)
    }
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// 256 random bits from the OS, hex-encoded: unguessable, so a fast hash is enough to store it.
pub fn random_secret() -> String {
    let mut bytes = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A shorter random id (128 bits) for rows.
pub fn random_id() -> String {
    let mut bytes = [0_u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::from_secret(b"0123456789abcdef0123456789abcdef", "http://sanad.test")
    }

    #[test]
    fn an_issued_token_validates_with_its_claims() {
        let keys = keys();
        let (token, ttl) = keys
            .issue("staff-1", "session-1", &[Role::Moderator])
            .unwrap();
        assert_eq!(ttl, 600);
        let claims = keys.validate(&token).unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.sid.as_str()),
            ("staff-1", "session-1")
        );
        assert_eq!(claims.roles, vec![Role::Moderator]);
        assert_eq!(claims.exp - claims.iat, 600);
    }

    #[test]
    fn tokens_from_another_key_issuer_or_audience_are_refused() {
        let (token, _) = keys().issue("staff-1", "s", &[]).unwrap();
        assert!(
            TokenKeys::from_secret(b"another key, also 32 bytes long!!", "http://sanad.test")
                .validate(&token)
                .is_none()
        );
        assert!(
            TokenKeys::from_secret(b"0123456789abcdef0123456789abcdef", "http://elsewhere")
                .validate(&token)
                .is_none()
        );
        let now = unix_now();
        let claims = Claims {
            iss: "http://sanad.test".into(),
            aud: "other".into(),
            sub: "x".into(),
            sid: "s".into(),
            roles: vec![],
            iat: now,
            exp: now + 60,
        };
        let other_audience = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .unwrap();
        assert!(keys().validate(&other_audience).is_none());
    }

    #[test]
    fn unsigned_and_expired_tokens_are_refused() {
        let (token, _) = keys().issue("staff-1", "s", &[Role::Admin]).unwrap();
        let mut parts = token.split('.');
        let (_, payload) = (parts.next().unwrap(), parts.next().unwrap());
        // {"alg":"none","typ":"JWT"}
        let none = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.");
        assert!(keys().validate(&none).is_none());
        let now = unix_now();
        let expired = Claims {
            iss: "http://sanad.test".into(),
            aud: AUDIENCE.into(),
            sub: "x".into(),
            sid: "s".into(),
            roles: vec![],
            iat: now - 700,
            exp: now - 100,
        };
        let expired = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &expired,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .unwrap();
        assert!(keys().validate(&expired).is_none());
    }
}
