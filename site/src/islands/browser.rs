//! What the islands do with the browser: the draft in `sessionStorage`, the proof of work and its
//! challenge, the clipboard and the share sheet, all on the markup the server rendered. Nothing
//! here can stop a form from being sent the ordinary way: where a step fails, the form goes as it
//! would without a script.

use std::{cell::Cell, collections::BTreeMap, rc::Rc};

use js_sys::{Object, Reflect, JSON};
use sanad_shared::pow::{self, Estimate};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Element, Event, HtmlButtonElement, HtmlElement, HtmlFormElement, HtmlInputElement,
    HtmlSelectElement, HtmlTextAreaElement, Storage, SubmitEvent,
};

use super::{COUNT_SLOT, DRAFT_PREFIX, ELAPSED_SLOT, USUAL_SLOT};

/// Says on the island's element that it has come alive, for whoever waits for it (the browser
/// tests).
fn mark_ready(root: &Element) {
    let _ = root.set_attribute("data-ready", "");
}

/// The first element under `root` that `selector` finds, as a `T`.
fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

pub fn enhance_form(root: HtmlElement) {
    mark_ready(&root);
    let Some(form) = root
        .closest("form")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    // One draft per form, whatever the language: the last part of its address (`report`).
    let action = form.action();
    let name = action.rsplit('/').next().unwrap_or_default();
    let key = format!("{DRAFT_PREFIX}{name}");
    restore_draft(&form, &key);
    count(&form);
    let saver = {
        let form = form.clone();
        Closure::<dyn Fn(Event)>::new(move |_: Event| {
            save_draft(&form, &key);
            count(&form);
        })
    };
    let _ = form.add_event_listener_with_callback("input", saver.as_ref().unchecked_ref());
    let _ = form.add_event_listener_with_callback("change", saver.as_ref().unchecked_ref());
    saver.forget();
    if let Some(ui) = ProofUi::find(&root) {
        prove_on_submit(form, ui);
    }
}

/// Writes each counter's count of its field's characters (as the server counts them).
fn count(form: &HtmlFormElement) {
    let Ok(counters) = form.query_selector_all("[data-counts]") else {
        return;
    };
    for i in 0..counters.length() {
        let Some(counter) = counters.item(i).and_then(|c| c.dyn_into::<Element>().ok()) else {
            continue;
        };
        let id = counter.get_attribute("data-counts").unwrap_or_default();
        let Some(field) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|f| f.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            continue;
        };
        let template = counter.get_attribute("data-template").unwrap_or_default();
        let text = template.replace(COUNT_SLOT, &field.value().chars().count().to_string());
        if counter.text_content().as_deref() != Some(text.as_str()) {
            counter.set_text_content(Some(&text));
        }
    }
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// A field of the draft: its name and its place among the fields of that name (the rows of
/// names and phones share one), or for a box its value too; pictures and hidden fields are not
/// kept (the server carries the hidden ones).
fn draft_key(element: &Element, counts: &mut BTreeMap<String, usize>) -> Option<(String, Field)> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        let name = input.name();
        match input.type_().as_str() {
            "file" | "hidden" | "submit" | "button" | "password" => None,
            "checkbox" | "radio" => Some((
                format!("{name}={}", input.value()),
                Field::Box(input.clone()),
            )),
            _ => Some((indexed(name, counts), Field::Text(input.clone()))),
        }
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        Some((indexed(area.name(), counts), Field::Area(area.clone())))
    } else {
        element.dyn_ref::<HtmlSelectElement>().map(|select| {
            (
                indexed(select.name(), counts),
                Field::Select(select.clone()),
            )
        })
    }
}

fn indexed(name: String, counts: &mut BTreeMap<String, usize>) -> String {
    let count = counts.entry(name.clone()).or_default();
    *count += 1;
    format!("{name}#{}", *count - 1)
}

enum Field {
    Text(HtmlInputElement),
    Area(HtmlTextAreaElement),
    Select(HtmlSelectElement),
    Box(HtmlInputElement),
}

impl Field {
    fn value(&self) -> String {
        match self {
            Field::Text(input) => input.value(),
            Field::Area(area) => area.value(),
            Field::Select(select) => select.value(),
            Field::Box(input) => if input.checked() { "1" } else { "" }.to_owned(),
        }
    }

    fn element(&self) -> &Element {
        match self {
            Field::Text(input) | Field::Box(input) => input,
            Field::Area(area) => area,
            Field::Select(select) => select,
        }
    }

    /// Fills the field from the draft unless it holds something already: what the server
    /// sent back (a form returned with a problem) is newer than the draft. A filled field in a
    /// closed `<details>` opens it, so that nothing restored is out of sight.
    fn fill(&self, value: &str) {
        if !value.is_empty() {
            if let Ok(Some(details)) = self.element().closest("details") {
                let _ = details.set_attribute("open", "");
            }
        }
        match self {
            Field::Text(input) if input.value().is_empty() => input.set_value(value),
            Field::Area(area) if area.value().is_empty() => area.set_value(value),
            Field::Select(select) if select.value().is_empty() => select.set_value(value),
            Field::Box(input) if !input.checked() => input.set_checked(!value.is_empty()),
            _ => {}
        }
    }
}

fn fields(form: &HtmlFormElement) -> Vec<(String, Field)> {
    let elements = form.elements();
    let mut counts = BTreeMap::new();
    (0..elements.length())
        .filter_map(|i| elements.item(i))
        .filter(|element| !element.get_attribute("name").unwrap_or_default().is_empty())
        .filter_map(|element| draft_key(&element, &mut counts))
        .collect()
}

/// The draft saved under `key`: a JSON object of field keys to values.
fn read_draft(storage: &Storage, key: &str) -> Object {
    storage
        .get_item(key)
        .ok()
        .flatten()
        .and_then(|text| JSON::parse(&text).ok())
        .and_then(|value| value.dyn_into::<Object>().ok())
        .unwrap_or_default()
}

fn restore_draft(form: &HtmlFormElement, key: &str) {
    let Some(storage) = session() else {
        return;
    };
    let draft = read_draft(&storage, key);
    for (name, field) in fields(form) {
        if let Some(value) = Reflect::get(&draft, &JsValue::from_str(&name))
            .ok()
            .and_then(|v| v.as_string())
        {
            field.fill(&value);
        }
    }
}

/// Merges the fields on the page into the draft: a form in steps shows some of its fields at a
/// time, and the others' draft stays.
fn save_draft(form: &HtmlFormElement, key: &str) {
    let Some(storage) = session() else {
        return;
    };
    let draft = read_draft(&storage, key);
    for (name, field) in fields(form) {
        let _ = Reflect::set(
            &draft,
            &JsValue::from_str(&name),
            &JsValue::from_str(&field.value()),
        );
    }
    if let Some(text) = JSON::stringify(&draft).ok().and_then(|t| t.as_string()) {
        // A full or refused storage (private browsing) only loses the draft.
        let _ = storage.set_item(key, &text);
    }
}

/// Removes every draft: their report has been sent.
fn forget_drafts() {
    let Some(storage) = session() else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// The proof of work's field and its progress, as the server rendered them in the island.
struct ProofUi {
    field: HtmlInputElement,
    working: HtmlElement,
    status: HtmlElement,
    estimate: HtmlElement,
    failed: HtmlElement,
}

impl ProofUi {
    fn find(root: &Element) -> Option<ProofUi> {
        Some(ProofUi {
            field: find(root, "input[name=proof]")?,
            working: find(root, ".working")?,
            status: find(root, "#working-status")?,
            estimate: find(root, ".working-estimate")?,
            failed: find(root, ".working-failed")?,
        })
    }

    /// Shows the status line's text kept in its attribute `which`.
    fn say(&self, which: &str) {
        let text = self.status.get_attribute(which).unwrap_or_default();
        self.status.set_text_content(Some(&text));
    }

    fn show_estimate(&self, estimate: Option<Estimate>) {
        let Some(estimate) = estimate else {
            self.estimate.set_hidden(true);
            return;
        };
        let template = self
            .estimate
            .get_attribute("data-template")
            .unwrap_or_default();
        let text = template
            .replace(USUAL_SLOT, &pow::clock(estimate.usual_seconds))
            .replace(ELAPSED_SLOT, &pow::clock(estimate.elapsed_seconds));
        self.estimate.set_text_content(Some(&text));
        self.estimate.set_hidden(false);
    }
}

/// `POST /api/v1/challenges`.
struct Challenge {
    token: String,
    bits: u8,
}

/// How long one slice of hashing should take, in milliseconds: long enough that the pause between
/// slices costs little, short enough that typing and scrolling never stall.
const SLICE_MS: f64 = 40.0;

fn prove_on_submit(form: HtmlFormElement, ui: ProofUi) {
    // The page says "wait N seconds" to browsers without a script; this one sends a proof.
    if let Some(hint) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("wait-hint"))
    {
        hint.remove();
    }
    if let Ok(described) = form.query_selector_all("[aria-describedby=wait-hint]") {
        for i in 0..described.length() {
            if let Some(element) = described.item(i).and_then(|e| e.dyn_into::<Element>().ok()) {
                let _ = element.remove_attribute("aria-describedby");
            }
        }
    }
    let busy = Rc::new(Cell::new(false));
    let ui = Rc::new(ui);
    let handler = {
        let form = form.clone();
        Closure::<dyn Fn(SubmitEvent)>::new(move |event: SubmitEvent| {
            let submitter = event
                .submitter()
                .and_then(|s| s.dyn_into::<HtmlButtonElement>().ok());
            if submitter.as_ref().is_some_and(|b| b.value() == "back")
                || !ui.field.value().is_empty()
            {
                // Going back needs no proof; a solved one is the form going on its way.
                return;
            }
            event.prevent_default();
            if busy.replace(true) {
                return;
            }
            ui.failed.set_hidden(true);
            ui.say("data-working");
            ui.show_estimate(None);
            ui.working.set_hidden(false);
            let (form, busy, ui) = (form.clone(), busy.clone(), ui.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match solve(&ui).await {
                    Some(header) => {
                        ui.field.set_value(&header);
                        ui.say("data-sending");
                        ui.show_estimate(None);
                        let submitter: Option<&HtmlElement> =
                            submitter.as_ref().map(|button| button.as_ref());
                        if form.request_submit_with_submitter(submitter).is_err() {
                            let _ = form.submit();
                        }
                    }
                    None => {
                        ui.working.set_hidden(true);
                        ui.failed.set_hidden(false);
                        busy.set(false);
                    }
                }
            });
        })
    };
    let _ = form.add_event_listener_with_callback("submit", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Fetches a challenge and finds its nonce in slices between frames; the `Proof-Of-Work`
/// header's value (`token:nonce`), or `None` when no challenge could be had.
async fn solve(ui: &ProofUi) -> Option<String> {
    let challenge = fetch_challenge().await?;
    let began = js_sys::Date::now();
    let mut start = 0_u64;
    let mut slice = 2_000_u64;
    loop {
        let slice_began = js_sys::Date::now();
        if let Some(nonce) = pow::search(&challenge.token, challenge.bits, start, slice) {
            return Some(format!("{}:{nonce}", challenge.token));
        }
        start = start.saturating_add(slice);
        let took = (js_sys::Date::now() - slice_began).max(1.0);
        // Phones differ tenfold in speed: size the next slice from the last one's time.
        slice = ((slice as f64 * SLICE_MS / took) as u64).clamp(1_000, slice.saturating_mul(2));
        ui.show_estimate(Some(Estimate::measure(
            challenge.bits,
            start,
            js_sys::Date::now() - began,
        )));
        next_turn().await;
    }
}

async fn fetch_challenge() -> Option<Challenge> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let response = JsFuture::from(window.fetch_with_str_and_init("/api/v1/challenges", &init))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let body = JsFuture::from(response.json().ok()?).await.ok()?;
    let token = Reflect::get(&body, &JsValue::from_str("token"))
        .ok()?
        .as_string()?;
    let bits = Reflect::get(&body, &JsValue::from_str("bits"))
        .ok()?
        .as_f64()?;
    Some(Challenge {
        token,
        bits: u8::try_from(bits as u32).ok()?,
    })
}

/// Lets the browser paint and handle input before the next slice.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Shows the receipt page's copy and share buttons where the browser has them, and forgets
/// the drafts.
pub fn receipt_tools(root: HtmlElement) {
    mark_ready(&root);
    forget_drafts();
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let has = |what: &str| Reflect::has(&navigator, &JsValue::from_str(what)).unwrap_or(false);
    let status: Option<HtmlElement> = find(&root, ".copy-status");
    if let (Some(button), Some(status), true) = (
        find::<HtmlElement>(&root, ".copy-receipt"),
        status,
        has("clipboard"),
    ) {
        let receipt = button.get_attribute("data-receipt").unwrap_or_default();
        let clipboard = navigator.clipboard();
        let copy = Closure::<dyn Fn()>::new(move || {
            let promise = clipboard.write_text(&receipt);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let which = if JsFuture::from(promise).await.is_ok() {
                    "data-copied"
                } else {
                    "data-failed"
                };
                let text = status.get_attribute(which).unwrap_or_default();
                status.set_text_content(Some(&text));
            });
        });
        button.set_onclick(Some(copy.as_ref().unchecked_ref()));
        copy.forget();
        button.set_hidden(false);
    }
    if let (Some(button), true) = (find::<HtmlElement>(&root, ".share-receipt"), has("share")) {
        let data = web_sys::ShareData::new();
        data.set_title(&button.get_attribute("data-title").unwrap_or_default());
        data.set_text(&button.get_attribute("data-receipt").unwrap_or_default());
        let navigator = navigator.clone();
        let share = Closure::<dyn Fn()>::new(move || {
            let promise = navigator.share_with_data(&data);
            // A closed share sheet rejects the promise; nothing to say about it.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        });
        button.set_onclick(Some(share.as_ref().unchecked_ref()));
        share.forget();
        button.set_hidden(false);
    }
}
