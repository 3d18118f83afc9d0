//! The layout every public page shares, and its mounting; the lean pages (`lean/shell.rs`) copy
//! its markup. The app passes which paths it owns and how it shows them, and a link to a path it
//! does not own loads the other app.

use leptos::prelude::*;

use sanad_frontend::{
    components::{language_switcher::LanguageSwitcher, states::LoadFailed},
    i18n::{t, I18n, LoadState},
    router::provide_location,
};

/// One app's pages: which paths it shows, and the page for a path it shows.
#[derive(Clone, Copy)]
pub struct Pages {
    pub owns: fn(&str) -> bool,
    pub page: fn(&str) -> AnyView,
}

/// Starts the app in the page's body.
pub fn mount(pages: Pages) {
    sanad_frontend::remove_boot_spinner();
    leptos::mount::mount_to_body(move || view! { <App pages/> });
}

#[component]
fn App(pages: Pages) -> impl IntoView {
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
                view! { <Layout pages/> }.into_any()
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
fn Layout(pages: Pages) -> impl IntoView {
    let i18n = sanad_frontend::i18n::use_i18n();
    let location = provide_location(pages.owns);
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <a href="/" class="brand">{t("app-name")}</a>
            <LanguageSwitcher/>
        </header>
        {move || (i18n.state.get() == LoadState::Failed).then(|| view! { <LoadFailed on_retry=move || i18n.retry()/> })}
        <main id="main" tabindex="-1">
            {move || (pages.page)(location.path().as_str())}
        </main>
        <footer class="site-footer">
            <p>{t("footer-text")}</p>
        </footer>
    }
}
