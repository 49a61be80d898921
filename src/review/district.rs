//! Scores over a district (SPEC §10): each workspace of the district is scored under its own
//! `[review]` (weights, trim, grades, quotas), on its own sheets, and the results are put side
//! by side. Quota groups never span workspaces, as each group is an organization of one of them.
//! Grades are carried by id: a grade is shown through the including workspace's grade table, so
//! the workspaces of a district share their grade ids (the defaults do).

use super::annual::{self, AnnualResult};
use super::period::{self, Missing, PeriodResult, SubjectKind, grade_table};
use crate::model::{Period, ReviewSettings};
use crate::workspace::Workspace;

/// The views of a district: the including workspace (its own sheets) and each included one,
/// with the workspace id each stands for. `None` for a workspace without includes.
fn views(ws: &Workspace) -> Option<Vec<(String, Workspace)>> {
    if ws.parts.is_empty() {
        return None;
    }
    let mut out = vec![(ws.settings.root.clone(), ws.part_view(None))];
    for p in &ws.parts {
        out.push((p.id.clone(), ws.part_view(Some(p))));
    }
    Some(out)
}

/// The index in `to`'s grade table of the grade `gi` of `from`'s table (same id), or `gi`.
fn regrade(from: &ReviewSettings, to: &ReviewSettings, kind: SubjectKind, gi: usize) -> usize {
    let id = grade_table(from, kind).get(gi).map(|g| g.id.clone());
    id.and_then(|id| grade_table(to, kind).iter().position(|g| g.id == id))
        .unwrap_or(gi)
}

/// Whether a missing subject belongs to the view's workspace (the including workspace's view
/// holds every member of the district, but reviews only its own).
fn own_missing(ws: &Workspace, id: &str, m: &Missing) -> bool {
    if m.row.is_some() {
        return true;
    }
    let path = match m.subject.kind {
        SubjectKind::Member => ws.member_rec(&m.subject.id).map(|r| r.path.as_str()),
        SubjectKind::Org => ws.org_rec(&m.subject.id).map(|r| r.path.as_str()),
    };
    path.is_none_or(|p| ws.workspace_of(p) == id)
}

/// A period over the whole district (`period::compute` for a single workspace).
pub fn compute_period(ws: &Workspace, p: Period) -> PeriodResult {
    let Some(views) = views(ws) else {
        return period::compute(ws, p);
    };
    let to = &ws.settings.review;
    let mut out = PeriodResult {
        period: p,
        scale: to.scale,
        subjects: Vec::new(),
        missing: Vec::new(),
        quotas: Default::default(),
    };
    for (id, view) in &views {
        let r = period::compute(view, p);
        let from = &view.settings.review;
        for mut s in r.subjects {
            let kind = s.subject.kind;
            s.graded.grade = regrade(from, to, kind, s.graded.grade);
            s.graded.threshold = regrade(from, to, kind, s.graded.threshold);
            out.subjects.push(s);
        }
        out.missing
            .extend(r.missing.into_iter().filter(|m| own_missing(ws, id, m)));
        out.quotas.extend(r.quotas);
    }
    period::sort_subjects(&mut out.subjects);
    period::rank_overall(&mut out.subjects);
    period::sort_missing(&mut out.missing);
    out
}

/// A year over the whole district (`annual::compute` for a single workspace).
pub fn compute_annual(ws: &Workspace, year: i32) -> AnnualResult {
    let Some(views) = views(ws) else {
        return annual::compute(ws, year);
    };
    let to = &ws.settings.review;
    let mut out = AnnualResult {
        year,
        scale: to.scale,
        subjects: Vec::new(),
        missing: Vec::new(),
        quotas: Default::default(),
        unscored_recorded: Vec::new(),
    };
    for (id, view) in &views {
        let r = annual::compute(view, year);
        let from = &view.settings.review;
        for mut s in r.subjects {
            let kind = s.subject.kind;
            s.graded.grade = regrade(from, to, kind, s.graded.grade);
            s.graded.threshold = regrade(from, to, kind, s.graded.threshold);
            out.subjects.push(s);
        }
        out.missing
            .extend(r.missing.into_iter().filter(|m| own_missing(ws, id, m)));
        out.quotas.extend(r.quotas);
        out.unscored_recorded.extend(r.unscored_recorded);
    }
    out.subjects.sort_by(|a, b| {
        (a.subject.kind, std::cmp::Reverse(a.score), &a.subject.id).cmp(&(
            b.subject.kind,
            std::cmp::Reverse(b.score),
            &b.subject.id,
        ))
    });
    let ranks = period::overall_ranks(out.subjects.iter().map(|s| (s.subject.kind, s.score)));
    for (s, r) in out.subjects.iter_mut().zip(ranks) {
        s.rank_overall = r;
    }
    period::sort_missing(&mut out.missing);
    out
}

/// The `[review]` a record at `path` (a district path) is scored under: its workspace's.
pub fn settings_of<'a>(ws: &'a Workspace, path: &str) -> &'a ReviewSettings {
    ws.part_of(path)
        .map_or(&ws.settings.review, |p| &p.settings.value.review)
}
