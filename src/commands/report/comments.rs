//! `dangjian report comments`: the leaders' comment registers of seed 004 (点评登记表: 附件四
//! for organizations and their secretaries, 附件五 for members) from the `[[comment]]` entries
//! of the half-year's commitment letters.

use anyhow::Result;

use super::forms::{FormOutputArgs, LettersArgs, finish_forms};
use super::{prepare_any, resolve_org};
use crate::commands::{Ctx, Exit};
use crate::report::comments::{Options, entries, forms, machine};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub letters: LettersArgs,
    #[command(flatten)]
    pub out: FormOutputArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let early = ctx.message_locale();
    let half = args.letters.half(early)?;
    let (loaded, format) = prepare_any(ctx, &args.out.shared())?;
    let locale = loaded.locale;
    let ws = &loaded.ws;
    let org = resolve_org(ws, args.letters.org.org.as_deref(), locale)?;
    let opts = Options {
        org,
        half,
        committer: None,
        as_of: ctx.as_of,
    };
    let found = entries(ws, &opts);
    let printed = forms(ws, &found, &opts, locale);
    let data = machine(ws, &found, &opts);
    finish_forms(ctx, "comments", &printed, &data, format, &args.out, locale)
}
