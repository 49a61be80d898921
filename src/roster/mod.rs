//! The roster import engine, pure: it takes a roster file's bytes and plans the records they
//! describe; the commands (`member import`, `review import`) read the files and write.
//!
//! This module reads the bytes into a grid of cells: Excel workbooks (calamine: xlsx, xlsm,
//! xls, ods) and delimited text (CSV/TSV in UTF-8 with or without a BOM, UTF-16 with a BOM, or
//! GB18030/GBK as Chinese Excel saves "CSV"). Row numbers are the ones a person sees in the
//! spreadsheet or text editor, so refusals can point at them. `plan` decides what each row of
//! a member roster means.

pub mod plan;

use std::io::Cursor;

use anyhow::{Context, Result, anyhow};
use calamine::{Data, Reader};

use crate::i18n::{Locale, tf};

/// One cell, typed as far as the file says.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date in the workbook: year, month, day.
    Date(u16, u8, u8),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// The rows of a roster with their 1-based row (or line) numbers; empty rows are dropped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub rows: Vec<(usize, Vec<Cell>)>,
    /// The text encoding a CSV file was decoded from, when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Whether a file name looks like a workbook (else it is read as delimited text).
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Reads a workbook: the sheet named `sheet`, else the first one.
pub fn read_workbook(bytes: Vec<u8>, sheet: Option<&str>, locale: Locale) -> Result<Grid> {
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| anyhow!("{e}"))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                anyhow!(
                    "{}",
                    tf(
                        locale,
                        "import.no-sheet",
                        &[("sheet", &s), ("sheets", &names.join(", "))]
                    )
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| anyhow!("{}", tf(locale, "import.no-sheets", &[])))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("cannot read sheet `{name}`"))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut grid = Grid::default();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<Cell> = vec![Cell::Empty; first_col as usize];
        cells.extend(row.iter().map(cell_of));
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        grid.rows.push((first_row as usize + i + 1, cells));
    }
    Ok(grid)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "true" } else { "false" }.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(y, m, d)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.trim().to_string()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// Reads delimited text, detecting the encoding and the delimiter (comma, tab or semicolon).
pub fn read_delimited(bytes: &[u8]) -> Result<Grid> {
    let (text, encoding) = decode_text(bytes);
    // The delimiter used most over the first lines (a title row above the header has none);
    // a comma on a tie.
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let mut delimiter = b',';
    let mut best = head.matches(',').count();
    for d in [b'\t', b';'] {
        let n = head.matches(d as char).count();
        if n > best {
            delimiter = d;
            best = n;
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        rows: Vec::new(),
        encoding,
    };
    for record in reader.records() {
        let record = record.context("cannot read the CSV file")?;
        // The line a person sees: counted from the byte offset (the reader skips blank lines).
        let mut byte = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        let line = text.as_bytes()[..byte.min(text.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        let cells: Vec<Cell> = record
            .iter()
            .map(|s| {
                let s = s.trim();
                if s.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        grid.rows.push((line, cells));
    }
    Ok(grid)
}

/// Text of a CSV file and the encoding it was decoded from when not UTF-8: a BOM decides; else
/// valid UTF-8 is UTF-8; else the encoding chardetng guesses for a Chinese file (GBK is read
/// as its superset GB18030).
pub fn decode_text(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
        return (text.into_owned(), name);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), None);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    if encoding == encoding_rs::GBK {
        encoding = encoding_rs::GB18030;
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), Some(encoding.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_csv_is_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode("姓名,所在支部\n张三,第一支部\n");
        let grid = read_delimited(&bytes).unwrap();
        assert_eq!(grid.encoding, Some("gb18030"));
        assert_eq!(grid.rows[1].1[0], Cell::Text("张三".into()));
        assert_eq!(grid.rows[1].0, 2);
    }

    #[test]
    fn a_title_row_does_not_hide_the_delimiter() {
        let grid = read_delimited("党员花名册\n姓名,电话\n张三,138\n".as_bytes()).unwrap();
        assert_eq!(grid.rows[1].1.len(), 2);
        let grid = read_delimited("花名册\n姓名;电话\n张三;138\n".as_bytes()).unwrap();
        assert_eq!(grid.rows[2].1[1], Cell::Text("138".into()));
    }

    #[test]
    fn bom_tabs_and_blank_rows() {
        let grid = read_delimited("\u{feff}姓名\t电话\n\n张三\t138\n".as_bytes()).unwrap();
        assert_eq!(grid.encoding, None);
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[0].1[0], Cell::Text("姓名".into()));
        assert_eq!(grid.rows[1].0, 3);
        assert_eq!(grid.rows[1].1[1], Cell::Text("138".into()));
    }
}
