//! The moderators' queue: tips newest first, filtered by status, fifty at a time with a way to
//! older ones.

use leptos::{either::Either, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_owned},
};
use sanad_shared::tips::{TipPage, TipStatus, TipSummary};

use crate::session::use_session;

#[component]
pub fn TipList() -> impl IntoView {
    let session = use_session();
    let status = RwSignal::new(String::new());
    let rows = RwSignal::new(Vec::<TipSummary>::new());
    let next = RwSignal::new(None::<i64>);
    // `None` while the first page loads.
    let state = RwSignal::new(None::<Result<(), ApiFailure>>);
    let loading_more = RwSignal::new(false);
    // A page asked for under an older filter must not land in the list.
    let generation = StoredValue::new(0_u64);
    let load = move |before: Option<i64>| {
        let current = generation.get_value() + 1;
        generation.set_value(current);
        if before.is_none() {
            state.set(None);
        }
        loading_more.set(before.is_some());
        let filter = status.get_untracked();
        spawn_local(async move {
            let mut url = "/api/v1/tips?limit=50".to_owned();
            if !filter.is_empty() {
                url.push_str("&status=");
                url.push_str(&filter);
            }
            if let Some(before) = before {
                url.push_str(&format!("&before={before}"));
            }
            let result = session.call::<(), TipPage>("GET", &url, None).await;
            if generation.try_get_value() != Some(current) {
                return;
            }
            match result {
                Ok(page) => {
                    if before.is_none() {
                        rows.set(page.tips);
                    } else {
                        rows.update(|r| r.extend(page.tips));
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
    view! {
        <section class="page page-wide">
            <h1>{t("staff-nav-tips")}</h1>
            <div class="form form-inline">
                <label for="tips-status">{t("tips-filter-status")}</label>
                <select id="tips-status" on:change=move |event| {
                    status.set(event_target_value(&event));
                    load(None);
                }>
                    <option value="" selected=true>{t("tips-filter-all")}</option>
                    {TipStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str()>{t(s.message_key())}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || match state.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || load(None)/> }.into_any(),
                Some(Ok(())) => view! {
                    {move || rows.with(|list| if list.is_empty() {
                        view! { <p>{t("tips-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="tip-list">
                                {list.iter().cloned().map(|tip| view! { <Row tip/> }).collect_view()}
                            </ul>
                        }.into_any()
                    })}
                    {move || next.get().map(|before| view! {
                        <button type="button" class="button button-secondary" disabled=move || loading_more.get() on:click=move |_| load(Some(before))>
                            {t("tips-older")}
                        </button>
                    })}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Row(tip: TipSummary) -> impl IntoView {
    let id = tip.id;
    let governorate = tip.governorate.map(|g| g.message_key());
    view! {
        <li class="tip-row">
            <a class="tip-link" href=format!("/staff/tips/{id}")>
                {t_args("tip-title", &[("id", id.to_string())])}
                " · "
                {t(tip.subject.message_key())}
            </a>
            <p class="tip-tags">
                <span class=format!("badge status-{}", tip.status.as_str())>
                    {t(tip.status.message_key())}
                </span>
                {tip.awaiting_reply.then(|| view! {
                    <span class="badge badge-alert">{t("tips-awaiting-reply")}</span>
                })}
            </p>
            <p class="hint">
                {match governorate {
                    Some(key) => Either::Left(t_owned(key)),
                    None => Either::Right(t("tip-not-given")),
                }}
                " · "
                <span dir="ltr">{tip.received_on.clone()}</span>
                " · "
                {t_args("tips-pictures", &[("count", tip.attachments.to_string())])}
                " · "
                {t_args("tips-messages", &[("count", tip.messages.to_string())])}
            </p>
        </li>
    }
}
