//! Catalog entries of the report area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
