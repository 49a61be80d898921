//! Matters (六步进度): the pipeline of matters by step (SPEC §8).

use crate::i18n::Locale;
use crate::model::Date;
use crate::report::Document;
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    pub year: i32,
    pub as_of: Date,
}

/// Builds the report (pure).
pub fn build(_ws: &Workspace, _opts: &Options, _locale: Locale) -> Document {
    Document::default()
}
