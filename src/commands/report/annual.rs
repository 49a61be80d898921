//! `dangjian report annual`: the year-end review (年终总评).

use anyhow::Result;

use super::{OrgArg, OutputArgs, landscape, run_report};
use crate::commands::{Ctx, Exit};
use crate::report::annual::{Options, build};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    /// Year (default: the latest year ended on or before --as-of; the workspace year when that
    /// one has no evaluation sheet)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long, value_name = "YEAR")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    run_report(ctx, &args.org, &args.out, landscape(), |ws, org, locale| {
        let year = args
            .year
            .unwrap_or_else(|| crate::commands::annual_year(ctx, ws, locale));
        let opts = Options {
            org,
            year,
            as_of: ctx.as_of,
        };
        build(ws, &opts, locale)
    })
}
