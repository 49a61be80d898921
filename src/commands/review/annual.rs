//! `dangjian review annual [--year Y]`: annual scores, grades and outcome candidates.

use anyhow::Result;

use super::output::{Common, run_annual};
use crate::commands::{Ctx, Exit};
use crate::review::{PeriodKind, latest_ended};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Year to review (default: the latest year ended on or before --as-of)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long, value_name = "YEAR")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let year = args
        .year
        .unwrap_or_else(|| latest_ended(PeriodKind::Year, ctx.as_of).year);
    run_annual(ctx, &args.common, year)
}
