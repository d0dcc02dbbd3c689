#![no_main]

// The checks live in one file shared with tests/it/fuzz_regressions.rs, so that the
// inputs kept under fuzz/regressions/ are replayed by `cargo test` the same way.
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::content_yaml(data));
