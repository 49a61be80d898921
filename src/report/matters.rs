//! Matters (六步进度): the pipeline of matters by step, and per matter its step, completion, owner
//! and how many conditions of its current step are still unmet (SPEC §5, §8). Also the table of
//! `matter status`.

use std::collections::BTreeMap;

use crate::i18n::{Locale, t};
use crate::model::Step;
use crate::report::{Cell, Chart, Column, Document, Table};
use crate::workflow::sixstep::{matter_percent, rules_for, unmet_now};
use crate::workspace::Workspace;

pub use super::YearOptions as Options;

/// Builds the report (pure).
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    let mut matters = super::matters_of(ws, opts.year);
    matters.retain(|m| opts.org.as_deref().is_none_or(|o| ws.is_within(&m.org, o)));
    matters.sort_by(|a, b| {
        (a.step.index(), a.org.as_str(), a.id.as_str()).cmp(&(
            b.step.index(),
            b.org.as_str(),
            b.id.as_str(),
        ))
    });

    let mut per_step: BTreeMap<Step, i64> = Step::ALL.iter().map(|s| (*s, 0)).collect();
    for m in &matters {
        *per_step.entry(m.step).or_default() += 1;
    }
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let mut pipeline = Table::new(
        "pipeline",
        t(locale, "matter.report.pipeline"),
        vec![
            col("step", "matter.col.step").machine_only(),
            col("step_name", "matter.col.step"),
            col("matters", "matter.col.matters"),
        ],
    );
    for (step, n) in &per_step {
        pipeline.rows.push(vec![
            Cell::text(step.as_str()),
            Cell::text(step.label(locale)),
            Cell::Int(*n),
        ]);
    }
    pipeline.chart = Some(Chart::Bars { label: 1, value: 2 });

    let mut rows = Table::new(
        "matters",
        t(locale, "matter.report.matters"),
        vec![
            col("id", "matter.col.id").machine_only(),
            col("name", "matter.col.name"),
            col("org", "matter.col.org").machine_only(),
            col("owner", "matter.col.owner"),
            col("step", "matter.col.step").machine_only(),
            col("step_name", "matter.col.step"),
            col("tasks", "matter.col.tasks"),
            col("completion", "matter.col.completion"),
            col("unmet", "matter.col.unmet"),
        ],
    );
    for m in &matters {
        let unmet = if m.step == Step::Done {
            0
        } else {
            unmet_now(m, &rules_for(ws, m), ws).len()
        };
        rows.rows.push(vec![
            Cell::text(&m.id),
            Cell::text(&m.name),
            Cell::text(&m.org),
            Cell::text(ws.name_of(&m.org)),
            Cell::text(m.step.as_str()),
            Cell::text(m.step.label(locale)),
            Cell::Int(m.tasks.len() as i64),
            matter_percent(m, opts.as_of).map_or(Cell::Empty, Cell::num),
            Cell::Int(unmet as i64),
        ]);
    }

    let mut doc = Document {
        title: t(locale, "matter.report.title").to_string(),
        tables: vec![pipeline, rows],
        report: "matters".into(),
        ..Document::default()
    };
    doc.push_meta(
        "year",
        t(locale, "matter.meta.year"),
        Cell::Int(i64::from(opts.year)),
    );
    doc.push_meta(
        "as_of",
        t(locale, "matter.meta.as-of"),
        Cell::Date(opts.as_of.0),
    );
    super::progress::org_meta(&mut doc, opts.org.as_deref(), t(locale, "matter.meta.org"));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::progress::fixture::workspace;

    #[test]
    fn pipeline_counts_every_step_and_rows_follow_it() {
        let ws = workspace();
        let doc = build(
            &ws,
            &Options {
                org: None,
                year: 2026,
                as_of: "2026-10-31".parse().unwrap(),
            },
            Locale::En,
        );
        let pipeline = &doc.tables[0];
        assert_eq!(pipeline.rows.len(), 7);
        let count = |step: &str| {
            pipeline
                .rows
                .iter()
                .find(|r| r[0] == Cell::text(step))
                .map(|r| r[2].clone())
        };
        assert_eq!(count("implement"), Some(Cell::Int(1)));
        assert_eq!(count("consult"), Some(Cell::Int(1)));
        assert_eq!(count("done"), Some(Cell::Int(0)));
        let rows = &doc.tables[1].rows;
        assert_eq!(rows[0][0], Cell::text("m2"));
        // m2 in consult, no opinion: both consult conditions of the community sector unmet
        assert_eq!(rows[0][8], Cell::Int(2));
        assert_eq!(rows[1][0], Cell::text("m1"));
        // m1 on 2026-10-31: t1 12/20 = 0.6, t2 100% → 80%
        assert_eq!(rows[1][7], Cell::num(rust_decimal::Decimal::from(80)));

        let only_a = build(
            &ws,
            &Options {
                org: Some("a".into()),
                year: 2026,
                as_of: "2026-11-20".parse().unwrap(),
            },
            Locale::En,
        );
        assert_eq!(only_a.tables[1].rows.len(), 1);
    }
}
