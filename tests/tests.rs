//! Integration tests: one binary, a module per area (as ripgrep does).
//!
//! Where a new test goes: in the module of the area it checks (`photos` for image import, `exchange` for
//! spreadsheets and exports, `cli` for command-line contracts…); a new area gets a new `mod` line below and a file
//! `tests/<area>.rs`. Helpers shared by several modules live in `tests/util/`, fixtures in `tests/fixtures/`
//! (fictional, and saying so). Unit tests of one module's internals stay next to the code (`#[cfg(test)]`).
//!
//! A regression test is named `regression_<what went wrong>` (e.g.
//! `regression_hidden_jpeg_metadata_between_scans_or_after_the_end_never_reaches_a_banner`), says in its doc
//! comment what the bug was and how it was found, and is shown to fail without the fix before it is committed.

mod util;

mod app;
mod backup;
mod bin;
mod cli;
mod crash;
mod documents;
mod exchange;
mod messages;
mod photos;
mod recovery;
mod search;
mod share;
// Through real Syncthing processes (the Debian package `./x` installs).
mod share_syncthing;
mod storage;
mod typography;
// The fuzz targets' per-input functions, shared with `fuzz/` (cargo fuzz).
mod fuzz;
#[path = "../fuzz/harness.rs"]
mod fuzz_harness;
