//! The scoring engine (SPEC §6): pure functions from records to period and annual results.
