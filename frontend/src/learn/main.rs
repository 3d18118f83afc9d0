//! `/learn` and `/learn/<slug>`, a bundle of their own: the awareness articles, readable offline
//! once opened (the service worker, `static/sw.js`, is registered here). The server sends
//! `learn.html` for these paths. Built on `sanad_frontend::lean` rather than Leptos, for size:
//! see there for the measurements.

mod page;

use sanad_frontend::lean::dom::El;

fn main() {
    let path = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default();
    let page: fn() -> Vec<El> = if path.trim_end_matches('/') == "/learn" {
        page::list
    } else {
        page::article
    };
    register_service_worker();
    sanad_frontend::lean::shell::mount(page);
}

/// Keeps the app and every article opened for reading without a network.
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Old browsers have no service workers; the pages work as before, online only.
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("/sw.js");
    }
}
