//! Catalog entries of the commit area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
