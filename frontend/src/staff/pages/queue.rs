//! The queue moderators (tips) and caseworkers (cases) work from, one implementation for both:
//! a table that uses the width, most urgent first, then the longest waiting; filters that
//! combine and live in the address (so a view can be bookmarked or sent to a colleague) and can
//! be saved under a name; many items selected and changed at once; `j`/`k` (or the arrow keys)
//! move between rows.

use leptos::{either::Either, ev::KeyboardEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, t_owned, use_i18n, I18n},
};
use sanad_shared::{
    tips::{Governorate, TipStatus},
    triage::{
        BulkAssign, BulkChange, BulkResult, ItemKind, Label, NewSavedView, PriorityLevel,
        SavedView, Triage, MAX_VIEW_NAME_CHARS,
    },
};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use super::{
    file_export::FileExport,
    triage::{colleagues_loader, label_name, labels_loader, level_key, PriorityBadge, Waiting},
    Outcome, OutcomeNotice,
};
use crate::session::use_session;

/// The filters a view is made of, as they stand in the address.
const FILTERS: [&str; 11] = [
    "q",
    "status",
    "priority",
    "assignee",
    "label",
    "governorate",
    "from",
    "to",
    "attachments",
    "linked",
    "overdue",
];

/// The filters kept behind "more filters" (open when one of them is set).
const MORE: [&str; 5] = ["governorate", "from", "to", "attachments", "linked"];

/// The words a queue of one kind uses where tips and cases differ.
pub struct QueueKeys {
    pub title: &'static str,
    pub column: &'static str,
    pub search: &'static str,
    /// Takes `$id`.
    pub select_one: &'static str,
    pub bulk: &'static str,
    /// Take `$count`.
    pub selected: &'static str,
    pub changed: &'static str,
    pub empty: &'static str,
    pub more: &'static str,
}

/// What the queue needs of a tip or a case.
pub trait QueueItem: Clone + Send + Sync + 'static {
    type Page: DeserializeOwned + 'static;
    const KIND: ItemKind;
    const KEYS: QueueKeys;
    /// The items of a page and the next page's number.
    fn split(page: Self::Page) -> (Vec<Self>, Option<u32>);
    fn id(&self) -> i64;
    fn triage(&self) -> Option<Triage>;
    fn governorate(&self) -> Option<Governorate>;
    fn received_on(&self) -> String;
    /// The text of the link to the item.
    fn title(&self) -> AnyView;
    /// What follows the link: what it is about, its status, what waits on it.
    fn tags(&self) -> AnyView;
    /// The item's own page, shown beside the queue on a wide screen.
    fn page(id: i64) -> AnyView;
    /// The status filter's choices beyond "all": value and words.
    fn statuses(i18n: I18n) -> Vec<(String, String)>;
    /// Whether many items can be dismissed at once (tips; cases have their own rules).
    const BULK_DISMISS: bool;
    /// The statuses still in the working queue, as the status filter takes them: what the
    /// staff home counts as open.
    const OPEN: &'static str;
}

/// "tips" or "cases": in the staff area's and the API's paths, and in element ids.
pub fn path(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Tip => "tips",
        ItemKind::Case => "cases",
    }
}

/// A filter's value as a person typed it (the address holds it percent-encoded).
pub(super) fn query_value(search: &str, name: &str) -> String {
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

pub(super) fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The queue of `I`'s kind.
pub fn queue<I: QueueItem>() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let base = path(I::KIND);
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
    let rows = RwSignal::new(Vec::<I>::new());
    let next = RwSignal::new(None::<u32>);
    // `None` while the first page loads.
    let state = RwSignal::new(None::<Result<(), ApiFailure>>);
    let loading_more = RwSignal::new(false);
    let selected = RwSignal::new(Vec::<i64>::new());
    let outcome = RwSignal::new(Outcome::Idle);
    // The item shown beside the queue (wide screens only; a phone opens the item's page).
    let beside = RwSignal::new(None::<i64>);
    let labels = labels_loader();
    let colleagues = colleagues_loader();
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
                format!("/staff/{base}")
            } else {
                format!("/staff/{base}?{query}")
            };
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
        spawn_local(async move {
            let mut url = format!("/api/v1/{base}?limit=50&{query}");
            if let Some(page) = page {
                url.push_str(&format!("&page={page}"));
            }
            let result = session.call::<(), I::Page>("GET", &url, None).await;
            if generation.try_get_value() != Some(current) {
                return;
            }
            match result {
                Ok(answer) => {
                    let (items, following) = I::split(answer);
                    if page.is_none() {
                        rows.set(items);
                    } else {
                        rows.update(|r| r.extend(items));
                    }
                    next.set(following);
                    state.set(Some(Ok(())));
                }
                Err(failure) => state.set(Some(Err(failure))),
            }
            loading_more.set(false);
        });
    };
    load(None);
    // Opening a saved view sets every filter from it, the ones it leaves out to "all".
    let open_view = move |view: &SavedView| {
        let search = format!("?{}", view.query);
        filters.with_value(|f| {
            for (name, signal) in f {
                signal.set(query_value(&search, name));
            }
        });
        load(None);
    };

    let bulk = move |change: BulkChange| {
        spawn_local(async move {
            match session
                .call::<_, BulkResult>("POST", &format!("/api/v1/{base}/bulk"), Some(&change))
                .await
            {
                Ok(result) => {
                    outcome.set(Outcome::Done(t_count(
                        I::KEYS.changed,
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
                              label: &'static str,
                              options: Vec<(String, String)>| {
        let Some(signal) = filter(name) else {
            return ().into_any();
        };
        let id = format!("{base}-{name}");
        view! {
            <div class="filter">
                <label for=id.clone()>{t(label)}</label>
                <select id=id on:change=move |event| {
                    signal.set(event_target_value(&event));
                    load(None);
                }>
                    {options.into_iter().map(|(value, text)| {
                        let chosen = value.clone();
                        view! { <option value=value prop:selected=move || signal.get() == chosen>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any()
    };
    let date_filter = move |name: &'static str, label: &'static str| {
        let Some(signal) = filter(name) else {
            return ().into_any();
        };
        let id = format!("{base}-{name}");
        view! {
            <div class="filter">
                <label for=id.clone()>{t(label)}</label>
                <input id=id type="date" prop:value=move || signal.get() on:change=move |event| {
                    signal.set(event_target_value(&event));
                    load(None);
                }/>
            </div>
        }
        .into_any()
    };
    let yes_no = move || {
        vec![
            (String::new(), t("tips-filter-all")()),
            ("true".to_owned(), t("queue-yes")()),
            ("false".to_owned(), t("queue-no")()),
        ]
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
        let ids: Vec<i64> = rows.with_untracked(|r| r.iter().map(QueueItem::id).collect());
        if ids.is_empty() {
            return;
        }
        let active = document
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default();
        let position = ids
            .iter()
            .position(|id| active == format!("{base}-link-{id}"));
        let last = ids.len() - 1;
        let target = match (position, step) {
            (Some(i), 1) => (i + 1).min(last),
            (Some(i), _) => i.saturating_sub(1),
            (None, _) => 0,
        };
        if let Some(element) = document
            .get_element_by_id(&format!("{base}-link-{}", ids[target]))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            event.prevent_default();
            let _ = element.focus();
        }
    };
    let more_open = MORE
        .iter()
        .any(|name| filter(name).is_some_and(|s| !s.get_untracked().is_empty()));
    view! {
        <SavedViews kind=I::KIND current=Callback::new(move |()| query()) open=Callback::new(move |view: SavedView| open_view(&view))/>
        <FileExport address=Callback::new(move |()| format!("/api/v1/{base}/export?{}", query())) name=base/>
        <form class="filters" role="search" aria-label=t("queue-filters") on:submit=move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            load(None);
        }>
            {move || filter("q").map(|signal| view! {
                <div class="filter filter-search">
                    <label for=format!("{base}-search")>{t(I::KEYS.search)}</label>
                    <input id=format!("{base}-search") type="search" dir="auto" bind:value=signal/>
                </div>
                <button type="submit" class="button button-secondary">{t("queue-search-go")}</button>
            })}
            {move || {
                let mut statuses = vec![(String::new(), t("tips-filter-all")())];
                statuses.extend(I::statuses(i18n));
                select_filter("status", "tips-filter-status", statuses)
            }}
            {move || {
                let mut bands = vec![(String::new(), t("tips-filter-all")())];
                bands.extend(PriorityLevel::ALL.into_iter().map(|l| (l.as_str().to_owned(), i18n.message(level_key(l), None))));
                select_filter("priority", "queue-filter-priority", bands)
            }}
            {move || {
                let mut people = vec![
                    (String::new(), t("tips-filter-all")()),
                    ("me".to_owned(), t("queue-assignee-me")()),
                    ("none".to_owned(), t("queue-assignee-none")()),
                ];
                if let Some(Ok(list)) = colleagues.get() {
                    let me = session.profile().map(|p| p.id).unwrap_or_default();
                    people.extend(list.into_iter()
                        .filter(|c| c.id != me && if I::KIND == ItemKind::Tip { c.tips } else { c.cases })
                        .map(|c| (c.id, c.name)));
                }
                select_filter("assignee", "queue-filter-assignee", people)
            }}
            {move || {
                let mut options = vec![(String::new(), t("tips-filter-all")())];
                if let Some(Ok(list)) = labels.get() {
                    options.extend(list.iter().map(|l| (l.id.to_string(), label_name(l, i18n.shown.get()))));
                }
                select_filter("label", "queue-filter-label", options)
            }}
            {move || filter("overdue").map(|signal| view! {
                <label class="choice" for=format!("{base}-overdue")>
                    <input id=format!("{base}-overdue") type="checkbox" prop:checked=move || signal.get() == "true" on:change=move |event| {
                        signal.set(if event_target_checked(&event) { "true".to_owned() } else { String::new() });
                        load(None);
                    }/>
                    {t("queue-overdue")}
                </label>
            })}
            <details class="more-filters" open=more_open>
                <summary>{t("queue-more-filters")}</summary>
                <div class="filters">
                    {move || {
                        let mut places = vec![(String::new(), t("tips-filter-all")())];
                        places.extend(Governorate::ALL.into_iter().map(|g| (g.as_str().to_owned(), i18n.message(&g.message_key(), None))));
                        select_filter("governorate", "queue-filter-governorate", places)
                    }}
                    {date_filter("from", "queue-filter-from")}
                    {date_filter("to", "queue-filter-to")}
                    {move || select_filter("attachments", "queue-filter-attachments", yes_no())}
                    {move || select_filter("linked", "queue-filter-linked", yes_no())}
                </div>
            </details>
        </form>
        {move || (!selected.get().is_empty()).then(|| {
            let count = i64::try_from(selected.get().len()).unwrap_or(0);
            let me = me.clone();
            view! {
                <div class="bulk-bar" role="region" aria-label=t(I::KEYS.bulk)>
                    <span>{t_count(I::KEYS.selected, &[("count", count)])}</span>
                    <button type="button" class="button button-secondary" on:click=move |_| bulk(BulkChange {
                        ids: selected.get_untracked(), status: None, add_labels: Vec::new(), remove_labels: Vec::new(),
                        assign: Some(BulkAssign { assignee: Some(me.clone()) }),
                    })>{t("queue-bulk-take")}</button>
                    {I::BULK_DISMISS.then(|| view! {
                        <button type="button" class="button button-secondary" on:click=move |_| bulk(BulkChange {
                            ids: selected.get_untracked(), status: Some(TipStatus::Dismissed), add_labels: Vec::new(), remove_labels: Vec::new(), assign: None,
                        })>{t("queue-bulk-dismiss")}</button>
                    })}
                    {I::BULK_DISMISS.then(|| view! {
                        <label for="bulk-status" class="visually-hidden">{t("queue-bulk-status")}</label>
                        <select id="bulk-status" on:change=move |event| {
                            if let Some(status) = TipStatus::parse(&event_target_value(&event)) {
                                bulk(BulkChange {
                                    ids: selected.get_untracked(), status: Some(status), add_labels: Vec::new(), remove_labels: Vec::new(), assign: None,
                                });
                            }
                        }>
                            <option value="">{t("queue-bulk-status")}</option>
                            {TipStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{t(s.message_key())}</option> }).collect_view()}
                        </select>
                    })}
                    <label for="bulk-assign" class="visually-hidden">{t("queue-bulk-assign")}</label>
                    <select id="bulk-assign" on:change=move |event| {
                        let chosen = event_target_value(&event);
                        let assignee = match chosen.as_str() {
                            "" => return,
                            "none" => None,
                            id => Some(id.to_owned()),
                        };
                        bulk(BulkChange {
                            ids: selected.get_untracked(), status: None, add_labels: Vec::new(), remove_labels: Vec::new(),
                            assign: Some(BulkAssign { assignee }),
                        });
                    }>
                        <option value="">{t("queue-bulk-assign")}</option>
                        <option value="none">{t("queue-assignee-none")}</option>
                        {move || colleagues.get().and_then(Result::ok).unwrap_or_default().into_iter()
                            .filter(|c| if I::KIND == ItemKind::Tip { c.tips } else { c.cases })
                            .map(|c| view! { <option value=c.id>{c.name}</option> })
                            .collect_view()}
                    </select>
                    {move || labels.get().and_then(Result::ok).filter(|l| !l.is_empty()).map(|list| view! {
                        <label for="bulk-unlabel" class="visually-hidden">{t("queue-bulk-unlabel")}</label>
                        <select id="bulk-unlabel" on:change=move |event| {
                            if let Ok(label) = event_target_value(&event).parse::<i64>() {
                                bulk(BulkChange {
                                    ids: selected.get_untracked(), status: None, add_labels: Vec::new(), remove_labels: vec![label], assign: None,
                                });
                            }
                        }>
                            <option value="">{t("queue-bulk-unlabel")}</option>
                            {list.iter().map(|l| view! { <option value=l.id.to_string()>{label_name(l, i18n.shown.get())}</option> }).collect_view()}
                        </select>
                    })}
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
        <div class="queue-layout" class:split=move || beside.get().is_some()>
        <div class="queue-list">
        {move || match state.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(failure)) => view! { <Failed failure on_retry=move || load(None)/> }.into_any(),
            Some(Ok(())) => view! {
                {move || rows.with(|list| if list.is_empty() {
                    view! { <p>{t(I::KEYS.empty)}</p> }.into_any()
                } else {
                    let all_labels = labels.get().and_then(Result::ok).unwrap_or_default();
                    view! {
                        <table class="queue" on:keydown=keys>
                            <caption class="visually-hidden">{t(I::KEYS.title)}</caption>
                            <thead><tr>
                                <th scope="col"><span class="visually-hidden">{t("queue-select")}</span></th>
                                <th scope="col">{t(I::KEYS.column)}</th>
                                <th scope="col">{t("queue-col-priority")}</th>
                                <th scope="col">{t("tip-governorate")}</th>
                                <th scope="col">{t("queue-col-waiting")}</th>
                                <th scope="col">{t("triage-assignee")}</th>
                                <th scope="col">{t("triage-labels")}</th>
                            </tr></thead>
                            <tbody>
                                {list.iter().cloned().map(|item| row(item, selected, beside, &all_labels)).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
                {move || next.get().map(|page| view! {
                    <button type="button" class="button button-secondary" disabled=move || loading_more.get() on:click=move |_| load(Some(page))>
                        {t(I::KEYS.more)}
                    </button>
                })}
            }.into_any(),
        }}
        </div>
        {move || beside.get().map(|id| view! {
            <aside class="queue-item" aria-label=t(I::KEYS.column)>
                <button type="button" class="button button-secondary queue-item-close" on:click=move |_| {
                    beside.set(None);
                    focus_row(base, id);
                }>{t("queue-close-item")}</button>
                {I::page(id)}
            </aside>
        })}
        </div>
    }
}

/// Whether the queue has room for the item beside it.
fn wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 80rem)").ok().flatten())
        .is_some_and(|query| query.matches())
}

fn focus_row(base: &str, id: i64) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("{base}-link-{id}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

fn row<I: QueueItem>(
    item: I,
    selected: RwSignal<Vec<i64>>,
    beside: RwSignal<Option<i64>>,
    labels: &[Label],
) -> impl IntoView {
    let i18n = use_i18n();
    let base = path(I::KIND);
    let id = item.id();
    let triage = item.triage();
    let governorate = item.governorate().map(|g| g.message_key());
    let names: Vec<(String, String)> = triage
        .iter()
        .flat_map(|t| t.labels.iter())
        .filter_map(|l| labels.iter().find(|label| label.id == *l))
        .map(|l| (l.color.clone(), label_name(l, i18n.shown.get_untracked())))
        .collect();
    let check_id = format!("select-{id}");
    let overdue = triage.as_ref().is_some_and(|t| t.overdue);
    let kind_class = match I::KIND {
        ItemKind::Tip => "tip-row",
        ItemKind::Case => "case-row",
    };
    view! {
        <tr class=if overdue { format!("queue-row {kind_class} overdue") } else { format!("queue-row {kind_class}") }>
            <td>
                <label class="visually-hidden" for=check_id.clone()>{t_args(I::KEYS.select_one, &[("id", id.to_string())])}</label>
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
                <a class="tip-link" id=format!("{base}-link-{id}") href=format!("/staff/{base}/{id}")
                    aria-current=move || (beside.get() == Some(id)).then_some("true")
                    on:click=move |event: leptos::ev::MouseEvent| {
                        // A plain click on a wide screen opens the item beside the queue; a
                        // new tab, or a phone, gets the item's own page.
                        let plain = !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()) && event.button() == 0;
                        if plain && wide_screen() {
                            event.prevent_default();
                            beside.set(Some(id));
                        }
                    }>
                    {item.title()}
                </a>
                {item.tags()}
            </td>
            <td>{triage.as_ref().map(|t| view! { <PriorityBadge level=t.level/> })}</td>
            <td>{match governorate {
                Some(key) => Either::Left(t_owned(key)),
                None => Either::Right(t("tip-not-given")),
            }}</td>
            <td>
                <span dir="ltr" class="nowrap">{item.received_on()}</span>
                " "
                {triage.clone().map(|triage| view! { <Waiting triage/> })}
            </td>
            <td>{match triage.as_ref().and_then(|t| t.assignee.clone()) {
                Some(person) => Either::Left(person.name),
                None => Either::Right(t("triage-unassigned")),
            }}</td>
            <td>{names.into_iter().map(|(color, name)| view! {
                <span class="badge label-badge"><span class="label-swatch" style:background-color=color></span>{name}</span>
            }).collect_view()}</td>
        </tr>
    }
}

/// The person's named views of this queue: open one, save the filters now set under a name
/// (the same name replaces that view), or remove the one open.
#[component]
fn SavedViews(
    kind: ItemKind,
    /// The filters now set, as the address holds them.
    current: Callback<(), String>,
    open: Callback<SavedView>,
) -> impl IntoView {
    let session = use_session();
    let base = path(kind);
    let views = RwSignal::new(Vec::<SavedView>::new());
    let chosen = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let refresh = move || {
        spawn_local(async move {
            let url = format!("/api/v1/views?kind={}", kind.as_str());
            match session.call::<(), Vec<SavedView>>("GET", &url, None).await {
                Ok(list) => views.set(list),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    refresh();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let view = NewSavedView {
            kind,
            name: name.get_untracked().trim().to_owned(),
            query: current.run(()),
        };
        spawn_local(async move {
            match session
                .call::<_, SavedView>("POST", "/api/v1/views", Some(&view))
                .await
            {
                Ok(saved) => {
                    outcome.set(Outcome::Done(t_args(
                        "queue-view-saved",
                        &[("name", saved.name.clone())],
                    )()));
                    name.set(String::new());
                    chosen.set(saved.id.to_string());
                    refresh();
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    let remove = move |_| {
        let Ok(id) = chosen.get_untracked().parse::<i64>() else {
            return;
        };
        spawn_local(async move {
            match session
                .call_empty::<()>("DELETE", &format!("/api/v1/views/{id}"), None)
                .await
            {
                Ok(()) => {
                    outcome.set(Outcome::Done(t("queue-view-deleted")()));
                    chosen.set(String::new());
                    refresh();
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <div class="saved-views">
            {move || (!views.with(Vec::is_empty)).then(|| view! {
                <div class="filter">
                    <label for=format!("{base}-views")>{t("queue-views")}</label>
                    <select id=format!("{base}-views") on:change=move |event| {
                        let id = event_target_value(&event);
                        chosen.set(id.clone());
                        if let Some(view) = views.with_untracked(|v| v.iter().find(|v| v.id.to_string() == id).cloned()) {
                            open.run(view);
                        }
                    }>
                        <option value="" prop:selected=move || chosen.get().is_empty()>{t("queue-view-choose")}</option>
                        {move || views.get().into_iter().map(|view| {
                            let id = view.id.to_string();
                            let value = id.clone();
                            view! { <option value=value prop:selected=move || chosen.get() == id><bdi>{view.name}</bdi></option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || (!chosen.get().is_empty()).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=remove>{t("queue-view-delete")}</button>
                })}
            })}
            <details class="save-view">
                <summary>{t("queue-view-save")}</summary>
                <form class="filter-save" on:submit=save>
                    <div class="filter">
                        <label for=format!("{base}-view-name")>{t("queue-view-name")}</label>
                        <input id=format!("{base}-view-name") type="text" dir="auto" required maxlength=MAX_VIEW_NAME_CHARS.to_string() bind:value=name/>
                    </div>
                    <button type="submit" class="button button-secondary">{t("queue-view-save")}</button>
                </form>
            </details>
            <OutcomeNotice outcome/>
        </div>
    }
}
