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
