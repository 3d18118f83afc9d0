//! CSV exports: a filtered list of tips or cases (the queue's filters), and the statistics. A list
//! is exported by those who work its kind only (tip text for moderators, a person's data and the
//! family's contact details for caseworkers): a list of the other kind, even without its text,
//! would show more than the statistics do, where small counts are hidden. Every export is
//! audited with its filter and row count.

use actix_web::{http::header, web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody, cases::CaseStatus, tips::FieldProblem, tips::TipStatus,
    triage::ItemKind,
};
use serde_json::json;

use crate::{
    audit,
    auth::{Caseworker, Moderator, StaffAuth, Triager},
    cases,
    crypto::Sealer,
    db::{self, with_db},
    entities::Reader,
    error::ApiError,
    exports::{self, MAX_ROWS},
    routes::{statistics::PeriodQuery, triage::QueueQuery},
    statistics::Audience,
    tips, triage,
};

/// The filters as the audit trail keeps them: everything but the words searched for, which the
/// service never keeps in the clear (only whether there were any).
fn described(query: &QueueQuery) -> serde_json::Value {
    json!({
        "status": query.status,
        "priority": query.priority,
        "label": query.label,
        "assignee": query.assignee,
        "governorate": query.governorate,
        "from": query.from,
        "to": query.to,
        "overdue": query.overdue,
        "attachments": query.attachments,
        "linked": query.linked,
        "words": query.q.as_deref().is_some_and(|q| !q.trim().is_empty()),
    })
}

fn attachment(name: &str, bytes: Vec<u8>) -> HttpResponse {
    let day = time::OffsetDateTime::now_utc().date();
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"sanad-{name}-{day}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes)
}

fn joined(values: impl IntoIterator<Item = String>) -> String {
    values.into_iter().collect::<Vec<_>>().join(" | ")
}

/// The matching ids, most urgent first, refused when more than an export holds.
fn matching(
    conn: &mut db::DbConnection,
    kind: ItemKind,
    filter: &triage::QueueFilter,
    auth: &StaffAuth,
) -> Result<Vec<i64>, ApiError> {
    let limit = i64::try_from(MAX_ROWS).unwrap_or(i64::MAX);
    let (ids, more) = triage::queue(conn, kind, filter, &auth.staff_id, 0, limit)?;
    if more {
        return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
            "export",
            "too_many_rows",
        )]));
    }
    Ok(ids)
}

#[utoipa::path(get, path = "/api/v1/tips/export", tag = "exports", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "The matching tips, most urgent first, with their text, as CSV (UTF-8 with BOM)", content_type = "text/csv"),
        (status = 400, description = "A filter the queue refuses, or more than 5,000 rows (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
    ))]
pub async fn tips_csv(
    auth: Moderator,
    query: crate::query_params::Query<QueueQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let auth = auth.0;
    let page = query.page(&sealer, |s| TipStatus::parse(s).map(|s| s.as_str()))?;
    let filter = described(&query);
    let bytes = with_db(&pool, move |conn| {
        let ids = matching(conn, ItemKind::Tip, &page.filter, &auth)?;
        let found = tips::for_export(conn, &sealer, &ids, true)?;
        let triaged = triage::summaries(conn, ItemKind::Tip, &ids)?;
        let header = [
            "id",
            "received_on",
            "subject",
            "status",
            "governorate",
            "priority",
            "first_look_on",
            "description",
            "names",
            "phones",
            "accounts",
            "agency",
            "place",
        ];
        let rows: Vec<Vec<String>> = found
            .into_iter()
            .map(|tip| {
                let t = triaged.get(&tip.id);
                let content = tip.content.unwrap_or_default();
                vec![
                    tip.id.to_string(),
                    tip.received_on,
                    tip.subject,
                    exports::status_code(&tip.status),
                    tip.governorate.unwrap_or_default(),
                    t.map(|t| t.priority.to_string()).unwrap_or_default(),
                    t.and_then(|t| t.first_look_on.clone()).unwrap_or_default(),
                    content.description,
                    joined(content.names),
                    joined(content.phones),
                    joined(
                        content
                            .accounts
                            .iter()
                            .map(|a| format!("{}: {}", a.platform.as_str(), a.handle)),
                    ),
                    content.agency.unwrap_or_default(),
                    content.place.unwrap_or_default(),
                ]
            })
            .collect();
        let bytes = exports::csv(&header, &rows)?;
        audit::audited(conn, |conn| {
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "tips_exported",
                    "tips".into(),
                    json!({ "filter": filter, "rows": rows.len() }),
                ),
            )
        })?;
        Ok(bytes)
    })
    .await?;
    Ok(attachment("tips", bytes))
}

#[utoipa::path(get, path = "/api/v1/cases/export", tag = "exports", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "The matching cases, most urgent first, with the person's data and the family's contact details, as CSV (UTF-8 with BOM)", content_type = "text/csv"),
        (status = 400, description = "A filter the queue refuses, or more than 5,000 rows (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
    ))]
pub async fn cases_csv(
    auth: Caseworker,
    query: crate::query_params::Query<QueueQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let auth = auth.0;
    let page = query.page(&sealer, |s| CaseStatus::parse(s).map(|s| s.as_str()))?;
    let filter = described(&query);
    let bytes = with_db(&pool, move |conn| {
        let ids = matching(conn, ItemKind::Case, &page.filter, &auth)?;
        let rows_found = cases::rows_in_order(conn, &ids)?;
        let triaged = triage::summaries(conn, ItemKind::Case, &ids)?;
        let header = [
            "case_number",
            "reported_on",
            "status",
            "close_reason",
            "governorate",
            "priority",
            "first_look_on",
            "given_name",
            "father",
            "grandfather",
            "family",
            "mother",
            "latin_name",
            "sex",
            "date_of_birth",
            "age",
            "residence",
            "phones",
            "accounts",
            "left_on",
            "destination",
            "recruiter",
            "recruiter_phones",
            "last_contact_on",
            "last_known_location",
            "marks",
            "reporter_relationship",
            "reporter_name",
            "reporter_phone",
        ];
        let mut rows = Vec::with_capacity(rows_found.len());
        for case in rows_found {
            let t = triaged.get(&case.id);
            let c = case.content(&sealer)?.unwrap_or_default();
            let names = c.names;
            rows.push(vec![
                case.case_number.clone(),
                case.reported_on.clone(),
                case.status.clone(),
                case.close_reason.clone().unwrap_or_default(),
                case.governorate.clone().unwrap_or_default(),
                t.map(|t| t.priority.to_string()).unwrap_or_default(),
                t.and_then(|t| t.first_look_on.clone()).unwrap_or_default(),
                names.given,
                names.father,
                names.grandfather.unwrap_or_default(),
                names.family.unwrap_or_default(),
                names.mother.unwrap_or_default(),
                names.latin.unwrap_or_default(),
                c.sex
                    .map(|s| {
                        serde_json::to_value(s)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default()
                    })
                    .unwrap_or_default(),
                c.date_of_birth.unwrap_or_default(),
                c.age.map(|a| a.to_string()).unwrap_or_default(),
                c.residence.unwrap_or_default(),
                joined(c.phones),
                joined(
                    c.accounts
                        .iter()
                        .map(|a| format!("{}: {}", a.platform.as_str(), a.handle)),
                ),
                c.left_on.unwrap_or_default(),
                c.destination.unwrap_or_default(),
                c.recruiter.unwrap_or_default(),
                joined(c.recruiter_phones),
                c.last_contact_on.unwrap_or_default(),
                c.last_known_location.unwrap_or_default(),
                c.marks.unwrap_or_default(),
                c.reporter_relationship,
                c.reporter_name,
                c.reporter_phone,
            ]);
        }
        let bytes = exports::csv(&header, &rows)?;
        audit::audited(conn, |conn| {
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "cases_exported",
                    "cases".into(),
                    json!({ "filter": filter, "rows": rows.len() }),
                ),
            )
        })?;
        Ok(bytes)
    })
    .await?;
    Ok(attachment("cases", bytes))
}

#[utoipa::path(get, path = "/api/v1/statistics/export", tag = "exports", security(("bearer" = [])), params(PeriodQuery),
    responses(
        (status = 200, description = "The statistics as CSV (kind, figure, key, count); counts under 5 as \"<5\" whoever exports", content_type = "text/csv"),
        (status = 400, description = "A malformed period (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker", body = ApiErrorBody),
    ))]
pub async fn statistics_csv(
    auth: Triager,
    query: crate::query_params::Query<PeriodQuery>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = query.period()?;
    let auth = auth.0;
    let reader = Reader::of(&auth);
    let second = pool.clone();
    let bytes = with_db(&pool, move |conn| {
        let figures = crate::statistics::statistics(
            conn,
            &second,
            from,
            to,
            &Audience {
                tips: reader.tips,
                cases: reader.cases,
                exact: false,
            },
        )?;
        let bytes = exports::statistics(&figures)?;
        audit::audited(conn, |conn| {
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "statistics_exported",
                    "statistics".into(),
                    json!({ "from": figures.from, "to": figures.to }),
                ),
            )
        })?;
        Ok(bytes)
    })
    .await?;
    Ok(attachment("statistics", bytes))
}

/// This module's routes under `/api/v1`; registered before `/tips/{id}` and `/cases/{id}`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/tips/export").route(web::get().to(tips_csv)))
        .service(secured!("/cases/export").route(web::get().to(cases_csv)))
        .service(secured!("/statistics/export").route(web::get().to(statistics_csv)));
}
