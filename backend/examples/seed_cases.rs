//! For `cargo xtask bench`: fills a data folder's database with synthetic missing-person cases,
//! sealed and indexed exactly as reports through the API are (without the receipt hash, which
//! would take hours of Argon2 and is not what the duplicate search measures).
//!
//! `seed_cases <data dir> <count>`

mod seeding;

use diesel::Connection as _;
use rand::{rngs::StdRng, Rng as _, SeedableRng as _};
use sanad_backend::cases::{self, CheckedCase};
use sanad_shared::{
    cases::{CaseRecord, Consent, PersonNames, Sex},
    tips::Governorate,
};

const GIVEN: &[&str] = &[
    "محمد",
    "علي",
    "حسين",
    "حسن",
    "أحمد",
    "عباس",
    "جاسم",
    "كريم",
    "مصطفى",
    "عمر",
    "يوسف",
    "إبراهيم",
    "حيدر",
    "مهدي",
    "سجاد",
    "مرتضى",
    "كرار",
    "زيد",
    "خالد",
    "سعد",
    "فلاح",
    "رعد",
    "ماجد",
    "عادل",
    "سلام",
    "نبيل",
    "قاسم",
    "صادق",
    "جعفر",
    "باقر",
    "منتظر",
    "علاء",
    "ضياء",
    "هادي",
    "رشيد",
    "سامي",
    "طارق",
    "وليد",
    "ياسر",
    "أنور",
    "هيمن",
    "كاروان",
    "ريبوار",
    "شوان",
    "دلشاد",
    "آزاد",
    "سيروان",
    "بختيار",
    "هاوكار",
    "زانا",
    "عبدالله",
    "عبدالرحمن",
    "عبدالكريم",
    "عبدالحسين",
    "عبدالأمير",
    "فاضل",
    "ناصر",
    "حمزة",
    "بلال",
    "أيوب",
];
const FAMILY: &[&str] = &[
    "الجبوري",
    "الدليمي",
    "التميمي",
    "الساعدي",
    "الخزرجي",
    "الزبيدي",
    "العبيدي",
    "الشمري",
    "الربيعي",
    "الكعبي",
    "الموسوي",
    "الحسيني",
    "العامري",
    "اللامي",
    "المالكي",
    "الكناني",
    "البياتي",
    "الطائي",
    "العزاوي",
    "الجنابي",
    "البرزنجي",
    "الهماوندي",
    "الجاف",
    "الزيباري",
    "البارزاني",
    "السورچي",
    "الدوسكي",
    "الطالباني",
    "الكاكائي",
    "الشبكي",
];
const MOTHERS: &[&str] = &[
    "فاطمة",
    "زينب",
    "مريم",
    "خديجة",
    "سعاد",
    "نادية",
    "هدى",
    "رقية",
    "أم البنين",
    "سكينة",
    "بشرى",
    "ليلى",
    "كوثر",
    "نسرين",
    "شيرين",
    "كلثوم",
    "أمل",
    "وفاء",
    "سلمى",
    "جميلة",
];

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.gen_range(0..list.len())]
}

fn main() -> anyhow::Result<()> {
    let (count, sealer, mut conn) = seeding::open()?;
    // Every case below is keyed with today's rules; on an empty database say so, or the server
    // would make all their keys again when it starts.
    cases::name_keys_current_when_empty(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut rng = StdRng::seed_from_u64(20261125);
    let started = std::time::Instant::now();
    let mut inserted = 0;
    while inserted < count {
        let batch = (count - inserted).min(1000);
        let mut sealed = Vec::with_capacity(batch);
        for n in inserted..inserted + batch {
            let governorate = Governorate::ALL[rng.gen_range(0..Governorate::ALL.len())];
            let record = CaseRecord {
                names: PersonNames {
                    given: pick(&mut rng, GIVEN).to_owned(),
                    father: pick(&mut rng, GIVEN).to_owned(),
                    grandfather: Some(pick(&mut rng, GIVEN).to_owned()),
                    family: Some(pick(&mut rng, FAMILY).to_owned()),
                    mother: Some(format!(
                        "{} {}",
                        pick(&mut rng, MOTHERS),
                        pick(&mut rng, GIVEN)
                    )),
                    latin: None,
                },
                sex: Some(Sex::Male),
                date_of_birth: Some(rng.gen_range(1985..2008).to_string()),
                phones: vec![format!("+96477{:08}", rng.gen_range(0..100_000_000))],
                reporter_relationship: "mother".into(),
                reporter_name: pick(&mut rng, MOTHERS).into(),
                reporter_phone: format!("+96478{:08}", rng.gen_range(0..100_000_000)),
                recruiter_phones: if n % 100 == 7 {
                    vec![seeding::BUSY_PHONE.to_owned()]
                } else if n % 10 == 0 {
                    // From the index, not the random stream, so the names stay as before.
                    vec![format!("+96479{:08}", n * 7919 % 100_000_000)]
                } else {
                    Vec::new()
                },
                recruiter: (n % 25 == 4)
                    .then(|| seeding::AGENCIES[(n / 25) % seeding::AGENCIES.len()].to_owned()),
                ..CaseRecord::default()
            };
            let checked = CheckedCase {
                content: record,
                governorate: Some(governorate),
                consent: Consent::Committee,
                departure_on: None,
            };
            sealed.push(
                cases::seal_case(&sealer, &checked, None).map_err(|e| anyhow::anyhow!("{e}"))?,
            );
        }
        conn.transaction(|conn| -> anyhow::Result<()> {
            for case in &sealed {
                loop {
                    let stored = cases::insert_case(conn, case, None, &cases::new_case_number())
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                    if stored.is_some() {
                        break;
                    }
                }
            }
            Ok(())
        })?;
        inserted += batch;
    }
    seeding::spread_over_half_year(&mut conn, "case")?;
    println!(
        "seeded {count} cases in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
