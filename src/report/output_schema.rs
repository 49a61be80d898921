//! JSON Schemas of the machine outputs (SPEC §7), inferred from outputs the code produced: every
//! key a sample has is required when every sample has it, no other key is allowed, a report's
//! tables are told apart by their columns, a scalar may always be `null` (an absent value), and an
//! object holding only numbers is a map (grade counts keyed by the workspace's grade ids).
//! `schemas/output/` holds the result for every report and listing, generated from the bundled
//! example workspace by the contract test, which fails when it drifts.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

/// The schema of one output (`report board`, `org list` …) from JSON samples of it.
pub fn infer(command: &str, samples: &[Value]) -> Value {
    let refs: Vec<&Value> = samples.iter().collect();
    let mut schema = match refs.first() {
        Some(Value::Object(m)) if m.contains_key("report") && m.contains_key("tables") => {
            report(&refs)
        }
        _ => value(&refs),
    };
    if let Value::Object(m) = &mut schema {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            "http://json-schema.org/draft-07/schema#".into(),
        );
        head.insert(
            "title".into(),
            format!("dangjian {command} --format json").into(),
        );
        head.insert(
            "description".into(),
            "Generated from the code's output (schemas/output/, checked by the contract test). \
             YAML carries the same data; CSV the same rows, one column per key."
                .into(),
        );
        head.append(m);
        *m = head;
    }
    schema
}

/// `{"report", "meta", "tables"}`: the id fixed, the meta keys, one row shape per table kind.
fn report(samples: &[&Value]) -> Value {
    let ids: BTreeSet<&str> = samples
        .iter()
        .filter_map(|s| s["report"].as_str())
        .collect();
    let metas: Vec<&Value> = samples.iter().map(|s| &s["meta"]).collect();
    let tables: Vec<&Value> = samples
        .iter()
        .filter_map(|s| s["tables"].as_array())
        .flatten()
        .collect();
    // Tables of the same columns are one kind (the board's one table per organization).
    let mut kinds: Vec<(Value, Vec<&Value>)> = Vec::new();
    for t in &tables {
        let columns = t["columns"].clone();
        match kinds.iter_mut().find(|(c, _)| *c == columns) {
            Some((_, list)) => list.push(t),
            None => kinds.push((columns, vec![t])),
        }
    }
    let shapes: Vec<Value> = kinds
        .iter()
        .map(|(columns, list)| {
            let ids: BTreeSet<&str> = list.iter().filter_map(|t| t["id"].as_str()).collect();
            let id = match ids.iter().collect::<Vec<_>>().as_slice() {
                [one] => json!({ "const": one }),
                _ => json!({ "type": "string" }),
            };
            let rows: Vec<&Value> = list
                .iter()
                .filter_map(|t| t["rows"].as_array())
                .flatten()
                .collect();
            let keys: Vec<&str> = columns
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            json!({
                "type": "object",
                "required": ["id", "columns", "rows"],
                "additionalProperties": false,
                "properties": {
                    "id": id,
                    "columns": { "const": columns },
                    "rows": { "type": "array", "items": row(&keys, &rows) },
                },
            })
        })
        .collect();
    json!({
        "type": "object",
        "required": ["report", "meta", "tables"],
        "additionalProperties": false,
        "properties": {
            "report": { "enum": ids.into_iter().collect::<Vec<_>>() },
            "meta": value(&metas),
            "tables": { "type": "array", "items": { "anyOf": shapes } },
        },
    })
}

/// A row: every column a key, each of the type its cells had.
fn row(keys: &[&str], rows: &[&Value]) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|k| {
            let cells: Vec<&Value> = rows.iter().map(|r| &r[*k]).collect();
            (k.to_string(), value(&cells))
        })
        .collect();
    json!({
        "type": "object",
        "required": keys,
        "additionalProperties": false,
        "properties": properties,
    })
}

/// The schema of every value in `samples` (one position of the output).
fn value(samples: &[&Value]) -> Value {
    let objects: Vec<&Map<String, Value>> = samples.iter().filter_map(|v| v.as_object()).collect();
    let numbers_only = objects
        .iter()
        .flat_map(|o| o.values())
        .all(|v| v.is_number() || v.is_null());
    if !objects.is_empty() && numbers_only {
        // A map of numbers (grade counts, components, parts): its keys come from the workspace's
        // settings or are absent when missing.
        return json!({
            "type": "object",
            "additionalProperties": { "type": ["number", "null"] },
        });
    }
    if !objects.is_empty() {
        let mut keys: Vec<&str> = Vec::new();
        for o in &objects {
            for k in o.keys() {
                if !keys.contains(&k.as_str()) {
                    keys.push(k);
                }
            }
        }
        let required: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| objects.iter().all(|o| o.contains_key(*k)))
            .collect();
        let properties: Map<String, Value> = keys
            .iter()
            .map(|k| {
                let vals: Vec<&Value> = objects.iter().filter_map(|o| o.get(*k)).collect();
                (k.to_string(), value(&vals))
            })
            .collect();
        return json!({
            "type": "object",
            "required": required,
            "additionalProperties": false,
            "properties": properties,
        });
    }
    let arrays: Vec<&Value> = samples
        .iter()
        .filter_map(|v| v.as_array())
        .flatten()
        .collect();
    if samples.iter().any(|v| v.is_array()) {
        return json!({ "type": "array", "items": value(&arrays) });
    }
    scalar(samples)
}

/// A scalar position: the types seen, and `null`; a string that was always a date keeps the
/// date's pattern. A position seen only as `null` may hold any scalar.
fn scalar(samples: &[&Value]) -> Value {
    let mut types = BTreeSet::new();
    for v in samples {
        types.insert(match v {
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            _ => "null",
        });
    }
    if types.iter().all(|t| *t == "null") {
        types.extend(["boolean", "number", "string"]);
    }
    types.insert("null");
    let strings: Vec<&str> = samples.iter().filter_map(|v| v.as_str()).collect();
    let mut schema = json!({ "type": types.into_iter().collect::<Vec<_>>() });
    if !strings.is_empty() && strings.iter().all(|s| is_date(s)) {
        schema["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$".into();
    }
    schema
}

fn is_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(schema: &Value, v: &Value) -> bool {
        jsonschema::validator_for(schema).unwrap().is_valid(v)
    }

    #[test]
    fn a_report_schema_fixes_keys_and_tables_and_allows_null() {
        let sample = json!({
            "report": "review", "meta": { "as_of": "2026-11-20", "org": null },
            "tables": [{ "id": "scores", "columns": ["id", "score"],
                         "rows": [{ "id": "a", "score": 90 }] }]
        });
        let s = infer("report review", std::slice::from_ref(&sample));
        assert_eq!(s["title"], "dangjian report review --format json");
        assert!(valid(&s, &sample));
        let mut absent = sample.clone();
        absent["tables"][0]["rows"][0]["score"] = Value::Null;
        assert!(valid(&s, &absent), "an absent value is null");
        let mut extra = sample.clone();
        extra["tables"][0]["rows"][0]["名字"] = "x".into();
        assert!(!valid(&s, &extra), "no key the code does not write");
        let mut text = sample.clone();
        text["tables"][0]["rows"][0]["score"] = "90".into();
        assert!(!valid(&s, &text), "a number stays a number");
        let mut date = sample.clone();
        date["meta"]["as_of"] = "20 Nov".into();
        assert!(!valid(&s, &date), "a date is YYYY-MM-DD");
        let mut other = sample;
        other["report"] = "board".into();
        assert!(!valid(&s, &other));
    }

    #[test]
    fn an_object_of_numbers_is_a_map() {
        let sample = json!({ "period": "2026-Q1", "grades": { "excellent": 1, "qualified": 2 } });
        let s = infer("review quarterly", std::slice::from_ref(&sample));
        let other = json!({ "period": "2026-Q1", "grades": { "advanced": 3 } });
        assert!(valid(&s, &other), "grade ids come from the workspace");
        let text = json!({ "period": "2026-Q1", "grades": { "advanced": "3" } });
        assert!(!valid(&s, &text));
    }

    #[test]
    fn a_listing_schema_is_an_array_of_rows() {
        let sample = json!([{ "id": "a", "joined": "2020-01-01", "n": 1 }, { "id": "b", "joined": null, "n": 2 }]);
        let s = infer("member list", std::slice::from_ref(&sample));
        assert!(valid(&s, &sample));
        assert!(valid(&s, &json!([])));
        assert!(
            !valid(&s, &json!([{ "id": "a", "n": 1 }])),
            "every key required"
        );
    }
}
