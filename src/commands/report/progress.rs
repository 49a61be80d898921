//! `dangjian report progress`: organizations ranked by task completion at a month's end
//! (进度排名).

use anyhow::Result;
use chrono::NaiveDate;

use super::{OrgArg, OutputArgs, run_report};
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
    let early = ctx.message_locale();
    let month = parse_month(&args.month).ok_or_else(|| {
        anyhow::Error::from(crate::error::Error::usage(
            crate::error::Problem::new(tf(early, "report.bad-month", &[("value", &args.month)]))
                .help(t(early, "report.bad-month.help")),
        ))
    })?;
    run_report(
        ctx,
        &args.org,
        &args.out,
        Layout::default(),
        |ws, org, locale| {
            let opts = Options {
                org,
                month,
                as_of: ctx.as_of,
            };
            build(ws, &opts, locale)
        },
    )
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
