//! The API's error type. Handlers return [`ApiError`]; the HTTP layer's own failures (unknown
//! path, wrong method, unreadable JSON) are caught too, and [`render_error`] turns every error
//! response into the one JSON shape `{"error": code, "message": …, "details": …}`, with the message
//! in the language the request asked for.

use actix_web::{
    body::BoxBody,
    dev::ServiceResponse,
    error::{JsonPayloadError, PathError},
    http::{header, StatusCode},
    middleware::ErrorHandlerResponse,
    web, HttpRequest, HttpResponse, ResponseError,
};
use sanad_shared::{api, ErrorCode, Language};
use serde_json::json;

use crate::locales::Locales;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    #[error("body larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("unsupported content type")]
    UnsupportedMediaType,
    #[error("unknown language {0:?}")]
    UnknownLanguage(String),
    #[error("database unavailable: {0}")]
    DatabaseUnavailable(String),
    #[error("the web app has not been built into this server")]
    FrontendNotBuilt,
    #[error("no valid staff session")]
    Unauthorized,
    #[error("the session's roles do not allow this")]
    Forbidden,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("too many attempts; retry in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("a TOTP code is required")]
    TotpRequired,
    #[error("the link is unknown, used or expired")]
    LinkInvalid,
    #[error("not an email address")]
    InvalidEmail,
    #[error("the email is taken")]
    EmailTaken,
    #[error("the last active admin cannot lose the role or the account")]
    LastAdmin,
    #[error("mail failed: {0}")]
    MailFailed(String),
    #[error("TOTP must be set up first")]
    TotpSetupRequired,
    #[error("TOTP is required for all staff")]
    TotpEnforced,
    #[error("wrong TOTP code")]
    TotpInvalid,
    #[error("proof of work refused")]
    ProofOfWorkInvalid,
    #[error("proof of work expired")]
    ProofOfWorkExpired,
    #[error("sent {seconds_left} s before the wait was over")]
    SubmissionTooSoon { seconds_left: u64 },
    #[error("the tip has invalid fields")]
    InvalidTip(Vec<sanad_shared::tips::FieldProblem>),
    #[error("the case has invalid fields")]
    InvalidCase(Vec<sanad_shared::tips::FieldProblem>),
    #[error("phone number {index} is not valid")]
    InvalidPhoneNumber { index: usize },
    #[error("invalid message")]
    InvalidMessage(Vec<sanad_shared::tips::FieldProblem>),
    #[error("image {index} refused: {problem}")]
    Image {
        index: usize,
        problem: crate::attachments::AttachmentError,
    },
    #[error("too many images")]
    TooManyImages { max: usize },
    #[error("malformed receipt")]
    ReceiptMalformed,
    #[error("unknown receipt")]
    ReceiptUnknown,
    #[error("follow-up token missing, invalid or expired")]
    FollowUpExpired,
    #[error("password refused: {0:?}")]
    Password(crate::auth::password::Problem),
    #[error("the article has invalid fields")]
    InvalidArticle(Vec<sanad_shared::tips::FieldProblem>),
    #[error("the slug is taken")]
    SlugTaken,
    #[error("a newer revision was saved meanwhile")]
    EditConflict { revision: i64 },
    #[error("the item changed since it was loaded")]
    StaleView { version: i64 },
    #[error("the triage change has invalid fields")]
    InvalidTriage(Vec<sanad_shared::tips::FieldProblem>),
    #[error("the assignee cannot take this item")]
    UnknownAssignee,
    #[error("too many pictures are being checked; retry in {retry_after_secs} s")]
    PicturesBusy { retry_after_secs: u64 },
    #[error("SANAD_PFIF_DOMAIN is not set: PFIF records need this installation's domain")]
    PfifDomainMissing,
    #[error("the pair cannot take this decision now")]
    MatchConflict,
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

/// What [`ApiError`] leaves on its response for [`render_error`] to write out.
#[derive(Clone, Debug)]
struct ErrorInfo {
    code: ErrorCode,
    details: Option<serde_json::Value>,
}

impl ApiError {
    /// A failure of our own (sealing, stored JSON) described for the log, never for the client.
    pub fn internal(what: &str) -> ApiError {
        ApiError::Internal(anyhow::anyhow!("{what}"))
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::MalformedJson(_) => ErrorCode::MalformedJson,
            ApiError::InvalidRequest(_) => ErrorCode::InvalidRequest,
            ApiError::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::UnknownLanguage(_) => ErrorCode::UnknownLanguage,
            ApiError::DatabaseUnavailable(_) => ErrorCode::DatabaseUnavailable,
            ApiError::FrontendNotBuilt => ErrorCode::FrontendNotBuilt,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            ApiError::TotpRequired => ErrorCode::TotpRequired,
            ApiError::LinkInvalid => ErrorCode::LinkInvalid,
            ApiError::InvalidEmail => ErrorCode::InvalidEmail,
            ApiError::EmailTaken => ErrorCode::EmailTaken,
            ApiError::LastAdmin => ErrorCode::LastAdmin,
            ApiError::MailFailed(_) => ErrorCode::MailFailed,
            ApiError::TotpSetupRequired => ErrorCode::TotpSetupRequired,
            ApiError::TotpEnforced => ErrorCode::TotpEnforced,
            ApiError::TotpInvalid => ErrorCode::TotpInvalid,
            ApiError::ProofOfWorkInvalid => ErrorCode::ProofOfWorkInvalid,
            ApiError::ProofOfWorkExpired => ErrorCode::ProofOfWorkExpired,
            ApiError::SubmissionTooSoon { .. } => ErrorCode::SubmissionTooSoon,
            ApiError::InvalidTip(_) => ErrorCode::InvalidTip,
            ApiError::InvalidCase(_) => ErrorCode::InvalidCase,
            ApiError::InvalidPhoneNumber { .. } => ErrorCode::InvalidPhoneNumber,
            ApiError::InvalidMessage(_) => ErrorCode::InvalidMessage,
            ApiError::Image { problem, .. } => {
                use crate::attachments::AttachmentError;
                match problem {
                    AttachmentError::TooLarge => ErrorCode::ImageTooLarge,
                    AttachmentError::TooManyPixels => ErrorCode::ImageTooManyPixels,
                    AttachmentError::UnsupportedType => ErrorCode::ImageUnsupported,
                    AttachmentError::Corrupt => ErrorCode::ImageCorrupt,
                }
            }
            ApiError::TooManyImages { .. } => ErrorCode::TooManyImages,
            ApiError::ReceiptMalformed => ErrorCode::ReceiptMalformed,
            ApiError::ReceiptUnknown => ErrorCode::ReceiptUnknown,
            ApiError::FollowUpExpired => ErrorCode::FollowUpExpired,
            ApiError::Password(problem) => problem.code(),
            ApiError::InvalidArticle(_) => ErrorCode::InvalidArticle,
            ApiError::SlugTaken => ErrorCode::SlugTaken,
            ApiError::EditConflict { .. } => ErrorCode::EditConflict,
            ApiError::StaleView { .. } => ErrorCode::StaleView,
            ApiError::PicturesBusy { .. } => ErrorCode::PicturesBusy,
            ApiError::PfifDomainMissing => ErrorCode::PfifDomainMissing,
            ApiError::MatchConflict => ErrorCode::MatchConflict,
            ApiError::InvalidTriage(_) => ErrorCode::InvalidTriage,
            ApiError::UnknownAssignee => ErrorCode::UnknownAssignee,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// Facts a client can act on. Never internal error text: it may name files or queries.
    fn details(&self) -> Option<serde_json::Value> {
        match self {
            ApiError::MalformedJson(reason) | ApiError::InvalidRequest(reason) => {
                Some(json!({ "reason": reason }))
            }
            ApiError::PayloadTooLarge { limit } => Some(json!({ "limit_bytes": limit })),
            ApiError::TooManyAttempts { retry_after_secs }
            | ApiError::PicturesBusy { retry_after_secs } => {
                Some(json!({ "retry_after_secs": retry_after_secs }))
            }
            ApiError::Password(crate::auth::password::Problem::TooShort) => {
                Some(json!({ "min_chars": crate::auth::password::MIN_CHARS }))
            }
            ApiError::InvalidTip(problems)
            | ApiError::InvalidCase(problems)
            | ApiError::InvalidMessage(problems)
            | ApiError::InvalidArticle(problems)
            | ApiError::InvalidTriage(problems) => serde_json::to_value(problems).ok(),
            ApiError::EditConflict { revision } => Some(json!({ "revision": revision })),
            ApiError::StaleView { version } => Some(json!({ "version": version })),
            ApiError::InvalidPhoneNumber { index } | ApiError::Image { index, .. } => {
                Some(json!({ "index": index }))
            }
            ApiError::TooManyImages { max } => Some(json!({ "max": max })),
            ApiError::SubmissionTooSoon { seconds_left } => {
                Some(json!({ "seconds_left": seconds_left }))
            }
            ApiError::UnknownLanguage(tag) => {
                Some(json!({ "language": tag, "supported": Language::ALL.map(Language::code) }))
            }
            _ => None,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code().http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if self.status_code().is_server_error() {
            tracing::error!(code = self.code().as_str(), "{self}");
        }
        let mut response = HttpResponse::new(self.status_code());
        match self {
            ApiError::TooManyAttempts { retry_after_secs }
            | ApiError::PicturesBusy { retry_after_secs } => {
                if let Ok(value) = header::HeaderValue::from_str(&retry_after_secs.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            ApiError::Unauthorized
            | ApiError::InvalidCredentials
            | ApiError::TotpRequired
            | ApiError::FollowUpExpired => {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Bearer"),
                );
            }
            _ => {}
        }
        response.extensions_mut().insert(ErrorInfo {
            code: self.code(),
            details: self.details(),
        });
        response
    }
}

impl From<crate::auth::store::StoreError> for ApiError {
    fn from(error: crate::auth::store::StoreError) -> Self {
        use crate::auth::store::StoreError;
        match error {
            StoreError::EmailTaken => ApiError::EmailTaken,
            StoreError::NotFound => ApiError::NotFound,
            StoreError::LinkInvalid => ApiError::LinkInvalid,
            StoreError::LastAdmin => ApiError::LastAdmin,
            StoreError::Sealed => ApiError::internal("a sealed staff value did not open"),
            StoreError::Db(e) => e.into(),
        }
    }
}

impl From<crate::auth::password::HashError> for ApiError {
    fn from(error: crate::auth::password::HashError) -> Self {
        ApiError::Internal(anyhow::anyhow!(error))
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        ApiError::Internal(anyhow::anyhow!("blocking pool: {error}"))
    }
}

impl From<crate::pow::PowError> for ApiError {
    fn from(error: crate::pow::PowError) -> Self {
        match error {
            crate::pow::PowError::Invalid => ApiError::ProofOfWorkInvalid,
            crate::pow::PowError::Expired => ApiError::ProofOfWorkExpired,
            crate::pow::PowError::TooSoon { seconds_left } => {
                ApiError::SubmissionTooSoon { seconds_left }
            }
            crate::pow::PowError::Busy { retry_after_secs } => {
                ApiError::TooManyAttempts { retry_after_secs }
            }
            crate::pow::PowError::Database => {
                ApiError::DatabaseUnavailable("redeeming proof of work".into())
            }
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        crate::db::DbError::Query(error).into()
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(error: crate::db::DbError) -> Self {
        ApiError::DatabaseUnavailable(error.to_string())
    }
}

pub fn json_error(error: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    match error {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => ApiError::PayloadTooLarge { limit }.into(),
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType.into(),
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            ApiError::InvalidRequest(e.to_string()).into()
        }
        JsonPayloadError::Deserialize(e) => ApiError::MalformedJson(e.to_string()).into(),
        other => ApiError::MalformedJson(other.to_string()).into(),
    }
}

pub fn path_error(error: PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::InvalidRequest(error.to_string()).into()
}

/// Rewrites every 4xx/5xx response into the JSON error body. Responses from [`ApiError`] carry
/// their code; those made by actix itself (no route, wrong method) get the code of their status.
/// A public page that is itself the answer (the site's "not found", in the reader's language)
/// is left as it is.
pub fn render_error<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_page {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let (req, old) = res.into_parts();
    let status = old.status();
    let info = old
        .extensions()
        .get::<ErrorInfo>()
        .cloned()
        .unwrap_or(ErrorInfo {
            code: ErrorCode::for_status(status.as_u16()),
            details: None,
        });
    let language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Language::negotiate)
        .unwrap_or(Language::DEFAULT);
    let message = req
        .app_data::<web::Data<Locales>>()
        .and_then(|locales| locales.message_for(language, info.code.message_key()))
        .unwrap_or_else(|| info.code.as_str().replace('_', " "));
    let mut builder = HttpResponse::build(status);
    // Keep the headers that tell a client what to do next.
    for name in [
        header::ALLOW,
        header::RETRY_AFTER,
        header::WWW_AUTHENTICATE,
        header::SET_COOKIE,
    ] {
        if let Some(value) = old.headers().get(&name) {
            builder.insert_header((name, value.clone()));
        }
    }
    builder.insert_header((header::CONTENT_LANGUAGE, language.code()));
    let body = api::ApiError {
        error: info.code,
        message,
        details: info.details,
    };
    let new = builder.json(body);
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body::<B>(),
    ))
}
