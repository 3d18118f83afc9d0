//! Both migration sets, the connection settings and the schema comparison.

use diesel::{sql_query, sql_types::Text, QueryableByName, RunQueryDsl};
use sanad_backend::db::{self, DatabaseUrl, DbConnection};

use crate::helpers::{test_config, PgSchema};

#[test]
fn both_migration_sets_produce_the_same_tables_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = DatabaseUrl::Sqlite(dir.path().join("shape.db"));
    let applied = db::run_migrations(&sqlite).unwrap();
    assert!(!applied.is_empty());
    let sqlite_shape = db::schema_shape(&mut db::pool(&sqlite, 1).unwrap().get().unwrap()).unwrap();
    assert!(sqlite_shape.contains_key("settings"), "{sqlite_shape:?}");
    assert_eq!(sqlite_shape["settings"].get("value"), Some(&false));

    let Some(schema) = PgSchema::create() else {
        return;
    };
    let postgres = DatabaseUrl::Postgres(schema.url.clone());
    assert_eq!(
        db::run_migrations(&postgres).unwrap(),
        applied,
        "the same migrations, by name, in both sets"
    );
    let postgres_shape =
        db::schema_shape(&mut db::pool(&postgres, 1).unwrap().get().unwrap()).unwrap();
    let differences = db::schema_differences(&sqlite_shape, &postgres_shape);
    assert!(
        differences.is_empty(),
        "the migration sets drifted:\n{}",
        differences.join("\n")
    );
}

#[test]
fn migrations_run_once_and_a_second_run_applies_nothing() {
    let (config, _dir, _pg) = test_config();
    let url = config.database_url().unwrap();
    db::prepare_data_dir(&config.data_dir).unwrap();
    assert!(!db::run_migrations(&url).unwrap().is_empty());
    assert!(db::run_migrations(&url).unwrap().is_empty());
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

#[test]
fn sqlite_connections_are_durable_and_enforce_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::Sqlite(dir.path().join("pragmas.db"));
    db::run_migrations(&url).unwrap();
    let pool = db::pool(&url, 2).unwrap();
    let mut conn = pool.get().unwrap();
    let DbConnection::Sqlite(sqlite) = &mut *conn else {
        panic!("expected SQLite")
    };
    let pragma = |conn: &mut diesel::SqliteConnection, name: &str| -> String {
        let column = if name == "busy_timeout" {
            "timeout"
        } else {
            name
        };
        sql_query(format!(
            "SELECT CAST({column} AS TEXT) AS value FROM pragma_{name}"
        ))
        .get_result::<Setting>(conn)
        .unwrap()
        .value
    };
    assert_eq!(pragma(sqlite, "journal_mode"), "wal");
    assert_eq!(pragma(sqlite, "synchronous"), "2", "synchronous=FULL");
    assert_eq!(pragma(sqlite, "foreign_keys"), "1");
    assert_eq!(pragma(sqlite, "busy_timeout"), "10000");
}

#[test]
fn an_unreachable_postgres_is_an_error_not_an_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let url =
        DatabaseUrl::Postgres("postgres://nobody@127.0.0.1:1/none?connect_timeout=2".to_owned());
    let previous = std::env::current_dir().unwrap();
    assert!(db::run_migrations(&url).is_err());
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    assert_eq!(std::env::current_dir().unwrap(), previous);
}
