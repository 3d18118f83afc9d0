//! The anonymous report: what Sanad keeps and never keeps, the form, the proof of work, and the
//! receipt, shown once. The text typed so far survives a reload in `sessionStorage` (this tab
//! only, gone when it closes; never `localStorage`, never the pictures) and is wiped once the
//! report is sent.
//!
//! Built on [`sanad_frontend::lean`] rather than Leptos: written with Leptos' typed views this
//! page alone weighed ~35 KB brotli (see `lean/mod.rs` for the measurements).

use sanad_frontend::{
    api::{ApiFailure, Body, Refusal},
    lean::{
        dom::{el, tr, tr_args, tr_owned, tr_with, value_of, El, Text},
        i18n::use_i18n,
        reactive::{effect, memo, untrack, Var},
    },
};
use sanad_shared::{
    receipt::Receipt,
    tips::{
        FieldProblem, Governorate, NewTip, OnlineAccount, Platform, TipCreated, TipSubject,
        YearMonth, MAX_DESCRIPTION_CHARS, MAX_IMAGES_PER_UPLOAD, MAX_LIST_ITEMS,
    },
    ErrorCode, Language,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen_futures::spawn_local;
use web_sys::Event;

use sanad_frontend::lean::{
    forms::{
        choice, field_error, focus_first_problem, focus_later, form_page, picture_form,
        picture_picker, problem, problems_from, Field, Input, Problems, TIP_PICTURES,
    },
    proof::{self, Work},
    receipt::{receipt_shown, ReceiptTexts},
};

const DRAFT_KEY: &str = "sanad.report-draft";

/// What the form holds, as typed; saved on every change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Draft {
    subject: Option<TipSubject>,
    description: String,
    names: Vec<String>,
    phones: Vec<String>,
    accounts: Vec<OnlineAccount>,
    agency: String,
    governorate: Option<Governorate>,
    place: String,
    month: String,
    departure: String,
    minor: bool,
}

impl Draft {
    fn has_details(&self) -> bool {
        !(self.names.is_empty()
            && self.phones.is_empty()
            && self.accounts.is_empty()
            && self.agency.is_empty()
            && self.governorate.is_none()
            && self.place.is_empty()
            && self.month.is_empty()
            && self.departure.is_empty()
            && !self.minor)
    }

    /// Drops the rows left empty, so the positions the server names match the rows on screen.
    fn tidy(&mut self) {
        self.names.retain(|n| !n.trim().is_empty());
        self.phones.retain(|p| !p.trim().is_empty());
        self.accounts.retain(|a| !a.handle.trim().is_empty());
    }

    fn tip(&self, language: Language) -> Result<NewTip, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        if self.subject.is_none() {
            problems.push(problem("subject", None, "choose_subject"));
        }
        let approximate_date = match self.month.trim() {
            "" => None,
            month => {
                let parsed = YearMonth::parse(month);
                if parsed.is_none() {
                    problems.push(problem("approximate_date", None, "invalid_date"));
                }
                parsed
            }
        };
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        let tip = NewTip {
            subject: self.subject.unwrap_or(TipSubject::Other),
            description: self.description.clone(),
            names: self.names.iter().map(|n| n.trim().to_owned()).collect(),
            phones: self.phones.clone(),
            accounts: self.accounts.clone(),
            agency: optional(&self.agency),
            governorate: self.governorate,
            place: optional(&self.place),
            approximate_date,
            language: Some(language),
            departure_on: optional(&self.departure),
            minor_involved: self.minor,
        };
        problems.extend(tip.problems());
        if problems.is_empty() {
            Ok(tip)
        } else {
            Err(problems)
        }
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load_draft() -> Draft {
    session_storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn save_draft(draft: &Draft) {
    let Some(storage) = session_storage() else {
        return;
    };
    // Storage may be refused (private browsing, full); the draft then lasts for this page only.
    if *draft == Draft::default() {
        let _ = storage.remove_item(DRAFT_KEY);
    } else if let Ok(text) = serde_json::to_string(draft) {
        let _ = storage.set_item(DRAFT_KEY, &text);
    }
}

/// The form, and in its place once sent, the receipt. Both are built once and shown or hidden.
pub fn report() -> Vec<El> {
    let sent = Var::new(None::<Receipt>);
    vec![
        report_form(sent),
        receipt_shown(
            sent,
            ReceiptTexts {
                title: "report-sent-title",
                explain: "report-receipt-explain",
                file: "report-receipt-file",
            },
            Vec::new(),
            Box::new(Vec::new),
        ),
    ]
}

fn report_form(sent: Var<Option<Receipt>>) -> El {
    let i18n = use_i18n();
    let draft = Var::new(load_draft());
    effect(move || draft.with(save_draft));
    let initial = draft.get_untracked();
    let files = Var::new(Vec::<web_sys::File>::new());
    let problems: Problems = Var::new(Vec::new());
    let working = Var::new(None::<Work>);
    let form_error = Var::new(None::<&'static str>);
    let more_open = Var::new(initial.has_details());

    let submit = move |event: Event| {
        event.prevent_default();
        if working.get_untracked().is_some() {
            return;
        }
        draft.update(Draft::tidy);
        let tip = match draft.with_untracked(|d| d.tip(i18n.shown.get_untracked())) {
            Ok(tip) => tip,
            Err(found) => {
                show_problems(found, problems, form_error, more_open);
                return;
            }
        };
        problems.set(Vec::new());
        form_error.set(None);
        working.set(Some(Work::Solving(None)));
        let chosen = files.get_untracked();
        spawn_local(async move {
            match send_tip(&tip, &chosen, working).await {
                Ok(receipt) => {
                    let _ = draft.try_set(Draft::default());
                    save_draft(&Draft::default());
                    let _ = files.try_set(Vec::new());
                    let _ = sent.try_set(Some(receipt));
                    if let Some(window) = web_sys::window() {
                        window.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                    focus_later("report-sent".to_owned());
                }
                Err(refusal) => {
                    let found = problems_from(&refusal);
                    if found.is_empty() {
                        let _ = form_error.try_set(Some(match refusal.failure {
                            ApiFailure::Network => "report-network",
                            failure => failure.message_key(),
                        }));
                    } else {
                        show_problems(found, problems, form_error, more_open);
                    }
                }
            }
            let _ = working.try_set(None);
        });
    };

    let subject = Field::new(problems, "subject", None);
    let choices = TipSubject::ALL
        .into_iter()
        .map(|choice| {
            let radio = el("input")
                .attr("type", "radio")
                .attr("name", "subject")
                .attr("value", choice.as_str())
                .flag("checked", initial.subject == Some(choice))
                .on("change", move |_| {
                    draft.update(|d| d.subject = Some(choice));
                    subject.clear();
                });
            el("label")
                .class("choice")
                .child(radio)
                .tr(choice.message_key())
        })
        .collect();
    let subjects = subject
        .mark(
            el("fieldset")
                .id("subject")
                .class("choices")
                .attr("role", "radiogroup"),
            "subject",
            "",
        )
        .child(el("legend").tr("report-subject"))
        .children(choices)
        .child(field_error("subject", subject));

    let description = Field::new(problems, "description", None);
    let count = memo(move || draft.with(|d| d.description.chars().count()));
    let text = el("textarea")
        .id("description")
        .attr("rows", "8")
        .prop("value", &initial.description)
        .on("input", move |event| {
            draft.update(|d| d.description = value_of(&event));
            description.clear();
        });
    let counter = el("p")
        .id("description-count")
        .attr_with(
            "class",
            Box::new(move || {
                Some(if count.get() > MAX_DESCRIPTION_CHARS {
                    "hint counter over".to_owned()
                } else {
                    "hint counter".to_owned()
                })
            }),
        )
        .show(tr_with(
            "report-count",
            Box::new(move || {
                vec![
                    ("count", count.get().to_string()),
                    ("max", MAX_DESCRIPTION_CHARS.to_string()),
                ]
            }),
        ));

    let more = el("details")
        .class("more")
        .flag_with("open", Box::new(move || more_open.get()))
        .child(el("summary").tr("report-more"))
        .child(
            el("div")
                .class("more-body")
                .child(el("p").class("hint").tr("report-more-hint"))
                .child(text_rows(draft, problems, List::Names))
                .child(text_rows(draft, problems, List::Phones))
                .child(accounts(draft, problems))
                .children(details(draft, problems, initial.clone())),
        );

    let form = el("form")
        .class("form report-form")
        .flag("novalidate", true)
        .on("submit", submit)
        .child(subjects)
        .child(
            el("label")
                .attr("for", "description")
                .tr("report-description"),
        )
        .child(
            el("p")
                .class("hint")
                .id("description-hint")
                .tr("report-description-hint"),
        )
        .child(description.mark(text, "description", "description-hint description-count"))
        .child(counter)
        .child(field_error("description", description))
        .child(more)
        .child(picture_picker(
            files,
            Var::new(MAX_IMAGES_PER_UPLOAD),
            problems,
            TIP_PICTURES,
        ))
        .children(proof::send_row(working, form_error, "report-submit"));

    form_page(
        Box::new(move || sent.with(Option::is_some)),
        "nav-report",
        "report-intro",
        &[
            "report-privacy-nothing",
            "report-privacy-encrypted",
            "report-privacy-pictures",
            "report-privacy-draft",
        ],
        form,
    )
}

fn show_problems(
    found: Vec<FieldProblem>,
    problems: Problems,
    form_error: Var<Option<&'static str>>,
    more_open: Var<bool>,
) {
    let in_details = found.iter().any(|p| {
        !matches!(
            p.field.as_str(),
            "subject" | "description" | "images" | "body"
        )
    });
    if in_details {
        let _ = more_open.try_set(true);
    }
    let _ = problems.try_set(found);
    let _ = form_error.try_set(Some("error-invalid-tip"));
    focus_first_problem();
}

/// Solves a challenge and sends the tip (as multipart when it has pictures).
async fn send_tip(
    tip: &NewTip,
    files: &[web_sys::File],
    working: Var<Option<Work>>,
) -> Result<Receipt, Refusal> {
    let unknown = || Refusal::from(ApiFailure::Server(ErrorCode::Unknown));
    let json = serde_json::to_string(tip).map_err(|_| unknown())?;
    let body = || {
        if files.is_empty() {
            Some(Body::Json(json.clone()))
        } else {
            picture_form(Some(&json), files).map(Body::Form)
        }
    };
    let text = proof::submit("/api/v1/tips", body, working).await?;
    serde_json::from_str::<TipCreated>(&text)
        .map(|created| created.receipt)
        .map_err(|_| unknown())
}

/// The two lists of plain text rows.
#[derive(Clone, Copy, PartialEq)]
enum List {
    Names,
    Phones,
}

impl List {
    fn rows(self, draft: &Draft) -> &Vec<String> {
        match self {
            List::Names => &draft.names,
            List::Phones => &draft.phones,
        }
    }

    fn rows_mut(self, draft: &mut Draft) -> &mut Vec<String> {
        match self {
            List::Names => &mut draft.names,
            List::Phones => &mut draft.phones,
        }
    }

    /// The field name the server uses, also the prefix of the inputs' ids.
    fn field(self) -> &'static str {
        match self {
            List::Names => "names",
            List::Phones => "phones",
        }
    }
}

/// The frame of a list of rows: legend, hint, the rows, the list's own problem (too many) and the
/// add button, hidden at the limit.
struct RowList {
    legend: Text,
    hint: Option<Text>,
    add_label: Text,
    count: Var<usize>,
    add: Box<dyn Fn()>,
    field: Field,
    row: Box<dyn Fn(usize) -> El>,
}

impl RowList {
    fn build(self) -> El {
        let count = self.count;
        let error = field_error(&format!("{}-list", self.field.name()), self.field);
        let mut set = el("fieldset")
            .class("rows")
            .child(el("legend").show(self.legend));
        if let Some(hint) = self.hint {
            set = set.child(el("p").class("hint").show(hint));
        }
        let add = self.add;
        let row = self.row;
        set.child(error.clone())
            .child(
                el("button")
                    .attr("type", "button")
                    .class("button button-secondary")
                    .flag_with("hidden", Box::new(move || count.get() >= MAX_LIST_ITEMS))
                    .on("click", move |_| add())
                    .show(self.add_label),
            )
            .rows(
                Some(&error),
                Box::new(move || {
                    let count = count.get();
                    untrack(|| (0..count).map(&row).collect())
                }),
            )
    }
}

/// Names or phone numbers: one input per row, added and removed one at a time. A row's input is
/// created once with its value and never rewritten while the person types.
fn text_rows(draft: Var<Draft>, problems: Problems, list: List) -> El {
    let field = list.field();
    let phone = list == List::Phones;
    let count = memo(move || draft.with(|d| list.rows(d).len()));
    let row = move |index: usize| {
        let n = [("n", (index + 1).to_string())];
        let mut input = Input::new(
            format!("{field}-{index}"),
            tr_args(
                if phone {
                    "report-phone-n"
                } else {
                    "report-name-n"
                },
                &n,
            ),
            Field::new(problems, field, Some(index)),
            Box::new(move |text: String| {
                draft.update(|d| {
                    if let Some(row) = list.rows_mut(d).get_mut(index) {
                        *row = text;
                    }
                })
            }),
        );
        if phone {
            input.kind = "tel";
            input.dir = "ltr";
            input.inputmode = "tel";
        }
        input.value =
            draft.with_untracked(|d| list.rows(d).get(index).cloned().unwrap_or_default());
        input.remove = Some((
            tr_args("form-remove-row", &n),
            Box::new(move || {
                draft.update(|d| {
                    let rows = list.rows_mut(d);
                    if index < rows.len() {
                        rows.remove(index);
                    }
                });
                Field::new(problems, field, None).clear();
            }),
        ));
        el("div").class("row").children(input.build())
    };
    RowList {
        legend: tr(if phone {
            "report-phones"
        } else {
            "report-names"
        }),
        hint: Some(tr(if phone {
            "report-phones-hint"
        } else {
            "report-names-hint"
        })),
        add_label: tr(if phone {
            "report-add-phone"
        } else {
            "report-add-name"
        }),
        count,
        add: Box::new(move || {
            draft.update(|d| list.rows_mut(d).push(String::new()));
            focus_later(format!("{field}-{}", count.get_untracked()));
        }),
        field: Field::new(problems, field, None),
        row: Box::new(row),
    }
    .build()
}

fn accounts(draft: Var<Draft>, problems: Problems) -> El {
    let count = memo(move || draft.with(|d| d.accounts.len()));
    let row = move |index: usize| {
        let n = [("n", (index + 1).to_string())];
        let current = draft.with_untracked(|d| d.accounts.get(index).cloned());
        let chosen = current.as_ref().map_or("", |a| a.platform.as_str());
        let mut input = Input::new(
            format!("account-handle-{index}"),
            tr_args("report-account-handle-n", &n),
            Field::new(problems, "accounts", Some(index)),
            Box::new(move |text: String| {
                draft.update(|d| {
                    if let Some(account) = d.accounts.get_mut(index) {
                        account.handle = text;
                    }
                })
            }),
        );
        input.value = current.map(|a| a.handle).unwrap_or_default();
        input.remove = Some((
            tr_args("form-remove-row", &n),
            Box::new(move || {
                draft.update(|d| {
                    if index < d.accounts.len() {
                        d.accounts.remove(index);
                    }
                });
                Field::new(problems, "accounts", None).clear();
            }),
        ));
        el("div")
            .class("row")
            .children(choice(
                &format!("account-platform-{index}"),
                tr_args("report-account-platform-n", &n),
                Platform::ALL
                    .into_iter()
                    .map(|p| (p.as_str(), tr(p.message_key())))
                    .collect(),
                chosen,
                Box::new(move |value: String| {
                    if let Some(platform) = Platform::parse(&value) {
                        draft.update(|d| {
                            if let Some(account) = d.accounts.get_mut(index) {
                                account.platform = platform;
                            }
                        });
                    }
                }),
            ))
            .children(input.build())
    };
    RowList {
        legend: tr("report-accounts"),
        hint: None,
        add_label: tr("report-add-account"),
        count,
        add: Box::new(move || {
            draft.update(|d| {
                d.accounts.push(OnlineAccount {
                    platform: Platform::Telegram,
                    handle: String::new(),
                })
            });
            focus_later(format!("account-platform-{}", count.get_untracked()));
        }),
        field: Field::new(problems, "accounts", None),
        row: Box::new(row),
    }
    .build()
}

/// Which single-value detail an input holds.
#[derive(Clone, Copy)]
enum Detail {
    Agency,
    Place,
    Month,
    Departure,
}

impl Detail {
    fn text(self, draft: &mut Draft) -> &mut String {
        match self {
            Detail::Agency => &mut draft.agency,
            Detail::Place => &mut draft.place,
            Detail::Month => &mut draft.month,
            Detail::Departure => &mut draft.departure,
        }
    }

    /// Stores what the person typed and forgets the problem shown for it.
    fn on_input(self, draft: Var<Draft>, field: Field) -> Box<dyn Fn(String)> {
        Box::new(move |text: String| {
            draft.update(|d| *self.text(d) = text);
            field.clear();
        })
    }
}

/// The single-value details: agency, governorate, place, month, a near departure and whether a
/// minor is involved (the last two raise the report in the moderators' queue).
fn details(draft: Var<Draft>, problems: Problems, initial: Draft) -> Vec<El> {
    let departure = Field::new(problems, "departure_on", None);
    let agency = Field::new(problems, "agency", None);
    let place = Field::new(problems, "place", None);
    let month = Field::new(problems, "approximate_date", None);
    let mut governorates = vec![("", tr("report-governorate-none"))];
    governorates.extend(
        Governorate::ALL
            .into_iter()
            .map(|g| (g.as_str(), tr_owned(g.message_key()))),
    );
    let mut agency_input = Input::new(
        "agency".to_owned(),
        tr("report-agency"),
        agency,
        Detail::Agency.on_input(draft, agency),
    );
    agency_input.value = initial.agency;
    let mut place_input = Input::new(
        "place".to_owned(),
        tr("report-place"),
        place,
        Detail::Place.on_input(draft, place),
    );
    place_input.value = initial.place;
    let mut month_input = Input::new(
        "month".to_owned(),
        tr("report-month"),
        month,
        Detail::Month.on_input(draft, month),
    );
    month_input.hint = Some(tr("report-month-hint"));
    month_input.kind = "month";
    month_input.dir = "ltr";
    month_input.value = initial.month;
    let mut departure_input = Input::new(
        "departure".to_owned(),
        tr("departure-on"),
        departure,
        Detail::Departure.on_input(draft, departure),
    );
    departure_input.hint = Some(tr("departure-hint"));
    departure_input.dir = "ltr";
    departure_input.value = initial.departure;
    let mut built = agency_input.build();
    built.extend(choice(
        "governorate",
        tr("report-governorate"),
        governorates,
        initial.governorate.map_or("", Governorate::as_str),
        Box::new(move |value: String| draft.update(|d| d.governorate = Governorate::parse(&value))),
    ));
    built.extend(place_input.build());
    built.extend(month_input.build());
    built.extend(departure_input.build());
    built.push(
        el("label")
            .class("choice")
            .attr("for", "minor")
            .child(
                el("input")
                    .id("minor")
                    .attr("type", "checkbox")
                    .flag("checked", initial.minor)
                    .on("change", move |event| {
                        let checked = event
                            .target()
                            .and_then(|t| {
                                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()
                            })
                            .is_some_and(|input| input.checked());
                        draft.update(|d| d.minor = checked);
                    }),
            )
            .show(tr("report-minor")),
    );
    built
}
