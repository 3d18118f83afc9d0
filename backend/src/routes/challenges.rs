//! Proof-of-work challenges for anonymous submissions.

use actix_web::{web, HttpResponse};

use crate::{
    error::ApiError,
    pow::{Challenge, Challenges},
};

/// A fresh challenge. The page solves it (finds a nonce) before it submits a report; the token
/// is good for one submission, for 30 minutes.
#[utoipa::path(post, path = "/api/v1/challenges", tag = "anonymous",
    responses((status = 201, description = "Solve this, then send `Proof-Of-Work: token:nonce`", body = Challenge)))]
pub async fn create(challenges: web::Data<Challenges>) -> Result<HttpResponse, ApiError> {
    let challenge = challenges
        .issue()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("challenge signing")))?;
    Ok(HttpResponse::Created().json(challenge))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/challenges").route(web::post().to(create)));
}
