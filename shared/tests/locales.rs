//! The locale files are complete: every language defines the same messages (and attributes),
//! every file parses, and every key the code asks for exists.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use fluent_syntax::ast;
use sanad_shared::{i18n, ErrorCode, Language};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Message ids (and `id.attribute` for attributes) per file name, for one language.
/// One language's `.ftl` files, by path, in name order.
fn ftl_files(language: Language) -> Vec<(PathBuf, String)> {
    let dir = root().join("locales").join(language.code());
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

fn keys_of(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = BTreeMap::new();
    for (path, text) in ftl_files(language) {
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut keys = BTreeSet::new();
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let id = message.id.name.to_owned();
                for attribute in &message.attributes {
                    keys.insert(format!("{id}.{}", attribute.id.name));
                }
                assert!(
                    message.value.is_some(),
                    "{}: {id} has no value",
                    path.display()
                );
                keys.insert(id);
            }
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.insert(name, keys);
    }
    files
}

#[test]
fn every_language_defines_exactly_the_same_keys_in_the_same_files() {
    let reference = keys_of(Language::En);
    assert!(!reference.is_empty());
    let mut problems = Vec::new();
    for language in Language::ALL {
        let keys = keys_of(language);
        let names: BTreeSet<_> = keys.keys().chain(reference.keys()).collect();
        for name in names {
            let empty = BTreeSet::new();
            let ours = keys.get(name).unwrap_or(&empty);
            let theirs = reference.get(name).unwrap_or(&empty);
            for missing in theirs.difference(ours) {
                problems.push(format!("{language}/{name} lacks {missing}"));
            }
            for extra in ours.difference(theirs) {
                problems.push(format!(
                    "{language}/{name} has {extra}, which en/{name} lacks"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "locale keys differ:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_language_builds_a_bundle_without_errors() {
    for language in Language::ALL {
        let bundle = i18n::embedded::bundle(language).unwrap_or_else(|e| panic!("{e}"));
        let name = i18n::message(&bundle, "language-native-name", None).unwrap();
        assert!(!name.trim().is_empty());
    }
}

#[test]
fn every_error_code_has_a_translation() {
    for language in Language::ALL {
        let bundle = i18n::embedded::bundle(language).unwrap();
        for code in ErrorCode::ALL {
            assert!(
                i18n::message(&bundle, code.message_key(), None).is_some(),
                "{language} lacks {}",
                code.message_key()
            );
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The frontend asks for messages through `t("key")` calls (`tr("key")` on lean pages, and page components' `title="key"`), and the backend through `message_for(language, "key")`; any literal key there must exist in English
/// (and so, by the test above, everywhere).
#[test]
fn every_key_used_in_code_is_defined() {
    let english = keys_of(Language::En);
    let defined: BTreeSet<&String> = english.values().flatten().collect();
    let call = regex::Regex::new(r#"(?:\b(?:t|t_args|t_count|t_attr|tr|tr_args|tr_with|message_for|message_with_args)\((?:[^"(),]*,\s*)?|\b(?:messages|words)\.get(?:_with)?\(|\btitle=)"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)?)""#).unwrap();
    let mut files = Vec::new();
    for crate_dir in ["frontend/src", "site/src", "backend/src"] {
        rust_files(&root().join(crate_dir), &mut files);
    }
    assert!(!files.is_empty());
    let mut used = 0;
    let mut missing = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for capture in call.captures_iter(&text) {
            used += 1;
            let key = capture[1].to_owned();
            if !defined.contains(&key) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        used > 10,
        "found only {used} translated strings in the code; is the pattern right?"
    );
    assert!(
        missing.is_empty(),
        "keys used in code but defined nowhere:\n{}",
        missing.join("\n")
    );
}

/// Variables the code passes as numbers of things (pictures, days, texts…), whose words agree
/// with the number. Ordinals and labels (`$n`, `$page`, `$number`, `$score`) and the signed
/// priority adjustment are not counts of anything and read the same for every value.
const COUNTS: &[&str] = &[
    "count", "days", "hours", "minutes", "seconds", "max", "left", "nodes", "links", "matched",
    "compared", "shared",
];

/// CLDR's plural categories for cardinals, which a selector on a count must cover.
fn plural_categories(language: Language) -> &'static [&'static str] {
    match language {
        Language::Ar => &["zero", "one", "two", "few", "many", "other"],
        Language::Ckb | Language::Kmr | Language::En => &["one", "other"],
    }
}

#[derive(Default)]
struct CountUse {
    /// Counts shown as text somewhere in the pattern.
    placed: BTreeSet<String>,
    /// Each selector on a count: its variable and its variants' keys.
    selects: Vec<(String, BTreeSet<String>)>,
}

fn walk_pattern(pattern: &ast::Pattern<&str>, found: &mut CountUse) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, found);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, found: &mut CountUse) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, found),
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                if COUNTS.contains(&id.name) {
                    let keys = variants
                        .iter()
                        .map(|variant| match &variant.key {
                            ast::VariantKey::Identifier { name } => (*name).to_owned(),
                            // `[0]` is Arabic's zero form written as the number.
                            ast::VariantKey::NumberLiteral { value } if *value == "0" => {
                                "zero".to_owned()
                            }
                            ast::VariantKey::NumberLiteral { value } => format!("={value}"),
                        })
                        .collect();
                    found.selects.push((id.name.to_owned(), keys));
                }
            } else {
                walk_inline(selector, found);
            }
            for variant in variants {
                walk_pattern(&variant.value, found);
            }
        }
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, found: &mut CountUse) {
    match inline {
        ast::InlineExpression::VariableReference { id } if COUNTS.contains(&id.name) => {
            found.placed.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, found),
        _ => {}
    }
}

/// A message that shows a count lets the count choose its words: it selects on one of its counts,
/// and every such selector gives each of the language's plural forms (Arabic's six), so "2
/// pictures" is never written with the words for 11.
#[test]
fn every_message_with_a_count_chooses_its_plural_form() {
    let mut problems = Vec::new();
    let mut selectors = 0;
    for language in Language::ALL {
        for (path, text) in ftl_files(language) {
            let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            for entry in &resource.body {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let patterns = message
                    .value
                    .iter()
                    .map(|value| (message.id.name.to_owned(), value))
                    .chain(message.attributes.iter().map(|attribute| {
                        (
                            format!("{}.{}", message.id.name, attribute.id.name),
                            &attribute.value,
                        )
                    }));
                for (id, pattern) in patterns {
                    let mut found = CountUse::default();
                    walk_pattern(pattern, &mut found);
                    let place = format!("{language}/{name}: {id}");
                    if !found.placed.is_empty() && found.selects.is_empty() {
                        problems.push(format!(
                            "{place} shows {:?} without a plural selector",
                            found.placed
                        ));
                    }
                    for (variable, keys) in &found.selects {
                        selectors += 1;
                        let lacking: Vec<_> = plural_categories(language)
                            .iter()
                            .filter(|category| !keys.contains(**category))
                            .collect();
                        if !lacking.is_empty() {
                            problems.push(format!(
                                "{place}: the selector on ${variable} lacks {lacking:?}"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(selectors > 40, "only {selectors} plural selectors found");
    assert!(
        problems.is_empty(),
        "{} messages do not choose their plural forms:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
