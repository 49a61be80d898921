//! `dangjian commit progress`: record the fulfilment of an item (践诺记录, cumulative).

use anyhow::Result;

use super::{Session, date_value, dated_index, item_table, num_value};
use crate::commands::records::take_entry;
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{t, tf};
use crate::model::{Date, Num};
use crate::workflow::commitment::{self as core, NewProgress};

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("amount").args(["value", "done"]))]
pub struct Args {
    /// Member or organization (id or name) whose letter holds the item
    pub committer: String,
    /// Item id (c1, c2 …)
    pub item: String,
    /// Cumulative amount reached so far, for an item with a target
    #[arg(long)]
    pub value: Option<Num>,
    /// The item is done, for an item without a target
    #[arg(long)]
    pub done: bool,
    /// Date of the entry (default: --as-of)
    #[arg(long)]
    pub date: Option<Date>,
    /// What was done
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub letter: super::EntryLetterArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (session, mut open, date) =
        Session::open_dated(ctx, &args.committer, args.date, args.letter.half)?;
    let locale = session.locale;
    let Some(index) = open.letter.items.iter().position(|i| i.id == args.item) else {
        let ids: Vec<&str> = open.letter.items.iter().map(|i| i.id.as_str()).collect();
        let items = if ids.is_empty() {
            t(locale, "commit.none").to_string()
        } else {
            ids.join(", ")
        };
        return Err(Refused {
            reasons: vec![tf(
                locale,
                "commit.refuse.unknown-item",
                &[
                    ("committer", &open.committer.id()),
                    ("half", &open.half),
                    ("item", &args.item),
                    ("items", &items),
                ],
            )],
        }
        .into());
    };
    // --remove N / --amend N: N counts the item's progress entries, as `commit show` lists them.
    let show = open.show_command();
    if let Some(n) = args.letter.entry.remove.or(args.letter.entry.amend) {
        let Some(mut item) = item_table(&mut open.edit.doc, index) else {
            return Err(anyhow::anyhow!(
                "{}: item {} is missing",
                open.edit.rel,
                args.item
            ));
        };
        take_entry(item.as_table_like(), "progress", n, locale, &show)?;
        if args.letter.entry.remove.is_some() {
            return session.finish(ctx, &open.edit, Vec::new(), args.letter.dry_run);
        }
        open.letter.items[index].progress.remove(n - 1);
    }
    if args.value.is_none() && !args.done {
        return Err(anyhow::anyhow!(t(
            locale,
            "records.progress.value-required"
        )));
    }
    let new = NewProgress {
        date,
        value: args.value,
        done: args.done,
    };
    let reasons = core::progress_refusals(&open.letter, &open.letter.items[index], &new, locale);
    let mut entry = toml_edit::Table::new();
    entry.insert("date", toml_edit::Item::Value(date_value(date)));
    match args.value {
        Some(v) => entry.insert("value", toml_edit::Item::Value(num_value(v))),
        None => entry.insert("done", toml_edit::value(true)),
    };
    if let Some(note) = &args.note {
        entry.insert("note", toml_edit::value(note.as_str()));
    }
    entry.decor_mut().set_prefix("\n");
    if let Some(item) = item_table(&mut open.edit.doc, index) {
        let at = dated_index(
            open.letter.items[index].progress.iter().map(|p| p.date),
            date,
        );
        item.insert_progress(entry, at)?;
    }
    session.finish(ctx, &open.edit, reasons, args.letter.dry_run)
}
