//! The tipster's side: send a tip, come back with the receipt, talk with the moderators.
//! No account, no cookie, and nothing about the sender (address, agent, exact time) is kept.

use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    receipt::Receipt,
    tips::{
        AttachmentsAdded, NewMessage, NewTip, TipCreated, TipFollowUp, TipMessage,
        MAX_IMAGES_PER_UPLOAD,
    },
};

use crate::{
    anonymous,
    anonymous::Thread,
    auth::password::PasswordHasher,
    crypto::Sealer,
    db,
    db::with_db,
    error::ApiError,
    group_commit::GroupCommitter,
    notify::ModeratorNotifier,
    pow::{Challenges, Proof},
    routes::{follow_up::FollowUp, uploads},
    tips::{self, CheckedTip},
};

/// Sends a tip. JSON (`NewTip`) without pictures, or `multipart/form-data` with the `NewTip` JSON
/// in a part named `tip` and up to five pictures in parts named `image`. The answer holds the
/// receipt: shown once, never stored readable.
#[utoipa::path(post, path = "/api/v1/tips", tag = "anonymous", request_body = NewTip,
    params(("Proof-Of-Work" = String, Header, description = "`token:nonce` solving a challenge from `POST /api/v1/challenges`")),
    responses(
        (status = 201, description = "Stored durably; keep the receipt", body = TipCreated),
        (status = 400, description = "Invalid fields, phone number, picture or proof of work", body = ApiErrorBody),
        (status = 413, description = "Body or picture too large", body = ApiErrorBody),
        (status = 503, description = "Too many pictures being checked at once; see Retry-After", body = ApiErrorBody),
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
    let receipt = store(tip, upload.images, &proof, &hasher, &sealer, &committer).await?;
    notifier.something_new();
    Ok(HttpResponse::Created().json(TipCreated { receipt }))
}

/// A tipster's message, stored with what it names; both ways of writing one (the API, the form
/// without a script) end here.
pub async fn send_message(
    tip_ref: String,
    body: &NewMessage,
    sealer: &Sealer,
    committer: &GroupCommitter,
    notifier: &ModeratorNotifier,
) -> Result<TipMessage, ApiError> {
    let problems = body.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidMessage(problems));
    }
    let sealed = tips::seal_message(sealer, &tip_ref, &body.body)?;
    // A number the tipster adds later ("his new number is …") connects the tip like one in the
    // report; the same tip naming it again is still one source.
    let named = crate::entities::seal(sealer, &crate::entities::in_message(&body.body))?;
    let message = committer
        .run_combined(tips::TipsterMessage::new(tip_ref.clone(), sealed))
        .await?;
    if !named.is_empty() {
        // The message is stored and acknowledged either way: a link not made is logged, not
        // turned into an error that would have the tipster send the message twice.
        if let Err(e) = committer
            .run(move |conn| tips::name_in_message(conn, &tip_ref, &named))
            .await
        {
            tracing::error!(error = %e, "entities of a tipster's message not recorded");
        }
    }
    notifier.something_new();
    Ok(message)
}

/// Checks and strips the pictures, seals the tip and stores it under a fresh receipt, spending
/// the proof in the same transaction. Both ways of sending a tip (the API, the form without a
/// script) end here.
pub async fn store(
    tip: CheckedTip,
    images: Vec<Vec<u8>>,
    proof: &Proof,
    hasher: &PasswordHasher,
    sealer: &web::Data<Sealer>,
    committer: &GroupCommitter,
) -> Result<Receipt, ApiError> {
    let images = uploads::sanitize(images).await?;
    let sealed = web::block({
        let sealer = sealer.clone();
        move || tips::seal_tip(&sealer, &tip, images)
    })
    .await??;
    let sealed = std::sync::Arc::new(sealed);
    let (receipt, _) =
        anonymous::store_with_receipt(hasher, sealer, committer, proof, move |conn, hash| {
            tips::insert_tip(conn, &sealed, hash)
        })
        .await?;
    Ok(receipt)
}

/// A follow-up request about a tip.
pub struct FollowUpTip {
    tip_ref: String,
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
    body: crate::json_body::Json<NewMessage>,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> Result<HttpResponse, ApiError> {
    let message = send_message(tip.tip_ref, &body, &sealer, &committer, &notifier).await?;
    Ok(HttpResponse::Created().json(message))
}

/// The multipart body of `POST /api/v1/follow-up/attachments`; only the OpenAPI document names it.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct AttachmentUpload {
    /// Up to five JPEG, PNG or WebP pictures, each a part named `image`.
    #[schema(value_type = Vec<String>, format = Binary, min_items = 1, max_items = 5)]
    image: Vec<Vec<u8>>,
}

#[utoipa::path(post, path = "/api/v1/follow-up/attachments", tag = "anonymous", security(("follow_up" = [])),
    request_body(content = AttachmentUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored durably, metadata removed", body = AttachmentsAdded),
        (status = 400, description = "A damaged picture, or more than the tip may hold", body = ApiErrorBody),
        (status = 401, description = "Token missing or expired", body = ApiErrorBody),
        (status = 413, description = "Too large", body = ApiErrorBody),
        (status = 503, description = "Too many pictures being checked at once; see Retry-After", body = ApiErrorBody),
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
    let added = add_pictures(tip.tip_ref, upload.images, &sealer, &committer).await?;
    notifier.something_new();
    Ok(HttpResponse::Created().json(added))
}

/// Checks, strips and seals pictures for a tip its sender opened, within what the tip may
/// hold; the API and the follow-up form without a script both add them through here.
pub async fn add_pictures(
    tip_ref: String,
    images: Vec<Vec<u8>>,
    sealer: &web::Data<Sealer>,
    committer: &GroupCommitter,
) -> Result<AttachmentsAdded, ApiError> {
    let images = uploads::sanitize(images).await?;
    let sealed = web::block({
        let sealer = sealer.clone();
        let tip_ref = tip_ref.clone();
        move || tips::seal_images(&sealer, &tip_ref, images)
    })
    .await??;
    let (added, total) = committer
        .run(move |conn| tips::add_images(conn, &tip_ref, &sealed))
        .await?;
    Ok(AttachmentsAdded {
        added,
        attachments: total,
    })
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/tips")
            .route(web::post().to(submit))
            // One resource for both methods: actix answers 405 from the first resource whose
            // path matches, so the moderators' list cannot live in a second one.
            .route(
                web::get()
                    .to(super::moderation::list)
                    .wrap(actix_web::middleware::from_fn(crate::auth::require_session)),
            ),
    )
    .service(web::resource("/follow-up/tip").route(web::get().to(view)))
    .service(web::resource("/follow-up/messages").route(web::post().to(message)))
    .service(web::resource("/follow-up/attachments").route(web::post().to(attachments)));
}
