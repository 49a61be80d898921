//! Commitment letters (承诺践诺): items, fulfilment, and their warnings (SPEC §2.6).

use crate::check::Context;
use crate::diag::Diagnostic;
use crate::workspace::Workspace;

/// Findings of this area's cross-record rules, called by `check::run`.
pub fn check(_ws: &Workspace, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
