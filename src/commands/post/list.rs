//! `dangjian post list [--org O] [--vacant] [--member M] [--format table|json|csv]`.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::listing::post::{self, Filter};
use crate::report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only posts of this organization and those below it
    #[arg(long)]
    pub org: Option<String>,
    /// Only posts that can take someone on the as-of date (open, below capacity or nobody serving)
    #[arg(long)]
    pub vacant: bool,
    /// Only posts this member holds or held (id or name)
    #[arg(long)]
    pub member: Option<String>,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let org = match &args.org {
        Some(o) => Some(crate::commands::org::find_org(ws, o, loaded.locale)?),
        None => None,
    };
    let member = match &args.member {
        Some(m) => Some(crate::commands::member::find_member(ws, m, loaded.locale)?),
        None => None,
    };
    let filter = Filter {
        org,
        vacant: args.vacant,
        member,
    };
    let doc = post::list(
        ws,
        &filter,
        ctx.as_of,
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["posts"],
        locale,
    ))
}
