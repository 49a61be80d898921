//! Fuzz target: one record file's bytes through decoding, parsing as every kind, and locating.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| dangjian::fuzzing::record(data));
