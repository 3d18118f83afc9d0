//! Two cases side by side before a caseworker decides whether they are one person: every field
//! both families gave, the matcher's mark for each (✔ same, ≈ variant, ✘ differs, – not given),
//! its label and reasons, then "not the same person" and "merge" as equal choices (a merge says
//! why), or "unmerge" for a merged pair. The pair is searched again on opening, so the marks and
//! reasons speak of the cases as they are now.

use leptos::{either::Either, ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_owned, use_i18n},
    loader::Loader,
};
use sanad_shared::cases::{CaseDetail, CaseMatch, CaseRecord, FieldMark, Sex};

use super::{
    case::{reason_text, Photo},
    Outcome, OutcomeNotice,
};
use crate::session::use_session;

type Pair = (CaseDetail, CaseDetail, Option<CaseMatch>);

#[component]
pub fn CaseCompare(id: i64, other: i64) -> impl IntoView {
    let session = use_session();
    let pair = Loader::new(move || async move {
        let first = session
            .call::<(), CaseDetail>("GET", &format!("/api/v1/cases/{id}"), None)
            .await?;
        let second = session
            .call::<(), CaseDetail>("GET", &format!("/api/v1/cases/{other}"), None)
            .await?;
        let found = session
            .call::<(), Vec<CaseMatch>>(
                "POST",
                &format!("/api/v1/cases/{id}/matches/refresh"),
                None,
            )
            .await?;
        Ok::<Pair, _>((
            first,
            second,
            found.into_iter().find(|m| m.other_id == other),
        ))
    });
    view! {
        <section class="page page-wide case-page case-compare">
            <p><a href=format!("/staff/cases/{id}")>{t("compare-back")}</a></p>
            {move || match pair.get() {
                None => view! { <h1>{t("compare-heading")}</h1><Loading/> }.into_any(),
                Some(Err(failure)) => view! {
                    <h1>{t("compare-heading")}</h1>
                    <Failed failure on_retry=move || pair.reload()/>
                }.into_any(),
                Some(Ok((first, second, found))) => view! { <Comparison first second found/> }.into_any(),
            }}
        </section>
    }
}

/// What one side says for a row, as text (`None`: not given).
fn text_of(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// The mark for a field the matcher does not compare: equal text is the same.
fn compared(a: &Option<String>, b: &Option<String>) -> FieldMark {
    match (a, b) {
        (Some(x), Some(y)) if x.trim().to_lowercase() == y.trim().to_lowercase() => FieldMark::Same,
        (Some(_), Some(_)) => FieldMark::Differs,
        _ => FieldMark::Unknown,
    }
}

fn birth_of(record: &CaseRecord) -> Option<String> {
    match (&record.date_of_birth, record.age) {
        (Some(date), Some(age)) => Some(format!("{date} ({age})")),
        (Some(date), None) => Some(date.clone()),
        (None, Some(age)) => Some(age.to_string()),
        (None, None) => None,
    }
}

fn sex_key(record: &CaseRecord) -> Option<String> {
    record.sex.map(|s| {
        match s {
            Sex::Female => "sex-female",
            Sex::Male => "sex-male",
        }
        .to_owned()
    })
}

fn listed(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(", "))
}

/// One row of the table: the field, each side's value, the mark.
struct Row {
    label: &'static str,
    first: Option<String>,
    second: Option<String>,
    mark: FieldMark,
    /// Numbers and dates read left to right inside right-to-left text.
    ltr: bool,
    /// The values are Fluent keys (sex), not text.
    translated: bool,
}

fn rows(
    a: &CaseRecord,
    b: &CaseRecord,
    found: Option<&CaseMatch>,
    governorates: [Option<String>; 2],
) -> Vec<Row> {
    // The matcher's mark where it compared the field; the text otherwise.
    let mark = |pick: fn(&CaseMatch) -> FieldMark| found.map(pick);
    let row =
        |label, first: Option<String>, second: Option<String>, mark: Option<FieldMark>, ltr| {
            let first = text_of(first);
            let second = text_of(second);
            let mark = mark.unwrap_or_else(|| compared(&first, &second));
            Row {
                label,
                first,
                second,
                mark,
                ltr,
                translated: false,
            }
        };
    let (na, nb) = (&a.names, &b.names);
    let mut out = vec![
        row(
            "case-position-given",
            Some(na.given.clone()),
            Some(nb.given.clone()),
            mark(|m| m.marks.given),
            false,
        ),
        row(
            "case-position-father",
            Some(na.father.clone()),
            Some(nb.father.clone()),
            mark(|m| m.marks.father),
            false,
        ),
        row(
            "case-position-grandfather",
            na.grandfather.clone(),
            nb.grandfather.clone(),
            mark(|m| m.marks.grandfather),
            false,
        ),
        row(
            "case-position-family",
            na.family.clone(),
            nb.family.clone(),
            mark(|m| m.marks.family),
            false,
        ),
        row("case-latin", na.latin.clone(), nb.latin.clone(), None, true),
        row(
            "case-mother",
            na.mother.clone(),
            nb.mother.clone(),
            mark(|m| m.marks.mother),
            false,
        ),
    ];
    let (sa, sb) = (sex_key(a), sex_key(b));
    out.push(Row {
        label: "case-sex",
        mark: compared(&sa, &sb),
        first: sa,
        second: sb,
        ltr: false,
        translated: true,
    });
    let [ga, gb] = governorates;
    out.push(Row {
        label: "case-mark-governorate",
        mark: mark(|m| m.marks.governorate).unwrap_or_else(|| compared(&ga, &gb)),
        first: ga,
        second: gb,
        ltr: false,
        translated: true,
    });
    out.extend([
        row(
            "case-birth",
            birth_of(a),
            birth_of(b),
            mark(|m| m.marks.birth),
            true,
        ),
        row(
            "case-residence",
            a.residence.clone(),
            b.residence.clone(),
            None,
            false,
        ),
        row(
            "case-phones",
            listed(&a.phones),
            listed(&b.phones),
            mark(|m| m.marks.phones),
            true,
        ),
        row(
            "case-left-on",
            a.left_on.clone(),
            b.left_on.clone(),
            None,
            true,
        ),
        row(
            "case-destination",
            a.destination.clone(),
            b.destination.clone(),
            None,
            false,
        ),
        row(
            "case-recruiter",
            a.recruiter.clone(),
            b.recruiter.clone(),
            None,
            false,
        ),
        row(
            "case-recruiter-phones",
            listed(&a.recruiter_phones),
            listed(&b.recruiter_phones),
            None,
            true,
        ),
        row(
            "case-last-contact",
            a.last_contact_on.clone(),
            b.last_contact_on.clone(),
            None,
            true,
        ),
        row(
            "case-last-location",
            a.last_known_location.clone(),
            b.last_known_location.clone(),
            None,
            false,
        ),
        row("case-marks", a.marks.clone(), b.marks.clone(), None, false),
        row(
            "case-reporter-relationship",
            Some(a.reporter_relationship.clone()),
            Some(b.reporter_relationship.clone()),
            None,
            false,
        ),
    ]);
    out
}

fn cell(value: Option<String>, ltr: bool, translated: bool) -> impl IntoView {
    match value {
        None => Either::Left(view! { <span class="hint">{t("tip-not-given")}</span> }),
        Some(key) if translated => Either::Right(Either::Left(t_owned(key))),
        Some(text) => Either::Right(Either::Right(view! {
            <bdi dir=if ltr { "ltr" } else { "auto" }>{text}</bdi>
        })),
    }
}

#[component]
fn Comparison(first: CaseDetail, second: CaseDetail, found: Option<CaseMatch>) -> impl IntoView {
    let i18n = use_i18n();
    let (a_number, b_number) = (first.case_number.clone(), second.case_number.clone());
    let title = t_args(
        "compare-title",
        &[("first", a_number.clone()), ("second", b_number.clone())],
    );
    let caption = title.clone();
    let table = match (&first.record, &second.record) {
        (Some(a), Some(b)) => {
            let governorates = [
                first.governorate.map(|g| g.message_key()),
                second.governorate.map(|g| g.message_key()),
            ];
            let rows = rows(a, b, found.as_ref(), governorates);
            Either::Left(view! {
                <p class="hint compare-legend">{t("compare-legend")}</p>
                <div class="compare-scroll">
                    <table class="compare-table">
                        <caption class="visually-hidden">{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("compare-field")}</th>
                                <th scope="col" dir="ltr">{a_number.clone()}</th>
                                <th scope="col" dir="ltr">{b_number.clone()}</th>
                                <th scope="col">{t("compare-mark")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <tr>
                                <th scope="row">{t("case-photo")}</th>
                                <td>{if first.has_photo { Either::Left(view! { <Photo id=first.id/> }) } else { Either::Right(cell(None, false, false)) }}</td>
                                <td>{if second.has_photo { Either::Left(view! { <Photo id=second.id/> }) } else { Either::Right(cell(None, false, false)) }}</td>
                                <td></td>
                            </tr>
                            {rows.into_iter().map(|row| {
                                let mark = row.mark;
                                view! {
                                    <tr class=format!("compare-{}", mark.as_str())>
                                        <th scope="row">{t(row.label)}</th>
                                        <td>{cell(row.first, row.ltr, row.translated)}</td>
                                        <td>{cell(row.second, row.ltr, row.translated)}</td>
                                        <td class="compare-sign">
                                            <span aria-hidden="true">{mark.sign()}</span>
                                            <span class="visually-hidden">{t(mark.message_key())}</span>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })
        }
        _ => Either::Right(view! { <p class="notice">{t("compare-wiped")}</p> }),
    };
    let verdict = found.clone().map(|found| {
        let reasons = found.reasons.as_array().cloned().unwrap_or_default();
        view! {
            <p class="tip-tags">
                <span class=format!("badge badge-{}", found.label.as_str())>{t(found.label.message_key())}</span>
                <span class="badge badge-score">
                    {t_args("case-match-score", &[("score", found.score.to_string())])}
                </span>
            </p>
            <h2>{t("compare-reasons")}</h2>
            <ul class="case-reasons">
                {reasons.into_iter().map(|reason| view! {
                    <li>{move || reason_text(i18n, &reason)}</li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <h1>{title}</h1>
        {verdict}
        {table}
        {match found {
            Some(found) => Either::Left(view! { <Decision first second found/> }),
            None => Either::Right(view! { <p class="notice">{t("compare-no-longer")}</p> }),
        }}
    }
}

#[component]
fn Decision(first: CaseDetail, second: CaseDetail, found: CaseMatch) -> impl IntoView {
    let session = use_session();
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    let state = RwSignal::new(found.state.clone());
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let reason_ref = NodeRef::<leptos::html::Textarea>::new();
    let (a, b) = (first.id, second.id);
    let (a_number, b_number) = (first.case_number.clone(), second.case_number.clone());
    // The case reported first stays, unless the caseworker picks the other.
    let keep_first = RwSignal::new(first.reported_on <= second.reported_on);
    // For a merged pair: which one was kept.
    let merged_pair = match (first.merged_into, second.merged_into) {
        (_, Some(kept)) if kept == a => Some((a, b, a_number.clone(), b_number.clone())),
        (Some(kept), _) if kept == b => Some((b, a, b_number.clone(), a_number.clone())),
        _ => None,
    };
    let merged_pair = RwSignal::new(merged_pair);
    let numbers_for_merge = StoredValue::new((a_number.clone(), b_number.clone()));
    // Made here, where the page's language is known; the answer arrives outside it.
    let (merged_now, unmerged_now, dismissed_now) = (
        t("compare-merged-now"),
        t("compare-unmerged"),
        t("compare-dismissed-now"),
    );
    let send = move |decision: &'static str, kept: i64, duplicate: i64, text: Option<String>| {
        busy.set(true);
        outcome.set(Outcome::Idle);
        spawn_local(async move {
            let url = format!("/api/v1/cases/{kept}/matches/{duplicate}");
            let body = serde_json::json!({ "decision": decision, "reason": text });
            let result = session.call_empty("PUT", &url, Some(&body)).await;
            match result {
                Ok(()) => {
                    let (done, next) = match decision {
                        "merge" => (merged_now(), "merged"),
                        "unmerge" => (unmerged_now(), "open"),
                        _ => (dismissed_now(), "dismissed"),
                    };
                    state.set(next.to_owned());
                    outcome.set(Outcome::Done(done));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            busy.set(false);
        });
    };
    let merge = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let text = reason.get_untracked();
        reason_missing.set(text.trim().is_empty());
        if text.trim().is_empty() {
            if let Some(area) = reason_ref.get_untracked() {
                let _ = area.focus();
            }
            return;
        }
        let (first_number, second_number) = numbers_for_merge.get_value();
        let (kept, duplicate, kept_number, duplicate_number) = if keep_first.get_untracked() {
            (a, b, first_number, second_number)
        } else {
            (b, a, second_number, first_number)
        };
        merged_pair.set(Some((kept, duplicate, kept_number, duplicate_number)));
        send("merge", kept, duplicate, Some(text));
    };
    let dismiss = move |_| {
        if !busy.get_untracked() {
            send("dismiss", a, b, None);
        }
    };
    // Either case may be the one kept; both questions are made here, in the page's language.
    let questions = StoredValue::new([
        t_args(
            "compare-unmerge-confirm",
            &[("kept", a_number.clone()), ("duplicate", b_number.clone())],
        ),
        t_args(
            "compare-unmerge-confirm",
            &[("kept", b_number.clone()), ("duplicate", a_number.clone())],
        ),
    ]);
    let unmerge = move |_| {
        let Some((kept, duplicate, _, _)) = merged_pair.get_untracked() else {
            return;
        };
        let question = questions.with_value(|q| q[usize::from(kept != a)]());
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(&question).ok())
            .unwrap_or(false);
        if sure && !busy.get_untracked() {
            send("unmerge", kept, duplicate, None);
        }
    };
    let (first_label, second_label) = (
        t_args(
            "compare-keep-case",
            &[("number", a_number), ("day", first.reported_on.clone())],
        ),
        t_args(
            "compare-keep-case",
            &[("number", b_number), ("day", second.reported_on.clone())],
        ),
    );
    view! {
        <h2>{t("compare-decide")}</h2>
        {move || match state.get().as_str() {
            "merged" => {
                let said = merged_pair.get().map(|(_, _, kept, duplicate)| {
                    t_args("compare-merged", &[("kept", kept), ("duplicate", duplicate)])
                });
                Either::Left(view! {
                    <p class="notice notice-warning">{said}</p>
                    <p class="actions-row">
                        <button type="button" class="button" disabled=move || busy.get() on:click=unmerge>
                            {t("compare-unmerge")}
                        </button>
                    </p>
                })
            }
            current => {
                let (first_label, second_label) = (first_label.clone(), second_label.clone());
                Either::Right(view! {
                {(current == "dismissed").then(|| view! { <p class="notice">{t("compare-dismissed")}</p> })}
                <form class="form compare-decision" on:submit=merge>
                    <fieldset>
                        <legend>{t("compare-keep")}</legend>
                        <label class="choice">
                            <input type="radio" name="keep" checked=keep_first.get_untracked()
                                on:change=move |_| keep_first.set(true)/>
                            " " {first_label}
                        </label>
                        <label class="choice">
                            <input type="radio" name="keep" checked=!keep_first.get_untracked()
                                on:change=move |_| keep_first.set(false)/>
                            " " {second_label}
                        </label>
                    </fieldset>
                    <label for="merge-reason">{t("compare-reason")}</label>
                    <p class="hint" id="merge-reason-hint">{t("compare-reason-hint")}</p>
                    {move || reason_missing.get().then(|| view! {
                        <p class="notice notice-error" id="merge-reason-missing" role="alert">{t("compare-reason-needed")}</p>
                    })}
                    <textarea id="merge-reason" rows="3" maxlength="5000" dir="auto"
                        aria-describedby="merge-reason-hint" node_ref=reason_ref
                        aria-invalid=move || reason_missing.get().then_some("true")
                        prop:value=move || reason.get()
                        on:input=move |event| reason.set(event_target_value(&event))></textarea>
                    <p class="actions-row compare-actions">
                        <button type="button" class="button" disabled=move || busy.get() on:click=dismiss>
                            {t("case-dismiss")}
                        </button>
                        <button type="submit" class="button" disabled=move || busy.get()>
                            {t("case-merge")}
                        </button>
                    </p>
                </form>
            })
            }
        }}
        <OutcomeNotice outcome/>
    }
}
