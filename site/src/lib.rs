//! Sanad's public site as Leptos components that the server renders to HTML: every page reads
//! whole without a script, links carry the language in the address (`/ckb/learn/…`), and each
//! page says what it is to link previews and search engines. The server (backend
//! `routes/site.rs`) reads the data and passes it in; nothing here touches the database or the
//! network.

pub mod document;
pub mod islands;
pub mod pages;
pub mod paths;

use sanad_shared::{i18n::Args, Language};

/// The reactive owner a page renders in: islands need a server's shared context, which marks
/// their children as rendered by the server.
#[cfg(feature = "ssr")]
pub fn render_owner() -> leptos::prelude::Owner {
    leptos::prelude::Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new_islands(),
    )))
}

/// The reader's messages: Fluent, in the page's language.
pub trait Messages {
    fn language(&self) -> Language;
    fn get(&self, key: &str) -> String;
    fn get_with(&self, key: &str, args: &Args<'_>) -> String;
}

/// The files every page links: content-hashed names under `/assets/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    pub style: String,
    pub icon: String,
    /// Registers the service worker that keeps read pages for offline reading.
    pub offline: String,
}

/// The WebAssembly that hydrates the islands ([`islands`]), and the module that starts it. Only
/// pages with an island load it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IslandScripts {
    pub glue: String,
    pub wasm: String,
    pub boot: String,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use leptos::prelude::*;
    use sanad_shared::{i18n::Args, Language};

    use crate::{
        document::{render, Head, LanguageLink},
        pages, Assets, Messages,
    };

    struct Keys(Language);

    impl Messages for Keys {
        fn language(&self) -> Language {
            self.0
        }
        fn get(&self, key: &str) -> String {
            format!("[{key}]")
        }
        fn get_with(&self, key: &str, _: &Args<'_>) -> String {
            format!("[{key}+]")
        }
    }

    fn assets() -> Assets {
        Assets {
            style: "/assets/style-1.css".into(),
            icon: "/assets/icon-1.svg".into(),
            offline: "/assets/offline-1.js".into(),
        }
    }

    #[test]
    fn the_first_bytes_say_language_and_direction_and_text_is_escaped() {
        let messages = Keys(Language::Ckb);
        let html = crate::render_owner().with(|| {
            render(
                &messages,
                &assets(),
                Head {
                    title: Some("<b>\"x\"</b>".into()),
                    description: "a & b".into(),
                    canonical: "https://example.org/ckb/".into(),
                    alternates: vec![(Language::Ar, "https://example.org/ar/".into())],
                    ..Head::default()
                },
                vec![LanguageLink {
                    language: Language::Ar,
                    name: "العربية".into(),
                    href: "/ar/".into(),
                }],
                pages::home(&messages),
                None,
            )
        });
        assert!(
            html.starts_with("<!DOCTYPE html><html lang=\"ckb\" dir=\"rtl\">"),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("content=\"a &amp; b\""), "{html}");
        assert!(
            html.contains("<meta property=\"og:locale\" content=\"ckb_IQ\">"),
            "{html}"
        );
        assert!(html.contains("href=\"/ckb/report\""), "{html}");
        println!("{html}");
    }

    #[test]
    fn typed_text_cannot_end_its_text_area() {
        let messages = Keys(Language::Ar);
        let typed = "</textarea><form action=\"https://evil.example\"> & \"quoted\"";
        let page = |form: &pages::report::TipForm| {
            crate::render_owner().with(|| pages::report(&messages, form).to_html())
        };
        let mut form = pages::report::TipForm::default();
        form.values.description = typed.into();
        let html = page(&form);
        assert!(!html.contains("<form action=\"https"), "{html}");
        assert!(
            html.contains("&lt;/textarea&gt;&lt;form action=\"https://evil.example\"&gt; &amp; \"quoted\"</textarea>"),
            "{html}"
        );
        let thread = pages::follow_up::Thread {
            typed: typed.into(),
            ..Default::default()
        };
        let html =
            crate::render_owner().with(|| pages::follow_up::thread(&messages, &thread).to_html());
        assert!(!html.contains("<form action=\"https"), "{html}");
        let case = pages::missing::CaseForm {
            values: [("marks".to_owned(), typed.to_owned())].into(),
            ..Default::default()
        };
        let html =
            crate::render_owner().with(|| pages::missing::missing(&messages, &case).to_html());
        assert!(!html.contains("<form action=\"https"), "{html}");
        assert!(html.contains("&lt;/textarea&gt;"), "{html}");
    }
}
