//! One codebase, two databases: embedded SQLite by default and PostgreSQL for production, chosen
//! from the URL scheme. Both migration sets are compiled in and kept in step (a test compares the
//! schemas they produce).

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    time::Duration,
};

use diesel::{
    connection::{SimpleConnection, TransactionManager},
    pg::PgConnection,
    prelude::*,
    r2d2::{self, ManageConnection},
    sql_query,
    sql_types::{BigInt, Bool, Text},
    sqlite::SqliteConnection,
};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Either database behind one type, so repositories are written once and match on the variant
/// only where the SQL must differ (upserts, full-text search).
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConnection = r2d2::PooledConnection<Manager>;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("SANAD_DATABASE_URL must start with sqlite:// or postgres://, not {0:?}")]
    UnsupportedUrl(String),
    #[error("cannot prepare the data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("migrations failed: {0}")]
    Migration(String),
    #[error("connection pool: {0}")]
    Pool(#[from] r2d2::PoolError),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, DbError> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_owned()));
        }
        match url.strip_prefix("sqlite://") {
            Some(path) if !path.is_empty() && !path.starts_with(":memory:") => {
                Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
            }
            _ => Err(DbError::UnsupportedUrl(redact(url))),
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "sqlite",
            DatabaseUrl::Postgres(_) => "postgres",
        }
    }
}

/// Keeps a password in a mistyped URL out of error messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// Opens connections of the right kind. Written out rather than using diesel's generic manager,
/// whose `MultiConnection::establish` tries every backend in turn: a PostgreSQL URL whose server is
/// down would then silently create an SQLite file named after the URL.
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        establish(&self.url).map_err(|e| match e {
            DbError::Connection(e) => r2d2::Error::ConnectionError(e),
            DbError::Query(e) => r2d2::Error::QueryError(e),
            other => r2d2::Error::ConnectionError(diesel::ConnectionError::BadConnection(
                other.to_string(),
            )),
        })
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking()
            || <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// SQLite settings for every connection: WAL so readers never block the writer, `synchronous=FULL`
/// so an acknowledged tip survives power loss, foreign keys enforced, and a busy timeout so
/// concurrent writers wait instead of failing. Each connection keeps its own page cache, and a
/// write by any of them empties the others', so a small one per connection costs little: the
/// operating system caches the file for all of them. (At SQLite's default of 2 MB, eight
/// connections could hold 16 MB of the 64 MB the server may use.)
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                              PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
                              PRAGMA cache_size = -512;";

/// One connection outside the pool, with the same settings (commands that run once).
pub fn connect(url: &DatabaseUrl) -> Result<DbConnection, DbError> {
    establish(url)
}

fn establish(url: &DatabaseUrl) -> Result<DbConnection, DbError> {
    match url {
        DatabaseUrl::Sqlite(path) => {
            let path = path.to_string_lossy();
            let mut conn = SqliteConnection::establish(&path)?;
            conn.batch_execute(SQLITE_PRAGMAS)?;
            Ok(DbConnection::Sqlite(conn))
        }
        DatabaseUrl::Postgres(url) => Ok(DbConnection::Postgres(PgConnection::establish(url)?)),
    }
}

/// Creates the data folder readable by its owner only: it holds the database and, later, keys.
pub fn prepare_data_dir(dir: &Path) -> Result<(), DbError> {
    let wrap = |source| DbError::DataDir {
        path: dir.to_owned(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(wrap)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(wrap)?;
    }
    Ok(())
}

/// Says that a server is using a database, so that commands which must run alone on it (a key
/// rotation) can refuse while one does, and a server cannot start while such a command runs.
/// Servers share it; `sanad rotate-key` needs it alone. On SQLite it is a file lock on
/// `<database>.lock`; on PostgreSQL a session advisory lock, per schema, held on a connection of
/// its own for the life of the server (a server whose connection the network cut has let go, so
/// the check is only as sure as that connection).
pub enum InstanceLock {
    Sqlite(std::fs::File),
    Postgres(Box<PgConnection>),
}

impl InstanceLock {
    /// A server's share.
    pub fn shared(url: &DatabaseUrl) -> anyhow::Result<InstanceLock> {
        Self::take(url, false).and_then(|lock| {
            lock.ok_or_else(|| {
                anyhow::anyhow!("`sanad rotate-key` is running on this database; the server can start when it has finished")
            })
        })
    }

    /// The whole lock, for a command that must run with every server stopped.
    pub fn exclusive(url: &DatabaseUrl) -> anyhow::Result<InstanceLock> {
        Self::take(url, true).and_then(|lock| {
            lock.ok_or_else(|| {
                anyhow::anyhow!("a server (or another command that must run alone) is using this database; stop every instance first")
            })
        })
    }

    fn take(url: &DatabaseUrl, alone: bool) -> anyhow::Result<Option<InstanceLock>> {
        use anyhow::Context as _;
        match url {
            DatabaseUrl::Sqlite(path) => {
                let mut name = path.file_name().unwrap_or_default().to_os_string();
                name.push(".lock");
                let lock_path = path.with_file_name(name);
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&lock_path)
                    .with_context(|| format!("cannot open {}", lock_path.display()))?;
                let taken = if alone {
                    file.try_lock()
                } else {
                    file.try_lock_shared()
                };
                match taken {
                    Ok(()) => Ok(Some(InstanceLock::Sqlite(file))),
                    Err(std::fs::TryLockError::WouldBlock) => Ok(None),
                    Err(std::fs::TryLockError::Error(e)) => {
                        Err(e).with_context(|| format!("cannot lock {}", lock_path.display()))
                    }
                }
            }
            DatabaseUrl::Postgres(url) => {
                #[derive(QueryableByName)]
                struct Taken {
                    #[diesel(sql_type = Bool)]
                    taken: bool,
                }
                let mut conn = PgConnection::establish(url)?;
                let function = if alone {
                    "pg_try_advisory_lock"
                } else {
                    "pg_try_advisory_lock_shared"
                };
                let taken: Taken = diesel::sql_query(format!(
                    "SELECT {function}(hashtext('sanad instances'), hashtext(current_schema())) AS taken"
                ))
                .get_result(&mut conn)?;
                Ok(taken.taken.then(|| InstanceLock::Postgres(Box::new(conn))))
            }
        }
    }
}

/// Applies pending migrations and returns the versions applied.
pub fn run_migrations(url: &DatabaseUrl) -> Result<Vec<String>, DbError> {
    let migration_error =
        |e: Box<dyn std::error::Error + Send + Sync>| DbError::Migration(e.to_string());
    let names = |versions: Vec<diesel::migration::MigrationVersion<'_>>| -> Vec<String> {
        versions.iter().map(ToString::to_string).collect()
    };
    match establish(url)? {
        DbConnection::Sqlite(mut conn) => Ok(names(
            conn.run_pending_migrations(SQLITE_MIGRATIONS)
                .map_err(migration_error)?,
        )),
        DbConnection::Postgres(mut conn) => {
            // Several instances may start at once against one PostgreSQL; the advisory lock lets
            // exactly one of them migrate while the others wait.
            conn.batch_execute("SELECT pg_advisory_lock(7265616461)")?;
            let result = conn
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(names)
                .map_err(migration_error);
            conn.batch_execute("SELECT pg_advisory_unlock(7265616461)")?;
            result
        }
    }
}

pub fn pool(url: &DatabaseUrl, size: u32) -> Result<Pool, DbError> {
    Ok(r2d2::Pool::builder()
        .max_size(size)
        .connection_timeout(Duration::from_secs(5))
        .test_on_check_out(false)
        .build(Manager { url: url.clone() })?)
}

/// Table name -> column name -> nullable, without diesel's own bookkeeping table.
pub type SchemaShape = BTreeMap<String, BTreeMap<String, bool>>;

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

#[derive(QueryableByName)]
struct SqliteColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = BigInt)]
    not_null: i64,
    #[diesel(sql_type = BigInt)]
    pk: i64,
}

/// Reads the tables and columns of the connected database, to check that the two migration
/// sets describe the same schema.
pub fn schema_shape(conn: &mut DbConnection) -> Result<SchemaShape, DbError> {
    let rows: Vec<(String, String, bool)> = match conn {
        DbConnection::Sqlite(conn) => sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.\"notnull\" AS not_null, p.pk AS pk \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
        )
        .load::<SqliteColumnRow>(conn)?
        .into_iter()
        // SQLite reports primary-key columns as nullable unless declared NOT NULL; PostgreSQL
        // never allows NULL in them, and that is what we mean in both.
        .map(|r| (r.table_name, r.column_name, r.not_null == 0 && r.pk == 0))
        .collect(),
        DbConnection::Postgres(conn) => sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             (is_nullable = 'YES') AS nullable FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> '__diesel_schema_migrations'",
        )
        .load::<ColumnRow>(conn)?
        .into_iter()
        .map(|r| (r.table_name, r.column_name, r.nullable))
        .collect(),
    };
    let mut shape = SchemaShape::new();
    for (table, column, nullable) in rows {
        shape.entry(table).or_default().insert(column, nullable);
    }
    Ok(shape)
}

/// Every way two schemas differ, as sentences; empty when they match.
pub fn schema_differences(sqlite: &SchemaShape, postgres: &SchemaShape) -> Vec<String> {
    let mut differences = Vec::new();
    let tables: std::collections::BTreeSet<&String> =
        sqlite.keys().chain(postgres.keys()).collect();
    for table in tables {
        match (sqlite.get(table), postgres.get(table)) {
            (Some(_), None) => differences.push(format!("table {table} exists only in SQLite")),
            (None, Some(_)) => differences.push(format!("table {table} exists only in PostgreSQL")),
            (Some(a), Some(b)) => {
                let columns: std::collections::BTreeSet<&String> =
                    a.keys().chain(b.keys()).collect();
                for column in columns {
                    match (a.get(column), b.get(column)) {
                        (Some(_), None) => {
                            differences.push(format!("{table}.{column} exists only in SQLite"))
                        }
                        (None, Some(_)) => {
                            differences.push(format!("{table}.{column} exists only in PostgreSQL"))
                        }
                        (Some(x), Some(y)) if x != y => differences.push(format!(
                            "{table}.{column} is {} in SQLite but {} in PostgreSQL",
                            if *x { "nullable" } else { "NOT NULL" },
                            if *y { "nullable" } else { "NOT NULL" }
                        )),
                        _ => {}
                    }
                }
            }
            (None, None) => {}
        }
    }
    differences
}

/// Runs `work` on a pooled connection on the blocking pool, so queries never stall the async
/// workers.
pub async fn with_db<T, F>(
    pool: &actix_web::web::Data<Pool>,
    work: F,
) -> Result<T, crate::error::ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, crate::error::ApiError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool.get().map_err(DbError::from)?;
        work(&mut conn)
    })
    .await?
}

/// Makes the current transaction a writer from its first statement. On SQLite a transaction that
/// reads first and writes later cannot wait for another writer (its snapshot is stale) and fails
/// at once with "database is locked"; one that starts with a write waits its turn (busy timeout).
/// The statement changes nothing. PostgreSQL locks rows, not the database, so it is skipped there
/// (a round trip saved on every group commit).
pub fn take_write_lock(conn: &mut DbConnection) -> Result<(), diesel::result::Error> {
    use diesel::RunQueryDsl as _;
    if let DbConnection::Sqlite(sqlite) = conn {
        diesel::sql_query("UPDATE settings SET key = key WHERE 1 = 0").execute(sqlite)?;
    }
    Ok(())
}

/// Runs `work` in a transaction that is a writer from its first statement ([`take_write_lock`]):
/// the one for any work that reads before it writes, which on SQLite otherwise answers
/// "database is locked" (503) whenever another writer commits while it runs.
pub fn write_transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::Connection as _;
    conn.transaction(|conn| {
        take_write_lock(conn)?;
        work(conn)
    })
}

/// Makes the current transaction the only group-commit batch in flight on a PostgreSQL database,
/// across every instance, as the single committing thread makes it within one. Two instances'
/// batches otherwise update the same rows in different orders (a new tip recounts the links of
/// every tip sharing its number) and PostgreSQL breaks the deadlock by failing one, which would
/// answer its tipsters 503. On SQLite [`take_write_lock`] already gives one writer at a time.
pub fn take_commit_turn(conn: &mut DbConnection) -> Result<(), diesel::result::Error> {
    use diesel::RunQueryDsl as _;
    match conn {
        DbConnection::Sqlite(_) => take_write_lock(conn),
        DbConnection::Postgres(pg) => {
            diesel::sql_query("SELECT pg_advisory_xact_lock(7265616462)").execute(pg)?;
            Ok(())
        }
    }
}

/// Checks that the database answers; used by `/readyz`.
pub fn ping(pool: &Pool) -> Result<(), DbError> {
    let mut conn = pool.get()?;
    conn.batch_execute("SELECT 1")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend_by_scheme() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://./data/sanad.db").unwrap(),
            DatabaseUrl::Sqlite(PathBuf::from("./data/sanad.db"))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/sanad/db").unwrap(),
            DatabaseUrl::Sqlite(PathBuf::from("/var/lib/sanad/db"))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://u@h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        for bad in [
            "",
            "mysql://x",
            "sqlite://",
            "sqlite://:memory:",
            "./data/sanad.db",
        ] {
            assert!(DatabaseUrl::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_password_in_a_bad_url_is_not_repeated_in_the_error() {
        let message = DatabaseUrl::parse("mysql://admin:hunter2@db/sanad")
            .unwrap_err()
            .to_string();
        assert!(!message.contains("hunter2"), "{message}");
        assert!(message.contains("@db/sanad"), "{message}");
    }

    #[test]
    fn schema_differences_name_every_drift() {
        let shape = |entries: &[(&str, &str, bool)]| {
            let mut shape = SchemaShape::new();
            for (t, c, n) in entries {
                shape
                    .entry(t.to_string())
                    .or_default()
                    .insert(c.to_string(), *n);
            }
            shape
        };
        let a = shape(&[
            ("settings", "key", false),
            ("settings", "value", false),
            ("only_a", "x", true),
        ]);
        let b = shape(&[
            ("settings", "key", false),
            ("settings", "value", true),
            ("settings", "extra", true),
        ]);
        let differences = schema_differences(&a, &b);
        assert_eq!(differences.len(), 3, "{differences:?}");
        assert!(differences
            .iter()
            .any(|d| d.contains("only_a exists only in SQLite")));
        assert!(differences
            .iter()
            .any(|d| d.contains("settings.extra exists only in PostgreSQL")));
        assert!(differences
            .iter()
            .any(|d| d.contains("settings.value is NOT NULL in SQLite but nullable")));
        assert!(schema_differences(&a, &a).is_empty());
    }
}
