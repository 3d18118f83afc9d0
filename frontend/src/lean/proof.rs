//! The proof of work an anonymous submission carries instead of a CAPTCHA: fetch a challenge,
//! find the nonce in slices between frames so the page stays responsive, build the
//! `Proof-Of-Work` header, send the submission with it ([`submit`]) and show the progress
//! ([`send_row`]).

use super::{
    dom::{el, El},
    forms::notice_text,
    i18n::use_i18n,
    reactive::Var,
};
use crate::api::{self, ApiFailure, Body, Refusal};
use sanad_shared::{
    i18n::Args,
    pow::{self, Estimate},
    ErrorCode,
};
use serde::Deserialize;
use wasm_bindgen_futures::JsFuture;

/// `POST /api/v1/challenges` (its `expires_at` is the server's business: an expired proof is
/// refused and the page asks for a new challenge).
#[derive(Deserialize)]
struct Challenge {
    token: String,
    bits: u8,
}

/// How long one slice of hashing should take, in milliseconds: long enough that the pause between
/// slices (a timer, clamped to 4 ms by browsers) costs little, short enough that typing and
/// scrolling never stall.
const SLICE_MS: f64 = 40.0;

/// Fetches a challenge and solves it. `on_progress` gets, after each slice, the time the search
/// is expected to take in all on this device, from the hash rate measured so far, and the time
/// it has taken; it returns `false` when the page that asked has gone, which stops the work.
pub async fn prove(on_progress: impl Fn(Estimate) -> bool) -> Result<String, Refusal> {
    let text = api::request("POST", "/api/v1/challenges", Body::Empty, &[]).await?;
    let challenge: Challenge =
        serde_json::from_str(&text).map_err(|_| ApiFailure::Server(ErrorCode::Unknown))?;
    let began = js_sys::Date::now();
    let mut start = 0_u64;
    let mut slice = 2_000_u64;
    loop {
        let slice_began = js_sys::Date::now();
        if let Some(nonce) = pow::search(&challenge.token, challenge.bits, start, slice) {
            return Ok(format!("{}:{nonce}", challenge.token));
        }
        start = start.saturating_add(slice);
        let took = (js_sys::Date::now() - slice_began).max(1.0);
        // Phones differ tenfold in speed: size the next slice from the last one's time.
        slice = ((slice as f64 * SLICE_MS / took) as u64).clamp(1_000, slice.saturating_mul(2));
        let elapsed_ms = js_sys::Date::now() - began;
        if !on_progress(Estimate::measure(challenge.bits, start, elapsed_ms)) {
            return Err(ApiFailure::Network.into());
        }
        next_turn().await;
    }
}

/// Lets the browser paint and handle input before the next slice.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Where a submission stands while it is being sent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Work {
    /// The proof of work, with what is known of its length (nothing before the first slice).
    Solving(Option<Estimate>),
    Sending,
}

/// Solves a challenge and POSTs `body()` to `url` with it; a refused proof (expired while the
/// person wrote, or already spent) is retried once with a new challenge. `working` follows the
/// steps. The answer's text, or the refusal.
pub async fn submit(
    url: &str,
    body: impl Fn() -> Option<Body>,
    working: Var<Option<Work>>,
) -> Result<String, Refusal> {
    let mut retried = false;
    loop {
        let header = prove(|estimate| {
            working
                .try_set(Some(Work::Solving(Some(estimate))))
                .is_none()
        })
        .await?;
        let _ = working.try_set(Some(Work::Sending));
        let body = body().ok_or_else(|| Refusal::from(ApiFailure::Server(ErrorCode::Unknown)))?;
        match api::request("POST", url, body, &[("Proof-Of-Work", &header)]).await {
            Err(refusal)
                if !retried
                    && matches!(
                        refusal.failure,
                        ApiFailure::Server(
                            ErrorCode::ProofOfWorkInvalid | ErrorCode::ProofOfWorkExpired
                        )
                    ) =>
            {
                retried = true;
            }
            answer => return answer,
        }
    }
}

/// The end of a form sent with a proof of work: its progress, the failure that stopped it (a
/// Fluent key), and the submit button, disabled while it works.
pub fn send_row(
    working: Var<Option<Work>>,
    failure: Var<Option<&'static str>>,
    submit_label: &'static str,
) -> Vec<El> {
    vec![
        progress(working),
        el("p")
            .class("notice notice-error")
            .attr("role", "alert")
            .flag_with("hidden", Box::new(move || failure.with(Option::is_none)))
            .show(notice_text(failure)),
        el("button")
            .attr("type", "submit")
            .class("button")
            .flag_with("disabled", Box::new(move || working.with(Option::is_some)))
            .tr(submit_label),
    ]
}

/// The progress of a submission: what is happening, a bar that only says work is going on,
/// how long it usually takes on this device, and why it takes a moment.
fn progress(working: Var<Option<Work>>) -> El {
    let i18n = use_i18n();
    el("div")
        .class("working")
        .flag_with("hidden", Box::new(move || working.with(Option::is_none)))
        .child(
            el("p")
                .id("working-status")
                .attr("role", "status")
                .show(Box::new(move || match working.get() {
                    Some(Work::Sending) => i18n.message("report-sending", None),
                    Some(Work::Solving(_)) => i18n.message("report-working", None),
                    None => String::new(),
                })),
        )
        // No value: an indeterminate bar, which never claims an end the work has not reached.
        .child(el("progress").attr("aria-labelledby", "working-status"))
        .child(
            el("p")
                .class("hint")
                .id("working-estimate")
                .show(Box::new(move || match working.get() {
                    Some(Work::Solving(Some(estimate))) => {
                        let mut args = Args::new();
                        args.set("seconds", estimate.usual_seconds);
                        args.set("elapsed", estimate.elapsed_seconds);
                        i18n.message("report-working-estimate", Some(&args))
                    }
                    _ => String::new(),
                })),
        )
        .child(el("p").class("hint").tr("report-working-why"))
}
