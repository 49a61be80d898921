//! The documents of the listing and `show` commands (`org list|show|tree`, `member list|show`,
//! `post list|show`, `matter list|show`), pure: records in, a `report::Document` out. The
//! commands resolve the names on the command line, read the records and print (cargo's
//! commands → ops split).

pub mod matter;
pub mod member;
pub mod org;
pub mod post;

use crate::i18n::{Locale, t};
use crate::report::{Cell, Column, Table};

/// A table whose title and column labels are catalog keys.
pub fn table(
    id: &str,
    title_key: &'static str,
    cols: &[(&str, &'static str)],
    locale: Locale,
) -> Table {
    Table::new(
        id,
        t(locale, title_key),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    )
}

/// The number of entry `i` as `--amend N` and `--remove N` take it (from 1).
pub fn entry_no(i: usize) -> Cell {
    Cell::Int(i64::try_from(i + 1).unwrap_or(i64::MAX))
}
