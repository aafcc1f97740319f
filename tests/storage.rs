//! The encrypted file: nothing readable on disk, settings as promised, migrations valid, history transactional.

use dossier::model::{Category, Contact, Detainee, Stored};
use dossier::Dossier;

use crate::util::*;

const CANARY: &str = "QX7-CANARY-Vardanush-Zzyzx";

#[test]
fn canary_appears_in_no_file_on_disk_while_open_and_after_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("canary.dossier");
    let mut d = Dossier::create(&path, PASS).unwrap();
    let mut p = Detainee::new(format!("{CANARY} Person"), Category::Civilian);
    p.bio_fr = Some(CANARY.repeat(20));
    let p = d.insert(p).unwrap();
    d.insert(Contact {
        detainee_id: p.id,
        name: format!("{CANARY} Mother"),
        relation: None,
        phone: Some("+374 99 123 456".into()),
        email: None,
        address: None,
        languages: vec![],
        notes: None,
    })
    .unwrap();
    // While open, the WAL and shared-memory files exist: they must be encrypted (or hold no content) too.
    let files = files_in(dir.path());
    assert!(files.iter().any(|(p, _)| p.to_string_lossy().ends_with("-wal")), "WAL mode is on");
    for needle in [CANARY.as_bytes(), b"+374 99 123 456", b"SQLite format 3"] {
        for (file, bytes) in &files {
            assert!(
                !contains(bytes, needle),
                "{} holds {:?} in clear",
                file.display(),
                String::from_utf8_lossy(needle)
            );
        }
    }
    drop(d);
    for (file, bytes) in files_in(dir.path()) {
        assert!(!contains(&bytes, CANARY.as_bytes()), "{} holds the canary after close", file.display());
    }
    if have("sqlite3") {
        let out =
            std::process::Command::new("sqlite3").arg(&path).arg("SELECT * FROM sqlite_master;").output().unwrap();
        assert!(!out.status.success(), "plain sqlite3 must not read the dossier");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a database"));
    } else {
        eprintln!("sqlite3 not installed: plain-SQLite check skipped");
    }
    // And the right passphrase reads it back.
    let d = Dossier::open(&path, PASS).unwrap();
    assert_eq!(d.search("qx7", 10).unwrap().len(), 1);
}

#[test]
fn pragmas_are_as_promised() {
    let dir = tempfile::tempdir().unwrap();
    let d = Dossier::create(&dir.path().join("p.dossier"), PASS).unwrap();
    let (journal, sync, fk, secure) = d.pragmas().unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(sync, 2, "synchronous = FULL");
    assert_eq!(fk, 1, "foreign keys on");
    assert_eq!(secure, 1, "secure_delete on");
}

#[cfg(unix)]
#[test]
fn dossier_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.dossier");
    let mut d = Dossier::create(&path, PASS).unwrap();
    d.insert(Detainee::new("Mode Test", Category::Civilian)).unwrap();
    for (file, _) in files_in(dir.path()) {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} must not be readable by other users", file.display());
    }
}

#[test]
fn migrations_validate() {
    dossier::store::migrations().validate().expect("append-only migrations apply to an empty database");
}

#[test]
fn names_are_stored_nfc_without_invisible_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("n.dossier"), PASS).unwrap();
    let p =
        d.insert(Detainee::new("  Se\u{301}bastien \u{202E}Ter\u{200B}-Grantsyan  ", Category::PrisonerOfWar)).unwrap();
    let back: Stored<Detainee> = d.get(p.id).unwrap();
    assert_eq!(back.name, "Sébastien Ter-Grantsyan");
    assert!(back.name.chars().all(|c| c != '\u{301}'), "NFC composes the accent");
}

#[test]
fn long_strings_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("l.dossier"), PASS).unwrap();
    let mut p = Detainee::new("Long Bio", Category::Civilian);
    p.bio_en = Some("x".repeat(10_000));
    let p = d.insert(p).unwrap();
    assert_eq!(d.get::<Detainee>(p.id).unwrap().bio_en.as_deref().map(str::len), Some(10_000));
    let err = d.insert(Detainee::new("n".repeat(10_000), Category::Civilian)).unwrap_err();
    assert_eq!(err.code(), "invalid", "a 10,000-character name is refused, not stored");
}

#[test]
fn history_is_written_with_the_change_and_rolled_back_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("h.dossier"), PASS).unwrap();
    d.set_actor("Anna (coordinatrice)");
    let p = d.insert(Detainee::new("Mher Jnjumyan", Category::Civilian)).unwrap();
    let mut changed = p.data.clone();
    changed.birth_place = Some("Goris".into());
    d.update(p.id, changed).unwrap();
    let h = d.history(p.id).unwrap();
    let bp = h.iter().find(|c| c.field == "birth_place").unwrap();
    assert_eq!((bp.action.as_str(), bp.old_value.as_deref(), bp.new_value.as_deref()), ("update", None, Some("Goris")));
    assert_eq!(bp.actor, "Anna (coordinatrice)");
    let n = h.len();
    // A transaction that fails part-way leaves neither records nor history.
    let r: dossier::Result<()> = d.transaction(|tx| {
        tx.insert(Detainee::new("Will Vanish", Category::Civilian))?;
        tx.insert(Detainee::new("", Category::Civilian))?;
        Ok(())
    });
    assert!(r.is_err());
    assert!(d.search("vanish", 10).unwrap().is_empty(), "the first insert was rolled back");
    assert_eq!(d.history(p.id).unwrap().len(), n);
    // Deleting keeps the history of what was deleted.
    d.delete::<Detainee>(p.id).unwrap();
    let h = d.history(p.id).unwrap();
    assert!(h
        .iter()
        .any(|c| c.action == "delete" && c.field == "name" && c.old_value.as_deref() == Some("Mher Jnjumyan")));
}

#[test]
fn deleting_a_detainee_takes_contacts_and_photos_along() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Samvel Kapakyan", "--category", "pow"]);
    env.id(&["contact", "add", "--detainee", &id, "--name", "Gayane Kapakyan"]);
    let f = env.path("p.jpg");
    write(&f, &jpeg_with_exif(64, 64, "x"));
    env.id(&["photo", "add", "--detainee", &id, f.to_str().unwrap()]);
    env.ok(&["detainee", "delete", &id]);
    env.fails(&["detainee", "show", &id], 1);
    let d = Dossier::open(&env.db, PASS).unwrap();
    let uid = id.parse().unwrap();
    assert!(d.contacts_of(uid).unwrap().is_empty());
    assert!(d.photos_of(uid).unwrap().is_empty());
}

/// Nothing is sent over the network: no HTTP or socket client library is even compiled in, for any desktop system
/// the app ships on. (Cargo.lock does list `reqwest`: Tauri uses it on Android and iOS only, which we do not build.)
#[test]
fn no_http_client_in_the_dependency_tree() {
    for target in ["x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc", "aarch64-apple-darwin", "x86_64-apple-darwin"]
    {
        let out = std::process::Command::new(env!("CARGO"))
            .args([
                "tree",
                "--workspace",
                "--locked",
                "-e",
                "normal",
                "--prefix",
                "none",
                "--format",
                "{p}",
                "--target",
                target,
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo tree runs");
        assert!(out.status.success(), "cargo tree for {target}: {}", String::from_utf8_lossy(&out.stderr));
        let tree = String::from_utf8(out.stdout).unwrap();
        let packages: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
        assert!(packages.contains(&"rusqlite") && packages.contains(&"tauri"), "the tree for {target} was read");
        for client in
            ["reqwest", "hyper", "ureq", "isahc", "curl", "surf", "attohttpc", "minreq", "tungstenite", "h2", "quinn"]
        {
            assert!(!packages.contains(&client), "{client} would let the app talk to the network on {target}");
        }
    }
}

/// A dossier (or a backup, or a copy from another office) may be someone else's file: its schema runs with this
/// connection's key and attached files. A trigger or a view calling a function not marked innocuous
/// (`sqlcipher_export` here) is refused when it is used instead of running; the file still opens, and what does
/// not touch the planted parts works.
#[test]
fn a_dossier_whose_schema_calls_an_unsafe_function_is_inert() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("foreign.dossier");
    let id = {
        let mut d = Dossier::create(&path, PASS).unwrap();
        d.insert(Detainee::new("Armen Fictivyan", Category::Civilian)).unwrap().id
    };
    let raw = raw_connection(&path);
    raw.execute_batch(
        "CREATE TABLE planted (x);
         CREATE TRIGGER planted_trigger AFTER UPDATE ON detainee BEGIN
             INSERT INTO planted SELECT sqlcipher_export('main');
         END;
         CREATE VIEW planted_view AS SELECT sqlcipher_export('main') AS x;",
    )
    .unwrap();
    drop(raw);

    let mut d = Dossier::open(&path, PASS).unwrap();
    let before = d.get::<Detainee>(id).unwrap();
    assert_eq!(before.data.name, "Armen Fictivyan", "reads work");
    let e = d.edit::<Detainee>(id, &[("notes".into(), "edited".into())]).unwrap_err();
    assert!(e.to_string().contains("unsafe use of sqlcipher_export()"), "{e}");
    assert_eq!(d.get::<Detainee>(id).unwrap(), before, "the write was rolled back whole");
    let e = d.search("Armen", 5).map(drop);
    assert!(e.is_ok(), "search is untouched: {e:?}");
    drop(d);
    let raw = raw_connection(&path);
    let n: i64 = raw.query_row("SELECT count(*) FROM planted", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "the trigger never ran");
}
