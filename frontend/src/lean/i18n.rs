//! The language of the lean pages: the same choice, storage and downloaded messages as the
//! Leptos pages' [`crate::i18n`], held in [`Var`]s.

use std::rc::Rc;

use sanad_shared::{
    i18n::{self, Args, Bundle},
    Language,
};
use wasm_bindgen_futures::spawn_local;

use super::reactive::{at_root, Var};
use crate::{
    api,
    i18n::{apply_to_document, boot_source, initial_language, remember, LoadState},
};

#[derive(Clone, Copy)]
pub struct I18n {
    /// The language chosen; the page switches to it once its messages arrive.
    pub chosen: Var<Language>,
    /// The language whose messages are shown.
    pub shown: Var<Language>,
    pub state: Var<LoadState>,
    bundle: Var<Option<Rc<Bundle>>>,
    boot: Var<Option<Rc<Bundle>>>,
}

thread_local! {
    static CURRENT: std::cell::Cell<Option<I18n>> = const { std::cell::Cell::new(None) };
}

/// The page's language, started (and its messages requested) on first use.
pub fn use_i18n() -> I18n {
    if let Some(i18n) = CURRENT.with(std::cell::Cell::get) {
        return i18n;
    }
    let initial = initial_language();
    let i18n = at_root(|| I18n {
        chosen: Var::new(initial),
        shown: Var::new(initial),
        state: Var::new(LoadState::Loading),
        bundle: Var::new(None),
        boot: Var::new(None),
    });
    CURRENT.with(|current| current.set(Some(i18n)));
    i18n.load(initial);
    i18n
}

impl I18n {
    pub fn choose(self, language: Language) {
        remember(language);
        self.chosen.set(language);
        self.load(language);
    }

    pub fn retry(self) {
        self.load(self.chosen.get_untracked());
    }

    fn load(self, language: Language) {
        self.state.set(LoadState::Loading);
        self.boot.set(
            i18n::bundle(language, [boot_source(language)])
                .ok()
                .map(Rc::new),
        );
        spawn_local(async move {
            let bundle = api::fluent_document(language)
                .await
                .ok()
                .and_then(|text| i18n::bundle(language, [text]).ok());
            // A slower answer for a language the reader has since left must not win.
            if self.chosen.get_untracked() != language {
                return;
            }
            match bundle {
                Some(bundle) => {
                    self.bundle.set(Some(Rc::new(bundle)));
                    self.shown.set(language);
                    self.state.set(LoadState::Ready);
                    apply_to_document(language);
                }
                None => self.state.set(LoadState::Failed),
            }
        });
    }

    /// Whether a language's full set of messages has arrived at least once.
    pub fn bundle_ready(self) -> bool {
        self.bundle.with(Option::is_some)
    }

    /// The message `key` in the shown language; read inside an effect, it follows the language.
    pub fn message(self, key: &str, args: Option<&Args<'_>>) -> String {
        let from =
            |bundle: &Option<Rc<Bundle>>| bundle.as_ref().and_then(|b| i18n::message(b, key, args));
        self.bundle
            .with(from)
            .or_else(|| self.boot.with(from))
            // Tests guarantee every key exists; showing the key beats showing nothing.
            .unwrap_or_else(|| key.to_owned())
    }
}
