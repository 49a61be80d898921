//! `dangjian member list [--org O] [--format table|json|csv]`: never shows `[private]` data.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t};
use crate::report::{self, Cell, Column, Document, Table};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only members of this organization and those below it
    #[arg(long)]
    pub org: Option<String>,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

/// The listing as a document (pure), members sorted by id.
pub fn build(ws: &Workspace, org: Option<&str>, locale: Locale) -> Document {
    let cols = [
        ("id", "member.col.id"),
        ("name", "member.col.name"),
        ("org", "member.col.org"),
        ("status", "member.col.status"),
        ("office", "member.col.office"),
        ("joined", "member.col.joined"),
        ("lives_in", "member.col.lives-in"),
        ("left", "member.col.left"),
    ];
    let mut table = Table::new(
        "members",
        t(locale, "member.list.title"),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    );
    let mut ms: Vec<_> = ws
        .members
        .iter()
        .map(|r| &r.value)
        .filter(|m| org.is_none_or(|o| ws.is_within(&m.org, o)))
        .collect();
    ms.sort_by(|a, b| a.id.cmp(&b.id));
    for m in ms {
        table.rows.push(vec![
            Cell::text(&m.id),
            Cell::text(&m.name),
            Cell::text(&m.org),
            Cell::text(m.status.label(locale)),
            Cell::text(m.office.label(locale)),
            Cell::opt_date(m.joined),
            Cell::opt_text(m.lives_in.as_deref()),
            Cell::opt_date(m.left),
        ]);
    }
    Document {
        title: t(locale, "member.list.title").to_string(),
        meta: Vec::new(),
        tables: vec![table],
        ..Document::default()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let org = match &args.org {
        Some(o) => Some(crate::commands::org::find_org(
            &loaded.ws,
            o,
            loaded.locale,
        )?),
        None => None,
    };
    let doc = build(
        &loaded.ws,
        org.as_deref(),
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["members"],
        locale,
    ))
}
