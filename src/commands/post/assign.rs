//! `dangjian post assign <post> <member>` (定岗): sets `confirmed` (and `claimed` if absent)
//! after the eligibility, capacity, window and member-left checks.

use anyhow::Result;

use super::edit::{self, WriteArgs};
use crate::commands::{Ctx, Exit};
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
    let change = core::assign(&post, &candidate, date).map_err(|r| edit::refused(&s, r))?;
    let mut file = Editable::open(&s.root, &post.path, s.locale)?;
    edit::apply_holder_edit(&mut file.doc, &change)?;
    let written = edit::save_post(&s, ctx, &file, args.write.dry_run)?;
    let message = edit::step_message(s.locale, "post.assigned", &member, &post, date);
    Ok(edit::report(ctx, &written, &post.path, s.locale, &message))
}
