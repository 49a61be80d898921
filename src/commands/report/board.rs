//! `dangjian report board`: the public board (公开栏·六公开), landscape, one organization per
//! printed page.

use anyhow::Result;

use super::{OrgArg, OutputArgs, finish, prepare, resolve_org};
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
    let (loaded, format) = prepare(ctx, &args.out)?;
    let locale = loaded.locale;
    let org = resolve_org(&loaded.ws, args.org.org.as_deref(), locale)?;
    let opts = Options {
        org,
        as_of: ctx.as_of,
    };
    let doc = build(&loaded.ws, &opts, super::content_locale(format, locale));
    let layout = Layout {
        landscape: true,
        page_per_table: true,
        locale,
        ..Layout::default()
    };
    finish(ctx, &doc, format, &args.out, layout)
}
