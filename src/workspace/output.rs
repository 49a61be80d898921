//! Writing command output to `-o FILE` (SPEC §7, §8) without harming anything else:
//!
//! - a symbolic link is written through: its final target is replaced atomically (temporary
//!   file beside the target, fsync, rename), the link stays a link;
//! - a FIFO, a character device, a socket — anything that is not a regular file — is written in
//!   place, never replaced; so is a path that names a file descriptor (`/dev/stdout`,
//!   `/dev/fd/N`, `/proc/…`), which is opened for appending so that `>` and `>>` redirections
//!   of the shell both keep working;
//! - a record of a workspace (`dangjian.toml`, or a `.toml` file where the layout of SPEC §1
//!   puts records) is refused: a report must never overwrite the data it came from.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use super::classify;
use super::find::SETTINGS_FILE;
use crate::i18n::{Locale, t, tf};

/// Symbolic links followed before giving up (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;

/// Where `-o PATH` really writes, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A regular file (or none yet) at this path, after following symbolic links: replaced
    /// atomically.
    Replace(PathBuf),
    /// Not a regular file, or a file descriptor's name: opened and written in place.
    InPlace { append: bool },
}

/// Writes `bytes` to `path` as described in the module comment. `locale` is the language of a
/// refusal.
pub fn write_output(path: &Path, bytes: &[u8], locale: Locale) -> Result<()> {
    match target(path, locale)? {
        Target::InPlace { append } => {
            let mut f = OpenOptions::new()
                .write(true)
                .append(append)
                .open(path)
                .with_context(|| cannot_write(path, locale))?;
            f.write_all(bytes)
                .with_context(|| cannot_write(path, locale))?;
            f.flush().with_context(|| cannot_write(path, locale))
        }
        Target::Replace(file) => {
            super::write::atomic_write(&file, bytes).with_context(|| cannot_write(path, locale))
        }
    }
}

/// Decides how `-o path` is written, refusing a folder and a record of a workspace.
pub fn target(path: &Path, locale: Locale) -> Result<Target> {
    let (file, descriptor) = follow_links(path, locale)?;
    // A descriptor's name is opened by the kernel, which follows `/proc/self/fd/1` to the pipe
    // or file behind it; its link text (`pipe:[123]`) is no path.
    let file = if descriptor { path.to_path_buf() } else { file };
    match std::fs::metadata(&file) {
        Ok(meta) if meta.is_dir() => Err(anyhow::Error::from(crate::error::Error::usage(
            crate::error::Problem::new(tf(
                locale,
                "output.not-a-file",
                &[("file", &path.display())],
            ))
            .help(tf(
                locale,
                "output.not-a-file.help",
                &[("file", &path.display())],
            )),
        ))),
        Ok(meta) if !meta.is_file() => Ok(Target::InPlace { append: false }),
        Ok(_) if descriptor => Ok(Target::InPlace { append: true }),
        _ => {
            if let Some((root, rel)) = workspace_record(&file) {
                return Err(anyhow::Error::from(crate::error::Error::usage(
                    crate::error::Problem::new(tf(
                        locale,
                        "output.record-target",
                        &[("file", &rel), ("root", &root.display())],
                    ))
                    .help(t(locale, "output.record-target.help")),
                )));
            }
            Ok(Target::Replace(file))
        }
    }
}

/// Follows symbolic links from `path` to the file they end at (which may not exist yet), and
/// says whether the way there named a file descriptor (`/dev/stdout` → `/proc/self/fd/1`).
fn follow_links(path: &Path, locale: Locale) -> Result<(PathBuf, bool)> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        if names_descriptor(&current) {
            return Ok((current, true));
        }
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok((current, false));
        }
        let link = std::fs::read_link(&current).with_context(|| cannot_write(path, locale))?;
        current = match current.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    Err(anyhow!(tf(
        locale,
        "output.link-loop",
        &[("file", &path.display())]
    )))
}

fn cannot_write(path: &Path, locale: Locale) -> String {
    tf(locale, "output.cannot-write", &[("file", &path.display())])
}

/// `/dev/stdin|stdout|stderr`, `/dev/fd/…` and anything under `/proc/` name open files of a
/// process rather than files of their own.
fn names_descriptor(path: &Path) -> bool {
    path.starts_with("/proc")
        || path.starts_with("/dev/fd")
        || ["/dev/stdin", "/dev/stdout", "/dev/stderr"]
            .iter()
            .any(|p| path == Path::new(p))
}

/// The workspace root above `file` and the file's path in it, when `file` is a record of that
/// workspace (or where one would go).
pub fn workspace_record(file: &Path) -> Option<(PathBuf, String)> {
    let file = absolute(file)?;
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d.join(SETTINGS_FILE).is_file() {
            let rel = file.strip_prefix(d).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let rel = parts.join("/");
            let record =
                rel == SETTINGS_FILE || (rel.ends_with(".toml") && classify(&rel).is_some());
            return record.then(|| (d.to_path_buf(), rel));
        }
        dir = d.parent();
    }
    None
}

/// `file` as an absolute path with its existing folders resolved (symbolic links, `..`), so that
/// `./orgs/../orgs/x.toml` and a linked folder are recognised.
fn absolute(file: &Path) -> Option<PathBuf> {
    let file = std::path::absolute(file).ok()?;
    let mut existing = file.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                match Path::new(part).components().next() {
                    Some(Component::ParentDir) => {
                        out.pop();
                    }
                    Some(Component::CurDir) | None => {}
                    _ => out.push(part),
                }
            }
            return Some(out);
        }
        rest.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?.to_path_buf();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_of_a_workspace_are_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("dangjian.toml"), "").unwrap();
        std::fs::create_dir_all(root.join("orgs")).unwrap();
        let rel = |p: &str| workspace_record(&root.join(p)).map(|(_, r)| r);
        assert_eq!(rel("dangjian.toml").as_deref(), Some("dangjian.toml"));
        assert_eq!(rel("orgs/a.toml").as_deref(), Some("orgs/a.toml"));
        assert_eq!(
            rel("orgs/../orgs/new.toml").as_deref(),
            Some("orgs/new.toml")
        );
        assert_eq!(
            rel("matters/2026/m.toml").as_deref(),
            Some("matters/2026/m.toml")
        );
        assert_eq!(rel("orgs/a.csv"), None);
        assert_eq!(rel("board.csv"), None);
        assert_eq!(rel("out/board.toml"), None);
    }

    #[test]
    fn descriptor_names() {
        assert!(names_descriptor(Path::new("/dev/stdout")));
        assert!(names_descriptor(Path::new("/proc/self/fd/1")));
        assert!(!names_descriptor(Path::new("/dev/shm/x.csv")));
        assert!(!names_descriptor(Path::new("/tmp/stdout")));
    }
}
