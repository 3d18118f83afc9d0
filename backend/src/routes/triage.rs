//! Triage of tips (moderators) and cases (caseworkers) through one implementation: assignment,
//! priority by hand, labels, presence, bulk changes, the labels admins keep, and the overview.
//! Each change is refused on a stale view (its `version`) and written to the audit trail.

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    cases::CaseStatus,
    tips::{FieldProblem, Governorate, TipStatus},
    triage::{
        AssigneeChange, BulkChange, BulkResult, Colleague, InternalNote, ItemKind, Label,
        LabelsChange, NewLabel, NewSavedView, Overview, Presence, PriorityChange, PriorityLevel,
        SavedView, TimelineEvent, Triage, MAX_BULK,
    },
    Language,
};
use serde::Deserialize;
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
    saved_views, tips,
    triage::{self, AssigneeFilter, QueueFilter},
};

/// A queue's filters and page as they stand in the address; the same for tips and cases.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct QueueQuery {
    /// Only these statuses, comma-separated (`new,in_review`).
    pub status: Option<String>,
    /// Only this priority band.
    #[param(value_type = Option<sanad_shared::triage::PriorityLevel>)]
    pub priority: Option<String>,
    /// Only items with this label id.
    pub label: Option<i64>,
    /// `me`, `none`, or a staff id.
    pub assignee: Option<String>,
    /// Only items from this governorate.
    #[param(value_type = Option<sanad_shared::tips::Governorate>)]
    pub governorate: Option<String>,
    /// Received on or after this day (`YYYY-MM-DD`).
    #[param(schema_with = crate::openapi::day_since_1900)]
    pub from: Option<String>,
    /// Received on or before this day (`YYYY-MM-DD`).
    #[param(schema_with = crate::openapi::day_since_1900)]
    pub to: Option<String>,
    /// Only items past the first-look target.
    pub overdue: Option<bool>,
    /// Only items with (or without) pictures.
    pub attachments: Option<bool>,
    /// Only items that share a phone or account with another tip or case (or that do not).
    pub linked: Option<bool>,
    /// Words the item must hold (description, names, agency, place), in any spelling the
    /// Arabic and Kurdish normaliser unifies; Latin letters in any case.
    pub q: Option<String>,
    /// Page number, from 1 (at most 1,000).
    #[param(minimum = 1, maximum = 1000)]
    pub page: Option<u32>,
    /// Page size, 1 to 100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// A checked [`QueueQuery`]: what to ask [`triage::queue`] for.
pub struct QueuePage {
    pub filter: QueueFilter,
    pub number: u32,
    pub offset: i64,
    pub limit: i64,
}

impl QueuePage {
    /// The next page's number, when there is one to show.
    pub fn next(&self, more: bool) -> Option<u32> {
        (more && self.number < 1000).then_some(self.number + 1)
    }
}

fn invalid(field: &str) -> ApiError {
    ApiError::InvalidTriage(vec![FieldProblem::at(field, "invalid")])
}

impl QueueQuery {
    /// The filters, each checked: an unknown status, band or governorate, a malformed day
    /// or page is refused rather than ignored, so a bookmarked view never silently shows
    /// everything. `status` reads one status of the item's kind.
    pub fn page(
        &self,
        sealer: &Sealer,
        status: impl Fn(&str) -> Option<&'static str>,
    ) -> Result<QueuePage, ApiError> {
        let given = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let mut statuses = Vec::new();
        for text in given(&self.status).iter().flat_map(|s| s.split(',')) {
            statuses.push(
                status(text.trim())
                    .ok_or_else(|| invalid("status"))?
                    .to_owned(),
            );
        }
        let level = match given(&self.priority) {
            Some(p) => Some(PriorityLevel::parse(&p).ok_or_else(|| invalid("priority"))?),
            None => None,
        };
        let governorate = match given(&self.governorate) {
            Some(g) => Some(
                Governorate::parse(&g)
                    .ok_or_else(|| invalid("governorate"))?
                    .as_str()
                    .to_owned(),
            ),
            None => None,
        };
        let day = |field: &str, v: &Option<String>| super::query_day(field, v.as_deref());
        let words = match given(&self.q) {
            Some(q) => {
                let words = triage::word_indexes(sealer, &[q.as_str()])?;
                if words.is_empty() {
                    // Single letters are not indexed: finding everything would look like a
                    // match.
                    return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
                        "q",
                        "too_short",
                    )]));
                }
                words
            }
            None => Vec::new(),
        };
        let number = self.page.unwrap_or(1);
        if !(1..=1000).contains(&number) {
            return Err(invalid("page"));
        }
        let limit = self.limit.unwrap_or(50);
        if !(1..=100).contains(&limit) {
            return Err(invalid("limit"));
        }
        Ok(QueuePage {
            filter: QueueFilter {
                statuses,
                level,
                label: self.label,
                assignee: given(&self.assignee).map(|a| match a.as_str() {
                    "me" => AssigneeFilter::Me,
                    "none" => AssigneeFilter::Nobody,
                    other => AssigneeFilter::Staff(other.to_owned()),
                }),
                governorate,
                from: day("from", &self.from)?,
                to: day("to", &self.to)?,
                overdue: self.overdue.unwrap_or(false),
                has_attachments: self.attachments,
                linked: self.linked,
                words,
            },
            number,
            offset: i64::from(number - 1) * limit,
            limit,
        })
    }
}

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
    seal: &audit::Seal,
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
        audit::append(conn, seal, &entry)?;
        triage::view(conn, sealer, kind, id)
    })
}

/// Tells the new assignee by mail, without content, unless they assigned themselves.
#[allow(clippy::too_many_arguments)] // what the handler's extractors hand on
fn tell_assignee(
    kind: ItemKind,
    id: i64,
    assignee: String,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    mailer: web::Data<Mailer>,
    locales: web::Data<Locales>,
    site: web::Data<Site>,
) {
    actix_web::rt::spawn(async move {
        let person = with_db(&pool, move |conn| {
            Ok(crate::auth::store::find_by_id(conn, &sealer, &assignee)?)
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
    seal: web::Data<crate::audit::Seal>,
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
            let view = change_item(conn, &seal, &sealer, kind, id, change.version, |conn| {
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
        tell_assignee(kind, id, assignee, sealer, pool, mailer, locales, site);
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
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let problems = change.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidTriage(problems));
    }
    let view = with_db(&pool, move |conn| {
        change_item(conn, &seal, &sealer, kind, id, change.version, |conn| {
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
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let view = with_db(&pool, move |conn| {
        change_item(conn, &seal, &sealer, kind, id, change.version, |conn| {
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
    seal: web::Data<crate::audit::Seal>,
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
                        &seal,
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
                        &seal,
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
                        &seal,
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
    body: crate::json_body::Json<AssigneeChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
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
        seal,
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
    body: crate::json_body::Json<AssigneeChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
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
        seal,
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
    body: crate::json_body::Json<PriorityChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    prioritise(
        ItemKind::Tip,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
        seal,
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
    body: crate::json_body::Json<PriorityChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    prioritise(
        ItemKind::Case,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
        seal,
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
    body: crate::json_body::Json<LabelsChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    relabel(
        ItemKind::Tip,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
        seal,
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
    body: crate::json_body::Json<LabelsChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    relabel(
        ItemKind::Case,
        auth.0,
        path.into_inner(),
        body.into_inner(),
        sealer,
        pool,
        seal,
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
    body: crate::json_body::Json<BulkChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    bulk(ItemKind::Tip, auth.0, body.into_inner(), sealer, pool, seal).await
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
    body: crate::json_body::Json<BulkChange>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    bulk(
        ItemKind::Case,
        auth.0,
        body.into_inner(),
        sealer,
        pool,
        seal,
    )
    .await
}

async fn timeline(
    auth: StaffAuth,
    kind: ItemKind,
    id: i64,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let events = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let events = triage::timeline(conn, &sealer, kind, id)?;
            // It holds the tip's notes: a read of sealed content, audited like the tip's.
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    match kind {
                        ItemKind::Tip => "tip_timeline_read",
                        ItemKind::Case => "case_timeline_read",
                    },
                    object(kind, id),
                    json!({}),
                ),
            )?;
            Ok(events)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(events))
}

#[utoipa::path(get, path = "/api/v1/tips/{id}/timeline", tag = "triage", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "The tip's history, oldest first: status changes, assignments, labels, priority by hand, notes, replies and the tipster's messages (their day only)", body = [TimelineEvent]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
    ))]
pub async fn tip_timeline(
    auth: Moderator,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    timeline(auth.0, ItemKind::Tip, path.into_inner(), sealer, pool, seal).await
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/timeline", tag = "triage", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case's history, oldest first: status changes, assignments, labels, priority by hand, notes, merges, messages both ways (the family's by day only)", body = [TimelineEvent]),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn case_timeline(
    auth: Caseworker,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    timeline(
        auth.0,
        ItemKind::Case,
        path.into_inner(),
        sealer,
        pool,
        seal,
    )
    .await
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
    body: crate::json_body::Json<sanad_shared::cases::NewNote>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let note = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let note =
                triage::add_note(conn, &sealer, ItemKind::Tip, id, &auth.staff_id, &body.text)?;
            triage::bump(conn, ItemKind::Tip, id)?;
            audit::append(
                conn,
                &seal,
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
    body: crate::json_body::Json<NewLabel>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let label = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let label = triage::create_label(conn, &body)?;
            audit::append(
                conn,
                &seal,
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
    body: crate::json_body::Json<NewLabel>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let label = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let label = triage::update_label(conn, id, &body)?;
            audit::append(
                conn,
                &seal,
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
    let works = |kind| {
        triage::roles_for(kind)
            .iter()
            .any(|role| auth.roles.contains(role))
    };
    // Each kind's counts walk its open items once; the two walks are independent reads, so
    // they run at the same time on two connections.
    let counts = |kind: ItemKind| {
        let pool = pool.clone();
        let me = auth.staff_id.clone();
        let wanted = works(kind);
        async move {
            if wanted {
                with_db(&pool, move |conn| triage::counts(conn, kind, &me)).await
            } else {
                Ok(Default::default())
            }
        }
    };
    let (tips, cases, first_look_hours) = futures_util::future::try_join3(
        counts(ItemKind::Tip),
        counts(ItemKind::Case),
        with_db(&pool, triage::first_look_hours),
    )
    .await?;
    Ok(HttpResponse::Ok().json(Overview {
        tips,
        cases,
        first_look_hours,
    }))
}

/// Whether `auth` works items of `kind`: a view of a queue the person cannot open is refused.
fn works(auth: &StaffAuth, kind: ItemKind) -> Result<(), ApiError> {
    if triage::roles_for(kind)
        .iter()
        .any(|role| auth.roles.contains(role))
    {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ViewsQuery {
    #[param(value_type = sanad_shared::triage::ItemKind)]
    pub kind: String,
}

#[utoipa::path(get, path = "/api/v1/views", tag = "triage", security(("bearer" = [])), params(ViewsQuery),
    responses(
        (status = 200, description = "The person's own saved views of that queue, by name", body = [SavedView]),
        (status = 400, description = "An unknown kind", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "The person does not work that queue", body = ApiErrorBody),
    ))]
pub async fn views(
    auth: Triager,
    query: crate::query_params::Query<ViewsQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
) -> Result<HttpResponse, ApiError> {
    let kind = ItemKind::parse(&query.kind)
        .ok_or_else(|| ApiError::InvalidTriage(vec![FieldProblem::at("kind", "invalid")]))?;
    works(&auth, kind)?;
    let views = with_db(&pool, move |conn| {
        saved_views::list(conn, &sealer, &auth.staff_id, kind)
    })
    .await?;
    Ok(HttpResponse::Ok().json(views))
}

#[utoipa::path(post, path = "/api/v1/views", tag = "triage", security(("bearer" = [])), request_body = NewSavedView,
    responses(
        (status = 201, description = "Saved", body = SavedView),
        (status = 200, description = "Replaced the person's view of the same name", body = SavedView),
        (status = 400, description = "A missing, long or unsafe name, too many views, or filters the queue would refuse", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "The person does not work that queue", body = ApiErrorBody),
    ))]
pub async fn save_view(
    auth: Triager,
    body: crate::json_body::Json<NewSavedView>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let view = body.into_inner();
    let problems = view.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidTriage(problems));
    }
    works(&auth, view.kind)?;
    // The filters are read exactly as the queue reads its address, so a saved view always
    // opens; the answer names the filter that is wrong.
    let filters = web::Query::<QueueQuery>::from_query(&crate::query_params::without_empty(
        view.query.trim().trim_start_matches('?'),
    ))
    .map_err(|_| ApiError::InvalidTriage(vec![FieldProblem::at("query", "invalid")]))?;
    match view.kind {
        ItemKind::Tip => filters.page(&sealer, |s| TipStatus::parse(s).map(|s| s.as_str())),
        ItemKind::Case => filters.page(&sealer, |s| CaseStatus::parse(s).map(|s| s.as_str())),
    }?;
    let (saved, created) = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            let (saved, created) = saved_views::save(conn, &sealer, &auth.staff_id, &view)?;
            // Name and filters stay out of the trail: a saved search holds the words looked for.
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "view_saved",
                    format!("view:{}", saved.id),
                    json!({ "kind": saved.kind, "replaced": !created }),
                ),
            )?;
            Ok((saved, created))
        })
    })
    .await?;
    Ok(if created {
        HttpResponse::Created().json(saved)
    } else {
        HttpResponse::Ok().json(saved)
    })
}

#[utoipa::path(delete, path = "/api/v1/views/{id}", tag = "triage", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The view's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither moderator, caseworker nor admin", body = ApiErrorBody),
        (status = 404, description = "No such view of this person's", body = ApiErrorBody),
    ))]
pub async fn delete_view(
    auth: Triager,
    path: web::Path<i64>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    with_db(&pool, move |conn| {
        audit::audited(conn, |conn| -> Result<(), ApiError> {
            let kind = saved_views::delete(conn, &auth.staff_id, id)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "view_deleted",
                    format!("view:{id}"),
                    json!({ "kind": kind }),
                ),
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
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
        .service(secured!("/tips/{id}/timeline").route(web::get().to(tip_timeline)))
        .service(secured!("/cases/{id}/timeline").route(web::get().to(case_timeline)))
        .service(
            secured!("/labels")
                .route(web::get().to(labels))
                .route(web::post().to(create_label)),
        )
        .service(secured!("/labels/{id}").route(web::put().to(update_label)))
        .service(secured!("/triage/overview").route(web::get().to(overview)))
        .service(secured!("/triage/staff").route(web::get().to(colleagues)))
        .service(
            secured!("/views")
                .route(web::get().to(views))
                .route(web::post().to(save_view)),
        )
        .service(secured!("/views/{id}").route(web::delete().to(delete_view)));
}
