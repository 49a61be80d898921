//! `dangjian review …` (not built yet).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Not built yet
    #[command(hide = true)]
    Pending,
}

pub fn run(_ctx: &Ctx, _cmd: ReviewCommand) -> Result<Exit> {
    bail!("`review` is not built yet")
}
