//! `/learn`, the awareness articles in the reader's language (newest and featured first, by
//! category), and `/learn/<slug>`, one article. An article missing in the reader's language comes
//! in Arabic and the page says so, with links to the languages it exists in. Both follow the
//! language switcher, and say when the phone is offline (the service worker then serves what was
//! read before).

use sanad_frontend::{
    api::{self, ApiFailure},
    lean::{
        dom::{document, el, tr, tr_owned, El},
        i18n::use_i18n,
        reactive::{effect, untrack, Var},
        shell::{failed, loading},
    },
};
use sanad_shared::{
    articles::{Article, ArticleImage, ArticleSummary, Category},
    Language,
};
use wasm_bindgen::{prelude::Closure, JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;

/// What a list or an article shows while its request travels, and after.
#[derive(Clone)]
enum Shown<T> {
    Loading,
    Failed(ApiFailure),
    Ready(T),
}

/// `/learn`: the list, a category filter and "more".
pub fn list() -> Vec<El> {
    let i18n = use_i18n();
    let category = Var::new(category_from_address());
    let articles = Var::new(Shown::<Vec<ArticleSummary>>::Loading);
    let page = Var::new(1_u32);
    let pages = Var::new(1_u32);
    let more_failed = Var::new(false);

    let load = move |language: Language, chosen: Option<Category>, number: u32| {
        spawn_local(async move {
            let answer = api::articles(language, chosen, number).await;
            // A slower answer for a language or category the reader has since left must not win.
            if i18n.shown.try_get_untracked() != Some(language)
                || category.try_get_untracked() != Some(chosen)
            {
                return;
            }
            match answer {
                Ok(answer) => {
                    if number == 1 && chosen.is_none() {
                        keep_latest_campaign(&answer.articles, language);
                    }
                    let _ = page.try_set(answer.page);
                    let _ = pages.try_set(answer.pages);
                    let _ = more_failed.try_set(false);
                    let _ = articles.try_update(|shown| match shown {
                        Shown::Ready(list) if number > 1 => list.extend(answer.articles),
                        _ => *shown = Shown::Ready(answer.articles),
                    });
                }
                Err(failure) if number > 1 => {
                    let _ = failure;
                    let _ = more_failed.try_set(true);
                }
                Err(failure) => {
                    let _ = articles.try_set(Shown::Failed(failure));
                }
            }
        });
    };
    // The first page, again whenever the language or the category changes.
    effect(move || {
        let language = i18n.shown.get();
        let chosen = category.get();
        untrack(|| {
            articles.set(Shown::Loading);
            load(language, chosen, 1);
        });
    });

    let filters = el("ul").class("category-filter").children(
        std::iter::once(None)
            .chain(Category::ALL.into_iter().map(Some))
            .map(|choice| {
                let label = match choice {
                    Some(c) => tr_owned(format!("learn-category-{}", c.as_str())),
                    None => tr("learn-category-all"),
                };
                el("li").child(
                    el("button")
                        .attr("type", "button")
                        .class("chip")
                        .attr_with(
                            "aria-pressed",
                            Box::new(move || Some((category.get() == choice).to_string())),
                        )
                        .on("click", move |_| {
                            remember_category(choice);
                            category.set(choice);
                        })
                        .show(label),
                )
            })
            .collect(),
    );

    let listed = el("div").class("article-list").rows(
        None,
        Box::new(move || {
            articles.with(|shown| match shown {
                Shown::Loading => vec![loading()],
                Shown::Failed(failure) => {
                    let language = i18n.shown.get_untracked();
                    vec![failed(failure, move || {
                        articles.set(Shown::Loading);
                        load(language, category.get_untracked(), 1);
                    })]
                }
                Shown::Ready(list) if list.is_empty() => {
                    vec![el("p").class("hint").tr("learn-empty")]
                }
                Shown::Ready(list) => list.iter().map(card).collect(),
            })
        }),
    );

    let more = el("div")
        .class("actions-row")
        .flag_with(
            "hidden",
            Box::new(move || {
                !articles.with(|s| matches!(s, Shown::Ready(_))) || page.get() >= pages.get()
            }),
        )
        .child(
            el("button")
                .attr("type", "button")
                .class("button button-secondary")
                .on("click", move |_| {
                    load(
                        i18n.shown.get_untracked(),
                        category.get_untracked(),
                        page.get_untracked() + 1,
                    )
                })
                .tr("learn-more"),
        )
        .child(
            el("p")
                .class("notice notice-error")
                .attr("role", "alert")
                .flag_with("hidden", Box::new(move || !more_failed.get()))
                .tr("state-load-failed"),
        );

    vec![el("section")
        .class("page learn")
        .child(offline_notice())
        .child(el("h1").tr("nav-learn"))
        .child(el("p").class("lead").tr("learn-intro"))
        .child(
            el("nav")
                .attr_with("aria-label", {
                    let label = tr("learn-categories");
                    Box::new(move || Some(label()))
                })
                .child(filters),
        )
        .child(listed)
        .child(more)]
}

/// Asks the service worker to keep the latest campaign's articles (the campaign of the newest
/// article that has one) for offline reading, unless the reader asked to save data.
fn keep_latest_campaign(articles: &[ArticleSummary], language: Language) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let save_data = js_sys::Reflect::get(&navigator, &JsValue::from_str("connection"))
        .ok()
        .filter(|c| !c.is_undefined())
        .and_then(|c| js_sys::Reflect::get(&c, &JsValue::from_str("saveData")).ok())
        .is_some_and(|s| s.is_truthy());
    if save_data || !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let Some(worker) = navigator.service_worker().controller() else {
        return;
    };
    let Some(campaign) = articles
        .iter()
        .find_map(|a| a.campaign.as_ref().map(|c| c.slug.clone()))
    else {
        return;
    };
    let urls = js_sys::Array::new();
    for article in articles
        .iter()
        .filter(|a| a.campaign.as_ref().is_some_and(|c| c.slug == campaign))
    {
        urls.push(&JsValue::from_str(&format!(
            "/api/v1/articles/{}?lang={}",
            article.slug,
            language.code()
        )));
    }
    let message = js_sys::Object::new();
    if js_sys::Reflect::set(&message, &JsValue::from_str("keep"), &urls).is_ok() {
        let _ = worker.post_message(&message);
    }
}

fn card(article: &ArticleSummary) -> El {
    let href = format!("/learn/{}", article.slug);
    let mut card = el("article")
        .class("article-card")
        .attr("lang", article.language.code())
        .attr("dir", article.direction.as_str());
    if let Some(image) = &article.image {
        card = card.child(picture(image));
    }
    card.child(
        el("h2").child(
            el("a")
                .attr("href", &href)
                .attr("hreflang", article.language.code())
                .text(&article.title),
        ),
    )
    .child(el("p").class("article-summary").text(&article.summary))
    .child(meta(
        article.category,
        &article.published_on,
        article.featured,
    ))
    .child(
        el("p")
            .class("hint")
            .flag("hidden", !article.fallback)
            .tr("learn-fallback-short"),
    )
}

fn meta(category: Category, published_on: &str, featured: bool) -> El {
    let mut line = el("p").class("hint article-meta");
    if featured {
        line = line.child(el("strong").tr("learn-featured")).text(" · ");
    }
    line.child(el("span").show(tr_owned(format!("learn-category-{}", category.as_str()))))
        .text(" · ")
        .child(el("span").attr("dir", "ltr").text(published_on))
}

fn picture(image: &ArticleImage) -> El {
    el("img")
        .attr("src", &image.src)
        .attr("alt", &image.alt)
        .attr("width", &image.width.to_string())
        .attr("height", &image.height.to_string())
        .attr("loading", "lazy")
        .attr("decoding", "async")
        .class("article-image")
}

/// `/learn/<slug>`: one article.
pub fn article() -> Vec<El> {
    let i18n = use_i18n();
    let slug = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .and_then(|path| path.strip_prefix("/learn/").map(str::to_owned))
        .map(|slug| slug.trim_end_matches('/').to_owned())
        .unwrap_or_default();
    let shown = Var::new(Shown::<Article>::Loading);
    let load = {
        let slug = slug.clone();
        move |language: Language| {
            let slug = slug.clone();
            spawn_local(async move {
                let answer = api::article(&slug, language).await;
                if i18n.shown.try_get_untracked() != Some(language) {
                    return;
                }
                let _ = shown.try_set(match answer {
                    Ok(article) => Shown::Ready(article),
                    Err(failure) => Shown::Failed(failure),
                });
            });
        }
    };
    let first = load.clone();
    effect(move || {
        let language = i18n.shown.get();
        untrack(|| {
            shown.set(Shown::Loading);
            first(language);
        });
    });
    let body = el("div").class("article-page").rows(
        None,
        Box::new(move || {
            shown.with(|state| match state {
                Shown::Loading => vec![loading()],
                Shown::Failed(failure) => {
                    let retry = load.clone();
                    let language = i18n.shown.get_untracked();
                    vec![failed(failure, move || {
                        shown.set(Shown::Loading);
                        retry(language);
                    })]
                }
                Shown::Ready(article) => {
                    set_title(&article.title);
                    article_view(article)
                }
            })
        }),
    );
    vec![el("section")
        .class("page learn-article")
        .child(offline_notice())
        .child(
            el("p").child(
                el("a")
                    .attr("href", "/learn")
                    .class("back-link")
                    .tr("learn-back"),
            ),
        )
        .child(body)]
}

fn article_view(article: &Article) -> Vec<El> {
    let mut shown = Vec::new();
    if article.fallback {
        let links = article
            .available_languages
            .iter()
            .map(|language| {
                el("li").child(
                    el("a")
                        .attr(
                            "href",
                            &format!("/learn/{}?lang={}", article.slug, language.code()),
                        )
                        .attr("hreflang", language.code())
                        .show(tr_owned(format!("language-name-{}", language.code()))),
                )
            })
            .collect();
        shown.push(
            el("div")
                .class("notice notice-warning")
                .attr("role", "note")
                .child(el("p").tr("learn-fallback"))
                .child(el("p").tr("learn-available-in"))
                .child(el("ul").class("language-links").children(links)),
        );
    }
    let mut page = el("article")
        .class("article")
        .attr("lang", article.language.code())
        .attr("dir", article.direction.as_str())
        .child(el("h1").id("article-title").text(&article.title))
        .child(meta(
            article.category,
            &article.published_on,
            article.featured,
        ))
        .child(el("p").class("lead").text(&article.summary));
    if let Some(image) = &article.image {
        page = page.child(picture(image));
    }
    // Rendered from Markdown and sanitised on the server (ammonia): no script, no style, no
    // event attribute, no remote image.
    let body = el("div").class("article-body");
    body.0.set_inner_html(&article.body_html);
    shown.push(page.child(body));
    shown.push(share(article));
    shown
}

/// The phone's own share sheet where there is one (Web Share API); a plain link otherwise.
fn share(article: &Article) -> El {
    let address = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}/learn/{}", article.slug))
        .unwrap_or_default();
    let navigator = web_sys::window().map(|w| w.navigator());
    let can_share = navigator
        .as_ref()
        .is_some_and(|n| js_sys::Reflect::has(n, &JsValue::from_str("share")).unwrap_or(false));
    let row = el("div").class("actions-row share");
    if can_share {
        let title = article.title.clone();
        let url = address.clone();
        row.child(
            el("button")
                .attr("type", "button")
                .class("button button-secondary")
                .on("click", move |_| {
                    let data = web_sys::ShareData::new();
                    data.set_title(&title);
                    data.set_url(&url);
                    if let Some(navigator) = web_sys::window().map(|w| w.navigator()) {
                        // The reader may close the sheet; nothing to report then.
                        let _ = navigator.share_with_data(&data);
                    }
                })
                .tr("learn-share"),
        )
    } else {
        row.child(
            el("a")
                .attr("href", &address)
                .class("button button-secondary")
                .tr("learn-share-link"),
        )
    }
}

/// Says when the phone is offline: what shows then comes from the copies kept on the phone.
fn offline_notice() -> El {
    let online = Var::new(is_online());
    for event in ["online", "offline"] {
        let listener = Closure::<dyn FnMut()>::new(move || {
            let _ = online.try_set(is_online());
        });
        if let Some(window) = web_sys::window() {
            let _ =
                window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        // The page lives until the next navigation, which loads a new one.
        listener.forget();
    }
    el("p")
        .class("notice notice-warning")
        .attr("role", "status")
        .flag_with("hidden", Box::new(move || online.get()))
        .tr("learn-offline")
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn set_title(title: &str) {
    let i18n = use_i18n();
    let app = untrack(|| i18n.message("app-name", None));
    document().set_title(&format!("{title} · {app}"));
}

fn category_from_address() -> Option<Category> {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("category="))
                .and_then(Category::parse)
        })
}

/// Keeps the chosen category in the address, so a reload or a shared link shows it.
fn remember_category(category: Option<Category>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let address = match category {
        Some(c) => format!("/learn?category={}", c.as_str()),
        None => "/learn".to_owned(),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}
