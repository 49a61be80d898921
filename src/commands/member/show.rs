//! `dangjian member show <member> [--private] [--format table|json|csv]`: a member and the
//! posts they hold; the `[private]` table only with `--private`.

use anyhow::Result;

use crate::commands::{Ctx, Exit, FormatArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member id or name
    pub member: String,
    /// Also show the [private] data (phone, address …)
    #[arg(long)]
    pub private: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format = args.format.get()?;
    let id = super::find_member(ws, &args.member, loaded.locale)?;
    let member = ws
        .member(&id)
        .ok_or_else(|| anyhow::anyhow!("member {id} vanished"))?;
    let doc = crate::listing::member::show(
        ws,
        member,
        args.private,
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    Ok(Exit::Success)
}
