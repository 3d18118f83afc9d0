//! Sanad's staff area, a bundle of its own: `session` keeps the sign-in, `app` the routes and
//! layout, `pages/` one component per screen, `governorate_shapes` the statistics map's outline.

mod app;
mod governorate_shapes;
mod pages;
mod session;

fn main() {
    sanad_frontend::remove_boot_spinner();
    leptos::mount::mount_to_body(app::App);
}
