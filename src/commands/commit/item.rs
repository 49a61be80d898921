//! `dangjian commit item`: add a commitment item to a letter.

use anyhow::Result;

use super::{Session, date_value, insert_table, num_value, parse_half};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Category, Date, ItemType, Num, Period, is_valid_id};
use crate::workflow::commitment as core;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member or organization (id or name) whose letter gets the item
    pub committer: String,
    /// politics, duty, economy, pairing, integrity, org-life or other (or the Chinese name)
    #[arg(long)]
    pub category: Category,
    /// service (服务承诺) or concrete (实事承诺)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: ItemType,
    /// What is promised
    #[arg(long)]
    pub text: String,
    /// Quantity to reach (承诺事项要能量化); without it the item is done or not done
    #[arg(long)]
    pub target: Option<Num>,
    /// Unit of the target (户, 次 …)
    #[arg(long, requires = "target")]
    pub unit: Option<String>,
    /// Deadline, within the letter's half-year
    #[arg(long)]
    pub due: Date,
    /// How the promise will be kept (践诺措施)
    #[arg(long)]
    pub measure: Option<String>,
    /// Item id (default: the first free of c1, c2 …)
    #[arg(long)]
    pub id: Option<String>,
    /// Half-year of the letter (default: the one containing --due, else the nearest letter)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    /// Print the change as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (session, committer) = Session::begin_for(ctx, &args.committer)?;
    let locale = session.locale;
    let mut open = session.open_for(committer, args.due, args.half)?;
    let half = open.half;
    let id = args
        .id
        .clone()
        .unwrap_or_else(|| core::next_item_id(&open.letter));
    let mut reasons = Vec::new();
    if !is_valid_id(&id) {
        reasons.push(tf(locale, "records.refuse.bad-id", &[("id", &id)]));
    }
    if open.letter.items.iter().any(|i| i.id == id) {
        reasons.push(tf(locale, "commit.refuse.duplicate-item", &[("item", &id)]));
    }
    if args.text.trim().is_empty() {
        reasons.push(tf(locale, "commit.refuse.empty-text", &[]));
    }
    if let Some(target) = args.target
        && target.0 <= rust_decimal::Decimal::ZERO
    {
        reasons.push(tf(
            locale,
            "commit.refuse.target-not-positive",
            &[("target", &target)],
        ));
    }
    if !half.contains(args.due) {
        // The item belongs in the letter of the half its due date falls in.
        let other = Period::half_of(args.due);
        let fix = if session
            .root
            .join(super::letter_path(other, open.committer.id()))
            .is_file()
        {
            format!(
                "dangjian commit item {} --half {other} --due {} …",
                open.committer.id(),
                args.due
            )
        } else {
            format!("dangjian commit new {} --half {other}", open.committer.id())
        };
        reasons.push(crate::commands::records::with_help(
            locale,
            tf(
                locale,
                "commit.refuse.due-outside",
                &[
                    ("due", &args.due),
                    ("half", &half),
                    ("start", &half.start()),
                    ("end", &half.end()),
                ],
            ),
            tf(
                locale,
                "records.due-other-half.help",
                &[("half", &other), ("command", &fix)],
            ),
        ));
    }
    let mut table = toml_edit::Table::new();
    table.insert("id", toml_edit::value(id.as_str()));
    table.insert("category", toml_edit::value(args.category.as_str()));
    table.insert("type", toml_edit::value(args.kind.as_str()));
    table.insert("text", toml_edit::value(args.text.trim()));
    if let Some(measure) = &args.measure {
        table.insert("measure", toml_edit::value(measure.as_str()));
    }
    if let Some(target) = args.target {
        table.insert("target", toml_edit::Item::Value(num_value(target)));
    }
    if let Some(unit) = &args.unit {
        table.insert("unit", toml_edit::value(unit.as_str()));
    }
    table.insert("due", toml_edit::Item::Value(date_value(args.due)));
    table.decor_mut().set_prefix("\n");
    insert_table(open.edit.doc.as_table_mut(), "item", table, None)?;
    session.finish(ctx, &open.edit, reasons, args.dry_run)
}
