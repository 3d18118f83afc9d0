//! A family reports a missing relative: the person's names as an Iraqi family gives them, what
//! is known of their leaving and of who recruited them, the last contact, a photo, the person
//! reporting, and whom the report may be shared with; then the case number and the receipt,
//! shown once. Phone numbers and accounts are typed in one box each, separated by commas, so the
//! form stays short on a phone. What is typed survives a reload in `sessionStorage` (this tab
//! only, gone when it closes; never the photo) and is wiped once the report is sent.

use std::collections::BTreeMap;

use sanad_frontend::{
    api::{ApiFailure, Body, Refusal},
    lean::{
        dom::{el, tr, tr_owned, El, Text},
        forms::{
            choice, field_error, focus_first_problem, focus_later, form_page, picture_picker,
            problem, problems_from, Field, Input, PickerTexts, Problems,
        },
        i18n::use_i18n,
        proof::{self, Work},
        reactive::{effect, Var},
        receipt::{receipt_shown, ReceiptTexts},
    },
};
use sanad_shared::{
    cases::{CaseCreated, Consent, NewCase, PersonNames, Reporter, Sex},
    digits::to_ascii_digits,
    receipt::Receipt,
    tips::{FieldProblem, Governorate, OnlineAccount, Platform},
    ErrorCode, Language,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::Event;

/// What the form holds, by the server's field names (`names.given`, `reporter.phone`…).
type Values = Var<BTreeMap<String, String>>;

const DRAFT_KEY: &str = "sanad.missing-draft";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load_draft() -> BTreeMap<String, String> {
    session_storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn save_draft(values: &BTreeMap<String, String>) {
    let Some(storage) = session_storage() else {
        return;
    };
    // Storage may be refused (private browsing, full); the draft then lasts for this page only.
    if values.values().all(|v| v.is_empty()) {
        let _ = storage.remove_item(DRAFT_KEY);
    } else if let Ok(text) = serde_json::to_string(values) {
        let _ = storage.set_item(DRAFT_KEY, &text);
    }
}

/// The fields typed as lists, one box each.
const LISTS: [&str; 3] = ["phones", "accounts", "recruiter_phones"];

const PHOTO: PickerTexts = PickerTexts {
    label: "missing-photo",
    hint: "missing-photo-hint",
    choose: "missing-photo-choose",
};

pub fn missing() -> Vec<El> {
    let sent = Var::new(None::<Receipt>);
    let number = Var::new(String::new());
    vec![
        form(sent, number),
        receipt_shown(
            sent,
            ReceiptTexts {
                title: "missing-sent-title",
                explain: "missing-receipt-explain",
                file: "missing-receipt-file",
            },
            vec![el("p")
                .class("receipt case-number")
                .attr("dir", "ltr")
                .show(Box::new(move || number.get()))],
            Box::new(move || vec![("number", number.get_untracked())]),
        ),
    ]
}

fn form(sent: Var<Option<Receipt>>, number: Var<String>) -> El {
    let i18n = use_i18n();
    let initial = load_draft();
    let values: Values = Var::new(initial.clone());
    effect(move || values.with(save_draft));
    let initial_of = move |name: &str| initial.get(name).cloned().unwrap_or_default();
    let problems: Problems = Var::new(Vec::new());
    let files = Var::new(Vec::<web_sys::File>::new());
    let working = Var::new(None::<Work>);
    let form_error = Var::new(None::<&'static str>);

    let submit = move |event: Event| {
        event.prevent_default();
        if working.get_untracked().is_some() {
            return;
        }
        let case = match values.with_untracked(|v| new_case(v, i18n.shown.get_untracked())) {
            Ok(case) => case,
            Err(found) => {
                show_problems(found, problems, form_error);
                return;
            }
        };
        problems.set(Vec::new());
        form_error.set(None);
        working.set(Some(Work::Solving(0)));
        let photo = files.get_untracked();
        spawn_local(async move {
            match send_case(&case, photo.first(), working).await {
                Ok(created) => {
                    let _ = values.try_set(BTreeMap::new());
                    save_draft(&BTreeMap::new());
                    let _ = number.try_set(created.case_number);
                    let _ = sent.try_set(Some(created.receipt));
                    if let Some(window) = web_sys::window() {
                        window.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                    focus_later("report-sent".to_owned());
                }
                Err(refusal) => {
                    let found: Vec<FieldProblem> = problems_from(&refusal)
                        .into_iter()
                        .map(for_this_form)
                        .collect();
                    if found.is_empty() {
                        let _ = form_error.try_set(Some(match refusal.failure {
                            ApiFailure::Network => "report-network",
                            failure => failure.message_key(),
                        }));
                    } else {
                        show_problems(found, problems, form_error);
                    }
                }
            }
            let _ = working.try_set(None);
        });
    };

    let text = |name: &'static str, label: &'static str, hint: Option<&'static str>| {
        let field = Field::new(problems, name, None);
        let value = initial_of(name);
        let mut input = Input::new(
            name.replace(['.', '_'], "-"),
            tr(label),
            field,
            Box::new(move |text: String| {
                values.update(|v| {
                    v.insert(name.to_owned(), text);
                });
                field.clear();
            }),
        );
        input.hint = hint.map(tr);
        input.value = value;
        input
    };
    let with = |mut input: Input, kind: &'static str, dir: &'static str| {
        input.kind = kind;
        input.dir = dir;
        if kind == "tel" {
            input.inputmode = "tel";
        }
        input.build()
    };
    let select = |name: &'static str, label: Text, options: Vec<(&'static str, Text)>| {
        let mut built = choice(
            &name.replace(['.', '_'], "-"),
            label,
            options,
            &initial_of(name),
            Box::new(move |value: String| {
                values.update(|v| {
                    v.insert(name.to_owned(), value);
                })
            }),
        );
        built.push(field_error(
            &name.replace(['.', '_'], "-"),
            Field::new(problems, name, None),
        ));
        built
    };

    let mut person = vec![
        el("h2").tr("case-person"),
        el("p").class("hint").tr("missing-names-hint"),
    ];
    person.extend(text("names.given", "missing-given", None).build());
    person.extend(text("names.father", "missing-father", None).build());
    person.extend(text("names.grandfather", "missing-grandfather", None).build());
    person.extend(text("names.family", "missing-family", None).build());
    person.extend(text("names.mother", "case-mother", Some("missing-mother-hint")).build());
    person.extend(with(
        text("names.latin", "case-latin", Some("missing-latin-hint")),
        "text",
        "ltr",
    ));
    person.extend(select(
        "sex",
        tr("case-sex"),
        vec![
            ("", tr("report-governorate-none")),
            ("female", tr("sex-female")),
            ("male", tr("sex-male")),
        ],
    ));
    person.extend(with(
        text("date_of_birth", "missing-birth", Some("missing-date-hint")),
        "text",
        "ltr",
    ));
    person.extend(with(text("age", "missing-age", None), "text", "ltr"));
    let mut governorates = vec![("", tr("report-governorate-none"))];
    governorates.extend(
        Governorate::ALL
            .into_iter()
            .map(|g| (g.as_str(), tr_owned(g.message_key()))),
    );
    person.extend(select(
        "governorate",
        tr("report-governorate"),
        governorates,
    ));
    person.extend(text("residence", "case-residence", None).build());
    person.extend(with(
        text("phones", "case-phones", Some("missing-list-hint")),
        "tel",
        "ltr",
    ));
    person.extend(with(
        text("accounts", "missing-accounts", Some("missing-list-hint")),
        "text",
        "ltr",
    ));
    person.extend(with(text("marks", "case-marks", None), "textarea", "auto"));

    let mut journey = vec![el("h2").tr("missing-journey")];
    journey.extend(with(
        text("left_on", "case-left-on", Some("missing-date-hint")),
        "text",
        "ltr",
    ));
    journey.extend(with(
        text("departure_on", "departure-on", Some("departure-hint")),
        "text",
        "ltr",
    ));
    journey.extend(text("destination", "case-destination", None).build());
    journey.extend(with(
        text(
            "recruiter",
            "case-recruiter",
            Some("missing-recruiter-hint"),
        ),
        "textarea",
        "auto",
    ));
    journey.extend(with(
        text(
            "recruiter_phones",
            "case-recruiter-phones",
            Some("missing-list-hint"),
        ),
        "tel",
        "ltr",
    ));
    journey.extend(with(
        text(
            "last_contact_on",
            "missing-last-contact-on",
            Some("missing-date-hint"),
        ),
        "text",
        "ltr",
    ));
    journey.extend(with(
        text("last_contact_text", "missing-last-contact-text", None),
        "textarea",
        "auto",
    ));
    journey.extend(text("last_known_location", "case-last-location", None).build());

    let mut reporter = vec![el("h2").tr("case-reporter")];
    reporter.extend(
        text(
            "reporter.relationship",
            "case-reporter-relationship",
            Some("missing-relationship-hint"),
        )
        .build(),
    );
    reporter.extend(text("reporter.name", "case-reporter-name", None).build());
    reporter.extend(with(
        text("reporter.phone", "case-reporter-phone", None),
        "tel",
        "ltr",
    ));
    reporter.extend(select(
        "reporter.language",
        tr("missing-language"),
        std::iter::once(("", tr("missing-language-shown")))
            .chain(
                Language::ALL
                    .into_iter()
                    .map(|l| (l.code(), tr_owned(format!("language-name-{}", l.code())))),
            )
            .collect(),
    ));

    let consent_field = Field::new(problems, "consent", None);
    let consents = Consent::ALL
        .into_iter()
        .map(|consent| {
            el("label")
                .class("choice")
                .child(
                    el("input")
                        .attr("type", "radio")
                        .attr("name", "consent")
                        .attr("value", consent.as_str())
                        .flag("checked", initial_of("consent") == consent.as_str())
                        .on("change", move |_| {
                            values.update(|v| {
                                v.insert("consent".to_owned(), consent.as_str().to_owned());
                            });
                            consent_field.clear();
                        }),
                )
                .show(tr_owned(format!("case-consent-{}", consent.as_str())))
        })
        .collect();
    let consent = consent_field
        .mark(
            el("fieldset")
                .id("consent")
                .class("choices")
                .attr("role", "radiogroup"),
            "consent",
            "consent-hint",
        )
        .child(el("legend").tr("missing-consent"))
        .child(
            el("p")
                .class("hint")
                .id("consent-hint")
                .tr("missing-consent-hint"),
        )
        .children(consents)
        .child(field_error("consent", consent_field));

    let form = el("form")
        .class("form report-form")
        .flag("novalidate", true)
        .on("submit", submit)
        .children(person)
        .child(picture_picker(files, Var::new(1), problems, PHOTO))
        .children(journey)
        .children(reporter)
        .child(consent)
        .children(proof::send_row(working, form_error, "missing-submit"));

    form_page(
        Box::new(move || sent.with(Option::is_some)),
        "home-missing-title",
        "missing-intro",
        &[
            "missing-privacy-encrypted",
            "missing-privacy-consent",
            "report-privacy-draft",
            "report-privacy-pictures",
        ],
        form,
    )
}

fn show_problems(
    found: Vec<FieldProblem>,
    problems: Problems,
    form_error: Var<Option<&'static str>>,
) {
    let _ = problems.try_set(found);
    let _ = form_error.try_set(Some("error-invalid-case"));
    focus_first_problem();
}

/// A problem as this form shows it: a list is one box, so its problem shows under the box; a
/// date here may be a year, a month or a day.
fn for_this_form(mut found: FieldProblem) -> FieldProblem {
    if LISTS.contains(&found.field.as_str()) {
        found.index = None;
    }
    if found.problem == "invalid_date" {
        found.problem = "missing-invalid-date".to_owned();
    }
    found
}

/// The platform a link names, so that the same account in a tip and a case is linked.
fn platform_of(handle: &str) -> Platform {
    let lower = handle.trim().to_lowercase();
    let host = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    [
        ("t.me/", Platform::Telegram),
        ("telegram.me/", Platform::Telegram),
        ("instagram.com/", Platform::Instagram),
        ("tiktok.com/", Platform::Tiktok),
        ("facebook.com/", Platform::Facebook),
        ("fb.com/", Platform::Facebook),
        ("m.facebook.com/", Platform::Facebook),
        ("wa.me/", Platform::Whatsapp),
    ]
    .into_iter()
    .find(|(prefix, _)| host.starts_with(prefix))
    .map(|(_, platform)| platform)
    .unwrap_or(if lower.starts_with("http") {
        Platform::Website
    } else {
        Platform::Other
    })
}

/// The report as the server takes it, or the problems to show first.
fn new_case(
    values: &BTreeMap<String, String>,
    shown: Language,
) -> Result<NewCase, Vec<FieldProblem>> {
    let get = |name: &str| {
        values
            .get(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let optional = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
    let list = |name: &str| -> Vec<String> {
        get(name)
            .split([',', '،', '\n'])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut problems = Vec::new();
    let age = match optional("age") {
        None => None,
        Some(text) => match to_ascii_digits(&text).parse::<u8>() {
            Ok(age) => Some(age),
            Err(_) => {
                problems.push(problem("age", None, "invalid"));
                None
            }
        },
    };
    let consent = Consent::parse(&get("consent"));
    if consent.is_none() {
        problems.push(problem("consent", None, "required"));
    }
    let case = NewCase {
        names: PersonNames {
            given: get("names.given"),
            father: get("names.father"),
            grandfather: optional("names.grandfather"),
            family: optional("names.family"),
            mother: optional("names.mother"),
            latin: optional("names.latin"),
        },
        sex: Sex::parse(&get("sex")),
        date_of_birth: optional("date_of_birth"),
        age,
        governorate: Governorate::parse(&get("governorate")),
        residence: optional("residence"),
        phones: list("phones"),
        accounts: list("accounts")
            .into_iter()
            .map(|handle| OnlineAccount {
                platform: platform_of(&handle),
                handle,
            })
            .collect(),
        left_on: optional("left_on"),
        departure_on: optional("departure_on"),
        destination: optional("destination"),
        recruiter: optional("recruiter"),
        recruiter_phones: list("recruiter_phones"),
        last_contact_on: optional("last_contact_on"),
        last_contact_text: optional("last_contact_text"),
        last_known_location: optional("last_known_location"),
        marks: optional("marks"),
        reporter: Reporter {
            relationship: get("reporter.relationship"),
            name: get("reporter.name"),
            phone: get("reporter.phone"),
            language: Language::parse(&get("reporter.language")).unwrap_or(shown),
        },
        consent: consent.unwrap_or(Consent::Committee),
    };
    problems.extend(case.problems().into_iter().map(for_this_form));
    if problems.is_empty() {
        Ok(case)
    } else {
        Err(problems)
    }
}

/// Solves a challenge and sends the report (with the photo, as multipart, when there is one).
async fn send_case(
    case: &NewCase,
    photo: Option<&web_sys::File>,
    working: Var<Option<Work>>,
) -> Result<CaseCreated, Refusal> {
    let unknown = || Refusal::from(ApiFailure::Server(ErrorCode::Unknown));
    let json = serde_json::to_string(case).map_err(|_| unknown())?;
    let body = || match photo {
        None => Some(Body::Json(json.clone())),
        Some(photo) => {
            let form = web_sys::FormData::new().ok()?;
            form.append_with_str("case", &json).ok()?;
            // A neutral file name: the one on the phone can say more than meant.
            form.append_with_blob_and_filename("photo", photo, "photo")
                .ok()?;
            Some(Body::Form(form))
        }
    };
    let text = proof::submit("/api/v1/cases", body, working).await?;
    serde_json::from_str(&text).map_err(|_| unknown())
}
