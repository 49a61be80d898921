//! `dangjian commit sign`: record the date a letter was signed (签订承诺书).

use anyhow::Result;

use super::{Session, date_value, parse_half};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Date, Period};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member or organization (id or name) who signed
    pub committer: String,
    /// Date of signing (default: --as-of)
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
    if let Some(signed) = open.letter.signed
        && signed != date
    {
        reasons.push(tf(
            locale,
            "commit.refuse.already-signed",
            &[("signed", &signed)],
        ));
    }
    if open.letter.items.is_empty() {
        reasons.push(tf(locale, "commit.refuse.no-items", &[]));
    }
    for item in &open.letter.items {
        if let Some(first) = item.progress.iter().map(|p| p.date).min()
            && first < date
        {
            reasons.push(tf(
                locale,
                "commit.refuse.progress-before-sign",
                &[("item", &item.id), ("date", &first)],
            ));
        }
    }
    if let Some(published) = open.letter.published
        && published < date
    {
        reasons.push(tf(
            locale,
            "commit.refuse.publish-before-signed",
            &[("date", &published), ("signed", &date)],
        ));
    }
    open.edit
        .doc
        .insert("signed", toml_edit::Item::Value(date_value(date)));
    session.finish(ctx, &open.edit, reasons, args.dry_run)
}
