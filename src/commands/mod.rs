//! One module per command; each leaf is an `Args` struct and a `run` that turns options into a
//! call into the core and renders the result. `Ctx` carries the global options.

pub mod broken;
pub mod check;
pub mod commit;
pub mod completions;
pub mod export;
pub mod fmt;
pub mod init;
pub mod localize;
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

use anyhow::{Result, anyhow};

use crate::cli::{Cli, ColorChoice, Command};
use crate::diag::Diagnostic;
use crate::error::{Error, Kind};
use crate::i18n::Locale;
use crate::i18n::t;
use crate::model::{Date, Settings};
use crate::report::render::RenderOptions;
use crate::workspace::{self, LoadOptions, Workspace};

/// How a command that ran ended: success, or it found problems (exit 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Success,
    Problems,
}

pub use crate::error::Refused;

/// A command that failed: the error, and the locale to print it in.
#[derive(Debug)]
pub struct Failure {
    pub error: Error,
    pub locale: Locale,
}

impl Failure {
    /// Prints every problem to stderr: `error: message`, then its help line.
    pub fn print(&self) {
        let mut out = String::new();
        for p in &self.error.problems {
            out.push_str(&format!(
                "{}{}\n",
                t(self.locale, "cli.error-prefix"),
                crate::diag::escape::lines(&p.message)
            ));
            if let Some(help) = &p.help {
                out.push_str(&format!(
                    "{}: {}\n",
                    t(self.locale, "cli.help"),
                    crate::diag::escape::lines(help)
                ));
            }
        }
        let _ = std::io::stderr().write_all(out.as_bytes());
    }
}

/// Global options, resolved.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub workspace: Option<PathBuf>,
    pub as_of: Date,
    /// `--lang`, which overrides the workspace locale.
    pub lang: Option<Locale>,
    pub color: bool,
    pub quiet: bool,
    /// Columns that terminal tables fit in (`None`: no limit).
    pub width: Option<usize>,
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

impl Loaded {
    /// How many files have an error finding: files that could not be read or parsed.
    pub fn unreadable_files(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(|d| d.file.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }
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
            ColorChoice::Auto => color_auto(
                std::env::var_os("NO_COLOR").as_deref(),
                std::io::stdout().is_terminal(),
            ),
        };
        Ok(Ctx {
            workspace: cli.workspace.clone(),
            as_of,
            lang,
            color,
            quiet: cli.quiet,
            width: output_width(cli.width),
        })
    }

    /// How tables are rendered for this run: colour and width.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            bom: false,
            color: self.color,
            width: self.width,
        }
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
        let (ws, diags) = workspace::load_district(&root, LoadOptions { locale });
        let ws = ws.ok_or_else(|| anyhow!("dangjian.toml could not be loaded"))?;
        debug_assert_eq!(ws.settings.value, settings);
        Ok(Loaded {
            root,
            ws: std::mem::ManuallyDrop::new(ws),
            diags,
            locale,
        })
    }

    /// The language of messages before (or without) the loaded workspace: `--lang`, else the
    /// workspace's `locale` if `dangjian.toml` can be read (only that file is read), else zh-CN.
    pub fn message_locale(&self) -> Locale {
        if let Some(l) = self.lang {
            return l;
        }
        self.root()
            .ok()
            .and_then(|root| self.settings(&root).ok())
            .map_or_else(Locale::default, |(_, l)| l)
    }

    /// The locale to use, given the workspace's.
    pub fn locale(&self, workspace_locale: Locale) -> Locale {
        self.lang.unwrap_or(workspace_locale)
    }
}

/// The width terminal tables fit in: `--width`, else the terminal's when standard output is
/// one, else `COLUMNS` when set, else none (a file or a pipe gets lines as long as they are).
fn output_width(flag: Option<u16>) -> Option<usize> {
    if let Some(n) = flag {
        return Some(usize::from(n));
    }
    let stdout = std::io::stdout();
    if stdout.is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size_of(&stdout)
    {
        return Some(usize::from(w));
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
}

/// The year `review annual` and `report annual` show by default, saying on stderr (unless `-q`)
/// when the last ended year had no sheet and the workspace year is shown instead.
pub fn annual_year(ctx: &Ctx, ws: &Workspace, locale: Locale) -> i32 {
    let chosen = crate::review::annual_year::default_year(ws, ctx.as_of);
    if let Some(last) = chosen.instead_of
        && !ctx.quiet
    {
        eprintln!(
            "{}: {}",
            crate::i18n::t(locale, "diag.info"),
            crate::i18n::tf(
                locale,
                "review.annual.year-fallback",
                &[("last", &last), ("year", &chosen.year)]
            )
        );
    }
    chosen.year
}

/// `--color auto`: colour on a terminal unless `NO_COLOR` is set to a non-empty value (an empty
/// `NO_COLOR=` does not count, as no-color.org says).
fn color_auto(no_color: Option<&std::ffi::OsStr>, terminal: bool) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

/// Runs the parsed command line; a failure carries the locale to print it in.
pub fn run(cli: Cli) -> std::result::Result<Exit, Failure> {
    let ctx = match Ctx::from_cli(&cli) {
        Ok(ctx) => ctx,
        Err(err) => {
            return Err(Failure {
                error: Error::of(&err).with_kind(Kind::Usage),
                locale: Locale::default(),
            });
        }
    };
    match dispatch(&ctx, cli.command) {
        Ok(exit) => Ok(exit),
        // Output into a closed pipe (`| head`) ends the command quietly.
        Err(err) if err.downcast_ref::<ClosedPipe>().is_some() => Ok(Exit::Success),
        Err(err) => Err(Failure {
            error: Error::of(&err),
            locale: ctx.message_locale(),
        }),
    }
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<Exit> {
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Check(args) => check::run(ctx, args),
        Command::Fmt(args) => fmt::run(ctx, args),
        Command::Org(cmd) => org::run(ctx, cmd),
        Command::Member(cmd) => member::run(ctx, cmd),
        Command::Post(cmd) => post::run(ctx, cmd),
        Command::Matter(cmd) => matter::run(ctx, cmd),
        Command::Commit(cmd) => commit::run(ctx, cmd),
        Command::Review(cmd) => review::run(ctx, cmd),
        Command::Report(cmd) => report::run(ctx, cmd),
        Command::Export(args) => export::run(ctx, args),
        Command::Schema(args) => schema::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
    }
}

/// Renders a listing or a `show` document in the format asked for and prints it on stdout.
pub fn print_doc(
    ctx: &Ctx,
    doc: &crate::report::Document,
    format: crate::report::Format,
) -> Result<()> {
    let bytes = crate::report::render(doc, format, ctx.render_options())?;
    emit(&bytes, None, false)
}

/// Formats of listings and `show` documents (SPEC §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Yaml,
    Csv,
}

impl ListFormat {
    pub fn format(self) -> crate::report::Format {
        use crate::report::Format;
        match self {
            ListFormat::Table => Format::Table,
            ListFormat::Json => Format::Json,
            ListFormat::Yaml => Format::Yaml,
            ListFormat::Csv => Format::Csv,
        }
    }

    /// The language the document is built in: English (canonical words) for machine formats.
    pub(crate) fn content_locale(self, locale: Locale) -> Locale {
        report::content_locale(self.format(), locale)
    }

    /// Machine formats carry canonical keywords, the table the locale's labels.
    pub fn words(self) -> crate::report::ledger::Words {
        use crate::report::ledger::Words;
        match self {
            ListFormat::Table => Words::Labels,
            ListFormat::Json | ListFormat::Yaml | ListFormat::Csv => Words::Keywords,
        }
    }
}

/// `--format` of the org, member and post listings and `show` commands.
#[derive(Debug, clap::Args)]
pub struct FormatArg {
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

impl FormatArg {
    /// The format asked for.
    pub fn get(&self) -> Result<crate::report::Format> {
        self.format.parse().map_err(anyhow::Error::msg)
    }
}

/// Loads the workspace and prints the document of a `show` command in the `--format` asked for;
/// `build` gets the workspace, the locale of messages and the locale of the document.
pub fn print_show(
    ctx: &Ctx,
    format: &FormatArg,
    build: impl FnOnce(&Workspace, Locale, Locale) -> Result<crate::report::Document>,
) -> Result<Exit> {
    let loaded = ctx.load()?;
    let format = format.get()?;
    let doc_locale = org::doc_locale(format, loaded.locale);
    let doc = build(&loaded.ws, loaded.locale, doc_locale)?;
    print_doc(ctx, &doc, format)?;
    Ok(Exit::Success)
}

/// Prints a listing of the loaded workspace, then says which files of `folders` it left out
/// (see [`broken::listing_exit`]).
pub fn print_listing(
    ctx: &Ctx,
    loaded: &Loaded,
    doc: &crate::report::Document,
    format: crate::report::Format,
    folders: &[&str],
) -> Result<Exit> {
    print_doc(ctx, doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(broken::listing_exit(&loaded.ws, folders, locale))
}

/// Writes command output to stdout, or to `-o FILE` (binary formats refuse a terminal).
pub fn emit(bytes: &[u8], output: Option<&Path>, binary: bool) -> Result<()> {
    emit_in(Locale::default(), bytes, output, binary)
}

/// `emit` for commands that take `-o FILE`: a refused target is explained in the language of the
/// command's messages.
pub fn emit_to(ctx: &Ctx, bytes: &[u8], output: Option<&Path>, binary: bool) -> Result<()> {
    let locale = match output {
        Some(_) => ctx.message_locale(),
        None => ctx.early_locale(),
    };
    emit_in(locale, bytes, output, binary)
}

/// `emit_to` of a text output made piece by piece by `write`: to standard output it goes
/// through a buffer as it is made and is never held whole (a ledger's JSON is tens of
/// megabytes); for `-o FILE` it is made whole first, then written as `emit_to` writes it (the
/// file replaced at once or not at all).
pub fn emit_text_with(
    ctx: &Ctx,
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    if output.is_some() {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        return emit_to(ctx, &bytes, output, false);
    }
    print_with(write)
}

/// Prints on standard output what `write` writes, through a buffer; a closed pipe is
/// `ClosedPipe`.
pub fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ClosedPipe.into()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write to stdout")),
    }
}

fn emit_in(locale: Locale, bytes: &[u8], output: Option<&Path>, binary: bool) -> Result<()> {
    match output {
        Some(path) => workspace::output::write_output(path, bytes, locale),
        None => {
            let stdout = std::io::stdout();
            if binary && stdout.is_terminal() {
                return Err(anyhow!(
                    "refusing to write a binary format to the terminal; use -o FILE"
                ));
            }
            print_bytes(bytes)
        }
    }
}

/// Standard output was closed by its reader (`dangjian report ledger | head -1`): the command
/// ends quietly with exit 0, as a reader that stops early asked for no more.
#[derive(Debug)]
pub struct ClosedPipe;

impl std::fmt::Display for ClosedPipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("standard output was closed")
    }
}

impl std::error::Error for ClosedPipe {}

/// Prints `text` on standard output; a closed pipe is `ClosedPipe`.
pub fn print_out(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<()> {
    print_with(|out| out.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::color_auto;
    use std::ffi::OsStr;

    #[test]
    fn no_color_counts_only_when_not_empty() {
        assert!(color_auto(None, true));
        assert!(color_auto(Some(OsStr::new("")), true));
        assert!(!color_auto(Some(OsStr::new("1")), true));
        assert!(!color_auto(None, false));
    }
}
