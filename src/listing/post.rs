//! The documents of `post list` and `post show`.

use super::{entry_no, table};
use crate::i18n::{Locale, t};
use crate::model::{Date, Post};
use crate::report::{Cell, Column, Document, Table};
use crate::workflow::post as core;
use crate::workspace::Workspace;

/// Filters of the listing.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub org: Option<String>,
    pub vacant: bool,
    pub member: Option<String>,
}

/// Whether the post can take someone on `date`: inside its window, with a free place.
pub fn is_vacant(post: &Post, date: Date) -> bool {
    if !core::in_window(post, date) {
        return false;
    }
    match core::vacancies_on(post, date) {
        Some(v) => v > 0,
        None => core::serving_on(post, date).is_empty(),
    }
}

/// The listing as a document (pure).
pub fn list(ws: &Workspace, filter: &Filter, as_of: Date, locale: Locale) -> Document {
    let cols = [
        ("id", "post.col.id"),
        ("name", "post.col.name"),
        ("org", "post.col.org"),
        ("kind", "post.col.kind"),
        ("from", "post.col.from"),
        ("until", "post.col.until"),
        ("capacity", "post.col.capacity"),
        ("serving", "post.col.serving"),
        ("vacant", "post.col.vacant"),
        ("holders", "post.col.holders"),
        ("duties", "post.col.duties"),
    ];
    let mut table = Table::new(
        "posts",
        t(locale, "post.list.title"),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    );
    let sep = if locale == Locale::ZhCn { "、" } else { ", " };
    let mut posts: Vec<&Post> = ws.posts.iter().map(|r| &r.value).collect();
    posts.sort_by(|a, b| a.id.cmp(&b.id));
    for p in posts {
        if filter
            .org
            .as_deref()
            .is_some_and(|o| !ws.is_within(&p.org, o))
        {
            continue;
        }
        if filter.vacant && !is_vacant(p, as_of) {
            continue;
        }
        if filter
            .member
            .as_deref()
            .is_some_and(|m| !p.holders.iter().any(|h| h.member == m))
        {
            continue;
        }
        let serving = core::serving_on(p, as_of);
        table.rows.push(vec![
            Cell::text(p.id.as_str()),
            Cell::text(&p.name),
            Cell::text(p.org.as_str()),
            Cell::text(p.kind.label(locale)),
            Cell::opt_date(p.from),
            Cell::opt_date(p.until),
            p.capacity.map_or(Cell::Empty, |c| Cell::Int(i64::from(c))),
            Cell::Int(i64::try_from(serving.len()).unwrap_or(i64::MAX)),
            core::vacancies_on(p, as_of).map_or(Cell::Empty, |v| Cell::Int(i64::from(v))),
            Cell::text(
                serving
                    .iter()
                    .map(|h| ws.name_of(&h.member))
                    .collect::<Vec<_>>()
                    .join(sep),
            ),
            Cell::text(p.duties.join(sep)),
        ]);
    }
    Document {
        title: t(locale, "post.list.title").to_string(),
        meta: vec![(t(locale, "post.show.as-of").to_string(), as_of.to_string())],
        tables: vec![table],
        ..Document::default()
    }
}

/// The post as a document (pure): meta lines, then duties, targets, holders and log.
pub fn show(ws: &Workspace, p: &Post, as_of: crate::model::Date, locale: Locale) -> Document {
    let label = |k: &'static str| t(locale, k).to_string();
    let mut meta = vec![
        (label("post.col.id"), p.id.to_string()),
        (
            label("post.col.org"),
            format!("{} ({})", ws.name_of(&p.org), p.org),
        ),
        (label("post.col.kind"), p.kind.label(locale).to_string()),
    ];
    if let (Some(from), Some(until)) = (p.from, p.until) {
        meta.push((label("post.col.window"), format!("{from} – {until}")));
    }
    if let Some(c) = p.capacity {
        meta.push((label("post.col.capacity"), c.to_string()));
    }
    if let Some(l) = p.log_every {
        meta.push((label("post.col.log-every"), l.label(locale).to_string()));
    }
    let e = p.eligible();
    let sep = if locale == Locale::ZhCn { "、" } else { ", " };
    meta.push((
        label("post.col.eligible"),
        format!(
            "{}; {}; {}",
            e.status
                .iter()
                .map(|s| s.label(locale))
                .collect::<Vec<_>>()
                .join(sep),
            e.office.label(locale),
            e.scope.label(locale)
        ),
    ));
    meta.push((
        label("post.col.serving"),
        core::serving_on(p, as_of).len().to_string(),
    ));
    meta.push((label("post.show.as-of"), as_of.to_string()));
    let status: Vec<&str> = e.status.iter().map(|s| s.as_str()).collect();
    let keyed_meta = vec![
        ("id".to_string(), Cell::text(p.id.as_str())),
        ("name".to_string(), Cell::text(&p.name)),
        ("org".to_string(), Cell::text(p.org.as_str())),
        ("kind".to_string(), Cell::text(p.kind.as_str())),
        ("from".to_string(), Cell::opt_date(p.from)),
        ("until".to_string(), Cell::opt_date(p.until)),
        (
            "capacity".to_string(),
            p.capacity.map_or(Cell::Empty, |c| Cell::Int(i64::from(c))),
        ),
        (
            "log_every".to_string(),
            Cell::opt_text(p.log_every.map(|l| l.as_str())),
        ),
        ("eligible_status".to_string(), Cell::text(status.join(","))),
        ("eligible_office".to_string(), Cell::text(e.office.as_str())),
        ("eligible_scope".to_string(), Cell::text(e.scope.as_str())),
        (
            "serving".to_string(),
            Cell::Int(core::serving_on(p, as_of).len() as i64),
        ),
        ("as_of".to_string(), Cell::Date(as_of.0)),
    ];

    let mut duties = table(
        "duties",
        "post.show.duties",
        &[("duty", "post.col.duty")],
        locale,
    );
    duties.rows = p.duties.iter().map(|d| vec![Cell::text(d)]).collect();
    let mut targets = table(
        "targets",
        "post.show.targets",
        &[
            ("entry", "records.col.no"),
            ("text", "post.col.text"),
            ("value", "post.col.value"),
            ("per", "post.col.per"),
        ],
        locale,
    );
    targets.rows = p
        .targets
        .iter()
        .enumerate()
        .map(|(i, x)| {
            vec![
                entry_no(i),
                Cell::text(&x.text),
                x.value.map_or(Cell::Empty, |v| Cell::num(v.0)),
                x.per.map_or(Cell::Empty, |c| Cell::text(c.label(locale))),
            ]
        })
        .collect();
    let mut holders = table(
        "holders",
        "post.show.holders",
        &[
            ("member", "post.col.member"),
            ("name", "post.col.member-name"),
            ("claimed", "post.col.claimed"),
            ("confirmed", "post.col.confirmed"),
            ("published", "post.col.published"),
            ("ended", "post.col.ended"),
            ("end_reason", "post.col.end-reason"),
        ],
        locale,
    );
    holders.rows = p
        .holders
        .iter()
        .map(|h| {
            vec![
                Cell::text(h.member.as_str()),
                Cell::text(ws.name_of(&h.member)),
                Cell::opt_date(h.claimed),
                Cell::opt_date(h.confirmed),
                Cell::opt_date(h.published),
                Cell::opt_date(h.ended),
                Cell::opt_text(h.end_reason.as_deref()),
            ]
        })
        .collect();
    let mut log = table(
        "log",
        "post.show.log",
        &[
            ("entry", "records.col.no"),
            ("date", "post.col.date"),
            ("member", "post.col.member"),
            ("name", "post.col.member-name"),
            ("text", "post.col.text"),
            ("hours", "post.col.hours"),
        ],
        locale,
    );
    log.rows = p
        .logs
        .iter()
        .enumerate()
        .map(|(i, l)| {
            vec![
                entry_no(i),
                Cell::Date(l.date.0),
                Cell::text(l.member.as_str()),
                Cell::text(ws.name_of(&l.member)),
                Cell::text(&l.text),
                l.hours.map_or(Cell::Empty, |h| Cell::num(h.0)),
            ]
        })
        .collect();
    Document {
        title: p.name.clone(),
        meta,
        tables: vec![duties, targets, holders, log],
        report: "post".into(),
        keyed_meta,
    }
}
