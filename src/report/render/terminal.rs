//! Terminal tables (comfy-table), aligned by display width so Chinese text lines up.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell as TCell, CellAlignment, ContentArrangement, Table as TTable};

use super::RenderOptions;
use crate::report::{Cell, Document};

pub(super) fn render(doc: &Document, _opts: RenderOptions) -> String {
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&doc.title);
        out.push('\n');
    }
    for (k, v) in &doc.meta {
        out.push_str(&format!("{k}: {v}\n"));
    }
    for table in &doc.tables {
        if doc.tables.len() > 1 && !table.title.is_empty() {
            out.push('\n');
            out.push_str(&table.title);
            out.push('\n');
        }
        let mut t = TTable::new();
        *t.style_mut() = UTF8_FULL_CONDENSED;
        t.set_content_arrangement(ContentArrangement::Disabled);
        t.set_header(table.columns.iter().map(|c| TCell::new(&c.label)));
        for row in &table.rows {
            t.add_row(row.iter().map(|c| {
                let cell = TCell::new(c.display());
                match c {
                    Cell::Int(_) | Cell::Num(_) => cell.set_alignment(CellAlignment::Right),
                    _ => cell,
                }
            }));
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out
}
