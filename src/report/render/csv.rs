//! CSV (RFC 4180): CRLF line ends, a header of column keys, text cells neutralised against
//! formula injection, an optional BOM for Excel. Several tables of the same columns (the board's
//! one table per organization) are one CSV whose first column, `table`, holds each row's table
//! id; tables of different columns are written one after the other, separated by an empty line,
//! each with its header.

use anyhow::{Result, anyhow};

use super::{RenderOptions, neutralise};
use crate::report::{Cell, Document};

pub(super) fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if opts.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let same_columns = doc.tables.len() > 1
        && doc.tables.windows(2).all(|w| {
            w[0].columns
                .iter()
                .map(|c| &c.key)
                .eq(w[1].columns.iter().map(|c| &c.key))
        });
    if same_columns {
        let mut w = writer();
        w.write_record(
            std::iter::once("table").chain(doc.tables[0].columns.iter().map(|c| c.key.as_str())),
        )?;
        for table in &doc.tables {
            for row in &table.rows {
                w.write_record(
                    std::iter::once(neutralise(&table.id).into_owned())
                        .chain(row.iter().map(field)),
                )?;
            }
        }
        out.extend(w.into_inner().map_err(|e| anyhow!("{e}"))?);
        return Ok(out);
    }
    for (i, table) in doc.tables.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        let mut w = writer();
        w.write_record(table.columns.iter().map(|c| c.key.as_str()))?;
        for row in &table.rows {
            w.write_record(row.iter().map(field))?;
        }
        out.extend(w.into_inner().map_err(|e| anyhow!("{e}"))?);
    }
    Ok(out)
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new())
}

/// A cell as a CSV field: text neutralised, booleans `true`/`false`, an absent value empty.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => neutralise(s).into_owned(),
        other => neutralise(&other.machine_text()).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn csv(doc: &Document, bom: bool) -> String {
        let bytes = render(
            doc,
            RenderOptions {
                bom,
                ..RenderOptions::default()
            },
        )
        .unwrap();
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
    fn tables_of_the_same_columns_are_one_csv_with_a_table_column() {
        let mut doc = fixture::doc();
        let mut second = doc.tables[1].clone();
        second.id = "other".into();
        second.rows.truncate(1);
        doc.tables.remove(0);
        doc.tables.push(second);
        assert_eq!(
            csv(&doc, false),
            "table,grade,count\r\ngrades,优秀,1\r\ngrades,合格,1\r\nother,优秀,1\r\n"
        );
    }

    #[test]
    fn bom_only_when_asked() {
        assert!(csv(&fixture::doc(), true).starts_with('\u{feff}'));
        assert!(csv(&fixture::doc(), false).starts_with("name,"));
    }
}
