//! Stable error codes. Every failure the API reports carries one of these; the frontend shows the
//! translation under the key from [`ErrorCode::message_key`], so a code, once published, keeps its
//! spelling forever.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    MethodNotAllowed,
    MalformedJson,
    InvalidRequest,
    PayloadTooLarge,
    UnsupportedMediaType,
    UnknownLanguage,
    DatabaseUnavailable,
    FrontendNotBuilt,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooCommon,
    PasswordTooWeak,
    Unauthorized,
    Forbidden,
    InvalidCredentials,
    TooManyAttempts,
    TotpRequired,
    LinkInvalid,
    InvalidEmail,
    EmailTaken,
    LastAdmin,
    MailFailed,
    TotpSetupRequired,
    TotpEnforced,
    TotpInvalid,
    ProofOfWorkInvalid,
    ProofOfWorkExpired,
    /// A form sent without a script before its wait was over; `details.seconds_left`.
    SubmissionTooSoon,
    InvalidTip,
    InvalidCase,
    InvalidPhoneNumber,
    InvalidMessage,
    ImageUnsupported,
    ImageTooLarge,
    ImageTooManyPixels,
    ImageCorrupt,
    TooManyImages,
    ReceiptMalformed,
    ReceiptUnknown,
    FollowUpExpired,
    /// An article, translation or campaign with invalid fields; `details` lists them.
    InvalidArticle,
    /// Another article or campaign already has this slug.
    SlugTaken,
    /// Someone saved a newer revision since this editor loaded it.
    EditConflict,
    /// The tip or case changed since this view was loaded (a colleague answered or changed it).
    StaleView,
    /// A triage change (label, priority, bulk) has invalid fields.
    InvalidTriage,
    /// The chosen assignee is not an active staff member with the role for this item.
    UnknownAssignee,
    /// Too many pictures are being checked at this moment; `Retry-After` says when to send again.
    PicturesBusy,
    /// A PFIF export was asked for before `SANAD_PFIF_DOMAIN` names this installation's domain.
    PfifDomainMissing,
    /// A duplicate pair cannot take this decision now: it is merged (unmerge first), not merged
    /// (nothing to undo), or one of its cases was merged elsewhere or emptied meanwhile.
    MatchConflict,
    Internal,
    /// A code this build does not know yet (the server is newer than the page); shown as a
    /// generic failure rather than breaking the page.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code a server can send, for tests that check each has a translation.
    pub const ALL: [ErrorCode; 52] = [
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::MalformedJson,
        ErrorCode::InvalidRequest,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::UnknownLanguage,
        ErrorCode::DatabaseUnavailable,
        ErrorCode::FrontendNotBuilt,
        ErrorCode::PasswordTooShort,
        ErrorCode::PasswordTooLong,
        ErrorCode::PasswordTooCommon,
        ErrorCode::PasswordTooWeak,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::InvalidCredentials,
        ErrorCode::TooManyAttempts,
        ErrorCode::TotpRequired,
        ErrorCode::LinkInvalid,
        ErrorCode::InvalidEmail,
        ErrorCode::EmailTaken,
        ErrorCode::LastAdmin,
        ErrorCode::MailFailed,
        ErrorCode::TotpSetupRequired,
        ErrorCode::TotpEnforced,
        ErrorCode::TotpInvalid,
        ErrorCode::ProofOfWorkInvalid,
        ErrorCode::ProofOfWorkExpired,
        ErrorCode::SubmissionTooSoon,
        ErrorCode::InvalidTip,
        ErrorCode::InvalidCase,
        ErrorCode::InvalidPhoneNumber,
        ErrorCode::InvalidMessage,
        ErrorCode::ImageUnsupported,
        ErrorCode::ImageTooLarge,
        ErrorCode::ImageTooManyPixels,
        ErrorCode::ImageCorrupt,
        ErrorCode::TooManyImages,
        ErrorCode::ReceiptMalformed,
        ErrorCode::ReceiptUnknown,
        ErrorCode::FollowUpExpired,
        ErrorCode::InvalidArticle,
        ErrorCode::SlugTaken,
        ErrorCode::EditConflict,
        ErrorCode::StaleView,
        ErrorCode::InvalidTriage,
        ErrorCode::UnknownAssignee,
        ErrorCode::PicturesBusy,
        ErrorCode::PfifDomainMissing,
        ErrorCode::MatchConflict,
        ErrorCode::Internal,
        ErrorCode::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::UnknownLanguage => "unknown_language",
            ErrorCode::DatabaseUnavailable => "database_unavailable",
            ErrorCode::FrontendNotBuilt => "frontend_not_built",
            ErrorCode::PasswordTooShort => "password_too_short",
            ErrorCode::PasswordTooLong => "password_too_long",
            ErrorCode::PasswordTooCommon => "password_too_common",
            ErrorCode::PasswordTooWeak => "password_too_weak",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::TotpRequired => "totp_required",
            ErrorCode::LinkInvalid => "link_invalid",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::EmailTaken => "email_taken",
            ErrorCode::LastAdmin => "last_admin",
            ErrorCode::MailFailed => "mail_failed",
            ErrorCode::TotpSetupRequired => "totp_setup_required",
            ErrorCode::TotpEnforced => "totp_enforced",
            ErrorCode::TotpInvalid => "totp_invalid",
            ErrorCode::ProofOfWorkInvalid => "proof_of_work_invalid",
            ErrorCode::ProofOfWorkExpired => "proof_of_work_expired",
            ErrorCode::SubmissionTooSoon => "submission_too_soon",
            ErrorCode::InvalidTip => "invalid_tip",
            ErrorCode::InvalidCase => "invalid_case",
            ErrorCode::InvalidPhoneNumber => "invalid_phone_number",
            ErrorCode::InvalidMessage => "invalid_message",
            ErrorCode::ImageUnsupported => "image_unsupported",
            ErrorCode::ImageTooLarge => "image_too_large",
            ErrorCode::ImageTooManyPixels => "image_too_many_pixels",
            ErrorCode::ImageCorrupt => "image_corrupt",
            ErrorCode::TooManyImages => "too_many_images",
            ErrorCode::ReceiptMalformed => "receipt_malformed",
            ErrorCode::ReceiptUnknown => "receipt_unknown",
            ErrorCode::FollowUpExpired => "follow_up_expired",
            ErrorCode::InvalidArticle => "invalid_article",
            ErrorCode::SlugTaken => "slug_taken",
            ErrorCode::EditConflict => "edit_conflict",
            ErrorCode::StaleView => "stale_view",
            ErrorCode::InvalidTriage => "invalid_triage",
            ErrorCode::UnknownAssignee => "unknown_assignee",
            ErrorCode::PicturesBusy => "pictures_busy",
            ErrorCode::PfifDomainMissing => "pfif_domain_missing",
            ErrorCode::MatchConflict => "match_conflict",
            ErrorCode::Internal => "internal",
            ErrorCode::Unknown => "unknown",
        }
    }

    /// The Fluent message that explains this error to a person.
    pub fn message_key(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "error-not-found",
            ErrorCode::MethodNotAllowed => "error-method-not-allowed",
            ErrorCode::MalformedJson => "error-malformed-json",
            ErrorCode::InvalidRequest => "error-invalid-request",
            ErrorCode::PayloadTooLarge => "error-payload-too-large",
            ErrorCode::UnsupportedMediaType => "error-unsupported-media-type",
            ErrorCode::UnknownLanguage => "error-unknown-language",
            ErrorCode::DatabaseUnavailable => "error-database-unavailable",
            ErrorCode::FrontendNotBuilt => "error-frontend-not-built",
            ErrorCode::PasswordTooShort => "error-password-too-short",
            ErrorCode::PasswordTooLong => "error-password-too-long",
            ErrorCode::PasswordTooCommon => "error-password-too-common",
            ErrorCode::PasswordTooWeak => "error-password-too-weak",
            ErrorCode::Unauthorized => "error-unauthorized",
            ErrorCode::Forbidden => "error-forbidden",
            ErrorCode::InvalidCredentials => "error-invalid-credentials",
            ErrorCode::TooManyAttempts => "error-too-many-attempts",
            ErrorCode::TotpRequired => "error-totp-required",
            ErrorCode::LinkInvalid => "error-link-invalid",
            ErrorCode::InvalidEmail => "error-invalid-email",
            ErrorCode::EmailTaken => "error-email-taken",
            ErrorCode::LastAdmin => "error-last-admin",
            ErrorCode::MailFailed => "error-mail-failed",
            ErrorCode::TotpSetupRequired => "error-totp-setup-required",
            ErrorCode::TotpEnforced => "error-totp-enforced",
            ErrorCode::TotpInvalid => "error-totp-invalid",
            ErrorCode::ProofOfWorkInvalid => "error-proof-of-work-invalid",
            ErrorCode::ProofOfWorkExpired => "error-proof-of-work-expired",
            ErrorCode::SubmissionTooSoon => "error-submission-too-soon",
            ErrorCode::InvalidTip => "error-invalid-tip",
            ErrorCode::InvalidCase => "error-invalid-case",
            ErrorCode::InvalidPhoneNumber => "error-invalid-phone-number",
            ErrorCode::InvalidMessage => "error-invalid-message",
            ErrorCode::ImageUnsupported => "error-image-unsupported",
            ErrorCode::ImageTooLarge => "error-image-too-large",
            ErrorCode::ImageTooManyPixels => "error-image-too-many-pixels",
            ErrorCode::ImageCorrupt => "error-image-corrupt",
            ErrorCode::TooManyImages => "error-too-many-images",
            ErrorCode::ReceiptMalformed => "error-receipt-malformed",
            ErrorCode::ReceiptUnknown => "error-receipt-unknown",
            ErrorCode::FollowUpExpired => "error-follow-up-expired",
            ErrorCode::InvalidArticle => "error-invalid-article",
            ErrorCode::SlugTaken => "error-slug-taken",
            ErrorCode::EditConflict => "error-edit-conflict",
            ErrorCode::StaleView => "error-stale-view",
            ErrorCode::InvalidTriage => "error-invalid-triage",
            ErrorCode::UnknownAssignee => "error-unknown-assignee",
            ErrorCode::PicturesBusy => "error-pictures-busy",
            ErrorCode::PfifDomainMissing => "error-pfif-domain-missing",
            ErrorCode::MatchConflict => "error-match-conflict",
            ErrorCode::Internal => "error-internal",
            ErrorCode::Unknown => "error-unknown",
        }
    }

    /// The HTTP status a response with this code carries.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::MalformedJson
            | ErrorCode::InvalidRequest
            | ErrorCode::UnknownLanguage
            | ErrorCode::PasswordTooShort
            | ErrorCode::PasswordTooLong
            | ErrorCode::PasswordTooCommon
            | ErrorCode::PasswordTooWeak
            | ErrorCode::InvalidEmail
            | ErrorCode::TotpInvalid
            | ErrorCode::ProofOfWorkInvalid
            | ErrorCode::ProofOfWorkExpired
            | ErrorCode::SubmissionTooSoon
            | ErrorCode::InvalidTip
            | ErrorCode::InvalidCase
            | ErrorCode::InvalidPhoneNumber
            | ErrorCode::InvalidMessage
            | ErrorCode::ImageCorrupt
            | ErrorCode::TooManyImages
            | ErrorCode::ReceiptMalformed
            | ErrorCode::InvalidArticle
            | ErrorCode::InvalidTriage
            | ErrorCode::UnknownAssignee => 400,
            ErrorCode::Unauthorized | ErrorCode::InvalidCredentials | ErrorCode::TotpRequired => {
                401
            }
            ErrorCode::Forbidden | ErrorCode::TotpSetupRequired => 403,
            ErrorCode::TooManyAttempts => 429,
            ErrorCode::LinkInvalid => 410,
            ErrorCode::EmailTaken
            | ErrorCode::LastAdmin
            | ErrorCode::TotpEnforced
            | ErrorCode::SlugTaken
            | ErrorCode::EditConflict
            | ErrorCode::StaleView
            | ErrorCode::MatchConflict => 409,
            ErrorCode::MailFailed => 502,
            ErrorCode::ImageUnsupported => 415,
            ErrorCode::ImageTooLarge | ErrorCode::ImageTooManyPixels => 413,
            ErrorCode::ReceiptUnknown => 404,
            ErrorCode::FollowUpExpired => 401,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::DatabaseUnavailable
            | ErrorCode::FrontendNotBuilt
            | ErrorCode::PicturesBusy
            | ErrorCode::PfifDomainMissing => 503,
            ErrorCode::Internal | ErrorCode::Unknown => 500,
        }
    }

    /// The code for an error response that was produced without one (by the HTTP layer itself).
    pub fn for_status(status: u16) -> ErrorCode {
        match status {
            401 => ErrorCode::Unauthorized,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            405 => ErrorCode::MethodNotAllowed,
            413 => ErrorCode::PayloadTooLarge,
            415 => ErrorCode::UnsupportedMediaType,
            429 => ErrorCode::TooManyAttempts,
            400..=499 => ErrorCode::InvalidRequest,
            _ => ErrorCode::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_stable_snake_case_spelling() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(
                code.message_key(),
                format!("error-{}", code.as_str().replace('_', "-"))
            );
        }
    }

    #[test]
    fn a_code_from_a_newer_server_reads_as_unknown() {
        let code: ErrorCode = serde_json::from_str("\"receipt_locked\"").unwrap();
        assert_eq!(code, ErrorCode::Unknown);
    }

    #[test]
    fn statuses_without_a_code_map_to_the_closest_one() {
        assert_eq!(ErrorCode::for_status(404), ErrorCode::NotFound);
        assert_eq!(ErrorCode::for_status(418), ErrorCode::InvalidRequest);
        assert_eq!(ErrorCode::for_status(502), ErrorCode::Internal);
        for code in ErrorCode::ALL {
            assert!((400..600).contains(&code.http_status()));
        }
    }
}
