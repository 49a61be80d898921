//! `dangjian matter show <id> [--format]`: a matter's records, its completion, and the unmet
//! conditions of its current step. Reads the matter's file, its owner's, and the files its tasks
//! name.

use anyhow::Result;

use super::{FileLookup, ListFormat, matter_path, print_doc, rules_for};
use crate::commands::{Ctx, Exit};
use crate::model::Matter;
use crate::workspace::resolve::read_record;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// Year folder of the matter (default: the workspace year; other years are searched too)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long)]
    pub year: Option<i32>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let root = ctx.root()?;
    let (settings, locale) = ctx.settings(&root)?;
    let rel = matter_path(&root, &settings, &args.id, args.year, locale)?;
    let matter = read_record::<Matter>(&root, &rel, locale)?.value;
    let rules = rules_for(&root, &settings, &matter, locale);
    let mut doc = crate::listing::matter::show(
        &matter,
        &rules,
        &FileLookup { root: &root },
        ctx.as_of,
        args.format.content_locale(locale),
    );
    if args.format == ListFormat::Table {
        doc.tables
            .retain(|t| t.id == "matter" || !t.rows.is_empty());
    }
    print_doc(ctx, &doc, args.format)?;
    Ok(Exit::Success)
}
