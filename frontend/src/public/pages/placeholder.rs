//! The place of a page whose feature has not opened yet: its title and an honest notice.

use leptos::prelude::*;

use sanad_frontend::i18n::{t, use_i18n};

#[component]
pub fn Placeholder(
    /// The Fluent key of the page's title.
    title: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.message(title, None)}</h1>
            <p>{t("page-coming")}</p>
            <p><a href="/">{t("not-found-home")}</a></p>
        </section>
    }
}
