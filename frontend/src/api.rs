//! Every HTTP call the app makes, typed with the shared structs; pages never build URLs.
//!
//! Calls go straight to the browser's `fetch` rather than through an HTTP client crate, which kept
//! its stream and I/O code (2 KB brotli, measured) out of a bundle with a 150 KB budget.

use sanad_shared::{
    api::{ApiError, LanguageInfo},
    ErrorCode, Language,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a call failed, in a form the page can translate.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiFailure {
    /// No answer: offline, timed out, or blocked.
    Network,
    /// The server answered with an error code.
    Server(ErrorCode),
}

impl ApiFailure {
    pub fn message_key(&self) -> &'static str {
        match self {
            ApiFailure::Network => "state-load-failed",
            ApiFailure::Server(code) => code.message_key(),
        }
    }
}

/// GETs `url` and returns the body text of a successful answer.
async fn get_text(url: &str) -> Result<String, ApiFailure> {
    let window = web_sys::window().ok_or(ApiFailure::Network)?;
    finish(JsFuture::from(window.fetch_with_str(url)).await).await
}

/// Sends a request with an optional JSON body and bearer token; the body text of a successful
/// answer, or the error code of a failed one.
pub async fn send(
    method: &str,
    url: &str,
    body: Option<String>,
    token: Option<&str>,
) -> Result<String, ApiFailure> {
    let window = web_sys::window().ok_or(ApiFailure::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(|_| ApiFailure::Network)?;
    if let Some(body) = &body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|_| ApiFailure::Network)?;
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    if let Some(token) = token {
        headers
            .set("Authorization", &format!("Bearer {token}"))
            .map_err(|_| ApiFailure::Network)?;
    }
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| ApiFailure::Network)?;
    finish(JsFuture::from(window.fetch_with_request(&request)).await).await
}

/// Sends `body` as JSON and reads a JSON answer.
pub async fn send_json<B: serde::Serialize, T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: Option<&B>,
    token: Option<&str>,
) -> Result<T, ApiFailure> {
    let body = body
        .map(serde_json::to_string)
        .transpose()
        .map_err(|_| ApiFailure::Server(ErrorCode::Unknown))?;
    let text = send(method, url, body, token).await?;
    serde_json::from_str(&text).map_err(|_| ApiFailure::Server(ErrorCode::Unknown))
}

async fn finish(
    fetched: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>,
) -> Result<String, ApiFailure> {
    let response: web_sys::Response = fetched
        .map_err(|_| ApiFailure::Network)?
        .dyn_into()
        .map_err(|_| ApiFailure::Network)?;
    let text = JsFuture::from(response.text().map_err(|_| ApiFailure::Network)?)
        .await
        .map_err(|_| ApiFailure::Network)?
        .as_string()
        .ok_or(ApiFailure::Network)?;
    if response.ok() {
        Ok(text)
    } else {
        let code = serde_json::from_str::<ApiError>(&text)
            .map(|body| body.error)
            .unwrap_or_else(|_| ErrorCode::for_status(response.status()));
        Err(ApiFailure::Server(code))
    }
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiFailure> {
    let text = get_text(url).await?;
    serde_json::from_str(&text).map_err(|_| ApiFailure::Server(ErrorCode::Unknown))
}

pub async fn languages() -> Result<Vec<LanguageInfo>, ApiFailure> {
    get_json("/api/v1/languages").await
}

/// The Fluent document with every message of `language`.
pub async fn fluent_document(language: Language) -> Result<String, ApiFailure> {
    get_text(&format!("/api/v1/locales/{}", language.code())).await
}
