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

/// Pixels being decoded at once, in megapixels, across every request: one picture at the
/// 40-megapixel limit, or several smaller ones. Decoding takes 3 to 6 bytes a pixel, so this
/// holds the checks to about 240 MB however many uploads arrive together (six 40 MP pictures
/// sent at once took the server from 220 MB to 530 MB when any two pictures could be decoded at
/// a time, whatever their size).
static DECODE_BUDGET: PixelBudget = PixelBudget::new(
    (attachments::MAX_PIXELS / 1_000_000) as u32,
    // Long enough for a few large pictures ahead (0.15 to 0.6 s each), short of a client's
    // timeout.
    std::time::Duration::from_secs(15),
);
const BUSY_RETRY_AFTER_SECS: u64 = 10;

/// Megapixels that may be decoded at once; a picture waits for its share or is refused.
struct PixelBudget {
    megapixels: u32,
    permits: tokio::sync::Semaphore,
    wait: std::time::Duration,
}

impl PixelBudget {
    const fn new(megapixels: u32, wait: std::time::Duration) -> PixelBudget {
        PixelBudget {
            megapixels,
            permits: tokio::sync::Semaphore::const_new(megapixels as usize),
            wait,
        }
    }

    /// A share for a picture of `pixels`, rounded up to whole megapixels; a picture larger than
    /// the whole budget (which the pixel limit prevents) would take all of it.
    async fn admit(&self, pixels: u64) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
        let megapixels = u32::try_from(pixels.div_ceil(1_000_000))
            .unwrap_or(u32::MAX)
            .clamp(1, self.megapixels);
        tokio::time::timeout(self.wait, self.permits.acquire_many(megapixels))
            .await
            .map_err(|_| ApiError::PicturesBusy {
                retry_after_secs: BUSY_RETRY_AFTER_SECS,
            })?
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("decode budget closed")))
    }
}

/// Checks and strips every picture on the blocking pool, decoding within [`DECODE_BUDGET`];
/// the first refusal names its index.
pub async fn sanitize(images: Vec<Vec<u8>>) -> Result<Vec<CleanImage>, ApiError> {
    let mut clean = Vec::with_capacity(images.len());
    for (index, bytes) in images.into_iter().enumerate() {
        let refused = move |problem| ApiError::Image { index, problem };
        let stripped = web::block(move || attachments::strip(&bytes))
            .await?
            .map_err(refused)?;
        let permit = DECODE_BUDGET.admit(stripped.pixels()).await?;
        let image = web::block(move || stripped.verify()).await?;
        drop(permit);
        clean.push(image.map_err(refused)?);
    }
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[actix_web::test]
    async fn pictures_share_the_decode_budget_by_their_pixels() {
        let budget = PixelBudget::new(40, Duration::from_millis(50));
        let twelve_megapixels = budget.admit(12_000_000).await.unwrap();
        let large = budget.admit(25_500_001).await.unwrap();
        assert_eq!(budget.permits.available_permits(), 2);
        let small = budget.admit(1_500_000).await.unwrap();
        assert!(matches!(
            budget.admit(1).await,
            Err(ApiError::PicturesBusy {
                retry_after_secs: 10
            })
        ));
        drop((small, large));
        // Larger than the whole budget: it takes all of it, so waits for everyone else.
        assert!(budget.admit(90_000_000).await.is_err());
        drop(twelve_megapixels);
        let all = budget.admit(90_000_000).await.unwrap();
        assert_eq!(budget.permits.available_permits(), 0);
        drop(all);
        assert_eq!(budget.permits.available_permits(), 40);
    }
}
