//! Client-side navigation: the current path as a signal, links that change it without reloading
//! the page, and the browser's back and forward buttons.
//!
//! Written here rather than taken from leptos_router because the public pages must load in at
//! most 150 KB (brotli) on slow mobile networks, and leptos_router's general machinery (nested
//! routes, params, forms, transitions) measured 34 KB of it (154 KB with it, 120 KB without), for
//! a handful of flat paths.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Location {
    path: RwSignal<String>,
    /// Which paths this app shows; links elsewhere load the other app.
    owns: fn(&str) -> bool,
}

impl Location {
    /// The current path, without trailing slash (except the root) and without query or fragment.
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// Shows `href` (a path on this site), adding it to the history like a followed link; a path
    /// of the other app is loaded.
    pub fn navigate(&self, href: &str) {
        if !(self.owns)(&normalise(href)) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_href(href);
            }
            return;
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.path.set(normalise(href));
        after_navigation();
    }
}

pub fn provide_location(owns: fn(&str) -> bool) -> Location {
    let location = Location {
        path: RwSignal::new(current_path()),
        owns,
    };
    provide_context(location);
    // Back and forward.
    let popstate = window_event_listener(ev::popstate, move |_| location.path.set(current_path()));
    // Links inside the app: follow them without a page load, unless the reader asked for a new
    // tab or window, or the link leaves the app.
    let click = window_event_listener(ev::click, move |event| {
        if let Some(href) = internal_link(&event).filter(|href| (location.owns)(&normalise(href))) {
            event.prevent_default();
            location.navigate(&href);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

fn current_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    normalise(&path)
}

fn normalise(href: &str) -> String {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The path of the same-site link an ordinary left click landed on, if any.
fn internal_link(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let anchor = target.closest("a[href]").ok()??;
    if anchor.has_attribute("target") || anchor.has_attribute("download") {
        return None;
    }
    let href = anchor.get_attribute("href")?;
    // Only paths on this site; "//host" is another site and "#…" a jump within the page.
    (href.starts_with('/') && !href.starts_with("//")).then_some(href)
}

/// A new page starts at its top, and keyboard and screen-reader users land on its content.
fn after_navigation() {
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(main) = window
        .document()
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

pub fn use_location() -> Option<Location> {
    use_context::<Location>()
}
