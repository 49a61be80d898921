//! HTML of printed forms: one self-contained file (inline CSS, no script, no external resource),
//! one A4 portrait page per form through CSS page breaks, 宋体-style serif text with a 黑体-style
//! title, ruled tables whose category cell spans its rows, signature lines to write on.
//! Everything is escaped.

use std::fmt::Write as _;

use super::Layout;
use super::escape;
use crate::report::form::{FormPage, FormTable, Forms};

const SERIF: &str = "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Source Han Serif CN\", \
                     \"Songti SC\", \"STSong\", \"SimSun\", \"Times New Roman\", serif";
const SANS: &str = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Source Han Sans CN\", \
                    \"PingFang SC\", \"Heiti SC\", \"Microsoft YaHei\", \"SimHei\", sans-serif";

/// A title longer than this (in characters) is set smaller, to stay on one line.
pub(super) const LONG_TITLE: usize = 14;

pub(super) fn render(forms: &Forms, layout: Layout) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"dangjian\">\n<title>{}</title>\n<style>\n{}</style>\n\
         </head>\n<body>\n",
        layout.locale.as_str(),
        escape(&forms.title),
        CSS.replace("$SERIF", SERIF).replace("$SANS", SANS)
    );
    for page in &forms.pages {
        form(&mut out, page);
    }
    out.push_str("</body>\n</html>\n");
    out
}

const CSS: &str = "@page { size: A4; margin: 18mm 20mm 16mm; }
* { box-sizing: border-box; }
html { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: $SERIF; font-size: 12pt; line-height: 1.6; }
section.form { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 20mm 16mm;
  background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); break-after: page; page-break-after: always; }
section.form:last-child { break-after: auto; page-break-after: auto; }
.annex { font-family: $SANS; font-size: 14pt; margin: 0; }
h1 { font-family: $SANS; font-weight: 700; font-size: 20pt; letter-spacing: .12em; text-align: center;
  margin: 6mm 0 1mm; }
h1.long { font-size: 16pt; letter-spacing: .04em; text-wrap: balance; }
.subtitle { text-align: center; font-size: 14pt; margin: 0 0 5mm; }
.fields { margin: 0 0 3mm; display: flex; flex-wrap: wrap; gap: 1mm 10mm; }
.fields b, .footer b { font-weight: 700; }
.lead { text-indent: 2em; margin: 0 0 4mm; text-align: justify; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.45; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2mm 1.5mm; vertical-align: middle; overflow-wrap: anywhere; }
th { font-family: $SANS; font-weight: 700; text-align: center; padding: 2mm 0.5mm; }
td.group { text-align: center; font-weight: 700; overflow-wrap: normal; }
td.short { text-align: center; }
td.short { overflow-wrap: normal; }
td.blank { height: 11mm; }
.footer { margin: 9mm 0 0; display: flex; flex-wrap: wrap; gap: 2mm 12mm; }
.footer + .footer { margin-top: 5mm; }
.line { display: inline-block; min-width: 38mm; border-bottom: 1px solid #000; }
@media print {
  html { background: none; }
  section.form { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
";

fn form(out: &mut String, page: &FormPage) {
    out.push_str("<section class=\"form\">\n");
    if !page.annex.is_empty() {
        let _ = writeln!(out, "<p class=\"annex\">{}</p>", escape(&page.annex));
    }
    if !page.title.is_empty() {
        let class = if page.title.chars().count() > LONG_TITLE {
            " class=\"long\""
        } else {
            ""
        };
        let _ = writeln!(out, "<h1{class}>{}</h1>", escape(&page.title));
    }
    if !page.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", escape(&page.subtitle));
    }
    if !page.fields.is_empty() {
        out.push_str("<p class=\"fields\">");
        fields(out, &page.fields);
        out.push_str("</p>\n");
    }
    if let Some(lead) = &page.lead {
        let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(lead));
    }
    table(out, &page.table);
    for line in &page.footer {
        out.push_str("<p class=\"footer\">");
        fields(out, line);
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
}

fn fields(out: &mut String, fields: &[(String, String)]) {
    for (label, value) in fields {
        let value = if value.is_empty() {
            "<span class=\"line\"></span>".to_string()
        } else {
            escape(value.trim())
        };
        let _ = write!(out, "<span><b>{}</b>{value}</span>", escape(label));
    }
}

fn table(out: &mut String, t: &FormTable) {
    let widths = t.widths();
    let total: u32 = widths.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
    out.push_str("<table>\n<colgroup>");
    for w in &widths {
        let _ = write!(
            out,
            "<col style=\"width: {:.1}%\">",
            f64::from(*w) * 100.0 / f64::from(total)
        );
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for h in t.headers() {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let columns = t.columns.len();
    let centred = t.centred();
    for g in &t.groups {
        let blank = [vec![String::new(); columns]];
        let rows: &[Vec<String>] = if g.rows.is_empty() { &blank } else { &g.rows };
        for (r, row) in rows.iter().enumerate() {
            out.push_str("<tr>");
            if t.group_header.is_some() && r == 0 {
                let _ = write!(
                    out,
                    "<td class=\"group\" rowspan=\"{}\">{}</td>",
                    rows.len(),
                    escape(&g.label)
                );
            }
            let skip = usize::from(t.group_header.is_some());
            for (cell, centred) in row.iter().zip(&centred[skip..]) {
                let class = if g.rows.is_empty() {
                    " class=\"blank\""
                } else if *centred {
                    " class=\"short\""
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<td{class}>{}</td>",
                    escape(cell).replace('\n', "<br>")
                );
            }
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::form::fixture;

    #[test]
    fn one_section_per_form_with_page_breaks_and_spanning_categories() {
        let html = render(&fixture::forms(), Layout::default());
        assert_eq!(html.matches("<section class=\"form\">").count(), 2);
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("break-after: page"));
        assert!(html.contains("<td class=\"group\" rowspan=\"2\">思想政治</td>"));
        assert!(
            html.contains("<td class=\"group\" rowspan=\"1\">廉政建设</td><td class=\"blank\">")
        );
        assert!(html.contains("学习党章&lt;script&gt;&amp;"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("走访3户<br>每月一次"));
        assert!(html.contains("<b>承诺人（签字）：</b><span class=\"line\"></span>"));
        assert!(!html.contains("http"), "self-contained");
    }
}
