//! `dangjian export` as data (SPEC §10): every record of one or more workspaces as flat tables
//! for an analytics engine, and the review results beside them. Pure: the command reads the
//! files and the git commit, this module builds the tables and their bytes.
//!
//! Every row starts with `workspace`, the `root` id of the workspace the record came from, so
//! that exports of many workspaces (and many districts) can be unioned. `[private]` and
//! `[extra]` tables are never read here, so no private value can reach an export.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};

use crate::model::{Date, Num, Period, PeriodPart, ScoreValue};
use crate::review::{self, json};
use crate::workspace::Workspace;

/// Version of the export's layout, written in `manifest.json`; raised when a column changes
/// meaning or disappears (adding a column does not raise it).
pub const FORMAT: u32 = 1;

mod columns;

pub use columns::{Col, Def, TABLES, Type, schema, schema_text};

/// One workspace of an export, for the manifest: its id, the path of its root from the
/// exported workspace's root (`.` for that one), its name, and the git commit of its checkout
/// where there is one.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub path: String,
    pub name: String,
    pub commit: Option<String>,
}

/// The workspaces of `ws` (itself, then its includes), given a way to find each one's commit
/// from its path.
pub fn sources(ws: &Workspace, commit: impl Fn(&str) -> Option<String>) -> Vec<Source> {
    let mut out = vec![Source {
        id: ws.settings.root.clone(),
        path: ".".into(),
        name: ws.settings.name.clone(),
        commit: commit("."),
    }];
    for p in &ws.parts {
        let path = p.prefix.trim_end_matches('/').to_string();
        out.push(Source {
            id: p.id.clone(),
            name: p.settings.name.clone(),
            commit: commit(&path),
            path,
        });
    }
    out
}

/// One table: its rows encoded in the file format as they are made (a row's values are
/// dropped at once: holding every row of a district as JSON values took several times the
/// memory of the workspace), and how many there are.
pub struct Rows {
    pub def: &'static Def,
    pub count: usize,
    sink: Sink,
}

enum Sink {
    /// NDJSON lines.
    Ndjson(Vec<u8>),
    /// CSV records after the header.
    Csv(Box<csv::Writer<Vec<u8>>>),
}

impl Rows {
    fn new(def: &'static Def, format: Format) -> Rows {
        let sink = match format {
            Format::Ndjson => Sink::Ndjson(Vec::new()),
            Format::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::Any(b'\n'))
                    .from_writer(Vec::new());
                let _ = w.write_record(def.columns.iter().map(|c| c.name));
                Sink::Csv(Box::new(w))
            }
        };
        Rows {
            def,
            count: 0,
            sink,
        }
    }

    /// Appends a row: an NDJSON object keyed in column order, or a CSV record (empty cells for
    /// nulls, numbers and booleans as in JSON).
    fn push(&mut self, row: Vec<Value>) {
        match &mut self.sink {
            Sink::Ndjson(out) => {
                let obj: Map<String, Value> = self
                    .def
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| (c.name.to_string(), v))
                    .collect();
                out.extend(serde_json::to_vec(&Value::Object(obj)).unwrap_or_default());
                out.push(b'\n');
            }
            Sink::Csv(w) => {
                let _ = w.write_record(row.iter().map(csv_cell));
            }
        }
        self.count += 1;
    }

    /// The bytes of the table's file.
    pub fn into_bytes(self) -> Vec<u8> {
        match self.sink {
            Sink::Ndjson(out) => out,
            Sink::Csv(w) => w.into_inner().unwrap_or_default(),
        }
    }
}

/// The file format of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Ndjson,
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
        }
    }
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn os(v: Option<&str>) -> Value {
    v.map_or(Value::Null, s)
}

fn date(d: Date) -> Value {
    Value::String(d.to_string())
}

fn od(d: Option<Date>) -> Value {
    d.map_or(Value::Null, date)
}

/// An exact decimal as a JSON number in its shortest form (`3`, `12.5`).
pub fn decimal(d: Decimal) -> Value {
    let text = d.normalize().to_string();
    serde_json::from_str::<Number>(&text).map_or(Value::Null, Value::Number)
}

fn num(n: Num) -> Value {
    decimal(n.0)
}

fn on(n: Option<Num>) -> Value {
    n.map_or(Value::Null, num)
}

fn score_cells(v: Option<&ScoreValue>) -> [Value; 2] {
    match v {
        None => [Value::Null, Value::Null],
        Some(ScoreValue::One(n)) => [num(*n), Value::Null],
        Some(ScoreValue::Ballots(list)) => [
            Value::Null,
            Value::String(
                list.iter()
                    .map(|n| n.0.normalize().to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ],
    }
}

fn def(name: &str) -> &'static Def {
    TABLES.iter().find(|d| d.name == name).unwrap_or(&TABLES[0])
}

/// The periods reviewed by the export: every quarter and half-year that has a sheet.
fn periods(ws: &Workspace) -> BTreeSet<Period> {
    ws.evaluations
        .iter()
        .map(|e| e.period)
        .filter(|p| !matches!(p.part, PeriodPart::Y))
        .collect()
}

/// The years reviewed by the export: every year that has a sheet of any period.
fn years(ws: &Workspace) -> BTreeSet<i32> {
    ws.evaluations.iter().map(|e| e.period.year).collect()
}

/// Builds every table of a workspace and the workspaces it includes, as of `as_of`. Records
/// carry the id of the workspace they live in; results are those of each workspace scored
/// under its own settings (what `review` run in its folder gives).
pub fn tables(ws: &Workspace, as_of: Date, format: Format) -> Vec<Rows> {
    let mut out: Vec<Rows> = TABLES.iter().map(|d| Rows::new(d, format)).collect();
    records(&mut out, ws, as_of);
    if ws.parts.is_empty() {
        results(&mut out, ws, &ws.settings.root, as_of);
    } else {
        results(&mut out, &ws.part_view(None), &ws.settings.root, as_of);
        for p in &ws.parts {
            results(&mut out, &ws.part_view(Some(p)), &p.id, as_of);
        }
    }
    out
}

fn push(out: &mut [Rows], table: &str, row: Vec<Value>) {
    let d = def(table);
    debug_assert_eq!(row.len(), d.columns.len(), "{table}");
    if let Some(t) = out.iter_mut().find(|t| t.def.name == d.name) {
        t.push(row);
    }
}

fn sorted<T>(list: &[crate::workspace::Rec<T>]) -> Vec<&crate::workspace::Rec<T>> {
    let mut v: Vec<_> = list.iter().collect();
    v.sort_by(|a, b| a.path.cmp(&b.path));
    v
}

fn records(out: &mut [Rows], ws: &Workspace, as_of: Date) {
    for o in sorted(&ws.orgs) {
        let w = || s(ws.workspace_of(&o.path));
        push(
            out,
            "orgs",
            vec![
                w(),
                s(&o.id),
                s(&o.name),
                s(o.kind.as_str()),
                s(o.sector.as_str()),
                os(o.parent.as_deref()),
                os(o.role.as_deref()),
                os(o.secretary.as_deref()),
            ],
        );
    }
    for m in sorted(&ws.members) {
        let w = || s(ws.workspace_of(&m.path));
        push(
            out,
            "members",
            vec![
                w(),
                s(&m.id),
                s(&m.name),
                s(&m.org),
                s(m.status.as_str()),
                s(m.office.as_str()),
                od(m.joined),
                os(m.lives_in.as_deref()),
                od(m.left),
            ],
        );
    }
    for p in sorted(&ws.posts) {
        let w = || s(ws.workspace_of(&p.path));
        push(
            out,
            "posts",
            vec![
                w(),
                s(&p.id),
                s(&p.name),
                s(&p.org),
                s(p.kind.as_str()),
                od(p.from),
                od(p.until),
                s(&p.duties.join("\n")),
                p.capacity.map_or(Value::Null, Value::from),
                p.log_every.map_or(Value::Null, |c| s(c.as_str())),
            ],
        );
        for (i, h) in p.holders.iter().enumerate() {
            push(
                out,
                "holders",
                vec![
                    w(),
                    s(&p.id),
                    Value::from(i + 1),
                    s(&h.member),
                    od(h.claimed),
                    od(h.confirmed),
                    od(h.published),
                    od(h.ended),
                    os(h.end_reason.as_deref()),
                ],
            );
        }
        for (i, l) in p.logs.iter().enumerate() {
            push(
                out,
                "logs",
                vec![
                    w(),
                    s(&p.id),
                    Value::from(i + 1),
                    date(l.date),
                    s(&l.member),
                    s(&l.text),
                    on(l.hours),
                ],
            );
        }
    }
    for m in sorted(&ws.matters) {
        let w = || s(ws.workspace_of(&m.path));
        push(
            out,
            "matters",
            vec![
                w(),
                s(&m.id),
                s(&m.name),
                s(&m.org),
                Value::from(m.year),
                s(m.step.as_str()),
            ],
        );
        for t in &m.tasks {
            push(
                out,
                "tasks",
                vec![
                    w(),
                    s(&m.id),
                    s(&t.id),
                    s(&t.text),
                    os(t.org.as_deref()),
                    os(t.member.as_deref()),
                    os(t.leader.as_deref()),
                    os(t.liaison.as_deref()),
                    on(t.target),
                    os(t.unit.as_deref()),
                    od(t.due),
                    od(t.signed),
                    on(m.task_value_on(&t.id, as_of)),
                ],
            );
        }
        for p in &m.progress {
            push(
                out,
                "task_progress",
                vec![
                    w(),
                    s(&m.id),
                    s(&p.task),
                    date(p.date),
                    num(p.value),
                    os(p.note.as_deref()),
                ],
            );
        }
    }
    for l in sorted(&ws.commitments) {
        let w = || s(ws.workspace_of(&l.path));
        let half = l.half.to_string();
        push(
            out,
            "letters",
            vec![
                w(),
                s(&l.committer),
                s(&half),
                od(l.signed),
                od(l.published),
            ],
        );
        for it in &l.items {
            push(
                out,
                "items",
                vec![
                    w(),
                    s(&l.committer),
                    s(&half),
                    s(&it.id),
                    s(it.category.as_str()),
                    s(it.kind.as_str()),
                    s(&it.text),
                    os(it.measure.as_deref()),
                    on(it.target),
                    os(it.unit.as_deref()),
                    od(it.due),
                    s(it.status_on(as_of).as_str()),
                ],
            );
            for p in &it.progress {
                push(
                    out,
                    "item_progress",
                    vec![
                        w(),
                        s(&l.committer),
                        s(&half),
                        s(&it.id),
                        date(p.date),
                        on(p.value),
                        p.done.map_or(Value::Null, Value::from),
                        os(p.note.as_deref()),
                    ],
                );
            }
        }
        for (i, cm) in l.comments.iter().enumerate() {
            push(
                out,
                "comments",
                vec![
                    w(),
                    s(&l.committer),
                    s(&half),
                    Value::from(i + 1),
                    s(&cm.by),
                    date(cm.date),
                    cm.rating.map_or(Value::Null, |r| s(r.as_str())),
                    s(&cm.text),
                ],
            );
        }
    }
    for e in sorted(&ws.evaluations) {
        let w = || s(ws.workspace_of(&e.path));
        let period = e.period.to_string();
        for (i, r) in e.scores.iter().enumerate() {
            let (kind, subject) = match r.subject() {
                Some((true, id)) => (s("org"), s(id)),
                Some((false, id)) => (s("member"), s(id)),
                None => (Value::Null, Value::Null),
            };
            let adjust: Decimal = r.adjust.iter().map(|a| a.points.0).sum();
            let mut row = vec![
                w(),
                s(&e.org),
                s(&period),
                date(e.date),
                Value::from(i + 1),
                kind,
                subject,
            ];
            for v in [&r.self_score, &r.peer, &r.leader, &r.masses] {
                row.extend(score_cells(v.as_ref()));
            }
            row.push(decimal(adjust));
            row.push(os(r.veto.as_deref()));
            row.push(os(r.note.as_deref()));
            push(out, "score_rows", row);
        }
    }
}

fn results(out: &mut [Rows], ws: &Workspace, id: &str, as_of: Date) {
    let w = || s(id);
    let settings = &ws.settings.review;
    for period in periods(ws) {
        let result = review::period::compute(ws, period);
        let value = json::period(&result, settings, as_of);
        for subj in value["subjects"].as_array().into_iter().flatten() {
            let mut row = vec![w(), s(&period.to_string())];
            row.extend(head(subj));
            for comp in review::period::COMPONENTS {
                row.push(subj["components"][comp].clone());
            }
            row.push(subj["adjust"].clone());
            row.extend(tail(subj));
            push(out, "period_results", row);
        }
    }
    for year in years(ws) {
        let result = review::annual::compute(ws, year);
        let value = json::annual(&result, settings, as_of);
        for subj in value["subjects"].as_array().into_iter().flatten() {
            let mut row = vec![w(), Value::from(year)];
            row.extend(head(subj));
            for part in review::annual::PARTS {
                row.push(subj["parts"][part].clone());
            }
            row.extend(tail(subj));
            push(out, "annual_results", row);
        }
    }
}

fn head(subj: &Value) -> [Value; 4] {
    [
        subj["kind"].clone(),
        subj["id"].clone(),
        subj["name"].clone(),
        subj["org"].clone(),
    ]
}

fn tail(subj: &Value) -> [Value; 6] {
    [
        subj["score"].clone(),
        subj["grade"].clone(),
        subj["demoted"].clone(),
        subj["vetoed"].clone(),
        subj["rank"].clone(),
        subj["rank_overall"].clone(),
    ]
}

/// The file name of a table in an export.
pub fn file_name(table: &str, format: Format) -> String {
    format!("{table}.{}", format.as_str())
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `manifest.json`: the format version, `as_of`, the workspaces exported and the tables with
/// their files, columns and row counts.
pub fn manifest(sources: &[Source], tables: &[Rows], format: Format, as_of: Date) -> Value {
    let workspaces: Vec<Value> = sources
        .iter()
        .map(|src| {
            serde_json::json!({
                "id": src.id,
                "name": src.name,
                "path": src.path,
                "commit": src.commit,
            })
        })
        .collect();
    let tables: Vec<Value> = tables
        .iter()
        .map(|t| {
            serde_json::json!({
                "name": t.def.name,
                "file": file_name(t.def.name, format),
                "rows": t.count,
                "columns": t.def.columns.iter().map(|c| serde_json::json!({
                    "name": c.name,
                    "type": c.ty.as_str(),
                    "nullable": c.nullable,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "format": FORMAT,
        "as_of": as_of.to_string(),
        "table_format": format.as_str(),
        "workspaces": workspaces,
        "tables": tables,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `schemas/export/` holds exactly what the code generates; `UPDATE_SCHEMAS=1` rewrites it.
    #[test]
    fn export_schemas_match_the_code() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/export");
        let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
        let mut stale = Vec::new();
        for d in TABLES {
            let path = dir.join(format!("{}.schema.json", d.name));
            let want = schema_text(d);
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &want).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
                stale.push(path.display().to_string());
            }
        }
        let files = std::fs::read_dir(&dir).map_or(0, |d| d.count());
        assert!(
            stale.is_empty() && files == TABLES.len(),
            "schemas/export drifted from the code: {stale:?} ({files} files); run `UPDATE_SCHEMAS=1 cargo test --lib export` and commit schemas/export/"
        );
    }

    #[test]
    fn every_table_of_spec_10_and_workspace_first() {
        let names: Vec<&str> = TABLES.iter().map(|d| d.name).collect();
        assert_eq!(
            names,
            [
                "orgs",
                "members",
                "posts",
                "holders",
                "logs",
                "matters",
                "tasks",
                "task_progress",
                "letters",
                "items",
                "item_progress",
                "comments",
                "score_rows",
                "period_results",
                "annual_results"
            ]
        );
        for d in TABLES {
            assert_eq!(d.columns[0].name, "workspace", "{}", d.name);
            let unique: BTreeSet<&str> = d.columns.iter().map(|c| c.name).collect();
            assert_eq!(unique.len(), d.columns.len(), "{}", d.name);
        }
    }

    #[test]
    fn decimals_are_shortest_json_numbers() {
        assert_eq!(decimal(Decimal::new(1250, 2)).to_string(), "12.5");
        assert_eq!(decimal(Decimal::new(300, 2)).to_string(), "3");
        assert_eq!(decimal(Decimal::new(-5, 1)).to_string(), "-0.5");
    }

    #[test]
    fn csv_quotes_and_empties() {
        let table = |format| {
            let mut t = Rows::new(def("letters"), format);
            t.push(vec![
                s("w"),
                s("a,b"),
                s("2026-H1"),
                Value::Null,
                s("2026-01-02"),
            ]);
            String::from_utf8(t.into_bytes()).unwrap()
        };
        let text = table(Format::Csv);
        assert_eq!(
            text,
            "workspace,committer,half,signed,published\nw,\"a,b\",2026-H1,,2026-01-02\n"
        );
        let text = table(Format::Ndjson);
        assert_eq!(
            text,
            "{\"workspace\":\"w\",\"committer\":\"a,b\",\"half\":\"2026-H1\",\"signed\":null,\"published\":\"2026-01-02\"}\n"
        );
    }
}
