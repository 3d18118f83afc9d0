//! The OpenAPI document, derived from the handlers' annotations so it cannot drift from them.

use actix_web::HttpResponse;
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};

/// Staff endpoints take `Authorization: Bearer <access token>`.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        // Tipsters: the short-lived token `POST /api/v1/follow-up` gives for a receipt.
        components.add_security_scheme(
            "follow_up",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

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
        crate::routes::challenges::create,
        crate::routes::tips::submit,
        crate::routes::follow_up::open,
        crate::routes::tips::view,
        crate::routes::tips::message,
        crate::routes::tips::attachments,
        crate::routes::moderation::list,
        crate::routes::moderation::detail,
        crate::routes::moderation::attachment,
        crate::routes::moderation::reply,
        crate::routes::moderation::set_status,
        crate::routes::cases::submit,
        crate::routes::cases::follow_up_view,
        crate::routes::cases::follow_up_message,
        crate::routes::cases::list,
        crate::routes::cases::search,
        crate::routes::cases::detail,
        crate::routes::cases::photo,
        crate::routes::cases::add_note,
        crate::routes::cases::message,
        crate::routes::cases::set_status,
        crate::routes::cases::refresh,
        crate::routes::cases::decide,
        crate::routes::cases::export,
        crate::routes::cases::import,
        crate::routes::auth::login,
        crate::routes::auth::refresh,
        crate::routes::auth::logout,
        crate::routes::auth::link_info,
        crate::routes::auth::link_password,
        crate::routes::auth::password_reset,
        crate::routes::auth::me,
        crate::routes::staff::list,
        crate::routes::staff::invite,
        crate::routes::staff::set_roles,
        crate::routes::staff::deactivate,
        crate::routes::staff::reactivate,
        crate::routes::audit::list,
        crate::routes::me::start_totp,
        crate::routes::me::confirm_totp,
        crate::routes::me::disable_totp,
        crate::routes::me::change_password,
        crate::routes::settings::get,
        crate::routes::settings::put,
        crate::routes::articles::list,
        crate::routes::articles::detail,
        crate::routes::articles::media,
        crate::routes::editor::list,
        crate::routes::editor::create,
        crate::routes::editor::detail,
        crate::routes::editor::update,
        crate::routes::editor::translation,
        crate::routes::editor::set_status,
        crate::routes::editor::revisions,
        crate::routes::editor::preview,
        crate::routes::editor::campaigns,
        crate::routes::editor::create_campaign,
        crate::routes::editor::upload,
        crate::routes::translations::list,
        crate::routes::translations::review,
        crate::routes::translations::unreview,
        crate::routes::triage::assign_tip,
        crate::routes::triage::assign_case,
        crate::routes::triage::prioritise_tip,
        crate::routes::triage::prioritise_case,
        crate::routes::triage::label_tip,
        crate::routes::triage::label_case,
        crate::routes::triage::tip_presence,
        crate::routes::triage::case_presence,
        crate::routes::triage::bulk_tips,
        crate::routes::triage::bulk_cases,
        crate::routes::triage::note_tip,
        crate::routes::triage::tip_timeline,
        crate::routes::triage::case_timeline,
        crate::routes::triage::labels,
        crate::routes::triage::create_label,
        crate::routes::triage::update_label,
        crate::routes::triage::overview,
        crate::routes::triage::colleagues,
        crate::routes::triage::views,
        crate::routes::triage::save_view,
        crate::routes::triage::delete_view,
        crate::routes::entities::lookup,
        crate::routes::entities::page,
        crate::routes::entities::merge,
        crate::routes::entities::split,
        crate::routes::entities::tip_connections,
        crate::routes::entities::case_connections,
        crate::routes::entities::network,
        crate::routes::entities::network_export,
        crate::routes::statistics::figures,
        crate::routes::exports::tips_csv,
        crate::routes::exports::cases_csv,
        crate::routes::exports::statistics_csv,
        crate::routes::evidence::key,
        crate::routes::evidence::tip,
        crate::routes::evidence::case,
        openapi_json,
    ),
    modifiers(&BearerAuth),
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
