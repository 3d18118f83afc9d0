//! Entities: the phone numbers, online accounts and agencies that tips and cases name, and the
//! network they draw between reports. A family's report and an anonymous tip that name the same
//! recruiter's number meet here.

use serde::{Deserialize, Serialize};

use crate::{tips::Governorate, triage::ItemKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// An E.164 number.
    Phone,
    /// `platform:handle`, as the account normaliser writes it.
    Account,
    /// An agency, travel company or named recruiter, as written (Arabic or Latin letters).
    Agency,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Phone, EntityKind::Account, EntityKind::Agency];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Phone => "phone",
            EntityKind::Account => "account",
            EntityKind::Agency => "agency",
        }
    }

    pub fn parse(text: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// An entity as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityRef {
    pub id: i64,
    pub kind: EntityKind,
    /// The value as first written (`+9647701234567`, `telegram:recruits_iq`, `شركة النور للسفر`).
    pub display: String,
    /// Independent sources: different tips and cases that name it (one tipster's further
    /// messages add nothing).
    pub sources: u32,
}

/// A tip or case as an entity page or a connection lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConnectedItem {
    pub kind: ItemKind,
    pub id: i64,
    /// The case number (`MP-4KQ7-92XD`); empty for a tip, whose reference is its id.
    pub case_number: String,
    /// The item's status code (a tip's or a case's, by `kind`).
    pub status: String,
    pub received_on: String,
    pub governorate: Option<Governorate>,
    /// The entities it shares with what is being looked at (ids of [`EntityRef`]s given beside).
    pub shared: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GovernorateCount {
    pub governorate: Governorate,
    pub items: u32,
}

/// `GET /api/v1/entities/{id}`. The tips are listed only to those who work tips, the cases only
/// to those who work cases; anyone else is told how many there are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityPage {
    pub id: i64,
    pub kind: EntityKind,
    pub display: String,
    /// Other spellings merged into this one; each can be split off again.
    pub aliases: Vec<EntityRef>,
    /// First and last day a tip or case naming it arrived.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub governorates: Vec<GovernorateCount>,
    pub sources: u32,
    pub tip_count: u32,
    pub case_count: u32,
    /// The newest first, at most [`ENTITY_PAGE_ITEMS`] of each kind; empty for a kind the reader
    /// does not work.
    pub tips: Vec<ConnectedItem>,
    pub cases: Vec<ConnectedItem>,
    pub tips_visible: bool,
    pub cases_visible: bool,
}

/// How many tips and how many cases an entity page lists.
pub const ENTITY_PAGE_ITEMS: usize = 100;

/// `GET /api/v1/entities?value=…`: the entities a typed value stands for (a phone number, an
/// account or an agency name, read every way that fits).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityLookup {
    pub entities: Vec<EntityRef>,
}

/// `POST /api/v1/entities/{id}/merge`: `other` (and its own aliases) become spellings of `{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityMerge {
    pub other: i64,
}

/// `GET /api/v1/{tips,cases}/{id}/connections`: what the item names and the other reports that
/// name the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Connections {
    pub entities: Vec<EntityRef>,
    /// Strongest first (most entities shared), then newest; at most 100 of each kind.
    pub tips: Vec<ConnectedItem>,
    pub cases: Vec<ConnectedItem>,
    pub tip_count: u32,
    pub case_count: u32,
    pub tips_visible: bool,
    pub cases_visible: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Phone,
    Account,
    Agency,
    Tip,
    Case,
}

impl From<EntityKind> for NodeKind {
    fn from(kind: EntityKind) -> NodeKind {
        match kind {
            EntityKind::Phone => NodeKind::Phone,
            EntityKind::Account => NodeKind::Account,
            EntityKind::Agency => NodeKind::Agency,
        }
    }
}

impl From<ItemKind> for NodeKind {
    fn from(kind: ItemKind) -> NodeKind {
        match kind {
            ItemKind::Tip => NodeKind::Tip,
            ItemKind::Case => NodeKind::Case,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkNode {
    pub kind: NodeKind,
    /// The entity's, tip's or case's id; `None` for a report the reader does not work (its
    /// existence shows, not what it is).
    pub id: Option<i64>,
    /// The entity's value, the case number, or empty for a tip or a hidden report.
    pub label: String,
    /// Steps from the node the view is about (0, 1 or 2).
    pub step: u8,
    /// For an entity, its independent sources within the view's period.
    pub sources: u32,
    /// For a report, the day it arrived.
    pub received_on: Option<String>,
}

/// An edge between two nodes (indexes into `nodes`). `sources` is how many independent reports
/// support it: 1 from a report to an entity it names, or the number of reports that name two
/// entities together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkEdge {
    pub from: u32,
    pub to: u32,
    pub sources: u32,
}

/// `GET /api/v1/network`: what is connected to an entity, a tip or a case up to two steps away.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Network {
    /// The node the view is about is first.
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
    /// More was connected than [`NETWORK_MAX_NODES`]: the least connected were left out.
    pub truncated: bool,
}

pub const NETWORK_MAX_NODES: usize = 200;
