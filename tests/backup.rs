//! Backups, restore, integrity checks, passphrase change, restoring an old value, write failures (disk full,
//! I/O error) injected with an LD_PRELOAD shim, and no plaintext in any file the app writes.

use std::path::{Path, PathBuf};
use std::process::Output;

use dossier::model::{Category, Detainee};
use dossier::Dossier;

use crate::util::*;

fn run_with(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = env.cmd(args);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().expect("run dossier")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn names(env: &Env) -> Vec<String> {
    env.json(&["detainee", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file under `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn backup_is_verified_and_restore_keeps_the_existing_dossier_aside() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Aram Orinakyan", "--category", "pow"]);
    let f = env.path("p.jpg");
    write(&f, &jpeg_with_exif(64, 48, "x"));
    env.id(&["photo", "add", "--detainee", &id, f.to_str().unwrap()]);
    let b = env.path("copy.dossier");
    let out = env.ok(&["backup", "-o", b.to_str().unwrap()]);
    assert!(out.contains("verified"), "{out}");
    let digest = env.json(&["check", "--json"])["digest"].as_str().unwrap().to_owned();
    assert!(out.contains(&digest), "the backup's digest is the dossier's: {out}");
    // The backup is a dossier of its own, with the same passphrase.
    let copy = Dossier::open(&b, PASS).unwrap();
    assert_eq!(copy.digest().unwrap(), digest);
    assert!(copy.check().unwrap().is_ok());
    drop(copy);
    assert!(env.ok(&["verify", b.to_str().unwrap()]).contains("Backup OK"));
    // Never overwrites an existing file.
    assert!(env.fails(&["backup", "-o", b.to_str().unwrap()], 1).contains("not overwritten"));

    env.ok(&["detainee", "add", "--name", "Later Addition", "--category", "civilian"]);
    let out = env.ok(&["restore", b.to_str().unwrap()]);
    assert!(out.contains("restored"), "{out}");
    assert_eq!(names(&env), ["Aram Orinakyan"]);
    assert!(env.ok(&["check"]).contains("Integrity: OK"));
    // The replaced dossier was kept, whole, beside it.
    let aside: Vec<PathBuf> = all_files(env.dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".before-restore-") && !p.to_string_lossy().ends_with("-shm"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(out.contains(&aside[0].display().to_string()), "{out}");
    let old = Dossier::open(&aside[0], PASS).unwrap();
    assert!(!old.search("later", 5).unwrap().is_empty(), "the set-aside dossier still has the later record");
    // No temporary file was left behind.
    assert!(all_files(env.dir.path()).iter().all(|p| !p.to_string_lossy().ends_with(".partial")));
}

#[test]
fn restore_into_a_new_path_and_refusals() {
    let env = Env::init();
    env.ok(&["detainee", "add", "--name", "Narek Pahestyan", "--category", "civilian"]);
    let b = env.path("b.dossier");
    env.ok(&["backup", "-o", b.to_str().unwrap()]);
    let fresh = Env::new();
    fresh.ok(&["restore", b.to_str().unwrap()]);
    assert_eq!(names(&fresh), ["Narek Pahestyan"]);

    // Wrong passphrase for the backup: refused, nothing written.
    let other = Env::new();
    let o = run_with(&other, &["restore", b.to_str().unwrap()], &[("DOSSIER_PASSPHRASE", "not the passphrase")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Wrong passphrase"), "{}", stderr(&o));
    assert!(!other.db.exists());
    let o = run_with(
        &other,
        &["--ui-lang", "fr", "verify", b.to_str().unwrap()],
        &[("DOSSIER_PASSPHRASE", "pas la bonne")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Phrase secrète incorrecte") || stderr(&o).to_lowercase().contains("phrase secrète"),
        "{}",
        stderr(&o)
    );

    // A missing backup, a folder that cannot be written.
    assert!(other.fails(&["restore", other.path("nope.dossier").to_str().unwrap()], 1).contains("nope.dossier"));
    let blocker = env.path("a-file");
    write(&blocker, b"not a folder");
    let e = env.fails(&["backup", "-o", blocker.join("x.dossier").to_str().unwrap()], 1);
    assert!(e.contains("Cannot write"), "{e}");
    // Usage errors exit 2.
    env.fails(&["backup"], 2);
    env.fails(&["history"], 2);
}

#[test]
fn damaged_or_truncated_backups_are_refused_before_anything_is_written() {
    let env = Env::init();
    for i in 0..30 {
        env.ok(&["detainee", "add", "--name", &format!("Person {i}"), "--category", "pow"]);
    }
    let b = env.path("b.dossier");
    env.ok(&["backup", "-o", b.to_str().unwrap()]);
    let good = std::fs::read(&b).unwrap();
    assert!(good.len() > 8192);
    let target = Env::init();
    target.ok(&["detainee", "add", "--name", "Must Survive", "--category", "civilian"]);
    let before = std::fs::read(&target.db).unwrap();
    let bad = env.path("bad.dossier");
    // A flipped byte in a page after the first (the first page carries the salt: it reads as a wrong passphrase).
    let mut flipped = good.clone();
    flipped[4096 + 100] ^= 0x5a;
    // A backup cut short.
    let truncated = good[..good.len() - 4096].to_vec();
    for (what, bytes) in [("flipped", flipped), ("truncated", truncated)] {
        write(&bad, &bytes);
        let e = target.fails(&["restore", bad.to_str().unwrap()], 1);
        assert!(e.contains("damaged") || e.contains("Wrong passphrase"), "{what}: {e}");
        assert_eq!(std::fs::read(&target.db).unwrap(), before, "{what}: the dossier was not touched");
        assert_eq!(names(&target), ["Must Survive"]);
        let e = target.fails(&["verify", bad.to_str().unwrap()], 1);
        assert!(e.contains("damaged") || e.contains("Wrong passphrase"), "{what}: {e}");
        assert!(all_files(target.dir.path()).iter().all(|p| !p.to_string_lossy().contains("before-restore")));
    }
    // `check` on a damaged dossier says so and exits 1.
    let mut flipped = good.clone();
    flipped[3 * 4096 + 7] ^= 1;
    let broken = Env::new();
    write(&broken.db, &flipped);
    let o = broken.run(&["check"]);
    assert_eq!(o.status.code(), Some(1), "stdout: {}", String::from_utf8_lossy(&o.stdout));
    let e = stderr(&o);
    assert!(e.contains("DAMAGED") || e.contains("damaged"), "{e}");
}

#[test]
fn automatic_backups_rotate_and_touch_nothing_else() {
    let env = Env::init();
    env.ok(&["detainee", "add", "--name", "Rotated Person", "--category", "pow"]);
    let dir = PathBuf::from(format!("{}.backups", env.db.display()));
    std::fs::create_dir_all(&dir).unwrap();
    write(&dir.join("notes.txt"), b"mine");
    write(&dir.join("backup-old.dossier"), b"not an automatic name");
    env.ok(&["backup", "--auto", "--keep", "3"]);
    for _ in 0..4 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        env.ok(&["backup", "--auto"]);
    }
    let mut autos: Vec<String> =
        std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    autos.sort();
    assert_eq!(autos.len(), 5, "3 automatic backups + 2 other files: {autos:?}");
    assert!(autos.contains(&"notes.txt".to_owned()) && autos.contains(&"backup-old.dossier".to_owned()));
    let d = Dossier::open(&env.db, PASS).unwrap();
    assert_eq!(d.backup_keep().unwrap(), 3);
    let newest = dir.join(autos.iter().filter(|n| n.starts_with("backup-2")).max().unwrap());
    assert_eq!(Dossier::open(&newest, PASS).unwrap().digest().unwrap(), d.digest().unwrap());
    // The library call the desktop app makes on close.
    let (info, removed) = d.backup_auto().unwrap();
    assert!(info.path.exists());
    assert_eq!(removed.len(), 1);
    assert_eq!(Dossier::rotate_backups(&dir, 1).unwrap().len(), 2);
}

#[test]
fn passphrase_change_rekeys_the_dossier() {
    let env = Env::init();
    env.ok(&["detainee", "add", "--name", "Rekeyed Person", "--category", "pow"]);
    let new = "a completely new passphrase";
    let o = run_with(&env, &["passphrase", "change"], &[("DOSSIER_NEW_PASSPHRASE", new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(env.fails(&["detainee", "list"], 1).contains("Wrong passphrase"));
    let o = run_with(&env, &["detainee", "list"], &[("DOSSIER_PASSPHRASE", new)]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Rekeyed Person"));
    let o = run_with(&env, &["check"], &[("DOSSIER_PASSPHRASE", new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o =
        run_with(&env, &["passphrase", "change"], &[("DOSSIER_PASSPHRASE", new), ("DOSSIER_NEW_PASSPHRASE", "short")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("at least 8"));
}

#[test]
fn history_restore_writes_the_old_value_back_and_records_it() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Vahe Krknakyan", "--category", "pow", "--born", "1990-04-02"]);
    env.ok(&["detainee", "edit", &id, "--set", "name=Vahe Krknakian", "--set", "born=1991"]);
    let h = env.json(&["history", &id, "--json"]);
    let seq_of = |field: &str| {
        h.as_array().unwrap().iter().find(|r| r["action"] == "update" && r["field"] == field).unwrap()["seq"]
            .as_i64()
            .unwrap()
    };
    let name_seq = seq_of("name");
    assert!(env.ok(&["history", &id]).contains(&format!("#{name_seq}")));
    assert!(env.ok(&["history", "restore", &name_seq.to_string()]).contains("Restored"));
    assert_eq!(names(&env), ["Vahe Krknakyan"]);
    // A non-text value (a partial date) goes back too.
    env.ok(&["history", "restore", &seq_of("born").to_string()]);
    let p = env.json(&["detainee", "show", &id, "--json"]);
    assert_eq!(p["born"], "1990-04-02");
    // The restoration is itself in the history, by the same write path.
    let h2 = env.json(&["history", &id, "--json"]);
    let last = h2.as_array().unwrap().iter().rfind(|r| r["field"] == "name").unwrap();
    assert_eq!(
        (last["old_value"].as_str(), last["new_value"].as_str()),
        (Some("Vahe Krknakian"), Some("Vahe Krknakyan"))
    );
    assert!(env.ok(&["history", "restore", &name_seq.to_string()]).contains("Nothing to do"));
    let create_seq = h.as_array().unwrap().iter().find(|r| r["action"] == "create").unwrap()["seq"].as_i64().unwrap();
    assert!(env.fails(&["history", "restore", &create_seq.to_string()], 1).contains("no earlier value"));
    assert!(env.fails(&["history", "restore", "999999"], 1).contains("#999999"));
    env.fails(&["history", "restore", "abc"], 2);
}

#[test]
fn library_restore_value_clears_a_field_that_was_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("r.dossier"), PASS).unwrap();
    let p = d.insert(Detainee::new("Levon Veradardzyan", Category::Civilian)).unwrap();
    let mut changed = p.data.clone();
    changed.birth_place = Some("Stepanakert".into());
    changed.other_names = vec!["Levon Sarkisian".into()];
    d.update(p.id, changed).unwrap();
    for c in d.history(p.id).unwrap().into_iter().filter(|c| c.action == "update") {
        let r = d.restore_value(c.seq).unwrap();
        assert!(r.changed);
    }
    let back = d.get::<Detainee>(p.id).unwrap();
    assert_eq!(back.birth_place, None);
    assert!(back.other_names.is_empty());
}

// ---------------------------------------------------------------------------------------------------------------
// Write failures injected with an LD_PRELOAD shim (tests/fixtures/failwrite.c).

fn shim() -> Option<PathBuf> {
    static SHIM: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    SHIM.get_or_init(|| {
        if !cfg!(target_os = "linux") || !have("gcc") {
            eprintln!("gcc or Linux missing: fault-injection tests skipped");
            return None;
        }
        let out = std::env::temp_dir().join(format!("dossier-failwrite-{}.so", std::process::id()));
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/failwrite.c");
        let st = std::process::Command::new("gcc")
            .args(["-shared", "-fPIC", "-O2", "-o"])
            .arg(&out)
            .arg(&src)
            .arg("-ldl")
            .status()
            .expect("gcc runs");
        assert!(st.success(), "the fault-injection shim compiles");
        Some(out)
    })
    .clone()
}

fn failing(env: &Env, args: &[&str], matching: &str, skip: u32, errno: i32) -> Output {
    let so = shim().unwrap();
    run_with(
        env,
        args,
        &[
            ("LD_PRELOAD", so.to_str().unwrap()),
            ("FAILWRITE_MATCH", matching),
            ("FAILWRITE_SKIP", &skip.to_string()),
            ("FAILWRITE_ERRNO", &errno.to_string()),
        ],
    )
}

#[test]
fn disk_full_and_io_errors_while_writing_give_a_clear_error_and_lose_nothing() {
    if shim().is_none() {
        return;
    }
    let env = Env::init();
    let mut expected = vec![];
    for i in 0..5 {
        let name = format!("Committed {i}");
        env.ok(&["detainee", "add", "--name", &name, "--category", "pow"]);
        expected.push(name);
    }
    expected.sort();
    let wal = format!("{}-wal", env.db.file_name().unwrap().to_string_lossy());
    // Fail the first write to the WAL, or one in the middle of the commit's frames.
    for (errno, msg_en, msg_fr) in
        [(28, "The disk is full", "Le disque est plein"), (5, "input/output error", "entrée-sortie")]
    {
        for skip in [0, 1, 3] {
            let o =
                failing(&env, &["detainee", "add", "--name", "Never Stored", "--category", "pow"], &wal, skip, errno);
            assert_eq!(o.status.code(), Some(1), "errno {errno} skip {skip}: the write must fail: {}", stderr(&o));
            assert!(stderr(&o).contains(msg_en), "errno {errno} skip {skip}: {}", stderr(&o));
            assert_eq!(stderr(&o).trim().lines().count(), 1, "one message: {}", stderr(&o));
            let id = env.json(&["detainee", "list", "--json"])[0]["id"].as_str().unwrap().to_owned();
            let o = failing(&env, &["--ui-lang", "fr", "detainee", "edit", &id, "--set", "role=x"], &wal, skip, errno);
            assert_eq!(o.status.code(), Some(1));
            assert!(stderr(&o).contains(msg_fr), "fr, errno {errno} skip {skip}: {}", stderr(&o));
            // Afterwards the dossier opens, passes every check and holds exactly what was committed.
            assert!(env.ok(&["check"]).contains("Integrity: OK"));
            let mut now = names(&env);
            now.sort();
            assert_eq!(now, expected);
            assert!(env.json(&["detainee", "show", &id, "--json"])["role"].is_null());
        }
    }
    // Disk full while writing a backup: clear error, no backup, no temporary file, the dossier intact.
    let b = env.path("full.dossier");
    let o = failing(&env, &["backup", "-o", b.to_str().unwrap()], ".partial", 2, 28);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("The disk is full"), "{}", stderr(&o));
    assert!(!b.exists());
    assert!(all_files(env.dir.path()).iter().all(|p| !p.to_string_lossy().contains(".partial")));
    assert!(env.ok(&["check"]).contains("Integrity: OK"));
    // And while restoring: the existing dossier is untouched.
    env.ok(&["backup", "-o", b.to_str().unwrap()]);
    let target = Env::init();
    let before = std::fs::read(&target.db).unwrap();
    let o = failing(&target, &["restore", b.to_str().unwrap()], ".partial", 1, 28);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("The disk is full"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&target.db).unwrap(), before);
}

// ---------------------------------------------------------------------------------------------------------------

const CANARY: &str = "ZQ-CANARY-Siranush-Qwv9";

#[test]
fn canary_is_in_no_file_the_app_writes_through_the_whole_workflow() {
    let env = Env::init();
    let tmp = env.path("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let t = tmp.to_str().unwrap();
    let vars = [("SQLITE_TMPDIR", t), ("TMPDIR", t)];
    let ok = |args: &[&str]| {
        let o = run_with(&env, args, &vars);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let last = |s: String| s.lines().last().unwrap().trim().to_owned();
    let mut ids = vec![];
    for i in 0..40 {
        ids.push(last(ok(&[
            "detainee",
            "add",
            "--name",
            &format!("{CANARY} {i}"),
            "--category",
            "civilian",
            "--birth-place",
            CANARY,
        ])));
    }
    let c = last(ok(&[
        "contact",
        "add",
        "--detainee",
        &ids[0],
        "--name",
        &format!("{CANARY} Mother"),
        "--phone",
        "+374 55 000 111",
    ]));
    let photo_src = env.dir.path().join("photo-source");
    std::fs::create_dir_all(&photo_src).unwrap();
    let f = photo_src.join("p.jpg");
    write(&f, &jpeg_with_exif(200, 150, CANARY));
    ok(&["photo", "add", "--detainee", &ids[1], f.to_str().unwrap(), "--public"]);
    ok(&["detainee", "edit", &ids[2], "--set", &format!("bio_fr={}", CANARY.repeat(50))]);
    ok(&["sponsor", "add", "--name", &format!("{CANARY} City"), "--kind", "city"]);
    // Sorting and searching (temporary b-trees), deleting (secure_delete), VACUUM.
    assert!(ok(&["detainee", "list"]).contains(CANARY));
    assert!(ok(&["search", "zq-canary"]).contains(CANARY));
    ok(&["contact", "delete", &c]);
    for id in &ids[20..] {
        ok(&["detainee", "delete", id]);
    }
    ok(&["compact"]);
    let b = env.path("b.dossier");
    ok(&["backup", "-o", b.to_str().unwrap()]);
    ok(&["backup", "--auto"]);
    ok(&["verify", b.to_str().unwrap()]);
    ok(&["restore", b.to_str().unwrap()]);
    ok(&["check"]);
    let files: Vec<PathBuf> = all_files(env.dir.path()).into_iter().filter(|p| !p.starts_with(&photo_src)).collect();
    assert!(files.len() >= 4, "dossier, set-aside copy, backup, automatic backup: {files:?}");
    for needle in [CANARY.as_bytes(), b"+374 55 000 111", b"SQLite format 3"] {
        for file in &files {
            let bytes = std::fs::read(file).unwrap();
            assert!(
                !contains(&bytes, needle),
                "{} holds {:?} in clear",
                file.display(),
                String::from_utf8_lossy(needle)
            );
        }
    }
    // The one exception: a document the user explicitly exports (here the photo, which carries no metadata).
    let out = env.path("exported.jpg");
    let photo = env.json(&["photo", "list", "--detainee", &ids[1], "--json"])[0]["id"].as_str().unwrap().to_owned();
    ok(&["photo", "export", &photo, "-o", out.to_str().unwrap()]);
    assert!(!contains(&std::fs::read(&out).unwrap(), CANARY.as_bytes()), "photo metadata was stripped");
}

/// The app's backup list: automatic backups only, newest first with date and size; each verified with the open
/// dossier's key; a damaged one is reported; a name that is not an automatic backup's never reaches a file.
#[test]
fn automatic_backups_are_listed_verified_and_named_only_by_their_own_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    d.insert(Detainee::new("Personne Fictive", Category::Civilian)).unwrap();
    let (first, _) = d.backup_auto().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let (second, _) = d.backup_auto().unwrap();
    std::fs::write(d.backup_dir().join("notes.txt"), b"not a backup").unwrap();
    let list = dossier::api::backups(&d).unwrap();
    let names: Vec<&str> = list.iter().map(|b| b.name.as_str()).collect();
    let file_name = |p: &Path| p.file_name().unwrap().to_str().unwrap().to_owned();
    assert_eq!(names, [file_name(&second.path), file_name(&first.path)], "newest first, nothing else");
    assert!(list.iter().all(|b| b.bytes > 0 && b.made_at.is_some()));
    let ok = dossier::api::verify_backup(&d, &list[0].name).unwrap();
    assert_eq!(ok.digest, second.digest);
    for bad in ["../a.dossier", "notes.txt", "backup-20990101T000000.000Z.dossier", "/etc/passwd"] {
        assert!(dossier::api::verify_backup(&d, bad).is_err(), "{bad}");
    }
    // A flipped byte in a page: the check finds it.
    let mut bytes = std::fs::read(&first.path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x55;
    std::fs::write(&first.path, &bytes).unwrap();
    let err = dossier::api::verify_backup(&d, &list[1].name).unwrap_err();
    assert_eq!(err.code(), "bad_backup", "{err}");
    // Compacting keeps every record.
    dossier::api::backups::compact(&mut d).unwrap();
    assert_eq!(d.list::<Detainee>().unwrap().len(), 1);
}
