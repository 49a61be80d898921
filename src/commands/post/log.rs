//! `dangjian post log <post> <member> --text … [--hours H]` (履岗): appends a duty-log entry.

use anyhow::Result;

use super::edit::{self, WriteArgs};
use crate::commands::{Ctx, Exit};
use crate::model::Num;
use crate::workflow::post as core;
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    pub post: String,
    /// Member id or name
    pub member: String,
    /// What was done
    #[arg(long)]
    pub text: String,
    /// Hours spent
    #[arg(long)]
    pub hours: Option<Num>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let (post, member) = edit::post_and_member(&s, &args.post, &args.member)?;
    let date = edit::happened(&s, ctx, &args.write)?;
    let entry = core::log(&post, &member, date, &args.text, args.hours)
        .map_err(|r| edit::refused(&s, r))?;
    let mut file = Editable::open(&s.root, &post.path, s.locale)?;
    edit::append_log(&mut file.doc, &entry)?;
    let written = edit::save_post(&s, ctx, &file, args.write.dry_run)?;
    let message = edit::step_message(s.locale, "post.logged", &member, &post, date);
    Ok(edit::report(ctx, &written, &post.path, s.locale, &message))
}
