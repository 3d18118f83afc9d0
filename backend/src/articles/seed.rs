//! The articles Sanad ships with (`content/articles/`), compiled into the binary so that a new
//! installation has something to read from its first minute.
//!
//! They are loaded on the first start (when there is no article at all) and by `sanad seed`,
//! which may run any number of times: it upserts by slug and never overwrites what an editor
//! changed. Each seeded article keeps the hash of the seed content it was loaded from
//! (`seed_hash`) beside the hash of what it holds now (`content_hash`, recomputed on every
//! change); while the two are equal no editor has touched it, and a newer seed may replace it.
//! Seeded articles are published but flagged `needs_review`: the translations wait for a native
//! speaker, and editors see the note.

use std::collections::BTreeMap;

use diesel::prelude::*;
use sanad_shared::{
    articles::{ArticleStatus, Category, LocalizedText, NewCampaign, RevisionChange},
    Language,
};
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{
    day_start_ms, insert_campaign, insert_translation, record_change, ArticleContent, Author,
    TextContent,
};
use crate::{
    audit::{self, now_ms, Actor},
    db::DbConnection,
    error::ApiError,
    schema::{article_translations, articles, campaigns},
};

include!(concat!(env!("OUT_DIR"), "/content_files.rs"));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    slug: String,
    category: String,
    #[serde(default)]
    campaign: Option<String>,
    #[serde(default)]
    featured: bool,
    /// `YYYY-MM-DD`
    published_at: String,
    /// Why the text still needs a review; the article is flagged for editors while it is set.
    #[serde(default)]
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CampaignsFile {
    #[serde(default)]
    campaigns: Vec<CampaignFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CampaignFile {
    slug: String,
    #[serde(default)]
    period_start: Option<String>,
    #[serde(default)]
    period_end: Option<String>,
    title: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    summary: String,
}

/// The seed content, parsed.
#[derive(Clone, Debug)]
pub struct SeedContent {
    pub campaigns: Vec<NewCampaign>,
    pub articles: Vec<ArticleContent>,
}

/// `+++` TOML front matter and the Markdown after it.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let end = rest.find("\n+++")?;
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    Some((&rest[..end], body))
}

fn language(code: &str, path: &str) -> anyhow::Result<Language> {
    Language::parse(code).map_err(|e| anyhow::anyhow!("{path}: {e}"))
}

/// Parses every seed file; a broken one is an error naming it.
pub fn content() -> anyhow::Result<SeedContent> {
    let mut campaigns = Vec::new();
    let mut metas: BTreeMap<String, Meta> = BTreeMap::new();
    let mut texts: BTreeMap<String, BTreeMap<Language, TextContent>> = BTreeMap::new();
    for (path, text) in CONTENT_FILES {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["articles", "campaigns.toml"] => {
                let file: CampaignsFile =
                    toml::from_str(text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
                for c in file.campaigns {
                    let mut titles = Vec::new();
                    for (code, title) in c.title {
                        titles.push(LocalizedText {
                            language: language(&code, path)?,
                            text: title.trim().to_owned(),
                        });
                    }
                    titles.sort_by_key(|t| t.language);
                    campaigns.push(NewCampaign {
                        slug: c.slug,
                        titles,
                        period_start: c.period_start,
                        period_end: c.period_end,
                    });
                }
            }
            ["articles", dir, "meta.toml"] => {
                let meta: Meta =
                    toml::from_str(text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
                if meta.slug != *dir {
                    anyhow::bail!("{path}: the slug {:?} is not the folder's name", meta.slug);
                }
                metas.insert(dir.to_string(), meta);
            }
            ["articles", dir, file] if file.ends_with(".md") => {
                let code = file.trim_end_matches(".md");
                let language = language(code, path)?;
                let (front, body) = split_front_matter(text)
                    .ok_or_else(|| anyhow::anyhow!("{path}: no +++ front matter"))?;
                let front: FrontMatter =
                    toml::from_str(front).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
                texts.entry(dir.to_string()).or_default().insert(
                    language,
                    TextContent {
                        title: front.title.trim().to_owned(),
                        summary: front.summary.trim().to_owned(),
                        body: body.trim_end().to_owned(),
                        image: None,
                        image_alt: None,
                    },
                );
            }
            _ => {}
        }
    }
    let mut articles = Vec::new();
    for (dir, meta) in metas {
        let category = Category::parse(&meta.category)
            .ok_or_else(|| anyhow::anyhow!("{dir}: unknown category {:?}", meta.category))?;
        let publish_at_ms = day_start_ms(&meta.published_at)
            .ok_or_else(|| anyhow::anyhow!("{dir}: published_at is not a YYYY-MM-DD day"))?;
        if let Some(campaign) = &meta.campaign {
            if !campaigns.iter().any(|c| &c.slug == campaign) {
                anyhow::bail!("{dir}: campaign {campaign:?} is not in campaigns.toml");
            }
        }
        let translations = texts.remove(&dir).unwrap_or_default();
        if !translations.contains_key(&Language::Ar) {
            anyhow::bail!("{dir}: no ar.md (every reader falls back to Arabic)");
        }
        articles.push(ArticleContent {
            slug: meta.slug,
            category,
            campaign: meta.campaign,
            featured: meta.featured,
            status: ArticleStatus::Published,
            publish_at_ms: Some(publish_at_ms),
            needs_review: meta.review.is_some(),
            review_note: meta.review,
            translations,
        });
    }
    if let Some(dir) = texts.keys().next() {
        anyhow::bail!("articles/{dir}: translations without a meta.toml");
    }
    Ok(SeedContent {
        campaigns,
        articles,
    })
}

/// What a seed run did, by slug.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    /// Changed by an editor since it was seeded (or made by an editor): left as it is.
    pub kept: Vec<String>,
    pub campaigns_created: Vec<String>,
    pub campaigns_updated: Vec<String>,
}

impl SeedReport {
    pub fn changed_anything(&self) -> bool {
        !(self.created.is_empty()
            && self.updated.is_empty()
            && self.campaigns_created.is_empty()
            && self.campaigns_updated.is_empty())
    }
}

/// Loads the seed content when there is no article at all (a new installation).
pub fn seed_if_empty(
    conn: &mut DbConnection,
    seal: &crate::audit::Seal,
) -> Result<Option<SeedReport>, ApiError> {
    let count: i64 = articles::table.count().get_result(conn)?;
    if count > 0 {
        return Ok(None);
    }
    seed(conn, seal, Actor::System).map(Some)
}

/// Upserts every seed campaign and article by slug, in one transaction; see the module text.
pub fn seed(
    conn: &mut DbConnection,
    seal: &crate::audit::Seal,
    actor: Actor,
) -> Result<SeedReport, ApiError> {
    let content = content().map_err(ApiError::Internal)?;
    // It reads each slug, then writes, while the start-up passes write too.
    crate::db::write_transaction(conn, |conn| {
        let mut report = SeedReport::default();
        for campaign in &content.campaigns {
            seed_campaign(conn, campaign, &mut report)?;
        }
        for article in &content.articles {
            seed_article(conn, article, &mut report)?;
        }
        if report.changed_anything() {
            audit::append(
                conn,
                seal,
                &audit::Entry {
                    actor,
                    action: "articles_seeded",
                    object: "articles".into(),
                    details: json!({
                        "created": report.created,
                        "updated": report.updated,
                        "kept": report.kept,
                        "campaigns_created": report.campaigns_created,
                        "campaigns_updated": report.campaigns_updated,
                    }),
                },
            )?;
        }
        Ok(report)
    })
}

fn seed_campaign(
    conn: &mut DbConnection,
    campaign: &NewCampaign,
    report: &mut SeedReport,
) -> Result<(), ApiError> {
    let hash = hex::encode(Sha256::digest(
        serde_json::to_vec(campaign).unwrap_or_default(),
    ));
    let existing: Option<(i64, Option<String>)> = campaigns::table
        .filter(campaigns::slug.eq(&campaign.slug))
        .select((campaigns::id, campaigns::seed_hash))
        .first(conn)
        .optional()?;
    match existing {
        None => {
            insert_campaign(conn, campaign, Some(&hash))?;
            report.campaigns_created.push(campaign.slug.clone());
        }
        Some((_, Some(seeded))) if seeded == hash => {}
        Some((id, Some(_))) => {
            diesel::update(campaigns::table.find(id))
                .set((
                    campaigns::titles
                        .eq(serde_json::to_string(&campaign.titles).unwrap_or_default()),
                    campaigns::period_start.eq(campaign.period_start.as_deref()),
                    campaigns::period_end.eq(campaign.period_end.as_deref()),
                    campaigns::seed_hash.eq(&hash),
                    campaigns::updated_at_ms.eq(now_ms()),
                ))
                .execute(conn)?;
            report.campaigns_updated.push(campaign.slug.clone());
        }
        // Made by an editor under the same slug: theirs.
        Some((_, None)) => {}
    }
    Ok(())
}

fn seed_article(
    conn: &mut DbConnection,
    article: &ArticleContent,
    report: &mut SeedReport,
) -> Result<(), ApiError> {
    let hash = article.hash();
    let existing: Option<(i64, String, Option<String>)> = articles::table
        .filter(articles::slug.eq(&article.slug))
        .select((articles::id, articles::content_hash, articles::seed_hash))
        .first(conn)
        .optional()?;
    let campaign_id = match &article.campaign {
        Some(slug) => Some(
            campaigns::table
                .filter(campaigns::slug.eq(slug))
                .select(campaigns::id)
                .first::<i64>(conn)?,
        ),
        None => None,
    };
    let now = now_ms();
    let id = match existing {
        None => {
            diesel::insert_into(articles::table)
                .values((
                    articles::slug.eq(&article.slug),
                    articles::category.eq(article.category.as_str()),
                    articles::campaign_id.eq(campaign_id),
                    articles::status.eq(article.status.as_str()),
                    articles::featured.eq(article.featured),
                    articles::publish_at_ms.eq(article.publish_at_ms),
                    articles::needs_review.eq(article.needs_review),
                    articles::review_note.eq(article.review_note.as_deref()),
                    articles::revision.eq(0_i64),
                    articles::content_hash.eq(""),
                    articles::seed_hash.eq(&hash),
                    articles::created_at_ms.eq(now),
                    articles::updated_at_ms.eq(now),
                ))
                .execute(conn)?;
            let id: i64 = articles::table
                .filter(articles::slug.eq(&article.slug))
                .select(articles::id)
                .first(conn)?;
            report.created.push(article.slug.clone());
            id
        }
        Some((_, content_hash, seeded)) if seeded.as_deref() != Some(content_hash.as_str()) => {
            report.kept.push(article.slug.clone());
            return Ok(());
        }
        Some((_, _, Some(seeded))) if seeded == hash => {
            report.unchanged.push(article.slug.clone());
            return Ok(());
        }
        Some((id, _, _)) => {
            diesel::update(articles::table.find(id))
                .set((
                    articles::category.eq(article.category.as_str()),
                    articles::campaign_id.eq(campaign_id),
                    articles::status.eq(article.status.as_str()),
                    articles::featured.eq(article.featured),
                    articles::publish_at_ms.eq(article.publish_at_ms),
                    articles::needs_review.eq(article.needs_review),
                    articles::review_note.eq(article.review_note.as_deref()),
                    articles::seed_hash.eq(&hash),
                ))
                .execute(conn)?;
            diesel::delete(
                article_translations::table.filter(article_translations::article_id.eq(id)),
            )
            .execute(conn)?;
            report.updated.push(article.slug.clone());
            id
        }
    };
    for (language, text) in &article.translations {
        insert_translation(conn, id, *language, text, now)?;
    }
    let languages: Vec<&str> = article.translations.keys().map(|l| l.code()).collect();
    record_change(
        conn,
        id,
        &Author::seed(),
        RevisionChange::Seeded,
        None,
        &[
            "slug",
            "category",
            "campaign_id",
            "featured",
            "publish_at_ms",
            "status",
        ],
        &json!({ "seed_hash": hash, "languages": languages }),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (front, body) =
            split_front_matter("+++\ntitle = \"T\"\nsummary = \"S\"\n+++\n\nBody\n").unwrap();
        assert_eq!(front, "title = \"T\"\nsummary = \"S\"");
        assert_eq!(body, "Body\n");
        assert!(split_front_matter("no front matter").is_none());
    }

    #[test]
    fn the_shipped_content_parses_with_six_articles_in_arabic_sorani_and_english() {
        let content = content().unwrap();
        assert_eq!(
            content.articles.len(),
            6,
            "{:?}",
            content.articles.iter().map(|a| &a.slug).collect::<Vec<_>>()
        );
        let mut categories: Vec<Category> = content.articles.iter().map(|a| a.category).collect();
        categories.sort();
        assert_eq!(categories, Category::ALL);
        for article in &content.articles {
            for language in [Language::Ar, Language::Ckb, Language::En] {
                let text = article
                    .translations
                    .get(&language)
                    .unwrap_or_else(|| panic!("{} lacks {language}", article.slug));
                assert!(
                    !text.title.is_empty() && !text.summary.is_empty() && !text.body.is_empty()
                );
                assert!(!text.body.starts_with("+++"));
            }
            assert!(super::super::checklist(&article.translations).ready);
            assert!(article.needs_review);
        }
        assert!(!content.campaigns.is_empty());
        for campaign in &content.campaigns {
            assert!(campaign.problems().is_empty(), "{campaign:?}");
        }
    }
}
