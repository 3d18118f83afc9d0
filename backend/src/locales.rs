//! The four languages' Fluent bundles, built once at start from the files compiled into the
//! binary. A broken locale file stops the server at start rather than showing keys to readers.

use std::collections::HashMap;

use sanad_shared::{
    api::LanguageInfo,
    i18n::{self, Bundle},
    Language,
};

pub struct Locales {
    bundles: HashMap<Language, Bundle>,
    /// Each language's files joined, as the web app downloads them, with a strong ETag.
    documents: HashMap<Language, (String, String)>,
}

impl Locales {
    pub fn load() -> anyhow::Result<Locales> {
        let mut bundles = HashMap::new();
        let mut documents = HashMap::new();
        for language in Language::ALL {
            let mut bundle = i18n::embedded::bundle(language)?;
            // The server's texts go into plain-text mail and JSON, where Unicode isolation marks
            // around an inserted link would break it for mail programs.
            bundle.set_use_isolating(false);
            bundles.insert(language, bundle);
            let text = i18n::embedded::joined(language);
            let etag = crate::frontend::etag_of(text.as_bytes());
            documents.insert(language, (text, etag));
        }
        Ok(Locales { bundles, documents })
    }

    /// The message `key` in `language`, or in English when that language lacks it.
    pub fn message_for(&self, language: Language, key: &str) -> Option<String> {
        [language, Language::En].into_iter().find_map(|l| {
            self.bundles
                .get(&l)
                .and_then(|b| i18n::message(b, key, None))
        })
    }

    /// The message `key` with arguments, in `language` or else English, or the key itself
    /// (tests make sure every key exists).
    pub fn message_with_args(
        &self,
        language: Language,
        key: &str,
        args: &i18n::Args<'_>,
    ) -> String {
        [language, Language::En]
            .into_iter()
            .find_map(|l| {
                self.bundles
                    .get(&l)
                    .and_then(|b| i18n::message(b, key, Some(args)))
            })
            .unwrap_or_else(|| key.to_owned())
    }

    pub fn languages(&self) -> Vec<LanguageInfo> {
        Language::ALL
            .into_iter()
            .map(|code| LanguageInfo {
                code,
                native_name: self
                    .message_for(code, "language-native-name")
                    .unwrap_or_else(|| code.code().to_owned()),
                direction: code.direction(),
            })
            .collect()
    }

    /// The Fluent document for `language` and its ETag.
    pub fn document(&self, language: Language) -> Option<(&str, &str)> {
        self.documents
            .get(&language)
            .map(|(text, etag)| (text.as_str(), etag.as_str()))
    }
}
