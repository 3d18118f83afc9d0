//! `cargo xtask test`: every check, in the order that fails fastest. PostgreSQL, the API fuzzing
//! and the browser tests are skipped with a loud notice when their tools are missing, except
//! under CI (`CI` set), where a skip would hide a broken machine and is a failure instead.

use std::{
    io::{BufRead as _, BufReader},
    net::{TcpStream, ToSocketAddrs as _},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::mpsc,
    time::{Duration, Instant},
};

use anyhow::{bail, Context as _};

use crate::{
    frontend,
    fuzz::{self, Fuzz},
    process::{self, root},
};

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

pub fn all() -> anyhow::Result<()> {
    let ci = std::env::var_os("CI").is_some();
    let started = Instant::now();
    let mut skipped = Vec::new();
    let mut timings = Vec::new();
    let mut step = |name: &str, started: Instant| {
        timings.push((name.to_owned(), started.elapsed().as_secs_f64()))
    };

    let t = Instant::now();
    process::cargo(&["fmt", "--all", "--check"])?;
    step("format", t);

    let t = Instant::now();
    process::cargo(&[
        "clippy",
        "--workspace",
        "--exclude",
        "sanad-frontend",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ])?;
    frontend::ensure_wasm_target()?;
    process::cargo(&[
        "clippy",
        "-p",
        "sanad-frontend",
        "-p",
        "sanad-shared",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ])?;
    // The islands alone: the site's `hydrate` must not meet the staff app's `csr`.
    process::cargo(&[
        "clippy",
        "-p",
        "sanad-site",
        "--features",
        "hydrate",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ])?;
    step("clippy (native and wasm32)", t);

    let postgres_url = std::env::var("SANAD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
    let postgres_up = postgres_reachable(&postgres_url);
    if !postgres_up {
        let notice = format!("PostgreSQL at {postgres_url} is unreachable: its tests were NOT run");
        if ci {
            bail!("{notice} (CI requires them; is the server running?)");
        }
        skipped.push(notice);
    }

    let t = Instant::now();
    process::run(
        Command::new(process::cargo_binary())
            .args([
                "test",
                "--workspace",
                "--exclude",
                "sanad-frontend",
                "--all-features",
            ])
            .env("SANAD_TEST_POSTGRES_URL", &postgres_url)
            .env("SANAD_TEST_DB", "sqlite"),
    )?;
    step("tests on SQLite", t);

    if postgres_up {
        let t = Instant::now();
        process::run(
            Command::new(process::cargo_binary())
                .args(["test", "-p", "sanad-backend", "--test", "api"])
                .env("SANAD_TEST_POSTGRES_URL", &postgres_url)
                .env("SANAD_TEST_DB", "postgres"),
        )?;
        step("database tests on PostgreSQL", t);
    }

    let t = Instant::now();
    process::cargo(&["build", "-p", "sanad-backend", "--bin", "sanad"])?;
    match fuzz::run(&root().join("target/debug/sanad"))? {
        Fuzz::Ran => step("API fuzzing (schemathesis)", t),
        Fuzz::Missing(notice) if ci => bail!("{notice} (CI requires the API fuzzing)"),
        Fuzz::Missing(notice) => skipped.push(notice),
    }

    let t = Instant::now();
    let report = frontend::build(frontend::Wasm::Shipped)?;
    report.print();
    if report.wasm_opt.is_none() && ci {
        bail!("wasm-opt is missing under CI, so the size budget cannot be checked as shipped");
    }
    report.check_budget()?;
    step("web app build and size budget", t);

    let t = Instant::now();
    match browser_tests()? {
        Browser::Ran => step("browser tests", t),
        Browser::Missing(notice) if ci => bail!("{notice} (CI requires the browser tests)"),
        Browser::Missing(notice) => skipped.push(notice),
    }

    println!(
        "\nAll checks passed in {:.0} s:",
        started.elapsed().as_secs_f64()
    );
    for (name, seconds) in &timings {
        println!("  {name:<32} {seconds:>6.0} s");
    }
    for notice in &skipped {
        eprintln!("\n!!!!!!!!!! SKIPPED: {notice} !!!!!!!!!!");
    }
    Ok(())
}

enum Browser {
    Ran,
    /// A tool the browser tests need is not installed; the reason.
    Missing(String),
}

pub fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var("SANAD_CHROMIUM").ok(),
        Some("/usr/bin/chromium".to_owned()),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn browser_tests() -> anyhow::Result<Browser> {
    let Some(chromium) = chromium() else {
        return Ok(Browser::Missing(
            "Chromium is not installed (apt-get install chromium): the browser tests were NOT run"
                .to_owned(),
        ));
    };
    if !process::available("node", "--version") || !process::available("npm", "--version") {
        return Ok(Browser::Missing(
            "Node.js and npm are not installed: the browser tests were NOT run".to_owned(),
        ));
    }
    let e2e = e2e_packages()?;
    process::cargo(&["build", "-p", "sanad-backend", "--bin", "sanad"])?;
    let data_dir = root().join(format!("target/e2e-data-{}", std::process::id()));
    // No SANAD_FRONTEND_DIR: the server finds the app the way a deployed binary does (a debug
    // build reads the embedded folder from disk, a release build from inside itself).
    // A form sent without a script waits 20 s by default; the browser tests wait 3.
    let server = Server::start(
        &root().join("target/debug/sanad"),
        &data_dir,
        &[
            ("SANAD_NOJS_DELAY_SECONDS", "3"),
            ("SANAD_PFIF_DOMAIN", "sanad.test"),
        ],
    )?;
    let results = e2e.join("results");
    let outcome = process::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "tests/"])
            .current_dir(&e2e)
            .env("SANAD_URL", &server.url)
            .env("SANAD_CHROMIUM", &chromium)
            .env("SANAD_LOCALES", root().join("locales"))
            .env("SANAD_BIN", root().join("target/debug/sanad"))
            .env("SANAD_DATA_DIR", &data_dir)
            .env("SANAD_SCREENSHOTS", &results),
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&data_dir);
    outcome?;
    println!("Screenshots of every language: {}", results.display());
    Ok(Browser::Ran)
}

/// The `e2e/` folder with its npm packages (playwright-core, axe-core, Lighthouse) installed at
/// the versions in its package-lock.json.
pub fn e2e_packages() -> anyhow::Result<PathBuf> {
    let e2e = root().join("e2e");
    if !e2e.join("node_modules/playwright-core").exists()
        || !e2e.join("node_modules/axe-core").exists()
        || !e2e.join("node_modules/lighthouse").exists()
    {
        process::run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&e2e),
        )?;
    }
    Ok(e2e)
}

/// A `sanad serve` child on a free port, stopped when dropped.
pub struct Server {
    child: Child,
    pub url: String,
    pub pid: u32,
}

impl Server {
    pub fn start(binary: &Path, data_dir: &Path, env: &[(&str, &str)]) -> anyhow::Result<Server> {
        std::fs::create_dir_all(data_dir)?;
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .env("SANAD_BIND", "127.0.0.1:0")
            .env("SANAD_DATA_DIR", data_dir)
            .env("SANAD_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let pid = child.id();
        let stdout = child.stdout.take().context("no stdout")?;
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                bail!("{} did not report ready within 60 s", binary.display());
            }
        };
        let Some(url) = line
            .split_whitespace()
            .last()
            .filter(|u| u.starts_with("http://"))
        else {
            let _ = child.kill();
            bail!("unexpected first line from {}: {line:?}", binary.display());
        };
        Ok(Server {
            url: url.to_owned(),
            child,
            pid,
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGINT first, as Ctrl-C would, so the server finishes cleanly; then make sure.
        let _ = Command::new("kill")
            .args(["-INT", &self.pid.to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether something accepts TCP connections at the URL's host and port within 3 s.
fn postgres_reachable(url: &str) -> bool {
    let rest = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let host_port = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    let with_port = if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    };
    let Ok(mut addresses) = with_port.to_socket_addrs() else {
        return false;
    };
    addresses.any(|address| TcpStream::connect_timeout(&address, Duration::from_secs(3)).is_ok())
}
