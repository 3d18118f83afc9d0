//! The anonymous side of a conversation (a tipster's or a family's messages), written with the
//! other messages of its group commit. Tips and cases keep their messages alike: a sealed body
//! under a random `ref_key`, in a table whose parent is found by the parent's own `ref_key`.
//!
//! On PostgreSQL a batch is one statement: the follow-up bench found messages bound by their
//! statements' round trips and planning. On SQLite, where a statement costs no round trip, each
//! message is one statement of its own.

use std::{collections::BTreeMap, marker::PhantomData};

use diesel::{pg::Pg, prelude::*, query_builder::AstPass};
use sanad_shared::tips::{MessageAuthor, TipMessage};

use crate::{
    anonymous::{random_ref, today},
    crypto::Sealer,
    db::DbConnection,
    error::ApiError,
    group_commit::Combine,
};

/// A message sealed before it reaches the writer, so that the one thread that writes does not
/// also seal.
pub struct SealedMessage {
    pub ref_key: String,
    pub body: Vec<u8>,
    pub plain: String,
}

impl SealedMessage {
    /// Seals `body`, trimmed, under the context `context` gives for a fresh message ref.
    pub fn seal(
        sealer: &Sealer,
        body: &str,
        context: impl FnOnce(&str) -> String,
    ) -> Result<SealedMessage, ApiError> {
        let ref_key = random_ref();
        let plain = body.trim().to_owned();
        Ok(SealedMessage {
            body: sealer.seal_text(&plain, &context(&ref_key))?,
            ref_key,
            plain,
        })
    }
}

/// Where one kind of conversation keeps its anonymous side's messages.
pub trait Conversation: 'static {
    /// SQL defining the CTE `parent` (`id`, `ref_key`) over the parents that the CTE `input`
    /// names in `parent_ref`, locked against deletion; any other CTE it needs may follow.
    const PARENTS: &'static str;
    /// The message table and its column naming the parent.
    const TABLE: &'static str;
    const PARENT_ID: &'static str;
    /// The `author` column's value for the anonymous side.
    const AUTHOR: &'static str;

    /// One message, in one statement or two: refuses (`follow_up_expired`, the parent is gone)
    /// before writing anything.
    fn add_one(
        conn: &mut DbConnection,
        parent_ref: &str,
        message: SealedMessage,
    ) -> Result<TipMessage, ApiError>;
}

/// A message waiting for its batch.
pub struct Queued<C> {
    parent_ref: String,
    message: SealedMessage,
    conversation: PhantomData<fn() -> C>,
}

impl<C> Queued<C> {
    pub fn new(parent_ref: String, message: SealedMessage) -> Queued<C> {
        Queued {
            parent_ref,
            message,
            conversation: PhantomData,
        }
    }
}

impl<C: Conversation> Combine for Queued<C> {
    type Output = TipMessage;

    fn run_all(
        conn: &mut DbConnection,
        items: Vec<Queued<C>>,
    ) -> Result<Vec<Result<TipMessage, ApiError>>, ApiError> {
        let DbConnection::Postgres(pg) = conn else {
            let mut outcomes = Vec::with_capacity(items.len());
            for item in items {
                match C::add_one(conn, &item.parent_ref, item.message) {
                    Err(error @ ApiError::DatabaseUnavailable(_)) => return Err(error),
                    outcome => outcomes.push(outcome),
                }
            }
            return Ok(outcomes);
        };
        let sent_on = today();
        let inserted: Vec<(String, i64)> = BatchInsert::<C> {
            parent_refs: items.iter().map(|i| i.parent_ref.as_str()).collect(),
            ref_keys: items.iter().map(|i| i.message.ref_key.as_str()).collect(),
            bodies: items.iter().map(|i| i.message.body.as_slice()).collect(),
            sent_on: &sent_on,
            conversation: PhantomData,
        }
        .load(pg)?;
        let ids: BTreeMap<String, i64> = inserted.into_iter().collect();
        Ok(items
            .into_iter()
            .map(|item| match ids.get(&item.message.ref_key) {
                Some(&id) => Ok(TipMessage {
                    id,
                    author: MessageAuthor::Tipster,
                    body: item.message.plain,
                    sent_on: sent_on.clone(),
                }),
                None => Err(ApiError::FollowUpExpired),
            })
            .collect())
    }
}

/// A batch of messages in one PostgreSQL statement, answering (message ref, id) for each
/// message stored. Its own query type rather than `sql_query` so that diesel keeps it prepared
/// on each connection: parsing and planning it for every batch took more of PostgreSQL's time
/// than the inserts (the follow-up bench).
///
/// Inserted in the order they came, so a conversation reads in that order; a message whose
/// parent is gone finds no row to join and is refused alone.
struct BatchInsert<'a, C> {
    parent_refs: Vec<&'a str>,
    ref_keys: Vec<&'a str>,
    bodies: Vec<&'a [u8]>,
    sent_on: &'a str,
    conversation: PhantomData<fn() -> C>,
}

impl<C: Conversation> diesel::query_builder::QueryId for BatchInsert<'_, C> {
    // The statement cache's key: each conversation's SQL never changes.
    type QueryId = C;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<C> diesel::query_builder::Query for BatchInsert<'_, C> {
    type SqlType = (diesel::sql_types::Text, diesel::sql_types::BigInt);
}

impl<C: Conversation> diesel::query_builder::QueryFragment<Pg> for BatchInsert<'_, C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        use diesel::sql_types::{Array, Binary, Text};
        out.push_sql("WITH input AS (SELECT * FROM unnest(");
        out.push_bind_param::<Array<Text>, _>(&self.parent_refs)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.ref_keys)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Binary>, _>(&self.bodies)?;
        out.push_sql("::bytea[]) WITH ORDINALITY AS i(parent_ref, ref_key, body, n)), ");
        out.push_sql(C::PARENTS);
        out.push_sql(" INSERT INTO ");
        out.push_sql(C::TABLE);
        out.push_sql(" (");
        out.push_sql(C::PARENT_ID);
        out.push_sql(
            ", ref_key, author, staff_id, body, sent_on) SELECT parent.id, input.ref_key, '",
        );
        out.push_sql(C::AUTHOR);
        out.push_sql("', NULL, input.body, ");
        out.push_bind_param::<Text, _>(&self.sent_on)?;
        out.push_sql(
            " FROM input JOIN parent ON parent.ref_key = input.parent_ref ORDER BY input.n \
             RETURNING ref_key, id",
        );
        Ok(())
    }
}

impl<C> RunQueryDsl<diesel::PgConnection> for BatchInsert<'_, C> {}
