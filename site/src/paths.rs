//! Public addresses. The language is always the first segment, so a shared link opens in the
//! language it was shared in, and a cache or a search engine sees one page per language.

use sanad_shared::{articles::Category, Language};

pub fn home(language: Language) -> String {
    format!("/{}/", language.code())
}

pub fn learn(language: Language, category: Option<Category>, page: u32) -> String {
    let mut address = format!("/{}/learn", language.code());
    let mut separator = '?';
    if let Some(category) = category {
        address.push_str(&format!("{separator}category={}", category.as_str()));
        separator = '&';
    }
    if page > 1 {
        address.push_str(&format!("{separator}page={page}"));
    }
    address
}

pub fn article(language: Language, slug: &str) -> String {
    format!("/{}/learn/{slug}", language.code())
}

/// The public forms, each its own page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Report,
    Missing,
    FollowUp,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Report, Form::Missing, Form::FollowUp];

    pub fn segment(self) -> &'static str {
        match self {
            Form::Report => "report",
            Form::Missing => "missing",
            Form::FollowUp => "follow-up",
        }
    }

    pub fn parse(segment: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.segment() == segment)
    }
}

pub fn form(language: Language, form: Form) -> String {
    format!("/{}/{}", language.code(), form.segment())
}

pub fn feed(language: Language) -> String {
    format!("/{}/feed.xml", language.code())
}

/// The language a public address starts with, exactly as written (`/ckb/…`), and the rest.
pub fn split_language(path: &str) -> Option<(Language, &str)> {
    let rest = path.strip_prefix('/')?;
    let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let language = Language::ALL.into_iter().find(|l| l.code() == first)?;
    Some((language, tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_start_with_the_language() {
        assert_eq!(home(Language::Ckb), "/ckb/");
        assert_eq!(learn(Language::Ar, None, 1), "/ar/learn");
        assert_eq!(
            learn(Language::Kmr, Some(Category::Law), 3),
            "/kmr/learn?category=law&page=3"
        );
        assert_eq!(learn(Language::En, None, 2), "/en/learn?page=2");
        assert_eq!(article(Language::Ckb, "x-y"), "/ckb/learn/x-y");
        assert_eq!(form(Language::Ar, Form::FollowUp), "/ar/follow-up");
    }

    #[test]
    fn only_exact_codes_are_languages() {
        assert_eq!(
            split_language("/ckb/learn/a"),
            Some((Language::Ckb, "learn/a"))
        );
        assert_eq!(split_language("/ar"), Some((Language::Ar, "")));
        assert_eq!(split_language("/ar/"), Some((Language::Ar, "")));
        assert_eq!(split_language("/AR/"), None);
        assert_eq!(split_language("/ku/"), None);
        assert_eq!(split_language("/learn"), None);
        assert_eq!(split_language(""), None);
    }
}
