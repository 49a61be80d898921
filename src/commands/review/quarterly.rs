//! `dangjian review quarterly [--period YYYY-Qn]`: the scores of a quarter.

use anyhow::Result;

use super::output::{Common, period_arg, run_period};
use crate::commands::{Ctx, Exit};
use crate::review::PeriodKind;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Quarter to review, YYYY-Qn (default: the latest one ended on or before --as-of)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let period = period_arg(args.period.as_deref(), PeriodKind::Quarter, ctx)?;
    run_period(ctx, &args.common, period)
}
