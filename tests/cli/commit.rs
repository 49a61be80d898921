//! CLI tests of the commit area.
