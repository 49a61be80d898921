//! Targeted reads for writing commands: a record's path follows from its id, so one file is
//! read. A name (`张三`, `平安创建岗`) instead of an id costs a scan of that kind's folder; an
//! ambiguous name lists the candidates.

use std::path::Path;

use anyhow::{Result, anyhow};
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::{Rec, parse_record, read_text};
use crate::commands::Refused;
use crate::i18n::{Locale, tf};
use crate::model::{Member, Org, Post, is_valid_id};

/// Reads and parses one record at `rel`; a missing or bad file is an error naming it.
pub fn read_record<T: DeserializeOwned>(root: &Path, rel: &str, locale: Locale) -> Result<Rec<T>> {
    let text = read_text(root, rel, locale).map_err(|d| anyhow!("{rel}: {}", d.message))?;
    let value = parse_record(rel, &text.text, locale).map_err(|d| {
        let (line, col) = d.line_column();
        anyhow!("{rel}:{line}:{col}: {}", d.message)
    })?;
    Ok(Rec {
        path: rel.to_string(),
        value,
    })
}

/// Reads a record by id if its file exists.
pub fn read_by_id<T: DeserializeOwned>(
    root: &Path,
    folder: &str,
    id: &str,
    locale: Locale,
) -> Result<Option<Rec<T>>> {
    if !is_valid_id(id) {
        return Ok(None);
    }
    let rel = format!("{folder}/{id}.toml");
    if !root.join(&rel).is_file() {
        return Ok(None);
    }
    read_record(root, &rel, locale).map(Some)
}

/// A record kind that can be named by id or by its `name`.
pub trait Named: DeserializeOwned + Send {
    const FOLDER: &'static str;
    const KIND_KEY: &'static str;
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// Extra words shown for a candidate of an ambiguous name (its organization).
    fn context(&self) -> &str;
}

impl Named for Member {
    const FOLDER: &'static str = "members";
    const KIND_KEY: &'static str = "resolve.member";
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn context(&self) -> &str {
        &self.org
    }
}

impl Named for Post {
    const FOLDER: &'static str = "posts";
    const KIND_KEY: &'static str = "resolve.post";
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn context(&self) -> &str {
        &self.org
    }
}

impl Named for Org {
    const FOLDER: &'static str = "orgs";
    const KIND_KEY: &'static str = "resolve.org";
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn context(&self) -> &str {
        self.parent.as_deref().unwrap_or("")
    }
}

/// Finds a record by id, else by unambiguous name. Unknown or ambiguous names are refusals
/// (exit 1) that say what was looked for and list candidates.
pub fn resolve<T: Named>(root: &Path, arg: &str, locale: Locale) -> Result<Rec<T>> {
    if let Some(rec) = read_by_id::<T>(root, T::FOLDER, arg, locale)? {
        return Ok(rec);
    }
    let kind = crate::i18n::t(locale, T::KIND_KEY);
    let dir = root.join(T::FOLDER);
    let mut paths: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
            .map(|n| format!("{}/{n}", T::FOLDER))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    let found: Vec<Rec<T>> = paths
        .par_iter()
        .filter_map(|rel| read_record::<T>(root, rel, locale).ok())
        .filter(|r| r.value.name() == arg)
        .collect();
    match found.len() {
        1 => Ok(found.into_iter().next().expect("one candidate")),
        0 => Err(Refused {
            reasons: vec![tf(
                locale,
                "resolve.unknown",
                &[("kind", &kind), ("name", &arg)],
            )],
        }
        .into()),
        _ => {
            let list: Vec<String> = found
                .iter()
                .map(|r| format!("{} ({})", r.value.id(), r.value.context()))
                .collect();
            Err(Refused {
                reasons: vec![tf(
                    locale,
                    "resolve.ambiguous",
                    &[
                        ("kind", &kind),
                        ("name", &arg),
                        ("candidates", &list.join(", ")),
                    ],
                )],
            }
            .into())
        }
    }
}
