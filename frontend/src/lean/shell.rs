//! The public layout for lean pages, the same markup as the Leptos pages' (`public/app.rs`):
//! skip link, header with the language switcher, the page, footer; until the first language
//! arrives, progress or its failure. Links to other pages load them from the server.

use super::{
    dom::{document, el, tr, El},
    i18n::{use_i18n, I18n},
    reactive::{at_root, effect, memo, untrack},
};
use crate::{
    api::ApiFailure,
    i18n::{native_names, LoadState},
};

/// Starts the app in the page's body with `page` as its content.
pub fn mount(page: fn() -> Vec<El>) {
    crate::remove_boot_spinner();
    let Some(body) = document().body() else {
        return;
    };
    at_root(|| {
        let i18n = use_i18n();
        effect(move || {
            if i18n.state.get() == LoadState::Ready {
                document().set_title(&i18n.message("app-name", None));
            }
        });
        // Once the first language has arrived the layout stays: a failed switch keeps the
        // current language on screen with a notice.
        let phase = memo(move || {
            if i18n.bundle_ready() {
                LoadState::Ready
            } else {
                i18n.state.get()
            }
        });
        El(body.into()).rows(
            None,
            Box::new(move || {
                let phase = phase.get();
                untrack(|| match phase {
                    LoadState::Ready => layout(i18n, page),
                    LoadState::Failed => {
                        vec![el("div").class("boot-state").child(load_failed(i18n))]
                    }
                    LoadState::Loading => vec![el("div").class("boot-state").child(
                        el("p")
                            .class("spinner")
                            .attr("role", "status")
                            .attr("aria-live", "polite")
                            .tr("state-loading"),
                    )],
                })
            }),
        );
    });
}

fn layout(i18n: I18n, page: fn() -> Vec<El>) -> Vec<El> {
    vec![
        el("a")
            .class("skip-link")
            .attr("href", "#main")
            .tr("skip-to-content"),
        el("header")
            .class("site-header")
            .child(
                el("a")
                    .attr_with(
                        "href",
                        Box::new(move || Some(format!("/{}/", i18n.chosen.get().code()))),
                    )
                    .class("brand")
                    .tr("app-name"),
            )
            .child(language_switcher(i18n)),
        el("div")
            .flag_with(
                "hidden",
                Box::new(move || i18n.state.get() != LoadState::Failed),
            )
            .child(load_failed(i18n)),
        el("main")
            .id("main")
            .attr("tabindex", "-1")
            .children(page()),
        el("footer")
            .class("site-footer")
            .child(el("p").tr("footer-text")),
    ]
}

/// The language's messages could not be downloaded.
fn load_failed(i18n: I18n) -> El {
    el("div")
        .class("state state-error")
        .attr("role", "alert")
        .child(el("p").tr("state-load-failed"))
        .child(retry_button(move || i18n.retry()))
}

fn retry_button(retry: impl Fn() + 'static) -> El {
    el("button")
        .attr("type", "button")
        .class("button")
        .on("click", move |_| retry())
        .tr("state-retry")
}

/// A failed API call, explained by its error code, with a way to try again.
pub fn failed(failure: &ApiFailure, retry: impl Fn() + 'static) -> El {
    el("div")
        .class("state state-error")
        .attr("role", "alert")
        .child(el("p").tr(failure.message_key()))
        .child(retry_button(retry))
}

pub fn loading() -> El {
    el("p")
        .class("state state-loading")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .tr("state-loading")
}

/// One button per language, each labelled in its own language and script, so a reader who
/// landed on the wrong one can always find theirs; compiled in, so nothing moves when it shows.
fn language_switcher(i18n: I18n) -> El {
    let label = tr("language-switcher");
    let buttons = native_names()
        .into_iter()
        .map(|(code, name)| {
            el("li").child(
                el("button")
                    .attr("type", "button")
                    .class("language-option")
                    .attr("lang", code.code())
                    .attr("dir", code.direction().as_str())
                    .attr("data-language", code.code())
                    .attr_with(
                        "aria-pressed",
                        Box::new(move || Some((i18n.chosen.get() == code).to_string())),
                    )
                    .on("click", move |_| i18n.choose(code))
                    .text(&name),
            )
        })
        .collect();
    el("nav")
        .class("language-switcher")
        .attr_with("aria-label", Box::new(move || Some(label())))
        .child(el("ul").children(buttons))
}
