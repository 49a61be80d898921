//! `dangjian post end <post> <member> [--reason …]` (离岗): sets `ended` and `end_reason`.

use anyhow::Result;

use super::edit::{self, WriteArgs};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::workflow::post as core;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    pub post: String,
    /// Member id or name
    pub member: String,
    /// Why the member leaves the post (换岗, 调离 …)
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let (post, member) = edit::post_and_member(&s, &args.post, &args.member)?;
    let date = edit::happened(&s, ctx, &args.write)?;
    let change = core::end(&post, &member, date, args.reason.as_deref())
        .map_err(|r| edit::refused(&s, r))?;
    let written = edit::save_holder_edit(&s, ctx, &post, &change, args.write.dry_run)?;
    let message = match &args.reason {
        Some(reason) => tf(
            s.locale,
            "post.ended-reason",
            &[
                ("member", &core::who(&member)),
                ("post", &post.name),
                ("date", &date),
                ("reason", reason),
            ],
        ),
        None => edit::step_message(s.locale, "post.ended", &member, &post, date),
    };
    Ok(edit::report(ctx, &written, &post.path, s.locale, &message))
}
