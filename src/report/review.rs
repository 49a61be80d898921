//! Review sheet (考评表): a period's results with change against the previous period (SPEC §8).

use crate::i18n::Locale;
use crate::model::{Date, Period};
use crate::report::Document;
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    pub period: Period,
    pub as_of: Date,
}

/// Builds the report (pure).
pub fn build(_ws: &Workspace, _opts: &Options, _locale: Locale) -> Document {
    Document::default()
}
