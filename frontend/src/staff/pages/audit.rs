//! The audit trail for admins, newest first, filtered by action.

use leptos::{ev::SubmitEvent, prelude::*};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::t,
    loader::Loader,
};
use serde::Deserialize;

use crate::session::use_session;

#[derive(Clone, Debug, Deserialize)]
struct Entry {
    seq: i64,
    at_ms: i64,
    actor: String,
    action: String,
    object: String,
}

fn iso_time(at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    date.to_iso_string()
        .as_string()
        .unwrap_or_default()
        .replace('T', " ")
        .trim_end_matches('Z')
        .to_owned()
}

#[component]
pub fn AuditTrail() -> impl IntoView {
    let session = use_session();
    let action = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let entries = Loader::new(move || {
        let filter = applied.get_untracked();
        async move {
            let url = if filter.trim().is_empty() {
                "/api/v1/audit?limit=200".to_owned()
            } else {
                let encoded: String = js_sys::encode_uri_component(filter.trim()).into();
                format!("/api/v1/audit?limit=200&action={encoded}")
            };
            session.call::<(), Vec<Entry>>("GET", &url, None).await
        }
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        applied.set(action.get_untracked());
        entries.reload();
    };
    view! {
        <section class="page page-wide">
            <h1>{t("staff-nav-audit")}</h1>
            <form class="form form-inline" on:submit=submit>
                <label for="audit-action">{t("audit-filter-action")}</label>
                <input id="audit-action" type="text" dir="ltr" bind:value=action/>
                <button type="submit" class="button">{t("audit-filter")}</button>
            </form>
            {move || match entries.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || entries.reload()/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{t("audit-empty")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <div class="table-scroll">
                        <table class="audit">
                            <thead><tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{t("audit-time")}</th>
                                <th scope="col">{t("audit-actor")}</th>
                                <th scope="col">{t("audit-action")}</th>
                                <th scope="col">{t("audit-object")}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|e| view! {
                                    <tr>
                                        <td>{e.seq}</td>
                                        <td dir="ltr">{iso_time(e.at_ms)}</td>
                                        <td dir="ltr">{e.actor}</td>
                                        <td dir="ltr">{e.action}</td>
                                        <td dir="ltr">{e.object}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
