//! The OpenAPI document, derived from the handlers' annotations so it cannot drift from them.

use actix_web::HttpResponse;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sanad API",
        description = "Anonymous reporting of recruitment into foreign armies, missing-person cases and awareness campaigns."
    ),
    paths(
        crate::routes::health::healthz,
        crate::routes::health::readyz,
        crate::routes::languages::list,
        crate::routes::languages::fluent_document,
        openapi_json,
    ),
    components(schemas(
        sanad_shared::api::ApiError,
        sanad_shared::ErrorCode,
        sanad_shared::Language,
        sanad_shared::Direction,
    ))
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
