//! `dangjian completions <shell>`: shell completions (clap_complete) and, as `completions man`,
//! the manual page (clap_mangen, roff), generated from the command-line definition so they
//! never drift from it.

use anyhow::{Context, Result};
use clap::{CommandFactory, ValueEnum};

use super::{Ctx, Exit, emit};
use crate::cli::Cli;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to complete for, or `man` for the manual page (roff, for `man -l -`)
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Target,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Target {
    Bash,
    Zsh,
    Fish,
    #[value(name = "powershell")]
    PowerShell,
    Elvish,
    Man,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<Exit> {
    let bytes = render(args.shell)?;
    emit(&bytes, None, false)?;
    Ok(Exit::Success)
}

/// The completion script or manual page for `target`.
pub fn render(target: Target) -> Result<Vec<u8>> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let shell = match target {
        Target::Bash => clap_complete::Shell::Bash,
        Target::Zsh => clap_complete::Shell::Zsh,
        Target::Fish => clap_complete::Shell::Fish,
        Target::PowerShell => clap_complete::Shell::PowerShell,
        Target::Elvish => clap_complete::Shell::Elvish,
        Target::Man => {
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .context("cannot render the manual page")?;
            return Ok(out);
        }
    };
    clap_complete::generate(shell, &mut cmd, "dangjian", &mut out);
    Ok(out)
}
