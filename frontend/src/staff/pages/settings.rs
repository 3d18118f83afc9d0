//! Instance settings for admins.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, use_i18n},
    loader::Loader,
};
use sanad_shared::staff::StaffSettings;

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

#[component]
pub fn Settings() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let current = Loader::new(move || async move {
        session
            .call::<(), StaffSettings>("GET", "/api/v1/settings", None)
            .await
    });
    let require_totp = RwSignal::new(false);
    let outcome = RwSignal::new(Outcome::Idle);
    Effect::new(move |_| {
        if let Some(Ok(settings)) = current.get() {
            require_totp.set(settings.require_totp);
        }
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let body = StaffSettings {
            require_totp: require_totp.get_untracked(),
        };
        spawn_local(async move {
            match session
                .call_empty("PUT", "/api/v1/settings", Some(&body))
                .await
            {
                Ok(()) => outcome.set(Outcome::Done(i18n.message("staff-saved", None))),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <section class="page">
            <h1>{t("staff-nav-settings")}</h1>
            {move || match current.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || current.reload()/> }.into_any(),
                Some(Ok(_)) => view! {
                    <form class="form" on:submit=submit>
                        <label class="choice" for="require-totp">
                            <input id="require-totp" type="checkbox" bind:checked=require_totp/>
                            {t("settings-require-totp")}
                        </label>
                        <button type="submit" class="button">{t("settings-save")}</button>
                    </form>
                }.into_any(),
            }}
            <OutcomeNotice outcome/>
        </section>
    }
}
