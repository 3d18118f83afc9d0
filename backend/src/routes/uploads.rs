//! Reading anonymous submissions: a JSON body, or multipart with a JSON part and pictures.
//! Limits are enforced while the body streams in, so an oversized body is refused without ever
//! being held in memory.

use actix_multipart::Multipart;
use actix_web::{http::header, web, HttpRequest};
use futures_util::StreamExt as _;
use sanad_shared::tips::{MAX_IMAGE_BYTES, MAX_UPLOAD_BYTES};
use serde::de::DeserializeOwned;

use crate::{
    attachments::{self, AttachmentError, CleanImage},
    error::ApiError,
};

/// The JSON of a tip: 10,000 characters of description written as `\u` escapes, plus every
/// optional field at its limit, fits well inside this.
pub const JSON_LIMIT: usize = 256 * 1024;

pub struct Upload {
    pub json: Vec<u8>,
    pub images: Vec<Vec<u8>>,
}

pub fn is_multipart(req: &HttpRequest) -> bool {
    content_type(req).starts_with("multipart/form-data")
}

fn content_type(req: &HttpRequest) -> String {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn declared_length(req: &HttpRequest) -> Option<u64> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

fn too_large(limit: usize) -> ApiError {
    ApiError::PayloadTooLarge { limit }
}

/// Reads the body: JSON into `json`, or the multipart `tip` part (when `with_tip`) into `json`
/// and up to `max_images` `image` parts.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    with_tip: bool,
    max_images: usize,
) -> Result<Upload, ApiError> {
    read_parts(
        req,
        payload,
        if with_tip { "tip" } else { "" },
        "image",
        max_images,
    )
    .await
}

/// As [`read`], with the names of the JSON part (empty: none expected) and the picture parts.
pub async fn read_parts(
    req: &HttpRequest,
    mut payload: web::Payload,
    json_part: &str,
    image_part: &str,
    max_images: usize,
) -> Result<Upload, ApiError> {
    let with_tip = !json_part.is_empty();
    let content_type = content_type(req);
    let limit = if is_multipart(req) {
        MAX_UPLOAD_BYTES
    } else {
        JSON_LIMIT
    };
    // Refused before reading a byte when the client says how much it will send.
    if declared_length(req).is_some_and(|length| length > limit as u64) {
        return Err(too_large(limit));
    }
    if content_type.starts_with("application/json") {
        let mut json = Vec::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
            if json.len() + chunk.len() > JSON_LIMIT {
                return Err(too_large(JSON_LIMIT));
            }
            json.extend_from_slice(&chunk);
        }
        return Ok(Upload {
            json,
            images: Vec::new(),
        });
    }
    if !is_multipart(req) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let mut multipart = Multipart::new(req.headers(), payload);
    let mut upload = Upload {
        json: Vec::new(),
        images: Vec::new(),
    };
    let mut total = 0_usize;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let (part_limit, is_image) = match name.as_str() {
            part if with_tip && part == json_part => (JSON_LIMIT, false),
            part if part == image_part => {
                if upload.images.len() >= max_images {
                    return Err(ApiError::TooManyImages { max: max_images });
                }
                (MAX_IMAGE_BYTES, true)
            }
            other => {
                return Err(ApiError::InvalidRequest(format!(
                    "unexpected part {other:?}: send {}`{image_part}` parts",
                    if with_tip {
                        format!("a `{json_part}` part and ")
                    } else {
                        String::new()
                    }
                )))
            }
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
            total += chunk.len();
            if total > MAX_UPLOAD_BYTES {
                return Err(too_large(MAX_UPLOAD_BYTES));
            }
            if bytes.len() + chunk.len() > part_limit {
                return Err(if is_image {
                    ApiError::Image {
                        index: upload.images.len(),
                        problem: AttachmentError::TooLarge,
                    }
                } else {
                    too_large(JSON_LIMIT)
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_image {
            upload.images.push(bytes);
        } else {
            upload.json = bytes;
        }
    }
    Ok(upload)
}

/// A form posted by a page without a script: its text fields in order (a name may repeat, as
/// the rows of a list do) and its pictures.
#[derive(Debug, Default)]
pub struct FormUpload {
    pub fields: Vec<(String, String)>,
    pub images: Vec<Vec<u8>>,
    /// A picture left out (too large, one too many), with why: the rest of the form is read
    /// whole, so what was typed can be shown again.
    pub refused: Option<ApiError>,
}

impl FormUpload {
    /// The first value of `name`, trimmed; none when absent or blank.
    pub fn one(&self, name: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// Every value of `name`, as typed (blank rows included, so positions match the form's).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Reads a `multipart/form-data` form with text fields and up to `max_images` pictures in parts
/// named `image_part`. A file input left empty sends an empty part; it is skipped. Text fields
/// together are held to [`JSON_LIMIT`], the whole body to the upload limit.
pub async fn read_form(
    req: &HttpRequest,
    payload: web::Payload,
    image_part: &str,
    max_images: usize,
) -> Result<FormUpload, ApiError> {
    if declared_length(req).is_some_and(|length| length > MAX_UPLOAD_BYTES as u64) {
        return Err(too_large(MAX_UPLOAD_BYTES));
    }
    if !is_multipart(req) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let mut multipart = Multipart::new(req.headers(), payload);
    let mut form = FormUpload::default();
    let (mut total, mut text) = (0_usize, 0_usize);
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let is_image = name == image_part;
        let mut bytes = Vec::new();
        let mut oversized = false;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
            total += chunk.len();
            if total > MAX_UPLOAD_BYTES {
                return Err(too_large(MAX_UPLOAD_BYTES));
            }
            if is_image {
                // Read to its end and dropped, so the fields after it still arrive.
                if oversized || bytes.len() + chunk.len() > MAX_IMAGE_BYTES {
                    oversized = true;
                    bytes = Vec::new();
                    continue;
                }
            } else {
                text += chunk.len();
                if text > JSON_LIMIT {
                    return Err(too_large(JSON_LIMIT));
                }
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_image {
            if oversized {
                form.refused.get_or_insert(ApiError::Image {
                    index: form.images.len(),
                    problem: AttachmentError::TooLarge,
                });
                continue;
            }
            if bytes.is_empty() {
                continue;
            }
            if form.images.len() >= max_images {
                form.refused
                    .get_or_insert(ApiError::TooManyImages { max: max_images });
                continue;
            }
            form.images.push(bytes);
        } else {
            let value = String::from_utf8(bytes)
                .map_err(|_| ApiError::InvalidRequest(format!("{name:?} is not UTF-8 text")))?;
            form.fields.push((name, value));
        }
    }
    Ok(form)
}

/// Parses a JSON part the way the JSON extractor does, with the same error codes.
pub fn parse_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, ApiError> {
    if json.is_empty() {
        return Err(ApiError::InvalidRequest("the `tip` part is missing".into()));
    }
    serde_json::from_slice(json).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ApiError::MalformedJson(e.to_string())
        } else {
            ApiError::InvalidRequest(e.to_string())
        }
    })
}

/// Decoding a 40-megapixel picture to check it takes up to 240 MB and half a second of a core;
/// two at a time keeps a burst of uploads within memory and leaves the other work a core.
static DECODE_PERMITS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// Checks and strips every picture on the blocking pool; the first refusal names its index.
pub async fn sanitize(images: Vec<Vec<u8>>) -> Result<Vec<CleanImage>, ApiError> {
    if images.is_empty() {
        return Ok(Vec::new());
    }
    let _permit = DECODE_PERMITS
        .acquire()
        .await
        .map_err(|_| ApiError::Internal(anyhow::anyhow!("decode permits closed")))?;
    web::block(move || {
        images
            .iter()
            .enumerate()
            .map(|(index, bytes)| {
                attachments::sanitize(bytes).map_err(|problem| ApiError::Image { index, problem })
            })
            .collect()
    })
    .await?
}
