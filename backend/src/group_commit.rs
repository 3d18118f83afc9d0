//! Group commit: writes from many requests share one transaction, so one disk flush (SQLite with
//! `synchronous=FULL`, a PostgreSQL commit) acknowledges a whole batch instead of one row.
//!
//! A dedicated thread takes every job waiting in the queue, runs each inside its own savepoint of
//! one transaction (a failing job is rolled back alone), commits, and only then answers each
//! request. Nothing is acknowledged before the commit that makes it durable has returned.

use std::thread;

use diesel::Connection as _;
use tokio::sync::{mpsc, oneshot};

use crate::{
    db::{self, DbConnection, DbError},
    error::ApiError,
};

/// Upper bound of one batch: large enough to absorb a burst, small enough that one transaction
/// never holds many megabytes of attachments.
const MAX_BATCH: usize = 64;
/// Requests waiting beyond this many get `database_unavailable` rather than unbounded memory.
const QUEUE_LENGTH: usize = 4096;

type Finish = Box<dyn FnOnce(Result<(), String>) + Send>;
type Job = Box<dyn FnOnce(&mut DbConnection) -> Finish + Send>;

/// Why a job's savepoint was rolled back: its own refusal, or the database.
enum JobError {
    Api(ApiError),
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for JobError {
    fn from(error: diesel::result::Error) -> JobError {
        JobError::Db(error)
    }
}

#[derive(Clone)]
pub struct GroupCommitter {
    queue: mpsc::Sender<Job>,
}

impl GroupCommitter {
    /// Starts `threads` committing threads; they end when the last clone of the committer is
    /// dropped. SQLite has one writer at a time, so one thread is all it can use; PostgreSQL
    /// commits concurrent transactions together, and a batch is bound by its statements' round
    /// trips, so several threads each committing their own batch go further.
    pub fn start(pool: db::Pool, threads: usize) -> std::io::Result<GroupCommitter> {
        let (queue, jobs) = mpsc::channel::<Job>(QUEUE_LENGTH);
        let jobs = std::sync::Arc::new(std::sync::Mutex::new(jobs));
        for n in 0..threads.max(1) {
            let pool = pool.clone();
            let jobs = jobs.clone();
            thread::Builder::new()
                .name(format!("group-commit-{n}"))
                .spawn(move || commit_loop(&pool, &jobs))?;
        }
        Ok(GroupCommitter { queue })
    }

    /// Runs `work` inside the next batch's transaction and answers once that batch is committed.
    /// `work` must be quick (no hashing, no image work): every job of the batch waits for it.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel::<Result<T, ApiError>>();
        let job: Job = Box::new(move |conn: &mut DbConnection| -> Finish {
            // A nested transaction is a savepoint: a refused job leaves the others intact.
            let outcome = conn.transaction(|conn| work(conn).map_err(JobError::Api));
            Box::new(move |committed: Result<(), String>| {
                let result = match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    (Ok(_), Err(failure)) => Err(ApiError::DatabaseUnavailable(failure)),
                    (Err(JobError::Api(error)), _) => Err(error),
                    (Err(JobError::Db(error)), _) => Err(ApiError::from(DbError::from(error))),
                };
                // The request may have gone away (client closed the connection); the write
                // stands either way.
                let _ = reply.send(result);
            })
        });
        self.queue.try_send(job).map_err(|_| {
            ApiError::DatabaseUnavailable("the write queue is full or closed".into())
        })?;
        answer
            .await
            .map_err(|_| ApiError::DatabaseUnavailable("the write queue stopped".into()))?
    }
}

/// The next batch: waits for one job, then takes what else is already queued.
fn next_batch(jobs: &std::sync::Mutex<mpsc::Receiver<Job>>, batch: &mut Vec<Job>) -> bool {
    let mut jobs = jobs.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let Some(first) = jobs.blocking_recv() else {
        return false;
    };
    batch.push(first);
    while batch.len() < MAX_BATCH {
        match jobs.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
    true
}

fn commit_loop(pool: &db::Pool, jobs: &std::sync::Mutex<mpsc::Receiver<Job>>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while next_batch(jobs, &mut batch) {
        let mut finishers: Vec<Finish> = Vec::with_capacity(batch.len());
        let committed = match pool.get() {
            Ok(mut conn) => conn
                .transaction(|conn| {
                    db::take_write_lock(conn)?;
                    for job in batch.drain(..) {
                        finishers.push(job(conn));
                    }
                    Ok::<(), diesel::result::Error>(())
                })
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(failure) = &committed {
            tracing::error!(error = %failure, "group commit failed");
        }
        for finish in finishers {
            finish(committed.clone());
        }
        // Jobs never started (no connection): dropping one drops its reply channel, and its
        // request answers `database_unavailable`.
        batch.clear();
    }
}
