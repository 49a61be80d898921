//! `dangjian check`: load, run every rule, apply `[check]` levels, print, exit 0/1.

use anyhow::{Result, anyhow};
use clap::ValueEnum;

use super::{Ctx, Exit};
use crate::check;
use std::path::Path;

use crate::diag::{self, Diagnostic, Severity, Summary, render};
use crate::i18n::Locale;
use crate::model::Settings;
use crate::workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exit 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    // A `dangjian.toml` that does not parse is a finding with its place, like any record.
    let root = ctx.root()?;
    if let Err(d) = settings_finding(&root, ctx.early_locale()) {
        if d.code == crate::diag::Code::Unreadable {
            return Err(anyhow!("dangjian.toml: {}", d.message));
        }
        let mut diags = vec![d];
        workspace::locate(&root, &mut diags);
        let summary = Summary::of(&diags, 1);
        super::print_with(|out| write_as(args.format, &diags, &summary, ctx, out))?;
        return Ok(Exit::Problems);
    }
    let mut loaded = ctx.load()?;
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale: loaded.locale,
    };
    let diags = loaded.diags;
    let mut diags = check::apply_levels(diags, &loaded.ws.settings.check);
    diags.extend(check::district::run(&mut loaded.ws, &cctx));
    workspace::locate(&loaded.root, &mut diags);
    diag::sort(&mut diags);
    let summary = Summary::of(&diags, loaded.ws.files);
    let ctx_in = Ctx {
        lang: Some(loaded.locale),
        ..ctx.clone()
    };
    if ctx.quiet {
        let out = quiet_output(args.format, &diags, &summary, &ctx_in, args.deny_warnings);
        super::print_out(&out)?;
    } else {
        // Written as it is made: 36,000 findings are megabytes of text.
        super::print_with(|out| write_as(args.format, &diags, &summary, &ctx_in, out))?;
    }
    let failed = diags.iter().any(|d| d.severity == Severity::Error)
        || (args.deny_warnings && diags.iter().any(|d| d.severity == Severity::Warning));
    Ok(if failed {
        Exit::Problems
    } else {
        Exit::Success
    })
}

fn write_as(
    format: CheckFormat,
    diags: &[Diagnostic],
    summary: &Summary,
    ctx: &Ctx,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        CheckFormat::Human => {
            render::write_human(diags, summary, ctx.early_locale(), ctx.color, out)
        }
        CheckFormat::Json => render::write_json(diags, summary, out),
        CheckFormat::Github => {
            out.write_all(render::github_in(diags, &repo_prefix(ctx)).as_bytes())
        }
    }
}

/// `-q`: nothing but errors. Human and GitHub output show the findings that fail the check only
/// (errors, and warnings under `--deny-warnings`; no notes, no summary); JSON, a document asked
/// for by name, is printed whole.
fn quiet_output(
    format: CheckFormat,
    diags: &[Diagnostic],
    summary: &Summary,
    ctx: &Ctx,
    deny_warnings: bool,
) -> String {
    let errors: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| {
            d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
        })
        .cloned()
        .collect();
    match format {
        CheckFormat::Human => render::human_findings(&errors, ctx.early_locale(), ctx.color),
        CheckFormat::Github => render::github_in(&errors, &repo_prefix(ctx)),
        CheckFormat::Json => render::json(diags, summary),
    }
}

/// The workspace's folder within its repository, with a trailing `/` (empty at the top): GitHub
/// names files from the repository root. The repository is `GITHUB_WORKSPACE` when set, else
/// the nearest folder holding `.git` upward from the workspace; without one (or when the
/// workspace lies outside it) paths stay relative to the workspace root.
fn repo_prefix(ctx: &Ctx) -> String {
    let Ok(root) = ctx.root().and_then(|r| Ok(r.canonicalize()?)) else {
        return String::new();
    };
    let repo = match std::env::var_os("GITHUB_WORKSPACE").filter(|v| !v.is_empty()) {
        Some(dir) => Path::new(&dir).canonicalize().ok(),
        None => root
            .ancestors()
            .find(|d| d.join(".git").exists())
            .map(Path::to_path_buf),
    };
    let Some(rel) = repo
        .as_deref()
        .and_then(|repo| root.strip_prefix(repo).ok())
    else {
        return String::new();
    };
    rel.components()
        .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
        .collect()
}

/// Reads and parses `dangjian.toml` only, returning its finding when it cannot be used.
fn settings_finding(root: &Path, locale: Locale) -> std::result::Result<(), Diagnostic> {
    let text = workspace::read_text(root, "dangjian.toml", locale)?;
    workspace::parse_record::<Settings>("dangjian.toml", &text.text, locale).map(|_| ())
}
