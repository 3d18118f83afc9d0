//! Sanad's anonymous-tip pages, a bundle of their own: `/report` (the form, the proof of work and
//! the receipt) and `/follow-up` (coming back with the receipt). The server sends `tipster.html`
//! for these paths; the layout is the public site's (`public/app.rs`). The pages are built with
//! the small DOM builder in `dom` rather than `view!`, for size: see there for the measurements.

#[path = "../public/app.rs"]
mod app;
mod dom;
mod follow_up;
mod forms;
mod proof;
mod report;

use leptos::prelude::*;

fn tipster_path(path: &str) -> bool {
    matches!(path, "/report" | "/follow-up")
}

fn page(path: &str) -> AnyView {
    match path {
        "/follow-up" => follow_up::follow_up(),
        _ => report::report(),
    }
}

fn main() {
    app::mount(app::Pages {
        owns: tipster_path,
        page,
    });
}
