//! Pieces the report and follow-up forms share: problems shown beside the field they concern,
//! labelled inputs and selects, the picture picker with its immediate checks, and the multipart
//! body that carries pictures. Built with [`sanad_frontend::lean::dom`] (see there why).

use super::{
    dom::{document, el, request_animation_frame, tr_args, tr_with, value_of, El, Text},
    i18n::{use_i18n, I18n},
    reactive::Var,
};
use crate::api::{ApiFailure, Refusal};
use sanad_shared::{
    tips::{FieldProblem, MAX_IMAGE_BYTES},
    ErrorCode,
};
use serde::Deserialize;
use wasm_bindgen::JsCast;

/// What the server accepts; anything else is refused here at once instead of after the upload.
const ACCEPTED: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// The problems shown on a form. `problem` holds a problem code (`too_long`, an image error code)
/// or, for failures that have one, a Fluent key (`error-receipt-unknown`).
pub type Problems = Var<Vec<FieldProblem>>;

pub fn problem(field: &str, index: Option<usize>, problem: &str) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        index,
        problem: problem.to_owned(),
    }
}

/// The Fluent key that explains a problem.
fn problem_key(problem: &str) -> &str {
    sanad_shared::tips::problem_message_key(problem)
}

/// One place a problem can be shown: a field, or one row of a list field.
#[derive(Clone, Copy)]
pub struct Field {
    problems: Problems,
    field: &'static str,
    index: Option<usize>,
}

impl Field {
    pub fn new(problems: Problems, field: &'static str, index: Option<usize>) -> Field {
        Field {
            problems,
            field,
            index,
        }
    }

    /// The server's name of the field.
    pub fn name(self) -> &'static str {
        self.field
    }

    fn has_problem(self) -> bool {
        self.problems.with(|list| {
            list.iter()
                .any(|p| p.field == self.field && p.index == self.index)
        })
    }

    fn message(self, i18n: I18n) -> String {
        self.problems.with(|list| {
            list.iter()
                .find(|p| p.field == self.field && p.index == self.index)
                .map(|p| i18n.message(problem_key(&p.problem), None))
                .unwrap_or_default()
        })
    }

    /// Marks `input` (whose id is `id`): `aria-invalid` while it has a problem, and
    /// `aria-describedby` naming its hints and, while there is one, its error.
    pub fn mark(self, input: El, id: &str, hints: &str) -> El {
        let error = format!("{id}-error");
        let hints = hints.to_owned();
        input
            .attr_with(
                "aria-invalid",
                Box::new(move || self.has_problem().then(|| "true".to_owned())),
            )
            .attr_with(
                "aria-describedby",
                Box::new(move || match (self.has_problem(), hints.is_empty()) {
                    (true, true) => Some(error.clone()),
                    (true, false) => Some(format!("{hints} {error}")),
                    (false, true) => None,
                    (false, false) => Some(hints.clone()),
                }),
            )
    }

    /// Forgets what was shown for this field (every row of it) once the person changes it.
    pub fn clear(self) {
        let field = self.field;
        if self
            .problems
            .with_untracked(|p| p.iter().any(|p| p.field == field))
        {
            self.problems.update(|p| p.retain(|p| p.field != field));
        }
    }
}

/// A public form's page: its title and lead, what Sanad keeps and never keeps (`privacy`, one
/// Fluent key a line), then the form; hidden once `done` (the receipt takes its place).
pub fn form_page(
    done: Box<dyn Fn() -> bool>,
    title: &'static str,
    lead: &'static str,
    privacy: &[&'static str],
    form: El,
) -> El {
    el("section")
        .class("page report")
        .flag_with("hidden", done)
        .child(el("h1").tr(title))
        .child(el("p").class("lead").tr(lead))
        .child(
            el("div")
                .class("privacy")
                .child(el("h2").tr("report-privacy-title"))
                .child(el("ul").children(privacy.iter().map(|key| el("li").tr(key)).collect())),
        )
        .child(form)
}

/// The explanation of a field's problem, as `<id>-error` (which the input's `aria-describedby`
/// names while it shows).
pub fn field_error(id: &str, field: Field) -> El {
    let i18n = use_i18n();
    el("p")
        .id(&format!("{id}-error"))
        .class("field-error")
        .flag_with("hidden", Box::new(move || !field.has_problem()))
        .show(Box::new(move || field.message(i18n)))
}

/// The translation of a notice that comes and goes (empty while there is none).
pub fn notice_text(key: Var<Option<&'static str>>) -> Text {
    let i18n = use_i18n();
    Box::new(move || {
        key.get()
            .map(|key| i18n.message(key, None))
            .unwrap_or_default()
    })
}

/// A labelled text input: its label, hint, problem and, in a list, a remove button.
pub struct Input {
    pub id: String,
    pub label: Text,
    pub hint: Option<Text>,
    /// `text`, `tel`, `month`, or `textarea` for a multi-line text.
    pub kind: &'static str,
    pub dir: &'static str,
    pub inputmode: &'static str,
    pub value: String,
    pub field: Field,
    pub on_input: Box<dyn Fn(String)>,
    /// For a row of a list: the remove button's accessible name, and what it does.
    pub remove: Option<(Text, Box<dyn Fn()>)>,
}

impl Input {
    pub fn new(id: String, label: Text, field: Field, on_input: Box<dyn Fn(String)>) -> Input {
        Input {
            id,
            label,
            hint: None,
            kind: "text",
            dir: "auto",
            inputmode: "text",
            value: String::new(),
            field,
            on_input,
            remove: None,
        }
    }

    /// The elements, in order: label, hint, the input (with its remove button), the problem.
    pub fn build(self) -> Vec<El> {
        let id = self.id;
        let hint_id = format!("{id}-hint");
        let mut built = vec![el("label").attr("for", &id).show(self.label)];
        let hints = match self.hint {
            Some(hint) => {
                built.push(el("p").class("hint").id(&hint_id).show(hint));
                hint_id.as_str()
            }
            None => "",
        };
        let on_input = self.on_input;
        let mut input = if self.kind == "textarea" {
            el("textarea").attr("rows", "3")
        } else {
            el("input").attr("type", self.kind)
        };
        // A phone number reads left to right in every language; under `auto` in a right-to-left
        // page, Arabic-Indic digits typed with spaces showed their groups in reverse order.
        let dir = if self.kind == "tel" { "ltr" } else { self.dir };
        input = input
            .id(&id)
            .attr("dir", dir)
            .attr("inputmode", self.inputmode)
            .attr("autocomplete", "off")
            .attr("spellcheck", "false")
            .prop("value", &self.value)
            .on("input", move |event| on_input(value_of(&event)));
        if self.kind == "month" {
            input = input.attr("min", "1990-01");
        }
        let mut row = el("div")
            .class("row-input")
            .child(self.field.mark(input, &id, hints));
        if let Some((name, remove)) = self.remove {
            row = row.child(
                el("button")
                    .attr("type", "button")
                    .class("link-button")
                    .attr_with("aria-label", Box::new(move || Some(name())))
                    .on("click", move |_| remove())
                    .tr("form-remove"),
            );
        }
        built.push(row);
        built.push(field_error(&id, self.field));
        built
    }
}

/// A labelled select; `options` are (value, label) pairs.
pub fn choice(
    id: &str,
    label: Text,
    options: Vec<(&'static str, Text)>,
    selected: &str,
    on_change: Box<dyn Fn(String)>,
) -> Vec<El> {
    let options = options
        .into_iter()
        .map(|(value, text)| {
            el("option")
                .attr("value", value)
                .flag("selected", value == selected)
                .show(text)
        })
        .collect();
    vec![
        el("label").attr("for", id).show(label),
        el("select")
            .id(id)
            .children(options)
            .on("change", move |event| on_change(value_of(&event))),
    ]
}

/// The problems an error answer names, placed on their fields: the `details` of `invalid_tip`
/// and `invalid_message`, or the index of a refused phone number or picture.
pub fn problems_from(refusal: &Refusal) -> Vec<FieldProblem> {
    #[derive(Deserialize)]
    struct Listed {
        details: Vec<FieldProblem>,
    }
    #[derive(Deserialize)]
    struct Index {
        index: usize,
    }
    #[derive(Deserialize)]
    struct Indexed {
        details: Index,
    }
    let index = || {
        serde_json::from_str::<Indexed>(&refusal.body)
            .ok()
            .map(|i| i.details.index)
    };
    match refusal.failure {
        ApiFailure::Server(ErrorCode::InvalidTip | ErrorCode::InvalidMessage) => {
            serde_json::from_str::<Listed>(&refusal.body)
                .map(|l| l.details)
                .unwrap_or_default()
        }
        ApiFailure::Server(ErrorCode::InvalidPhoneNumber) => {
            vec![problem("phones", index(), "invalid_phone_number")]
        }
        ApiFailure::Server(
            code @ (ErrorCode::ImageUnsupported
            | ErrorCode::ImageTooLarge
            | ErrorCode::ImageTooManyPixels
            | ErrorCode::ImageCorrupt
            | ErrorCode::TooManyImages),
        ) => vec![problem("images", index(), code.as_str())],
        _ => Vec::new(),
    }
}

/// Moves the focus to the first field marked invalid, once the page shows the marks.
pub fn focus_first_problem() {
    request_animation_frame(|| {
        let Some(marked) = document()
            .query_selector("[aria-invalid=\"true\"]")
            .ok()
            .flatten()
        else {
            return;
        };
        // A radio group is marked as a whole; the focus goes to its first choice.
        let target = if marked.matches("input, select, textarea").unwrap_or(false) {
            Some(marked)
        } else {
            marked.query_selector("input").ok().flatten()
        };
        if let Some(field) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = field.focus();
        }
    })
}

/// Moves the focus to the element `id` once it is on the page (a new section's heading, a new
/// row's input).
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    })
}

/// A file's size for people, without float formatting (which would pull its code into the app).
fn size_label(bytes: f64) -> String {
    let bytes = bytes as u64;
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = bytes * 10 / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The picker's label, hint (given `$max`) and button.
#[derive(Clone, Copy)]
pub struct PickerTexts {
    pub label: &'static str,
    pub hint: &'static str,
    pub choose: &'static str,
}

/// Pictures of a tip (screenshots, adverts).
pub const TIP_PICTURES: PickerTexts = PickerTexts {
    label: "pictures-label",
    hint: "pictures-hint",
    choose: "pictures-choose",
};

/// Pictures to send: chosen through a styled label (the browser's own file button speaks the
/// browser's language, not the page's), checked for type and size at once, listed with a way to
/// remove each. The files stay in memory only; no draft ever holds them.
pub fn picture_picker(
    files: Var<Vec<web_sys::File>>,
    // How many may be chosen now.
    max: Var<usize>,
    problems: Problems,
    texts: PickerTexts,
) -> El {
    let field = Field::new(problems, "images", None);
    let choose = move |event: web_sys::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let mut refused = None;
        if let Some(list) = input.files() {
            let max = max.get_untracked();
            files.update(|chosen| {
                for file in (0..list.length()).filter_map(|i| list.get(i)) {
                    if chosen.len() >= max {
                        refused = Some("too_many_images");
                        break;
                    }
                    if !ACCEPTED.contains(&file.type_().as_str()) {
                        refused = Some("image_unsupported");
                    } else if file.size() > MAX_IMAGE_BYTES as f64 {
                        refused = Some("image_too_large");
                    } else {
                        chosen.push(file);
                    }
                }
            });
        }
        problems.update(|p| {
            p.retain(|p| p.field != "images");
            if let Some(code) = refused {
                p.push(problem("images", None, code));
            }
        });
        // The same file can be chosen again after being removed.
        input.set_value("");
    };
    let listed = Box::new(move || {
        files.with(|chosen| {
            chosen
                .iter()
                .enumerate()
                .map(|(index, file)| {
                    let name = file.name();
                    let remove = move |_| {
                        files.update(|chosen| {
                            if index < chosen.len() {
                                chosen.remove(index);
                            }
                        });
                        field.clear();
                    };
                    let label = tr_args("form-remove-named", &[("name", name.clone())]);
                    el("li")
                        .child(
                            el("span")
                                .class("file-name")
                                .attr("dir", "auto")
                                .text(&name),
                        )
                        .text(" ")
                        .child(
                            el("span")
                                .class("hint")
                                .attr("dir", "ltr")
                                .text(&size_label(file.size())),
                        )
                        .text(" ")
                        .child(
                            el("button")
                                .attr("type", "button")
                                .class("link-button")
                                .attr_with("aria-label", Box::new(move || Some(label())))
                                .on("click", remove)
                                .tr("form-remove"),
                        )
                        .child(field_error(
                            &format!("picture-{index}"),
                            Field::new(problems, "images", Some(index)),
                        ))
                })
                .collect()
        })
    });
    let input = el("input")
        .attr("type", "file")
        .id("pictures")
        .class("file-input")
        .attr("accept", "image/jpeg,image/png,image/webp")
        .flag("multiple", true)
        .flag_with(
            "disabled",
            Box::new(move || files.with(Vec::len) >= max.get()),
        )
        .on("change", choose);
    el("div").class("field pictures").children(vec![
        el("p").class("field-label").tr(texts.label),
        el("p").class("hint").id("pictures-hint").show(tr_with(
            texts.hint,
            Box::new(move || vec![("max", max.get().to_string())]),
        )),
        field.mark(input, "pictures", "pictures-hint"),
        el("label")
            .attr("for", "pictures")
            .class("button button-secondary file-button")
            .tr(texts.choose),
        field_error("pictures", field),
        el("ul").class("picture-list").rows(None, listed),
    ])
}

/// The multipart body: the JSON in a part named `tip` (when there is one) and each picture in a
/// part named `image`. Pictures go under a neutral file name: the name on the phone
/// (`IMG_20260301_Mosul.jpg`) can say more than the sender meant to.
pub fn picture_form(json: Option<&str>, files: &[web_sys::File]) -> Option<web_sys::FormData> {
    let form = web_sys::FormData::new().ok()?;
    if let Some(json) = json {
        form.append_with_str("tip", json).ok()?;
    }
    for file in files {
        form.append_with_blob_and_filename("image", file, "image")
            .ok()?;
    }
    Some(form)
}
