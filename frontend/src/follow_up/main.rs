//! `/follow-up`, a bundle of its own: coming back to a report with its receipt. The server sends
//! `follow-up.html` for this path. Built on `sanad_frontend::lean` rather than Leptos, for size:
//! see there for the measurements.

mod page;

fn main() {
    sanad_frontend::lean::shell::mount(page::follow_up);
}
