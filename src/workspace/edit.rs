//! The one set of format-preserving `toml_edit` helpers every writing command uses: values
//! (dates as TOML local dates, exact numbers), setting a key while keeping its comments, and
//! the entries of an array of tables (`[[log]]`, `[[progress]]` …) written either as tables or
//! as an inline array: inserting, finding by number, removing. How a whole file is validated and
//! replaced is `write.rs`.

use anyhow::{Result, anyhow};
use chrono::Datelike;
use toml_edit::{ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

use crate::model::{Date, Num};

/// A date as a TOML local date (`2026-01-05`, not a string).
pub fn date_value(d: Date) -> Value {
    let date = match (
        u16::try_from(d.0.year()),
        u8::try_from(d.0.month()),
        u8::try_from(d.0.day()),
    ) {
        (Ok(year), Ok(month), Ok(day)) if year <= 9999 => toml_edit::Date { year, month, day },
        _ => return Value::from(d.to_string()),
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

/// An exact number: a TOML integer when whole, else a float written as the shortest decimal
/// (`2.5`, never `2.50` or `2.4999…`).
pub fn num_value(n: Num) -> Value {
    let d = n.0.normalize();
    if d.scale() == 0
        && let Ok(i) = i64::try_from(d)
    {
        return Value::from(i);
    }
    d.to_string()
        .parse::<Value>()
        .ok()
        .filter(Value::is_float)
        .unwrap_or_else(|| Value::from(f64::try_from(d).unwrap_or(0.0)))
}

/// An array of strings.
pub fn strings_value<S: AsRef<str>>(items: &[S]) -> Value {
    let mut a = toml_edit::Array::new();
    for s in items {
        a.push(s.as_ref());
    }
    Value::Array(a)
}

/// Sets `key` of a table, keeping the comments and spacing around an existing value.
pub fn set_value(table: &mut dyn TableLike, key: &str, value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Sets `key` to `value`, or removes it when `value` is `None`.
pub fn set_or_remove(table: &mut dyn TableLike, key: &str, value: Option<Value>) {
    match value {
        Some(v) => set_value(table, key, v),
        None => {
            table.remove(key);
        }
    }
}

/// A new table of key/value pairs, in order; `None` values are left out.
pub fn table_of(pairs: Vec<(&str, Option<Value>)>) -> Table {
    let mut t = Table::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            t.insert(k, Item::Value(v));
        }
    }
    t
}

/// Inserts `table` as entry `index` (the end when `None`) of the list `key` of `parent`,
/// creating an array of tables when there is none. The list keeps the style the file uses: an
/// inline array gets an inline table; entries written back to back (no blank line between
/// them) stay that way.
pub fn insert_entry(
    parent: &mut Table,
    key: &str,
    mut table: Table,
    index: Option<usize>,
) -> Result<()> {
    match parent.get_mut(key) {
        None => {
            let mut a = ArrayOfTables::new();
            a.push(table);
            parent.insert(key, Item::ArrayOfTables(a));
            Ok(())
        }
        Some(Item::ArrayOfTables(a)) => {
            let tight = a.iter().last().is_some_and(|last| {
                last.decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .is_some_and(str::is_empty)
            });
            if tight {
                table.decor_mut().set_prefix("");
            }
            let at = index.unwrap_or(a.len()).min(a.len());
            if at == a.len() {
                a.push(table);
            } else {
                // `ArrayOfTables` has no insert: rebuild it in order.
                let mut rebuilt = ArrayOfTables::new();
                let old = std::mem::take(a);
                for (i, t) in old.into_iter().enumerate() {
                    if i == at {
                        rebuilt.push(table.clone());
                    }
                    rebuilt.push(t);
                }
                *a = rebuilt;
            }
            Ok(())
        }
        Some(Item::Value(Value::Array(a))) => {
            let at = index.unwrap_or(a.len()).min(a.len());
            a.insert(at, table.into_inline_table());
            Ok(())
        }
        Some(_) => Err(anyhow!("`{key}` is not a list of entries")),
    }
}

/// The number of entries of the list `key` of `parent` (0 when there is none).
pub fn entry_count(parent: &dyn TableLike, key: &str) -> usize {
    match parent.get(key) {
        Some(Item::ArrayOfTables(a)) => a.len(),
        Some(Item::Value(Value::Array(a))) => a.len(),
        _ => 0,
    }
}

/// Entry `i` (from 0) of the list `key`, written either way.
pub fn entry_at<'a>(
    parent: &'a mut dyn TableLike,
    key: &str,
    i: usize,
) -> Option<&'a mut dyn TableLike> {
    match parent.get_mut(key)? {
        Item::ArrayOfTables(a) => a.get_mut(i).map(|t| t as &mut dyn TableLike),
        Item::Value(Value::Array(a)) => a
            .get_mut(i)?
            .as_inline_table_mut()
            .map(|t| t as &mut dyn TableLike),
        _ => None,
    }
}

/// Removes entry `i` (from 0) of the list `key`; false when there is no such entry. A list left
/// empty is removed too.
pub fn remove_entry(parent: &mut dyn TableLike, key: &str, i: usize) -> bool {
    let (removed, empty) = match parent.get_mut(key) {
        Some(Item::ArrayOfTables(a)) if i < a.len() => {
            a.remove(i);
            (true, a.is_empty())
        }
        Some(Item::Value(Value::Array(a))) if i < a.len() => {
            a.remove(i);
            (true, a.is_empty())
        }
        _ => (false, false),
    };
    if removed && empty {
        parent.remove(key);
    }
    removed
}

/// Where an entry dated `date` goes among entries with `dates` (in file order) so that they
/// stay in date order, as `fmt` sorts them: after the last one dated on or before it (it
/// becomes the last among equal dates, the one that counts).
pub fn dated_index(dates: impl IntoIterator<Item = Date>, date: Date) -> usize {
    let all: Vec<Date> = dates.into_iter().collect();
    all.iter().rposition(|d| *d <= date).map_or(0, |i| i + 1)
}

/// An inline table of key/value pairs (for lists written inline, such as `adjust`).
pub fn inline_of(pairs: Vec<(&str, Value)>) -> InlineTable {
    let mut t = InlineTable::new();
    for (k, v) in pairs {
        t.insert(k, v);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn values() {
        let v = date_value(d("2026-01-05"));
        assert!(v.is_datetime());
        assert_eq!(v.to_string().trim(), "2026-01-05");
        assert_eq!(num_value("2.50".parse().unwrap()).to_string().trim(), "2.5");
        assert_eq!(num_value("0.1".parse().unwrap()).to_string().trim(), "0.1");
        assert_eq!(num_value("3".parse().unwrap()).to_string().trim(), "3");
        assert_eq!(num_value("-4.0".parse().unwrap()).to_string().trim(), "-4");
    }

    #[test]
    fn entries_keep_the_style_of_the_file() {
        let mut doc: DocumentMut = "a = 1\n\n[[log]]\nx = 1\n\n[[log]]\nx = 3\n"
            .parse()
            .unwrap();
        let t = table_of(vec![("x", Some(Value::from(2)))]);
        insert_entry(doc.as_table_mut(), "log", t, Some(1)).unwrap();
        assert_eq!(
            doc.to_string(),
            "a = 1\n\n[[log]]\nx = 1\n\n[[log]]\nx = 2\n\n[[log]]\nx = 3\n"
        );
        assert_eq!(entry_count(doc.as_table(), "log"), 3);
        set_value(
            entry_at(doc.as_table_mut(), "log", 2).unwrap(),
            "x",
            Value::from(4),
        );
        assert!(remove_entry(doc.as_table_mut(), "log", 0));
        assert!(!remove_entry(doc.as_table_mut(), "log", 5));
        assert_eq!(
            doc.to_string(),
            "a = 1\n\n[[log]]\nx = 2\n\n[[log]]\nx = 4\n"
        );

        let mut inline: DocumentMut = "log = [{ x = 1 }]\n".parse().unwrap();
        let t = table_of(vec![("x", Some(Value::from(0)))]);
        insert_entry(inline.as_table_mut(), "log", t, Some(0)).unwrap();
        assert_eq!(inline.to_string(), "log = [{ x = 0 },{ x = 1 }]\n");
        assert!(remove_entry(inline.as_table_mut(), "log", 0));
        assert!(remove_entry(inline.as_table_mut(), "log", 0));
        assert_eq!(inline.to_string(), "");
    }

    #[test]
    fn dated_index_keeps_date_order() {
        let dates = [d("2026-01-01"), d("2026-03-01"), d("2026-03-01")];
        assert_eq!(dated_index(dates, d("2025-12-31")), 0);
        assert_eq!(dated_index(dates, d("2026-03-01")), 3);
        assert_eq!(dated_index(dates, d("2026-02-01")), 1);
    }
}
