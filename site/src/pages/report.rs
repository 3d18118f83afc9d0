//! `/{lang}/report` as a form the server renders: a tipster whose browser runs no script (Tor
//! Browser at "Safest") sends a tip with pictures as an ordinary `multipart/form-data` post. The
//! page comes back with each problem next to its field and what was typed kept, or with the
//! receipt.

use leptos::prelude::*;
use sanad_shared::{
    i18n::Args,
    tips::{Governorate, Platform, TipSubject, MAX_DESCRIPTION_CHARS},
};

use super::fields::{
    described_by, field_error, general_notice, label_text, problem_of, receipt_file_link,
    text_area_content, TextField,
};
use crate::{
    islands::{form_helper, receipt_tools, COUNT_SLOT},
    paths, Messages,
};

/// Rows of each list the form offers (a tipster who knows more writes it in the description).
pub const NAME_ROWS: usize = 3;
pub const PHONE_ROWS: usize = 3;
pub const ACCOUNT_ROWS: usize = 2;

/// What the tipster typed, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TipValues {
    pub subject: String,
    pub description: String,
    pub names: Vec<String>,
    pub phones: Vec<String>,
    /// (platform, handle)
    pub accounts: Vec<(String, String)>,
    pub agency: String,
    pub governorate: String,
    pub place: String,
    pub month: String,
    pub departure_on: String,
    pub minor: bool,
}

pub use super::fields::Problem;

/// Everything the form page shows.
#[derive(Clone, Debug, Default)]
pub struct TipForm {
    pub values: TipValues,
    pub problems: Vec<Problem>,
    /// A problem with the whole submission (sent too early, pictures refused, …): its message
    /// key and the seconds to wait, if any.
    pub general: Option<(String, Option<u64>)>,
    /// The waited challenge that lets this form be sent without a proof of work.
    pub challenge: String,
    /// A proof of work the island solved for a sending that came back with problems, unspent:
    /// the corrected form goes with it instead of solving another.
    pub proof: String,
    pub wait_seconds: u64,
    pub max_pictures: usize,
    /// Pictures were chosen but the form came back: they must be chosen again.
    pub pictures_lost: bool,
}

impl TipForm {
    fn problem(&self, field: &str, index: Option<usize>) -> Option<&Problem> {
        problem_of(&self.problems, field, index)
    }
}

/// A one-line text input with its label, hint and problem.
#[allow(clippy::too_many_arguments)]
fn text_input(
    messages: &dyn Messages,
    form: &TipForm,
    id: String,
    name: &'static str,
    label: String,
    hint: Option<String>,
    kind: &'static str,
    value: &str,
    field: &'static str,
    index: Option<usize>,
) -> impl IntoView {
    TextField {
        hint,
        kind,
        value: value.to_owned(),
        field: field.to_owned(),
        index,
        ..TextField::new(id, name, label)
    }
    .render(messages, &form.problems)
}

pub fn report(messages: &dyn Messages, form: &TipForm) -> AnyView {
    let language = messages.language();
    let values = &form.values;
    let general = general_notice(messages, form.general.as_ref());
    let subject_invalid = form.problem("subject", None).is_some().then_some("true");
    let subjects = TipSubject::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="subject"
                        value=choice.as_str()
                        checked=values.subject == choice.as_str()
                    />
                    {messages.get(choice.message_key())}
                </label>
            }
        })
        .collect_view();
    let description_invalid = form
        .problem("description", None)
        .is_some()
        .then_some("true");
    let mut count_args = Args::new();
    count_args.set("count", values.description.chars().count());
    count_args.set("max", MAX_DESCRIPTION_CHARS);
    // The form's island counts as the tipster types, in these words.
    let mut counter_slots = Args::new();
    counter_slots.set("count", COUNT_SLOT.to_owned());
    counter_slots.set("max", MAX_DESCRIPTION_CHARS);
    let counter_template = messages.get_with("report-count", &counter_slots);
    let row = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
    // One input per row of a list (names, phones), labelled with its number.
    let rows = |count: usize,
                id: &str,
                name: &'static str,
                label: &str,
                kind: &'static str,
                list: &[String],
                field: &'static str| {
        (0..count)
            .map(|i| {
                let mut n = Args::new();
                n.set("n", i + 1);
                text_input(
                    messages,
                    form,
                    format!("{id}-{i}"),
                    name,
                    messages.get_with(label, &n),
                    None,
                    kind,
                    &row(list, i),
                    field,
                    Some(i),
                )
            })
            .collect_view()
    };
    let names = rows(
        NAME_ROWS,
        "name",
        "name",
        "report-name-n",
        "text",
        &values.names,
        "names",
    );
    let phones = rows(
        PHONE_ROWS,
        "phone",
        "phone",
        "report-phone-n",
        "tel",
        &values.phones,
        "phones",
    );
    let accounts = (0..ACCOUNT_ROWS)
        .map(|i| {
            let mut n = Args::new();
            n.set("n", i + 1);
            let (platform, handle) = values.accounts.get(i).cloned().unwrap_or_default();
            let options = Platform::ALL
                .into_iter()
                .map(|p| {
                    view! {
                        <option value=p.as_str() selected=platform == p.as_str()>
                            {messages.get(p.message_key())}
                        </option>
                    }
                })
                .collect_view();
            let select_id = format!("account-platform-{i}");
            view! {
                <div class="row">
                    <label for=select_id.clone()>{messages.get_with("report-account-platform-n", &n)}</label>
                    <select id=select_id name="account_platform">{options}</select>
                    {text_input(
                        messages,
                        form,
                        format!("account-{i}"),
                        "account_handle",
                        messages.get_with("report-account-handle-n", &n),
                        None,
                        "text",
                        &handle,
                        "accounts",
                        Some(i),
                    )}
                </div>
            }
        })
        .collect_view();
    let governorates = std::iter::once(view! {
        <option value="" selected=values.governorate.is_empty()>{messages.get("report-governorate-none")}</option>
    }.into_any())
    .chain(Governorate::ALL.into_iter().map(|g| {
        view! {
            <option value=g.as_str() selected=values.governorate == g.as_str()>
                {messages.get(&g.message_key())}
            </option>
        }
        .into_any()
    }))
    .collect_view();
    let mut pictures_args = Args::new();
    pictures_args.set("max", form.max_pictures);
    let pictures_again = form
        .pictures_lost
        .then(|| view! { <p class="notice notice-warning" role="note">{messages.get("report-pictures-again")}</p> });
    // Open when it holds something typed or a problem: nothing the person wrote is hidden.
    let more_open = form
        .problems
        .iter()
        .any(|p| p.field != "subject" && p.field != "description")
        || values
            .names
            .iter()
            .chain(&values.phones)
            .any(|v| !v.trim().is_empty())
        || values
            .accounts
            .iter()
            .any(|(_, handle)| !handle.trim().is_empty())
        || [
            &values.agency,
            &values.governorate,
            &values.place,
            &values.month,
            &values.departure_on,
        ]
        .into_iter()
        .any(|v| !v.trim().is_empty())
        || values.minor;
    let mut wait_args = Args::new();
    wait_args.set("seconds", form.wait_seconds);
    let privacy = [
        "report-privacy-nothing",
        "report-privacy-encrypted",
        "report-privacy-pictures",
        "report-privacy-draft",
    ]
    .map(|key| view! { <li>{messages.get(key)}</li> })
    .into_iter()
    .collect_view();
    view! {
        <section class="page report">
            <h1>{messages.get("nav-report")}</h1>
            <p class="lead">{messages.get("report-intro")}</p>
            <details class="privacy">
                <summary>{messages.get("report-privacy-title")}</summary>
                <ul>{privacy}</ul>
            </details>
            <form
                class="form report-form"
                method="post"
                action=paths::form(language, paths::Form::Report)
                enctype="multipart/form-data"
                novalidate
            >
                {general}
                <p class="hint">{messages.get("form-required-note")}</p>
                <input type="hidden" name="challenge" value=form.challenge.clone()/>
                <fieldset
                    id="subject"
                    class="choices"
                    aria-invalid=subject_invalid
                    aria-describedby=subject_invalid.map(|_| "subject-error")
                >
                    <legend>{label_text(messages.get("report-subject"), true)}</legend>
                    {subjects}
                    {field_error(messages, &form.problems, "subject", "subject", None)}
                </fieldset>
                <label for="description">{label_text(messages.get("report-description"), true)}</label>
                <p class="hint" id="description-hint">{messages.get("report-description-hint")}</p>
                <textarea
                    id="description"
                    name="description"
                    rows="8"
                    required
                    aria-invalid=description_invalid
                    aria-describedby=described_by(&form.problems, "description", "description", None, Some("description-hint description-count"))
                >
                    {text_area_content(&values.description)}
                </textarea>
                <p class="hint counter" id="description-count" data-counts="description" data-template=counter_template>
                    {messages.get_with("report-count", &count_args)}
                </p>
                {field_error(messages, &form.problems, "description", "description", None)}
                <details class="more" open=more_open>
                    <summary>{messages.get("report-more")}</summary>
                    <div class="more-body">
                        <p class="hint">{messages.get("report-more-hint")}</p>
                        <fieldset class="rows">
                            <legend>{messages.get("report-names")}</legend>
                            <p class="hint">{messages.get("report-names-hint")}</p>
                            {names}
                        </fieldset>
                        <fieldset class="rows">
                            <legend>{messages.get("report-phones")}</legend>
                            <p class="hint">{messages.get("report-phones-hint")}</p>
                            {phones}
                        </fieldset>
                        <fieldset class="rows">
                            <legend>{messages.get("report-accounts")}</legend>
                            {accounts}
                        </fieldset>
                        {text_input(messages, form, "agency".into(), "agency", messages.get("report-agency"), None, "text", &values.agency, "agency", None)}
                        <label for="governorate">{messages.get("report-governorate")}</label>
                        <select id="governorate" name="governorate">{governorates}</select>
                        {text_input(messages, form, "place".into(), "place", messages.get("report-place"), None, "text", &values.place, "place", None)}
                        {text_input(messages, form, "month".into(), "month", messages.get("report-month"), Some(messages.get("report-month-hint")), "month", &values.month, "approximate_date", None)}
                        {text_input(messages, form, "departure".into(), "departure_on", messages.get("departure-on"), Some(messages.get("departure-hint")), "date", &values.departure_on, "departure_on", None)}
                        <label for="minor" class="choice">
                            <input type="checkbox" id="minor" name="minor" value="yes" checked=values.minor/>
                            {messages.get("report-minor")}
                        </label>
                    </div>
                </details>
                <div class="field pictures">
                    <label for="pictures" class="field-label">{messages.get("pictures-label")}</label>
                    <p class="hint" id="pictures-hint">{messages.get_with("pictures-hint", &pictures_args)}</p>
                    {pictures_again}
                    <input type="file" id="pictures" name="image" accept="image/jpeg,image/png,image/webp" multiple aria-describedby="pictures-hint"/>
                </div>
                {form_helper(messages, Some(&form.proof))}
                <p class="hint" id="wait-hint">{messages.get_with("report-wait", &wait_args)}</p>
                <div class="actions-row">
                    <button type="submit" class="button" aria-describedby="wait-hint">{messages.get("report-submit")}</button>
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// The answer to a tip sent: the receipt, once. The page is never kept (`no-store`) and the
/// receipt is in no address the browser requests or remembers.
pub fn receipt(messages: &dyn Messages, receipt: &str, follow_up_address: &str) -> AnyView {
    let mut file = Args::new();
    file.set("receipt", receipt.to_owned());
    file.set("address", follow_up_address.to_owned());
    receipt_shown(
        messages,
        ReceiptShown {
            title: "report-sent-title",
            case_number: None,
            receipt,
            explain: "report-receipt-explain",
            file_name: "sanad-receipt.txt",
            file: messages.get_with("report-receipt-file", &file),
        },
    )
}

/// What a receipt page holds, for a tip or a family's case.
pub(super) struct ReceiptShown<'a> {
    pub title: &'static str,
    pub case_number: Option<&'a str>,
    pub receipt: &'a str,
    pub explain: &'static str,
    pub file_name: &'static str,
    /// The text of the file the receipt is saved as.
    pub file: String,
}

pub(super) fn receipt_shown(messages: &dyn Messages, shown: ReceiptShown<'_>) -> AnyView {
    let language = messages.language();
    let number = shown.case_number.map(|number| {
        view! { <p class="receipt case-number" dir="ltr"><bdi>{number.to_owned()}</bdi></p> }
    });
    view! {
        <section class="page receipt-page">
            <h1 id="report-sent">{messages.get(shown.title)}</h1>
            {number}
            <p>{messages.get("report-receipt-label")}</p>
            <p class="receipt" id="receipt-number" dir="ltr"><bdi>{shown.receipt.to_owned()}</bdi></p>
            <p>{messages.get(shown.explain)}</p>
            <p class="notice notice-warning" role="note">{messages.get("report-receipt-keep")}</p>
            {receipt_tools(messages, shown.receipt, receipt_file_link(messages, shown.file_name, &shown.file).into_any())}
            <p class="actions-row">
                <a class="button" href=paths::form(language, paths::Form::FollowUp)>{messages.get("home-follow-up")}</a>
                <a class="button button-secondary" href=paths::home(language)>{messages.get("report-done")}</a>
            </p>
        </section>
    }
    .into_any()
}
