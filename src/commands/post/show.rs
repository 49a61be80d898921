//! `dangjian post show <post> [--format table|json|csv]`: a post, its duties, targets, holders
//! and duty log.

use anyhow::Result;

use crate::commands::{Ctx, Exit, FormatArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    pub post: String,
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    crate::commands::print_show(ctx, &args.format, |ws, locale, doc_locale| {
        let id = ws
            .find_post(&args.post, locale)
            .map(|p| p.id.clone())
            .map_err(|e| {
                crate::commands::broken::or_broken(e.into(), ws, "posts", &args.post, locale)
            })?;
        let post = ws
            .post(&id)
            .ok_or_else(|| anyhow::anyhow!("post {id} vanished"))?;
        Ok(crate::listing::post::show(ws, post, ctx.as_of, doc_locale))
    })
}
