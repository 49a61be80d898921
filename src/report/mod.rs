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

#[cfg(test)]
mod scoring_rules_tests;
