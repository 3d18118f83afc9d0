//! The staff home after sign-in: who you are, and for those who triage, their own queue, what
//! is overdue, unassigned or urgent, each a link to that view of the queue.

use leptos::prelude::*;
use sanad_frontend::{
    i18n::{t, t_args, t_count, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    cases::CaseSummary,
    tips::TipSummary,
    triage::{Overview, QueueCounts},
    Direction,
};

use super::{
    queue::{path, QueueItem},
    triage::PriorityBadge,
};
use crate::session::{role_key, use_session};

#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let triages = session.moderates() || session.works_cases();
    let overview = Loader::new(move || async move {
        session
            .call::<(), Overview>("GET", "/api/v1/triage/overview", None)
            .await
    });
    move || {
        session.profile().map(|profile| {
            let name = profile.display_name.clone();
            let roles = profile.roles.clone();
            view! {
                <section class="page page-wide">
                    <h1>{t_args("staff-welcome", &[("name", name.clone())])}</h1>
                    <p>{move || {
                        let names: Vec<String> = roles.iter().map(|r| i18n.message(role_key(*r), None)).collect();
                        // Arabic script lists take the Arabic comma.
                        let separator = if i18n.shown.get().direction() == Direction::Rtl { "، " } else { ", " };
                        t_args("staff-your-roles", &[("roles", names.join(separator))])()
                    }}</p>
                    {move || triages.then(|| match overview.get() {
                        Some(Ok(counts)) => view! {
                            {session.moderates().then(|| view! {
                                <Counts title="home-tips" base="/staff/tips" open={<TipSummary as QueueItem>::OPEN} counts=counts.tips.clone()/>
                                {mine::<TipSummary>()}
                            })}
                            {session.works_cases().then(|| view! {
                                <Counts title="home-cases" base="/staff/cases" open={<CaseSummary as QueueItem>::OPEN} counts=counts.cases.clone()/>
                                {mine::<CaseSummary>()}
                            })}
                            <p class="hint">{t_count("home-first-look", &[("hours", i64::from(counts.first_look_hours))])}</p>
                        }.into_any(),
                        _ => ().into_any(),
                    })}
                </section>
            }
        })
    }
}

#[component]
fn Counts(
    title: &'static str,
    base: &'static str,
    /// The open statuses of the kind, as the queue's status filter takes them.
    open: &'static str,
    counts: QueueCounts,
) -> impl IntoView {
    let tile = |key: &'static str, query: String, count: u32, alert: bool| {
        view! {
            <li class={if alert && count > 0 { "count-tile count-alert" } else { "count-tile" }}>
                <a href=format!("{base}{query}")>
                    <span class="count-figure">{count}</span>
                    <span>{t(key)}</span>
                </a>
            </li>
        }
    };
    view! {
        <h2>{t(title)}</h2>
        <ul class="count-tiles">
            {tile("home-mine", format!("?assignee=me&status={open}"), counts.mine, false)}
            {tile("home-overdue", format!("?overdue=true&status={open}"), counts.overdue, true)}
            {tile("home-urgent", format!("?priority=urgent&status={open}"), counts.urgent, true)}
            {tile("home-unassigned", format!("?assignee=none&status={open}"), counts.unassigned, false)}
            {tile("home-open", format!("?status={open}"), counts.open, false)}
        </ul>
    }
}

/// How many of the person's own items the home lists.
const MINE: u32 = 5;

/// The top of the person's own queue of one kind: their open items, most urgent first.
fn mine<I: QueueItem>() -> impl IntoView {
    let session = use_session();
    let base = path(I::KIND);
    let items = Loader::new(move || async move {
        let url = format!("/api/v1/{base}?assignee=me&status={}&limit={MINE}", I::OPEN);
        session
            .call::<(), I::Page>("GET", &url, None)
            .await
            .map(I::split)
    });
    move || {
        match items.get() {
        Some(Ok((list, more))) if list.is_empty() && more.is_none() => {
            view! { <p class="hint">{t("home-mine-none")}</p> }.into_any()
        }
        Some(Ok((list, more))) => view! {
            <h3>{t("home-mine-title")}</h3>
            <ul class="plain-list home-mine">
                {list.into_iter().map(|item| {
                    let id = item.id();
                    view! {
                        <li>
                            <a href=format!("/staff/{base}/{id}")>{item.title()}</a>
                            " "
                            {item.triage().map(|t| view! { <PriorityBadge level=t.level/> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {more.map(|_| view! {
                <p><a href=format!("/staff/{base}?assignee=me&status={}", I::OPEN)>{t("home-mine-all")}</a></p>
            })}
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}
