//! `/{lang}/follow-up` as forms the server renders, for browsers without scripts: the receipt
//! opens the report or case, and the conversation's reply box is a form too. What opened it
//! rides in the reply form as the short-lived follow-up token (20 minutes), never the receipt.

use leptos::prelude::*;
use sanad_shared::i18n::Args;

use crate::{paths, Messages};

/// The receipt form: what was typed (kept when refused) and why it was refused.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub typed: String,
    pub error: Option<String>,
}

/// One message of the conversation.
#[derive(Clone, Debug)]
pub struct Said {
    /// Written by the person who holds the receipt.
    pub mine: bool,
    pub sent_on: String,
    pub body: String,
}

/// An opened report (a tip) or case, as its sender sees it.
#[derive(Clone, Debug, Default)]
pub struct Thread {
    pub token: String,
    /// A family's case (its number shown, the caseworker answering) rather than a tip.
    pub case_number: Option<String>,
    pub status_key: String,
    pub since: String,
    pub public_message: Option<String>,
    pub content_removed: bool,
    pub messages: Vec<Said>,
    /// The reply as typed, kept when refused, and why.
    pub typed: String,
    pub problem: Option<String>,
    pub sent: bool,
    /// A tip's pictures: how many it holds and how many one sending may add now (a case's
    /// family adds none here).
    pub pictures: Option<(u32, u32)>,
    /// Pictures were added by this sending.
    pub pictures_added: bool,
    /// Why the chosen pictures were refused, as a message key.
    pub pictures_problem: Option<String>,
}

fn form_action(messages: &dyn Messages) -> String {
    paths::form(messages.language(), paths::Form::FollowUp)
}

pub fn entry(messages: &dyn Messages, entry: &Entry) -> AnyView {
    let invalid = entry.error.as_ref().map(|_| "true");
    let error = entry.error.as_ref().map(|key| {
        view! { <p class="field-error" id="receipt-error">{messages.get(key)}</p> }
    });
    view! {
        <section class="page follow-up">
            <h1>{messages.get("follow-up-title")}</h1>
            <p class="lead">{messages.get("follow-up-intro")}</p>
            <form class="form" method="post" action=form_action(messages) enctype="multipart/form-data" novalidate>
                <label for="receipt">{messages.get("follow-up-receipt")}</label>
                <p class="hint" id="receipt-hint">{messages.get("follow-up-receipt-hint")}</p>
                <input
                    type="text"
                    id="receipt"
                    name="receipt"
                    value=entry.typed.clone()
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    dir="ltr"
                    aria-invalid=invalid
                    aria-describedby=if invalid.is_some() { "receipt-hint receipt-error" } else { "receipt-hint" }
                />
                {error}
                <div class="actions-row">
                    <button type="submit" class="button">{messages.get("follow-up-open")}</button>
                </div>
            </form>
            <p class="hint">{messages.get("follow-up-privacy")}</p>
        </section>
    }
    .into_any()
}

pub fn thread(messages: &dyn Messages, thread: &Thread) -> AnyView {
    let (staff, label) = if thread.case_number.is_some() {
        ("follow-up-caseworker", "follow-up-case-message")
    } else {
        ("follow-up-moderator", "follow-up-message")
    };
    let number = thread.case_number.as_ref().map(|number| {
        let mut args = Args::new();
        args.set("number", number.clone());
        view! { <p class="case-number" dir="auto">{messages.get_with("case-title", &args)}</p> }
    });
    let mut since = Args::new();
    // In Arabic script the digits of a bare date count as Arabic numbers, and "2026-12-02"
    // would show as "02-12-2026": the date is isolated left to right.
    since.set("date", format!("\u{2066}{}\u{2069}", thread.since));
    let note = thread.public_message.as_ref().map(|note| {
        view! {
            <section class="notice">
                <h2>{messages.get("follow-up-public-message")}</h2>
                <p dir="auto">{note.clone()}</p>
            </section>
        }
    });
    let conversation = if thread.content_removed {
        view! { <p class="notice notice-warning">{messages.get("follow-up-content-removed")}</p> }
            .into_any()
    } else if thread.messages.is_empty() {
        view! { <p class="hint">{messages.get("follow-up-no-messages")}</p> }.into_any()
    } else {
        let items = thread
            .messages
            .iter()
            .map(|said| {
                view! {
                    <li class=if said.mine { "message message-mine" } else { "message" }>
                        <p class="message-meta">
                            <strong>{messages.get(if said.mine { "follow-up-you" } else { staff })}</strong>
                            " · "
                            <span dir="ltr">{said.sent_on.clone()}</span>
                        </p>
                        <p class="message-body" dir="auto">{said.body.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="conversation">{items}</ol> }.into_any()
    };
    let invalid = thread.problem.as_ref().map(|_| "true");
    let problem = thread.problem.as_ref().map(|key| {
        view! { <p class="field-error" id="message-error">{messages.get(key)}</p> }
    });
    let sent = thread
        .sent
        .then(|| view! { <p class="notice" role="status">{messages.get("follow-up-sent")}</p> });
    let pictures_added = thread.pictures_added.then(
        || view! { <p class="notice" role="status">{messages.get("follow-up-pictures-added")}</p> },
    );
    // The reply box takes pictures too, while the report may hold more.
    let picker = thread.pictures.filter(|(_, left)| *left > 0).map(|(count, left)| {
        let mut args = Args::new();
        args.set("count", count);
        args.set("left", left);
        let invalid = thread.pictures_problem.as_ref().map(|_| "true");
        let problem = thread.pictures_problem.as_ref().map(|key| {
            view! { <p class="field-error" id="pictures-error">{messages.get(key)}</p> }
        });
        view! {
            <div class="field pictures">
                <label for="pictures" class="field-label">{messages.get("follow-up-pictures")}</label>
                <p class="hint" id="pictures-hint">{messages.get_with("follow-up-pictures-count", &args)}</p>
                <input
                    type="file"
                    id="pictures"
                    name="image"
                    accept="image/jpeg,image/png,image/webp"
                    multiple
                    aria-invalid=invalid
                    aria-describedby=if invalid.is_some() { "pictures-hint pictures-error" } else { "pictures-hint" }
                />
                {problem}
            </div>
        }
    });
    let reply = (!thread.content_removed).then(|| {
        view! {
            <form class="form" method="post" action=form_action(messages) enctype="multipart/form-data" novalidate>
                <input type="hidden" name="token" value=thread.token.clone()/>
                <label for="message">{messages.get(label)}</label>
                <textarea
                    id="message"
                    name="message"
                    rows="5"
                    dir="auto"
                    aria-invalid=invalid
                    aria-describedby=invalid.map(|_| "message-error")
                >
                    {super::fields::text_area_content(&thread.typed)}
                </textarea>
                {problem}
                {picker}
                <div class="actions-row">
                    <button type="submit" class="button">{messages.get("follow-up-send")}</button>
                </div>
            </form>
        }
    });
    view! {
        <section class="page follow-up">
            <h1>{messages.get("follow-up-title")}</h1>
            {number}
            <h2>{messages.get("follow-up-status")}</h2>
            <p class="tip-status">{messages.get(&thread.status_key)}</p>
            <p class="hint">{messages.get_with("follow-up-received-on", &since)}</p>
            {note}
            <h2>{messages.get("follow-up-conversation")}</h2>
            {sent}
            {pictures_added}
            {conversation}
            {reply}
            <p class="hint">{messages.get("follow-up-privacy")}</p>
        </section>
    }
    .into_any()
}
