//! The conversation between staff and the anonymous side of a tip or a case: the messages, oldest
//! first, and the box to answer. Tips and cases name the two sides differently; the rest is one.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use sanad_frontend::i18n::use_i18n;
use sanad_shared::tips::{MessageAuthor, NewMessage, TipMessage};

use super::{Outcome, OutcomeNotice};
use crate::session::use_session;

/// The messages; `staff` and `other` are the Fluent keys naming who wrote each.
#[component]
pub fn Messages(
    messages: RwSignal<Vec<TipMessage>>,
    staff: &'static str,
    other: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        messages.with(|list| {
            if list.is_empty() {
                return view! { <p class="hint">{move || i18n.message("tip-no-messages", None)}</p> }.into_any();
            }
            view! {
                <ol class="conversation">
                    {list.iter().map(|message| {
                        let mine = message.author == MessageAuthor::Moderator;
                        let author = if mine { staff } else { other };
                        view! {
                            <li class="message" class:message-mine=mine>
                                <p class="message-meta">
                                    <strong>{move || i18n.message(author, None)}</strong>
                                    " · "
                                    <span dir="ltr">{message.sent_on.clone()}</span>
                                </p>
                                <p class="message-body" dir="auto">{message.body.clone()}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        })
    }
}

/// The answer box: posts to `url` and adds what was sent to `messages`. `id` is the textarea's
/// id; `label` and `hint` its Fluent keys.
#[component]
pub fn Reply(
    url: String,
    messages: RwSignal<Vec<TipMessage>>,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// The item's triage version: sent with the reply, so one written on a view a colleague
    /// has since changed is refused; it moves on with each reply sent.
    version: RwSignal<i64>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let body = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    let busy = RwSignal::new(false);
    let url = StoredValue::new(url);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let message = NewMessage {
            body: body.get_untracked(),
            version: Some(version.get_untracked()),
        };
        busy.set(true);
        let url = url.get_value();
        spawn_local(async move {
            match session
                .call::<_, TipMessage>("POST", &url, Some(&message))
                .await
            {
                Ok(sent) => {
                    version.update(|v| *v += 1);
                    messages.update(|m| m.push(sent));
                    body.set(String::new());
                    outcome.set(Outcome::Idle);
                }
                Err(failure) => outcome.set(Outcome::Failed(failure)),
            }
            busy.set(false);
        });
    };
    let hint_id = format!("{id}-hint");
    view! {
        <form class="form" on:submit=submit>
            <label for=id>{move || i18n.message(label, None)}</label>
            <p class="hint" id=hint_id.clone()>{move || i18n.message(hint, None)}</p>
            <textarea id=id rows="4" required aria-describedby=hint_id bind:value=body></textarea>
            <button type="submit" class="button" disabled=move || busy.get()>{move || i18n.message("tip-send-reply", None)}</button>
        </form>
        <OutcomeNotice outcome/>
    }
}
