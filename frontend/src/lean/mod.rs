//! Pages built without Leptos, for the public bundles whose forms would not fit the 150 KB
//! first-load budget with it: a small reactive core (`reactive`), a DOM builder over it (`dom`),
//! the language (`i18n`), fetch state (`loader`), the public layout (`shell`), and what the
//! public forms share: fields and their problems, pictures (`forms`), the proof of work
//! (`proof`) and the receipt (`receipt`).
//!
//! Measured with `cargo xtask build` (wasm-opt -Oz, brotli): one bundle holding the layout,
//! `/report` and `/follow-up` weighed 174,244 bytes over Leptos (its signals and its layout) and
//! 143,580 bytes on this module. Split into a bundle per page, `/report` weighs 135,646 bytes and
//! `/follow-up` (with the family's case view) 119,175; the Leptos home bundle weighs 121,945.

pub mod dom;
pub mod forms;
pub mod i18n;
pub mod loader;
pub mod proof;
pub mod reactive;
pub mod receipt;
pub mod shell;
