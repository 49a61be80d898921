//! Progress ranking (进度排名): organizations ranked by task completion at a month's end (SPEC §5, §8).

use crate::i18n::Locale;
use crate::model::Date;
use crate::report::Document;
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    /// Any day of the month; completion is taken at the month's last day.
    pub month: Date,
    pub as_of: Date,
}

/// Builds the report (pure).
pub fn build(_ws: &Workspace, _opts: &Options, _locale: Locale) -> Document {
    Document::default()
}
