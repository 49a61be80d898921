//! CSV (RFC 4180): one table per document (several are separated by a blank line), text cells
//! neutralised against formula injection, optional BOM for Excel.

use anyhow::Result;

use super::{RenderOptions, neutralise};
use crate::report::{Cell, Document};

pub(super) fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if opts.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    for (i, table) in doc.tables.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(table.columns.iter().map(|c| c.key.as_str()))?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| match c {
                Cell::Text(s) => neutralise(s).into_owned(),
                other => other.display(),
            }))?;
        }
        out.extend(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?);
    }
    Ok(out)
}
