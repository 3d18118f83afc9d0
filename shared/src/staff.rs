//! Staff accounts as the API shows them: roles, email addresses and the auth request bodies.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::Language;

/// What a staff member may do. A person may hold several roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages staff and settings, reads the audit trail.
    Admin,
    /// Triages tips.
    Moderator,
    /// Works missing-person cases.
    Caseworker,
    /// Writes and publishes awareness content.
    Editor,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Moderator, Role::Caseworker, Role::Editor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Moderator => "moderator",
            Role::Caseworker => "caseworker",
            Role::Editor => "editor",
        }
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Role, ()> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

/// An email address, trimmed and lower-cased so one person cannot hold two accounts by case.
/// Only the shape is checked here; the invitation mail proves the address works.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String, format = "email"))]
pub struct Email(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidEmail;

impl fmt::Display for InvalidEmail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an email address")
    }
}

impl std::error::Error for InvalidEmail {}

impl Email {
    pub fn parse(text: &str) -> Result<Email, InvalidEmail> {
        let email = text.trim().to_lowercase();
        let (local, domain) = email.rsplit_once('@').ok_or(InvalidEmail)?;
        let valid = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !email.chars().any(|c| {
                c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')
            })
            && !local.contains('@');
        if valid {
            Ok(Email(email))
        } else {
            Err(InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = InvalidEmail;
    fn try_from(value: String) -> Result<Email, InvalidEmail> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `POST /api/v1/auth/login`
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// Not parsed as [`Email`]: a malformed address must fail exactly like a wrong password.
    pub email: String,
    pub password: String,
    /// The six-digit code, when the account uses TOTP.
    #[serde(default)]
    pub totp_code: Option<String>,
    /// The secret of a mailed sign-in link (`/staff#unlock=…`), which opens a held
    /// account together with the right password when the account has no TOTP.
    #[serde(default)]
    pub unlock: Option<String>,
}

/// The answer to a login or refresh: a short-lived access token for the `Authorization` header.
/// The refresh token travels only in an HttpOnly cookie.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionGrant {
    pub access_token: String,
    /// Seconds until the access token expires.
    pub expires_in: u32,
    pub staff: StaffProfile,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffProfile {
    pub id: String,
    pub email: Email,
    pub display_name: String,
    pub language: Language,
    pub roles: Vec<Role>,
    pub totp_enabled: bool,
    pub active: bool,
    /// Whether the person has set a password yet (an invitation not yet accepted has not).
    pub password_set: bool,
}

/// `POST /api/v1/staff`: invite a person by email.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteRequest {
    pub email: Email,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 120,
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000](?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000])?[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub display_name: String,
    /// At least one, each once.
    #[cfg_attr(feature = "openapi", schema(schema_with = some_roles))]
    pub roles: Vec<Role>,
    /// The language of the invitation mail and the person's default.
    pub language: Language,
}

/// `PUT /api/v1/staff/{id}/roles`
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RolesRequest {
    /// Each role once.
    #[cfg_attr(feature = "openapi", schema(schema_with = role_set))]
    pub roles: Vec<Role>,
}

/// Roles as a set: utoipa's field attributes cannot say `uniqueItems`.
#[cfg(feature = "openapi")]
fn role_set() -> utoipa::openapi::Array {
    utoipa::openapi::ArrayBuilder::new()
        .items(utoipa::openapi::Ref::from_schema_name("Role"))
        .unique_items(true)
        .build()
}

#[cfg(feature = "openapi")]
fn some_roles() -> utoipa::openapi::Array {
    let mut roles = role_set();
    roles.min_items = Some(1);
    roles
}

/// What a one-time link is for, shown before the person chooses a password.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkInfo {
    pub purpose: LinkPurpose,
    pub email: Email,
    pub display_name: String,
    pub language: Language,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    /// An invitation (or the first admin's bootstrap): set a first password.
    Invite,
    /// A password reset.
    Reset,
    /// Sign-in while the email is held after many failed tries: mailed when the right password
    /// arrives for an account without TOTP, and good only together with that password.
    Unlock,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invite => "invite",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Unlock => "unlock",
        }
    }
}

/// `POST /api/v1/auth/links/{token}`: choose a password through a one-time link.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetPasswordRequest {
    pub password: String,
}

/// `POST /api/v1/auth/password-reset`
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetRequest {
    pub email: String,
}

/// `POST /api/v1/me/totp`: a new secret to scan; it takes effect once a code confirms it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpEnrolment {
    /// Base32, for typing into an app by hand.
    pub secret: String,
    pub otpauth_url: String,
    /// The same URL as a QR code, drawn on the server as SVG.
    pub qr_svg: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpCode {
    pub code: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordConfirmation {
    pub password: String,
}

/// `PUT /api/v1/me/password`. Every session ends afterwards, this one included.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Instance-wide settings that admins change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSettings {
    /// Every staff member must sign in with a TOTP code.
    pub require_totp: bool,
    /// Hours a new tip or case may wait for a first look before it is marked overdue (1 to 720).
    #[serde(default = "default_first_look_hours")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 720))]
    pub first_look_hours: u32,
}

fn default_first_look_hours() -> u32 {
    crate::triage::DEFAULT_FIRST_LOOK_HOURS
}

/// The longest first-look target: a month.
pub const MAX_FIRST_LOOK_HOURS: u32 = 720;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Sara.Ahmed@Example.ORG ").unwrap().as_str(),
            "sara.ahmed@example.org"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "sara",
            "@example.org",
            "sara@",
            "sara@localhost",
            "sara@.org",
            "sara@example..org",
            "sa ra@example.org",
            "a@b@example.org",
            "<sara@example.org>",
            "sara@example.org,x@y.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Email::parse(&format!("{}@example.org", "a".repeat(65))).is_err());
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            assert_eq!(
                serde_json::to_string(&role).unwrap(),
                format!("\"{}\"", role.as_str())
            );
        }
        assert!("root".parse::<Role>().is_err());
    }
}
