//! `/{lang}/missing`: a family reports a missing relative in five short steps (the person, the
//! leaving and the recruiter, the last contact, the person reporting, then a photo and whom the
//! report may be shared with). Every step is an ordinary form the server answers, so the whole
//! report works without a script; what the earlier steps hold rides along in hidden fields, and
//! the photo is chosen on the last step because a chosen file cannot ride along.

use std::collections::BTreeMap;

use leptos::prelude::*;
use sanad_shared::{i18n::Args, tips::Governorate, Language};

use super::{
    fields::{field_error, general_notice, label_text, problem_of, Problem, TextField},
    report::{receipt_shown, ReceiptShown},
};
use crate::{islands::form_helper, paths, Messages};

/// How a field is typed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    /// Read left to right in every language: dates, ages, Latin letters, links.
    LeftToRight,
    Phone,
    Area,
    Sex,
    Governorate,
    Language,
}

struct Spec {
    name: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    kind: Kind,
    required: bool,
}

const fn spec(
    name: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    kind: Kind,
    required: bool,
) -> Spec {
    Spec {
        name,
        label,
        hint,
        kind,
        required,
    }
}

const PERSON: &[Spec] = &[
    spec("names.given", "missing-given", None, Kind::Text, true),
    spec("names.father", "missing-father", None, Kind::Text, true),
    spec(
        "names.grandfather",
        "missing-grandfather",
        None,
        Kind::Text,
        false,
    ),
    spec("names.family", "missing-family", None, Kind::Text, false),
    spec(
        "names.mother",
        "case-mother",
        Some("missing-mother-hint"),
        Kind::Text,
        false,
    ),
    spec(
        "names.latin",
        "case-latin",
        Some("missing-latin-hint"),
        Kind::LeftToRight,
        false,
    ),
    spec("sex", "case-sex", None, Kind::Sex, false),
    spec(
        "date_of_birth",
        "missing-birth",
        Some("missing-date-hint"),
        Kind::LeftToRight,
        false,
    ),
    spec("age", "missing-age", None, Kind::LeftToRight, false),
    spec(
        "governorate",
        "report-governorate",
        None,
        Kind::Governorate,
        false,
    ),
    spec("residence", "case-residence", None, Kind::Text, false),
    spec(
        "phones",
        "case-phones",
        Some("missing-list-hint"),
        Kind::Phone,
        false,
    ),
    spec(
        "accounts",
        "missing-accounts",
        Some("missing-list-hint"),
        Kind::LeftToRight,
        false,
    ),
    spec("marks", "case-marks", None, Kind::Area, false),
];

const JOURNEY: &[Spec] = &[
    spec(
        "left_on",
        "case-left-on",
        Some("missing-date-hint"),
        Kind::LeftToRight,
        false,
    ),
    spec(
        "departure_on",
        "departure-on",
        Some("departure-hint"),
        Kind::LeftToRight,
        false,
    ),
    spec("destination", "case-destination", None, Kind::Text, false),
    spec(
        "recruiter",
        "case-recruiter",
        Some("missing-recruiter-hint"),
        Kind::Area,
        false,
    ),
    spec(
        "recruiter_phones",
        "case-recruiter-phones",
        Some("missing-list-hint"),
        Kind::Phone,
        false,
    ),
];

const LAST_CONTACT: &[Spec] = &[
    spec(
        "last_contact_on",
        "missing-last-contact-on",
        Some("missing-date-hint"),
        Kind::LeftToRight,
        false,
    ),
    spec(
        "last_contact_text",
        "missing-last-contact-text",
        None,
        Kind::Area,
        false,
    ),
    spec(
        "last_known_location",
        "case-last-location",
        None,
        Kind::Text,
        false,
    ),
];

const REPORTER: &[Spec] = &[
    spec(
        "reporter.relationship",
        "case-reporter-relationship",
        Some("missing-relationship-hint"),
        Kind::Text,
        true,
    ),
    spec(
        "reporter.name",
        "case-reporter-name",
        None,
        Kind::Text,
        true,
    ),
    spec(
        "reporter.phone",
        "case-reporter-phone",
        None,
        Kind::Phone,
        true,
    ),
    spec(
        "reporter.language",
        "missing-language",
        None,
        Kind::Language,
        false,
    ),
];

/// The steps in order: title and fields. The last step (photo and consent) has no text fields.
const STEPS: [(&str, &[Spec]); STEP_COUNT] = [
    ("case-person", PERSON),
    ("missing-journey", JOURNEY),
    ("case-last-contact", LAST_CONTACT),
    ("missing-step-you", REPORTER),
    ("missing-step-consent", &[]),
];

pub const STEP_COUNT: usize = 5;
/// The step where the report is sent.
pub const LAST_STEP: usize = STEP_COUNT - 1;

/// The step (from 0) that shows a field; the photo and the consent are on the last.
pub fn step_of(field: &str) -> usize {
    STEPS
        .iter()
        .position(|(_, specs)| specs.iter().any(|s| s.name == field))
        .unwrap_or(LAST_STEP)
}

/// Every field a step's form may send, the photo excepted.
pub fn field_names() -> impl Iterator<Item = &'static str> {
    STEPS
        .iter()
        .flat_map(|(_, specs)| specs.iter().map(|s| s.name))
        .chain(["consent"])
}

/// Everything the family's form page shows.
#[derive(Clone, Debug, Default)]
pub struct CaseForm {
    /// From 0.
    pub step: usize,
    /// What was typed, by the API's field names (`names.given`, `reporter.phone`…).
    pub values: BTreeMap<String, String>,
    pub problems: Vec<Problem>,
    pub general: Option<(String, Option<u64>)>,
    pub challenge: String,
    /// The last step's unspent proof of work, when it came back with problems (see
    /// [`super::report::TipForm::proof`]).
    pub proof: String,
    /// A photo was chosen but the last step came back: it must be chosen again.
    pub photo_lost: bool,
}

impl CaseForm {
    fn value(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }
}

fn id_of(name: &str) -> String {
    name.replace(['.', '_'], "-")
}

/// A list of choices with its label and problem.
fn select(
    messages: &dyn Messages,
    form: &CaseForm,
    spec: &Spec,
    options: Vec<(String, String)>,
) -> AnyView {
    let id = id_of(spec.name);
    let chosen = form.value(spec.name);
    let invalid = problem_of(&form.problems, spec.name, None)
        .is_some()
        .then_some("true");
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <label for=id.clone()>{label_text(messages.get(spec.label), spec.required)}</label>
        <select
            id=id.clone()
            name=spec.name
            aria-invalid=invalid
            aria-describedby=invalid.map(|_| format!("{id}-error"))
        >
            {options}
        </select>
        {field_error(messages, &form.problems, &id, spec.name, None)}
    }
    .into_any()
}

fn field(messages: &dyn Messages, form: &CaseForm, spec: &Spec) -> AnyView {
    let none = || (String::new(), messages.get("report-governorate-none"));
    match spec.kind {
        Kind::Sex => select(
            messages,
            form,
            spec,
            vec![
                none(),
                ("female".into(), messages.get("sex-female")),
                ("male".into(), messages.get("sex-male")),
            ],
        ),
        Kind::Governorate => select(
            messages,
            form,
            spec,
            std::iter::once(none())
                .chain(
                    Governorate::ALL
                        .into_iter()
                        .map(|g| (g.as_str().to_owned(), messages.get(&g.message_key()))),
                )
                .collect(),
        ),
        Kind::Language => select(
            messages,
            form,
            spec,
            std::iter::once((String::new(), messages.get("missing-language-shown")))
                .chain(Language::ALL.into_iter().map(|l| {
                    (
                        l.code().to_owned(),
                        messages.get(&format!("language-name-{}", l.code())),
                    )
                }))
                .collect(),
        ),
        Kind::Text | Kind::LeftToRight | Kind::Phone | Kind::Area => TextField {
            hint: spec.hint.map(|h| messages.get(h)),
            kind: match spec.kind {
                Kind::Phone => "tel",
                Kind::Area => "textarea",
                _ => "text",
            },
            dir: if spec.kind == Kind::LeftToRight {
                "ltr"
            } else {
                "auto"
            },
            value: form.value(spec.name),
            required: spec.required,
            ..TextField::new(id_of(spec.name), spec.name, messages.get(spec.label))
        }
        .render(messages, &form.problems),
    }
}

/// The photo and whom the report may be shared with.
fn consent_step(messages: &dyn Messages, form: &CaseForm) -> AnyView {
    let chosen = form.value("consent");
    let invalid = problem_of(&form.problems, "consent", None)
        .is_some()
        .then_some("true");
    let choices = sanad_shared::cases::Consent::ALL
        .into_iter()
        .map(|consent| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="consent"
                        value=consent.as_str()
                        checked=chosen == consent.as_str()
                        required=true
                    />
                    {messages.get(&format!("case-consent-{}", consent.as_str()))}
                </label>
            }
        })
        .collect_view();
    let mut photo_args = Args::new();
    photo_args.set("max", 1);
    let photo_again = form.photo_lost.then(
        || view! { <p class="notice notice-warning" role="note">{messages.get("missing-photo-again")}</p> },
    );
    let photo_invalid = problem_of(&form.problems, "photo", None)
        .is_some()
        .then_some("true");
    view! {
        <div class="field pictures">
            <label for="photo" class="field-label">{messages.get("missing-photo")}</label>
            <p class="hint" id="photo-hint">{messages.get_with("missing-photo-hint", &photo_args)}</p>
            {photo_again}
            <input
                type="file"
                id="photo"
                name="photo"
                accept="image/jpeg,image/png,image/webp"
                aria-invalid=photo_invalid
                aria-describedby=if photo_invalid.is_some() { "photo-hint photo-error" } else { "photo-hint" }
            />
            {field_error(messages, &form.problems, "photo", "photo", None)}
        </div>
        <fieldset
            id="consent"
            class="choices"
            aria-invalid=invalid
            aria-describedby=if invalid.is_some() { "consent-hint consent-error" } else { "consent-hint" }
        >
            <legend>{label_text(messages.get("missing-consent"), true)}</legend>
            <p class="hint" id="consent-hint">{messages.get("missing-consent-hint")}</p>
            {choices}
            {field_error(messages, &form.problems, "consent", "consent", None)}
        </fieldset>
    }
    .into_any()
}

pub fn missing(messages: &dyn Messages, form: &CaseForm) -> AnyView {
    let language = messages.language();
    let step = form.step.min(LAST_STEP);
    let (title, specs) = STEPS[step];
    let mut count = Args::new();
    count.set("n", step + 1);
    count.set("total", STEP_COUNT);
    // What the other steps hold goes back and forth with every step.
    let carried = form
        .values
        .iter()
        .filter(|(name, value)| step_of(name) != step && !value.is_empty())
        .map(|(name, value)| {
            view! { <input type="hidden" name=name.clone() value=value.clone()/> }
        })
        .collect_view();
    let fields = if step == LAST_STEP {
        consent_step(messages, form)
    } else {
        specs
            .iter()
            .map(|spec| field(messages, form, spec))
            .collect_view()
            .into_any()
    };
    let privacy = [
        "missing-privacy-encrypted",
        "missing-privacy-consent",
        "report-privacy-nothing",
        "report-privacy-pictures",
        "report-privacy-draft",
    ]
    .map(|key| view! { <li>{messages.get(key)}</li> })
    .into_iter()
    .collect_view();
    let forward = if step == LAST_STEP {
        view! { <button type="submit" class="button" name="go" value="send">{messages.get("missing-submit")}</button> }.into_any()
    } else {
        view! { <button type="submit" class="button" name="go" value="next">{messages.get("missing-next")}</button> }.into_any()
    };
    // The button that comes first is the one Enter presses, so "back" follows "next".
    let back = (step > 0).then(|| {
        view! { <button type="submit" class="button button-secondary" name="go" value="back">{messages.get("missing-back")}</button> }
    });
    let intro = (step == 0).then(|| {
        view! {
            <p class="lead">{messages.get("missing-intro")}</p>
            <details class="privacy">
                <summary>{messages.get("report-privacy-title")}</summary>
                <ul>{privacy}</ul>
            </details>
        }
    });
    view! {
        <section class="page report missing">
            <h1>{messages.get("home-missing-title")}</h1>
            {intro}
            <form
                class="form report-form"
                method="post"
                action=paths::form(language, paths::Form::Missing)
                enctype="multipart/form-data"
                novalidate
            >
                <p class="step-count" id="step-count">{messages.get_with("missing-step", &count)}</p>
                <h2 id="step-title">{messages.get(title)}</h2>
                {general_notice(messages, form.general.as_ref())}
                <p class="hint">{messages.get("form-required-note")}</p>
                <input type="hidden" name="step" value=step.to_string()/>
                <input type="hidden" name="challenge" value=form.challenge.clone()/>
                {carried}
                {fields}
                {form_helper(messages, (step == LAST_STEP).then_some(form.proof.as_str()))}
                <div class="actions-row">{forward}{back}</div>
            </form>
        </section>
    }
    .into_any()
}

/// The answer to a report sent: the case number and the receipt, once (`no-store`).
pub fn case_receipt(
    messages: &dyn Messages,
    number: &str,
    receipt: &str,
    follow_up_address: &str,
) -> AnyView {
    let mut file = Args::new();
    file.set("number", number.to_owned());
    file.set("receipt", receipt.to_owned());
    file.set("address", follow_up_address.to_owned());
    receipt_shown(
        messages,
        ReceiptShown {
            title: "missing-sent-title",
            case_number: Some(number),
            receipt,
            explain: "missing-receipt-explain",
            file_name: "sanad-case.txt",
            file: messages.get_with("missing-receipt-file", &file),
        },
    )
}
