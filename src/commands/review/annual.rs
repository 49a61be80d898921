//! `dangjian review annual [--year Y]`: annual scores, grades and outcome candidates.

use anyhow::Result;

use super::output::{Common, run_annual};
use crate::commands::{Ctx, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Year to review (default: the latest year ended on or before --as-of; the workspace year
    /// when that one has no evaluation sheet)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long, value_name = "YEAR")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    run_annual(ctx, &args.common, args.year)
}
