//! Lists every `locales/<lang>/<file>.ftl` so the `embedded-locales` feature can include them all
//! without a hand-kept list that could forget a file.
use std::{env, fmt::Write as _, fs, path::Path};

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let locales = Path::new(&manifest_dir).join("../locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut entries = Vec::new();
    if let Ok(dirs) = fs::read_dir(&locales) {
        for dir in dirs.flatten() {
            let lang = dir.file_name().to_string_lossy().into_owned();
            println!("cargo:rerun-if-changed={}", dir.path().display());
            if let Ok(files) = fs::read_dir(dir.path()) {
                for file in files.flatten() {
                    let path = file.path();
                    if path.extension().is_some_and(|e| e == "ftl") {
                        println!("cargo:rerun-if-changed={}", path.display());
                        let name = file.file_name().to_string_lossy().into_owned();
                        let abs = fs::canonicalize(&path).unwrap_or(path);
                        entries.push((lang.clone(), name, abs));
                    }
                }
            }
        }
    }
    entries.sort();
    let mut out = String::from("/// (language code, file name, file text) for every Fluent file under locales/.\npub static LOCALE_FILES: &[(&str, &str, &str)] = &[\n");
    for (lang, name, path) in &entries {
        let _ = writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = fs::write(Path::new(&out_dir).join("locale_files.rs"), out) {
        println!("cargo:warning=could not write locale list: {e}");
        std::process::exit(1);
    }
}
