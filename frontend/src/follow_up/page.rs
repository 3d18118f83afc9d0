//! Coming back with a receipt: to a tip (where it stands, the moderators' note, the
//! conversation, and a way to add a message or pictures) or to a family's missing-person case
//! (its number, status and conversation with the caseworker). The token the receipt buys lives in a
//! signal only (never in storage) and is dropped when it expires, so a phone left on the table
//! closes the report by itself.
//!
//! Built on [`sanad_frontend::lean`] rather than Leptos: written with Leptos' typed views this
//! page alone weighed ~24 KB brotli (see `lean/mod.rs` for the measurements).

use std::time::Duration;

use sanad_frontend::{
    api::{self, ApiFailure, Body, Refusal},
    lean::{
        dom::{el, set_timeout, tr, tr_args, tr_owned, tr_with, value_of, El},
        i18n::use_i18n,
        loader::Loader,
        reactive::{memo, untrack, Var},
    },
};
use sanad_shared::{
    cases::CaseFollowUp,
    receipt::Receipt,
    tips::{
        AttachmentsAdded, FollowUpGrant, FollowUpKind, FollowUpRequest, MessageAuthor, NewMessage,
        TipFollowUp, TipMessage, MAX_IMAGES_PER_UPLOAD,
    },
    ErrorCode,
};
use serde::de::DeserializeOwned;
use wasm_bindgen_futures::spawn_local;
use web_sys::Event;

use sanad_frontend::lean::forms::{
    field_error, focus_later, notice_text, picture_form, picture_picker, problem, problems_from,
    Field, Input, Problems, TIP_PICTURES,
};

/// The open report, if any, what it is, and whether the last one closed because its time ran out.
#[derive(Clone, Copy)]
struct Access {
    token: Var<Option<String>>,
    kind: Var<FollowUpKind>,
    expired: Var<bool>,
}

impl Access {
    fn open(self, grant: FollowUpGrant) {
        let token = grant.token;
        self.expired.set(false);
        self.kind.set(grant.kind);
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

pub fn follow_up() -> Vec<El> {
    let access = Access {
        token: Var::new(None),
        kind: Var::new(FollowUpKind::Tip),
        expired: Var::new(false),
    };
    let open = memo(move || access.token.with(Option::is_some));
    vec![el("section")
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
        )]
}

fn receipt_form(access: Access) -> Vec<El> {
    let typed = Var::new(String::new());
    let problems: Problems = Var::new(Vec::new());
    let field = Field::new(problems, "receipt", None);
    let busy = Var::new(false);
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

/// What a receipt opened.
#[derive(Clone)]
enum Opened {
    Tip(TipFollowUp),
    Case(CaseFollowUp),
}

fn opened(access: Access) -> Vec<El> {
    let i18n = use_i18n();
    let kind = access.kind.get_untracked();
    let report = Loader::new(move || async move {
        let opened = match kind {
            FollowUpKind::Tip => access
                .call("GET", "/api/v1/follow-up/tip", Body::Empty)
                .await
                .map(Opened::Tip),
            FollowUpKind::Case => access
                .call("GET", "/api/v1/follow-up/case", Body::Empty)
                .await
                .map(Opened::Case),
        };
        opened.map_err(|refusal| refusal.failure)
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
            Some(Ok(Opened::Tip(report))) => conversation(access, report),
            Some(Ok(Opened::Case(case))) => case_conversation(access, case),
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
    let messages = Var::new(report.messages);
    let problems: Problems = Var::new(Vec::new());
    let sending = Var::new(false);
    let pictures = Var::new(report.attachments);
    let left = Var::new(report.attachments_left);
    let max = memo(move || (left.get() as usize).min(MAX_IMAGES_PER_UPLOAD));
    let files = Var::new(Vec::<web_sys::File>::new());
    let picture_note = Var::new(None::<&'static str>);

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
    if report.content_removed {
        // Said before the (now empty) conversation, so nobody thinks their words were lost.
        built.insert(
            3,
            el("p")
                .class("notice notice-warning")
                .tr("follow-up-content-removed"),
        );
    }
    built.extend(message_list(messages, "follow-up-moderator"));
    built.extend(message_form(
        access,
        Writing {
            messages,
            problems,
            sending,
            url: "/api/v1/follow-up/messages",
            label: "follow-up-message",
        },
    ));
    built.extend([
        el("h2").tr("follow-up-pictures"),
        el("p").show(tr_with(
            "follow-up-pictures-count",
            Box::new(move || {
                vec![
                    ("count", pictures.get().to_string()),
                    // What the picker takes now, not the report's whole allowance: saying "19
                    // more" beside a picker that takes 5 made families think it was broken.
                    ("left", max.get().to_string()),
                ]
            }),
        )),
        el("div")
            .class("form")
            .flag_with("hidden", Box::new(move || max.get() == 0))
            .child(picture_picker(files, max, problems, TIP_PICTURES))
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

/// A family's case: its number, status and the conversation with the caseworker.
fn case_conversation(access: Access, case: CaseFollowUp) -> Vec<El> {
    let messages = Var::new(case.messages);
    let mut built = vec![
        el("p")
            .class("case-number")
            .attr("dir", "auto")
            .show(tr_args("case-title", &[("number", case.case_number)])),
        el("h2").tr("follow-up-status"),
        el("p")
            .class("tip-status")
            .show(tr_owned(case.status.message_key())),
        el("p").class("hint").show(tr_args(
            "follow-up-received-on",
            &[("date", case.reported_on)],
        )),
        el("h2").tr("follow-up-conversation"),
    ];
    built.extend(message_list(messages, "follow-up-caseworker"));
    built.extend(message_form(
        access,
        Writing {
            messages,
            problems: Var::new(Vec::new()),
            sending: Var::new(false),
            url: "/api/v1/follow-up/case/messages",
            label: "follow-up-case-message",
        },
    ));
    built
}

/// Where a new message goes and what the page keeps while it does.
struct Writing {
    messages: Var<Vec<TipMessage>>,
    problems: Problems,
    /// Shared with the pictures' button: one thing is sent at a time.
    sending: Var<bool>,
    url: &'static str,
    /// The label of the message box.
    label: &'static str,
}

/// The form for a new message; once sent it joins the conversation.
fn message_form(access: Access, writing: Writing) -> Vec<El> {
    let Writing {
        messages,
        problems,
        sending,
        url,
        label,
    } = writing;
    let body = Var::new(String::new());
    let field = Field::new(problems, "body", None);
    let note = Var::new(None::<&'static str>);
    let send = move |event: Event| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let message = NewMessage {
            body: body.get_untracked(),
            version: None,
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
                .call::<TipMessage>("POST", url, Body::Json(json))
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
    let textarea = el("textarea")
        .id("message")
        .attr("rows", "5")
        .on("input", move |event| body.set(value_of(&event)))
        .prop_with("value", Box::new(move || body.get()));
    vec![
        el("form")
            .class("form")
            .flag("novalidate", true)
            .on("submit", send)
            .child(el("label").attr("for", "message").tr(label))
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
    ]
}

/// The conversation, oldest first; each message says who wrote it (`staff`: the key naming the
/// other side) and on which day.
fn message_list(messages: Var<Vec<TipMessage>>, staff: &'static str) -> [El; 2] {
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
                                            staff
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
