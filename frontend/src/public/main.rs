//! Sanad's public web app: `app` holds the layout every public page shares, `pages/` one
//! component per page. The public forms (`/report`, `/follow-up`, `/missing`) and the articles
//! (`/learn`) are bundles of their own (`report/`, `follow_up/`, `missing/`, `learn/`), so the
//! home page never downloads them: links to them load them.

mod app;
mod pages;

use leptos::prelude::*;

use pages::{home::Home, not_found::NotFound};

/// The staff area, the public forms and the articles are other apps: links to them load them.
fn public_path(path: &str) -> bool {
    !matches!(path, "/report" | "/follow-up" | "/missing" | "/learn")
        && !path.starts_with("/learn/")
        && path != "/staff"
        && !path.starts_with("/staff/")
}

fn page(path: &str) -> AnyView {
    match path {
        "/" => view! { <Home/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

fn main() {
    app::mount(app::Pages {
        owns: public_path,
        page,
    });
}
