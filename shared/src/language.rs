//! The languages Sanad speaks. Arabic is the default; Central Kurdish (Sorani) is the main Kurdish
//! of Iraq; Northern Kurdish (Kurmanji, Badini in Duhok) is written in Latin script; English serves
//! staff and partner agencies.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Language {
    /// Arabic (right-to-left), the default.
    Ar,
    /// Central Kurdish / Sorani, Arabic script (right-to-left).
    Ckb,
    /// Northern Kurdish / Kurmanji (Badini), Latin script (left-to-right).
    Kmr,
    /// English (left-to-right), for staff and partner agencies.
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rtl,
    Ltr,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown or unsupported language tag {:?}", self.0)
    }
}

impl std::error::Error for UnknownLanguage {}

impl Language {
    /// In the order the language switcher shows them.
    pub const ALL: [Language; 4] = [Language::Ar, Language::Ckb, Language::Kmr, Language::En];
    pub const DEFAULT: Language = Language::Ar;

    /// The BCP 47 code used in URLs, `<html lang>`, locale folders and the API.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Ckb => "ckb",
            Language::Kmr => "kmr",
            Language::En => "en",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Language::Ar | Language::Ckb => Direction::Rtl,
            Language::Kmr | Language::En => Direction::Ltr,
        }
    }

    /// Reads a BCP 47 tag as browsers and phones send it (`ar-IQ`, `ckb`, `ku-Arab-IQ`, `EN-gb`).
    /// Plain `ku` is Kurmanji, as in the ISO 639-1 registry; `ku` written in Arabic script is the
    /// Sorani that Iraqi Kurds read.
    pub fn parse(tag: &str) -> Result<Language, UnknownLanguage> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        let primary = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        let language = match primary {
            "ar" => Language::Ar,
            "ckb" => Language::Ckb,
            "kmr" => Language::Kmr,
            "en" => Language::En,
            "ku" if rest.contains(&"arab") => Language::Ckb,
            "ku" => Language::Kmr,
            _ => return Err(UnknownLanguage(tag.to_owned())),
        };
        if rest.iter().all(|subtag| {
            !subtag.is_empty()
                && subtag.len() <= 8
                && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        }) {
            Ok(language)
        } else {
            Err(UnknownLanguage(tag.to_owned()))
        }
    }

    /// Picks the first supported language from an `Accept-Language` header value, honouring
    /// q-values, and falls back to Arabic.
    pub fn negotiate(accept_language: &str) -> Language {
        let mut ranked: Vec<(u16, usize, Language)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut pieces = item.split(';');
                let tag = pieces.next()?.trim();
                let mut quality = 1.0_f32;
                for parameter in pieces {
                    if let Some(q) = parameter.trim().strip_prefix("q=") {
                        // An unreadable weight makes the whole entry unreadable (RFC 9110).
                        quality = q.trim().parse().ok()?;
                    }
                }
                if !(quality > 0.0 && quality <= 1.0) {
                    return None;
                }
                let language = Language::parse(tag).ok()?;
                Some(((quality * 1000.0) as u16, position, language))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|r| r.2).unwrap_or(Language::DEFAULT)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = UnknownLanguage;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s)
    }
}

impl TryFrom<String> for Language {
    type Error = UnknownLanguage;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Language::parse(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_round_trips_through_its_code() {
        for language in Language::ALL {
            assert_eq!(Language::parse(language.code()), Ok(language));
        }
    }

    #[test]
    fn regional_and_script_subtags_are_accepted() {
        assert_eq!(Language::parse("ar-IQ"), Ok(Language::Ar));
        assert_eq!(Language::parse("EN_gb"), Ok(Language::En));
        assert_eq!(Language::parse("ckb-IQ"), Ok(Language::Ckb));
        assert_eq!(Language::parse("ku-Arab-IQ"), Ok(Language::Ckb));
        assert_eq!(Language::parse("ku"), Ok(Language::Kmr));
        assert_eq!(Language::parse("kmr-Latn"), Ok(Language::Kmr));
    }

    #[test]
    fn unsupported_or_malformed_tags_are_rejected() {
        for tag in [
            "",
            "fr",
            "arabic",
            "ar-",
            "ar--IQ",
            "ar-IQ!",
            "ar-toolongsubtag",
        ] {
            assert!(Language::parse(tag).is_err(), "{tag:?} should be rejected");
        }
    }

    #[test]
    fn right_to_left_languages_are_arabic_and_sorani() {
        assert_eq!(Language::Ar.direction(), Direction::Rtl);
        assert_eq!(Language::Ckb.direction(), Direction::Rtl);
        assert_eq!(Language::Kmr.direction(), Direction::Ltr);
        assert_eq!(Language::En.direction(), Direction::Ltr);
    }

    #[test]
    fn negotiation_follows_quality_then_order_and_defaults_to_arabic() {
        assert_eq!(
            Language::negotiate("fr-FR, en;q=0.5, ckb;q=0.9"),
            Language::Ckb
        );
        assert_eq!(Language::negotiate("en-US,en;q=0.9"), Language::En);
        assert_eq!(Language::negotiate("de, fr"), Language::Ar);
        assert_eq!(Language::negotiate(""), Language::Ar);
        assert_eq!(Language::negotiate("en;q=0, kmr"), Language::Kmr);
        assert_eq!(Language::negotiate("en;q=nonsense"), Language::Ar);
        assert_eq!(Language::negotiate("en;q=2"), Language::Ar);
    }

    #[test]
    fn serde_uses_the_code_and_refuses_unknown_languages() {
        assert_eq!(
            serde_json::to_string(&Language::Ckb).ok().as_deref(),
            Some("\"ckb\"")
        );
        assert_eq!(
            serde_json::from_str::<Language>("\"ar-IQ\"").ok(),
            Some(Language::Ar)
        );
        assert!(serde_json::from_str::<Language>("\"xx\"").is_err());
    }
}
