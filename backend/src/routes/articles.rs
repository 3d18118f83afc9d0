//! What readers get: the article list and the articles, in their language (or in Arabic, said
//! so), and the pictures editors uploaded. Public and the same for everyone, so these answers may
//! be kept by browsers and a CDN: `Cache-Control: public`, a strong `ETag` for 304s, no cookie,
//! nothing about the reader. A read is counted per article, language and day, nothing more.

use std::sync::Arc;

use actix_web::{http::header, web, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    articles::{is_valid_slug, Article, ArticlePage, Category},
    Language,
};
use serde::Deserialize;

use crate::{
    articles::{
        self,
        cache::{Key, Rendered, TTL_MS},
        ArticleService, PublicFilter,
    },
    audit::now_ms,
    db,
    db::with_db,
    error::ApiError,
    frontend::not_modified,
};

/// Short enough that an editor's correction reaches readers within a minute, long enough that a
/// CDN absorbs a crowd; `stale-while-revalidate` lets it answer at once while it checks.
pub const PUBLIC_CACHE: &str = "public, max-age=60, stale-while-revalidate=600";
/// Media URLs carry their content hash: they never change.
pub const MEDIA_CACHE: &str = "public, max-age=31536000, immutable";

/// The language asked for with `lang`, else the best of `Accept-Language` (the flag says the
/// header decided, so caches must vary on it).
fn reader_language(req: &HttpRequest, lang: Option<&str>) -> Result<(Language, bool), ApiError> {
    match lang.map(str::trim).filter(|l| !l.is_empty()) {
        Some(tag) => Language::parse(tag)
            .map(|l| (l, false))
            .map_err(|_| ApiError::UnknownLanguage(tag.to_owned())),
        None => Ok((
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Language::negotiate)
                .unwrap_or(Language::DEFAULT),
            true,
        )),
    }
}

fn respond(req: &HttpRequest, rendered: &Rendered, negotiated: bool) -> HttpResponse {
    let fresh = not_modified(req, &rendered.etag);
    let mut response = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::CACHE_CONTROL, PUBLIC_CACHE))
        .insert_header((header::ETAG, rendered.etag.clone()))
        .insert_header((header::CONTENT_LANGUAGE, rendered.language.code()));
    if negotiated {
        response.insert_header((header::VARY, "Accept-Language"));
    }
    if fresh {
        response.finish()
    } else {
        response
            .content_type("application/json")
            .body(rendered.body.clone())
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError::Internal(anyhow::anyhow!(e)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Without it, the best of `Accept-Language` (Arabic by default).
    #[param(value_type = Option<sanad_shared::Language>)]
    pub lang: Option<String>,
    #[param(value_type = Option<sanad_shared::articles::Category>)]
    pub category: Option<String>,
    /// A campaign's slug.
    #[param(max_length = 100, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub campaign: Option<String>,
    /// From 1 (default 1) to 10,000; 12 articles a page.
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/articles", tag = "articles", params(ListQuery),
    responses(
        (status = 200, description = "Published articles, featured first, then newest first; each in the language asked for or, when it lacks that language, in Arabic with `fallback: true`", body = ArticlePage,
            headers(("ETag" = String, description = "Changes whenever the answer does"), ("Cache-Control" = String, description = "Public: the same for every reader"))),
        (status = 304, description = "Unchanged since the copy the client holds (`If-None-Match`)"),
        (status = 400, description = "Unknown language, category or page", body = ApiErrorBody),
    ))]
pub async fn list(
    req: HttpRequest,
    query: crate::query_params::Query<ListQuery>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let (language, negotiated) = reader_language(&req, query.lang.as_deref())?;
    let category = match query.category.as_deref().filter(|c| !c.is_empty()) {
        Some(text) => Some(
            Category::parse(text)
                .ok_or_else(|| ApiError::InvalidRequest(format!("unknown category {text:?}")))?,
        ),
        None => None,
    };
    let campaign = match query.campaign.filter(|c| !c.is_empty()) {
        Some(slug) if is_valid_slug(&slug) => Some(slug),
        Some(slug) => {
            return Err(ApiError::InvalidRequest(format!(
                "{slug:?} is not a campaign slug"
            )))
        }
        None => None,
    };
    let page = query.page.unwrap_or(1);
    if !(1..=10_000).contains(&page) {
        return Err(ApiError::InvalidRequest(
            "page must be between 1 and 10000".into(),
        ));
    }
    let filter = PublicFilter {
        category,
        campaign,
        page,
    };
    let key = Key::List {
        language,
        category: filter.category,
        campaign: filter.campaign.clone(),
        page,
    };
    let now = now_ms();
    let rendered = match service.cache.get(&key, now) {
        Some(rendered) => rendered,
        None => {
            let generation = service.cache.generation();
            let (page, next) = with_db(&pool, move |conn| {
                Ok((
                    articles::public_list(conn, language, &filter, now)?,
                    articles::next_publication(conn, now)?,
                ))
            })
            .await?;
            let rendered = Arc::new(Rendered::new(to_json(&page)?, language, None));
            let expires = next.map_or(now + TTL_MS, |t| t.min(now + TTL_MS));
            service
                .cache
                .put(key, rendered.clone(), generation, expires);
            rendered
        }
    };
    Ok(respond(&req, &rendered, negotiated))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ArticleQuery {
    /// Without it, the best of `Accept-Language` (Arabic by default).
    #[param(value_type = Option<sanad_shared::Language>)]
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/articles/{slug}", tag = "articles",
    params(("slug" = String, Path, description = "The article's slug"), ArticleQuery),
    responses(
        (status = 200, description = "The article, its body rendered to sanitised HTML; in Arabic with `fallback: true` when it lacks the language asked for", body = Article,
            headers(("ETag" = String, description = "Changes whenever the article does"), ("Cache-Control" = String, description = "Public: the same for every reader"))),
        (status = 304, description = "Unchanged since the copy the client holds (`If-None-Match`)"),
        (status = 400, description = "Unknown language", body = ApiErrorBody),
        (status = 404, description = "No published article with this slug", body = ApiErrorBody),
    ))]
pub async fn detail(
    req: HttpRequest,
    path: web::Path<String>,
    query: crate::query_params::Query<ArticleQuery>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let (language, negotiated) = reader_language(&req, query.lang.as_deref())?;
    let slug = path.into_inner();
    if !is_valid_slug(&slug) {
        return Err(ApiError::NotFound);
    }
    let key = Key::Article {
        slug: slug.clone(),
        language,
    };
    let now = now_ms();
    let rendered = match service.cache.get(&key, now) {
        Some(rendered) => rendered,
        None => {
            let generation = service.cache.generation();
            let found = with_db(&pool, move |conn| {
                articles::public_article(conn, &slug, language, now)
            })
            .await?;
            let (article, id) = found.ok_or(ApiError::NotFound)?;
            let shown = article.language;
            let rendered = Arc::new(Rendered::new(to_json(&article)?, shown, Some((id, shown))));
            service
                .cache
                .put(key, rendered.clone(), generation, now + TTL_MS);
            rendered
        }
    };
    if let Some((id, shown)) = rendered.read {
        if !is_prefetch(&req) {
            service.reads.count(id, shown);
        }
    }
    Ok(respond(&req, &rendered, negotiated))
}

/// A copy fetched ahead for offline reading (the service worker keeps the latest campaign) is
/// not a read: `Sec-Purpose: prefetch`, as browsers send it, or `Purpose: prefetch`, which a
/// script may set.
pub(crate) fn is_prefetch(req: &HttpRequest) -> bool {
    ["sec-purpose", "purpose"].into_iter().any(|name| {
        req.headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.contains("prefetch"))
    })
}

#[utoipa::path(get, path = "/media/{name}", tag = "articles",
    params(("name" = String, Path, description = "`<content hash>.<jpg|png|webp>` as given by the article's image `src`")),
    responses(
        (status = 200, description = "The picture, metadata removed; cached for a year", content_type = "image/*"),
        (status = 304, description = "Unchanged (it never changes)"),
        (status = 404, description = "No such picture", body = ApiErrorBody),
    ))]
pub async fn media(
    req: HttpRequest,
    path: web::Path<String>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let name = path.into_inner();
    if !articles::is_media_id(&name) {
        return Err(ApiError::NotFound);
    }
    // The name is the content's hash, so it is its own ETag: a revalidation needs no query.
    let etag = format!("\"{}\"", name.split('.').next().unwrap_or_default());
    if not_modified(&req, &etag) {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::CACHE_CONTROL, MEDIA_CACHE))
            .insert_header((header::ETAG, etag))
            .finish());
    }
    let (mime, bytes) = with_db(&pool, move |conn| articles::media_file(conn, &name))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime))
        .insert_header((header::CACHE_CONTROL, MEDIA_CACHE))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CONTENT_DISPOSITION, "inline"))
        .body(bytes))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/articles").route(web::get().to(list)))
        .service(web::resource("/articles/{slug}").route(web::get().to(detail)));
}
