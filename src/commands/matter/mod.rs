//! `dangjian matter …`: matters through the six steps (六步工作法). One file per leaf command;
//! this module holds what the writing commands share: finding a matter's file by id, opening it
//! under the workspace lock, checking references by reading only the files they name, and the
//! format-preserving edits of `toml_edit`.

pub mod advance;
pub mod list;
pub mod meeting;
pub mod new;
pub mod opinion;
pub mod progress;
pub mod publicize;
pub mod publish;
pub mod review;
pub mod show;
pub mod sign;
pub mod status;
pub mod task;

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::Subcommand;
use toml_edit::{DocumentMut, Table};

use super::{Ctx, Exit, ListFormat, Refused};
use crate::check;
use crate::i18n::{Locale, tf};
use crate::model::{Date, Matter, Member, Org, Settings, is_valid_id};
use crate::report::Document;
use crate::workflow::sixstep::{Lookup, Rules, sector_of};
use crate::workspace::edit;
use crate::workspace::resolve::{self, read_by_id, read_record};
use crate::workspace::write::{self, Editable, WorkspaceLock};

#[derive(Debug, Subcommand)]
// Arguments are boxed: the command enum stays small whatever the options of a leaf.
pub enum MatterCommand {
    /// Create a matter at the consult step (征求意见)
    New(Box<new::Args>),
    /// Show a matter: its records, completion and what the current step still needs
    Show(Box<show::Args>),
    /// List matters
    List(Box<list::Args>),
    /// Print the pipeline: matters per step, and each matter's step and completion
    Status(Box<status::Args>),
    /// Complete the current step and move to the next one
    Advance(Box<advance::Args>),
    /// Record an opinion (征求意见)
    Opinion(Box<opinion::Args>),
    /// Record a meeting and its vote (议事决策)
    Meeting(Box<meeting::Args>),
    /// Add a task with its responsible org or member (任务分解)
    Task(Box<task::Args>),
    /// Record that a task's responsibility letter is signed (公开承诺)
    Sign(Box<sign::Args>),
    /// Record that the tasks were made public (公开承诺)
    Publicize(Box<publicize::Args>),
    /// Record that a meeting's decision or a review's result was made public (两公开)
    Publish(Box<publish::Args>),
    /// Record a task's cumulative progress (组织实施)
    Progress(Box<progress::Args>),
    /// Record a review of a task or of the whole matter (考评奖惩)
    Review(Box<review::Args>),
}

pub fn run(ctx: &Ctx, cmd: MatterCommand) -> Result<Exit> {
    match cmd {
        MatterCommand::New(args) => new::run(ctx, *args),
        MatterCommand::Show(args) => show::run(ctx, *args),
        MatterCommand::List(args) => list::run(ctx, *args),
        MatterCommand::Status(args) => status::run(ctx, *args),
        MatterCommand::Advance(args) => advance::run(ctx, *args),
        MatterCommand::Opinion(args) => opinion::run(ctx, *args),
        MatterCommand::Meeting(args) => meeting::run(ctx, *args),
        MatterCommand::Task(args) => task::run(ctx, *args),
        MatterCommand::Sign(args) => sign::run(ctx, *args),
        MatterCommand::Publicize(args) => publicize::run(ctx, *args),
        MatterCommand::Publish(args) => publish::run(ctx, *args),
        MatterCommand::Progress(args) => progress::run(ctx, *args),
        MatterCommand::Review(args) => review::run(ctx, *args),
    }
}

/// Options every command that edits a matter takes.
#[derive(Debug, clap::Args)]
pub struct EditOpts {
    /// Year folder of the matter (default: the workspace year; other years are searched too)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Date of the record (default: --as-of)
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Options of the commands that add an entry to a list of a matter (`meeting`, `opinion`,
/// `progress`, `review`): `--amend` or `--remove` an entry, and those of every edit.
#[derive(Debug, clap::Args)]
pub struct EntryOpts {
    #[command(flatten)]
    pub entry: crate::commands::records::EntryArgs,
    #[command(flatten)]
    pub opts: EditOpts,
}

/// Renders a document to stdout.
pub(crate) fn print_doc(ctx: &Ctx, doc: &Document, format: ListFormat) -> Result<()> {
    super::print_doc(ctx, doc, format.format())
}

/// A refusal with every reason: exit 1, nothing written.
pub(crate) fn refused(reasons: Vec<String>) -> anyhow::Error {
    Refused { reasons }.into()
}

/// The relative path of matter `id`: `matters/<year>/<id>.toml` in the given (or the workspace)
/// year, else the one other year folder holding it.
pub(crate) fn matter_path(
    root: &Path,
    settings: &Settings,
    id: &str,
    year: Option<i32>,
    locale: Locale,
) -> Result<String> {
    let unknown = || -> anyhow::Error {
        crate::error::Error::usage(
            crate::error::Problem::new(tf(locale, "matter.unknown", &[("id", &id)])).help(tf(
                locale,
                "resolve.list",
                &[("command", &"dangjian matter list")],
            )),
        )
        .what(crate::error::What::UnknownName)
        .into()
    };
    if !is_valid_id(id) {
        return Err(unknown());
    }
    let year = year.unwrap_or(settings.year);
    let rel = format!("matters/{year}/{id}.toml");
    if root.join(&rel).is_file() {
        return Ok(rel);
    }
    let found = matter_files_named(root, id);
    match found.as_slice() {
        [] => Err(unknown()),
        [one] => Ok(one.clone()),
        many => Err(crate::error::Error::usage(crate::error::Problem::new(tf(
            locale,
            "matter.ambiguous",
            &[("id", &id), ("files", &many.join(", "))],
        )))
        .what(crate::error::What::AmbiguousName)
        .into()),
    }
}

/// Every `matters/<folder>/<id>.toml` that exists, sorted.
pub(crate) fn matter_files_named(root: &Path, id: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("matters"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.'))
                .map(|n| format!("matters/{n}/{id}.toml"))
                .filter(|rel| root.join(rel).is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// References checked by reading only the file an id names (`orgs/<id>.toml`, `members/<id>.toml`).
pub(crate) struct FileLookup<'a> {
    pub root: &'a Path,
}

impl Lookup for FileLookup<'_> {
    fn org_exists(&self, id: &str) -> bool {
        is_valid_id(id) && self.root.join(format!("orgs/{id}.toml")).is_file()
    }
    fn member_exists(&self, id: &str) -> bool {
        is_valid_id(id) && self.root.join(format!("members/{id}.toml")).is_file()
    }
}

/// A matter opened for editing under the workspace lock.
pub(crate) struct Session {
    pub root: PathBuf,
    pub settings: Settings,
    pub locale: Locale,
    pub rel: String,
    /// The record as it is on disk.
    pub matter: Matter,
    pub edit: Editable,
    /// `--date`, else `--as-of`.
    pub date: Date,
    pub dry_run: bool,
    pub as_of: Date,
    pub quiet: bool,
    pub lock: WorkspaceLock,
}

impl Session {
    /// Takes the lock, finds and reads the matter.
    pub fn open(ctx: &Ctx, id: &str, opts: &EditOpts) -> Result<Session> {
        let root = ctx.root()?;
        let (settings, locale) = ctx.settings(&root)?;
        let lock = write::lock(&root, locale, ctx.quiet)?;
        if let Some(reason) = opts.date.and_then(|d| {
            let what = crate::i18n::t(locale, "records.what.record");
            crate::commands::records::future_date(locale, what, "--date", d, ctx.as_of)
        }) {
            return Err(refused(vec![reason]));
        }
        let rel = matter_path(&root, &settings, id, opts.year, locale)?;
        let matter = read_record::<Matter>(&root, &rel, locale)?.value;
        let edit = Editable::open(&root, &rel, locale)?;
        Ok(Session {
            root,
            settings,
            locale,
            rel,
            matter,
            edit,
            date: opts.date.unwrap_or(ctx.as_of),
            dry_run: opts.dry_run,
            as_of: ctx.as_of,
            quiet: ctx.quiet,
            lock,
        })
    }

    /// Removes entry `n` (from 1, as `matter show` numbers it) of the list `key` (`opinion`,
    /// `meeting`, `progress` or `review`) from the file and from the record, so that an amended
    /// entry is judged without its old self.
    pub fn take_entry(&mut self, key: &str, n: usize) -> Result<()> {
        let show = format!("dangjian matter show {}", self.matter.id);
        crate::commands::records::take_entry(
            self.edit.doc.as_table_mut(),
            key,
            n,
            self.locale,
            &show,
        )?;
        let i = n - 1;
        match key {
            "opinion" => drop(self.matter.opinions.remove(i)),
            "meeting" => drop(self.matter.meetings.remove(i)),
            "progress" => drop(self.matter.progress.remove(i)),
            "review" => drop(self.matter.reviews.remove(i)),
            _ => {}
        }
        Ok(())
    }

    /// Opens the matter for a command that adds an entry to its `[[key]]` list, taking out the
    /// entry that `--amend` replaces; `None` when `--remove` was all there was to do (and is done).
    pub fn open_entry(ctx: &Ctx, id: &str, key: &str, opts: &EntryOpts) -> Result<Option<Session>> {
        let mut s = Session::open(ctx, id, &opts.opts)?;
        Ok(match s.entry_change(key, &opts.entry)? {
            Some(_) => None,
            None => Some(s),
        })
    }

    /// `--remove N`: removes the entry and saves; `--amend N`: removes it and lets the command
    /// add the new one. `Some` when the command is done.
    pub fn entry_change(
        &mut self,
        key: &str,
        entry: &crate::commands::records::EntryArgs,
    ) -> Result<Option<Exit>> {
        if let Some(n) = entry.remove {
            self.take_entry(key, n)?;
            let message = tf(
                self.locale,
                "records.entry-removed",
                &[("n", &n), ("file", &self.rel)],
            );
            return self.save_ref(Some(message)).map(Some);
        }
        if let Some(n) = entry.amend {
            self.take_entry(key, n)?;
        }
        Ok(None)
    }

    pub fn lookup(&self) -> FileLookup<'_> {
        FileLookup { root: &self.root }
    }

    /// The effective six-step rules of this matter (its owner's sector, else the workspace's).
    pub fn rules(&self) -> Rules {
        rules_for(&self.root, &self.settings, &self.matter, self.locale)
    }

    /// Validates and writes the edited matter (or prints its diff), then says what was done.
    /// The value of a flag that only `--remove` may leave out; an error naming the flag when
    /// it is missing.
    pub fn required<T>(&self, value: Option<T>, flag: &str) -> Result<T> {
        value.ok_or_else(|| anyhow!(tf(self.locale, "records.flag-required", &[("flag", &flag)])))
    }

    /// Refuses with `reasons` if any, else appends an entry with `fields` to the `[[key]]` list
    /// and saves.
    pub fn add_entry(
        &mut self,
        key: &str,
        reasons: Vec<String>,
        fields: Vec<(&str, Option<toml_edit::Value>)>,
    ) -> Result<Exit> {
        if !reasons.is_empty() {
            return Err(refused(reasons));
        }
        push_table(&mut self.edit.doc, key, table_of(fields), self.locale)?;
        self.save_ref(None)
    }

    pub fn save(self, done: Option<String>) -> Result<Exit> {
        self.save_ref(done)
    }

    fn save_ref(&self, done: Option<String>) -> Result<Exit> {
        let cctx = check::Context {
            as_of: self.as_of,
            locale: self.locale,
        };
        let settings = &self.settings;
        let rel = self.rel.clone();
        let written =
            write::save::<Matter>(&self.lock, &self.edit, self.dry_run, self.locale, |m| {
                check::single::matter(&rel, m, settings, &cctx)
            })?;
        match (&written, done) {
            (write::Written::DryRun(diff), _) => print!("{diff}"),
            (write::Written::Wrote(_), Some(msg)) if !self.quiet => {
                println!("{}", crate::diag::escape::lines(&msg))
            }
            (w, _) if !self.quiet => println!("{}", write::describe(w, &self.rel, self.locale)),
            _ => {}
        }
        Ok(Exit::Success)
    }
}

/// The effective rules of a matter, reading only its owner's file.
pub(crate) fn rules_for(
    root: &Path,
    settings: &Settings,
    matter: &Matter,
    locale: Locale,
) -> Rules {
    let owner = read_by_id::<Org>(root, "orgs", &matter.org, locale)
        .ok()
        .flatten()
        .map(|o| o.value.sector);
    Rules::effective(sector_of(owner, settings), &settings.workflow)
}

/// Resolves an organization given by id or unambiguous name to its id.
pub(crate) fn org_id(root: &Path, arg: &str, locale: Locale) -> Result<String> {
    Ok(resolve::resolve_reference::<Org>(root, arg, locale)?
        .value
        .id)
}

/// Resolves a member given by id or unambiguous name to its id.
pub(crate) fn member_id(root: &Path, arg: &str, locale: Locale) -> Result<String> {
    Ok(resolve::resolve_reference::<Member>(root, arg, locale)?
        .value
        .id
        .into())
}

pub(crate) use crate::workspace::edit::{date_value, num_value, set_value, table_of};

/// Appends a table to the array of tables `key` (`[[key]]`), or to an inline array of tables.
/// New tables follow the last of their kind; the first `[[history]]` goes right after the
/// top-level keys, where a reader looks for the matter's state.
pub(crate) fn push_table(
    doc: &mut DocumentMut,
    key: &str,
    mut table: Table,
    locale: Locale,
) -> Result<()> {
    let root = doc.as_table_mut();
    if !root.contains_key(key) && key == "history" {
        table.set_position(Some(0));
    }
    edit::insert_entry(root, key, table, None)
        .map_err(|_| anyhow!(tf(locale, "matter.not-array-of-tables", &[("key", &key)])))
}

/// The `i`-th table of the array of tables `key`, written either way.
pub(crate) fn table_at<'a>(
    doc: &'a mut DocumentMut,
    key: &str,
    i: usize,
) -> Option<&'a mut dyn toml_edit::TableLike> {
    edit::entry_at(doc.as_table_mut(), key, i)
}

/// Refuses a date that lies after another one (e.g. a publication before the meeting).
pub(crate) fn check_order(
    reasons: &mut Vec<String>,
    locale: Locale,
    earlier: (&str, Date),
    later: (&str, Date),
) {
    if later.1 < earlier.1 {
        reasons.push(tf(
            locale,
            "matter.date-order",
            &[
                ("later", &later.0),
                ("later_date", &later.1),
                ("earlier", &earlier.0),
                ("earlier_date", &earlier.1),
            ],
        ));
    }
}
