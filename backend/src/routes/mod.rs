//! One module per area of the API. Handlers stay thin: they parse, call a domain function or
//! repository, and shape the answer.

/// A resource that only signed-in staff reach: the session is checked by middleware before
/// extractors read the body. Defined before the modules so each can use it.
macro_rules! secured {
    ($path:expr) => {
        actix_web::web::resource($path)
            .wrap(actix_web::middleware::from_fn(crate::auth::require_session))
    };
}

pub mod articles;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod challenges;
pub mod editor;
pub mod entities;
pub mod evidence;
pub mod exports;
pub mod follow_up;
pub mod health;
pub mod languages;
pub mod me;
pub mod moderation;
pub mod public_forms;
pub mod settings;
pub mod site;
pub mod staff;
pub mod statistics;
pub mod tips;
pub mod translations;
pub mod triage;
pub mod uploads;

use actix_web::web;

/// An optional day from a query string (`YYYY-MM-DD`, in any digit set, as staff type it);
/// blank is none, anything else is `invalid` at `field`.
pub fn query_day(
    field: &str,
    value: Option<&str>,
) -> Result<Option<String>, crate::error::ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => sanad_shared::triage::parse_day(text)
            .map(Some)
            .ok_or_else(|| {
                crate::error::ApiError::InvalidTriage(vec![sanad_shared::tips::FieldProblem::at(
                    field, "invalid",
                )])
            }),
    }
}

/// Every route of the service: each module registers its own.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(health::configure)
        .service(web::resource("/media/{name}").route(web::get().to(articles::media)))
        .service(
            web::scope("/api/v1")
                .service(
                    web::resource("/openapi.json")
                        .route(web::get().to(crate::openapi::openapi_json)),
                )
                .configure(languages::configure)
                .configure(challenges::configure)
                .configure(follow_up::configure)
                .configure(exports::configure)
                .configure(evidence::configure)
                .configure(triage::configure)
                .configure(entities::configure)
                .configure(statistics::configure)
                .configure(tips::configure)
                .configure(moderation::configure)
                .configure(cases::configure)
                .configure(auth::configure)
                .configure(me::configure)
                .configure(settings::configure)
                .configure(staff::configure)
                .configure(audit::configure)
                .configure(articles::configure)
                .configure(editor::configure)
                .configure(translations::configure),
        );
}
