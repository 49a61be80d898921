//! `dangjian org show <org> [--format table|json|csv]`: an organization with its
//! sub-organizations, its members and its posts.

use anyhow::Result;

use crate::commands::{Ctx, Exit, FormatArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Organization id or name
    pub org: String,
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format = args.format.get()?;
    let id = super::find_org(ws, &args.org, loaded.locale)?;
    let org = ws
        .org(&id)
        .ok_or_else(|| anyhow::anyhow!("organization {id} vanished"))?;
    let doc =
        crate::listing::org::show(ws, org, ctx.as_of, super::doc_locale(format, loaded.locale));
    crate::commands::print_doc(ctx, &doc, format)?;
    Ok(Exit::Success)
}
