//! Command-line types (clap derive) only: the doc comments are the help text. Each leaf
//! command's arguments live beside its `run` in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;

/// Records, workflows, scoring and reports for grassroots Party-building (党建 "168" model)
#[derive(Debug, Parser)]
#[command(
    name = "dangjian",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Workspace folder (default: search upward for dangjian.toml)
    #[arg(
        short = 'C',
        long = "workspace",
        global = true,
        env = "DANGJIAN_WORKSPACE",
        value_name = "DIR"
    )]
    pub workspace: Option<PathBuf>,
    /// Date to act as of, YYYY-MM-DD (default: today)
    #[arg(long, global = true, env = "DANGJIAN_AS_OF", value_name = "DATE")]
    pub as_of: Option<String>,
    /// Language of messages and reports (default: the workspace locale)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh-CN", "en"])]
    pub lang: Option<String>,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only errors and requested output
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Fit tables into N columns (default: the terminal's width, else $COLUMNS, else no limit)
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new workspace for a sector
    Init(commands::init::Args),
    /// Check every record and report what is wrong, where, and what to do
    Check(commands::check::Args),
    /// Format record files canonically, keeping comments
    Fmt(commands::fmt::Args),
    /// Browse organizations
    #[command(subcommand)]
    Org(commands::org::OrgCommand),
    /// Browse and import members
    #[command(subcommand)]
    Member(commands::member::MemberCommand),
    /// Run the post process (设岗定责)
    #[command(subcommand)]
    Post(commands::post::PostCommand),
    /// Carry matters through the six steps (六步工作法)
    #[command(subcommand)]
    Matter(commands::matter::MatterCommand),
    /// Keep commitment letters and their fulfilment (承诺践诺)
    #[command(subcommand)]
    Commit(commands::commit::CommitCommand),
    /// Compute quarterly, half-year and annual scores (考评)
    #[command(subcommand)]
    Review(commands::review::ReviewCommand),
    /// Render reports (公开栏, 台账, 考评表 …)
    #[command(subcommand)]
    Report(commands::report::ReportCommand),
    /// Write the workspace as flat tables for an analytics engine (NDJSON or CSV)
    Export(commands::export::Args),
    /// Print the JSON Schema of a record kind
    Schema(commands::schema::Args),
    /// Print shell completions
    Completions(commands::completions::Args),
}
