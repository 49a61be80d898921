//! `dangjian report progress`: organizations ranked by task completion at a month's end
//! (进度排名).

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use super::{OrgArg, OutputArgs, finish, message_locale, prepare, resolve_org};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::Date;
use crate::report::progress::{Options, build};
use crate::report::render::Layout;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    /// Month to rank, YYYY-MM (completion is taken at its last day)
    #[arg(long, value_name = "YYYY-MM")]
    pub month: String,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The first day of a `YYYY-MM` month.
pub fn parse_month(s: &str) -> Option<Date> {
    let (y, m) = s.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1).map(Date)
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let early = message_locale(ctx);
    let month = parse_month(&args.month).ok_or_else(|| {
        anyhow!(
            "{}\n{}: {}",
            tf(early, "report.bad-month", &[("value", &args.month)]),
            t(early, "cli.help"),
            t(early, "report.bad-month.help")
        )
    })?;
    let (loaded, format) = prepare(ctx, &args.out)?;
    let locale = loaded.locale;
    let org = resolve_org(&loaded.ws, args.org.org.as_deref(), locale)?;
    let opts = Options {
        org,
        month,
        as_of: ctx.as_of,
    };
    let doc = build(&loaded.ws, &opts, super::content_locale(format, locale));
    let layout = Layout {
        locale,
        ..Layout::default()
    };
    finish(ctx, &doc, format, &args.out, layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(parse_month("2026-03"), Some(Date::ymd(2026, 3, 1)));
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("2026-3"), None);
        assert_eq!(parse_month("202603"), None);
        assert_eq!(parse_month("2026-03-01"), None);
    }
}
