//! The audit chain on the database under test (SQLite, or PostgreSQL with SANAD_TEST_DB=postgres).

use diesel::{connection::SimpleConnection, Connection};
use sanad_backend::{
    audit::{self, Actor, Entry, Fault},
    db::{self, DbConnection},
};
use serde_json::json;

use crate::helpers::{test_config, PgSchema};

struct Trail {
    pool: db::Pool,
    _dir: tempfile::TempDir,
    _pg: Option<PgSchema>,
}

fn trail_with(entries: usize) -> Trail {
    let (config, dir, pg) = test_config();
    db::prepare_data_dir(&config.data_dir).unwrap();
    let url = config.database_url().unwrap();
    db::run_migrations(&url).unwrap();
    let pool = db::pool(&url, 8).unwrap();
    let mut conn = pool.get().unwrap();
    for i in 0..entries {
        audit::append(&mut conn, &entry(i)).unwrap();
    }
    Trail {
        pool,
        _dir: dir,
        _pg: pg,
    }
}

fn entry(i: usize) -> Entry {
    Entry {
        actor: Actor::Staff(format!("user-{}", i % 3)),
        action: "login",
        object: format!("staff:user-{}", i % 3),
        details: json!({ "n": i, "method": "password" }),
    }
}

fn sql(conn: &mut DbConnection, statements: &str) {
    conn.batch_execute(statements).unwrap();
}

#[test]
fn an_untouched_chain_verifies_and_links_every_entry() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    assert_eq!(audit::verify(&mut conn).unwrap(), Ok(5));
    let empty = trail_with(0);
    assert_eq!(
        audit::verify(&mut empty.pool.get().unwrap()).unwrap(),
        Ok(0)
    );
}

#[test]
fn an_edited_entry_is_found() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(
        &mut conn,
        r#"UPDATE audit_log SET details = '{"method":"password","n":99}' WHERE seq = 3"#,
    );
    assert_eq!(
        audit::verify(&mut conn).unwrap(),
        Err(Fault::Edited { seq: 3 })
    );
}

#[test]
fn a_deleted_entry_is_found_in_the_middle_and_at_the_end() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(&mut conn, "DELETE FROM audit_log WHERE seq = 3");
    assert_eq!(
        audit::verify(&mut conn).unwrap(),
        Err(Fault::Deleted { expected_seq: 3 })
    );

    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(&mut conn, "DELETE FROM audit_log WHERE seq = 5");
    assert_eq!(
        audit::verify(&mut conn).unwrap(),
        Err(Fault::Deleted { expected_seq: 5 })
    );
}

#[test]
fn a_reordered_pair_is_found() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(
        &mut conn,
        "UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; \
         UPDATE audit_log SET seq = 3 WHERE seq = -1;",
    );
    assert_eq!(
        audit::verify(&mut conn).unwrap(),
        Err(Fault::OutOfOrder { seq: 2 })
    );
}

#[test]
fn concurrent_appends_from_many_connections_keep_one_chain() {
    let trail = trail_with(0);
    std::thread::scope(|scope| {
        for worker in 0..8 {
            let pool = trail.pool.clone();
            scope.spawn(move || {
                let mut conn = pool.get().unwrap();
                for i in 0..10 {
                    audit::append(&mut conn, &entry(worker * 10 + i)).unwrap();
                }
            });
        }
    });
    let mut conn = trail.pool.get().unwrap();
    assert_eq!(audit::verify(&mut conn).unwrap(), Ok(80));
}

#[test]
fn an_append_rolled_back_with_its_transaction_leaves_no_trace() {
    let trail = trail_with(2);
    let mut conn = trail.pool.get().unwrap();
    let result: Result<(), diesel::result::Error> = conn.transaction(|conn| {
        audit::append(conn, &entry(7)).map_err(|_| diesel::result::Error::RollbackTransaction)?;
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(result.is_err());
    assert_eq!(audit::verify(&mut conn).unwrap(), Ok(2));
}
