//! `dangjian report ledger`: the ledger of commitment items (承诺践诺台账).

use anyhow::Result;

use super::forms::LettersArgs;
use super::{OutputArgs, landscape, run_report};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::ItemStatus;
use crate::report::ledger::{Options, build};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub letters: LettersArgs,
    /// Show only items in this status (fulfilled, overdue, in-progress, not-started)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let early = ctx.message_locale();
    let half = args.letters.half(early)?;
    let status = args
        .status
        .as_deref()
        .map(|s| {
            ItemStatus::parse(s).ok_or_else(|| {
                anyhow::Error::from(crate::error::Error::usage(
                    crate::error::Problem::new(tf(early, "report.bad-status", &[("value", &s)]))
                        .help(tf(
                            early,
                            "report.bad-status.help",
                            &[("words", &ItemStatus::words())],
                        )),
                ))
            })
        })
        .transpose()?;
    run_report(
        ctx,
        &args.letters.org,
        &args.out,
        landscape(),
        |ws, org, locale| {
            let opts = Options {
                org,
                half,
                status,
                as_of: ctx.as_of,
            };
            build(ws, &opts, locale)
        },
    )
}
