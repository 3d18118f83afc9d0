//! One component per page of the public site (the forms and articles are bundles of their own: `report/`, `follow_up/`, `missing/`, `learn/`).

pub mod home;
pub mod not_found;
