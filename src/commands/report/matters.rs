//! `dangjian report matters`: the pipeline of matters by step (六步进度).

use anyhow::Result;

use super::{OrgArg, OutputArgs, finish, prepare, resolve_org};
use crate::commands::{Ctx, Exit};
use crate::report::matters::{Options, build};
use crate::report::render::Layout;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    /// Year (default: the workspace's current year)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long, value_name = "YEAR")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (loaded, format) = prepare(ctx, &args.out)?;
    let locale = loaded.locale;
    let org = resolve_org(&loaded.ws, args.org.org.as_deref(), locale)?;
    let opts = Options {
        org,
        year: args.year.unwrap_or(loaded.ws.settings.year),
        as_of: ctx.as_of,
    };
    let doc = build(&loaded.ws, &opts, super::content_locale(format, locale));
    let layout = Layout {
        landscape: true,
        locale,
        ..Layout::default()
    };
    finish(ctx, &doc, format, &args.out, layout)
}
