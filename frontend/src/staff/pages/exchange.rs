//! Exchanging cases with partner agencies in PFIF 1.4: an export for one recipient (only the
//! cases whose family allowed that recipient), saved through an object URL; and an import of a
//! partner's file, read in the browser and posted as XML.

use std::sync::{Arc, Mutex};

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::file_picker::FilePicker,
    i18n::{t, t_args, t_count, t_owned},
};
use sanad_shared::{
    cases::{Consent, PfifImported},
    ErrorCode,
};
use wasm_bindgen_futures::JsFuture;

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

#[component]
pub fn Exchange() -> impl IntoView {
    view! {
        <section class="page">
            <p><a href="/staff/cases">{t("case-back")}</a></p>
            <h1>{t("exchange-title")}</h1>
            <p class="lead">{t("exchange-lead")}</p>
            <h2>{t("exchange-export")}</h2>
            <Export/>
            <h2>{t("exchange-import")}</h2>
            <Import/>
        </section>
    }
}

/// The file to save, as an object URL with its name; revoked when replaced or when the page goes.
#[derive(Clone)]
struct Download {
    url: String,
    name: String,
    kilobytes: usize,
}

fn object_url(xml: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(xml));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

#[component]
fn Export() -> impl IntoView {
    let session = use_session();
    let recipient = RwSignal::new(Consent::Committee);
    let ready = RwSignal::new(None::<Download>);
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    // (page gone, URL to revoke), as for pictures.
    let held = Arc::new(Mutex::new((false, None::<String>)));
    on_cleanup({
        let held = held.clone();
        move || {
            if let Ok(mut held) = held.lock() {
                held.0 = true;
                if let Some(url) = held.1.take() {
                    let _ = web_sys::Url::revoke_object_url(&url);
                }
            }
        }
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let chosen = recipient.get_untracked().as_str();
        let held = held.clone();
        busy.set(true);
        ready.set(None);
        outcome.set(Outcome::Idle);
        spawn_local(async move {
            let url = format!("/api/v1/pfif?recipient={chosen}");
            match session.text("GET", &url, None).await {
                Ok(xml) => match (object_url(&xml), held.lock()) {
                    (Some(url), Ok(mut held)) => {
                        if held.0 {
                            let _ = web_sys::Url::revoke_object_url(&url);
                            return;
                        }
                        if let Some(old) = held.1.replace(url.clone()) {
                            let _ = web_sys::Url::revoke_object_url(&old);
                        }
                        let day = String::from(js_sys::Date::new_0().to_iso_string());
                        ready.set(Some(Download {
                            url,
                            name: format!(
                                "sanad-pfif-{chosen}-{}.xml",
                                day.get(..10).unwrap_or("")
                            ),
                            kilobytes: xml.len().div_ceil(1024),
                        }));
                    }
                    _ => outcome.set(Outcome::Failed(ApiFailure::Network)),
                },
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label for="pfif-recipient">{t("exchange-recipient")}</label>
            <select id="pfif-recipient" aria-describedby="pfif-consent" on:change=move |event| {
                if let Some(c) = Consent::parse(&event_target_value(&event)) {
                    recipient.set(c);
                    ready.set(None);
                }
            }>
                {Consent::ALL.into_iter().map(|c| view! {
                    <option value=c.as_str() selected=c == Consent::Committee>
                        {t_owned(format!("exchange-recipient-{}", c.as_str()))}
                    </option>
                }).collect_view()}
            </select>
            <p class="hint" id="pfif-consent">{t("exchange-consent")}</p>
            <button type="submit" class="button" disabled=move || busy.get()>{t("exchange-prepare")}</button>
        </form>
        {move || ready.get().map(|file| view! {
            <p class="notice notice-ok" role="status">
                <a href=file.url download=file.name.clone()>
                    {t_args("exchange-download", &[("name", file.name.clone())])}
                </a>
                " "
                <span class="hint" dir="ltr">{format!("{} KB", file.kilobytes)}</span>
            </p>
        })}
        <OutcomeNotice outcome/>
    }
}

#[component]
fn Import() -> impl IntoView {
    let session = use_session();
    let input = NodeRef::<leptos::html::Input>::new();
    let result = RwSignal::new(None::<PfifImported>);
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        busy.set(true);
        result.set(None);
        outcome.set(Outcome::Idle);
        spawn_local(async move {
            let read = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|text| text.as_string());
            let answer = match read {
                Some(xml) => session
                    .text("POST", "/api/v1/pfif", Some((xml, "application/xml")))
                    .await
                    .and_then(|json| {
                        serde_json::from_str::<PfifImported>(&json)
                            .map_err(|_| ApiFailure::Server(ErrorCode::Unknown))
                    }),
                None => Err(ApiFailure::Network),
            };
            match answer {
                Ok(counts) => result.set(Some(counts)),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label for="pfif-file">{t("exchange-file")}</label>
            <p class="hint" id="pfif-file-hint">{t("exchange-file-hint")}</p>
            <FilePicker id="pfif-file" required=true accept=".xml,application/xml,text/xml" described_by="pfif-file-hint" node_ref=input/>
            <button type="submit" class="button" disabled=move || busy.get()>{t("exchange-import-button")}</button>
        </form>
        {move || result.get().map(|counts| view! {
            <div class="notice notice-ok" role="status">
                <p>{t("exchange-imported")}</p>
                <ul>
                    <li>{t_count("exchange-created", &[("count", i64::from(counts.created))])}</li>
                    <li>{t_count("exchange-updated", &[("count", i64::from(counts.updated))])}</li>
                    <li>{t_count("exchange-notes", &[("count", i64::from(counts.notes_added))])}</li>
                    <li>{t_count("exchange-wiped", &[("count", i64::from(counts.wiped))])}</li>
                    <li>{t_count("exchange-skipped", &[("count", i64::from(counts.skipped))])}</li>
                </ul>
            </div>
        })}
        <OutcomeNotice outcome/>
    }
}
