#![no_main]
//! A change file arriving in the shared folder (sealed as a device on the roster would), then `sync`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::share_file(data));
