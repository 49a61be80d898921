//! `dangjian member list [--org O] [--format table|json|csv]`: never shows `[private]` data.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only members of this organization and those below it
    #[arg(long)]
    pub org: Option<String>,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let org = match &args.org {
        Some(o) => Some(crate::commands::org::find_org(
            &loaded.ws,
            o,
            loaded.locale,
        )?),
        None => None,
    };
    let doc = crate::listing::member::list(
        &loaded.ws,
        org.as_deref(),
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["members"],
        locale,
    ))
}
