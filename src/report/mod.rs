//! Reports and listings as data: every report and every `list`/`show` builds a `Document` of
//! tables (pure), and one renderer per format turns it into bytes. No report knows its format.

pub mod annual;
pub mod board;
pub mod comments;
pub mod district;
pub mod export;
pub mod form;
pub mod ledger;
pub mod letter;
pub mod matters;
pub mod names;
pub mod output_schema;
pub mod progress;
pub mod render;
pub mod review;
pub mod roles;
mod table;

pub use render::{Format, render};
pub use table::{Cell, Chart, Column, Document, Show, Table};

/// The options of the yearly reports (`annual`, `matters`, `roles`): an organization's subtree
/// (default: the workspace root), the year, and the day the report is taken on.
#[derive(Clone, Debug)]
pub struct YearOptions {
    pub org: Option<String>,
    pub year: i32,
    pub as_of: crate::model::Date,
}

/// The matters of a year, in the order they were loaded.
fn matters_of(ws: &crate::workspace::Workspace, year: i32) -> Vec<&crate::model::Matter> {
    ws.matters
        .iter()
        .map(|r| &r.value)
        .filter(|m| m.year == year)
        .collect()
}

#[cfg(test)]
mod scoring_rules_tests;
