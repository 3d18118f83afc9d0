//! The audit chain on the database under test (SQLite, or PostgreSQL with SANAD_TEST_DB=postgres).

use diesel::{connection::SimpleConnection, Connection};
use sanad_backend::{
    audit::{self, checkpoint, Actor, Entry, Fault, Seal},
    db::{self, DbConnection},
    evidence::EvidenceKey,
};
use serde_json::json;

use crate::helpers::{test_config, PgSchema};

struct Trail {
    pool: db::Pool,
    seal: Seal,
    data_dir: std::path::PathBuf,
    _dir: tempfile::TempDir,
    _pg: Option<PgSchema>,
}

fn trail_with(entries: usize) -> Trail {
    let (config, dir, pg) = test_config();
    db::prepare_data_dir(&config.data_dir).unwrap();
    let url = config.database_url().unwrap();
    db::run_migrations(&url).unwrap();
    let pool = db::pool(&url, 8).unwrap();
    let (seal, _) = Seal::load(&config.data_dir).unwrap();
    let mut conn = pool.get().unwrap();
    for i in 0..entries {
        audit::append(&mut conn, &seal, &entry(i)).unwrap();
    }
    Trail {
        pool,
        seal,
        data_dir: config.data_dir.clone(),
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

impl Trail {
    fn verify(&self) -> Result<i64, Fault> {
        audit::verify(&mut self.pool.get().unwrap(), &self.seal, None).unwrap()
    }

    fn append(&self, i: usize) {
        audit::append(&mut self.pool.get().unwrap(), &self.seal, &entry(i)).unwrap();
    }
}

fn sql(conn: &mut DbConnection, statements: &str) {
    conn.batch_execute(statements).unwrap();
}

#[test]
fn an_untouched_chain_verifies_and_links_every_entry() {
    let trail = trail_with(5);
    assert_eq!(trail.verify(), Ok(5));
    let empty = trail_with(0);
    assert_eq!(empty.verify(), Ok(0));
}

#[test]
fn an_edited_entry_is_found() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(
        &mut conn,
        r#"UPDATE audit_log SET details = '{"method":"password","n":99}' WHERE seq = 3"#,
    );
    assert_eq!(trail.verify(), Err(Fault::Edited { seq: 3 }));
}

#[test]
fn a_deleted_entry_is_found_in_the_middle_and_at_the_end() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(&mut conn, "DELETE FROM audit_log WHERE seq = 3");
    assert_eq!(trail.verify(), Err(Fault::Deleted { expected_seq: 3 }));

    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    sql(&mut conn, "DELETE FROM audit_log WHERE seq = 5");
    assert_eq!(trail.verify(), Err(Fault::Deleted { expected_seq: 5 }));
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
    assert_eq!(trail.verify(), Err(Fault::OutOfOrder { seq: 2 }));
}

#[test]
fn concurrent_appends_from_many_connections_keep_one_chain() {
    let trail = trail_with(0);
    std::thread::scope(|scope| {
        for worker in 0..8 {
            let pool = trail.pool.clone();
            let seal = trail.seal.clone();
            scope.spawn(move || {
                let mut conn = pool.get().unwrap();
                for i in 0..10 {
                    audit::append(&mut conn, &seal, &entry(worker * 10 + i)).unwrap();
                }
            });
        }
    });
    assert_eq!(trail.verify(), Ok(80));
}

#[test]
fn an_append_rolled_back_with_its_transaction_leaves_no_trace() {
    let trail = trail_with(2);
    let mut conn = trail.pool.get().unwrap();
    let result: Result<(), diesel::result::Error> = conn.transaction(|conn| {
        audit::append(conn, &trail.seal, &entry(7))
            .map_err(|_| diesel::result::Error::RollbackTransaction)?;
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(result.is_err());
    assert_eq!(trail.verify(), Ok(2));
}

/// What someone with write access to the database but not the server's keys can do: rewrite an
/// entry and recompute every hash after it, and the head.
fn rewrite_from(conn: &mut DbConnection, seq: i64, details: &str) {
    use diesel::prelude::*;
    use sanad_backend::schema::{audit_head, audit_log};
    let records: Vec<audit::Record> = audit_log::table
        .filter(audit_log::seq.ge(seq))
        .order(audit_log::seq.asc())
        .select(audit::Record::as_select())
        .load(conn)
        .unwrap();
    let mut prev_hash = records[0].prev_hash.clone();
    for (i, record) in records.iter().enumerate() {
        let details = if i == 0 { details } else { &record.details };
        let hash = audit::entry_hash(
            &prev_hash,
            record.at_ms,
            &record.actor,
            &record.action,
            &record.object,
            details,
        );
        diesel::update(audit_log::table.find(record.seq))
            .set((
                audit_log::details.eq(details),
                audit_log::prev_hash.eq(&prev_hash),
                audit_log::hash.eq(&hash),
            ))
            .execute(conn)
            .unwrap();
        prev_hash = hash;
    }
    diesel::update(audit_head::table.find(1))
        .set(audit_head::last_hash.eq(&prev_hash))
        .execute(conn)
        .unwrap();
}

#[test]
fn an_entry_rewritten_with_every_later_hash_recomputed_is_found_without_the_key() {
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    rewrite_from(&mut conn, 3, r#"{"method":"password","n":99}"#);
    // The hashes alone agree again: only the seal tells.
    assert_eq!(trail.verify(), Err(Fault::Unsealed { seq: 3 }));
    // A forger who also copies the seals over from the old rows gains nothing: they bind the
    // old hashes.
    assert!(Fault::Unsealed { seq: 3 }
        .to_string()
        .contains("without the audit key"));
}

#[test]
fn the_last_entries_deleted_and_the_head_moved_back_are_found() {
    use diesel::prelude::*;
    use sanad_backend::schema::{audit_head, audit_log};
    let trail = trail_with(5);
    let mut conn = trail.pool.get().unwrap();
    let (hash3, mac3): (String, Option<String>) = audit_log::table
        .find(3)
        .select((audit_log::hash, audit_log::mac))
        .first(&mut conn)
        .unwrap();
    sql(&mut conn, "DELETE FROM audit_log WHERE seq > 3");
    // Moving the head, even with the seal of the entry it now points at, does not carry the
    // head's own seal.
    diesel::update(audit_head::table.find(1))
        .set((
            audit_head::last_seq.eq(3),
            audit_head::last_hash.eq(&hash3),
            audit_head::mac.eq(&mac3),
        ))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(trail.verify(), Err(Fault::HeadUnsealed));
}

#[test]
fn a_database_put_back_to_an_earlier_copy_falls_short_of_the_signed_checkpoint() {
    use diesel::prelude::*;
    use sanad_backend::schema::audit_head;
    let trail = trail_with(3);
    let key = EvidenceKey::load(&trail.data_dir).unwrap();
    let mut conn = trail.pool.get().unwrap();
    // An insider keeps a copy of the head (seal included) while the trail has three entries.
    let earlier: (i64, String, Option<String>) = audit_head::table
        .find(1)
        .select((audit_head::last_seq, audit_head::last_hash, audit_head::mac))
        .first(&mut conn)
        .unwrap();
    trail.append(3);
    trail.append(4);
    let written = checkpoint::record(&mut conn, &trail.seal, &key, &trail.data_dir)
        .unwrap()
        .unwrap();
    assert!(matches!(written, checkpoint::Recorded::Written(ref c) if c.seq == 5));
    // Then puts the trail back: deletes what came after and restores the head they kept.
    sql(&mut conn, "DELETE FROM audit_log WHERE seq > 3");
    diesel::update(audit_head::table.find(1))
        .set((
            audit_head::last_seq.eq(earlier.0),
            audit_head::last_hash.eq(&earlier.1),
            audit_head::mac.eq(&earlier.2),
        ))
        .execute(&mut conn)
        .unwrap();
    // Every seal holds: without the checkpoint the trail looks whole.
    assert_eq!(trail.verify(), Ok(3));
    let latest = checkpoint::latest(&trail.data_dir, &key.verifying_key())
        .unwrap()
        .unwrap();
    assert_eq!(
        audit::verify(&mut conn, &trail.seal, Some(&latest)).unwrap(),
        Err(Fault::ShorterThanCheckpoint {
            checkpoint: 5,
            entries: 3
        })
    );
    // And a broken trail gets no new checkpoint that would vouch for it.
    assert_eq!(
        checkpoint::record(&mut conn, &trail.seal, &key, &trail.data_dir)
            .unwrap()
            .unwrap_err(),
        Fault::ShorterThanCheckpoint {
            checkpoint: 5,
            entries: 3
        }
    );
}

#[test]
fn checkpoints_are_written_when_the_head_moves_and_a_forged_line_is_refused() {
    let trail = trail_with(0);
    let key = EvidenceKey::load(&trail.data_dir).unwrap();
    let mut conn = trail.pool.get().unwrap();
    let mut record = || checkpoint::record(&mut conn, &trail.seal, &key, &trail.data_dir);
    assert!(matches!(
        record().unwrap().unwrap(),
        checkpoint::Recorded::Empty
    ));
    trail.append(0);
    assert!(matches!(
        record().unwrap().unwrap(),
        checkpoint::Recorded::Written(ref c) if c.seq == 1
    ));
    assert!(matches!(
        record().unwrap().unwrap(),
        checkpoint::Recorded::Unchanged(ref c) if c.seq == 1
    ));
    trail.append(1);
    assert!(matches!(
        record().unwrap().unwrap(),
        checkpoint::Recorded::Written(ref c) if c.seq == 2
    ));
    let text = std::fs::read_to_string(checkpoint::path(&trail.data_dir)).unwrap();
    assert_eq!(text.lines().count(), 2);
    // A line appended by someone without the signing key stops verification with a reason.
    let forged = text.lines().next().unwrap().replacen(" 1 ", " 0 ", 1);
    std::fs::write(
        checkpoint::path(&trail.data_dir),
        format!("{text}{forged}\n"),
    )
    .unwrap();
    let refused = checkpoint::latest(&trail.data_dir, &key.verifying_key()).unwrap_err();
    assert!(
        refused.to_string().contains("not a checkpoint signed"),
        "{refused}"
    );
}

#[test]
fn entries_from_before_the_key_are_sealed_once_and_an_unsealed_entry_after_is_a_fault() {
    let trail = trail_with(4);
    let mut conn = trail.pool.get().unwrap();
    // As an earlier version left them.
    sql(
        &mut conn,
        "UPDATE audit_log SET mac = NULL; UPDATE audit_head SET mac = NULL;",
    );
    assert_eq!(trail.verify(), Err(Fault::Unsealed { seq: 1 }));
    assert_eq!(audit::seal_unsealed(&mut conn, &trail.seal).unwrap(), Ok(4));
    assert_eq!(trail.verify(), Ok(4));
    // A broken chain is not sealed: that would vouch for the forgery.
    sql(
        &mut conn,
        "UPDATE audit_log SET mac = NULL WHERE seq = 2; \
         UPDATE audit_log SET details = '{}' WHERE seq = 2;",
    );
    assert_eq!(
        audit::seal_unsealed(&mut conn, &trail.seal).unwrap(),
        Err(Fault::Edited { seq: 2 })
    );
}
