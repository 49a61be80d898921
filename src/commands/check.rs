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
        print!("{}", render_as(args.format, &diags, &summary, ctx));
        return Ok(Exit::Problems);
    }
    let loaded = ctx.load()?;
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale: loaded.locale,
    };
    let mut diags = loaded.diags;
    diags.extend(check::run(&loaded.ws, &cctx));
    let mut diags = check::apply_levels(diags, &loaded.ws.settings.check);
    workspace::locate(&loaded.root, &mut diags);
    diag::sort(&mut diags);
    let summary = Summary::of(&diags, loaded.ws.files);
    let out = render_as(
        args.format,
        &diags,
        &summary,
        &Ctx {
            lang: Some(loaded.locale),
            ..ctx.clone()
        },
    );
    if !(ctx.quiet && diags.is_empty() && args.format == CheckFormat::Human) {
        print!("{out}");
    }
    let failed = diags.iter().any(|d| d.severity == Severity::Error)
        || (args.deny_warnings && diags.iter().any(|d| d.severity == Severity::Warning));
    Ok(if failed {
        Exit::Problems
    } else {
        Exit::Success
    })
}

fn render_as(format: CheckFormat, diags: &[Diagnostic], summary: &Summary, ctx: &Ctx) -> String {
    match format {
        CheckFormat::Human => render::human(diags, summary, ctx.early_locale(), ctx.color),
        CheckFormat::Json => render::json(diags, summary),
        CheckFormat::Github => render::github(diags),
    }
}

/// Reads and parses `dangjian.toml` only, returning its finding when it cannot be used.
fn settings_finding(root: &Path, locale: Locale) -> std::result::Result<(), Diagnostic> {
    let text = workspace::read_text(root, "dangjian.toml", locale)?;
    workspace::parse_record::<Settings>("dangjian.toml", &text.text, locale).map(|_| ())
}
