//! `dangjian commit publish`: record the date a letter was made public (网络、公开栏、明白纸).

use anyhow::Result;

use super::{Session, date_value, parse_half};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Date, Period};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member or organization (id or name) whose letter was made public
    pub committer: String,
    /// Date it was made public (default: --as-of)
    #[arg(long)]
    pub date: Option<Date>,
    /// Half-year of the letter (default: the one containing the date, else the nearest letter)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    /// Print the change as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let session = Session::begin(ctx)?;
    let locale = session.locale;
    let (mut open, date) = session.open_dated(ctx, &args.committer, args.date, args.half)?;
    let mut reasons = Vec::new();
    match open.letter.signed {
        None => reasons.push(tf(
            locale,
            "commit.refuse.not-signed",
            &[("committer", &open.committer.id())],
        )),
        Some(signed) if date < signed => reasons.push(tf(
            locale,
            "commit.refuse.publish-before-signed",
            &[("date", &date), ("signed", &signed)],
        )),
        Some(_) => {}
    }
    if let Some(published) = open.letter.published
        && published != date
    {
        reasons.push(tf(
            locale,
            "commit.refuse.already-published",
            &[("published", &published)],
        ));
    }
    open.edit
        .doc
        .insert("published", toml_edit::Item::Value(date_value(date)));
    session.finish(ctx, &open.edit, reasons, args.dry_run)
}
