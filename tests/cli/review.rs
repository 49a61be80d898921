//! CLI tests of the review area.
