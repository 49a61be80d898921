//! Terminal tables (comfy-table), aligned by display width so Chinese text lines up: comfy-table
//! measures cells with unicode-width, where a CJK character counts two columns.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Cell as TCell, CellAlignment, ColumnConstraint, ContentArrangement, Table as TTable, Width,
};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{RenderOptions, display_width};
use crate::report::{Cell, Document, Table};

pub(super) fn render(doc: &Document, opts: RenderOptions) -> String {
    let bold = |s: &str| {
        if opts.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let fold = |s: &str| match opts.width {
        Some(w) => fold(s, w),
        None => s.to_string(),
    };
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&bold(&fold(&printable(&doc.title))));
        out.push('\n');
    }
    for (k, v) in &doc.meta {
        out.push_str(&fold(&format!("{}: {}", printable(k), printable(v))));
        out.push('\n');
    }
    for table in &doc.tables {
        if !table.title.is_empty() && table.title != doc.title {
            out.push('\n');
            out.push_str(&bold(&fold(&printable(&table.title))));
            out.push('\n');
        }
        let all: Vec<usize> = (0..table.columns.len()).collect();
        let Some(width) = opts.width else {
            out.push_str(&draw(table, &all, None));
            out.push('\n');
            continue;
        };
        let whole = draw(table, &all, Some(width));
        if fits(&whole, width) {
            out.push_str(&whole);
            out.push('\n');
            continue;
        }
        // Too many columns to wrap into the width: print them in parts, each repeating the
        // first column (who or what the row is about).
        for (n, part) in parts(table, width).iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let drawn = draw(table, part, Some(width));
            if fits(&drawn, width) {
                out.push_str(&drawn);
            } else {
                out.push_str(&draw_even(table, part, width));
            }
            out.push('\n');
        }
    }
    out
}

/// The table with the given columns, wrapped into `width` columns when given: short columns
/// (names, dates, numbers) keep their line, long texts share the rest.
fn draw(table: &Table, columns: &[usize], width: Option<usize>) -> String {
    let mut t = table_of(table, columns, width);
    if width.is_some() {
        for (n, &i) in columns.iter().enumerate() {
            let Some(c) = t.column_mut(n) else { continue };
            if is_short(table, i) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            } else {
                // Room for eight Chinese characters a line, or all of a shorter text.
                let longest = longest_line(table, i).min(LONG) + 2;
                c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                    u16::try_from(longest).unwrap_or(u16::MAX),
                )));
            }
        }
    }
    t.to_string()
}

/// The table with every column wrapped alike: the last resort for a part that does not fit.
fn draw_even(table: &Table, columns: &[usize], width: usize) -> String {
    table_of(table, columns, Some(width)).to_string()
}

/// Whether a column holds only short one-line values, which read badly when wrapped.
fn is_short(table: &Table, i: usize) -> bool {
    table.rows.iter().filter_map(|r| r.get(i)).all(|c| match c {
        Cell::Text(s) => display_width(s) <= SHORT && !s.contains('\n'),
        _ => true,
    })
}

/// Longest text, in display columns, that a column of short values holds.
const SHORT: usize = 12;
/// Display columns a long text gets at least, before the table is printed in parts.
const LONG: usize = 16;

/// The widest line of a column's cells and header.
fn longest_line(table: &Table, i: usize) -> usize {
    table
        .rows
        .iter()
        .filter_map(|r| r.get(i))
        .map(|c| display_width(&c.display()))
        .chain(table.columns.get(i).map(|c| display_width(&c.label)))
        .max()
        .unwrap_or(0)
}

fn table_of(table: &Table, columns: &[usize], width: Option<usize>) -> TTable {
    let mut t = TTable::new();
    *t.style_mut() = UTF8_FULL_CONDENSED;
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(
        columns
            .iter()
            .filter_map(|&i| table.columns.get(i))
            .map(|c| TCell::new(printable(&c.label))),
    );
    for row in &table.rows {
        t.add_row(columns.iter().map(|&i| {
            let Some(c) = row.get(i) else {
                return TCell::new("");
            };
            let cell = TCell::new(printable(&c.display()));
            match c {
                Cell::Int(_) | Cell::Num(_) => cell.set_alignment(CellAlignment::Right),
                _ => cell,
            }
        }));
    }
    t
}

/// Whether every line of `s` fits in `width` display columns.
fn fits(s: &str, width: usize) -> bool {
    s.lines().all(|l| UnicodeWidthStr::width(l) <= width)
}

/// Columns split into groups that fit in `width` side by side, each group starting with the
/// first column. A short column counts its longest value, a long text 16 display columns (it
/// wraps), each plus its border and padding.
fn parts(table: &Table, width: usize) -> Vec<Vec<usize>> {
    let need = |i: usize| {
        let header = display_width(&table.columns[i].label).min(8);
        let cells = table
            .rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| display_width(&c.display()))
            .max()
            .unwrap_or(0);
        let cells = if is_short(table, i) {
            cells
        } else {
            cells.min(LONG)
        };
        header.max(cells).max(2) + 3
    };
    let n = table.columns.len();
    if n == 0 {
        return vec![Vec::new()];
    }
    let first = need(0);
    let mut parts = Vec::new();
    let mut part = vec![0];
    let mut used = first + 1;
    for i in 1..n {
        let w = need(i);
        if part.len() > 1 && used + w > width {
            parts.push(std::mem::replace(&mut part, vec![0]));
            used = first + 1;
        }
        part.push(i);
        used += w;
    }
    parts.push(part);
    parts
}

/// A line folded into lines of at most `width` display columns.
fn fold(s: &str, width: usize) -> String {
    let mut out = String::new();
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for ch in line.chars() {
            let w = UnicodeWidthChar::width(ch).unwrap_or(0);
            if used + w > width.max(2) {
                out.push('\n');
                used = 0;
            }
            out.push(ch);
            used += w;
        }
    }
    out
}

/// Text safe to print on a terminal: control characters (an escape sequence in a name) are
/// replaced, line breaks kept, tabs made spaces.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{display_width, fixture};
    use super::*;

    #[test]
    fn chinese_columns_line_up_by_display_width() {
        let out = render(&fixture::doc(), RenderOptions::default());
        let table: Vec<&str> = out
            .lines()
            .skip_while(|l| !l.starts_with('┌'))
            .take_while(|l| !l.starts_with('└'))
            .collect();
        assert!(table.len() > 3, "{out}");
        let width = display_width(table[0]);
        for line in &table {
            assert_eq!(
                display_width(line),
                width,
                "misaligned line {line:?} in\n{out}"
            );
        }
        assert!(out.contains("张三"));
        assert!(
            out.contains("┆ 89.81 ┆"),
            "numbers are right-aligned: {out}"
        );
    }

    #[test]
    fn tables_fit_the_width_wrapping_cells_or_printing_in_parts() {
        for width in [30, 40, 60, 200] {
            let out = render(
                &fixture::doc(),
                RenderOptions {
                    width: Some(width),
                    ..RenderOptions::default()
                },
            );
            for line in out.lines() {
                assert!(display_width(line) <= width, "{width}: {line:?} in\n{out}");
            }
            // Nothing is lost: the note's words are all there, if wrapped.
            let flat: String = out.chars().filter(|c| !c.is_whitespace()).collect();
            for word in ["巡查3个小区", "上报隐患2处", "江滨社区党支部"] {
                assert!(
                    flat.contains(word) || out.contains(word),
                    "{width}: {word}\n{out}"
                );
            }
        }
        let narrow = render(
            &fixture::doc(),
            RenderOptions {
                width: Some(30),
                ..RenderOptions::default()
            },
        );
        assert!(
            narrow.matches("│ 姓名").count() >= 2,
            "in parts, each with the first column: {narrow}"
        );
        let unlimited = render(&fixture::doc(), RenderOptions::default());
        assert!(unlimited.lines().any(|l| display_width(l) > 60));
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = render(&fixture::doc(), RenderOptions::default());
        assert!(!plain.contains('\x1b'));
        let coloured = render(
            &fixture::doc(),
            RenderOptions {
                color: true,
                ..RenderOptions::default()
            },
        );
        assert!(coloured.starts_with("\x1b[1m江滨社区党支部 考评表\x1b[0m\n"));
    }

    #[test]
    fn control_characters_do_not_reach_the_terminal() {
        let mut doc = fixture::doc();
        doc.tables[0].rows[0][0] = Cell::text("\x1b[31m红\x07");
        let out = render(&doc, RenderOptions::default());
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
        assert!(out.contains("\u{fffd}[31m红\u{fffd}"));
    }
}
