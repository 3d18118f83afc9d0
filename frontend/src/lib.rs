//! What Sanad's web apps share: the language and its messages (`i18n`), every HTTP call
//! (`api`), client-side navigation (`router`), fetch state (`loader`), common components, and the
//! Leptos-free core of the public forms (`lean`). The forms live in `report/`, `follow_up/` and
//! `missing/`, the staff area in `staff/`; each is its own bundle. The home page and the articles
//! are rendered by the server (the `site` crate).

pub mod api;
pub mod components;
pub mod i18n;
pub mod lean;
pub mod loader;
pub mod router;

/// The page shows a spinner until an app starts; the app removes it before mounting.
pub fn remove_boot_spinner() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
