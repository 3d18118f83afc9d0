//! The moderators' queue of tips: the shared queue, with what a tip's row shows.

use leptos::{either::Either, prelude::*};
use sanad_frontend::i18n::{t, t_args, I18n};
use sanad_shared::{
    tips::{Governorate, TipPage, TipStatus, TipSummary},
    triage::{ItemKind, Triage},
};

use super::{
    queue::{queue, QueueItem, QueueKeys},
    tip::TipView,
};

impl QueueItem for TipSummary {
    type Page = TipPage;
    const KIND: ItemKind = ItemKind::Tip;
    const KEYS: QueueKeys = QueueKeys {
        title: "staff-nav-tips",
        column: "queue-col-tip",
        search: "queue-search",
        select_one: "queue-select-one",
        bulk: "queue-bulk",
        selected: "queue-selected",
        changed: "queue-bulk-done",
        empty: "tips-empty",
        more: "tips-older",
    };
    const BULK_DISMISS: bool = true;
    const OPEN: &'static str = "new,in_review";

    fn split(page: TipPage) -> (Vec<Self>, Option<u32>) {
        (page.tips, page.next_page)
    }

    fn id(&self) -> i64 {
        self.id
    }

    fn triage(&self) -> Option<Triage> {
        Some(self.triage.clone())
    }

    fn governorate(&self) -> Option<Governorate> {
        self.governorate
    }

    fn received_on(&self) -> String {
        self.received_on.clone()
    }

    fn title(&self) -> AnyView {
        t_args("tip-title", &[("id", self.id.to_string())]).into_any()
    }

    fn tags(&self) -> AnyView {
        view! {
            <span class="hint">" · "{t(self.subject.message_key())}</span>
            <span class=format!("badge status-{}", self.status.as_str())>{t(self.status.message_key())}</span>
            {match self.awaiting_reply {
                true => Either::Left(view! { <span class="badge badge-alert">{t("tips-awaiting-reply")}</span> }),
                false => Either::Right(()),
            }}
            {(!self.snippet.is_empty()).then(|| view! { <p class="snippet" dir="auto">{self.snippet.clone()}</p> })}
        }
        .into_any()
    }

    fn page(id: i64) -> AnyView {
        view! { <TipView id/> }.into_any()
    }

    fn statuses(i18n: I18n) -> Vec<(String, String)> {
        let mut statuses = vec![(Self::OPEN.to_owned(), t("queue-open")())];
        statuses.extend(
            TipStatus::ALL
                .into_iter()
                .map(|s| (s.as_str().to_owned(), i18n.message(s.message_key(), None))),
        );
        statuses
    }
}

#[component]
pub fn TipList() -> impl IntoView {
    view! {
        <section class="page page-wide page-queue">
            <h1>{t("staff-nav-tips")}</h1>
            {queue::<TipSummary>()}
        </section>
    }
}
