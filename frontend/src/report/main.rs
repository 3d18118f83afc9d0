//! `/report`, a bundle of its own: the anonymous report form, its proof of work and the receipt.
//! The server sends `report.html` for this path. Built on `sanad_frontend::lean` rather than
//! Leptos, for size: see there for the measurements.

mod page;

fn main() {
    sanad_frontend::lean::shell::mount(page::report);
}
