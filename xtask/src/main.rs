//! `cargo xtask <task>`: the project's own build tooling, in Rust so a fresh machine needs
//! nothing but rustup (and, for the browser tests, what `.ci/run` installs).

mod bench;
mod frontend;
mod fuzz;
mod map;
mod process;
mod test;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  run     build the web app and the server quickly (profile `local`: optimised, without
          whole-program optimisation), then serve on http://127.0.0.1:8080 with SQLite in ./data
          (every SANAD_* setting is honoured; see `sanad --help`)
  dist    build the fully optimised release binary, web app inside, into target/release/sanad
          (what a deployment runs and what `bench` measures)
  test    every check: format, clippy (native and wasm32), tests on SQLite and PostgreSQL,
          the API fuzzing, the web app's size budget and the browser tests
  fuzz    only the API fuzzing (schemathesis) of `test`; SANAD_FUZZ_SEED and
          SANAD_FUZZ_EXAMPLES change its seed and its examples per operation
  build   build the web app into frontend/dist and print its sizes
  bench   measure the server against a bare actix-web handler (not part of `test`);
          sections may be named: reads, writes, cases, memory, queue, login, pages (Lighthouse),
          backup (sanad backup and restore of 100,000 tips beside the bare tools)
  map     regenerate the governorate outline of the statistics map from Natural Earth (npm)";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "run" => run(),
        "test" => test::all(),
        "fuzz" => fuzz::alone(),
        "build" => frontend::build(frontend::Wasm::Shipped).map(|report| report.print()),
        "dist" => dist().map(|binary| println!("\nRelease binary: {}", binary.display())),
        "map" => map::generate(),
        "bench" => bench::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("unknown task {other:?}\n\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask {task}: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The release binary, as shipped: the web app at its budgeted size, the server with full LTO.
pub fn dist() -> anyhow::Result<std::path::PathBuf> {
    frontend::build(frontend::Wasm::Shipped)?.print();
    process::cargo(&[
        "build",
        "--release",
        "-p",
        "sanad-backend",
        "--bin",
        "sanad",
    ])?;
    Ok(process::root().join("target/release/sanad"))
}

fn run() -> anyhow::Result<()> {
    // A first look must not cost a fresh two-core machine half an hour: full LTO over every
    // dependency is what `dist` is for.
    frontend::build(frontend::Wasm::Local)?.print();
    process::cargo(&[
        "build",
        "--profile",
        "local",
        "-p",
        "sanad-backend",
        "--bin",
        "sanad",
    ])?;
    let binary = process::root().join("target/local/sanad");
    println!("\nStarting Sanad (Ctrl-C stops it). Data: ./data (SQLite).");
    println!(
        "To create the first admin, in another terminal:\n  target/local/sanad create-admin --email you@example.org\n\
         It prints a one-time link to set the password. Mail goes to ./data/outbox/ unless SANAD_SMTP_URL is set."
    );
    let mut command = std::process::Command::new(binary);
    command.arg("serve").current_dir(process::root());
    // Replace this process with the server, so Ctrl-C reaches it directly and it stops cleanly.
    process::exec(command)
}
