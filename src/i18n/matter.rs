//! Catalog entries of the matter area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
