//! `dangjian init` (not built yet).

use anyhow::{Result, bail};

use super::{Ctx, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> Result<Exit> {
    bail!("`init` is not built yet")
}
