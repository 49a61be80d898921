//! `dangjian report board`: the public board (公开栏·六公开), landscape, one organization per
//! printed page.

use anyhow::Result;

use super::{OrgArg, OutputArgs, landscape, run_report};
use crate::commands::{Ctx, Exit};
use crate::report::board::{Options, build};
use crate::report::render::Layout;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let layout = Layout {
        page_per_table: true,
        ..landscape()
    };
    run_report(ctx, &args.org, &args.out, layout, |ws, org, locale| {
        let opts = Options {
            org,
            as_of: ctx.as_of,
        };
        build(ws, &opts, locale)
    })
}
