//! Rules that need only one record (and the settings): used by `check` over the whole
//! workspace, and by the write path to refuse writing a record that would fail `check`.
//! Cross-record rules (references, capacity against members, quotas …) live in the other files.

use super::Context;
use crate::diag::Diagnostic;
use crate::model::{Commitment, Evaluation, Matter, Member, Org, Post, Settings};

pub fn settings(_path: &str, _s: &Settings, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
pub fn org(_path: &str, _o: &Org, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
pub fn member(_path: &str, _m: &Member, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
pub fn post(_path: &str, _p: &Post, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
pub fn matter(_path: &str, _m: &Matter, _settings: &Settings, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
pub fn commitment(_path: &str, _c: &Commitment, _ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
pub fn evaluation(
    _path: &str,
    _e: &Evaluation,
    _settings: &Settings,
    _ctx: &Context,
) -> Vec<Diagnostic> {
    Vec::new()
}
