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
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format = args.format.get()?;
    let id = ws
        .find_post(&args.post, loaded.locale)
        .map(|p| p.id.clone())
        .map_err(|e| {
            crate::commands::broken::or_broken(e.into(), ws, "posts", &args.post, loaded.locale)
        })?;
    let post = ws
        .post(&id)
        .ok_or_else(|| anyhow::anyhow!("post {id} vanished"))?;
    let doc = crate::listing::post::show(
        ws,
        post,
        ctx.as_of,
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    Ok(Exit::Success)
}
