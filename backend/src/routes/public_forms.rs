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
use sanad_shared::tips::{
    problem_message_key, Governorate, MessageAuthor, NewMessage, NewTip, OnlineAccount, Platform,
    TipSubject, YearMonth, MAX_IMAGES_PER_UPLOAD,
};
use sanad_site::{
    pages::{
        self, follow_up,
        report::{Problem, TipForm, TipValues, ACCOUNT_ROWS, NAME_ROWS, PHONE_ROWS},
    },
    paths::{self, Form},
    Messages as _,
};

use crate::{
    anonymous::{self, Thread},
    audit::now_ms,
    auth::password::PasswordHasher,
    config::Site,
    crypto::Sealer,
    db::{self, with_db},
    error::ApiError,
    frontend::Frontend,
    group_commit::GroupCommitter,
    locales::Locales,
    notify::ModeratorNotifier,
    pow::{Challenges, PowError},
    public_pages::SiteFiles,
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

fn report_form_page(
    env: &Env<'_>,
    form: &TipForm,
    app: Option<sanad_site::AppScripts>,
    status: StatusCode,
) -> HttpResponse {
    let words = env.words();
    let mut head = env.head(
        Some(words.get("nav-report")),
        words.get("report-intro"),
        &paths::form(env.language, Form::Report),
    );
    head.no_index = true;
    let body = env.render_with_app(
        head,
        |l| paths::form(l, Form::Report),
        |w| pages::report(w, form),
        app,
    );
    private(env, body, status)
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
    frontend: web::Data<Frontend>,
    challenges: web::Data<Challenges>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    report_form_page(
        &env,
        &fresh_form(&challenges),
        frontend.app_scripts("report"),
        StatusCode::OK,
    )
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
    let again = |form: TipForm, status: StatusCode| report_form_page(&env, &form, None, status);
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
        pictures_lost: !upload.images.is_empty(),
        ..fresh_form(&challenges)
    };
    let tip = match tip_of(&form.values, env.language) {
        Ok(tip) => tip,
        Err(problems) => {
            form.problems = problems;
            return again(form, StatusCode::BAD_REQUEST);
        }
    };
    let proof = match challenges.verify_waited(&form.challenge, now_ms()) {
        Ok(proof) => proof,
        Err(refused) => {
            let (key, seconds, status) = match refused {
                // The same challenge becomes good once the wait is over.
                PowError::TooSoon { seconds_left } => (
                    "error-submission-too-soon",
                    Some(seconds_left),
                    StatusCode::BAD_REQUEST,
                ),
                PowError::Busy { .. } => (
                    "error-too-many-attempts",
                    None,
                    StatusCode::TOO_MANY_REQUESTS,
                ),
                PowError::Expired => {
                    form.challenge = fresh_form(&challenges).challenge;
                    ("error-proof-of-work-expired", None, StatusCode::BAD_REQUEST)
                }
                PowError::Invalid | PowError::Database => {
                    form.challenge = fresh_form(&challenges).challenge;
                    ("error-proof-of-work-invalid", None, StatusCode::BAD_REQUEST)
                }
            };
            form.general = Some((key.to_owned(), seconds));
            return again(form, status);
        }
    };
    match super::tips::store(tip, upload.images, &proof, &hasher, &sealer, &committer).await {
        Ok(receipt) => {
            notifier.something_new();
            let words = env.words();
            let mut head = env.head(
                Some(words.get("report-sent-title")),
                words.get("report-intro"),
                &paths::form(env.language, Form::Report),
            );
            head.no_index = true;
            let receipt = receipt.to_string();
            // No language links: following one would leave the only page with the receipt.
            let body = env.render_page(head, Vec::new(), |w| pages::receipt(w, &receipt), None);
            private(&env, body, StatusCode::OK)
        }
        Err(error) => {
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
    main: impl FnOnce(&crate::public_pages::Words<'_>) -> leptos::prelude::AnyView,
    app: Option<sanad_site::AppScripts>,
    status: StatusCode,
) -> HttpResponse {
    let words = env.words();
    let mut head = env.head(
        Some(words.get("follow-up-title")),
        words.get("follow-up-intro"),
        &paths::form(env.language, Form::FollowUp),
    );
    head.no_index = true;
    let body = env.render_with_app(head, |l| paths::form(l, Form::FollowUp), main, app);
    private(env, body, status)
}

/// `GET /{lang}/follow-up`
pub async fn follow_up_entry(
    req: HttpRequest,
    locales: web::Data<Locales>,
    files: web::Data<SiteFiles>,
    site: web::Data<Site>,
    frontend: web::Data<Frontend>,
) -> HttpResponse {
    let env = Env::new(&req, &locales, &files, &site);
    follow_up_page(
        &env,
        |w| follow_up::entry(w, &follow_up::Entry::default()),
        frontend.app_scripts("follow-up"),
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
            None,
            actix_web::ResponseError::status_code(error),
        )
    };
    let form = match uploads::read_form(&req, payload, "", 0).await {
        Ok(form) => form,
        Err(error) => return refused(String::new(), &error),
    };
    let (thread, message) = match form.one("token") {
        // Writing in an opened report: the token says which, for 20 minutes.
        Some(token) => match anonymous::open_follow_up_token(&sealer, &token) {
            Some(thread) => (thread, form.one("message").unwrap_or_default()),
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
    let mut outcome = (false, None);
    if form.one("token").is_some() {
        let body = NewMessage {
            body: message.clone(),
            version: None,
        };
        let sent = match &thread {
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
        outcome = match sent {
            Ok(_) => (true, None),
            Err(ApiError::InvalidMessage(problems)) => (
                false,
                problems
                    .first()
                    .map(|p| problem_message_key(&p.problem).to_owned()),
            ),
            Err(other) => (false, Some(other.code().message_key().to_owned())),
        };
    }
    let mut shown = match thread_of(&thread, &sealer, &pool).await {
        Ok(shown) => shown,
        Err(error) => return refused(String::new(), &error),
    };
    let (sent, problem) = outcome;
    shown.sent = sent;
    if !sent {
        shown.typed = message;
    }
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    shown.problem = problem;
    follow_up_page(&env, |w| follow_up::thread(w, &shown), None, status)
}
