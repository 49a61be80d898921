//! The annual review (年终总评, SPEC §6): parts `quarters` (mean of the rounded Q1–Q4 scores),
//! `half` (H1) and `year_end` (Y), their weighted mean, a veto anywhere in the year, grades,
//! and the outcome candidates (outstanding member, vanguard post, rectification).

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;

use super::grades::{Graded, GroupQuota};
use super::objective::Index;
use super::period::{
    self, Missing, MissingReason, RowRef, Subject, SubjectKind, gradable, grade_kind, grade_table,
    reviewed_member, subject,
};
use super::rational::Q;
use super::recorded::{self, Recorded};
use crate::model::{Date, Num, Period};
use crate::workspace::Workspace;

/// The annual parts in the order of `[review.annual]` and of the JSON output.
pub const PARTS: [&str; 3] = ["quarters", "half", "year_end"];

/// An outcome candidate of the annual review.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    OutstandingMember,
    VanguardPost,
    /// Rectify by the date of the Y sheet holding the row + `rectify_days`; `None` without one.
    Rectify {
        due: Option<Date>,
    },
}

impl Outcome {
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::OutstandingMember => "outstanding-member",
            Outcome::VanguardPost => "vanguard-post",
            Outcome::Rectify { .. } => "rectify",
        }
    }
}

/// A post's duty-log rate over the year, for the vanguard-post candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct PostYear {
    pub post: String,
    pub post_name: String,
    pub met: u32,
    pub required: u32,
}

/// One subject's annual result with its inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnualScored {
    pub subject: Subject,
    /// Rounded Q1–Q4 scores that exist.
    pub quarter_scores: [Option<Decimal>; 4],
    /// quarters, half, year_end.
    pub parts: [Option<Q>; 3],
    pub weights: [Q; 3],
    pub raw: Q,
    pub score: Decimal,
    /// Every veto of the year: the period and the reason.
    pub vetoes: Vec<(Period, String)>,
    pub graded: Graded,
    pub rank_overall: usize,
    /// Members only.
    pub outcomes: Vec<Outcome>,
    pub posts: Vec<PostYear>,
    pub y_row: Option<RowRef>,
    /// Members only: the decisions recorded in the year's Y sheets, each marked supported or not.
    pub recorded: Vec<Recorded>,
}

gradable!(AnnualScored, |s| !s.vetoes.is_empty());

#[derive(Clone, Debug, PartialEq)]
pub struct AnnualResult {
    pub year: i32,
    pub scale: Num,
    pub subjects: Vec<AnnualScored>,
    pub missing: Vec<Missing>,
    pub quotas: BTreeMap<(SubjectKind, String), GroupQuota>,
    /// Decisions recorded for members without an annual score (missing, or not reviewed at
    /// all): shown, marked unsupported, never dropped.
    pub unscored_recorded: Vec<(Subject, Vec<Recorded>)>,
}

/// The periods whose scores make the annual parts.
pub fn part_periods(year: i32) -> [Period; 6] {
    [
        Period::quarter(year, 1),
        Period::quarter(year, 2),
        Period::quarter(year, 3),
        Period::quarter(year, 4),
        Period::half(year, 1),
        Period::year(year),
    ]
}

/// Computes the annual review of `year` over the whole workspace.
pub fn compute(ws: &Workspace, year: i32) -> AnnualResult {
    let settings = &ws.settings.review;
    let index = Index::new(ws);
    // The six periods are independent: score them in parallel (order kept by `collect`),
    // keeping of each only its scores: the explanation of every score is not needed here, and
    // holding six periods of it would take more memory than the workspace itself.
    let periods: Vec<Vec<((SubjectKind, String), Decimal)>> = part_periods(year)
        .into_par_iter()
        .map(|p| period::scores_with(ws, &index, p))
        .collect();
    let year_window = Period::year(year).window();

    // Every subject with a score or a row in any sheet of the year, and its vetoes.
    let mut scores: HashMap<(SubjectKind, String), [Option<Decimal>; 6]> = HashMap::new();
    let mut order: Vec<(SubjectKind, String)> = Vec::new();
    for (pi, period_scores) in periods.into_iter().enumerate() {
        for (key, score) in period_scores {
            let e = scores.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                [None; 6]
            });
            e[pi] = Some(score);
        }
    }
    let mut vetoes: HashMap<(SubjectKind, String), Vec<(Period, String)>> = HashMap::new();
    let mut with_row: HashSet<(SubjectKind, String)> = HashSet::new();
    let mut sheets: Vec<_> = ws
        .evaluations
        .iter()
        .filter(|e| e.period.year == year)
        .collect();
    sheets.sort_by(|a, b| (a.period, &a.path).cmp(&(b.period, &b.path)));
    for sheet in sheets {
        for row in &sheet.scores {
            let Some((is_org, id)) = row.subject() else {
                continue;
            };
            let kind = if is_org {
                SubjectKind::Org
            } else {
                SubjectKind::Member
            };
            with_row.insert((kind, id.to_string()));
            if let Some(reason) = &row.veto {
                vetoes
                    .entry((kind, id.to_string()))
                    .or_default()
                    .push((sheet.period, reason.clone()));
            }
        }
    }
    let y_rows: HashMap<(SubjectKind, &str), RowRef> = period::rows_of(ws, Period::year(year))
        .into_iter()
        .map(|(k, _, r)| (k, r))
        .collect();

    let weights = [
        settings.annual.quarters,
        settings.annual.half,
        settings.annual.year_end,
    ]
    .map(|w| Q::from_dec(w.0));
    let scale = Q::from_dec(settings.scale.0);

    let mut subjects = Vec::with_capacity(order.len());
    let mut missing = Vec::new();
    let mut scored_keys: HashSet<(SubjectKind, String)> = HashSet::new();
    for key in order {
        let s = scores[&key];
        let quarter_scores = [s[0], s[1], s[2], s[3]];
        let qs: Vec<Q> = quarter_scores
            .iter()
            .flatten()
            .map(|d| Q::from_dec(*d))
            .collect();
        let parts = [Q::mean(&qs), s[4].map(Q::from_dec), s[5].map(Q::from_dec)];
        let present: Vec<(Q, Q)> = parts
            .iter()
            .zip(weights)
            .filter_map(|(p, w)| p.map(|p| (w, p)))
            .collect();
        let total_w = Q::sum(present.iter().map(|(w, _)| *w));
        let raw = Q::sum(present.iter().map(|(w, p)| w.times(*p))).over(total_w);
        let sheet_org = y_rows
            .get(&(key.0, key.1.as_str()))
            .map(|r| r.sheet_org.clone());
        let subj = subject(ws, key.0, &key.1, sheet_org.as_deref());
        let Some(raw) = raw else {
            missing.push(Missing {
                subject: subj,
                reason: MissingReason::ZeroWeight,
                row: None,
            });
            scored_keys.insert(key);
            continue;
        };
        scored_keys.insert(key.clone());
        let score = raw.max(Q::ZERO).min(scale).round2();
        subjects.push(AnnualScored {
            subject: subj,
            quarter_scores,
            parts,
            weights,
            raw,
            score,
            vetoes: vetoes.remove(&key).unwrap_or_default(),
            graded: Graded::default(),
            rank_overall: 0,
            outcomes: Vec::new(),
            posts: Vec::new(),
            y_row: y_rows.get(&(key.0, key.1.as_str())).cloned(),
            recorded: Vec::new(),
        });
    }

    // Reviewed members and subjects with a row but no part are missing.
    let mut unscored: Vec<(SubjectKind, String)> = ws
        .members
        .iter()
        .filter(|m| reviewed_member(m, year_window.1))
        .map(|m| (SubjectKind::Member, m.id.to_string()))
        .chain(with_row)
        .filter(|k| !scored_keys.contains(k))
        .collect();
    unscored.sort();
    unscored.dedup();
    for (kind, id) in unscored {
        let sheet_org = y_rows
            .get(&(kind, id.as_str()))
            .map(|r| r.sheet_org.clone());
        missing.push(Missing {
            subject: subject(ws, kind, &id, sheet_org.as_deref()),
            reason: MissingReason::NoScore,
            row: None,
        });
    }

    let mut recorded = recorded::of_year(ws, year);
    let mut quotas = BTreeMap::new();
    for kind in [SubjectKind::Member, SubjectKind::Org] {
        let idx = grade_kind(settings, kind, &mut subjects, &mut quotas);
        if kind == SubjectKind::Member {
            let n = grade_table(settings, kind).len();
            for &i in &idx {
                outcomes(
                    ws,
                    &index,
                    year_window,
                    &mut subjects[i],
                    n,
                    settings.rectify_days,
                );
                let s = &mut subjects[i];
                if let Some(mut rec) = recorded.remove(&s.subject.id) {
                    recorded::judge(&mut s.outcomes, &mut rec);
                    s.recorded = rec;
                }
            }
        }
    }
    period::sort_subjects(&mut subjects);
    period::rank_overall(&mut subjects);
    period::sort_missing(&mut missing);
    let unscored_recorded = recorded
        .into_iter()
        .map(|(id, rec)| {
            let sheet_org = rec.first().map(|r| r.sheet_org.as_str());
            (subject(ws, SubjectKind::Member, &id, sheet_org), rec)
        })
        .collect();
    AnnualResult {
        year,
        scale: settings.scale,
        subjects,
        missing,
        quotas,
        unscored_recorded,
    }
}

fn outcomes(
    _ws: &Workspace,
    index: &Index<'_>,
    window: (Date, Date),
    s: &mut AnnualScored,
    grades: usize,
    rectify_days: u32,
) {
    let vetoed = !s.vetoes.is_empty();
    let posts = index.posts(&s.subject.id, window);
    let mut by_post: Vec<PostYear> = Vec::new();
    for sp in &posts.spells {
        match by_post.iter_mut().find(|p| p.post == sp.post) {
            Some(p) => {
                p.met += sp.met;
                p.required += sp.required;
            }
            None => by_post.push(PostYear {
                post: sp.post.clone(),
                post_name: sp.post_name.clone(),
                met: sp.met,
                required: sp.required,
            }),
        }
    }
    s.posts = by_post;
    if s.graded.grade == 0 && !vetoed {
        s.outcomes.push(Outcome::OutstandingMember);
        if s.posts.iter().any(vanguard) {
            s.outcomes.push(Outcome::VanguardPost);
        }
    }
    if vetoed || s.graded.grade + 2 >= grades {
        let due = recorded::computed_due(s.y_row.as_ref().map(|r| r.date), rectify_days);
        s.outcomes.push(Outcome::Rectify { due });
    }
}

/// Whether a post's rate over the year is at least 0.9.
pub fn vanguard(p: &PostYear) -> bool {
    p.required > 0 && u64::from(p.met) * 10 >= u64::from(p.required) * 9
}

/// Narrows to `org`'s subtree; `rank_overall` is recomputed among the subjects kept.
pub fn narrow(ws: &Workspace, mut r: AnnualResult, org: &str) -> AnnualResult {
    r.subjects.retain(|s| period::within(ws, &s.subject, org));
    r.missing.retain(|m| period::within(ws, &m.subject, org));
    r.unscored_recorded
        .retain(|(s, _)| period::within(ws, s, org));
    period::rank_overall(&mut r.subjects);
    r
}
