//! Word (docx) through `docx-rs`: the forms offices print and sign in Word, WPS or LibreOffice.
//! A4 portrait, one form per page (a page break before each form after the first), Chinese in
//! 宋体/黑体 named as East Asian fonts (`w:eastAsia`) so that every word processor picks a CJK
//! face, Latin in Times New Roman, ruled tables of fixed column widths, the category cell
//! merged down its rows. The same forms give the same bytes.

use anyhow::{Result, anyhow};
use docx_rs::{
    AlignmentType, Docx, HeightRule, LineSpacing, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    VMergeType, WidthType,
};

use super::Layout;
use crate::report::form::{FormPage, FormTable, Forms};

/// A4 in twips (1/20 pt).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_X: i32 = 1304;
/// Width of the text between the margins.
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN_X as usize);

const SONG: &str = "SimSun";
const HEI: &str = "SimHei";
const LATIN: &str = "Times New Roman";

/// Sizes in half-points.
const BODY: usize = 24;
const CELL: usize = 21;
const TITLE: usize = 40;

pub(super) fn render(forms: &Forms, layout: Layout) -> Result<Vec<u8>> {
    let stamp = layout.date.map_or_else(
        || "2000-01-01".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    let stamp = format!("{stamp}T00:00:00Z");
    let mut docx = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin {
            top: 1304,
            left: MARGIN_X,
            bottom: 1134,
            right: MARGIN_X,
            header: 851,
            footer: 851,
            gutter: 0,
        })
        .default_fonts(fonts(SONG))
        .default_size(BODY)
        .created_at(&stamp)
        .updated_at(&stamp);
    if forms.pages.is_empty() {
        docx =
            docx.add_paragraph(para(&forms.title, HEI, TITLE, true).align(AlignmentType::Center));
    }
    for (i, page) in forms.pages.iter().enumerate() {
        docx = add_page(docx, page, i > 0);
    }
    let mut stored = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut stored)
        .map_err(|e| anyhow!("cannot build the docx file: {e}"))?;
    deflate(&stored.into_inner())
}

/// Marks the document's East Asian text as simplified Chinese (`w:lang w:eastAsia="zh-CN"` in
/// the default run properties), which `docx-rs` cannot say: without it LibreOffice and WPS may
/// pick Japanese glyph forms for the CJK fonts.
fn with_chinese_language(styles: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let end = "</w:rPr></w:rPrDefault>";
    text.replacen(
        end,
        &format!("<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\" />{end}"),
        1,
    )
    .into_bytes()
}

/// `docx-rs` stores its parts uncompressed (a megabyte for forty letters); the same parts,
/// deflated, with a fixed time stamp and without directory entries, are a tenth of that.
fn deflate(stored: &[u8]) -> Result<Vec<u8>> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut part = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        if file.is_dir() {
            continue;
        }
        part.clear();
        file.read_to_end(&mut part)?;
        let name = file.name()?.into_owned();
        if name == "word/styles.xml" {
            part = with_chinese_language(&part);
        }
        out.start_file(name, options)?;
        out.write_all(&part)?;
    }
    Ok(out.finish()?.into_inner())
}

fn add_page(mut docx: Docx, page: &FormPage, break_before: bool) -> Docx {
    let annex = if page.annex.is_empty() {
        Paragraph::new()
    } else {
        para(&page.annex, HEI, 28, false)
    };
    docx = docx.add_paragraph(annex.page_break_before(break_before));
    if !page.title.is_empty() {
        docx = docx.add_paragraph(
            para(&page.title, HEI, title_size(&page.title), true)
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(240).after(60)),
        );
    }
    if !page.subtitle.is_empty() {
        docx = docx.add_paragraph(
            para(&page.subtitle, SONG, 28, false)
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(200)),
        );
    }
    if !page.fields.is_empty() {
        docx = docx.add_paragraph(
            fields(Paragraph::new(), &page.fields).line_spacing(LineSpacing::new().after(120)),
        );
    }
    if let Some(lead) = &page.lead {
        docx = docx.add_paragraph(
            para(lead, SONG, BODY, false)
                .indent(None, Some(SpecialIndentType::FirstLine(480)), None, None)
                .line_spacing(LineSpacing::new().after(160).line(360)),
        );
    }
    docx = docx.add_table(table(&page.table));
    for (i, line) in page.footer.iter().enumerate() {
        let before = if i == 0 { 480 } else { 240 };
        docx = docx.add_paragraph(
            fields(Paragraph::new(), line).line_spacing(LineSpacing::new().before(before)),
        );
    }
    docx
}

/// 二号 for a short title, 三号 for a long one (so that it stays on one line or two).
fn title_size(title: &str) -> usize {
    if title.chars().count() > super::form_html::LONG_TITLE {
        32
    } else {
        TITLE
    }
}

/// Label in bold, value after it; an empty value is an underlined blank to write on.
fn fields(mut p: Paragraph, fields: &[(String, String)]) -> Paragraph {
    for (i, (label, value)) in fields.iter().enumerate() {
        if i > 0 {
            p = p.add_run(run("　　", SONG, BODY));
        }
        p = p.add_run(run(label, SONG, BODY).bold());
        if value.is_empty() {
            p = p.add_run(run("　　　　　　　　", SONG, BODY).underline("single"));
        } else if value.trim().is_empty() {
            // A label that stands alone (the seal).
        } else {
            p = p.add_run(run(value, SONG, BODY));
        }
    }
    p
}

fn table(t: &FormTable) -> Table {
    let weights = t.widths();
    let total: usize = weights
        .iter()
        .map(|w| usize::from(*w))
        .sum::<usize>()
        .max(1);
    let grid: Vec<usize> = weights
        .iter()
        .map(|w| TEXT_W * usize::from(*w) / total)
        .collect();
    let header = TableRow::new(
        t.headers()
            .iter()
            .zip(&grid)
            .map(|(h, w)| cell(h, *w, true, true).vertical_align(VAlignType::Center))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    let columns = t.columns.len();
    let centred = t.centred();
    for g in &t.groups {
        let blank = [vec![String::new(); columns]];
        let body: &[Vec<String>] = if g.rows.is_empty() { &blank } else { &g.rows };
        for (r, values) in body.iter().enumerate() {
            let mut cells = Vec::new();
            let mut widths = grid.iter();
            if t.group_header.is_some() {
                let w = widths.next().copied().unwrap_or(0);
                let c = if r == 0 {
                    cell(&g.label, w, true, true).vertical_merge(VMergeType::Restart)
                } else {
                    cell("", w, false, false).vertical_merge(VMergeType::Continue)
                };
                cells.push(c.vertical_align(VAlignType::Center));
            }
            let skip = usize::from(t.group_header.is_some());
            for ((v, w), c) in values.iter().zip(widths).zip(&centred[skip..]) {
                cells.push(cell(v, *w, *c, false).vertical_align(VAlignType::Center));
            }
            let row = TableRow::new(cells).cant_split();
            rows.push(if g.rows.is_empty() {
                // Room to write an item by hand.
                row.row_height(560.0).height_rule(HeightRule::AtLeast)
            } else {
                row
            });
        }
    }
    Table::new(rows)
        .margins(TableCellMargins::new().margin(40, 57, 40, 57))
        .set_grid(grid)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

fn cell(text: &str, width: usize, centered: bool, bold: bool) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    let lines: Vec<&str> = if text.is_empty() {
        vec![""]
    } else {
        text.lines().collect()
    };
    for line in lines {
        let r = run(line, SONG, CELL);
        let mut p = Paragraph::new().add_run(if bold { r.bold() } else { r });
        if centered {
            p = p.align(AlignmentType::Center);
        }
        c = c.add_paragraph(p.line_spacing(LineSpacing::new().before(40).after(40)));
    }
    c
}

fn para(text: &str, east_asia: &str, size: usize, bold: bool) -> Paragraph {
    let r = run(text, east_asia, size);
    Paragraph::new().add_run(if bold { r.bold() } else { r })
}

fn run(text: &str, east_asia: &str, size: usize) -> Run {
    Run::new()
        .add_text(xml_chars(text))
        .fonts(fonts(east_asia))
        .size(size)
}

/// The text without the characters XML 1.0 forbids (control characters a record may hold as
/// TOML escapes), which would make Word refuse the whole file.
fn xml_chars(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() && u32::from(*c) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect()
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .east_asia(east_asia)
        .cs(LATIN)
        .hint("eastAsia")
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::report::form::fixture;

    fn document_xml(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn forms_become_pages_with_east_asian_fonts_and_merged_categories() {
        let bytes = render(&fixture::forms(), Layout::default()).unwrap();
        let xml = document_xml(&bytes);
        assert!(xml.contains("共产党员公开承诺书"));
        assert!(
            xml.contains("学习党章&lt;script&gt;&amp;"),
            "text is escaped"
        );
        assert!(xml.contains("w:eastAsia=\"SimSun\""));
        assert!(xml.contains("w:eastAsia=\"SimHei\""));
        assert_eq!(xml.matches("<w:pageBreakBefore").count(), 1, "two pages");
        assert_eq!(
            xml.matches("w:val=\"restart\"").count(),
            4,
            "two groups on each page"
        );
        assert!(
            xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""),
            "A4"
        );
        assert!(xml.contains("李四"));
    }

    #[test]
    fn parts_are_deflated_without_directories() {
        let bytes = render(&fixture::forms(), Layout::default()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert!(names.iter().all(|n| !n.ends_with('/')), "{names:?}");
        assert!(names.contains(&"[Content_Types].xml".to_string()));
        let doc = zip.by_name("word/document.xml").unwrap();
        assert_eq!(doc.compression(), zip::CompressionMethod::Deflated);
        drop(doc);
        let mut styles = String::new();
        zip.by_name("word/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        assert!(
            styles
                .contains("<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\" /></w:rPr></w:rPrDefault>"),
            "{styles}"
        );
    }

    #[test]
    fn control_characters_never_reach_the_xml() {
        let mut forms = fixture::forms();
        forms.pages[0].fields[0].1 = "张\u{1}三\u{b}\u{ffff}".into();
        let xml = document_xml(&render(&forms, Layout::default()).unwrap());
        assert!(xml.contains(">张三<"), "{xml}");
        assert!(!xml.contains('\u{1}') && !xml.contains('\u{b}') && !xml.contains('\u{ffff}'));
    }

    #[test]
    fn same_forms_same_bytes() {
        let layout = Layout {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            ..Layout::default()
        };
        let a = render(&fixture::forms(), layout).unwrap();
        let b = render(&fixture::forms(), layout).unwrap();
        assert_eq!(a, b);
    }
}
