//! `dangjian review half [--period YYYY-Hn]`: the scores of a half-year.

use anyhow::Result;

use super::output::{Common, period_arg, run_period};
use crate::commands::{Ctx, Exit};
use crate::review::PeriodKind;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Half-year to review, YYYY-Hn (default: the latest one ended on or before --as-of)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let period = period_arg(args.period.as_deref(), PeriodKind::Half, ctx)?;
    run_period(ctx, &args.common, period)
}
