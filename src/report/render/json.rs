//! JSON, the machine format of SPEC §7: a report is one object
//! `{"report": <id>, "meta": {<key>: <value>}, "tables": [{"id", "columns", "rows"}]}` whose rows
//! are objects keyed by column key; a listing of one table is just the array of its rows. Keys
//! are stable English identifiers, values typed (numbers, `YYYY-MM-DD` strings, booleans, `null`
//! for absent). Titles and meta labels belong to the human formats and are not written. YAML
//! renders the same value.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

use crate::report::{Cell, Document, Show, Table};

/// The document as pretty JSON, serialized straight from its cells: the same text as
/// `serde_json::to_string_pretty(&value(doc.for_format(keep)))`, without building the value
/// or the filtered copy of the document (for a ledger of 20,000 members the value is several
/// times the size of the document). `keep` says which columns the format shows.
pub(super) fn render(doc: &Document, keep: &dyn Fn(Show) -> bool) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail, and every key is a string.
    let _ = write(doc, keep, &mut out);
    out
}

/// `render` written to `out` as it is made.
pub(super) fn write(
    doc: &Document,
    keep: &dyn Fn(Show) -> bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Doc { doc, keep })?;
    out.write_all(b"\n")
}

/// A document serialized as `value` builds it, keeping the columns `keep` shows.
struct Doc<'a> {
    doc: &'a Document,
    keep: &'a dyn Fn(Show) -> bool,
}

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let table = |t| TableOf::new(t, self.keep);
        if doc.report.is_empty() && doc.tables.len() == 1 {
            return Rows(&table(&doc.tables[0])).serialize(s);
        }
        let tables: Vec<TableOf> = doc.tables.iter().map(table).collect();
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("report", &doc.report)?;
        m.serialize_entry("meta", &Meta(&doc.keyed_meta))?;
        m.serialize_entry("tables", &tables)?;
        m.end()
    }
}

struct Meta<'a>(&'a [(String, Cell)]);

impl Serialize for Meta<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, &JsonCell(Some(v)))?;
        }
        m.end()
    }
}

/// A table with the indexes of the columns shown.
struct TableOf<'a> {
    table: &'a Table,
    shown: Vec<usize>,
}

impl<'a> TableOf<'a> {
    fn new(table: &'a Table, keep: &dyn Fn(Show) -> bool) -> TableOf<'a> {
        let shown = (0..table.columns.len())
            .filter(|&i| keep(table.columns[i].show))
            .collect();
        TableOf { table, shown }
    }
}

impl Serialize for TableOf<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let keys: Vec<&str> = self
            .shown
            .iter()
            .map(|&i| self.table.columns[i].key.as_str())
            .collect();
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("id", &self.table.id)?;
        m.serialize_entry("columns", &keys)?;
        m.serialize_entry("rows", &Rows(self))?;
        m.end()
    }
}

/// The rows of a table as objects keyed by column key.
struct Rows<'a>(&'a TableOf<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rows = &self.0.table.rows;
        let mut seq = s.serialize_seq(Some(rows.len()))?;
        for row in rows {
            seq.serialize_element(&Row(self.0, row))?;
        }
        seq.end()
    }
}

struct Row<'a>(&'a TableOf<'a>, &'a [Cell]);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Row(t, row) = *self;
        let mut m = s.serialize_map(Some(t.shown.len()))?;
        for &i in &t.shown {
            m.serialize_entry(&t.table.columns[i].key, &JsonCell(row.get(i)))?;
        }
        m.end()
    }
}

/// A cell as `Cell::to_json` gives it (a missing cell is `null`), without the value.
struct JsonCell<'a>(Option<&'a Cell>);

impl Serialize for JsonCell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            None | Some(Cell::Empty) => s.serialize_unit(),
            Some(Cell::Text(t)) if t.is_empty() => s.serialize_unit(),
            Some(Cell::Keyword { id, .. }) if id.is_empty() => s.serialize_unit(),
            Some(Cell::Text(t)) => s.serialize_str(t),
            Some(Cell::Keyword { id, .. }) => s.serialize_str(id),
            Some(Cell::Int(i)) => s.serialize_i64(*i),
            Some(Cell::Date(d)) => s.collect_str(&crate::model::Date(*d)),
            Some(Cell::Bool(b)) => s.serialize_bool(*b),
            Some(cell @ Cell::Num(_)) => cell.to_json().serialize(s),
        }
    }
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
    fn serialized_straight_from_the_cells_as_the_value_prints() {
        let mut listing = fixture::doc();
        listing.tables.truncate(1);
        listing.report.clear();
        for doc in [fixture::doc(), listing] {
            let mut expected = serde_json::to_string_pretty(&value(&doc)).unwrap();
            expected.push('\n');
            assert_eq!(
                String::from_utf8(render(&doc, &|_| true)).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn a_report_is_one_object_of_keyed_meta_and_tables() {
        let v: Value = serde_json::from_slice(&render(&fixture::doc(), &|_| true)).unwrap();
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
        let v: Value = serde_json::from_slice(&render(&doc, &|_| true)).unwrap();
        assert_eq!(v.as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_report_of_one_table_keeps_its_shape() {
        let mut doc = fixture::doc();
        doc.tables.truncate(1);
        let v: Value = serde_json::from_slice(&render(&doc, &|_| true)).unwrap();
        assert_eq!(v["tables"].as_array().map(Vec::len), Some(1));
        assert_eq!(v["tables"][0]["rows"].as_array().map(Vec::len), Some(2));
    }
}
