//! YAML: the same data as JSON (same shape, same keys, same typed values), for people who read
//! and diff it.

use anyhow::Result;

use super::json;
use crate::report::Document;

pub(super) fn render(doc: &Document) -> Result<String> {
    Ok(serde_yaml::to_string(&json::value(doc))?)
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
    fn numbers_stay_numbers_and_text_is_quoted_when_needed() {
        let out = render(&fixture::doc()).unwrap();
        assert!(out.contains("score: 89.81"), "{out}");
        assert!(out.contains("rank: 1"), "{out}");
        assert!(out.contains("date: 2026-04-05"), "{out}");
    }
}
