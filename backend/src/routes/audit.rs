//! The audit trail, for admins: newest first, filtered by action or actor.

use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use sanad_shared::api::ApiError as ApiErrorBody;
use serde::Deserialize;

use crate::{audit::Record, auth::Admin, db, db::with_db, error::ApiError, schema::audit_log};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AuditQuery {
    /// Only this action, e.g. `login_failed`.
    pub action: Option<String>,
    /// Only this actor, e.g. `staff:<id>`.
    pub actor: Option<String>,
    /// Entries before this sequence number (for the next page).
    pub before: Option<i64>,
    /// At most this many entries (1 to 500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", security(("bearer" = [])), params(AuditQuery),
    responses(
        (status = 200, description = "Entries, newest first", body = [Record]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
    ))]
pub async fn list(
    _auth: Admin,
    query: crate::query_params::Query<AuditQuery>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let limit = query.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::InvalidRequest(
            "limit must be between 1 and 500".into(),
        ));
    }
    let records = with_db(&pool, move |conn| {
        let mut select = audit_log::table
            .select(Record::as_select())
            .order(audit_log::seq.desc())
            .limit(limit)
            .into_boxed();
        if let Some(action) = query.action {
            select = select.filter(audit_log::action.eq(action));
        }
        if let Some(actor) = query.actor {
            select = select.filter(audit_log::actor.eq(actor));
        }
        if let Some(before) = query.before {
            select = select.filter(audit_log::seq.lt(before));
        }
        Ok(select.load(conn).map_err(db::DbError::from)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(records))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/audit").route(web::get().to(list)));
}
