//! The one write path of every writing command (SPEC §7): an exclusive lock on
//! `.dangjian.lock`, format-preserving edits (toml_edit), validation before writing, and an
//! atomic replace (temporary file in the same folder, fsync, rename). `--dry-run` prints a
//! unified diff instead.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use toml_edit::DocumentMut;

use serde::de::DeserializeOwned;

use super::{Decoded, decode, parse_record};
use crate::diag::{Diagnostic, Severity};
use crate::error::Refused;
use crate::i18n::{Locale, t, tf};

pub const LOCK_FILE: &str = ".dangjian.lock";

/// An exclusive lock on the workspace, released when dropped (and by the OS if the process
/// dies, so a dead writer never wedges the workspace). Every write takes it as its first
/// argument: holding it is what allows a record to be replaced, and it names the workspace.
#[derive(Debug)]
pub struct WorkspaceLock {
    _file: File,
    root: PathBuf,
}

impl WorkspaceLock {
    /// The root of the locked workspace.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// Takes the workspace lock, waiting (and saying so on stderr) while another writer holds it.
pub fn lock(root: &Path, locale: Locale, quiet: bool) -> Result<WorkspaceLock> {
    let path = root.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            if !quiet {
                eprintln!("{}", t(locale, "write.waiting-for-lock"));
            }
            file.lock()
                .with_context(|| format!("cannot lock {}", path.display()))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("cannot lock {}", path.display()));
        }
    }
    Ok(WorkspaceLock {
        _file: file,
        root: root.to_path_buf(),
    })
}

/// A record file opened for editing: its document and how its text was written.
#[derive(Debug)]
pub struct Editable {
    pub rel: String,
    /// The file's exact text before the edit (`None` for a new file).
    pub before: Option<String>,
    pub shape: Decoded,
    pub doc: DocumentMut,
}

impl Editable {
    /// Opens an existing record for editing.
    pub fn open(root: &Path, rel: &str, locale: Locale) -> Result<Editable> {
        let path = root.join(rel);
        let bytes = std::fs::read(&path).with_context(|| format!("cannot read {rel}"))?;
        let before = String::from_utf8_lossy(&bytes).into_owned();
        let shape = decode(rel, bytes, locale).map_err(|d| anyhow!("{rel}: {}", d.message))?;
        let body = shape.text.replace("\r\n", "\n");
        let doc: DocumentMut = body
            .parse()
            .map_err(|e: toml_edit::TomlError| anyhow!("{rel}: {}", e.message()))?;
        Ok(Editable {
            rel: rel.to_string(),
            before: Some(before),
            shape,
            doc,
        })
    }

    /// Starts a new record from text (written by the command, LF line endings).
    pub fn create(rel: &str, text: &str) -> Result<Editable> {
        let doc: DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| anyhow!("{rel}: {}", e.message()))?;
        Ok(Editable {
            rel: rel.to_string(),
            before: None,
            shape: Decoded {
                text: String::new(),
                bom: false,
                crlf: false,
            },
            doc,
        })
    }

    /// The new text of the file: the document with its BOM and line endings restored.
    pub fn after(&self) -> String {
        self.shape.restore(&self.doc.to_string())
    }
}

/// What a write did.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// The file was replaced (or created).
    Wrote(PathBuf),
    /// Dry run: the unified diff of what would have been written.
    DryRun(String),
    /// Nothing changed.
    Unchanged,
}

/// Writes `after` as the new content of `rel`, atomically; or returns the diff on a dry run.
/// The caller has validated `after`; the lock it holds names the workspace.
pub fn commit(
    lock: &WorkspaceLock,
    rel: &str,
    before: Option<&str>,
    after: &str,
    dry_run: bool,
) -> Result<Written> {
    if before == Some(after) {
        return Ok(Written::Unchanged);
    }
    if dry_run {
        return Ok(Written::DryRun(unified_diff(
            rel,
            before.unwrap_or(""),
            after,
        )));
    }
    let path = lock.root().join(rel);
    atomic_write(&path, after.as_bytes())?;
    Ok(Written::Wrote(path))
}

/// Replaces `path` with `bytes`: temporary file in the same folder, fsync, rename, fsync folder.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow!("{} has no folder", path.display()))?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A new temporary file, never an existing one (which might be a planted link).
    let (tmp, mut f) = create_temporary(dir, &name)?;
    // The replacement keeps the permissions of the file it replaces.
    let permissions = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions());
    let result = (|| -> Result<()> {
        if let Some(p) = permissions {
            f.set_permissions(p)
                .with_context(|| format!("cannot set permissions of {}", tmp.display()))?;
        }
        f.write_all(bytes)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        f.sync_all()
            .with_context(|| format!("cannot sync {}", tmp.display()))?;
        drop(f);
        std::fs::rename(&tmp, path)
            .with_context(|| format!("cannot replace {}", path.display()))?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Creates `.<name>.<pid>[.<n>].tmp` in `dir` with `create_new`: an existing file of that name
/// (left by a killed process, or a link) is never opened or followed.
fn create_temporary(dir: &Path, name: &str) -> Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..16 {
        let tmp = match n {
            0 => dir.join(format!(".{name}.{pid}.tmp")),
            n => dir.join(format!(".{name}.{pid}.{n}.tmp")),
        };
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", tmp.display())),
        }
    }
    Err(anyhow!(
        "cannot create a temporary file in {}: {}",
        dir.display(),
        last.map(|e| e.to_string()).unwrap_or_default()
    ))
}

/// A unified diff of one file, as `git diff` prints it.
pub fn unified_diff(rel: &str, before: &str, after: &str) -> String {
    let diff = similar::TextDiff::from_lines(before, after);
    let from = if before.is_empty() {
        "/dev/null".to_string()
    } else {
        format!("a/{rel}")
    };
    diff.unified_diff()
        .context_radius(3)
        .header(&from, &format!("b/{rel}"))
        .to_string()
}

/// Validates the edited record and writes it (or prints its diff): the new text is parsed as
/// `T` and passed to `rules` (the single-record rules of `check`); any error refuses the write
/// with every reason, leaving the file byte-identical. Only the holder of the lock may save.
pub fn save<T: DeserializeOwned>(
    lock: &WorkspaceLock,
    edit: &Editable,
    dry_run: bool,
    locale: Locale,
    rules: impl FnOnce(&T) -> Vec<Diagnostic>,
) -> Result<Written> {
    let after = keep_canonical(&edit.rel, edit.before.as_deref(), edit.after());
    let body = decode(&edit.rel, after.clone().into_bytes(), locale)
        .map_err(|d| anyhow!("{}", d.message))?;
    let record: T = parse_record(&edit.rel, &body.text, locale).map_err(|d| Refused {
        reasons: vec![
            tf(locale, "write.invalid", &[("file", &edit.rel)]),
            d.message,
        ],
    })?;
    let errors: Vec<String> = rules(&record)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message)
        .collect();
    if !errors.is_empty() {
        let mut reasons = vec![tf(locale, "write.invalid", &[("file", &edit.rel)])];
        reasons.extend(errors);
        return Err(Refused { reasons }.into());
    }
    commit(lock, &edit.rel, edit.before.as_deref(), &after, dry_run)
}

/// The write path and `fmt` agree: a new file, or one that was in canonical form before the
/// edit, is written in canonical form (an appended entry goes where `fmt` puts it, in date
/// order); a file the user keeps in another form only gets the edit.
pub fn keep_canonical(rel: &str, before: Option<&str>, after: String) -> String {
    let Some(kind) = super::classify(rel) else {
        return after;
    };
    let was_canonical = match before {
        None => true,
        Some(b) => crate::format::canonical(kind, b).is_ok_and(|c| c == b),
    };
    if !was_canonical {
        return after;
    }
    crate::format::canonical(kind, &after).unwrap_or(after)
}

/// The message printed after a successful write, in the locale.
pub fn describe(written: &Written, rel: &str, locale: Locale) -> String {
    match written {
        Written::Wrote(_) => tf(locale, "write.wrote", &[("file", &rel)]),
        Written::DryRun(diff) => diff.clone(),
        Written::Unchanged => tf(locale, "write.unchanged", &[("file", &rel)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_comments_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let text = "\u{feff}# 岗位\r\nid = \"p\"   # keep\r\ncapacity = 2\r\n";
        std::fs::write(dir.path().join("p.toml"), text).unwrap();
        let mut e = Editable::open(dir.path(), "p.toml", Locale::En).unwrap();
        e.doc["capacity"] = toml_edit::value(3);
        let after = e.after();
        assert_eq!(
            after,
            "\u{feff}# 岗位\r\nid = \"p\"   # keep\r\ncapacity = 3\r\n"
        );
        let lock = lock(dir.path(), Locale::En, true).unwrap();
        let w = commit(&lock, "p.toml", e.before.as_deref(), &after, true).unwrap();
        let Written::DryRun(diff) = w else {
            panic!("expected a diff")
        };
        assert!(
            diff.contains("-capacity = 2") && diff.contains("+capacity = 3"),
            "{diff}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("p.toml")).unwrap(),
            text
        );
        commit(&lock, "p.toml", e.before.as_deref(), &after, false).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("p.toml")).unwrap(),
            after
        );
    }
}
