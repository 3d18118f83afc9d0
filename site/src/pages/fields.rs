//! Form fields as the server renders them: a label (marked when the field is required), its
//! hint, the input with what was typed, and its problem right under it, tied together with
//! `aria-describedby` so a screen reader says all three.

use leptos::prelude::*;

use crate::Messages;

/// A problem shown next to a field (`index` for a row of a list), as a message key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub index: Option<usize>,
    pub key: String,
}

impl Problem {
    pub fn new(field: &str, index: Option<usize>, key: &str) -> Problem {
        Problem {
            field: field.to_owned(),
            index,
            key: key.to_owned(),
        }
    }
}

/// The problem of a field, or of one row of a list (a problem of the whole list shows on its
/// first row).
pub fn problem_of<'a>(
    problems: &'a [Problem],
    field: &str,
    index: Option<usize>,
) -> Option<&'a Problem> {
    problems
        .iter()
        .find(|p| p.field == field && (p.index == index || p.index.is_none() && index == Some(0)))
}

/// The message under a field.
pub fn field_error(
    messages: &dyn Messages,
    problems: &[Problem],
    id: &str,
    field: &str,
    index: Option<usize>,
) -> Option<impl IntoView> {
    problem_of(problems, field, index).map(|p| {
        view! { <p class="field-error" id=format!("{id}-error")>{messages.get(&p.key)}</p> }
    })
}

/// What describes a field: its hint(s), then its problem.
pub fn described_by(
    problems: &[Problem],
    id: &str,
    field: &str,
    index: Option<usize>,
    hint: Option<&str>,
) -> Option<String> {
    let error = problem_of(problems, field, index).map(|_| format!("{id}-error"));
    match (hint, error) {
        (Some(h), Some(e)) => Some(format!("{h} {e}")),
        (Some(h), None) => Some(h.to_owned()),
        (None, Some(e)) => Some(e),
        (None, None) => None,
    }
}

/// What a `<textarea>` holds, escaped: Leptos writes a text area's children as they are (tachys
/// lists `textarea` with `script` and `style` among the elements whose children it does not
/// escape), so typed text with `</textarea>` in it would otherwise end the box and write HTML
/// into the page. The browser decodes the entities back into what was typed.
pub fn text_area_content(typed: &str) -> String {
    html_escape::encode_text(typed).into_owned()
}

/// A label's text, with the mark of a required field (the input says "required" to screen
/// readers itself, so the mark is for the eye only).
pub fn label_text(label: String, required: bool) -> impl IntoView {
    view! {
        {label}
        {required.then(|| view! { <span class="required-mark" aria-hidden="true">" *"</span> })}
    }
}

/// One text input or text area, with everything that goes with it.
pub struct TextField {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    /// `text`, `tel`, `month`, `date` or `textarea`.
    pub kind: &'static str,
    pub value: String,
    /// The field (and row) problems are reported against.
    pub field: String,
    pub index: Option<usize>,
    pub required: bool,
    /// `ltr` for what reads left to right in every language (numbers, dates, Latin names).
    pub dir: &'static str,
}

impl TextField {
    pub fn new(id: impl Into<String>, name: impl Into<String>, label: String) -> TextField {
        let name = name.into();
        TextField {
            id: id.into(),
            field: name.clone(),
            name,
            label,
            hint: None,
            kind: "text",
            value: String::new(),
            index: None,
            required: false,
            dir: "auto",
        }
    }

    pub fn render(self, messages: &dyn Messages, problems: &[Problem]) -> AnyView {
        let TextField {
            id,
            name,
            label,
            hint,
            kind,
            value,
            field,
            index,
            required,
            dir,
        } = self;
        let hint_id = format!("{id}-hint");
        let invalid = problem_of(problems, &field, index)
            .is_some()
            .then_some("true");
        let describe = described_by(
            problems,
            &id,
            &field,
            index,
            hint.as_ref().map(|_| hint_id.as_str()),
        );
        // A phone number reads left to right in every language.
        let dir = if kind == "tel" { "ltr" } else { dir };
        let inputmode = (kind == "tel").then_some("tel");
        let hint = hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> });
        let error = field_error(messages, problems, &id, &field, index);
        let input = if kind == "textarea" {
            view! {
                <textarea
                    id=id.clone()
                    name=name
                    rows="4"
                    dir=dir
                    required=required
                    aria-invalid=invalid
                    aria-describedby=describe
                >
                    {text_area_content(&value)}
                </textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    type=kind
                    id=id.clone()
                    name=name
                    value=value
                    dir=dir
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    required=required
                    aria-invalid=invalid
                    aria-describedby=describe
                />
            }
            .into_any()
        };
        view! {
            <label for=id>{label_text(label, required)}</label>
            {hint}
            {input}
            {error}
        }
        .into_any()
    }
}

/// A notice about the whole submission (sent too early, a picture refused…): its message key
/// and the seconds to wait, if any.
pub fn general_notice(
    messages: &dyn Messages,
    general: Option<&(String, Option<u64>)>,
) -> Option<impl IntoView> {
    general.map(|(key, seconds)| {
        let text = match seconds {
            Some(seconds) => {
                let mut args = sanad_shared::i18n::Args::new();
                args.set("seconds", *seconds);
                messages.get_with(key, &args)
            }
            None => messages.get(key),
        };
        view! { <p class="notice notice-error" role="alert" id="form-error">{text}</p> }
    })
}

/// "Save as a file" for a receipt, as a link that works with or without a script: the file is
/// in the page itself (a `data:` address the browser downloads), so nothing about it is ever
/// requested from the server.
pub fn receipt_file_link(messages: &dyn Messages, file_name: &str, text: &str) -> impl IntoView {
    // Fluent isolates its placeables with invisible direction marks; a file read in a plain
    // text editor, or pasted back into the receipt box, must not carry them.
    let text: String = text
        .chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect();
    let href = format!(
        "data:text/plain;charset=utf-8,{}",
        percent_encoding::utf8_percent_encode(&text, percent_encoding::NON_ALPHANUMERIC)
    );
    view! {
        <a class="button button-secondary" href=href download=file_name.to_owned()>
            {messages.get("report-save-file")}
        </a>
    }
}
