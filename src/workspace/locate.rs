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
                Place::Path(segs) => quick_offset(&text, segs).unwrap_or_else(|| {
                    doc.get_or_insert_with(|| toml_edit::Document::parse(text.as_str()).ok())
                        .as_ref()
                        .and_then(|doc| span_in(doc, segs))
                        .map_or(0, |r| r.start)
                }),
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

/// The offset `span_in` gives for the two shapes most findings have, `a[n]` and `a[n].k` (an
/// entry of an array of tables, or a plain key of one), found by scanning lines instead of
/// parsing: with many findings, parsing every file again for its spans cost as much as the
/// rules. `None` whenever the text is not of the plain shape `fmt` writes (a multi-line string,
/// `a` written inline or dotted, a quoted or dotted `k`, a sub-table of `a` …): the caller then
/// parses.
fn quick_offset(text: &str, segs: &[Seg]) -> Option<usize> {
    let (a, n, k) = match segs {
        [Seg::Key(a), Seg::Index(n)] => (a, *n, None),
        [Seg::Key(a), Seg::Index(n), Seg::Key(k)] => (a, *n, Some(k.as_str())),
        _ => return None,
    };
    let bare = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    if !bare(a) || k.is_some_and(|k| !bare(k)) || text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let header = format!("[[{a}]]");
    let sub = format!("[[{a}.");
    let dotted_a = format!("{a}.");
    // `k` as a dotted key, and as a sub-list of the entry.
    let (dotted_k, k_list) = match k {
        Some(k) => (format!("{k}."), format!("[[{a}.{k}]]")),
        None => (String::new(), String::new()),
    };
    // The key of a `key = value` line, if the line is one.
    fn key_of(line: &str) -> Option<&str> {
        line.split_once('=').map(|(key, _)| key.trim())
    }
    let mut offset = 0;
    let mut seen = 0;
    // Where the wanted entry's header starts, once found.
    let mut entry: Option<usize> = None;
    let mut in_entry = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let indent = line.len() - line.trim_start().len();
        if trimmed.starts_with('[') {
            // Only a plain header (`[x.y]`, `[[x]]`) on a line of its own; anything else that
            // starts with `[` (a quoted header, a line of a multi-line array) is not the shape.
            let name = trimmed.trim_start_matches('[').trim_end_matches(']');
            if !trimmed.ends_with(']') || !bare(&name.replace('.', "")) {
                return None;
            }
            in_entry = false;
            if trimmed == header {
                if seen == n {
                    entry = Some(start + indent);
                    in_entry = true;
                } else if entry.is_some() {
                    break;
                }
                seen += 1;
            } else if trimmed.starts_with(&sub) {
                // A sub-list of an entry (`[[item.progress]]`): fine unless it is `k` itself.
                if entry.is_some() && k.is_some() && trimmed == k_list {
                    return None;
                }
            } else if trimmed.contains(a.as_str()) {
                // `[a]`, `[a.x]`, `[[ a ]]`, a quoted or commented header: not the plain shape.
                return None;
            } else if entry.is_some() {
                break;
            }
            continue;
        }
        let Some(key) = key_of(trimmed) else {
            continue;
        };
        if seen == 0 && (key == a || key.starts_with(&dotted_a)) {
            return None; // `a` written as an inline array or dotted keys
        }
        if let (true, Some(k)) = (in_entry, k) {
            if key == k {
                let after = line.find('=')? + 1;
                let value = &line[after..];
                return Some(start + after + (value.len() - value.trim_start().len()));
            }
            if key.starts_with(&dotted_k) || key.contains(['"', '\'']) {
                return None;
            }
        }
    }
    entry
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

    /// Checks `quick_offset` against the parsed span for every entry of every array of tables
    /// of `text`, each of its keys and a missing one; returns how many it answered.
    fn agree(text: &str, name: &str) -> usize {
        let Ok(doc) = toml_edit::Document::parse(text) else {
            return 0;
        };
        let mut answered = 0;
        for (a, item) in doc.as_table().iter() {
            let Item::ArrayOfTables(list) = item else {
                continue;
            };
            let key = |k: &str| Seg::Key(k.to_string());
            for (n, t) in list.iter().enumerate() {
                let mut paths = vec![vec![key(a), Seg::Index(n)]];
                for k in t.iter().map(|(k, _)| k).chain(["no-such-key"]) {
                    paths.push(vec![key(a), Seg::Index(n), key(k)]);
                }
                for segs in paths {
                    if let Some(o) = quick_offset(text, &segs) {
                        answered += 1;
                        let parsed = span_in(&doc, &segs).map(|r| r.start);
                        assert_eq!(Some(o), parsed, "{name} {segs:?}");
                    }
                }
            }
        }
        answered
    }

    #[test]
    fn quick_offsets_agree_with_the_parsed_spans_in_the_examples() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut answered = 0;
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(path).unwrap();
                answered += agree(&text, &path.display().to_string());
            }
        }
        assert!(answered > 1000, "{answered}");
    }

    #[test]
    fn quick_offsets_give_way_to_the_parser_when_unsure() {
        let plain = "id = \"c\"\n\n[[item]]\nid = \"c1\"\n\n[[item.progress]]\nvalue = 1\n\n[[item]]\n  target   =   3\nid = \"c2\"\n";
        let odd = [
            // A line of a multi-line array that starts with `[`.
            "[[item]]\nid = \"a\"\nm = [\n  [1, 2]\n]\ntarget = 1\n",
            // A quoted header, a commented one, a header with spaces.
            "[[item]]\nid = \"a\"\n[\"x y\"]\ntarget = 1\n",
            "[[item]] # first\nid = \"a\"\ntarget = 1\n",
            "[[ item ]]\nid = \"a\"\n",
            // Inline and dotted forms of the list or the key.
            "item = [{ id = \"a\", target = 1 }]\n",
            "[[item]]\nid = \"a\"\ntarget.x = 1\n",
            "[[item]]\n\"target\" = 1\n",
            // A multi-line string holding a header.
            "[[item]]\ntext = \"\"\"\n[[item]]\ntarget = 9\n\"\"\"\ntarget = 1\n",
            // A sub-table of an entry named like the key.
            "[[item]]\nid = \"a\"\n[[item.target]]\nx = 1\n",
            "[[item]]\nid = \"a\"\n[item.target]\nx = 1\n",
        ];
        // Entry 0: itself, `id`, a missing key (not `progress`, a sub-list); entry 1: itself,
        // `target`, `id`, a missing key.
        assert_eq!(agree(plain, "plain"), 3 + 4);
        for text in odd {
            agree(text, text);
        }
        let path = parse_path("item[1].target");
        assert_eq!(
            quick_offset(plain, &path),
            span_of(plain, &path).map(|r| r.start)
        );
        assert!(quick_offset(odd[0], &parse_path("item[0].target")).is_none());
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
