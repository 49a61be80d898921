//! End-to-end tests: the real binary in a temporary copy of a workspace. One binary, one module
//! per area; `TestEnv` is the only helper tests need.

/// `insta::assert_snapshot!(name, text)` without the expression in the snapshot file's header
/// (the texts of [`TestEnv::run_write`] name their commands themselves).
macro_rules! snapshot {
    ($name:expr, $text:expr $(,)?) => {
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}

mod check;
mod commit;
mod contract;
mod district;
mod ecosystem;
mod export;
mod forms;
mod hardening;
mod language;
mod layers;
mod locate;
mod matter;
mod names;
mod post;
mod print;
mod records;
mod report;
mod review;
mod review_rules;
mod safety;
mod width;
mod year;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary workspace and a way to run `dangjian` in it.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
    /// `DANGJIAN_AS_OF` of every run (default 2026-11-20).
    pub as_of: &'static str,
    /// The texts of the runs of [`TestEnv::run_write`] so far, one after the other.
    journal: RefCell<String>,
}

/// What a run produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl TestEnv {
    /// An empty folder.
    pub fn empty() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("temp dir"),
            as_of: "2026-11-20",
            journal: RefCell::default(),
        }
    }

    /// A copy of `examples/<name>`.
    pub fn example(name: &str) -> TestEnv {
        let env = TestEnv::empty();
        copy_dir(&repo().join("examples").join(name), env.root());
        env
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).unwrap();
    }

    /// A `dangjian` command in this workspace, with a fixed date and English messages unless
    /// the test says otherwise.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dangjian"));
        c.current_dir(self.root())
            .env_remove("DANGJIAN_WORKSPACE")
            .env_remove("COLUMNS")
            .env("DANGJIAN_AS_OF", self.as_of)
            .env("NO_COLOR", "1")
            .args(args);
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.cmd(args))
    }

    /// Runs a (writing) command and describes all it did for a snapshot: the command line, the
    /// transcript, and a unified diff of each file it created, changed or removed (or "no file
    /// changed"). The temporary directory (also as its canonical path) reads `[ROOT]`; a carriage return `␍` and a byte-order
    /// mark `[BOM]`, so that line endings show. The text is also added to the journal, for a
    /// test that snapshots a whole walk at its end ([`TestEnv::journal`]).
    pub fn run_write(&self, args: &[&str]) -> Written {
        let before = self.files();
        let run = self.run(args);
        let after = self.files();
        let mut text = format!(
            "$ dangjian {}\n{}--- files\n",
            command_line(args),
            run.transcript()
        );
        let mut changed = false;
        for path in before
            .keys()
            .chain(after.keys().filter(|p| !before.contains_key(*p)))
        {
            let (old, new) = (before.get(path), after.get(path));
            if old == new {
                continue;
            }
            changed = true;
            let old_name = old.map_or("/dev/null".to_string(), |_| format!("a/{path}"));
            let new_name = new.map_or("/dev/null".to_string(), |_| format!("b/{path}"));
            let (old, new) = (
                old.map_or(String::new(), |b| String::from_utf8_lossy(b).into_owned()),
                new.map_or(String::new(), |b| String::from_utf8_lossy(b).into_owned()),
            );
            let diff = similar::TextDiff::from_lines(&old, &new);
            text.push_str(&diff.unified_diff().header(&old_name, &new_name).to_string());
        }
        if !changed {
            text.push_str("no file changed\n");
        }
        let canonical = std::fs::canonicalize(self.root()).unwrap_or_else(|_| self.root().into());
        let text = text
            .replace(&canonical.display().to_string(), "[ROOT]")
            .replace(&self.root().display().to_string(), "[ROOT]")
            .replace('\r', "␍")
            .replace('\u{feff}', "[BOM]");
        let mut journal = self.journal.borrow_mut();
        if !journal.is_empty() {
            journal.push('\n');
        }
        journal.push_str(&text);
        Written { run, text }
    }

    /// The texts of every [`TestEnv::run_write`] of this environment so far, in order.
    pub fn journal(&self) -> String {
        self.journal.borrow().clone()
    }

    /// [`TestEnv::run_write`] of each command in turn, the texts one after the other.
    pub fn run_writes(&self, commands: &[&[&str]]) -> String {
        commands
            .iter()
            .map(|args| self.run_write(args).text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every file of the workspace but the lock (which every writing command creates), by
    /// relative path with `/`.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(self.root())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.file_name() != ".dangjian.lock")
            .map(|e| {
                let rel = e.path().strip_prefix(self.root()).unwrap();
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }
}

/// What [`TestEnv::run_write`] saw: the run, and the text to snapshot.
#[derive(Debug)]
pub struct Written {
    pub run: Run,
    pub text: String,
}

/// The arguments as a shell would take them back (quoted when they hold a space or a quote).
fn command_line(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.is_empty() || a.contains([' ', '\'', '"']) {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Run {
    /// Asserts exit 0 and returns the run.
    #[track_caller]
    pub fn ok(self) -> Run {
        self.exits(0)
    }

    /// Asserts the exit code, printing both streams when it differs.
    #[track_caller]
    pub fn exits(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// Exit code, stdout and stderr as one text, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

pub fn run(mut c: Command) -> Run {
    let out = c.output().expect("run dangjian");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The rows of the table `id` of a report in JSON (`{"report", "meta", "tables": [{"id", "rows"}]}`);
/// `null` when the report has no such table.
pub fn rows<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["tables"]
        .as_array()
        .and_then(|tables| tables.iter().find(|t| t["id"] == id))
        .map_or(&serde_json::Value::Null, |t| &t["rows"])
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

#[test]
fn help_lists_the_commands() {
    let r = TestEnv::empty().run(&["--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for cmd in [
        "init", "check", "post", "matter", "commit", "review", "report", "schema",
    ] {
        assert!(r.stdout.contains(cmd), "--help lacks {cmd}: {}", r.stdout);
    }
}

#[test]
fn help_is_snapshotted_in_both_languages() {
    let env = TestEnv::empty();
    for lang in ["zh-CN", "en"] {
        for args in [
            &["--help"][..],
            &["review", "score", "--help"],
            &["report", "--help"],
        ] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let r = env.run(&all).ok();
            let name = format!("help-{lang}-{}", args[..args.len() - 1].join("-"));
            insta::assert_snapshot!(name, r.stdout);
        }
    }
}

#[test]
fn no_workspace_is_exit_2() {
    let r = TestEnv::empty().run(&["check"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("dangjian.toml"), "{}", r.stderr);
}
