//! The public forms as pages the server renders and receives, for browsers that run no script
//! (Tor Browser at "Safest"): `/{lang}/report` is an ordinary `multipart/form-data` form, and
//! `/{lang}/follow-up` opens a report or case with its receipt and answers in it. Where
//! scripts run, the page is the report app's (its WebAssembly, listed by the build), which sends
//! through the JSON API with a proof of work; without them, the form carries a waited challenge
//! (`pow.rs`) instead. Answers hold what was typed or the receipt, so none is ever stored by a
//! browser or a cache (`no-store`), and the receipt is in no address, log line or redirect.

use actix_web::{
    http::{header, StatusCode},
    web, HttpRequest, HttpResponse,
};
use std::collections::BTreeMap;

use leptos::prelude::AnyView;
use sanad_shared::{
    cases::{Consent, NewCase, PersonNames, Reporter, Sex},
    digits::to_ascii_digits,
    i18n::Args,
    tips::{
        problem_message_key, FieldProblem, Governorate, MessageAuthor, NewMessage, NewTip,
        OnlineAccount, Platform, TipSubject, YearMonth, MAX_IMAGES_PER_UPLOAD,
    },
};
use sanad_site::{
    pages::{
        self,
        fields::Problem,
        follow_up,
        missing::{self, CaseForm},
        report::{TipForm, TipValues, ACCOUNT_ROWS, NAME_ROWS, PHONE_ROWS},
    },
    paths::{self, Form},
    Messages as _,
};

use crate::{
    anonymous::{self, Thread},
    audit::now_ms,
    auth::password::PasswordHasher,
    cases::CheckedCase,
    config::Site,
    crypto::Sealer,
    db::{self, with_db},
    error::ApiError,
    group_commit::GroupCommitter,
    locales::Locales,
    notify::ModeratorNotifier,
    pow::{Challenges, PowError, Proof},
    public_pages::{SiteFiles, Words},
    routes::{follow_up::ReceiptThrottle, site::Env, uploads},
    tips::CheckedTip,
};

/// A page with a form or a receipt: private to the person who has it open.
fn private(env: &Env<'_>, body: Vec<u8>, status: StatusCode) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_LANGUAGE, env.language.code()))
        .content_type("text/html; charset=utf-8");
    if let Some(onion) = &env.site.onion_url {
        response.insert_header((
            "Onion-Location",
            super::site::onion_location(onion, env.req),
        ));
    }
    response.body(body)
}

/// Where a form page's answer goes: its language links, or none on a receipt, whose page is
/// the only one that holds the receipt (following a link would leave it).
enum Links {
    Languages,
    None,
}

/// A form page or its answer: never indexed, never stored, in the reader's language.
fn form_page(
    env: &Env<'_>,
    form: Form,
    (title, description): (String, String),
    main: impl FnOnce(&Words<'_>) -> AnyView,
    links: Links,
    status: StatusCode,
) -> HttpResponse {
    let mut head = env.head(Some(title), description, &paths::form(env.language, form));
    head.no_index = true;
    let languages = match links {
        Links::Languages => env.languages(|l| paths::form(l, form)),
        Links::None => Vec::new(),
    };
    // The tip's and the family's forms and their receipts hold islands (proof of work, draft,
    // copy and share); the follow-up page has none.
    let with_islands = form != Form::FollowUp;
    let body = env.render_page(head, languages, main, with_islands);
    private(env, body, status)
}

fn report_form_page(env: &Env<'_>, form: &TipForm, status: StatusCode) -> HttpResponse {
    let words = env.words();
    form_page(
        env,
        Form::Report,
        (words.get("nav-report"), words.get("report-intro")),
        |w| pages::report(w, form),
        Links::Languages,
        status,
    )
}

fn fresh_form(challenges: &Challenges) -> TipForm {
    TipForm {
        challenge: challenges.issue_waited(now_ms()).unwrap_or_default(),
        wait_seconds: u64::try_from(challenges.no_script.delay_ms / 1000).unwrap_or(0),
        max_pictures: MAX_IMAGES_PER_UPLOAD,
        ..TipForm::default()
    }
}

/// `GET /{lang}/report`
pub async fn report_page(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    challenges: web::Data<Challenges>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    report_form_page(&env, &fresh_form(&challenges), StatusCode::OK)
}

/// What the form sent, as typed, one row per row of the page.
fn values_of(form: &uploads::FormUpload) -> TipValues {
    let rows = |name: &str, count: usize| {
        let mut all = form.all(name);
        all.resize(count.max(all.len()), String::new());
        all
    };
    let platforms = rows("account_platform", ACCOUNT_ROWS);
    let handles = rows("account_handle", ACCOUNT_ROWS);
    TipValues {
        subject: form.one("subject").unwrap_or_default(),
        description: form
            .fields
            .iter()
            .find(|(n, _)| n == "description")
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
        names: rows("name", NAME_ROWS),
        phones: rows("phone", PHONE_ROWS),
        accounts: platforms.into_iter().zip(handles).collect(),
        agency: form.one("agency").unwrap_or_default(),
        governorate: form.one("governorate").unwrap_or_default(),
        place: form.one("place").unwrap_or_default(),
        month: form.one("month").unwrap_or_default(),
        departure_on: form.one("departure_on").unwrap_or_default(),
        minor: form.one("minor").is_some(),
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The tip the values describe, or the problems to show beside their fields.
fn tip_of(
    values: &TipValues,
    language: sanad_shared::Language,
) -> Result<CheckedTip, Vec<Problem>> {
    let mut problems = Vec::new();
    let subject = TipSubject::parse(&values.subject);
    if subject.is_none() {
        problems.push(Problem {
            field: "subject".into(),
            index: None,
            key: "form-problem-choose-subject".into(),
        });
    }
    let approximate_date = match optional(&values.month) {
        None => None,
        Some(month) => match YearMonth::parse(&month) {
            Some(month) => Some(month),
            None => {
                problems.push(Problem {
                    field: "approximate_date".into(),
                    index: None,
                    key: "form-problem-invalid-date".into(),
                });
                None
            }
        },
    };
    // Blank account rows are not accounts; problems name the row the person sees.
    let account_rows: Vec<usize> = (0..values.accounts.len())
        .filter(|&i| !values.accounts[i].1.trim().is_empty())
        .collect();
    let tip = NewTip {
        subject: subject.unwrap_or(TipSubject::Other),
        description: values.description.clone(),
        names: values.names.iter().filter_map(|n| optional(n)).collect(),
        phones: values.phones.clone(),
        accounts: account_rows
            .iter()
            .map(|&i| OnlineAccount {
                platform: Platform::parse(&values.accounts[i].0).unwrap_or(Platform::Other),
                handle: values.accounts[i].1.trim().to_owned(),
            })
            .collect(),
        agency: optional(&values.agency),
        governorate: Governorate::parse(&values.governorate),
        place: optional(&values.place),
        approximate_date,
        language: Some(language),
        departure_on: optional(&values.departure_on),
        minor_involved: values.minor,
    };
    let name_rows: Vec<usize> = (0..values.names.len())
        .filter(|&i| !values.names[i].trim().is_empty())
        .collect();
    let row_of = |field: &str, index: Option<usize>| match (field, index) {
        ("accounts", Some(i)) => account_rows.get(i).copied(),
        ("names", Some(i)) => name_rows.get(i).copied(),
        (_, index) => index,
    };
    match CheckedTip::check(tip) {
        Ok(checked) if problems.is_empty() => Ok(checked),
        Ok(_) => Err(problems),
        Err(ApiError::InvalidTip(found)) => {
            problems.extend(found.into_iter().map(|p| Problem {
                index: row_of(&p.field, p.index),
                key: problem_message_key(&p.problem).to_owned(),
                field: p.field,
            }));
            Err(problems)
        }
        Err(ApiError::InvalidPhoneNumber { index }) => {
            problems.push(Problem {
                field: "phones".into(),
                index: Some(index),
                key: problem_message_key("invalid_phone_number").to_owned(),
            });
            Err(problems)
        }
        Err(other) => {
            problems.push(Problem {
                field: "description".into(),
                index: None,
                key: other.code().message_key().to_owned(),
            });
            Err(problems)
        }
    }
}

/// What lets a form in: the proof of work its island solved (the `proof` field, where a script
/// runs), or else its waited challenge, good once its delay is over. The proof costs the sender
/// as much as one sent through the API; the waited challenge costs time and counts against the
/// rate of submissions without a script.
fn form_proof(
    challenges: &Challenges,
    proof: Option<String>,
    waited: &str,
) -> Result<Proof, PowError> {
    match proof {
        Some(proof) => challenges.verify(Some(&proof)),
        None => challenges.verify_waited(waited, now_ms()),
    }
}

/// Why a waited challenge was refused, as the form shows it: the message, the seconds left,
/// the status, and whether the page needs a new challenge (one that can never pass).
fn waited_refusal(refused: PowError) -> (&'static str, Option<u64>, StatusCode, bool) {
    match refused {
        // The same challenge becomes good once the wait is over.
        PowError::TooSoon { seconds_left } => (
            "error-submission-too-soon",
            Some(seconds_left),
            StatusCode::BAD_REQUEST,
            false,
        ),
        PowError::Busy { .. } => (
            "error-too-many-attempts",
            None,
            StatusCode::TOO_MANY_REQUESTS,
            false,
        ),
        PowError::Expired => (
            "error-proof-of-work-expired",
            None,
            StatusCode::BAD_REQUEST,
            true,
        ),
        PowError::Invalid | PowError::Database => (
            "error-proof-of-work-invalid",
            None,
            StatusCode::BAD_REQUEST,
            true,
        ),
    }
}

/// `POST /{lang}/report`: a tip from the form without a script.
#[allow(clippy::too_many_arguments)]
pub async fn report_post(
    req: HttpRequest,
    payload: web::Payload,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    challenges: web::Data<Challenges>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    let again = |form: TipForm, status: StatusCode| report_form_page(&env, &form, status);
    let upload = match uploads::read_form(&req, payload, "image", MAX_IMAGES_PER_UPLOAD).await {
        Ok(upload) => upload,
        // The body was not read to its end: what was typed is lost with it.
        Err(error) => {
            let mut form = fresh_form(&challenges);
            form.general = Some((error.code().message_key().to_owned(), None));
            return again(form, actix_web::ResponseError::status_code(&error));
        }
    };
    let mut form = TipForm {
        values: values_of(&upload),
        challenge: upload.one("challenge").unwrap_or_default(),
        // Given back with the form while it is unspent: checked only once the fields are good.
        proof: upload.one("proof").unwrap_or_default(),
        pictures_lost: !upload.images.is_empty() || upload.refused.is_some(),
        ..fresh_form(&challenges)
    };
    if let Some(refused) = &upload.refused {
        form.general = Some((refused.code().message_key().to_owned(), None));
        return again(form, actix_web::ResponseError::status_code(refused));
    }
    let tip = match tip_of(&form.values, env.language) {
        Ok(tip) => tip,
        Err(problems) => {
            form.problems = problems;
            return again(form, StatusCode::BAD_REQUEST);
        }
    };
    let proof = match form_proof(&challenges, upload.one("proof"), &form.challenge) {
        Ok(proof) => proof,
        Err(refused) => {
            form.proof.clear();
            let (key, seconds, status, renew) = waited_refusal(refused);
            if renew {
                form.challenge = fresh_form(&challenges).challenge;
            }
            form.general = Some((key.to_owned(), seconds));
            return again(form, status);
        }
    };
    match super::tips::store(tip, upload.images, &proof, &hasher, &sealer, &committer).await {
        Ok(receipt) => {
            notifier.something_new();
            let words = env.words();
            let receipt = receipt.to_string();
            let address = env.absolute(&paths::form(env.language, Form::FollowUp));
            form_page(
                &env,
                Form::Report,
                (words.get("report-sent-title"), words.get("report-intro")),
                |w| pages::receipt(w, &receipt, &address),
                Links::None,
                StatusCode::OK,
            )
        }
        Err(error) => {
            // Whatever went wrong, the proof may have been spent: the island solves another.
            form.proof.clear();
            if matches!(
                error,
                ApiError::ProofOfWorkInvalid | ApiError::ProofOfWorkExpired
            ) {
                form.challenge = fresh_form(&challenges).challenge;
            }
            form.general = Some((error.code().message_key().to_owned(), None));
            let status = actix_web::ResponseError::status_code(&error);
            again(form, status)
        }
    }
}

fn follow_up_page(
    env: &Env<'_>,
    main: impl FnOnce(&Words<'_>) -> AnyView,
    status: StatusCode,
) -> HttpResponse {
    let words = env.words();
    form_page(
        env,
        Form::FollowUp,
        (words.get("follow-up-title"), words.get("follow-up-intro")),
        main,
        Links::Languages,
        status,
    )
}

/// `GET /{lang}/follow-up`
pub async fn follow_up_entry(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    follow_up_page(
        &env,
        |w| follow_up::entry(w, &follow_up::Entry::default()),
        StatusCode::OK,
    )
}

/// The opened report or case, as its sender sees it.
async fn thread_of(
    thread: &Thread,
    sealer: &web::Data<Sealer>,
    pool: &web::Data<db::Pool>,
) -> Result<follow_up::Thread, ApiError> {
    let token = anonymous::follow_up_token(sealer, thread)?;
    let said = |messages: Vec<sanad_shared::tips::TipMessage>| {
        messages
            .into_iter()
            .map(|m| follow_up::Said {
                mine: m.author == MessageAuthor::Tipster,
                sent_on: m.sent_on,
                body: m.body,
            })
            .collect()
    };
    Ok(match thread {
        Thread::Tip(tip_ref) => {
            let tip_ref = tip_ref.clone();
            let sealer = sealer.clone();
            let view = with_db(pool, move |conn| {
                crate::tips::follow_up_view(conn, &sealer, &tip_ref)
            })
            .await?;
            follow_up::Thread {
                token,
                status_key: view.status.message_key().to_owned(),
                since: view.received_on,
                public_message: view.public_message,
                content_removed: view.content_removed,
                // What one sending may add now, not the report's whole allowance.
                pictures: (!view.content_removed).then(|| {
                    (
                        view.attachments,
                        view.attachments_left
                            .min(u32::try_from(MAX_IMAGES_PER_UPLOAD).unwrap_or(u32::MAX)),
                    )
                }),
                messages: said(view.messages),
                ..follow_up::Thread::default()
            }
        }
        Thread::Case(case_ref) => {
            let view = super::cases::family_view(case_ref.clone(), sealer.clone(), pool).await?;
            follow_up::Thread {
                token,
                case_number: Some(view.case_number),
                status_key: view.status.message_key(),
                since: view.reported_on,
                messages: said(view.messages),
                ..follow_up::Thread::default()
            }
        }
    })
}

/// `POST /{lang}/follow-up`: a receipt to open, or a message for the opened report or case.
#[allow(clippy::too_many_arguments)]
pub async fn follow_up_post(
    req: HttpRequest,
    payload: web::Payload,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    throttle: web::Data<ReceiptThrottle>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    let refused = |typed: String, error: &ApiError| {
        let entry = follow_up::Entry {
            typed,
            error: Some(error.code().message_key().to_owned()),
        };
        follow_up_page(
            &env,
            |w| follow_up::entry(w, &entry),
            actix_web::ResponseError::status_code(error),
        )
    };
    let form = match uploads::read_form(&req, payload, "image", MAX_IMAGES_PER_UPLOAD).await {
        Ok(form) => form,
        Err(error) => return refused(String::new(), &error),
    };
    let (thread, message) = match form.one("token") {
        // Writing in an opened report: the token says which, for 20 minutes.
        Some(token) => match anonymous::open_follow_up_token(&sealer, &token) {
            Some(thread) => {
                let typed = form.one("message").unwrap_or_default();
                (thread, sanad_shared::text::lines(&typed))
            }
            None => return refused(String::new(), &ApiError::FollowUpExpired),
        },
        None => {
            let typed = form.one("receipt").unwrap_or_default();
            match super::follow_up::find(&req, &typed, &throttle, &hasher, &sealer, &pool).await {
                Ok(thread) => (thread, String::new()),
                Err(error) => return refused(typed, &error),
            }
        }
    };
    let writing = form.one("token").is_some();
    let pictures_chosen = !form.images.is_empty() || form.refused.is_some();
    let (mut sent, mut problem) = (false, None);
    // Pictures alone are a sending too; an empty box with nothing chosen is asked to be filled.
    if writing && !(message.is_empty() && pictures_chosen) {
        let body = NewMessage {
            body: message.clone(),
            version: None,
        };
        let answer = match &thread {
            Thread::Tip(tip_ref) => {
                super::tips::send_message(tip_ref.clone(), &body, &sealer, &committer, &notifier)
                    .await
            }
            Thread::Case(case_ref) => {
                super::cases::send_family_message(
                    case_ref.clone(),
                    body,
                    sealer.clone(),
                    &committer,
                    &notifier,
                )
                .await
            }
        };
        match answer {
            Ok(_) => sent = true,
            Err(ApiError::InvalidMessage(problems)) => {
                problem = problems
                    .first()
                    .map(|p| problem_message_key(&p.problem).to_owned())
            }
            Err(other) => problem = Some(other.code().message_key().to_owned()),
        }
    }
    let (mut pictures_added, mut pictures_problem) = (false, None);
    if let (true, Thread::Tip(tip_ref)) = (writing && pictures_chosen, &thread) {
        let added = match form.refused {
            Some(refused) => Err(refused),
            None => {
                super::tips::add_pictures(tip_ref.clone(), form.images, &sealer, &committer).await
            }
        };
        match added {
            Ok(_) => {
                pictures_added = true;
                notifier.something_new();
            }
            Err(error) => pictures_problem = Some(error.code().message_key().to_owned()),
        }
    }
    let mut shown = match thread_of(&thread, &sealer, &pool).await {
        Ok(shown) => shown,
        Err(error) => return refused(String::new(), &error),
    };
    shown.sent = sent;
    if !sent {
        shown.typed = message;
    }
    let status = if problem.is_some() || pictures_problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    shown.problem = problem;
    shown.pictures_added = pictures_added;
    shown.pictures_problem = pictures_problem;
    follow_up_page(&env, |w| follow_up::thread(w, &shown), status)
}

fn missing_form_page(env: &Env<'_>, form: &CaseForm, status: StatusCode) -> HttpResponse {
    let words = env.words();
    let mut count = Args::new();
    count.set("n", form.step + 1);
    count.set("total", missing::STEP_COUNT);
    // Each step is a page of its own: its title says which, as the heading does.
    let title = format!(
        "{} ({})",
        words.get("home-missing-title"),
        words.get_with("missing-step", &count)
    );
    form_page(
        env,
        Form::Missing,
        (title, words.get("missing-intro")),
        |w| missing::missing(w, form),
        Links::Languages,
        status,
    )
}

fn fresh_case_form(challenges: &Challenges) -> CaseForm {
    CaseForm {
        challenge: challenges.issue_waited(now_ms()).unwrap_or_default(),
        ..CaseForm::default()
    }
}

/// `GET /{lang}/missing`: the first step. The waited challenge issued here rides along through
/// the steps, so its wait is over long before the last.
pub async fn missing_page(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    challenges: web::Data<Challenges>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    missing_form_page(&env, &fresh_case_form(&challenges), StatusCode::OK)
}

/// A problem of the family's form in its words: a list is one box here, and a date may be a
/// year, a month or a day.
fn case_problem(found: FieldProblem) -> Problem {
    let key = match (found.field.as_str(), found.problem.as_str()) {
        ("departure_on", "invalid_date") => "departure-invalid",
        (_, "invalid_date") => "missing-invalid-date",
        (_, problem) => problem_message_key(problem),
    };
    Problem::new(&found.field, None, key)
}

/// The report the values describe, or the problems to show beside their fields.
fn case_of(
    values: &BTreeMap<String, String>,
    language: sanad_shared::Language,
) -> Result<CheckedCase, Vec<Problem>> {
    let get = |name: &str| values.get(name).cloned().unwrap_or_default();
    let optional = |name: &str| values.get(name).cloned().filter(|v| !v.is_empty());
    let list = |name: &str| -> Vec<String> {
        get(name)
            .split([',', '،', '\n'])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut problems = Vec::new();
    let age = optional("age").and_then(|text| match to_ascii_digits(&text).parse::<u8>() {
        Ok(age) => Some(age),
        Err(_) => {
            problems.push(Problem::new("age", None, "form-problem-invalid-age"));
            None
        }
    });
    let consent = Consent::parse(&get("consent"));
    if consent.is_none() {
        problems.push(Problem::new("consent", None, "missing-problem-consent"));
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
                platform: Platform::of_handle(&handle),
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
            language: sanad_shared::Language::parse(&get("reporter.language")).unwrap_or(language),
        },
        consent: consent.unwrap_or(Consent::Committee),
    };
    match CheckedCase::check(case) {
        Ok(checked) if problems.is_empty() => Ok(checked),
        Ok(_) => Err(problems),
        Err(ApiError::InvalidCase(found)) => {
            problems.extend(found.into_iter().map(case_problem));
            Err(problems)
        }
        Err(other) => {
            problems.push(Problem::new(
                "names.given",
                None,
                other.code().message_key(),
            ));
            Err(problems)
        }
    }
}

/// `POST /{lang}/missing`: one step of the family's report. "Next" checks the fields so far
/// and shows the next step (or the first step with a problem); "back" keeps everything and
/// goes back one; the last step sends.
#[allow(clippy::too_many_arguments)]
pub async fn missing_post(
    req: HttpRequest,
    payload: web::Payload,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    challenges: web::Data<Challenges>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
    pool: web::Data<db::Pool>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    let upload = match uploads::read_form(&req, payload, "photo", 1).await {
        Ok(upload) => upload,
        // The body was not read to its end: what was typed is lost with it.
        Err(error) => {
            let mut form = fresh_case_form(&challenges);
            form.general = Some((error.code().message_key().to_owned(), None));
            return missing_form_page(&env, &form, actix_web::ResponseError::status_code(&error));
        }
    };
    let step = upload
        .one("step")
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(0)
        .min(missing::LAST_STEP);
    let mut form = CaseForm {
        step,
        values: missing::field_names()
            .filter_map(|name| upload.one(name).map(|value| (name.to_owned(), value)))
            .collect(),
        ..fresh_case_form(&challenges)
    };
    if let Some(challenge) = upload.one("challenge") {
        form.challenge = challenge;
    }
    // The last step's proof, given back while it is unspent (see `report_post`).
    form.proof = upload.one("proof").unwrap_or_default();
    let photo_chosen = !upload.images.is_empty() || upload.refused.is_some();
    if upload.one("go").as_deref() == Some("back") {
        form.step = step.saturating_sub(1);
        return missing_form_page(&env, &form, StatusCode::OK);
    }
    let case = match case_of(&form.values, env.language) {
        Ok(case) => Some(case),
        Err(problems) => {
            // The first step with a problem, among those seen so far; later steps' required
            // fields are not asked for before the family reaches them.
            match problems
                .iter()
                .map(|p| missing::step_of(&p.field))
                .filter(|&s| s <= step)
                .min()
            {
                Some(first) => {
                    form.step = first;
                    form.problems = problems
                        .into_iter()
                        .filter(|p| missing::step_of(&p.field) == first)
                        .collect();
                    form.general = Some(("error-invalid-case".to_owned(), None));
                    form.photo_lost = photo_chosen && first == missing::LAST_STEP;
                    return missing_form_page(&env, &form, StatusCode::BAD_REQUEST);
                }
                None => None,
            }
        }
    };
    let case = match case {
        Some(case) if step == missing::LAST_STEP => case,
        _ => {
            form.step = step + 1;
            return missing_form_page(&env, &form, StatusCode::OK);
        }
    };
    if let Some(refused) = &upload.refused {
        form.photo_lost = true;
        form.problems = vec![Problem::new("photo", None, refused.code().message_key())];
        return missing_form_page(&env, &form, actix_web::ResponseError::status_code(refused));
    }
    let proof = match form_proof(&challenges, upload.one("proof"), &form.challenge) {
        Ok(proof) => proof,
        Err(refused) => {
            form.proof.clear();
            let (key, seconds, status, renew) = waited_refusal(refused);
            if renew {
                form.challenge = fresh_case_form(&challenges).challenge;
            }
            form.general = Some((key.to_owned(), seconds));
            form.photo_lost = photo_chosen;
            return missing_form_page(&env, &form, status);
        }
    };
    match super::cases::store(
        case,
        upload.images,
        &proof,
        &hasher,
        &sealer,
        &committer,
        pool,
    )
    .await
    {
        Ok(created) => {
            notifier.something_new();
            let words = env.words();
            let receipt = created.receipt.to_string();
            let address = env.absolute(&paths::form(env.language, Form::FollowUp));
            form_page(
                &env,
                Form::Missing,
                (words.get("missing-sent-title"), words.get("missing-intro")),
                |w| missing::case_receipt(w, &created.case_number, &receipt, &address),
                Links::None,
                StatusCode::OK,
            )
        }
        Err(error) => {
            let status = actix_web::ResponseError::status_code(&error);
            form.photo_lost = photo_chosen;
            // Whatever went wrong, the proof may have been spent: the island solves another.
            form.proof.clear();
            match &error {
                ApiError::Image { .. } => {
                    form.problems = vec![Problem::new("photo", None, error.code().message_key())]
                }
                ApiError::ProofOfWorkInvalid | ApiError::ProofOfWorkExpired => {
                    form.challenge = fresh_case_form(&challenges).challenge;
                    form.general = Some((error.code().message_key().to_owned(), None));
                }
                _ => form.general = Some((error.code().message_key().to_owned(), None)),
            }
            missing_form_page(&env, &form, status)
        }
    }
}
