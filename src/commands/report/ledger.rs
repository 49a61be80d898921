//! `dangjian report ledger`: the ledger of commitment items (承诺践诺台账).

use anyhow::{Result, anyhow};

use super::{OrgArg, OutputArgs, finish, message_locale, prepare, resolve_org};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{ItemStatus, Period, PeriodPart};
use crate::report::ledger::{Options, build};
use crate::report::render::Layout;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    /// Half-year of the letters, YYYY-H1 or YYYY-H2 (default: the half containing --as-of)
    #[arg(long, value_name = "HALF")]
    pub half: Option<String>,
    /// Show only items in this status (fulfilled, overdue, in-progress, not-started)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let early = message_locale(ctx);
    let half = args
        .half
        .as_deref()
        .map(|s| match s.parse::<Period>() {
            Ok(p) if matches!(p.part, PeriodPart::H(_)) => Ok(p),
            _ => Err(anyhow!(
                "{}\n{}: {}",
                tf(early, "report.bad-half", &[("value", &s)]),
                t(early, "cli.help"),
                t(early, "report.bad-half.help")
            )),
        })
        .transpose()?;
    let status = args
        .status
        .as_deref()
        .map(|s| {
            ItemStatus::parse(s).ok_or_else(|| {
                anyhow!(
                    "{}\n{}: {}",
                    tf(early, "report.bad-status", &[("value", &s)]),
                    t(early, "cli.help"),
                    tf(
                        early,
                        "report.bad-status.help",
                        &[("words", &ItemStatus::words())]
                    )
                )
            })
        })
        .transpose()?;
    let (loaded, format) = prepare(ctx, &args.out)?;
    let locale = loaded.locale;
    let org = resolve_org(&loaded.ws, args.org.org.as_deref(), locale)?;
    let opts = Options {
        org,
        half,
        status,
        as_of: ctx.as_of,
    };
    let doc = build(&loaded.ws, &opts, super::content_locale(format, locale));
    let layout = Layout {
        landscape: true,
        locale,
        ..Layout::default()
    };
    finish(ctx, &doc, format, &args.out, layout)
}
