//! Types the Sanad backend and frontend share, so the two can never disagree on the shape of a
//! request, the spelling of an error code or the list of languages.

pub mod api;
pub mod articles;
pub mod cases;
pub mod digits;
pub mod entities;
pub mod error;
pub mod graph_layout;
pub mod i18n;
pub mod language;
#[cfg(feature = "phone")]
pub mod phone;
pub mod pow;
pub mod receipt;
pub mod staff;
pub mod statistics;
pub mod text;
pub mod tips;
pub mod translations;
pub mod triage;

pub use error::ErrorCode;
pub use language::{Direction, Language, UnknownLanguage};
