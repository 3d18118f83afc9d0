//! Awareness articles: storage, what readers get (in their language, or in Arabic with the
//! fallback said out loud), the editors' changes with a revision for each, pictures, campaigns.
//!
//! `seed` loads the articles shipped in `content/`, `reads` counts reads per article, language
//! and day without anything about the reader, and `cache` keeps rendered public answers for a
//! few seconds so that readers (and the CDN in front of them) mostly never reach the database.

pub mod cache;
pub mod reads;
pub mod seed;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use diesel::{prelude::*, result::DatabaseErrorKind};
use sanad_shared::{
    articles::{
        Article, ArticleImage, ArticlePage, ArticlePreview, ArticleRevision, ArticleSettings,
        ArticleStatus, ArticleStatusChange, ArticleSummary, Campaign, CampaignRef, CampaignTag,
        Category, ChecklistItem, DailyReads, EditorArticle, EditorArticlePage,
        EditorArticleSummary, EditorTranslation, LocalizedText, MediaUploaded, NewCampaign,
        PreviewRequest, PublishChecklist, RevisionChange, TranslationInput, PAGE_SIZE,
    },
    tips::FieldProblem,
    Language,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{
    attachments::{CleanImage, ImageKind},
    audit::now_ms,
    db::DbConnection,
    error::ApiError,
    markdown,
    schema::{article_reads, article_revisions, article_translations, articles, campaigns, media},
};

type Backend = <DbConnection as diesel::Connection>::Backend;

/// Articles per page of the editors' list.
pub const EDITOR_PAGE_SIZE: i64 = 50;
/// How far back the editors' view shows daily reads.
pub const READS_DAYS: i64 = 90;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = articles)]
pub struct ArticleRow {
    pub id: i64,
    pub slug: String,
    pub category: String,
    pub campaign_id: Option<i64>,
    pub status: String,
    pub featured: bool,
    pub publish_at_ms: Option<i64>,
    pub needs_review: bool,
    pub review_note: Option<String>,
    pub revision: i64,
    pub content_hash: String,
    pub seed_hash: Option<String>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

impl ArticleRow {
    pub fn category(&self) -> Category {
        Category::parse(&self.category).unwrap_or(Category::Help)
    }

    pub fn status(&self) -> ArticleStatus {
        ArticleStatus::parse(&self.status).unwrap_or(ArticleStatus::Draft)
    }

    /// Readers see it: published, and its publication time has come.
    pub fn visible(&self, now: i64) -> bool {
        self.status() == ArticleStatus::Published && self.publish_at_ms.is_some_and(|t| t <= now)
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = article_translations)]
pub struct TranslationRow {
    pub article_id: i64,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub image_id: Option<String>,
    pub image_alt: Option<String>,
    pub updated_at_ms: i64,
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = campaigns)]
pub struct CampaignRow {
    pub id: i64,
    pub slug: String,
    pub titles: String,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub seed_hash: Option<String>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

impl CampaignRow {
    pub fn titles(&self) -> Vec<LocalizedText> {
        serde_json::from_str(&self.titles).unwrap_or_default()
    }

    /// The title in `language`, else Arabic, else the first one.
    pub fn title_in(&self, language: Language) -> String {
        let titles = self.titles();
        let available: Vec<Language> = titles.iter().map(|t| t.language).collect();
        pick_language(&available, language)
            .and_then(|(l, _)| titles.into_iter().find(|t| t.language == l))
            .map(|t| t.text)
            .unwrap_or_default()
    }
}

/// One language's text of an article, as editors control it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextContent {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub image: Option<String>,
    pub image_alt: Option<String>,
}

/// Everything editors control about an article. Its hash tells `sanad seed` whether an editor
/// changed a seeded article (see [`seed`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleContent {
    pub slug: String,
    pub category: Category,
    pub campaign: Option<String>,
    pub featured: bool,
    pub status: ArticleStatus,
    pub publish_at_ms: Option<i64>,
    pub needs_review: bool,
    pub review_note: Option<String>,
    pub translations: BTreeMap<Language, TextContent>,
}

impl ArticleContent {
    pub fn hash(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        hex::encode(Sha256::digest(&json))
    }
}

/// Who made a change, as the revision history shows it.
#[derive(Clone, Debug)]
pub struct Author {
    pub staff_id: Option<String>,
    pub name: String,
}

impl Author {
    pub fn seed() -> Author {
        Author {
            staff_id: None,
            name: "seed".into(),
        }
    }
}

/// The language to show from those available: the one asked for, else Arabic (the language
/// every reader of Iraq's public services can fall back on), else the first. The flag says
/// whether it is a fallback.
pub fn pick_language(available: &[Language], wanted: Language) -> Option<(Language, bool)> {
    if available.contains(&wanted) {
        Some((wanted, false))
    } else if available.contains(&Language::Ar) {
        Some((Language::Ar, true))
    } else {
        Language::ALL
            .into_iter()
            .find(|l| available.contains(l))
            .map(|l| (l, true))
    }
}

/// The day of a time in milliseconds, `YYYY-MM-DD` (UTC).
pub fn day_of(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

/// Midnight UTC of a `YYYY-MM-DD` day, in milliseconds; `None` when it is not a real day.
pub fn day_start_ms(day: &str) -> Option<i64> {
    let date = parse_day(day)?;
    Some(date.midnight().assume_utc().unix_timestamp() * 1000)
}

fn parse_day(day: &str) -> Option<time::Date> {
    let mut parts = day.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

fn problem(field: impl Into<String>, kind: &str) -> FieldProblem {
    FieldProblem {
        field: field.into(),
        index: None,
        problem: kind.to_owned(),
    }
}

fn slug_conflict(error: diesel::result::Error) -> ApiError {
    match error {
        diesel::result::Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
            ApiError::SlugTaken
        }
        other => other.into(),
    }
}

/// What the public article endpoints share: the answer cache and the read counter.
#[derive(Default)]
pub struct ArticleService {
    pub cache: cache::PublicCache,
    pub reads: reads::ReadCounter,
}

impl ArticleService {
    /// Loads the seed content when the database has no article yet (a new installation), then
    /// writes read counts every [`reads::FLUSH_EVERY`] on the server's runtime for as long as
    /// it runs. A failed write loses those few seconds of counts (statistics, not records)
    /// rather than retrying the same failure for ever.
    pub async fn start(
        pool: &actix_web::web::Data<crate::db::Pool>,
        seal: &crate::audit::Seal,
    ) -> actix_web::web::Data<ArticleService> {
        let seal = seal.clone();
        let seeded = crate::db::with_db(pool, move |conn| seed::seed_if_empty(conn, &seal)).await;
        match seeded {
            Ok(Some(report)) => tracing::info!(
                created = report.created.len(),
                "seed articles loaded into the empty database"
            ),
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "seed articles could not be loaded"),
        }
        let service = actix_web::web::Data::new(ArticleService::default());
        let (flusher, pool) = (service.clone(), pool.clone());
        actix_web::rt::spawn(async move {
            loop {
                actix_web::rt::time::sleep(reads::FLUSH_EVERY).await;
                if let Err(e) = flusher.reads.flush(&pool).await {
                    tracing::warn!(error = %e, "article read counts could not be written");
                }
            }
        });
        service
    }
}

// ----- Reading -------------------------------------------------------------------------------

pub fn article_row(conn: &mut DbConnection, id: i64) -> Result<ArticleRow, ApiError> {
    articles::table
        .find(id)
        .select(ArticleRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

fn translations_of(conn: &mut DbConnection, id: i64) -> Result<Vec<TranslationRow>, ApiError> {
    Ok(article_translations::table
        .filter(article_translations::article_id.eq(id))
        .select(TranslationRow::as_select())
        .load(conn)?)
}

fn campaign_rows(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, CampaignRow>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(campaigns::table
        .filter(campaigns::id.eq_any(ids))
        .select(CampaignRow::as_select())
        .load::<CampaignRow>(conn)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// Width and height of each stored picture among `ids`.
fn media_sizes(
    conn: &mut DbConnection,
    ids: &[String],
) -> Result<HashMap<String, (u32, u32)>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(media::table
        .filter(media::id.eq_any(ids))
        .select((media::id, media::width, media::height))
        .load::<(String, i32, i32)>(conn)?
        .into_iter()
        .map(|(id, w, h)| {
            (
                id,
                (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0)),
            )
        })
        .collect())
}

fn image_of(
    image_id: Option<&str>,
    alt: Option<&str>,
    sizes: &HashMap<String, (u32, u32)>,
) -> Option<ArticleImage> {
    let id = image_id?;
    let (width, height) = sizes.get(id).copied().unwrap_or((0, 0));
    Some(ArticleImage {
        src: format!("/media/{id}"),
        alt: alt.unwrap_or_default().to_owned(),
        width,
        height,
    })
}

fn language_of(row: &TranslationRow) -> Option<Language> {
    Language::parse(&row.language).ok()
}

fn sorted_languages(languages: impl IntoIterator<Item = Language>) -> Vec<Language> {
    let set: BTreeSet<Language> = languages.into_iter().collect();
    Language::ALL
        .into_iter()
        .filter(|l| set.contains(l))
        .collect()
}

/// Everything editors control, as stored.
pub fn load_content(conn: &mut DbConnection, row: &ArticleRow) -> Result<ArticleContent, ApiError> {
    let campaign = match row.campaign_id {
        Some(id) => campaigns::table
            .find(id)
            .select(campaigns::slug)
            .first::<String>(conn)
            .optional()?,
        None => None,
    };
    let translations = translations_of(conn, row.id)?
        .into_iter()
        .filter_map(|t| {
            Some((
                language_of(&t)?,
                TextContent {
                    title: t.title,
                    summary: t.summary,
                    body: t.body,
                    image: t.image_id,
                    image_alt: t.image_alt,
                },
            ))
        })
        .collect();
    Ok(ArticleContent {
        slug: row.slug.clone(),
        category: row.category(),
        campaign,
        featured: row.featured,
        status: row.status(),
        publish_at_ms: row.publish_at_ms,
        needs_review: row.needs_review,
        review_note: row.review_note.clone(),
        translations,
    })
}

/// (article id, language, title, summary, image id, image alt) of one translation in a list.
type ListedText = (i64, String, String, String, Option<String>, Option<String>);

/// (revision, at, staff id, author, kind, language, fields, snapshot) as stored.
type RevisionColumns = (
    i64,
    i64,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    String,
);

/// Filters of the public list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PublicFilter {
    pub category: Option<Category>,
    pub campaign: Option<String>,
    /// From 1.
    pub page: u32,
}

fn listing<'a>(
    category: Option<Category>,
    campaign_id: Option<i64>,
    now: i64,
) -> articles::BoxedQuery<'a, Backend> {
    let mut query = articles::table
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .filter(articles::publish_at_ms.le(now))
        .into_boxed();
    if let Some(category) = category {
        query = query.filter(articles::category.eq(category.as_str()));
    }
    if let Some(id) = campaign_id {
        query = query.filter(articles::campaign_id.eq(id));
    }
    query
}

/// When the next scheduled article becomes visible: public answers must not be kept past it.
pub fn next_publication(conn: &mut DbConnection, now: i64) -> Result<Option<i64>, ApiError> {
    Ok(articles::table
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .filter(articles::publish_at_ms.gt(now))
        .select(diesel::dsl::min(articles::publish_at_ms))
        .first::<Option<i64>>(conn)?)
}

/// A page of visible articles in `language`: featured first, then newest first.
pub fn public_list(
    conn: &mut DbConnection,
    language: Language,
    filter: &PublicFilter,
    now: i64,
) -> Result<ArticlePage, ApiError> {
    let page = filter.page.max(1);
    let empty = ArticlePage {
        language,
        articles: Vec::new(),
        page,
        pages: 0,
        total: 0,
    };
    let campaign_id = match &filter.campaign {
        Some(slug) => match campaigns::table
            .filter(campaigns::slug.eq(slug))
            .select(campaigns::id)
            .first::<i64>(conn)
            .optional()?
        {
            Some(id) => Some(id),
            None => return Ok(empty),
        },
        None => None,
    };
    let total: i64 = listing(filter.category, campaign_id, now)
        .count()
        .get_result(conn)?;
    let per_page = PAGE_SIZE as i64;
    let rows: Vec<ArticleRow> = listing(filter.category, campaign_id, now)
        .select(ArticleRow::as_select())
        .order((
            articles::featured.desc(),
            articles::publish_at_ms.desc(),
            articles::id.desc(),
        ))
        .limit(per_page)
        .offset(i64::from(page - 1) * per_page)
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let texts: Vec<ListedText> = if ids.is_empty() {
        Vec::new()
    } else {
        article_translations::table
            .filter(article_translations::article_id.eq_any(&ids))
            .select((
                article_translations::article_id,
                article_translations::language,
                article_translations::title,
                article_translations::summary,
                article_translations::image_id,
                article_translations::image_alt,
            ))
            .load(conn)?
    };
    let campaign_ids: Vec<i64> = rows.iter().filter_map(|r| r.campaign_id).collect();
    let campaigns = campaign_rows(conn, &campaign_ids)?;
    let image_ids: Vec<String> = texts.iter().filter_map(|t| t.4.clone()).collect();
    let sizes = media_sizes(conn, &image_ids)?;
    let mut by_article: HashMap<i64, Vec<(Language, usize)>> = HashMap::new();
    for (index, text) in texts.iter().enumerate() {
        if let Ok(l) = Language::parse(&text.1) {
            by_article.entry(text.0).or_default().push((l, index));
        }
    }
    let mut summaries = Vec::with_capacity(rows.len());
    for row in &rows {
        let present = by_article.get(&row.id).cloned().unwrap_or_default();
        let available = sorted_languages(present.iter().map(|p| p.0));
        let Some((shown, fallback)) = pick_language(&available, language) else {
            continue;
        };
        let Some(text) = present
            .iter()
            .find(|p| p.0 == shown)
            .and_then(|p| texts.get(p.1))
        else {
            continue;
        };
        summaries.push(ArticleSummary {
            slug: row.slug.clone(),
            category: row.category(),
            campaign: row
                .campaign_id
                .and_then(|id| campaigns.get(&id))
                .map(|c| CampaignTag {
                    slug: c.slug.clone(),
                    title: c.title_in(shown),
                }),
            featured: row.featured,
            language: shown,
            direction: shown.direction(),
            fallback,
            available_languages: available,
            title: text.2.clone(),
            summary: text.3.clone(),
            image: image_of(text.4.as_deref(), text.5.as_deref(), &sizes),
            published_on: day_of(row.publish_at_ms.unwrap_or_default()),
        });
    }
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    Ok(ArticlePage {
        language,
        articles: summaries,
        page,
        pages: total.div_ceil(PAGE_SIZE as u32),
        total,
    })
}

/// A visible article by slug, in `language` or its fallback, with its id and the language shown.
pub fn public_article(
    conn: &mut DbConnection,
    slug: &str,
    language: Language,
    now: i64,
) -> Result<Option<(Article, i64)>, ApiError> {
    let Some(row) = articles::table
        .filter(articles::slug.eq(slug))
        .select(ArticleRow::as_select())
        .first::<ArticleRow>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    if !row.visible(now) {
        return Ok(None);
    }
    let translations = translations_of(conn, row.id)?;
    let available = sorted_languages(translations.iter().filter_map(language_of));
    let Some((shown, fallback)) = pick_language(&available, language) else {
        return Ok(None);
    };
    let Some(text) = translations
        .into_iter()
        .find(|t| language_of(t) == Some(shown))
    else {
        return Ok(None);
    };
    let campaign = match row.campaign_id {
        Some(id) => campaign_rows(conn, &[id])?
            .remove(&id)
            .map(|c| CampaignTag {
                title: c.title_in(shown),
                slug: c.slug,
            }),
        None => None,
    };
    let sizes = media_sizes(conn, text.image_id.as_slice())?;
    Ok(Some((
        Article {
            slug: row.slug.clone(),
            category: row.category(),
            campaign,
            featured: row.featured,
            language: shown,
            direction: shown.direction(),
            fallback,
            available_languages: available,
            image: image_of(text.image_id.as_deref(), text.image_alt.as_deref(), &sizes),
            body_html: markdown::render(&text.body),
            title: text.title,
            summary: text.summary,
            published_on: day_of(row.publish_at_ms.unwrap_or_default()),
        },
        row.id,
    )))
}

/// A translation rendered exactly as the public API would render it.
pub fn preview(
    conn: &mut DbConnection,
    request: &PreviewRequest,
) -> Result<ArticlePreview, ApiError> {
    let image = match normalise_image(request.image.as_deref()) {
        Some(id) => {
            let sizes = media_sizes(conn, std::slice::from_ref(&id))?;
            image_of(Some(&id), request.image_alt.as_deref(), &sizes)
        }
        None => None,
    };
    Ok(ArticlePreview {
        language: request.language,
        direction: request.language.direction(),
        title: request.title.trim().to_owned(),
        summary: request.summary.trim().to_owned(),
        body_html: markdown::render(&request.body),
        image,
    })
}

/// What must still be done before publishing, and which languages readers would get in Arabic.
pub fn checklist(translations: &BTreeMap<Language, TextContent>) -> PublishChecklist {
    let mut items = Vec::new();
    let missing_languages: Vec<Language> = Language::ALL
        .into_iter()
        .filter(|l| !translations.contains_key(l))
        .collect();
    for language in &missing_languages {
        let arabic = *language == Language::Ar;
        items.push(ChecklistItem {
            language: Some(*language),
            field: "translation".into(),
            problem: if arabic { "arabic_required" } else { "missing" }.into(),
            blocking: arabic,
        });
    }
    for (language, text) in translations {
        let input = TranslationInput {
            title: text.title.clone(),
            summary: text.summary.clone(),
            body: text.body.clone(),
            image: text.image.clone(),
            image_alt: text.image_alt.clone(),
            expected_revision: None,
        };
        for p in input.problems() {
            items.push(ChecklistItem {
                language: Some(*language),
                field: p.field,
                problem: p.problem,
                blocking: true,
            });
        }
    }
    PublishChecklist {
        ready: !items.iter().any(|i| i.blocking),
        missing_languages,
        items,
    }
}

fn campaign_ref(row: &CampaignRow) -> CampaignRef {
    CampaignRef {
        id: row.id,
        slug: row.slug.clone(),
        title: row.title_in(Language::Ar),
    }
}

/// An article as editors see it.
pub fn editor_article(
    conn: &mut DbConnection,
    id: i64,
    now: i64,
) -> Result<EditorArticle, ApiError> {
    let row = article_row(conn, id)?;
    let translations = translations_of(conn, id)?;
    let image_ids: Vec<String> = translations
        .iter()
        .filter_map(|t| t.image_id.clone())
        .collect();
    let sizes = media_sizes(conn, &image_ids)?;
    let content = load_content(conn, &row)?;
    let campaign = match row.campaign_id {
        Some(cid) => campaign_rows(conn, &[cid])?.get(&cid).map(campaign_ref),
        None => None,
    };
    let since = day_of(now - READS_DAYS * 24 * 3600 * 1000);
    let reads: Vec<(String, String, i64)> = article_reads::table
        .filter(article_reads::article_id.eq(id))
        .filter(article_reads::day.ge(since))
        .order((article_reads::day.desc(), article_reads::language.asc()))
        .select((
            article_reads::day,
            article_reads::language,
            article_reads::count,
        ))
        .load(conn)?;
    let mut editor_translations: Vec<EditorTranslation> = translations
        .iter()
        .filter_map(|t| {
            Some(EditorTranslation {
                language: language_of(t)?,
                title: t.title.clone(),
                summary: t.summary.clone(),
                body: t.body.clone(),
                image: image_of(t.image_id.as_deref(), t.image_alt.as_deref(), &sizes),
                updated_at_ms: t.updated_at_ms,
            })
        })
        .collect();
    editor_translations.sort_by_key(|t| t.language);
    Ok(EditorArticle {
        id: row.id,
        slug: row.slug.clone(),
        category: row.category(),
        campaign,
        status: row.status(),
        featured: row.featured,
        publish_at_ms: row.publish_at_ms,
        visible: row.visible(now),
        needs_review: row.needs_review,
        review_note: row.review_note.clone(),
        revision: row.revision,
        created_at_ms: row.created_at_ms,
        updated_at_ms: row.updated_at_ms,
        translations: editor_translations,
        checklist: checklist(&content.translations),
        reads: reads
            .into_iter()
            .filter_map(|(day, language, count)| {
                Some(DailyReads {
                    day,
                    language: Language::parse(&language).ok()?,
                    count,
                })
            })
            .collect(),
    })
}

/// Filters of the editors' list.
#[derive(Clone, Debug, Default)]
pub struct EditorFilter {
    pub status: Option<ArticleStatus>,
    pub category: Option<Category>,
    pub page: u32,
}

/// Every article, most recently changed first.
pub fn editor_list(
    conn: &mut DbConnection,
    filter: &EditorFilter,
    now: i64,
) -> Result<EditorArticlePage, ApiError> {
    let page = filter.page.max(1);
    let build = || {
        let mut query = articles::table.into_boxed::<Backend>();
        if let Some(status) = filter.status {
            query = query.filter(articles::status.eq(status.as_str()));
        }
        if let Some(category) = filter.category {
            query = query.filter(articles::category.eq(category.as_str()));
        }
        query
    };
    let total: i64 = build().count().get_result(conn)?;
    let rows: Vec<ArticleRow> = build()
        .select(ArticleRow::as_select())
        .order((articles::updated_at_ms.desc(), articles::id.desc()))
        .limit(EDITOR_PAGE_SIZE)
        .offset(i64::from(page - 1) * EDITOR_PAGE_SIZE)
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let texts: Vec<(i64, String, String)> = if ids.is_empty() {
        Vec::new()
    } else {
        article_translations::table
            .filter(article_translations::article_id.eq_any(&ids))
            .select((
                article_translations::article_id,
                article_translations::language,
                article_translations::title,
            ))
            .load(conn)?
    };
    let campaign_ids: Vec<i64> = rows.iter().filter_map(|r| r.campaign_id).collect();
    let campaigns = campaign_rows(conn, &campaign_ids)?;
    let articles = rows
        .iter()
        .map(|row| {
            let mine: Vec<(Language, &str)> = texts
                .iter()
                .filter(|t| t.0 == row.id)
                .filter_map(|t| Some((Language::parse(&t.1).ok()?, t.2.as_str())))
                .collect();
            let languages = sorted_languages(mine.iter().map(|m| m.0));
            let title = pick_language(&languages, Language::Ar)
                .and_then(|(l, _)| mine.iter().find(|m| m.0 == l))
                .map(|m| m.1.to_owned())
                .unwrap_or_default();
            EditorArticleSummary {
                id: row.id,
                slug: row.slug.clone(),
                category: row.category(),
                campaign: row
                    .campaign_id
                    .and_then(|id| campaigns.get(&id))
                    .map(campaign_ref),
                status: row.status(),
                featured: row.featured,
                publish_at_ms: row.publish_at_ms,
                visible: row.visible(now),
                needs_review: row.needs_review,
                title,
                missing_languages: Language::ALL
                    .into_iter()
                    .filter(|l| !languages.contains(l))
                    .collect(),
                languages,
                revision: row.revision,
                updated_at_ms: row.updated_at_ms,
            }
        })
        .collect();
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    Ok(EditorArticlePage {
        articles,
        page,
        pages: total.div_ceil(EDITOR_PAGE_SIZE as u32),
        total,
    })
}

/// An article's history, oldest first.
pub fn revisions(conn: &mut DbConnection, id: i64) -> Result<Vec<ArticleRevision>, ApiError> {
    article_row(conn, id)?;
    let rows: Vec<RevisionColumns> = article_revisions::table
        .filter(article_revisions::article_id.eq(id))
        .order(article_revisions::revision.asc())
        .select((
            article_revisions::revision,
            article_revisions::at_ms,
            article_revisions::staff_id,
            article_revisions::author,
            article_revisions::kind,
            article_revisions::language,
            article_revisions::fields,
            article_revisions::snapshot,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(revision, at_ms, staff_id, author, kind, language, fields, snapshot)| {
                ArticleRevision {
                    revision,
                    at_ms,
                    staff_id,
                    author,
                    change: RevisionChange::parse(&kind).unwrap_or(RevisionChange::Settings),
                    language: language.and_then(|l| Language::parse(&l).ok()),
                    fields: serde_json::from_str(&fields).unwrap_or_default(),
                    after: serde_json::from_str(&snapshot).unwrap_or(serde_json::Value::Null),
                }
            },
        )
        .collect())
}

// ----- Changing ------------------------------------------------------------------------------

fn check_revision(row: &ArticleRow, expected: Option<i64>) -> Result<(), ApiError> {
    match expected {
        Some(expected) if expected != row.revision => Err(ApiError::EditConflict {
            revision: row.revision,
        }),
        _ => Ok(()),
    }
}

/// After a change to article `id`: the next revision number, the new content hash and a row
/// of history saying who changed which fields.
pub fn record_change(
    conn: &mut DbConnection,
    id: i64,
    author: &Author,
    kind: RevisionChange,
    language: Option<Language>,
    fields: &[&str],
    snapshot: &serde_json::Value,
) -> Result<i64, ApiError> {
    let row = article_row(conn, id)?;
    let content = load_content(conn, &row)?;
    let revision = row.revision + 1;
    let now = now_ms();
    diesel::update(articles::table.find(id))
        .set((
            articles::revision.eq(revision),
            articles::content_hash.eq(content.hash()),
            articles::updated_at_ms.eq(now),
        ))
        .execute(conn)?;
    diesel::insert_into(article_revisions::table)
        .values((
            article_revisions::article_id.eq(id),
            article_revisions::revision.eq(revision),
            article_revisions::at_ms.eq(now),
            article_revisions::staff_id.eq(author.staff_id.as_deref()),
            article_revisions::author.eq(&author.name),
            article_revisions::kind.eq(kind.as_str()),
            article_revisions::language.eq(language.map(Language::code)),
            article_revisions::fields.eq(serde_json::to_string(fields).unwrap_or_default()),
            article_revisions::snapshot.eq(snapshot.to_string()),
        ))
        .execute(conn)?;
    Ok(revision)
}

fn check_settings(
    conn: &mut DbConnection,
    settings: &ArticleSettings,
    id: Option<i64>,
) -> Result<(), ApiError> {
    let mut problems = settings.problems();
    if let Some(campaign) = settings.campaign_id {
        let exists: i64 = campaigns::table
            .filter(campaigns::id.eq(campaign))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            problems.push(problem("campaign_id", "unknown_campaign"));
        }
    }
    if settings.publish_at_ms.is_some_and(|t| t < 0) {
        problems.push(problem("publish_at_ms", "invalid_time"));
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidArticle(problems));
    }
    let mut same_slug = articles::table
        .filter(articles::slug.eq(&settings.slug))
        .into_boxed::<Backend>();
    if let Some(id) = id {
        same_slug = same_slug.filter(articles::id.ne(id));
    }
    let taken: i64 = same_slug.count().get_result(conn)?;
    if taken > 0 {
        return Err(ApiError::SlugTaken);
    }
    Ok(())
}

fn settings_snapshot(row: &ArticleRow) -> serde_json::Value {
    serde_json::json!({
        "slug": row.slug,
        "category": row.category,
        "campaign_id": row.campaign_id,
        "featured": row.featured,
        "publish_at_ms": row.publish_at_ms,
        "needs_review": row.needs_review,
    })
}

/// A new draft without text. Returns its id.
pub fn create_article(
    conn: &mut DbConnection,
    settings: &ArticleSettings,
    author: &Author,
) -> Result<i64, ApiError> {
    check_settings(conn, settings, None)?;
    let now = now_ms();
    diesel::insert_into(articles::table)
        .values((
            articles::slug.eq(&settings.slug),
            articles::category.eq(settings.category.as_str()),
            articles::campaign_id.eq(settings.campaign_id),
            articles::status.eq(ArticleStatus::Draft.as_str()),
            articles::featured.eq(settings.featured),
            articles::publish_at_ms.eq(settings.publish_at_ms),
            articles::needs_review.eq(settings.needs_review),
            articles::revision.eq(0_i64),
            articles::content_hash.eq(""),
            articles::created_at_ms.eq(now),
            articles::updated_at_ms.eq(now),
        ))
        .execute(conn)
        .map_err(slug_conflict)?;
    let row: ArticleRow = articles::table
        .filter(articles::slug.eq(&settings.slug))
        .select(ArticleRow::as_select())
        .first(conn)?;
    record_change(
        conn,
        row.id,
        author,
        RevisionChange::Created,
        None,
        &[
            "slug",
            "category",
            "campaign_id",
            "featured",
            "publish_at_ms",
        ],
        &settings_snapshot(&row),
    )?;
    Ok(row.id)
}

/// Changes slug, category, campaign, featured, publication time and the review flag. Returns
/// the fields that changed (none: nothing was written).
pub fn update_settings(
    conn: &mut DbConnection,
    id: i64,
    settings: &ArticleSettings,
    author: &Author,
) -> Result<Vec<&'static str>, ApiError> {
    let row = article_row(conn, id)?;
    check_revision(&row, settings.expected_revision)?;
    check_settings(conn, settings, Some(id))?;
    let mut fields = Vec::new();
    if row.slug != settings.slug {
        fields.push("slug");
    }
    if row.category() != settings.category {
        fields.push("category");
    }
    if row.campaign_id != settings.campaign_id {
        fields.push("campaign_id");
    }
    if row.featured != settings.featured {
        fields.push("featured");
    }
    if row.publish_at_ms != settings.publish_at_ms {
        fields.push("publish_at_ms");
    }
    if row.needs_review != settings.needs_review {
        fields.push("needs_review");
    }
    if fields.is_empty() {
        return Ok(fields);
    }
    diesel::update(articles::table.find(id))
        .set((
            articles::slug.eq(&settings.slug),
            articles::category.eq(settings.category.as_str()),
            articles::campaign_id.eq(settings.campaign_id),
            articles::featured.eq(settings.featured),
            articles::publish_at_ms.eq(settings.publish_at_ms),
            articles::needs_review.eq(settings.needs_review),
            // The note explains why a review is needed; it goes once the review is done.
            articles::review_note.eq(if settings.needs_review {
                row.review_note.clone()
            } else {
                None
            }),
        ))
        .execute(conn)
        .map_err(slug_conflict)?;
    let updated = article_row(conn, id)?;
    record_change(
        conn,
        id,
        author,
        RevisionChange::Settings,
        None,
        &fields,
        &settings_snapshot(&updated),
    )?;
    Ok(fields)
}

/// `/media/<id>` or `<id>` as typed, to the stored id.
fn normalise_image(image: Option<&str>) -> Option<String> {
    let image = image.map(str::trim).filter(|i| !i.is_empty())?;
    Some(image.strip_prefix("/media/").unwrap_or(image).to_owned())
}

/// Writes the text of one language. Returns the fields that changed.
pub fn save_translation(
    conn: &mut DbConnection,
    id: i64,
    language: Language,
    input: &TranslationInput,
    author: &Author,
) -> Result<Vec<&'static str>, ApiError> {
    let row = article_row(conn, id)?;
    check_revision(&row, input.expected_revision)?;
    let mut problems = input.problems();
    let image = normalise_image(input.image.as_deref());
    if let Some(image) = &image {
        let known: i64 = media::table
            .filter(media::id.eq(image))
            .count()
            .get_result(conn)?;
        if known == 0 {
            problems.push(problem("image", "unknown_image"));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidArticle(problems));
    }
    let text = TextContent {
        title: input.title.trim().to_owned(),
        summary: input.summary.trim().to_owned(),
        body: input.body.clone(),
        image_alt: image
            .as_ref()
            .and_then(|_| input.image_alt.as_deref().map(str::trim).map(str::to_owned)),
        image,
    };
    let existing = translations_of(conn, id)?
        .into_iter()
        .find(|t| language_of(t) == Some(language));
    let fields: Vec<&'static str> = match &existing {
        None => vec!["title", "summary", "body", "image", "image_alt"]
            .into_iter()
            .filter(|f| !matches!(*f, "image" | "image_alt") || text.image.is_some())
            .collect(),
        Some(old) => {
            let mut fields = Vec::new();
            if old.title != text.title {
                fields.push("title");
            }
            if old.summary != text.summary {
                fields.push("summary");
            }
            if old.body != text.body {
                fields.push("body");
            }
            if old.image_id != text.image {
                fields.push("image");
            }
            if old.image_alt != text.image_alt {
                fields.push("image_alt");
            }
            fields
        }
    };
    if existing.is_some() && fields.is_empty() {
        return Ok(fields);
    }
    let now = now_ms();
    if existing.is_some() {
        diesel::update(
            article_translations::table
                .filter(article_translations::article_id.eq(id))
                .filter(article_translations::language.eq(language.code())),
        )
        .set((
            article_translations::title.eq(&text.title),
            article_translations::summary.eq(&text.summary),
            article_translations::body.eq(&text.body),
            article_translations::image_id.eq(text.image.as_deref()),
            article_translations::image_alt.eq(text.image_alt.as_deref()),
            article_translations::updated_at_ms.eq(now),
        ))
        .execute(conn)?;
    } else {
        insert_translation(conn, id, language, &text, now)?;
    }
    record_change(
        conn,
        id,
        author,
        RevisionChange::Translation,
        Some(language),
        &fields,
        &serde_json::to_value(&text).unwrap_or_default(),
    )?;
    Ok(fields)
}

fn insert_translation(
    conn: &mut DbConnection,
    id: i64,
    language: Language,
    text: &TextContent,
    now: i64,
) -> Result<(), ApiError> {
    diesel::insert_into(article_translations::table)
        .values((
            article_translations::article_id.eq(id),
            article_translations::language.eq(language.code()),
            article_translations::title.eq(&text.title),
            article_translations::summary.eq(&text.summary),
            article_translations::body.eq(&text.body),
            article_translations::image_id.eq(text.image.as_deref()),
            article_translations::image_alt.eq(text.image_alt.as_deref()),
            article_translations::updated_at_ms.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Moves the article to another status. Publishing needs a complete Arabic text (every reader
/// falls back to it) and sets the publication time: the one given, else the article's own, else
/// now. Returns (before, after) when something changed.
pub fn set_status(
    conn: &mut DbConnection,
    id: i64,
    change: &ArticleStatusChange,
    author: &Author,
    now: i64,
) -> Result<Option<(ArticleStatus, ArticleStatus)>, ApiError> {
    let row = article_row(conn, id)?;
    check_revision(&row, change.expected_revision)?;
    if change.publish_at_ms.is_some_and(|t| t < 0) {
        return Err(ApiError::InvalidArticle(vec![problem(
            "publish_at_ms",
            "invalid_time",
        )]));
    }
    let publish_at = if change.status == ArticleStatus::Published {
        let content = load_content(conn, &row)?;
        let list = checklist(&content.translations);
        if !list.ready {
            return Err(ApiError::InvalidArticle(
                list.items
                    .into_iter()
                    .filter(|i| i.blocking)
                    .map(|i| {
                        let language = i.language.map(Language::code).unwrap_or_default();
                        problem(format!("{language}.{}", i.field), &i.problem)
                    })
                    .collect(),
            ));
        }
        Some(change.publish_at_ms.or(row.publish_at_ms).unwrap_or(now))
    } else {
        change.publish_at_ms.or(row.publish_at_ms)
    };
    let mut fields = Vec::new();
    if row.status() != change.status {
        fields.push("status");
    }
    if row.publish_at_ms != publish_at {
        fields.push("publish_at_ms");
    }
    if fields.is_empty() {
        return Ok(None);
    }
    diesel::update(articles::table.find(id))
        .set((
            articles::status.eq(change.status.as_str()),
            articles::publish_at_ms.eq(publish_at),
        ))
        .execute(conn)?;
    record_change(
        conn,
        id,
        author,
        RevisionChange::Status,
        None,
        &fields,
        &serde_json::json!({
            "from": row.status,
            "status": change.status.as_str(),
            "publish_at_ms": publish_at,
        }),
    )?;
    Ok(Some((row.status(), change.status)))
}

// ----- Campaigns -----------------------------------------------------------------------------

fn campaign_of(row: CampaignRow, article_count: u32) -> Campaign {
    Campaign {
        id: row.id,
        titles: row.titles(),
        slug: row.slug,
        period_start: row.period_start,
        period_end: row.period_end,
        article_count,
    }
}

/// Every campaign, newest period first.
pub fn campaigns(conn: &mut DbConnection) -> Result<Vec<Campaign>, ApiError> {
    let rows: Vec<CampaignRow> = campaigns::table
        .select(CampaignRow::as_select())
        .order((campaigns::period_start.desc(), campaigns::id.desc()))
        .load(conn)?;
    let used: Vec<Option<i64>> = articles::table
        .select(articles::campaign_id)
        .filter(articles::campaign_id.is_not_null())
        .load(conn)?;
    let mut counts: HashMap<i64, u32> = HashMap::new();
    for id in used.into_iter().flatten() {
        *counts.entry(id).or_default() += 1;
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let count = counts.get(&row.id).copied().unwrap_or(0);
            campaign_of(row, count)
        })
        .collect())
}

fn clean_titles(titles: &[LocalizedText]) -> Vec<LocalizedText> {
    let mut titles: Vec<LocalizedText> = titles
        .iter()
        .filter(|t| !t.text.trim().is_empty())
        .map(|t| LocalizedText {
            language: t.language,
            text: t.text.trim().to_owned(),
        })
        .collect();
    titles.sort_by_key(|t| t.language);
    titles
}

/// Stores a campaign; `seed_hash` only for the seed content.
pub fn insert_campaign(
    conn: &mut DbConnection,
    new: &NewCampaign,
    seed_hash: Option<&str>,
) -> Result<Campaign, ApiError> {
    let mut problems = new.problems();
    for (field, day) in [
        ("period_start", &new.period_start),
        ("period_end", &new.period_end),
    ] {
        if day.as_deref().is_some_and(|d| parse_day(d).is_none())
            && !problems.iter().any(|p| p.field == field)
        {
            problems.push(problem(field, "invalid_date"));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidArticle(problems));
    }
    let taken: i64 = campaigns::table
        .filter(campaigns::slug.eq(&new.slug))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(ApiError::SlugTaken);
    }
    let now = now_ms();
    let titles = serde_json::to_string(&clean_titles(&new.titles)).unwrap_or_default();
    diesel::insert_into(campaigns::table)
        .values((
            campaigns::slug.eq(&new.slug),
            campaigns::titles.eq(&titles),
            campaigns::period_start.eq(new.period_start.as_deref()),
            campaigns::period_end.eq(new.period_end.as_deref()),
            campaigns::seed_hash.eq(seed_hash),
            campaigns::created_at_ms.eq(now),
            campaigns::updated_at_ms.eq(now),
        ))
        .execute(conn)
        .map_err(slug_conflict)?;
    let row: CampaignRow = campaigns::table
        .filter(campaigns::slug.eq(&new.slug))
        .select(CampaignRow::as_select())
        .first(conn)?;
    Ok(campaign_of(row, 0))
}

// ----- Media ---------------------------------------------------------------------------------

fn extension(kind: ImageKind) -> &'static str {
    match kind {
        ImageKind::Jpeg => "jpg",
        ImageKind::Png => "png",
        ImageKind::Webp => "webp",
    }
}

/// The id of a cleaned picture: its content hash, so the same picture is stored once and its
/// URL can be cached for ever.
pub fn media_id(image: &CleanImage) -> String {
    let hash = Sha256::digest(&image.bytes);
    format!("{}.{}", hex::encode(&hash[..16]), extension(image.kind))
}

/// Whether `name` can be a media id: 32 lower-case hex digits and a known extension.
pub fn is_media_id(name: &str) -> bool {
    let Some((hash, ext)) = name.split_once('.') else {
        return false;
    };
    hash.len() == 32
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && matches!(ext, "jpg" | "png" | "webp")
}

/// Stores a cleaned picture (once per content) and says where it is served.
pub fn store_media(
    conn: &mut DbConnection,
    image: &CleanImage,
    uploaded_by: Option<&str>,
) -> Result<MediaUploaded, ApiError> {
    let id = media_id(image);
    let known: i64 = media::table
        .filter(media::id.eq(&id))
        .count()
        .get_result(conn)?;
    if known == 0 {
        diesel::insert_into(media::table)
            .values((
                media::id.eq(&id),
                media::mime.eq(image.kind.mime()),
                media::width.eq(i32::try_from(image.width).unwrap_or(i32::MAX)),
                media::height.eq(i32::try_from(image.height).unwrap_or(i32::MAX)),
                media::size_bytes.eq(i32::try_from(image.bytes.len()).unwrap_or(i32::MAX)),
                media::data.eq(&image.bytes),
                media::uploaded_by.eq(uploaded_by),
                media::created_at_ms.eq(now_ms()),
            ))
            .execute(conn)?;
    }
    Ok(MediaUploaded {
        src: format!("/media/{id}"),
        id,
        mime: image.kind.mime().to_owned(),
        width: image.width,
        height: image.height,
    })
}

/// A stored picture: its type and bytes.
pub fn media_file(
    conn: &mut DbConnection,
    id: &str,
) -> Result<Option<(String, Vec<u8>)>, ApiError> {
    Ok(media::table
        .filter(media::id.eq(id))
        .select((media::mime, media::data))
        .first(conn)
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_asked_for_else_arabic_else_the_first() {
        use Language::*;
        assert_eq!(pick_language(&[Ar, Ckb, En], Ckb), Some((Ckb, false)));
        assert_eq!(pick_language(&[Ar, En], Ckb), Some((Ar, true)));
        assert_eq!(pick_language(&[Kmr, En], Ckb), Some((Kmr, true)));
        assert_eq!(pick_language(&[], Ar), None);
    }

    #[test]
    fn days_and_times() {
        assert_eq!(day_start_ms("1970-01-02"), Some(86_400_000));
        assert_eq!(day_of(86_400_000 + 5), "1970-01-02");
        assert_eq!(day_start_ms("2026-02-30"), None);
        assert_eq!(day_start_ms("2026-1-3"), None);
    }

    #[test]
    fn media_ids_are_hex_and_a_known_extension() {
        assert!(is_media_id("0123456789abcdef0123456789abcdef.webp"));
        assert!(!is_media_id("0123456789ABCDEF0123456789abcdef.webp"));
        assert!(!is_media_id("0123456789abcdef0123456789abcdef.svg"));
        assert!(!is_media_id("../etc/passwd"));
        assert!(!is_media_id("{name}"));
    }

    #[test]
    fn publishing_needs_arabic_and_complete_texts() {
        let text = |title: &str| TextContent {
            title: title.into(),
            summary: "s".into(),
            body: "b".into(),
            image: None,
            image_alt: None,
        };
        let mut translations = BTreeMap::new();
        translations.insert(Language::En, text("t"));
        let list = checklist(&translations);
        assert!(!list.ready);
        assert_eq!(
            list.missing_languages,
            [Language::Ar, Language::Ckb, Language::Kmr]
        );
        translations.insert(Language::Ar, text("ع"));
        let list = checklist(&translations);
        assert!(list.ready, "{list:?}");
        assert_eq!(list.missing_languages, [Language::Ckb, Language::Kmr]);
        translations.insert(Language::Ckb, text(""));
        assert!(!checklist(&translations).ready);
    }
}
