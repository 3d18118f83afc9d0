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
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
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
