//! One component per page of the public site and the staff entry.

pub mod home;
pub mod not_found;
pub mod placeholder;
