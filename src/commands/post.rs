//! `dangjian post …` (not built yet).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum PostCommand {
    /// Not built yet
    #[command(hide = true)]
    Pending,
}

pub fn run(_ctx: &Ctx, _cmd: PostCommand) -> Result<Exit> {
    bail!("`post` is not built yet")
}
