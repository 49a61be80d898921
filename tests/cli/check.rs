//! CLI tests of the check area.
