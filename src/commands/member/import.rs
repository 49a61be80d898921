//! `dangjian member import` (not built yet).

use anyhow::{Result, bail};

use crate::commands::{Ctx, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> Result<Exit> {
    bail!("`member import` is not built yet")
}
