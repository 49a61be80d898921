//! The `dangjian` binary: parse arguments, run, map the outcome to an exit code (0 success, 1
//! problems found or a step refused, 2 usage or environment errors).

use std::process::ExitCode;

use clap::Parser;
use dangjian::cli::Cli;
use dangjian::commands::{self, Exit};
use dangjian::error::Kind;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(Exit::Success) => ExitCode::SUCCESS,
        Ok(Exit::Problems) => ExitCode::from(1),
        Err(failure) => {
            failure.print();
            match failure.error.kind {
                Kind::Refused => ExitCode::from(1),
                Kind::Usage | Kind::Environment => ExitCode::from(2),
            }
        }
    }
}
