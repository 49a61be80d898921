//! Board (公开栏·六公开): per published post holder, the six things made public (SPEC §8).

use crate::i18n::Locale;
use crate::model::Date;
use crate::report::Document;
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    /// Subtree to show (default: the workspace root).
    pub org: Option<String>,
    pub as_of: Date,
}

/// Builds the report (pure).
pub fn build(_ws: &Workspace, _opts: &Options, _locale: Locale) -> Document {
    Document::default()
}
