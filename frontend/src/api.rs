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
    let response = answer(JsFuture::from(window.fetch_with_str(url)).await)?;
    finish(response).await.map_err(|refusal| refusal.failure)
}

/// What a request carries.
pub enum Body {
    Empty,
    Json(String),
    /// `multipart/form-data`; the browser writes the boundary into the Content-Type.
    Form(web_sys::FormData),
    /// Text of a given Content-Type (a PFIF document is `application/xml`).
    Text {
        text: String,
        content_type: &'static str,
    },
}

/// A failed call, with the error body as text for the pages that read its `details` (which
/// field of a tip, which picture).
#[derive(Clone, Debug)]
pub struct Refusal {
    pub failure: ApiFailure,
    pub body: String,
}

impl From<ApiFailure> for Refusal {
    fn from(failure: ApiFailure) -> Refusal {
        Refusal {
            failure,
            body: String::new(),
        }
    }
}

/// Sends a request with any body and extra headers (`Authorization`, `Proof-Of-Work`); the
/// body text of a successful answer, or the refusal.
pub async fn request(
    method: &str,
    url: &str,
    body: Body,
    headers: &[(&str, &str)],
) -> Result<String, Refusal> {
    let response = fetch(method, url, body, headers).await?;
    finish(response).await
}

async fn fetch(
    method: &str,
    url: &str,
    body: Body,
    headers: &[(&str, &str)],
) -> Result<web_sys::Response, ApiFailure> {
    let window = web_sys::window().ok_or(ApiFailure::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let set = web_sys::Headers::new().map_err(|_| ApiFailure::Network)?;
    match body {
        Body::Empty => {}
        Body::Json(text) => {
            set.set("Content-Type", "application/json")
                .map_err(|_| ApiFailure::Network)?;
            init.set_body(&wasm_bindgen::JsValue::from_str(&text));
        }
        Body::Form(form) => init.set_body(&form),
        Body::Text { text, content_type } => {
            set.set("Content-Type", content_type)
                .map_err(|_| ApiFailure::Network)?;
            init.set_body(&wasm_bindgen::JsValue::from_str(&text));
        }
    }
    for (name, value) in headers {
        set.set(name, value).map_err(|_| ApiFailure::Network)?;
    }
    init.set_headers(&set);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| ApiFailure::Network)?;
    answer(JsFuture::from(window.fetch_with_request(&request)).await)
}

/// Sends a request with an optional JSON body and bearer token; the body text of a successful
/// answer, or the error code of a failed one.
pub async fn send(
    method: &str,
    url: &str,
    body: Option<String>,
    token: Option<&str>,
) -> Result<String, ApiFailure> {
    let bearer = token.map(|token| format!("Bearer {token}"));
    let headers: Vec<(&str, &str)> = bearer
        .iter()
        .map(|value| ("Authorization", value.as_str()))
        .collect();
    let body = body.map_or(Body::Empty, Body::Json);
    request(method, url, body, &headers)
        .await
        .map_err(|refusal| refusal.failure)
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

/// GETs a file that needs the bearer token (a tip's picture), as a Blob the page shows through
/// an object URL.
pub async fn blob(url: &str, token: Option<&str>) -> Result<web_sys::Blob, ApiFailure> {
    let bearer = token.map(|token| format!("Bearer {token}"));
    let headers: Vec<(&str, &str)> = bearer
        .iter()
        .map(|value| ("Authorization", value.as_str()))
        .collect();
    let response = fetch("GET", url, Body::Empty, &headers).await?;
    if !response.ok() {
        return Err(finish(response)
            .await
            .err()
            .map_or(ApiFailure::Network, |refusal| refusal.failure));
    }
    JsFuture::from(response.blob().map_err(|_| ApiFailure::Network)?)
        .await
        .map_err(|_| ApiFailure::Network)?
        .dyn_into()
        .map_err(|_| ApiFailure::Network)
}

fn answer(
    fetched: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>,
) -> Result<web_sys::Response, ApiFailure> {
    fetched
        .map_err(|_| ApiFailure::Network)?
        .dyn_into()
        .map_err(|_| ApiFailure::Network)
}

async fn finish(response: web_sys::Response) -> Result<String, Refusal> {
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
        Err(Refusal {
            failure: ApiFailure::Server(code),
            body: text,
        })
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

/// A page of published articles in `language` (Arabic where one lacks it), optionally of one
/// category.
pub async fn articles(
    language: Language,
    category: Option<sanad_shared::articles::Category>,
    page: u32,
) -> Result<sanad_shared::articles::ArticlePage, ApiFailure> {
    let mut url = format!("/api/v1/articles?lang={}&page={page}", language.code());
    if let Some(category) = category {
        url.push_str("&category=");
        url.push_str(category.as_str());
    }
    get_json(&url).await
}

/// One published article, its body already rendered to sanitised HTML by the server.
pub async fn article(
    slug: &str,
    language: Language,
) -> Result<sanad_shared::articles::Article, ApiFailure> {
    let slug = String::from(js_sys::encode_uri_component(slug));
    get_json(&format!("/api/v1/articles/{slug}?lang={}", language.code())).await
}
