//! The public site, rendered on the server (the `site` crate's components): `/{lang}/` home,
//! `/{lang}/learn` and its articles, each language's Atom feed and the sitemap. Every page is
//! whole HTML in the reader's language, readable without a script, the same for everyone (so
//! `Cache-Control: public`), without a cookie. Addresses without a language (`/`, the old
//! `/learn/…`, `/report`) redirect to the reader's, from `?lang=` or `Accept-Language`.

use std::sync::Arc;

use actix_web::{
    guard,
    http::{header, StatusCode},
    web, HttpRequest, HttpResponse, Route,
};
use sanad_shared::{
    articles::{is_valid_slug, ArticleSummary, Category},
    Language,
};
use sanad_site::{
    document::{self, ArticleHead, Head, LanguageLink},
    pages, paths, Messages as _,
};

use crate::{
    articles::{
        self,
        cache::{Key, Rendered, TTL_MS},
        ArticleService, PublicFilter,
    },
    audit::now_ms,
    config::Site,
    db::{self, with_db, DbConnection},
    error::ApiError,
    frontend::{self, not_modified, Frontend},
    locales::Locales,
    public_pages::{SiteFiles, Words},
    routes::articles::{is_prefetch, PUBLIC_CACHE},
};

/// How many articles a language's feed holds.
const FEED_ENTRIES: usize = 20;

/// What every page handler reads.
pub(crate) struct Env<'a> {
    pub req: &'a HttpRequest,
    pub locales: &'a Locales,
    pub files: &'a SiteFiles,
    pub site: &'a Site,
    pub language: Language,
}

impl<'a> Env<'a> {
    pub fn new(
        req: &'a HttpRequest,
        locales: &'a Locales,
        files: &'a SiteFiles,
        site: &'a Site,
    ) -> Env<'a> {
        Env {
            req,
            locales,
            files,
            site,
            language: language_of(req),
        }
    }
}

impl Env<'_> {
    pub fn words(&self) -> Words<'_> {
        Words {
            locales: self.locales,
            language: self.language,
        }
    }

    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.site.public_url)
    }

    /// The switcher's links: this page in every language, each named in its own.
    pub fn languages(&self, path_in: impl Fn(Language) -> String) -> Vec<LanguageLink> {
        Language::ALL
            .into_iter()
            .map(|language| LanguageLink {
                language,
                name: self
                    .locales
                    .message_for(language, "language-native-name")
                    .unwrap_or_else(|| language.code().to_owned()),
                href: path_in(language),
            })
            .collect()
    }

    pub fn head(&self, title: Option<String>, description: String, path: &str) -> Head {
        Head {
            title,
            description,
            canonical: self.absolute(path),
            alternates: Vec::new(),
            article: None,
            image: self.absolute(&format!("/assets/{}", self.files.card.name)),
            feed: Some(paths::feed(self.language)),
            no_index: false,
        }
    }

    fn every_language(&self, path_in: impl Fn(Language) -> String) -> Vec<(Language, String)> {
        Language::ALL
            .into_iter()
            .map(|l| (l, self.absolute(&path_in(l))))
            .collect()
    }

    pub fn render(
        &self,
        head: Head,
        path_in: impl Fn(Language) -> String,
        main: impl FnOnce(&Words<'_>) -> leptos::prelude::AnyView,
    ) -> Vec<u8> {
        self.render_page(head, self.languages(path_in), main, false)
    }

    /// The page with the language links given (none: no switcher); `with_islands` for a page
    /// that holds islands, which then loads their scripts.
    pub fn render_page(
        &self,
        head: Head,
        languages: Vec<LanguageLink>,
        main: impl FnOnce(&Words<'_>) -> leptos::prelude::AnyView,
        with_islands: bool,
    ) -> Vec<u8> {
        let words = self.words();
        let assets = self.files.assets();
        let islands = with_islands
            .then(|| self.req.app_data::<web::Data<Frontend>>())
            .flatten()
            .and_then(|frontend| frontend.island_scripts());
        sanad_site::render_owner()
            .with(|| document::render(&words, &assets, head, languages, main(&words), islands))
            .into_bytes()
    }

    /// A rendered page as the answer, with a 304 when the reader holds it already.
    pub fn respond(&self, rendered: &Rendered, status: StatusCode) -> HttpResponse {
        let fresh = status == StatusCode::OK && not_modified(self.req, &rendered.etag);
        let mut response = if fresh {
            HttpResponse::NotModified()
        } else {
            HttpResponse::build(status)
        };
        response
            .insert_header((
                header::CACHE_CONTROL,
                if status == StatusCode::OK {
                    PUBLIC_CACHE
                } else {
                    "no-cache"
                },
            ))
            .insert_header((header::ETAG, rendered.etag.clone()))
            .insert_header((header::CONTENT_LANGUAGE, self.language.code()));
        if let Some(onion) = &self.site.onion_url {
            response.insert_header(("Onion-Location", onion_location(onion, self.req)));
        }
        if fresh {
            response.finish()
        } else {
            response
                .content_type("text/html; charset=utf-8")
                .body(rendered.body.clone())
        }
    }

    pub fn not_found(&self) -> HttpResponse {
        let words = self.words();
        let mut head = self.head(
            Some(words.get("not-found-title")),
            words.get("not-found-text"),
            &paths::home(self.language),
        );
        head.no_index = true;
        head.feed = None;
        let body = self.render(head, paths::home, |w| pages::not_found(w));
        self.respond(
            &Rendered::new(body, self.language, None),
            StatusCode::NOT_FOUND,
        )
    }
}

/// The same page on the onion service.
pub(crate) fn onion_location(onion: &str, req: &HttpRequest) -> String {
    let path_and_query = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    format!("{onion}{path_and_query}")
}

/// GET and HEAD: link previewers often ask with HEAD first.
pub(crate) fn read() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// The page's language from its address (`/ckb/…`); routes are registered per language, so
/// it is always there.
fn language_of(req: &HttpRequest) -> Language {
    paths::split_language(req.path())
        .map(|(language, _)| language)
        .unwrap_or(Language::DEFAULT)
}

/// A query value, if the query names it once.
fn query_value<'q>(req: &'q HttpRequest, name: &str) -> Option<&'q str> {
    req.query_string()
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// `/`, and the addresses from before the language was in them: to the same page in the
/// reader's language (`?lang=` first, then `Accept-Language`, Arabic otherwise).
async fn choose_language(req: HttpRequest) -> HttpResponse {
    let language = query_value(&req, "lang")
        .and_then(|tag| Language::parse(tag).ok())
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Language::negotiate)
        })
        .unwrap_or(Language::DEFAULT);
    let rest: Vec<&str> = req
        .query_string()
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    let path = req.path().trim_start_matches('/');
    let mut target = format!("/{}/{path}", language.code());
    if !rest.is_empty() {
        target.push('?');
        target.push_str(&rest.join("&"));
    }
    HttpResponse::Found()
        .insert_header((header::LOCATION, target))
        .insert_header((header::VARY, "Accept-Language"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .finish()
}

/// `/ckb` → `/ckb/`.
async fn add_slash(req: HttpRequest) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, paths::home(language_of(&req))))
        .finish()
}

/// How long a public answer built at `now` may be kept: the cache's time, and no later than the
/// next scheduled publication.
fn keep_until(now: i64, next_publication: Option<i64>) -> i64 {
    next_publication.map_or(now + TTL_MS, |t| t.min(now + TTL_MS))
}

/// A feed or the sitemap from the cache, or written now from the database and kept.
async fn cached<F>(
    service: &ArticleService,
    pool: &web::Data<db::Pool>,
    key: Key,
    write: F,
) -> Result<Arc<Rendered>, ApiError>
where
    F: FnOnce(&mut DbConnection, i64) -> Result<Rendered, ApiError> + Send + 'static,
{
    let now = now_ms();
    if let Some(rendered) = service.cache.get(&key, now) {
        return Ok(rendered);
    }
    let generation = service.cache.generation();
    let (rendered, next) = with_db(pool, move |conn| {
        let next = articles::next_publication(conn, now)?;
        Ok((write(conn, now)?, next))
    })
    .await?;
    let rendered = Arc::new(rendered);
    service
        .cache
        .put(key, rendered.clone(), generation, keep_until(now, next));
    Ok(rendered)
}

/// A feed or the sitemap as the answer: public, revalidated by its ETag.
fn xml_answer(rendered: &Rendered, content_type: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, PUBLIC_CACHE))
        .insert_header((header::ETAG, rendered.etag.clone()))
        .content_type(content_type)
        .body(rendered.body.clone())
}

async fn home(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    let language = env.language;
    let words = env.words();
    let mut head = env.head(None, words.get("home-intro"), &paths::home(language));
    head.alternates = env.every_language(paths::home);
    let body = env.render(head, paths::home, |w| pages::home(w));
    env.respond(&Rendered::new(body, language, None), StatusCode::OK)
}

async fn learn(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let env = Env::new(&req, &locales, &files, &site);
    let language = env.language;
    let category = match query_value(&req, "category").filter(|c| !c.is_empty()) {
        None => None,
        Some(text) => match Category::parse(text) {
            Some(category) => Some(category),
            None => return Ok(env.not_found()),
        },
    };
    let page = match query_value(&req, "page") {
        None => 1,
        Some(text) => match text.parse::<u32>() {
            Ok(page) if (1..=10_000).contains(&page) => page,
            _ => return Ok(env.not_found()),
        },
    };
    let path = paths::learn(language, category, page);
    // The page is kept as rendered, so a crowd of readers costs neither the database nor the
    // renderer; a page past the last is "not found" and never kept.
    let key = Key::Page(path.clone());
    let now = now_ms();
    if let Some(rendered) = service.cache.get(&key, now) {
        return Ok(env.respond(&rendered, StatusCode::OK));
    }
    let generation = service.cache.generation();
    let filter = PublicFilter {
        category,
        campaign: None,
        page,
    };
    let (list, next) = with_db(&pool, move |conn| {
        Ok((
            articles::public_list(conn, language, &filter, now)?,
            articles::next_publication(conn, now)?,
        ))
    })
    .await?;
    if page > list.pages.max(1) {
        return Ok(env.not_found());
    }
    let words = env.words();
    let mut title = words.get("nav-learn");
    if let Some(category) = category {
        title = format!(
            "{} · {title}",
            words.get(&format!("learn-category-{}", category.as_str()))
        );
    }
    let mut head = env.head(Some(title), words.get("learn-intro"), &path);
    head.alternates = env.every_language(|l| paths::learn(l, category, page));
    let body = env.render(
        head,
        |l| paths::learn(l, category, page),
        |w| pages::learn(w, &list, category),
    );
    let rendered = Arc::new(Rendered::new(body, language, None));
    service
        .cache
        .put(key, rendered.clone(), generation, keep_until(now, next));
    Ok(env.respond(&rendered, StatusCode::OK))
}

async fn article(
    req: HttpRequest,
    slug: web::Path<String>,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let env = Env::new(&req, &locales, &files, &site);
    let language = env.language;
    let slug = slug.into_inner();
    if !is_valid_slug(&slug) {
        return Ok(env.not_found());
    }
    let now = now_ms();
    let key = Key::Page(paths::article(language, &slug));
    let rendered = match service.cache.get(&key, now) {
        Some(rendered) => rendered,
        None => {
            let generation = service.cache.generation();
            let wanted = slug.clone();
            let found = with_db(&pool, move |conn| {
                articles::public_article(conn, &wanted, language, now)
            })
            .await?;
            let Some((article, id)) = found else {
                return Ok(env.not_found());
            };
            // A page shown in Arabic for want of a translation points search engines at the
            // Arabic page; the languages it exists in are its alternates.
            let canonical_language = if article.fallback {
                article.language
            } else {
                language
            };
            let mut head = env.head(
                Some(article.title.clone()),
                article.summary.clone(),
                &paths::article(canonical_language, &slug),
            );
            head.alternates = article
                .available_languages
                .iter()
                .map(|l| (*l, env.absolute(&paths::article(*l, &slug))))
                .collect();
            head.article = Some(ArticleHead {
                published_on: article.published_on.clone(),
                language: Some(article.language),
            });
            if let Some(image) = &article.image {
                head.image = env.absolute(&image.src);
            }
            let address = env.absolute(&paths::article(language, &slug));
            let body = env.render(
                head,
                |l| paths::article(l, &slug),
                |w| pages::article(w, &article, &address),
            );
            let rendered = Arc::new(Rendered::new(body, language, Some((id, article.language))));
            service
                .cache
                .put(key, rendered.clone(), generation, now + TTL_MS);
            rendered
        }
    };
    if let Some((id, shown)) = rendered.read {
        if !is_prefetch(&req) && req.method() == actix_web::http::Method::GET {
            service.reads.count(id, shown);
        }
    }
    Ok(env.respond(&rendered, StatusCode::OK))
}

async fn not_found(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
) -> HttpResponse {
    Env::new(&req, &locales, &files, &site).not_found()
}

/// Every visible article, in Arabic or its first language, with the languages it exists in.
fn every_article(conn: &mut DbConnection, now: i64) -> Result<Vec<ArticleSummary>, ApiError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let filter = PublicFilter {
            category: None,
            campaign: None,
            page,
        };
        let list = articles::public_list(conn, Language::DEFAULT, &filter, now)?;
        all.extend(list.articles);
        if page >= list.pages {
            return Ok(all);
        }
        page += 1;
    }
}

/// `/sitemap.xml`: every language's home and article list, and every published article in every
/// language it exists in, each with its alternates.
async fn sitemap(
    site: web::Data<Site>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let base = site.public_url.clone();
    let rendered = cached(
        &service,
        &pool,
        Key::Page("/sitemap.xml".to_owned()),
        move |conn, now| {
            let all = every_article(conn, now)?;
            Ok(Rendered::new(
                sitemap_xml(&base, &all).into_bytes(),
                Language::DEFAULT,
                None,
            ))
        },
    )
    .await?;
    Ok(xml_answer(&rendered, "application/xml; charset=utf-8"))
}

fn xml_text(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

fn sitemap_xml(base: &str, all: &[ArticleSummary]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entry =
        |path_in: &dyn Fn(Language) -> String, languages: &[Language], last: Option<&str>| {
            for language in languages {
                xml.push_str(&format!(
                    "<url><loc>{}</loc>",
                    xml_text(&format!("{base}{}", path_in(*language)))
                ));
                if let Some(day) = last {
                    xml.push_str(&format!("<lastmod>{}</lastmod>", xml_text(day)));
                }
                for other in languages {
                    xml.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        other.code(),
                        xml_text(&format!("{base}{}", path_in(*other)))
                    ));
                }
                xml.push_str("</url>\n");
            }
        };
    entry(&paths::home, &Language::ALL, None);
    entry(&|l| paths::learn(l, None, 1), &Language::ALL, None);
    for article in all {
        let slug = article.slug.clone();
        entry(
            &move |l| paths::article(l, &slug),
            &article.available_languages,
            Some(&article.published_on),
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `/{lang}/feed.xml`: the newest articles written in this language, as Atom, so campaign
/// channels can follow them.
async fn feed(
    req: HttpRequest,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
    service: web::Data<ArticleService>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let language = language_of(&req);
    let base = site.public_url.clone();
    let title = locales
        .message_for(language, "app-name")
        .unwrap_or_default();
    let subtitle = locales
        .message_for(language, "learn-intro")
        .unwrap_or_default();
    let rendered = cached(
        &service,
        &pool,
        Key::Page(paths::feed(language)),
        move |conn, now| {
            let mut entries = Vec::new();
            for summary in every_article(conn, now)? {
                if !summary.available_languages.contains(&language) {
                    continue;
                }
                if let Some((article, _)) =
                    articles::public_article(conn, &summary.slug, language, now)?
                {
                    entries.push(article);
                }
            }
            entries.sort_by(|a, b| b.published_on.cmp(&a.published_on));
            entries.truncate(FEED_ENTRIES);
            let updated = entries
                .first()
                .map_or("1970-01-01".to_owned(), |a| a.published_on.clone());
            let mut xml = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n<id>{id}</id>\n<title>{title}</title>\n<subtitle>{subtitle}</subtitle>\n<updated>{updated}T00:00:00Z</updated>\n<link rel=\"self\" href=\"{id}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n",
                code = language.code(),
                id = xml_text(&format!("{base}{}", paths::feed(language))),
                title = xml_text(&title),
                subtitle = xml_text(&subtitle),
                home = xml_text(&format!("{base}{}", paths::learn(language, None, 1))),
            );
            for article in &entries {
                let address = xml_text(&format!("{base}{}", paths::article(language, &article.slug)));
                xml.push_str(&format!(
                    "<entry><id>{address}</id><title>{}</title><updated>{day}T00:00:00Z</updated><published>{day}T00:00:00Z</published><link rel=\"alternate\" type=\"text/html\" href=\"{address}\"/><author><name>{}</name></author><summary>{}</summary><content type=\"html\">{}</content></entry>\n",
                    xml_text(&article.title),
                    xml_text(&title),
                    xml_text(&article.summary),
                    xml_text(&article.body_html),
                    day = xml_text(&article.published_on),
                ));
            }
            xml.push_str("</feed>\n");
            Ok(Rendered::new(xml.into_bytes(), language, None))
        },
    )
    .await?;
    Ok(xml_answer(&rendered, "application/atom+xml; charset=utf-8"))
}

/// The files the pages link, under their content-hashed names (kept for a year), or the web
/// app's own files.
async fn asset(
    req: HttpRequest,
    files: web::Data<SiteFiles>,
    frontend: web::Data<Frontend>,
) -> Result<HttpResponse, ApiError> {
    let name = req.match_info().get("name").unwrap_or_default();
    match files.asset(name) {
        Some(file) => Ok(frontend::send_file(
            &req,
            file,
            "public, max-age=31536000, immutable",
        )),
        None => frontend::serve(req, frontend).await,
    }
}

/// The service worker: its address must stay the same, so it is revalidated on every start.
async fn service_worker(req: HttpRequest, files: web::Data<SiteFiles>) -> HttpResponse {
    frontend::send_file(&req, &files.service_worker, "no-cache")
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/").route(read().to(choose_language)))
        .service(web::resource("/sitemap.xml").route(read().to(sitemap)))
        .service(web::resource("/sw.js").route(read().to(service_worker)))
        .service(web::resource("/assets/{name}").route(read().to(asset)));
    for old in [
        "/learn",
        "/learn/{slug}",
        "/report",
        "/missing",
        "/follow-up",
    ] {
        cfg.service(web::resource(old).route(read().to(choose_language)));
    }
    for language in Language::ALL {
        cfg.service(
            web::scope(&format!("/{}", language.code()))
                .service(web::resource("").route(read().to(add_slash)))
                .service(web::resource("/").route(read().to(home)))
                .service(web::resource("/learn").route(read().to(learn)))
                .service(web::resource("/learn/{slug}").route(read().to(article)))
                .service(web::resource("/feed.xml").route(read().to(feed)))
                .service(
                    web::resource("/report")
                        .route(read().to(super::public_forms::report_page))
                        .route(web::post().to(super::public_forms::report_post)),
                )
                .service(
                    web::resource("/follow-up")
                        .route(read().to(super::public_forms::follow_up_entry))
                        .route(web::post().to(super::public_forms::follow_up_post)),
                )
                .service(
                    web::resource("/missing")
                        .route(read().to(super::public_forms::missing_page))
                        .route(web::post().to(super::public_forms::missing_post)),
                )
                .default_service(web::to(not_found)),
        );
    }
}
