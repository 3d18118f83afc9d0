//! The caseworkers' list: missing-person cases newest first, filtered by status, governorate and
//! the day they were reported, fifty at a time; or the cases whose names match a search, in
//! Arabic or Kurdish letters or in a Latin spelling.

use leptos::{either::Either, ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_owned},
};
use sanad_shared::{
    cases::{CasePage, CaseStatus, CaseSummary},
    tips::Governorate,
};

use crate::session::use_session;

/// What the list shows: the filtered queue, or the answer to a name search.
#[derive(Clone, Default)]
struct Query {
    status: String,
    governorate: String,
    from: String,
    to: String,
    search: Option<String>,
}

impl Query {
    fn url(&self, before: Option<i64>) -> String {
        if let Some(words) = &self.search {
            // Names travel in the query string: encoded, since Arabic letters and spaces are.
            let words = String::from(js_sys::encode_uri_component(words));
            return format!("/api/v1/cases/search?q={words}");
        }
        let mut url = "/api/v1/cases?limit=50".to_owned();
        for (name, value) in [
            ("status", &self.status),
            ("governorate", &self.governorate),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !value.is_empty() {
                url.push_str(&format!("&{name}={value}"));
            }
        }
        if let Some(before) = before {
            url.push_str(&format!("&before={before}"));
        }
        url
    }
}

#[component]
pub fn CaseList() -> impl IntoView {
    let session = use_session();
    let query = RwSignal::new(Query::default());
    let words = RwSignal::new(String::new());
    let rows = RwSignal::new(Vec::<CaseSummary>::new());
    let next = RwSignal::new(None::<i64>);
    // `None` while the first page loads.
    let state = RwSignal::new(None::<Result<(), ApiFailure>>);
    let loading_more = RwSignal::new(false);
    // A page asked for under an older filter or search must not land in the list.
    let generation = StoredValue::new(0_u64);
    let load = move |before: Option<i64>| {
        let current = generation.get_value() + 1;
        generation.set_value(current);
        if before.is_none() {
            state.set(None);
        }
        loading_more.set(before.is_some());
        let url = query.with_untracked(|q| q.url(before));
        spawn_local(async move {
            let result = session.call::<(), CasePage>("GET", &url, None).await;
            if generation.try_get_value() != Some(current) {
                return;
            }
            match result {
                Ok(page) => {
                    if before.is_none() {
                        rows.set(page.cases);
                    } else {
                        rows.update(|r| r.extend(page.cases));
                    }
                    next.set(page.next_before);
                    state.set(Some(Ok(())));
                }
                Err(failure) => state.set(Some(Err(failure))),
            }
            loading_more.set(false);
        });
    };
    load(None);
    let filter = move |change: fn(&mut Query, String)| {
        move |event: leptos::ev::Event| {
            query.update(|q| change(q, event_target_value(&event)));
            load(None);
        }
    };
    let search = move |event: SubmitEvent| {
        event.prevent_default();
        let text = words.get_untracked().trim().to_owned();
        query.update(|q| q.search = Some(text).filter(|t| !t.is_empty()));
        load(None);
    };
    let clear = move |_| {
        words.set(String::new());
        query.update(|q| q.search = None);
        load(None);
    };
    let searching = move || query.with(|q| q.search.is_some());
    view! {
        <section class="page page-wide">
            <h1>{t("staff-nav-cases")}</h1>
            <p><a href="/staff/exchange">{t("cases-exchange-link")}</a></p>
            <form class="form form-inline case-search" role="search" on:submit=search>
                <label for="cases-search">{t("cases-search")}</label>
                <input id="cases-search" type="search" dir="auto" maxlength="200" aria-describedby="cases-search-hint" bind:value=words/>
                <button type="submit" class="button">{t("cases-search-button")}</button>
                <p class="hint" id="cases-search-hint">{t("cases-search-hint")}</p>
            </form>
            {move || if searching() {
                Either::Left(view! {
                    <p class="actions-row">
                        <span>{move || t_args("cases-search-results", &[("words", query.with(|q| q.search.clone().unwrap_or_default()))])()}</span>
                        <button type="button" class="button button-secondary" on:click=clear>{t("cases-search-clear")}</button>
                    </p>
                })
            } else {
                Either::Right(view! {
                    <div class="form case-filters">
                        <div class="row">
                            <label for="cases-status">{t("cases-filter-status")}</label>
                            <select id="cases-status" on:change=filter(|q, v| q.status = v)>
                                <option value="" selected=query.with_untracked(|q| q.status.is_empty())>{t("tips-filter-all")}</option>
                                {CaseStatus::ALL.into_iter().map(|s| view! {
                                    <option value=s.as_str() selected=query.with_untracked(|q| q.status == s.as_str())>
                                        {t_owned(s.message_key())}
                                    </option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="row">
                            <label for="cases-governorate">{t("cases-filter-governorate")}</label>
                            <select id="cases-governorate" on:change=filter(|q, v| q.governorate = v)>
                                <option value="" selected=query.with_untracked(|q| q.governorate.is_empty())>{t("tips-filter-all")}</option>
                                {Governorate::ALL.into_iter().map(|g| view! {
                                    <option value=g.as_str() selected=query.with_untracked(|q| q.governorate == g.as_str())>
                                        {t_owned(g.message_key())}
                                    </option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="row">
                            <label for="cases-from">{t("cases-filter-from")}</label>
                            <input id="cases-from" type="date" prop:value=move || query.with(|q| q.from.clone()) on:change=filter(|q, v| q.from = v)/>
                        </div>
                        <div class="row">
                            <label for="cases-to">{t("cases-filter-to")}</label>
                            <input id="cases-to" type="date" prop:value=move || query.with(|q| q.to.clone()) on:change=filter(|q, v| q.to = v)/>
                        </div>
                    </div>
                })
            }}
            {move || match state.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || load(None)/> }.into_any(),
                Some(Ok(())) => view! {
                    {move || rows.with(|list| if list.is_empty() {
                        view! { <p>{t("cases-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="tip-list">
                                {list.iter().cloned().map(|case| view! { <Row case/> }).collect_view()}
                            </ul>
                        }.into_any()
                    })}
                    {move || next.get().map(|before| view! {
                        <button type="button" class="button button-secondary" disabled=move || loading_more.get() on:click=move |_| load(Some(before))>
                            {t("cases-older")}
                        </button>
                    })}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Row(case: CaseSummary) -> impl IntoView {
    let id = case.id;
    let governorate = case.governorate.map(|g| g.message_key());
    view! {
        <li class="tip-row case-row">
            <a class="tip-link" href=format!("/staff/cases/{id}")>
                <span dir="ltr">{case.case_number.clone()}</span>
                " · "
                {match case.name {
                    Some(name) => Either::Left(view! { <bdi>{name}</bdi> }),
                    None => Either::Right(view! { <span>{t("case-wiped-name")}</span> }),
                }}
            </a>
            <p class="tip-tags">
                <span class=format!("badge case-status-{}", case.status.as_str())>
                    {t_owned(case.status.message_key())}
                </span>
                {(case.open_matches > 0).then(|| view! {
                    <span class="badge badge-alert">
                        {t_args("cases-open-matches", &[("count", case.open_matches.to_string())])}
                    </span>
                })}
            </p>
            <p class="hint">
                {match governorate {
                    Some(key) => Either::Left(t_owned(key)),
                    None => Either::Right(t("tip-not-given")),
                }}
                " · "
                <span dir="ltr">{case.reported_on.clone()}</span>
            </p>
        </li>
    }
}
