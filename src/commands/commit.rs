//! `dangjian commit …` (not built yet).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum CommitCommand {
    /// Not built yet
    #[command(hide = true)]
    Pending,
}

pub fn run(_ctx: &Ctx, _cmd: CommitCommand) -> Result<Exit> {
    bail!("`commit` is not built yet")
}
