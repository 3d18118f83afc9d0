//! What Sanad's two web apps share: the language and its messages (`i18n`), every HTTP call
//! (`api`), client-side navigation (`router`), fetch state (`loader`) and common components.
//! The public site lives in `public/`, the staff area in `staff/`; each is its own bundle.

pub mod api;
pub mod components;
pub mod i18n;
pub mod loader;
pub mod router;
