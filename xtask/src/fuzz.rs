//! The schemathesis run of `cargo xtask test`: every operation of the OpenAPI document, with
//! every check schemathesis has, against a debug server on a new SQLite database, working as an
//! admin with every role. Any server error, any answer the document does not describe and any
//! request the document and the server judge differently fails the run. The test data choices
//! (what the run leaves out, which answers a secret or a rule beyond JSON Schema makes right)
//! are in `xtask/schemathesis/schemathesis.toml`, each with its reason.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use anyhow::{bail, Context as _};

use crate::{
    process::{self, root},
    test::Server,
};

const ADMIN_EMAIL: &str = "fuzzing-admin@example.org";
/// Fixed, so a failure reproduces; `SANAD_FUZZ_SEED` tries another.
const SEED: &str = "20261204";
/// Per operation and phase: enough for the run to take a few minutes on our machines.
const MAX_EXAMPLES: &str = "40";

pub enum Fuzz {
    Ran,
    /// schemathesis is not installed; the reason.
    Missing(String),
}

/// Where `.ci/run` installs schemathesis (`pip install -r xtask/schemathesis/requirements.txt`).
pub fn schemathesis() -> PathBuf {
    root().join("target/schemathesis/bin/schemathesis")
}

/// `cargo xtask fuzz`: the debug server built, then the run, which must happen.
pub fn alone() -> anyhow::Result<()> {
    process::cargo(&["build", "-p", "sanad-backend", "--bin", "sanad"])?;
    match run(&root().join("target/debug/sanad"))? {
        Fuzz::Ran => Ok(()),
        Fuzz::Missing(notice) => bail!("{notice}"),
    }
}

pub fn run(binary: &Path) -> anyhow::Result<Fuzz> {
    let schemathesis = schemathesis();
    if !schemathesis.exists() {
        return Ok(Fuzz::Missing(format!(
            "schemathesis is not installed at {} (python3 -m venv target/schemathesis && \
             target/schemathesis/bin/pip install -r xtask/schemathesis/requirements.txt): the \
             API fuzzing was NOT run",
            schemathesis.display()
        )));
    }
    let data_dir = root().join(format!("target/fuzz-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    // A solved challenge stays cheap for the hooks to make; the server still checks it.
    let server = Server::start(
        binary,
        &data_dir,
        &[("SANAD_POW_BITS", "4"), ("SANAD_PFIF_DOMAIN", "sanad.test")],
    )?;
    let outcome = fuzz(binary, &data_dir, &server.url, &schemathesis);
    drop(server);
    let _ = std::fs::remove_dir_all(&data_dir);
    outcome.map(|()| Fuzz::Ran)
}

fn fuzz(binary: &Path, data_dir: &Path, url: &str, schemathesis: &Path) -> anyhow::Result<()> {
    let made = process::output(
        Command::new(binary)
            .args(["create-admin", "--email", ADMIN_EMAIL])
            .args(["--name", "Fuzzing admin", "--language", "en"])
            .env("SANAD_DATA_DIR", data_dir)
            .env("SANAD_LOG", "warn"),
    )?;
    let link = made
        .lines()
        .find(|l| l.starts_with("http"))
        .and_then(|l| l.split_once('#'))
        .map(|(_, secret)| secret.to_owned())
        .context("create-admin printed no sign-in link")?;
    let folder = root().join("xtask/schemathesis");
    let seed = std::env::var("SANAD_FUZZ_SEED").unwrap_or_else(|_| SEED.to_owned());
    let examples = std::env::var("SANAD_FUZZ_EXAMPLES").unwrap_or_else(|_| MAX_EXAMPLES.to_owned());
    // schemathesis keeps the failures it found (and replays them first) in `.schemathesis/` of
    // its working folder: under target/, out of the repository.
    let work = root().join("target/schemathesis-work");
    std::fs::create_dir_all(&work)?;
    let outcome = process::run(
        Command::new(schemathesis)
            .current_dir(&work)
            .arg("--no-color")
            .arg("--config-file")
            .arg(folder.join("schemathesis.toml"))
            .args(["run", &format!("{url}/api/v1/openapi.json")])
            .args([
                "--checks",
                "all",
                "--seed",
                &seed,
                "--max-examples",
                &examples,
            ])
            // One worker: hypothesis describes its strategies through the `ast` module, which
            // Python 3.11 does not make safe across threads.
            .args(["--workers", "1"])
            .env("SCHEMATHESIS_HOOKS", "hooks")
            .env("PYTHONPATH", &folder)
            .env("SANAD_URL", url)
            .env("SANAD_FUZZ_EMAIL", ADMIN_EMAIL)
            .env("SANAD_FUZZ_LINK", link),
    );
    if outcome.is_err() {
        bail!(
            "schemathesis found a server error or a difference between the OpenAPI document and \
             the server (seed {seed}; `SANAD_FUZZ_SEED={seed} cargo xtask fuzz` runs it alone); \
             each failure above comes with a curl command"
        );
    }
    Ok(())
}
