//! Coming back with a receipt, for tips and missing-person cases alike: the receipt buys a
//! short-lived follow-up token, and [`FollowUp`] reads that token on the follow-up endpoints.

use actix_web::{http::header, web, FromRequest, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    receipt::Receipt,
    tips::{FollowUpGrant, FollowUpKind, FollowUpRequest},
};

use crate::{
    anonymous::{self, Thread},
    auth::password::PasswordHasher,
    crypto::Sealer,
    db,
    error::ApiError,
};

/// Receipt guesses, counted per client and per receipt prefix in the database (see
/// [`crate::auth::throttle`]).
pub struct ReceiptThrottle(pub crate::auth::throttle::Throttle);

/// Opens a tip or a case with its receipt, typed in any digit set with spaces or dashes. Wrong receipts
/// slow the client down, as wrong passwords do.
#[utoipa::path(post, path = "/api/v1/follow-up", tag = "anonymous", request_body = FollowUpRequest,
    responses(
        (status = 200, description = "A short-lived token for the follow-up endpoints", body = FollowUpGrant),
        (status = 400, description = "Not sixteen digits", body = ApiErrorBody),
        (status = 404, description = "No tip has this receipt", body = ApiErrorBody),
        (status = 429, description = "Too many wrong receipts; wait", body = ApiErrorBody),
    ))]
pub async fn open(
    req: HttpRequest,
    body: crate::json_body::Json<FollowUpRequest>,
    throttle: web::Data<ReceiptThrottle>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let thread = find(&req, &body.receipt, &throttle, &hasher, &sealer, &pool).await?;
    Ok(HttpResponse::Ok().json(FollowUpGrant {
        token: anonymous::follow_up_token(&sealer, &thread)?,
        expires_in: anonymous::FOLLOW_UP_TTL_SECS,
        kind: match thread {
            Thread::Tip(_) => FollowUpKind::Tip,
            Thread::Case(_) => FollowUpKind::Case,
        },
    }))
}

/// What a follow-up request is about, from its `Authorization: Bearer` token.
/// The report a typed receipt opens. Too many wrong receipts from one client, or for receipts
/// that begin alike, wait a while; nothing is counted for everyone together, so one person
/// guessing cannot lock the others out.
pub async fn find(
    req: &HttpRequest,
    typed: &str,
    throttle: &ReceiptThrottle,
    hasher: &PasswordHasher,
    sealer: &Sealer,
    pool: &web::Data<db::Pool>,
) -> Result<Thread, ApiError> {
    let receipt = Receipt::parse(typed).map_err(|_| ApiError::ReceiptMalformed)?;
    let subjects = throttle
        .0
        .receipt_subjects(crate::client::address(req), &receipt);
    if let Err(wait) = throttle.0.check(&subjects).await? {
        return Err(ApiError::TooManyAttempts {
            retry_after_secs: wait.as_secs().max(1),
        });
    }
    let found = anonymous::find_thread(hasher, sealer, pool, &receipt).await?;
    let Some(thread) = found else {
        throttle.0.failed(&subjects).await?;
        return Err(ApiError::ReceiptUnknown);
    };
    Ok(thread)
}

pub struct FollowUp(pub Thread);

impl FromRequest for FollowUp {
    type Error = ApiError;
    type Future = std::future::Ready<Result<FollowUp, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let sealer = req.app_data::<web::Data<Sealer>>();
        std::future::ready(match (token, sealer) {
            (Some(token), Some(sealer)) => anonymous::open_follow_up_token(sealer, token)
                .map(FollowUp)
                .ok_or(ApiError::FollowUpExpired),
            _ => Err(ApiError::FollowUpExpired),
        })
    }
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/follow-up").route(web::post().to(open)));
}
