//! The documents of `matter list` and `matter show`.

use super::entry_no;
use crate::i18n::{Locale, t};
use crate::model::{Date, Matter, Num, Step};
use crate::report::{Cell, Column, Document, Table};
use crate::workflow::sixstep::{Lookup, Rules, matter_percent, task_fraction_on, unmet_now};
use crate::workspace::Workspace;

/// A condition: its code for machine formats, its short name from the catalog for people.
fn condition_cell(code: &'static str, locale: Locale) -> Cell {
    let label = crate::i18n::lookup(locale, &format!("matter.condition.{code}")).unwrap_or(code);
    Cell::keyword(code, label)
}

/// The document of one matter (pure).
pub fn show(m: &Matter, rules: &Rules, refs: &dyn Lookup, as_of: Date, locale: Locale) -> Document {
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let num = |n: Option<Num>| n.map_or(Cell::Empty, |n| Cell::num(n.0));
    let text = |s: &Option<String>| Cell::opt_text(s.as_deref());

    let mut head = Table::new(
        "matter",
        t(locale, "matter.show.matter"),
        vec![
            col("field", "matter.col.field"),
            col("value", "matter.col.value"),
        ],
    );
    // The field's stable key for machine formats (`completion`), its label for people.
    let field = |k: &'static str, v: Cell| {
        let id = k.rsplit('.').next().unwrap_or(k);
        vec![Cell::keyword(id, t(locale, k)), v]
    };
    head.rows = vec![
        field("matter.col.id", Cell::text(&m.id)),
        field("matter.col.name", Cell::text(&m.name)),
        field("matter.col.org", Cell::text(&m.org)),
        field("matter.col.year", Cell::Int(i64::from(m.year))),
        field("matter.col.step", Cell::text(m.step.label(locale))),
        field(
            "matter.col.completion",
            matter_percent(m, as_of).map_or(Cell::Empty, Cell::num),
        ),
    ];

    let mut history = Table::new(
        "history",
        t(locale, "matter.show.history"),
        vec![
            col("step", "matter.col.step"),
            col("completed", "matter.col.completed-on"),
            col("forced", "matter.col.forced"),
        ],
    );
    for h in &m.history {
        history.rows.push(vec![
            Cell::text(h.step.label(locale)),
            Cell::Date(h.completed.0),
            text(&h.forced),
        ]);
    }

    let mut opinions = Table::new(
        "opinions",
        t(locale, "matter.show.opinions"),
        vec![
            col("entry", "records.col.no"),
            col("source", "matter.col.source"),
            col("date", "matter.col.date"),
            col("text", "matter.col.text"),
            col("adopted", "matter.col.adopted"),
        ],
    );
    for (i, o) in m.opinions.iter().enumerate() {
        opinions.rows.push(vec![
            entry_no(i),
            Cell::text(o.source.label(locale)),
            Cell::Date(o.date.0),
            Cell::text(&o.text),
            o.adopted.map_or(Cell::Empty, Cell::Bool),
        ]);
    }

    let mut meetings = Table::new(
        "meetings",
        t(locale, "matter.show.meetings"),
        vec![
            col("entry", "records.col.no"),
            col("body", "matter.col.body"),
            col("date", "matter.col.date"),
            col("expected", "matter.col.expected"),
            col("present", "matter.col.present"),
            col("yes", "matter.col.yes"),
            col("no", "matter.col.no"),
            col("abstain", "matter.col.abstain"),
            col("decision", "matter.col.decision"),
            col("published", "matter.col.published"),
        ],
    );
    for (i, x) in m.meetings.iter().enumerate() {
        meetings.rows.push(vec![
            entry_no(i),
            Cell::text(x.body.label(locale)),
            Cell::Date(x.date.0),
            Cell::Int(i64::from(x.expected)),
            Cell::Int(i64::from(x.present)),
            Cell::Int(i64::from(x.yes)),
            Cell::Int(i64::from(x.no)),
            Cell::Int(i64::from(x.abstain)),
            text(&x.decision),
            Cell::opt_date(x.published),
        ]);
    }

    let mut tasks = Table::new(
        "tasks",
        t(locale, "matter.show.tasks"),
        vec![
            col("id", "matter.col.id"),
            col("text", "matter.col.text"),
            col("responsible", "matter.col.responsible"),
            col("due", "matter.col.due"),
            col("signed", "matter.col.signed"),
            col("target", "matter.col.target"),
            col("unit", "matter.col.unit"),
            col("value", "matter.col.value-now"),
            col("completion", "matter.col.completion"),
        ],
    );
    for task in &m.tasks {
        let responsible = task.org.as_deref().or(task.member.as_deref());
        tasks.rows.push(vec![
            Cell::text(&task.id),
            Cell::text(&task.text),
            Cell::opt_text(responsible),
            Cell::opt_date(task.due),
            Cell::opt_date(task.signed),
            num(task.target),
            text(&task.unit),
            num(m.task_value_on(&task.id, as_of)),
            Cell::num(task_fraction_on(m, task, as_of) * rust_decimal::Decimal::ONE_HUNDRED),
        ]);
    }

    let mut progress = Table::new(
        "progress",
        t(locale, "matter.show.progress"),
        vec![
            col("entry", "records.col.no"),
            col("task", "matter.col.task"),
            col("date", "matter.col.date"),
            col("value", "matter.col.value-now"),
            col("note", "matter.col.note"),
        ],
    );
    for (i, p) in m.progress.iter().enumerate() {
        progress.rows.push(vec![
            entry_no(i),
            Cell::text(&p.task),
            Cell::Date(p.date.0),
            Cell::num(p.value.0),
            text(&p.note),
        ]);
    }

    let mut reviews = Table::new(
        "reviews",
        t(locale, "matter.show.reviews"),
        vec![
            col("entry", "records.col.no"),
            col("task", "matter.col.task"),
            col("date", "matter.col.date"),
            col("score", "matter.col.score"),
            col("result", "matter.col.result"),
            col("published", "matter.col.published"),
        ],
    );
    for (i, r) in m.reviews.iter().enumerate() {
        reviews.rows.push(vec![
            entry_no(i),
            text(&r.task),
            Cell::Date(r.date.0),
            num(r.score),
            text(&r.result),
            Cell::opt_date(r.published),
        ]);
    }

    let mut unmet = Table::new(
        "unmet",
        t(locale, "matter.show.unmet"),
        vec![
            col("condition", "matter.col.condition"),
            col("message", "matter.col.message"),
        ],
    );
    if m.step != crate::model::Step::Done {
        for u in unmet_now(m, rules, refs) {
            unmet.rows.push(vec![
                condition_cell(u.code(), locale),
                Cell::text(u.message(locale)),
            ]);
        }
    }
    let publicity = m.publicity.as_ref();
    let bodies: Vec<&str> = rules.bodies.iter().map(|b| b.label(locale)).collect();
    let mut meta = vec![(
        t(locale, "matter.meta.bodies").to_string(),
        bodies.join(" → "),
    )];
    if let Some(p) = publicity {
        let when = p.date.map_or(String::new(), |d| d.to_string());
        let place = p.place.clone().unwrap_or_default();
        meta.push((
            t(locale, "matter.col.publicity").to_string(),
            format!("{when} {place}").trim().to_string(),
        ));
    }
    let body_ids: Vec<&str> = rules.bodies.iter().map(|b| b.as_str()).collect();
    let keyed_meta = vec![
        ("id".to_string(), Cell::text(&m.id)),
        ("name".to_string(), Cell::text(&m.name)),
        ("bodies".to_string(), Cell::text(body_ids.join(","))),
        (
            "publicity_date".to_string(),
            Cell::opt_date(publicity.and_then(|p| p.date)),
        ),
        (
            "publicity_place".to_string(),
            Cell::opt_text(publicity.and_then(|p| p.place.as_deref())),
        ),
    ];
    Document {
        title: format!("{} {}", m.id, m.name),
        meta,
        tables: vec![
            head, history, opinions, meetings, tasks, progress, reviews, unmet,
        ],
        report: "matter".into(),
        keyed_meta,
    }
}

/// Filters of `matter list`.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only matters at this step.
    pub step: Option<Step>,
    /// Only matters owned by this organization (an id) or below it.
    pub org: Option<String>,
    /// Only matters of this year.
    pub year: Option<i32>,
}

/// The listing of matters (pure).
pub fn list(ws: &Workspace, filter: &Filter, as_of: Date, locale: Locale) -> Document {
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let mut table = Table::new(
        "matters",
        t(locale, "matter.report.matters"),
        vec![
            col("id", "matter.col.id"),
            col("name", "matter.col.name"),
            col("org", "matter.col.org"),
            col("year", "matter.col.year"),
            col("step", "matter.col.step"),
            col("step_name", "matter.col.step-name"),
            col("tasks", "matter.col.tasks"),
            col("completion", "matter.col.completion"),
        ],
    );
    let mut matters: Vec<_> = ws
        .matters
        .iter()
        .filter(|m| filter.step.is_none_or(|s| m.step == s))
        .filter(|m| filter.year.is_none_or(|y| m.year == y))
        .filter(|m| {
            filter
                .org
                .as_deref()
                .is_none_or(|o| ws.is_within(&m.org, o))
        })
        .collect();
    matters.sort_by(|a, b| (a.year, a.id.as_str()).cmp(&(b.year, b.id.as_str())));
    for m in matters {
        table.rows.push(vec![
            Cell::text(&m.id),
            Cell::text(&m.name),
            Cell::text(&m.org),
            Cell::Int(i64::from(m.year)),
            Cell::text(m.step.as_str()),
            Cell::text(m.step.label(locale)),
            Cell::Int(m.tasks.len() as i64),
            matter_percent(m, as_of).map_or(Cell::Empty, Cell::num),
        ]);
    }
    Document {
        title: String::new(),
        meta: Vec::new(),
        tables: vec![table],
        ..Document::default()
    }
}
