//! `/{lang}/learn`: the awareness articles in the reader's language, featured and newest first.
//! The topics and the pages are links, so the list works without a script and each view has an
//! address to share.

use leptos::prelude::*;
use sanad_shared::{
    articles::{ArticlePage, ArticleSummary, Category},
    i18n::Args,
};

use super::{article_meta, picture};
use crate::{paths, Messages};

pub fn learn(messages: &dyn Messages, list: &ArticlePage, category: Option<Category>) -> AnyView {
    let language = messages.language();
    let topics = std::iter::once(None)
        .chain(Category::ALL.into_iter().map(Some))
        .map(|choice| {
            let label = match choice {
                Some(c) => messages.get(&format!("learn-category-{}", c.as_str())),
                None => messages.get("learn-category-all"),
            };
            let current = (choice == category).then_some("page");
            view! {
                <li>
                    <a class="chip" href=paths::learn(language, choice, 1) aria-current=current>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    // The latest campaign's articles (the campaign of the newest one that has one) are kept
    // for offline reading when the list is first opened.
    let campaign = (list.page == 1 && category.is_none())
        .then(|| {
            list.articles
                .iter()
                .find_map(|a| a.campaign.as_ref().map(|c| c.slug.clone()))
        })
        .flatten();
    let listed = if list.articles.is_empty() {
        view! { <p class="hint">{messages.get("learn-empty")}</p> }.into_any()
    } else {
        list.articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let keep =
                    campaign.is_some() && a.campaign.as_ref().map(|c| &c.slug) == campaign.as_ref();
                card(messages, a, i > 1, keep)
            })
            .collect_view()
            .into_any()
    };
    let paging = (list.pages > 1).then(|| {
        let mut args = Args::new();
        args.set("page", list.page);
        args.set("pages", list.pages);
        let previous = (list.page > 1).then(|| {
            view! {
                <a class="button button-secondary" rel="prev" href=paths::learn(language, category, list.page - 1)>
                    {messages.get("learn-page-previous")}
                </a>
            }
        });
        let next = (list.page < list.pages).then(|| {
            view! {
                <a class="button button-secondary" rel="next" href=paths::learn(language, category, list.page + 1)>
                    {messages.get("learn-page-next")}
                </a>
            }
        });
        view! {
            <nav class="actions-row paging" aria-label=messages.get("learn-pages")>
                {previous}
                <span class="hint">{messages.get_with("learn-page-of", &args)}</span>
                {next}
            </nav>
        }
    });
    view! {
        <section class="page learn">
            {super::offline_notice(messages)}
            <h1>{messages.get("nav-learn")}</h1>
            <p class="lead">{messages.get("learn-intro")}</p>
            <nav aria-label=messages.get("learn-categories")>
                <ul class="category-filter">{topics}</ul>
            </nav>
            <div class="article-list">{listed}</div>
            {paging}
        </section>
    }
    .into_any()
}

fn card(
    messages: &dyn Messages,
    article: &ArticleSummary,
    lazy: bool,
    keep: bool,
) -> impl IntoView {
    let href = paths::article(messages.language(), &article.slug);
    let fallback = article
        .fallback
        .then(|| view! { <p class="hint">{messages.get("learn-fallback-short")}</p> });
    view! {
        <article class="article-card" lang=article.language.code() dir=article.direction.as_str()>
            {article.image.as_ref().map(|image| picture(image, lazy))}
            <h2><a href=href data-offline=keep.then_some("")>{article.title.clone()}</a></h2>
            <p class="article-summary">{article.summary.clone()}</p>
            {article_meta(messages, article.category, &article.published_on, article.featured)}
            {fallback}
        </article>
    }
}
