//! For `cargo xtask bench`: the raw single-row commit rate of a database on this machine, the
//! baseline group commit is judged against. Each row is its own transaction, as a naive server
//! would write one tip per request.
//!
//! `commit_rate <database url> <seconds> <clients>`; prints `commits/s <rate>`.
//! SQLite uses the same settings as the server (WAL, `synchronous=FULL`); its writers take turns
//! anyway, so extra clients only queue on the lock.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use diesel::{connection::SimpleConnection, RunQueryDsl};
use sanad_backend::db::{self, DatabaseUrl};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args.next().context("database URL")?;
    let seconds: u64 = args.next().context("seconds")?.parse()?;
    let clients: usize = args.next().context("clients")?.parse()?;
    let url = DatabaseUrl::parse(&url)?;
    if let DatabaseUrl::Sqlite(path) = &url {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
    }
    let pool = db::pool(&url, u32::try_from(clients)?.max(1))?;
    pool.get()?.batch_execute(
        "DROP TABLE IF EXISTS commit_rate_rows; \
         CREATE TABLE commit_rate_rows (id BIGINT NOT NULL, payload TEXT NOT NULL)",
    )?;
    let stop_at = Instant::now() + Duration::from_secs(seconds);
    let commits: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client| {
                let pool = pool.clone();
                scope.spawn(move || -> anyhow::Result<usize> {
                    let mut conn = pool.get()?;
                    let mut count = 0_usize;
                    while Instant::now() < stop_at {
                        diesel::sql_query(format!(
                            "INSERT INTO commit_rate_rows (id, payload) VALUES ({}, 'a tip-sized row of text, about as long as a short report')",
                            client * 10_000_000 + count
                        ))
                        .execute(&mut conn)?;
                        count += 1;
                    }
                    Ok(count)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| anyhow::anyhow!("a client panicked"))?)
            .sum::<anyhow::Result<usize>>()
    })?;
    pool.get()?
        .batch_execute("DROP TABLE IF EXISTS commit_rate_rows")?;
    println!("commits/s {:.1}", commits as f64 / seconds as f64);
    Ok(())
}
