//! YAML: the same data as JSON (same shape, same keys, same typed values), for people who read
//! and diff it. Written by hand rather than through a YAML library so that every string, key and
//! date is a double-quoted scalar: a date stays the string `"2026-04-05"` (not a YAML timestamp)
//! and a value such as `no` or `1.0` stays text, in every YAML parser.

use std::fmt::Write as _;

use anyhow::Result;
use serde_json::Value;

use super::json;
use crate::report::Document;

pub(super) fn render(doc: &Document) -> Result<String> {
    Ok(render_value(&json::value(doc)))
}

/// Any JSON value as a YAML document.
pub(super) fn render_value(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(m) if !m.is_empty() => node(value, 0, false, &mut out),
        Value::Array(a) if !a.is_empty() => node(value, 0, false, &mut out),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
    out
}

/// A non-empty mapping or sequence in block style, each line indented by `indent` spaces (the
/// first one not, when it follows a `- ` already written).
fn node(v: &Value, indent: usize, inline_first: bool, out: &mut String) {
    let mut first = true;
    let mut pad = |out: &mut String| {
        if !(first && inline_first) {
            out.push_str(&" ".repeat(indent));
        }
        first = false;
    };
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                pad(out);
                out.push_str(&quoted(k));
                out.push(':');
                child(val, indent + 2, out);
            }
        }
        Value::Array(a) => {
            for item in a {
                pad(out);
                out.push('-');
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        out.push(' ');
                        node(item, indent + 2, true, out);
                    }
                    _ => child(item, indent + 2, out),
                }
            }
        }
        other => {
            pad(out);
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

/// The value after `key:` or `-`: on the same line when it is a scalar or empty, else below.
fn child(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            node(v, indent, false, out);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            node(v, indent, false, out);
        }
        other => {
            out.push(' ');
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quoted(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// A YAML double-quoted scalar: `"` and `\` escaped, and every character YAML does not allow
/// printed (controls, DEL, C1, non-characters) as an escape. Line breaks stay `\n`.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// YAML 1.2's printable set, less the line-break characters NEL, LS and PS (escaped so that a
/// value never breaks a line in a reader that treats them as breaks).
fn printable(c: char) -> bool {
    matches!(c as u32, 0x20..=0x7E | 0xA0..=0x2027 | 0x202A..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..)
        && c != '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn carries_the_same_data_as_json() {
        let doc = fixture::doc();
        let from_yaml: serde_json::Value = serde_yaml::from_str(&render(&doc).unwrap()).unwrap();
        assert_eq!(from_yaml, json::value(&doc));
    }

    #[test]
    fn numbers_stay_numbers_and_strings_and_dates_are_quoted() {
        let out = render(&fixture::doc()).unwrap();
        assert!(out.contains("\"score\": 89.81"), "{out}");
        assert!(out.contains("\"rank\": 1"), "{out}");
        assert!(out.contains("\"date\": \"2026-04-05\""), "{out}");
        assert!(out.contains("\"date\": null"), "{out}");
        assert!(
            out.starts_with("\"report\": \"review\"\n\"meta\":\n"),
            "{out}"
        );
    }

    #[test]
    fn awkward_strings_survive_a_round_trip() {
        for s in [
            "no",
            "1.0",
            "2026-04-05",
            "~",
            "a: b",
            "- x",
            "#c",
            "\u{1b}[2J",
            "\u{7f}\u{85}",
            "\u{2028}",
            "\u{feff}x",
            "\"'\\",
            "",
            "张三\n李四",
            "\u{fffe}",
        ] {
            let v = serde_json::json!([{ "k": s, "e": [], "o": {} }]);
            let mut out = String::new();
            node(&v, 0, false, &mut out);
            let back: serde_json::Value = serde_yaml::from_str(&out).unwrap();
            assert_eq!(back, v, "{s:?} as {out}");
        }
    }
}
