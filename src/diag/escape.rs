//! Text safe to print on a terminal. Record values may hold control characters (an escape
//! sequence in a name would clear the screen or recolour it) and line breaks (which would cut a
//! one-line message and push its help line away); human output shows them escaped instead.

use std::borrow::Cow;

/// `s` on one line with every control character escaped: a line break as `\n`, an escape
/// sequence as `\u{1b}`, bidirectional overrides as `\u{202e}`.
pub fn one_line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// `s` with its line breaks kept and every other control character escaped, for messages whose
/// own lines (a `help:` line) matter.
pub fn lines(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// Control characters (C0, DEL, C1) and the invisible bidirectional controls that reorder what
/// a terminal shows.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters_and_line_breaks() {
        assert_eq!(one_line("曹\u{1b}[2J丽\nX"), "曹\\u{1b}[2J丽\\nX");
        assert_eq!(one_line("a\tb\rc\u{7f}\u{9b}"), "a\\tb\\rc\\u{7f}\\u{9b}");
        assert_eq!(one_line("ab\u{202e}c"), "ab\\u{202e}c");
        assert!(matches!(one_line("江滨社区 plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_keeps_line_breaks_only() {
        assert_eq!(lines("a\u{1b}[31m\nhelp: b"), "a\\u{1b}[31m\nhelp: b");
    }
}
