//! CLI tests of the post area.
