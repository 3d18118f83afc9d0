//! Running commands with clear failure messages.

use std::{
    path::PathBuf,
    process::{Command, Stdio},
};

use anyhow::{bail, Context as _};

/// The workspace root (xtask lives one folder below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

pub fn cargo_binary() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Runs `cargo <args>` in the workspace root, failing when it fails.
pub fn cargo(args: &[&str]) -> anyhow::Result<()> {
    let mut command = Command::new(cargo_binary());
    command.args(args);
    run(&mut command)
}

pub fn run(command: &mut Command) -> anyhow::Result<()> {
    command.current_dir_if_unset();
    let shown = describe(command);
    println!("\n$ {shown}");
    let status = command
        .status()
        .with_context(|| format!("cannot start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

/// Whether a program can be started at all (it exists on PATH and runs).
pub fn available(program: &str, version_arg: &str) -> bool {
    Command::new(program)
        .arg(version_arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn output(command: &mut Command) -> anyhow::Result<String> {
    let shown = describe(command);
    let output = command
        .output()
        .with_context(|| format!("cannot start {shown}"))?;
    if !output.status.success() {
        bail!(
            "{shown} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut shown = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        shown.push(' ');
        shown.push_str(&arg.to_string_lossy());
    }
    shown
}

trait CurrentDir {
    fn current_dir_if_unset(&mut self);
}

impl CurrentDir for Command {
    fn current_dir_if_unset(&mut self) {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
    }
}

#[cfg(unix)]
pub fn exec(mut command: Command) -> anyhow::Result<()> {
    use std::os::unix::process::CommandExt;
    let error = command.exec();
    Err(error).context("cannot start the server")
}

#[cfg(not(unix))]
pub fn exec(mut command: Command) -> anyhow::Result<()> {
    let status = command.status().context("cannot start the server")?;
    if !status.success() {
        bail!("the server stopped with {status}");
    }
    Ok(())
}
