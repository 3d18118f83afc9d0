use leptos::prelude::*;

use sanad_frontend::i18n::t;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-text")}</p>
            <p><a href="/">{t("not-found-home")}</a></p>
        </section>
    }
}
