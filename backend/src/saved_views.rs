//! The queue views a staff member names and keeps. Each is one sealed record of name and
//! filters, owned by one person; nobody else lists, reads or removes it.

use diesel::prelude::*;
use sanad_shared::{
    tips::FieldProblem,
    triage::{ItemKind, NewSavedView, SavedView, MAX_SAVED_VIEWS},
};
use serde::{Deserialize, Serialize};

use crate::{
    anonymous::random_ref, audit::now_ms, crypto::Sealer, db::DbConnection, error::ApiError,
    schema::saved_views,
};

/// What is sealed: the name with the filters, bound to the record's own key.
#[derive(Serialize, Deserialize)]
struct Body {
    name: String,
    query: String,
}

pub(crate) fn context(ref_key: &str) -> String {
    format!("saved_view:{ref_key}")
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = saved_views)]
struct Row {
    id: i64,
    ref_key: String,
    body: Vec<u8>,
}

fn open(sealer: &Sealer, kind: ItemKind, row: Row) -> Result<SavedView, ApiError> {
    let text = sealer.open_text(&row.body, &context(&row.ref_key))?;
    let body: Body =
        serde_json::from_str(&text).map_err(|_| ApiError::internal("saved view body"))?;
    Ok(SavedView {
        id: row.id,
        kind,
        name: body.name,
        query: body.query,
    })
}

/// The person's views of `kind`, by name.
pub fn list(
    conn: &mut DbConnection,
    sealer: &Sealer,
    staff_id: &str,
    kind: ItemKind,
) -> Result<Vec<SavedView>, ApiError> {
    let rows: Vec<Row> = saved_views::table
        .filter(saved_views::staff_id.eq(staff_id))
        .filter(saved_views::kind.eq(kind.as_str()))
        .order(saved_views::id.asc())
        .select(Row::as_select())
        .load(conn)?;
    let mut views = rows
        .into_iter()
        .map(|row| open(sealer, kind, row))
        .collect::<Result<Vec<_>, _>>()?;
    views.sort_by_key(|v| v.name.to_lowercase());
    Ok(views)
}

/// Saves a view, replacing the person's view of the same kind and name (names compared
/// without case); answers the view and whether it is new. The caller has checked the
/// query's filters.
pub fn save(
    conn: &mut DbConnection,
    sealer: &Sealer,
    staff_id: &str,
    view: &NewSavedView,
) -> Result<(SavedView, bool), ApiError> {
    let problems = view.problems();
    if !problems.is_empty() {
        return Err(ApiError::InvalidTriage(problems));
    }
    let name = view.name.trim().to_owned();
    let query = view.query.trim().trim_start_matches('?').to_owned();
    let existing = list(conn, sealer, staff_id, view.kind)?;
    let same = existing
        .iter()
        .find(|v| v.name.to_lowercase() == name.to_lowercase())
        .map(|v| v.id);
    if same.is_none() && existing.len() >= MAX_SAVED_VIEWS {
        return Err(ApiError::InvalidTriage(vec![FieldProblem::at(
            "name", "too_many",
        )]));
    }
    // A fresh key each time, so the replaced record's seal is never reused for new text.
    let ref_key = random_ref();
    let body = serde_json::to_string(&Body {
        name: name.clone(),
        query: query.clone(),
    })
    .map_err(|_| ApiError::internal("saved view body"))?;
    let body = sealer.seal_text(&body, &context(&ref_key))?;
    let id = match same {
        Some(id) => {
            diesel::update(saved_views::table.find(id))
                .set((
                    saved_views::ref_key.eq(&ref_key),
                    saved_views::body.eq(body),
                    saved_views::saved_at_ms.eq(now_ms()),
                ))
                .execute(conn)?;
            id
        }
        None => {
            diesel::insert_into(saved_views::table)
                .values((
                    saved_views::ref_key.eq(&ref_key),
                    saved_views::staff_id.eq(staff_id),
                    saved_views::kind.eq(view.kind.as_str()),
                    saved_views::body.eq(body),
                    saved_views::saved_at_ms.eq(now_ms()),
                ))
                .execute(conn)?;
            saved_views::table
                .filter(saved_views::ref_key.eq(&ref_key))
                .select(saved_views::id)
                .first(conn)?
        }
    };
    Ok((
        SavedView {
            id,
            kind: view.kind,
            name,
            query,
        },
        same.is_none(),
    ))
}

/// Removes one of the person's views; someone else's is as unknown as a missing one. Answers
/// the view's kind.
pub fn delete(conn: &mut DbConnection, staff_id: &str, id: i64) -> Result<ItemKind, ApiError> {
    let kind: Option<String> = saved_views::table
        .filter(saved_views::id.eq(id))
        .filter(saved_views::staff_id.eq(staff_id))
        .select(saved_views::kind)
        .first(conn)
        .optional()?;
    let kind = kind
        .as_deref()
        .and_then(ItemKind::parse)
        .ok_or(ApiError::NotFound)?;
    diesel::delete(saved_views::table.find(id)).execute(conn)?;
    Ok(kind)
}
