//! The committee's figures: tips and cases per week, by governorate, subject, status and outcome,
//! time to first look, and what is open and overdue. Small counts can point at a person (the one
//! family in a district who reported a son): below five they are shown only to admins.

use serde::{Deserialize, Serialize};

use crate::tips::Governorate;

/// Counts below this are shown as "fewer than 5" to anyone but an admin, and in every export.
pub const SMALL_COUNT: u32 = 5;

/// A count as it may be shown: exact, or `"<5"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Count {
    Exact(u32),
    Small(Suppressed),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Suppressed {
    #[serde(rename = "<5")]
    FewerThanFive,
}

impl Count {
    /// `n` as `exact` readers see it, and as everyone else does: below [`SMALL_COUNT`] hidden.
    pub fn shown(n: u32, exact: bool) -> Count {
        if exact || n >= SMALL_COUNT {
            Count::Exact(n)
        } else {
            Count::Small(Suppressed::FewerThanFive)
        }
    }

    /// The figure, if shown.
    pub fn value(self) -> Option<u32> {
        match self {
            Count::Exact(n) => Some(n),
            Count::Small(_) => None,
        }
    }
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Count::Exact(n) => write!(f, "{n}"),
            Count::Small(_) => f.write_str("<5"),
        }
    }
}

/// One week (Monday to Sunday, by the day a report arrived).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekFigures {
    /// The Monday, `YYYY-MM-DD`.
    pub week: String,
    pub received: Count,
    /// Of those, how many staff have opened.
    pub looked_at: Count,
    /// Days from arrival to the first look (arrival is kept as a day only, so whole days), for
    /// the reports of this week that were looked at; none when fewer than five were, unless the
    /// reader is an admin.
    pub first_look_median_days: Option<f32>,
    pub first_look_p90_days: Option<f32>,
}

/// A count under a key: a governorate code (`basra`, or `unknown`), a subject, a status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bucket {
    pub key: String,
    pub count: Count,
}

/// The figures of one kind of report in the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindFigures {
    pub received: Count,
    /// Every week of the period, oldest first.
    pub weeks: Vec<WeekFigures>,
    /// Every governorate, and `unknown` for reports that gave none.
    pub by_governorate: Vec<Bucket>,
    pub by_status: Vec<Bucket>,
    /// Tips only.
    pub by_subject: Vec<Bucket>,
    /// Cases only: `returned`, `located_alive`, `deceased`.
    pub outcomes: Vec<Bucket>,
    /// Now, whatever the period: open, and open past the first-look target without a look.
    pub open: Count,
    pub overdue: Count,
}

/// `GET /api/v1/statistics`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// The period's first and last day.
    pub from: String,
    pub to: String,
    /// Small counts are shown exactly (the reader is an admin).
    pub exact: bool,
    /// For those who work tips.
    pub tips: Option<KindFigures>,
    /// For those who work cases.
    pub cases: Option<KindFigures>,
}

/// Inhabitants per governorate, rounded estimates from the 2024 census's first results, in
/// thousands. The map's rates are for comparing governorates: rounding to tens of thousands
/// changes no colour class.
const POPULATION_THOUSANDS: [(Governorate, u32); 19] = [
    (Governorate::Anbar, 1_900),
    (Governorate::Babil, 2_400),
    (Governorate::Baghdad, 9_100),
    (Governorate::Basra, 3_400),
    (Governorate::DhiQar, 2_400),
    (Governorate::Diyala, 1_800),
    (Governorate::Duhok, 1_500),
    (Governorate::Erbil, 2_300),
    (Governorate::Halabja, 120),
    (Governorate::Karbala, 1_400),
    (Governorate::Kirkuk, 1_700),
    (Governorate::Maysan, 1_200),
    (Governorate::Muthanna, 900),
    (Governorate::Najaf, 1_700),
    (Governorate::Nineveh, 4_300),
    (Governorate::Qadisiyyah, 1_500),
    (Governorate::Saladin, 1_700),
    (Governorate::Sulaymaniyah, 2_300),
    (Governorate::Wasit, 1_500),
];

pub fn population(governorate: Governorate) -> u32 {
    POPULATION_THOUSANDS
        .iter()
        .find(|(g, _)| *g == governorate)
        .map(|(_, thousands)| thousands * 1000)
        .unwrap_or(0)
}

/// A count per 100,000 inhabitants of the governorate.
pub fn per_100k(count: u32, governorate: Governorate) -> Option<f32> {
    let people = population(governorate);
    (people > 0).then(|| count as f32 * 100_000.0 / people as f32)
}

/// One of five colour classes (1 lightest to 5 darkest) by the share of the largest figure; 0
/// for nothing.
pub fn colour_class(value: f32, max: f32) -> u8 {
    if max <= 0.0 || value <= 0.0 || value.is_nan() {
        return 0;
    }
    ((value / max * 5.0).ceil() as u8).clamp(1, 5)
}

/// The longest period the statistics cover at once.
pub const MAX_STATISTICS_DAYS: i64 = 3 * 366;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_from_all_but_exact_readers() {
        assert_eq!(
            Count::shown(4, false),
            Count::Small(Suppressed::FewerThanFive)
        );
        assert_eq!(
            Count::shown(0, false),
            Count::Small(Suppressed::FewerThanFive)
        );
        assert_eq!(Count::shown(5, false), Count::Exact(5));
        assert_eq!(Count::shown(3, true), Count::Exact(3));
        assert_eq!(
            serde_json::to_string(&Count::shown(2, false)).unwrap(),
            "\"<5\""
        );
        assert_eq!(
            serde_json::to_string(&Count::shown(12, false)).unwrap(),
            "12"
        );
        assert_eq!(
            serde_json::from_str::<Count>("\"<5\"").unwrap(),
            Count::Small(Suppressed::FewerThanFive)
        );
        assert!(serde_json::from_str::<Count>("\"<6\"").is_err());
        assert_eq!(Count::shown(2, false).to_string(), "<5");
    }

    #[test]
    fn every_governorate_has_a_population_and_rates_follow_it() {
        for governorate in Governorate::ALL {
            assert!(population(governorate) >= 100_000, "{governorate:?}");
        }
        assert_eq!(per_100k(91, Governorate::Baghdad), Some(1.0));
        assert_eq!(per_100k(12, Governorate::Halabja), Some(10.0));
    }

    #[test]
    fn colour_classes_follow_the_share_of_the_largest() {
        assert_eq!(colour_class(0.0, 10.0), 0);
        assert_eq!(colour_class(0.1, 10.0), 1);
        assert_eq!(colour_class(5.0, 10.0), 3);
        assert_eq!(colour_class(10.0, 10.0), 5);
        assert_eq!(colour_class(3.0, 0.0), 0);
        assert_eq!(colour_class(f32::NAN, 10.0), 0);
    }
}
