//! Awareness articles and campaigns: what readers get from the public API (in their language,
//! with the Arabic fallback said out loud), and what editors write, review and publish.

use serde::{Deserialize, Serialize};

use crate::{tips::FieldProblem, Direction, Language};

/// Longest slug (the article's address: `/articles/<slug>`).
pub const MAX_SLUG_CHARS: usize = 100;
/// Longest title of an article or a campaign.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest summary (shown in lists and link previews).
pub const MAX_SUMMARY_CHARS: usize = 600;
/// Longest article body, in Markdown.
pub const MAX_BODY_CHARS: usize = 100_000;
/// Longest alternative text of an image.
pub const MAX_ALT_CHARS: usize = 300;
/// Articles per page of the public list.
pub const PAGE_SIZE: usize = 12;

/// What an article is about; readers filter by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// What Iraqi law says about joining foreign armies and recruiting for them.
    Law,
    /// How recruiters work and how to recognise them.
    Recruiters,
    /// What recruits really face.
    Reality,
    /// For families of someone who left or went missing.
    Families,
    /// How to report safely.
    Reporting,
    /// Where to find help and other options.
    Help,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Law,
        Category::Recruiters,
        Category::Reality,
        Category::Families,
        Category::Reporting,
        Category::Help,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Law => "law",
            Category::Recruiters => "recruiters",
            Category::Reality => "reality",
            Category::Families => "families",
            Category::Reporting => "reporting",
            Category::Help => "help",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Where an article is in its life. Readers see only `published` articles whose publication time
/// has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    Draft,
    InReview,
    Published,
    Archived,
}

impl ArticleStatus {
    pub const ALL: [ArticleStatus; 4] = [
        ArticleStatus::Draft,
        ArticleStatus::InReview,
        ArticleStatus::Published,
        ArticleStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::InReview => "in_review",
            ArticleStatus::Published => "published",
            ArticleStatus::Archived => "archived",
        }
    }

    pub fn parse(text: &str) -> Option<ArticleStatus> {
        ArticleStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A picture shown with an article, served by Sanad itself from `/media/…`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleImage {
    /// `/media/<content hash>.<ext>`: never changes, cached for a year.
    pub src: String,
    /// What the picture shows, for screen readers and slow connections.
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// The campaign an article belongs to, titled in the language served.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignTag {
    pub slug: String,
    pub title: String,
}

/// One article in the public list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    pub slug: String,
    pub category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignTag>,
    pub featured: bool,
    /// The language the title and summary are in.
    pub language: Language,
    pub direction: Direction,
    /// True when the article does not exist in the language asked for and is shown in Arabic.
    pub fallback: bool,
    /// Every language the article can be read in.
    pub available_languages: Vec<Language>,
    pub title: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ArticleImage>,
    /// The day it was published (`YYYY-MM-DD`).
    pub published_on: String,
}

/// `GET /api/v1/articles`: featured first, then newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticlePage {
    /// The language asked for (by `lang` or `Accept-Language`).
    pub language: Language,
    pub articles: Vec<ArticleSummary>,
    /// This page, from 1.
    pub page: u32,
    /// How many pages there are (0 when there are no articles).
    pub pages: u32,
    /// How many articles match in all.
    pub total: u32,
}

/// `GET /api/v1/articles/{slug}`: one article, its body rendered to sanitised HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    pub slug: String,
    pub category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignTag>,
    pub featured: bool,
    /// The language of the text below.
    pub language: Language,
    pub direction: Direction,
    /// True when the article does not exist in the language asked for and is shown in Arabic.
    pub fallback: bool,
    pub available_languages: Vec<Language>,
    pub title: String,
    pub summary: String,
    /// Safe to insert into the page as it is: rendered from Markdown and sanitised on the server.
    pub body_html: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ArticleImage>,
    pub published_on: String,
}

// ----- Editors -------------------------------------------------------------------------------

/// A text in one language (a campaign's title).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedText {
    pub language: Language,
    pub text: String,
}

/// A campaign: articles grouped under a title (in each language) for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Campaign {
    pub id: i64,
    pub slug: String,
    pub titles: Vec<LocalizedText>,
    /// First day (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<String>,
    /// Last day (`YYYY-MM-DD`); open-ended without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
    pub article_count: u32,
}

/// `POST /api/v1/editor/campaigns`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCampaign {
    /// Lowercase Latin letters and digits in words joined by `-`.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub slug: String,
    pub titles: Vec<LocalizedText>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub period_start: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub period_end: Option<String>,
}

/// The campaign of an article, as editors see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignRef {
    pub id: i64,
    pub slug: String,
    /// In Arabic, or the first language it has.
    pub title: String,
}

/// `POST /api/v1/editor/articles` (a new draft, without text yet) and
/// `PUT /api/v1/editor/articles/{id}` (everything but the text and the status).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSettings {
    /// Lower-case Latin letters, digits and single hyphens.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub slug: String,
    pub category: Category,
    #[serde(default)]
    pub campaign_id: Option<i64>,
    #[serde(default)]
    pub featured: bool,
    /// When it becomes visible once published (milliseconds since 1970, UTC); publishing without
    /// it publishes now.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub publish_at_ms: Option<i64>,
    /// Seeded texts wait for a native speaker's review; clear it when done.
    #[serde(default)]
    pub needs_review: bool,
    /// The revision the editor started from; a save over someone else's newer change is refused
    /// with `edit_conflict` instead of silently undoing it.
    #[serde(default)]
    pub expected_revision: Option<i64>,
}

/// `PUT /api/v1/editor/articles/{id}/translations/{lang}`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranslationInput {
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub title: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 600,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub summary: String,
    /// Markdown. Raw HTML is allowed but sanitised; images only from `/media/`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 100000,
            pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
        )
    )]
    pub body: String,
    /// `/media/<id>` (or the id) from `POST /api/v1/editor/media`.
    #[serde(default)]
    pub image: Option<String>,
    /// Required with an image.
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub expected_revision: Option<i64>,
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

fn problem(field: &str, kind: &str) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        index: None,
        problem: kind.to_owned(),
    }
}

/// Whether `slug` is lower-case ASCII letters and digits in groups joined by single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG_CHARS
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether `text` is a day as `YYYY-MM-DD` (the calendar is checked by the server).
fn looks_like_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

impl ArticleSettings {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if !is_valid_slug(&self.slug) {
            problems.push(problem("slug", "invalid_slug"));
        }
        problems
    }
}

impl TranslationInput {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        for (field, value, max) in [
            ("title", &self.title, MAX_TITLE_CHARS),
            ("summary", &self.summary, MAX_SUMMARY_CHARS),
            ("body", &self.body, MAX_BODY_CHARS),
        ] {
            if value.trim().is_empty() {
                problems.push(problem(field, "required"));
            } else if too_long(value, max) {
                problems.push(problem(field, "too_long"));
            }
        }
        let image = self.image.as_deref().is_some_and(|i| !i.trim().is_empty());
        let alt = self.image_alt.as_deref().unwrap_or_default();
        if image && alt.trim().is_empty() {
            problems.push(problem("image_alt", "required"));
        } else if too_long(alt, MAX_ALT_CHARS) {
            problems.push(problem("image_alt", "too_long"));
        }
        problems
    }
}

impl NewCampaign {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if !is_valid_slug(&self.slug) {
            problems.push(problem("slug", "invalid_slug"));
        }
        if self.titles.iter().all(|t| t.text.trim().is_empty()) {
            problems.push(problem("titles", "required"));
        }
        for (index, title) in self.titles.iter().enumerate() {
            if too_long(&title.text, MAX_TITLE_CHARS) {
                problems.push(FieldProblem {
                    field: "titles".into(),
                    index: Some(index),
                    problem: "too_long".into(),
                });
            }
            if self.titles[..index]
                .iter()
                .any(|t| t.language == title.language)
            {
                problems.push(FieldProblem {
                    field: "titles".into(),
                    index: Some(index),
                    problem: "duplicate".into(),
                });
            }
        }
        for (field, day) in [
            ("period_start", &self.period_start),
            ("period_end", &self.period_end),
        ] {
            if day.as_deref().is_some_and(|d| !looks_like_day(d)) {
                problems.push(problem(field, "invalid_date"));
            }
        }
        if let (Some(start), Some(end)) = (&self.period_start, &self.period_end) {
            if looks_like_day(start) && looks_like_day(end) && end < start {
                problems.push(problem("period_end", "before_start"));
            }
        }
        problems
    }
}

/// `POST /api/v1/editor/articles/{id}/status`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleStatusChange {
    pub status: ArticleStatus,
    /// With `published`: when readers see it (a time in the future schedules it). Without it the
    /// article's own publication time is kept, or now when it has none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub publish_at_ms: Option<i64>,
    #[serde(default)]
    pub expected_revision: Option<i64>,
}

/// One thing to fix before publishing, or a language still missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChecklistItem {
    /// The language concerned; none for the article as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// `translation`, `title`, `summary`, `body`, `image_alt`.
    pub field: String,
    /// `missing` (a language without a text: readers get Arabic instead), `arabic_required`
    /// (blocks publishing: Arabic is what every reader falls back to), `required`, `too_long`.
    pub problem: String,
    /// Whether it stops the article from being published.
    pub blocking: bool,
}

/// What stands between the article and its readers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishChecklist {
    /// No blocking item: publishing is allowed.
    pub ready: bool,
    /// Languages without a translation; readers of those get the Arabic text.
    pub missing_languages: Vec<Language>,
    pub items: Vec<ChecklistItem>,
}

/// A translation as editors see it: the Markdown and what it renders to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditorTranslation {
    pub language: Language,
    pub title: String,
    pub summary: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ArticleImage>,
    pub updated_at_ms: i64,
}

/// Reads of an article on one day in one language. Nothing else about readers is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DailyReads {
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    pub language: Language,
    pub count: i64,
}

/// `GET /api/v1/editor/articles/{id}`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditorArticle {
    pub id: i64,
    pub slug: String,
    pub category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignRef>,
    pub status: ArticleStatus,
    pub featured: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_at_ms: Option<i64>,
    /// Readers can see it now: published and its time has come.
    pub visible: bool,
    /// Loaded from the seed content and waiting for a native speaker's review.
    pub needs_review: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_note: Option<String>,
    /// Goes up by one with every change; send it back as `expected_revision`.
    pub revision: i64,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub translations: Vec<EditorTranslation>,
    pub checklist: PublishChecklist,
    /// The last 90 days, newest first.
    pub reads: Vec<DailyReads>,
}

/// One line of the editors' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditorArticleSummary {
    pub id: i64,
    pub slug: String,
    pub category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<CampaignRef>,
    pub status: ArticleStatus,
    pub featured: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_at_ms: Option<i64>,
    pub visible: bool,
    pub needs_review: bool,
    /// In Arabic, or the first language it has; empty before any text is written.
    pub title: String,
    pub languages: Vec<Language>,
    pub missing_languages: Vec<Language>,
    pub revision: i64,
    pub updated_at_ms: i64,
}

/// `GET /api/v1/editor/articles`: most recently changed first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditorArticlePage {
    pub articles: Vec<EditorArticleSummary>,
    pub page: u32,
    pub pages: u32,
    pub total: u32,
}

/// What kind of change a revision records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RevisionChange {
    /// Created by an editor.
    Created,
    /// Loaded or updated from the seed content (`sanad seed`, or the first start).
    Seeded,
    /// Slug, category, campaign, featured, publication time or review flag.
    Settings,
    /// The text in one language.
    Translation,
    Status,
}

impl RevisionChange {
    pub const ALL: [RevisionChange; 5] = [
        RevisionChange::Created,
        RevisionChange::Seeded,
        RevisionChange::Settings,
        RevisionChange::Translation,
        RevisionChange::Status,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RevisionChange::Created => "created",
            RevisionChange::Seeded => "seeded",
            RevisionChange::Settings => "settings",
            RevisionChange::Translation => "translation",
            RevisionChange::Status => "status",
        }
    }

    pub fn parse(text: &str) -> Option<RevisionChange> {
        RevisionChange::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// One entry of an article's history: who changed what, and the values after the change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleRevision {
    pub revision: i64,
    pub at_ms: i64,
    /// The staff member's id; none for the seed content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_id: Option<String>,
    /// The staff member's name at the time, or `seed`.
    pub author: String,
    pub change: RevisionChange,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The fields whose value changed.
    pub fields: Vec<String>,
    /// The changed part after the change (the whole translation, the settings, or the status).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub after: serde_json::Value,
}

/// `POST /api/v1/editor/preview`: a translation rendered exactly as readers will get it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviewRequest {
    pub language: Language,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub body: String,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: Option<String>,
}

/// The preview: the reader's fields, rendered and sanitised by the same code as the public API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticlePreview {
    pub language: Language,
    pub direction: Direction,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ArticleImage>,
}

/// `POST /api/v1/editor/media`: the stored picture, metadata removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MediaUploaded {
    /// `<content hash>.<ext>`
    pub id: String,
    /// `/media/<id>`: use it as the translation's image or in Markdown (`![alt](/media/<id>)`).
    pub src: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_single_hyphens() {
        for good in ["a", "the-law-on-joining-foreign-armies", "2026-campaign"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a b",
            "a/b",
            "قانون",
            &"a".repeat(101),
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        for s in ArticleStatus::ALL {
            assert_eq!(ArticleStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for r in RevisionChange::ALL {
            assert_eq!(RevisionChange::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn a_translation_needs_its_texts_and_an_image_needs_its_alt_text() {
        let mut t = TranslationInput {
            title: "Title".into(),
            summary: "Summary".into(),
            body: "Body".into(),
            image: None,
            image_alt: None,
            expected_revision: None,
        };
        assert!(t.problems().is_empty());
        t.image = Some("/media/abc.png".into());
        assert_eq!(t.problems()[0].field, "image_alt");
        t.image_alt = Some("A poster".into());
        t.title = " ".into();
        t.body = "x".repeat(MAX_BODY_CHARS + 1);
        let problems: Vec<(String, String)> = t
            .problems()
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("title".to_owned(), "required".to_owned()),
                ("body".to_owned(), "too_long".to_owned())
            ]
        );
    }

    #[test]
    fn a_campaign_needs_a_title_and_a_sane_period() {
        let mut c = NewCampaign {
            slug: "know-the-risks".into(),
            titles: vec![LocalizedText {
                language: Language::Ar,
                text: "اعرف المخاطر".into(),
            }],
            period_start: Some("2026-01-01".into()),
            period_end: None,
        };
        assert!(c.problems().is_empty());
        c.period_end = Some("2025-12-31".into());
        assert_eq!(c.problems()[0].problem, "before_start");
        c.period_end = Some("soon".into());
        c.titles.clear();
        assert_eq!(c.problems().len(), 2);
    }
}
