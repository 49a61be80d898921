//! `dangjian org list [--format table|json|csv]`.

use anyhow::Result;

use crate::commands::{Ctx, Exit, FormatArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format = args.format.get()?;
    let doc = crate::listing::org::list(
        &loaded.ws,
        ctx.as_of,
        super::doc_locale(format, loaded.locale),
    );
    crate::commands::print_listing(ctx, &loaded, &doc, format, &["orgs"])
}
