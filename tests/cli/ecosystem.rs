//! CLI tests of the ecosystem area.
