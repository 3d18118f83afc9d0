//! The committee's figures, counted from the queue table (`triage`), which holds each report's
//! day of arrival, governorate, status and day of first look in the clear, and from the tips'
//! subjects. One grouped walk of an index per kind: nothing sealed is read.

use std::collections::BTreeMap;

use diesel::{dsl::count_star, prelude::*};
use sanad_shared::{
    cases::CaseStatus,
    statistics::{Bucket, Count, KindFigures, Statistics, WeekFigures},
    tips::{Governorate, TipStatus, TipSubject},
    triage::ItemKind,
};
use time::{Date, Duration};

use crate::{
    db::DbConnection,
    error::ApiError,
    schema::{tips, triage},
};

/// Statuses that end a case well or badly: what the committee reports as outcomes.
const OUTCOMES: [CaseStatus; 3] = [
    CaseStatus::Returned,
    CaseStatus::LocatedAlive,
    CaseStatus::Deceased,
];

/// The Monday of the week `day` is in.
pub fn monday_of(day: Date) -> Date {
    day - Duration::days(i64::from(day.weekday().number_days_from_monday()))
}

fn parse(day: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(day, &format).ok()
}

/// The value at quantile `q` (0..=1) of sorted figures, by the nearest-rank method.
fn quantile(sorted: &[i64], q: f64) -> Option<f32> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted.get(rank - 1).map(|v| *v as f32)
}

/// What is counted for one kind, before small counts are hidden.
#[derive(Default)]
struct Tally {
    weeks: BTreeMap<Date, (u32, Vec<i64>)>,
    governorates: BTreeMap<String, u32>,
    statuses: BTreeMap<String, u32>,
    received: u32,
}

/// Day of arrival, governorate, status, day of first look, and how many reports share them.
type GroupRow = (String, Option<String>, String, Option<String>, i64);

fn tally(conn: &mut DbConnection, kind: ItemKind, from: Date, to: Date) -> Result<Tally, ApiError> {
    let rows: Vec<GroupRow> = triage::table
        .filter(triage::kind.eq(kind.as_str()))
        .filter(triage::received_on.ge(from.to_string()))
        .filter(triage::received_on.le(to.to_string()))
        .group_by((
            triage::received_on,
            triage::governorate,
            triage::status,
            triage::first_look_on,
        ))
        .select((
            triage::received_on,
            triage::governorate,
            triage::status,
            triage::first_look_on,
            count_star(),
        ))
        .load(conn)?;
    let mut out = Tally::default();
    for (received_on, governorate, status, first_look_on, count) in rows {
        let Some(day) = parse(&received_on) else {
            continue;
        };
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        out.received = out.received.saturating_add(count);
        let week = out.weeks.entry(monday_of(day)).or_default();
        week.0 = week.0.saturating_add(count);
        if let Some(looked) = first_look_on.as_deref().and_then(parse) {
            let days = (looked - day).whole_days().max(0);
            week.1.extend(std::iter::repeat_n(days, count as usize));
        }
        *out.governorates
            .entry(governorate.unwrap_or_else(|| "unknown".to_owned()))
            .or_default() += count;
        *out.statuses.entry(status).or_default() += count;
    }
    Ok(out)
}

fn subjects(
    conn: &mut DbConnection,
    from: Date,
    to: Date,
) -> Result<BTreeMap<String, u32>, ApiError> {
    // Grouped in the index's own order (day, then subject) and added up here: grouping by
    // subject alone made SQLite sort every tip of the period (50 ms for 100,000; 17 ms so).
    let rows: Vec<(String, String, i64)> = tips::table
        .filter(tips::received_on.ge(from.to_string()))
        .filter(tips::received_on.le(to.to_string()))
        .group_by((tips::received_on, tips::subject))
        .select((tips::received_on, tips::subject, count_star()))
        .load(conn)?;
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for (_, subject, n) in rows {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        let total = counts.entry(subject).or_default();
        *total = total.saturating_add(n);
    }
    Ok(counts)
}

/// Every key of `keys`, in that order, with its count (0 when none).
fn buckets(keys: &[String], counts: &BTreeMap<String, u32>, exact: bool) -> Vec<Bucket> {
    keys.iter()
        .map(|key| Bucket {
            key: key.clone(),
            count: Count::shown(counts.get(key).copied().unwrap_or(0), exact),
        })
        .collect()
}

fn figures(
    conn: &mut DbConnection,
    kind: ItemKind,
    from: Date,
    to: Date,
    exact: bool,
) -> Result<KindFigures, ApiError> {
    let tally = tally(conn, kind, from, to)?;
    let mut weeks = Vec::new();
    let mut monday = monday_of(from);
    while monday <= to {
        let (received, mut days) = tally.weeks.get(&monday).cloned().unwrap_or_default();
        days.sort_unstable();
        let looked = u32::try_from(days.len()).unwrap_or(u32::MAX);
        // A median of one to four reports can be one person's: hidden like a small count.
        let shown = exact || looked >= sanad_shared::statistics::SMALL_COUNT;
        weeks.push(WeekFigures {
            week: monday.to_string(),
            received: Count::shown(received, exact),
            looked_at: Count::shown(looked, exact),
            first_look_median_days: quantile(&days, 0.5).filter(|_| shown),
            first_look_p90_days: quantile(&days, 0.9).filter(|_| shown),
        });
        monday += Duration::weeks(1);
    }
    let mut governorates: Vec<String> = Governorate::ALL
        .iter()
        .map(|g| g.as_str().to_owned())
        .collect();
    governorates.push("unknown".to_owned());
    let statuses: Vec<String> = match kind {
        ItemKind::Tip => TipStatus::ALL
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
        ItemKind::Case => CaseStatus::ALL
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
    };
    let (by_subject, outcomes) = match kind {
        ItemKind::Tip => {
            let keys: Vec<String> = TipSubject::ALL
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect();
            (
                buckets(&keys, &subjects(conn, from, to)?, exact),
                Vec::new(),
            )
        }
        ItemKind::Case => {
            let keys: Vec<String> = OUTCOMES.iter().map(|s| s.as_str().to_owned()).collect();
            (Vec::new(), buckets(&keys, &tally.statuses, exact))
        }
    };
    let (open, overdue) = crate::triage::open_and_overdue(conn, kind)?;
    Ok(KindFigures {
        received: Count::shown(tally.received, exact),
        weeks,
        by_governorate: buckets(&governorates, &tally.governorates, exact),
        by_status: buckets(&statuses, &tally.statuses, exact),
        by_subject,
        outcomes,
        open: Count::shown(open, exact),
        overdue: Count::shown(overdue, exact),
    })
}

/// What the reader may see: tips' figures if they work tips, cases' if they work cases; small
/// counts exact only for admins.
pub struct Audience {
    pub tips: bool,
    pub cases: bool,
    pub exact: bool,
}

/// The figures for the days `from` to `to`. Tips are counted on `conn` while cases are counted
/// on a second connection from `pool` when one is free: the two kinds share nothing, and a
/// committee's half year is the heaviest read staff make, so on two cores it takes about half
/// the time. With no connection free, cases are counted after tips on `conn`: waiting for a
/// second connection while holding one could starve the pool.
pub fn statistics(
    conn: &mut DbConnection,
    pool: &crate::db::Pool,
    from: Date,
    to: Date,
    audience: &Audience,
) -> Result<Statistics, ApiError> {
    let kind_figures =
        |conn: &mut DbConnection, kind: ItemKind| figures(conn, kind, from, to, audience.exact);
    let (tips, cases) = std::thread::scope(|scope| -> Result<_, ApiError> {
        let beside = audience
            .cases
            .then(|| pool.try_get())
            .flatten()
            .map(|mut second| scope.spawn(move || kind_figures(&mut second, ItemKind::Case)));
        let tips = audience
            .tips
            .then(|| kind_figures(conn, ItemKind::Tip))
            .transpose()?;
        let cases = match beside {
            Some(counting) => Some(
                counting
                    .join()
                    .map_err(|_| ApiError::internal("counting cases stopped"))??,
            ),
            None => audience
                .cases
                .then(|| kind_figures(conn, ItemKind::Case))
                .transpose()?,
        };
        Ok((tips, cases))
    })?;
    Ok(Statistics {
        from: from.to_string(),
        to: to.to_string(),
        exact: audience.exact,
        tips,
        cases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        let wednesday = time::macros::date!(2026 - 12 - 02);
        assert_eq!(monday_of(wednesday), time::macros::date!(2026 - 11 - 30));
        assert_eq!(
            monday_of(time::macros::date!(2026 - 11 - 30)),
            time::macros::date!(2026 - 11 - 30)
        );
        assert_eq!(
            monday_of(time::macros::date!(2026 - 12 - 06)),
            time::macros::date!(2026 - 11 - 30)
        );
    }

    #[test]
    fn quantiles_take_the_nearest_rank() {
        let days = [0, 0, 1, 1, 2, 3, 4, 5, 9, 30];
        assert_eq!(quantile(&days, 0.5), Some(2.0));
        assert_eq!(quantile(&days, 0.9), Some(9.0));
        assert_eq!(quantile(&[7], 0.9), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }
}
