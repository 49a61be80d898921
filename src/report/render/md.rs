//! Markdown: a `#` title, the meta lines as a list, one `##` section and pipe table per table.
//! Cell text is escaped so that `|`, `*`, `<` … print as themselves; line breaks become `<br>`.

use crate::report::{Cell, Document};

pub(super) fn render(doc: &Document) -> String {
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&format!("# {}\n\n", escape(&doc.title)));
    }
    for (k, v) in &doc.meta {
        out.push_str(&format!("- **{}**: {}\n", escape(k), escape(v)));
    }
    if !doc.meta.is_empty() {
        out.push('\n');
    }
    for table in &doc.tables {
        if !table.title.is_empty() {
            out.push_str(&format!("## {}\n\n", escape(&table.title)));
        }
        if table.columns.is_empty() {
            continue;
        }
        let numeric: Vec<bool> = (0..table.columns.len())
            .map(|i| {
                table
                    .rows
                    .iter()
                    .any(|r| matches!(r.get(i), Some(Cell::Int(_) | Cell::Num(_))))
            })
            .collect();
        out.push('|');
        for c in &table.columns {
            out.push_str(&format!(" {} |", escape(&c.label)));
        }
        out.push_str("\n|");
        for n in &numeric {
            out.push_str(if *n { " ---: |" } else { " --- |" });
        }
        out.push('\n');
        for row in &table.rows {
            out.push('|');
            for cell in row {
                out.push_str(&format!(" {} |", escape(&cell.display())));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Escapes text for a Markdown table cell or heading.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for ch in line.chars() {
            match ch {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                    out.push('\\');
                    out.push(ch);
                }
                '\r' | '\t' => out.push(' '),
                // Other control characters (an escape sequence in a name) are shown escaped.
                _ => out.push_str(&crate::diag::escape::one_line(ch.encode_utf8(&mut [0; 4]))),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn pipe_tables_with_escaped_cells() {
        let out = render(&fixture::doc());
        assert!(out.starts_with("# 江滨社区党支部 考评表\n\n- **组织**: 江滨社区党支部\n"));
        assert!(out.contains("## 考评结果\n\n| 姓名 | 得分 | 名次 | 日期 | 通过 | 备注 |\n"));
        assert!(out.contains("| --- | ---: | ---: | --- | --- | --- |\n"));
        assert!(
            out.contains("| 张三 | 89.81 | 1 | 2026-04-05 | ✓ | 巡查3个小区<br>上报隐患2处 |\n")
        );
        assert!(out.contains(
            "| =HYPERLINK(\"http://x\",\"a\\|b\") | 75 | 2 |  |  | &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\" |\n"
        ));
        assert!(!out.contains("<script>"));
    }

    #[test]
    fn every_row_has_as_many_pipes_as_the_header() {
        let out = render(&fixture::doc());
        let unescaped_pipes = |l: &str| l.replace("\\|", "").matches('|').count();
        for block in out.split("\n\n").filter(|b| b.starts_with('|')) {
            let counts: Vec<usize> = block.lines().map(unescaped_pipes).collect();
            assert!(counts.windows(2).all(|w| w[0] == w[1]), "{block}");
        }
    }
}
