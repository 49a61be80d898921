//! The `dangjian` binary: parse arguments (help and clap's errors in the workspace language), run,
//! map the outcome to an exit code (0 success, 1 problems found or a step refused, 2 usage or
//! environment errors).

use std::process::ExitCode;

use dangjian::commands::{self, Exit, localize};
use dangjian::error::Kind;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let locale = localize::early_locale(&args);
    let cli = match localize::parse(args, locale) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
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
