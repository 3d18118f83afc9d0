//! One component per page of the public site (the tip pages live in `tipster/`).

pub mod home;
pub mod not_found;
pub mod placeholder;
