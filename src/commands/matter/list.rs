//! `dangjian matter list [--step] [--org] [--year] [--format]`: one row per matter.

use anyhow::Result;

use super::{ListFormat, print_doc};
use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t};
use crate::model::{Date, Step};
use crate::report::{Cell, Column, Document, Table};
use crate::workflow::sixstep::matter_percent;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only matters at this step
    #[arg(long)]
    pub step: Option<Step>,
    /// Only matters owned by this organization or below it
    #[arg(long)]
    pub org: Option<String>,
    /// Only matters of this year
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long)]
    pub year: Option<i32>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let mut args = args;
    if let Some(o) = &args.org {
        args.org = Some(crate::commands::org::find_org(
            &loaded.ws,
            o,
            loaded.locale,
        )?);
    }
    let doc = listing(
        &loaded.ws,
        &args,
        ctx.as_of,
        args.format.content_locale(loaded.locale),
    );
    print_doc(ctx, &doc, args.format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["matters"],
        locale,
    ))
}

fn listing(ws: &Workspace, args: &Args, as_of: Date, locale: Locale) -> Document {
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let mut table = Table::new(
        "matters",
        t(locale, "matter.report.matters"),
        vec![
            col("id", "matter.col.id"),
            col("name", "matter.col.name"),
            col("org", "matter.col.org"),
            col("year", "matter.col.year"),
            col("step", "matter.col.step"),
            col("step_name", "matter.col.step-name"),
            col("tasks", "matter.col.tasks"),
            col("completion", "matter.col.completion"),
        ],
    );
    let mut matters: Vec<_> = ws
        .matters
        .iter()
        .filter(|m| args.step.is_none_or(|s| m.step == s))
        .filter(|m| args.year.is_none_or(|y| m.year == y))
        .filter(|m| args.org.as_deref().is_none_or(|o| ws.is_within(&m.org, o)))
        .collect();
    matters.sort_by(|a, b| (a.year, a.id.as_str()).cmp(&(b.year, b.id.as_str())));
    for m in matters {
        table.rows.push(vec![
            Cell::text(&m.id),
            Cell::text(&m.name),
            Cell::text(&m.org),
            Cell::Int(i64::from(m.year)),
            Cell::text(m.step.as_str()),
            Cell::text(m.step.label(locale)),
            Cell::Int(m.tasks.len() as i64),
            matter_percent(m, as_of).map_or(Cell::Empty, Cell::num),
        ]);
    }
    Document {
        title: String::new(),
        meta: Vec::new(),
        tables: vec![table],
        ..Document::default()
    }
}
