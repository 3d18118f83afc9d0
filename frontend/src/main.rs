//! Sanad's web app. `app` holds the router and layout, `pages/` one component per page,
//! `components/` the pieces pages share, `router` client-side navigation, `api` every HTTP call, `i18n` the current language.

mod api;
mod app;
mod components;
mod i18n;
mod loader;
mod pages;
mod router;

fn main() {
    // The page shows a spinner until the app starts; the app replaces it.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
