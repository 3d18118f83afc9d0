//! The languages Sanad offers and their translations.

use actix_web::{http::header, web, HttpRequest, HttpResponse};
use sanad_shared::{api::LanguageInfo, Language};

use crate::{error::ApiError, frontend::not_modified, locales::Locales};

/// Every language with its native name and writing direction, in switcher order.
#[utoipa::path(get, path = "/api/v1/languages", tag = "languages",
    responses((status = 200, description = "The languages, Arabic first", body = [LanguageInfo])))]
pub async fn list(locales: web::Data<Locales>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .json(locales.languages())
}

/// All user-facing messages of one language as a Fluent document, for the web and mobile apps.
#[utoipa::path(get, path = "/api/v1/locales/{language}", tag = "languages",
    params(("language" = sanad_shared::Language, Path, description = "The language whose messages to send")),
    responses(
        (status = 200, description = "The Fluent (.ftl) document", content_type = "text/plain", body = String),
        (status = 304, description = "Unchanged since the copy the client holds"),
        (status = 400, description = "Not a language Sanad offers", body = sanad_shared::api::ApiError),
    ))]
pub async fn fluent_document(
    req: HttpRequest,
    language: web::Path<String>,
    locales: web::Data<Locales>,
) -> Result<HttpResponse, ApiError> {
    let tag = language.into_inner();
    let language = Language::parse(&tag).map_err(|_| ApiError::UnknownLanguage(tag))?;
    let (text, etag) = locales.document(language).ok_or(ApiError::NotFound)?;
    if not_modified(&req, etag) {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .finish());
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .body(text.to_owned()))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/languages").route(web::get().to(list)))
        .service(web::resource("/locales/{language}").route(web::get().to(fluent_document)));
}
