//! Release builds carry the web app inside the binary; rebuild when `cargo xtask build` has
//! written a new one. The seed articles under `content/` are compiled in too (every build), from
//! a generated list so that no file can be forgotten.
use std::{env, fmt::Write as _, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=../frontend/dist");
    println!("cargo:rerun-if-changed=../migrations");
    content_files();
}

/// Writes `content_files.rs`: `(path under content/, text)` for every `.toml` and `.md` file.
fn content_files() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest_dir).join("../content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    collect(&root, &root, &mut entries);
    entries.sort();
    let mut out = String::from(
        "/// (path under content/, file text) for every seed file.\npub static CONTENT_FILES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &entries {
        let _ = writeln!(out, "    ({name:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = fs::write(Path::new(&out_dir).join("content_files.rs"), out) {
        println!("cargo:warning=could not write the content list: {e}");
        std::process::exit(1);
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "toml" || e == "md") {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path
                .strip_prefix(root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let abs = fs::canonicalize(&path).unwrap_or(path);
            out.push((name, abs.display().to_string()));
        }
    }
}
