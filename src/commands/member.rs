//! `dangjian member …` (not built yet).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Not built yet
    #[command(hide = true)]
    Pending,
}

pub fn run(_ctx: &Ctx, _cmd: MemberCommand) -> Result<Exit> {
    bail!("`member` is not built yet")
}
