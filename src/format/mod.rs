//! Canonical formatting of record files (`dangjian fmt`): keys in the order of the record's
//! schema (the struct field order of the model), dated arrays of tables sorted by date (stably,
//! so "the last among equal dates" keeps its meaning), `key = value` spacing and one blank line
//! before each table header. Every comment, every key the schema does not know (`[extra]`,
//! `[private]`, typos that `check` reports), the BOM and the line endings are kept. Pure: text in,
//! text out.

use std::sync::OnceLock;

use serde_json::{Map, Value as Json};
use toml_edit::{Array, Decor, DocumentMut, InlineTable, Item, Table, Value};

use crate::model::Kind;

/// A file that is not TOML, with the place of the first error (lines and columns from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// The canonical text of a record file of `kind`. `text` may start with a BOM and use CRLF;
/// both are kept. Formatting twice gives the same text as formatting once.
pub fn canonical(kind: Kind, text: &str) -> anyhow::Result<String> {
    let bom = text.starts_with('\u{feff}');
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let crlf = body.contains("\r\n");
    let body = body.replace("\r\n", "\n");
    let out = canonical_lf(kind, &body)?;
    let mut result = String::with_capacity(out.len() + 8);
    if bom {
        result.push('\u{feff}');
    }
    if crlf {
        result.push_str(&out.replace('\n', "\r\n"));
    } else {
        result.push_str(&out);
    }
    Ok(result)
}

fn syntax_error(text: &str, err: &toml_edit::TomlError) -> SyntaxError {
    let offset = err.span().map_or(0, |s| s.start).min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    SyntaxError {
        line,
        column,
        message: err
            .message()
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string(),
    }
}

fn canonical_lf(kind: Kind, text: &str) -> Result<String, SyntaxError> {
    let mut doc: DocumentMut = text.parse().map_err(|e| syntax_error(text, &e))?;
    let schema = schema_of(kind);
    let header = take_file_header(&mut doc);

    format_table(schema, Some(schema), doc.as_table_mut(), true);
    let mut next = 0;
    assign_positions(doc.as_table_mut(), &mut next);

    let trailing = comment_block(doc.trailing().as_str().unwrap_or(""));
    doc.set_trailing(if trailing.is_empty() {
        String::new()
    } else {
        format!("\n{trailing}")
    });

    let rendered = doc.to_string();
    let body = rendered.trim_start_matches('\n').trim_end_matches('\n');
    let mut out = String::with_capacity(rendered.len() + header.len() + 2);
    if !header.is_empty() {
        out.push_str(&header);
        out.push('\n');
    }
    out.push_str(body);
    if !body.is_empty() {
        out.push('\n');
    }
    // A guard, not a check of the user's file: never hand back text that is not TOML.
    out.parse::<DocumentMut>()
        .map_err(|e| syntax_error(&out, &e))?;
    Ok(out)
}

/// The schema of a record kind, generated once.
fn schema_of(kind: Kind) -> &'static Json {
    static SCHEMAS: [OnceLock<Json>; 7] = [const { OnceLock::new() }; 7];
    let i = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    SCHEMAS[i].get_or_init(|| kind.schema())
}

/// Follows `$ref` and a lone `allOf` (how schemars writes a field with a default), and picks the
/// non-null branch of `anyOf` (how it writes `Option<T>`).
fn resolve<'a>(root: &'a Json, mut node: &'a Json) -> &'a Json {
    for _ in 0..16 {
        if let Some(r) = node.get("$ref").and_then(Json::as_str) {
            let name = r.rsplit('/').next().unwrap_or("");
            match root.get("definitions").and_then(|d| d.get(name)) {
                Some(def) => node = def,
                None => return node,
            }
        } else if let Some([one]) = node
            .get("allOf")
            .and_then(Json::as_array)
            .map(Vec::as_slice)
        {
            node = one;
        } else if let Some(branches) = node.get("anyOf").and_then(Json::as_array) {
            match branches
                .iter()
                .find(|b| b.get("type").and_then(Json::as_str) != Some("null"))
            {
                Some(b) if branches.len() == 2 => node = b,
                _ => return node,
            }
        } else {
            return node;
        }
    }
    node
}

/// The schema node of `key` inside the object `node`; for an array, the node of its items.
fn child<'a>(root: &'a Json, node: Option<&'a Json>, key: &str) -> Option<&'a Json> {
    let prop = properties(root, node?)?.get(key)?;
    let prop = resolve(root, prop);
    Some(match prop.get("items") {
        Some(items) => resolve(root, items),
        None => prop,
    })
}

fn properties<'a>(root: &'a Json, node: &'a Json) -> Option<&'a Map<String, Json>> {
    resolve(root, node).get("properties")?.as_object()
}

/// Position of `key` in the schema's field order; unknown keys after all known ones.
fn rank(root: &Json, node: Option<&Json>, key: &str) -> usize {
    node.and_then(|n| properties(root, n))
        .and_then(|p| p.keys().position(|k| k == key))
        .unwrap_or(usize::MAX)
}

/// The first required date field of an object: what its array is sorted by.
fn date_field<'a>(root: &'a Json, node: Option<&'a Json>) -> Option<&'a str> {
    let node = resolve(root, node?);
    let props = node.get("properties")?.as_object()?;
    let required = node.get("required")?.as_array()?;
    props
        .iter()
        .find(|(k, v)| {
            required.iter().any(|r| r.as_str() == Some(k.as_str()))
                && resolve(root, v).get("format").and_then(Json::as_str) == Some("date")
        })
        .map(|(k, _)| k.as_str())
}

type DateKey = (u16, u8, u8);

fn date_of(value: Option<&Value>) -> Option<DateKey> {
    match value? {
        Value::Datetime(d) => {
            let dt = d.value();
            match (dt.date, dt.time) {
                (Some(date), None) => Some((date.year, date.month, date.day)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Puts every key of `table` (and of everything below it) in canonical order and spacing.
fn format_table(root: &Json, node: Option<&Json>, table: &mut Table, is_root: bool) {
    table.sort_values_by(|a, _, b, _| rank(root, node, a).cmp(&rank(root, node, b)));
    if !is_root && !table.is_dotted() {
        let decor = table.decor_mut();
        let block = comment_block(prefix_of(decor));
        decor.set_prefix(format!("\n{block}"));
        let suffix = trailing_comment(suffix_of(decor));
        decor.set_suffix(suffix);
    }
    for (mut key, item) in table.iter_mut() {
        let sub = child(root, node, key.get());
        match item {
            Item::Value(value) => {
                let leaf = key.leaf_decor_mut();
                let block = comment_block(prefix_of(leaf));
                leaf.set_prefix(block);
                leaf.set_suffix(" ");
                format_value(root, sub, value);
                let decor = value.decor_mut();
                decor.set_prefix(" ");
                let suffix = trailing_comment(suffix_of(decor));
                decor.set_suffix(suffix);
            }
            Item::Table(t) => {
                if !t.is_dotted() {
                    clear_blank(key.leaf_decor_mut());
                }
                format_table(root, sub, t, false);
            }
            Item::ArrayOfTables(array) => {
                clear_blank(key.leaf_decor_mut());
                if let Some(field) = date_field(root, sub) {
                    let keys: Option<Vec<DateKey>> = array
                        .iter()
                        .map(|t| date_of(t.get(field).and_then(Item::as_value)))
                        .collect();
                    if let Some(keys) = keys {
                        let mut tables: Vec<(DateKey, Table)> =
                            keys.into_iter().zip(array.iter().cloned()).collect();
                        tables.sort_by_key(|(k, _)| *k);
                        array.clear();
                        for (_, t) in tables {
                            array.push(t);
                        }
                    }
                }
                for t in array.iter_mut() {
                    format_table(root, sub, t, false);
                }
            }
            Item::None => {}
        }
    }
}

fn format_value(root: &Json, node: Option<&Json>, value: &mut Value) {
    match value {
        Value::Array(array) => format_array(root, node, array),
        Value::InlineTable(table) => format_inline_table(root, node, table),
        _ => {}
    }
}

fn format_array(root: &Json, node: Option<&Json>, array: &mut Array) {
    if let Some(field) = date_field(root, node) {
        let sortable = array.iter().all(|v| {
            v.as_inline_table()
                .is_some_and(|t| date_of(t.get(field)).is_some())
        });
        if sortable {
            array.sort_by_key(|v| {
                v.as_inline_table()
                    .and_then(|t| date_of(t.get(field)))
                    .unwrap_or((0, 0, 0))
            });
        }
    }
    for v in array.iter_mut() {
        format_value(root, node, v);
    }
    let plain = array.iter().all(|v| is_plain(v.decor())) && is_blank(array.trailing().as_str());
    if plain {
        array.fmt();
    }
}

fn format_inline_table(root: &Json, node: Option<&Json>, table: &mut InlineTable) {
    table.sort_values_by(|a, _, b, _| rank(root, node, a).cmp(&rank(root, node, b)));
    let mut plain = is_blank(table.trailing().as_str());
    for (key, v) in table.iter_mut() {
        let sub = child(root, node, key.get());
        format_value(root, sub, v);
        plain &= is_plain(key.leaf_decor()) && is_plain(v.decor());
    }
    if plain {
        table.fmt();
    }
}

/// Whether a decor holds only spaces (no comment, no line break).
fn is_plain(decor: &Decor) -> bool {
    is_blank(decor.prefix().and_then(|p| p.as_str()))
        && is_blank(decor.suffix().and_then(|s| s.as_str()))
}

fn is_blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.chars().all(|c| c == ' ' || c == '\t'))
}

fn clear_blank(decor: &mut Decor) {
    if is_plain(decor) {
        decor.clear();
    }
}

fn prefix_of(decor: &Decor) -> &str {
    decor.prefix().and_then(|p| p.as_str()).unwrap_or("")
}

fn suffix_of(decor: &Decor) -> &str {
    decor.suffix().and_then(|s| s.as_str()).unwrap_or("")
}

/// The comment lines of a run of whitespace and comments, each ending in `\n`, without
/// indentation; blank lines between commented sections are kept as one blank line, blank lines
/// before the first comment or after the last one are dropped.
fn comment_block(raw: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for line in raw.split('\n') {
        let line = line.trim();
        if line.starts_with('#') {
            if gap && !out.is_empty() {
                out.push('\n');
            }
            gap = false;
            out.push_str(line);
            out.push('\n');
        } else if line.is_empty() {
            gap = true;
        }
    }
    out
}

/// The comment after a value or header on its line, with the spaces before it as written (so
/// aligned comments stay aligned; at least one space), else nothing.
fn trailing_comment(raw: &str) -> String {
    let t = raw.trim_end();
    match t.find('#') {
        Some(i) => {
            let space = &t[..i];
            let space = if space.is_empty() || space.contains('\n') {
                " "
            } else {
                space
            };
            format!("{space}{}", &t[i..])
        }
        None => String::new(),
    }
}

/// Removes the file's header comment (the comments above the first item, up to the last blank
/// line before it) from the first item and returns it, so it stays on top whatever moves.
fn take_file_header(doc: &mut DocumentMut) -> String {
    let root = doc.as_table_mut();
    let first_value_key = root
        .iter()
        .find(|(_, item)| item.is_value())
        .map(|(k, _)| k.to_string());
    let raw = match &first_value_key {
        Some(key) => root
            .key_mut(key)
            .map(|k| prefix_of(k.leaf_decor()).to_string()),
        None => first_table(root).map(|t| prefix_of(t.decor()).to_string()),
    };
    let Some(raw) = raw else {
        return String::new();
    };
    let lines: Vec<&str> = raw.split('\n').map(str::trim).collect();
    // The header ends at the last blank line that follows a comment.
    let Some(first_comment) = lines.iter().position(|l| l.starts_with('#')) else {
        return String::new();
    };
    let Some(last_blank) = lines
        .iter()
        .enumerate()
        .skip(first_comment)
        .rev()
        .skip(1) // the last element is what precedes the key on its own line
        .find(|(_, l)| l.is_empty())
        .map(|(i, _)| i)
    else {
        return String::new();
    };
    let mut header = String::new();
    let mut blank = false;
    for line in &lines[first_comment..last_blank] {
        if line.starts_with('#') {
            if blank {
                header.push('\n');
            }
            header.push_str(line);
            header.push('\n');
            blank = false;
        } else if line.is_empty() {
            blank = true;
        }
    }
    let rest = lines[last_blank..].join("\n");
    match &first_value_key {
        Some(key) => {
            if let Some(mut k) = root.key_mut(key) {
                k.leaf_decor_mut().set_prefix(rest);
            }
        }
        None => {
            if let Some(t) = first_table_mut(root) {
                t.decor_mut().set_prefix(rest);
            }
        }
    }
    header
}

fn first_table(root: &Table) -> Option<&Table> {
    let mut best: Option<&Table> = None;
    for (_, item) in root.iter() {
        let candidates: Vec<&Table> = match item {
            Item::Table(t) => tables_in(t),
            Item::ArrayOfTables(a) => a.iter().flat_map(tables_in).collect(),
            _ => Vec::new(),
        };
        for t in candidates
            .into_iter()
            .filter(|t| t.position().is_some() && !t.is_implicit())
        {
            if best.is_none_or(|b| t.position() < b.position()) {
                best = Some(t);
            }
        }
    }
    best
}

fn tables_in(t: &Table) -> Vec<&Table> {
    let mut out = vec![t];
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => out.extend(tables_in(sub)),
            Item::ArrayOfTables(a) => out.extend(a.iter().flat_map(tables_in)),
            _ => {}
        }
    }
    out
}

fn first_table_mut(root: &mut Table) -> Option<&mut Table> {
    let position = first_table(root)?.position();
    /// The explicit table at `position` among `t`'s sub-tables, depth first.
    fn within(t: &mut Table, position: Option<isize>) -> Option<&mut Table> {
        for (_, item) in t.iter_mut() {
            let found = match item {
                Item::Table(sub) => at(sub, position),
                Item::ArrayOfTables(a) => a.iter_mut().find_map(|s| at(s, position)),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }
    /// `t` itself when it is that table, else the table within it.
    fn at(t: &mut Table, position: Option<isize>) -> Option<&mut Table> {
        if t.position() == position && !t.is_implicit() {
            return Some(t);
        }
        within(t, position)
    }
    within(root, position)
}

/// Numbers every table in canonical (depth-first, schema) order, which is the order
/// `toml_edit` prints them in.
fn assign_positions(table: &mut Table, next: &mut isize) {
    if !table.is_dotted() {
        table.set_position(Some(*next));
        *next += 1;
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => assign_positions(t, next),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    assign_positions(t, next);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
