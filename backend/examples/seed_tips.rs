//! For `cargo xtask bench queue`: fills a data folder's database with synthetic tips, sealed,
//! linked, scored and word-indexed exactly as tips through the API are (with a random stand-in
//! for the receipt hash, which would take hours of Argon2 and is not what the queue measures).
//! A tenth mention "مكتب", one in fifty shares a phone with another, one in a hundred has a
//! departure date and one in forty a minor, so the queue has something to order and filter.
//! A hundredth name one busy recruiter's number and a twentieth an agency (see `seeding`).
//!
//! `seed_tips <data dir> <count>`

mod seeding;

use diesel::Connection as _;
use rand::{rngs::StdRng, Rng as _, SeedableRng as _};
use sanad_backend::tips::{self, CheckedTip};
use sanad_shared::tips::{Governorate, NewTip, TipSubject};

const WORDS: &[&str] = &[
    "شركة",
    "سفر",
    "عقد",
    "عمل",
    "روسيا",
    "راتب",
    "جواز",
    "شباب",
    "إعلان",
    "تلغرام",
    "مطار",
    "تأشيرة",
    "حي",
    "سوق",
    "مقهى",
    "رقم",
    "وكيل",
    "موسكو",
    "تدريب",
    "أمن",
    "حراسة",
    "دولار",
];

fn main() -> anyhow::Result<()> {
    let (count, sealer, mut conn) = seeding::open()?;
    let mut rng = StdRng::seed_from_u64(20261202);
    let today = time::OffsetDateTime::now_utc().date();
    let started = std::time::Instant::now();
    let mut inserted = 0;
    while inserted < count {
        let batch = (count - inserted).min(1000);
        let mut sealed = Vec::with_capacity(batch);
        for n in inserted..inserted + batch {
            let mut description: Vec<&str> = (0..12)
                .map(|_| WORDS[rng.gen_range(0..WORDS.len())])
                .collect();
            if n % 10 == 0 {
                description.push("مكتب");
            }
            let phone = if n % 50 == 0 {
                // Pairs of tips that share a number.
                format!("+96477{:08}", n / 100)
            } else {
                format!("+96478{:08}", rng.gen_range(0..100_000_000))
            };
            let departure_on = (n % 100 == 0)
                .then(|| (today + time::Duration::days(rng.gen_range(0..20))).to_string());
            let tip = NewTip {
                subject: TipSubject::ALL[n % TipSubject::ALL.len()],
                description: description.join(" "),
                names: Vec::new(),
                phones: if n % 100 == 7 {
                    vec![phone, seeding::BUSY_PHONE.to_owned()]
                } else {
                    vec![phone]
                },
                accounts: Vec::new(),
                agency: (n % 20 == 3)
                    .then(|| seeding::AGENCIES[(n / 20) % seeding::AGENCIES.len()].to_owned()),
                governorate: Some(Governorate::ALL[rng.gen_range(0..Governorate::ALL.len())]),
                place: None,
                approximate_date: None,
                language: None,
                departure_on,
                minor_involved: n % 40 == 0,
            };
            let checked = CheckedTip::check(tip).map_err(|e| anyhow::anyhow!("{e}"))?;
            sealed.push(
                tips::seal_tip(&sealer, &checked, Vec::new())
                    .map_err(|e| anyhow::anyhow!("{e}"))?,
            );
        }
        conn.transaction(|conn| -> anyhow::Result<()> {
            for tip in &sealed {
                let stand_in = format!("seed:{:032x}", rand::random::<u128>());
                tips::insert_tip(conn, tip, &stand_in).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
            Ok(())
        })?;
        inserted += batch;
    }
    seeding::spread_over_half_year(&mut conn, "tip")?;
    println!(
        "seeded {count} tips in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
