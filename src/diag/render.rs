//! Rendering findings: rustc-like human text, JSON, and GitHub Actions annotations (SPEC §7).

use unicode_width::UnicodeWidthStr;

use super::escape::one_line;
use super::{Diagnostic, Severity, Summary};
use crate::i18n::{Locale, t, tf};

/// Human output: `error[code]: message`, `--> file:line:column`, the source line with a caret,
/// and `help:` — readable without colour.
pub fn human(diags: &[Diagnostic], summary: &Summary, locale: Locale, color: bool) -> String {
    text_of(|out| write_human(diags, summary, locale, color, out))
}

/// `human` written to `out` finding by finding.
pub fn write_human(
    diags: &[Diagnostic],
    summary: &Summary,
    locale: Locale,
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_findings(diags, locale, color, out)?;
    let line = tf(
        locale,
        "check.summary",
        &[
            ("errors", &summary.errors),
            ("warnings", &summary.warnings),
            ("infos", &summary.infos),
            ("files", &summary.files),
        ],
    );
    writeln!(out, "{line}")
}

/// The findings of `human` without the summary line (for `check -q`).
pub fn human_findings(diags: &[Diagnostic], locale: Locale, color: bool) -> String {
    text_of(|out| write_findings(diags, locale, color, out))
}

/// What a writer of text writes, as a string.
fn text_of(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail, and every piece written is a `str`.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn write_findings(
    diags: &[Diagnostic],
    locale: Locale,
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut text = String::new();
    for d in diags {
        text.clear();
        finding(d, locale, color, &mut text);
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// One finding of `human`, with the blank line after it.
fn finding(d: &Diagnostic, locale: Locale, color: bool, out: &mut String) {
    let (line, column) = d.line_column();
    let sev = severity_word(d.severity, locale);
    let (on, off) = if color {
        (severity_color(d.severity), "\x1b[0m")
    } else {
        ("", "")
    };
    out.push_str(&format!(
        "{on}{sev}[{}]{off}: {}\n",
        d.code,
        one_line(&d.message)
    ));
    out.push_str(&format!("  --> {}:{line}:{column}\n", one_line(&d.file)));
    if let Some(src) = &d.source {
        let gutter = line.to_string();
        let pad = " ".repeat(gutter.len());
        let (src, column) = clip_line(src, column);
        let prefix: String = src.chars().take(column.saturating_sub(1)).collect();
        let caret_pad = " ".repeat(UnicodeWidthStr::width(one_line(&prefix).as_ref()));
        let src = one_line(&src);
        out.push_str(&format!(
            "{pad} |\n{gutter} | {src}\n{pad} | {caret_pad}{on}^{off}\n"
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!(
            "  = {}: {}\n",
            t(locale, "cli.help"),
            one_line(help)
        ));
    }
    out.push('\n');
}

/// Longest source line shown in full; longer ones show a window around the column.
const MAX_SOURCE_CHARS: usize = 120;

/// A window of at most `MAX_SOURCE_CHARS` characters of `src` around `column`, with `…` where
/// text was cut, and the column within that window.
fn clip_line(src: &str, column: usize) -> (String, usize) {
    let count = src.chars().count();
    if count <= MAX_SOURCE_CHARS {
        return (src.to_string(), column);
    }
    let half = MAX_SOURCE_CHARS / 2;
    let start = column
        .saturating_sub(1)
        .saturating_sub(half)
        .min(count - MAX_SOURCE_CHARS);
    let mut out: String = src.chars().skip(start).take(MAX_SOURCE_CHARS).collect();
    let mut column = column - start;
    if start > 0 {
        out.insert(0, '…');
        column += 1;
    }
    if start + MAX_SOURCE_CHARS < count {
        out.push('…');
    }
    (out, column)
}

fn severity_word(s: Severity, locale: Locale) -> &'static str {
    match s {
        Severity::Error => t(locale, "diag.error"),
        Severity::Warning => t(locale, "diag.warning"),
        Severity::Info => t(locale, "diag.info"),
    }
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    }
}

/// `{"diagnostics":[…],"summary":{…}}` with paths relative to the root and positions from 1.
pub fn json(diags: &[Diagnostic], summary: &Summary) -> String {
    text_of(|out| write_json(diags, summary, out))
}

/// `json` written to `out` as it is made.
pub fn write_json(
    diags: &[Diagnostic],
    summary: &Summary,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // Borrowed rows serialized straight to text (no `serde_json::Value` per finding); the keys
    // in this order, as the document has always had them.
    #[derive(serde::Serialize)]
    struct Row<'a> {
        severity: &'a str,
        code: &'a super::Code,
        message: &'a str,
        file: &'a str,
        line: usize,
        column: usize,
        help: &'a Option<String>,
    }
    /// The findings as rows, made one at a time while they are written.
    struct Rows<'a>(&'a [Diagnostic]);
    impl serde::Serialize for Rows<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|d| {
                let (line, column) = d.line_column();
                Row {
                    severity: d.severity.as_str(),
                    code: &d.code,
                    message: &d.message,
                    file: &d.file,
                    line,
                    column,
                    help: &d.help,
                }
            }))
        }
    }
    #[derive(serde::Serialize)]
    struct Counts {
        errors: usize,
        warnings: usize,
        infos: usize,
        files: usize,
    }
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        diagnostics: Rows<'a>,
        summary: Counts,
    }
    let doc = Doc {
        diagnostics: Rows(diags),
        summary: Counts {
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            files: summary.files,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<code>::<message>`.
pub fn github(diags: &[Diagnostic]) -> String {
    github_in(diags, "")
}

/// `github` with each file named from the repository root: `prefix` is the workspace's folder in
/// the repository (`party/`, or empty), so that annotations land on the diff.
pub fn github_in(diags: &[Diagnostic], prefix: &str) -> String {
    let mut out = String::new();
    for d in diags {
        let (line, column) = d.line_column();
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut msg = d.message.clone();
        if let Some(h) = &d.help {
            msg.push_str(" — ");
            msg.push_str(h);
        }
        out.push_str(&format!(
            "::{level} file={},line={line},col={column},title={}::{}\n",
            escape_property(&format!("{prefix}{}", d.file)),
            d.code,
            escape_data(&msg)
        ));
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_clipped_around_the_column() {
        let short = "a = 1";
        assert_eq!(clip_line(short, 3), (short.to_string(), 3));
        let long = format!("a = {}x{}", "[".repeat(500), "[".repeat(500));
        let (clipped, column) = clip_line(&long, 505);
        assert!(clipped.chars().count() <= MAX_SOURCE_CHARS + 2);
        assert_eq!(clipped.chars().nth(column - 1), Some('x'));
        assert!(clipped.starts_with('…') && clipped.ends_with('…'));
    }
}
