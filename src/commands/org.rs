//! `dangjian org …` (not built yet).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Not built yet
    #[command(hide = true)]
    Pending,
}

pub fn run(_ctx: &Ctx, _cmd: OrgCommand) -> Result<Exit> {
    bail!("`org` is not built yet")
}
