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
    crate::commands::print_show(ctx, &args.format, |ws, locale, doc_locale| {
        let id = super::find_org(ws, &args.org, locale)?;
        let org = ws
            .org(&id)
            .ok_or_else(|| anyhow::anyhow!("organization {id} vanished"))?;
        Ok(crate::listing::org::show(ws, org, ctx.as_of, doc_locale))
    })
}
