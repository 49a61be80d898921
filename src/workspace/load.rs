//! Loading a whole workspace: walk the layout of SPEC §1, read and parse every record in
//! parallel, and report every file that cannot be read or parsed as a finding.

use std::path::Path;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::find::SETTINGS_FILE;
use super::{Rec, Records, Workspace, decode, parse_record};
use crate::diag::Diagnostic;
use crate::i18n::{Locale, tf};
use crate::model::{Kind, Settings};

/// Files larger than this are refused rather than parsed.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Clone, Copy, Debug)]
pub struct LoadOptions {
    pub locale: Locale,
}

/// The kind of record a relative path (with `/`) holds, or `None` for a stray `.toml` file.
pub fn classify(rel: &str) -> Option<Kind> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [f] if *f == SETTINGS_FILE => Some(Kind::Settings),
        ["orgs", _] => Some(Kind::Org),
        ["members", _] => Some(Kind::Member),
        ["posts", _] => Some(Kind::Post),
        ["matters", _, _] => Some(Kind::Matter),
        ["commitments", _, _] => Some(Kind::Commitment),
        ["evaluations", _, _] => Some(Kind::Evaluation),
        _ => None,
    }
}

// One `Settings` per workspace: its size does not matter, boxing it would gain nothing.
#[allow(clippy::large_enum_variant)]
pub enum Parsed {
    Settings(Settings),
    Org(crate::model::Org),
    Member(crate::model::Member),
    Post(crate::model::Post),
    Matter(crate::model::Matter),
    Commitment(crate::model::Commitment),
    Evaluation(crate::model::Evaluation),
}

/// Loads every record under `root`. Returns the workspace (records that failed are absent) and
/// the findings of reading and parsing. `None` when `dangjian.toml` itself cannot be used.
pub fn load(root: &Path, opts: LoadOptions) -> (Option<Workspace>, Vec<Diagnostic>) {
    let locale = opts.locale;
    let mut diags = Vec::new();
    let mut files: Vec<(String, Kind)> = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let walker = walker.filter_entry(|e| {
        e.depth() == 0 || {
            let name = e.file_name().to_string_lossy();
            !(name.starts_with('.')
                || (e.depth() == 1 && name == "target" && e.file_type().is_dir())
                // A folder holding its own dangjian.toml is another workspace (SPEC §10).
                || (e.file_type().is_dir() && e.path().join(SETTINGS_FILE).is_file()))
        }
    });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let rel = err.path().map(|p| rel_path(root, p)).unwrap_or_default();
                diags.push(
                    Diagnostic::error(
                        crate::diag::Code::Unreadable,
                        &rel,
                        tf(locale, "check.unreadable", &[("error", &err)]),
                    )
                    .help(tf(locale, "check.unreadable.help", &[])),
                );
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        // A record file whose name is not Unicode cannot name a record.
        let bad_name = |rel: &str| {
            Diagnostic::error(
                crate::diag::Code::FileName,
                rel,
                tf(locale, "check.file-name", &[]),
            )
            .help(tf(locale, "check.file-name.help", &[]))
        };
        let Some(name) = entry.file_name().to_str() else {
            let rel = rel_path(root, entry.path());
            if rel.ends_with(".toml") {
                diags.push(bad_name(&rel));
            }
            continue;
        };
        if !name.ends_with(".toml") {
            continue;
        }
        let rel = rel_path(root, entry.path());
        if rel.contains('\u{FFFD}') {
            diags.push(bad_name(&rel));
            continue;
        }
        match classify(&rel) {
            Some(kind) => files.push((rel, kind)),
            None => diags.push(
                Diagnostic::warning(
                    crate::diag::Code::StrayFile,
                    &rel,
                    tf(locale, "check.stray-file", &[]),
                )
                .help(tf(locale, "check.stray-file.help", &[])),
            ),
        }
    }

    // Each kind's files lie together in the walk (one folder each): parse them kind by kind,
    // straight into the typed vectors, keeping the walk's order of records and findings.
    let mut settings = None;
    let mut broken = Vec::new();
    let mut records = Records {
        files: files.len(),
        ..Records::default()
    };
    let mut rest = files.as_slice();
    while let Some((_, kind)) = rest.first() {
        let n = rest.iter().take_while(|(_, k)| k == kind).count();
        let (group, tail) = rest.split_at(n);
        rest = tail;
        let mut failed = Vec::new();
        match kind {
            Kind::Settings => {
                let mut one = Vec::new();
                parse_into(root, group, locale, &mut one, &mut failed);
                settings = one.pop();
                diags.extend(failed);
                continue;
            }
            Kind::Org => parse_into(root, group, locale, &mut records.orgs, &mut failed),
            Kind::Member => parse_into(root, group, locale, &mut records.members, &mut failed),
            Kind::Post => parse_into(root, group, locale, &mut records.posts, &mut failed),
            Kind::Matter => parse_into(root, group, locale, &mut records.matters, &mut failed),
            Kind::Commitment => {
                parse_into(root, group, locale, &mut records.commitments, &mut failed)
            }
            Kind::Evaluation => {
                parse_into(root, group, locale, &mut records.evaluations, &mut failed)
            }
        }
        broken.extend(failed.iter().cloned());
        diags.extend(failed);
    }
    // Broken files are few: each is read again for the line and column of its error, so that a
    // command needing the record can say where it broke.
    super::locate(root, &mut broken);
    records.broken = broken
        .into_iter()
        .map(|d| {
            let (line, column) = d.line_column();
            super::Broken {
                path: d.file,
                message: d.message,
                line,
                column,
            }
        })
        .collect();
    (settings.map(|s| Workspace::new(s, records)), diags)
}

/// Reads and parses `files` (all of one kind) in parallel, appending the records to `into` and
/// the findings of the files that failed to `failed`, both in the order of `files`.
fn parse_into<T: DeserializeOwned + Send>(
    root: &Path,
    files: &[(String, Kind)],
    locale: Locale,
    into: &mut Vec<Rec<T>>,
    failed: &mut Vec<Diagnostic>,
) {
    // The error boxed: a vector of results is then hardly larger than the records themselves.
    let results: Vec<Result<Rec<T>, Box<Diagnostic>>> = files
        .par_iter()
        .map(|(rel, _)| {
            let text = read_text(root, rel, locale)?.text;
            let value = parse_record(rel, &text, locale)?;
            Ok(Rec {
                path: rel.clone(),
                value,
            })
        })
        .collect();
    into.reserve_exact(results.len());
    for r in results {
        match r {
            Ok(rec) => into.push(rec),
            Err(d) => failed.push(*d),
        }
    }
}

fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Parses decoded text as a record of `kind`.
pub fn parse_kind(rel: &str, kind: Kind, text: &str, locale: Locale) -> Result<Parsed, Diagnostic> {
    let text = text.to_string();
    fn p<T: DeserializeOwned>(rel: &str, text: &str, locale: Locale) -> Result<T, Diagnostic> {
        parse_record(rel, text, locale)
    }
    Ok(match kind {
        Kind::Settings => Parsed::Settings(p(rel, &text, locale)?),
        Kind::Org => Parsed::Org(p(rel, &text, locale)?),
        Kind::Member => Parsed::Member(p(rel, &text, locale)?),
        Kind::Post => Parsed::Post(p(rel, &text, locale)?),
        Kind::Matter => Parsed::Matter(p(rel, &text, locale)?),
        Kind::Commitment => Parsed::Commitment(p(rel, &text, locale)?),
        Kind::Evaluation => Parsed::Evaluation(p(rel, &text, locale)?),
    })
}

/// Reads and decodes one file, refusing empty and oversized ones.
pub fn read_text(root: &Path, rel: &str, locale: Locale) -> Result<super::Decoded, Diagnostic> {
    let path = root.join(rel);
    let unreadable = |e: &dyn std::fmt::Display| {
        Diagnostic::error(
            crate::diag::Code::Unreadable,
            rel,
            tf(locale, "check.unreadable", &[("error", e)]),
        )
        .help(tf(locale, "check.unreadable.help", &[]))
    };
    let meta = std::fs::metadata(&path).map_err(|e| unreadable(&e))?;
    if !meta.is_file() {
        // A FIFO, socket or device would block or never end: refuse it without opening it.
        return Err(unreadable(&"not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            crate::diag::Code::TooLarge,
            rel,
            tf(
                locale,
                "check.too-large",
                &[("size", &meta.len()), ("max", &MAX_FILE_BYTES)],
            ),
        )
        .help(tf(locale, "check.too-large.help", &[])));
    }
    let bytes = std::fs::read(&path).map_err(|e| unreadable(&e))?;
    let decoded = decode(rel, bytes, locale)?;
    // Empty means TOML whitespace only: a file of control characters is a syntax error.
    if decoded
        .text
        .trim_matches([' ', '\t', '\n', '\r'])
        .is_empty()
    {
        return Err(Diagnostic::error(
            crate::diag::Code::EmptyFile,
            rel,
            tf(locale, "check.empty-file", &[]),
        )
        .help(tf(locale, "check.empty-file.help", &[])));
    }
    Ok(decoded)
}
