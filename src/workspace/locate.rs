//! Turning the places of findings (key paths, byte offsets) into line and column, with the
//! source line for display. Reads each file that has findings once, files in parallel.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml_edit::{Item, Value};

use crate::diag::{Diagnostic, Place, Seg};
use crate::i18n::Locale;

pub fn locate(root: &Path, diags: &mut [Diagnostic]) {
    use rayon::prelude::*;
    // Findings grouped by file, in order of first appearance: each file is read (and parsed,
    // when a finding names a key path) once, and the files are handled in parallel.
    let mut order: Vec<&str> = Vec::new();
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in diags.iter().enumerate() {
        if matches!(d.place, Place::Pos { .. }) {
            continue;
        }
        groups
            .entry(d.file.as_str())
            .or_insert_with(|| {
                order.push(d.file.as_str());
                Vec::new()
            })
            .push(i);
    }
    let found: Vec<(usize, Located)> = order
        .par_iter()
        .flat_map_iter(|file| {
            let idx = &groups[file];
            locate_in_file(root, file, idx.iter().map(|&i| (i, &diags[i].place)))
        })
        .collect();
    for (i, (line, column, source)) in found {
        let d = &mut diags[i];
        d.place = Place::Pos { line, column };
        if source.is_some() {
            d.source = source;
        }
    }
}

/// Line, column and (when not empty) the source line of one finding.
type Located = (usize, usize, Option<String>);

/// The positions of the findings `places` (by index) in one file, read once and parsed at most
/// once (only when a finding names a key path).
fn locate_in_file<'a>(
    root: &Path,
    file: &str,
    places: impl Iterator<Item = (usize, &'a Place)>,
) -> Vec<(usize, Located)> {
    let Ok(text) = super::load::read_text(root, file, Locale::En).map(|t| t.text) else {
        return places.map(|(i, _)| (i, (1, 1, None))).collect();
    };
    let mut doc: Option<Option<toml_edit::Document<&str>>> = None;
    places
        .map(|(i, place)| {
            let offset = match place {
                Place::Offset(o) => *o,
                Place::Path(segs) => doc
                    .get_or_insert_with(|| toml_edit::Document::parse(text.as_str()).ok())
                    .as_ref()
                    .and_then(|doc| span_in(doc, segs))
                    .map_or(0, |r| r.start),
                _ => 0,
            };
            let (line, column, source) = line_column(&text, offset);
            (i, (line, column, (!source.is_empty()).then_some(source)))
        })
        .collect()
}

/// Line and column (from 1; the column counts characters) of a byte offset, and the line's text.
pub fn line_column(text: &str, offset: usize) -> (usize, usize, String) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (
        line,
        column,
        text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string(),
    )
}

/// The span of the deepest part of `segs` found in the document.
pub fn span_of(text: &str, segs: &[Seg]) -> Option<Range<usize>> {
    let doc = toml_edit::Document::parse(text.to_string()).ok()?;
    span_in(&doc, segs)
}

/// `span_of` in an already parsed document.
fn span_in<S>(doc: &toml_edit::Document<S>, segs: &[Seg]) -> Option<Range<usize>> {
    let mut best: Option<Range<usize>> = None;
    let mut node = Node::Table(doc.as_table());
    for seg in segs {
        let (next, span) = match (seg, node) {
            (Seg::Key(k), Node::Table(t)) => match t.get_key_value(k) {
                Some((key, it)) => (Node::of_item(it), it.span().or(key.span())),
                None => break,
            },
            (Seg::Key(k), Node::Value(Value::InlineTable(t))) => match t.get_key_value(k) {
                Some((key, it)) => (Node::of_item(it), it.span().or(key.span())),
                None => break,
            },
            (Seg::Index(i), Node::Tables(a)) => match a.get(*i) {
                Some(t) => (Some(Node::Table(t)), t.span()),
                None => break,
            },
            (Seg::Index(i), Node::Value(Value::Array(a))) => match a.get(*i) {
                Some(v) => (Some(Node::Value(v)), v.span()),
                None => break,
            },
            _ => break,
        };
        best = span.or(best);
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    best
}

#[derive(Clone, Copy)]
enum Node<'a> {
    Table(&'a toml_edit::Table),
    Tables(&'a toml_edit::ArrayOfTables),
    Value(&'a Value),
}

impl<'a> Node<'a> {
    fn of_item(item: &'a Item) -> Option<Node<'a>> {
        match item {
            Item::Table(t) => Some(Node::Table(t)),
            Item::ArrayOfTables(a) => Some(Node::Tables(a)),
            Item::Value(v) => Some(Node::Value(v)),
            Item::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::parse_path;

    #[test]
    fn finds_keys_in_arrays_of_tables() {
        let text = "id = \"p\"\n\n[[holder]]\nmember = \"a\"\n\n[[holder]]\nmember = \"b\"\n";
        let span = span_of(text, &parse_path("holder[1].member")).unwrap();
        let (line, column, source) = line_column(text, span.start);
        assert_eq!((line, column), (7, 10));
        assert_eq!(source, "member = \"b\"");
    }

    #[test]
    fn columns_count_characters() {
        let text = "name = \"江滨\"\nx = 1\n";
        let (line, column, _) = line_column(text, text.find("x").unwrap());
        assert_eq!((line, column), (2, 1));
        let (_, column, _) = line_column(text, text.find('"').unwrap() + 7);
        assert_eq!(column, 11);
    }
}
