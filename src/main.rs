//! The `dangjian` binary: parse arguments, run, map the outcome to an exit code (0 success, 1
//! problems found or a step refused, 2 usage or environment errors).

use std::process::ExitCode;

use clap::Parser;
use dangjian::cli::Cli;
use dangjian::commands::{self, ClosedPipe, Exit, Refused};
use dangjian::diag::escape;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(Exit::Success) => ExitCode::SUCCESS,
        Ok(Exit::Problems) => ExitCode::from(1),
        Err(err) => {
            if err.downcast_ref::<ClosedPipe>().is_some() {
                return ExitCode::SUCCESS;
            }
            if let Some(refused) = err.downcast_ref::<Refused>() {
                for reason in &refused.reasons {
                    eprintln!("error: {}", escape::one_line(reason));
                }
                return ExitCode::from(1);
            }
            eprintln!("error: {}", escape::lines(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}
