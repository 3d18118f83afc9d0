//! A file input that speaks the page's language. The browser's own button and "no file chosen"
//! come in the browser's language whatever the page's (an English "Choose File" on an Arabic
//! page); here the input stays in the page for keyboards and screen readers, and a label in the
//! page's language is what people see and press, with the chosen file's name beside it.

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

use crate::i18n::t;

#[component]
pub fn FilePicker(
    id: &'static str,
    accept: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] described_by: Option<&'static str>,
    /// For a form that reads the file when it is sent.
    #[prop(optional)]
    node_ref: Option<NodeRef<html::Input>>,
    /// For a page that acts as soon as a file is chosen.
    #[prop(optional, into)]
    on_change: Option<Callback<web_sys::File>>,
) -> impl IntoView {
    let node_ref = node_ref.unwrap_or_default();
    let chosen = RwSignal::new(None::<String>);
    let changed = move |event: leptos::ev::Event| {
        let file = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        chosen.set(file.as_ref().map(web_sys::File::name));
        if let (Some(file), Some(callback)) = (file, on_change) {
            callback.run(file);
        }
    };
    let status = format!("{id}-chosen");
    let described = match described_by {
        Some(hint) => format!("{hint} {status}"),
        None => status.clone(),
    };
    view! {
        <span class="file-picker">
            <input id=id type="file" class="file-input" accept=accept required=required aria-describedby=described node_ref=node_ref on:change=changed/>
            <label for=id class="button button-secondary file-button">{t("file-choose")}</label>
            <span class="hint file-chosen" id=status dir="auto">
                {move || chosen.get().unwrap_or_else(|| t("file-none-chosen")())}
            </span>
        </span>
    }
}
