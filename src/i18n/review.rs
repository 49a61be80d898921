//! Catalog entries of the review area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
