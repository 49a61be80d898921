//! JSON: a document is `{"title", "meta", tables: {id: [row objects keyed by column key]}}`;
//! a single-table document is just the array of rows, so scripts get the simple shape.

use serde_json::{Map, Value};

use crate::report::{Document, Table};

pub(super) fn render(doc: &Document) -> String {
    let value = if doc.tables.len() == 1 {
        rows(&doc.tables[0])
    } else {
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
    };
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
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
