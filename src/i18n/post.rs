//! Catalog entries of the post area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
