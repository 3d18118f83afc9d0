//! Dependencies point one way: `main` -> `cli`/`startup` -> `routes/` -> domain modules ->
//! infrastructure -> `shared`. These tests read the sources and fail when a module reaches up the
//! chain, or when tips and cases, which share only through `anonymous`, import each other.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

/// The web layer and the binary's wiring: the only modules that may name `routes` or `startup`.
const WEB_LAYER: [&str; 4] = ["routes/", "startup.rs", "openapi.rs", "cli.rs"];

fn sources() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = relative(&root, &path);
                found.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The source without `//` comments, so a doc comment may mention any module.
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate modules a source names: `crate::x::…` anywhere, and every top-level item of
/// `crate::{…}` groups (`use crate::{db, routes::{uploads, with_db}}` names db and routes).
fn crate_modules(source: &str) -> BTreeSet<String> {
    let code = code_of(source);
    let mut named = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            let mut ident = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => {
                        item_start = true;
                        continue;
                    }
                    _ => {}
                }
                if depth == 1 && item_start {
                    if ch.is_alphanumeric() || ch == '_' {
                        ident.push(ch);
                        continue;
                    }
                    if !ident.is_empty() {
                        named.insert(std::mem::take(&mut ident));
                        item_start = false;
                    }
                }
            }
            if !ident.is_empty() {
                named.insert(ident);
            }
        } else {
            let ident: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            named.insert(ident);
        }
    }
    named
}

#[test]
fn only_the_web_layer_names_routes_or_startup() {
    let mut offenders = Vec::new();
    for (name, source) in sources() {
        if WEB_LAYER.iter().any(|allowed| name.starts_with(allowed)) || name == "layering.rs" {
            continue;
        }
        for module in ["routes", "startup"] {
            if crate_modules(&source).contains(module) {
                offenders.push(format!("{name} names crate::{module}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn tips_and_cases_never_import_each_other() {
    for (name, source) in sources() {
        let named = crate_modules(&source);
        if name == "tips.rs" {
            assert!(!named.contains("cases"), "tips.rs names crate::cases");
        }
        if name == "cases.rs" {
            assert!(!named.contains("tips"), "cases.rs names crate::tips");
        }
    }
}

#[test]
fn grouped_and_plain_imports_are_both_seen() {
    let source = "use crate::{\n    db::{self, with_db},\n    routes::{uploads, x},\n    error::ApiError,\n};\n\
                  // crate::startup in a comment does not count\n\
                  fn f() { crate::cases::list(); }";
    let named = crate_modules(source);
    let expected: BTreeSet<String> = ["db", "routes", "error", "cases"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(named, expected);
}
