//! Pieces that several pages use.

pub mod language_switcher;
pub mod states;
