//! One article for an editor: its settings, its text in each language (Markdown) with a preview
//! exactly as readers will get it, in that language's direction, the checklist before publishing
//! (which languages are missing), the status, and the history of who changed what. Every save
//! sends the revision it started from, so someone else's newer change is never silently undone.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::{
        file_picker::FilePicker,
        states::{Failed, Loading},
    },
    i18n::{t, t_args, t_owned, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    articles::{
        ArticlePreview, ArticleRevision, ArticleSettings, ArticleStatus, ArticleStatusChange,
        Category, EditorArticle, MediaUploaded, PreviewRequest, TranslationInput,
    },
    Language,
};

use super::{
    articles::{category_key, language_list, status_key},
    Outcome, OutcomeNotice,
};
use crate::session::use_session;

#[component]
pub fn ArticleEditor(id: i64) -> impl IntoView {
    let session = use_session();
    let article = Loader::new(move || async move {
        session
            .call::<(), EditorArticle>("GET", &format!("/api/v1/editor/articles/{id}"), None)
            .await
    });
    view! {
        <section class="page page-wide article-editor">
            <p><a href="/staff/articles">{t("article-back")}</a></p>
            {move || match article.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || article.reload()/> }.into_any(),
                Some(Ok(loaded)) => view! { <Editor loaded/> }.into_any(),
            }}
        </section>
    }
}

/// The article being edited, kept current by every save's answer.
#[component]
fn Editor(loaded: EditorArticle) -> impl IntoView {
    let article = RwSignal::new(loaded);
    let title = move || {
        article.with(|a| {
            a.translations
                .iter()
                .find(|t| t.language == Language::Ar)
                .or_else(|| a.translations.first())
                .map(|t| t.title.clone())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| a.slug.clone())
        })
    };
    view! {
        <h1><bdi>{title}</bdi></h1>
        {move || article.with(|a| a.needs_review).then(|| view! {
            <p class="notice notice-warning" role="note">{t("article-review-notice")}</p>
        })}
        <Checklist article/>
        <StatusForm article/>
        <Translations article/>
        <SettingsForm article/>
        <Reads article/>
        <Revisions article/>
    }
}

#[component]
fn Checklist(article: RwSignal<EditorArticle>) -> impl IntoView {
    view! {
        <h2>{t("article-checklist")}</h2>
        {move || article.with(|a| {
            let list = &a.checklist;
            view! {
                <p class=if list.ready { "notice notice-ok" } else { "notice notice-error" } role="status">
                    {if list.ready { t("article-ready") } else { t("article-not-ready") }}
                </p>
                {(!list.missing_languages.is_empty()).then(|| view! {
                    <p>{t_args("article-missing-languages", &[("languages", language_list(&list.missing_languages))])}</p>
                })}
                <ul class="plain-list checklist">
                    {list.items.iter().map(|item| {
                        let key = format!("article-check-{}", item.problem.replace('_', "-"));
                        let field = format!("article-field-{}", item.field.replace('_', "-"));
                        let language = item.language.map(|l| l.code().to_owned()).unwrap_or_default();
                        view! {
                            <li class=if item.blocking { "check-blocking" } else { "check-note" }>
                                <span dir="ltr">{language}</span>
                                " "
                                {t_owned(field)}
                                ": "
                                {t_owned(key)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
    }
}

#[component]
fn StatusForm(article: RwSignal<EditorArticle>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let chosen = RwSignal::new(article.with_untracked(|a| a.status));
    // `datetime-local`, in the editor's own time zone; empty keeps the article's time (or now).
    let publish_at = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let (id, revision) = article.with_untracked(|a| (a.id, a.revision));
        let typed = publish_at.get_untracked();
        let publish_at_ms = if typed.is_empty() {
            None
        } else {
            let time = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&typed)).get_time();
            if time.is_nan() {
                outcome.set(Outcome::Failed(ApiFailure::Server(
                    sanad_shared::ErrorCode::InvalidArticle,
                )));
                return;
            }
            Some(time as i64)
        };
        let change = ArticleStatusChange {
            status: chosen.get_untracked(),
            publish_at_ms,
            expected_revision: Some(revision),
        };
        spawn_local(async move {
            match session
                .call::<_, EditorArticle>(
                    "POST",
                    &format!("/api/v1/editor/articles/{id}/status"),
                    Some(&change),
                )
                .await
            {
                Ok(saved) => {
                    article.set(saved);
                    outcome.set(Outcome::Done(i18n.message("staff-saved", None)));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("article-status")}</h2>
        <p>
            {move || article.with(|a| t_owned(status_key(a.status))())}
            {move || article.with(|a| a.visible).then(|| view! { " · " {t("article-visible")} })}
            {move || article.with(|a| {
                (a.status == ArticleStatus::Published && !a.visible)
                    .then(|| a.publish_at_ms.map(local_time))
                    .flatten()
                    .map(|when| view! { " · " {t_args("article-scheduled", &[("time", when)])} })
            })}
        </p>
        <form class="form form-inline" on:submit=save>
            <label for="article-status">{t("article-status-change")}</label>
            <select id="article-status" on:change=move |event| {
                if let Some(status) = ArticleStatus::parse(&event_target_value(&event)) {
                    chosen.set(status);
                }
            }>
                {ArticleStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || chosen.get() == s>{t_owned(status_key(s))}</option>
                }).collect_view()}
            </select>
            <label for="article-publish-at">{t("article-publish-at")}</label>
            <input id="article-publish-at" type="datetime-local" aria-describedby="article-publish-at-hint" bind:value=publish_at/>
            <p class="hint" id="article-publish-at-hint">{t("article-publish-at-hint")}</p>
            <button type="submit" class="button">{t("article-status-save")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}

/// The text in one language at a time: a tab per language, the Markdown, a picture, and a
/// preview rendered by the server exactly as readers will get it.
#[component]
fn Translations(article: RwSignal<EditorArticle>) -> impl IntoView {
    let language = RwSignal::new(Language::Ar);
    view! {
        <h2>{t("article-texts")}</h2>
        <div class="language-tabs" role="group" aria-label=t("article-texts")>
            {Language::ALL.into_iter().map(|l| {
                let has = move || article.with(|a| a.translations.iter().any(|t| t.language == l));
                view! {
                    <button
                        type="button"
                        class="chip"
                        data-language=l.code()
                        aria-pressed=move || (language.get() == l).to_string()
                        on:click=move |_| language.set(l)
                    >
                        {t_owned(format!("language-name-{}", l.code()))}
                        {move || (!has()).then(|| view! { " " <span class="hint">{t("article-language-missing")}</span> })}
                    </button>
                }
            }).collect_view()}
        </div>
        {move || {
            let shown = language.get();
            view! { <TranslationForm article language=shown/> }
        }}
    }
}

#[component]
fn TranslationForm(article: RwSignal<EditorArticle>, language: Language) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let current = article.with_untracked(|a| {
        a.translations
            .iter()
            .find(|t| t.language == language)
            .cloned()
    });
    let title = RwSignal::new(
        current
            .as_ref()
            .map(|t| t.title.clone())
            .unwrap_or_default(),
    );
    let summary = RwSignal::new(
        current
            .as_ref()
            .map(|t| t.summary.clone())
            .unwrap_or_default(),
    );
    let body = RwSignal::new(current.as_ref().map(|t| t.body.clone()).unwrap_or_default());
    let image = RwSignal::new(
        current
            .as_ref()
            .and_then(|t| t.image.as_ref())
            .map(|i| i.src.clone())
            .unwrap_or_default(),
    );
    let image_alt = RwSignal::new(
        current
            .as_ref()
            .and_then(|t| t.image.as_ref())
            .map(|i| i.alt.clone())
            .unwrap_or_default(),
    );
    let outcome = RwSignal::new(Outcome::Idle);
    let preview = RwSignal::new(None::<Result<ArticlePreview, ApiFailure>>);
    let input = move || TranslationInput {
        title: title.get_untracked(),
        summary: summary.get_untracked(),
        body: body.get_untracked(),
        image: Some(image.get_untracked()).filter(|i| !i.is_empty()),
        image_alt: Some(image_alt.get_untracked()).filter(|i| !i.is_empty()),
        expected_revision: Some(article.with_untracked(|a| a.revision)),
    };
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let id = article.with_untracked(|a| a.id);
        let text = input();
        spawn_local(async move {
            match session
                .call::<_, EditorArticle>(
                    "PUT",
                    &format!(
                        "/api/v1/editor/articles/{id}/translations/{}",
                        language.code()
                    ),
                    Some(&text),
                )
                .await
            {
                Ok(saved) => {
                    article.set(saved);
                    outcome.set(Outcome::Done(i18n.message("staff-saved", None)));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let show_preview = move |_| {
        let text = input();
        let request = PreviewRequest {
            language,
            title: text.title,
            summary: text.summary,
            body: text.body,
            image: text.image,
            image_alt: text.image_alt,
        };
        spawn_local(async move {
            let answer = session
                .call::<_, ArticlePreview>("POST", "/api/v1/editor/preview", Some(&request))
                .await;
            preview.set(Some(answer));
        });
    };
    let upload = move |file: web_sys::File| {
        spawn_local(async move {
            let Ok(form) = web_sys::FormData::new() else {
                return;
            };
            if form
                .append_with_blob_and_filename("image", &file, "image")
                .is_err()
            {
                return;
            }
            match session
                .form::<MediaUploaded>("/api/v1/editor/media", form)
                .await
            {
                Ok(uploaded) => image.set(uploaded.src),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let code = language.code();
    let dir = language.direction().as_str();
    view! {
        <form class="form translation-form" on:submit=save>
            <label for="article-title">{t("article-title")}</label>
            <input id="article-title" lang=code dir=dir bind:value=title/>
            <label for="article-summary">{t("article-summary")}</label>
            <textarea id="article-summary" lang=code dir=dir rows="3" bind:value=summary></textarea>
            <label for="article-body">{t("article-body")}</label>
            <p class="hint" id="article-body-hint">{t("article-body-hint")}</p>
            <textarea id="article-body" lang=code dir=dir rows="16" aria-describedby="article-body-hint" bind:value=body></textarea>
            <label for="article-picture">{t("article-picture")}</label>
            <FilePicker id="article-picture" accept="image/jpeg,image/png,image/webp" on_change=upload/>
            {move || (!image.get().is_empty()).then(|| view! { <p class="hint" dir="ltr">{image.get()}</p> })}
            <label for="article-picture-alt">{t("article-picture-alt")}</label>
            <input id="article-picture-alt" lang=code dir=dir bind:value=image_alt/>
            <div class="actions-row">
                <button type="submit" class="button">{t("article-save-text")}</button>
                <button type="button" class="button button-secondary" on:click=show_preview>{t("article-preview")}</button>
            </div>
            <OutcomeNotice outcome/>
        </form>
        {move || preview.get().map(|answer| match answer {
            Err(failure) => view! { <Failed failure on_retry=move || preview.set(None)/> }.into_any(),
            Ok(shown) => {
                let body = shown.body_html.clone();
                view! {
                    <h3>{t("article-preview-title")}</h3>
                    <article class="article preview" lang=shown.language.code() dir=shown.direction.as_str()>
                        <h1>{shown.title.clone()}</h1>
                        <p class="lead">{shown.summary.clone()}</p>
                        {shown.image.clone().map(|i| view! {
                            <img class="article-image" src=i.src alt=i.alt width=i.width.to_string() height=i.height.to_string()/>
                        })}
                        // Sanitised by the server, by the same code as the public API.
                        <div class="article-body" inner_html=body></div>
                    </article>
                }.into_any()
            }
        })}
    }
}

#[component]
fn SettingsForm(article: RwSignal<EditorArticle>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let start = article.get_untracked();
    let slug = RwSignal::new(start.slug.clone());
    let category = RwSignal::new(start.category);
    let campaign = RwSignal::new(start.campaign.as_ref().map(|c| c.id));
    let featured = RwSignal::new(start.featured);
    let needs_review = RwSignal::new(start.needs_review);
    let outcome = RwSignal::new(Outcome::Idle);
    let campaigns = Loader::new(move || async move {
        session
            .call::<(), Vec<sanad_shared::articles::Campaign>>(
                "GET",
                "/api/v1/editor/campaigns",
                None,
            )
            .await
    });
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let (id, revision, publish_at_ms) =
            article.with_untracked(|a| (a.id, a.revision, a.publish_at_ms));
        let settings = ArticleSettings {
            slug: slug.get_untracked().trim().to_owned(),
            category: category.get_untracked(),
            campaign_id: campaign.get_untracked(),
            featured: featured.get_untracked(),
            publish_at_ms,
            needs_review: needs_review.get_untracked(),
            expected_revision: Some(revision),
        };
        spawn_local(async move {
            match session
                .call::<_, EditorArticle>(
                    "PUT",
                    &format!("/api/v1/editor/articles/{id}"),
                    Some(&settings),
                )
                .await
            {
                Ok(saved) => {
                    article.set(saved);
                    outcome.set(Outcome::Done(i18n.message("staff-saved", None)));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("article-settings")}</h2>
        <form class="form" on:submit=save>
            <label for="article-slug">{t("article-slug")}</label>
            <p class="hint" id="article-slug-hint">{t("article-slug-hint")}</p>
            <input id="article-slug" dir="ltr" aria-describedby="article-slug-hint" bind:value=slug/>
            <label for="article-category">{t("article-category")}</label>
            <select id="article-category" on:change=move |event| {
                if let Some(c) = Category::parse(&event_target_value(&event)) {
                    category.set(c);
                }
            }>
                {Category::ALL.into_iter().map(|c| view! {
                    <option value=c.as_str() selected=move || category.get() == c>{t_owned(category_key(c))}</option>
                }).collect_view()}
            </select>
            <label for="article-campaign">{t("article-campaign")}</label>
            <select id="article-campaign" on:change=move |event| {
                campaign.set(event_target_value(&event).parse::<i64>().ok());
            }>
                <option value="" selected=move || campaign.get().is_none()>{t("article-no-campaign")}</option>
                {move || campaigns.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| {
                    let id = c.id;
                    let title = c.titles.first().map(|t| t.text.clone()).unwrap_or_else(|| c.slug.clone());
                    view! { <option value=id.to_string() selected=move || campaign.get() == Some(id)>{title}</option> }
                }).collect_view()}
            </select>
            <label class="choice">
                <input type="checkbox" prop:checked=move || featured.get() on:change=move |event| featured.set(event_target_checked(&event))/>
                {t("article-featured")}
            </label>
            <label class="choice">
                <input type="checkbox" prop:checked=move || needs_review.get() on:change=move |event| needs_review.set(event_target_checked(&event))/>
                {t("article-needs-review")}
            </label>
            <button type="submit" class="button">{t("article-save-settings")}</button>
            <OutcomeNotice outcome/>
        </form>
    }
}

/// A time as the editor's browser shows it in their own time zone, `YYYY-MM-DD HH:MM`.
fn local_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Reads per day and language: counts only, nothing about readers.
#[component]
fn Reads(article: RwSignal<EditorArticle>) -> impl IntoView {
    view! {
        <h2>{t("article-reads")}</h2>
        {move || article.with(|a| {
            if a.reads.is_empty() {
                view! { <p class="hint">{t("article-no-reads")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {a.reads.iter().map(|r| view! {
                            <li>
                                <span dir="ltr">{r.day.clone()}</span>
                                " · "
                                {t_owned(format!("language-name-{}", r.language.code()))}
                                " · "
                                <span dir="ltr">{r.count}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        })}
    }
}

/// Who changed what, newest first.
#[component]
fn Revisions(article: RwSignal<EditorArticle>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let history = Loader::new(move || async move {
        let id = article.with_untracked(|a| a.id);
        session
            .call::<(), Vec<ArticleRevision>>(
                "GET",
                &format!("/api/v1/editor/articles/{id}/revisions"),
                None,
            )
            .await
    });
    // Every save makes a revision: follow it.
    Effect::new(move |previous: Option<i64>| {
        let revision = article.with(|a| a.revision);
        if previous.is_some_and(|p| p != revision) {
            history.reload();
        }
        revision
    });
    view! {
        <h2>{t("article-history")}</h2>
        {move || match history.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(failure)) => view! { <Failed failure on_retry=move || history.reload()/> }.into_any(),
            Some(Ok(list)) => view! {
                <ol class="plain-list revisions">
                    {list.into_iter().map(|r| {
                        let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(r.at_ms as f64))
                            .to_iso_string()
                            .as_string()
                            .unwrap_or_default()
                            .chars()
                            .take(16)
                            .collect::<String>()
                            .replace('T', " ");
                        let language = r
                            .language
                            .map(|l| format!(" ({})", i18n.message(&format!("language-name-{}", l.code()), None)))
                            .unwrap_or_default();
                        view! {
                            <li>
                                <span dir="ltr">{format!("#{} · {when}", r.revision)}</span>
                                " · "
                                <bdi>{r.author.clone()}</bdi>
                                " · "
                                {t_owned(format!("article-change-{}", r.change.as_str()))}
                                <span dir="ltr">{language}</span>
                                {(!r.fields.is_empty()).then(|| view! { " · " <span dir="ltr">{r.fields.join(", ")}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}
