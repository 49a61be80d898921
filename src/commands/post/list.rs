//! `dangjian post list [--org O] [--vacant] [--member M] [--format table|json|csv]`.

use anyhow::Result;

use crate::commands::{Ctx, Exit, FormatArg};
use crate::listing::post::{self, Filter};

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
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format = args.format.get()?;
    let org = crate::commands::org::find_org_opt(ws, args.org.as_deref(), loaded.locale)?;
    let member = args
        .member
        .as_deref()
        .map(|m| crate::commands::member::find_member(ws, m, loaded.locale))
        .transpose()?;
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
    crate::commands::print_listing(ctx, &loaded, &doc, format, &["posts"])
}
