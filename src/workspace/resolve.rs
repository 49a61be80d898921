//! Targeted reads for writing commands: a record's path follows from its id, so one file is
//! read. A name (`张三`, `平安创建岗`) instead of an id costs a scan of that kind's folder; an
//! ambiguous name lists the candidates.

use std::path::Path;

use anyhow::{Result, anyhow};
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::{Rec, parse_record, read_text};
use crate::diag::did_you_mean;
use crate::error::{Error, Problem, What};
use crate::i18n::{Locale, t, tf};
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
pub trait Named: DeserializeOwned + Send + Sync {
    const FOLDER: &'static str;
    const KIND_KEY: &'static str;
    /// The command that lists records of this kind, for the help line of an unknown name.
    const LIST_COMMAND: &'static str;
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// Extra words shown for a candidate of an ambiguous name (its organization).
    fn context(&self) -> &str;
}

/// `Named` for a record kind with `id`, `name` and `org` fields.
macro_rules! named_in_org {
    ($kind:ty, $folder:literal, $key:literal, $list:literal) => {
        impl Named for $kind {
            const LIST_COMMAND: &'static str = $list;
            const FOLDER: &'static str = $folder;
            const KIND_KEY: &'static str = $key;
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
    };
}

named_in_org!(Member, "members", "resolve.member", "dangjian member list");
named_in_org!(Post, "posts", "resolve.post", "dangjian post list");

impl Named for Org {
    const LIST_COMMAND: &'static str = "dangjian org list";
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

/// Finds a record by id, else by unambiguous name, reading only that kind's folder. A name that
/// names no record, or more than one, is a usage error (exit 2) with a did-you-mean or the
/// candidates; a file that does not parse is reported as that file's error.
pub fn resolve<T: Named>(root: &Path, arg: &str, locale: Locale) -> Result<Rec<T>> {
    if let Some(rec) = read_by_id::<T>(root, T::FOLDER, arg, locale)? {
        return Ok(rec);
    }
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
    let read: Vec<Result<Rec<T>>> = paths
        .par_iter()
        .map(|rel| read_record::<T>(root, rel, locale))
        .collect();
    let mut records = Vec::with_capacity(read.len());
    let mut broken = None;
    for r in read {
        match r {
            Ok(rec) => records.push(rec),
            Err(e) => broken = broken.or(Some(e)),
        }
    }
    let candidates = candidates(records.iter().map(|r| &r.value));
    let e = match pick(&candidates, arg, T::KIND_KEY, T::LIST_COMMAND, locale) {
        Ok(i) => return Ok(records.swap_remove(i)),
        Err(e) if e.what == Some(What::UnknownName) => e,
        Err(e) => return Err(e.into()),
    };
    // The record looked for may be the one whose file does not parse: say so.
    if let Some(broken) = broken {
        return Err(broken);
    }
    // A record of an included workspace (SPEC §10) is changed in that workspace's folder.
    match super::include::included_record(root, T::FOLDER, arg) {
        Some((file, folder)) => Err(Error::refused(vec![
            Problem::new(tf(
                locale,
                "include.refused",
                &[("file", &file), ("path", &folder)],
            ))
            .help(tf(locale, "include.refused.help", &[("path", &folder)])),
        ])
        .into()),
        None => Err(e.into()),
    }
}

/// `resolve` for a record that the command only names (a task's organization, a leader), not
/// one it writes: in a district (SPEC §10) a record of an included workspace may be named by its
/// id, as the including workspace's records may name the included ones.
pub fn resolve_reference<T: Named>(root: &Path, arg: &str, locale: Locale) -> Result<Rec<T>> {
    match resolve::<T>(root, arg, locale) {
        Ok(rec) => Ok(rec),
        Err(e) => match super::include::included_record(root, T::FOLDER, arg) {
            Some((file, _)) => read_record::<T>(root, &file, locale),
            None => Err(e),
        },
    }
}

/// One record that a name on the command line may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Words that tell two equal names apart (the organization, the parent).
    pub context: &'a str,
}

/// The one resolver: finds a record among `items` by id, else by unambiguous name. An unknown
/// name is a usage error with a did-you-mean (or the command that lists the records); an
/// ambiguous one lists the candidates.
pub fn find<'a, T: Named + 'a>(
    items: impl IntoIterator<Item = &'a T>,
    arg: &str,
    locale: Locale,
) -> std::result::Result<&'a T, Error> {
    let items: Vec<&T> = items.into_iter().collect();
    let i = pick(
        &candidates(items.iter().copied()),
        arg,
        T::KIND_KEY,
        T::LIST_COMMAND,
        locale,
    )?;
    Ok(items[i])
}

/// The candidates a name is looked for among, in the order of `items`.
fn candidates<'a, T: Named + 'a>(items: impl Iterator<Item = &'a T>) -> Vec<Candidate<'a>> {
    items
        .map(|r| Candidate {
            id: r.id(),
            name: r.name(),
            context: r.context(),
        })
        .collect()
}

/// `find` over plain candidates: the index of the one `arg` names. `kind_key` is the catalog
/// key of the kind's word; `list_command` the command that lists that kind.
pub fn pick(
    candidates: &[Candidate],
    arg: &str,
    kind_key: &'static str,
    list_command: &str,
    locale: Locale,
) -> std::result::Result<usize, Error> {
    if let Some(i) = candidates.iter().position(|c| c.id == arg) {
        return Ok(i);
    }
    let named: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].name == arg)
        .collect();
    let kind = t(locale, kind_key);
    match named.as_slice() {
        [one] => Ok(*one),
        [] => {
            let words = candidates.iter().flat_map(|c| [c.id, c.name]);
            let help = match did_you_mean(arg, words) {
                Some(s) => tf(locale, "resolve.did-you-mean", &[("name", &s)]),
                None => tf(locale, "resolve.list", &[("command", &list_command)]),
            };
            Err(Error::usage(
                Problem::new(tf(
                    locale,
                    "resolve.unknown",
                    &[("kind", &kind), ("name", &arg)],
                ))
                .help(help),
            )
            .what(What::UnknownName))
        }
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|&i| {
                    let c = &candidates[i];
                    if c.context.is_empty() {
                        c.id.to_string()
                    } else {
                        format!("{} ({})", c.id, c.context)
                    }
                })
                .collect();
            Err(Error::usage(Problem::new(tf(
                locale,
                "resolve.ambiguous",
                &[
                    ("kind", &kind),
                    ("name", &arg),
                    ("candidates", &list.join(", ")),
                ],
            )))
            .what(What::AmbiguousName))
        }
    }
}
