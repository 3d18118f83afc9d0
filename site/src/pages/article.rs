//! `/{lang}/learn/<slug>`: one article. An article missing in the reader's language comes in
//! Arabic and the page says so, with links to the languages it exists in.

use leptos::prelude::*;
use sanad_shared::articles::Article;

use super::{article_meta, picture};
use crate::{paths, Messages};

/// `address` is the article's absolute address, offered as the link to share.
pub fn article(messages: &dyn Messages, article: &Article, address: &str) -> AnyView {
    let language = messages.language();
    let fallback = article.fallback.then(|| {
        let links = article
            .available_languages
            .iter()
            .map(|other| {
                view! {
                    <li>
                        <a href=paths::article(*other, &article.slug) hreflang=other.code()>
                            {messages.get(&format!("language-name-{}", other.code()))}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="notice notice-warning" role="note">
                <p>{messages.get("learn-fallback")}</p>
                <p>{messages.get("learn-available-in")}</p>
                <ul class="language-links">{links}</ul>
            </div>
        }
    });
    view! {
        <section class="page learn-article">
            {super::offline_notice(messages)}
            <p><a href=paths::learn(language, None, 1) class="back-link">{messages.get("learn-back")}</a></p>
            <div class="article-page">
                {fallback}
                <article class="article" lang=article.language.code() dir=article.direction.as_str()>
                    <h1 id="article-title">{article.title.clone()}</h1>
                    {article_meta(messages, article.category, &article.published_on, article.featured)}
                    <p class="lead">{article.summary.clone()}</p>
                    {article.image.as_ref().map(|image| picture(image, false))}
                    // Rendered from Markdown and sanitised on the server (ammonia): no script, no
                    // style, no event attribute, no remote image.
                    <div class="article-body" inner_html=article.body_html.clone()></div>
                </article>
                <div class="actions-row share">
                    // The phone's share sheet, where it has one: the page's script shows it.
                    <button
                        type="button"
                        class="button"
                        hidden
                        data-share=address.to_owned()
                        data-title=article.title.clone()
                    >
                        {messages.get("learn-share")}
                    </button>
                    <a href=address.to_owned() class="button button-secondary">
                        {messages.get("learn-share-link")}
                    </a>
                </div>
            </div>
        </section>
    }
    .into_any()
}
