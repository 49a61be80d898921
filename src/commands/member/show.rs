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
    crate::commands::print_show(ctx, &args.format, |ws, locale, doc_locale| {
        let id = super::find_member(ws, &args.member, locale)?;
        let member = ws
            .member(&id)
            .ok_or_else(|| anyhow::anyhow!("member {id} vanished"))?;
        Ok(crate::listing::member::show(
            ws,
            member,
            args.private,
            doc_locale,
        ))
    })
}
