//! Integration tests: one binary, a module per area (as ripgrep does). Regression tests are named after their bug.

mod util;

mod app;
mod cli;
mod documents;
mod exchange;
mod photos;
mod search;
mod storage;
mod backup;
mod crash;
// The fuzz targets' per-input functions, shared with `fuzz/` (cargo fuzz).
#[path = "../fuzz/harness.rs"]
mod fuzz_harness;
mod fuzz;
