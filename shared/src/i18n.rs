//! Fluent loading for the `locales/<lang>/*.ftl` files. The backend compiles every file in
//! (feature `embedded-locales`); the frontend fetches the one language it shows and builds the
//! same bundle from the text, so both format messages identically.

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::Language;

pub use fluent_bundle::FluentArgs as Args;

/// A language's messages, ready to format. `concurrent` so it can live in shared state of a
/// multi-threaded server and in reactive signals alike.
pub type Bundle = FluentBundle<FluentResource>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError {
    pub language: Language,
    pub problems: Vec<String>,
}

impl std::fmt::Display for LocaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "locale {}: {}", self.language, self.problems.join("; "))
    }
}

impl std::error::Error for LocaleError {}

/// Builds a bundle from Fluent sources. Any syntax error or any message defined twice is an error:
/// a half-loaded language would show raw keys to readers.
pub fn bundle<S: Into<String>>(
    language: Language,
    sources: impl IntoIterator<Item = S>,
) -> Result<Bundle, LocaleError> {
    let mut problems = Vec::new();
    let langid: LanguageIdentifier = language.code().parse().map_err(|e| LocaleError {
        language,
        problems: vec![format!("{e}")],
    })?;
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    for source in sources {
        let resource = match FluentResource::try_new(source.into()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                problems.extend(errors.iter().map(|e| format!("syntax: {e}")));
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| format!("{e}")));
        }
    }
    if problems.is_empty() {
        Ok(bundle)
    } else {
        Err(LocaleError { language, problems })
    }
}

/// Formats `key` (or `key.attribute`). `None` when the bundle lacks it, so callers decide how to
/// fall back; tests make sure no key the code uses is missing.
pub fn message(bundle: &Bundle, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

#[cfg(feature = "embedded-locales")]
pub mod embedded {
    //! Every Fluent file, compiled in.
    use super::{Bundle, LocaleError};
    use crate::Language;

    include!(concat!(env!("OUT_DIR"), "/locale_files.rs"));

    /// The Fluent sources of one language, in file-name order.
    pub fn sources(language: Language) -> impl Iterator<Item = &'static str> {
        LOCALE_FILES
            .iter()
            .filter(move |(lang, _, _)| *lang == language.code())
            .map(|(_, _, text)| *text)
    }

    /// One language's files, as (file name, text), in file-name order.
    pub fn files(language: Language) -> impl Iterator<Item = (&'static str, &'static str)> {
        LOCALE_FILES
            .iter()
            .filter(move |(lang, _, _)| *lang == language.code())
            .map(|(_, name, text)| (*name, *text))
    }

    /// All of one language's files as one Fluent document, as the frontend downloads it.
    pub fn joined(language: Language) -> String {
        sources(language).collect::<Vec<_>>().join("\n")
    }

    pub fn bundle(language: Language) -> Result<Bundle, LocaleError> {
        super::bundle(language, sources(language))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "hello = Hello, { $name }!\nbutton = Go\n    .aria-label = Go to the page\n";

    #[test]
    fn messages_and_attributes_format_with_arguments() {
        let bundle = bundle(Language::En, [SOURCE]).unwrap();
        let mut args = FluentArgs::new();
        args.set("name", "Sara");
        let hello = message(&bundle, "hello", Some(&args)).unwrap();
        assert!(hello.contains("Sara"), "{hello}");
        assert_eq!(
            message(&bundle, "button.aria-label", None).as_deref(),
            Some("Go to the page")
        );
        assert_eq!(message(&bundle, "missing", None), None);
        assert_eq!(message(&bundle, "button.missing", None), None);
    }

    #[test]
    fn syntax_errors_and_duplicate_keys_are_refused() {
        let Err(err) = bundle(Language::Ar, ["broken = { $oops\n"]) else {
            panic!("a syntax error must be refused")
        };
        assert_eq!(err.language, Language::Ar);
        assert!(!err.problems.is_empty());
        assert!(bundle(Language::Ar, ["a = 1\n", "a = 2\n"]).is_err());
    }

    #[test]
    fn arabic_plural_categories_are_distinguished() {
        let source = "items = { $n ->\n [zero] لا شيء\n [one] واحد\n [two] اثنان\n [few] قليل\n [many] كثير\n *[other] أخرى\n}\n";
        let bundle = bundle(Language::Ar, [source]).unwrap();
        let mut seen = Vec::new();
        for n in [0, 1, 2, 3, 11, 100] {
            let mut args = FluentArgs::new();
            args.set("n", n);
            seen.push(message(&bundle, "items", Some(&args)).unwrap());
        }
        assert_eq!(seen, ["لا شيء", "واحد", "اثنان", "قليل", "كثير", "أخرى"]);
    }
}
