//! The tables a district adds to its reports (SPEC §10): the communities (the included roots
//! and their subtrees) ranked by task completion for `report progress`, and each community's
//! grade distribution for `report review` and `report annual`. Absent for a single workspace.

use rust_decimal::Decimal;

use super::progress::month_end;
use super::review::grade_label;
use crate::i18n::{Locale, t};
use crate::model::Date;
use crate::report::{Cell, Chart, Column, Table};
use crate::review::period::{Subject, SubjectKind, grade_table, within};
use crate::workflow::sixstep::{OrgCompletion, org_completion};
use crate::workspace::Workspace;

/// The communities of a district: the roots of its included workspaces, by id.
fn communities(ws: &Workspace) -> Vec<&str> {
    ws.parts.iter().map(|p| p.id.as_str()).collect()
}

/// A community's completion at the end of `month`: every task of the month's year whose
/// organization lies in the community's subtree, whoever set it.
pub fn completion(ws: &Workspace, community: &str, month: Date) -> OrgCompletion {
    let end = month_end(month);
    let year = chrono::Datelike::year(&month.0);
    let matters = super::matters_of(ws, year);
    let mut total = OrgCompletion::default();
    for o in ws.subtree(community) {
        let c = org_completion(matters.iter().copied(), &o.id, end);
        total.tasks += c.tasks;
        total.completed += c.completed;
        total.achieved += c.achieved;
    }
    total
}

/// The communities ranked by completion (ties share a rank, listed by id), for `report
/// progress`; `None` without includes.
pub fn progress(ws: &Workspace, month: Date, locale: Locale) -> Option<Table> {
    if ws.parts.is_empty() {
        return None;
    }
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let mut table = Table::new(
        "communities",
        t(locale, "district.report.communities"),
        vec![
            col("rank", "matter.col.rank"),
            col("community", "district.col.community"),
            col("name", "matter.col.org-name"),
            col("tasks", "matter.col.tasks"),
            col("completed", "matter.col.completed"),
            col("completion", "matter.col.completion"),
        ],
    );
    let mut rows: Vec<(&str, OrgCompletion, Decimal)> = communities(ws)
        .into_iter()
        .map(|c| {
            let done = completion(ws, c, month);
            let p = done.percent().unwrap_or(Decimal::ZERO);
            (c, done, p)
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(b.0)));
    let mut rank = 0;
    for (i, (c, done, p)) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].2 != *p {
            rank = i + 1;
        }
        table.rows.push(vec![
            Cell::Int(rank as i64),
            Cell::text(*c),
            Cell::text(ws.name_of(c)),
            Cell::Int(done.tasks as i64),
            Cell::Int(done.completed as i64),
            done.percent().map_or(Cell::Empty, Cell::num),
        ]);
    }
    table.chart = Some(Chart::Bars { label: 2, value: 5 });
    Some(table)
}

/// Each community's grade distribution over graded subjects (kind, subject, grade index in the
/// district's tables): one row per community, kind and grade; `None` without includes.
pub fn grades<'a>(
    ws: &Workspace,
    graded: impl Iterator<Item = (&'a Subject, usize)>,
    locale: Locale,
) -> Option<Table> {
    if ws.parts.is_empty() {
        return None;
    }
    let graded: Vec<(&Subject, usize)> = graded.collect();
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let mut table = Table::new(
        "community_grades",
        t(locale, "district.report.grades"),
        vec![
            col("community", "district.col.community"),
            col("name", "matter.col.org-name"),
            col("kind", "district.col.kind"),
            col("grade", "district.col.grade"),
            col("count", "district.col.count"),
        ],
    );
    let settings = &ws.settings.review;
    for c in communities(ws) {
        for kind in [SubjectKind::Member, SubjectKind::Org] {
            let mine: Vec<usize> = graded
                .iter()
                .filter(|(s, _)| s.kind == kind && within(ws, s, c))
                .map(|(_, g)| *g)
                .collect();
            if mine.is_empty() {
                continue;
            }
            for (gi, g) in grade_table(settings, kind).iter().enumerate() {
                table.rows.push(vec![
                    Cell::text(c),
                    Cell::text(ws.name_of(c)),
                    Cell::text(kind.as_str()),
                    Cell::text(grade_label(g, locale)),
                    Cell::Int(mine.iter().filter(|x| **x == gi).count() as i64),
                ]);
            }
        }
    }
    Some(table)
}
