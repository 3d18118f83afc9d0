//! Instance settings, for admins.

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    staff::{StaffSettings, MAX_FIRST_LOOK_HOURS},
    tips::FieldProblem,
};
use serde_json::json;

use crate::{
    audit::{self, Entry},
    auth::Admin,
    db,
    db::with_db,
    error::ApiError,
    settings,
};

#[utoipa::path(get, path = "/api/v1/settings", tag = "settings", security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings", body = StaffSettings),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
    ))]
pub async fn get(_auth: Admin, pool: web::Data<db::Pool>) -> Result<HttpResponse, ApiError> {
    let settings = with_db(&pool, |conn| {
        Ok(StaffSettings {
            require_totp: settings::flag(conn, settings::REQUIRE_TOTP)?,
            first_look_hours: crate::triage::first_look_hours(conn)?,
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(settings))
}

/// Requiring TOTP takes effect at once: staff without it can reach only their own account page
/// until they set it up.
#[utoipa::path(put, path = "/api/v1/settings", tag = "settings", security(("bearer" = [])), request_body = StaffSettings,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "A first-look target outside 1 to 720 hours", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
    ))]
pub async fn put(
    auth: Admin,
    body: crate::json_body::Json<StaffSettings>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let wanted = body.into_inner();
    if !(1..=MAX_FIRST_LOOK_HOURS).contains(&wanted.first_look_hours) {
        return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
            "first_look_hours",
            "out_of_range",
        )]));
    }
    let actor = auth.actor();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            settings::set(
                conn,
                settings::REQUIRE_TOTP,
                if wanted.require_totp { "true" } else { "false" },
            )?;
            settings::set(
                conn,
                crate::triage::FIRST_LOOK_HOURS,
                &wanted.first_look_hours.to_string(),
            )?;
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action: "settings_changed",
                    object: "settings".into(),
                    details: json!({ "require_totp": wanted.require_totp, "first_look_hours": wanted.first_look_hours }),
                },
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        secured!("/settings")
            .route(web::get().to(get))
            .route(web::put().to(put)),
    );
}
