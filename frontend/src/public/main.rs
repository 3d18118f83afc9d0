//! Sanad's public web app: `app` holds the routes and layout, `pages/` one component per page.

mod app;
mod pages;

fn main() {
    sanad_frontend::remove_boot_spinner();
    leptos::mount::mount_to_body(app::App);
}
