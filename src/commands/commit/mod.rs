//! `dangjian commit …`: commitment letters (承诺践诺, SPEC §2.6). One file per leaf command;
//! this module holds what the writing commands share: resolving the committer, finding the
//! letter of a half-year, taking the lock and saving through the one write path.

pub mod comment;
pub mod item;
pub mod list;
pub mod new;
pub mod progress;
pub mod publish;
pub mod show;
pub mod sign;

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::Subcommand;

use super::{Ctx, Exit, Refused};
use crate::check;
use crate::i18n::{Locale, tf};
use crate::model::{Commitment, Date, Member, Org, Period, PeriodPart};
use crate::workspace::resolve::{read_by_id, resolve};
use crate::workspace::write::{self, Editable, WorkspaceLock};
use crate::workspace::{Rec, parse_record};

#[derive(Debug, Subcommand)]
pub enum CommitCommand {
    /// Draft the commitment letter of a member or organization for a half-year
    New(new::Args),
    /// Add a commitment item to a letter
    Item(item::Args),
    /// Record the fulfilment of an item (践诺记录)
    Progress(progress::Args),
    /// Add a leader comment to a letter (领导点评)
    Comment(comment::Args),
    /// Record the date a letter was signed
    Sign(sign::Args),
    /// Record the date a letter was made public
    Publish(publish::Args),
    /// List commitment items with their fulfilment (承诺践诺台账)
    List(list::Args),
    /// Show one letter: its items, progress and leader comments
    Show(show::Args),
}

pub fn run(ctx: &Ctx, cmd: CommitCommand) -> Result<Exit> {
    match cmd {
        CommitCommand::New(args) => new::run(ctx, args),
        CommitCommand::Item(args) => item::run(ctx, args),
        CommitCommand::Progress(args) => progress::run(ctx, args),
        CommitCommand::Comment(args) => comment::run(ctx, args),
        CommitCommand::Sign(args) => sign::run(ctx, args),
        CommitCommand::Publish(args) => publish::run(ctx, args),
        CommitCommand::List(args) => list::run(ctx, args),
        CommitCommand::Show(args) => show::run(ctx, args),
    }
}

/// Parses `--half`: a half-year period `YYYY-H1` or `YYYY-H2`.
pub fn parse_half(s: &str) -> Result<Period, String> {
    let p: Period = s.parse()?;
    match p.part {
        PeriodPart::H(_) => Ok(p),
        _ => Err(format!("`{s}` is not a half-year (YYYY-H1 or YYYY-H2)")),
    }
}

/// A resolved committer: a member or an organization.
#[derive(Debug)]
pub enum Committer {
    Member(Rec<Member>),
    Org(Rec<Org>),
}

impl Committer {
    pub fn id(&self) -> &str {
        match self {
            Committer::Member(m) => &m.id,
            Committer::Org(o) => &o.id,
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Committer::Member(m) => &m.name,
            Committer::Org(o) => &o.name,
        }
    }
}

/// Finds a committer: a member or an organization, by id or else by unambiguous name.
pub fn resolve_committer(root: &Path, arg: &str, locale: Locale) -> Result<Committer> {
    if let Some(m) = read_by_id::<Member>(root, "members", arg, locale)? {
        return Ok(Committer::Member(m));
    }
    if let Some(o) = read_by_id::<Org>(root, "orgs", arg, locale)? {
        return Ok(Committer::Org(o));
    }
    let is_unknown =
        |e: &anyhow::Error| crate::error::Error::is(e, crate::error::What::UnknownName);
    let member_error = match resolve::<Member>(root, arg, locale) {
        Ok(m) => return Ok(Committer::Member(m)),
        Err(e) => e,
    };
    if !is_unknown(&member_error) {
        return Err(member_error);
    }
    match resolve::<Org>(root, arg, locale) {
        Ok(o) => Ok(Committer::Org(o)),
        Err(e) if is_unknown(&e) => Err(crate::error::Error::usage(
            crate::error::Problem::new(tf(
                locale,
                "commit.refuse.unknown-committer",
                &[("name", &arg)],
            ))
            .help(crate::i18n::t(
                locale,
                "commit.refuse.unknown-committer.help",
            )),
        )
        .into()),
        Err(e) => Err(e),
    }
}

/// The path of the letter of `committer` for `half`.
pub fn letter_path(half: Period, committer: &str) -> String {
    format!("commitments/{half}/{committer}.toml")
}

/// The commands that record a date on a letter (`sign`, `publish`): their arguments (the
/// committer, the date and [`LetterArgs`], the help of the first two saying what the date means)
/// and a `run` that records `key` unless the module's `fn refusals` gives reasons not to (see
/// [`record_date`]).
macro_rules! date_command {
    (
        committer = $committer:literal,
        date = $date:literal,
        key = $key:literal $(,)?
    ) => {
        #[derive(Debug, clap::Args)]
        pub struct Args {
            #[doc = $committer]
            pub committer: String,
            #[doc = $date]
            #[arg(long)]
            pub date: Option<crate::model::Date>,
            #[command(flatten)]
            pub letter: super::LetterArgs,
        }

        pub fn run(
            ctx: &crate::commands::Ctx,
            args: Args,
        ) -> anyhow::Result<crate::commands::Exit> {
            super::record_date(
                ctx,
                &args.committer,
                args.date,
                &args.letter,
                $key,
                refusals,
            )
        }
    };
}
pub(crate) use date_command;

/// The half-year of the letter and `--dry-run`, as `sign` and `publish` take them.
#[derive(Debug, clap::Args)]
pub struct LetterArgs {
    /// Half-year of the letter (default: the one containing the date, else the nearest letter)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    /// Print the change as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The half-year of the letter, `--amend` or `--remove` an entry, and `--dry-run`, as `comment`
/// and `progress` take them.
#[derive(Debug, clap::Args)]
pub struct EntryLetterArgs {
    /// Half-year of the letter (default: the one containing the date, else the nearest letter)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    #[command(flatten)]
    pub entry: crate::commands::records::EntryArgs,
    /// Print the change as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Records the date of `key` (`signed`, `published`) on the letter, unless `refusals` gives
/// reasons not to.
pub fn record_date(
    ctx: &Ctx,
    committer: &str,
    date: Option<Date>,
    letter: &LetterArgs,
    key: &str,
    refusals: fn(&OpenLetter, Date, Locale) -> Vec<String>,
) -> Result<Exit> {
    let (session, mut open, date) = Session::open_dated(ctx, committer, date, letter.half)?;
    let reasons = refusals(&open, date, session.locale);
    open.edit
        .doc
        .insert(key, toml_edit::Item::Value(date_value(date)));
    session.finish(ctx, &open.edit, reasons, letter.dry_run)
}

/// A letter opened for an edit: its committer and half-year, the file and the record.
pub struct OpenLetter {
    pub committer: Committer,
    pub half: Period,
    pub edit: Editable,
    pub letter: Commitment,
}

impl OpenLetter {
    /// The command that lists the letter's entries, as help lines name it.
    pub fn show_command(&self) -> String {
        format!(
            "dangjian commit show {} --half {}",
            self.committer.id(),
            self.half
        )
    }
}

/// A writing session: the root, the locale, the check context and the workspace lock.
pub struct Session {
    pub root: PathBuf,
    pub locale: Locale,
    pub cctx: check::Context,
    pub lock: WorkspaceLock,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("root", &self.root).finish()
    }
}

impl Session {
    /// Takes the lock and resolves the committer.
    pub fn begin_for(ctx: &Ctx, committer: &str) -> Result<(Session, Committer)> {
        let session = Session::begin(ctx)?;
        let committer = resolve_committer(&session.root, committer, session.locale)?;
        Ok((session, committer))
    }

    /// Finds the root, reads `dangjian.toml` and takes the lock.
    pub fn begin(ctx: &Ctx) -> Result<Session> {
        let root = ctx.root()?;
        let (_, locale) = ctx.settings(&root)?;
        let lock = write::lock(&root, locale, ctx.quiet)?;
        Ok(Session {
            root,
            locale,
            cctx: check::Context {
                as_of: ctx.as_of,
                locale,
            },
            lock,
        })
    }

    /// The half-year of the letter a command acts on (see [`letter_half`]).
    pub fn letter_half(&self, committer: &str, date: Date, half: Option<Period>) -> Period {
        letter_half(&self.root, committer, date, half)
    }

    /// Takes the lock, resolves the committer, takes the date of what happened (`--date`, see
    /// [`happened`]) and opens the letter of the half-year that date selects.
    pub fn open_dated(
        ctx: &Ctx,
        committer: &str,
        date: Option<Date>,
        half: Option<Period>,
    ) -> Result<(Session, OpenLetter, Date)> {
        let (session, committer) = Session::begin_for(ctx, committer)?;
        let date = happened(ctx, date)?;
        let open = session.open_for(committer, date, half)?;
        Ok((session, open, date))
    }

    /// Opens the letter of `committer` for the half-year that `date` selects (see
    /// [`letter_half`]), refusing when there is none.
    pub fn open_for(
        &self,
        committer: Committer,
        date: Date,
        half: Option<Period>,
    ) -> Result<OpenLetter> {
        let half = self.letter_half(committer.id(), date, half);
        let (edit, letter) = self.open_letter(committer.id(), half)?;
        Ok(OpenLetter {
            committer,
            half,
            edit,
            letter,
        })
    }

    /// Opens the existing letter of `committer` for `half`, refusing when there is none.
    pub fn open_letter(&self, committer: &str, half: Period) -> Result<(Editable, Commitment)> {
        let rel = letter_path(half, committer);
        if !self.root.join(&rel).is_file() {
            return Err(Refused {
                reasons: vec![tf(
                    self.locale,
                    "commit.refuse.no-letter",
                    &[("committer", &committer), ("half", &half), ("file", &rel)],
                )],
            }
            .into());
        }
        let edit = Editable::open(&self.root, &rel, self.locale)?;
        let letter: Commitment =
            parse_record(&rel, &edit.shape.text, self.locale).map_err(|d| {
                let (line, col) = d.line_column();
                anyhow!("{rel}:{line}:{col}: {}", d.message)
            })?;
        Ok((edit, letter))
    }

    /// Refuses with `reasons` if any, else validates and writes the edit (or prints its diff).
    pub fn finish(
        &self,
        ctx: &Ctx,
        edit: &Editable,
        reasons: Vec<String>,
        dry_run: bool,
    ) -> Result<Exit> {
        if !reasons.is_empty() {
            return Err(Refused { reasons }.into());
        }
        let rel = edit.rel.clone();
        let cctx = self.cctx;
        let written = write::save::<Commitment>(&self.lock, edit, dry_run, self.locale, |c| {
            check::single::commitment(&rel, c, &cctx)
        })?;
        let message = write::describe(&written, &rel, self.locale);
        if dry_run || !ctx.quiet {
            print!("{}", crate::diag::escape::lines(&message));
            if !message.ends_with('\n') {
                println!();
            }
        }
        Ok(Exit::Success)
    }
}

/// The half-year of the letter a command acts on: `--half` when given; else the half
/// containing `date` when the committer has a letter for it; else the latest of their
/// letters whose half starts on or before `date` (late fulfilment), else their earliest
/// later one (a letter signed ahead). Without any letter, the half containing `date`.
pub fn letter_half(root: &Path, committer: &str, date: Date, half: Option<Period>) -> Period {
    if let Some(h) = half {
        return h;
    }
    let own = Period::half_of(date);
    if root.join(letter_path(own, committer)).is_file() {
        return own;
    }
    let mut halves: Vec<Period> = match std::fs::read_dir(root.join("commitments")) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|n| parse_half(&n).ok())
            .filter(|h| root.join(letter_path(*h, committer)).is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    halves.sort();
    let before = halves.iter().rev().find(|h| h.start() <= date);
    before.or(halves.first()).copied().unwrap_or(own)
}

/// The date of something that happened: `--date`, else `--as-of`; a date after `--as-of` is
/// refused with a help line (SPEC §2.4).
pub fn happened(ctx: &Ctx, date: Option<Date>) -> Result<Date> {
    let date = date_or(ctx, date);
    let locale = ctx
        .root()
        .and_then(|r| ctx.settings(&r))
        .map_or(ctx.early_locale(), |(_, l)| l);
    let what = crate::i18n::t(locale, "records.what.record");
    match crate::commands::records::future_date(locale, what, "--date", date, ctx.as_of) {
        Some(reason) => Err(Refused {
            reasons: vec![reason],
        }
        .into()),
        None => Ok(date),
    }
}

/// `--date`, defaulting to `--as-of`.
pub fn date_or(ctx: &Ctx, date: Option<Date>) -> Date {
    date.unwrap_or(ctx.as_of)
}

pub use crate::workspace::edit::{date_value, dated_index, num_value};

/// Inserts `table` at `index` (the end when `None`) of the array of tables `key` of `parent`.
pub fn insert_table(
    parent: &mut toml_edit::Table,
    key: &str,
    table: toml_edit::Table,
    index: Option<usize>,
) -> Result<()> {
    crate::workspace::edit::insert_entry(parent, key, table, index)
}

/// The item at `index` of the document: an `[[item]]` table, or an inline table of an
/// `item = [...]` array.
pub fn item_table(doc: &mut toml_edit::DocumentMut, index: usize) -> Option<ItemRef<'_>> {
    match doc.get_mut("item")? {
        toml_edit::Item::ArrayOfTables(aot) => aot.get_mut(index).map(ItemRef::Table),
        toml_edit::Item::Value(toml_edit::Value::Array(arr)) => match arr.get_mut(index)? {
            toml_edit::Value::InlineTable(t) => Some(ItemRef::Inline(t)),
            _ => None,
        },
        _ => None,
    }
}

/// An item of the document, written as a table or as an inline table.
pub enum ItemRef<'a> {
    Table(&'a mut toml_edit::Table),
    Inline(&'a mut toml_edit::InlineTable),
}

impl ItemRef<'_> {
    /// The item as a table of either kind.
    pub fn as_table_like(&mut self) -> &mut dyn toml_edit::TableLike {
        match self {
            ItemRef::Table(t) => *t,
            ItemRef::Inline(t) => *t,
        }
    }

    /// Inserts a progress entry at `index`.
    pub fn insert_progress(self, entry: toml_edit::Table, index: usize) -> Result<()> {
        match self {
            ItemRef::Table(t) => insert_table(t, "progress", entry, Some(index)),
            ItemRef::Inline(t) => match t.get_mut("progress") {
                None => {
                    let mut arr = toml_edit::Array::new();
                    arr.push(entry.into_inline_table());
                    t.insert("progress", toml_edit::Value::Array(arr));
                    Ok(())
                }
                Some(toml_edit::Value::Array(arr)) => {
                    arr.insert(index.min(arr.len()), entry.into_inline_table());
                    Ok(())
                }
                Some(_) => Err(anyhow!("`progress` is not an array")),
            },
        }
    }
}
