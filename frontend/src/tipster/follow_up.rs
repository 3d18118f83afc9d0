//! Coming back to a report with its receipt: where it stands, the moderators' note, the
//! conversation, and a way to add a message or pictures. The token the receipt buys lives in a
//! signal only (never in storage) and is dropped when it expires, so a phone left on the table
//! closes the report by itself.
//!
//! Built with [`crate::dom`] rather than `view!`: written with Leptos' typed views this page
//! alone weighed ~24 KB brotli (see `dom.rs` and `main.rs` for the measurements).

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use sanad_frontend::{
    api::{self, ApiFailure, Body, Refusal},
    i18n::use_i18n,
    loader::Loader,
};
use sanad_shared::{
    receipt::Receipt,
    tips::{
        AttachmentsAdded, FollowUpGrant, FollowUpRequest, MessageAuthor, NewMessage, TipFollowUp,
        TipMessage, MAX_IMAGES_PER_UPLOAD,
    },
    ErrorCode,
};
use serde::de::DeserializeOwned;
use web_sys::Event;

use crate::{
    dom::{self, el, tr, tr_args, tr_with, value_of, El},
    forms::{
        field_error, focus_later, notice_text, picture_form, picture_picker, problem,
        problems_from, Field, Input, Problems,
    },
};

/// The open report, if any, and whether the last one closed because its time ran out.
#[derive(Clone, Copy)]
struct Access {
    token: RwSignal<Option<String>>,
    expired: RwSignal<bool>,
}

impl Access {
    fn open(self, grant: FollowUpGrant) {
        let token = grant.token;
        self.expired.set(false);
        self.token.set(Some(token.clone()));
        set_timeout(
            move || {
                if self.token.try_get_untracked().flatten().as_ref() == Some(&token) {
                    self.expire();
                }
            },
            Duration::from_secs(grant.expires_in.into()),
        );
    }

    fn expire(self) {
        let _ = self.token.try_set(None);
        let _ = self.expired.try_set(true);
    }

    /// A follow-up call with the token; an expired token sends the person back to the receipt.
    async fn call<T: DeserializeOwned>(
        self,
        method: &str,
        url: &str,
        body: Body,
    ) -> Result<T, Refusal> {
        let bearer = format!("Bearer {}", self.token.get_untracked().unwrap_or_default());
        let result = api::request(method, url, body, &[("Authorization", &bearer)]).await;
        if let Err(refusal) = &result {
            if refusal.failure == ApiFailure::Server(ErrorCode::FollowUpExpired) {
                self.expire();
            }
        }
        serde_json::from_str(&result?).map_err(|_| ApiFailure::Server(ErrorCode::Unknown).into())
    }
}

pub fn follow_up() -> AnyView {
    let access = Access {
        token: RwSignal::new(None),
        expired: RwSignal::new(false),
    };
    let open = Memo::new(move |_| access.token.with(Option::is_some));
    dom::page(vec![el("section")
        .class("page follow-up")
        .child(el("h1").tr("follow-up-title"))
        .rows(
            None,
            Box::new(move || {
                let open = open.get();
                untrack(|| {
                    if open {
                        opened(access)
                    } else {
                        receipt_form(access)
                    }
                })
            }),
        )])
}

fn receipt_form(access: Access) -> Vec<El> {
    let typed = RwSignal::new(String::new());
    let problems: Problems = RwSignal::new(Vec::new());
    let field = Field::new(problems, "receipt", None);
    let busy = RwSignal::new(false);
    let refuse = move |key: &str| {
        problems.set(vec![problem("receipt", None, key)]);
        focus_later("receipt".to_owned());
    };
    let submit = move |event: Event| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let receipt = typed.get_untracked();
        // Checked here first: a typo gets its answer without a request (and without counting as
        // a wrong guess).
        if Receipt::parse(&receipt).is_err() {
            refuse(ErrorCode::ReceiptMalformed.message_key());
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let request = FollowUpRequest { receipt };
            match api::send_json::<_, FollowUpGrant>(
                "POST",
                "/api/v1/follow-up",
                Some(&request),
                None,
            )
            .await
            {
                Ok(grant) => access.open(grant),
                Err(failure) => {
                    refuse(failure.message_key());
                    busy.set(false);
                }
            }
        });
    };
    let mut input = Input::new(
        "receipt".to_owned(),
        tr("follow-up-receipt"),
        field,
        Box::new(move |text: String| {
            typed.set(text);
            field.clear();
        }),
    );
    input.hint = Some(tr("follow-up-receipt-hint"));
    input.dir = "ltr";
    input.inputmode = "numeric";
    vec![
        el("p")
            .class("notice notice-error")
            .attr("role", "status")
            .flag_with("hidden", Box::new(move || !access.expired.get()))
            .tr("error-follow-up-expired"),
        el("p").class("lead").tr("follow-up-intro"),
        el("form")
            .class("form")
            .flag("novalidate", true)
            .on("submit", submit)
            .children(input.build())
            .child(
                el("button")
                    .attr("type", "submit")
                    .class("button")
                    .flag_with("disabled", Box::new(move || busy.get()))
                    .tr("follow-up-open"),
            ),
        el("p").class("hint").tr("follow-up-privacy"),
    ]
}

fn opened(access: Access) -> Vec<El> {
    let i18n = use_i18n();
    let report = Loader::new(move || async move {
        access
            .call::<TipFollowUp>("GET", "/api/v1/follow-up/tip", Body::Empty)
            .await
            .map_err(|refusal| refusal.failure)
    });
    let shown = Box::new(move || {
        let state = report.get();
        untrack(|| match state {
            None => vec![el("p")
                .class("state state-loading")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .tr("state-loading")],
            Some(Err(failure)) => {
                let key = failure.message_key();
                vec![el("div")
                    .class("state state-error")
                    .attr("role", "alert")
                    .child(el("p").show(Box::new(move || i18n.message(key, None))))
                    .child(
                        el("button")
                            .attr("type", "button")
                            .class("button")
                            .on("click", move |_| report.reload())
                            .tr("state-retry"),
                    )]
            }
            Some(Ok(report)) => conversation(access, report),
        })
    });
    vec![
        el("div").class("lean-page").rows(None, shown),
        el("div")
            .class("actions-row")
            .child(
                el("button")
                    .attr("type", "button")
                    .class("button button-secondary")
                    .on("click", move |_| report.reload())
                    .tr("follow-up-refresh"),
            )
            .child(
                el("button")
                    .attr("type", "button")
                    .class("button button-secondary")
                    .on("click", move |_| access.token.set(None))
                    .tr("follow-up-close"),
            ),
    ]
}

fn conversation(access: Access, report: TipFollowUp) -> Vec<El> {
    let messages = RwSignal::new(report.messages);
    let body = RwSignal::new(String::new());
    let problems: Problems = RwSignal::new(Vec::new());
    let field = Field::new(problems, "body", None);
    let note = RwSignal::new(None::<&'static str>);
    let sending = RwSignal::new(false);
    let pictures = RwSignal::new(report.attachments);
    let left = RwSignal::new(report.attachments_left);
    let max = Memo::new(move |_| (left.get() as usize).min(MAX_IMAGES_PER_UPLOAD));
    let files = RwSignal::new_local(Vec::<web_sys::File>::new());
    let picture_note = RwSignal::new(None::<&'static str>);

    let send = move |event: Event| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let message = NewMessage {
            body: body.get_untracked(),
        };
        let found = message.problems();
        if !found.is_empty() {
            problems.set(found);
            focus_later("message".to_owned());
            return;
        }
        problems.set(Vec::new());
        note.set(None);
        sending.set(true);
        spawn_local(async move {
            let json = serde_json::to_string(&message).unwrap_or_default();
            match access
                .call::<TipMessage>("POST", "/api/v1/follow-up/messages", Body::Json(json))
                .await
            {
                Ok(sent) => {
                    let _ = messages.try_update(|m| m.push(sent));
                    let _ = body.try_set(String::new());
                    let _ = note.try_set(Some("follow-up-sent"));
                }
                Err(refusal) => {
                    let _ = problems.try_set(problems_from(&refusal));
                    let _ = note.try_set(Some(refusal.failure.message_key()));
                }
            }
            let _ = sending.try_set(false);
        });
    };

    let add_pictures = move |_| {
        let chosen = files.get_untracked();
        if chosen.is_empty() || sending.get_untracked() {
            return;
        }
        let Some(form) = picture_form(None, &chosen) else {
            return;
        };
        sending.set(true);
        picture_note.set(None);
        spawn_local(async move {
            match access
                .call::<AttachmentsAdded>("POST", "/api/v1/follow-up/attachments", Body::Form(form))
                .await
            {
                Ok(added) => {
                    let _ = pictures.try_set(added.attachments);
                    let _ = left.try_update(|l| *l = l.saturating_sub(added.added));
                    let _ = files.try_set(Vec::new());
                    let _ = picture_note.try_set(Some("follow-up-pictures-added"));
                }
                Err(refusal) => {
                    let _ = problems.try_set(problems_from(&refusal));
                    let _ = picture_note.try_set(Some(refusal.failure.message_key()));
                }
            }
            let _ = sending.try_set(false);
        });
    };

    let textarea = el("textarea")
        .id("message")
        .attr("rows", "5")
        .on("input", move |event| body.set(value_of(&event)))
        .prop_with("value", Box::new(move || body.get()));
    let mut built = vec![
        el("h2").tr("follow-up-status"),
        el("p").class("tip-status").tr(report.status.message_key()),
        el("p").class("hint").show(tr_args(
            "follow-up-received-on",
            &[("date", report.received_on)],
        )),
        el("div")
            .class("public-message")
            .flag("hidden", report.public_message.is_none())
            .child(el("h2").tr("follow-up-public-message"))
            .child(
                el("p")
                    .class("message-body")
                    .text(&report.public_message.unwrap_or_default()),
            ),
        el("h2").tr("follow-up-conversation"),
    ];
    built.extend(message_list(messages));
    built.extend([
        el("form")
            .class("form")
            .flag("novalidate", true)
            .on("submit", send)
            .child(el("label").attr("for", "message").tr("follow-up-message"))
            .child(field.mark(textarea, "message", ""))
            .child(field_error("message", field))
            .child(
                el("button")
                    .attr("type", "submit")
                    .class("button")
                    .flag_with("disabled", Box::new(move || sending.get()))
                    .tr("follow-up-send"),
            ),
        el("p")
            .attr("role", "status")
            .class("hint")
            .show(notice_text(note)),
        el("h2").tr("follow-up-pictures"),
        el("p").show(tr_with(
            "follow-up-pictures-count",
            Box::new(move || {
                vec![
                    ("count", pictures.get().to_string()),
                    ("left", left.get().to_string()),
                ]
            }),
        )),
        el("div")
            .class("form")
            .flag_with("hidden", Box::new(move || max.get() == 0))
            .child(picture_picker(files, max.into(), problems))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("button")
                    .flag_with(
                        "disabled",
                        Box::new(move || sending.get() || files.with(Vec::is_empty)),
                    )
                    .on("click", add_pictures)
                    .tr("follow-up-pictures-send"),
            ),
        el("p")
            .attr("role", "status")
            .class("hint")
            .show(notice_text(picture_note)),
    ]);
    built
}

/// The conversation, oldest first; each message says who wrote it and on which day.
fn message_list(messages: RwSignal<Vec<TipMessage>>) -> [El; 2] {
    [
        el("p")
            .class("hint")
            .flag_with("hidden", Box::new(move || messages.with(|m| !m.is_empty())))
            .tr("follow-up-no-messages"),
        el("ol").class("conversation").rows(
            None,
            Box::new(move || {
                messages.with(|list| {
                    list.iter()
                        .map(|message| {
                            let mine = message.author == MessageAuthor::Tipster;
                            el("li")
                                .class(if mine {
                                    "message message-mine"
                                } else {
                                    "message"
                                })
                                .child(
                                    el("p")
                                        .class("message-meta")
                                        .child(el("strong").tr(if mine {
                                            "follow-up-you"
                                        } else {
                                            "follow-up-moderator"
                                        }))
                                        .text(" · ")
                                        .child(
                                            el("span").attr("dir", "ltr").text(&message.sent_on),
                                        ),
                                )
                                .child(el("p").class("message-body").text(&message.body))
                        })
                        .collect()
                })
            }),
        ),
    ]
}
