//! The router and the layout every page shares.

use leptos::prelude::*;

use sanad_frontend::{
    components::{language_switcher::LanguageSwitcher, states::LoadFailed},
    i18n::{t, I18n, LoadState},
    router::provide_location,
};

use crate::pages::{home::Home, not_found::NotFound, placeholder::Placeholder};

/// The staff area is another app: links into it load it.
fn public_path(path: &str) -> bool {
    path != "/staff" && !path.starts_with("/staff/")
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let title = t("app-name");
    Effect::new(move |_| {
        if i18n.state.get() == LoadState::Ready {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&title());
            }
        }
    });
    // Until the first language arrives there is nothing to show but progress or its failure;
    // after that, a failed switch keeps the current language on screen with a notice.
    let first_load = move || i18n.bundle_ready();
    view! {
        {move || {
            if first_load() {
                view! { <Layout/> }.into_any()
            } else if i18n.state.get() == LoadState::Failed {
                view! { <div class="boot-state"><LoadFailed on_retry=move || i18n.retry()/></div> }.into_any()
            } else {
                view! { <div class="boot-state"><Spinner/></div> }.into_any()
            }
        }}
    }
}

#[component]
fn Spinner() -> impl IntoView {
    view! {
        <p class="spinner" role="status" aria-live="polite">
            {t("state-loading")}
        </p>
    }
}

#[component]
fn Layout() -> impl IntoView {
    let i18n = sanad_frontend::i18n::use_i18n();
    let location = provide_location(public_path);
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <a href="/" class="brand">{t("app-name")}</a>
            <LanguageSwitcher/>
        </header>
        {move || (i18n.state.get() == LoadState::Failed).then(|| view! { <LoadFailed on_retry=move || i18n.retry()/> })}
        <main id="main" tabindex="-1">
            {move || match location.path().as_str() {
                "/" => view! { <Home/> }.into_any(),
                "/report" => view! { <Placeholder title="nav-report"/> }.into_any(),
                "/missing" => view! { <Placeholder title="nav-missing"/> }.into_any(),
                "/learn" => view! { <Placeholder title="nav-learn"/> }.into_any(),
                "/staff" => view! { <Placeholder title="nav-staff"/> }.into_any(),
                _ => view! { <NotFound/> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{t("footer-text")}</p>
        </footer>
    }
}
