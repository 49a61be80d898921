//! Inline SVG pictures drawn from a table's `Chart` hint (html only): horizontal bars for
//! rankings and distributions, a 10-point histogram for scores. Plain shapes and text, no
//! scripts, no external resources; every text is escaped.

use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;
use unicode_width::UnicodeWidthChar;

use super::escape;
use crate::report::table::fmt_decimal;
use crate::report::{Cell, Chart, Table};

const WIDTH: f64 = 680.0;
const BAR: &str = "#c0392b";
const INK: &str = "#333";
/// Most bars drawn; a longer ranking keeps its first rows.
const MAX_BARS: usize = 40;

/// The picture of a table, if it has a chart hint and numbers to draw.
pub(super) fn chart(table: &Table) -> Option<String> {
    match table.chart.as_ref()? {
        Chart::Bars { label, value } => bars(table, *label, *value),
        Chart::Histogram { value } => histogram(table, *value),
    }
}

fn number(cell: Option<&Cell>) -> Option<f64> {
    match cell? {
        Cell::Int(i) => Some(*i as f64),
        Cell::Num(d) => d.to_f64(),
        _ => None,
    }
}

fn fmt_number(v: f64) -> String {
    rust_decimal::Decimal::from_f64_retain(v)
        .map(fmt_decimal)
        .unwrap_or_default()
}

/// The first line of `s`, cut to at most `max` display columns (an ellipsis marks the cut).
fn clip(s: &str, max: usize) -> String {
    let line = s.lines().next().unwrap_or("");
    if super::display_width(line) <= max {
        return line.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for ch in line.chars() {
        let cw = ch.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(ch);
        w += cw;
    }
    out.push('…');
    out
}

fn open(out: &mut String, height: f64, title: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{t}\" \
         font-size=\"12\" fill=\"{INK}\"><title>{t}</title>",
        t = escape(title)
    );
}

fn bars(table: &Table, label: usize, value: usize) -> Option<String> {
    let mut items: Vec<(String, f64)> = table
        .rows
        .iter()
        .filter_map(|r| {
            let v = number(r.get(value))?;
            let l = r.get(label).map(Cell::display).unwrap_or_default();
            Some((clip(&l, 32), v.max(0.0)))
        })
        .collect();
    let left_out = items.len().saturating_sub(MAX_BARS);
    items.truncate(MAX_BARS);
    if items.is_empty() {
        return None;
    }
    let label_cols = items
        .iter()
        .map(|(l, _)| super::display_width(l))
        .max()
        .unwrap_or(0);
    let label_w = (label_cols as f64 * 6.5 + 12.0).clamp(60.0, 232.0);
    let value_w = 56.0;
    let area = WIDTH - label_w - value_w;
    let max = items.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let max = if max > 0.0 { max } else { 1.0 };
    let row = 22.0;
    let height = (items.len() + usize::from(left_out > 0)) as f64 * row + 8.0;
    let mut out = String::new();
    open(&mut out, height, &table.title);
    let _ = write!(
        out,
        "<line x1=\"{label_w}\" y1=\"2\" x2=\"{label_w}\" y2=\"{}\" stroke=\"#999\"/>",
        height - 2.0
    );
    for (i, (l, v)) in items.iter().enumerate() {
        let y = 4.0 + i as f64 * row;
        let w = (area * v / max).round();
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"14\" fill=\"{BAR}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 6.0,
            y + 13.0,
            escape(l),
            y + 2.0,
            label_w + w + 4.0,
            y + 13.0,
            escape(&fmt_number(*v)),
        );
    }
    if left_out > 0 {
        let _ = write!(
            out,
            "<text x=\"{label_w}\" y=\"{}\" fill=\"#666\">… +{left_out}</text>",
            4.0 + items.len() as f64 * row + 13.0
        );
    }
    out.push_str("</svg>");
    Some(out)
}

fn histogram(table: &Table, value: usize) -> Option<String> {
    let values: Vec<f64> = table
        .rows
        .iter()
        .filter_map(|r| number(r.get(value)))
        .map(|v| v.max(0.0))
        .collect();
    if values.is_empty() {
        return None;
    }
    let top = values.iter().copied().fold(100.0, f64::max);
    let bins = ((top / 10.0).ceil() as usize).clamp(1, 100);
    let mut counts = vec![0usize; bins];
    for v in &values {
        counts[((v / 10.0).floor() as usize).min(bins - 1)] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let (left, right, top_m, bottom) = (36.0, 8.0, 20.0, 30.0);
    let height = 170.0;
    let plot_w = WIDTH - left - right;
    let plot_h = height - top_m - bottom;
    let slot = plot_w / bins as f64;
    let mut out = String::new();
    open(&mut out, height, &table.title);
    let base = top_m + plot_h;
    let _ = write!(
        out,
        "<line x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#999\"/>",
        WIDTH - right
    );
    for (i, &n) in counts.iter().enumerate() {
        let x = left + i as f64 * slot;
        let h = (plot_h * n as f64 / most).round();
        if n > 0 {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\" fill=\"{BAR}\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{n}</text>",
                x + 3.0,
                base - h,
                slot - 6.0,
                x + slot / 2.0,
                base - h - 4.0,
            );
        }
        let lo = i * 10;
        let range = if i + 1 == bins {
            format!("{lo}–{}", bins * 10)
        } else {
            format!("{lo}–{}", lo + 9)
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#666\">{range}</text>",
            x + slot / 2.0,
            base + 18.0,
        );
    }
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::Column;

    #[test]
    fn histogram_counts_scores_in_ten_point_bins() {
        let mut t = Table::new("s", "分数", vec![Column::new("v", "v")]);
        for v in [95, 100, 91, 75, 0, 59] {
            t.rows.push(vec![Cell::Int(v)]);
        }
        t.chart = Some(Chart::Histogram { value: 0 });
        let svg = chart(&t).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}"); // bins 0, 50, 70, 90
        assert!(svg.contains(">3</text>"), "90–100 holds 95, 100, 91: {svg}");
        assert!(svg.contains(">90–100</text>"));
        assert!(svg.contains(">0–9</text>"));
    }

    #[test]
    fn bars_escape_labels_and_skip_rows_without_numbers() {
        let mut t = Table::new(
            "r",
            "<排名>",
            vec![Column::new("l", "l"), Column::new("v", "v")],
        );
        t.rows
            .push(vec![Cell::text("<script>x</script>"), Cell::Int(3)]);
        t.rows.push(vec![Cell::text("空"), Cell::Empty]);
        t.rows.push(vec![Cell::text("江滨社区"), Cell::Int(6)]);
        t.chart = Some(Chart::Bars { label: 0, value: 1 });
        let svg = chart(&t).unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("<title>&lt;排名&gt;</title>"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(
            svg.contains("width=\"495\""),
            "the largest bar fills the area: {svg}"
        );
    }

    #[test]
    fn long_rankings_draw_their_first_bars_and_say_how_many_are_left_out() {
        let mut t = Table::new("r", "r", vec![Column::new("l", "l"), Column::new("v", "v")]);
        for i in 0..45 {
            t.rows
                .push(vec![Cell::text(format!("组织{i}")), Cell::Int(i)]);
        }
        t.chart = Some(Chart::Bars { label: 0, value: 1 });
        let svg = chart(&t).unwrap();
        assert_eq!(svg.matches("<rect").count(), MAX_BARS);
        assert!(svg.contains(">… +5</text>"));
    }

    #[test]
    fn no_picture_without_hint_or_numbers() {
        let mut doc = fixture::doc();
        doc.tables[0].chart = None;
        assert!(chart(&doc.tables[0]).is_none());
        doc.tables[0].chart = Some(Chart::Bars { label: 1, value: 0 });
        assert!(chart(&doc.tables[0]).is_none());
    }

    #[test]
    fn long_labels_are_clipped() {
        assert_eq!(clip("江滨社区", 32), "江滨社区");
        let long = "很".repeat(40);
        let c = clip(&long, 32);
        assert!(c.ends_with('…'));
        assert!(super::super::display_width(&c) <= 32, "{c}");
        assert_eq!(clip("a\nb", 32), "a");
    }
}
