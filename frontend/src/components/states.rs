//! Loading and failure states, so no fetch ever leaves a blank screen.

use leptos::prelude::*;

use crate::{api::ApiFailure, i18n::t, i18n::use_i18n};

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="state state-loading" role="status" aria-live="polite">
            {t("state-loading")}
        </p>
    }
}

/// The language's messages could not be downloaded.
#[component]
pub fn LoadFailed(on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="state state-error" role="alert">
            <p>{t("state-load-failed")}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{t("state-retry")}</button>
        </div>
    }
}

/// A failed API call, explained by its error code, with a way to try again.
#[component]
pub fn Failed(failure: ApiFailure, on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let key = failure.message_key();
    view! {
        <div class="state state-error" role="alert">
            <p>{move || i18n.message(key, None)}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{t("state-retry")}</button>
        </div>
    }
}
