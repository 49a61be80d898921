//! The message catalog: every user-visible string, in zh-CN and en. Entries are grouped by area
//! (one file each) but form one catalog, looked up by key. Placeholders are `{name}`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

mod check;
mod cli;
mod commit;
#[cfg(test)]
mod coverage;
mod eco;
mod forms;
mod help;
mod init;
mod matter;
mod post;
mod records;
mod report;
mod review;
mod review_rules;
mod safety;

/// One entry: key, zh-CN text, en text.
pub type Entry = (&'static str, &'static str, &'static str);

const AREAS: &[&[Entry]] = &[
    cli::ENTRIES,
    check::ENTRIES,
    post::ENTRIES,
    matter::ENTRIES,
    commit::ENTRIES,
    review::ENTRIES,
    review_rules::ENTRIES,
    report::ENTRIES,
    eco::ENTRIES,
    safety::ENTRIES,
    forms::ENTRIES,
    help::ENTRIES,
    init::ENTRIES,
    records::ENTRIES,
];

/// Language of reports and messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

impl std::str::FromStr for Locale {
    type Err = String;
    fn from_str(s: &str) -> Result<Locale, String> {
        match s {
            "zh-CN" | "zh" | "zh_CN" => Ok(Locale::ZhCn),
            "en" | "en-US" | "en_US" => Ok(Locale::En),
            _ => Err(format!("`{s}` is not a supported locale (zh-CN or en)")),
        }
    }
}

impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Locale, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Locale {
    fn schema_name() -> Cow<'static, str> {
        "Locale".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "enum": ["zh-CN", "en"] })
    }
}

fn catalog() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static CATALOG: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        AREAS
            .iter()
            .flat_map(|area| area.iter())
            .map(|(k, zh, en)| (*k, (*zh, *en)))
            .collect()
    })
}

/// The text of `key` in `locale`; the key itself when it is missing (a test keeps the catalog
/// complete).
pub fn t(locale: Locale, key: &'static str) -> &'static str {
    match catalog().get(key) {
        Some((zh, en)) => match locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        },
        None => key,
    }
}

/// The text of `key` in `locale` when the catalog has it (keys built at run time, such as the
/// help texts of `help.<command path>`).
pub fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    catalog().get(key).map(|(zh, en)| match locale {
        Locale::ZhCn => *zh,
        Locale::En => *en,
    })
}

/// The text of `key` with its `{name}` placeholders filled in.
pub fn tf(locale: Locale, key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(t(locale, key), args)
}

/// Replaces each `{name}` of `template` by its argument.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                // `{count|holder|holders}`: the English noun that agrees with the number.
                if let Some((var, forms)) = name.split_once('|')
                    && let Some((one, many)) = forms.split_once('|')
                    && let Some((_, v)) = args.iter().find(|(n, _)| *n == var)
                {
                    out.push_str(if v.to_string() == "1" { one } else { many });
                    rest = &after[close + 1..];
                    continue;
                }
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every key of the catalog with its two texts, for tests and tooling.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    AREAS.iter().flat_map(|area| area.iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_both_locales_are_filled() {
        let mut seen = HashSet::new();
        for (key, zh, en) in entries() {
            assert!(seen.insert(*key), "duplicate catalog key {key}");
            assert!(!zh.is_empty() && !en.is_empty(), "empty text for {key}");
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .map(|n| n.split('|').next().unwrap_or_default().to_string())
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            assert_eq!(holes(zh), holes(en), "placeholders differ for {key}");
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} and {b}", &[("a", &1), ("b", &"x")]), "1 and x");
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        let holders = "{count} {count|holder|holders}";
        assert_eq!(fill(holders, &[("count", &1)]), "1 holder");
        assert_eq!(fill(holders, &[("count", &2)]), "2 holders");
        assert_eq!(fill(holders, &[("count", &0)]), "0 holders");
        assert_eq!(t(Locale::En, "no.such.key"), "no.such.key");
    }
}
