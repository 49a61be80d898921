//! Fuzz target: several files (split at 0xFF) parsed into a workspace and checked.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| dangjian::fuzzing::workspace(data));
