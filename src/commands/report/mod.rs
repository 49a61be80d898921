//! `dangjian report …`: build a report from the loaded workspace (pure, `crate::report`) and
//! render it in the format asked for, to standard output or `-o FILE`. One file per report; the
//! options every report shares (`--format`, `-o`, `--bom`, `--org`) live here.

pub mod annual;
pub mod board;
pub mod comments;
mod forms;
pub mod ledger;
pub mod letter;
pub mod matters;
pub mod progress;
pub mod review;
pub mod roles;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use super::{Ctx, Exit, Loaded};
use crate::i18n::{Locale, t, tf};
use crate::report::render::{Layout, RenderOptions, render_owned};
use crate::report::{Document, Format};
use crate::workspace::Workspace;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Render the public board of post holders (公开栏·六公开)
    Board(board::Args),
    /// Render the ledger of commitment items (承诺践诺台账)
    Ledger(ledger::Args),
    /// Render a period's review results (考评表)
    Review(review::Args),
    /// Render the year-end review (年终总评)
    Annual(annual::Args),
    /// Rank organizations by task completion at a month's end (进度排名)
    Progress(progress::Args),
    /// Render the roles of organizations with their tasks and posts (八个方面作用)
    Roles(roles::Args),
    /// Render the pipeline of matters by step (六步进度)
    Matters(matters::Args),
    /// Print the commitment letters to sign, one per page (承诺书, 附件一/附件二)
    Letter(letter::Args),
    /// Print the leaders' comment registers (点评登记表, 附件四/附件五)
    Comments(comments::Args),
}

pub fn run(ctx: &Ctx, cmd: ReportCommand) -> Result<Exit> {
    match cmd {
        ReportCommand::Board(args) => board::run(ctx, args),
        ReportCommand::Ledger(args) => ledger::run(ctx, args),
        ReportCommand::Review(args) => review::run(ctx, args),
        ReportCommand::Annual(args) => annual::run(ctx, args),
        ReportCommand::Progress(args) => progress::run(ctx, args),
        ReportCommand::Roles(args) => roles::run(ctx, args),
        ReportCommand::Matters(args) => matters::run(ctx, args),
        ReportCommand::Letter(args) => letter::run(ctx, args),
        ReportCommand::Comments(args) => comments::run(ctx, args),
    }
}

/// Where and how a report is written; shared by every report.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format (default: from the extension of -o, else table)
    #[arg(
        long,
        value_name = "FORMAT",
        value_parser = PossibleValuesParser::new(["table", "md", "csv", "json", "yaml", "html", "xlsx"])
            .map(|s| s.parse::<Format>().unwrap_or(Format::Table))
    )]
    pub format: Option<Format>,
    #[command(flatten)]
    pub file: FileArgs,
}

/// Where a report or a form is written, and whether CSV output starts with a byte-order mark.
#[derive(Clone, Debug, clap::Args)]
pub struct FileArgs {
    /// Write the report to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel)
    #[arg(long)]
    pub bom: bool,
}

/// The organization filter shared by every report.
#[derive(Debug, clap::Args)]
pub struct OrgArg {
    /// Show only this organization and those below it (id or name; default: the whole workspace)
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
}

impl OutputArgs {
    /// The format asked for: `--format`, else the extension of `-o`, else a terminal table.
    pub fn format(&self, locale: Locale) -> Result<Format> {
        if let Some(f) = self.format {
            return Ok(f);
        }
        match &self.file.output {
            None => Ok(Format::Table),
            Some(path) => Format::from_extension(path).ok_or_else(|| {
                anyhow::Error::from(crate::error::Error::usage(
                    crate::error::Problem::new(tf(
                        locale,
                        "report.unknown-extension",
                        &[("file", &path.display())],
                    ))
                    .help(t(locale, "report.unknown-extension.help")),
                ))
            }),
        }
    }
}

/// The language a report is built in: the workspace's for human formats; for machine formats
/// (json, yaml, csv) always English, whose keyword labels are the canonical words, so that their
/// output is the same in every locale (SPEC §7).
pub(crate) fn content_locale(format: Format, locale: Locale) -> Locale {
    if format.is_machine() {
        Locale::En
    } else {
        locale
    }
}

/// Loads the workspace and checks the output before any work: a binary format refuses a
/// terminal; docx is for the forms (`report letter`, `report comments`) only.
pub(crate) fn prepare(ctx: &Ctx, out: &OutputArgs) -> Result<(Loaded, Format)> {
    let early = ctx.message_locale();
    if out.format(early)? == Format::Docx {
        return Err(anyhow::Error::from(crate::error::Error::usage(
            crate::error::Problem::new(t(early, "report.docx-forms-only"))
                .help(t(early, "report.docx-forms-only.help")),
        )));
    }
    prepare_any(ctx, out)
}

/// `prepare` for every format, docx included.
pub(crate) fn prepare_any(ctx: &Ctx, out: &OutputArgs) -> Result<(Loaded, Format)> {
    let early = ctx.message_locale();
    let early_format = out.format(early)?;
    if early_format.is_binary() && out.file.output.is_none() && std::io::stdout().is_terminal() {
        return Err(anyhow::Error::from(crate::error::Error::usage(
            crate::error::Problem::new(tf(
                early,
                "report.binary-terminal",
                &[("format", &early_format.as_str())],
            ))
            .help(t(early, "report.binary-terminal.help")),
        )));
    }
    let loaded = ctx.load()?;
    let locale = ctx.locale(loaded.locale);
    let errors = loaded
        .diags
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    if errors > 0 && !ctx.quiet {
        eprintln!(
            "{}: {}",
            t(locale, "report.warning"),
            tf(locale, "report.load-errors", &[("count", &errors)])
        );
    }
    Ok((loaded, early_format))
}

/// Resolves `--org` (an id, or an unambiguous name) against the workspace.
pub(crate) fn resolve_org(
    ws: &Workspace,
    arg: Option<&str>,
    locale: Locale,
) -> Result<Option<String>> {
    arg.map(|a| super::org::find_org(ws, a, locale)).transpose()
}

/// The common shape of a report command: load, resolve `--org`, build the document with the
/// workspace, the organization and the locale, render it with `layout` (its locale filled in)
/// and write it out.
pub(crate) fn run_report(
    ctx: &Ctx,
    org: &OrgArg,
    out: &OutputArgs,
    layout: Layout,
    build: impl FnOnce(&Workspace, Option<String>, Locale) -> Document,
) -> Result<Exit> {
    let (loaded, format) = prepare(ctx, out)?;
    let locale = loaded.locale;
    let org = resolve_org(&loaded.ws, org.org.as_deref(), locale)?;
    let doc = build(&loaded.ws, org, content_locale(format, locale));
    finish(ctx, doc, format, out, Layout { locale, ..layout })
}

/// A landscape page, the layout of most reports.
pub(crate) fn landscape() -> Layout {
    Layout {
        landscape: true,
        ..Layout::default()
    }
}

/// `--year`, shared by the reports of a year.
#[derive(Debug, clap::Args)]
pub struct YearArg {
    /// Year (default: the workspace's current year)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long, value_name = "YEAR")]
    pub year: Option<i32>,
}

/// How a report is rendered: with `--bom`, and in colour and to the terminal's width only when
/// it goes to the terminal (no `-o`).
pub(crate) fn render_options(
    ctx: &Ctx,
    bom: bool,
    output: Option<&std::path::Path>,
) -> RenderOptions {
    RenderOptions {
        bom,
        color: ctx.color && output.is_none(),
        width: ctx.width.filter(|_| output.is_none()),
    }
}

/// Renders the document (consumed: see `render_owned`) and writes it out.
pub(crate) fn finish(
    ctx: &Ctx,
    doc: Document,
    format: Format,
    out: &OutputArgs,
    layout: Layout,
) -> Result<Exit> {
    if format == Format::Json {
        super::emit_text_with(ctx, out.file.output.as_deref(), |w| {
            crate::report::render::write_json(&doc, w)
        })?;
        return Ok(Exit::Success);
    }
    let opts = render_options(ctx, out.file.bom, out.file.output.as_deref());
    let layout = Layout {
        date: Some(ctx.as_of.0),
        ..layout
    };
    let bytes = render_owned(doc, format, opts, layout)?;
    super::emit_to(ctx, &bytes, out.file.output.as_deref(), format.is_binary())?;
    Ok(Exit::Success)
}
