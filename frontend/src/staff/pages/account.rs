//! The signed-in person's own account: password and two-step sign-in.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::i18n::{t, use_i18n};
use sanad_shared::staff::{PasswordChange, PasswordConfirmation, TotpCode, TotpEnrolment};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

#[component]
pub fn Account() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{t("staff-nav-account")}</h1>
            <Totp/>
            <ChangePassword/>
        </section>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let body = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        spawn_local(async move {
            match session
                .call_empty("PUT", "/api/v1/me/password", Some(&body))
                .await
            {
                // Every session ended with the change, this one too.
                Ok(()) => session.ended(),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("account-password-title")}</h2>
        <form class="form" on:submit=submit>
            <label for="current-password">{t("account-current-password")}</label>
            <input id="current-password" type="password" autocomplete="current-password" required bind:value=current/>
            <label for="changed-password">{t("staff-new-password")}</label>
            <input id="changed-password" type="password" autocomplete="new-password" minlength="12" required
                aria-describedby="changed-password-hint" bind:value=new/>
            <p id="changed-password-hint" class="hint">{t("staff-password-hint")}</p>
            <button type="submit" class="button">{t("account-change-password")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}

#[component]
fn Totp() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let enrolment: RwSignal<Option<TotpEnrolment>> = RwSignal::new(None);
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let enabled = move || session.profile().is_some_and(|p| p.totp_enabled);

    let start = move |_| {
        spawn_local(async move {
            match session
                .call::<(), TotpEnrolment>("POST", "/api/v1/me/totp", None)
                .await
            {
                Ok(started) => {
                    outcome.set(Outcome::Idle);
                    enrolment.set(Some(started));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let confirm = move |event: SubmitEvent| {
        event.prevent_default();
        let body = TotpCode {
            code: code.get_untracked(),
        };
        spawn_local(async move {
            match session
                .call_empty("POST", "/api/v1/me/totp/confirm", Some(&body))
                .await
            {
                Ok(()) => {
                    enrolment.set(None);
                    code.set(String::new());
                    session.set_totp_enabled(true);
                    outcome.set(Outcome::Done(i18n.message("account-totp-on", None)));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let disable = move |event: SubmitEvent| {
        event.prevent_default();
        let body = PasswordConfirmation {
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match session
                .call_empty("POST", "/api/v1/me/totp/disable", Some(&body))
                .await
            {
                Ok(()) => {
                    password.set(String::new());
                    session.set_totp_enabled(false);
                    outcome.set(Outcome::Done(i18n.message("account-totp-off", None)));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };

    view! {
        <h2>{t("account-totp-title")}</h2>
        {move || if enabled() {
            view! {
                <p>{t("account-totp-on")}</p>
                <form class="form" on:submit=disable>
                    <label for="disable-password">{t("staff-password")}</label>
                    <input id="disable-password" type="password" autocomplete="current-password" required bind:value=password/>
                    <button type="submit" class="button button-secondary">{t("account-totp-disable")}</button>
                </form>
            }.into_any()
        } else {
            match enrolment.get() {
                None => view! {
                    <p>{t("account-totp-off")}</p>
                    <button type="button" class="button" on:click=start>{t("account-totp-start")}</button>
                }.into_any(),
                Some(started) => view! {
                    <p>{t("account-totp-scan")}</p>
                    // Drawn by our own server from the secret; no outside service sees it.
                    <div class="qr" inner_html=started.qr_svg.clone()></div>
                    <p>{t("account-totp-key")} ": " <code dir="ltr" class="totp-key">{started.secret.clone()}</code></p>
                    <form class="form" on:submit=confirm>
                        <label for="totp-confirm">{t("staff-totp-code")}</label>
                        <input id="totp-confirm" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required bind:value=code/>
                        <button type="submit" class="button">{t("account-totp-confirm")}</button>
                    </form>
                }.into_any(),
            }
        }}
        <OutcomeNotice outcome/>
    }
}
