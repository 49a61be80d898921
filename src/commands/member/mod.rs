//! `dangjian member …`: browse members and import a roster.

pub mod import;

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Import a roster from a CSV or XLSX file
    Import(import::Args),
}

pub fn run(ctx: &Ctx, cmd: MemberCommand) -> Result<Exit> {
    match cmd {
        MemberCommand::Import(args) => import::run(ctx, args),
    }
}

#[allow(dead_code)]
fn pending() -> Result<Exit> {
    bail!("not built yet")
}
