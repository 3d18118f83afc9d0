//! A staff member's own account: TOTP and password. These answer while TOTP set-up is pending,
//! so that a person can comply with an admin's TOTP requirement.

use actix_web::{web, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    staff::{PasswordChange, PasswordConfirmation, TotpCode, TotpEnrolment},
};
use serde_json::json;

use crate::{
    audit::{self, now_ms, Entry},
    auth::{
        password::{self, PasswordHasher, Verified},
        store,
        throttle::Throttle,
        tokens, totp, AnyStaff,
    },
    crypto::Sealer,
    db,
    db::with_db,
    error::ApiError,
    routes::auth as auth_routes,
    settings,
};

async fn own_row(
    auth: &AnyStaff,
    pool: &web::Data<db::Pool>,
    sealer: &web::Data<Sealer>,
) -> Result<store::StaffRow, ApiError> {
    let id = auth.staff_id.clone();
    let sealer = sealer.clone();
    with_db(pool, move |conn| {
        store::find_by_id(conn, &sealer, &id)?.ok_or(ApiError::Unauthorized)
    })
    .await
}

/// Sensitive changes to one's own account ask for the current password again. The answer is
/// counted like a sign-in (same throttle, same account lock, same audit), so a stolen session
/// cannot be used to guess the password faster than the sign-in page allows.
async fn confirm_password(
    req: &HttpRequest,
    throttle: &Throttle,
    pool: &web::Data<db::Pool>,
    seal: &web::Data<crate::audit::Seal>,
    hasher: &PasswordHasher,
    password: String,
    row: &store::StaffRow,
) -> Result<(), ApiError> {
    let subjects = auth_routes::admit(throttle, &row.email, req).await?;
    let now = now_ms();
    if row.locked(now) {
        throttle.failed(&subjects).await?;
        return Err(ApiError::TooManyAttempts {
            retry_after_secs: auth_routes::seconds_until(row.locked_until_ms, now),
        });
    }
    match hasher.verify(password, row.password_hash.clone()).await? {
        Verified::Correct { .. } => {
            throttle.succeeded(&subjects).await?;
            let id = row.id.clone();
            with_db(pool, move |conn| Ok(store::clear_failures(conn, &id)?)).await
        }
        Verified::Wrong => Err(auth_routes::failed_login(
            pool,
            seal,
            throttle,
            &subjects,
            Some(row.id.clone()),
            "password_again",
        )
        .await),
    }
}

/// Starts TOTP enrolment: a new secret, as text, URL and QR code. Nothing changes for sign-in
/// until a code from the app confirms it.
#[utoipa::path(post, path = "/api/v1/me/totp", tag = "me", security(("bearer" = [])),
    responses(
        (status = 200, description = "Scan this, then confirm with a code", body = TotpEnrolment),
        (status = 401, description = "No valid session", body = ApiErrorBody),
    ))]
pub async fn start_totp(
    auth: AnyStaff,
    pool: web::Data<db::Pool>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let row = own_row(&auth, &pool, &sealer).await?;
    let secret = totp::new_secret();
    let (otpauth_url, qr_svg) = totp::enrolment(&secret, &row.email)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("TOTP enrolment")))?;
    let pending = secret.clone();
    with_db(&pool, move |conn| {
        Ok(store::set_pending_totp(conn, &sealer, &row.id, &pending)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(TotpEnrolment {
        secret,
        otpauth_url,
        qr_svg,
    }))
}

#[utoipa::path(post, path = "/api/v1/me/totp/confirm", tag = "me", security(("bearer" = [])), request_body = TotpCode,
    responses(
        (status = 204, description = "TOTP is on: sign-ins now need a code"),
        (status = 400, description = "Wrong code, or no enrolment started", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
    ))]
pub async fn confirm_totp(
    auth: AnyStaff,
    body: crate::json_body::Json<TotpCode>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let row = own_row(&auth, &pool, &sealer).await?;
    let pending = row
        .totp_pending_secret
        .clone()
        .ok_or(ApiError::TotpInvalid)?;
    let step = totp::accept(&pending, &body.code, None, tokens::unix_now())
        .ok_or(ApiError::TotpInvalid)?;
    let actor = auth.actor();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            store::confirm_totp(conn, &row.id, step)?;
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action: "totp_enabled",
                    object: format!("staff:{}", row.id),
                    details: json!({}),
                },
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/me/totp/disable", tag = "me", security(("bearer" = [])), request_body = PasswordConfirmation,
    responses(
        (status = 204, description = "TOTP is off"),
        (status = 401, description = "No valid session, or the password is wrong", body = ApiErrorBody),
        (status = 429, description = "Too many wrong passwords; see Retry-After", body = ApiErrorBody),
        (status = 409, description = "The admins require TOTP for everyone", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)] // one per extractor actix hands the handler
pub async fn disable_totp(
    req: HttpRequest,
    auth: AnyStaff,
    body: crate::json_body::Json<PasswordConfirmation>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    hasher: web::Data<PasswordHasher>,
    throttle: web::Data<Throttle>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let row = own_row(&auth, &pool, &sealer).await?;
    let password = body.into_inner().password;
    confirm_password(&req, &throttle, &pool, &seal, &hasher, password, &row).await?;
    let actor = auth.actor();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            if settings::flag(conn, settings::REQUIRE_TOTP)? {
                return Err(ApiError::TotpEnforced);
            }
            store::disable_totp(conn, &row.id)?;
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action: "totp_disabled",
                    object: format!("staff:{}", row.id),
                    details: json!({}),
                },
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Changes the password. Every session of the account ends, this one included.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "me", security(("bearer" = [])), request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; sign in again"),
        (status = 400, description = "The new password is refused; the code says why", body = ApiErrorBody),
        (status = 401, description = "No valid session, or the current password is wrong", body = ApiErrorBody),
        (status = 429, description = "Too many wrong passwords; see Retry-After", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)] // one per extractor actix hands the handler
pub async fn change_password(
    req: HttpRequest,
    auth: AnyStaff,
    body: crate::json_body::Json<PasswordChange>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    hasher: web::Data<PasswordHasher>,
    throttle: web::Data<Throttle>,
    sealer: web::Data<Sealer>,
) -> Result<HttpResponse, ApiError> {
    let row = own_row(&auth, &pool, &sealer).await?;
    let PasswordChange {
        current_password,
        new_password,
    } = body.into_inner();
    confirm_password(
        &req,
        &throttle,
        &pool,
        &seal,
        &hasher,
        current_password,
        &row,
    )
    .await?;
    password::check_strength(&new_password, &[&row.email, &row.display_name])
        .map_err(ApiError::Password)?;
    let hash = hasher.hash(new_password).await?;
    let actor = auth.actor();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            store::set_password(conn, &row.id, &hash)?;
            audit::append(
                conn,
                &seal,
                &Entry {
                    actor,
                    action: "password_changed",
                    object: format!("staff:{}", row.id),
                    details: json!({}),
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
    cfg.service(secured!("/me/totp").route(web::post().to(start_totp)))
        .service(secured!("/me/totp/confirm").route(web::post().to(confirm_totp)))
        .service(secured!("/me/totp/disable").route(web::post().to(disable_totp)))
        .service(secured!("/me/password").route(web::put().to(change_password)));
}
