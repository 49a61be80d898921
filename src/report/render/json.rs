//! JSON, the machine format of SPEC §7: a report is one object
//! `{"report": <id>, "meta": {<key>: <value>}, "tables": [{"id", "columns", "rows"}]}` whose rows
//! are objects keyed by column key; a listing of one table is just the array of its rows. Keys
//! are stable English identifiers, values typed (numbers, `YYYY-MM-DD` strings, booleans, `null`
//! for absent). Titles and meta labels belong to the human formats and are not written. YAML
//! renders the same value.

use serde_json::{Map, Value};

use crate::report::{Document, Table};

pub(super) fn render(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(&value(doc)).unwrap_or_default();
    s.push('\n');
    s
}

/// The data of a document, shared by JSON and YAML.
pub(super) fn value(doc: &Document) -> Value {
    if doc.report.is_empty() && doc.tables.len() == 1 {
        return rows(&doc.tables[0]);
    }
    let mut m = Map::new();
    m.insert("report".into(), doc.report.clone().into());
    m.insert(
        "meta".into(),
        Value::Object(
            doc.keyed_meta
                .iter()
                .map(|(k, v)| (k.clone(), v.to_json()))
                .collect(),
        ),
    );
    m.insert(
        "tables".into(),
        Value::Array(doc.tables.iter().map(table).collect()),
    );
    Value::Object(m)
}

/// `{"id", "columns": [keys], "rows": [{key: value}]}`: one table of a report.
pub(super) fn table(t: &Table) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), t.id.clone().into());
    m.insert(
        "columns".into(),
        Value::Array(t.columns.iter().map(|c| c.key.clone().into()).collect()),
    );
    m.insert("rows".into(), rows(t));
    Value::Object(m)
}

/// The rows of a table as objects keyed by column key; a short row's missing cells are `null`.
fn rows(t: &Table) -> Value {
    Value::Array(
        t.rows
            .iter()
            .map(|row| {
                Value::Object(
                    t.columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            (
                                c.key.clone(),
                                row.get(i).map_or(Value::Null, |c| c.to_json()),
                            )
                        })
                        .collect(),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn a_report_is_one_object_of_keyed_meta_and_tables() {
        let v: Value = serde_json::from_str(&render(&fixture::doc())).unwrap();
        assert_eq!(v["report"], "review");
        assert!(v.get("title").is_none());
        assert_eq!(v["meta"]["period"], "2026-Q1");
        assert_eq!(v["meta"]["scale"], 100);
        assert!(v["meta"]["org"].is_null());
        assert_eq!(v["tables"][0]["id"], "scores");
        assert_eq!(v["tables"][0]["columns"][1], "score");
        let row = &v["tables"][0]["rows"][0];
        assert_eq!(row["name"], "张三");
        assert_eq!(row["score"], serde_json::json!(89.81));
        assert_eq!(row["rank"], 1);
        assert_eq!(row["date"], "2026-04-05");
        assert_eq!(row["ok"], true);
        assert!(v["tables"][0]["rows"][1]["date"].is_null());
        // JSON is data, not a spreadsheet: no formula neutralisation.
        assert_eq!(
            v["tables"][0]["rows"][1]["name"],
            "=HYPERLINK(\"http://x\",\"a|b\")"
        );
        assert_eq!(v["tables"][1]["rows"][1]["count"], 1);
    }

    #[test]
    fn a_listing_of_one_table_is_just_its_rows() {
        let mut doc = fixture::doc();
        doc.tables.truncate(1);
        doc.report.clear();
        let v: Value = serde_json::from_str(&render(&doc)).unwrap();
        assert_eq!(v.as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_report_of_one_table_keeps_its_shape() {
        let mut doc = fixture::doc();
        doc.tables.truncate(1);
        let v: Value = serde_json::from_str(&render(&doc)).unwrap();
        assert_eq!(v["tables"].as_array().map(Vec::len), Some(1));
        assert_eq!(v["tables"][0]["rows"].as_array().map(Vec::len), Some(2));
    }
}
