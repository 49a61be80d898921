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
use crate::i18n::t;
use crate::report::{Cell, Document, Table};

/// Creation date written when the layout has none.
const DEFAULT_DATE: (u16, u8, u8) = (2026, 1, 1);
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;
/// Width of a column of long text, which wraps.
const WRAP_WIDTH: usize = 30;
/// Width of a column of texts of middling length, which wrap (names of organizations).
const MEDIUM_WIDTH: usize = 22;

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
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let formats = Formats {
        wrap: Format::new().set_align(FormatAlign::Top).set_text_wrap(),
        text: Format::new().set_align(FormatAlign::Top),
        number: Format::new().set_align(FormatAlign::Top),
        percent: Format::new()
            .set_num_format("0%")
            .set_align(FormatAlign::Top),
        date: Format::new()
            .set_num_format("yyyy-mm-dd")
            .set_align(FormatAlign::Top),
        boolean: Format::new()
            .set_align(FormatAlign::Top)
            .set_align(FormatAlign::Center),
    };
    let title = Format::new().set_bold().set_font_size(14);

    let mut names = HashSet::new();
    if doc.tables.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&doc.title, "Sheet1", &mut names))?;
        write_text(ws, 0, 0, &doc.title, &title)?;
        for (i, (k, v)) in doc.meta.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            write_text(ws, row, 0, &format!("{k}: {v}"), &Format::new())?;
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
        let widths: Vec<usize> = (0..table.columns.len())
            .map(|c| column_width(table, c))
            .collect();
        let wraps: Vec<bool> = (0..table.columns.len()).map(|c| wraps(table, c)).collect();
        page_setup(ws, doc, table, layout, &widths)?;
        for (c, col) in table.columns.iter().enumerate() {
            write_text(ws, 0, col_num(c)?, &col.label, &header)?;
        }
        let header_lines = (0..table.columns.len())
            .map(|c| lines_in(&table.columns[c].label, widths[c]))
            .max()
            .unwrap_or(1);
        ws.set_row_height(0, row_height(header_lines))?;
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).context("too many rows for a sheet")?;
            let mut lines = 1;
            for (c, cell) in row.iter().enumerate() {
                let percent = table.columns.get(c).is_some_and(|col| col.rate);
                let wrap = wraps.get(c).copied().unwrap_or(false);
                if let (Cell::Text(s), Some(w)) = (cell, widths.get(c))
                    && wrap
                {
                    lines = lines.max(lines_in(s, *w));
                }
                write_cell(ws, r, col_num(c)?, cell, percent, wrap, &formats, layout)?;
            }
            if lines > 1 {
                ws.set_row_height(r, row_height(lines))?;
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col_num(c)?, *w as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !table.columns.is_empty() {
            let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
            ws.autofilter(0, 0, last_row, col_num(table.columns.len() - 1)?)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}

/// The cell formats of a sheet.
struct Formats {
    /// Long text: wraps within its column.
    wrap: Format,
    text: Format,
    number: Format,
    percent: Format,
    date: Format,
    boolean: Format,
}

#[allow(clippy::too_many_arguments)]
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    percent: bool,
    wrap: bool,
    f: &Formats,
    layout: Layout,
) -> Result<()> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            write_text(ws, r, c, s, if wrap { &f.wrap } else { &f.text })?;
        }
        Cell::Keyword { label, .. } => {
            write_text(ws, r, c, label, if wrap { &f.wrap } else { &f.text })?;
        }
        Cell::Int(n) => {
            ws.write_number_with_format(r, c, *n as f64, &f.number)?;
        }
        Cell::Num(d) => {
            let rounded =
                d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            if percent {
                // A rate keeps four decimals: 0.6667 shows as 67 %.
                let v = d
                    .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .to_f64()
                    .unwrap_or_default();
                ws.write_number_with_format(r, c, v, &f.percent)?;
            } else {
                let v = rounded.to_f64().unwrap_or_default();
                ws.write_number_with_format(r, c, v, &f.number)?;
            }
        }
        Cell::Date(d) => match excel_date(*d) {
            Some(x) => {
                ws.write_datetime_with_format(r, c, &x, &f.date)?;
            }
            None => {
                ws.write_string_with_format(r, c, cell.display(), &f.text)?;
            }
        },
        Cell::Bool(b) => {
            let key = if *b { "report.yes" } else { "report.no" };
            ws.write_string_with_format(r, c, t(layout.locale, key), &f.boolean)?;
        }
    }
    Ok(())
}

/// Writes text; a text that a spreadsheet would take for a formula (`= + - @`, tab, CR first)
/// is written as it is with the quote-prefix style, which keeps it text without changing it.
fn write_text(ws: &mut Worksheet, r: u32, c: u16, s: &str, format: &Format) -> Result<()> {
    if neutralise(s).len() != s.len() {
        ws.write_string_with_format(r, c, s, &format.clone().set_quote_prefix())?;
    } else {
        ws.write_string_with_format(r, c, s, format)?;
    }
    Ok(())
}

/// Points per line of 11-point text (CJK glyphs need a little more than Latin ones).
const LINE_POINTS: f64 = 15.0;

fn row_height(lines: usize) -> f64 {
    lines as f64 * LINE_POINTS + 2.0
}

/// The lines a text takes in a column `width` characters wide (CJK counting two).
fn lines_in(s: &str, width: usize) -> usize {
    let room = width.saturating_sub(1).max(2);
    s.lines()
        .map(|l| display_width(l).div_ceil(room).max(1))
        .sum::<usize>()
        .max(1)
}

/// Whether a column holds long text, which wraps (other columns keep their line).
fn wraps(table: &Table, c: usize) -> bool {
    table
        .rows
        .iter()
        .filter_map(|r| r.get(c))
        .any(|cell| match cell {
            Cell::Text(s) => s.contains('\n') || display_width(s) + 2 > MEDIUM_WIDTH,
            _ => false,
        })
}

/// Character columns an A4 page holds at 100 %: landscape and portrait.
const LANDSCAPE_CHARS: usize = 135;
const PORTRAIT_CHARS: usize = 90;
/// The smallest print scale that still reads well.
const READABLE_SCALE: usize = 65;

fn page_setup(
    ws: &mut Worksheet,
    doc: &Document,
    table: &Table,
    layout: Layout,
    widths: &[usize],
) -> Result<()> {
    ws.set_paper_size(9); // A4
    let total: usize = widths.iter().sum();
    let landscape = layout.landscape || total > PORTRAIT_CHARS;
    if landscape {
        ws.set_landscape();
    }
    ws.set_repeat_rows(0, 0)?;
    // Fit the columns to the page width only when the type stays readable; else print at
    // 100 % across pages, the header row repeated on each.
    let page = if landscape {
        LANDSCAPE_CHARS
    } else {
        PORTRAIT_CHARS
    };
    if total * READABLE_SCALE <= page * 100 {
        ws.set_print_fit_to_pages(1, 0);
    } else {
        // Pages side by side: each repeats the first column (who or what the row is about).
        ws.set_repeat_columns(0, 0)?;
    }
    let mut head = doc.title.clone();
    if !table.title.is_empty() && table.title != doc.title {
        head = format!("{head} · {}", table.title);
    }
    let head: String = head.replace('&', "&&").chars().take(120).collect();
    ws.set_header(format!("&C{head}"));
    ws.set_footer(t(layout.locale, "report.xlsx-footer"));
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
            Cell::Text(s) => display_width(s),
            Cell::Date(_) => 10,
            Cell::Bool(_) => 4,
            other => display_width(&other.display()),
        })
        .max()
        .unwrap_or(0);
    if wraps(table, c) {
        // A long text wraps: 30 characters for the longest texts, 22 for the others (a name
        // that needs two lines); its header may wrap too, after four Chinese characters.
        let texts: Vec<usize> = table
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|cell| display_width(&cell.display()))
            .collect();
        let mean = texts.iter().sum::<usize>() / texts.len().max(1);
        let room = if mean > MEDIUM_WIDTH {
            WRAP_WIDTH
        } else {
            MEDIUM_WIDTH
        };
        return (cells.min(room - 2).max(header.min(8)) + 2).clamp(MIN_WIDTH, WRAP_WIDTH);
    }
    (cells.max(header.min(12)) + 2).clamp(MIN_WIDTH, MAX_WIDTH)
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
        assert_eq!(range.get((1, 4)), Some(&Data::String("是".into())));
        assert_eq!(range.get((2, 4)), Some(&Data::String("否".into())));
        assert_eq!(
            range.get((2, 0)),
            Some(&Data::String("=HYPERLINK(\"http://x\",\"a|b\")".into())),
            "the text is kept as it is; the quote-prefix style keeps it text"
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
    fn widths_count_cjk_twice_and_long_text_wraps() {
        let doc = fixture::doc();
        // Names: one long (the formula), one short: a middling column that wraps.
        assert_eq!(column_width(&doc.tables[0], 0), MEDIUM_WIDTH);
        assert_eq!(column_width(&doc.tables[1], 0), MIN_WIDTH);
        // Notes of 21 columns on average: middling too; 31 on average: a long-text column.
        assert_eq!(column_width(&doc.tables[0], 5), MEDIUM_WIDTH);
        let mut long = doc.tables[0].clone();
        long.rows[0][5] = Cell::text("很".repeat(20));
        assert_eq!(column_width(&long, 5), WRAP_WIDTH);
        assert!(wraps(&doc.tables[0], 5) && !wraps(&doc.tables[0], 1));
        let mut t = Table::new("t", "t", vec![crate::report::Column::new("o", "组织")]);
        t.rows.push(vec![Cell::text("江滨社区党支部")]);
        assert_eq!(
            column_width(&t, 0),
            16,
            "7 CJK characters are 14 columns, plus 2"
        );
        assert_eq!(lines_in("巡查3个小区\n上报隐患2处", 30), 2);
        assert_eq!(lines_in(&"很".repeat(30), 30), 3, "60 columns in 29 a line");
    }

    /// The XML of a part of the workbook.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    }

    #[test]
    fn rows_are_as_tall_as_their_wrapped_lines_and_styles_are_set() {
        let mut doc = fixture::doc();
        doc.tables[1].columns[1] = crate::report::Column::new("rate", "完成率").rate();
        doc.tables[1].rows[0][1] =
            Cell::Num(rust_decimal::Decimal::from(2) / rust_decimal::Decimal::from(3));
        let bytes = render(&doc, Layout::default()).unwrap();
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        // Row 2 holds a two-line note: two lines of 15 points, plus 2 (Excel rounds to pixels).
        assert!(
            sheet.contains("<row r=\"2\" spans=\"1:6\" ht=\"32.25\" customHeight=\"1\">"),
            "{sheet}"
        );
        assert!(sheet.contains(
            "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        ));
        assert!(sheet.contains("<pageSetup paperSize=\"9\""), "{sheet}");
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains("formatCode=\"0%\""), "{styles}");
        assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
        assert!(styles.contains("wrapText=\"1\""), "{styles}");
        let mut book = read(bytes);
        let range = book.worksheet_range("等次分布").unwrap();
        assert_eq!(range.get((1, 1)), Some(&Data::Float(0.6667)));
    }

    #[test]
    fn narrow_sheets_fit_the_page_width_and_wide_ones_print_at_full_size() {
        let narrow = render(&fixture::doc(), Layout::default()).unwrap();
        let sheet = part(&narrow, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
        assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
        let mut wide = fixture::doc();
        let cols = (0..12)
            .map(|i| crate::report::Column::new(&format!("c{i}"), format!("列{i}")))
            .collect();
        let mut t = Table::new("wide", "wide", cols);
        t.rows
            .push((0..12).map(|_| Cell::text("很".repeat(40))).collect());
        wide.tables = vec![t];
        let bytes = render(&wide, Layout::default()).unwrap();
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("fitToPage"), "{sheet}");
        assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
        let workbook = part(&bytes, "xl/workbook.xml");
        assert!(
            workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">wide!$A:$A,wide!$1:$1</definedName>"),
            "the first column and the header row repeat: {workbook}"
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
