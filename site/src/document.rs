//! The HTML document around every public page: `<html lang dir>` in the first bytes, what link
//! previews and search engines read (title, description, canonical address, the page in the
//! other languages, Open Graph), the header with its language links, and the footer.

use leptos::{prelude::*, tachys::html::attribute::custom::CustomAttribute};
use sanad_shared::Language;

use crate::{paths, Assets, IslandScripts, Messages};

/// What the `<head>` says about a page. Addresses are absolute: link previews need them so.
#[derive(Clone, Debug, Default)]
pub struct Head {
    /// The page's own title; the site's name is added after it.
    pub title: Option<String>,
    pub description: String,
    pub canonical: String,
    /// The page in each language it exists in (its own included).
    pub alternates: Vec<(Language, String)>,
    pub article: Option<ArticleHead>,
    /// The picture link previews show.
    pub image: String,
    /// This language's Atom feed.
    pub feed: Option<String>,
    /// A page that must not be indexed (not found, forms).
    pub no_index: bool,
}

#[derive(Clone, Debug, Default)]
pub struct ArticleHead {
    /// `YYYY-MM-DD`.
    pub published_on: String,
    /// What the article's own text is in (it differs from the page's when shown in Arabic).
    pub language: Option<Language>,
}

/// A link of the language switcher: the same page in another language.
#[derive(Clone, Debug)]
pub struct LanguageLink {
    pub language: Language,
    /// The language's name in its own script.
    pub name: String,
    pub href: String,
}

/// The Open Graph locale of a language (`language_TERRITORY`).
pub fn og_locale(language: Language) -> &'static str {
    match language {
        Language::Ar => "ar_IQ",
        Language::Ckb => "ckb_IQ",
        Language::Kmr => "kmr_IQ",
        Language::En => "en_GB",
    }
}

/// `<meta property=… content=…>`, the Open Graph form (`property` is not an HTML attribute, so
/// the view macro does not know it).
fn og(property: &'static str, content: String) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content)
}

/// The whole page as HTML text, doctype first. `islands` are the scripts of a page that holds
/// islands; a page without them loads no script but the offline reader.
pub fn render(
    messages: &dyn Messages,
    assets: &Assets,
    head: Head,
    languages: Vec<LanguageLink>,
    main: AnyView,
    islands: Option<IslandScripts>,
) -> String {
    let language = messages.language();
    let app_name = messages.get("app-name");
    let title = match &head.title {
        Some(title) => format!("{title} · {app_name}"),
        None => app_name.clone(),
    };
    let og_title = head.title.clone().unwrap_or_else(|| app_name.clone());
    let alternates = head
        .alternates
        .iter()
        .map(|(l, href)| view! { <link rel="alternate" hreflang=l.code() href=href.clone()/> })
        .collect_view();
    let other_locales = head
        .alternates
        .iter()
        .filter(|(l, _)| *l != language)
        .map(|(l, _)| og("og:locale:alternate", og_locale(*l).to_owned()))
        .collect_view();
    let og_type = if head.article.is_some() {
        "article"
    } else {
        "website"
    };
    let article_meta = head
        .article
        .as_ref()
        .map(|a| og("article:published_time", a.published_on.clone()));
    let feed = head.feed.clone().map(|href| {
        view! { <link rel="alternate" type="application/atom+xml" href=href title=app_name.clone()/> }
    });
    let robots = head
        .no_index
        .then(|| view! { <meta name="robots" content="noindex"/> });
    let has_switcher = !languages.is_empty();
    let switcher = languages
        .into_iter()
        .map(|link| {
            let current = (link.language == language).then_some("page");
            view! {
                <li>
                    <a
                        class="language-option"
                        href=link.href
                        hreflang=link.language.code()
                        lang=link.language.code()
                        dir=link.language.direction().as_str()
                        aria-current=current
                    >
                        {link.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    let manifest = format!("/manifest-{}.webmanifest", language.code());
    let islands_head = islands.map(|islands| {
        view! {
            <link rel="modulepreload" href=islands.glue/>
            <link rel="preload" href=islands.wasm r#as="fetch" r#type="application/wasm" crossorigin=""/>
            <script type="module" src=islands.boot></script>
        }
    });
    let content = view! {
        <a class="skip-link" href="#main">{messages.get("skip-to-content")}</a>
        <header class="site-header">
            <a href=paths::home(language) class="brand">{app_name.clone()}</a>
            {has_switcher.then(|| view! {
                <nav class="language-switcher" aria-label=messages.get("language-switcher")>
                    <ul>{switcher}</ul>
                </nav>
            })}
        </header>
        <main id="main" tabindex="-1">{main}</main>
        <footer class="site-footer">
            <p>{messages.get("footer-text")}</p>
        </footer>
    };
    let page = view! {
        <html lang=language.code() dir=language.direction().as_str()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <meta name="theme-color" content="#0b5d4b"/>
                <title>{title}</title>
                <meta name="description" content=head.description.clone()/>
                {robots}
                <link rel="canonical" href=head.canonical.clone()/>
                {alternates}
                {feed}
                {og("og:site_name", app_name.clone())}
                {og("og:title", og_title)}
                {og("og:description", head.description)}
                {og("og:type", og_type.to_owned())}
                {og("og:url", head.canonical)}
                {og("og:image", head.image)}
                {og("og:locale", og_locale(language).to_owned())}
                {other_locales}
                {article_meta}
                <meta name="twitter:card" content="summary_large_image"/>
                <link rel="icon" href=assets.icon.clone() type="image/svg+xml"/>
                <link rel="manifest" href=manifest/>
                <link rel="stylesheet" href=assets.style.clone()/>
                <script src=assets.offline.clone() defer></script>
                {islands_head}
            </head>
            <body>{content}</body>
        </html>
    };
    format!("<!DOCTYPE html>{}", page.to_html())
}
