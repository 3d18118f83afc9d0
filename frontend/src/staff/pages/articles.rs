//! The editors' list: every article, most recently changed first, with its status, the languages
//! it still lacks and whether its text waits for a native speaker's review; a form for a new
//! article; and the campaigns that group articles.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, t_owned, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    articles::{
        ArticleSettings, Campaign, Category, EditorArticle, EditorArticlePage,
        EditorArticleSummary, LocalizedText, NewCampaign,
    },
    Language,
};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

pub fn status_key(status: sanad_shared::articles::ArticleStatus) -> String {
    format!("article-status-{}", status.as_str().replace('_', "-"))
}

pub fn category_key(category: Category) -> String {
    format!("learn-category-{}", category.as_str())
}

pub fn language_list(languages: &[Language]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn ArticleList() -> impl IntoView {
    let session = use_session();
    let page = Loader::new(move || async move {
        session
            .call::<(), EditorArticlePage>("GET", "/api/v1/editor/articles?page=1", None)
            .await
    });
    view! {
        <section class="page page-wide">
            <h1>{t("staff-nav-articles")}</h1>
            <NewArticle/>
            {move || match page.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || page.reload()/> }.into_any(),
                Some(Ok(list)) if list.articles.is_empty() => view! { <p>{t("articles-empty")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="tip-list">
                        {list.articles.into_iter().map(|article| view! { <Row article/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <Campaigns/>
        </section>
    }
}

#[component]
fn Row(article: EditorArticleSummary) -> impl IntoView {
    let title = if article.title.is_empty() {
        article.slug.clone()
    } else {
        article.title.clone()
    };
    let missing = language_list(&article.missing_languages);
    view! {
        <li class="tip-row article-row">
            <a class="tip-link" href=format!("/staff/articles/{}", article.id)><bdi>{title}</bdi></a>
            <p class="tip-tags">
                <span class=format!("badge article-status-{}", article.status.as_str())>{t_owned(status_key(article.status))}</span>
                {article.needs_review.then(|| view! { <span class="badge badge-alert">{t("article-needs-review")}</span> })}
                {(!article.missing_languages.is_empty()).then(|| view! {
                    <span class="badge">{t_args("article-missing-languages", &[("languages", missing.clone())])}</span>
                })}
            </p>
            <p class="hint">
                {t_owned(category_key(article.category))}
                " · "
                <span dir="ltr">{format!("/learn/{}", article.slug)}</span>
            </p>
        </li>
    }
}

/// A new draft: its address and topic; the texts come next, on its page.
#[component]
fn NewArticle() -> impl IntoView {
    let session = use_session();
    let slug = RwSignal::new(String::new());
    let category = RwSignal::new(Category::Law);
    let outcome = RwSignal::new(Outcome::Idle);
    let create = move |event: SubmitEvent| {
        event.prevent_default();
        let settings = ArticleSettings {
            slug: slug.get_untracked().trim().to_owned(),
            category: category.get_untracked(),
            campaign_id: None,
            featured: false,
            publish_at_ms: None,
            needs_review: false,
            expected_revision: None,
        };
        spawn_local(async move {
            match session
                .call::<_, EditorArticle>("POST", "/api/v1/editor/articles", Some(&settings))
                .await
            {
                Ok(created) => {
                    if let Some(window) = web_sys::window() {
                        let _ = window
                            .location()
                            .set_href(&format!("/staff/articles/{}", created.id));
                    }
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <details class="more">
            <summary>{t("article-new")}</summary>
            <form class="form" on:submit=create>
                <label for="new-slug">{t("article-slug")}</label>
                <p class="hint" id="new-slug-hint">{t("article-slug-hint")}</p>
                <input id="new-slug" dir="ltr" required aria-describedby="new-slug-hint" bind:value=slug/>
                <label for="new-category">{t("article-category")}</label>
                <select id="new-category" on:change=move |event| {
                    if let Some(c) = Category::parse(&event_target_value(&event)) {
                        category.set(c);
                    }
                }>
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str()>{t_owned(category_key(c))}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{t("article-create")}</button>
                <OutcomeNotice outcome/>
            </form>
        </details>
    }
}

/// Campaigns: a title in each language and a period; articles join one from their page.
#[component]
fn Campaigns() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let list = Loader::new(move || async move {
        session
            .call::<(), Vec<Campaign>>("GET", "/api/v1/editor/campaigns", None)
            .await
    });
    let slug = RwSignal::new(String::new());
    let titles = RwSignal::new(vec![String::new(); Language::ALL.len()]);
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let create = move |event: SubmitEvent| {
        event.prevent_default();
        let campaign = NewCampaign {
            slug: slug.get_untracked().trim().to_owned(),
            titles: Language::ALL
                .into_iter()
                .zip(titles.get_untracked())
                .filter(|(_, text)| !text.trim().is_empty())
                .map(|(language, text)| LocalizedText {
                    language,
                    text: text.trim().to_owned(),
                })
                .collect(),
            period_start: Some(start.get_untracked()).filter(|s| !s.is_empty()),
            period_end: Some(end.get_untracked()).filter(|s| !s.is_empty()),
        };
        spawn_local(async move {
            match session
                .call::<_, Campaign>("POST", "/api/v1/editor/campaigns", Some(&campaign))
                .await
            {
                Ok(_) => {
                    slug.set(String::new());
                    titles.set(vec![String::new(); Language::ALL.len()]);
                    outcome.set(Outcome::Done(i18n.message("staff-saved", None)));
                    list.reload();
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("campaigns-title")}</h2>
        {move || match list.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(failure)) => view! { <Failed failure on_retry=move || list.reload()/> }.into_any(),
            Some(Ok(campaigns)) if campaigns.is_empty() => view! { <p class="hint">{t("campaigns-empty")}</p> }.into_any(),
            Some(Ok(campaigns)) => view! {
                <ul class="plain-list campaigns">
                    {campaigns.into_iter().map(|c| {
                        let title = c.titles.first().map(|t| t.text.clone()).unwrap_or_else(|| c.slug.clone());
                        let period = format!(
                            "{} – {}",
                            c.period_start.clone().unwrap_or_default(),
                            c.period_end.clone().unwrap_or_default()
                        );
                        view! {
                            <li>
                                <bdi>{title}</bdi>
                                " · "
                                <span dir="ltr">{period}</span>
                                " · "
                                {t_count("campaign-articles", &[("count", i64::from(c.article_count))])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
        <details class="more">
            <summary>{t("campaign-new")}</summary>
            <form class="form" on:submit=create>
                <label for="campaign-slug">{t("article-slug")}</label>
                <input id="campaign-slug" dir="ltr" required bind:value=slug/>
                {Language::ALL.into_iter().enumerate().map(|(index, language)| {
                    let id = format!("campaign-title-{}", language.code());
                    view! {
                        <label for=id.clone()>{t_owned(format!("campaign-title-in-{}", language.code()))}</label>
                        <input
                            id=id
                            lang=language.code()
                            dir=language.direction().as_str()
                            prop:value=move || titles.with(|t| t.get(index).cloned().unwrap_or_default())
                            on:input=move |event| {
                                let value = event_target_value(&event);
                                titles.update(|t| if let Some(slot) = t.get_mut(index) { *slot = value; });
                            }
                        />
                    }
                }).collect_view()}
                <label for="campaign-start">{t("campaign-start")}</label>
                <input id="campaign-start" type="date" bind:value=start/>
                <label for="campaign-end">{t("campaign-end")}</label>
                <input id="campaign-end" type="date" bind:value=end/>
                <button type="submit" class="button">{t("campaign-create")}</button>
                <OutcomeNotice outcome/>
            </form>
        </details>
    }
}
