//! The six-step method (六步工作法): conditions of each step, sector defaults (SPEC §5).

use crate::check::Context;
use crate::diag::Diagnostic;
use crate::workspace::Workspace;

/// Findings of this area's cross-record rules, called by `check::run`.
pub fn check(_ws: &Workspace, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
