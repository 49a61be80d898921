//! JSON: a document is `{"title", "meta", tables: {id: [row objects keyed by column key]}}`;
//! a single-table document is just the array of rows, so scripts get the simple shape. YAML
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
    if doc.tables.len() == 1 {
        return rows(&doc.tables[0]);
    }
    let mut tables = Map::new();
    for t in &doc.tables {
        tables.insert(t.id.clone(), rows(t));
    }
    let mut m = Map::new();
    m.insert("title".into(), doc.title.clone().into());
    m.insert(
        "meta".into(),
        Value::Object(
            doc.meta
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        ),
    );
    m.insert("tables".into(), Value::Object(tables));
    Value::Object(m)
}

fn rows(t: &Table) -> Value {
    Value::Array(
        t.rows
            .iter()
            .map(|row| {
                Value::Object(
                    t.columns
                        .iter()
                        .zip(row)
                        .map(|(c, cell)| (c.key.clone(), cell.to_json()))
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
    fn several_tables_are_keyed_by_id_with_typed_values() {
        let v: Value = serde_json::from_str(&render(&fixture::doc())).unwrap();
        assert_eq!(v["title"], "江滨社区党支部 考评表");
        assert_eq!(v["meta"]["期间"], "2026-Q1");
        let row = &v["tables"]["scores"][0];
        assert_eq!(row["name"], "张三");
        assert_eq!(row["score"], serde_json::json!(89.81));
        assert_eq!(row["rank"], 1);
        assert_eq!(row["date"], "2026-04-05");
        assert_eq!(row["ok"], true);
        assert!(v["tables"]["scores"][1]["date"].is_null());
        // JSON is data, not a spreadsheet: no formula neutralisation.
        assert_eq!(
            v["tables"]["scores"][1]["name"],
            "=HYPERLINK(\"http://x\",\"a|b\")"
        );
        assert_eq!(v["tables"]["grades"][1]["count"], 1);
    }

    #[test]
    fn one_table_is_just_its_rows() {
        let mut doc = fixture::doc();
        doc.tables.truncate(1);
        let v: Value = serde_json::from_str(&render(&doc)).unwrap();
        assert_eq!(v.as_array().map(Vec::len), Some(2));
    }
}
