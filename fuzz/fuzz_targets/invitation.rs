#![no_main]
//! An invitation sealed under a known code, then `join`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::invitation(data));
