//! `dangjian org list [--format table|json|csv]`.

use anyhow::Result;

use super::party_members_of;
use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t};
use crate::model::Date;
use crate::report::{self, Cell, Column, Document, Table};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

/// The listing as a document (pure), organizations sorted by id.
pub fn build(ws: &Workspace, as_of: Date, locale: Locale) -> Document {
    let cols = [
        ("id", "org.col.id"),
        ("name", "org.col.name"),
        ("kind", "org.col.kind"),
        ("sector", "org.col.sector"),
        ("parent", "org.col.parent"),
        ("role", "org.col.role"),
        ("secretary", "org.col.secretary"),
        ("members", "org.col.members"),
    ];
    let mut table = Table::new(
        "orgs",
        t(locale, "org.list.title"),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    );
    let mut orgs: Vec<_> = ws.orgs.iter().map(|r| &r.value).collect();
    orgs.sort_by(|a, b| a.id.cmp(&b.id));
    for o in orgs {
        table.rows.push(vec![
            Cell::text(&o.id),
            Cell::text(&o.name),
            Cell::text(o.kind.label(locale)),
            Cell::text(o.sector.label(locale)),
            Cell::opt_text(o.parent.as_deref()),
            Cell::opt_text(o.role.as_deref()),
            Cell::opt_text(o.secretary.as_deref().map(|s| ws.name_of(s))),
            Cell::Int(i64::try_from(party_members_of(ws, &o.id, as_of)).unwrap_or(i64::MAX)),
        ]);
    }
    Document {
        title: t(locale, "org.list.title").to_string(),
        meta: Vec::new(),
        tables: vec![table],
        ..Document::default()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let doc = build(
        &loaded.ws,
        ctx.as_of,
        super::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["orgs"],
        locale,
    ))
}
