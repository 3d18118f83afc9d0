//! An address that leads nowhere.

use leptos::prelude::*;

use crate::{paths, Messages};

pub fn not_found(messages: &dyn Messages) -> AnyView {
    view! {
        <section class="page not-found">
            <h1>{messages.get("not-found-title")}</h1>
            <p>{messages.get("not-found-text")}</p>
            <p><a href=paths::home(messages.language())>{messages.get("not-found-home")}</a></p>
        </section>
    }
    .into_any()
}
