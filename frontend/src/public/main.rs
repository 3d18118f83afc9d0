//! Sanad's public web app: `app` holds the routes and layout, `pages/` one component per page.

mod app;
mod pages;

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
