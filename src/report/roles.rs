//! Roles (八个方面作用): each role of `dangjian.toml`, the organizations playing it, their tasks
//! of the year and their posts (SPEC §8). A summary table (drawn as bars in html) comes first.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::i18n::{Locale, t, tf};
use crate::model::{Date, Matter, Org, Post, PostKind, Task};
use crate::report::table::fmt_decimal;
use crate::report::{Cell, Chart, Column, Document, Table};
use crate::workspace::Workspace;

pub use super::YearOptions as Options;

/// Builds the report (pure).
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    let root = opts.org.as_deref().unwrap_or(&ws.settings.root);
    let root_name = ws.org(root).map_or(root, |o| o.name.as_str());
    let orgs = ws.subtree(root);

    let mut tasks_of: HashMap<&str, Vec<(&Matter, &Task)>> = HashMap::new();
    let mut matters = super::matters_of(ws, opts.year);
    matters.sort_by(|a, b| a.id.cmp(&b.id));
    for m in matters {
        for task in &m.tasks {
            if let Some(org) = task.org.as_deref() {
                tasks_of.entry(org).or_default().push((m, task));
            }
        }
    }
    let mut posts_of: HashMap<&str, Vec<&Post>> = HashMap::new();
    for p in &ws.posts {
        posts_of.entry(p.org.as_str()).or_default().push(&p.value);
    }
    for posts in posts_of.values_mut() {
        posts.sort_by(|a, b| a.id.cmp(&b.id));
    }

    let mut summary = Table::new(
        "summary",
        t(locale, "report.roles.summary"),
        vec![
            Column::new("role", t(locale, "report.roles.role")),
            Column::new("orgs", t(locale, "report.roles.org-count")),
            Column::new("tasks", t(locale, "report.roles.task-count")),
            Column::new("posts", t(locale, "report.roles.post-count")),
        ],
    );
    summary.chart = Some(Chart::Bars { label: 0, value: 2 });
    let mut detail = Table::new(
        "roles",
        t(locale, "report.roles.detail"),
        vec![
            Column::new("role", t(locale, "report.roles.role")),
            Column::new("org", t(locale, "report.roles.org")),
            Column::new("tasks", t(locale, "report.roles.tasks")),
            Column::new("posts", t(locale, "report.roles.posts")),
        ],
    );

    for role in &ws.settings.roles {
        let playing: Vec<&Org> = orgs
            .iter()
            .copied()
            .filter(|o| o.role.as_deref() == Some(role.id.as_str()))
            .collect();
        let (mut n_tasks, mut n_posts) = (0i64, 0i64);
        if playing.is_empty() {
            detail.rows.push(vec![
                Cell::text(&role.name),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
        }
        for org in &playing {
            let tasks = tasks_of
                .get(org.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let posts = posts_of
                .get(org.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            n_tasks += tasks.len() as i64;
            n_posts += posts.len() as i64;
            let task_lines: Vec<String> = tasks
                .iter()
                .map(|(m, task)| task_line(m, task, opts.as_of, locale))
                .collect();
            let post_lines: Vec<String> = posts
                .iter()
                .map(|p| post_line(p, opts.as_of, locale))
                .collect();
            detail.rows.push(vec![
                Cell::text(&role.name),
                Cell::text(&org.name),
                Cell::lines(&task_lines),
                Cell::lines(&post_lines),
            ]);
        }
        summary.rows.push(vec![
            Cell::text(&role.name),
            Cell::Int(playing.len() as i64),
            Cell::Int(n_tasks),
            Cell::Int(n_posts),
        ]);
    }

    let mut doc = Document {
        title: tf(
            locale,
            "report.roles.title",
            &[
                ("org", &root_name),
                ("count", &count_word(ws.settings.roles.len(), locale)),
            ],
        ),
        tables: vec![summary, detail],
        report: "roles".into(),
        ..Document::default()
    };
    doc.push_meta_shown(
        "org",
        Cell::text(root),
        t(locale, "report.meta.org"),
        root_name.to_string(),
    );
    doc.push_meta(
        "year",
        t(locale, "report.meta.year"),
        Cell::Int(i64::from(opts.year)),
    );
    doc.push_meta(
        "as_of",
        t(locale, "report.meta.as-of"),
        Cell::Date(opts.as_of.0),
    );
    doc
}

/// `老旧下水道改造：完成江滨小区下水道改造（截至 2026-11-20 完成 33%，2026-09-30 到期）`.
fn task_line(m: &Matter, task: &Task, as_of: Date, locale: Locale) -> String {
    let value = m.task_value_on(&task.id, as_of).map(|n| n.0);
    let percent = value.map(|v| match task.target {
        Some(target) if target.0 > Decimal::ZERO => {
            (v / target.0 * Decimal::ONE_HUNDRED).min(Decimal::ONE_HUNDRED)
        }
        _ => v.min(Decimal::ONE_HUNDRED),
    });
    let done = percent.map_or_else(|| "0".to_string(), fmt_decimal_0);
    match task.due {
        Some(due) => tf(
            locale,
            "report.roles.task-due",
            &[
                ("matter", &m.name),
                ("task", &task.text),
                ("percent", &done),
                ("due", &due),
            ],
        ),
        None => tf(
            locale,
            "report.roles.task",
            &[
                ("matter", &m.name),
                ("task", &task.text),
                ("percent", &done),
            ],
        ),
    }
}

fn fmt_decimal_0(d: Decimal) -> String {
    fmt_decimal(d.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

/// `平安创建岗（在岗 2 人）`; a temporary post outside its window says so.
fn post_line(p: &Post, as_of: Date, locale: Locale) -> String {
    let serving = p.holders.iter().filter(|h| h.serving_on(as_of)).count();
    let closed = p.kind == PostKind::Temporary
        && (p.from.is_some_and(|f| as_of < f) || p.until.is_some_and(|u| u < as_of));
    if closed {
        tf(locale, "report.roles.post-closed", &[("post", &p.name)])
    } else {
        tf(
            locale,
            "report.roles.post",
            &[("post", &p.name), ("count", &serving)],
        )
    }
}

/// How many roles, as the title says it: `八个` in Chinese (1 to 10), the number in English.
fn count_word(n: usize, locale: Locale) -> String {
    const ZH: [&str; 11] = [
        "", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    match (locale, ZH.get(n)) {
        (Locale::ZhCn, Some(w)) if n > 0 => format!("{w}个"),
        (Locale::ZhCn, _) => format!("{n}个"),
        (Locale::En, _) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_count_the_roles() {
        assert_eq!(count_word(8, Locale::ZhCn), "八个");
        assert_eq!(count_word(5, Locale::ZhCn), "五个");
        assert_eq!(count_word(2, Locale::ZhCn), "两个");
        assert_eq!(count_word(12, Locale::ZhCn), "12个");
        assert_eq!(count_word(0, Locale::ZhCn), "0个");
        assert_eq!(count_word(8, Locale::En), "8");
    }
}
