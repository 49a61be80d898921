//! `dangjian report matters`: the pipeline of matters by step (六步进度).

use anyhow::Result;

use super::{OrgArg, OutputArgs, YearArg, landscape, run_report};
use crate::commands::{Ctx, Exit};
use crate::report::matters::{Options, build};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    #[command(flatten)]
    pub year: YearArg,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    run_report(ctx, &args.org, &args.out, landscape(), |ws, org, locale| {
        let year = args.year.year.unwrap_or(ws.settings.year);
        let opts = Options {
            org,
            year,
            as_of: ctx.as_of,
        };
        build(ws, &opts, locale)
    })
}
