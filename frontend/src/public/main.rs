//! Sanad's public web app: `app` holds the layout every public page shares, `pages/` one
//! component per page. The anonymous-tip pages (`/report`, `/follow-up`) are written as a bundle
//! of their own (`tipster/`), so the home page never downloads their forms; that bundle is not
//! shipped yet because its first load (174 KB brotli) is over the 150 KB budget, so these paths
//! still show a placeholder here.

mod app;
mod pages;

use leptos::prelude::*;

use pages::{home::Home, not_found::NotFound, placeholder::Placeholder};

/// The staff area is another app: links to it load it.
fn public_path(path: &str) -> bool {
    path != "/staff" && !path.starts_with("/staff/")
}

fn page(path: &str) -> AnyView {
    match path {
        "/" => view! { <Home/> }.into_any(),
        "/report" => view! { <Placeholder title="nav-report"/> }.into_any(),
        "/follow-up" => view! { <Placeholder title="follow-up-title"/> }.into_any(),
        "/missing" => view! { <Placeholder title="nav-missing"/> }.into_any(),
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
