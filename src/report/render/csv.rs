//! CSV (RFC 4180): CRLF line ends, a header of column keys, text cells neutralised against
//! formula injection, an optional BOM for Excel. A document of several tables writes them one
//! after the other, separated by an empty line, each with its header.

use anyhow::{Result, anyhow};

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
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(table.columns.iter().map(|c| c.key.as_str()))?;
        for row in &table.rows {
            w.write_record(row.iter().map(field))?;
        }
        out.extend(w.into_inner().map_err(|e| anyhow!("{e}"))?);
    }
    Ok(out)
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => neutralise(s).into_owned(),
        Cell::Bool(b) => b.to_string(),
        other => other.display(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn csv(doc: &Document, bom: bool) -> String {
        let bytes = render(doc, RenderOptions { bom, color: false }).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn rfc4180_with_crlf_quotes_and_neutralised_formulas() {
        let out = csv(&fixture::doc(), false);
        let expected = "name,score,rank,date,ok,note\r\n\
             张三,89.81,1,2026-04-05,true,\"巡查3个小区\n上报隐患2处\"\r\n\
             \"'=HYPERLINK(\"\"http://x\"\",\"\"a|b\"\")\",75,2,,false,\"<script>alert(1)</script> & \"\"q\"\"\"\r\n\
             \r\n\
             grade,count\r\n\
             优秀,1\r\n\
             合格,1\r\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn bom_only_when_asked() {
        assert!(csv(&fixture::doc(), true).starts_with('\u{feff}'));
        assert!(csv(&fixture::doc(), false).starts_with("name,"));
    }
}
