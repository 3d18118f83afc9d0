//! The moderators' side of tips: the queue, reading a tip (audited), its pictures (audited),
//! replying to the tipster and setting the status.

use actix_web::{http::header, web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    tips::{NewMessage, StatusChange, TipDetail, TipMessage, TipPage, TipStatus},
    triage::ItemKind,
};
use serde_json::json;

use crate::{
    audit, auth::Moderator, crypto::Sealer, db, db::with_db, error::ApiError,
    routes::triage::QueueQuery, tips, triage,
};

#[utoipa::path(get, path = "/api/v1/tips", tag = "moderation", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "Tips, most urgent first, then the longest waiting", body = TipPage),
        (status = 400, description = "An unknown status, band or governorate, or a malformed day", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
    ))]
pub async fn list(
    auth: Moderator,
    query: crate::query_params::Query<QueueQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page(&sealer, |s| TipStatus::parse(s).map(|s| s.as_str()))?;
    let answer = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let (ids, more) = triage::queue(
                conn,
                ItemKind::Tip,
                &page.filter,
                &auth.staff_id,
                page.offset,
                page.limit,
            )?;
            // The lines show the first words of each tip: a read, audited as the case list is.
            audit::append(
                conn,
                &seal,
                &auth.entry("tips_listed", "tips".into(), json!({ "ids": ids })),
            )?;
            Ok(TipPage {
                tips: tips::summaries(conn, &sealer, &ids)?,
                next_page: page.next(more),
            })
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(answer))
}

/// A tip, decrypted. The read is written to the audit trail before the tip is returned.
#[utoipa::path(get, path = "/api/v1/tips/{id}", tag = "moderation", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "The tip, its pictures, conversation and linked tips", body = TipDetail),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
    ))]
pub async fn detail(
    auth: Moderator,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let detail = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| -> Result<_, ApiError> {
            triage::looked_at(conn, ItemKind::Tip, id)?;
            let detail = tips::detail(conn, &sealer, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry("tip_read", format!("tip:{id}"), json!({})),
            )?;
            Ok(detail)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(detail))
}

/// One picture of a tip, metadata already removed. Audited like a read of the tip.
#[utoipa::path(get, path = "/api/v1/tips/{id}/attachments/{attachment_id}", tag = "moderation", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The tip's id"), ("attachment_id" = i64, Path, description = "The picture's id")),
    responses(
        (status = 200, description = "The picture (JPEG, PNG or WebP)", content_type = "image/*"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip or picture", body = ApiErrorBody),
    ))]
pub async fn attachment(
    auth: Moderator,
    path: web::Path<(i64, i64)>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (id, attachment_id) = path.into_inner();
    let (mime, bytes) = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| -> Result<_, ApiError> {
            let picture = tips::attachment(conn, &sealer, id, attachment_id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "tip_attachment_read",
                    format!("tip:{id}"),
                    json!({ "attachment": attachment_id }),
                ),
            )?;
            Ok(picture)
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime))
        // Shown in the page, never saved under a name chosen by the sender.
        .insert_header((header::CONTENT_DISPOSITION, "inline"))
        .body(bytes))
}

#[utoipa::path(post, path = "/api/v1/tips/{id}/messages", tag = "moderation", security(("bearer" = [])), request_body = NewMessage,
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 201, description = "Sent; the tipster sees it on follow-up", body = TipMessage),
        (status = 400, description = "Empty or too long", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
        (status = 409, description = "The tip changed since it was loaded (`version`)", body = ApiErrorBody),
    ))]
pub async fn reply(
    auth: Moderator,
    path: web::Path<i64>,
    body: crate::json_body::Json<NewMessage>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let problems = body.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidMessage(problems));
    }
    let id = path.into_inner();
    let NewMessage {
        body: text,
        version,
    } = body.into_inner();
    let message = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| -> Result<_, ApiError> {
            triage::check_version(conn, ItemKind::Tip, id, version)?;
            let tip_ref = tips::ref_of(conn, id)?;
            let sealed = tips::seal_message(&sealer, &tip_ref, &text)?;
            let message = tips::add_message(conn, &tip_ref, sealed, Some(&auth.staff_id))?;
            triage::bump(conn, ItemKind::Tip, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "tip_replied",
                    format!("tip:{id}"),
                    json!({ "message": message.id }),
                ),
            )?;
            Ok(message)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(message))
}

#[utoipa::path(put, path = "/api/v1/tips/{id}/status", tag = "moderation", security(("bearer" = [])), request_body = StatusChange,
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 204, description = "Status and public message set"),
        (status = 400, description = "Public message too long", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
        (status = 409, description = "The tip changed since it was loaded (`version`)", body = ApiErrorBody),
    ))]
pub async fn set_status(
    auth: Moderator,
    path: web::Path<i64>,
    body: crate::json_body::Json<StatusChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let change = body.into_inner();
    if let Some(message) = &change.public_message {
        let problems = NewMessage {
            body: message.clone(),
            version: None,
        }
        .problems();
        if problems.iter().any(|p| p.problem == "too_long") {
            return Err(ApiError::InvalidMessage(problems));
        }
    }
    let id = path.into_inner();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| -> Result<_, ApiError> {
            triage::check_version(conn, ItemKind::Tip, id, change.version)?;
            let before = tips::set_status(
                conn,
                &sealer,
                id,
                change.status,
                change.public_message.as_deref(),
            )?;
            audit::append(
                conn,
                &seal,
                &auth.entry("tip_status_changed", format!("tip:{id}"),
                    json!({
                        "from": before.as_str(),
                        "to": change.status.as_str(),
                        "public_message": change.public_message.as_deref().is_some_and(|m| !m.trim().is_empty()),
                    }),
                ),
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/tips/{id}").route(web::get().to(detail)))
        .service(
            secured!("/tips/{id}/attachments/{attachment_id}").route(web::get().to(attachment)),
        )
        .service(secured!("/tips/{id}/messages").route(web::post().to(reply)))
        .service(secured!("/tips/{id}/status").route(web::put().to(set_status)));
}
