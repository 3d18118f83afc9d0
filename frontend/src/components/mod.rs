//! Pieces that several pages use.

pub mod file_picker;
pub mod language_switcher;
pub mod states;
