//! Sanad's public web app: `app` holds the layout every public page shares, `pages/` one
//! component per page. The public forms (`/report`, `/follow-up`, `/missing`) are bundles of
//! their own (`report/`, `follow_up/`, `missing/`), so the home page never downloads them: links to them load them.

mod app;
mod pages;

use leptos::prelude::*;

use pages::{home::Home, not_found::NotFound, placeholder::Placeholder};

/// The staff area and the public forms are other apps: links to them load them.
fn public_path(path: &str) -> bool {
    !matches!(path, "/report" | "/follow-up" | "/missing")
        && path != "/staff"
        && !path.starts_with("/staff/")
}

fn page(path: &str) -> AnyView {
    match path {
        "/" => view! { <Home/> }.into_any(),
        "/learn" => view! { <Placeholder title="nav-learn"/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

fn main() {
    app::mount(app::Pages {
        owns: public_path,
        page,
    });
}
