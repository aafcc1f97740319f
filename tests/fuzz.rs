//! Fuzzing regressions. Every input kept under `tests/fixtures/fuzz/<target>/` — a small seed corpus in `corpus/`
//! (real files: photos, spreadsheets, the default templates, Markdown) and each input a fuzzer found crashing in
//! `crashes/` — goes through the same function as the fuzz target (`fuzz/harness.rs`) and must return without
//! panicking. `scripts/fuzz` runs the targets themselves (cargo fuzz, nightly).

use std::path::Path;

use crate::fuzz_harness as harness;

/// Runs every kept input of `target` through `f`; returns how many there were.
fn replay(target: &str, f: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target);
    let mut n = 0;
    for sub in ["corpus", "crashes"] {
        let Ok(entries) = std::fs::read_dir(root.join(sub)) else { continue };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            if std::panic::catch_unwind(|| f(&data)).is_err() {
                panic!("{target}: {} panicked", file.display());
            }
            n += 1;
        }
    }
    n
}

#[test]
fn every_target_has_its_inputs() {
    for (target, _) in harness::TARGETS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target).join("corpus");
        assert!(dir.is_dir(), "no seed corpus for {target}");
    }
}

#[test]
fn photo_import_inputs() {
    assert!(replay("photo_import", harness::photo_import) > 0);
}

#[test]
fn spreadsheet_import_inputs() {
    assert!(replay("spreadsheet_import", harness::spreadsheet_import) > 0);
}

#[test]
fn template_render_inputs() {
    assert!(replay("template_render", harness::template_render) > 0);
}

#[test]
fn markdown_inputs() {
    assert!(replay("markdown", harness::markdown) > 0);
}

#[test]
fn recovery_share_inputs() {
    assert!(replay("recovery_share", harness::recovery_share) > 0);
}
