//! Progress ranking (进度排名): organizations ranked by the completion of their tasks at a month's
//! end (每月排出进度及名次, SPEC §5, §8). Competition ranking: equal completion, equal rank.

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::i18n::{Locale, t};
use crate::model::Date;
use crate::report::{Cell, Chart, Column, Document, Table};
use crate::workflow::sixstep::{OrgCompletion, org_completion};
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    /// Any day of the month; completion is taken at the month's last day.
    pub month: Date,
    pub as_of: Date,
}

/// One ranked organization.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub rank: usize,
    pub org: String,
    pub completion: OrgCompletion,
}

/// The organizations responsible for tasks of the month's year (within `org`'s subtree when
/// given), ranked by their completion at the month's end, best first; ties share a rank and are
/// listed by id.
pub fn rank(ws: &Workspace, opts: &Options) -> Vec<Ranked> {
    let end = month_end(opts.month);
    let year = opts.month.0.year();
    let matters = super::matters_of(ws, year);
    let mut orgs: Vec<&str> = matters
        .iter()
        .flat_map(|m| m.tasks.iter().filter_map(|t| t.org.as_deref()))
        .filter(|o| opts.org.as_deref().is_none_or(|root| ws.is_within(o, root)))
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    let mut rows: Vec<(String, OrgCompletion, Decimal)> = orgs
        .into_iter()
        .map(|o| {
            let c = org_completion(matters.iter().copied(), o, end);
            let p = c.percent().unwrap_or(Decimal::ZERO);
            (o.to_string(), c, p)
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<Ranked> = Vec::with_capacity(rows.len());
    for (i, (org, completion, p)) in rows.iter().enumerate() {
        let rank = match i.checked_sub(1).map(|j| &rows[j]) {
            Some(prev) if prev.2 == *p => out[i - 1].rank,
            _ => i + 1,
        };
        out.push(Ranked {
            rank,
            org: org.clone(),
            completion: completion.clone(),
        });
    }
    out
}

/// The last day of the month of `date` (the date itself at the end of the calendar).
pub fn month_end(date: Date) -> Date {
    date.0
        .with_day(1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .and_then(|d| d.pred_opt())
        .map_or(date, Date)
}

/// Builds the report (pure).
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    let col = |key: &str, label: &'static str| Column::new(key, t(locale, label));
    let mut table = Table::new(
        "progress",
        t(locale, "matter.report.progress"),
        vec![
            col("rank", "matter.col.rank"),
            col("org", "matter.col.org").machine_only(),
            col("name", "matter.col.org"),
            col("tasks", "matter.col.tasks"),
            col("completed", "matter.col.completed"),
            col("completion", "matter.col.completion"),
        ],
    );
    for r in rank(ws, opts) {
        table.rows.push(vec![
            Cell::Int(r.rank as i64),
            Cell::text(&r.org),
            Cell::text(ws.name_of(&r.org)),
            Cell::Int(r.completion.tasks as i64),
            Cell::Int(r.completion.completed as i64),
            r.completion.percent().map_or(Cell::Empty, Cell::num),
        ]);
    }
    table.chart = Some(Chart::Bars { label: 2, value: 5 });
    let month = opts.month.0.format("%Y-%m").to_string();
    let mut tables = vec![table];
    tables.extend(super::district::progress(ws, opts.month, locale));
    let mut doc = Document {
        title: t(locale, "matter.report.progress-title").to_string(),
        tables,
        report: "progress".into(),
        ..Document::default()
    };
    doc.push_meta("month", t(locale, "matter.meta.month"), Cell::text(month));
    doc.push_meta(
        "month_end",
        t(locale, "matter.meta.month-end"),
        Cell::Date(month_end(opts.month).0),
    );
    org_meta(&mut doc, opts.org.as_deref(), t(locale, "matter.meta.org"));
    doc
}

/// The `--org` meta line: the id where one was given, `null` for scripts otherwise.
pub(crate) fn org_meta(doc: &mut Document, org: Option<&str>, label: &str) {
    match org {
        Some(o) => doc.push_meta("org", label, Cell::text(o)),
        None => doc.keyed_meta.push(("org".into(), Cell::Empty)),
    }
}

/// A small community workspace for the report tests.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::{Matter, Org, Settings};
    use crate::workspace::{Rec, Records, Workspace};

    fn rec<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Rec<T> {
        Rec {
            path: path.into(),
            value: toml::from_str(text).unwrap(),
        }
    }

    fn org(id: &str, parent: Option<&str>) -> Rec<Org> {
        let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
        rec(
            &format!("orgs/{id}.toml"),
            &format!(
                "id = \"{id}\"\nname = \"Org {id}\"\nkind = \"branch\"\nsector = \"community\"\n{parent}"
            ),
        )
    }

    pub fn workspace() -> Workspace {
        let settings: Rec<Settings> = rec(
            "dangjian.toml",
            "format = 1\nname = \"W\"\nroot = \"r\"\nyear = 2026\nsector = \"community\"\n",
        );
        let matter = |id: &str, year: i32, text: &str| -> Rec<Matter> {
            rec(&format!("matters/{year}/{id}.toml"), text)
        };
        let records = Records {
            orgs: vec![
                org("r", None),
                org("a", Some("r")),
                org("b", Some("r")),
                org("c", Some("r")),
            ],
            matters: vec![
                matter(
                    "m1",
                    2026,
                    r#"id = "m1"
name = "M1"
org = "a"
year = 2026
step = "implement"
[[history]]
step = "consult"
completed = 2026-01-10
[[history]]
step = "decide"
completed = 2026-01-20
[[history]]
step = "decompose"
completed = 2026-01-25
[[history]]
step = "commit"
completed = 2026-02-01
[[task]]
id = "t1"
text = "x"
org = "a"
target = 20
due = 2026-12-31
[[task]]
id = "t2"
text = "y"
org = "b"
due = 2026-12-31
[[progress]]
task = "t1"
date = 2026-10-15
value = 12
[[progress]]
task = "t2"
date = 2026-09-01
value = 100
[[progress]]
task = "t1"
date = 2026-11-05
value = 20
"#,
                ),
                matter(
                    "m2",
                    2026,
                    "id = \"m2\"\nname = \"M2\"\norg = \"b\"\nyear = 2026\nstep = \"consult\"\n",
                ),
                matter(
                    "m3",
                    2026,
                    r#"id = "m3"
name = "M3"
org = "r"
year = 2026
step = "evaluate"
[[task]]
id = "t1"
text = "z"
org = "c"
assist = ["a"]
target = 10
due = 2026-06-30
[[progress]]
task = "t1"
date = 2026-06-01
value = 10
"#,
                ),
                matter(
                    "old",
                    2025,
                    "id = \"old\"\nname = \"Old\"\norg = \"a\"\nyear = 2025\nstep = \"implement\"\n\
                     [[task]]\nid = \"t\"\ntext = \"t\"\norg = \"a\"\n",
                ),
            ],
            ..Records::default()
        };
        Workspace::new(settings, records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(month: &str, org: Option<&str>) -> Options {
        Options {
            org: org.map(str::to_string),
            month: month.parse().unwrap(),
            as_of: "2026-11-20".parse().unwrap(),
        }
    }

    fn ranks(ws: &Workspace, o: &Options) -> Vec<(usize, String, Option<Decimal>)> {
        rank(ws, o)
            .into_iter()
            .map(|r| (r.rank, r.org, r.completion.percent()))
            .collect()
    }

    #[test]
    fn ranks_at_month_end_with_ties_equal() {
        let ws = fixture::workspace();
        let hundred = Some(Decimal::ONE_HUNDRED);
        assert_eq!(
            ranks(&ws, &opts("2026-10-01", None)),
            [
                (1, "b".to_string(), hundred),
                (1, "c".to_string(), hundred),
                (3, "a".to_string(), Some(Decimal::from(60))),
            ]
        );
        // a reaches its target on 2026-11-05: everyone first at November's end
        let nov = ranks(&ws, &opts("2026-11-30", None));
        assert!(nov.iter().all(|r| r.0 == 1), "{nov:?}");
        // the 2025 task of `a` never counts in 2026; its 0 % counts in 2025
        assert_eq!(
            ranks(&ws, &opts("2025-12-01", None)),
            [(1, "a".to_string(), Some(Decimal::ZERO))]
        );
        assert_eq!(ranks(&ws, &opts("2026-10-31", Some("a"))).len(), 1);
    }

    #[test]
    fn document_has_the_columns_and_a_bar_chart() {
        let ws = fixture::workspace();
        let doc = build(&ws, &opts("2026-10-09", None), Locale::En);
        let table = &doc.tables[0];
        let keys: Vec<&str> = table.columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            ["rank", "org", "name", "tasks", "completed", "completion"]
        );
        assert_eq!(table.chart, Some(Chart::Bars { label: 2, value: 5 }));
        assert_eq!(
            table.rows[2],
            [
                Cell::Int(3),
                Cell::text("a"),
                Cell::text("Org a"),
                Cell::Int(1),
                Cell::Int(0),
                Cell::num(Decimal::from(60)),
            ]
        );
        assert!(doc.meta.iter().any(|(_, v)| v == "2026-10-31"));
        assert_eq!(
            month_end("2024-02-10".parse().unwrap()).to_string(),
            "2024-02-29"
        );
        let last = Date(chrono::NaiveDate::MAX);
        assert_eq!(month_end(last), last);
    }
}
