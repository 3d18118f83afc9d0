//! The lean pages' DOM builder: elements made with `web_sys`, kept current by a handful of
//! bindings over [`Var`](super::reactive::Var)s (one effect per reactive text, attribute or list).
//!
//! Why not `view!`: Leptos' typed views give every element, attribute and closure a type of its
//! own, and each type its own copy of the rendering code. Measured with `cargo xtask build`
//! (wasm-opt -Oz, brotli), the tip bundle (layout + `/report` + `/follow-up`) weighed 208,158
//! bytes with the pages in `view!` and 174,244 bytes with this builder over Leptos' signals;
//! see `lean/mod.rs` for what dropping Leptos altogether gave. Here every element goes through
//! the same few non-generic functions and each binding takes a boxed closure, so a page costs
//! its strings and its logic.

use super::{
    i18n::{use_i18n, I18n},
    reactive::{effect, own},
};
use sanad_shared::i18n::Args;
use wasm_bindgen::{prelude::Closure, JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Element, Event};

/// A text computed from signals (a translation, a count); re-read when they change.
pub type Text = Box<dyn Fn() -> String>;

/// The translation of `key`, following the language shown.
pub fn tr(key: &'static str) -> Text {
    let i18n = use_i18n();
    Box::new(move || i18n.message(key, None))
}

/// [`tr`] for a key made at run time, such as `Governorate::message_key()`.
pub fn tr_owned(key: String) -> Text {
    let i18n = use_i18n();
    Box::new(move || i18n.message(&key, None))
}

/// The translation of `key` with fixed arguments.
pub fn tr_args(key: &'static str, args: &[(&'static str, String)]) -> Text {
    let args = args.to_vec();
    tr_with(key, Box::new(move || args.clone()))
}

/// The translation of `key` with arguments computed from signals.
pub fn tr_with(key: &'static str, args: Box<dyn Fn() -> Vec<(&'static str, String)>>) -> Text {
    let i18n = use_i18n();
    Box::new(move || message(i18n, key, &args()))
}

/// A one-off translation with arguments (a file's contents), for use outside the page's build.
pub fn message(i18n: I18n, key: &str, args: &[(&'static str, String)]) -> String {
    let mut fluent = Args::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    i18n.message(key, Some(&fluent))
}

/// An element under construction (or built: it is a plain handle on the DOM node).
#[derive(Clone)]
pub struct El(pub Element);

/// `<tag>`.
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).unwrap_throw())
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    pub fn class(self, value: &str) -> El {
        self.attr("class", value)
    }

    pub fn id(self, value: &str) -> El {
        self.attr("id", value)
    }

    /// A boolean attribute (`hidden`, `disabled`, `checked`, `open`, `multiple`) when `on`.
    pub fn flag(self, name: &str, on: bool) -> El {
        set_flag(&self.0, name, on);
        self
    }

    /// A DOM property, such as an input's `value`.
    pub fn prop(self, name: &str, value: &str) -> El {
        let _ = js_sys::Reflect::set(&self.0, &JsValue::from_str(name), &JsValue::from_str(value));
        self
    }

    /// Fixed text (a name the person typed, a date).
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// A text kept current: a translation ([`tr`]) or anything computed from signals.
    pub fn show(self, text: Text) -> El {
        let node = document().create_text_node("");
        let _ = self.0.append_child(&node);
        effect(move || node.set_data(&text()));
        self
    }

    /// [`El::show`] of the translation of `key`.
    pub fn tr(self, key: &'static str) -> El {
        self.show(tr(key))
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn children(self, children: Vec<El>) -> El {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    /// A DOM property kept current (an input's `value` the page may reset); left alone while
    /// it already holds that value, so the caret stays where the person is typing.
    pub fn prop_with(self, name: &'static str, value: Box<dyn Fn() -> String>) -> El {
        let element = self.0.clone();
        effect(move || {
            let value = JsValue::from_str(&value());
            let key = JsValue::from_str(name);
            if js_sys::Reflect::get(&element, &key).ok().as_ref() != Some(&value) {
                let _ = js_sys::Reflect::set(&element, &key, &value);
            }
        });
        self
    }

    /// An attribute kept current; absent while `value` gives `None`.
    pub fn attr_with(self, name: &'static str, value: Box<dyn Fn() -> Option<String>>) -> El {
        let element = self.0.clone();
        effect(move || match value() {
            Some(value) => {
                let _ = element.set_attribute(name, &value);
            }
            None => {
                let _ = element.remove_attribute(name);
            }
        });
        self
    }

    /// A boolean attribute kept current.
    pub fn flag_with(self, name: &'static str, on: Box<dyn Fn() -> bool>) -> El {
        let element = self.0.clone();
        effect(move || set_flag(&element, name, on()));
        self
    }

    /// Runs `handler` on `event`; the listener is freed with the page (or the list row) that
    /// made it.
    pub fn on(self, event: &str, handler: impl FnMut(Event) + 'static) -> El {
        listen(&self.0, event, Box::new(handler));
        self
    }

    /// Rows made from signals, rebuilt when they change, in `self` before `before` (or at its
    /// end). Their bindings and listeners are dropped with them. Every signal `build` reads is
    /// tracked: read the rest untracked.
    pub fn rows(self, before: Option<&El>, build: Box<dyn Fn() -> Vec<El>>) -> El {
        let parent = self.0.clone();
        let before = before.map(|b| b.0.clone());
        let mut shown: Vec<El> = Vec::new();
        effect(move || {
            for row in shown.drain(..) {
                row.0.remove();
            }
            shown = build();
            for row in &shown {
                let _ = parent.insert_before(&row.0, before.as_ref().map(|b| b.as_ref()));
            }
        });
        self
    }
}

fn set_flag(element: &Element, name: &str, on: bool) {
    let _ = if on {
        element.set_attribute(name, "")
    } else {
        element.remove_attribute(name)
    };
}

fn listen(element: &Element, event: &str, handler: Box<dyn FnMut(Event)>) {
    let closure = Closure::wrap(handler);
    let _ = element.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // Owned by the current owner (the page, or the effect that built a row): dropped, and so
    // released, when that goes. At the root the listener lives as long as the page.
    own(closure);
}

/// What an input, select or textarea holds.
pub fn value_of(event: &Event) -> String {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &JsValue::from_str("value")).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// Whether a checkbox is ticked.
pub fn checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &JsValue::from_str("checked")).ok())
        .is_some_and(|value| value.is_truthy())
}

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .unwrap_throw()
}

/// Runs `then` before the next repaint (once the page shows what was just changed).
pub fn request_animation_frame(then: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(then);
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Runs `then` after `delay`.
pub fn set_timeout(then: impl FnOnce() + 'static, delay: std::time::Duration) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(then);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            delay.as_millis().try_into().unwrap_or(i32::MAX),
        );
    }
}
