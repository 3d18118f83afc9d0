//! One missing-person case for a caseworker: the record, the photo, the notes with an add-note
//! box, the conversation with the family, the status (with the two-caseworker rule for
//! `deceased`) and the probable duplicates to merge or dismiss. Opening it is audited by the
//! server, and so is the photo.

use std::sync::{Arc, Mutex};

use leptos::{either::Either, ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_owned, use_i18n, I18n},
    loader::Loader,
};
use sanad_shared::{
    cases::{
        CaseDetail, CaseMatch, CaseNote, CaseRecord, CaseStatus, CaseStatusChange,
        CaseStatusResult, CloseReason, NewNote, PartnerRecord, Sex,
    },
    i18n::Args,
    triage::ItemKind,
};

use super::{
    conversation::{Messages, Reply},
    entities::ConnectionsPanel,
    file_export::FileExport,
    triage::{Timeline, TriagePanel},
    Outcome, OutcomeNotice,
};
use crate::session::use_session;

#[component]
pub fn CaseView(id: i64) -> impl IntoView {
    let session = use_session();
    let case = Loader::new(move || async move {
        session
            .call::<(), CaseDetail>("GET", &format!("/api/v1/cases/{id}"), None)
            .await
    });
    view! {
        <section class="page page-wide tip-page case-page">
            <p><a href="/staff/cases">{t("case-back")}</a></p>
            {move || match case.get() {
                None => view! { <h1>{t("case-heading")}</h1><Loading/> }.into_any(),
                Some(Err(failure)) => view! {
                    <h1>{t("case-heading")}</h1>
                    <Failed failure on_retry=move || case.reload()/>
                }.into_any(),
                Some(Ok(detail)) => view! { <CaseBody detail/> }.into_any(),
            }}
        </section>
    }
}

/// A value, or "not given".
fn given(value: Option<String>) -> impl IntoView {
    match value {
        Some(text) if !text.trim().is_empty() => {
            Either::Left(view! { <span dir="auto">{text}</span> })
        }
        _ => Either::Right(view! { <span class="hint">{t("tip-not-given")}</span> }),
    }
}

/// A value that reads left to right (a date, an address), or "not given".
fn given_ltr(value: Option<String>) -> impl IntoView {
    match value {
        Some(text) if !text.trim().is_empty() => {
            Either::Left(view! { <span dir="ltr">{text}</span> })
        }
        _ => Either::Right(given(None)),
    }
}

/// A list of phone numbers, each left to right inside right-to-left text.
fn phones(list: Vec<String>) -> impl IntoView {
    if list.is_empty() {
        return Either::Left(given(None));
    }
    Either::Right(view! {
        <ul class="plain-list">
            {list.into_iter().map(|phone| view! { <li><span dir="ltr">{phone}</span></li> }).collect_view()}
        </ul>
    })
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM` (UTC), the form the audit trail also uses.
fn when(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let iso = String::from(date.to_iso_string());
    format!(
        "{} {} UTC",
        iso.get(..10).unwrap_or(""),
        iso.get(11..16).unwrap_or("")
    )
}

#[component]
fn CaseBody(detail: CaseDetail) -> impl IntoView {
    let i18n = use_i18n();
    let id = detail.id;
    let status = RwSignal::new(detail.status);
    let version = RwSignal::new(detail.triage.version);
    let close_reason = RwSignal::new(detail.close_reason);
    let proposed = RwSignal::new(detail.deceased_proposed);
    let notes = RwSignal::new(detail.notes);
    let messages = RwSignal::new(detail.messages);
    let matches = RwSignal::new(detail.matches);
    let governorate = detail.governorate.map(|g| g.message_key());
    let number = detail.case_number.clone();
    view! {
        <h1>{t_args("case-title", &[("number", number.clone())])}</h1>
        <p class="tip-tags">
            <span class=move || format!("badge case-status-{}", status.get().as_str())>
                {move || t_owned(status.get().message_key())()}
            </span>
            {move || close_reason.get().map(|reason| view! {
                <span class="badge">{t_owned(format!("case-close-{}", reason.as_str()))}</span>
            })}
        </p>
        {detail.merged_into.map(|other| view! {
            <p class="notice notice-warning">
                {t("case-merged-into")}
                " "
                <a href=format!("/staff/cases/{other}")>{t("case-merged-into-link")}</a>
            </p>
        })}
        {move || proposed.get().then(|| view! {
            <p class="notice notice-warning" role="status">{t("case-deceased-pending")}</p>
        })}
        <TriagePanel kind=ItemKind::Case id triage=detail.triage.clone() version/>
        <dl class="tip-fields">
            <dt>{t("case-number")}</dt>
            <dd><span dir="ltr">{number}</span></dd>
            <dt>{t("case-reported-on")}</dt>
            <dd><span dir="ltr">{detail.reported_on.clone()}</span></dd>
            <dt>{t("tip-governorate")}</dt>
            <dd>{match governorate {
                Some(key) => Either::Left(t_owned(key)),
                None => Either::Right(given(None)),
            }}</dd>
            <dt>{t("case-consent")}</dt>
            <dd>{t_owned(format!("case-consent-{}", detail.consent.as_str()))}</dd>
        </dl>
        {match detail.record {
            Some(record) => Either::Left(view! { <Record record/> }),
            None => Either::Right(view! {
                <p class="notice notice-warning">
                    {t_args("case-wiped", &[("day", detail.wiped_on.clone().unwrap_or_default())])}
                </p>
            }),
        }}

        {detail.has_photo.then(|| view! {
            <h2>{t("case-photo")}</h2>
            <Photo id/>
        })}

        {detail.partner.map(|partner| view! { <Partner partner/> })}

        <h2>{t("case-duplicates")}</h2>
        <Duplicates id matches/>

        <ConnectionsPanel kind=ItemKind::Case id/>
        <h2>{t("evidence-heading")}</h2>
        <FileExport address=Callback::new(move |()| {
            format!("/api/v1/cases/{id}/evidence?lang={}", i18n.shown.get_untracked().code())
        }) name="evidence" extension="zip" label="evidence-package" hint="evidence-package-hint"/>

        <h2>{t("case-notes")}</h2>
        <Notes id notes/>
        <AddNote id notes status/>

        <h2>{t("case-conversation")}</h2>
        <p class="hint">{t("case-conversation-hint")}</p>
        <Messages messages staff="case-author-caseworker" other="case-author-family"/>
        <Reply url=format!("/api/v1/cases/{id}/messages") messages id="case-reply" label="case-reply" hint="case-reply-hint" version/>

        <h2>{t("case-status-title")}</h2>
        <StatusForm id status close_reason proposed version notes/>

        <Timeline kind=ItemKind::Case id version/>
    }
}

#[component]
fn Record(record: CaseRecord) -> impl IntoView {
    let names = record.names;
    let full = names.full();
    let sex = record.sex.map(|s| match s {
        Sex::Female => "sex-female",
        Sex::Male => "sex-male",
    });
    let birth = match (record.date_of_birth, record.age) {
        (Some(date), Some(age)) => Some(format!("{date} ({age})")),
        (Some(date), None) => Some(date),
        (None, Some(age)) => Some(age.to_string()),
        (None, None) => None,
    };
    let language = record.reporter_language.map(|l| l.code().to_owned());
    view! {
        <h2>{t("case-person")}</h2>
        <dl class="tip-fields">
            <dt>{t("case-names")}</dt>
            <dd><bdi class="case-name">{full}</bdi></dd>
            <dt>{t("case-mother")}</dt>
            <dd>{given(names.mother)}</dd>
            <dt>{t("case-latin")}</dt>
            <dd>{match names.latin {
                Some(latin) if !latin.trim().is_empty() => Either::Left(view! { <span dir="ltr" lang="en">{latin}</span> }),
                _ => Either::Right(given(None)),
            }}</dd>
            <dt>{t("case-sex")}</dt>
            <dd>{match sex {
                Some(key) => Either::Left(t(key)),
                None => Either::Right(given(None)),
            }}</dd>
            <dt>{t("case-birth")}</dt>
            <dd>{given_ltr(birth)}</dd>
            <dt>{t("case-residence")}</dt>
            <dd>{given(record.residence)}</dd>
            <dt>{t("case-phones")}</dt>
            <dd>{phones(record.phones)}</dd>
            <dt>{t("tip-accounts")}</dt>
            <dd>
                {record.accounts.is_empty().then(|| given(None))}
                <ul class="plain-list">
                    {record.accounts.into_iter().map(|account| view! {
                        <li>
                            {t(account.platform.message_key())}
                            ": "
                            <span dir="ltr">{account.handle}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </dd>
            <dt>{t("case-left-on")}</dt>
            <dd>{given_ltr(record.left_on)}</dd>
            <dt>{t("case-destination")}</dt>
            <dd>{given(record.destination)}</dd>
            <dt>{t("case-recruiter")}</dt>
            <dd>{given(record.recruiter)}</dd>
            <dt>{t("case-recruiter-phones")}</dt>
            <dd>{phones(record.recruiter_phones)}</dd>
            <dt>{t("case-last-contact")}</dt>
            <dd>
                {given_ltr(record.last_contact_on)}
                {record.last_contact_text.filter(|text| !text.trim().is_empty()).map(|text| view! {
                    <p class="message-body" dir="auto">{text}</p>
                })}
            </dd>
            <dt>{t("case-last-location")}</dt>
            <dd>{given(record.last_known_location)}</dd>
            <dt>{t("case-marks")}</dt>
            <dd>{given(record.marks)}</dd>
        </dl>
        <h2>{t("case-reporter")}</h2>
        <dl class="tip-fields">
            <dt>{t("case-reporter-name")}</dt>
            <dd>{given(Some(record.reporter_name))}</dd>
            <dt>{t("case-reporter-relationship")}</dt>
            <dd>{given(Some(record.reporter_relationship))}</dd>
            <dt>{t("case-reporter-phone")}</dt>
            <dd><span dir="ltr">{record.reporter_phone}</span></dd>
            <dt>{t("tip-language")}</dt>
            <dd>{given(language)}</dd>
        </dl>
    }
}

/// The partner's PFIF record a case came from: where it comes from, and every field it carried
/// under its PFIF name (the format's own identifiers, so a caseworker can quote them to the partner).
#[component]
fn Partner(partner: PartnerRecord) -> impl IntoView {
    view! {
        <h2>{t("case-partner")}</h2>
        <dl class="tip-fields">
            <dt>{t("case-partner-record")}</dt>
            <dd><bdi dir="ltr">{partner.record_id}</bdi></dd>
            <dt>{t("case-partner-source")}</dt>
            <dd>{given_ltr(partner.source_name)}</dd>
            <dt>{t("case-partner-source-date")}</dt>
            <dd><span dir="ltr">{partner.source_date}</span></dd>
            <dt>{t("case-partner-expiry")}</dt>
            <dd>{given_ltr(partner.expiry_date)}</dd>
        </dl>
        <details class="case-partner-fields">
            <summary>{t("case-partner-fields")}</summary>
            <dl class="tip-fields">
                {partner.fields.into_iter().map(|field| view! {
                    <dt><code dir="ltr">{field.name}</code></dt>
                    <dd class="message-body" dir="auto">{field.value}</dd>
                }).collect_view()}
            </dl>
        </details>
    }
}

/// The photo: fetched with the access token into a Blob, shown through an object URL that is
/// revoked when the page goes, as the tips' pictures are.
#[component]
pub(super) fn Photo(id: i64) -> impl IntoView {
    let session = use_session();
    let url = RwSignal::new(None::<Result<String, ApiFailure>>);
    // (page gone, URL to revoke): shared by the fetch and the cleanup, whichever comes last.
    let held = Arc::new(Mutex::new((false, None::<String>)));
    on_cleanup({
        let held = held.clone();
        move || {
            if let Ok(mut held) = held.lock() {
                held.0 = true;
                if let Some(url) = held.1.take() {
                    let _ = web_sys::Url::revoke_object_url(&url);
                }
            }
        }
    });
    let fetch = StoredValue::new(move || {
        let held = held.clone();
        url.set(None);
        spawn_local(async move {
            let address = format!("/api/v1/cases/{id}/photo");
            let result = session.blob(&address).await.and_then(|blob| {
                web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiFailure::Network)
            });
            if let (Ok(object_url), Ok(mut held)) = (&result, held.lock()) {
                if held.0 {
                    let _ = web_sys::Url::revoke_object_url(object_url);
                    return;
                }
                if let Some(old) = held.1.replace(object_url.clone()) {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
            }
            let _ = url.try_set(Some(result));
        });
    });
    fetch.with_value(|fetch| fetch());
    view! {
        <div class="thumbnail case-photo">
            {move || match url.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! {
                    <Failed failure on_retry=move || fetch.with_value(|fetch| fetch())/>
                }.into_any(),
                Some(Ok(object_url)) => {
                    let href = object_url.clone();
                    view! {
                        <a href=href target="_blank" rel="noopener">
                            <img src=object_url alt=t("case-photo-alt")/>
                        </a>
                    }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn Notes(id: i64, notes: RwSignal<Vec<CaseNote>>) -> impl IntoView {
    move || {
        notes.with(|list| {
            if list.is_empty() {
                return view! { <p class="hint">{t("case-no-notes")}</p> }.into_any();
            }
            view! {
                <ol class="conversation case-notes">
                    {list.iter().map(|note| view! {
                        <li class="message">
                            <p class="message-meta">
                                <strong><bdi>{note.author_name.clone()}</bdi></strong>
                                " · "
                                <span dir="ltr">{when(note.created_at_ms)}</span>
                                {note.status.map(|s| view! {
                                    " · "
                                    {t_owned(s.message_key())}
                                })}
                            </p>
                            {match (note.linked_case, note.linked_record.clone()) {
                                (Some(other), _) => Some(view! {
                                    <p class="hint">
                                        <a href=format!("/staff/cases/{id}/compare/{other}")>{t("case-note-linked-case")}</a>
                                    </p>
                                }.into_any()),
                                (None, Some(record)) => Some(view! {
                                    <p class="hint">{t("case-note-linked-record")} " " <bdi dir="ltr">{record}</bdi></p>
                                }.into_any()),
                                (None, None) => None,
                            }}
                            {if note.text.trim().is_empty() {
                                view! { <p class="message-body hint">{t("case-note-status-changed")}</p> }.into_any()
                            } else {
                                view! { <p class="message-body" dir="auto">{note.text.clone()}</p> }.into_any()
                            }}
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any()
        })
    }
}

#[component]
fn AddNote(id: i64, notes: RwSignal<Vec<CaseNote>>, status: RwSignal<CaseStatus>) -> impl IntoView {
    let session = use_session();
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let note = NewNote {
            text: text.get_untracked(),
        };
        busy.set(true);
        spawn_local(async move {
            let url = format!("/api/v1/cases/{id}/notes");
            match session
                .call::<_, serde_json::Value>("POST", &url, Some(&note))
                .await
            {
                Ok(answer) => {
                    // The server answers only the new note's id; the rest is what was sent.
                    let author = session
                        .profile()
                        .map(|p| p.display_name)
                        .unwrap_or_default();
                    notes.update(|n| {
                        n.push(CaseNote {
                            id: answer
                                .get("id")
                                .and_then(|v| v.as_i64())
                                .unwrap_or_default(),
                            author_name: author,
                            status: Some(status.get_untracked()),
                            text: note.text,
                            created_at_ms: js_sys::Date::now() as i64,
                            linked_record: None,
                            linked_case: None,
                        })
                    });
                    text.set(String::new());
                    outcome.set(Outcome::Idle);
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label for="note">{t("case-add-note")}</label>
            <p class="hint" id="note-hint">{t("case-add-note-hint")}</p>
            <textarea id="note" rows="3" required aria-describedby="note-hint" bind:value=text></textarea>
            <button type="submit" class="button" disabled=move || busy.get()>{t("case-save-note")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}

const CLOSE_REASONS: [CloseReason; 3] = [
    CloseReason::Duplicate,
    CloseReason::Withdrawn,
    CloseReason::Resolved,
];

#[component]
fn StatusForm(
    id: i64,
    status: RwSignal<CaseStatus>,
    close_reason: RwSignal<Option<CloseReason>>,
    proposed: RwSignal<bool>,
    version: RwSignal<i64>,
    notes: RwSignal<Vec<CaseNote>>,
) -> impl IntoView {
    let session = use_session();
    let chosen = RwSignal::new(status.get_untracked());
    let reason = RwSignal::new(close_reason.get_untracked());
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    // Made here, in the component: the task below runs outside it, where no language is at hand.
    let saved = t("staff-saved");
    let waiting = t("case-deceased-waiting");
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let change = CaseStatusChange {
            status: chosen.get_untracked(),
            reason: reason
                .get_untracked()
                .filter(|_| chosen.get_untracked() == CaseStatus::Closed),
            version: Some(version.get_untracked()),
        };
        busy.set(true);
        spawn_local(async move {
            let url = format!("/api/v1/cases/{id}/status");
            match session
                .call::<_, CaseStatusResult>("PUT", &url, Some(&change))
                .await
            {
                Ok(result) if result.applied => {
                    version.update(|v| *v += 1);
                    status.set(result.status);
                    // The server notes the change (partners read it in the next export).
                    let author = session
                        .profile()
                        .map(|p| p.display_name)
                        .unwrap_or_default();
                    notes.update(|n| {
                        n.push(CaseNote {
                            id: 0,
                            author_name: author,
                            status: Some(result.status),
                            text: String::new(),
                            created_at_ms: js_sys::Date::now() as i64,
                            linked_record: None,
                            linked_case: None,
                        })
                    });
                    close_reason.set(change.reason);
                    proposed.set(false);
                    outcome.set(Outcome::Done(saved()));
                }
                Ok(_) => {
                    version.update(|v| *v += 1);
                    proposed.set(true);
                    outcome.set(Outcome::Done(waiting()));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label for="case-status">{t("tip-status")}</label>
            <select id="case-status" aria-describedby="case-status-hint" on:change=move |event| {
                if let Some(s) = CaseStatus::parse(&event_target_value(&event)) {
                    chosen.set(s);
                }
            }>
                {CaseStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=chosen.get_untracked() == s>
                        {t_owned(s.message_key())}
                    </option>
                }).collect_view()}
            </select>
            <p class="hint" id="case-status-hint">{t("case-deceased-rule")}</p>
            {move || (chosen.get() == CaseStatus::Closed).then(|| view! {
                <label for="case-close-reason">{t("case-close-reason")}</label>
                <select id="case-close-reason" required on:change=move |event| {
                    reason.set(CloseReason::parse(&event_target_value(&event)));
                }>
                    <option value="" selected=reason.get_untracked().is_none()>{t("case-close-choose")}</option>
                    {CLOSE_REASONS.into_iter().map(|r| view! {
                        <option value=r.as_str() selected=reason.get_untracked() == Some(r)>
                            {t_owned(format!("case-close-{}", r.as_str()))}
                        </option>
                    }).collect_view()}
                </select>
            })}
            <button type="submit" class="button" disabled=move || busy.get()>{t("tip-save-status")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}

/// A matcher's reason as a sentence; unknown kinds (a newer server) get a neutral sentence.
pub(super) fn reason_text(i18n: I18n, reason: &serde_json::Value) -> String {
    let field = |name: &str| reason.get(name).and_then(|v| v.as_str()).unwrap_or("");
    let number = |name: &str| reason.get(name).and_then(|v| v.as_u64()).unwrap_or(0);
    // Counts go to Fluent as numbers, so the message's plural form follows them.
    let counted = |key: &str, pairs: &[(&'static str, u64)]| {
        let mut args = Args::new();
        for (name, value) in pairs {
            args.set(*name, *value);
        }
        i18n.message(key, Some(&args))
    };
    let with = |key: &str, pairs: &[(&'static str, String)]| {
        let mut args = Args::new();
        for (name, value) in pairs {
            args.set(*name, value.clone());
        }
        i18n.message(key, Some(&args))
    };
    let plain = |key: String| i18n.message(&key, None);
    let slug = |text: &str| text.replace('_', "-");
    match field("kind") {
        "name_chain" => counted(
            "case-reason-name-chain",
            &[
                ("matched", number("matched")),
                ("compared", number("compared")),
            ],
        ),
        "name" => {
            let position = plain(format!("case-position-{}", slug(field("position"))));
            with(
                &format!("case-reason-name-{}", slug(field("quality"))),
                &[("position", position)],
            )
        }
        "latin_spelling" => counted(
            "case-reason-latin-spelling",
            &[("matched", number("matched"))],
        ),
        "swapped_given_father" => plain("case-reason-swapped-given-father".into()),
        "possible_relative" => plain(format!("case-reason-relative-{}", slug(field("relation")))),
        "mother_name" => plain(format!("case-reason-mother-{}", slug(field("quality")))),
        "birth" => plain(format!("case-reason-birth-{}", slug(field("quality")))),
        "sex_differs" => plain("case-reason-sex-differs".into()),
        "phone" => counted("case-reason-phone", &[("shared", number("shared"))]),
        "phones_differ" => plain("case-reason-phones-differ".into()),
        "governorate" => {
            let same = reason
                .get("same")
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            plain(if same {
                "case-reason-governorate-same".into()
            } else {
                "case-reason-governorate-different".into()
            })
        }
        _ => plain("case-reason-other".into()),
    }
}

#[component]
fn Duplicates(id: i64, matches: RwSignal<Vec<CaseMatch>>) -> impl IntoView {
    let session = use_session();
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    let refresh = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(Outcome::Idle);
        spawn_local(async move {
            let url = format!("/api/v1/cases/{id}/matches/refresh");
            match session.call::<(), Vec<CaseMatch>>("POST", &url, None).await {
                Ok(found) => matches.set(found),
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            busy.set(false);
        });
    };
    view! {
        <p class="hint">{t("case-duplicates-hint")}</p>
        {move || matches.with(|list| if list.is_empty() {
            view! { <p>{t("case-duplicates-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="tip-list case-matches">
                    {list.iter().cloned().map(|found| view! { <Match id found/> }).collect_view()}
                </ul>
            }.into_any()
        })}
        <button type="button" class="button button-secondary" disabled=move || busy.get() on:click=refresh>
            {t("case-duplicates-refresh")}
        </button>
        <OutcomeNotice outcome/>
    }
}

#[component]
fn Match(id: i64, found: CaseMatch) -> impl IntoView {
    let i18n = use_i18n();
    let other = found.other_id;
    let number = found.other_case_number.clone();
    let reasons = found.reasons.as_array().cloned().unwrap_or_default();
    let label = found.label.as_str();
    view! {
        <li class="tip-row case-match">
            <a class="tip-link" href=format!("/staff/cases/{other}")>
                <span dir="ltr">{number}</span>
            </a>
            <p class="tip-tags">
                <span class=format!("badge badge-{label}")>{t(found.label.message_key())}</span>
                <span class="badge badge-score">
                    {t_args("case-match-score", &[("score", found.score.to_string())])}
                </span>
                <span class="badge">{t_owned(format!("case-match-{}", found.state))}</span>
            </p>
            <ul class="case-marks" aria-label=t("compare-marks")>
                {found.marks.fields().into_iter().map(|(field, mark)| view! {
                    <li class=format!("mark mark-{}", mark.as_str())>
                        <span aria-hidden="true">{mark.sign()}</span>
                        " "
                        {t(field)}
                        <span class="visually-hidden">": " {t(mark.message_key())}</span>
                    </li>
                }).collect_view()}
            </ul>
            <details class="case-reasons-more">
                <summary>{t("compare-reasons")}</summary>
                <ul class="case-reasons">
                    {reasons.into_iter().map(|reason| view! {
                        <li>{move || reason_text(i18n, &reason)}</li>
                    }).collect_view()}
                </ul>
            </details>
            <p class="actions-row">
                <a class="button button-secondary" href=format!("/staff/cases/{id}/compare/{other}")>
                    {t("case-compare")}
                </a>
            </p>
        </li>
    }
}
