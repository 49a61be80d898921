//! Reports and listings as data: every report and every `list`/`show` builds a `Document` of
//! tables (pure), and one renderer per format turns it into bytes. No report knows its format.

pub mod render;
mod table;

pub use render::{Format, render};
pub use table::{Cell, Column, Document, Table};
