//! The moderators' queue: a table that uses the width, most urgent first, then the longest
//! waiting; filters that combine and live in the address (so a view can be bookmarked or sent to
//! a colleague); many tips selected and changed at once; `j`/`k` (or the arrow keys) move
//! between rows.

use leptos::{either::Either, ev::KeyboardEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, t_owned, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    tips::{TipPage, TipStatus, TipSummary},
    triage::{BulkAssign, BulkChange, BulkResult, Label, PriorityLevel},
};
use wasm_bindgen::JsCast;

use super::{
    triage::{label_name, level_key, PriorityBadge, Waiting},
    Outcome, OutcomeNotice,
};
use crate::session::use_session;

/// The filters a view is made of, as they stand in the address.
const FILTERS: [&str; 6] = ["q", "status", "priority", "assignee", "label", "overdue"];

/// A filter's value as a person typed it (the address holds it percent-encoded).
fn query_value(search: &str, name: &str) -> String {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| {
            js_sys::decode_uri_component(&value.replace('+', " "))
                .ok()
                .and_then(|v| v.as_string())
        })
        .unwrap_or_default()
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

#[component]
pub fn TipList() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let search = current_search();
    let filters: Vec<(&'static str, RwSignal<String>)> = FILTERS
        .iter()
        .map(|name| (*name, RwSignal::new(query_value(&search, name))))
        .collect();
    let filters = StoredValue::new(filters);
    let filter = move |name: &str| {
        filters.with_value(|f| {
            f.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, signal)| *signal)
        })
    };
    let rows = RwSignal::new(Vec::<TipSummary>::new());
    let next = RwSignal::new(None::<u32>);
    // `None` while the first page loads.
    let state = RwSignal::new(None::<Result<(), ApiFailure>>);
    let loading_more = RwSignal::new(false);
    let selected = RwSignal::new(Vec::<i64>::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let labels = Loader::new(move || async move {
        session
            .call::<(), Vec<Label>>("GET", "/api/v1/labels", None)
            .await
    });
    // A page asked for under an older filter must not land in the list.
    let generation = StoredValue::new(0_u64);
    let query = move || {
        filters.with_value(|f| {
            f.iter()
                .filter(|(_, value)| !value.get_untracked().trim().is_empty())
                .map(|(name, value)| {
                    let encoded: String =
                        js_sys::encode_uri_component(value.get_untracked().trim()).into();
                    format!("{name}={encoded}")
                })
                .collect::<Vec<_>>()
                .join("&")
        })
    };
    let load = move |page: Option<u32>| {
        let current = generation.get_value() + 1;
        generation.set_value(current);
        if page.is_none() {
            state.set(None);
            selected.set(Vec::new());
        }
        loading_more.set(page.is_some());
        let query = query();
        // The view lives in the address: reloading or sharing it shows the same queue.
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let address = if query.is_empty() {
                "/staff/tips".to_owned()
            } else {
                format!("/staff/tips?{query}")
            };
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
        spawn_local(async move {
            let mut url = format!("/api/v1/tips?limit=50&{query}");
            if let Some(page) = page {
                url.push_str(&format!("&page={page}"));
            }
            let result = session.call::<(), TipPage>("GET", &url, None).await;
            if generation.try_get_value() != Some(current) {
                return;
            }
            match result {
                Ok(answer) => {
                    if page.is_none() {
                        rows.set(answer.tips);
                    } else {
                        rows.update(|r| r.extend(answer.tips));
                    }
                    next.set(answer.next_page);
                    state.set(Some(Ok(())));
                }
                Err(failure) => state.set(Some(Err(failure))),
            }
            loading_more.set(false);
        });
    };
    load(None);

    let bulk = move |change: BulkChange| {
        spawn_local(async move {
            match session
                .call::<_, BulkResult>("POST", "/api/v1/tips/bulk", Some(&change))
                .await
            {
                Ok(result) => {
                    outcome.set(Outcome::Done(t_count(
                        "queue-bulk-done",
                        &[("count", i64::from(result.changed))],
                    )()));
                    load(None);
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let me = session.profile().map(|p| p.id).unwrap_or_default();
    let select_filter = move |name: &'static str,
                              id: &'static str,
                              label: &'static str,
                              options: Vec<(String, String)>| {
        let Some(signal) = filter(name) else {
            return ().into_any();
        };
        view! {
            <div class="filter">
                <label for=id>{t(label)}</label>
                <select id=id on:change=move |event| {
                    signal.set(event_target_value(&event));
                    load(None);
                }>
                    {options.into_iter().map(|(value, text)| {
                        let chosen = signal.get_untracked() == value;
                        view! { <option value=value selected=chosen>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any()
    };
    // Rows are focusable links; j/k and the arrows move between them.
    let keys = move |event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "j" | "ArrowDown" => 1,
            "k" | "ArrowUp" => -1,
            _ => return,
        };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let ids: Vec<i64> = rows.with_untracked(|r| r.iter().map(|t| t.id).collect());
        if ids.is_empty() {
            return;
        }
        let active = document
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default();
        let position = ids.iter().position(|id| active == format!("tip-link-{id}"));
        let last = ids.len() - 1;
        let target = match (position, step) {
            (Some(i), 1) => (i + 1).min(last),
            (Some(i), _) => i.saturating_sub(1),
            (None, _) => 0,
        };
        if let Some(element) = document
            .get_element_by_id(&format!("tip-link-{}", ids[target]))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            event.prevent_default();
            let _ = element.focus();
        }
    };
    view! {
        <section class="page page-wide">
            <h1>{t("staff-nav-tips")}</h1>
            <form class="filters" role="search" on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                load(None);
            }>
                {move || filter("q").map(|signal| view! {
                    <div class="filter filter-search">
                        <label for="tips-search">{t("queue-search")}</label>
                        <input id="tips-search" type="search" dir="auto" bind:value=signal/>
                    </div>
                    <button type="submit" class="button button-secondary">{t("queue-search-go")}</button>
                })}
                {move || {
                    let mut statuses = vec![(String::new(), t("tips-filter-all")()), ("new,in_review".to_owned(), t("queue-open")())];
                    statuses.extend(TipStatus::ALL.into_iter().map(|s| (s.as_str().to_owned(), i18n.message(s.message_key(), None))));
                    select_filter("status", "tips-status", "tips-filter-status", statuses)
                }}
                {move || {
                    let mut bands = vec![(String::new(), t("tips-filter-all")())];
                    bands.extend(PriorityLevel::ALL.into_iter().map(|l| (l.as_str().to_owned(), i18n.message(level_key(l), None))));
                    select_filter("priority", "tips-priority", "queue-filter-priority", bands)
                }}
                {move || select_filter("assignee", "tips-assignee", "queue-filter-assignee", vec![
                    (String::new(), t("tips-filter-all")()),
                    ("me".to_owned(), t("queue-assignee-me")()),
                    ("none".to_owned(), t("queue-assignee-none")()),
                ])}
                {move || {
                    let mut options = vec![(String::new(), t("tips-filter-all")())];
                    if let Some(Ok(list)) = labels.get() {
                        options.extend(list.iter().map(|l| (l.id.to_string(), label_name(l, i18n.shown.get()))));
                    }
                    select_filter("label", "tips-label", "queue-filter-label", options)
                }}
                {move || filter("overdue").map(|signal| view! {
                    <label class="choice" for="tips-overdue">
                        <input id="tips-overdue" type="checkbox" checked=signal.get_untracked() == "true" on:change=move |event| {
                            signal.set(if event_target_checked(&event) { "true".to_owned() } else { String::new() });
                            load(None);
                        }/>
                        {t("queue-overdue")}
                    </label>
                })}
            </form>
            {move || (!selected.get().is_empty()).then(|| {
                let count = i64::try_from(selected.get().len()).unwrap_or(0);
                let me = me.clone();
                view! {
                    <div class="bulk-bar" role="region" aria-label=t("queue-bulk")>
                        <span>{t_count("queue-selected", &[("count", count)])}</span>
                        <button type="button" class="button button-secondary" on:click=move |_| bulk(BulkChange {
                            ids: selected.get_untracked(), status: None, add_labels: Vec::new(), remove_labels: Vec::new(),
                            assign: Some(BulkAssign { assignee: Some(me.clone()) }),
                        })>{t("queue-bulk-take")}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| bulk(BulkChange {
                            ids: selected.get_untracked(), status: Some(TipStatus::Dismissed), add_labels: Vec::new(), remove_labels: Vec::new(), assign: None,
                        })>{t("queue-bulk-dismiss")}</button>
                        {move || labels.get().and_then(Result::ok).filter(|l| !l.is_empty()).map(|list| view! {
                            <label for="bulk-label" class="visually-hidden">{t("queue-bulk-label")}</label>
                            <select id="bulk-label" on:change=move |event| {
                                if let Ok(label) = event_target_value(&event).parse::<i64>() {
                                    bulk(BulkChange {
                                        ids: selected.get_untracked(), status: None, add_labels: vec![label], remove_labels: Vec::new(), assign: None,
                                    });
                                }
                            }>
                                <option value="">{t("queue-bulk-label")}</option>
                                {list.iter().map(|l| view! { <option value=l.id.to_string()>{label_name(l, i18n.shown.get())}</option> }).collect_view()}
                            </select>
                        })}
                    </div>
                }
            })}
            <OutcomeNotice outcome/>
            {move || match state.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || load(None)/> }.into_any(),
                Some(Ok(())) => view! {
                    {move || rows.with(|list| if list.is_empty() {
                        view! { <p>{t("tips-empty")}</p> }.into_any()
                    } else {
                        let all_labels = labels.get().and_then(Result::ok).unwrap_or_default();
                        view! {
                            <table class="queue" on:keydown=keys>
                                <caption class="visually-hidden">{t("staff-nav-tips")}</caption>
                                <thead><tr>
                                    <th scope="col"><span class="visually-hidden">{t("queue-select")}</span></th>
                                    <th scope="col">{t("queue-col-tip")}</th>
                                    <th scope="col">{t("queue-col-priority")}</th>
                                    <th scope="col">{t("tip-governorate")}</th>
                                    <th scope="col">{t("queue-col-waiting")}</th>
                                    <th scope="col">{t("triage-assignee")}</th>
                                    <th scope="col">{t("triage-labels")}</th>
                                </tr></thead>
                                <tbody>
                                    {list.iter().cloned().map(|tip| view! { <Row tip selected labels=all_labels.clone()/> }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    })}
                    {move || next.get().map(|page| view! {
                        <button type="button" class="button button-secondary" disabled=move || loading_more.get() on:click=move |_| load(Some(page))>
                            {t("tips-older")}
                        </button>
                    })}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Row(tip: TipSummary, selected: RwSignal<Vec<i64>>, labels: Vec<Label>) -> impl IntoView {
    let i18n = use_i18n();
    let id = tip.id;
    let governorate = tip.governorate.map(|g| g.message_key());
    let names: Vec<(String, String)> = tip
        .triage
        .labels
        .iter()
        .filter_map(|l| labels.iter().find(|label| label.id == *l))
        .map(|l| (l.color.clone(), label_name(l, i18n.shown.get_untracked())))
        .collect();
    let check_id = format!("select-{id}");
    view! {
        <tr class={if tip.triage.overdue { "tip-row overdue" } else { "tip-row" }}>
            <td>
                <label class="visually-hidden" for=check_id.clone()>{t_args("queue-select-one", &[("id", id.to_string())])}</label>
                <input id=check_id type="checkbox" prop:checked=move || selected.with(|s| s.contains(&id)) on:change=move |event| {
                    let on = event_target_checked(&event);
                    selected.update(|s| {
                        s.retain(|x| *x != id);
                        if on {
                            s.push(id);
                        }
                    });
                }/>
            </td>
            <td>
                <a class="tip-link" id=format!("tip-link-{id}") href=format!("/staff/tips/{id}")>
                    {t_args("tip-title", &[("id", id.to_string())])}
                </a>
                <span class="hint">" · "{t(tip.subject.message_key())}</span>
                <span class=format!("badge status-{}", tip.status.as_str())>{t(tip.status.message_key())}</span>
                {tip.awaiting_reply.then(|| view! {
                    <span class="badge badge-alert">{t("tips-awaiting-reply")}</span>
                })}
            </td>
            <td><PriorityBadge level=tip.triage.level/></td>
            <td>{match governorate {
                Some(key) => Either::Left(t_owned(key)),
                None => Either::Right(t("tip-not-given")),
            }}</td>
            <td>
                <span dir="ltr">{tip.received_on.clone()}</span>
                " "
                <Waiting triage=tip.triage.clone()/>
            </td>
            <td>{match tip.triage.assignee.clone() {
                Some(person) => Either::Left(person.name),
                None => Either::Right(t("triage-unassigned")),
            }}</td>
            <td>{names.into_iter().map(|(color, name)| view! {
                <span class="badge label-badge"><span class="label-swatch" style:background-color=color></span>{name}</span>
            }).collect_view()}</td>
        </tr>
    }
}
