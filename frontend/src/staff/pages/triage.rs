//! Triage on a tip's or a case's page, and the pieces the queue shows: priority with its
//! reasons, waiting time, assignee, labels, a hand change with its reason, who else has the item
//! open, and (tips) the staff-only notes. Every change sends the item's version, so one made on
//! a view a colleague has since changed is refused with a clear message.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    cases::{CaseStatus, NewNote},
    tips::TipStatus,
    triage::{
        AssigneeChange, Colleague, InternalNote, ItemKind, Label, LabelsChange, Presence,
        PriorityChange, PriorityLevel, PriorityReason, TimelineChange, TimelineEvent, Triage,
    },
    Direction, Language,
};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

pub fn level_key(level: PriorityLevel) -> &'static str {
    match level {
        PriorityLevel::Urgent => "priority-urgent",
        PriorityLevel::High => "priority-high",
        PriorityLevel::Normal => "priority-normal",
        PriorityLevel::Low => "priority-low",
    }
}

fn path(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Tip => "tips",
        ItemKind::Case => "cases",
    }
}

/// The labels admins keep, as the queue, the triage panel and the history show them.
pub fn labels_loader() -> Loader<Vec<Label>> {
    let session = use_session();
    Loader::new(move || async move {
        session
            .call::<(), Vec<Label>>("GET", "/api/v1/labels", None)
            .await
    })
}

/// The colleagues an item can be given to.
pub fn colleagues_loader() -> Loader<Vec<Colleague>> {
    let session = use_session();
    Loader::new(move || async move {
        session
            .call::<(), Vec<Colleague>>("GET", "/api/v1/triage/staff", None)
            .await
    })
}

/// A label's name in the language shown.
pub fn label_name(label: &Label, language: Language) -> String {
    label.names.get(language).to_owned()
}

/// The priority band as a badge.
#[component]
pub fn PriorityBadge(level: PriorityLevel) -> impl IntoView {
    view! {
        <span class=format!("badge priority-{}", level.as_str())>{t(level_key(level))}</span>
    }
}

/// One reason, in words.
fn reason_text(reason: &PriorityReason) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    match reason {
        PriorityReason::DepartureSoon { days } => {
            t_count("reason-departure-soon", &[("days", i64::from(*days))])
        }
        PriorityReason::Minor => t_count("reason-minor", &[]),
        PriorityReason::Linked { count } => {
            t_count("reason-linked", &[("count", i64::from(*count))])
        }
        PriorityReason::Waiting { days } => {
            t_count("reason-waiting", &[("days", i64::from(*days))])
        }
        PriorityReason::Manual { adjust } => {
            t_count("reason-manual", &[("adjust", i64::from(*adjust))])
        }
    }
}

/// Why an item is where it is in the queue.
#[component]
pub fn Reasons(reasons: Vec<PriorityReason>) -> impl IntoView {
    if reasons.is_empty() {
        return view! { <p class="hint">{t("reason-none")}</p> }.into_any();
    }
    view! {
        <ul class="plain-list reasons">
            {reasons.iter().map(|r| view! { <li>{reason_text(r)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// How long an item has waited, or that it is overdue.
#[component]
pub fn Waiting(triage: Triage) -> impl IntoView {
    let days = i64::from(triage.waiting_days);
    view! {
        {triage.overdue.then(|| view! { <span class="badge badge-alert">{t("triage-overdue")}</span> })}
        {(triage.first_look_on.is_none()).then(|| view! {
            <span class="hint">{t_count("triage-waiting", &[("days", days)])}</span>
        })}
    }
}

/// The triage panel of one item. `version` is the item's, shared with the reply and status
/// forms on the same page.
#[component]
pub fn TriagePanel(
    kind: ItemKind,
    id: i64,
    triage: Triage,
    version: RwSignal<i64>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let state = RwSignal::new(triage);
    let outcome = RwSignal::new(Outcome::Idle);
    let base = format!("/api/v1/{}/{id}", path(kind));
    let labels = labels_loader();
    let colleagues = colleagues_loader();
    let others = RwSignal::new(Vec::<String>::new());

    // Sends one change; the answer is the item's triage as it now is.
    let send = {
        let base = base.clone();
        move |suffix: &'static str, body: serde_json::Value| {
            let url = format!("{base}/{suffix}");
            spawn_local(async move {
                match session.call::<_, Triage>("PUT", &url, Some(&body)).await {
                    Ok(now) => {
                        version.set(now.version);
                        state.set(now);
                        outcome.set(Outcome::Idle);
                    }
                    Err(failure) => outcome.set(Outcome::Failed(failure)),
                }
            });
        }
    };

    // Who else has it open: asked now and every 30 seconds while the page is shown.
    let presence_url = format!("{base}/presence");
    let ask = move || {
        let url = presence_url.clone();
        spawn_local(async move {
            if let Ok(seen) = session.call::<(), Presence>("PUT", &url, None).await {
                others.set(seen.others.into_iter().map(|o| o.name).collect());
            }
        });
    };
    ask();
    let timer = set_interval_with_handle(ask, std::time::Duration::from_secs(30)).ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });

    let me = session.profile().map(|p| p.id).unwrap_or_default();
    let take = {
        let send = send.clone();
        let me = me.clone();
        move |_| {
            send(
                "assignee",
                serde_json::json!(AssigneeChange {
                    assignee: Some(me.clone()),
                    version: version.get_untracked(),
                }),
            )
        }
    };
    let choose = {
        let send = send.clone();
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            send(
                "assignee",
                serde_json::json!(AssigneeChange {
                    assignee: Some(value).filter(|v| !v.is_empty()),
                    version: version.get_untracked(),
                }),
            )
        }
    };
    let toggle = {
        let send = send.clone();
        move |label: i64, on: bool| {
            let mut wanted = state.with_untracked(|s| s.labels.clone());
            wanted.retain(|l| *l != label);
            if on {
                wanted.push(label);
            }
            send(
                "labels",
                serde_json::json!(LabelsChange {
                    labels: wanted,
                    version: version.get_untracked(),
                }),
            )
        }
    };
    let adjust = RwSignal::new(state.with_untracked(|s| {
        s.reasons
            .iter()
            .find_map(|r| match r {
                PriorityReason::Manual { adjust } => Some(adjust.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| "0".to_owned())
    }));
    let reason =
        RwSignal::new(state.with_untracked(|s| s.manual_reason.clone().unwrap_or_default()));
    let save_adjust = {
        let send = send.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            let typed = sanad_shared::digits::to_ascii_digits(adjust.get_untracked().trim())
                .replace('\u{2212}', "-");
            let change = PriorityChange {
                // Out of range or not a number: the server names the field.
                adjust: typed.parse().unwrap_or(i32::MAX),
                reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
                version: version.get_untracked(),
            };
            send("priority", serde_json::json!(change))
        }
    };

    view! {
        <section class="triage-panel" aria-labelledby="triage-title">
            <h2 id="triage-title">{t("triage-title")}</h2>
            {move || (!others.get().is_empty()).then(|| view! {
                <p class="notice notice-warning" role="status">
                    {t_args("triage-others-here", &[("names", others.get().join(", "))])}
                </p>
            })}
            {move || {
                let now = state.get();
                view! {
                    <p class="tip-tags">
                        <PriorityBadge level=now.level/>
                        <Waiting triage=now.clone()/>
                    </p>
                    <Reasons reasons=now.reasons.clone()/>
                    {now.manual_reason.clone().map(|why| view! {
                        <p class="hint">{t("triage-manual-reason")}" "<span dir="auto">{why}</span></p>
                    })}
                    {now.departure_on.clone().map(|day| view! {
                        <p>{t("triage-departure")}" "<span class="nowrap" dir="ltr">{day}</span></p>
                    })}
                }
            }}

            <h3>{t("triage-assignee")}</h3>
            <div class="form form-inline">
                <label for="assignee" class="visually-hidden">{t("triage-assignee")}</label>
                <select id="assignee" on:change=choose>
                    <option value="" selected=move || state.with(|s| s.assignee.is_none())>{t("triage-unassigned")}</option>
                    {move || colleagues.get().and_then(Result::ok).unwrap_or_default().into_iter()
                        .filter(|c| match kind { ItemKind::Tip => c.tips, ItemKind::Case => c.cases })
                        .map(|c| {
                            let chosen = state.with(|s| s.assignee.as_ref().is_some_and(|a| a.id == c.id));
                            view! { <option value=c.id.clone() selected=chosen>{c.name.clone()}</option> }
                        })
                        .collect_view()}
                </select>
                {move || {
                    let mine = state.with(|s| s.assignee.as_ref().is_some_and(|a| a.id == me));
                    (!mine).then(|| view! {
                        <button type="button" class="button button-secondary" on:click=take.clone()>{t("triage-assign-me")}</button>
                    })
                }}
            </div>

            <h3>{t("triage-labels")}</h3>
            {move || match labels.get() {
                Some(Ok(list)) if !list.is_empty() => view! {
                    <fieldset class="choices label-choices">
                        <legend class="visually-hidden">{t("triage-labels")}</legend>
                        {list.into_iter().map(|label| {
                            let id = label.id;
                            let checked = state.with(|s| s.labels.contains(&id));
                            let toggle = toggle.clone();
                            let name = label_name(&label, i18n.shown.get());
                            view! {
                                <label class="choice">
                                    <input type="checkbox" checked=checked on:change=move |event| toggle(id, event_target_checked(&event))/>
                                    <span class="label-swatch" style:background-color=label.color.clone()></span>
                                    {name}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }.into_any(),
                Some(Ok(_)) => view! { <p class="hint">{t("triage-no-labels")}</p> }.into_any(),
                _ => ().into_any(),
            }}

            <h3>{t("triage-adjust-title")}</h3>
            <form class="form" on:submit=save_adjust>
                <label for="adjust">{t("triage-adjust")}</label>
                <input id="adjust" inputmode="numeric" dir="ltr" bind:value=adjust/>
                <label for="adjust-reason">{t("triage-adjust-reason")}</label>
                <textarea id="adjust-reason" rows="2" bind:value=reason></textarea>
                <button type="submit" class="button button-secondary">{t("triage-adjust-save")}</button>
            </form>
            <OutcomeNotice outcome/>
        </section>
    }
}

/// Staff-only notes on a tip, oldest first, with a box to add one.
#[component]
pub fn InternalNotes(id: i64, notes: Vec<InternalNote>, version: RwSignal<i64>) -> impl IntoView {
    let session = use_session();
    let notes = RwSignal::new(notes);
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let note = NewNote {
            text: text.get_untracked(),
        };
        spawn_local(async move {
            let url = format!("/api/v1/tips/{id}/notes");
            match session
                .call::<_, InternalNote>("POST", &url, Some(&note))
                .await
            {
                Ok(added) => {
                    version.update(|v| *v += 1);
                    notes.update(|n| n.push(added));
                    text.set(String::new());
                    outcome.set(Outcome::Idle);
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <h2>{t("triage-notes")}</h2>
        {move || notes.with(|list| if list.is_empty() {
            view! { <p class="hint">{t("triage-notes-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list notes">
                    {list.iter().map(|note| view! {
                        <li class="note">
                            <p class="hint">{note.author.name.clone()}</p>
                            <p class="message-body" dir="auto">{note.text.clone()}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
        <form class="form" on:submit=submit>
            <label for="internal-note">{t("triage-note-label")}</label>
            <textarea id="internal-note" rows="3" required bind:value=text></textarea>
            <button type="submit" class="button button-secondary">{t("triage-note-add")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}

/// The item's history, oldest first, fetched again whenever the item's version moves (each
/// change on this page moves it).
#[component]
pub fn Timeline(kind: ItemKind, id: i64, version: RwSignal<i64>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let events = Loader::new(move || async move {
        session
            .call::<(), Vec<TimelineEvent>>(
                "GET",
                &format!("/api/v1/{}/{id}/timeline", path(kind)),
                None,
            )
            .await
    });
    let labels = labels_loader();
    Effect::new(move |previous: Option<i64>| {
        let now = version.get();
        if previous.is_some_and(|before| before != now) {
            events.reload();
        }
        now
    });
    let status_name = move |text: &str| -> String {
        let key = match kind {
            ItemKind::Tip => TipStatus::parse(text).map(|s| s.message_key().to_owned()),
            ItemKind::Case => CaseStatus::parse(text).map(|s| s.message_key()),
        };
        key.map(|k| i18n.message(&k, None))
            .unwrap_or_else(|| text.to_owned())
    };
    let label_names = move |ids: &[i64]| -> String {
        let list = labels.get().and_then(Result::ok).unwrap_or_default();
        ids.iter()
            .map(|id| {
                list.iter()
                    .find(|l| l.id == *id)
                    .map(|l| label_name(l, i18n.shown.get()))
                    .unwrap_or_else(|| format!("#{id}"))
            })
            .collect::<Vec<_>>()
            .join(if i18n.shown.get().direction() == Direction::Rtl {
                "، "
            } else {
                ", "
            })
    };
    let line = move |event: TimelineEvent| {
        let text = match &event.change {
            TimelineChange::Status { from, to } => t_args(
                "timeline-status",
                &[("from", status_name(from)), ("to", status_name(to))],
            )(),
            TimelineChange::Assigned { to: Some(person) } => {
                t_args("timeline-assigned", &[("to", person.name.clone())])()
            }
            TimelineChange::Assigned { to: None } => t("timeline-unassigned")(),
            TimelineChange::Labels { added, removed } => {
                let mut parts = Vec::new();
                if !added.is_empty() {
                    parts.push(t_args(
                        "timeline-labels-added",
                        &[("labels", label_names(added))],
                    )());
                }
                if !removed.is_empty() {
                    parts.push(t_args(
                        "timeline-labels-removed",
                        &[("labels", label_names(removed))],
                    )());
                }
                parts.join(" · ")
            }
            TimelineChange::Priority { adjust: 0 } => t("timeline-priority-cleared")(),
            TimelineChange::Priority { adjust } => {
                t_count("timeline-priority", &[("adjust", i64::from(*adjust))])()
            }
            TimelineChange::Note { .. } => t("timeline-note")(),
            TimelineChange::Replied => t(match kind {
                ItemKind::Tip => "timeline-replied-tip",
                ItemKind::Case => "timeline-replied-case",
            })(),
            TimelineChange::Wrote => t(match kind {
                ItemKind::Tip => "timeline-wrote-tip",
                ItemKind::Case => "timeline-wrote-case",
            })(),
            TimelineChange::Merged => t("timeline-merged")(),
        };
        // A staff action shows its time of day on this device's clock; what the tipster or
        // family sent, only its day.
        let time = event.at_ms.map(|ms| {
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
            format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
        });
        let who = match (&event.by, &event.change) {
            (_, TimelineChange::Wrote) => None,
            (Some(person), _) => Some(person.name.clone()),
            (None, _) => Some(t("timeline-system")()),
        };
        let note = match event.change {
            TimelineChange::Note { text: Some(text) } => Some(text),
            _ => None,
        };
        view! {
            <li class=if event.by.is_none() { "timeline-event timeline-other" } else { "timeline-event" }>
                <span class="timeline-when nowrap" dir="ltr">{event.on}{time.map(|t| format!(" {t}"))}</span>
                " "
                {who.map(|name| view! { <strong><bdi>{name}</bdi></strong>" · " })}
                <span>{text}</span>
                {note.map(|text| view! { <blockquote class="timeline-note" dir="auto">{text}</blockquote> })}
            </li>
        }
    };
    view! {
        <h2>{t("timeline-title")}</h2>
        {move || match events.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(failure)) => view! { <Failed failure on_retry=move || events.reload()/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="hint">{t("timeline-empty")}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ol class="plain-list timeline">
                    {list.into_iter().map(line).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}
