//! Parsing a record's text into its typed form. A failure is a finding: `syntax` for text that
//! is not TOML (with a hint for full-width punctuation), `schema` for TOML that does not fit the
//! record kind (with a did-you-mean for unknown keys).

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, did_you_mean};
use crate::i18n::{Locale, t, tf};

/// Parses `text` (BOM removed) as a record of type `T`.
pub fn parse_record<T: DeserializeOwned>(
    rel: &str,
    text: &str,
    locale: Locale,
) -> Result<T, Diagnostic> {
    if let Some(d) = second_bom(rel, text, locale) {
        return Err(d);
    }
    match toml::from_str::<T>(text) {
        Ok(v) => Ok(v),
        Err(err) => Err(match toml::from_str::<toml::Table>(text) {
            Err(syntax) => syntax_error(rel, text, &syntax, locale),
            Ok(_) => schema_error(rel, &err, locale),
        }),
    }
}

/// Parses `text` as an untyped TOML table.
pub fn parse_value(rel: &str, text: &str, locale: Locale) -> Result<toml::Table, Diagnostic> {
    if let Some(d) = second_bom(rel, text, locale) {
        return Err(d);
    }
    toml::from_str::<toml::Table>(text).map_err(|e| syntax_error(rel, text, &e, locale))
}

const FULL_WIDTH: &[(char, &str)] = &[
    ('＝', "="),
    ('“', "\""),
    ('”', "\""),
    ('‘', "'"),
    ('’', "'"),
    ('，', ","),
    ('［', "["),
    ('］', "]"),
    ('｛', "{"),
    ('｝', "}"),
    ('：', ":"),
    ('．', "."),
];

fn syntax_error(rel: &str, text: &str, err: &toml::de::Error, locale: Locale) -> Diagnostic {
    let offset = err.span().map_or(0, |s| s.start).min(text.len());
    let message = first_line(err.message());
    let mut diag = Diagnostic::error(
        crate::diag::Code::Syntax,
        rel,
        tf(locale, "check.syntax", &[("message", &message)]),
    )
    .at_offset(offset);
    // A full-width character on the line of the error (or just before it) is the likely cause.
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    if let Some((pos, ch, ascii)) = line.char_indices().find_map(|(i, c)| {
        FULL_WIDTH
            .iter()
            .find(|(f, _)| *f == c)
            .map(|(f, a)| (i, *f, *a))
    }) {
        diag = diag.at_offset(line_start + pos).help(tf(
            locale,
            "check.syntax.full-width",
            &[("char", &ch), ("ascii", &ascii)],
        ));
    } else {
        diag = diag.help(tf(locale, "check.syntax.help", &[]));
    }
    diag
}

fn schema_error(rel: &str, err: &toml::de::Error, locale: Locale) -> Diagnostic {
    let raw = first_line(err.message());
    let mut diag = Diagnostic::error(crate::diag::Code::Schema, rel, String::new());
    if let Some(span) = err.span() {
        diag = diag.at_offset(span.start);
    }
    if let Some((unknown, expected)) = parse_unknown_field(&raw) {
        diag.message = tf(locale, "check.schema.unknown-key", &[("key", &unknown)]);
        let help = match did_you_mean(&unknown, expected.iter().map(String::as_str)) {
            Some(s) => tf(locale, "check.schema.did-you-mean", &[("key", &s)]),
            None => tf(
                locale,
                "check.schema.allowed-keys",
                &[("keys", &expected.join(", "))],
            ),
        };
        diag.help(help)
    } else {
        diag.message = tf(locale, "check.schema", &[("message", &raw)]);
        diag
    }
}

/// The parser's message on one line: a value quoted in it may hold line breaks and control
/// characters, which are escaped rather than cutting the message short.
fn first_line(s: &str) -> String {
    crate::diag::escape::one_line(s.trim()).into_owned()
}

/// The decoder removed one byte-order mark; another one at the start is not TOML (the parser
/// would silently drop it too).
fn second_bom(rel: &str, text: &str, locale: Locale) -> Option<Diagnostic> {
    text.starts_with('\u{feff}').then(|| {
        Diagnostic::error(
            crate::diag::Code::Syntax,
            rel,
            tf(
                locale,
                "check.syntax",
                &[("message", &t(locale, "check.syntax.second-bom"))],
            ),
        )
        .at_offset(0)
        .help(t(locale, "check.syntax.second-bom.help"))
    })
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn parse_unknown_field(msg: &str) -> Option<(String, Vec<String>)> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((unknown.to_string(), expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Org;

    #[test]
    fn unknown_key_suggests() {
        let text =
            "id = \"a\"\nname = \"A\"\nkind = \"branch\"\nsector = \"community\"\nparnet = \"b\"\n";
        let d = parse_record::<Org>("orgs/a.toml", text, Locale::En).unwrap_err();
        assert_eq!(d.code, "schema");
        assert!(d.message.contains("parnet"), "{}", d.message);
        assert!(d.help.unwrap().contains("parent"));
    }

    #[test]
    fn full_width_equals_gets_a_hint() {
        let d = parse_value("a.toml", "id ＝ \"a\"\n", Locale::En).unwrap_err();
        assert_eq!(d.code, "syntax");
        assert!(d.help.unwrap().contains('＝'));
    }

    #[test]
    fn chinese_enum_names_are_accepted() {
        let text = "id = \"a\"\nname = \"A\"\nkind = \"党支部\"\nsector = \"社区\"\n";
        let org: Org = parse_record("orgs/a.toml", text, Locale::En).unwrap();
        assert_eq!(org.kind, crate::model::OrgKind::Branch);
    }
}
