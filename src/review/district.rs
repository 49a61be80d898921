//! Scores over a district (SPEC §10): each workspace of the district is scored under its own
//! `[review]` (weights, trim, grades, quotas), on its own sheets, and the results are put side
//! by side. Quota groups never span workspaces, as each group is an organization of one of them.
//! Grades are carried by id: a grade is shown through the including workspace's grade table, so
//! the workspaces of a district share their grade ids (the defaults do).

use std::collections::BTreeMap;

use super::annual::{self, AnnualResult};
use super::grades::GroupQuota;
use super::period::{self, Detail, Gradable, Missing, PeriodResult, SubjectKind, grade_table};
use crate::model::{Period, ReviewSettings};
use crate::workspace::Workspace;

/// The views of a district: the including workspace (its own sheets) and each included one,
/// with the workspace id each stands for, each made when it is reached (and dropped after), so
/// that at most one copy is held at a time. `None` for a workspace without includes.
fn views(ws: &Workspace) -> Option<impl Iterator<Item = (String, Workspace)> + '_> {
    if ws.parts.is_empty() {
        return None;
    }
    let own = std::iter::once((ws.settings.root.clone(), None));
    let parts = ws.parts.iter().map(|p| (p.id.clone(), Some(p)));
    Some(own.chain(parts).map(|(id, p)| (id, ws.part_view(p))))
}

/// The index in `to`'s grade table of the grade `gi` of `from`'s table (same id), or `gi`.
fn regrade(from: &ReviewSettings, to: &ReviewSettings, kind: SubjectKind, gi: usize) -> usize {
    let id = grade_table(from, kind).get(gi).map(|g| g.id.clone());
    id.and_then(|id| grade_table(to, kind).iter().position(|g| g.id == id))
        .unwrap_or(gi)
}

/// A subject graded under its own workspace's `from`, its grades carried into `to`'s table.
fn regrade_subject<S: Gradable>(from: &ReviewSettings, to: &ReviewSettings, s: &mut S) {
    let kind = s.subject().kind;
    let graded = s.graded_mut();
    graded.grade = regrade(from, to, kind, graded.grade);
    graded.threshold = regrade(from, to, kind, graded.threshold);
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
    compute_period_detail(ws, p, Detail::Full)
}

/// `compute_period`, keeping `detail` of each subject.
pub fn compute_period_detail(ws: &Workspace, p: Period, detail: Detail) -> PeriodResult {
    let Some(views) = views(ws) else {
        return period::compute_detail(ws, p, detail);
    };
    let mut all = Merged::new(ws);
    for (id, view) in views {
        let r = period::compute_detail(&view, p, detail);
        all.add(&id, &view.settings.review, r.subjects, r.missing, r.quotas);
    }
    let all = all.sorted();
    PeriodResult {
        period: p,
        scale: ws.settings.review.scale,
        subjects: all.subjects,
        missing: all.missing,
        quotas: all.quotas,
    }
}

/// A year over the whole district (`annual::compute` for a single workspace).
pub fn compute_annual(ws: &Workspace, year: i32) -> AnnualResult {
    let Some(views) = views(ws) else {
        return annual::compute(ws, year);
    };
    let mut all = Merged::new(ws);
    let mut unscored_recorded = Vec::new();
    for (id, view) in views {
        let r = annual::compute(&view, year);
        all.add(&id, &view.settings.review, r.subjects, r.missing, r.quotas);
        unscored_recorded.extend(r.unscored_recorded);
    }
    let all = all.sorted();
    AnnualResult {
        year,
        scale: ws.settings.review.scale,
        subjects: all.subjects,
        missing: all.missing,
        quotas: all.quotas,
        unscored_recorded,
    }
}

/// The results of the district's workspaces put side by side, period or annual alike, in the
/// grades of the including workspace `ws`.
struct Merged<'w, S> {
    ws: &'w Workspace,
    subjects: Vec<S>,
    missing: Vec<Missing>,
    quotas: BTreeMap<(SubjectKind, String), GroupQuota>,
}

impl<'w, S: Gradable> Merged<'w, S> {
    fn new(ws: &'w Workspace) -> Self {
        Merged {
            ws,
            subjects: Vec::new(),
            missing: Vec::new(),
            quotas: BTreeMap::new(),
        }
    }

    /// Adds the results of the view `id`, scored under `from`: its subjects with their grades
    /// carried into the district's table, its own missing subjects, its quotas.
    fn add(
        &mut self,
        id: &str,
        from: &ReviewSettings,
        subjects: Vec<S>,
        missing: Vec<Missing>,
        quotas: BTreeMap<(SubjectKind, String), GroupQuota>,
    ) {
        let to = &self.ws.settings.review;
        for mut s in subjects {
            regrade_subject(from, to, &mut s);
            self.subjects.push(s);
        }
        let ws = self.ws;
        self.missing
            .extend(missing.into_iter().filter(|m| own_missing(ws, id, m)));
        self.quotas.extend(quotas);
    }

    /// Sorted and ranked over the district.
    fn sorted(mut self) -> Self {
        period::sort_subjects(&mut self.subjects);
        period::rank_overall(&mut self.subjects);
        period::sort_missing(&mut self.missing);
        self
    }
}

/// The `[review]` a record at `path` (a district path) is scored under: its workspace's.
pub fn settings_of<'a>(ws: &'a Workspace, path: &str) -> &'a ReviewSettings {
    ws.part_of(path)
        .map_or(&ws.settings.review, |p| &p.settings.value.review)
}
