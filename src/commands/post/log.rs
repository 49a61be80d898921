//! `dangjian post log <post> <member> --text … [--hours H]` (履岗): appends a duty-log entry;
//! `--amend N` replaces entry N with the values given, `--remove N` removes it (N as `post
//! show` numbers the log).

use anyhow::Result;

use super::edit::{self, WriteArgs};
use crate::commands::records::{EntryArgs, take_entry};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
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
    #[arg(long, required_unless_present = "remove")]
    pub text: Option<String>,
    /// Hours spent
    #[arg(long)]
    pub hours: Option<Num>,
    #[command(flatten)]
    pub entry: EntryArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let (mut post, member) = edit::post_and_member(&s, &args.post, &args.member)?;
    let mut file = Editable::open(&s.root, &post.path, s.locale)?;
    let show = format!("dangjian post show {}", post.id);
    if let Some(n) = args.entry.remove {
        take_entry(file.doc.as_table_mut(), "log", n, s.locale, &show)?;
        let written = edit::save_post(&s, ctx, &file, args.write.dry_run)?;
        let message = tf(
            s.locale,
            "records.entry-removed",
            &[("n", &n), ("file", &post.path)],
        );
        return Ok(edit::report(ctx, &written, &post.path, s.locale, &message));
    }
    if let Some(n) = args.entry.amend {
        take_entry(file.doc.as_table_mut(), "log", n, s.locale, &show)?;
        post.value.logs.remove(n - 1);
    }
    let date = edit::happened(&s, ctx, &args.write)?;
    let text = args.text.as_deref().unwrap_or_default();
    let entry =
        core::log(&post, &member, date, text, args.hours).map_err(|r| edit::refused(&s, r))?;
    edit::append_log(&mut file.doc, &entry)?;
    let written = edit::save_post(&s, ctx, &file, args.write.dry_run)?;
    let message = edit::step_message(s.locale, "post.logged", &member, &post, date);
    Ok(edit::report(ctx, &written, &post.path, s.locale, &message))
}
