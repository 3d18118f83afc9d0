//! Serves the built web app: files under `frontend/dist`, compiled into release binaries (so a
//! deployment is one file) and read from disk in debug builds or from `SANAD_FRONTEND_DIR`.
//! Under `/staff`, paths without a file extension get `staff.html`, so the staff app's router can
//! show them; other public paths without a language go to the reader's (`routes/site.rs`).

use std::{borrow::Cow, path::PathBuf};

use actix_web::{
    http::{header, Method},
    web, HttpRequest, HttpResponse,
};
use sha2::{Digest, Sha256};

use crate::error::ApiError;

#[derive(rust_embed::Embed)]
#[folder = "../frontend/dist/"]
#[allow_missing = true]
struct Dist;

/// Where the web app's files come from.
#[derive(Clone, Debug)]
pub enum Frontend {
    Embedded,
    Directory(PathBuf),
}

struct Asset {
    bytes: Cow<'static, [u8]>,
    etag: String,
}

impl Frontend {
    fn get(&self, path: &str) -> Option<Asset> {
        if path
            .split('/')
            .any(|segment| segment.is_empty() || segment.starts_with('.'))
        {
            return None;
        }
        match self {
            Frontend::Embedded => Dist::get(path).map(|file| Asset {
                etag: format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..16])),
                bytes: file.data,
            }),
            Frontend::Directory(root) => {
                let bytes = std::fs::read(root.join(path)).ok()?;
                Some(Asset {
                    etag: etag_of(&bytes),
                    bytes: Cow::Owned(bytes),
                })
            }
        }
    }
}

impl Frontend {
    /// The scripts that hydrate the public site's islands, as the build listed them in
    /// `bundles.json`; none before the web app is built (the pages then work as without a
    /// script).
    pub fn island_scripts(&self) -> Option<sanad_site::IslandScripts> {
        #[derive(serde::Deserialize)]
        struct Listed {
            glue: String,
            wasm: String,
            boot: String,
        }
        let listing = self.get("bundles.json")?;
        let mut bundles: std::collections::HashMap<String, Listed> =
            serde_json::from_slice(&listing.bytes).ok()?;
        let listed = bundles.remove("islands")?;
        Some(sanad_site::IslandScripts {
            glue: listed.glue,
            wasm: listed.wasm,
            boot: listed.boot,
        })
    }
}

/// A strong ETag from the content, so a phone on a slow network revalidates with a 304.
pub fn etag_of(bytes: &[u8]) -> String {
    format!("\"{}\"", hex::encode(&Sha256::digest(bytes)[..16]))
}

pub fn not_modified(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|candidate| {
            let candidate = candidate.trim();
            candidate == "*" || candidate.trim_start_matches("W/") == etag
        })
}

fn accepts_brotli(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name.eq_ignore_ascii_case("br") && !refused
        })
}

/// The fallback service: a file of the web app, the staff app's page for an address under
/// `/staff`, or, for any other public address without a language, the same address in the
/// reader's language (the server-rendered site answers there).
pub async fn serve(
    req: HttpRequest,
    frontend: web::Data<Frontend>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path().trim_start_matches('/');
    if path == "api" || path.starts_with("api/") {
        return Err(ApiError::NotFound);
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::NotFound);
    }
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    match frontend.get(path) {
        Some(asset) if !path.is_empty() => Ok(send(&req, &frontend, path, asset)),
        _ if last_segment.contains('.') => Err(ApiError::NotFound),
        _ if path == "staff" || path.starts_with("staff/") => {
            serve_page(&req, &frontend, "staff.html")
        }
        _ => Ok(HttpResponse::Found()
            .insert_header((
                header::LOCATION,
                format!("/{}/{path}", reader_language(&req).code()),
            ))
            .insert_header((header::VARY, "Accept-Language"))
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .finish()),
    }
}

fn reader_language(req: &HttpRequest) -> sanad_shared::Language {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(sanad_shared::Language::negotiate)
        .unwrap_or(sanad_shared::Language::DEFAULT)
}

/// One of the web app's pages (`staff.html`, `report.html`, …).
pub fn serve_page(
    req: &HttpRequest,
    frontend: &Frontend,
    page: &str,
) -> Result<HttpResponse, ApiError> {
    match frontend.get(page) {
        Some(asset) => Ok(send(req, frontend, page, asset)),
        None => Err(ApiError::FrontendNotBuilt),
    }
}

fn send(req: &HttpRequest, frontend: &Frontend, name: &str, asset: Asset) -> HttpResponse {
    // Files under assets/ carry a content hash in their name, so they never change.
    let cache = if name.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ETAG, asset.etag.clone()))
        .insert_header((header::VARY, "Accept-Encoding"));
    if not_modified(req, &asset.etag) {
        return HttpResponse::NotModified()
            .insert_header((header::CACHE_CONTROL, cache))
            .insert_header((header::ETAG, asset.etag))
            .finish();
    }
    response.insert_header((header::CONTENT_TYPE, mime_type(name)));
    // The build stores a maximum-quality brotli copy beside large files; sending it saves the
    // server from compressing on every request and phones from a bigger download.
    if accepts_brotli(req) {
        if let Some(compressed) = frontend.get(&format!("{name}.br")) {
            response.insert_header((header::CONTENT_ENCODING, "br"));
            return response.body(compressed.bytes.into_owned());
        }
    }
    response.body(asset.bytes.into_owned())
}

/// A file compiled into the binary (the public pages' style, icon and scripts), with its
/// brotli copy when the reader takes brotli.
pub fn send_file(
    req: &HttpRequest,
    file: &crate::public_pages::StaticFile,
    cache: &'static str,
) -> HttpResponse {
    if not_modified(req, &file.etag) {
        return HttpResponse::NotModified()
            .insert_header((header::CACHE_CONTROL, cache))
            .insert_header((header::ETAG, file.etag.clone()))
            .finish();
    }
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ETAG, file.etag.clone()))
        .insert_header((header::VARY, "Accept-Encoding"))
        .insert_header((header::CONTENT_TYPE, file.mime));
    match &file.brotli {
        Some(compressed) if accepts_brotli(req) => {
            response.insert_header((header::CONTENT_ENCODING, "br"));
            response.body(compressed.clone())
        }
        _ => response.body(file.bytes.clone()),
    }
}

fn mime_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" | "ftl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let etag = "\"abc\"";
        for header_value in ["\"abc\"", "W/\"abc\"", "\"x\", \"abc\"", "*"] {
            let req = TestRequest::default()
                .insert_header((header::IF_NONE_MATCH, header_value))
                .to_http_request();
            assert!(not_modified(&req, etag), "{header_value}");
        }
        let req = TestRequest::default()
            .insert_header((header::IF_NONE_MATCH, "\"abd\""))
            .to_http_request();
        assert!(!not_modified(&req, etag));
    }

    #[test]
    fn brotli_is_sent_only_when_accepted() {
        let with = |v: &str| {
            TestRequest::default()
                .insert_header((header::ACCEPT_ENCODING, v))
                .to_http_request()
        };
        assert!(accepts_brotli(&with("gzip, deflate, br")));
        assert!(accepts_brotli(&with("BR;q=0.5")));
        assert!(!accepts_brotli(&with("gzip")));
        assert!(!accepts_brotli(&with("br;q=0")));
    }

    #[test]
    fn paths_that_climb_or_hide_are_never_read() {
        let frontend = Frontend::Directory(PathBuf::from("/"));
        assert!(frontend.get("../etc/passwd").is_none());
        assert!(frontend.get("etc//passwd").is_none());
        assert!(frontend.get(".git/config").is_none());
    }
}
