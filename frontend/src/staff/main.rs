//! Sanad's staff area, a bundle of its own: `session` keeps the sign-in, `app` the routes and
//! layout, `pages/` one component per screen.

mod app;
mod pages;
mod session;

fn main() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
