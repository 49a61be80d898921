//! The documents of `org list`, `org show` and `org tree`.

use super::table;
use crate::i18n::{Locale, t};
use crate::model::{Date, Org};
use crate::report::{Cell, Column, Document, Table};
use crate::workflow::post as post_core;
use crate::workspace::Workspace;

/// The listing as a document (pure), organizations sorted by id.
pub fn list(ws: &Workspace, as_of: Date, locale: Locale) -> Document {
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

/// The organization as a document (pure).
pub fn show(ws: &Workspace, o: &Org, as_of: Date, locale: Locale) -> Document {
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
            Cell::Int(i64::try_from(party_members_of(ws, &k.id, as_of)).unwrap_or(i64::MAX)),
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
            Cell::text(m.id.as_str()),
            Cell::text(m.name.as_str()),
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
            Cell::text(p.id.as_str()),
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
pub fn tree(nodes: &[Node], locale: Locale) -> Document {
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

/// Party members (full and probationary) present on `as_of` whose `org` is `id`.
pub fn party_members_of(ws: &Workspace, id: &str, as_of: Date) -> usize {
    ws.members
        .iter()
        .filter(|m| m.org == id && m.is_party_member() && m.present_on(as_of))
        .count()
}
