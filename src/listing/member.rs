//! The documents of `member list` and `member show`.

use crate::i18n::{Locale, t};
use crate::model::Member;
use crate::report::{Cell, Column, Document, Table};
use crate::workspace::Workspace;

/// The listing as a document (pure), members sorted by id.
pub fn list(ws: &Workspace, org: Option<&str>, locale: Locale) -> Document {
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
            Cell::text(m.id.as_str()),
            Cell::text(m.name.as_str()),
            Cell::text(m.org.as_str()),
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

/// A TOML value as display text (strings without quotes).
fn plain(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The member as a document (pure). `private` adds the `[private]` table.
pub fn show(ws: &Workspace, m: &Member, private: bool, locale: Locale) -> Document {
    let label = |k: &'static str| t(locale, k).to_string();
    let mut meta = vec![
        (label("member.col.id"), m.id.to_string()),
        (
            label("member.col.org"),
            format!("{} ({})", ws.name_of(&m.org), m.org),
        ),
        (
            label("member.col.status"),
            m.status.label(locale).to_string(),
        ),
        (
            label("member.col.office"),
            m.office.label(locale).to_string(),
        ),
    ];
    if let Some(j) = m.joined {
        meta.push((label("member.col.joined"), j.to_string()));
    }
    if let Some(l) = &m.lives_in {
        meta.push((
            label("member.col.lives-in"),
            format!("{} ({l})", ws.name_of(l)),
        ));
    }
    if let Some(l) = m.left {
        meta.push((label("member.col.left"), l.to_string()));
    }
    let keyed_meta = vec![
        ("id".to_string(), Cell::text(m.id.as_str())),
        ("name".to_string(), Cell::text(m.name.as_str())),
        ("org".to_string(), Cell::text(m.org.as_str())),
        ("status".to_string(), Cell::text(m.status.as_str())),
        ("office".to_string(), Cell::text(m.office.as_str())),
        ("joined".to_string(), Cell::opt_date(m.joined)),
        (
            "lives_in".to_string(),
            Cell::opt_text(m.lives_in.as_deref()),
        ),
        ("left".to_string(), Cell::opt_date(m.left)),
    ];
    let mut posts = Table::new(
        "posts",
        t(locale, "member.show.posts"),
        [
            ("post", "post.col.id"),
            ("name", "post.col.name"),
            ("claimed", "post.col.claimed"),
            ("confirmed", "post.col.confirmed"),
            ("published", "post.col.published"),
            ("ended", "post.col.ended"),
        ]
        .iter()
        .map(|(k, l)| Column::new(k, t(locale, l)))
        .collect(),
    );
    let mut held: Vec<_> = ws
        .posts
        .iter()
        .flat_map(|p| {
            p.holders
                .iter()
                .filter(|h| h.member == m.id)
                .map(move |h| (&p.value, h))
        })
        .collect();
    held.sort_by(|a, b| {
        (a.1.confirmed.or(a.1.claimed), &a.0.id).cmp(&(b.1.confirmed.or(b.1.claimed), &b.0.id))
    });
    for (p, h) in held {
        posts.rows.push(vec![
            Cell::text(p.id.as_str()),
            Cell::text(&p.name),
            Cell::opt_date(h.claimed),
            Cell::opt_date(h.confirmed),
            Cell::opt_date(h.published),
            Cell::opt_date(h.ended),
        ]);
    }
    let mut tables = vec![posts];
    if private {
        let mut table = Table::new(
            "private",
            t(locale, "member.show.private"),
            vec![
                Column::new("key", t(locale, "member.col.key")),
                Column::new("value", t(locale, "member.col.value")),
            ],
        );
        if let Some(p) = &m.private {
            for (k, v) in &p.0 {
                let label = crate::i18n::lookup(locale, &format!("member.private.{k}"));
                table.rows.push(vec![
                    Cell::keyword(k.as_str(), label.unwrap_or(k.as_str())),
                    Cell::text(plain(v)),
                ]);
            }
        }
        tables.push(table);
    }
    Document {
        title: m.name.to_string(),
        meta,
        tables,
        report: "member".into(),
        keyed_meta,
    }
}
