//! The editors' review of the interface's translations (see `crate::translations`).

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    translations::{ReviewRequest, TranslationList},
    Language,
};
use serde::{Deserialize, Serialize};

use crate::{auth::Editor, db, db::with_db, error::ApiError, translations};

fn reviewable(code: &str) -> Result<Language, ApiError> {
    Language::parse(code)
        .ok()
        .filter(|l| translations::reviewable(*l))
        .ok_or_else(|| {
            ApiError::InvalidRequest(format!(
                "{code:?} is not a language whose texts are reviewed (ar, ckb, kmr)"
            ))
        })
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    #[param(value_type = ReviewedLanguage)]
    pub language: String,
}

/// The languages whose interface texts a native speaker reviews (English is their source); only
/// the OpenAPI document names this list, which `reviewable` enforces.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum ReviewedLanguage {
    Ar,
    Ckb,
    Kmr,
}

#[utoipa::path(get, path = "/api/v1/editor/translations", tag = "editor", security(("bearer" = [])), params(ListQuery),
    responses(
        (status = 200, description = "Every message of the language with its English source and its review; those needing native-speaker review first", body = TranslationList),
        (status = 400, description = "Not a language whose texts are reviewed", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
    ))]
pub async fn list(
    _auth: Editor,
    query: crate::query_params::Query<ListQuery>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let language = reviewable(&query.language)?;
    let list = with_db(&pool, move |conn| translations::list(conn, language)).await?;
    Ok(HttpResponse::Ok().json(list))
}

#[utoipa::path(put, path = "/api/v1/editor/translations/{lang}/{id}/review", tag = "editor", security(("bearer" = [])), request_body = ReviewRequest,
    params(("lang" = ReviewedLanguage, Path, description = "A language whose texts are reviewed"), ("id" = String, Path, description = "The message id")),
    responses(
        (status = 204, description = "The text as read is marked reviewed"),
        (status = 400, description = "Not a language whose texts are reviewed", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such message", body = ApiErrorBody),
        (status = 409, description = "The text changed since it was read (stale_view)", body = ApiErrorBody),
    ))]
pub async fn review(
    auth: Editor,
    path: web::Path<(String, String)>,
    body: crate::json_body::Json<ReviewRequest>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (language, id) = path.into_inner();
    let language = reviewable(&language)?;
    let read_hash = body.into_inner().text_hash;
    let staff_id = auth.0.staff_id.clone();
    with_db(&pool, move |conn| {
        translations::mark_reviewed(conn, &seal, &staff_id, language, &id, &read_hash)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(delete, path = "/api/v1/editor/translations/{lang}/{id}/review", tag = "editor", security(("bearer" = [])),
    params(("lang" = ReviewedLanguage, Path, description = "A language whose texts are reviewed"), ("id" = String, Path, description = "The message id")),
    responses(
        (status = 204, description = "The text needs review again"),
        (status = 400, description = "Not a language whose texts are reviewed", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such message", body = ApiErrorBody),
    ))]
pub async fn unreview(
    auth: Editor,
    path: web::Path<(String, String)>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (language, id) = path.into_inner();
    let language = reviewable(&language)?;
    let staff_id = auth.0.staff_id.clone();
    with_db(&pool, move |conn| {
        translations::mark_needing_review(conn, &seal, &staff_id, language, &id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/editor/translations").route(web::get().to(list)))
        .service(
            secured!("/editor/translations/{lang}/{id}/review")
                .route(web::put().to(review))
                .route(web::delete().to(unreview)),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_names_exactly_the_reviewed_languages() {
        let documented: Vec<String> = [
            ReviewedLanguage::Ar,
            ReviewedLanguage::Ckb,
            ReviewedLanguage::Kmr,
        ]
        .iter()
        .filter_map(|l| serde_json::to_value(l).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
        let reviewed: Vec<String> = Language::ALL
            .into_iter()
            .filter(|l| translations::reviewable(*l))
            .map(|l| l.code().to_owned())
            .collect();
        assert_eq!(documented, reviewed);
    }
}
