//! Group commit: writes from many requests share one transaction, so one disk flush (SQLite with
//! `synchronous=FULL`, a PostgreSQL commit) acknowledges a whole batch instead of one row.
//!
//! A dedicated thread takes every job waiting in the queue, runs each inside its own savepoint of
//! one transaction (a failing job is rolled back alone), commits, and only then answers each
//! request. Nothing is acknowledged before the commit that makes it durable has returned.
//!
//! A savepoint costs two round trips on PostgreSQL (`SAVEPOINT`, `RELEASE`), as much as a small
//! job's own statements. Jobs that refuse before they write, and whose writes fail only when the
//! database does, run without one ([`GroupCommitter::run_unguarded`]): a database error in such a
//! job rolls the whole batch back and every request of the batch is told so.
//!
//! Many requests doing the same small write (a tipster's message) can go further: the batch's
//! items of one [`Combine`] type are written together by one call, one statement on PostgreSQL
//! instead of one each ([`GroupCommitter::run_combined`]).

use std::any::{Any, TypeId};

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
/// A job's answer-to-be, and whether it failed in a way that must roll the batch back.
type Work = Box<dyn FnOnce(&mut DbConnection) -> (Finish, bool) + Send>;

/// Writes that the requests of one batch make together: `run_all` gets every item of the batch
/// and answers each, in order. Like unguarded work, an item refuses before anything is written;
/// an `Err` from `run_all` (the database failed) rolls back the whole batch.
pub trait Combine: Send + Sized + 'static {
    type Output: Send + 'static;
    fn run_all(
        conn: &mut DbConnection,
        items: Vec<Self>,
    ) -> Result<Vec<Result<Self::Output, ApiError>>, ApiError>;
}

/// [`finish_combined`] for one [`Combine`] type: the answers-to-be of a batch's items of that
/// type, and whether the batch must roll back.
type RunAll = fn(&mut DbConnection, Vec<Box<dyn Any + Send>>) -> (Vec<Finish>, bool);

/// One request's item of a [`Combine`] type, with where its answer goes; type-erased so that
/// items of any type share the queue.
struct Combined {
    kind: TypeId,
    item: Box<dyn Any + Send>,
    run_all: RunAll,
}

enum Job {
    Work(Work),
    Combined(Combined),
}

type Reply<C> = (C, oneshot::Sender<Result<<C as Combine>::Output, ApiError>>);

fn unavailable<T>(count: usize, failure: &str) -> Vec<Result<T, ApiError>> {
    (0..count)
        .map(|_| Err(ApiError::DatabaseUnavailable(failure.to_owned())))
        .collect()
}

/// [`Combine::run_all`] over type-erased items, which are all `Reply<C>` (grouped by `TypeId`).
fn finish_combined<C: Combine>(
    conn: &mut DbConnection,
    items: Vec<Box<dyn Any + Send>>,
) -> (Vec<Finish>, bool) {
    let (items, replies): (Vec<C>, Vec<_>) = items
        .into_iter()
        .filter_map(|item| item.downcast::<Reply<C>>().ok())
        .map(|item| *item)
        .unzip();
    let count = replies.len();
    let (outcomes, poisoned) = match C::run_all(conn, items) {
        Ok(outcomes) if outcomes.len() == count => (outcomes, false),
        Ok(outcomes) => {
            let failure = format!("{count} combined writes gave {} answers", outcomes.len());
            (unavailable(count, &failure), true)
        }
        Err(error) => (unavailable(count, &error.to_string()), true),
    };
    let finishers = outcomes
        .into_iter()
        .zip(replies)
        .map(|(outcome, reply)| -> Finish {
            Box::new(move |committed: Result<(), String>| {
                let _ = reply.send(match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    (Ok(_), Err(failure)) => Err(ApiError::DatabaseUnavailable(failure)),
                    (Err(error), _) => Err(error),
                });
            })
        })
        .collect();
    (finishers, poisoned)
}

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
    /// dropped. Several threads each commit their own batch, which helps when a batch is bound
    /// by round trips and hurts when jobs are combined (smaller batches).
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
        self.submit(move |conn: &mut DbConnection| {
            // A nested transaction is a savepoint: a refused job leaves the others intact.
            let outcome = conn
                .transaction(|conn| work(conn).map_err(JobError::Api))
                .map_err(|error| match error {
                    JobError::Api(error) => error,
                    JobError::Db(error) => ApiError::from(DbError::from(error)),
                });
            (outcome, false)
        })
        .await
    }

    /// [`GroupCommitter::run`] without a savepoint, for `work` that returns its refusals before
    /// it writes anything. A database error from it (`database_unavailable`) rolls back the
    /// whole batch, so no request is ever told its write stands when part of it was lost.
    pub async fn run_unguarded<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    {
        self.submit(move |conn: &mut DbConnection| {
            let outcome = work(conn);
            let poisoned = matches!(outcome, Err(ApiError::DatabaseUnavailable(_)));
            (outcome, poisoned)
        })
        .await
    }

    /// Adds `item` to the next batch, where [`Combine::run_all`] writes it with the batch's
    /// other items of its type, and answers once that batch is committed.
    pub async fn run_combined<C: Combine>(&self, item: C) -> Result<C::Output, ApiError> {
        let _wait = crate::metrics::CommitWait::start();
        let (reply, answer) = oneshot::channel::<Result<C::Output, ApiError>>();
        let item: Reply<C> = (item, reply);
        self.enqueue(Job::Combined(Combined {
            kind: TypeId::of::<C>(),
            item: Box::new(item),
            run_all: finish_combined::<C>,
        }))?;
        answer
            .await
            .map_err(|_| ApiError::DatabaseUnavailable("the write queue stopped".into()))?
    }

    async fn submit<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> (Result<T, ApiError>, bool) + Send + 'static,
    {
        let _wait = crate::metrics::CommitWait::start();
        let (reply, answer) = oneshot::channel::<Result<T, ApiError>>();
        let work: Work = Box::new(move |conn: &mut DbConnection| -> (Finish, bool) {
            let (outcome, poisoned) = work(conn);
            let finish: Finish = Box::new(move |committed: Result<(), String>| {
                let result = match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    (Ok(_), Err(failure)) => Err(ApiError::DatabaseUnavailable(failure)),
                    (Err(error), _) => Err(error),
                };
                // The request may have gone away (client closed the connection); the write
                // stands either way.
                let _ = reply.send(result);
            });
            (finish, poisoned)
        });
        self.enqueue(Job::Work(work))?;
        answer
            .await
            .map_err(|_| ApiError::DatabaseUnavailable("the write queue stopped".into()))?
    }

    fn enqueue(&self, job: Job) -> Result<(), ApiError> {
        self.queue
            .try_send(job)
            .map_err(|_| ApiError::DatabaseUnavailable("the write queue is full or closed".into()))
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

/// A batch's items of one [`Combine`] type.
struct Group {
    kind: TypeId,
    run_all: RunAll,
    items: Vec<Box<dyn Any + Send>>,
}

fn commit_loop(pool: &db::Pool, jobs: &std::sync::Mutex<mpsc::Receiver<Job>>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while next_batch(jobs, &mut batch) {
        crate::metrics::batch_committed(batch.len());
        let mut finishers: Vec<Finish> = Vec::with_capacity(batch.len());
        let committed = match pool.get() {
            Ok(mut conn) => conn
                .transaction(|conn| {
                    db::take_commit_turn(conn)?;
                    let mut poisoned = false;
                    // Items of one kind go to their `run_all` together, after the other jobs.
                    let mut groups: Vec<Group> = Vec::new();
                    for job in batch.drain(..) {
                        match job {
                            Job::Work(work) => {
                                let (finish, failed) = work(conn);
                                finishers.push(finish);
                                poisoned |= failed;
                            }
                            Job::Combined(combined) => {
                                match groups.iter_mut().find(|g| g.kind == combined.kind) {
                                    Some(group) => group.items.push(combined.item),
                                    None => groups.push(Group {
                                        kind: combined.kind,
                                        run_all: combined.run_all,
                                        items: vec![combined.item],
                                    }),
                                }
                            }
                        }
                    }
                    for group in groups {
                        let (finished, failed) = (group.run_all)(conn, group.items);
                        finishers.extend(finished);
                        poisoned |= failed;
                    }
                    if poisoned {
                        return Err(diesel::result::Error::RollbackTransaction);
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use diesel::{sql_query, RunQueryDsl as _};

    use super::*;
    use crate::db::DatabaseUrl;

    fn committer() -> (GroupCommitter, db::Pool, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite(dir.path().join("sanad.db"));
        db::run_migrations(&url).unwrap();
        let pool = db::pool(&url, 2).unwrap();
        (GroupCommitter::start(pool.clone(), 1).unwrap(), pool, dir)
    }

    fn write(conn: &mut DbConnection, key: &str) -> Result<(), ApiError> {
        sql_query(format!(
            "INSERT INTO settings (key, value) VALUES ('{key}', 'x')"
        ))
        .execute(conn)?;
        Ok(())
    }

    fn stored(pool: &db::Pool) -> Vec<String> {
        #[derive(diesel::QueryableByName)]
        struct Key {
            #[diesel(sql_type = diesel::sql_types::Text)]
            key: String,
        }
        let mut conn = pool.get().unwrap();
        sql_query("SELECT key FROM settings WHERE value = 'x' ORDER BY key")
            .load::<Key>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|k| k.key)
            .collect()
    }

    /// Runs `first` and `second` in one batch: a slow job holds the committer while both queue.
    async fn in_one_batch<A, B>(
        committer: &GroupCommitter,
        first: A,
        second: B,
    ) -> (Result<(), ApiError>, Result<(), ApiError>)
    where
        A: std::future::Future<Output = Result<(), ApiError>>,
        B: std::future::Future<Output = Result<(), ApiError>>,
    {
        let slow = committer.run(|_| {
            thread::sleep(Duration::from_millis(300));
            Ok(())
        });
        let queued = async {
            tokio::time::sleep(Duration::from_millis(100)).await;
            tokio::join!(first, second)
        };
        let (slow, queued) = tokio::join!(slow, queued);
        slow.unwrap();
        queued
    }

    #[actix_web::test]
    async fn a_database_error_in_an_unguarded_job_rolls_back_its_whole_batch() {
        let (committer, pool, _dir) = committer();
        let (fine, broken) = in_one_batch(
            &committer,
            committer.run_unguarded(|conn| write(conn, "fine")),
            committer.run_unguarded(|conn| {
                write(conn, "half")?;
                write(conn, "half")
            }),
        )
        .await;
        assert!(
            matches!(fine, Err(ApiError::DatabaseUnavailable(_))),
            "{fine:?}"
        );
        assert!(
            matches!(broken, Err(ApiError::DatabaseUnavailable(_))),
            "{broken:?}"
        );
        assert!(stored(&pool).is_empty(), "{:?}", stored(&pool));

        // A refusal is not a database error: it leaves the batch alone.
        let (fine, refused) = in_one_batch(
            &committer,
            committer.run_unguarded(|conn| write(conn, "fine")),
            committer.run_unguarded(|_| Err(ApiError::FollowUpExpired)),
        )
        .await;
        fine.unwrap();
        assert!(matches!(refused, Err(ApiError::FollowUpExpired)));
        assert_eq!(stored(&pool), ["fine"]);
    }

    /// A key written by one `run_all` per batch, which records how many items it was given.
    struct Key {
        name: &'static str,
        calls: std::sync::Arc<std::sync::Mutex<Vec<usize>>>,
    }

    impl Combine for Key {
        type Output = &'static str;

        fn run_all(
            conn: &mut DbConnection,
            items: Vec<Key>,
        ) -> Result<Vec<Result<&'static str, ApiError>>, ApiError> {
            if let Some(first) = items.first() {
                first.calls.lock().unwrap().push(items.len());
            }
            if items.iter().any(|key| key.name == "database down") {
                return Err(ApiError::DatabaseUnavailable("down".into()));
            }
            Ok(items
                .iter()
                .map(|key| match key.name {
                    "refused" => Err(ApiError::FollowUpExpired),
                    name => write(conn, name).map(|()| name),
                })
                .collect())
        }
    }

    #[actix_web::test]
    async fn combined_items_of_a_batch_are_written_by_one_call_and_refused_one_by_one() {
        let (committer, pool, _dir) = committer();
        let calls = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let key = |name| Key {
            name,
            calls: calls.clone(),
        };
        let (first, rest) = in_one_batch(
            &committer,
            async { committer.run_combined(key("a")).await.map(|_| ()) },
            async {
                let (b, refused, c, work) = tokio::join!(
                    committer.run_combined(key("b")),
                    committer.run_combined(key("refused")),
                    committer.run_combined(key("c")),
                    committer.run_unguarded(|conn| write(conn, "work")),
                );
                assert_eq!(b.unwrap(), "b");
                assert!(matches!(refused, Err(ApiError::FollowUpExpired)));
                assert_eq!(c.unwrap(), "c");
                work
            },
        )
        .await;
        first.unwrap();
        rest.unwrap();
        assert_eq!(*calls.lock().unwrap(), [4], "one call for the four keys");
        assert_eq!(stored(&pool), ["a", "b", "c", "work"]);

        // A failure of the call itself rolls back everything in its batch.
        let (work, down) = in_one_batch(
            &committer,
            committer.run_unguarded(|conn| write(conn, "lost")),
            async {
                committer
                    .run_combined(key("database down"))
                    .await
                    .map(|_| ())
            },
        )
        .await;
        assert!(
            matches!(work, Err(ApiError::DatabaseUnavailable(_))),
            "{work:?}"
        );
        assert!(
            matches!(down, Err(ApiError::DatabaseUnavailable(_))),
            "{down:?}"
        );
        assert_eq!(stored(&pool), ["a", "b", "c", "work"]);
    }

    #[actix_web::test]
    async fn a_guarded_job_that_fails_is_rolled_back_alone() {
        let (committer, pool, _dir) = committer();
        let (fine, broken) = in_one_batch(
            &committer,
            committer.run(|conn| write(conn, "fine")),
            committer.run(|conn| {
                write(conn, "half")?;
                write(conn, "half")
            }),
        )
        .await;
        fine.unwrap();
        assert!(matches!(broken, Err(ApiError::DatabaseUnavailable(_))));
        assert_eq!(stored(&pool), ["fine"]);
    }
}
