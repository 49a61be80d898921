//! The scoring engine (SPEC §6): pure functions from records to period and annual results.

use crate::check::Context;
use crate::diag::Diagnostic;
use crate::workspace::Workspace;

/// Findings about `[review]` settings and annual outcomes (weights, grades, overdue
/// rectifications), called by `check::run`.
pub fn check(_ws: &Workspace, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
