//! The current language: which one, its messages, and the `<html lang dir>` that follows it.
//! Messages are downloaded per language (a few KB) rather than compiled in, which keeps the app
//! within its size budget; only the handful needed to report a failed download are built in.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};
use sanad_shared::{
    i18n::{self, Args, Bundle},
    Language,
};

use crate::api;

const STORAGE_KEY: &str = "sanad.language";

/// The messages that must work before (or without) the download.
pub(crate) fn boot_source(language: Language) -> &'static str {
    match language {
        Language::Ar => include_str!("../../locales/ar/boot.ftl"),
        Language::Ckb => include_str!("../../locales/ckb/boot.ftl"),
        Language::Kmr => include_str!("../../locales/kmr/boot.ftl"),
        Language::En => include_str!("../../locales/en/boot.ftl"),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadState {
    Loading,
    Ready,
    Failed,
}

#[derive(Clone, Copy)]
pub struct I18n {
    /// The language chosen; the page switches to it once its messages arrive.
    pub chosen: RwSignal<Language>,
    /// The language whose messages are shown.
    pub shown: RwSignal<Language>,
    pub state: RwSignal<LoadState>,
    bundle: RwSignal<Option<Arc<Bundle>>>,
    boot: RwSignal<Option<Arc<Bundle>>>,
}

impl I18n {
    /// Reads the starting language (a `?lang=` link, then the saved choice, then Arabic) and
    /// starts loading its messages.
    pub fn provide() -> I18n {
        let initial = initial_language();
        let i18n = I18n {
            chosen: RwSignal::new(initial),
            shown: RwSignal::new(initial),
            state: RwSignal::new(LoadState::Loading),
            bundle: RwSignal::new(None),
            boot: RwSignal::new(
                i18n::bundle(initial, [boot_source(initial)])
                    .ok()
                    .map(Arc::new),
            ),
        };
        provide_context(i18n);
        Effect::new(move |_| {
            let language = i18n.chosen.get();
            i18n.load(language);
        });
        i18n
    }

    pub fn choose(&self, language: Language) {
        remember(language);
        self.chosen.set(language);
    }

    pub fn retry(&self) {
        self.load(self.chosen.get_untracked());
    }

    fn load(&self, language: Language) {
        let this = *self;
        this.state.set(LoadState::Loading);
        this.boot.set(
            i18n::bundle(language, [boot_source(language)])
                .ok()
                .map(Arc::new),
        );
        spawn_local(async move {
            let bundle = api::fluent_document(language)
                .await
                .ok()
                .and_then(|text| i18n::bundle(language, [text]).ok());
            // A slower answer for a language the reader has since left must not win.
            if this.chosen.get_untracked() != language {
                return;
            }
            match bundle {
                Some(bundle) => {
                    this.bundle.set(Some(Arc::new(bundle)));
                    this.shown.set(language);
                    this.state.set(LoadState::Ready);
                    apply_to_document(language);
                }
                None => this.state.set(LoadState::Failed),
            }
        });
    }

    /// Whether a language's full set of messages has arrived at least once.
    pub fn bundle_ready(&self) -> bool {
        self.bundle.with(Option::is_some)
    }

    /// The message `key` in the shown language; reactive when called inside a view.
    pub fn message(&self, key: &str, args: Option<&Args<'_>>) -> String {
        let from = |bundle: &Option<Arc<Bundle>>| {
            bundle.as_ref().and_then(|b| i18n::message(b, key, args))
        };
        self.bundle
            .with(from)
            .or_else(|| self.boot.with(from))
            // Tests guarantee every key exists; showing the key beats showing nothing.
            .unwrap_or_else(|| key.to_owned())
    }
}

/// Each language's name in itself, from its compiled-in boot messages, so the language switcher
/// shows at once: fetched, the list arrived late and pushed the page down (Lighthouse measured a
/// layout shift of 0.33 on every public page).
pub fn native_names() -> Vec<(Language, String)> {
    Language::ALL
        .into_iter()
        .map(|language| {
            let name = i18n::bundle(language, [boot_source(language)])
                .ok()
                .and_then(|bundle| i18n::message(&bundle, "language-native-name", None))
                .unwrap_or_else(|| language.code().to_owned());
            (language, name)
        })
        .collect()
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(I18n::provide)
}

/// A reactive translated string for views: `{t("home-title")}` or `aria-label=t("nav-main")`.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.message(key, None)
}

/// A translated string with arguments, e.g. `t_args("staff-invited", &[("email", email)])`: a
/// reactive closure like [`t`], to place in a view or call (`t_args(…)()`) for a one-off string.
/// Every call returns the same closure type, as [`t`] does, so a page full of translated texts
/// does not multiply the view code (each distinct closure type in a view costs its own copy).
pub fn t_args(
    key: &'static str,
    args: &[(&'static str, String)],
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    let args = args.to_vec();
    move || {
        let mut fluent = Args::new();
        for (name, value) in &args {
            fluent.set(*name, value.clone());
        }
        i18n.message(key, Some(&fluent))
    }
}

/// [`t_args`] for counts: each value goes to Fluent as a number, so the message's plural
/// selector picks the language's form (Arabic has six, Sorani and Kurmanji two).
pub fn t_count(
    key: &'static str,
    args: &[(&'static str, i64)],
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    let args = args.to_vec();
    move || {
        let mut fluent = Args::new();
        for (name, value) in &args {
            fluent.set(*name, *value);
        }
        i18n.message(key, Some(&fluent))
    }
}

/// [`t`] for a key made at run time, such as `Governorate::message_key()`.
pub fn t_owned(key: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.message(&key, None)
}

/// The language a public page's address starts with (`/ckb/report`).
fn language_in_address() -> Option<(Language, String)> {
    let path = web_sys::window()?.location().pathname().ok()?;
    let rest = path.strip_prefix('/')?;
    let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let language = Language::ALL.into_iter().find(|l| l.code() == first)?;
    Some((language, tail.to_owned()))
}

pub(crate) fn initial_language() -> Language {
    if let Some((language, _)) = language_in_address() {
        return language;
    }
    let window = web_sys::window();
    let from_link = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang="))
                .and_then(|tag| Language::parse(tag).ok())
        });
    if let Some(language) = from_link {
        remember(language);
        return language;
    }
    window
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|saved| Language::parse(&saved).ok())
        .unwrap_or(Language::DEFAULT)
}

/// Whether the person chose a language on this device (a `?lang=` link or the switcher).
pub fn chosen_here() -> bool {
    let window = web_sys::window();
    let linked = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| search.contains("lang="));
    linked
        || language_in_address().is_some()
        || window
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .is_some()
}

/// Kept in `localStorage`, never a cookie: nothing about the reader travels to the server. On a
/// page whose address names its language, the address follows, so a reload or a shared link
/// shows the language chosen.
pub(crate) fn remember(language: Language) {
    if let Some((shown, tail)) = language_in_address() {
        if shown != language {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let search = web_sys::window()
                    .and_then(|w| w.location().search().ok())
                    .unwrap_or_default();
                let address = format!("/{}/{tail}{search}", language.code());
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&address),
                );
            }
        }
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        // Private browsing may refuse storage; the choice then lasts for this page only.
        let _ = storage.set_item(STORAGE_KEY, language.code());
    }
}

pub(crate) fn apply_to_document(language: Language) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", language.code());
        let _ = root.set_attribute("dir", language.direction().as_str());
    }
    // Installed on the home screen, Sanad takes the name in the language being read.
    if let Some(manifest) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=manifest]").ok().flatten())
    {
        let _ = manifest.set_attribute(
            "href",
            &format!("/manifest-{}.webmanifest", language.code()),
        );
    }
}
