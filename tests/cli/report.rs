//! CLI tests of the report area.
