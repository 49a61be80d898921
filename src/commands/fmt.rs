//! `dangjian fmt [--check] [FILES…]`: canonical formatting of record files (SPEC §7), keeping
//! every comment. The formatting itself is `format::canonical`; this file finds the files, takes
//! the lock and writes atomically.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::{Ctx, Exit};
use crate::format::{SyntaxError, canonical};
use crate::i18n::{Locale, t, tf};
use crate::model::Kind;
use crate::workspace::{self, classify, write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// List the files that would change, write nothing, and exit 1 if there are any
    #[arg(long)]
    pub check: bool,
    /// Record files to format (default: every record file of the workspace)
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
}

/// What formatting one file gave.
enum Outcome {
    Same,
    Changed(String),
    Failed(String),
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let root = ctx.root()?;
    let locale = ctx
        .settings(&root)
        .map(|(_, l)| l)
        .unwrap_or_else(|_| ctx.early_locale());
    let files = if args.files.is_empty() {
        record_files(&root)
    } else {
        named_files(&root, &args.files, locale)?
    };
    let lock = if args.check {
        None
    } else {
        Some(write::lock(&root, locale, ctx.quiet)?)
    };
    let outcomes: Vec<(String, Outcome)> = files
        .par_iter()
        .map(|(rel, kind)| (rel.clone(), format_file(&root, rel, *kind, locale)))
        .collect();

    let mut changed = 0usize;
    let mut failed = 0usize;
    for (rel, outcome) in &outcomes {
        match outcome {
            Outcome::Same => {}
            Outcome::Failed(message) => {
                failed += 1;
                eprintln!("{}{message}", t(locale, "cli.error-prefix"));
            }
            Outcome::Changed(text) => {
                changed += 1;
                if let Some(lock) = &lock {
                    write::commit(lock, rel, None, text, false)
                        .with_context(|| format!("cannot write {rel}"))?;
                    if !ctx.quiet {
                        println!("{}", tf(locale, "fmt.formatted-file", &[("file", rel)]));
                    }
                } else {
                    println!("{rel}");
                }
            }
        }
    }
    let total = outcomes.len();
    if ctx.quiet {
        // Only the list of files (with --check) and errors.
    } else if args.check && changed > 0 {
        eprintln!(
            "{}",
            tf(
                locale,
                "fmt.would-change",
                &[("count", &changed), ("files", &total)]
            )
        );
        eprintln!(
            "{}: {}",
            t(locale, "cli.help"),
            t(locale, "fmt.would-change.help")
        );
    } else {
        let key = if changed == 0 {
            "fmt.clean"
        } else {
            "fmt.formatted"
        };
        eprintln!(
            "{}",
            tf(locale, key, &[("count", &changed), ("files", &total)])
        );
    }
    Ok(if failed > 0 || (args.check && changed > 0) {
        Exit::Problems
    } else {
        Exit::Success
    })
}

fn format_file(root: &Path, rel: &str, kind: Kind, locale: Locale) -> Outcome {
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(b) => b,
        Err(e) => {
            return Outcome::Failed(tf(
                locale,
                "fmt.unreadable",
                &[("file", &rel), ("error", &e)],
            ));
        }
    };
    let decoded = match workspace::decode(rel, bytes, locale) {
        Ok(d) => d,
        Err(d) => return Outcome::Failed(format!("{rel}: {}", d.message)),
    };
    let before = decoded.restore(&decoded.text);
    match canonical(kind, &before) {
        Ok(after) if after == before => Outcome::Same,
        Ok(after) => Outcome::Changed(after),
        Err(err) => {
            let (line, column, message) = match err.downcast_ref::<SyntaxError>() {
                Some(s) => (s.line, s.column, s.message.clone()),
                None => (1, 1, err.to_string()),
            };
            Outcome::Failed(tf(
                locale,
                "fmt.syntax",
                &[
                    ("file", &rel),
                    ("line", &line),
                    ("column", &column),
                    ("message", &message),
                ],
            ))
        }
    }
}

/// Every record file under the root, as the loader finds them (hidden folders and `target/`
/// skipped), sorted.
fn record_files(root: &Path) -> Vec<(String, Kind)> {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || {
                let name = e.file_name().to_string_lossy();
                !(name.starts_with('.')
                    || (e.depth() == 1 && name == "target" && e.file_type().is_dir()))
            }
        });
    walker
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = rel_path(root, e.path())?;
            classify(&rel).map(|k| (rel, k))
        })
        .collect()
}

/// The files named on the command line, relative to the root; each must be a record file.
fn named_files(root: &Path, files: &[PathBuf], locale: Locale) -> Result<Vec<(String, Kind)>> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut out = Vec::new();
    for file in files {
        let path = cwd.join(file);
        let path = path
            .canonicalize()
            .with_context(|| format!("cannot read {}", file.display()))?;
        let rel = rel_path(&root, &path).filter(|_| path.starts_with(&root));
        match rel.as_deref().and_then(|r| classify(r).map(|k| (r, k))) {
            Some((r, k)) => out.push((r.to_string(), k)),
            None => {
                return Err(crate::error::Error::usage(
                    crate::error::Problem::new(tf(
                        locale,
                        "fmt.not-record",
                        &[("file", &file.display())],
                    ))
                    .help(t(locale, "fmt.not-record.help")),
                )
                .into());
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn rel_path(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}
