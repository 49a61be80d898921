//! `dangjian matter status [--year] [--org] [--format]`: the pipeline (matters per step) and each
//! matter's step, completion and unmet conditions (the `report matters` document).

use anyhow::Result;

use super::{ListFormat, print_doc};
use crate::commands::{Ctx, Exit};
use crate::report::matters::{Options, build};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Year of the matters (default: the workspace year)
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=9999))]
    pub year: Option<i32>,
    /// Only matters owned by this organization or below it
    #[arg(long)]
    pub org: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let org = args
        .org
        .as_deref()
        .map(|o| crate::commands::org::find_org(&loaded.ws, o, loaded.locale))
        .transpose()?;
    let opts = Options {
        org,
        year: args.year.unwrap_or(loaded.ws.settings.year),
        as_of: ctx.as_of,
    };
    let doc = build(&loaded.ws, &opts, args.format.content_locale(loaded.locale));
    print_doc(ctx, &doc, args.format)?;
    Ok(Exit::Success)
}
