//! Missing-person cases: the family's report and follow-up (public), and the caseworkers' side
//! (list, search, case page, notes, messages, status, duplicates, PFIF exchange).

use actix_web::{http::header, web, HttpRequest, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    cases::{
        CaseCreated, CaseDetail, CaseFollowUp, CasePage, CaseStatus, CaseStatusChange,
        CaseStatusResult, Consent, NewCase, NewNote, PfifImported,
    },
    staff::Role,
    tips::{NewMessage, TipMessage},
    triage::ItemKind,
};
use serde::Deserialize;
use serde_json::json;

use crate::{
    anonymous::{self, Thread},
    audit::{self},
    auth::{password::PasswordHasher, Caseworker},
    cases::{self, CheckedCase},
    crypto::Sealer,
    db,
    db::with_db,
    error::ApiError,
    group_commit::GroupCommitter,
    notify::ModeratorNotifier,
    pow::Challenges,
    routes::{follow_up::FollowUp, triage::QueueQuery, uploads},
    triage,
};

/// Reports a missing relative. JSON (`NewCase`), or multipart with the JSON in a part named
/// `case` and one `photo` part (metadata removed as for tips). Answers the public case number
/// and the receipt that opens the case on follow-up.
#[utoipa::path(post, path = "/api/v1/cases", tag = "anonymous", request_body = NewCase,
    params(("Proof-Of-Work" = String, Header, description = "`token:nonce` solving a challenge from `POST /api/v1/challenges`")),
    responses(
        (status = 201, description = "Stored durably; keep the receipt", body = CaseCreated),
        (status = 400, description = "Invalid fields, photo or proof of work", body = ApiErrorBody),
        (status = 413, description = "Body or photo too large", body = ApiErrorBody),
        (status = 503, description = "Too many pictures being checked at once; see Retry-After", body = ApiErrorBody),
        (status = 415, description = "Neither JSON nor multipart, or a photo that is not JPEG, PNG or WebP", body = ApiErrorBody),
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
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let proof = challenges.verify(
        req.headers()
            .get("Proof-Of-Work")
            .and_then(|v| v.to_str().ok()),
    )?;
    let upload = uploads::read_parts(&req, payload, "case", "photo", 1).await?;
    let case: NewCase = uploads::parse_json(&upload.json)?;
    let case = CheckedCase::check(case)?;
    let created = store(
        case,
        upload.images,
        &proof,
        &hasher,
        &sealer,
        &committer,
        pool,
    )
    .await?;
    notifier.something_new();
    Ok(HttpResponse::Created().json(created))
}

/// Stores a checked report with its photo (metadata removed) and answers its number and
/// receipt; the API and the form without a script both send through here.
pub async fn store(
    case: CheckedCase,
    images: Vec<Vec<u8>>,
    proof: &crate::pow::Proof,
    hasher: &PasswordHasher,
    sealer: &web::Data<Sealer>,
    committer: &GroupCommitter,
    pool: web::Data<db::Pool>,
) -> Result<CaseCreated, ApiError> {
    let photo = uploads::sanitize(images).await?.into_iter().next();
    let sealed = web::block({
        let sealer = sealer.clone();
        move || cases::seal_case(&sealer, &case, photo)
    })
    .await??;
    let sealed = std::sync::Arc::new(sealed);
    let (receipt, (id, number)) =
        anonymous::store_with_receipt(hasher, sealer, committer, proof, move |conn, hash| {
            let number = cases::new_case_number();
            Ok(cases::insert_case(conn, &sealed, Some(hash), &number)?.map(|id| (id, number)))
        })
        .await?;
    // Duplicate candidates are looked for after the family has its receipt: the answer never
    // waits for them.
    let sealer = sealer.clone();
    actix_web::rt::spawn(async move {
        let found = with_db(&pool, move |conn| {
            cases::search_duplicates(conn, &sealer, id)
        })
        .await;
        if let Err(e) = found {
            tracing::error!(error = %e, "duplicate search failed for a new case");
        }
    });
    Ok(CaseCreated {
        case_number: number,
        receipt,
    })
}

fn case_ref(follow_up: FollowUp) -> Result<String, ApiError> {
    match follow_up.0 {
        Thread::Case(case_ref) => Ok(case_ref),
        Thread::Tip(_) => Err(ApiError::FollowUpExpired),
    }
}

#[utoipa::path(get, path = "/api/v1/follow-up/case", tag = "anonymous", security(("follow_up" = [])),
    responses(
        (status = 200, description = "Case number, status and the conversation", body = CaseFollowUp),
        (status = 401, description = "Token missing or expired: enter the receipt again", body = ApiErrorBody),
    ))]
pub async fn follow_up_view(
    follow_up: FollowUp,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let view = family_view(case_ref(follow_up)?, sealer, &pool).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// What the family sees of its case: number, status and the conversation.
pub async fn family_view(
    case_ref: String,
    sealer: web::Data<Sealer>,
    pool: &web::Data<db::Pool>,
) -> Result<CaseFollowUp, ApiError> {
    with_db(pool, move |conn| {
        let row = cases::case_by_ref(conn, &case_ref)?;
        Ok(CaseFollowUp {
            case_number: row.case_number.clone(),
            status: row.status(),
            reported_on: row.reported_on.clone(),
            messages: cases::messages(conn, &sealer, &row)?,
        })
    })
    .await
}

/// A family's message to the caseworkers; both ways of writing one (the API, the form without
/// a script) end here.
pub async fn send_family_message(
    case_ref: String,
    body: NewMessage,
    sealer: web::Data<Sealer>,
    committer: &GroupCommitter,
    notifier: &ModeratorNotifier,
) -> Result<TipMessage, ApiError> {
    let problems = body.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidMessage(problems));
    }
    let sealed = cases::seal_message(&sealer, &case_ref, &body.body)?;
    let message = committer
        .run_combined(cases::FamilyMessage::new(case_ref, sealed))
        .await?;
    notifier.something_new();
    Ok(message)
}

#[utoipa::path(post, path = "/api/v1/follow-up/case/messages", tag = "anonymous", security(("follow_up" = [])), request_body = NewMessage,
    responses(
        (status = 201, description = "Stored durably; caseworkers see it", body = TipMessage),
        (status = 400, description = "Empty or longer than 5,000 characters", body = ApiErrorBody),
        (status = 401, description = "Token missing or expired", body = ApiErrorBody),
    ))]
pub async fn follow_up_message(
    follow_up: FollowUp,
    body: crate::json_body::Json<NewMessage>,
    sealer: web::Data<Sealer>,
    committer: web::Data<GroupCommitter>,
    notifier: web::Data<ModeratorNotifier>,
) -> Result<HttpResponse, ApiError> {
    let message = send_family_message(
        case_ref(follow_up)?,
        body.into_inner(),
        sealer,
        &committer,
        &notifier,
    )
    .await?;
    Ok(HttpResponse::Created().json(message))
}

#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "Cases, most urgent first, then the longest waiting", body = CasePage),
        (status = 400, description = "An unknown status, band or governorate, or a malformed day", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
    ))]
pub async fn list(
    auth: Caseworker,
    query: crate::query_params::Query<QueueQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page(&sealer, |s| CaseStatus::parse(s).map(|s| s.as_str()))?;
    let answer = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let (ids, more) = triage::queue(
                conn,
                ItemKind::Case,
                &page.filter,
                &auth.staff_id,
                page.offset,
                page.limit,
            )?;
            let rows = cases::rows_in_order(conn, &ids)?;
            let answer = CasePage {
                cases: cases::summaries(conn, &sealer, rows)?,
                next_page: page.next(more),
            };
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "cases_listed",
                    "cases".into(),
                    json!({ "ids": answer.cases.iter().map(|c| c.id).collect::<Vec<_>>() }),
                ),
            )?;
            Ok(answer)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(answer))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SearchQuery {
    /// Any name, in Arabic or Kurdish letters or in Latin spelling.
    #[param(required = true, value_type = String, min_length = 1, max_length = 200, pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]")]
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/cases/search", tag = "cases", security(("bearer" = [])), params(SearchQuery),
    responses(
        (status = 200, description = "Cases whose names match every word, best first", body = CasePage),
        (status = 400, description = "No words, or more than 200 characters", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
    ))]
pub async fn search(
    auth: Caseworker,
    query: crate::query_params::Query<SearchQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let text = query.into_inner().q.unwrap_or_default();
    if text.trim().is_empty() || text.chars().count() > 200 {
        return Err(ApiError::InvalidRequest(
            "q must hold 1 to 200 characters".into(),
        ));
    }
    let page = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let rows = cases::search(conn, &sealer, &text)?;
            let page = CasePage {
                cases: cases::summaries(conn, &sealer, rows)?,
                next_page: None,
            };
            // The words searched are personal data: the trail keeps only that a search
            // happened and what it returned.
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "cases_searched",
                    "cases".into(),
                    json!({ "ids": page.cases.iter().map(|c| c.id).collect::<Vec<_>>() }),
                ),
            )?;
            Ok(page)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(page))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case, its notes, messages and probable duplicates", body = CaseDetail),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn detail(
    auth: Caseworker,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let detail = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            crate::triage::looked_at(conn, sanad_shared::triage::ItemKind::Case, id)?;
            let detail = cases::detail(conn, &sealer, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry("case_read", format!("case:{id}"), json!({})),
            )?;
            Ok(detail)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(detail))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/photo", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The photo (JPEG, PNG or WebP)", content_type = "image/*"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case or no photo", body = ApiErrorBody),
    ))]
pub async fn photo(
    auth: Caseworker,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (mime, bytes) = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let photo = cases::photo(conn, &sealer, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry("case_photo_read", format!("case:{id}"), json!({})),
            )?;
            Ok(photo)
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime))
        .insert_header((header::CONTENT_DISPOSITION, "inline"))
        .body(bytes))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/notes", tag = "cases", security(("bearer" = [])), request_body = NewNote,
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 201, description = "Note added"),
        (status = 400, description = "Empty or too long", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn add_note(
    auth: Caseworker,
    path: web::Path<i64>,
    body: crate::json_body::Json<NewNote>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let problems = NewMessage {
        body: body.text.clone(),
        version: None,
    }
    .problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidMessage(problems));
    }
    let id = path.into_inner();
    let text = body.into_inner().text;
    let note = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let row = cases::case_by_id(conn, id)?;
            let author = cases::staff_name(conn, &auth.staff_id)?;
            let note = cases::add_note(
                conn,
                &sealer,
                &row,
                &author,
                Some(&auth.staff_id),
                Some(row.status().as_str()),
                &text,
                crate::audit::now_ms(),
                None,
            )?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "case_note_added",
                    format!("case:{id}"),
                    json!({ "note": note }),
                ),
            )?;
            Ok(note)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(json!({ "id": note })))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/messages", tag = "cases", security(("bearer" = [])), request_body = NewMessage,
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 201, description = "Sent; the family sees it on follow-up", body = TipMessage),
        (status = 400, description = "Empty or too long", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 409, description = "The case changed since it was loaded (`version`)", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn message(
    auth: Caseworker,
    path: web::Path<i64>,
    body: crate::json_body::Json<NewMessage>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let problems = body.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidMessage(problems));
    }
    let id = path.into_inner();
    let NewMessage {
        body: text,
        version,
    } = body.into_inner();
    let message = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            crate::triage::check_version(conn, sanad_shared::triage::ItemKind::Case, id, version)?;
            let row = cases::case_by_id(conn, id)?;
            let sealed = cases::seal_message(&sealer, &row.ref_key, &text)?;
            let message = cases::add_message(conn, &row.ref_key, sealed, Some(&auth.staff_id))?;
            crate::triage::bump(conn, sanad_shared::triage::ItemKind::Case, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "case_message_sent",
                    format!("case:{id}"),
                    json!({ "message": message.id }),
                ),
            )?;
            Ok(message)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(message))
}

/// Sets the status. `deceased` takes an admin, or two different caseworkers: the first call
/// records the proposal (`applied: false`), a second caseworker's call confirms it.
#[utoipa::path(put, path = "/api/v1/cases/{id}/status", tag = "cases", security(("bearer" = [])), request_body = CaseStatusChange,
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "Applied, or waiting for a second caseworker", body = CaseStatusResult),
        (status = 400, description = "Closing without a reason", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 409, description = "The case changed since it was loaded (`version`)", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn set_status(
    auth: Caseworker,
    path: web::Path<i64>,
    body: crate::json_body::Json<CaseStatusChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let change = body.into_inner();
    if change.status == CaseStatus::Closed && change.reason.is_none() {
        return Err(ApiError::InvalidRequest(
            "closing a case needs a reason: duplicate, withdrawn or resolved".into(),
        ));
    }
    let id = path.into_inner();
    let result = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            crate::triage::check_version(
                conn,
                sanad_shared::triage::ItemKind::Case,
                id,
                change.version,
            )?;
            let row = cases::case_by_id(conn, id)?;
            let admin = auth.roles.contains(&Role::Admin);
            let applied = if change.status == CaseStatus::Deceased && !admin {
                // Confirmed when someone else proposed it.
                matches!(row.deceased_proposed_by.as_deref(), Some(first) if first != auth.staff_id)
            } else {
                true
            };
            if applied {
                cases::set_status(conn, id, change.status, change.reason)?;
                // The change goes into the notes too, so partners read it in the next export.
                let author = cases::staff_name(conn, &auth.staff_id)?;
                cases::add_note(
                    conn,
                    &sealer,
                    &row,
                    &author,
                    Some(&auth.staff_id),
                    Some(change.status.as_str()),
                    "",
                    crate::audit::now_ms(),
                    None,
                )?;
            } else {
                cases::propose_deceased(conn, id, &auth.staff_id)?;
                crate::triage::bump(conn, sanad_shared::triage::ItemKind::Case, id)?;
            }
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    if applied {
                        "case_status_changed"
                    } else {
                        "case_deceased_proposed"
                    },
                    format!("case:{id}"),
                    json!({
                        "from": row.status.as_str(),
                        "to": change.status.as_str(),
                        "reason": change.reason.map(|r| r.as_str()),
                    }),
                ),
            )?;
            Ok(CaseStatusResult {
                applied,
                status: if applied { change.status } else { row.status() },
            })
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(result))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/matches/refresh", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "Probable duplicates, best first", body = [sanad_shared::cases::CaseMatch]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn refresh(
    auth: Caseworker,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let found = with_db(&pool, move |conn| {
        let found = cases::refresh_matches(conn, &sealer, id)?;
        audit::append(
            conn,
            &seal,
            &auth.entry("case_duplicates_searched", format!("case:{id}"), json!({})),
        )?;
        Ok(found)
    })
    .await?;
    Ok(HttpResponse::Ok().json(found))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct Decision {
    pub decision: MatchDecision,
    /// Why the two cases are one person; required to merge (tabs and line breaks are kept,
    /// other control characters dropped).
    #[serde(
        default,
        deserialize_with = "sanad_shared::text::deserialize_optional_lines"
    )]
    #[schema(
        max_length = 5000,
        pattern = r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
    )]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchDecision {
    /// The other case is the duplicate and is closed, linked to this one; needs a `reason`.
    Merge,
    /// Not the same person.
    Dismiss,
    /// Undoes a merge: the other case gets back its status and what it named.
    Unmerge,
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/matches/{other_id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case that stays"), ("other_id" = i64, Path, description = "The probable duplicate")),
    request_body = Decision,
    responses(
        (status = 204, description = "Decided"),
        (status = 400, description = "Unknown decision, or a merge without a reason", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such match", body = ApiErrorBody),
        (status = 409, description = "The pair cannot take this decision now (`match_conflict`)", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)] // one per extractor actix hands the handler
pub async fn decide(
    auth: Caseworker,
    path: web::Path<(i64, i64)>,
    body: crate::json_body::Json<Decision>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (id, other) = path.into_inner();
    let Decision { decision, reason } = body.into_inner();
    let reason = reason.filter(|r| !r.trim().is_empty());
    if decision == MatchDecision::Merge {
        let Some(reason) = &reason else {
            return Err(ApiError::InvalidRequest(
                "a merge needs a reason: why the two cases are one person".into(),
            ));
        };
        let problems = NewMessage {
            body: reason.clone(),
            version: None,
        }
        .problems();
        if !problems.is_empty() {
            return Err(ApiError::InvalidMessage(problems));
        }
    }
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let (action, details) = match decision {
                MatchDecision::Merge => {
                    let reason = reason.as_deref().unwrap_or_default();
                    let merge = cases::merge(conn, &sealer, id, other, &auth.staff_id, reason)?;
                    ("case_merged", json!({ "other": other, "merge": merge }))
                }
                MatchDecision::Unmerge => {
                    let merge = cases::unmerge(conn, id, other, &auth.staff_id)?;
                    ("case_unmerged", json!({ "other": other, "merge": merge }))
                }
                MatchDecision::Dismiss => {
                    cases::dismiss_match(conn, id, other)?;
                    ("case_match_dismissed", json!({ "other": other }))
                }
            };
            audit::append(
                conn,
                &seal,
                &auth.entry(action, format!("case:{id}"), details),
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ExportQuery {
    /// Who receives the file. Only cases whose family allowed sharing with them are included.
    #[param(required = true, value_type = sanad_shared::cases::Consent)]
    pub recipient: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/pfif", tag = "cases", security(("bearer" = [])), params(ExportQuery),
    responses(
        (status = 200, description = "A PFIF 1.4 document", content_type = "application/xml"),
        (status = 400, description = "Unknown recipient", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 503, description = "`SANAD_PFIF_DOMAIN` is not set (`pfif_domain_missing`)", body = ApiErrorBody),
    ))]
pub async fn export(
    auth: Caseworker,
    query: crate::query_params::Query<ExportQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    site: web::Data<crate::config::Site>,
    locales: web::Data<crate::locales::Locales>,
) -> Result<HttpResponse, ApiError> {
    let recipient =
        Consent::parse(query.recipient.as_deref().unwrap_or_default()).ok_or_else(|| {
            ApiError::InvalidRequest(
                "recipient must be committee, government or humanitarian".into(),
            )
        })?;
    let domain = site.pfif_domain.clone();
    let actor = auth.actor();
    let (xml, _) = with_db(&pool, move |conn| {
        crate::exchange::export_recorded(
            conn,
            &seal,
            &sealer,
            &locales,
            domain.as_deref(),
            recipient,
            actor,
        )
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/xml; charset=utf-8"))
        .body(xml))
}

#[utoipa::path(post, path = "/api/v1/pfif", tag = "cases", security(("bearer" = [])),
    request_body(content = String, content_type = "application/xml", description = "A PFIF 1.4 document from a partner"),
    responses(
        (status = 200, description = "Cases created, updated or emptied (expired partner records), each new or changed one then compared with the others for duplicates as a report is; a document with nothing new (a second import, our own export) changes nothing", body = PfifImported),
        (status = 400, description = "Not a PFIF document", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 413, description = "Larger than 16 MB", body = ApiErrorBody),
    ))]
pub async fn import(
    auth: Caseworker,
    body: web::Bytes,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    site: web::Data<crate::config::Site>,
) -> Result<HttpResponse, ApiError> {
    let domain = site.pfif_domain.clone();
    let text = String::from_utf8(body.to_vec())
        .map_err(|_| ApiError::InvalidRequest("the document is not UTF-8".into()))?;
    let actor = auth.actor();
    let imported = with_db(&pool, move |conn| {
        crate::exchange::import_recorded(conn, &seal, &sealer, domain.as_deref(), &text, actor)
    })
    .await?;
    Ok(HttpResponse::Ok().json(imported))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/cases").route(web::post().to(submit)).route(
            web::get()
                .to(list)
                .wrap(actix_web::middleware::from_fn(crate::auth::require_session)),
        ),
    )
    // Before `/cases/{id}`, which would take "search" for an id.
    .service(secured!("/cases/search").route(web::get().to(search)))
    .service(secured!("/cases/{id}").route(web::get().to(detail)))
    .service(secured!("/cases/{id}/photo").route(web::get().to(photo)))
    .service(secured!("/cases/{id}/notes").route(web::post().to(add_note)))
    .service(secured!("/cases/{id}/messages").route(web::post().to(message)))
    .service(secured!("/cases/{id}/status").route(web::put().to(set_status)))
    .service(secured!("/cases/{id}/matches/refresh").route(web::post().to(refresh)))
    .service(secured!("/cases/{id}/matches/{other_id}").route(web::put().to(decide)))
    .service(web::resource("/follow-up/case").route(web::get().to(follow_up_view)))
    .service(web::resource("/follow-up/case/messages").route(web::post().to(follow_up_message)))
    .service(
        secured!("/pfif")
            .app_data(web::PayloadConfig::new(crate::pfif::MAX_DOCUMENT_BYTES))
            .route(web::get().to(export))
            .route(web::post().to(import)),
    );
}
