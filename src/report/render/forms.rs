//! Reports that are printed forms (承诺书, 点评登记表) in every format: html, md and docx lay
//! the forms out page by page; json and yaml give the report's machine document in the shape
//! of SPEC §7 (`{"report", "meta", "tables": [{"id", "columns", "rows"}]}`), csv its tables;
//! the terminal and xlsx get the forms flattened into plain tables.

use anyhow::Result;
use serde_json::{Map, Value};

use super::{Format, Layout, RenderOptions, csv, docx, form_html, form_md, json, render_with};
use crate::report::Document;
use crate::report::form::Forms;

/// Renders a form report: `forms` for people, `machine` (ids, names, canonical words) for
/// scripts; `report` names the report in json and yaml.
pub fn render_forms(
    report: &str,
    forms: &Forms,
    machine: &Document,
    format: Format,
    opts: RenderOptions,
    layout: Layout,
) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Html => form_html::render(forms, layout).into_bytes(),
        Format::Md => form_md::render(forms).into_bytes(),
        Format::Docx => docx::render(forms, layout)?,
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&machine_value(report, machine))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Yaml => serde_yaml::to_string(&machine_value(report, machine))?.into_bytes(),
        Format::Csv => csv::render(machine, opts)?,
        Format::Table | Format::Xlsx => render_with(&forms.to_document(), format, opts, layout)?,
    })
}

/// `{"report": …, "meta": {…}, "tables": [{"id", "columns": [keys], "rows": [{key: value}]}]}`.
pub fn machine_value(report: &str, doc: &Document) -> Value {
    let tables = doc.tables.iter().map(json::table).collect();
    let mut m = Map::new();
    m.insert("report".into(), report.into());
    m.insert(
        "meta".into(),
        Value::Object(
            doc.meta
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        ),
    );
    m.insert("tables".into(), Value::Array(tables));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::form::fixture;
    use crate::report::{Cell, Column, Table};

    fn machine() -> Document {
        let mut t = Table::new(
            "items",
            "items",
            vec![Column::new("item", "x"), Column::new("target", "y")],
        );
        t.rows.push(vec![Cell::text("c1"), Cell::Int(3)]);
        Document {
            title: "letter".into(),
            meta: vec![("half".into(), "2026-H2".into())],
            tables: vec![t],
            ..Document::default()
        }
    }

    #[test]
    fn json_has_the_report_shape_with_keys_and_typed_values() {
        let bytes = render_forms(
            "letter",
            &fixture::forms(),
            &machine(),
            Format::Json,
            RenderOptions::default(),
            Layout::default(),
        )
        .unwrap();
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["report"], "letter");
        assert_eq!(v["meta"]["half"], "2026-H2");
        assert_eq!(v["tables"][0]["id"], "items");
        assert_eq!(
            v["tables"][0]["columns"],
            serde_json::json!(["item", "target"])
        );
        assert_eq!(v["tables"][0]["rows"][0]["target"], 3);
    }

    #[test]
    fn every_format_renders_the_forms_the_same_twice() {
        for f in Format::ALL {
            let go = || {
                render_forms(
                    "letter",
                    &fixture::forms(),
                    &machine(),
                    f,
                    RenderOptions::default(),
                    Layout::default(),
                )
                .unwrap()
            };
            let a = go();
            assert!(!a.is_empty(), "{f:?}");
            assert_eq!(a, go(), "{f:?}");
        }
    }
}
