//! Sanad's staff area, rendered in the browser (its routes on `leptos_router`): the language and
//! its messages (`i18n`), every HTTP call (`api`), fetch state (`loader`), common components,
//! and the screens (`staff/`). The public site is rendered by the server (the `site`
//! crate), with islands where it needs the browser.

pub mod api;
pub mod components;
pub mod i18n;
pub mod loader;

/// The page shows a spinner until an app starts; the app removes it before mounting.
pub fn remove_boot_spinner() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
