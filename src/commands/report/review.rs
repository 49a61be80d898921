//! `dangjian report review`: a period's review results (考评表).

use anyhow::Result;

use super::{OrgArg, OutputArgs, landscape, run_report};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::Period;
use crate::report::board::latest_quarter;
use crate::report::review::{Options, build};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub org: OrgArg,
    /// Period, YYYY-Qn, YYYY-Hn or YYYY-Y (default: the latest quarter ended on or before --as-of)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let early = ctx.message_locale();
    let period = match args.period.as_deref() {
        None => latest_quarter(ctx.as_of),
        Some(s) => s.parse::<Period>().map_err(|_| {
            anyhow::Error::from(crate::error::Error::usage(
                crate::error::Problem::new(tf(early, "report.bad-period", &[("value", &s)]))
                    .help(t(early, "report.bad-period.help")),
            ))
        })?,
    };
    run_report(ctx, &args.org, &args.out, landscape(), |ws, org, locale| {
        let opts = Options {
            org,
            period,
            as_of: ctx.as_of,
        };
        build(ws, &opts, locale)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn latest_quarter_ended_on_or_before() {
        assert_eq!(
            latest_quarter(Date::ymd(2026, 11, 20)),
            Period::quarter(2026, 3)
        );
        assert_eq!(
            latest_quarter(Date::ymd(2026, 9, 30)),
            Period::quarter(2026, 3)
        );
        assert_eq!(
            latest_quarter(Date::ymd(2026, 1, 5)),
            Period::quarter(2025, 4)
        );
    }
}
