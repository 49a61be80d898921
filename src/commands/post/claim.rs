//! `dangjian post claim <post> <member>` (认岗): adds a holder with `claimed`.

use anyhow::Result;

use super::edit::{self, WriteArgs};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::workflow::post::{self as core, Candidate};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    pub post: String,
    /// Member id or name
    pub member: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let (post, member) = edit::post_and_member(&s, &args.post, &args.member)?;
    let (org_chain, lives_chain) = edit::member_chains(&s.root, &member, s.locale);
    let date = edit::happened(&s, ctx, &args.write)?;
    let candidate = Candidate {
        member: &member,
        org_chain: &org_chain,
        lives_chain: &lives_chain,
    };
    let claim = core::claim(&post, &candidate, date).map_err(|r| edit::refused(&s, r))?;
    let mut file = Editable::open(&s.root, &post.path, s.locale)?;
    edit::apply_holder_edit(&mut file.doc, &claim.edit)?;
    let written = edit::save_post(&s, ctx, &file, args.write.dry_run)?;
    for note in claim.notes.iter().filter(|_| !ctx.quiet) {
        eprintln!(
            "{}",
            tf(
                s.locale,
                "post.claim-note",
                &[("reason", &note.message(s.locale))]
            )
        );
    }
    let message = edit::step_message(s.locale, "post.claimed", &member, &post, date);
    Ok(edit::report(ctx, &written, &post.path, s.locale, &message))
}
