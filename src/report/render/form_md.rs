//! Markdown of printed forms: per form the annex, a heading, the fields and the pledge, a pipe
//! table (the category named on the first row of its group), the signature lines; forms are
//! separated by a horizontal rule. Text is escaped as in every Markdown report.

use std::fmt::Write as _;

use super::md::escape;
use crate::report::form::{FormPage, Forms};

pub(super) fn render(forms: &Forms) -> String {
    let mut out = String::new();
    for (i, page) in forms.pages.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        form(&mut out, page);
    }
    if forms.pages.is_empty() {
        let _ = writeln!(out, "# {}", escape(&forms.title));
    }
    out
}

fn form(out: &mut String, page: &FormPage) {
    if !page.annex.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&page.annex));
    }
    let _ = writeln!(
        out,
        "# {} {}\n",
        escape(&page.title),
        escape(&page.subtitle)
    );
    if !page.fields.is_empty() {
        let _ = writeln!(out, "{}\n", line(&page.fields));
    }
    if let Some(lead) = &page.lead {
        let _ = writeln!(out, "{}\n", escape(lead));
    }
    let t = &page.table;
    let headers = t.headers();
    let _ = writeln!(
        out,
        "| {} |",
        headers
            .iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(headers.len()));
    let columns = t.columns.len();
    for g in &t.groups {
        let blank = [vec![String::new(); columns]];
        let rows: &[Vec<String>] = if g.rows.is_empty() { &blank } else { &g.rows };
        for (r, row) in rows.iter().enumerate() {
            let mut cells: Vec<String> = Vec::new();
            if t.group_header.is_some() {
                cells.push(if r == 0 {
                    escape(&g.label)
                } else {
                    String::new()
                });
            }
            cells.extend(row.iter().map(|c| escape(c)));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    out.push('\n');
    for l in &page.footer {
        let _ = writeln!(out, "{}\n", line(l));
    }
}

fn line(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let v = if v.is_empty() { "________" } else { v.trim() };
            format!("**{}**{}", escape(k.trim_end()), escape(v))
        })
        .collect::<Vec<_>>()
        .join("　　")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::form::fixture;

    #[test]
    fn forms_are_headed_tables_separated_by_rules() {
        let md = render(&fixture::forms());
        assert_eq!(
            md.matches("# 共产党员公开承诺书 （2026 年下半年）").count(),
            2
        );
        assert_eq!(md.matches("\n---\n").count(), 1);
        assert!(md.contains("| 类别 | 序号 | 承诺事项 |\n| --- | --- | --- |\n"));
        assert!(
            md.contains("| 思想政治 | 1 | 学习党章&lt;script&gt;&amp; |"),
            "{md}"
        );
        assert!(md.contains("|  | 2 | 走访3户<br>每月一次 |"));
        assert!(md.contains("| 廉政建设 |  |  |"));
        assert!(md.contains("**承诺人（签字）：**\\_\\_"));
    }
}
