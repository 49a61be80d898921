//! Review sheet (考评表): a period's results with change against the previous period (SPEC §8).
//! `document` turns computed results into tables; `build` computes them first. Both are pure.

use crate::i18n::{Locale, t, tf};
use crate::model::{Date, Grade, Period, ReviewSettings};
use crate::report::names::{Names, period_label};
use crate::report::{Cell, Chart, Column, Document, Table};
use crate::review::explain::component_label;
use crate::review::period::{
    self, COMPONENTS, Gradable, Missing, MissingReason, PeriodResult, Subject, SubjectKind,
    grade_table,
};
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    pub period: Period,
    pub as_of: Date,
}

/// Builds the report (pure): the period over the whole workspace, narrowed to `org`, with the
/// change of each score against the previous period of the same kind.
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    let mut result = crate::review::district::compute_period(ws, opts.period);
    let mut previous = crate::review::district::compute_period(ws, opts.period.previous());
    if let Some(org) = &opts.org {
        result = period::narrow(ws, result, org);
        previous = period::narrow(ws, previous, org);
    }
    let mut doc = document(
        ws,
        &result,
        Some(&previous),
        opts.as_of,
        opts.org.as_deref(),
        locale,
    );
    let graded = result.subjects.iter().map(|s| (&s.subject, s.graded.grade));
    doc.tables
        .extend(super::district::grades(ws, graded, locale));
    doc
}

/// A grade as shown in a report: its name in Chinese, its id in English.
pub fn grade_label(g: &Grade, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => g.name.clone(),
        Locale::En => g.id.clone(),
    }
}

pub fn kind_label(kind: SubjectKind, locale: Locale) -> &'static str {
    match kind {
        SubjectKind::Member => t(locale, "review.kind.member"),
        SubjectKind::Org => t(locale, "review.kind.org"),
    }
}

pub fn reason_label(r: MissingReason, locale: Locale) -> &'static str {
    match r {
        MissingReason::NoRow => t(locale, "review.reason.no-score-row"),
        MissingReason::NoComponent => t(locale, "review.reason.no-component"),
        MissingReason::ZeroWeight => t(locale, "review.reason.zero-weight"),
        MissingReason::NoSheetScore => t(locale, "review.reason.no-sheet-score"),
        MissingReason::NoScore => t(locale, "review.reason.no-score"),
    }
}

fn col(key: &str, locale: Locale) -> Column {
    let label = match key {
        "self" | "peer" | "leader" | "masses" | "objective" | "quarters" | "half" | "year_end" => {
            component_label(locale, key)
        }
        "kind" => t(locale, "review.col.kind"),
        "id" => t(locale, "review.col.id"),
        "name" => t(locale, "review.col.name"),
        "org" | "org_name" => t(locale, "review.col.org"),
        "adjust" => t(locale, "review.col.adjust"),
        "score" => t(locale, "review.col.score"),
        "grade" => t(locale, "review.col.grade"),
        "demoted" => t(locale, "review.col.demoted"),
        "vetoed" => t(locale, "review.col.vetoed"),
        "rank" => t(locale, "review.col.rank"),
        "rank_overall" => t(locale, "review.col.rank_overall"),
        "change" => t(locale, "review.col.change"),
        "reason" => t(locale, "review.col.reason"),
        "count" => t(locale, "review.col.count"),
        "outcomes" => t(locale, "review.col.outcomes"),
        "due" => t(locale, "review.col.due"),
        "recorded" => t(locale, "review.col.recorded"),
        "verified" => t(locale, "review.col.verified"),
        "check" => t(locale, "review.col.check"),
        _ => "",
    };
    match key {
        // Printed pages name people and organizations; ids stay for programs.
        "id" | "org" => Column::new(key, label).machine_only(),
        _ => Column::new(key, label),
    }
}

/// Columns by key.
pub fn columns(keys: &[&str], locale: Locale) -> Vec<Column> {
    keys.iter().map(|k| col(k, locale)).collect()
}

/// The table of subjects without a score.
pub fn missing_table(ws: &Workspace, missing: &[Missing], locale: Locale) -> Table {
    let names = Names::new(ws, locale);
    let mut t = Table::new(
        "missing",
        t(locale, "review.table.missing"),
        columns(&["kind", "id", "name", "org", "org_name", "reason"], locale),
    );
    for m in missing {
        t.rows.push(vec![
            Cell::text(kind_label(m.subject.kind, locale)),
            Cell::text(&m.subject.id),
            Cell::text(names.with_id(&m.subject.name, &m.subject.id)),
            Cell::opt_text(m.subject.org.as_deref()),
            Cell::opt_text(names.of_opt(m.subject.org.as_deref()).as_deref()),
            Cell::text(reason_label(m.reason, locale)),
        ]);
    }
    t
}

/// The grade distribution: one row per grade of the tables in use, zeros included.
pub fn grades_table(
    ws: &Workspace,
    graded: &[(SubjectKind, usize)],
    with_orgs: bool,
    locale: Locale,
) -> Table {
    let mut t = Table::new(
        "grades",
        t(locale, "review.table.grades"),
        columns(&["kind", "grade", "count"], locale),
    );
    let kinds: &[SubjectKind] = if with_orgs {
        &[SubjectKind::Member, SubjectKind::Org]
    } else {
        &[SubjectKind::Member]
    };
    for &kind in kinds {
        for (gi, g) in grade_table(&ws.settings.review, kind).iter().enumerate() {
            let n = graded
                .iter()
                .filter(|(k, i)| *k == kind && *i == gi)
                .count();
            t.rows.push(vec![
                Cell::text(kind_label(kind, locale)),
                Cell::text(grade_label(g, locale)),
                Cell::Int(i64::try_from(n).unwrap_or(i64::MAX)),
            ]);
        }
    }
    t.chart = Some(Chart::Bars { label: 1, value: 2 });
    t.chart_by = Some(0);
    t
}

/// The document of a computed period (already narrowed), with the previous period for change.
pub fn document(
    ws: &Workspace,
    r: &PeriodResult,
    previous: Option<&PeriodResult>,
    as_of: Date,
    org: Option<&str>,
    locale: Locale,
) -> Document {
    let names = Names::new(ws, locale);
    let mut keys = vec!["rank_overall", "kind", "id", "name", "org", "org_name"];
    keys.extend(COMPONENTS);
    keys.extend(["adjust", "score", "grade", "demoted", "vetoed", "rank"]);
    if previous.is_some() {
        keys.push("change");
    }
    let mut scores = Table::new(
        "scores",
        t(locale, "review.table.scores"),
        columns(&keys, locale),
    );
    // The previous period's score of each subject, found by key rather than by a scan per row.
    let before: std::collections::HashMap<_, _> = previous
        .map(|prev| {
            prev.subjects
                .iter()
                .rev()
                .map(|p| ((p.subject.kind, p.subject.id.as_str()), p.score))
                .collect()
        })
        .unwrap_or_default();
    scores.rows.reserve_exact(r.subjects.len());
    for s in &r.subjects {
        let mut row = subject_cells(&names, &s.subject, s.rank_overall, locale);
        // Exactly the row's width: grown by pushes it would hold a third more.
        row.reserve_exact(keys.len() - row.len());
        for c in &s.components {
            row.push(c.map_or(Cell::Empty, |c| Cell::num(c.round2())));
        }
        row.push(Cell::num(s.adjust_total.round2()));
        row.extend(standing_cells(&ws.settings.review, s, locale));
        if previous.is_some() {
            let before = before.get(&(s.subject.kind, s.subject.id.as_str()));
            row.push(before.map_or(Cell::Empty, |b| Cell::num(s.score - b)));
        }
        scores.rows.push(row);
    }
    chart_scores(&mut scores, &keys);
    let grades = grades_of(ws, &r.subjects, &r.missing, locale);
    let period_words = period_label(r.period, locale);
    let mut doc = Document {
        title: results_title(
            locale,
            "review.title.period",
            &names,
            ws,
            org,
            ("period", &period_words),
        ),
        report: "review".into(),
        tables: [
            Some(scores),
            (!r.missing.is_empty()).then(|| missing_table(ws, &r.missing, locale)),
            Some(grades),
        ]
        .into_iter()
        .flatten()
        .collect(),
        ..Document::default()
    };
    let period = (
        "period",
        "review.meta.period",
        Cell::text(r.period.to_string()),
    );
    result_meta(&mut doc, ws, period, as_of, r.scale.0, org, locale);
    doc
}

/// The first cells of a results row: overall rank, kind, id, name, organization id and name.
pub(super) fn subject_cells(
    names: &Names,
    s: &Subject,
    rank_overall: usize,
    locale: Locale,
) -> Vec<Cell> {
    vec![
        Cell::Int(rank_overall as i64),
        Cell::text(kind_label(s.kind, locale)),
        Cell::text(&s.id),
        Cell::text(names.with_id(&s.name, &s.id)),
        Cell::opt_text(s.org.as_deref()),
        Cell::opt_text(names.of_opt(s.org.as_deref()).as_deref()),
    ]
}

/// The score, grade, demotion, veto and rank cells of a results row.
pub(super) fn standing_cells<S: Gradable>(
    settings: &ReviewSettings,
    s: &S,
    locale: Locale,
) -> [Cell; 5] {
    let graded = s.graded();
    let grade = grade_table(settings, s.subject().kind)
        .get(graded.grade)
        .map_or(Cell::Empty, |g| Cell::text(grade_label(g, locale)));
    [
        Cell::num(s.score()),
        grade,
        Cell::Bool(graded.demoted),
        Cell::Bool(s.vetoed()),
        Cell::Int(graded.rank as i64),
    ]
}

/// The title of a results report: the organization shown (default: the root) and `span`, the
/// period or year.
pub(super) fn results_title(
    locale: Locale,
    key: &'static str,
    names: &Names,
    ws: &Workspace,
    org: Option<&str>,
    span: (&str, &dyn std::fmt::Display),
) -> String {
    tf(
        locale,
        key,
        &[("org", &names.of(org.unwrap_or(&ws.settings.root))), span],
    )
}

/// The score column drawn as a histogram, one series per subject kind (column 1).
pub(super) fn chart_scores(scores: &mut Table, keys: &[&str]) {
    let score_col = keys.iter().position(|k| *k == "score").unwrap_or(0);
    scores.chart = Some(Chart::Histogram { value: score_col });
    scores.chart_by = Some(1);
}

/// The grade distribution of the scored subjects, with the organizations' grades when any
/// subject, scored or missing, is an organization.
pub(super) fn grades_of<S: Gradable>(
    ws: &Workspace,
    subjects: &[S],
    missing: &[Missing],
    locale: Locale,
) -> Table {
    let graded: Vec<(SubjectKind, usize)> = subjects
        .iter()
        .map(|s| (s.subject().kind, s.graded().grade))
        .collect();
    let with_orgs = graded.iter().any(|(k, _)| *k == SubjectKind::Org)
        || missing.iter().any(|m| m.subject.kind == SubjectKind::Org);
    grades_table(ws, &graded, with_orgs, locale)
}

/// The meta lines of a results report: the period (or year), as-of date, scale and, with
/// `--org`, the organization shown.
pub(super) fn result_meta(
    doc: &mut Document,
    ws: &Workspace,
    (key, label, value): (&str, &'static str, Cell),
    as_of: Date,
    scale: rust_decimal::Decimal,
    org: Option<&str>,
    locale: Locale,
) {
    doc.push_meta(key, t(locale, label), value);
    doc.push_meta("as_of", t(locale, "review.meta.as-of"), Cell::Date(as_of.0));
    doc.push_meta("scale", t(locale, "review.meta.scale"), Cell::num(scale));
    match org {
        Some(org) => doc.push_meta_shown(
            "org",
            Cell::text(org),
            t(locale, "review.meta.org"),
            format!("{} ({org})", ws.name_of(org)),
        ),
        None => doc.keyed_meta.push(("org".into(), Cell::Empty)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::fixture::{member, org, refs, workspace};

    fn ws() -> Workspace {
        let mut files = vec![
            org("root", None),
            member("a", "root", ""),
            member("b", "root", ""),
        ];
        for (p, date, a) in [
            ("2026-Q1", "2026-04-02", "80"),
            ("2026-Q2", "2026-07-02", "91.5"),
        ] {
            files.push((
                format!("evaluations/{p}/root.toml"),
                format!("org = \"root\"\nperiod = \"{p}\"\ndate = {date}\n[[score]]\nmember = \"a\"\nleader = {a}\n"),
            ));
        }
        workspace("", &refs(&files))
    }

    #[test]
    fn the_review_report_shows_change_and_charts() {
        let opts = Options {
            org: None,
            period: Period::quarter(2026, 2),
            as_of: Date::ymd(2026, 7, 10),
        };
        let doc = build(&ws(), &opts, Locale::En);
        assert_eq!(doc.title, "root-name: review of Q2 2026");
        let ids: Vec<&str> = doc.tables.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, vec!["scores", "missing", "grades"]);
        let scores = &doc.tables[0];
        let change = scores
            .columns
            .iter()
            .position(|c| c.key == "change")
            .unwrap();
        let score = scores
            .columns
            .iter()
            .position(|c| c.key == "score")
            .unwrap();
        assert_eq!(scores.rows[0][score].display(), "91.5");
        assert_eq!(scores.rows[0][change].display(), "11.5");
        assert_eq!(scores.chart, Some(Chart::Histogram { value: score }));
        assert_eq!(doc.tables[1].rows[0][1].display(), "b");
        assert_eq!(
            doc.tables[2].chart,
            Some(Chart::Bars { label: 1, value: 2 })
        );
        assert_eq!(doc.tables[2].rows.len(), 4);
    }

    #[test]
    fn the_annual_report_lists_scores_grades_and_outcomes() {
        let opts = crate::report::annual::Options {
            org: Some("root".into()),
            year: 2026,
            as_of: Date::ymd(2027, 1, 10),
        };
        let doc = crate::report::annual::build(&ws(), &opts, Locale::ZhCn);
        assert_eq!(doc.title, "root-name 2026 年度年终总评");
        let ids: Vec<&str> = doc.tables.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, vec!["scores", "grades", "outcomes", "missing"]);
        // a: quarters (80 + 91.5)/2 = 85.75 → 合格, no outcome; b has no score at all.
        let scores = &doc.tables[0];
        let score = scores
            .columns
            .iter()
            .position(|c| c.key == "score")
            .unwrap();
        assert_eq!(scores.rows[0][score].display(), "85.75");
        assert!(doc.tables[2].rows.is_empty());
        assert_eq!(doc.tables[3].rows[0][5].display(), "全年没有任何期次得分");
    }
}
