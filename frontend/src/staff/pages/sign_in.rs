//! Staff sign-in, with the TOTP code field shown when the account needs it, and the request for
//! a password-reset link. A mailed sign-in link (`/staff#unlock=…`, sent while the account is held
//! after many failed tries) opens this page; its secret goes with the password.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{api, api::ApiFailure, i18n::t};
use sanad_shared::{
    staff::{LoginRequest, ResetRequest, SessionGrant},
    ErrorCode,
};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

/// The secret of a mailed sign-in link, taken out of the address bar at once so it is neither
/// bookmarked nor left in the history.
fn take_unlock_from_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let secret = hash.strip_prefix("#unlock=")?.to_owned();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/staff"));
    }
    (!secret.is_empty()).then_some(secret)
}

#[component]
pub fn SignIn() -> impl IntoView {
    let session = use_session();
    let unlock = StoredValue::new(take_unlock_from_fragment());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let needs_code = RwSignal::new(false);
    // Too many tries for this email: the password alone waits, the password and a code do not.
    let held = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(Outcome::Idle);
    let resetting = RwSignal::new(false);

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let request = LoginRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
            totp_code: needs_code
                .get_untracked()
                .then(|| code.get_untracked())
                .filter(|typed| !typed.trim().is_empty()),
            unlock: unlock.get_value(),
        };
        spawn_local(async move {
            match api::send_json::<_, SessionGrant>(
                "POST",
                "/api/v1/auth/login",
                Some(&request),
                None,
            )
            .await
            {
                Ok(grant) => {
                    password.set(String::new());
                    session.accept(grant);
                }
                Err(ApiFailure::Server(ErrorCode::TotpRequired)) => {
                    needs_code.set(true);
                    outcome.set(Outcome::Failed(ApiFailure::Server(ErrorCode::TotpRequired)));
                }
                Err(ApiFailure::Server(ErrorCode::TooManyAttempts)) => {
                    needs_code.set(true);
                    held.set(true);
                    outcome.set(Outcome::Failed(ApiFailure::Server(
                        ErrorCode::TooManyAttempts,
                    )));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            busy.set(false);
        });
    };

    let reset = move |_| {
        let request = ResetRequest {
            email: email.get_untracked(),
        };
        spawn_local(async move {
            match api::send(
                "POST",
                "/api/v1/auth/password-reset",
                serde_json::to_string(&request).ok(),
                None,
            )
            .await
            {
                Ok(_) => outcome.set(Outcome::Idle),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            resetting.set(true);
        });
    };

    view! {
        <section class="page">
            <h1>{t("staff-sign-in-title")}</h1>
            {unlock.get_value().is_some().then(|| view! { <p class="notice" role="status">{t("staff-sign-in-link-opened")}</p> })}
            <form class="form" on:submit=submit>
                <label for="email">{t("staff-email")}</label>
                <input id="email" type="email" autocomplete="username" required bind:value=email/>
                <label for="password">{t("staff-password")}</label>
                <input id="password" type="password" autocomplete="current-password" required bind:value=password/>
                {move || needs_code.get().then(|| view! {
                    <label for="code">{t("staff-totp-code")}</label>
                    {move || held.get().then(|| view! { <p class="hint" id="code-hint">{t("staff-sign-in-held")}</p> })}
                    <input id="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12"
                        required=move || !held.get()
                        aria-describedby=move || held.get().then_some("code-hint")
                        bind:value=code/>
                })}
                <button type="submit" class="button" disabled=move || busy.get()>{t("staff-sign-in")}</button>
            </form>
            {move || (!resetting.get()).then(|| view! { <OutcomeNotice outcome/> })}
            {move || resetting.get().then(|| view! { <p class="notice notice-ok" role="status">{t("staff-reset-sent")}</p> })}
            <p>
                <button type="button" class="link-button" on:click=reset>{t("staff-forgot-password")}</button>
                " "
                <span class="hint">{t("staff-send-reset")}</span>
            </p>
        </section>
    }
}
