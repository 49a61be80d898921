//! `dangjian post claim <post> <member>` (认岗): adds a holder with `claimed`.

use anyhow::Result;

use super::edit::{self, HolderArgs, HolderStep};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::workflow::post as core;

/// The post and the member, as for `post assign`.
pub type Args = HolderArgs;

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let step = HolderStep::begin(ctx, &args)?;
    let locale = step.s.locale;
    let claim = core::claim(&step.post, &step.candidate(), step.date)
        .map_err(|r| edit::refused(&step.s, r))?;
    let written = step.save(ctx, &claim.edit, args.write.dry_run)?;
    for note in claim.notes.iter().filter(|_| !ctx.quiet) {
        eprintln!(
            "{}",
            tf(
                locale,
                "post.claim-note",
                &[("reason", &note.message(locale))]
            )
        );
    }
    Ok(step.report(ctx, &written, "post.claimed"))
}
