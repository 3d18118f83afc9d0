//! The tipster's side: send a tip, come back with the receipt, talk with the moderators.
//! No account, no cookie, and nothing about the sender (address, agent, exact time) is kept.

use std::time::Instant;

use actix_web::{http::header, web, FromRequest, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    receipt::Receipt,
    tips::{
        AttachmentsAdded, FollowUpGrant, FollowUpKind, FollowUpRequest, NewMessage, NewTip,
        TipCreated, TipFollowUp, TipMessage, MAX_IMAGES_PER_UPLOAD,
    },
};

use crate::{
    auth::password::PasswordHasher,
    crypto::Sealer,
    db,
    error::ApiError,
    group_commit::GroupCommitter,
    notify::ModeratorNotifier,
    pow::{self, Challenges},
    routes::{uploads, with_db},
    tips::{self, CheckedTip, Thread},
};

/// Receipt guesses, counted per client in memory only (see [`crate::auth::throttle`]).
pub struct ReceiptThrottle(pub crate::auth::throttle::Throttle);

/// How a receipt is stored and looked up: Argon2id under the installation's salt, in hex, after
/// [`tips::RECEIPT_SCHEME`].
pub async fn receipt_hash(
    hasher: &PasswordHasher,
    sealer: &Sealer,
    receipt: &Receipt,
) -> Result<String, ApiError> {
    let hash = hasher
        .derive(receipt.digits().as_bytes().to_vec(), sealer.receipt_salt())
        .await?;
    Ok(format!("{}{}", tips::RECEIPT_SCHEME, hex::encode(hash)))
}

/// The tip or case a receipt opens. A receipt stored before the receipt parameters changed is
/// looked up under the old ones, only when such receipts remain, and then stored again under
/// today's, so it costs a second hash once.
async fn find_thread(
    hasher: &PasswordHasher,
    sealer: &Sealer,
    pool: &web::Data<db::Pool>,
    receipt: &Receipt,
) -> Result<Option<Thread>, ApiError> {
    let hash = receipt_hash(hasher, sealer, receipt).await?;
    let (found, legacy_remain) = with_db(pool, {
        let hash = hash.clone();
        move |conn| {
            let found = tips::find_thread_by_receipt(conn, &hash)?;
            let legacy_remain = found.is_none() && tips::legacy_receipts_remain(conn)?;
            Ok((found, legacy_remain))
        }
    })
    .await?;
    if !legacy_remain {
        return Ok(found);
    }
    let legacy = hex::encode(
        hasher
            .derive_legacy(receipt.digits().as_bytes().to_vec(), sealer.receipt_salt())
            .await?,
    );
    with_db(pool, move |conn| tips::rehash_receipt(conn, &legacy, &hash)).await
}

/// Sends a tip. JSON (`NewTip`) without pictures, or `multipart/form-data` with the `NewTip` JSON
/// in a part named `tip` and up to five pictures in parts named `image`. The answer holds the
/// receipt: shown once, never stored readable.
#[utoipa::path(post, path = "/api/v1/tips", tag = "anonymous", request_body = NewTip,
    params(("Proof-Of-Work" = String, Header, description = "`token:nonce` solving a challenge from `POST /api/v1/challenges`")),
    responses(
        (status = 201, description = "Stored durably; keep the receipt", body = TipCreated),
        (status = 400, description = "Invalid fields, phone number, picture or proof of work", body = ApiErrorBody),
        (status = 413, description = "Body or picture too large", body = ApiErrorBody),
        (status = 415, description = "Neither JSON nor multipart, or a picture that is not JPEG, PNG or WebP", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)]
pub async fn submit(
    req: HttpRequest,
    payload: web::Payload,
    challenges: web::Data<Challenges>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> Result<HttpResponse, ApiError> {
    // The cheap check first: nothing costly happens for a request without a solved challenge.
    let proof = challenges.verify(
        req.headers()
            .get("Proof-Of-Work")
            .and_then(|v| v.to_str().ok()),
    )?;
    let upload = uploads::read(&req, payload, true, MAX_IMAGES_PER_UPLOAD).await?;
    let tip: NewTip = uploads::parse_json(&upload.json)?;
    let tip = CheckedTip::check(tip)?;
    let images = uploads::sanitize(upload.images).await?;
    let sealed = web::block({
        let sealer = sealer.clone();
        move || tips::seal_tip(&sealer, &tip, images)
    })
    .await??;
    let sealed = std::sync::Arc::new(sealed);
    // A receipt equal to a stored one is astronomically unlikely; a new one is drawn if so.
    for _ in 0..3 {
        let receipt = tips::new_receipt();
        let hash = receipt_hash(&hasher, &sealer, &receipt).await?;
        let sealed = sealed.clone();
        let proof = proof.clone();
        let stored = committer
            .run(move |conn| {
                pow::spend(conn, &proof)?;
                tips::insert_tip(conn, &sealed, &hash)
            })
            .await?;
        if stored.is_some() {
            notifier.something_new();
            return Ok(HttpResponse::Created().json(TipCreated { receipt }));
        }
    }
    Err(ApiError::Internal(anyhow::anyhow!(
        "three receipts in a row were taken"
    )))
}

/// Opens a tip with its receipt, typed in any digit set with spaces or dashes. Wrong receipts
/// slow the client down, as wrong passwords do.
#[utoipa::path(post, path = "/api/v1/follow-up", tag = "anonymous", request_body = FollowUpRequest,
    responses(
        (status = 200, description = "A short-lived token for the follow-up endpoints", body = FollowUpGrant),
        (status = 400, description = "Not sixteen digits", body = ApiErrorBody),
        (status = 404, description = "No tip has this receipt", body = ApiErrorBody),
        (status = 429, description = "Too many wrong receipts; wait", body = ApiErrorBody),
    ))]
pub async fn open(
    req: HttpRequest,
    body: web::Json<FollowUpRequest>,
    throttle: web::Data<ReceiptThrottle>,
    hasher: web::Data<PasswordHasher>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let receipt = Receipt::parse(&body.receipt).map_err(|_| ApiError::ReceiptMalformed)?;
    let subjects = throttle
        .0
        .client_subjects("receipt", req.peer_addr().map(|a| a.ip()));
    if let Err(wait) = throttle.0.check(&subjects, Instant::now()) {
        return Err(ApiError::TooManyAttempts {
            retry_after_secs: wait.as_secs().max(1),
        });
    }
    let found = find_thread(&hasher, &sealer, &pool, &receipt).await?;
    let Some(thread) = found else {
        throttle.0.failed(&subjects, Instant::now());
        return Err(ApiError::ReceiptUnknown);
    };
    Ok(HttpResponse::Ok().json(FollowUpGrant {
        token: tips::follow_up_token(&sealer, &thread)?,
        expires_in: tips::FOLLOW_UP_TTL_SECS,
        kind: match thread {
            Thread::Tip(_) => FollowUpKind::Tip,
            Thread::Case(_) => FollowUpKind::Case,
        },
    }))
}

/// What a follow-up request is about, from its `Authorization: Bearer` token.
pub struct FollowUp(pub Thread);

/// A follow-up request about a tip.
pub struct FollowUpTip {
    tip_ref: String,
}

impl FromRequest for FollowUp {
    type Error = ApiError;
    type Future = std::future::Ready<Result<FollowUp, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let sealer = req.app_data::<web::Data<Sealer>>();
        std::future::ready(match (token, sealer) {
            (Some(token), Some(sealer)) => tips::open_follow_up_token(sealer, token)
                .map(FollowUp)
                .ok_or(ApiError::FollowUpExpired),
            _ => Err(ApiError::FollowUpExpired),
        })
    }
}

impl FromRequest for FollowUpTip {
    type Error = ApiError;
    type Future = std::future::Ready<Result<FollowUpTip, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let thread = FollowUp::from_request(req, payload).into_inner();
        std::future::ready(match thread {
            Ok(FollowUp(Thread::Tip(tip_ref))) => Ok(FollowUpTip { tip_ref }),
            // A case's token opens the case endpoints only.
            Ok(FollowUp(Thread::Case(_))) | Err(_) => Err(ApiError::FollowUpExpired),
        })
    }
}

#[utoipa::path(get, path = "/api/v1/follow-up/tip", tag = "anonymous", security(("follow_up" = [])),
    responses(
        (status = 200, description = "Status, moderators' note and the conversation", body = TipFollowUp),
        (status = 401, description = "Token missing or expired: enter the receipt again", body = ApiErrorBody),
    ))]
pub async fn view(
    tip: FollowUpTip,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let view = with_db(&pool, move |conn| {
        tips::follow_up_view(conn, &sealer, &tip.tip_ref)
    })
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[utoipa::path(post, path = "/api/v1/follow-up/messages", tag = "anonymous", security(("follow_up" = [])), request_body = NewMessage,
    responses(
        (status = 201, description = "Stored durably", body = TipMessage),
        (status = 400, description = "Empty or longer than 5,000 characters", body = ApiErrorBody),
        (status = 401, description = "Token missing or expired", body = ApiErrorBody),
    ))]
pub async fn message(
    tip: FollowUpTip,
    body: web::Json<NewMessage>,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> Result<HttpResponse, ApiError> {
    let problems = body.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidMessage(problems));
    }
    let sealed = tips::seal_message(&sealer, &tip.tip_ref, &body.body)?;
    let message = committer
        .run_combined(tips::TipsterMessage {
            tip_ref: tip.tip_ref,
            message: sealed,
        })
        .await?;
    notifier.something_new();
    Ok(HttpResponse::Created().json(message))
}

#[utoipa::path(post, path = "/api/v1/follow-up/attachments", tag = "anonymous", security(("follow_up" = [])),
    request_body(content_type = "multipart/form-data", description = "Up to five parts named `image`"),
    responses(
        (status = 201, description = "Stored durably, metadata removed", body = AttachmentsAdded),
        (status = 400, description = "A damaged picture, or more than the tip may hold", body = ApiErrorBody),
        (status = 401, description = "Token missing or expired", body = ApiErrorBody),
        (status = 413, description = "Too large", body = ApiErrorBody),
        (status = 415, description = "Not JPEG, PNG or WebP", body = ApiErrorBody),
    ))]
pub async fn attachments(
    req: HttpRequest,
    payload: web::Payload,
    tip: FollowUpTip,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> Result<HttpResponse, ApiError> {
    let upload = uploads::read(&req, payload, false, MAX_IMAGES_PER_UPLOAD).await?;
    if !uploads::is_multipart(&req) || upload.images.is_empty() {
        return Err(ApiError::InvalidRequest(
            "send pictures as multipart/form-data parts named `image`".into(),
        ));
    }
    let images = uploads::sanitize(upload.images).await?;
    let tip_ref = tip.tip_ref;
    let sealed = web::block({
        let sealer = sealer.clone();
        let tip_ref = tip_ref.clone();
        move || tips::seal_images(&sealer, &tip_ref, images)
    })
    .await??;
    let (added, total) = committer
        .run(move |conn| tips::add_images(conn, &tip_ref, &sealed))
        .await?;
    notifier.something_new();
    Ok(HttpResponse::Created().json(AttachmentsAdded {
        added,
        attachments: total,
    }))
}
