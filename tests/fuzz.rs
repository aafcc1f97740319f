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

#[test]
fn share_file_inputs() {
    assert!(replay("share_file", harness::share_file) > 0);
}

#[test]
fn invitation_inputs() {
    assert!(replay("invitation", harness::invitation) > 0);
}

#[test]
fn sealed_export_inputs() {
    assert!(replay("sealed_export", harness::sealed_export) > 0);
}

/// The seed corpora of the sealed formats are real files made by the code (fictional data), and each gets past
/// the cryptography into the parsers behind it: a sealed payload applies records, the invitation joins, the
/// exports import. A seed stopped by a cheap check would leave the fuzzer outside the code it is meant to reach.
/// `UPDATE_FUZZ_SEEDS=1` writes freshly made seeds into `tests/fixtures/fuzz/` (look at them before committing).
#[test]
fn sealed_seeds_are_real_files_that_reach_the_parsers() {
    let fresh = make_sealed_seeds();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        for (target, name, bytes) in &fresh {
            let dir = root.join(target).join("corpus");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let mut kept: Vec<(String, String, Vec<u8>)> = vec![];
    for target in ["share_file", "invitation", "sealed_export"] {
        for e in std::fs::read_dir(root.join(target).join("corpus")).unwrap() {
            let p = e.unwrap().path();
            kept.push((target.into(), p.file_name().unwrap().to_string_lossy().into(), std::fs::read(&p).unwrap()));
        }
    }
    for (target, name, bytes) in fresh.iter().map(|(t, n, b)| ((*t).to_owned(), (*n).to_owned(), b.clone())).chain(kept)
    {
        match target.as_str() {
            "share_file" if bytes[0] & harness::SHARE_RAW == 0 && name.starts_with("records") => {
                let r = harness::share_file_report(&bytes, true).expect("sync");
                assert!(r.applied == 1 && r.records > 0 && r.refused.is_empty(), "{name}: {r:?}");
            }
            "share_file" => {
                harness::share_file_report(&bytes, true).expect("sync");
            }
            "invitation" => harness::invitation_result(&bytes).unwrap_or_else(|e| panic!("{name}: {e}")),
            // Imported for real, the same records a second time are refused whole (another test may have run it).
            "sealed_export" if bytes[0] & harness::EXPORT_APPLY != 0 => match harness::sealed_export_report(&bytes) {
                Ok(r) => assert!(r.applied && r.records.values().sum::<usize>() > 0, "{name}"),
                Err(e) => assert_eq!(e.code(), "id_taken", "{name}: {e}"),
            },
            "sealed_export" => {
                let r = harness::sealed_export_report(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(r.records.values().sum::<usize>() > 0 && r.history > 0, "{name}");
            }
            other => unreachable!("{other}"),
        }
    }
}

/// What a device's next change file would hold (its outbox), read from its dossier file directly (the key given
/// through SQLCipher's C API, as the store does).
fn outbox_payload(db: &Path) -> Vec<u8> {
    let conn = crate::util::raw_connection(db);
    let items: Vec<String> = conn
        .prepare("SELECT item FROM share_outbox ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!items.is_empty());
    format!("{{\"items\":[{}]}}", items.join(",")).into_bytes()
}

/// Fresh seeds for the sealed formats: (target, file name, bytes).
fn make_sealed_seeds() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    use dossier::model::{Category, Contact, Detainee};
    use dossier::{share, Dossier};
    let pass = crate::util::PASS;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    let mut a = Dossier::create(&dir.path().join("a.dossier"), pass).unwrap();
    share::create(&mut a, &folder, "Office A (fictional)").unwrap();
    let (inv, code) = share::invite(&mut a, "Office B (fictional)").unwrap();
    let invitation = share::_open_invitation(&code, &inv).unwrap().to_vec();
    let b_path = dir.path().join("b.dossier");
    let (mut b, _) = share::join(&b_path, pass, &inv, &code, &folder).unwrap();
    share::sync(&mut b).unwrap();
    let with = |flags: u8, body: &[u8]| [&[flags][..], body].concat();

    let mut p = Detainee::new("Hayk Fictivyan (fictional)", Category::Civilian);
    p.notes = Some("Fictional person for the fuzz corpus.".into());
    let id = b.insert(p).unwrap().id;
    b.insert(Contact {
        detainee_id: id,
        name: "Mariam Fictivyan (fictional)".into(),
        relation: Some("sister".into()),
        phone: Some("+374 00 000 000".into()),
        email: None,
        address: None,
        languages: vec!["hy".into()],
        notes: None,
    })
    .unwrap();
    let created = outbox_payload(&b_path);
    b.edit::<Detainee>(id, &[("status".into(), "released".into())]).unwrap();
    let edited = outbox_payload(&b_path);
    share::sync(&mut b).unwrap();
    let mut q = Detainee::new("Ani Fictivyan (fictional)", Category::PrisonerOfWar);
    q.notes = Some("Created, edited and deleted in one file.".into());
    let gone = b.insert(q).unwrap().id;
    b.edit::<Detainee>(gone, &[("status".into(), "released".into())]).unwrap();
    b.delete::<Detainee>(gone).unwrap();
    let lifecycle = outbox_payload(&b_path);
    share::sync(&mut b).unwrap();
    let sealed_file = std::fs::read_dir(folder.join(share::_device_id(&b).unwrap().to_string()))
        .unwrap()
        .map(|e| e.unwrap().path())
        .max()
        .map(|p| std::fs::read(p).unwrap())
        .unwrap();

    // A small dossier exported whole (with a photo, a contact, edits and a deletion in its history).
    let mut d = Dossier::create(&dir.path().join("export.dossier"), pass).unwrap();
    let who = d.insert(Detainee::new("Narek Fictivyan (fictional)", Category::PrisonerOfWar)).unwrap().id;
    let photo = dir.path().join("p.jpg");
    std::fs::write(&photo, dossier::demo::placeholder_portrait(40, 50, [120, 140, 160])).unwrap();
    d.add_photo(who, &photo, dossier::model::Disclosure::default()).unwrap();
    d.edit::<Detainee>(who, &[("status".into(), "released".into())]).unwrap();
    let tmp = d.insert(Detainee::new("Lilit Fictivyan (fictional)", Category::Civilian)).unwrap().id;
    d.delete::<Detainee>(tmp).unwrap();
    let plain_path = dir.path().join("export.json");
    dossier::exchange::export_json(&d, &plain_path, false, dossier::exchange::Seal::Plaintext).unwrap();
    let plain = std::fs::read(&plain_path).unwrap();
    let sealed = harness::seal_export(&plain, harness::FUZZ_PASSPHRASE);

    vec![
        ("share_file", "records-created", with(harness::SHARE_OWN_CHANGES, &created)),
        ("share_file", "records-edited", with(harness::SHARE_OWN_CHANGES, &edited)),
        ("share_file", "records-created-edited-deleted", with(harness::SHARE_OWN_CHANGES, &lifecycle)),
        ("share_file", "as-sent-unknown-device.sealed", with(harness::SHARE_RAW, &sealed_file)),
        ("share_file", "empty-bundle", with(0, b"{\"items\":[]}")),
        ("invitation", "invitation.json", invitation),
        ("sealed_export", "plain-dry-run.json", with(harness::EXPORT_SEAL, &plain)),
        ("sealed_export", "plain-applied.json", with(harness::EXPORT_SEAL | harness::EXPORT_APPLY, &plain)),
        ("sealed_export", "sealed.json.age", with(0, &sealed)),
    ]
}
