//! The post process (设岗定责): eligibility, capacity, windows and the steps of SPEC §4.

use crate::check::Context;
use crate::diag::Diagnostic;
use crate::workspace::Workspace;

/// Findings of this area's cross-record rules, called by `check::run`.
pub fn check(_ws: &Workspace, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
