//! CLI tests of the hardening area.
