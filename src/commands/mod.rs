//! One module per command; each leaf is an `Args` struct and a `run` that turns options into a
//! call into the core and renders the result. `Ctx` carries the global options.

pub mod check;
pub mod commit;
pub mod completions;
pub mod fmt;
pub mod init;
pub mod matter;
pub mod member;
pub mod org;
pub mod post;
pub mod records;
pub mod report;
pub mod review;
pub mod schema;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use crate::cli::{Cli, ColorChoice, Command};
use crate::diag::Diagnostic;
use crate::i18n::Locale;
use crate::model::{Date, Settings};
use crate::workspace::{self, LoadOptions, Workspace};

/// How a command that ran ended: success, or it found problems (exit 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Success,
    Problems,
}

/// A refused step: every reason, printed by `main`, exit 1, nothing written.
#[derive(Debug)]
pub struct Refused {
    pub reasons: Vec<String>,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reasons.join("; "))
    }
}

impl std::error::Error for Refused {}

/// Global options, resolved.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub workspace: Option<PathBuf>,
    pub as_of: Date,
    /// `--lang`, which overrides the workspace locale.
    pub lang: Option<Locale>,
    pub color: bool,
    pub quiet: bool,
}

/// A loaded workspace with the findings of loading it.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    /// Never dropped: a command runs once and the process ends, so freeing tens of thousands of
    /// records one by one would only cost time (measured: 1.5–7 % of `check` and `review`).
    pub ws: std::mem::ManuallyDrop<Workspace>,
    pub diags: Vec<Diagnostic>,
    pub locale: Locale,
}

impl Ctx {
    pub fn from_cli(cli: &Cli) -> Result<Ctx> {
        let lang = cli
            .lang
            .as_deref()
            .map(str::parse::<Locale>)
            .transpose()
            .map_err(|e| anyhow!(e))?;
        let as_of = match &cli.as_of {
            Some(s) => s.parse::<Date>().map_err(|e| anyhow!("--as-of: {e}"))?,
            None => Date(chrono::Local::now().date_naive()),
        };
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
            }
        };
        Ok(Ctx {
            workspace: cli.workspace.clone(),
            as_of,
            lang,
            color,
            quiet: cli.quiet,
        })
    }

    /// The locale before any workspace is read: `--lang`, else zh-CN.
    pub fn early_locale(&self) -> Locale {
        self.lang.unwrap_or_default()
    }

    pub fn root(&self) -> Result<PathBuf> {
        workspace::find_root(self.workspace.as_deref(), self.early_locale())
    }

    /// Reads only `dangjian.toml` (for writing commands, which read only what they need).
    pub fn settings(&self, root: &Path) -> Result<(Settings, Locale)> {
        let locale = self.early_locale();
        let text = workspace::read_text(root, "dangjian.toml", locale)
            .map_err(|d| anyhow!("dangjian.toml: {}", d.message))?;
        let settings: Settings = workspace::parse_record("dangjian.toml", &text.text, locale)
            .map_err(|d| anyhow!("dangjian.toml: {}", d.message))?;
        let locale = self.lang.unwrap_or(settings.locale);
        Ok((settings, locale))
    }

    /// Loads the whole workspace. Fails (exit 2) only when `dangjian.toml` is unusable.
    pub fn load(&self) -> Result<Loaded> {
        let root = self.root()?;
        let (settings, locale) = self.settings(&root)?;
        let (ws, diags) = workspace::load(&root, LoadOptions { locale });
        let ws = ws.ok_or_else(|| anyhow!("dangjian.toml could not be loaded"))?;
        debug_assert_eq!(ws.settings.value, settings);
        Ok(Loaded {
            root,
            ws: std::mem::ManuallyDrop::new(ws),
            diags,
            locale,
        })
    }

    /// The locale to use, given the workspace's.
    pub fn locale(&self, workspace_locale: Locale) -> Locale {
        self.lang.unwrap_or(workspace_locale)
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Exit> {
    let ctx = Ctx::from_cli(&cli)?;
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Fmt(args) => fmt::run(&ctx, args),
        Command::Org(cmd) => org::run(&ctx, cmd),
        Command::Member(cmd) => member::run(&ctx, cmd),
        Command::Post(cmd) => post::run(&ctx, cmd),
        Command::Matter(cmd) => matter::run(&ctx, cmd),
        Command::Commit(cmd) => commit::run(&ctx, cmd),
        Command::Review(cmd) => review::run(&ctx, cmd),
        Command::Report(cmd) => report::run(&ctx, cmd),
        Command::Schema(args) => schema::run(&ctx, args),
        Command::Completions(args) => completions::run(&ctx, args),
    }
}

/// Writes command output to stdout, or to `-o FILE` (binary formats refuse a terminal).
pub fn emit(bytes: &[u8], output: Option<&Path>, binary: bool) -> Result<()> {
    match output {
        Some(path) => workspace::write::atomic_write(path, bytes)
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let stdout = std::io::stdout();
            if binary && stdout.is_terminal() {
                return Err(anyhow!(
                    "refusing to write a binary format to the terminal; use -o FILE"
                ));
            }
            let mut lock = stdout.lock();
            lock.write_all(bytes).context("cannot write to stdout")?;
            lock.flush().ok();
            Ok(())
        }
    }
}
