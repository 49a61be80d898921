//! Period scores (SPEC §6): who is reviewed, the components of each subject, the weighted base,
//! adjustments, clamping, the one rounding, then grades and ranks over the whole workspace.

use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;

use super::ballots::{Source, reduce};
use super::grades::{Entry, Graded, GroupQuota, competition_ranks, grade_all};
use super::objective::{Index, Objective};
use super::rational::Q;
use crate::model::{Date, Grade, Member, Num, OrgKind, Period, ReviewSettings, ScoreRow};
use crate::workspace::Workspace;

/// The components in the order of `[review.weights]` and of the JSON output.
pub const COMPONENTS: [&str; 5] = ["self", "peer", "leader", "masses", "objective"];

/// A member or an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubjectKind {
    Member,
    Org,
}

impl SubjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Member => "member",
            SubjectKind::Org => "org",
        }
    }
}

/// Where a subject's row is.
#[derive(Clone, Debug, PartialEq)]
pub struct RowRef {
    pub path: String,
    pub index: usize,
    /// The evaluating organization of the sheet.
    pub sheet_org: String,
    pub date: Date,
}

/// Who a result is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: String,
    pub name: String,
    /// The `org` printed: a member's organization, an organization's parent.
    pub org: Option<String>,
    /// Quota and rank group: a member's `org` (its parent when that is a party group), an
    /// organization's parent.
    pub group: String,
}

/// Why a reviewed subject has no score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingReason {
    NoRow,
    NoComponent,
    ZeroWeight,
    /// A row holding none of self, peer, leader, masses (a blank sheet), while those four do
    /// not all weigh 0.
    NoSheetScore,
    /// Annual: no part.
    NoScore,
}

impl MissingReason {
    pub fn as_str(self) -> &'static str {
        match self {
            MissingReason::NoRow => "no score row",
            MissingReason::NoComponent => "no component",
            MissingReason::ZeroWeight => "components weigh 0",
            MissingReason::NoSheetScore => "no sheet score",
            MissingReason::NoScore => "no score",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Missing {
    pub subject: Subject,
    pub reason: MissingReason,
    pub row: Option<RowRef>,
}

/// One scored subject of a period with every intermediate value.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    pub subject: Subject,
    pub row: RowRef,
    /// self, peer, leader, masses.
    pub sources: [Option<Source>; 4],
    pub objective: Objective,
    /// self, peer, leader, masses, objective.
    pub components: [Option<Q>; 5],
    pub weights: [Q; 5],
    pub base: Q,
    pub adjust: Vec<(Q, String)>,
    pub adjust_total: Q,
    /// base + adjust, before clamping.
    pub raw: Q,
    pub score: Decimal,
    pub veto: Option<String>,
    pub graded: Graded,
    pub rank_overall: usize,
}

/// The results of one period over the whole workspace (or narrowed by `narrow`).
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodResult {
    pub period: Period,
    pub scale: Num,
    pub subjects: Vec<Scored>,
    pub missing: Vec<Missing>,
    pub quotas: BTreeMap<(SubjectKind, String), GroupQuota>,
}

/// The grade tables, with the defaults standing in for an empty one.
pub fn grade_table(settings: &ReviewSettings, kind: SubjectKind) -> Vec<Grade> {
    let (table, default) = match kind {
        SubjectKind::Member => (&settings.grades, ReviewSettings::default().grades),
        SubjectKind::Org => (&settings.org_grades, ReviewSettings::default().org_grades),
    };
    if table.is_empty() {
        default
    } else {
        table.clone()
    }
}

/// Whether a member is reviewed for a window ending on `end` without a row (SPEC §6).
pub fn reviewed_member(m: &Member, end: Date) -> bool {
    m.is_party_member() && m.joined.is_none_or(|j| j <= end) && m.left.is_none_or(|l| l > end)
}

/// A row with its subject and where it is.
pub type RowOf<'a> = ((SubjectKind, &'a str), &'a ScoreRow, RowRef);

/// Every row of the period's sheets, first one per subject (sheets in path order).
pub fn rows_of(ws: &Workspace, period: Period) -> Vec<RowOf<'_>> {
    let mut sheets: Vec<_> = ws.sheets_of(period).collect();
    sheets.sort_by(|a, b| a.path.cmp(&b.path));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in sheets {
        for (i, row) in s.scores.iter().enumerate() {
            let Some((is_org, id)) = row.subject() else {
                continue;
            };
            let kind = if is_org {
                SubjectKind::Org
            } else {
                SubjectKind::Member
            };
            if !seen.insert((kind, id)) {
                continue;
            }
            out.push((
                (kind, id),
                row,
                RowRef {
                    path: s.path.clone(),
                    index: i,
                    sheet_org: s.org.to_string(),
                    date: s.date,
                },
            ));
        }
    }
    out
}

/// The subject behind an id.
pub fn subject(ws: &Workspace, kind: SubjectKind, id: &str, sheet_org: Option<&str>) -> Subject {
    match kind {
        SubjectKind::Member => {
            let m = ws.member(id);
            let org = m
                .map(|m| m.org.to_string())
                .or(sheet_org.map(str::to_string));
            Subject {
                kind,
                id: id.to_string(),
                name: m.map_or_else(|| id.to_string(), |m| m.name.to_string()),
                group: org
                    .as_deref()
                    .map_or_else(String::new, |o| member_group(ws, o)),
                org,
            }
        }
        SubjectKind::Org => {
            let o = ws.org(id);
            let parent = o.and_then(|o| o.parent.clone());
            Subject {
                kind,
                id: id.to_string(),
                name: o.map_or_else(|| id.to_string(), |o| o.name.clone()),
                group: parent.clone().unwrap_or_default(),
                org: parent,
            }
        }
    }
}

/// The quota and rank group of a member whose `org` is `org` (SPEC §6): the organization
/// itself, or its parent when it is a party group (党小组), since a party group does not hold
/// the democratic review itself.
pub fn member_group(ws: &Workspace, org: &str) -> String {
    match ws.org(org) {
        Some(o) if o.kind == OrgKind::Group => o.parent.clone().unwrap_or_else(|| org.to_string()),
        _ => org.to_string(),
    }
}

/// How much of each subject's working a period result keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Every input and step (`--explain`, the review reports, the export).
    Full,
    /// The score, grade, ranks and veto, with the components' values but not how they were
    /// reached (the ballots, commitment items and post spells): what the board prints, in a
    /// fraction of the memory.
    Scores,
}

/// Computes a period over the whole workspace.
pub fn compute(ws: &Workspace, period: Period) -> PeriodResult {
    compute_detail(ws, period, Detail::Full)
}

/// The score of every subject with a row in `period`, in the order of `compute_with`'s
/// subjects: what the annual review needs of a period. The rows are scored in parallel and each
/// explanation is dropped as soon as its score is taken.
pub fn scores_with(
    ws: &Workspace,
    index: &Index<'_>,
    period: Period,
) -> Vec<((SubjectKind, String), Decimal)> {
    use rayon::prelude::*;
    let rows = rows_of(ws, period);
    let mut scores: Vec<((SubjectKind, String), Decimal)> = rows
        .into_par_iter()
        .filter_map(|(key, row, rref)| score_row(ws, index, period, key, row, rref).ok())
        .map(|s| ((s.subject.kind, s.subject.id), s.score))
        .collect();
    // As `sort_subjects` orders them.
    scores.sort_by(|((ka, ia), sa), ((kb, ib), sb)| {
        (ka, std::cmp::Reverse(sa), ia).cmp(&(kb, std::cmp::Reverse(sb), ib))
    });
    scores
}

/// Scores one row of `period` (SPEC §6): its sources, objective, weighted base, adjustments and
/// rounded score, ungraded; or why the subject has no score.
fn score_row(
    ws: &Workspace,
    index: &Index<'_>,
    period: Period,
    (kind, id): (SubjectKind, &str),
    row: &ScoreRow,
    rref: RowRef,
) -> Result<Scored, Missing> {
    let settings = &ws.settings.review;
    let window = period.window();
    let scale = Q::from_dec(settings.scale.0);
    let weights = [
        settings.weights.self_,
        settings.weights.peer,
        settings.weights.leader,
        settings.weights.masses,
        settings.weights.objective,
    ]
    .map(|w| Q::from_dec(w.0));
    let subj = subject(ws, kind, id, Some(&rref.sheet_org));
    let sources = [&row.self_score, &row.peer, &row.leader, &row.masses]
        .map(|v| v.as_ref().and_then(|v| reduce(v, settings.trim)));
    let objective = match kind {
        SubjectKind::Member => index.member(id, window, scale),
        SubjectKind::Org => index.org(id, window, scale),
    };
    let components = [
        sources[0].as_ref().map(|s| s.value),
        sources[1].as_ref().map(|s| s.value),
        sources[2].as_ref().map(|s| s.value),
        sources[3].as_ref().map(|s| s.value),
        objective.value,
    ];
    let present: Vec<(Q, Q)> = components
        .iter()
        .zip(weights)
        .filter_map(|(c, w)| c.map(|c| (w, c)))
        .collect();
    let reason = if blank_row(&sources, &weights) {
        Some(MissingReason::NoSheetScore)
    } else if present.is_empty() {
        Some(MissingReason::NoComponent)
    } else {
        None
    };
    let total_w = Q::sum(present.iter().map(|(w, _)| *w));
    let base = Q::sum(present.iter().map(|(w, c)| w.times(*c))).over(total_w);
    let (Some(base), None) = (base, reason) else {
        return Err(Missing {
            subject: subj,
            reason: reason.unwrap_or(MissingReason::ZeroWeight),
            row: Some(rref),
        });
    };
    let adjust: Vec<(Q, String)> = row
        .adjust
        .iter()
        .map(|a| (Q::from_dec(a.points.0), a.reason.clone()))
        .collect();
    let adjust_total = Q::sum(adjust.iter().map(|a| a.0));
    let raw = base.plus(adjust_total);
    let score = raw.max(Q::ZERO).min(scale).round2();
    Ok(Scored {
        subject: subj,
        row: rref,
        sources,
        objective,
        components,
        weights,
        base,
        adjust,
        adjust_total,
        raw,
        score,
        veto: row.veto.clone(),
        graded: Graded::default(),
        rank_overall: 0,
    })
}

/// `compute`, keeping `detail` of each subject.
pub fn compute_detail(ws: &Workspace, period: Period, detail: Detail) -> PeriodResult {
    let index = &Index::new(ws);
    let settings = &ws.settings.review;
    let window = period.window();
    let rows = rows_of(ws, period);
    let with_row: HashSet<(SubjectKind, &str)> = rows.iter().map(|(k, _, _)| *k).collect();

    let mut missing = Vec::new();
    let mut members: Vec<&Member> = ws
        .members
        .iter()
        .map(|m| &m.value)
        .filter(|m| reviewed_member(m, window.1))
        .collect();
    members.sort_by(|a, b| a.id.cmp(&b.id));
    members.dedup_by(|a, b| a.id == b.id);
    for m in members {
        if !with_row.contains(&(SubjectKind::Member, m.id.as_str())) {
            missing.push(Missing {
                subject: subject(ws, SubjectKind::Member, &m.id, None),
                reason: MissingReason::NoRow,
                row: None,
            });
        }
    }

    // At most one subject a row: reserved at once, a vector of 1.5 KB elements grown by
    // doubling would hold up to twice its size.
    let mut subjects = Vec::with_capacity(rows.len());
    for (key, row, rref) in rows {
        match score_row(ws, index, period, key, row, rref) {
            Ok(mut scored) => {
                if detail == Detail::Scores {
                    scored.sources = Default::default();
                    scored.objective = Objective {
                        value: scored.objective.value,
                        ..Objective::default()
                    };
                }
                subjects.push(scored)
            }
            Err(m) => missing.push(m),
        }
    }

    let mut quotas = BTreeMap::new();
    for kind in [SubjectKind::Member, SubjectKind::Org] {
        grade_kind(settings, kind, &mut subjects, &mut quotas);
    }
    sort_subjects(&mut subjects);
    rank_overall(&mut subjects);
    sort_missing(&mut missing);
    PeriodResult {
        period,
        scale: settings.scale,
        subjects,
        missing,
        quotas,
    }
}

/// A scored subject as grading and ranking see it, in a period result or an annual one.
pub trait Gradable {
    fn subject(&self) -> &Subject;
    fn score(&self) -> Decimal;
    fn vetoed(&self) -> bool;
    fn graded(&self) -> &Graded;
    fn graded_mut(&mut self) -> &mut Graded;
    fn rank_overall(&self) -> usize;
    fn rank_overall_mut(&mut self) -> &mut usize;
}

/// `Gradable` for a type with the fields `subject`, `score`, `graded` and `rank_overall`, vetoed
/// as `$vetoed` says.
macro_rules! gradable {
    ($ty:ty, $vetoed:expr) => {
        impl $crate::review::period::Gradable for $ty {
            fn subject(&self) -> &$crate::review::period::Subject {
                &self.subject
            }
            fn score(&self) -> rust_decimal::Decimal {
                self.score
            }
            fn vetoed(&self) -> bool {
                let vetoed: fn(&$ty) -> bool = $vetoed;
                vetoed(self)
            }
            fn graded(&self) -> &$crate::review::grades::Graded {
                &self.graded
            }
            fn graded_mut(&mut self) -> &mut $crate::review::grades::Graded {
                &mut self.graded
            }
            fn rank_overall(&self) -> usize {
                self.rank_overall
            }
            fn rank_overall_mut(&mut self) -> &mut usize {
                &mut self.rank_overall
            }
        }
    };
}
pub(crate) use gradable;

gradable!(Scored, |s| s.veto.is_some());

/// Grades the subjects of one kind against that kind's grade table, each group with its quota
/// (recorded in `quotas`); returns the positions of the subjects graded.
pub fn grade_kind<S: Gradable>(
    settings: &ReviewSettings,
    kind: SubjectKind,
    subjects: &mut [S],
    quotas: &mut BTreeMap<(SubjectKind, String), GroupQuota>,
) -> Vec<usize> {
    let table = grade_table(settings, kind);
    let idx: Vec<usize> = (0..subjects.len())
        .filter(|&i| subjects[i].subject().kind == kind)
        .collect();
    let entries: Vec<Entry> = idx
        .iter()
        .map(|&i| Entry {
            group: subjects[i].subject().group.clone(),
            score: subjects[i].score(),
            vetoed: subjects[i].vetoed(),
        })
        .collect();
    let (graded, q) = grade_all(&entries, &table);
    for (k, g) in idx.iter().zip(graded) {
        *subjects[*k].graded_mut() = g;
    }
    for (group, gq) in q {
        quotas.insert((kind, group), gq);
    }
    idx
}

/// Whether a row is blank for scoring (SPEC §6): it holds none of self, peer, leader, masses (an
/// empty list of ballots holds nothing), and those four do not all weigh 0. A blank sheet written
/// by `review sheet` thus ranks nobody, however complete the objective data is.
pub fn blank_row(sources: &[Option<Source>; 4], weights: &[Q; 5]) -> bool {
    sources.iter().all(Option::is_none) && weights[..4].iter().any(|w| *w != Q::ZERO)
}

/// Members first, then organizations; best score first; then by id.
pub fn sort_subjects<S: Gradable>(subjects: &mut [S]) {
    subjects.sort_by(|a, b| {
        (
            a.subject().kind,
            std::cmp::Reverse(a.score()),
            &a.subject().id,
        )
            .cmp(&(
                b.subject().kind,
                std::cmp::Reverse(b.score()),
                &b.subject().id,
            ))
    });
}

pub fn sort_missing(missing: &mut [Missing]) {
    missing.sort_by(|a, b| (a.subject.kind, &a.subject.id).cmp(&(b.subject.kind, &b.subject.id)));
}

/// Sets `rank_overall` among the subjects of the same kind in the list.
pub fn rank_overall<S: Gradable>(subjects: &mut [S]) {
    let ranks = overall_ranks(subjects.iter().map(|s| (s.subject().kind, s.score())));
    for (s, r) in subjects.iter_mut().zip(ranks) {
        *s.rank_overall_mut() = r;
    }
}

/// Competition ranks among the entries of the same kind.
pub fn overall_ranks(items: impl Iterator<Item = (SubjectKind, Decimal)>) -> Vec<usize> {
    let items: Vec<(SubjectKind, Decimal)> = items.collect();
    let mut by_kind: HashMap<SubjectKind, Vec<usize>> = HashMap::new();
    for (i, (k, _)) in items.iter().enumerate() {
        by_kind.entry(*k).or_default().push(i);
    }
    let mut out = vec![0; items.len()];
    for idx in by_kind.values() {
        let scores: Vec<Decimal> = idx.iter().map(|&i| items[i].1).collect();
        for (k, r) in competition_ranks(&scores).into_iter().enumerate() {
            out[idx[k]] = r;
        }
    }
    out
}

/// Whether a subject lies in `org`'s subtree (a member by its organization, an organization by
/// itself).
pub fn within(ws: &Workspace, s: &Subject, org: &str) -> bool {
    match s.kind {
        SubjectKind::Member => ws
            .member(&s.id)
            .map(|m| m.org.as_str())
            .or(s.org.as_deref())
            .is_some_and(|o| ws.is_within(o, org)),
        SubjectKind::Org => ws.is_within(&s.id, org),
    }
}

/// Narrows a result to `org`'s subtree; grades and group ranks stay as computed,
/// `rank_overall` is recomputed among the subjects kept.
pub fn narrow(ws: &Workspace, mut r: PeriodResult, org: &str) -> PeriodResult {
    r.subjects.retain(|s| within(ws, &s.subject, org));
    r.missing.retain(|m| within(ws, &m.subject, org));
    rank_overall(&mut r.subjects);
    r
}
