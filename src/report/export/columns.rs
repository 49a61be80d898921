//! The tables of the export and their columns: names, types and what each holds. They are the
//! contract with the engines that read an export, published as one JSON Schema per table in
//! `schemas/export/`.

use serde_json::{Map, Value};

/// The type of a column, as documented in `schemas/export/<table>.schema.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    String,
    Integer,
    Number,
    Boolean,
    /// A `YYYY-MM-DD` string.
    Date,
}

impl Type {
    pub fn as_str(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Integer => "integer",
            Type::Number => "number",
            Type::Boolean => "boolean",
            Type::Date => "date",
        }
    }
}

/// A column: name, type, and whether it may be empty (null in NDJSON, an empty cell in CSV).
#[derive(Clone, Copy, Debug)]
pub struct Col {
    pub name: &'static str,
    pub ty: Type,
    pub nullable: bool,
    pub doc: &'static str,
}

const fn c(name: &'static str, ty: Type, doc: &'static str) -> Col {
    Col {
        name,
        ty,
        nullable: false,
        doc,
    }
}

const fn o(name: &'static str, ty: Type, doc: &'static str) -> Col {
    Col {
        name,
        ty,
        nullable: true,
        doc,
    }
}

use Type::{Boolean as B, Date as D, Integer as I, Number as N, String as S};

const WS: Col = c(
    "workspace",
    S,
    "`root` id of the workspace the row came from",
);

/// A table's name, what a row is, and its columns.
#[derive(Clone, Copy, Debug)]
pub struct Def {
    pub name: &'static str,
    pub doc: &'static str,
    pub columns: &'static [Col],
}

/// Every table of an export, in the order of SPEC §10.
pub const TABLES: &[Def] = &[
    Def {
        name: "orgs",
        doc: "one row per organization (orgs/<id>.toml)",
        columns: &[
            WS,
            c("id", S, "organization id"),
            c("name", S, "name"),
            c(
                "kind",
                S,
                "committee, general-branch, branch, group or partner",
            ),
            c(
                "sector",
                S,
                "village, community, agency, enterprise, school or other",
            ),
            o("parent", S, "parent organization id"),
            o("role", S, "role id (八个方面作用)"),
            o("secretary", S, "member id of the secretary"),
        ],
    },
    Def {
        name: "members",
        doc: "one row per person (members/<id>.toml); private data is never exported",
        columns: &[
            WS,
            c("id", S, "member id"),
            c("name", S, "name"),
            c("org", S, "organization holding the Party relation"),
            c("status", S, "full, probationary, activist or resident"),
            c("office", S, "none or leader"),
            o("joined", D, "date of joining the Party"),
            o(
                "lives_in",
                S,
                "community organization where the person lives",
            ),
            o("left", D, "date of leaving the workspace"),
        ],
    },
    Def {
        name: "posts",
        doc: "one row per post (posts/<id>.toml)",
        columns: &[
            WS,
            c("id", S, "post id"),
            c("name", S, "name"),
            c("org", S, "organization of the post"),
            c("kind", S, "standing or temporary"),
            o("from", D, "temporary posts: first day"),
            o("until", D, "temporary posts: last day"),
            c("duties", S, "the duties, one per line"),
            o("capacity", I, "most confirmed holders at once"),
            o(
                "log_every",
                S,
                "required cadence of duty-log entries: week, month or quarter",
            ),
        ],
    },
    Def {
        name: "holders",
        doc: "one row per holder of a post ([[holder]])",
        columns: &[
            WS,
            c("post", S, "post id"),
            c("seq", I, "position in the post's holder list, from 1"),
            c("member", S, "member id"),
            o("claimed", D, "认岗"),
            o("confirmed", D, "定岗"),
            o("published", D, "明岗"),
            o("ended", D, "left the post"),
            o("end_reason", S, "why the holder left"),
        ],
    },
    Def {
        name: "logs",
        doc: "one row per duty-log entry of a post ([[log]])",
        columns: &[
            WS,
            c("post", S, "post id"),
            c("seq", I, "position in the post's log, from 1"),
            c("date", D, "date"),
            c("member", S, "member id"),
            c("text", S, "what was done"),
            o("hours", N, "hours"),
        ],
    },
    Def {
        name: "matters",
        doc: "one row per matter (matters/<year>/<id>.toml)",
        columns: &[
            WS,
            c("id", S, "matter id"),
            c("name", S, "name"),
            c("org", S, "organization owning the matter"),
            c("year", I, "year"),
            c("step", S, "current step of the six steps"),
        ],
    },
    Def {
        name: "tasks",
        doc: "one row per task of a matter ([[task]])",
        columns: &[
            WS,
            c("matter", S, "matter id"),
            c("id", S, "task id, unique within the matter"),
            c("text", S, "task"),
            o("org", S, "organization taking the task"),
            o("member", S, "member taking the task"),
            o("leader", S, "leading member"),
            o("liaison", S, "liaison member"),
            o("target", N, "target value"),
            o("unit", S, "unit of the target"),
            o("due", D, "due date"),
            o("signed", D, "date the task was signed"),
            o("value", N, "latest progress value on or before as_of"),
        ],
    },
    Def {
        name: "task_progress",
        doc: "one row per progress entry of a task ([[progress]])",
        columns: &[
            WS,
            c("matter", S, "matter id"),
            c("task", S, "task id"),
            c("date", D, "date"),
            c("value", N, "value reached"),
            o("note", S, "note"),
        ],
    },
    Def {
        name: "letters",
        doc: "one row per commitment letter (commitments/<year>-H<n>/<committer>.toml)",
        columns: &[
            WS,
            c("committer", S, "member or organization id"),
            c("half", S, "half-year, YYYY-H1 or YYYY-H2"),
            o("signed", D, "date signed"),
            o("published", D, "date published"),
        ],
    },
    Def {
        name: "items",
        doc: "one row per item of a commitment letter ([[item]])",
        columns: &[
            WS,
            c("committer", S, "member or organization id"),
            c("half", S, "half-year"),
            c("id", S, "item id, unique within the letter"),
            c("category", S, "category"),
            c("type", S, "service or concrete"),
            c("text", S, "the commitment"),
            o("measure", S, "measure"),
            o("target", N, "target value"),
            o("unit", S, "unit of the target"),
            o("due", D, "due date"),
            c(
                "status",
                S,
                "fulfilled, overdue, in-progress or not-started on as_of",
            ),
        ],
    },
    Def {
        name: "item_progress",
        doc: "one row per progress entry of a commitment item",
        columns: &[
            WS,
            c("committer", S, "member or organization id"),
            c("half", S, "half-year"),
            c("item", S, "item id"),
            c("date", D, "date"),
            o("value", N, "value reached"),
            o("done", B, "done"),
            o("note", S, "note"),
        ],
    },
    Def {
        name: "comments",
        doc: "one row per leader comment on a commitment letter ([[comment]])",
        columns: &[
            WS,
            c("committer", S, "member or organization id"),
            c("half", S, "half-year"),
            c("seq", I, "position in the letter's comments, from 1"),
            c("by", S, "member id of the commenting leader"),
            c("date", D, "date"),
            o("rating", S, "excellent, good, fair or poor"),
            c("text", S, "the comment"),
        ],
    },
    Def {
        name: "score_rows",
        doc: "one row per score row of an evaluation sheet (evaluations/<period>/<org>.toml)",
        columns: &[
            WS,
            c("sheet_org", S, "organization whose sheet it is"),
            c("period", S, "period of the sheet"),
            c("sheet_date", D, "date of the sheet"),
            c("seq", I, "position in the sheet, from 1"),
            o("subject_kind", S, "member or org"),
            o("subject", S, "member or organization id scored"),
            o("self", N, "self score, when one value"),
            o(
                "self_ballots",
                S,
                "self ballots, space-separated, when several",
            ),
            o("peer", N, "peer score, when one value"),
            o(
                "peer_ballots",
                S,
                "peer ballots, space-separated, when several",
            ),
            o("leader", N, "leader score, when one value"),
            o(
                "leader_ballots",
                S,
                "leader ballots, space-separated, when several",
            ),
            o("masses", N, "masses score, when one value"),
            o(
                "masses_ballots",
                S,
                "masses ballots, space-separated, when several",
            ),
            c("adjust", N, "sum of the row's adjustment points"),
            o("veto", S, "veto reason"),
            o("note", S, "note"),
        ],
    },
    Def {
        name: "period_results",
        doc: "one row per scored subject of each quarter and half-year with sheets; the values of `review quarterly|half --format json`",
        columns: &[
            WS,
            c("period", S, "YYYY-Qn or YYYY-Hn"),
            c("kind", S, "member or org"),
            c("id", S, "subject id"),
            c("name", S, "subject name"),
            o(
                "org",
                S,
                "a member's organization, an organization's parent",
            ),
            o("self", N, "component"),
            o("peer", N, "component"),
            o("leader", N, "component"),
            o("masses", N, "component"),
            o("objective", N, "component"),
            c("adjust", N, "total adjustment"),
            c("score", N, "score, rounded to 2 decimals"),
            o("grade", S, "grade id"),
            c("demoted", B, "demoted by a quota"),
            c("vetoed", B, "vetoed"),
            c("rank", I, "rank within the subject's group"),
            c("rank_overall", I, "rank over the workspace"),
        ],
    },
    Def {
        name: "annual_results",
        doc: "one row per scored subject of each year with sheets; the values of `review annual --format json`",
        columns: &[
            WS,
            c("year", I, "year"),
            c("kind", S, "member or org"),
            c("id", S, "subject id"),
            c("name", S, "subject name"),
            o(
                "org",
                S,
                "a member's organization, an organization's parent",
            ),
            o("quarters", N, "part: mean of the quarters"),
            o("half", N, "part: half-year"),
            o("year_end", N, "part: year-end"),
            c("score", N, "score, rounded to 2 decimals"),
            o("grade", S, "grade id"),
            c("demoted", B, "demoted by a quota"),
            c("vetoed", B, "vetoed"),
            c("rank", I, "rank within the subject's group"),
            c("rank_overall", I, "rank over the workspace"),
        ],
    },
];

/// The JSON Schema (draft-07) of one row of a table, as kept in `schemas/export/`.
pub fn schema(d: &Def) -> Value {
    let mut props = Map::new();
    for c in d.columns {
        let base = match c.ty {
            Type::Date => "string",
            other => other.as_str(),
        };
        let ty = if c.nullable {
            serde_json::json!([base, "null"])
        } else {
            Value::from(base)
        };
        let mut p = Map::new();
        p.insert("description".into(), Value::from(c.doc));
        p.insert("type".into(), ty);
        if c.ty == Type::Date {
            p.insert("format".into(), Value::from("date"));
        }
        props.insert(c.name.to_string(), Value::Object(p));
    }
    serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": format!("dangjian export: {} ({})", d.name, d.doc),
        "type": "object",
        "properties": props,
        "required": d.columns.iter().map(|c| c.name).collect::<Vec<_>>(),
        "additionalProperties": false,
    })
}

/// The text of `schemas/export/<table>.schema.json`: pretty JSON ending in a newline.
pub fn schema_text(d: &Def) -> String {
    let mut text = serde_json::to_string_pretty(&schema(d)).unwrap_or_default();
    text.push('\n');
    text
}
