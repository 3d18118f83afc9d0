//! The editors' side of awareness articles: writing (settings, a translation per language),
//! previewing exactly as readers will see it, the checklist before publishing, scheduling,
//! revisions, campaigns and pictures. Every change is a revision of the article and an entry in
//! the audit trail, and clears the public answer cache of this instance.

use actix_web::{web, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    articles::{
        ArticlePreview, ArticleRevision, ArticleSettings, ArticleStatus, ArticleStatusChange,
        Campaign, Category, EditorArticle, EditorArticlePage, MediaUploaded, NewCampaign,
        PreviewRequest, TranslationInput,
    },
    Language,
};
use serde::Deserialize;
use serde_json::json;

use crate::{
    articles::{self, ArticleService, Author, EditorFilter},
    audit::{self, now_ms},
    auth::{Editor, StaffAuth},
    db::with_db,
    db::{self, DbConnection},
    error::ApiError,
    routes::uploads,
};

fn author(conn: &mut DbConnection, auth: &StaffAuth) -> Result<Author, ApiError> {
    Ok(Author {
        staff_id: Some(auth.staff_id.clone()),
        name: crate::cases::staff_name(conn, &auth.staff_id)?,
    })
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Only articles with this status.
    #[param(value_type = Option<sanad_shared::articles::ArticleStatus>)]
    pub status: Option<String>,
    /// Only articles of this category.
    #[param(value_type = Option<sanad_shared::articles::Category>)]
    pub category: Option<String>,
    /// From 1 (default 1) to 10,000; 50 articles a page.
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/editor/articles", tag = "editor", security(("bearer" = [])), params(ListQuery),
    responses(
        (status = 200, description = "Every article, most recently changed first, with its languages and the ones missing", body = EditorArticlePage),
        (status = 400, description = "Unknown status or category, or a page past 10,000", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
    ))]
pub async fn list(
    _auth: Editor,
    query: crate::query_params::Query<ListQuery>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        Some(t) => Some(
            ArticleStatus::parse(t)
                .ok_or_else(|| ApiError::InvalidRequest(format!("unknown status {t:?}")))?,
        ),
        None => None,
    };
    let category = match query.category.as_deref().filter(|s| !s.is_empty()) {
        Some(t) => Some(
            Category::parse(t)
                .ok_or_else(|| ApiError::InvalidRequest(format!("unknown category {t:?}")))?,
        ),
        None => None,
    };
    let page = query.page.unwrap_or(1);
    if !(1..=10_000).contains(&page) {
        return Err(ApiError::InvalidRequest(
            "page must be between 1 and 10000".into(),
        ));
    }
    let filter = EditorFilter {
        status,
        category,
        page,
    };
    let page = with_db(&pool, move |conn| {
        articles::editor_list(conn, &filter, now_ms())
    })
    .await?;
    Ok(HttpResponse::Ok().json(page))
}

#[utoipa::path(post, path = "/api/v1/editor/articles", tag = "editor", security(("bearer" = [])), request_body = ArticleSettings,
    responses(
        (status = 201, description = "A new draft, without text yet", body = EditorArticle),
        (status = 400, description = "Invalid slug or unknown campaign", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 409, description = "The slug is taken", body = ApiErrorBody),
    ))]
pub async fn create(
    auth: Editor,
    body: crate::json_body::Json<ArticleSettings>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let settings = body.into_inner();
    let article = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let author = author(conn, &auth)?;
            let id = articles::create_article(conn, &settings, &author)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "article_created",
                    format!("article:{id}"),
                    json!({ "slug": settings.slug }),
                ),
            )?;
            articles::editor_article(conn, id, now_ms())
        })
    })
    .await?;
    service.cache.invalidate();
    Ok(HttpResponse::Created().json(article))
}

#[utoipa::path(get, path = "/api/v1/editor/articles/{id}", tag = "editor", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The article's id")),
    responses(
        (status = 200, description = "The article with every translation in Markdown, the checklist before publishing (missing languages included) and its daily reads", body = EditorArticle),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
    ))]
pub async fn detail(
    _auth: Editor,
    path: web::Path<i64>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let article = with_db(&pool, move |conn| {
        articles::editor_article(conn, id, now_ms())
    })
    .await?;
    Ok(HttpResponse::Ok().json(article))
}

#[utoipa::path(put, path = "/api/v1/editor/articles/{id}", tag = "editor", security(("bearer" = [])), request_body = ArticleSettings,
    params(("id" = i64, Path, description = "The article's id")),
    responses(
        (status = 200, description = "Saved (a new revision when anything changed)", body = EditorArticle),
        (status = 400, description = "Invalid slug or unknown campaign", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 409, description = "The slug is taken, or someone saved a newer revision", body = ApiErrorBody),
    ))]
pub async fn update(
    auth: Editor,
    path: web::Path<i64>,
    body: crate::json_body::Json<ArticleSettings>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let settings = body.into_inner();
    let article = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let author = author(conn, &auth)?;
            let fields = articles::update_settings(conn, id, &settings, &author)?;
            if !fields.is_empty() {
                let article = articles::article_row(conn, id)?;
                audit::append(
                    conn,
                    &seal,
                    &auth.entry(
                        "article_updated",
                        format!("article:{id}"),
                        json!({ "revision": article.revision, "fields": fields }),
                    ),
                )?;
            }
            articles::editor_article(conn, id, now_ms())
        })
    })
    .await?;
    service.cache.invalidate();
    Ok(HttpResponse::Ok().json(article))
}

#[utoipa::path(put, path = "/api/v1/editor/articles/{id}/translations/{lang}", tag = "editor", security(("bearer" = [])), request_body = TranslationInput,
    params(("id" = i64, Path, description = "The article's id"), ("lang" = sanad_shared::Language, Path, description = "The translation's language")),
    responses(
        (status = 200, description = "Saved (a new revision when anything changed)", body = EditorArticle),
        (status = 400, description = "Missing or too long texts, an image without alt text or an unknown image or language", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 409, description = "Someone saved a newer revision", body = ApiErrorBody),
    ))]
pub async fn translation(
    auth: Editor,
    path: web::Path<(i64, String)>,
    body: crate::json_body::Json<TranslationInput>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (id, tag) = path.into_inner();
    let language = Language::parse(&tag).map_err(|_| ApiError::UnknownLanguage(tag))?;
    let input = body.into_inner();
    let article = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let author = author(conn, &auth)?;
            let fields = articles::save_translation(conn, id, language, &input, &author)?;
            if !fields.is_empty() {
                let article = articles::article_row(conn, id)?;
                audit::append(
                    conn,
                    &seal,
                    &auth.entry(
                        "article_translation_saved",
                        format!("article:{id}"),
                        json!({
                            "revision": article.revision,
                            "language": language.code(),
                            "fields": fields,
                        }),
                    ),
                )?;
            }
            articles::editor_article(conn, id, now_ms())
        })
    })
    .await?;
    service.cache.invalidate();
    Ok(HttpResponse::Ok().json(article))
}

/// Publishing needs a complete Arabic text; `publish_at_ms` in the future schedules it.
#[utoipa::path(post, path = "/api/v1/editor/articles/{id}/status", tag = "editor", security(("bearer" = [])), request_body = ArticleStatusChange,
    params(("id" = i64, Path, description = "The article's id")),
    responses(
        (status = 200, description = "Status set", body = EditorArticle),
        (status = 400, description = "Not ready to publish: `details` lists what blocks it", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 409, description = "Someone saved a newer revision", body = ApiErrorBody),
    ))]
pub async fn set_status(
    auth: Editor,
    path: web::Path<i64>,
    body: crate::json_body::Json<ArticleStatusChange>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let change = body.into_inner();
    let article = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let author = author(conn, &auth)?;
            let now = now_ms();
            if let Some((from, to)) = articles::set_status(conn, id, &change, &author, now)? {
                let article = articles::article_row(conn, id)?;
                audit::append(
                    conn,
                    &seal,
                    &auth.entry(
                        "article_status_changed",
                        format!("article:{id}"),
                        json!({
                            "revision": article.revision,
                            "from": from.as_str(),
                            "to": to.as_str(),
                            "publish_at_ms": article.publish_at_ms,
                        }),
                    ),
                )?;
            }
            articles::editor_article(conn, id, now)
        })
    })
    .await?;
    service.cache.invalidate();
    Ok(HttpResponse::Ok().json(article))
}

#[utoipa::path(get, path = "/api/v1/editor/articles/{id}/revisions", tag = "editor", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The article's id")),
    responses(
        (status = 200, description = "Every change, oldest first: who, when, which fields, and the values after it", body = [ArticleRevision]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
    ))]
pub async fn revisions(
    _auth: Editor,
    path: web::Path<i64>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let revisions = with_db(&pool, move |conn| articles::revisions(conn, id)).await?;
    Ok(HttpResponse::Ok().json(revisions))
}

/// Renders a translation with the very code the public API uses, so what the editor sees is
/// what readers will get (sanitised HTML, only our own pictures).
#[utoipa::path(post, path = "/api/v1/editor/preview", tag = "editor", security(("bearer" = [])), request_body = PreviewRequest,
    responses(
        (status = 200, description = "The translation as readers will see it", body = ArticlePreview),
        (status = 400, description = "Body longer than 100,000 characters", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
    ))]
pub async fn preview(
    _auth: Editor,
    body: crate::json_body::Json<PreviewRequest>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let request = body.into_inner();
    if request.body.chars().count() > sanad_shared::articles::MAX_BODY_CHARS {
        return Err(ApiError::InvalidArticle(vec![
            sanad_shared::tips::FieldProblem {
                field: "body".into(),
                index: None,
                problem: "too_long".into(),
            },
        ]));
    }
    let preview = with_db(&pool, move |conn| articles::preview(conn, &request)).await?;
    Ok(HttpResponse::Ok().json(preview))
}

#[utoipa::path(get, path = "/api/v1/editor/campaigns", tag = "editor", security(("bearer" = [])),
    responses(
        (status = 200, description = "Every campaign, latest period first", body = [Campaign]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
    ))]
pub async fn campaigns(_auth: Editor, pool: web::Data<db::Pool>) -> Result<HttpResponse, ApiError> {
    let campaigns = with_db(&pool, articles::campaigns).await?;
    Ok(HttpResponse::Ok().json(campaigns))
}

#[utoipa::path(post, path = "/api/v1/editor/campaigns", tag = "editor", security(("bearer" = [])), request_body = NewCampaign,
    responses(
        (status = 201, description = "Created", body = Campaign),
        (status = 400, description = "Invalid slug, titles or period", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 409, description = "The slug is taken", body = ApiErrorBody),
    ))]
pub async fn create_campaign(
    auth: Editor,
    body: crate::json_body::Json<NewCampaign>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let new = body.into_inner();
    let campaign = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let campaign = articles::insert_campaign(conn, &new, None)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "campaign_created",
                    format!("campaign:{}", campaign.id),
                    json!({ "slug": campaign.slug }),
                ),
            )?;
            Ok(campaign)
        })
    })
    .await?;
    service.cache.invalidate();
    Ok(HttpResponse::Created().json(campaign))
}

/// A picture for articles: multipart with one `image` part (JPEG, PNG or WebP, up to 10 MB).
/// Metadata is removed as for tips; the same picture uploaded twice is stored once.
/// The multipart body of `POST /api/v1/editor/media`; only the OpenAPI document names it.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct MediaUpload {
    /// One JPEG, PNG or WebP picture.
    #[schema(value_type = String, format = Binary)]
    image: Vec<u8>,
}

#[utoipa::path(post, path = "/api/v1/editor/media", tag = "editor", security(("bearer" = [])),
    request_body(content = MediaUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored; use `src` as a translation's image or in Markdown", body = MediaUploaded),
        (status = 400, description = "No picture, or a damaged one", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an editor", body = ApiErrorBody),
        (status = 413, description = "Larger than 10 MB or 40 megapixels", body = ApiErrorBody),
        (status = 503, description = "Too many pictures being checked at once; see Retry-After", body = ApiErrorBody),
        (status = 415, description = "Not multipart, or not JPEG, PNG or WebP", body = ApiErrorBody),
    ))]
pub async fn upload(
    auth: Editor,
    req: HttpRequest,
    payload: web::Payload,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    if !uploads::is_multipart(&req) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let upload = uploads::read_parts(&req, payload, "", "image", 1).await?;
    let image = uploads::sanitize(upload.images)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::InvalidRequest("send one `image` part".into()))?;
    let uploaded = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let uploaded = articles::store_media(conn, &image, Some(&auth.staff_id))?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "media_uploaded",
                    format!("media:{}", uploaded.id),
                    json!({ "bytes": image.bytes.len() }),
                ),
            )?;
            Ok(uploaded)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(uploaded))
}

/// This module's routes under `/api/v1`.
/// An article's text may hold 100,000 characters (`MAX_BODY_CHARS`), up to four bytes each and
/// six once JSON escapes a control character: more than the API's general body limit.
pub const ARTICLE_JSON_LIMIT: usize = 1024 * 1024;

fn article_text_limit() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(ARTICLE_JSON_LIMIT)
        .error_handler(crate::error::json_error)
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        secured!("/editor/articles")
            .route(web::get().to(list))
            .route(web::post().to(create)),
    )
    .service(
        secured!("/editor/articles/{id}")
            .route(web::get().to(detail))
            .route(web::put().to(update)),
    )
    .service(
        secured!("/editor/articles/{id}/translations/{lang}")
            .app_data(article_text_limit())
            .route(web::put().to(translation)),
    )
    .service(secured!("/editor/articles/{id}/status").route(web::post().to(set_status)))
    .service(secured!("/editor/articles/{id}/revisions").route(web::get().to(revisions)))
    .service(
        secured!("/editor/preview")
            .app_data(article_text_limit())
            .route(web::post().to(preview)),
    )
    .service(
        secured!("/editor/campaigns")
            .route(web::get().to(campaigns))
            .route(web::post().to(create_campaign)),
    )
    .service(secured!("/editor/media").route(web::post().to(upload)));
}
