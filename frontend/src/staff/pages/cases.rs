//! The caseworkers' queue of missing-person cases (the shared queue, with what a case's row
//! shows), and the search by name, in Arabic or Kurdish letters or in a Latin spelling, whose
//! answers replace the queue until it is cleared.

use leptos::{either::Either, ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, t_owned, I18n},
};
use sanad_shared::{
    cases::{CasePage, CaseStatus, CaseSummary},
    tips::Governorate,
    triage::{ItemKind, Triage},
};

use super::{
    case::CaseView,
    queue::{queue, QueueItem, QueueKeys},
};
use crate::session::use_session;

impl QueueItem for CaseSummary {
    type Page = CasePage;
    const KIND: ItemKind = ItemKind::Case;
    const KEYS: QueueKeys = QueueKeys {
        title: "staff-nav-cases",
        column: "queue-col-case",
        search: "queue-case-search",
        select_one: "queue-case-select-one",
        bulk: "queue-case-bulk",
        selected: "queue-case-selected",
        changed: "queue-case-bulk-done",
        empty: "cases-empty",
        more: "cases-older",
    };
    const BULK_DISMISS: bool = false;
    const OPEN: &'static str = "reported,under_review,information_sought,located_alive,in_contact";

    fn split(page: CasePage) -> (Vec<Self>, Option<u32>) {
        (page.cases, page.next_page)
    }

    fn id(&self) -> i64 {
        self.id
    }

    fn triage(&self) -> Option<Triage> {
        self.triage.clone()
    }

    fn governorate(&self) -> Option<Governorate> {
        self.governorate
    }

    fn received_on(&self) -> String {
        self.reported_on.clone()
    }

    fn title(&self) -> AnyView {
        view! {
            <span dir="ltr">{self.case_number.clone()}</span>
            " · "
            {match self.name.clone() {
                Some(name) => Either::Left(view! { <bdi>{name}</bdi> }),
                None => Either::Right(view! { <span>{t("case-wiped-name")}</span> }),
            }}
        }
        .into_any()
    }

    fn tags(&self) -> AnyView {
        view! { <CaseTags case=self.clone()/> }.into_any()
    }

    fn page(id: i64) -> AnyView {
        view! { <CaseView id/> }.into_any()
    }

    fn statuses(i18n: I18n) -> Vec<(String, String)> {
        let mut statuses = vec![(Self::OPEN.to_owned(), t("queue-case-open")())];
        statuses.extend(
            CaseStatus::ALL
                .into_iter()
                .map(|s| (s.as_str().to_owned(), i18n.message(&s.message_key(), None))),
        );
        statuses
    }
}

#[component]
fn CaseTags(case: CaseSummary) -> impl IntoView {
    view! {
        <p class="tip-tags">
            <span class=format!("badge case-status-{}", case.status.as_str())>
                {t_owned(case.status.message_key())}
            </span>
            {(case.open_matches > 0).then(|| view! {
                <span class="badge badge-alert">
                    {t_count("cases-open-matches", &[("count", i64::from(case.open_matches))])}
                </span>
            })}
        </p>
    }
}

#[component]
pub fn CaseList() -> impl IntoView {
    let session = use_session();
    let words = RwSignal::new(String::new());
    // The words of the name search whose answers are shown, while there is one.
    let searched = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<Result<Vec<CaseSummary>, ApiFailure>>);
    let generation = StoredValue::new(0_u64);
    let run = move || {
        let Some(text) = searched.get_untracked() else {
            return;
        };
        let current = generation.get_value() + 1;
        generation.set_value(current);
        found.set(None);
        spawn_local(async move {
            // Names travel in the query string: encoded, since Arabic letters and spaces are.
            let text = String::from(js_sys::encode_uri_component(&text));
            let url = format!("/api/v1/cases/search?q={text}");
            let result = session.call::<(), CasePage>("GET", &url, None).await;
            if generation.try_get_value() == Some(current) {
                found.set(Some(result.map(|page| page.cases)));
            }
        });
    };
    let search = move |event: SubmitEvent| {
        event.prevent_default();
        let text = words.get_untracked().trim().to_owned();
        searched.set(Some(text).filter(|t| !t.is_empty()));
        run();
    };
    let clear = move |_| {
        words.set(String::new());
        searched.set(None);
    };
    view! {
        <section class="page page-wide page-queue">
            <h1>{t("staff-nav-cases")}</h1>
            <p><a href="/staff/exchange">{t("cases-exchange-link")}</a></p>
            <form class="form form-inline case-search" role="search" on:submit=search>
                <label for="cases-name-search">{t("cases-search")}</label>
                <input id="cases-name-search" type="search" dir="auto" maxlength="200" aria-describedby="cases-search-hint" bind:value=words/>
                <button type="submit" class="button">{t("cases-search-button")}</button>
                <p class="hint" id="cases-search-hint">{t("cases-search-hint")}</p>
            </form>
            {move || match searched.get() {
                None => Either::Left(queue::<CaseSummary>()),
                Some(text) => Either::Right(view! {
                    <p class="actions-row">
                        <span>{t_args("cases-search-results", &[("words", text)])}</span>
                        <button type="button" class="button button-secondary" on:click=clear>{t("cases-search-clear")}</button>
                    </p>
                    {move || match found.get() {
                        None => view! { <Loading/> }.into_any(),
                        Some(Err(failure)) => view! { <Failed failure on_retry=run/> }.into_any(),
                        Some(Ok(list)) if list.is_empty() => view! { <p>{t("cases-empty")}</p> }.into_any(),
                        Some(Ok(list)) => view! {
                            <ul class="tip-list">
                                {list.into_iter().map(|case| view! { <Row case/> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}
                }),
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
            <a class="tip-link" href=format!("/staff/cases/{id}")>{case.title()}</a>
            {case.tags()}
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
