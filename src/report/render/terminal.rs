//! Terminal tables (comfy-table), aligned by display width so Chinese text lines up: comfy-table
//! measures cells with unicode-width, where a CJK character counts two columns.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell as TCell, CellAlignment, ContentArrangement, Table as TTable};

use super::RenderOptions;
use crate::report::{Cell, Document};

pub(super) fn render(doc: &Document, opts: RenderOptions) -> String {
    let bold = |s: &str| {
        if opts.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&bold(&printable(&doc.title)));
        out.push('\n');
    }
    for (k, v) in &doc.meta {
        out.push_str(&format!("{}: {}\n", printable(k), printable(v)));
    }
    for table in &doc.tables {
        if !table.title.is_empty() && table.title != doc.title {
            out.push('\n');
            out.push_str(&bold(&printable(&table.title)));
            out.push('\n');
        }
        let mut t = TTable::new();
        *t.style_mut() = UTF8_FULL_CONDENSED;
        t.set_content_arrangement(ContentArrangement::Disabled);
        t.set_header(
            table
                .columns
                .iter()
                .map(|c| TCell::new(printable(&c.label))),
        );
        for row in &table.rows {
            t.add_row(row.iter().map(|c| {
                let cell = TCell::new(printable(&c.display()));
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
    fn colour_only_when_asked() {
        let plain = render(&fixture::doc(), RenderOptions::default());
        assert!(!plain.contains('\x1b'));
        let coloured = render(
            &fixture::doc(),
            RenderOptions {
                color: true,
                bom: false,
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
