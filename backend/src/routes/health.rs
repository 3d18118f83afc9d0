//! Probes for load balancers and orchestrators.

use std::time::Duration;

use actix_web::{web, HttpResponse};
use sanad_shared::api::{Health, HealthStatus};

use crate::{db, error::ApiError};

/// The process is up and serving requests.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, description = "The process is up", body = Health)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: HealthStatus::Alive,
    })
}

/// The database answers; an instance that fails this should get no traffic.
#[utoipa::path(get, path = "/readyz", tag = "health",
    responses(
        (status = 200, description = "The database answers", body = Health),
        (status = 503, description = "The database does not answer", body = sanad_shared::api::ApiError),
    ))]
pub async fn readyz(pool: web::Data<db::Pool>) -> Result<HttpResponse, ApiError> {
    let pool = pool.into_inner();
    let ping = web::block(move || db::ping(&pool));
    match tokio::time::timeout(Duration::from_secs(5), ping).await {
        Ok(Ok(Ok(()))) => Ok(HttpResponse::Ok().json(Health {
            status: HealthStatus::Ready,
        })),
        Ok(Ok(Err(e))) => Err(e.into()),
        Ok(Err(blocking)) => Err(ApiError::DatabaseUnavailable(blocking.to_string())),
        Err(_) => Err(ApiError::DatabaseUnavailable(
            "no answer within 5 s".to_owned(),
        )),
    }
}

/// This module's routes (at the root, outside `/api/v1`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/healthz").route(web::get().to(healthz)))
        .service(web::resource("/readyz").route(web::get().to(readyz)));
}
