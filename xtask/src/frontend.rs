//! Builds the web app into `frontend/dist`: wasm32 release build, wasm-bindgen (as a library, at
//! the version the frontend links), wasm-opt when installed, content-hashed file names so assets
//! can be cached forever, brotli copies for the server to send, and the size report.

use std::{
    fs,
    io::Write as _,
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use anyhow::{bail, Context as _};
use sha2::{Digest, Sha256};

use crate::process::{self, root};

/// A form page's first load is at most 100 KB brotli, its HTML and style included (the browser
/// tests weigh whole pages); the islands' WASM and JS, the bulk of it, must leave room for them.
pub const BUDGET_BYTES: usize = 85_000;

pub struct SizeReport {
    /// (file name, raw bytes, brotli bytes)
    pub files: Vec<(String, usize, usize)>,
    /// For each public bundle (the app a public page loads): its name and the files that make up
    /// its first load (its WASM and JS). The budget holds for every one of them.
    pub first_loads: Vec<(&'static str, Vec<String>)>,
    pub wasm_opt: Option<PathBuf>,
    pub seconds: f64,
}

impl SizeReport {
    fn sum(&self, names: &[String], size: fn(&(String, usize, usize)) -> usize) -> usize {
        self.files
            .iter()
            .filter(|file| names.contains(&file.0))
            .map(size)
            .sum()
    }

    /// (bundle, raw bytes, brotli bytes) of each public bundle's first load.
    pub fn first_load_sizes(&self) -> Vec<(&'static str, usize, usize)> {
        self.first_loads
            .iter()
            .map(|(bundle, names)| (*bundle, self.sum(names, |f| f.1), self.sum(names, |f| f.2)))
            .collect()
    }

    /// The largest first load of any public page, brotli: the number the budget is about.
    pub fn first_load_brotli(&self) -> usize {
        self.first_load_sizes()
            .into_iter()
            .map(|(_, _, br)| br)
            .max()
            .unwrap_or_default()
    }

    pub fn print(&self) {
        println!(
            "\nWeb app built in {:.0} s into frontend/dist:",
            self.seconds
        );
        println!("  {:<40} {:>10} {:>10}", "file", "raw", "brotli");
        for (name, raw, br) in &self.files {
            println!("  {name:<40} {raw:>10} {br:>10}");
        }
        for (bundle, raw, br) in self.first_load_sizes() {
            println!(
                "  public first load, {bundle} (WASM + JS): {raw} bytes raw, {br} bytes brotli; budget {} bytes brotli ({:.0}% used)",
                BUDGET_BYTES,
                100.0 * br as f64 / BUDGET_BYTES as f64
            );
        }
        println!(
            "  largest public first load: {} bytes brotli (budget {BUDGET_BYTES})",
            self.first_load_brotli()
        );
        match &self.wasm_opt {
            Some(path) => println!("  wasm-opt -Oz: {}", path.display()),
            None => println!("  wasm-opt: not installed (npm ci --prefix frontend installs it); sizes are larger than shipped"),
        }
    }

    pub fn check_budget(&self) -> anyhow::Result<()> {
        if self.first_loads.is_empty() {
            bail!("no public bundle was measured");
        }
        for (bundle, _, br) in self.first_load_sizes() {
            if br > BUDGET_BYTES {
                bail!(
                    "the first load of the public pages in the {bundle} bundle is {br} bytes brotli, over the {BUDGET_BYTES} byte budget"
                );
            }
        }
        Ok(())
    }
}

/// How the web app is compiled: as shipped (the size budget is about this build), or quickly for
/// a first look on the operator's own machine.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wasm {
    /// `wasm-release` (size-first, whole-program) and `wasm-opt -Oz`.
    Shipped,
    /// `wasm-local` (no LTO, parallel code generation) and no wasm-opt: minutes less on two
    /// cores, for bundles about twice as large that nobody downloads over a mobile network.
    Local,
}

impl Wasm {
    fn profile(self) -> &'static str {
        match self {
            Wasm::Shipped => "wasm-release",
            Wasm::Local => "wasm-local",
        }
    }
}

pub fn build(wasm: Wasm) -> anyhow::Result<SizeReport> {
    let started = Instant::now();
    ensure_wasm_target()?;
    process::cargo(&[
        "build",
        "-p",
        "sanad-frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        wasm.profile(),
    ])?;
    // A build of its own: the site's `hydrate` and the staff app's `csr` must not meet in one
    // (leptos #4586).
    process::cargo(&[
        "build",
        "-p",
        "sanad-site",
        "--lib",
        "--features",
        "hydrate",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        wasm.profile(),
    ])?;
    let root = root();
    let staging = root.join("target/frontend-staging");
    recreate(&staging)?;
    // Built beside, then copied over what changed: see `sync_dir`.
    let dist = root.join("target/frontend-dist");
    recreate(&dist)?;
    let assets = dist.join("assets");
    fs::create_dir_all(&assets)?;
    let mut files = Vec::new();
    let wasm_opt = match wasm {
        Wasm::Shipped => find_wasm_opt(),
        Wasm::Local => None,
    };
    let style_name = publish(
        &assets,
        "style",
        "css",
        &fs::read(root.join("frontend/static/style.css"))?,
        &mut files,
    )?;
    let icon_name = publish(
        &assets,
        "icon",
        "svg",
        &fs::read(root.join("frontend/static/icon.svg"))?,
        &mut files,
    )?;
    let template = fs::read_to_string(root.join("frontend/index.html"))?;
    let title = arabic_message("app-name")?;

    // The staff area is an app of its own; the public pages are the server's, and the few
    // parts of them that run in the browser are islands, hydrated by one WASM file for all pages
    // and languages.
    let mut first_loads = Vec::new();
    let compiled = |binary: &str| {
        root.join(format!(
            "target/wasm32-unknown-unknown/{}/{binary}.wasm",
            wasm.profile()
        ))
    };
    let staff = bundle(
        &staging,
        &assets,
        (&compiled("sanad-staff"), "staff"),
        Boot::App,
        wasm_opt.as_deref(),
        &mut files,
    )?;
    let html = template
        .replace("{{title}}", &title)
        .replace("{{style}}", &format!("/assets/{style_name}"))
        .replace("{{icon}}", &format!("/assets/{icon_name}"))
        .replace("{{glue}}", &format!("/assets/{}", staff.glue))
        .replace("{{wasm}}", &format!("/assets/{}", staff.wasm))
        .replace("{{boot}}", &format!("/assets/{}", staff.boot))
        .replace("{{manifest}}", "/manifest-ar.webmanifest");
    if html.contains("{{") {
        bail!("frontend/index.html has a placeholder xtask does not fill");
    }
    fs::write(dist.join("staff.html"), &html)?;
    files.push((
        "staff.html".to_owned(),
        html.len(),
        brotli(html.as_bytes())?.len(),
    ));
    let islands = bundle(
        &staging,
        &assets,
        (&compiled("sanad_site"), "islands"),
        Boot::Islands,
        wasm_opt.as_deref(),
        &mut files,
    )?;
    // The server names the islands' files in the pages that hold islands from this list.
    let mut bundles = serde_json::Map::new();
    bundles.insert(
        "islands".to_owned(),
        serde_json::json!({
            "glue": format!("/assets/{}", islands.glue),
            "wasm": format!("/assets/{}", islands.wasm),
            "boot": format!("/assets/{}", islands.boot),
        }),
    );
    first_loads.push(("islands", vec![islands.wasm, islands.glue, islands.boot]));
    let listing = serde_json::to_string_pretty(&bundles)?;
    fs::write(dist.join("bundles.json"), &listing)?;
    write_manifests(&dist, &icon_name, &mut files)?;
    sync_dir(&dist, &root.join("frontend/dist"))?;

    Ok(SizeReport {
        first_loads,
        files,
        wasm_opt,
        seconds: started.elapsed().as_secs_f64(),
    })
}

struct BundleNames {
    wasm: String,
    glue: String,
    boot: String,
}

/// How a bundle starts once loaded.
enum Boot {
    /// An app whose `main` mounts it.
    App,
    /// The site's islands: `hydrate`, then each `<leptos-island>` by the function its
    /// `data-component` names (what Leptos' own island script does, as a file of its own so the
    /// CSP needs no inline script).
    Islands,
}

/// wasm-bindgen (and wasm-opt) for one compiled file (`binary`, published as `stem`), under
/// content-hashed names.
fn bundle(
    staging: &Path,
    assets: &Path,
    (wasm, stem): (&Path, &str),
    start: Boot,
    wasm_opt: Option<&Path>,
    files: &mut Vec<(String, usize, usize)>,
) -> anyhow::Result<BundleNames> {
    let out = staging.join(stem);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .web(true)?
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .out_name(stem)
        .generate(&out)
        .with_context(|| format!("wasm-bindgen for {}", wasm.display()))?;
    let bindgen_wasm = out.join(format!("{stem}_bg.wasm"));
    if let Some(tool) = wasm_opt {
        // The unoptimised file stays in the staging folder for size investigations.
        fs::copy(
            &bindgen_wasm,
            out.join(format!("{stem}_bg.unoptimised.wasm")),
        )?;
        let optimised = out.join(format!("{stem}_opt.wasm"));
        process::run(
            Command::new(tool)
                .arg("-Oz")
                // rustc's default wasm32 features; wasm-opt must accept what rustc emits.
                .args([
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                    "--enable-reference-types",
                    "--enable-multivalue",
                    "--enable-mutable-globals",
                ])
                .arg(&bindgen_wasm)
                .arg("-o")
                .arg(&optimised),
        )?;
        fs::rename(&optimised, &bindgen_wasm)?;
    }
    let wasm_name = publish(assets, stem, "wasm", &fs::read(&bindgen_wasm)?, files)?;
    let glue_name = publish(
        assets,
        stem,
        "js",
        &fs::read(out.join(format!("{stem}.js")))?,
        files,
    )?;
    let snippets = out.join("snippets");
    if snippets.exists() {
        copy_dir(&snippets, &assets.join("snippets"))?;
    }
    let boot = match start {
        Boot::App => format!(
            "import init from \"./{glue_name}\";\ninit({{ module_or_path: \"/assets/{wasm_name}\" }});\n"
        ),
        Boot::Islands => format!(
            "import init, * as islands from \"./{glue_name}\";\n\
             await init({{ module_or_path: \"/assets/{wasm_name}\" }});\n\
             islands.hydrate();\n\
             for (const island of document.querySelectorAll(\"leptos-island\")) {{\n\
             \x20 const hydrate = islands[island.dataset.component];\n\
             \x20 if (hydrate) hydrate(island);\n\
             }}\n"
        ),
    };
    let boot_name = publish(
        assets,
        &format!("boot-{stem}"),
        "js",
        boot.as_bytes(),
        files,
    )?;
    Ok(BundleNames {
        wasm: wasm_name,
        glue: glue_name,
        boot: boot_name,
    })
}

/// Writes `<stem>-<hash>.<ext>` and its brotli copy; returns the name.
fn publish(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
    report: &mut Vec<(String, usize, usize)>,
) -> anyhow::Result<String> {
    let hash = hex::encode(&Sha256::digest(bytes)[..6]);
    let name = format!("{stem}-{hash}.{ext}");
    fs::write(dir.join(&name), bytes)?;
    let compressed = brotli(bytes)?;
    if compressed.len() < bytes.len() {
        fs::write(dir.join(format!("{name}.br")), &compressed)?;
    }
    report.push((name.clone(), bytes.len(), compressed.len()));
    Ok(name)
}

fn brotli(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

/// One web app manifest per language (`manifest-<code>.webmanifest`): installed on a phone's
/// home screen, Sanad is named in the reader's language. The pages point at the one of the
/// language shown.
fn write_manifests(
    dist: &Path,
    icon_name: &str,
    files: &mut Vec<(String, usize, usize)>,
) -> anyhow::Result<()> {
    for (code, dir) in [("ar", "rtl"), ("ckb", "rtl"), ("kmr", "ltr"), ("en", "ltr")] {
        let manifest = serde_json::json!({
            "name": message(code, "app-name")?,
            "short_name": message(code, "app-name")?,
            "description": message(code, "home-intro")?,
            "lang": code,
            "dir": dir,
            "start_url": format!("/{code}/"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#fbfaf7",
            "theme_color": "#0b5d4b",
            "icons": [{ "src": format!("/assets/{icon_name}"), "sizes": "any", "type": "image/svg+xml" }],
        });
        let text = serde_json::to_string_pretty(&manifest)?;
        let name = format!("manifest-{code}.webmanifest");
        fs::write(dist.join(&name), &text)?;
        files.push((name, text.len(), brotli(text.as_bytes())?.len()));
    }
    Ok(())
}

/// The page title before the app starts: the Arabic `app-name`, read from the locale file so no
/// user-facing text lives in the HTML template.
fn arabic_message(key: &str) -> anyhow::Result<String> {
    message("ar", key)
}

/// A one-line message of `locales/<language>/main.ftl`.
fn message(language: &str, key: &str) -> anyhow::Result<String> {
    let text = fs::read_to_string(root().join(format!("locales/{language}/main.ftl")))?;
    text.lines()
        .find_map(|line| {
            line.strip_prefix(key)?
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim().to_owned())
        })
        .with_context(|| format!("locales/{language}/main.ftl lacks {key}"))
}

fn find_wasm_opt() -> Option<PathBuf> {
    let local = root().join("frontend/node_modules/.bin/wasm-opt");
    if !local.exists() && process::available("npm", "--version") {
        // Installs binaryen from the npm registry at the version in package-lock.json.
        let _ = process::run(Command::new("npm").args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--prefix",
            "frontend",
        ]));
    }
    if local.exists() {
        return Some(local);
    }
    process::available("wasm-opt", "--version").then(|| PathBuf::from("wasm-opt"))
}

/// rustup installs the toolchain file's targets only when it installs the toolchain itself, so
/// a machine that already has stable lacks wasm32 until something adds it.
pub fn ensure_wasm_target() -> anyhow::Result<()> {
    if !process::available("rustup", "--version") {
        return Ok(());
    }
    let installed =
        process::output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        process::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn recreate(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}

/// Makes `to` hold exactly what `from` holds, writing only the files whose bytes differ. The
/// server embeds `frontend/dist` and is rebuilt whenever anything there is touched: a release
/// build with full LTO takes minutes, for a web app that had not changed.
fn sync_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(to)? {
        let entry = entry?;
        let source = from.join(entry.file_name());
        let stale = !source.exists() || source.is_dir() != entry.file_type()?.is_dir();
        if stale && entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else if stale {
            fs::remove_file(entry.path())?;
        }
    }
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            sync_dir(&entry.path(), &target)?;
        } else {
            let bytes = fs::read(entry.path())?;
            if fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
                fs::write(&target, &bytes)?;
            }
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
