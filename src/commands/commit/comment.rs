//! `dangjian commit comment`: a leader comment on a letter (领导点评).

use anyhow::Result;

use super::{Session, date_value, dated_index, insert_table};
use crate::commands::records::take_entry;
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Date, Member, Rating};
use crate::workspace::resolve::resolve;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member or organization (id or name) whose letter is commented on
    pub committer: String,
    /// The leader commenting: a member, by id or name
    #[arg(long, required_unless_present = "remove")]
    pub by: Option<String>,
    /// The comment
    #[arg(long, required_unless_present = "remove")]
    pub text: Option<String>,
    /// excellent, good, fair or poor (or 优秀, 良好, 一般, 较差)
    #[arg(long)]
    pub rating: Option<Rating>,
    /// Date of the comment (default: --as-of)
    #[arg(long)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub letter: super::EntryLetterArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (session, mut open, date) =
        Session::open_dated(ctx, &args.committer, args.date, args.letter.half)?;
    let locale = session.locale;
    let show = open.show_command();
    if let Some(n) = args.letter.entry.remove {
        take_entry(open.edit.doc.as_table_mut(), "comment", n, locale, &show)?;
        return session.finish(ctx, &open.edit, Vec::new(), args.letter.dry_run);
    }
    if let Some(n) = args.letter.entry.amend {
        take_entry(open.edit.doc.as_table_mut(), "comment", n, locale, &show)?;
        open.letter.comments.remove(n - 1);
    }
    let (Some(by), Some(text)) = (args.by.as_deref(), args.text.as_deref()) else {
        return Err(anyhow::anyhow!(tf(
            locale,
            "records.flags-required",
            &[("first", &"--by"), ("second", &"--text")],
        )));
    };
    let by = resolve::<Member>(&session.root, by, locale)?;
    let mut reasons = Vec::new();
    if !by.is_party_member() {
        reasons.push(tf(
            locale,
            "commit.refuse.not-party-member",
            &[("name", &by.name), ("id", &by.id)],
        ));
    }
    if let Some(left) = by.left
        && left <= date
    {
        reasons.push(tf(
            locale,
            "commit.refuse.by-left",
            &[("name", &by.name), ("id", &by.id), ("left", &left)],
        ));
    }
    if text.trim().is_empty() {
        reasons.push(tf(locale, "commit.refuse.empty-text", &[]));
    }
    let mut table = toml_edit::Table::new();
    table.insert("by", toml_edit::value(by.id.as_str()));
    table.insert("date", toml_edit::Item::Value(date_value(date)));
    table.insert("text", toml_edit::value(text.trim()));
    if let Some(rating) = args.rating {
        table.insert("rating", toml_edit::value(rating.as_str()));
    }
    table.decor_mut().set_prefix("\n");
    let index = dated_index(open.letter.comments.iter().map(|c| c.date), date);
    insert_table(open.edit.doc.as_table_mut(), "comment", table, Some(index))?;
    session.finish(ctx, &open.edit, reasons, args.letter.dry_run)
}
