use std::process::ExitCode;

use clap::Parser;
use sanad_backend::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sanad: {error:#}");
            ExitCode::FAILURE
        }
    }
}
