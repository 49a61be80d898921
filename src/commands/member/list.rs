//! `dangjian member list [--org O] [--format table|json|csv]`: never shows `[private]` data.

use anyhow::Result;

use crate::commands::{Ctx, Exit, FormatArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only members of this organization and those below it
    #[arg(long)]
    pub org: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format = args.format.get()?;
    let org = crate::commands::org::find_org_opt(&loaded.ws, args.org.as_deref(), loaded.locale)?;
    let doc = crate::listing::member::list(
        &loaded.ws,
        org.as_deref(),
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_listing(ctx, &loaded, &doc, format, &["members"])
}
