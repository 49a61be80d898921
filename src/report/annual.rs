//! Annual report (年终总评): annual scores, grade distribution, honours and rectifications (SPEC §8).

use crate::i18n::{Locale, t};
use crate::model::{Date, OutcomeKind, Period};
use crate::report::review::{
    chart_scores, columns, grades_of, missing_table, results_title, standing_cells, subject_cells,
};
use crate::report::{Cell, Document, Table};
use crate::review::annual::{self, AnnualResult, Outcome, PARTS};
use crate::review::period::Subject;
use crate::review::recorded::Recorded;
use crate::workspace::Workspace;

pub use super::YearOptions as Options;

/// Builds the report (pure).
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    let mut r = crate::review::district::compute_annual(ws, opts.year);
    if let Some(org) = &opts.org {
        r = annual::narrow(ws, r, org);
    }
    let mut doc = document(ws, &r, opts.as_of, opts.org.as_deref(), locale);
    let graded = r.subjects.iter().map(|s| (&s.subject, s.graded.grade));
    doc.tables
        .extend(super::district::grades(ws, graded, locale));
    doc
}

pub fn outcome_label(o: &Outcome, locale: Locale) -> &'static str {
    match o {
        Outcome::OutstandingMember => t(locale, "review.outcome.outstanding-member"),
        Outcome::VanguardPost => t(locale, "review.outcome.vanguard-post"),
        Outcome::Rectify { .. } => t(locale, "review.outcome.rectify"),
    }
}

/// The rows of one member in the outcomes table: each computed candidate beside the recorded
/// decision of its kind (honours in order, then rectification), whose `due` replaces the
/// computed one; then every recorded decision left over, as recorded, marked when the computed
/// result does not support it.
fn outcome_rows(
    table: &mut Table,
    names: &crate::report::names::Names,
    subject: &Subject,
    computed: &[Outcome],
    recorded: &[Recorded],
    locale: Locale,
) {
    let mut left: Vec<&Recorded> = recorded.iter().collect();
    let mut take = |kind: OutcomeKind| {
        let i = left.iter().position(|r| r.kind == kind)?;
        Some(left.remove(i))
    };
    let mut rows: Vec<(Cell, Option<Date>, Option<&Recorded>)> = Vec::new();
    for o in computed {
        let (kind, due) = match o {
            Outcome::Rectify { due } => (OutcomeKind::Rectify, *due),
            _ => (OutcomeKind::Honour, None),
        };
        let rec = take(kind);
        let due = rec.and_then(|r| r.due).or(due);
        rows.push((Cell::keyword(o.kind(), outcome_label(o, locale)), due, rec));
    }
    for rec in left {
        rows.push((
            Cell::keyword(rec.kind.as_str(), rec.kind.label(locale)),
            rec.due,
            Some(rec),
        ));
    }
    for (label, due, rec) in rows {
        let check = match rec.filter(|r| !r.supported) {
            Some(_) => Cell::keyword("unsupported", t(locale, "review.recorded.unsupported")),
            None => Cell::Empty,
        };
        table.rows.push(vec![
            Cell::text(&subject.id),
            Cell::text(names.with_id(&subject.name, &subject.id)),
            Cell::opt_text(subject.org.as_deref()),
            Cell::opt_text(names.of_opt(subject.org.as_deref()).as_deref()),
            label,
            Cell::opt_date(due),
            Cell::opt_text(
                rec.and_then(|x| x.title.as_deref())
                    .or(rec.map(|x| x.kind.label(locale))),
            ),
            Cell::opt_date(rec.and_then(|x| x.verified)),
            check,
        ]);
    }
}

/// The document of a computed (already narrowed) annual review.
pub fn document(
    ws: &Workspace,
    r: &AnnualResult,
    as_of: Date,
    org: Option<&str>,
    locale: Locale,
) -> Document {
    let names = crate::report::names::Names::new(ws, locale);
    let mut keys = vec!["rank_overall", "kind", "id", "name", "org", "org_name"];
    keys.extend(PARTS);
    keys.extend(["score", "grade", "demoted", "vetoed", "rank", "outcomes"]);
    let mut scores = Table::new(
        "scores",
        t(locale, "review.table.scores"),
        columns(&keys, locale),
    );
    let mut outcomes = Table::new(
        "outcomes",
        t(locale, "review.table.outcomes"),
        columns(
            &[
                "id", "name", "org", "org_name", "outcomes", "due", "recorded", "verified", "check",
            ],
            locale,
        ),
    );
    scores.rows.reserve_exact(r.subjects.len());
    for s in &r.subjects {
        let words: Vec<&str> = s
            .outcomes
            .iter()
            .map(|o| outcome_label(o, locale))
            .collect();
        let ids: Vec<&str> = s.outcomes.iter().map(Outcome::kind).collect();
        let mut row = subject_cells(&names, &s.subject, s.rank_overall, locale);
        // Exactly the row's width: grown by pushes it would hold a third more.
        row.reserve_exact(keys.len() - row.len());
        for p in &s.parts {
            row.push(p.map_or(Cell::Empty, |p| Cell::num(p.round2())));
        }
        row.extend(standing_cells(&ws.settings.review, s, locale));
        row.push(Cell::keyword(ids.join(","), words.join("、")));
        scores.rows.push(row);
        outcome_rows(
            &mut outcomes,
            &names,
            &s.subject,
            &s.outcomes,
            &s.recorded,
            locale,
        );
    }
    for (subject, rec) in &r.unscored_recorded {
        outcome_rows(&mut outcomes, &names, subject, &[], rec, locale);
    }
    chart_scores(&mut scores, &keys);
    let grades = grades_of(ws, &r.subjects, &r.missing, locale);
    let year_words = crate::report::names::period_label(Period::year(r.year), locale);
    let mut doc = Document {
        title: results_title(
            locale,
            "review.title.annual",
            &names,
            ws,
            org,
            ("year", &year_words),
        ),
        report: "annual".into(),
        tables: [
            Some(scores),
            Some(grades),
            Some(outcomes),
            (!r.missing.is_empty()).then(|| missing_table(ws, &r.missing, locale)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        ..Document::default()
    };
    let year = ("year", "review.meta.year", Cell::Int(i64::from(r.year)));
    super::review::result_meta(&mut doc, ws, year, as_of, r.scale.0, org, locale);
    doc
}
