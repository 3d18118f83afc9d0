//! The only parts of the public site that run in the browser: Leptos islands, rendered by the
//! server with the rest of the page and hydrated by one language-independent WebAssembly file.
//! Their words and markup are the server's, passed as children (which hydration leaves as they
//! are), so no island carries props to decode. Without a script a page is whole without them:
//! the forms carry a waited challenge instead of a proof of work, and the receipt is saved with
//! a plain link.
//!
//! - [`FormHelper`] sits inside a form: it keeps a draft of what is typed in `sessionStorage`
//!   (never the pictures), counts characters as they are typed where the form has a counter,
//!   and, where its children hold the `proof` field, solves the proof of
//!   work before the form is sent, with an honest estimate of how long it takes on this device.
//! - [`ReceiptTools`] sits on a receipt page: copy and Web Share, and it forgets the drafts, whose
//!   report has been sent.

use leptos::prelude::*;

use crate::Messages;

// Only in the browser: a native build with every feature (the workspace's tests) renders and
// never hydrates.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
mod browser;

/// `sessionStorage` keys of drafts start with this; a receipt page removes them all.
pub const DRAFT_PREFIX: &str = "sanad-draft:";

/// Where the durations (minutes:seconds) go in the estimate's template (`data-template`).
pub const USUAL_SLOT: &str = "{usual}";
pub const ELAPSED_SLOT: &str = "{elapsed}";
/// Where the count goes in a counter's template: a `data-template` beside `data-counts`, the id
/// of the field whose characters it counts.
pub const COUNT_SLOT: &str = "{count}";

#[island]
pub fn FormHelper(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    // Once hydrated, the element is known; an effect would do the same, but effects need an
    // executor that a server has not.
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    request_animation_frame(move || {
        if let Some(element) = root.get_untracked() {
            browser::enhance_form(element.into());
        }
    });
    view! { <div class="form-helper" node_ref=root>{children()}</div> }
}

/// A form's island: its draft, and with `proof` the proof of work sent in the `proof` field
/// (the server reads it instead of the waited challenge) with its progress. The field holds
/// `proof`'s value: empty, or a proof solved for this form that the server gave back unspent.
pub fn form_helper(messages: &dyn Messages, proof: Option<&str>) -> impl IntoView {
    let shown = proof.map(|proof| {
        let proof = proof.to_owned();
        let mut slots = sanad_shared::i18n::Args::new();
        slots.set("usual", USUAL_SLOT.to_owned());
        slots.set("elapsed", ELAPSED_SLOT.to_owned());
        let working = messages.get("report-working");
        let status = working.clone();
        view! {
            <input type="hidden" name="proof" value=proof/>
            <div class="working" hidden>
                <p
                    id="working-status"
                    role="status"
                    data-working=working.clone()
                    data-sending=messages.get("report-sending")
                >
                    {status}
                </p>
                <progress aria-labelledby="working-status"></progress>
                <p
                    class="hint working-estimate"
                    hidden
                    data-template=messages.get_with("report-working-estimate", &slots)
                ></p>
                <p class="hint">{messages.get("report-working-why")}</p>
            </div>
            <p class="notice notice-error working-failed" role="alert" hidden>
                {messages.get("report-network")}
            </p>
        }
    });
    view! { <FormHelper>{shown}</FormHelper> }
}

#[island]
pub fn ReceiptTools(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    request_animation_frame(move || {
        if let Some(element) = root.get_untracked() {
            browser::receipt_tools(element.into());
        }
    });
    view! { <div class="receipt-tools" node_ref=root>{children()}</div> }
}

/// Copy and share buttons for a receipt beside `save` (its file link, which needs no script),
/// shown once the browser has them (the server renders them hidden: without a script they
/// could do nothing).
pub fn receipt_tools(messages: &dyn Messages, receipt: &str, save: AnyView) -> impl IntoView {
    let receipt = receipt.to_owned();
    let tools = view! {
            <p class="actions-row">
                {save}
                <button
                    type="button"
                    class="button button-secondary copy-receipt"
                    hidden
                    data-receipt=receipt.clone()
                >
                    {messages.get("report-copy")}
                </button>
                <button
                    type="button"
                    class="button button-secondary share-receipt"
                    hidden
                    data-receipt=receipt
                    data-title=messages.get("report-receipt-label")
                >
                    {messages.get("report-share")}
                </button>
            </p>
            <p
                class="hint copy-status"
                role="status"
                data-copied=messages.get("report-copied")
                data-failed=messages.get("report-copy-failed")
            ></p>
    }
    .into_any();
    view! { <ReceiptTools>{tools}</ReceiptTools> }
}

/// Called once the WebAssembly has loaded: the islands on the page hydrate after it.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
