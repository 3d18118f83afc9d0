//! Instance settings for admins.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, t_args, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    staff::StaffSettings,
    triage::{Label, LabelNames, NewLabel},
};

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
    // As typed, so any digit set works; read with the shared digit mapping on save.
    let first_look = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    Effect::new(move |_| {
        if let Some(Ok(settings)) = current.get() {
            require_totp.set(settings.require_totp);
            first_look.set(settings.first_look_hours.to_string());
        }
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let body = StaffSettings {
            require_totp: require_totp.get_untracked(),
            // Anything that is not a number is sent as 0, which the server refuses by name.
            first_look_hours: sanad_shared::digits::to_ascii_digits(
                first_look.get_untracked().trim(),
            )
            .parse()
            .unwrap_or(0),
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
                        <label for="first-look-hours">{t("settings-first-look-hours")}</label>
                        <p class="hint" id="first-look-hours-hint">{t("settings-first-look-hours-hint")}</p>
                        <input id="first-look-hours" inputmode="numeric" aria-describedby="first-look-hours-hint" bind:value=first_look/>
                        <button type="submit" class="button">{t("settings-save")}</button>
                    </form>
                }.into_any(),
            }}
            <OutcomeNotice outcome/>
            <Labels/>
        </section>
    }
}

/// The labels moderators and caseworkers sort items with: a colour and a name per language.
#[component]
fn Labels() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let labels = Loader::new(move || async move {
        session
            .call::<(), Vec<Label>>("GET", "/api/v1/labels", None)
            .await
    });
    let color = RwSignal::new("#2e7d5b".to_owned());
    let names: [(&'static str, &'static str, RwSignal<String>); 4] = [
        ("label-ar", "language-name-ar", RwSignal::new(String::new())),
        (
            "label-ckb",
            "language-name-ckb",
            RwSignal::new(String::new()),
        ),
        (
            "label-kmr",
            "language-name-kmr",
            RwSignal::new(String::new()),
        ),
        ("label-en", "language-name-en", RwSignal::new(String::new())),
    ];
    let outcome = RwSignal::new(Outcome::Idle);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let label = NewLabel {
            color: color.get_untracked(),
            names: LabelNames {
                ar: names[0].2.get_untracked(),
                ckb: names[1].2.get_untracked(),
                kmr: names[2].2.get_untracked(),
                en: names[3].2.get_untracked(),
            },
        };
        spawn_local(async move {
            match session
                .call::<_, Label>("POST", "/api/v1/labels", Some(&label))
                .await
            {
                Ok(_) => {
                    for (_, _, name) in names {
                        name.set(String::new());
                    }
                    outcome.set(Outcome::Done(i18n.message("staff-saved", None)));
                    labels.reload();
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("labels-title")}</h2>
        {move || match labels.get() {
            Some(Ok(list)) if !list.is_empty() => view! {
                <ul class="plain-list">
                    {list.into_iter().map(|label| view! {
                        <li>
                            <span class="badge label-badge">
                                <span class="label-swatch" style:background-color=label.color.clone()></span>
                                {label.names.get(i18n.shown.get()).to_owned()}
                            </span>
                            <span class="hint" dir="auto">
                                {format!("{} · {} · {} · {}", label.names.ar, label.names.ckb, label.names.kmr, label.names.en)}
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any(),
            Some(Ok(_)) => view! { <p class="hint">{t("triage-no-labels")}</p> }.into_any(),
            _ => ().into_any(),
        }}
        <form class="form" on:submit=submit>
            <label for="label-color">{t("labels-color")}</label>
            <input id="label-color" type="color" bind:value=color/>
            {names.into_iter().map(|(id, key, value)| view! {
                <label for=id>{t_args("labels-name-in", &[("language", i18n.message(key, None))])}</label>
                <input id=id required maxlength="40" dir="auto" bind:value=value/>
            }).collect_view()}
            <button type="submit" class="button">{t("labels-add")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}
