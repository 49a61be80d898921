//! `dangjian matter list [--step] [--org] [--year] [--format]`: one row per matter.

use anyhow::Result;

use super::ListFormat;
use crate::commands::{Ctx, Exit};
use crate::listing::matter::Filter;
use crate::model::Step;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only matters at this step
    #[arg(long)]
    pub step: Option<Step>,
    /// Only matters owned by this organization or below it
    #[arg(long)]
    pub org: Option<String>,
    /// Only matters of this year
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long)]
    pub year: Option<i32>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let org = crate::commands::org::find_org_opt(&loaded.ws, args.org.as_deref(), loaded.locale)?;
    let filter = Filter {
        step: args.step,
        org,
        year: args.year,
    };
    let doc = crate::listing::matter::list(
        &loaded.ws,
        &filter,
        ctx.as_of,
        args.format.content_locale(loaded.locale),
    );
    crate::commands::print_listing(ctx, &loaded, &doc, args.format.format(), &["matters"])
}
