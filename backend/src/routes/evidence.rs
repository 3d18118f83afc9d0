//! Evidence packages for prosecutors (one tip for moderators, one case for caseworkers) and the
//! public key that checks them. The package is written while it is sent: the chain hashes of a
//! long audit trail would otherwise sit in memory.

use std::io::Write;

use actix_web::{http::header, web, FromRequest, HttpRequest, HttpResponse};
use sanad_shared::{api::ApiError as ApiErrorBody, triage::ItemKind, Language};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::{
    audit,
    auth::{Caseworker, Moderator, StaffAuth},
    config::Site,
    crypto::Sealer,
    db::{self, with_db},
    error::ApiError,
    evidence::{self, EvidenceKey},
    locales::Locales,
};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct EvidenceQuery {
    /// The language of the print view (`report.html`); Arabic when absent.
    #[param(value_type = Option<sanad_shared::Language>)]
    pub lang: Option<Language>,
}

/// `GET /api/v1/evidence-key`
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EvidenceKeyAnswer {
    /// Always `ed25519`.
    pub algorithm: &'static str,
    /// The public key in hexadecimal, as manifests name it.
    pub public_key: String,
}

#[utoipa::path(get, path = "/api/v1/evidence-key", tag = "evidence",
    responses((status = 200, description = "The public key that evidence packages are signed with", body = EvidenceKeyAnswer)))]
pub async fn key(key: web::Data<EvidenceKey>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .json(EvidenceKeyAnswer {
            algorithm: "ed25519",
            public_key: key.public_hex(),
        })
}

/// Sends what the package writer writes, in pieces, to the response; a receiver gone (the
/// download was cancelled) stops the writer.
struct ChannelWriter {
    sender: tokio::sync::mpsc::Sender<Result<web::Bytes, std::io::Error>>,
    buffer: Vec<u8>,
}

const PIECE: usize = 64 * 1024;

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= PIECE {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let piece = web::Bytes::from(std::mem::take(&mut self.buffer));
        self.sender
            .blocking_send(Ok(piece))
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }
}

/// What a package is made with, taken from the application's data.
pub struct Shared {
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<audit::Seal>,
    locales: web::Data<Locales>,
    key: web::Data<EvidenceKey>,
    site: web::Data<Site>,
}

fn data<T: 'static>(req: &HttpRequest) -> Result<web::Data<T>, ApiError> {
    req.app_data::<web::Data<T>>()
        .cloned()
        .ok_or_else(|| ApiError::internal("application data missing"))
}

impl FromRequest for Shared {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Shared, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready((|| {
            Ok(Shared {
                sealer: data(req)?,
                pool: data(req)?,
                seal: data(req)?,
                locales: data(req)?,
                key: data(req)?,
                site: data(req)?,
            })
        })())
    }
}

async fn package(
    auth: StaffAuth,
    kind: ItemKind,
    id: i64,
    language: Language,
    shared: Shared,
) -> Result<HttpResponse, ApiError> {
    let sealer = shared.sealer.clone();
    let seal = shared.seal.clone();
    let made_by = audit::Actor::Staff(auth.staff_id.clone()).as_string();
    let gathered = with_db(&shared.pool, move |conn| {
        audit::audited(conn, |conn| {
            let gathered = evidence::gather(conn, &sealer, kind, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "evidence_package_made",
                    gathered.item.audit_object(),
                    json!({
                        "audit_head": gathered.head.seq,
                        "attachments": gathered.attachments.len(),
                        "entries": gathered.entries.len(),
                    }),
                ),
            )?;
            Ok(gathered)
        })
    })
    .await?;
    let file = format!(
        "sanad-evidence-{}-{}.zip",
        gathered.item.reference.replace(' ', "-"),
        time::OffsetDateTime::now_utc().date()
    );
    let (sender, mut receiver) = tokio::sync::mpsc::channel(4);
    let Shared {
        pool,
        locales,
        key,
        site,
        ..
    } = shared;
    actix_web::rt::task::spawn_blocking(move || {
        let failed = sender.clone();
        let written = (|| -> anyhow::Result<()> {
            let mut conn = pool.get()?;
            let request = evidence::Request {
                made_by,
                instance: site.public_url.clone(),
                language,
                locales: &locales,
                key: &key,
            };
            let mut out = ChannelWriter {
                sender,
                buffer: Vec::new(),
            };
            evidence::write(&mut out, &request, &gathered, |after, up_to| {
                Ok(evidence::chain_batch(&mut conn, after, up_to)?)
            })?;
            out.flush()?;
            Ok(())
        })();
        if let Err(e) = written {
            // The answer has begun: breaking it off is the only way left to say it failed,
            // and a cut package never verifies.
            tracing::error!("an evidence package could not be written: {e:#}");
            let _ = failed.blocking_send(Err(std::io::Error::other("evidence package failed")));
        }
    });
    let body = futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx));
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(body))
}

#[utoipa::path(get, path = "/api/v1/tips/{id}/evidence", tag = "evidence", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The tip's id"), EvidenceQuery),
    responses(
        (status = 200, description = "The tip's evidence package: a ZIP signed with the instance's key (the making is audited)", content_type = "application/zip"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
    ))]
pub async fn tip(
    auth: Moderator,
    path: web::Path<i64>,
    query: crate::query_params::Query<EvidenceQuery>,
    shared: Shared,
) -> Result<HttpResponse, ApiError> {
    let language = query.lang.unwrap_or(Language::Ar);
    package(auth.0, ItemKind::Tip, path.into_inner(), language, shared).await
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/evidence", tag = "evidence", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id"), EvidenceQuery),
    responses(
        (status = 200, description = "The case's evidence package: a ZIP signed with the instance's key (the making is audited)", content_type = "application/zip"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn case(
    auth: Caseworker,
    path: web::Path<i64>,
    query: crate::query_params::Query<EvidenceQuery>,
    shared: Shared,
) -> Result<HttpResponse, ApiError> {
    let language = query.lang.unwrap_or(Language::Ar);
    package(auth.0, ItemKind::Case, path.into_inner(), language, shared).await
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/evidence-key").route(web::get().to(key)))
        .service(secured!("/tips/{id}/evidence").route(web::get().to(tip)))
        .service(secured!("/cases/{id}/evidence").route(web::get().to(case)));
}
