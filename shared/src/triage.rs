//! The staff's work on tips and missing-person cases alike: how urgent an item is and why, who
//! has it, its labels and internal notes, how long it has waited for a first look, and who else
//! has it open. One set of types for both kinds of item.

use serde::{Deserialize, Serialize};

use crate::tips::FieldProblem;

/// What a queue holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Tip,
    Case,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Tip => "tip",
            ItemKind::Case => "case",
        }
    }

    pub fn parse(text: &str) -> Option<ItemKind> {
        [ItemKind::Tip, ItemKind::Case]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// Why an item is as urgent as it is: each rule that raised it, with its figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum PriorityReason {
    /// Someone is said to leave in `days` days (0: today).
    DepartureSoon { days: u32 },
    /// A person under 18 is involved.
    Minor,
    /// Other tips and cases share a phone number or an account with this one.
    Linked { count: u32 },
    /// No staff member has opened it for `days` days.
    Waiting { days: u32 },
    /// Raised or lowered by hand; the reason is in [`Triage::manual_reason`].
    Manual { adjust: i32 },
}

/// The band a priority score falls in, for display and filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PriorityLevel {
    Urgent,
    High,
    Normal,
    Low,
}

impl PriorityLevel {
    pub const ALL: [PriorityLevel; 4] = [
        PriorityLevel::Urgent,
        PriorityLevel::High,
        PriorityLevel::Normal,
        PriorityLevel::Low,
    ];

    /// The lowest score of each band: a departure within a week (40) plus anything else is
    /// urgent; a minor (30) alone is high.
    pub fn of(score: i32) -> PriorityLevel {
        match score {
            s if s >= 60 => PriorityLevel::Urgent,
            s if s >= 30 => PriorityLevel::High,
            s if s >= 10 => PriorityLevel::Normal,
            _ => PriorityLevel::Low,
        }
    }

    /// The scores of this band, lowest and highest (inclusive).
    pub fn range(self) -> (i32, i32) {
        match self {
            PriorityLevel::Urgent => (60, i32::MAX),
            PriorityLevel::High => (30, 59),
            PriorityLevel::Normal => (10, 29),
            PriorityLevel::Low => (i32::MIN, 9),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PriorityLevel::Urgent => "urgent",
            PriorityLevel::High => "high",
            PriorityLevel::Normal => "normal",
            PriorityLevel::Low => "low",
        }
    }

    pub fn parse(text: &str) -> Option<PriorityLevel> {
        PriorityLevel::ALL.into_iter().find(|l| l.as_str() == text)
    }
}

/// A staff member as other staff see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRef {
    pub id: String,
    pub name: String,
}

/// A colleague who can be given tips, cases or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Colleague {
    pub id: String,
    pub name: String,
    pub tips: bool,
    pub cases: bool,
}

/// The triage state of one tip or case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Triage {
    pub priority: i32,
    pub level: PriorityLevel,
    pub reasons: Vec<PriorityReason>,
    /// Why it was raised or lowered by hand.
    pub manual_reason: Option<String>,
    pub assignee: Option<StaffRef>,
    /// Label ids; the names come from `GET /api/v1/labels`.
    pub labels: Vec<i64>,
    /// The day a staff member first opened it.
    pub first_look_on: Option<String>,
    /// Days since it arrived without a first look (0 once looked at).
    pub waiting_days: u32,
    /// Still without a first look past the target the admins set.
    pub overdue: bool,
    /// The day someone is said to leave, as the report gave it.
    pub departure_on: Option<String>,
    /// Changes with every staff change; send it back with a change so a stale view is refused.
    pub version: i64,
}

/// A label's name in each language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelNames {
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 40,
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000](?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000])?[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub ar: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 40,
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000](?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000])?[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub ckb: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 40,
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000](?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000])?[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub kmr: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 40,
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000](?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000])?[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub en: String,
}

impl LabelNames {
    pub fn get(&self, language: crate::Language) -> &str {
        match language {
            crate::Language::Ar => &self.ar,
            crate::Language::Ckb => &self.ckb,
            crate::Language::Kmr => &self.kmr,
            crate::Language::En => &self.en,
        }
    }
}

/// A label admins keep for sorting tips and cases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Label {
    pub id: i64,
    /// `#rrggbb`.
    pub color: String,
    pub names: LabelNames,
}

/// `POST /api/v1/labels` and `PUT /api/v1/labels/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewLabel {
    /// `#rrggbb`.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^#[0-9A-Fa-f]{6}$"))]
    pub color: String,
    pub names: LabelNames,
}

pub const MAX_LABEL_CHARS: usize = 40;

impl NewLabel {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        let color = self.color.trim();
        let hex = color.strip_prefix('#').unwrap_or_default();
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            problems.push(FieldProblem::at("color", "invalid"));
        }
        for (field, name) in [
            ("names.ar", &self.names.ar),
            ("names.ckb", &self.names.ckb),
            ("names.kmr", &self.names.kmr),
            ("names.en", &self.names.en),
        ] {
            // The limit counts what was sent, as the OpenAPI document's maxLength does.
            let too_long = name.chars().count() > MAX_LABEL_CHARS;
            let name = name.trim();
            if name.is_empty() {
                problems.push(FieldProblem::at(field, "required"));
            } else if too_long {
                problems.push(FieldProblem::at(field, "too_long"));
            } else if !name.chars().all(crate::text::fits_a_line) {
                problems.push(FieldProblem::at(field, "invalid"));
            }
        }
        problems
    }
}

/// `PUT /api/v1/{tips,cases}/{id}/assignee`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssigneeChange {
    /// A staff id, or `null` to leave it unassigned.
    pub assignee: Option<String>,
    /// The [`Triage::version`] the change was made on.
    pub version: i64,
}

/// `PUT /api/v1/{tips,cases}/{id}/priority`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriorityChange {
    /// Added to the score the rules give, -50 to 50; 0 removes a hand change.
    #[cfg_attr(feature = "openapi", schema(minimum = -50, maximum = 50))]
    pub adjust: i32,
    /// Required unless `adjust` is 0.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
    pub version: i64,
}

pub const MAX_ADJUST: i32 = 50;
pub const MAX_REASON_CHARS: usize = 500;

impl PriorityChange {
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if !(-MAX_ADJUST..=MAX_ADJUST).contains(&self.adjust) {
            problems.push(FieldProblem::at("adjust", "out_of_range"));
        }
        let reason = self.reason.as_deref().map(str::trim).unwrap_or_default();
        if self.adjust != 0 && reason.is_empty() {
            problems.push(FieldProblem::at("reason", "required"));
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            problems.push(FieldProblem::at("reason", "too_long"));
        }
        problems
    }
}

/// `PUT /api/v1/{tips,cases}/{id}/labels`
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelsChange {
    pub labels: Vec<i64>,
    pub version: i64,
}

/// A staff-only note on a tip, never shown to the tipster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InternalNote {
    pub id: i64,
    pub author: StaffRef,
    pub text: String,
    /// Unix milliseconds (a staff action, not the tipster's).
    pub written_at_ms: i64,
}

/// `POST /api/v1/{tips,cases}/bulk`: the same change to many items, one audit entry each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkChange {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub ids: Vec<i64>,
    /// A tip status (tips only).
    #[serde(default)]
    pub status: Option<crate::tips::TipStatus>,
    #[serde(default)]
    pub add_labels: Vec<i64>,
    #[serde(default)]
    pub remove_labels: Vec<i64>,
    /// Present to assign (`{"assignee": null}` unassigns).
    #[serde(default)]
    pub assign: Option<BulkAssign>,
}

pub const MAX_BULK: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkAssign {
    pub assignee: Option<String>,
}

/// The answer to a bulk change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkResult {
    pub changed: u32,
}

/// `PUT /api/v1/{tips,cases}/{id}/presence`: who else has the item open, and its version now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Presence {
    /// Other staff seen on this item within the last minute.
    pub others: Vec<StaffRef>,
    pub version: i64,
}

/// `GET /api/v1/triage/overview`: the signed-in person's work at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    pub tips: QueueCounts,
    pub cases: QueueCounts,
    /// The first-look target, in hours.
    pub first_look_hours: u32,
}

/// Open items of one kind (not closed, dismissed or actioned); zero for a kind the person does
/// not work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueCounts {
    pub open: u32,
    pub mine: u32,
    pub unassigned: u32,
    pub overdue: u32,
    pub urgent: u32,
}

/// One event in an item's history: what staff did to it, and what the tipster or family sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEvent {
    /// The day, `YYYY-MM-DD` (UTC).
    pub on: String,
    /// Unix milliseconds of a staff action; absent for what the tipster or family sent, of
    /// which only the day is kept.
    #[serde(default)]
    pub at_ms: Option<i64>,
    /// Who did it; absent for the tipster or family.
    #[serde(default)]
    pub by: Option<StaffRef>,
    pub change: TimelineChange,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineChange {
    /// A status of the item's kind (`in_review`, `under_review`…).
    Status {
        from: String,
        to: String,
    },
    Assigned {
        to: Option<StaffRef>,
    },
    Labels {
        added: Vec<i64>,
        removed: Vec<i64>,
    },
    /// A hand change of the priority (0 removes it).
    Priority {
        adjust: i32,
    },
    /// A staff-only note; its text where the item keeps notes in the timeline (tips).
    Note {
        text: Option<String>,
    },
    /// Staff wrote to the tipster or family.
    Replied,
    /// The tipster or family wrote.
    Wrote,
    /// Another case was merged into this one, or this one into another.
    Merged,
}

/// A queue view someone named and saved: the filters as they stand in the queue's address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedView {
    pub id: i64,
    pub kind: ItemKind,
    pub name: String,
    /// The address's query without `?`, e.g. `status=new%2Cin_review&priority=high`.
    pub query: String,
}

/// `POST /api/v1/views`: saving under a name the person already used replaces that view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSavedView {
    pub kind: ItemKind,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 60,
            pattern = r"^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000](?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000])?[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
        )
    )]
    pub name: String,
    /// The queue's address query (`status=new&priority=urgent`), as the queue reads it.
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub query: String,
}

pub const MAX_VIEW_NAME_CHARS: usize = 60;
pub const MAX_VIEW_QUERY_CHARS: usize = 1000;
/// Views one person keeps per kind.
pub const MAX_SAVED_VIEWS: usize = 50;

impl NewSavedView {
    /// What is wrong with the name and the query's size; whether the query's filters mean
    /// anything is for the server, which reads them as it reads a queue's address.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        // The limit counts what was sent, as the OpenAPI document's maxLength does.
        let too_long = self.name.chars().count() > MAX_VIEW_NAME_CHARS;
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(FieldProblem::at("name", "required"));
        } else if too_long {
            problems.push(FieldProblem::at("name", "too_long"));
        } else if !name.chars().all(crate::text::fits_a_line) {
            problems.push(FieldProblem::at("name", "invalid"));
        }
        if self.query.chars().count() > MAX_VIEW_QUERY_CHARS {
            problems.push(FieldProblem::at("query", "too_long"));
        }
        problems
    }
}

/// The default first-look target.
pub const DEFAULT_FIRST_LOOK_HOURS: u32 = 24;

/// A day someone is said to leave, typed in any digit set: `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Option<String> {
    let day = crate::cases::parse_partial_date(text)?;
    (day.len() == 10).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_fall_into_bands_at_their_edges() {
        assert_eq!(PriorityLevel::of(60), PriorityLevel::Urgent);
        assert_eq!(PriorityLevel::of(59), PriorityLevel::High);
        assert_eq!(PriorityLevel::of(30), PriorityLevel::High);
        assert_eq!(PriorityLevel::of(29), PriorityLevel::Normal);
        assert_eq!(PriorityLevel::of(10), PriorityLevel::Normal);
        assert_eq!(PriorityLevel::of(9), PriorityLevel::Low);
        assert_eq!(PriorityLevel::of(-50), PriorityLevel::Low);
        for level in PriorityLevel::ALL {
            let (low, high) = level.range();
            assert_eq!(PriorityLevel::of(low), level);
            assert_eq!(PriorityLevel::of(high), level);
        }
    }

    #[test]
    fn a_label_needs_a_colour_and_a_clean_name_in_every_language() {
        let good = NewLabel {
            color: "#a1b2c3".into(),
            names: LabelNames {
                ar: "عاجل".into(),
                ckb: "بەپەلە".into(),
                kmr: "Bilez".into(),
                en: "Urgent".into(),
            },
        };
        assert!(good.problems().is_empty());
        let mut bad = good.clone();
        bad.color = "red".into();
        bad.names.en = "\u{202e}NIMDA".into();
        bad.names.kmr = " ".into();
        let fields: Vec<String> = bad.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["color", "names.kmr", "names.en"]);
    }

    #[test]
    fn a_hand_change_needs_a_reason_and_stays_in_range() {
        let change = |adjust, reason: Option<&str>| PriorityChange {
            adjust,
            reason: reason.map(String::from),
            version: 0,
        };
        assert!(change(0, None).problems().is_empty());
        assert!(change(20, Some("flight booked")).problems().is_empty());
        assert_eq!(change(20, Some("  ")).problems().len(), 1);
        assert_eq!(change(51, Some("x")).problems().len(), 1);
    }

    #[test]
    fn departure_days_accept_every_digit_set_and_refuse_months() {
        assert_eq!(parse_day("٢٠٢٦-١٢-٠٤").as_deref(), Some("2026-12-04"));
        assert_eq!(parse_day("۲۰۲۶-۱۲-۰۴").as_deref(), Some("2026-12-04"));
        assert_eq!(parse_day("2026-12"), None);
        assert_eq!(parse_day("2026-02-30"), None);
    }
}
