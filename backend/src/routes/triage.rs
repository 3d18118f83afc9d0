//! Triage of tips (moderators) and cases (caseworkers) through one implementation: assignment,
//! priority by hand, labels, presence, bulk changes, the labels admins keep, and the overview.
//! Each change is refused on a stale view (its `version`) and written to the audit trail.

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    tips::FieldProblem,
    triage::{
        AssigneeChange, BulkChange, BulkResult, Colleague, InternalNote, ItemKind, Label,
        LabelsChange, NewLabel, Overview, Presence, PriorityChange, Triage, MAX_BULK,
    },
    Language,
};
use serde_json::json;

use crate::{
    audit,
    auth::{Admin, Caseworker, Moderator, StaffAuth, Triager},
    config::Site,
    crypto::Sealer,
    db::{self, with_db, DbConnection},
    error::ApiError,
    locales::Locales,
    mail::{self, Mailer, StaffMail},
    tips, triage,
};

/// The audit action for a change to an item of `kind`.
fn action(kind: ItemKind, change: &str) -> &'static str {
    match (kind, change) {
        (ItemKind::Tip, "assigned") => "tip_assigned",
        (ItemKind::Case, "assigned") => "case_assigned",
        (ItemKind::Tip, "priority") => "tip_priority_changed",
        (ItemKind::Case, "priority") => "case_priority_changed",
        (ItemKind::Tip, "labels") => "tip_labels_changed",
        (ItemKind::Case, "labels") => "case_labels_changed",
        (ItemKind::Tip, "status") => "tip_status_changed",
        (ItemKind::Tip, "note") => "tip_note_added",
        _ => "triage_changed",
    }
}

fn object(kind: ItemKind, id: i64) -> String {
    format!("{}:{id}", kind.as_str())
}

/// Runs one audited change on an item: the version is checked first, the item's version moves
/// on after, and the answer is the item's triage state as it now is.
fn change_item(
    conn: &mut DbConnection,
    sealer: &Sealer,
    kind: ItemKind,
    id: i64,
    version: i64,
    work: impl FnOnce(&mut DbConnection) -> Result<audit::Entry, ApiError>,
) -> Result<Triage, ApiError> {
    audit::audited(conn, |conn| {
        triage::check_version(conn, kind, id, version)?;
        let entry = work(conn)?;
        triage::bump(conn, kind, id)?;
        audit::append(conn, &entry)?;
        triage::view(conn, sealer, kind, id)
    })
}

/// Tells the new assignee by mail, without content, unless they assigned themselves.
fn tell_assignee(
    kind: ItemKind,
    id: i64,
    assignee: String,
    pool: web::Data<db::Pool>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
) {
    actix_web::rt::spawn(async move {
        let person = with_db(&pool, move |conn| {
            Ok(crate::auth::store::find_by_id(conn, &assignee)?)
        })
        .await;
        let Ok(Some(person)) = person else {
            return;
        };
        let Ok(email) = sanad_shared::staff::Email::parse(&person.email) else {
            return;
        };
        let path = match kind {
            ItemKind::Tip => "tips",
            ItemKind::Case => "cases",
        };
        let link = format!("{}/staff/{path}/{id}", site.public_url);
        let letter = mail::compose(
            &locales,
            person.language.parse().unwrap_or(Language::Ar),
            StaffMail::Assigned {
                name: &person.display_name,
                link: &link,
            },
        );
        if let Err(e) = mailer.send(&email, letter).await {
            tracing::warn!(error = %e, "could not tell an assignee");
        }
    });
}

#[allow(clippy::too_many_arguments)]
async fn assign(
    kind: ItemKind,
    auth: StaffAuth,
    id: i64,
    change: AssigneeChange,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
) -> Result<HttpResponse, ApiError> {
    let me = auth.staff_id.clone();
    let wanted = change.assignee.clone();
    let (view, before) = with_db(&pool, {
        let pool_wanted = wanted.clone();
        let sealer = sealer.clone();
        move |conn| {
            let mut before = None;
            let view = change_item(conn, &sealer, kind, id, change.version, |conn| {
                before = triage::assign(conn, kind, id, pool_wanted.as_deref())?;
                Ok(auth.entry(
                    action(kind, "assigned"),
                    object(kind, id),
                    json!({ "from": before, "to": pool_wanted }),
                ))
            })?;
            Ok((view, before))
        }
    })
    .await?;
    if let Some(assignee) = wanted.filter(|a| *a != me && Some(a) != before.as_ref()) {
        tell_assignee(kind, id, assignee, pool, mailer, locales, site);
    }
    Ok(HttpResponse::Ok().json(view))
}

async fn prioritise(
    kind: ItemKind,
    auth: StaffAuth,
    id: i64,
    change: PriorityChange,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let problems = change.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidTriage(problems));
    }
    let view = with_db(&pool, move |conn| {
        change_item(conn, &sealer, kind, id, change.version, |conn| {
            triage::adjust(
                conn,
                &sealer,
                kind,
                id,
                change.adjust,
                change.reason.as_deref(),
            )?;
            // The reason is staff text that may quote the report: sealed on the item, not
            // copied into the trail.
            Ok(auth.entry(
                action(kind, "priority"),
                object(kind, id),
                json!({ "adjust": change.adjust }),
            ))
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

async fn relabel(
    kind: ItemKind,
    auth: StaffAuth,
    id: i64,
    change: LabelsChange,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let view = with_db(&pool, move |conn| {
        change_item(conn, &sealer, kind, id, change.version, |conn| {
            let (added, removed) = triage::set_labels(conn, kind, id, &change.labels)?;
            Ok(auth.entry(
                action(kind, "labels"),
                object(kind, id),
                json!({ "added": added, "removed": removed }),
            ))
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

async fn presence(
    kind: ItemKind,
    auth: StaffAuth,
    id: i64,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let answer = with_db(&pool, move |conn| {
        // A write transaction (no audit entry: being on a page changes nothing).
        audit::audited(conn, |conn| {
            let others = triage::present(conn, kind, id, &auth.staff_id)?;
            let version = triage::version_of(conn, kind, id)?;
            Ok(Presence { others, version })
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(answer))
}

async fn bulk(
    kind: ItemKind,
    auth: StaffAuth,
    change: BulkChange,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let mut problems = Vec::new();
    if change.ids.is_empty() {
        problems.push(FieldProblem::at("ids", "required"));
    } else if change.ids.len() > MAX_BULK {
        problems.push(FieldProblem::at("ids", "too_many"));
    }
    if change.status.is_some() && kind == ItemKind::Case {
        // A case's status has rules of its own (a second caseworker for deceased, a reason to
        // close): it is changed one case at a time.
        problems.push(FieldProblem::at("status", "not_for_cases"));
    }
    if change.status.is_none()
        && change.assign.is_none()
        && change.add_labels.is_empty()
        && change.remove_labels.is_empty()
    {
        problems.push(FieldProblem::at("change", "required"));
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidTriage(problems));
    }
    let changed = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let mut ids = change.ids.clone();
            ids.sort_unstable();
            ids.dedup();
            for &id in &ids {
                let mut details = serde_json::Map::new();
                details.insert("bulk".into(), json!(true));
                if let Some(status) = change.status {
                    let before = tips::set_status(conn, &sealer, id, status, None)?;
                    details.insert("from".into(), json!(before.as_str()));
                    details.insert("to".into(), json!(status.as_str()));
                    audit::append(
                        conn,
                        &auth.entry(
                            action(kind, "status"),
                            object(kind, id),
                            details.clone().into(),
                        ),
                    )?;
                }
                if let Some(assign) = &change.assign {
                    let before = triage::assign(conn, kind, id, assign.assignee.as_deref())?;
                    audit::append(
                        conn,
                        &auth.entry(
                            action(kind, "assigned"),
                            object(kind, id),
                            json!({ "from": before, "to": assign.assignee, "bulk": true }),
                        ),
                    )?;
                }
                if !change.add_labels.is_empty() || !change.remove_labels.is_empty() {
                    let view = triage::view(conn, &sealer, kind, id)?;
                    let mut wanted: Vec<i64> = view
                        .labels
                        .into_iter()
                        .filter(|l| !change.remove_labels.contains(l))
                        .collect();
                    wanted.extend(change.add_labels.iter().copied());
                    let (added, removed) = triage::set_labels(conn, kind, id, &wanted)?;
                    audit::append(
                        conn,
                        &auth.entry(
                            action(kind, "labels"),
                            object(kind, id),
                            json!({ "added": added, "removed": removed, "bulk": true }),
                        ),
                    )?;
                }
                triage::bump(conn, kind, id)?;
            }
            Ok(u32::try_from(ids.len()).unwrap_or(u32::MAX))
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(BulkResult { changed }))
}

// The routes, one pair per change: tips for moderators, cases for caseworkers.

#[utoipa::path(put, path = "/api/v1/tips/{id}/assignee", tag = "triage", security(("bearer" = [])), request_body = AssigneeChange,
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "Assigned; the new assignee is told by mail, without content", body = Triage),
        (status = 400, description = "The assignee cannot take tips", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
        (status = 409, description = "The tip changed since it was loaded", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)]
pub async fn assign_tip(
    auth: Moderator,
    path: web::Path<i64>,
    body: web::Json<AssigneeChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
) -> Result<HttpResponse, ApiError> {
    assign(
        ItemKind::Tip,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
        mailer,
        locales,
        site,
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/assignee", tag = "triage", security(("bearer" = [])), request_body = AssigneeChange,
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "Assigned; the new assignee is told by mail, without content", body = Triage),
        (status = 400, description = "The assignee cannot take cases", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
        (status = 409, description = "The case changed since it was loaded", body = ApiErrorBody),
    ))]
#[allow(clippy::too_many_arguments)]
pub async fn assign_case(
    auth: Caseworker,
    path: web::Path<i64>,
    body: web::Json<AssigneeChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
) -> Result<HttpResponse, ApiError> {
    assign(
        ItemKind::Case,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
        mailer,
        locales,
        site,
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/tips/{id}/priority", tag = "triage", security(("bearer" = [])), request_body = PriorityChange,
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "Raised or lowered", body = Triage),
        (status = 400, description = "Out of range, or no reason", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
        (status = 409, description = "The tip changed since it was loaded", body = ApiErrorBody),
    ))]
pub async fn prioritise_tip(
    auth: Moderator,
    path: web::Path<i64>,
    body: web::Json<PriorityChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    prioritise(
        ItemKind::Tip,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/priority", tag = "triage", security(("bearer" = [])), request_body = PriorityChange,
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "Raised or lowered", body = Triage),
        (status = 400, description = "Out of range, or no reason", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
        (status = 409, description = "The case changed since it was loaded", body = ApiErrorBody),
    ))]
pub async fn prioritise_case(
    auth: Caseworker,
    path: web::Path<i64>,
    body: web::Json<PriorityChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    prioritise(
        ItemKind::Case,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/tips/{id}/labels", tag = "triage", security(("bearer" = [])), request_body = LabelsChange,
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "The tip's labels are now these", body = Triage),
        (status = 400, description = "An unknown label", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
        (status = 409, description = "The tip changed since it was loaded", body = ApiErrorBody),
    ))]
pub async fn label_tip(
    auth: Moderator,
    path: web::Path<i64>,
    body: web::Json<LabelsChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    relabel(
        ItemKind::Tip,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/labels", tag = "triage", security(("bearer" = [])), request_body = LabelsChange,
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case's labels are now these", body = Triage),
        (status = 400, description = "An unknown label", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
        (status = 409, description = "The case changed since it was loaded", body = ApiErrorBody),
    ))]
pub async fn label_case(
    auth: Caseworker,
    path: web::Path<i64>,
    body: web::Json<LabelsChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    relabel(
        ItemKind::Case,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/tips/{id}/presence", tag = "triage", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "Who else has the tip open, and its version now", body = Presence),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
    ))]
pub async fn tip_presence(
    auth: Moderator,
    path: web::Path<i64>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    presence(ItemKind::Tip, auth.0, path.into_inner(), pool).await
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/presence", tag = "triage", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "Who else has the case open, and its version now", body = Presence),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn case_presence(
    auth: Caseworker,
    path: web::Path<i64>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    presence(ItemKind::Case, auth.0, path.into_inner(), pool).await
}

#[utoipa::path(post, path = "/api/v1/tips/bulk", tag = "triage", security(("bearer" = [])), request_body = BulkChange,
    responses(
        (status = 200, description = "Every tip changed, one audit entry each; none if any failed", body = BulkResult),
        (status = 400, description = "No tips, too many, or nothing to change", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "One of the tips does not exist", body = ApiErrorBody),
    ))]
pub async fn bulk_tips(
    auth: Moderator,
    body: web::Json<BulkChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    bulk(ItemKind::Tip, auth.0, body.into_inner(), sealer, pool).await
}

#[utoipa::path(post, path = "/api/v1/cases/bulk", tag = "triage", security(("bearer" = [])), request_body = BulkChange,
    responses(
        (status = 200, description = "Every case changed, one audit entry each; none if any failed", body = BulkResult),
        (status = 400, description = "No cases, too many, nothing to change, or a status", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "One of the cases does not exist", body = ApiErrorBody),
    ))]
pub async fn bulk_cases(
    auth: Caseworker,
    body: web::Json<BulkChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    bulk(ItemKind::Case, auth.0, body.into_inner(), sealer, pool).await
}

/// A staff-only note on a tip (cases have their PFIF notes).
#[utoipa::path(post, path = "/api/v1/tips/{id}/notes", tag = "triage", security(("bearer" = [])), request_body = sanad_shared::cases::NewNote,
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 201, description = "Added; never shown to the tipster", body = InternalNote),
        (status = 400, description = "Empty or longer than 5,000 characters", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
    ))]
pub async fn note_tip(
    auth: Moderator,
    path: web::Path<i64>,
    body: web::Json<sanad_shared::cases::NewNote>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let note = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let note =
                triage::add_note(conn, &sealer, ItemKind::Tip, id, &auth.staff_id, &body.text)?;
            triage::bump(conn, ItemKind::Tip, id)?;
            audit::append(
                conn,
                &auth.entry(
                    action(ItemKind::Tip, "note"),
                    object(ItemKind::Tip, id),
                    json!({ "note": note.id }),
                ),
            )?;
            Ok(note)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(note))
}

#[utoipa::path(get, path = "/api/v1/labels", tag = "triage", security(("bearer" = [])),
    responses(
        (status = 200, description = "Every label, with its name in each language", body = [Label]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither moderator, caseworker nor admin", body = ApiErrorBody),
    ))]
pub async fn labels(_auth: Triager, pool: web::Data<db::Pool>) -> Result<HttpResponse, ApiError> {
    let labels = with_db(&pool, triage::all_labels).await?;
    Ok(HttpResponse::Ok().json(labels))
}

#[utoipa::path(post, path = "/api/v1/labels", tag = "triage", security(("bearer" = [])), request_body = NewLabel,
    responses(
        (status = 201, description = "Created", body = Label),
        (status = 400, description = "A colour that is not #rrggbb, or a missing or unsafe name", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
    ))]
pub async fn create_label(
    auth: Admin,
    body: web::Json<NewLabel>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let label = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let label = triage::create_label(conn, &body)?;
            audit::append(
                conn,
                &auth.entry(
                    "label_created",
                    format!("label:{}", label.id),
                    json!({ "names": label.names }),
                ),
            )?;
            Ok(label)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(label))
}

#[utoipa::path(put, path = "/api/v1/labels/{id}", tag = "triage", security(("bearer" = [])), request_body = NewLabel,
    params(("id" = i64, Path, description = "The label's id")),
    responses(
        (status = 200, description = "Renamed or recoloured", body = Label),
        (status = 400, description = "A colour that is not #rrggbb, or a missing or unsafe name", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not an admin", body = ApiErrorBody),
        (status = 404, description = "No such label", body = ApiErrorBody),
    ))]
pub async fn update_label(
    auth: Admin,
    path: web::Path<i64>,
    body: web::Json<NewLabel>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let label = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let label = triage::update_label(conn, id, &body)?;
            audit::append(
                conn,
                &auth.entry(
                    "label_changed",
                    format!("label:{id}"),
                    json!({ "names": label.names }),
                ),
            )?;
            Ok(label)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(label))
}

#[utoipa::path(get, path = "/api/v1/triage/staff", tag = "triage", security(("bearer" = [])),
    responses(
        (status = 200, description = "Active colleagues who can be given tips or cases", body = [Colleague]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither moderator, caseworker nor admin", body = ApiErrorBody),
    ))]
pub async fn colleagues(
    _auth: Triager,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let colleagues = with_db(&pool, triage::colleagues).await?;
    Ok(HttpResponse::Ok().json(colleagues))
}

#[utoipa::path(get, path = "/api/v1/triage/overview", tag = "triage", security(("bearer" = [])),
    responses(
        (status = 200, description = "Open, mine, unassigned, overdue and urgent counts per kind the person works", body = Overview),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither moderator, caseworker nor admin", body = ApiErrorBody),
    ))]
pub async fn overview(auth: Triager, pool: web::Data<db::Pool>) -> Result<HttpResponse, ApiError> {
    let overview = with_db(&pool, move |conn| {
        let works = |kind| {
            triage::roles_for(kind)
                .iter()
                .any(|role| auth.roles.contains(role))
        };
        Ok(Overview {
            tips: if works(ItemKind::Tip) {
                triage::counts(conn, ItemKind::Tip, &auth.staff_id)?
            } else {
                Default::default()
            },
            cases: if works(ItemKind::Case) {
                triage::counts(conn, ItemKind::Case, &auth.staff_id)?
            } else {
                Default::default()
            },
            first_look_hours: triage::first_look_hours(conn)?,
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(overview))
}

/// This module's routes under `/api/v1`. Registered before the tips' and cases' own, so
/// `/tips/bulk` is not taken for a tip id.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/tips/bulk").route(web::post().to(bulk_tips)))
        .service(secured!("/cases/bulk").route(web::post().to(bulk_cases)))
        .service(secured!("/tips/{id}/assignee").route(web::put().to(assign_tip)))
        .service(secured!("/cases/{id}/assignee").route(web::put().to(assign_case)))
        .service(secured!("/tips/{id}/priority").route(web::put().to(prioritise_tip)))
        .service(secured!("/cases/{id}/priority").route(web::put().to(prioritise_case)))
        .service(secured!("/tips/{id}/labels").route(web::put().to(label_tip)))
        .service(secured!("/cases/{id}/labels").route(web::put().to(label_case)))
        .service(secured!("/tips/{id}/presence").route(web::put().to(tip_presence)))
        .service(secured!("/cases/{id}/presence").route(web::put().to(case_presence)))
        .service(secured!("/tips/{id}/notes").route(web::post().to(note_tip)))
        .service(
            secured!("/labels")
                .route(web::get().to(labels))
                .route(web::post().to(create_label)),
        )
        .service(secured!("/labels/{id}").route(web::put().to(update_label)))
        .service(secured!("/triage/overview").route(web::get().to(overview)))
        .service(secured!("/triage/staff").route(web::get().to(colleagues)));
}
