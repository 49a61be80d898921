//! `dangjian commit list`: the ledger's rows (承诺践诺台账), filtered by status, organization
//! and half-year. The same builder as `report ledger`.

use anyhow::Result;

use super::parse_half;
use crate::commands::{Ctx, Exit, ListFormat};
use crate::model::{ItemStatus, Org, Period};
use crate::report::ledger;
use crate::workspace::resolve::resolve;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only items with this status as of --as-of: overdue, fulfilled, in-progress, not-started
    #[arg(long)]
    pub status: Option<ItemStatus>,
    /// Only committers within this organization's subtree (id or name)
    #[arg(long)]
    pub org: Option<String>,
    /// Half-year of the letters (default: the one containing --as-of)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    // An unknown or ambiguous organization is refused (exit 1), as for every named record.
    let org = match &args.org {
        None => None,
        Some(arg) => Some(resolve::<Org>(&loaded.root, arg, loaded.locale)?.value.id),
    };
    let opts = ledger::Options {
        org,
        half: args.half,
        status: args.status,
        as_of: ctx.as_of,
    };
    let mut doc = ledger::build_with(ws, &opts, loaded.locale, args.format.words());
    // A listing: machine formats give the plain array of rows (`report ledger` the report).
    doc.report.clear();
    crate::commands::print_listing(ctx, &loaded, &doc, args.format.format(), &["commitments"])
}
