//! Integration tests: one binary, a module per area (as ripgrep does). Regression tests are named after their bug.

mod util;

mod app;
mod backup;
mod cli;
mod crash;
mod documents;
mod exchange;
mod photos;
mod search;
mod share;
mod storage;
// The fuzz targets' per-input functions, shared with `fuzz/` (cargo fuzz).
mod fuzz;
#[path = "../fuzz/harness.rs"]
mod fuzz_harness;
