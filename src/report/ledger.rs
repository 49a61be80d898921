//! Ledger (承诺践诺台账): a row per commitment item (SPEC §8).

use crate::i18n::Locale;
use crate::model::{Date, ItemStatus, Period};
use crate::report::Document;
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    /// Half-year of the letters (default: the half containing as_of).
    pub half: Option<Period>,
    pub status: Option<ItemStatus>,
    pub as_of: Date,
}

/// Builds the report (pure).
pub fn build(_ws: &Workspace, _opts: &Options, _locale: Locale) -> Document {
    Document::default()
}
