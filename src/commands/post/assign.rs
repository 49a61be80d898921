//! `dangjian post assign <post> <member>` (定岗): sets `confirmed` (and `claimed` if absent)
//! after the eligibility, capacity, window and member-left checks.

use anyhow::Result;

use super::edit::{self, HolderArgs, HolderStep};
use crate::commands::{Ctx, Exit};
use crate::workflow::post as core;

/// The post and the member, as for `post claim`.
pub type Args = HolderArgs;

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let step = HolderStep::begin(ctx, &args)?;
    let change = core::assign(&step.post, &step.candidate(), step.date)
        .map_err(|r| edit::refused(&step.s, r))?;
    let written = step.save(ctx, &change, args.write.dry_run)?;
    Ok(step.report(ctx, &written, "post.assigned"))
}
