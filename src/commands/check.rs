//! `dangjian check`: load, run every rule, apply `[check]` levels, print, exit 0/1.

use anyhow::{Result, anyhow};
use clap::ValueEnum;

use super::{Ctx, Exit};
use crate::check;
use crate::diag::{self, Severity, Summary, render};
use crate::i18n::tf;
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
    let out = match args.format {
        CheckFormat::Human => render::human(&diags, &summary, loaded.locale, ctx.color),
        CheckFormat::Json => render::json(&diags, &summary),
        CheckFormat::Github => render::github(&diags),
    };
    if !(ctx.quiet && diags.is_empty() && args.format == CheckFormat::Human) {
        print!("{out}");
    }
    // A file that cannot be read is an environment problem (SPEC §7: exit 2), reported after
    // every finding was printed.
    let unreadable = diags.iter().filter(|d| d.code == "unreadable").count();
    if unreadable > 0 {
        return Err(anyhow!(tf(
            loaded.locale,
            "check.unreadable-files",
            &[("count", &unreadable)]
        )));
    }
    let failed = diags.iter().any(|d| d.severity == Severity::Error)
        || (args.deny_warnings && diags.iter().any(|d| d.severity == Severity::Warning));
    Ok(if failed {
        Exit::Problems
    } else {
        Exit::Success
    })
}
