//! `dangjian org show <org> [--format table|json|csv]`: an organization with its
//! sub-organizations, its members and its posts.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t};
use crate::model::{Date, Org};
use crate::report::{self, Cell, Column, Document, Table};
use crate::workflow::post as post_core;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Organization id or name
    pub org: String,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

fn table(
    id: &str,
    title_key: &'static str,
    cols: &[(&str, &'static str)],
    locale: Locale,
) -> Table {
    Table::new(
        id,
        t(locale, title_key),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    )
}

/// The organization as a document (pure).
pub fn build(ws: &Workspace, o: &Org, as_of: Date, locale: Locale) -> Document {
    let label = |k: &'static str| t(locale, k).to_string();
    let mut meta = vec![
        (label("org.col.id"), o.id.clone()),
        (label("org.col.kind"), o.kind.label(locale).to_string()),
        (label("org.col.sector"), o.sector.label(locale).to_string()),
    ];
    if let Some(p) = &o.parent {
        meta.push((label("org.col.parent"), format!("{} ({p})", ws.name_of(p))));
    }
    if let Some(r) = &o.role {
        let name = ws
            .settings
            .roles
            .iter()
            .find(|x| &x.id == r)
            .map_or(r.as_str(), |x| x.name.as_str());
        meta.push((label("org.col.role"), name.to_string()));
    }
    if let Some(s) = &o.secretary {
        meta.push((
            label("org.col.secretary"),
            format!("{} ({s})", ws.name_of(s)),
        ));
    }
    let keyed_meta = vec![
        ("id".to_string(), Cell::text(&o.id)),
        ("name".to_string(), Cell::text(&o.name)),
        ("kind".to_string(), Cell::text(o.kind.as_str())),
        ("sector".to_string(), Cell::text(o.sector.as_str())),
        ("parent".to_string(), Cell::opt_text(o.parent.as_deref())),
        ("role".to_string(), Cell::opt_text(o.role.as_deref())),
        (
            "secretary".to_string(),
            Cell::opt_text(o.secretary.as_deref()),
        ),
    ];
    let mut children = table(
        "children",
        "org.col.children",
        &[
            ("id", "org.col.id"),
            ("name", "org.col.name"),
            ("kind", "org.col.kind"),
            ("members", "org.col.members"),
        ],
        locale,
    );
    let mut kids: Vec<&Org> = ws.children(&o.id).collect();
    kids.sort_by(|a, b| a.id.cmp(&b.id));
    for k in kids {
        children.rows.push(vec![
            Cell::text(&k.id),
            Cell::text(&k.name),
            Cell::text(k.kind.label(locale)),
            Cell::Int(i64::try_from(super::party_members_of(ws, &k.id, as_of)).unwrap_or(i64::MAX)),
        ]);
    }
    let mut members = table(
        "members",
        "member.list.title",
        &[
            ("id", "member.col.id"),
            ("name", "member.col.name"),
            ("status", "member.col.status"),
            ("office", "member.col.office"),
        ],
        locale,
    );
    let mut ms: Vec<_> = ws
        .members
        .iter()
        .filter(|m| m.org == o.id && m.present_on(as_of))
        .collect();
    ms.sort_by(|a, b| a.id.cmp(&b.id));
    for m in ms {
        members.rows.push(vec![
            Cell::text(&m.id),
            Cell::text(&m.name),
            Cell::text(m.status.label(locale)),
            Cell::text(m.office.label(locale)),
        ]);
    }
    let mut posts = table(
        "posts",
        "org.col.posts",
        &[
            ("id", "post.col.id"),
            ("name", "post.col.name"),
            ("serving", "post.col.serving"),
            ("capacity", "post.col.capacity"),
        ],
        locale,
    );
    let mut ps: Vec<_> = ws.posts.iter().filter(|p| p.org == o.id).collect();
    ps.sort_by(|a, b| a.id.cmp(&b.id));
    for p in ps {
        posts.rows.push(vec![
            Cell::text(&p.id),
            Cell::text(&p.name),
            Cell::Int(i64::try_from(post_core::serving_on(p, as_of).len()).unwrap_or(i64::MAX)),
            p.capacity.map_or(Cell::Empty, |c| Cell::Int(i64::from(c))),
        ]);
    }
    Document {
        title: o.name.clone(),
        meta,
        tables: vec![children, members, posts],
        report: "org".into(),
        keyed_meta,
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let id = super::find_org(ws, &args.org, loaded.locale)?;
    let org = ws
        .org(&id)
        .ok_or_else(|| anyhow::anyhow!("organization {id} vanished"))?;
    let doc = build(ws, org, ctx.as_of, super::doc_locale(format, loaded.locale));
    crate::commands::print_doc(ctx, &doc, format)?;
    Ok(Exit::Success)
}
