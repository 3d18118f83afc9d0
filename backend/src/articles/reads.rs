//! Counting reads without tracking readers: a number per article, language and day (UTC), and
//! nothing else. No cookie, no address, no user agent, no time of day, no per-reader row. Counts
//! are added up in memory and written every few seconds with one upsert per article and
//! language, so a crowd of readers costs the database a handful of writes.

use std::{collections::HashMap, sync::Mutex, time::Duration};

use actix_web::web;
use diesel::{sql_query, sql_types::BigInt, sql_types::Text, Connection as _, RunQueryDsl};
use sanad_shared::Language;

use crate::{
    db::with_db,
    db::{self, DbConnection},
    error::ApiError,
};

/// How often the counts in memory are written.
pub const FLUSH_EVERY: Duration = Duration::from_secs(2);

type Counts = HashMap<(i64, Language, String), i64>;

#[derive(Default)]
pub struct ReadCounter {
    pending: Mutex<Counts>,
}

impl ReadCounter {
    /// One read of article `id` in `language`, today.
    pub fn count(&self, id: i64, language: Language) {
        let day = crate::anonymous::today();
        if let Ok(mut pending) = self.pending.lock() {
            *pending.entry((id, language, day)).or_default() += 1;
        }
    }

    fn take(&self) -> Counts {
        self.pending
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }

    /// Writes what was counted so far.
    pub async fn flush(&self, pool: &web::Data<db::Pool>) -> Result<(), ApiError> {
        let counts = self.take();
        if counts.is_empty() {
            return Ok(());
        }
        with_db(pool, move |conn| add(conn, &counts)).await
    }
}

const SQLITE_UPSERT: &str = "INSERT INTO article_reads (article_id, language, day, count) \
     VALUES (?, ?, ?, ?) ON CONFLICT (article_id, language, day) \
     DO UPDATE SET count = article_reads.count + excluded.count";
const POSTGRES_UPSERT: &str = "INSERT INTO article_reads (article_id, language, day, count) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (article_id, language, day) \
     DO UPDATE SET count = article_reads.count + excluded.count";

/// Adds `counts` to the stored ones in one transaction. The upsert is the same statement on both
/// databases but for its placeholders.
fn add(conn: &mut DbConnection, counts: &Counts) -> Result<(), ApiError> {
    conn.transaction(|conn| {
        for ((id, language, day), count) in counts {
            match conn {
                DbConnection::Sqlite(c) => sql_query(SQLITE_UPSERT)
                    .bind::<BigInt, _>(id)
                    .bind::<Text, _>(language.code())
                    .bind::<Text, _>(day)
                    .bind::<BigInt, _>(count)
                    .execute(c)?,
                DbConnection::Postgres(c) => sql_query(POSTGRES_UPSERT)
                    .bind::<BigInt, _>(id)
                    .bind::<Text, _>(language.code())
                    .bind::<Text, _>(day)
                    .bind::<BigInt, _>(count)
                    .execute(c)?,
            };
        }
        Ok(())
    })
}
