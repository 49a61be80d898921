//! `dangjian org list [--format table|json|csv]`.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let doc = crate::listing::org::list(
        &loaded.ws,
        ctx.as_of,
        super::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["orgs"],
        locale,
    ))
}
