//! HTML: one self-contained file (inline CSS and SVG, no script, no external resource) that
//! reads on screen and prints cleanly on A4: serif Chinese titles, sans tables, the header row
//! repeated on every printed page, rows kept whole, everything escaped.

use std::fmt::Write as _;

use super::{Layout, display_width, escape, svg};
use crate::i18n::{Locale, t, tf};
use crate::report::{Cell, Chart, Document, Table};

const SERIF: &str = "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Source Han Serif CN\", \
                     \"Songti SC\", \"STSong\", \"SimSun\", serif";
const SANS: &str = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Source Han Sans CN\", \
                    \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", \
                    sans-serif";

pub(super) fn render(doc: &Document, layout: Layout) -> String {
    let mut out = String::new();
    let lang = layout.locale.as_str();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"dangjian\">\n<title>{}</title>\n<style>\n{}</style>\n\
         </head>\n<body class=\"{}\">\n",
        escape(&doc.title),
        css(layout),
        if layout.landscape {
            "landscape"
        } else {
            "portrait"
        }
    );
    if layout.page_per_table && !doc.tables.is_empty() {
        // One page group per table (an organization on the board): its header is the first
        // row of the table's head, which the browser repeats on every printed page.
        for table in &doc.tables {
            out.push_str("<section class=\"sheet page\">\n");
            let head = page_head(doc, table, layout.locale);
            section(&mut out, table, false, layout, &head);
            out.push_str("</section>\n");
        }
    } else {
        out.push_str("<section class=\"sheet\">\n");
        header(&mut out, doc, layout.locale);
        for table in &doc.tables {
            // A small running head, so that a page of a long table still says what it is.
            let head = format!(
                "<div class=\"run-doc\">{}</div>",
                escape(&running_title(doc, table))
            );
            section(&mut out, table, true, layout, &head);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn css(layout: Layout) -> String {
    let counter = page_counter(layout.locale);
    let (size, width) = if layout.landscape {
        ("A4 landscape", "273mm")
    } else {
        ("A4", "186mm")
    };
    format!(
        "@page {{ size: {size}; margin: 12mm 12mm 14mm;
  @bottom-center {{ content: {counter}; font-size: 8pt; color: #555; }} }}
:root {{ --red: #b71c1c; --ink: #1f1f1f; --line: #b9b9b9; }}
* {{ box-sizing: border-box; }}
html {{ background: #f1f1f1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; color: var(--ink); font-family: {SANS}; font-size: 10.5pt; line-height: 1.5; }}
.sheet {{ width: {width}; margin: 8mm auto; padding: 10mm 12mm; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.18); }}
header {{ text-align: center; border-bottom: 3px double var(--red); padding-bottom: 6px; margin-bottom: 10px; }}
h1 {{ font-family: {SERIF}; font-weight: 700; font-size: 22pt; letter-spacing: .06em; color: var(--red);
  margin: 0 0 6px; }}
h2 {{ font-family: {SERIF}; font-weight: 700; font-size: 14pt; margin: 14px 0 8px; padding-left: 8px;
  border-left: 5px solid var(--red); break-after: avoid; page-break-after: avoid; }}
.subtitle {{ font-family: {SERIF}; font-size: 15pt; font-weight: 700; letter-spacing: .08em; margin: 0 0 6px; }}
tr.run th {{ background: #fff; color: var(--ink); border: none; font-weight: 400; text-align: center;
  vertical-align: bottom; padding: 0 0 4px; text-wrap: wrap; }}
.run-org {{ font-family: {SERIF}; font-weight: 700; font-size: 20pt; letter-spacing: .06em; color: var(--red);
  line-height: 1.3; }}
tr.run .subtitle {{ font-size: 13pt; margin: 0 0 2px; }}
tr.run .meta {{ border-bottom: 3px double var(--red); padding-bottom: 4px; margin-bottom: 4px; }}
.run-doc {{ font-size: 8.5pt; color: #666; text-align: right; border-bottom: 1px solid var(--line); }}
.meta {{ margin: 0; display: flex; flex-wrap: wrap; justify-content: center; gap: 2px 22px; font-size: 10pt;
  color: #444; }}
.meta span b {{ font-weight: 600; color: #222; }}
.charts {{ display: flex; gap: 6mm; break-inside: avoid; page-break-inside: avoid; }}
figure.chart {{ flex: 1 1 0; min-width: 0; margin: 6px 0 10px; break-inside: avoid; page-break-inside: avoid; }}
figure.chart figcaption {{ font-size: 9.5pt; color: #555; margin: 0 0 2px; }}
figure.chart svg {{ max-width: 100%; max-height: 60mm; height: auto; font-family: {SANS}; }}
table {{ width: 100%; border-collapse: collapse; margin: 0 0 10px; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th, td {{ border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }}
th {{ background: var(--red); color: #fff; font-weight: 700; border-color: #8e1515; overflow-wrap: normal;
  vertical-align: bottom; text-wrap: balance; }}
th > span {{ display: inline-block; min-width: 2em; }}
tbody tr:nth-child(even) td {{ background: #fbf5f4; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.num, td.nw, td.date {{ white-space: nowrap; overflow-wrap: normal; }}
body.landscape table {{ font-size: 10pt; }}
body.landscape section:not(.page) table {{ font-size: 9pt; line-height: 1.35; }}
body.landscape section:not(.page) td {{ padding: 2px 5px; }}
table.dense {{ font-size: 9pt; table-layout: fixed; }}
table.dense td {{ overflow-wrap: anywhere; }}
table.dense td.nw {{ white-space: normal; }}
table.dense th, table.dense td {{ padding: 3px 4px; }}
td.empty {{ text-align: center; color: #888; }}
tbody.group {{ break-inside: avoid; page-break-inside: avoid; }}
tr.group td {{ background: #f6e3e1 !important; font-weight: 700; border-top: 2px solid var(--red);
  break-after: avoid; page-break-after: avoid; }}
@media print {{
  html {{ background: none; }}
  .sheet {{ width: auto; margin: 0; padding: 0; box-shadow: none; }}
  .page + .page {{ break-before: page; page-break-before: always; }}
}}
"
    )
}

fn header(out: &mut String, doc: &Document, locale: Locale) {
    out.push_str("<header>\n");
    if !doc.title.is_empty() {
        let _ = writeln!(out, "<h1>{}</h1>", escape(&doc.title));
    }
    meta(out, doc, locale);
    out.push_str("</header>\n");
}

/// The head of a page group that holds one table: the table's title (an organization) first,
/// the document's title and meta lines under it.
fn page_head(doc: &Document, table: &Table, locale: Locale) -> String {
    let mut out = String::new();
    let _ = write!(out, "<div class=\"run-org\">{}</div>", escape(&table.title));
    if !doc.title.is_empty() {
        let _ = write!(out, "<div class=\"subtitle\">{}</div>", escape(&doc.title));
    }
    meta(&mut out, doc, locale);
    out
}

/// The running title of a table of a document: the document's title, and the table's when it
/// says more.
fn running_title(doc: &Document, table: &Table) -> String {
    if table.title.is_empty() || doc.title.contains(&table.title) {
        doc.title.clone()
    } else if doc.title.is_empty() {
        table.title.clone()
    } else {
        format!("{} · {}", doc.title, table.title)
    }
}

/// The page-number line as CSS `content`: `"第 " counter(page) " 页 / 共 " counter(pages) " 页"`.
fn page_counter(locale: Locale) -> String {
    let text = t(locale, "report.page-of");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            out.push(css_string(&rest[..start]));
        }
        match &rest[start + 1..start + len] {
            "pages" => out.push("counter(pages)".to_string()),
            _ => out.push("counter(page)".to_string()),
        }
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(css_string(rest));
    }
    out.join(" ")
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn meta(out: &mut String, doc: &Document, locale: Locale) {
    let colon = match locale {
        Locale::ZhCn => "：",
        Locale::En => ": ",
    };
    if !doc.meta.is_empty() {
        out.push_str("<p class=\"meta\">");
        for (k, v) in &doc.meta {
            let _ = write!(out, "<span><b>{}</b>{colon}{}</span>", escape(k), escape(v));
        }
        out.push_str("</p>\n");
    }
}

fn section(out: &mut String, table: &Table, with_title: bool, layout: Layout, head: &str) {
    let _ = writeln!(out, "<div class=\"table\" id=\"t-{}\">", escape(&table.id));
    if with_title && !table.title.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&table.title));
    }
    let caption = match table.chart {
        Some(Chart::Bars { value, .. } | Chart::Histogram { value }) => {
            table.columns.get(value).map(|c| escape(&c.label))
        }
        None => None,
    }
    .unwrap_or_default();
    let mut figures = String::new();
    for (group, part) in chart_groups(table) {
        if let Some(svg) = svg::chart(&part) {
            let caption = match &group {
                Some(g) => format!("{caption} · {}", escape(g)),
                None => caption.clone(),
            };
            let _ = writeln!(
                figures,
                "<figure class=\"chart\"><figcaption>{caption}</figcaption>{svg}</figure>"
            );
        }
    }
    if !figures.is_empty() {
        // Side by side: one picture per kind of subject, never one for both.
        let _ = write!(out, "<div class=\"charts\">\n{figures}</div>\n");
    }
    let groups = grouped(table, layout.locale);
    let table = groups.as_ref().map_or(table, |(visible, _)| visible);
    let plan = plan(table, layout);
    let classes = &plan.classes;
    out.push_str(if plan.dense {
        "<table class=\"dense\">\n"
    } else {
        "<table>\n"
    });
    if !plan.permille.is_empty() {
        out.push_str("<colgroup>");
        for p in &plan.permille {
            let _ = write!(out, "<col style=\"width: {}.{}%\">", p / 10, p % 10);
        }
        out.push_str("</colgroup>\n");
    }
    let _ = write!(
        out,
        "<thead><tr class=\"run\"><th colspan=\"{}\">{head}</th></tr>\n<tr>",
        table.columns.len().max(1)
    );
    for (c, class) in table.columns.iter().zip(classes) {
        if *class == "num" {
            let _ = write!(
                out,
                "<th class=\"num\"><span>{}</span></th>",
                escape(&c.label)
            );
        } else {
            let _ = write!(out, "<th><span>{}</span></th>", escape(&c.label));
        }
    }
    out.push_str(if groups.is_some() {
        "</tr></thead>\n<tbody class=\"group\">\n"
    } else {
        "</tr></thead>\n<tbody>\n"
    });
    if table.rows.is_empty() {
        let _ = writeln!(
            out,
            "<tr><td class=\"empty\" colspan=\"{}\">—</td></tr>",
            table.columns.len().max(1)
        );
    }
    let mut last_head: Option<&str> = None;
    for (r, row) in table.rows.iter().enumerate() {
        // Each group is a body of its own that the printer keeps on one page.
        if let Some((_, heads)) = &groups
            && let Some(head) = heads.get(r)
            && last_head != Some(head.as_str())
        {
            if last_head.is_some() {
                out.push_str("</tbody>\n<tbody class=\"group\">\n");
            }
            let _ = writeln!(
                out,
                "<tr class=\"group\"><td colspan=\"{}\">{}</td></tr>",
                table.columns.len().max(1),
                escape(head)
            );
            last_head = Some(head.as_str());
        }
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = match cell {
                Cell::Int(_) | Cell::Num(_) => "num",
                Cell::Date(_) | Cell::Bool(_) => "date",
                _ => classes.get(i).copied().unwrap_or(""),
            };
            let text = cell
                .display()
                .lines()
                .map(escape)
                .collect::<Vec<_>>()
                .join("<br>");
            if class.is_empty() {
                let _ = write!(out, "<td>{text}</td>");
            } else {
                let _ = write!(out, "<td class=\"{class}\">{text}</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// A table with `group_by` columns: the table without them, and each row's group heading
/// (the values of those columns joined by ` · `).
fn grouped(table: &Table, locale: Locale) -> Option<(Table, Vec<String>)> {
    if table.group_by.is_empty() {
        return None;
    }
    let keep = |i: &usize| !table.group_by.contains(i);
    // The first value says who or what the group is; the others are labelled.
    let heads = table
        .rows
        .iter()
        .map(|row| {
            table
                .group_by
                .iter()
                .enumerate()
                .filter_map(|(n, &i)| {
                    let value = row.get(i).map(Cell::display).filter(|s| !s.is_empty())?;
                    // An organization's own letter: its organization is itself.
                    let first = table.group_by.first().and_then(|&f| row.get(f));
                    if n > 0 && first.is_some_and(|f| f.display() == value) {
                        return None;
                    }
                    let label = table.columns.get(i).map_or("", |c| c.label.as_str());
                    Some(if n == 0 {
                        value
                    } else {
                        tf(
                            locale,
                            "report.group-field",
                            &[("label", &label), ("value", &value)],
                        )
                    })
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .collect();
    let visible = Table {
        columns: (0..table.columns.len())
            .filter(keep)
            .map(|i| table.columns[i].clone())
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .filter(|(i, _)| keep(i))
                    .map(|(_, c)| c.clone())
                    .collect()
            })
            .collect(),
        chart: None,
        chart_by: None,
        group_by: Vec::new(),
        id: table.id.clone(),
        title: table.title.clone(),
    };
    Some((visible, heads))
}

/// The table split for pictures by its `chart_by` column: one part per value, in order of
/// first appearance (the whole table, unnamed, when it has no such column).
fn chart_groups(table: &Table) -> Vec<(Option<String>, Table)> {
    if table.chart.is_none() {
        return Vec::new();
    }
    let Some(by) = table.chart_by else {
        return vec![(None, table.clone())];
    };
    let mut groups: Vec<(Option<String>, Table)> = Vec::new();
    for row in &table.rows {
        let key = row.get(by).map(Cell::display).unwrap_or_default();
        match groups.iter_mut().find(|(k, _)| k.as_deref() == Some(&key)) {
            Some((_, part)) => part.rows.push(row.clone()),
            None => {
                let part = Table {
                    id: table.id.clone(),
                    title: table.title.clone(),
                    columns: table.columns.clone(),
                    rows: vec![row.clone()],
                    chart: table.chart.clone(),
                    chart_by: None,
                    group_by: Vec::new(),
                };
                groups.push((Some(key), part));
            }
        }
    }
    groups
}

/// How the columns of a table share the line.
struct Plan {
    /// Per column: `num`, `nw` (no wrap) or `` (wraps).
    classes: Vec<&'static str>,
    /// Per column: its share of the line in thousandths (empty: no hint).
    permille: Vec<usize>,
    /// Many columns: a smaller type and tighter cells.
    dense: bool,
}

/// Tables with more columns than this are set dense.
const DENSE_COLUMNS: usize = 12;

/// Plans the columns. Numbers and short texts do not wrap and get what their text needs (a
/// header may wrap after two Chinese characters); when they alone overfill the line, the widest
/// short texts are allowed to wrap after all. Each wrapping column gets room for a few
/// characters, and the rest of the line is shared by the wrapping columns in proportion to the
/// mean amount of text of their cells (a row is as tall as its fullest cell, so width follows
/// volume), none wider than its longest line; the shares are then scaled to fill the line.
fn plan(table: &Table, layout: Layout) -> Plan {
    let n = table.columns.len();
    let line_px: usize = if layout.landscape { 1030 } else { 700 };
    let mut classes: Vec<&'static str> = (0..n).map(|i| column_class(table, i)).collect();
    if n == 0 || table.rows.is_empty() {
        return Plan {
            classes,
            permille: Vec::new(),
            dense: false,
        };
    }
    let header = |i: usize| display_width(&table.columns[i].label);
    let cells = |i: usize| table.rows.iter().filter_map(move |r| r.get(i));
    let longest = |i: usize| {
        cells(i)
            .map(|c| display_width(&c.display()))
            .max()
            .unwrap_or(0)
    };
    // A wrapping text gets room for six Chinese characters a line (or all of a shorter
    // text); a column that does not wrap gets its longest value, and its header up to four
    // Chinese characters on one line (总名次, not 总名/次).
    let mean = |i: usize| {
        let volume: usize = cells(i)
            .map(|c| c.display().lines().map(display_width).sum::<usize>())
            .sum();
        volume / table.rows.len().max(1)
    };
    let text_of = |i: usize, class: &str| {
        if class.is_empty() {
            header(i)
                .min(8)
                .max(longest(i).min(12).min(2 * mean(i)))
                .max(4)
        } else {
            longest(i).max(header(i).min(8))
        }
    };
    // Too many columns for the line at the normal size: a smaller type, tighter cells, and a
    // fixed layout that keeps the table on the page.
    let normal: usize = (0..n).map(|i| text_of(i, classes[i]) * 7 + 14).sum();
    let dense = n > DENSE_COLUMNS && normal > line_px;
    let (px_per_column, padding_px) = if dense { (7, 8) } else { (7, 14) };
    let px_of = |i: usize, class: &str| text_of(i, class) * px_per_column + padding_px;
    let mut px: Vec<usize> = (0..n).map(|i| px_of(i, classes[i])).collect();
    // Still too wide: let the widest short texts wrap, Chinese ones (which break between any
    // two characters) before identifiers (which would break inside a word).
    while px.iter().sum::<usize>() > line_px {
        let widest = (0..n)
            .filter(|&i| classes[i] == "nw" && longest(i) > 8)
            .max_by_key(|&i| {
                let chinese = cells(i).any(|c| !c.display().is_ascii());
                (chinese, px[i], std::cmp::Reverse(i))
            });
        let Some(i) = widest else { break };
        classes[i] = "";
        px[i] = px_of(i, "");
    }
    let weights: Vec<usize> = (0..n)
        .map(|i| {
            if classes[i].is_empty() {
                mean(i).clamp(header(i).max(8), 240)
            } else {
                0
            }
        })
        .collect();
    // Water-filling: what a column cannot take (it is already as wide as its longest line)
    // is shared again among the others.
    let need = |i: usize| longest(i) * px_per_column + padding_px;
    let mut free = line_px.saturating_sub(px.iter().sum());
    let mut open: Vec<usize> = (0..n).filter(|&i| weights[i] > 0).collect();
    while free > 0 && !open.is_empty() {
        let total: usize = open.iter().map(|&i| weights[i]).sum();
        let mut given = 0;
        let mut still = Vec::new();
        for &i in &open {
            let share = (free * weights[i]).checked_div(total).unwrap_or(0);
            let take = share.min(need(i).saturating_sub(px[i]));
            px[i] += take;
            given += take;
            if px[i] < need(i) {
                still.push(i);
            }
        }
        free = free.saturating_sub(given);
        if given == 0 || still.len() == open.len() {
            break;
        }
        open = still;
    }
    let sum: usize = px.iter().sum::<usize>().max(1);
    Plan {
        classes,
        permille: px.iter().map(|p| p * 1000 / sum).collect(),
        dense,
    }
}

/// `num` for a column of numbers, `nw` (no wrap) for a column of short texts, else nothing.
fn column_class(table: &Table, i: usize) -> &'static str {
    let cells = || table.rows.iter().filter_map(|r| r.get(i));
    if cells().any(|c| matches!(c, Cell::Int(_) | Cell::Num(_)))
        && cells().all(|c| matches!(c, Cell::Int(_) | Cell::Num(_) | Cell::Empty))
    {
        return "num";
    }
    if cells().all(|c| display_width(&c.display()) <= 16 && !c.display().contains('\n')) {
        return "nw";
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn html(layout: Layout) -> String {
        render(&fixture::doc(), layout)
    }

    #[test]
    fn self_contained_and_escaped() {
        let out = html(Layout::default());
        assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(out.contains("<title>江滨社区党支部 考评表</title>"));
        assert!(!out.contains("<script"), "hostile text must be escaped");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
        assert!(out.contains("=HYPERLINK(&quot;http://x&quot;,&quot;a|b&quot;)"));
        for external in ["http-equiv", "<link", "@import", "src=", "url("] {
            assert!(!out.contains(external), "{external} in output");
        }
        // The only URL is the SVG namespace.
        assert_eq!(
            out.matches("http://").count() - 1,
            out.matches("http://www.w3.org/2000/svg").count()
        );
    }

    #[test]
    fn prints_on_a4_with_repeated_headers_and_fonts() {
        let out = html(Layout::default());
        assert!(out.contains("@page { size: A4; margin: 12mm 12mm 14mm;"));
        assert!(out.contains(
            "@bottom-center { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\";"
        ));
        assert!(out.contains("thead { display: table-header-group; }"));
        assert!(out.contains("\"Noto Serif CJK SC\", \"Source Han Serif SC\""));
        assert!(out.contains("\"SimSun\", serif"));
        assert!(out.contains("<th class=\"num\"><span>得分</span></th>"));
        assert!(out.contains("<td class=\"num\">89.81</td>"));
        assert!(out.contains("巡查3个小区<br>上报隐患2处"));
        assert_eq!(
            out.matches("<figure class=\"chart\"><figcaption>").count(),
            2
        );
        assert!(out.contains("<figcaption>得分</figcaption><svg"));
        assert_eq!(out.matches("<section").count(), 1);
    }

    #[test]
    fn landscape_one_table_per_page() {
        let out = html(Layout {
            landscape: true,
            page_per_table: true,
            locale: Locale::En,
            ..Layout::default()
        });
        assert!(out.contains("<html lang=\"en\">"));
        assert!(out.contains("@page { size: A4 landscape; margin: 12mm 12mm 14mm;"));
        assert!(out.contains(".page + .page { break-before: page; page-break-before: always; }"));
        assert_eq!(out.matches("<section class=\"sheet page\">").count(), 2);
        assert_eq!(out.matches("<h1>").count(), 0);
        // The page group's header is the first row of the table head, which the printer
        // repeats on every page: the organization, then the document's title.
        assert_eq!(
            out.matches("<thead><tr class=\"run\"><th colspan=\"6\"><div class=\"run-org\">考评结果</div><div class=\"subtitle\">江滨社区党支部 考评表</div>").count(),
            1,
            "{out}"
        );
        assert!(out.contains("<div class=\"run-org\">等次分布</div>"));
        assert!(out.contains("content: \"page \" counter(page) \" of \" counter(pages);"));
        assert!(out.contains("<b>期间</b>: 2026-Q1"));
    }

    #[test]
    fn a_long_table_names_its_document_on_every_page() {
        let out = html(Layout::default());
        assert_eq!(
            out.matches("<tr class=\"run\"><th colspan=\"6\"><div class=\"run-doc\">江滨社区党支部 考评表 · 考评结果</div></th></tr>").count(),
            1,
            "{out}"
        );
    }

    #[test]
    fn grouped_rows_sit_under_their_heading_and_stay_together() {
        let mut doc = fixture::doc();
        doc.tables[0].group_by = vec![0];
        let again = doc.tables[0].rows[0].clone();
        doc.tables[0].rows.push(again);
        let out = render(&doc, Layout::default());
        // 张三, the formula, 张三 again: a heading wherever the value changes.
        assert_eq!(out.matches("<tr class=\"group\">").count(), 3, "{out}");
        assert!(out.contains(
            "<tbody class=\"group\">\n<tr class=\"group\"><td colspan=\"5\">张三</td></tr>"
        ));
        assert_eq!(out.matches("<tbody class=\"group\">").count(), 3);
        assert!(
            !out.contains("<th><span>姓名</span></th>"),
            "the grouped column is not repeated"
        );
    }

    #[test]
    fn charts_are_split_by_their_group_column() {
        let mut doc = fixture::doc();
        doc.tables[1]
            .columns
            .push(crate::report::Column::new("kind", "类别"));
        doc.tables[1].rows[0].push(Cell::text("党员"));
        doc.tables[1].rows[1].push(Cell::text("组织"));
        doc.tables[1].chart_by = Some(2);
        let out = render(&doc, Layout::default());
        assert!(
            out.contains("<figcaption>人数 · 党员</figcaption>"),
            "{out}"
        );
        assert!(out.contains("<figcaption>人数 · 组织</figcaption>"));
    }

    #[test]
    fn short_headers_keep_their_line_and_long_text_gets_the_room() {
        let columns = vec![
            crate::report::Column::new("rank_overall", "总名次"),
            crate::report::Column::new("id", "编号"),
            crate::report::Column::new("text", "承诺事项"),
        ];
        let mut t = Table::new("t", "t", columns);
        for i in 0..5 {
            t.rows.push(vec![
                Cell::Int(i),
                Cell::text(format!("m{i}")),
                Cell::text("下半年参加“三会一课”和主题党日不少于6次，冬季走访慰问独居老人"),
            ]);
        }
        let plan = plan(&t, Layout::default());
        let px = |i: usize| plan.permille[i] * 700 / 1000;
        assert!(px(0) >= 6 * 7, "总名次 on one line: {:?}", plan.permille);
        assert!(
            px(2) >= 12 * 7,
            "six Chinese characters at least: {:?}",
            plan.permille
        );
        assert!(plan.permille[2] > plan.permille[0] + plan.permille[1]);
    }

    #[test]
    fn empty_table_shows_a_dash_row() {
        let mut doc = fixture::doc();
        doc.tables[1].rows.clear();
        let out = render(&doc, Layout::default());
        assert!(out.contains("<td class=\"empty\" colspan=\"2\">—</td>"));
    }

    fn wide_table(columns: usize) -> Table {
        let cols = (0..columns)
            .map(|i| crate::report::Column::new(&format!("c{i}"), format!("列{i}")))
            .collect();
        let mut t = Table::new("t", "t", cols);
        for r in 0..3 {
            let mut row = vec![
                Cell::text(format!("ident-{r}-x")),
                Cell::text("社区党组织领导核心作用"),
            ];
            row.extend((2..columns).map(|i| Cell::Int(i as i64 * 1000)));
            t.rows.push(row);
        }
        t
    }

    #[test]
    fn column_shares_fill_the_line() {
        let doc = fixture::doc();
        let plan = plan(&doc.tables[0], Layout::default());
        assert_eq!(plan.classes, ["", "num", "num", "nw", "nw", ""]);
        let sum: usize = plan.permille.iter().sum();
        assert!((990..=1000).contains(&sum), "{sum}");
        assert!(!plan.dense);
        let widest = plan.permille.iter().max().unwrap();
        assert_eq!(
            plan.permille[5], *widest,
            "the wrapping column takes the rest"
        );
    }

    #[test]
    fn too_many_columns_are_set_dense_and_chinese_wraps_before_identifiers() {
        let plan = plan(&wide_table(20), Layout::default());
        assert!(plan.dense);
        assert_eq!(plan.classes[1], "", "Chinese text wraps first");
        let narrow = super::plan(&wide_table(4), Layout::default());
        assert!(!narrow.dense);
        assert_eq!(narrow.classes[0], "nw");
        let out = render(
            &Document {
                tables: vec![wide_table(20)],
                ..Document::default()
            },
            Layout::default(),
        );
        assert!(out.contains("<table class=\"dense\">"));
    }
}
