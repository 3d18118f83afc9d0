//! The receipt of an anonymous report or a family's case, shown once: large, grouped for
//! reading aloud, with ways to keep it (copy, save as a file), and a confirmation that it was
//! kept before the page lets go of it (people lose receipts more than anything else).

use sanad_shared::receipt::Receipt;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use super::{
    dom::{checked, el, message, set_timeout, El},
    forms::notice_text,
    i18n::use_i18n,
    reactive::{memo, Var},
};

/// The keys that differ between a tip's receipt and a case's.
pub struct ReceiptTexts {
    pub title: &'static str,
    pub explain: &'static str,
    /// The saved file's text, given `$receipt` and `$address` (and what `file_args` adds).
    pub file: &'static str,
}

/// The receipt, shown once: large, grouped for reading aloud, with ways to keep it, and a
/// confirmation that it was kept before the page lets go of it.
pub fn receipt_shown(
    sent: Var<Option<Receipt>>,
    texts: ReceiptTexts,
    // Shown above the receipt (a case number).
    before: Vec<El>,
    // More arguments for the saved file's text.
    file_args: Box<dyn Fn() -> Vec<(&'static str, String)>>,
) -> El {
    let i18n = use_i18n();
    let grouped =
        memo(move || sent.with(|r| r.as_ref().map(Receipt::to_string).unwrap_or_default()));
    let kept = Var::new(false);
    let note = Var::new(None::<&'static str>);
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let promise = window
            .navigator()
            .clipboard()
            .write_text(&grouped.get_untracked());
        spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let _ = note.try_set(Some(if copied {
                "report-copied"
            } else {
                "report-copy-failed"
            }));
        });
    };
    let save = move |_| {
        let address = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let mut args = file_args();
        args.push(("receipt", grouped.get_untracked()));
        args.push((
            "address",
            format!("{address}/{}/follow-up", i18n.chosen.get_untracked().code()),
        ));
        // Fluent isolates each inserted value with invisible direction marks (U+2068, U+2069);
        // in a plain-text file they only get in the way of copying the receipt.
        let text: String = message(i18n, texts.file, &args)
            .chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
            .collect();
        if download("sanad-receipt.txt", &text).is_none() {
            note.set(Some("report-copy-failed"));
        }
    };
    let done = move |_| {
        // The receipt leaves memory with the page.
        sent.set(None);
        if let Some(window) = web_sys::window() {
            let _ = window
                .location()
                .set_href(&format!("/{}/", i18n.chosen.get_untracked().code()));
        }
    };
    el("section")
        .class("page receipt-page")
        .flag_with("hidden", Box::new(move || sent.with(Option::is_none)))
        .child(
            el("h1")
                .id("report-sent")
                .attr("tabindex", "-1")
                .tr(texts.title),
        )
        .children(before)
        .child(el("p").tr("report-receipt-label"))
        .child(
            el("p")
                .class("receipt")
                .attr("dir", "ltr")
                .id("receipt-number")
                .show(Box::new(move || grouped.get())),
        )
        .child(el("p").class("notice notice-warning").tr(texts.explain))
        .child(el("p").tr("report-receipt-keep"))
        .child(
            el("div")
                .class("actions-row")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("button button-secondary")
                        .on("click", copy)
                        .tr("report-copy"),
                )
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("button button-secondary")
                        .on("click", save)
                        .tr("report-save-file"),
                ),
        )
        .child(
            el("p")
                .attr("role", "status")
                .class("hint")
                .show(notice_text(note)),
        )
        .child(
            el("label")
                .class("choice")
                .child(
                    el("input")
                        .attr("type", "checkbox")
                        .on("change", move |event| kept.set(checked(&event))),
                )
                .tr("report-kept"),
        )
        .child(
            el("button")
                .attr("type", "button")
                .class("button")
                .flag_with("disabled", Box::new(move || !kept.get()))
                .on("click", done)
                .tr("report-done"),
        )
}

/// Offers `text` as a file to save, without a server round trip.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = web_sys::window()?
        .document()?
        .create_element("a")
        .ok()?
        .dyn_into()
        .ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked once the download has surely started; some browsers cancel it if done at once.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Some(())
}
