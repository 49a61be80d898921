//! `dangjian org tree [--format table|json|csv]`: the organization tree, indented, with the
//! number of Party members of each organization and of its subtree.

use anyhow::Result;

use super::party_members_of;
use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t};
use crate::model::{Date, Org};
use crate::report::{self, Cell, Column, Document, Table};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start at this organization (default: every top organization)
    pub org: Option<String>,
    /// Output format (table prints an indented tree)
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

/// One line of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub depth: usize,
    pub id: String,
    pub name: String,
    pub kind: String,
    pub members: usize,
    pub subtree_members: usize,
    /// Whether this is the last child of its parent (for drawing).
    pub last: bool,
    /// For each ancestor level, whether a line continues below it.
    pub rails: Vec<bool>,
}

/// The tree's nodes in depth-first order (pure). Tops: `start`, or every organization without
/// a known parent, the workspace root first.
pub fn nodes(ws: &Workspace, start: Option<&str>, as_of: Date, locale: Locale) -> Vec<Node> {
    let mut tops: Vec<&Org> = match start {
        Some(id) => ws.org(id).into_iter().collect(),
        None => ws
            .orgs
            .iter()
            .map(|r| &r.value)
            .filter(|o| o.parent.as_deref().is_none_or(|p| ws.org(p).is_none()))
            .collect(),
    };
    let root = ws.settings.root.as_str();
    tops.sort_by_key(|o| (o.id != root, o.id.clone()));
    let mut out = Vec::new();
    let count = tops.len();
    for (i, top) in tops.into_iter().enumerate() {
        walk(
            ws,
            top,
            0,
            i + 1 == count,
            &mut Vec::new(),
            as_of,
            locale,
            &mut out,
        );
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn walk(
    ws: &Workspace,
    org: &Org,
    depth: usize,
    last: bool,
    rails: &mut Vec<bool>,
    as_of: Date,
    locale: Locale,
    out: &mut Vec<Node>,
) {
    if depth > 64 || rails.len() > 64 {
        return;
    }
    let subtree_members = ws
        .subtree(&org.id)
        .iter()
        .map(|o| party_members_of(ws, &o.id, as_of))
        .sum();
    out.push(Node {
        depth,
        id: org.id.clone(),
        name: org.name.clone(),
        kind: org.kind.label(locale).to_string(),
        members: party_members_of(ws, &org.id, as_of),
        subtree_members,
        last,
        rails: rails.clone(),
    });
    let mut kids: Vec<&Org> = ws.children(&org.id).filter(|k| k.id != org.id).collect();
    kids.sort_by(|a, b| a.id.cmp(&b.id));
    let n = kids.len();
    rails.push(!last);
    for (i, kid) in kids.into_iter().enumerate() {
        if out.iter().any(|o| o.id == kid.id) {
            continue;
        }
        walk(ws, kid, depth + 1, i + 1 == n, rails, as_of, locale, out);
    }
    rails.pop();
}

/// The tree drawn as text: `├─ name (id)  kind · members/subtree`.
pub fn draw(nodes: &[Node], locale: Locale) -> String {
    let mut out = String::new();
    out.push_str(t(locale, "org.tree.title"));
    out.push('\n');
    for n in nodes {
        let mut line = String::new();
        if n.depth > 0 {
            for rail in n.rails.iter().skip(1) {
                line.push_str(if *rail { "│  " } else { "   " });
            }
            line.push_str(if n.last { "└─ " } else { "├─ " });
        }
        let counts = match locale {
            Locale::ZhCn => format!("党员 {} 人，含下级 {} 人", n.members, n.subtree_members),
            Locale::En => format!(
                "{} members, {} with sub-organizations",
                n.members, n.subtree_members
            ),
        };
        let name = crate::diag::escape::one_line(&n.name);
        line.push_str(&format!("{name} ({})  {} · {}", n.id, n.kind, counts));
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The tree as a document for json and csv (pure).
pub fn build(nodes: &[Node], locale: Locale) -> Document {
    let cols = [
        ("id", "org.col.id"),
        ("name", "org.col.name"),
        ("kind", "org.col.kind"),
        ("depth", "org.col.depth"),
        ("members", "org.col.members"),
        ("subtree_members", "org.col.subtree-members"),
    ];
    let mut table = Table::new(
        "tree",
        t(locale, "org.tree.title"),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    );
    let int = |v: usize| Cell::Int(i64::try_from(v).unwrap_or(i64::MAX));
    for n in nodes {
        table.rows.push(vec![
            Cell::text(&n.id),
            Cell::text(&n.name),
            Cell::text(&n.kind),
            int(n.depth),
            int(n.members),
            int(n.subtree_members),
        ]);
    }
    Document {
        title: t(locale, "org.tree.title").to_string(),
        meta: Vec::new(),
        tables: vec![table],
        ..Document::default()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let start = match &args.org {
        Some(o) => Some(super::find_org(ws, o, loaded.locale)?),
        None => None,
    };
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let locale = super::doc_locale(format, loaded.locale);
    let nodes = nodes(ws, start.as_deref(), ctx.as_of, locale);
    let bytes = match format {
        report::Format::Table => draw(&nodes, locale).into_bytes(),
        format => report::render(&build(&nodes, locale), format, ctx.render_options())?,
    };
    crate::commands::emit(&bytes, None, false)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["orgs"],
        locale,
    ))
}
