//! `dangjian org tree [--format table|json|csv]`: the organization tree, indented, with the
//! number of Party members of each organization and of its subtree.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::listing::org;
use crate::report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start at this organization (default: every top organization)
    pub org: Option<String>,
    /// Output format (table prints an indented tree)
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let start = super::find_org_opt(ws, args.org.as_deref(), loaded.locale)?;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let locale = super::doc_locale(format, loaded.locale);
    let nodes = org::nodes(ws, start.as_deref(), ctx.as_of, locale);
    let bytes = match format {
        report::Format::Table => org::draw(&nodes, locale).into_bytes(),
        format => report::render(&org::tree(&nodes, locale), format, ctx.render_options())?,
    };
    crate::commands::emit(&bytes, None, false)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["orgs"],
        locale,
    ))
}
