//! CLI tests of the matter area.
