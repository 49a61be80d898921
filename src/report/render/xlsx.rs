//! XLSX (rust_xlsxwriter): one sheet per table, a bold filled frozen header row, columns as wide
//! as their text (CJK counts two), numbers as numbers, dates as dates, text neutralised against
//! formula injection, printed on A4. The document properties are fixed (creation date from the
//! layout's date), so the same document gives the same bytes.

use std::collections::HashSet;

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::{Layout, display_width, neutralise};
use crate::report::{Cell, Document, Table};

/// Creation date written when the layout has none.
const DEFAULT_DATE: (u16, u8, u8) = (2026, 1, 1);
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

pub(super) fn render(doc: &Document, layout: Layout) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let created = match layout.date {
        Some(d) => excel_date(d).unwrap_or(default_date()?),
        None => default_date()?,
    };
    let props = DocProperties::new()
        .set_title(&doc.title)
        .set_author("dangjian")
        .set_creation_datetime(&created);
    wb.set_properties(&props);

    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xF2DCDB))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let text = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let number = Format::new().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top);
    let title = Format::new().set_bold().set_font_size(14);

    let mut names = HashSet::new();
    if doc.tables.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&doc.title, "Sheet1", &mut names))?;
        ws.write_string_with_format(0, 0, neutralise(&doc.title), &title)?;
        for (i, (k, v)) in doc.meta.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            ws.write_string(row, 0, neutralise(&format!("{k}: {v}")))?;
        }
    }
    for (i, table) in doc.tables.iter().enumerate() {
        let ws = wb.add_worksheet();
        let fallback = format!("Sheet{}", i + 1);
        let wanted = if table.title.is_empty() {
            &table.id
        } else {
            &table.title
        };
        ws.set_name(sheet_name(wanted, &fallback, &mut names))?;
        page_setup(ws, doc, table, layout)?;
        for (c, col) in table.columns.iter().enumerate() {
            let c = col_num(c)?;
            ws.write_string_with_format(0, c, neutralise(&col.label), &header)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).context("too many rows for a sheet")?;
            for (c, cell) in row.iter().enumerate() {
                let c = col_num(c)?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, c, neutralise(s), &text)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number_with_format(r, c, *n as f64, &number)?;
                    }
                    Cell::Num(d) => {
                        let rounded = d.round_dp_with_strategy(
                            2,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        );
                        let v = rounded.to_f64().unwrap_or_default();
                        ws.write_number_with_format(r, c, v, &number)?;
                    }
                    Cell::Date(d) => match excel_date(*d) {
                        Some(x) => {
                            ws.write_datetime_with_format(r, c, &x, &date)?;
                        }
                        None => {
                            ws.write_string_with_format(r, c, cell.display(), &text)?;
                        }
                    },
                    Cell::Bool(b) => {
                        ws.write_boolean_with_format(r, c, *b, &number)?;
                    }
                    Cell::Keyword { label, .. } => {
                        ws.write_string_with_format(r, c, neutralise(label), &text)?;
                    }
                }
            }
        }
        for c in 0..table.columns.len() {
            ws.set_column_width(col_num(c)?, column_width(table, c) as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !table.columns.is_empty() {
            let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            ws.autofilter(0, 0, last_row, col_num(table.columns.len() - 1)?)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}

fn page_setup(ws: &mut Worksheet, doc: &Document, table: &Table, layout: Layout) -> Result<()> {
    ws.set_paper_size(9); // A4
    if layout.landscape {
        ws.set_landscape();
    }
    ws.set_repeat_rows(0, 0)?;
    ws.set_print_fit_to_pages(1, 0);
    let mut head = doc.title.clone();
    if !table.title.is_empty() && table.title != doc.title {
        head = format!("{head} · {}", table.title);
    }
    let head: String = head.replace('&', "&&").chars().take(120).collect();
    ws.set_header(format!("&C{head}"));
    ws.set_footer("&C&P / &N");
    Ok(())
}

fn col_num(c: usize) -> Result<u16> {
    u16::try_from(c).context("too many columns for a sheet")
}

fn default_date() -> Result<ExcelDateTime> {
    let (y, m, d) = DEFAULT_DATE;
    Ok(ExcelDateTime::from_ymd(y, m, d)?)
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// Width in Excel character units: the widest line of the column, CJK counting two.
fn column_width(table: &Table, c: usize) -> usize {
    let header = table
        .columns
        .get(c)
        .map_or(0, |col| display_width(&col.label));
    let cells = table
        .rows
        .iter()
        .filter_map(|r| r.get(c))
        .map(|cell| match cell {
            Cell::Text(s) => display_width(&neutralise(s)),
            Cell::Date(_) => 10,
            other => display_width(&other.display()),
        })
        .max()
        .unwrap_or(0);
    (header.max(cells) + 2).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// A valid, unique sheet name: at most 31 UTF-16 units (Excel's limit), none of `[]:*?/\\`, not
/// starting or ending with a quote, not `History`.
fn sheet_name(wanted: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let tidy = |s: &str| s.trim().trim_matches('\'').trim().to_string();
    let clean = tidy(&clean);
    let base = if clean.is_empty() || clean.eq_ignore_ascii_case("history") {
        fallback.to_string()
    } else {
        clean
    };
    let mut base = tidy(&take_utf16(&base, 31));
    if base.is_empty() {
        base = fallback.to_string();
    }
    let mut name = base.clone();
    let mut n = 2;
    while !taken.insert(name.to_lowercase()) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", tidy(&take_utf16(&base, 31 - suffix.len())));
        n += 1;
    }
    name
}

/// The longest prefix of `s` that is at most `max` UTF-16 units long.
fn take_utf16(s: &str, max: usize) -> String {
    let mut units = 0;
    s.chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= max
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};

    use super::super::fixture;
    use super::*;

    fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        Xlsx::new(Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn one_sheet_per_table_with_typed_cells() {
        let bytes = render(&fixture::doc(), Layout::default()).unwrap();
        let mut book = read(bytes);
        assert_eq!(book.sheet_names(), vec!["考评结果", "等次分布"]);
        let range = book.worksheet_range("考评结果").unwrap();
        assert_eq!(range.get((0, 0)), Some(&Data::String("姓名".into())));
        assert_eq!(range.get((1, 0)), Some(&Data::String("张三".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(89.81)));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(1.0)));
        match range.get((1, 3)) {
            Some(Data::DateTime(d)) => {
                assert!(d.is_datetime());
                assert_eq!(d.as_f64(), 46117.0); // 2026-04-05
            }
            other => panic!("not a date: {other:?}"),
        }
        assert_eq!(range.get((1, 4)), Some(&Data::Bool(true)));
        assert_eq!(
            range.get((2, 0)),
            Some(&Data::String("'=HYPERLINK(\"http://x\",\"a|b\")".into()))
        );
        assert_eq!(range.get((2, 3)), Some(&Data::Empty));
    }

    #[test]
    fn same_document_same_bytes_and_the_date_is_the_creation_date() {
        let layout = Layout {
            date: NaiveDate::from_ymd_opt(2026, 11, 20),
            ..Layout::default()
        };
        let a = render(&fixture::doc(), layout).unwrap();
        let b = render(&fixture::doc(), layout).unwrap();
        assert_eq!(a, b);
        let other = render(&fixture::doc(), Layout::default()).unwrap();
        assert_ne!(a, other, "the creation date comes from the layout");
    }

    #[test]
    fn widths_count_cjk_twice() {
        let doc = fixture::doc();
        assert_eq!(column_width(&doc.tables[0], 0), 31); // the neutralised formula
        assert_eq!(column_width(&doc.tables[1], 0), MIN_WIDTH);
        assert_eq!(column_width(&doc.tables[0], 5), 33);
        let mut t = Table::new("t", "t", vec![crate::report::Column::new("o", "组织")]);
        t.rows.push(vec![Cell::text("江滨社区党支部")]);
        assert_eq!(
            column_width(&t, 0),
            16,
            "7 CJK characters are 14 columns, plus 2"
        );
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(sheet_name("a/b:c", "S1", &mut taken), "a_b_c");
        assert_eq!(sheet_name("a/b:c", "S2", &mut taken), "a_b_c (2)");
        assert_eq!(sheet_name("''", "S3", &mut taken), "S3");
        assert_eq!(sheet_name("History", "S4", &mut taken), "S4");
        let long = "很".repeat(40);
        let n = sheet_name(&long, "S5", &mut taken);
        assert_eq!(n.chars().count(), 31);
        let n2 = sheet_name(&long, "S6", &mut taken);
        assert_eq!(n2.chars().count(), 31);
        assert!(n2.ends_with(" (2)"));
        let emoji = "🌀".repeat(20);
        let n3 = sheet_name(&emoji, "S7", &mut taken);
        assert_eq!(n3.encode_utf16().count(), 30, "15 emoji of two units each");
        assert_eq!(sheet_name("ab'", "S8", &mut taken), "ab");
    }
}
