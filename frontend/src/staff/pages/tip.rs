//! One tip for a moderator: every field, the pictures, the tips it shares a phone number or
//! account with, the conversation with a reply box, and the status with the note the tipster
//! sees. Opening it is audited by the server, and so is each picture.

use std::sync::{Arc, Mutex};

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::{
    api::ApiFailure,
    components::states::{Failed, Loading},
    i18n::{t, t_args, t_count, use_i18n},
    loader::Loader,
};
use sanad_shared::{
    tips::{AttachmentInfo, LinkedTip, StatusChange, TipDetail, TipStatus},
    triage::ItemKind,
};

use super::{
    conversation::{Messages, Reply},
    entities::ConnectionsPanel,
    file_export::FileExport,
    triage::{InternalNotes, Timeline, TriagePanel},
    Outcome, OutcomeNotice,
};
use crate::session::use_session;

#[component]
pub fn TipView(id: i64) -> impl IntoView {
    let session = use_session();
    let tip = Loader::new(move || async move {
        session
            .call::<(), TipDetail>("GET", &format!("/api/v1/tips/{id}"), None)
            .await
    });
    view! {
        <section class="page page-wide tip-page">
            <p><a href="/staff/tips">{t("tip-back")}</a></p>
            <h1>{t_args("tip-title", &[("id", id.to_string())])}</h1>
            {move || match tip.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! { <Failed failure on_retry=move || tip.reload()/> }.into_any(),
                Some(Ok(detail)) => view! { <TipBody detail/> }.into_any(),
            }}
        </section>
    }
}

/// A value, or "not given".
fn given(value: Option<String>) -> impl IntoView {
    match value {
        Some(text) if !text.is_empty() => view! { <span dir="auto">{text}</span> }.into_any(),
        _ => view! { <span class="hint">{t("tip-not-given")}</span> }.into_any(),
    }
}

#[component]
fn TipBody(detail: TipDetail) -> impl IntoView {
    let i18n = use_i18n();
    let id = detail.id;
    let status = RwSignal::new(detail.status);
    let messages = RwSignal::new(detail.messages);
    let version = RwSignal::new(detail.triage.version);
    let loaded = RwSignal::new(0_usize);
    let subject = detail.subject.message_key();
    let governorate = detail.governorate.map(|g| g.message_key());
    let governorate = move || governorate.as_deref().map(|key| i18n.message(key, None));
    view! {
        <dl class="tip-fields">
            <dt>{t("tip-subject")}</dt>
            <dd>{t(subject)}</dd>
            <dt>{t("tip-status")}</dt>
            <dd>{move || i18n.message(status.get().message_key(), None)}</dd>
            <dt>{t("tip-received")}</dt>
            <dd><span dir="ltr">{detail.received_on}</span></dd>
            <dt>{t("tip-language")}</dt>
            <dd>{given(detail.language.map(|l| i18n.message(&format!("language-name-{}", l.code()), None)))}</dd>
            <dt>{t("tip-governorate")}</dt>
            <dd>{move || given(governorate())}</dd>
            <dt>{t("tip-place")}</dt>
            <dd>{given(detail.place)}</dd>
            <dt>{t("tip-agency")}</dt>
            <dd>{given(detail.agency)}</dd>
            <dt>{t("tip-month")}</dt>
            <dd>{given(detail.approximate_date.map(|m| m.to_string()))}</dd>
            <dt>{t("tip-names")}</dt>
            <dd>
                {if detail.names.is_empty() { Some(given(None)) } else { None }}
                <ul class="plain-list">
                    {detail.names.into_iter().map(|name| view! { <li dir="auto">{name}</li> }).collect_view()}
                </ul>
            </dd>
            <dt>{t("tip-phones")}</dt>
            <dd>
                {if detail.phones.is_empty() { Some(given(None)) } else { None }}
                <ul class="plain-list">
                    {detail.phones.into_iter().map(|phone| view! { <li><span dir="ltr">{phone}</span></li> }).collect_view()}
                </ul>
            </dd>
            <dt>{t("tip-accounts")}</dt>
            <dd>
                {if detail.accounts.is_empty() { Some(given(None)) } else { None }}
                <ul class="plain-list">
                    {detail.accounts.into_iter().map(|account| view! {
                        <li>
                            {t(account.platform.message_key())}
                            ": "
                            <span dir="ltr">{account.handle}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </dd>
        </dl>

        {detail.wiped_on.clone().map(|day| view! {
            <p class="notice notice-warning">{t_args("tip-wiped", &[("date", day)])}</p>
        })}
        <TriagePanel kind=ItemKind::Tip id triage=detail.triage.clone() version/>

        <h2>{t("tip-description")}</h2>
        <p class="message-body" dir="auto">{detail.description}</p>

        <h2>{t("tip-pictures")}</h2>
        {if detail.attachments.is_empty() {
            view! { <p class="hint">{t("tip-no-pictures")}</p> }.into_any()
        } else {
            view! {
                <ul class="thumbnails">
                    {detail.attachments.into_iter().enumerate().map(|(index, info)| view! {
                        <Picture tip=id info number=index + 1 loaded/>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}

        <h2>{t("tip-linked")}</h2>
        <LinkedTips linked=detail.linked.clone()/>
        <ConnectionsPanel kind=ItemKind::Tip id skip_tips=true/>
        <h2>{t("evidence-heading")}</h2>
        <FileExport address=Callback::new(move |()| {
            format!("/api/v1/tips/{id}/evidence?lang={}", i18n.shown.get_untracked().code())
        }) name="evidence" extension="zip" label="evidence-package" hint="evidence-package-hint"/>

        <h2>{t("tip-conversation")}</h2>
        <Messages messages staff="tip-author-moderator" other="tip-author-tipster"/>
        <Reply url=format!("/api/v1/tips/{id}/messages") messages id="reply" label="tip-reply" hint="tip-reply-hint" version/>

        <InternalNotes id notes=detail.notes.clone() version/>

        <h2>{t("tip-status-title")}</h2>
        <StatusForm id status version public_message=detail.public_message.unwrap_or_default()/>

        <Timeline kind=ItemKind::Tip id version/>
    }
}

/// One picture: fetched with the access token into a Blob, shown through an object URL that is
/// revoked when the page goes (the image bytes would otherwise stay in memory until the tab closes).
/// Pictures load one after another (`loaded` counts those done): gentler on a slow connection,
/// and each read is an audited write on the server.
#[component]
fn Picture(
    tip: i64,
    info: AttachmentInfo,
    number: usize,
    loaded: RwSignal<usize>,
) -> impl IntoView {
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
    let address = format!("/api/v1/tips/{tip}/attachments/{}", info.id);
    let fetch = StoredValue::new(move || {
        let (address, held) = (address.clone(), held.clone());
        url.set(None);
        spawn_local(async move {
            let result = session.blob(&address).await.and_then(|blob| {
                web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiFailure::Network)
            });
            if let (Ok(object_url), Ok(mut held)) = (&result, held.lock()) {
                if held.0 {
                    let _ = web_sys::Url::revoke_object_url(object_url);
                    return;
                }
                held.1 = Some(object_url.clone());
            }
            let _ = url.try_set(Some(result));
        });
    });
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if loaded.get() + 1 >= number && !started.get_value() {
            started.set_value(true);
            fetch.with_value(|fetch| fetch());
        }
    });
    // The next picture starts once this one has an answer, good or bad.
    Effect::new(move |was_done: Option<bool>| {
        let done = url.with(Option::is_some);
        if done && was_done == Some(false) && started.get_value() {
            loaded.update(|n| *n = (*n).max(number));
        }
        done
    });
    let n = number.to_string();
    let kilobytes = info.bytes.div_ceil(1024);
    view! {
        <li class="thumbnail">
            {move || match url.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => view! {
                    <Failed failure on_retry=move || fetch.with_value(|fetch| fetch())/>
                }.into_any(),
                Some(Ok(object_url)) => {
                    let href = object_url.clone();
                    view! {
                        <a href=href target="_blank" rel="noopener">
                            <img
                                src=object_url
                                width=info.width
                                height=info.height
                                alt=t_args("tip-picture-n", &[("n", n.clone())])
                            />
                        </a>
                    }.into_any()
                }
            }}
            <p class="hint" dir="ltr">{format!("{}×{} · {kilobytes} KB", info.width, info.height)}</p>
        </li>
    }
}

#[component]
fn StatusForm(
    id: i64,
    status: RwSignal<TipStatus>,
    version: RwSignal<i64>,
    public_message: String,
) -> impl IntoView {
    let session = use_session();
    let chosen = RwSignal::new(status.get_untracked());
    let note = RwSignal::new(public_message);
    let outcome = RwSignal::new(Outcome::Idle);
    // Made here, in the component: the task below runs outside it, where no language is at hand.
    let saved = t("staff-saved");
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let text = note.get_untracked();
        let change = StatusChange {
            status: chosen.get_untracked(),
            public_message: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
            version: Some(version.get_untracked()),
        };
        spawn_local(async move {
            let url = format!("/api/v1/tips/{id}/status");
            match session.call_empty("PUT", &url, Some(&change)).await {
                Ok(()) => {
                    version.update(|v| *v += 1);
                    status.set(change.status);
                    outcome.set(Outcome::Done(saved()));
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label for="tip-status">{t("tip-status")}</label>
            <select id="tip-status" on:change=move |event| {
                if let Some(s) = TipStatus::parse(&event_target_value(&event)) {
                    chosen.set(s);
                }
            }>
                {TipStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=chosen.get_untracked() == s>
                        {t(s.message_key())}
                    </option>
                }).collect_view()}
            </select>
            <label for="public-message">{t("tip-public-message")}</label>
            <p class="hint" id="public-message-hint">{t("tip-public-message-hint")}</p>
            <textarea id="public-message" rows="3" aria-describedby="public-message-hint" bind:value=note></textarea>
            <button type="submit" class="button">{t("tip-save-status")}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}

/// How many links a tip shows before the rest fold away: a tip with dozens of links must not
/// push the reply and status forms thousands of pixels down.
const LINKS_SHOWN: usize = 3;

/// The tips that share a phone or account with this one: the count, the strongest links
/// (most in common, the server's order), and the rest on demand.
#[component]
fn LinkedTips(linked: Vec<LinkedTip>) -> impl IntoView {
    if linked.is_empty() {
        return view! { <p class="hint">{t("tip-linked-none")}</p> }.into_any();
    }
    let count = i64::try_from(linked.len()).unwrap_or(i64::MAX);
    let mut first = linked;
    let rest = first.split_off(first.len().min(LINKS_SHOWN));
    let item = |linked: LinkedTip| {
        let linked_id = linked.id;
        view! {
            <li>
                <a href=format!("/staff/tips/{linked_id}")>
                    {t_args("tip-title", &[("id", linked_id.to_string())])}
                </a>
                " · "
                {t(linked.status.message_key())}
                " · "
                <span dir="ltr">{linked.received_on.clone()}</span>
                <br/>
                <span class="hint">{t("tip-linked-shared")}</span>
                " "
                {linked.shared.into_iter().map(|shared| view! { <span class="identifier" dir="ltr">{shared}</span> }).collect_view()}
            </li>
        }
    };
    let rest_count = i64::try_from(rest.len()).unwrap_or(i64::MAX);
    view! {
        <p class="linked-count">{t_count("tip-linked-count", &[("count", count)])}</p>
        <ul class="plain-list linked">
            {first.into_iter().map(item).collect_view()}
        </ul>
        {(!rest.is_empty()).then(|| view! {
            <details class="linked-more">
                <summary>{t_count("tip-linked-more", &[("count", rest_count)])}</summary>
                <ul class="plain-list linked">
                    {rest.into_iter().map(item).collect_view()}
                </ul>
            </details>
        })}
    }
    .into_any()
}
