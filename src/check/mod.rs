//! `dangjian check` (SPEC §3): pure functions from a loaded workspace to findings. One file per
//! rule family; `run` calls them all. Levels from `[check]` (allow/deny) are applied last.

mod ids;
mod privacy;
pub mod single;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Locale;
use crate::model::{CheckSettings, Date};
use crate::workspace::Workspace;

/// What the rules need besides the records.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// "Today" for overdue and missing-letter rules.
    pub as_of: Date,
    pub locale: Locale,
}

/// Every finding of every rule over the workspace, before `[check]` levels.
pub fn run(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    ids::check(ws, ctx, &mut out);
    privacy::check(ws, ctx, &mut out);
    out.extend(crate::workflow::post::check(ws, ctx));
    out.extend(crate::workflow::sixstep::check(ws, ctx));
    out.extend(crate::workflow::commitment::check(ws, ctx));
    out.extend(crate::review::check(ws, ctx));
    out
}

/// Applies `[check]`: `allow` drops a code's findings (errors stay), `deny` turns them into
/// errors.
pub fn apply_levels(diags: Vec<Diagnostic>, levels: &CheckSettings) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error || !levels.allow.iter().any(|c| c == d.code))
        .map(|mut d| {
            if levels.deny.iter().any(|c| c == d.code) {
                d.severity = Severity::Error;
            }
            d
        })
        .collect()
}
