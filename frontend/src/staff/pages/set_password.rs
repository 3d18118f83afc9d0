//! The page a one-time link opens: whose link it is, then a new password. The secret arrives in
//! the URL fragment (never sent to a server) and is removed from the address bar at once.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::{self, ApiFailure},
    i18n::{t, t_args},
};
use sanad_shared::{staff::LinkInfo, ErrorCode};
use serde_json::json;

use super::{Outcome, OutcomeNotice};

fn take_secret_from_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let secret = hash.trim_start_matches('#').to_owned();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("/staff/set-password"),
        );
    }
    (!secret.is_empty()).then_some(secret)
}

#[component]
pub fn SetPassword() -> impl IntoView {
    let secret = StoredValue::new(take_secret_from_fragment());
    let info: RwSignal<Option<Result<LinkInfo, ApiFailure>>> = RwSignal::new(None);
    let password = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let saved = RwSignal::new(false);

    if let Some(token) = secret.get_value() {
        spawn_local(async move {
            let answer = api::send_json::<_, LinkInfo>(
                "POST",
                "/api/v1/auth/link",
                Some(&json!({ "token": token })),
                None,
            )
            .await;
            info.set(Some(answer));
        });
    }

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let Some(token) = secret.get_value() else {
            return;
        };
        let body = json!({ "token": token, "password": password.get_untracked() }).to_string();
        spawn_local(async move {
            match api::send("POST", "/api/v1/auth/link/password", Some(body), None).await {
                Ok(_) => saved.set(true),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };

    view! {
        <section class="page">
            <h1>{t("staff-set-password-title")}</h1>
            {move || {
                if secret.with_value(Option::is_none) {
                    return view! { <p class="notice notice-error" role="alert">{t("staff-link-missing")}</p> }.into_any();
                }
                if saved.get() {
                    return view! {
                        <p class="notice notice-ok" role="status">{t("staff-password-saved")}</p>
                        <p><a href="/staff">{t("staff-sign-in")}</a></p>
                    }.into_any();
                }
                match info.get() {
                    None => view! { <p class="state" role="status">{t("state-loading")}</p> }.into_any(),
                    Some(Err(failure)) => {
                        let failure = if failure == ApiFailure::Network { failure } else { ApiFailure::Server(ErrorCode::LinkInvalid) };
                        let outcome = RwSignal::new(Outcome::Failed(failure));
                        view! { <OutcomeNotice outcome/> }.into_any()
                    }
                    Some(Ok(link)) => {
                        let (name, email) = (link.display_name.clone(), link.email.to_string());
                        view! {
                            <p>{t_args("staff-set-password-intro", &[("name", name), ("email", email)])}</p>
                            <form class="form" on:submit=submit>
                                <label for="new-password">{t("staff-new-password")}</label>
                                <input id="new-password" type="password" autocomplete="new-password" minlength="12" required
                                    aria-describedby="password-hint" bind:value=password/>
                                <p id="password-hint" class="hint">{t("staff-password-hint")}</p>
                                <button type="submit" class="button">{t("staff-save-password")}</button>
                            </form>
                            <OutcomeNotice outcome/>
                        }.into_any()
                    }
                }
            }}
        </section>
    }
}
