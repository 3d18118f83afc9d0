//! Entities and the network between reports: an entity's page, looking one up by value, merging
//! and splitting agency spellings, what a tip or case shares with other reports, and the network
//! view. Every answer holds sealed values (numbers, names), so every read is audited.

use actix_web::{web, HttpResponse};
use sanad_shared::{
    api::ApiError as ApiErrorBody,
    entities::{Connections, EntityLookup, EntityMerge, EntityPage, Network},
    tips::FieldProblem,
    triage::ItemKind,
};
use serde::Deserialize;
use serde_json::json;

use crate::{
    audit,
    auth::{Caseworker, Moderator, StaffAuth, Triager},
    crypto::Sealer,
    db::{self, with_db},
    entities::{self, Centre, Period, Reader},
    error::ApiError,
};

/// Runs a read, then writes its audit entry; the answer is only given once the entry is written.
/// The read itself holds no lock: a two-step network may take tens of milliseconds, and writers
/// (tipsters) should not wait that long.
async fn audited_read<T, F>(
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
    auth: StaffAuth,
    action: &'static str,
    object: String,
    read: F,
) -> Result<T, ApiError>
where
    F: FnOnce(&mut db::DbConnection) -> Result<(T, serde_json::Value), ApiError> + Send + 'static,
    T: Send + 'static,
{
    with_db(&pool, move |conn| {
        let (answer, details) = read(conn)?;
        audit::audited(conn, |conn| -> Result<(), ApiError> {
            audit::append(conn, &seal, &auth.entry(action, object, details))?;
            Ok(())
        })?;
        Ok(answer)
    })
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LookupQuery {
    /// A phone number (any digit set), an account (`@handle`, a link) or an agency's name.
    #[param(
        max_length = 200,
        pattern = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
    )]
    pub value: String,
}

#[utoipa::path(get, path = "/api/v1/entities", tag = "entities", security(("bearer" = [])), params(LookupQuery),
    responses(
        (status = 200, description = "The entities the value may stand for, among those the reader may see", body = EntityLookup),
        (status = 400, description = "No value, or longer than 200 characters", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker", body = ApiErrorBody),
    ))]
pub async fn lookup(
    auth: Triager,
    query: crate::query_params::Query<LookupQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let value = query.into_inner().value.trim().to_owned();
    if value.is_empty() || value.chars().count() > 200 {
        return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
            "value",
            if value.is_empty() {
                "required"
            } else {
                "too_long"
            },
        )]));
    }
    let reader = Reader::of(&auth.0);
    let found = audited_read(
        pool,
        seal,
        auth.0,
        "entity_looked_up",
        "entities".into(),
        move |conn| {
            let entities = entities::lookup(conn, &sealer, &value, reader)?;
            let ids: Vec<i64> = entities.iter().map(|e| e.id).collect();
            Ok((EntityLookup { entities }, json!({ "found": ids })))
        },
    )
    .await?;
    Ok(HttpResponse::Ok().json(found))
}

#[utoipa::path(get, path = "/api/v1/entities/{id}", tag = "entities", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The entity's id (a merged spelling answers with the entity it belongs to)")),
    responses(
        (status = 200, description = "The entity, its spellings, and the reports that name it (those the reader works; the others counted)", body = EntityPage),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such entity, or only reports the reader does not work name it", body = ApiErrorBody),
    ))]
pub async fn page(
    auth: Triager,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let reader = Reader::of(&auth.0);
    let page = audited_read(
        pool,
        seal,
        auth.0,
        "entity_read",
        format!("entity:{id}"),
        move |conn| {
            let page = entities::page(conn, &sealer, id, reader)?;
            Ok((page, json!({})))
        },
    )
    .await?;
    Ok(HttpResponse::Ok().json(page))
}

#[utoipa::path(post, path = "/api/v1/entities/{id}/aliases", tag = "entities", security(("bearer" = [])), request_body = EntityMerge,
    params(("id" = i64, Path, description = "The agency that keeps its name")),
    responses(
        (status = 200, description = "Merged: `other` and its spellings are now spellings of this agency", body = EntityPage),
        (status = 400, description = "Not two agencies, or already one (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker", body = ApiErrorBody),
        (status = 404, description = "Either entity unknown to the reader", body = ApiErrorBody),
    ))]
pub async fn merge(
    auth: Triager,
    path: web::Path<i64>,
    body: crate::json_body::Json<EntityMerge>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let other = body.into_inner().other;
    let auth = auth.0;
    let reader = Reader::of(&auth);
    let page = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            for entity in [id, other] {
                if !entities::visible(conn, entity, reader)? {
                    return Err(ApiError::NotFound);
                }
            }
            let moved = entities::merge(conn, id, other)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "entity_merged",
                    format!("entity:{id}"),
                    json!({ "merged": moved }),
                ),
            )?;
            entities::page(conn, &sealer, id, reader)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(page))
}

#[utoipa::path(delete, path = "/api/v1/entities/{id}/aliases/{alias}", tag = "entities", security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "The agency"),
        ("alias" = i64, Path, description = "The spelling to split off: it becomes an entity of its own again"),
    ),
    responses(
        (status = 200, description = "Split; the agency as it is now", body = EntityPage),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker", body = ApiErrorBody),
        (status = 404, description = "Not a spelling of this agency", body = ApiErrorBody),
    ))]
pub async fn split(
    auth: Triager,
    path: web::Path<(i64, i64)>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (id, alias) = path.into_inner();
    let auth = auth.0;
    let reader = Reader::of(&auth);
    let page = with_db(&pool, move |conn| {
        audit::audited(conn, |conn| {
            if !entities::visible(conn, id, reader)? {
                return Err(ApiError::NotFound);
            }
            entities::split(conn, id, alias)?;
            audit::append(
                conn,
                &seal,
                &auth.entry(
                    "entity_split",
                    format!("entity:{id}"),
                    json!({ "split": alias }),
                ),
            )?;
            entities::page(conn, &sealer, id, reader)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(page))
}

async fn connections(
    auth: StaffAuth,
    kind: ItemKind,
    id: i64,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let reader = Reader::of(&auth);
    let object = format!("{}:{id}", kind.as_str());
    let found = audited_read(pool, seal, auth, "connections_read", object, move |conn| {
        crate::triage::version_of(conn, kind, id)?;
        let found = entities::connections(conn, &sealer, kind, id, reader)?;
        Ok((found, json!({})))
    })
    .await?;
    Ok(HttpResponse::Ok().json(found))
}

#[utoipa::path(get, path = "/api/v1/tips/{id}/connections", tag = "entities", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The tip's id")),
    responses(
        (status = 200, description = "What the tip names, and the tips and cases that name the same (cases listed to caseworkers, counted for others)", body = Connections),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a moderator", body = ApiErrorBody),
        (status = 404, description = "No such tip", body = ApiErrorBody),
    ))]
pub async fn tip_connections(
    auth: Moderator,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    connections(auth.0, ItemKind::Tip, path.into_inner(), sealer, pool, seal).await
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/connections", tag = "entities", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "What the case names about the recruitment, and the tips and cases that name the same (tips listed to moderators, counted for others)", body = Connections),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Not a caseworker", body = ApiErrorBody),
        (status = 404, description = "No such case", body = ApiErrorBody),
    ))]
pub async fn case_connections(
    auth: Caseworker,
    path: web::Path<i64>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    connections(
        auth.0,
        ItemKind::Case,
        path.into_inner(),
        sealer,
        pool,
        seal,
    )
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NetworkQuery {
    /// The entity the view is about.
    pub entity: Option<i64>,
    /// Or the tip.
    pub tip: Option<i64>,
    /// Or the case.
    pub case: Option<i64>,
    /// Only reports that arrived on or after this day (`YYYY-MM-DD`).
    #[param(schema_with = crate::openapi::day_since_1900)]
    pub from: Option<String>,
    /// Only reports that arrived on or before this day.
    #[param(schema_with = crate::openapi::day_since_1900)]
    pub to: Option<String>,
}

impl NetworkQuery {
    fn centre(&self) -> Result<Centre, ApiError> {
        match (self.entity, self.tip, self.case) {
            (Some(id), None, None) => Ok(Centre::Entity(id)),
            (None, Some(id), None) => Ok(Centre::Item(ItemKind::Tip, id)),
            (None, None, Some(id)) => Ok(Centre::Item(ItemKind::Case, id)),
            _ => Err(ApiError::InvalidTriage(vec![FieldProblem::at(
                "centre",
                "one_of_entity_tip_case",
            )])),
        }
    }

    /// The centre, the period, and the centre as the audit trail names it.
    fn parsed(&self) -> Result<(Centre, Period, String), ApiError> {
        let centre = self.centre()?;
        let object = match centre {
            Centre::Entity(id) => format!("entity:{id}"),
            Centre::Item(kind, id) => format!("{}:{id}", kind.as_str()),
        };
        Ok((centre, self.period()?, object))
    }

    fn period(&self) -> Result<Period, ApiError> {
        let day = |field: &str, value: &Option<String>| super::query_day(field, value.as_deref());
        let period = Period {
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
        };
        if let (Some(from), Some(to)) = (&period.from, &period.to) {
            if from > to {
                return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
                    "to",
                    "before_from",
                )]));
            }
        }
        Ok(period)
    }
}

#[utoipa::path(get, path = "/api/v1/network", tag = "entities", security(("bearer" = [])), params(NetworkQuery),
    responses(
        (status = 200, description = "What is connected to the entity, tip or case up to two steps away, at most 200 nodes", body = Network),
        (status = 400, description = "Not exactly one of entity, tip and case, or a malformed day (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker, or a report of a kind the reader does not work", body = ApiErrorBody),
        (status = 404, description = "Unknown to the reader", body = ApiErrorBody),
    ))]
pub async fn network(
    auth: Triager,
    query: crate::query_params::Query<NetworkQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (centre, period, object) = query.parsed()?;
    let reader = Reader::of(&auth.0);
    let network = audited_read(pool, seal, auth.0, "network_read", object, move |conn| {
        let network = entities::network(conn, &sealer, centre, &period, reader)?;
        let details = json!({ "nodes": network.nodes.len(), "from": period.from, "to": period.to });
        Ok((network, details))
    })
    .await?;
    Ok(HttpResponse::Ok().json(network))
}

#[utoipa::path(get, path = "/api/v1/network/export", tag = "entities", security(("bearer" = [])), params(NetworkQuery),
    responses(
        (status = 200, description = "The network's numbers, accounts and agencies, and which are named together by how many reports, as FollowTheMoney entities (one JSON object per line) for Aleph and OpenSanctions' tools", content_type = "application/x-ndjson"),
        (status = 400, description = "Not exactly one of entity, tip and case, or a malformed day (`invalid_triage`)", body = ApiErrorBody),
        (status = 401, description = "No valid session", body = ApiErrorBody),
        (status = 403, description = "Neither a moderator nor a caseworker, or a report of a kind the reader does not work", body = ApiErrorBody),
        (status = 404, description = "Unknown to the reader", body = ApiErrorBody),
    ))]
pub async fn network_export(
    auth: Triager,
    query: crate::query_params::Query<NetworkQuery>,
    sealer: web::Data<Sealer>,
    pool: web::Data<db::Pool>,
    seal: web::Data<crate::audit::Seal>,
) -> Result<HttpResponse, ApiError> {
    let (centre, period, object) = query.parsed()?;
    let reader = Reader::of(&auth.0);
    let lines = audited_read(
        pool,
        seal,
        auth.0,
        "network_exported",
        object,
        move |conn| {
            let network = entities::network(conn, &sealer, centre, &period, reader)?;
            let lines = entities::followthemoney(&network);
            let details =
                json!({ "entities": lines.lines().count(), "from": period.from, "to": period.to });
            Ok((lines, details))
        },
    )
    .await?;
    let day = time::OffsetDateTime::now_utc().date();
    Ok(HttpResponse::Ok()
        .content_type("application/x-ndjson; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"sanad-network-{day}.ftm.json\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(lines))
}

/// This module's routes under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(secured!("/entities").route(web::get().to(lookup)))
        .service(secured!("/entities/{id}").route(web::get().to(page)))
        .service(secured!("/entities/{id}/aliases").route(web::post().to(merge)))
        .service(secured!("/entities/{id}/aliases/{alias}").route(web::delete().to(split)))
        .service(secured!("/tips/{id}/connections").route(web::get().to(tip_connections)))
        .service(secured!("/cases/{id}/connections").route(web::get().to(case_connections)))
        .service(secured!("/network").route(web::get().to(network)))
        .service(secured!("/network/export").route(web::get().to(network_export)));
}
