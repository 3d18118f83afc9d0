//! Staff management, for admins: list, invite, change roles, deactivate, reactivate.

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    staff::{InviteRequest, LinkPurpose, Role, RolesRequest, StaffProfile},
};
use serde_json::json;

use crate::{
    audit::{self, Entry},
    auth::{store, Admin},
    config::Site,
    crypto::Sealer,
    db,
    db::with_db,
    error::ApiError,
    locales::Locales,
    mail::{self, Mailer, StaffMail},
};

#[utoipa::path(get, path = "/api/v1/staff", tag = "staff", security(("bearer" = [])),
    responses(
        (status = 200, description = "Every staff account", body = [StaffProfile]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
    ))]
pub async fn list(
    _auth: Admin,
    pool: web::Data<db::Pool>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let staff = with_db(&pool, move |conn| Ok(store::list(conn, &sealer)?)).await?;
    Ok(HttpResponse::Ok().json(staff))
}

/// Creates the account and mails a single-use link (valid 48 hours) in the chosen language.
#[utoipa::path(post, path = "/api/v1/staff", tag = "staff", security(("bearer" = [])), request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; the mail is sent", body = StaffProfile),
        (status = 400, description = "Bad email, name or roles", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
        (status = 409, description = "The email is taken", body = ApiErrorBody),
        (status = 502, description = "The account exists but the mail failed; invite again later", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)] // one per extractor actix hands the handler
pub async fn invite(
    auth: Admin,
    body: crate::json_body::Json<InviteRequest>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let request = body.into_inner();
    let name = request.display_name.trim().to_owned();
    // The limit counts what was sent, as the OpenAPI document's maxLength does.
    if name.is_empty() || request.display_name.chars().count() > 120 {
        return Err(ApiError::InvalidRequest(
            "display_name must have 1 to 120 characters".into(),
        ));
    }
    // A name is shown to colleagues beside what its owner did: no control character, and no
    // direction override that could make "\u{202e}NIMDA" read as "ADMIN".
    if !name.chars().all(sanad_shared::text::fits_a_line) {
        return Err(ApiError::InvalidRequest(
            "display_name may not hold control characters or direction overrides".into(),
        ));
    }
    if request.roles.is_empty() {
        return Err(ApiError::InvalidRequest(
            "at least one role is needed".into(),
        ));
    }
    no_role_twice(&request.roles)?;
    let actor = auth.actor();
    let invited = request.clone();
    let (profile, secret) = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| -> Result<_, ApiError> {
            let row = store::create_staff(
                conn,
                &sealer,
                &invited.email,
                &name,
                invited.language,
                &invited.roles,
            )?;
            let secret = store::create_link(conn, &row.id, LinkPurpose::Invite)?;
            let profile = store::profile(conn, &row)?;
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action: "staff_invited",
                    object: format!("staff:{}", row.id),
                    details: json!({ "email": invited.email, "roles": invited.roles, "language": invited.language }),
                },
            )?;
            Ok((profile, secret))
        })
    })
    .await?;
    let link = site.link(&secret);
    let letter = mail::compose(
        &locales,
        request.language,
        StaffMail::Invitation {
            name: &profile.display_name,
            link: &link,
        },
    );
    mailer
        .send(&request.email, letter)
        .await
        .map_err(|e| ApiError::MailFailed(e.to_string()))?;
    Ok(HttpResponse::Created().json(profile))
}

#[utoipa::path(put, path = "/api/v1/staff/{id}/roles", tag = "staff", security(("bearer" = [])), request_body = RolesRequest,
    params(("id" = String, Path, description = "The staff member's id")),
    responses(
        (status = 204, description = "Roles replaced"),
        (status = 400, description = "A role is named twice", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
        (status = 404, description = "No such staff member", body = ApiErrorBody),
        (status = 409, description = "No active admin would remain", body = ApiErrorBody),
    ))]
pub async fn set_roles(
    auth: Admin,
    id: web::Path<String>,
    body: crate::json_body::Json<RolesRequest>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let roles = body.into_inner().roles;
    no_role_twice(&roles)?;
    let actor = auth.actor();
    // The change and its entry in the trail stand or fall together.
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let before = store::roles_of(conn, &id)?;
            store::set_roles(conn, &id, &roles)?;
            let after = store::roles_of(conn, &id)?;
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action: "roles_changed",
                    object: format!("staff:{id}"),
                    details: json!({ "from": before, "to": after }),
                },
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A role named twice is a mistake in the client, not something to tidy up silently.
fn no_role_twice(roles: &[Role]) -> Result<(), ApiError> {
    let mut seen = Vec::with_capacity(roles.len());
    for role in roles {
        if seen.contains(role) {
            return Err(ApiError::InvalidRequest(format!(
                "the role {} is named twice",
                role.as_str()
            )));
        }
        seen.push(*role);
    }
    Ok(())
}

async fn set_active(
    auth: Admin,
    id: String,
    active: bool,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let actor = auth.actor();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            store::set_active(conn, &id, active)?;
            let action = if active {
                "staff_reactivated"
            } else {
                "staff_deactivated"
            };
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action,
                    object: format!("staff:{id}"),
                    details: json!({}),
                },
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Ends every session of the account at once and refuses its logins until reactivated.
#[utoipa::path(post, path = "/api/v1/staff/{id}/deactivate", tag = "staff", security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff member's id")),
    responses(
        (status = 204, description = "Deactivated"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
        (status = 404, description = "No such staff member", body = ApiErrorBody),
        (status = 409, description = "No active admin would remain", body = ApiErrorBody),
    ))]
pub async fn deactivate(
    auth: Admin,
    id: web::Path<String>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    set_active(auth, id.into_inner(), false, pool, seal).await
}

#[utoipa::path(post, path = "/api/v1/staff/{id}/reactivate", tag = "staff", security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff member's id")),
    responses(
        (status = 204, description = "Reactivated"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
        (status = 404, description = "No such staff member", body = ApiErrorBody),
    ))]
pub async fn reactivate(
    auth: Admin,
    id: web::Path<String>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    set_active(auth, id.into_inner(), true, pool, seal).await
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        secured!("/staff")
            .route(web::get().to(list))
            .route(web::post().to(invite)),
    )
    .service(secured!("/staff/{id}/roles").route(web::put().to(set_roles)))
    .service(secured!("/staff/{id}/deactivate").route(web::post().to(deactivate)))
    .service(secured!("/staff/{id}/reactivate").route(web::post().to(reactivate)));
}
