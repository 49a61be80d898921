//! `dangjian completions <shell>`: shell completions (clap_complete) and, as `completions man`,
//! the manual page (clap_mangen, roff), generated from the command-line definition so they
//! never drift from it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{CommandFactory, ValueEnum};

use super::{Ctx, Exit, emit};
use crate::cli::Cli;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to complete for, or `man` for the manual page (roff, for `man -l -`)
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Target,
    /// Write files into this folder instead of printing (for `man`: a page for every subcommand)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
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
    match &args.out_dir {
        Some(dir) => {
            for path in write_to(args.shell, dir)? {
                println!("{}", path.display());
            }
        }
        None => emit(&render(args.shell)?, None, false)?,
    }
    Ok(Exit::Success)
}

/// Writes the completion script, or every manual page, into `dir`; returns the files written.
fn write_to(target: Target, dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    if target == Target::Man {
        clap_mangen::generate_to(Cli::command(), dir)
            .with_context(|| format!("cannot write manual pages into {}", dir.display()))?;
        let mut pages: Vec<PathBuf> = list(dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "1"))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("dangjian"))
            })
            .collect();
        pages.sort();
        return Ok(pages);
    }
    let bytes = render(target)?;
    let name = match target {
        Target::Bash => "dangjian.bash",
        Target::Zsh => "_dangjian",
        Target::Fish => "dangjian.fish",
        Target::PowerShell => "_dangjian.ps1",
        Target::Elvish => "dangjian.elv",
        Target::Man => "dangjian.1",
    };
    let path = dir.join(name);
    crate::workspace::write::atomic_write(&path, &bytes)?;
    Ok(vec![path])
}

fn list(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
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
