//! The `dangjian` binary: parse arguments, run, map the outcome to an exit code (0 success, 1
//! problems found or a step refused, 2 usage or environment errors).

use std::process::ExitCode;

use dangjian::commands::{self, Exit, Refused, localize};
use dangjian::i18n::t;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let locale = localize::early_locale(&args);
    let cli = match localize::parse(args, locale) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    let error = t(locale, "cli.error-prefix");
    match commands::run(cli) {
        Ok(Exit::Success) => ExitCode::SUCCESS,
        Ok(Exit::Problems) => ExitCode::from(1),
        Err(err) => {
            if let Some(refused) = err.downcast_ref::<Refused>() {
                for reason in &refused.reasons {
                    eprintln!("{error}{reason}");
                }
                return ExitCode::from(1);
            }
            eprintln!("{error}{err:#}");
            ExitCode::from(2)
        }
    }
}
