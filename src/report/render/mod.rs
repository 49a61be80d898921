//! One renderer per format. Each takes a `Document` and returns bytes; the same document gives
//! the same bytes. No renderer knows any report: what differs between reports (landscape pages,
//! one table per page) comes in a `Layout`.

mod csv;
mod docx;
mod form_html;
mod form_md;
mod forms;
mod html;
mod json;
mod md;
mod svg;
mod terminal;
mod xlsx;
mod yaml;

use std::str::FromStr;

use anyhow::Result;
use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

pub use forms::{machine_value, render_forms};

use super::Document;
use crate::i18n::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Md,
    Csv,
    Json,
    Yaml,
    Html,
    Xlsx,
    /// Word, for the printed forms (承诺书, 点评登记表).
    Docx,
}

impl Format {
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Table),
            "md" => Some(Format::Md),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
    /// Whether the format is read by people (names) rather than programs (ids and names).
    pub fn is_human(self) -> bool {
        matches!(
            self,
            Format::Table | Format::Md | Format::Html | Format::Xlsx
        )
    }
    /// Whether the format shows a column of this kind.
    pub fn shows(self, show: super::Show) -> bool {
        use super::Show;
        match show {
            Show::Both => true,
            Show::Machine => !self.is_human(),
            Show::Human => self.is_human(),
            Show::Printed => self.is_human() && self != Format::Xlsx,
            Show::Typed => !self.is_human() || self == Format::Xlsx,
        }
    }
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }
    /// A format for programs (json, yaml, csv): stable English keys and canonical values in
    /// every locale (SPEC §7). The others are for people, in the workspace language.
    pub fn is_machine(self) -> bool {
        matches!(self, Format::Json | Format::Yaml | Format::Csv)
    }
    /// The word used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        }
    }
    pub const ALL: [Format; 8] = [
        Format::Table,
        Format::Md,
        Format::Csv,
        Format::Json,
        Format::Yaml,
        Format::Html,
        Format::Xlsx,
        Format::Docx,
    ];
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s {
            "table" => Format::Table,
            "md" | "markdown" => Format::Md,
            "csv" => Format::Csv,
            "json" => Format::Json,
            "yaml" | "yml" => Format::Yaml,
            "html" => Format::Html,
            "xlsx" => Format::Xlsx,
            "docx" => Format::Docx,
            _ => {
                return Err(format!(
                    "unknown format `{s}` (table, md, csv, json, yaml, html, xlsx, docx)"
                ));
            }
        })
    }
}

/// Options that apply to some formats only.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// CSV: start with a UTF-8 BOM (Excel on Chinese Windows).
    pub bom: bool,
    /// Terminal: use colour.
    pub color: bool,
    /// Terminal: the number of columns tables fit in, wrapping long cells (`None`: no limit).
    pub width: Option<usize>,
}

/// How a report wants to be laid out on paper, and what makes a file reproducible. Reports
/// choose it; renderers that print (html, xlsx) follow it, the others ignore it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    /// Print on A4 landscape (the board) instead of portrait.
    pub landscape: bool,
    /// Start every table on a new page, with the document's title repeated (one organization per
    /// page on the board).
    pub page_per_table: bool,
    /// Date written as the creation date of files that carry one (xlsx), so that the same
    /// records and `--as-of` give the same bytes. Without it a constant is used.
    pub date: Option<NaiveDate>,
    /// Language of the document (html `lang`).
    pub locale: Locale,
}

/// Renders a document with the default layout.
pub fn render(doc: &Document, format: Format, opts: RenderOptions) -> Result<Vec<u8>> {
    render_with(doc, format, opts, Layout::default())
}

/// Renders a document in a format, following a report's layout.
pub fn render_with(
    doc: &Document,
    format: Format,
    opts: RenderOptions,
    layout: Layout,
) -> Result<Vec<u8>> {
    if format == Format::Json {
        return Ok(json::render(doc, &|show| format.shows(show)));
    }
    render_shown(
        &doc.for_format(|show| format.shows(show)),
        format,
        opts,
        layout,
    )
}

/// `render_with` of a document the caller no longer needs: the columns the format leaves out
/// are dropped from it instead of copying the rest.
pub fn render_owned(
    doc: Document,
    format: Format,
    opts: RenderOptions,
    layout: Layout,
) -> Result<Vec<u8>> {
    if format == Format::Json {
        return Ok(json::render(&doc, &|show| format.shows(show)));
    }
    render_shown(
        &doc.into_format(|show| format.shows(show)),
        format,
        opts,
        layout,
    )
}

/// The document as JSON (the columns the format shows), written to `out` as it is made: a
/// ledger's text is tens of megabytes, never held whole on its way to standard output.
pub fn write_json(doc: &Document, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    json::write(doc, &|show| Format::Json.shows(show), out)
}

/// Renders a document holding only the columns `format` shows.
fn render_shown(
    doc: &Document,
    format: Format,
    opts: RenderOptions,
    layout: Layout,
) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Table => terminal::render(doc, opts).into_bytes(),
        Format::Md => md::render(doc).into_bytes(),
        Format::Csv => csv::render(doc, opts)?,
        Format::Json => json::render(doc, &|_| true),
        Format::Yaml => yaml::render(doc)?.into_bytes(),
        Format::Html => html::render(doc, layout).into_bytes(),
        Format::Xlsx => xlsx::render(doc, layout)?,
        Format::Docx => docx::render(&super::form::Forms::from_document(doc), layout)?,
    })
}

/// A JSON value as YAML, every string double-quoted (dates stay strings): for machine outputs
/// that are not documents (`review … --format yaml`).
pub fn yaml_value(value: &serde_json::Value) -> String {
    yaml::render_value(value)
}

/// Neutralises a text cell against formula injection in CSV and XLSX: a leading `= + - @`, tab
/// or CR gets a `'` in front.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// Display width of the widest line of `s` (CJK characters count 2).
pub(crate) fn display_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A hand-built document every renderer's tests share: CJK text, every cell type, a hostile
    //! name, a multi-line cell, two tables with chart hints.

    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use crate::report::{Cell, Chart, Column, Document, Table};

    pub fn doc() -> Document {
        let mut scores = Table::new(
            "scores",
            "考评结果",
            vec![
                Column::new("name", "姓名"),
                Column::new("score", "得分"),
                Column::new("rank", "名次"),
                Column::new("date", "日期"),
                Column::new("ok", "通过"),
                Column::new("note", "备注"),
            ],
        );
        scores.rows = vec![
            vec![
                Cell::text("张三"),
                Cell::Num(Decimal::new(89805, 3)),
                Cell::Int(1),
                Cell::Date(NaiveDate::from_ymd_opt(2026, 4, 5).unwrap()),
                Cell::Bool(true),
                Cell::text("巡查3个小区\n上报隐患2处"),
            ],
            vec![
                Cell::text("=HYPERLINK(\"http://x\",\"a|b\")"),
                Cell::Num(Decimal::new(75, 0)),
                Cell::Int(2),
                Cell::Empty,
                Cell::Bool(false),
                Cell::text("<script>alert(1)</script> & \"q\""),
            ],
        ];
        scores.chart = Some(Chart::Histogram { value: 1 });
        let mut grades = Table::new(
            "grades",
            "等次分布",
            vec![Column::new("grade", "等次"), Column::new("count", "人数")],
        );
        grades.rows = vec![
            vec![Cell::text("优秀"), Cell::Int(1)],
            vec![Cell::text("合格"), Cell::Int(1)],
        ];
        grades.chart = Some(Chart::Bars { label: 0, value: 1 });
        let mut doc = Document {
            title: "江滨社区党支部 考评表".into(),
            tables: vec![scores, grades],
            report: "review".into(),
            ..Document::default()
        };
        doc.push_meta_shown("org", Cell::Empty, "组织", "江滨社区党支部");
        doc.push_meta("period", "期间", Cell::text("2026-Q1"));
        doc.push_meta("scale", "满分", Cell::Int(100));
        doc
    }
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_deterministic() {
        let doc = fixture::doc();
        for f in Format::ALL {
            let layout = Layout {
                date: NaiveDate::from_ymd_opt(2026, 11, 20),
                ..Layout::default()
            };
            let a = render_with(&doc, f, RenderOptions::default(), layout).unwrap();
            let b = render_with(&doc, f, RenderOptions::default(), layout).unwrap();
            assert!(!a.is_empty(), "{f:?} is empty");
            assert_eq!(a, b, "{f:?} differs between runs");
        }
    }

    #[test]
    fn every_format_renders_an_empty_document() {
        let doc = Document::default();
        for f in Format::ALL {
            render(&doc, f, RenderOptions::default()).unwrap();
        }
    }

    #[test]
    fn formats_round_trip_through_their_names_and_extensions() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>(), Ok(f));
        }
        let p = std::path::Path::new("out/board.XLSX");
        assert_eq!(Format::from_extension(p), Some(Format::Xlsx));
        assert_eq!(Format::from_extension(std::path::Path::new("a.pdf")), None);
    }

    #[test]
    fn neutralise_quotes_formula_starters_only() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
        assert_eq!(neutralise("张三"), "张三");
        assert_eq!(neutralise(""), "");
        assert_eq!(neutralise("a=b"), "a=b");
    }

    #[test]
    fn display_width_counts_cjk_twice() {
        assert_eq!(display_width("张三"), 4);
        assert_eq!(display_width("ab\n张三李"), 6);
        assert_eq!(display_width(""), 0);
    }

    mod properties {
        use proptest::prelude::*;
        use rust_decimal::Decimal;

        use super::super::*;
        use crate::report::{Cell, Chart, Column, Show, Table};

        fn cell() -> impl Strategy<Value = Cell> {
            prop_oneof![
                Just(Cell::Empty),
                any::<String>().prop_map(Cell::text),
                "[=+@\\-\t\r<>&|\"'张三\n ]{0,12}".prop_map(Cell::text),
                any::<i64>().prop_map(Cell::Int),
                (any::<i64>(), 0u32..8).prop_map(|(m, s)| Cell::Num(Decimal::new(m, s))),
                (-400i32..12000, 1u32..366).prop_map(|(y, d)| {
                    NaiveDate::from_yo_opt(y, d).map_or(Cell::Empty, Cell::Date)
                }),
                any::<bool>().prop_map(Cell::Bool),
            ]
        }

        fn table() -> impl Strategy<Value = Table> {
            (1usize..5, any::<String>(), 0usize..3).prop_flat_map(|(n, title, chart)| {
                prop::collection::vec(prop::collection::vec(cell(), 0..=n + 1), 0..6).prop_map(
                    move |rows| {
                        let columns = (0..n)
                            .map(|i| Column::new(&format!("c{i}"), format!("列{i}")))
                            .collect();
                        let mut t = Table::new("t", title.clone(), columns);
                        t.rows = rows;
                        t.chart = match chart {
                            0 => None,
                            1 => Some(Chart::Bars { label: 0, value: n }),
                            _ => Some(Chart::Histogram { value: 0 }),
                        };
                        t
                    },
                )
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]
            #[test]
            fn any_document_renders_the_same_twice_without_panic(
                title in any::<String>(),
                tables in prop::collection::vec(table(), 0..3),
                landscape in any::<bool>(),
            ) {
                let mut doc = Document { title, tables, ..Document::default() };
                doc.push_meta("k", "k", Cell::text("<v>"));
                let layout = Layout { landscape, page_per_table: landscape, ..Layout::default() };
                for f in Format::ALL {
                    let a = render_with(&doc, f, RenderOptions::default(), layout);
                    let b = render_with(&doc, f, RenderOptions::default(), layout);
                    match (a, b) {
                        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                        (a, b) => prop_assert!(false, "{:?} failed: {:?} {:?}", f, a.err(), b.err()),
                    }
                }
            }

            #[test]
            fn an_owned_document_renders_as_a_borrowed_one(
                tables in prop::collection::vec(table(), 0..3),
                shows in prop::collection::vec((0usize..5, 0usize..5), 0..5),
            ) {
                let mut doc = Document { tables, ..Document::default() };
                let kinds = [Show::Both, Show::Machine, Show::Human, Show::Printed, Show::Typed];
                for (t, (column, show)) in doc.tables.iter_mut().zip(&shows) {
                    let n = t.columns.len();
                    t.columns[column % n].show = kinds[*show];
                }
                for f in Format::ALL {
                    let layout = Layout::default();
                    let a = render_with(&doc, f, RenderOptions::default(), layout).ok();
                    let b = render_owned(doc.clone(), f, RenderOptions::default(), layout).ok();
                    prop_assert_eq!(a, b, "{:?}", f);
                }
            }

            #[test]
            fn json_streamed_from_the_cells_equals_the_value_printed(
                tables in prop::collection::vec(table(), 0..3),
                listing in any::<bool>(),
                shows in prop::collection::vec(0usize..5, 0..5),
            ) {
                let mut doc = Document { tables, ..Document::default() };
                if !listing {
                    doc.report = "r".into();
                    doc.push_meta("k", "k", Cell::Num(Decimal::new(-12345, 3)));
                }
                let kinds = [Show::Both, Show::Machine, Show::Human, Show::Printed, Show::Typed];
                for (t, show) in doc.tables.iter_mut().zip(&shows) {
                    t.columns[0].show = kinds[*show];
                }
                let keep = |show| Format::Json.shows(show);
                let mut expected =
                    serde_json::to_string_pretty(&json::value(&doc.for_format(keep))).unwrap();
                expected.push('\n');
                prop_assert_eq!(String::from_utf8(json::render(&doc, &keep)).unwrap(), expected);
            }
        }
    }
}
