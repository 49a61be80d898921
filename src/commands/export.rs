//! `dangjian export -o DIR [--format ndjson|csv]` (SPEC §10): the workspace as flat tables for
//! an analytics engine, one file per table and `manifest.json`. The tables are built by the pure
//! `report::export`; this command reads the workspace and the git commit, and writes the files.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;

use super::{Ctx, Exit};
use crate::error::{Error, Problem};
use crate::i18n::{Locale, tf};
use crate::report::export::{self, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write the tables and manifest.json into (created when missing)
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// File format of the tables
    #[arg(long, value_enum, default_value_t = ExportFormat::Ndjson)]
    pub format: ExportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ndjson,
    Csv,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let format = match args.format {
        ExportFormat::Ndjson => Format::Ndjson,
        ExportFormat::Csv => Format::Csv,
    };
    let loaded = ctx.load()?;
    let l = loaded.locale;
    let broken = loaded.unreadable_files();
    if broken > 0 && !ctx.quiet {
        eprintln!(
            "warning: {}",
            tf(l, "review.warn.load-errors", &[("count", &broken)])
        );
    }
    let ws: &crate::workspace::Workspace = &loaded.ws;
    let root = loaded.root.clone();
    let sources = export::sources(ws, |path| git_commit(&root.join(path)));
    let tables = export::tables(ws, ctx.as_of, format);
    let manifest = export::manifest(&sources, &tables, format, ctx.as_of);
    let dir = &args.output;
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(
            Problem::new(tf(l, "export.not-a-folder", &[("dir", &dir.display())])).help(tf(
                l,
                "export.not-a-folder.help",
                &[],
            )),
        )
        .into());
    }
    std::fs::create_dir_all(dir).map_err(|e| cannot_write(dir, &e, l))?;
    let mut rows = 0;
    let count = tables.len();
    for t in tables {
        rows += t.count;
        let path = dir.join(export::file_name(t.def.name, format));
        write(&path, &t.into_bytes(), l)?;
    }
    let mut text = serde_json::to_string_pretty(&manifest)?;
    text.push('\n');
    write(&dir.join("manifest.json"), text.as_bytes(), l)?;
    if !ctx.quiet {
        eprintln!(
            "{}",
            tf(
                l,
                "export.done",
                &[("tables", &count), ("rows", &rows), ("dir", &dir.display())]
            )
        );
    }
    Ok(Exit::Success)
}

fn write(path: &Path, bytes: &[u8], l: Locale) -> Result<()> {
    crate::workspace::write::atomic_write(path, bytes).map_err(|e| cannot_write(path, &e, l))
}

fn cannot_write(path: &Path, e: &dyn std::fmt::Display, l: Locale) -> anyhow::Error {
    Error::environment(Problem::new(tf(
        l,
        "export.cannot-write",
        &[("file", &path.display()), ("error", &e)],
    )))
    .into()
}

/// The commit checked out in the git repository holding `root` (searched upward, as git does),
/// read from `.git/HEAD` and the ref it names (a loose ref or `packed-refs`); a `.git` file
/// (a submodule or a worktree) is followed to its git folder. `None` outside a repository.
pub fn git_commit(root: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    let git = root
        .ancestors()
        .map(|d| d.join(".git"))
        .find(|p| p.exists())?;
    let gitdir = if git.is_file() {
        let text = std::fs::read_to_string(&git).ok()?;
        let rel = text.trim().strip_prefix("gitdir:")?.trim();
        git.parent()?.join(rel)
    } else {
        git
    };
    let head = std::fs::read_to_string(gitdir.join("HEAD")).ok()?;
    let head = head.trim();
    let Some(name) = head.strip_prefix("ref:").map(str::trim) else {
        return is_hash(head).then(|| head.to_string());
    };
    // A linked worktree keeps its refs in the common folder.
    let common = std::fs::read_to_string(gitdir.join("commondir"))
        .ok()
        .map(|c| gitdir.join(c.trim()));
    for dir in std::iter::once(&gitdir).chain(common.as_ref()) {
        if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
            let hash = text.trim();
            if is_hash(hash) {
                return Some(hash.to_string());
            }
        }
        if let Ok(packed) = std::fs::read_to_string(dir.join("packed-refs")) {
            for line in packed.lines() {
                if let Some((hash, r)) = line.split_once(' ')
                    && r.trim() == name
                    && is_hash(hash)
                {
                    return Some(hash.to_string());
                }
            }
        }
    }
    None
}

fn is_hash(s: &str) -> bool {
    matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}
