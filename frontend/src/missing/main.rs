//! `/missing`, a bundle of its own: a family reports a missing relative and gets a case number
//! and a receipt. The server sends `missing.html` for this path. Built on `sanad_frontend::lean`
//! rather than Leptos, for size: see there for the measurements.

mod page;

fn main() {
    sanad_frontend::lean::shell::mount(page::missing);
}
