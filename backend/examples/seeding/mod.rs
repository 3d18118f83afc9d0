//! What the seeding examples share: their arguments and an open, migrated database with the
//! data folder's key, so seeded rows are sealed as the server would seal them.

use anyhow::Context as _;
use sanad_backend::{
    crypto::Sealer,
    db::{self, DatabaseUrl},
};

/// `<data dir> <count>`, the database at `SANAD_DATABASE_URL` or the data folder's SQLite file,
/// migrated, and the folder's key.
pub fn open() -> anyhow::Result<(usize, Sealer, db::PooledConnection)> {
    let mut args = std::env::args().skip(1);
    let data_dir = std::path::PathBuf::from(args.next().context("data dir")?);
    let count: usize = args.next().context("count")?.parse()?;
    db::prepare_data_dir(&data_dir)?;
    let url = match std::env::var("SANAD_DATABASE_URL") {
        Ok(url) => DatabaseUrl::parse(&url)?,
        Err(_) => DatabaseUrl::Sqlite(data_dir.join("sanad.db")),
    };
    db::run_migrations(&url)?;
    let sealer = Sealer::load(None, &data_dir)?;
    let conn = db::pool(&url, 1)?.get()?;
    Ok((count, sealer, conn))
}

/// One recruiter's number named by a hundredth of the tips and of the cases: the busy entity the
/// entity page and network bench reads.
pub const BUSY_PHONE: &str = "+9647700000001";

/// Agencies named now and then by tips and cases, some in Latin letters.
pub const AGENCIES: &[&str] = &[
    "شركة النور للسفر",
    "مكتب الفرات",
    "وكالة الرافدين للسياحة",
    "Al-Amal Travel",
    "شركة دجلة",
    "مكتب بابل للسفريات",
    "Zagros Tours",
    "شركة الأمين",
];

/// Spreads a kind's seeded reports over the 26 weeks before today, gives seven in ten a first
/// look zero to five days after they arrived, and scores them for those dates. Seeded reports
/// otherwise all arrive today, and the statistics, which group by day, place, status and first
/// look, would look cheaper than they are on a real half year.
pub fn spread_over_half_year(conn: &mut db::DbConnection, kind: &str) -> anyhow::Result<()> {
    use diesel::prelude::*;
    use sanad_backend::schema::{cases, tips, triage};
    let today = time::OffsetDateTime::now_utc().date();
    let ids: Vec<i64> = triage::table
        .filter(triage::kind.eq(kind))
        .select(triage::item_id)
        .load(conn)?;
    conn.transaction(|conn| -> anyhow::Result<()> {
        for id in ids {
            let received = today - time::Duration::days(id.wrapping_mul(7919).rem_euclid(182));
            let looked = (id % 10 < 7).then(|| {
                (received + time::Duration::days(id.wrapping_mul(31).rem_euclid(6)))
                    .min(today)
                    .to_string()
            });
            diesel::update(triage::table.find((kind, id)))
                .set((
                    triage::received_on.eq(received.to_string()),
                    triage::first_look_on.eq(looked),
                ))
                .execute(conn)?;
            if kind == "tip" {
                diesel::update(tips::table.find(id))
                    .set(tips::received_on.eq(received.to_string()))
                    .execute(conn)?;
            } else {
                diesel::update(cases::table.find(id))
                    .set(cases::reported_on.eq(received.to_string()))
                    .execute(conn)?;
            }
        }
        Ok(())
    })?;
    // Their scores count the days waited for a first look: set them for the new dates now, or
    // the server's first pass rewrites them while the bench measures.
    sanad_backend::triage::refresh_priorities(conn).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
