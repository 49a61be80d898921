//! `dangjian report comments`: the leaders' comment registers of seed 004 (点评登记表: 附件四
//! for organizations and their secretaries, 附件五 for members) from the `[[comment]]` entries
//! of the half-year's commitment letters.

use anyhow::Result;

use super::forms::{FormArgs, Prepared, finish_forms};
use crate::commands::{Ctx, Exit};
use crate::report::comments::{Options, entries, forms, machine};

/// The letters covered and where the forms go, as for `report letter`.
pub type Args = FormArgs;

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let Prepared {
        loaded,
        format,
        half,
        org,
    } = args.prepare(ctx)?;
    let locale = loaded.locale;
    let ws = &loaded.ws;
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
