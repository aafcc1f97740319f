//! Sharing one dossier between offices: merge, conflicts, sealed files, keys, and the command line. The random
//! three-replica property test and the regressions it found are in `property.rs`.

mod property;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use dossier::model::{Category, Contact, Detainee, Disclosure, Record, Sponsor, SponsorKind};
use dossier::share;
use dossier::Dossier;
use proptest::prelude::*;
use uuid::Uuid;

const PASS: &str = "correct horse battery";
const FIELDS: [&str; 3] = ["role", "rank", "unit"];

struct Replica {
    d: Dossier,
    folder: PathBuf,
}

/// Three replicas, each with its own copy of the shared folder (delivery between them is up to the test).
fn three(dir: &Path) -> Vec<Replica> {
    let mut a = Dossier::create(&dir.join("a.dossier"), PASS).unwrap();
    a.set_actor("alice");
    a.insert(Detainee::new("Aram Nmushyan", Category::Civilian)).unwrap();
    let fa = dir.join("fa");
    share::create(&mut a, &fa, "paris").unwrap();
    let mut out = vec![Replica { d: a, folder: fa }];
    for (name, user) in [("lyon", "bob"), ("geneva", "carla")] {
        let (inv, code) = share::invite(&mut out[0].d, name).unwrap();
        let f = dir.join(format!("f-{name}"));
        copy_all(&out[0].folder, &f);
        let (mut d, _) = share::join(&dir.join(format!("{name}.dossier")), PASS, &inv, &code, &f).unwrap();
        d.set_actor(user);
        out.push(Replica { d, folder: f });
    }
    deliver_everything(&mut out);
    out
}

fn files(folder: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for dir in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if name.ends_with(".sealed") || name.ends_with(".blob") {
                out.push(f.path());
            }
        }
    }
    out.sort();
    out
}

fn copy_file(from_root: &Path, file: &Path, to_root: &Path) {
    let rel = file.strip_prefix(from_root).unwrap();
    let target = to_root.join(rel);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    if !target.exists() {
        std::fs::copy(file, &target).unwrap();
    }
}

fn copy_all(from: &Path, to: &Path) {
    for f in files(from) {
        copy_file(from, &f, to);
    }
}

/// Seals everyone's changes, carries every file everywhere, applies: twice, so changes made while applying travel.
fn deliver_everything(rs: &mut [Replica]) {
    for _ in 0..2 {
        for r in rs.iter_mut() {
            dossier::api::share::sync_report(&mut r.d, dossier::Lang::En).unwrap();
        }
        for i in 0..rs.len() {
            for j in 0..rs.len() {
                if i != j {
                    copy_all(&rs[i].folder.clone(), &rs[j].folder.clone());
                }
            }
        }
        for r in rs.iter_mut() {
            let rep = dossier::api::share::sync_report(&mut r.d, dossier::Lang::En).unwrap();
            assert!(rep.problems.is_empty(), "{:?}", rep.problems);
        }
    }
}

fn conflict_view(d: &Dossier) -> Vec<(String, Uuid, String, BTreeSet<String>)> {
    share::conflicts(d)
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.record_id, c.field, c.values.iter().map(|v| v.value.to_string()).collect()))
        .collect()
}

fn assert_converged(rs: &[Replica]) {
    let digest = share::content_digest(&rs[0].d).unwrap();
    for r in rs {
        assert_eq!(share::content_digest(&r.d).unwrap(), digest, "replicas differ");
        assert_eq!(share::rebuild_differences(&r.d).unwrap(), Vec::<String>::new());
        assert_eq!(conflict_view(&r.d), conflict_view(&rs[0].d));
    }
}

fn field(d: &Dossier, id: Uuid, f: &str) -> Option<String> {
    let v = serde_json::to_value(d.get::<Detainee>(id).ok()?.data).unwrap();
    v.get(f).and_then(|v| v.as_str()).map(str::to_owned)
}

#[test]
fn a_dossier_shared_with_two_offices_converges_and_keeps_authors() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    assert_converged(&rs);
    let id = rs[1].d.list::<Detainee>().unwrap()[0].id;
    // Different fields of one record: merged silently.
    rs[1].d.edit::<Detainee>(id, &[("role".into(), "teacher".into())]).unwrap();
    rs[2].d.edit::<Detainee>(id, &[("rank".into(), "sergeant".into())]).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    assert!(share::conflicts(&rs[0].d).unwrap().is_empty());
    assert_eq!(field(&rs[0].d, id, "role").as_deref(), Some("teacher"));
    assert_eq!(field(&rs[0].d, id, "rank").as_deref(), Some("sergeant"));
    // The history names the other device's user.
    let hist = rs[0].d.history(id).unwrap();
    let who: BTreeSet<&str> = hist.iter().map(|h| h.actor.as_str()).collect();
    assert!(who.len() >= 2 && who.contains("alice"), "the other devices' users are named: {who:?}");
    // The roster: three devices, one of them this one.
    let devs = share::devices(&rs[0].d).unwrap();
    assert_eq!(devs.len(), 3);
    assert_eq!(devs.iter().filter(|d| d.is_self).count(), 1);
    assert!(devs.iter().any(|d| d.user == "bob" || d.name == "lyon"));
}

#[test]
fn same_field_conflict_is_shown_once_everywhere_and_resolving_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    rs[0].d.edit::<Detainee>(id, &[("role".into(), "from paris".into())]).unwrap();
    rs[1].d.edit::<Detainee>(id, &[("role".into(), "from lyon".into())]).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    let cs = share::conflicts(&rs[2].d).unwrap();
    assert_eq!(cs.len(), 1, "{cs:?}");
    let c = &cs[0];
    assert_eq!((c.record_id, c.field.as_str()), (id, "role"));
    let vals: BTreeSet<String> = c.values.iter().map(|v| v.value.as_str().unwrap().to_owned()).collect();
    assert_eq!(vals, BTreeSet::from(["from paris".to_owned(), "from lyon".to_owned()]));
    // Each value names its device and that device's user (as the device announced itself when it joined).
    let devices: BTreeSet<Uuid> = c.values.iter().map(|v| v.device).collect();
    assert_eq!(devices.len(), 2);
    assert!(c.values.iter().all(|v| !v.user.is_empty() && !v.at.is_empty()));
    // The table holds the winner, the same everywhere, listed first.
    assert_eq!(field(&rs[2].d, id, "role").as_deref(), c.values[0].value.as_str());
    let pick = c.values.iter().position(|v| v.value == "from lyon").unwrap() + 1;
    share::resolve(&mut rs[2].d, &c.id, pick).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    for r in &rs {
        assert!(share::conflicts(&r.d).unwrap().is_empty());
        assert_eq!(field(&r.d, id, "role").as_deref(), Some("from lyon"));
    }
}

#[test]
fn an_edit_against_a_delete_keeps_the_record_until_a_person_decides() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    rs[0].d.delete::<Detainee>(id).unwrap();
    rs[1].d.edit::<Detainee>(id, &[("unit".into(), "edited meanwhile".into())]).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    let cs = share::conflicts(&rs[0].d).unwrap();
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].field, "(record)");
    assert_eq!(field(&rs[0].d, id, "unit").as_deref(), Some("edited meanwhile"), "restorable: still there");
    let del = cs[0].values.iter().position(|v| v.value == "deleted").unwrap() + 1;
    share::resolve(&mut rs[0].d, &cs[0].id, del).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    for r in &rs {
        assert!(r.d.get::<Detainee>(id).is_err());
        assert!(share::conflicts(&r.d).unwrap().is_empty());
    }
}

#[test]
fn forged_truncated_wrong_key_unknown_and_revoked_files_change_nothing_and_good_files_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let b = share::_device_id(&rs[1].d).unwrap();
    let bdir = rs[0].folder.join(b.to_string());
    std::fs::create_dir_all(&bdir).unwrap();
    let before = share::content_digest(&rs[0].d).unwrap();
    let put = |name: u64, bytes: &[u8]| std::fs::write(bdir.join(format!("{name:012}.sealed")), bytes).unwrap();
    // A genuine file from B, then damaged copies of it under other sequence numbers.
    let id = rs[1].d.list::<Detainee>().unwrap()[0].id;
    rs[1].d.edit::<Detainee>(id, &[("role".into(), "genuine".into())]).unwrap();
    share::sync(&mut rs[1].d).unwrap();
    let genuine =
        files(&rs[1].folder).into_iter().filter(|f| f.starts_with(rs[1].folder.join(b.to_string()))).max().unwrap();
    let bytes = std::fs::read(&genuine).unwrap();
    let mut forged = share::_seal_as(&rs[1].d, 900, None, None, b"{\"items\":[]}").unwrap();
    let n = forged.len();
    forged[n / 2] ^= 1;
    put(900, &forged);
    put(901, &bytes[..bytes.len() - 10]);
    put(902, &share::_seal_as(&rs[1].d, 902, Some([7; 32]), None, b"{\"items\":[]}").unwrap());
    put(903, &share::_seal_as(&rs[1].d, 903, None, Some([9; 32]), b"{\"items\":[]}").unwrap());
    let stranger = Uuid::new_v4();
    std::fs::create_dir_all(rs[0].folder.join(stranger.to_string())).unwrap();
    std::fs::write(rs[0].folder.join(stranger.to_string()).join("000000000001.sealed"), &forged).unwrap();
    let rep = share::sync(&mut rs[0].d).unwrap();
    assert_eq!(share::content_digest(&rs[0].d).unwrap(), before, "nothing applied from bad files");
    let codes: BTreeSet<&str> = rep.refused.iter().map(|f| f.code).collect();
    for code in ["share_forged", "share_truncated", "share_wrong_key", "share_not_a_change_file"] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
    for f in &rep.refused {
        assert!(!f.message(dossier::Lang::Fr).starts_with("share-file"), "translated");
        assert!(!f.message(dossier::Lang::En).starts_with("share-file"), "translated");
    }
    // The good file still applies.
    copy_file(&rs[1].folder, &genuine, &rs[0].folder);
    share::sync(&mut rs[0].d).unwrap();
    assert_eq!(field(&rs[0].d, id, "role").as_deref(), Some("genuine"));
    // Revoked: C's later files are ignored by A (and by B once it learns of the revocation); a new key keeps C out.
    let c = share::_device_id(&rs[2].d).unwrap();
    share::revoke(&mut rs[0].d, &c.to_string()).unwrap();
    let epoch = share::rotate_key(&mut rs[0].d).unwrap();
    assert_eq!(epoch, 2);
    rs[2].d.edit::<Detainee>(id, &[("rank".into(), "after revocation".into())]).unwrap();
    deliver_all_files(&mut rs);
    for r in rs.iter_mut() {
        share::sync(&mut r.d).unwrap();
    }
    assert_ne!(field(&rs[0].d, id, "rank").as_deref(), Some("after revocation"));
    assert_ne!(field(&rs[1].d, id, "rank").as_deref(), Some("after revocation"));
    assert!(share::devices(&rs[1].d).unwrap().iter().any(|d| d.id == c && d.revoked));
    // A and B still share; C cannot read what they write under the new key.
    rs[1].d.edit::<Detainee>(id, &[("unit".into(), "new key".into())]).unwrap();
    deliver_all_files(&mut rs);
    let rep = share::sync(&mut rs[0].d).unwrap();
    assert!(rep.refused.iter().any(|f| f.code == "share_revoked_device"), "{:?}", rep.refused);
    assert_eq!(field(&rs[0].d, id, "unit").as_deref(), Some("new key"));
    let rep = share::sync(&mut rs[2].d).unwrap();
    assert_ne!(field(&rs[2].d, id, "unit").as_deref(), Some("new key"));
    assert!(rep.refused.iter().any(|f| f.code == "share_key_not_yet_known"), "{:?}", rep.refused);
}

/// Seals everyone's changes and carries every file everywhere, without applying them (the test applies).
fn deliver_all_files(rs: &mut [Replica]) {
    for r in rs.iter_mut() {
        share::sync(&mut r.d).unwrap();
    }
    for i in 0..rs.len() {
        for j in 0..rs.len() {
            if i != j {
                copy_all(&rs[i].folder.clone(), &rs[j].folder.clone());
            }
        }
    }
}

#[test]
fn canaries_in_every_field_never_reach_the_folder_in_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    let canary = "CANARYfamilyphone0612";
    let mut det = rs[0].d.get::<Detainee>(id).unwrap().data;
    det.role = Some(format!("{canary}role"));
    det.circumstances = Some(format!("{canary}circ"));
    rs[0].d.update(id, det).unwrap();
    let mut contact: Contact = serde_json::from_value(serde_json::json!({
        "detainee_id": id, "name": format!("{canary}name"), "relation": format!("{canary}rel"),
        "phone": "+33 6 12 34 56 78", "email": "canary@example.org", "address": format!("{canary}addr"),
        "notes": format!("{canary}notes")
    }))
    .unwrap();
    contact.validate().unwrap();
    rs[0].d.insert(contact).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    assert_eq!(rs[2].d.list::<Contact>().unwrap().len(), 1);
    for r in &rs {
        for f in files(&r.folder) {
            let bytes = std::fs::read(&f).unwrap();
            for needle in [canary.as_bytes(), b"canary@example.org", b"Nmushyan", b"+33 6 12 34 56 78"] {
                assert!(!bytes.windows(needle.len()).any(|w| w == needle), "plaintext in {}", f.display());
            }
        }
    }
}

#[test]
fn a_wrong_code_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    share::create(&mut a, &dir.path().join("f"), "paris").unwrap();
    let (inv, code) = share::invite(&mut a, "lyon").unwrap();
    assert!(code.split(' ').count() >= 7, "at least 80 bits: {code}");
    let db = dir.path().join("b.dossier");
    let e = share::join(&db, PASS, &inv, "baba dede fifi gogo haha jiji koko", &dir.path().join("f")).unwrap_err();
    assert_eq!(e.code(), "share_wrong_code");
    assert!(!db.exists());
}

#[test]
fn a_dossier_that_never_shares_writes_no_shared_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    a.insert(Detainee::new("Aram Nmushyan", Category::Civilian)).unwrap();
    assert!(!share::is_shared(&a).unwrap());
    assert!(share::conflicts(&a).unwrap().is_empty());
    assert_eq!(share::sync(&mut a).unwrap_err().code(), "share_not_shared");
}

#[test]
fn photos_travel_as_sealed_blobs_named_by_a_keyed_hash_and_may_arrive_after_their_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    let path = dir.path().join("portrait.jpg");
    std::fs::write(&path, crate::util::jpeg_with_exif(320, 240, "CANARYexif")).unwrap();
    let m = rs[0].d.add_photo(id, &path, Disclosure::PUBLIC).unwrap();
    let stored = rs[0].d.media_bytes(m.id).unwrap();
    let rep = share::sync(&mut rs[0].d).unwrap();
    assert_eq!(rep.written, 2, "one blob and one change file");
    let a = share::_device_id(&rs[0].d).unwrap();
    let blobs: Vec<PathBuf> =
        files(&rs[0].folder).into_iter().filter(|f| f.extension() == Some("blob".as_ref())).collect();
    assert_eq!(blobs.len(), 1);
    assert!(blobs[0].starts_with(rs[0].folder.join(a.to_string())), "in the writing device's subfolder");
    // The name is a keyed hash: neither the photo's plain SHA-256 (what anyone holding the photo could compute) nor
    // the original file's.
    let name = blobs[0].file_stem().unwrap().to_string_lossy().into_owned();
    assert_eq!(name.len(), 64);
    assert_ne!(name, m.data.sha256);
    assert_ne!(name, hex_sha256(&std::fs::read(&path).unwrap()));
    let sealed = std::fs::read(&blobs[0]).unwrap();
    assert!(!crate::util::contains(&sealed, &stored[stored.len() / 2..stored.len() / 2 + 32]), "sealed");
    // The change files carry only the name: small.
    for f in files(&rs[0].folder).into_iter().filter(|f| f.extension() == Some("sealed".as_ref())) {
        assert!(std::fs::metadata(&f).unwrap().len() < 8 * 1024, "{} holds no photo", f.display());
    }
    // B gets the change files but not the blob yet: the record applies, the photo waits.
    for f in files(&rs[0].folder).into_iter().filter(|f| f.extension() == Some("sealed".as_ref())) {
        copy_file(&rs[0].folder, &f, &rs[1].folder);
    }
    let rep = share::sync(&mut rs[1].d).unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    assert_eq!(rep.photos_waiting, 1);
    assert_eq!(rs[1].d.photos_of(id).unwrap().len(), 1, "the photo's record is there");
    assert!(rs[1].d.media_bytes(m.id).unwrap().is_empty(), "its bytes are not yet");
    // A damaged copy of the blob, under its name in another device's subfolder, is refused; the photo still waits.
    let mut bad = sealed.clone();
    let n = bad.len();
    bad[n / 2] ^= 1;
    let c = share::_device_id(&rs[2].d).unwrap();
    std::fs::create_dir_all(rs[1].folder.join(c.to_string())).unwrap();
    std::fs::write(rs[1].folder.join(c.to_string()).join(format!("{name}.blob")), &bad).unwrap();
    let rep = share::sync(&mut rs[1].d).unwrap();
    assert_eq!(rep.photos_waiting, 1);
    assert!(rep.refused.iter().any(|f| f.code == "share_forged"), "{:?}", rep.refused);
    assert!(rs[1].d.media_bytes(m.id).unwrap().is_empty());
    // The genuine blob arrives: the photo appears, byte for byte.
    copy_file(&rs[0].folder, &blobs[0], &rs[1].folder);
    let rep = share::sync(&mut rs[1].d).unwrap();
    assert_eq!(rep.photos_waiting, 0);
    assert_eq!(rs[1].d.media_bytes(m.id).unwrap(), stored);
    std::fs::remove_file(rs[1].folder.join(c.to_string()).join(format!("{name}.blob"))).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    assert_eq!(rs[2].d.media_bytes(m.id).unwrap(), stored);
    // Written once: C did not write the blob again.
    assert_eq!(files(&rs[2].folder).into_iter().filter(|f| f.extension() == Some("blob".as_ref())).count(), 1);
}

fn dossier_cmd(db: &Path, user: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("DOSSIER_PASSPHRASE", PASS)
        .env("DOSSIER_USER", user)
        .env("DOSSIER_LANG", "en")
        .env_remove("DOSSIER_DB")
        .output()
        .unwrap()
}

fn ok(db: &Path, user: &str, args: &[&str]) -> String {
    let out = dossier_cmd(db, user, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn cli_create_invite_join_sync_conflicts_devices() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.dossier"), dir.path().join("b.dossier"));
    let folder = dir.path().join("shared");
    let f = folder.to_str().unwrap();
    ok(&a, "alice", &["init"]);
    ok(&a, "alice", &["share", "create", "--folder", f]);
    let inv = dir.path().join("lyon.invite");
    let out = ok(&a, "alice", &["share", "invite", "-o", inv.to_str().unwrap()]);
    let code = out.lines().last().unwrap().trim().to_owned();
    assert!(code.split(' ').count() >= 7);
    let mut wrong = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"));
    let out = wrong
        .arg("--db")
        .arg(&b)
        .args(["share", "join", inv.to_str().unwrap(), "--folder", f])
        .env("DOSSIER_PASSPHRASE", PASS)
        .env("DOSSIER_INVITE_CODE", "baba baba baba baba baba baba baba")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!b.exists(), "a wrong code leaves no file");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(&b)
        .args(["share", "join", inv.to_str().unwrap(), "--folder", f])
        .env("DOSSIER_PASSPHRASE", PASS)
        .env("DOSSIER_USER", "bob")
        .env("DOSSIER_INVITE_CODE", &code)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let devices: serde_json::Value = serde_json::from_str(&ok(&b, "bob", &["share", "devices", "--json"])).unwrap();
    assert_eq!(devices.as_array().unwrap().len(), 2);
    assert_eq!(devices.as_array().unwrap().iter().filter(|d| d["self"] == true).count(), 1);
    ok(&a, "alice", &["sync"]);
    let conflicts: serde_json::Value = serde_json::from_str(&ok(&b, "bob", &["conflicts", "--json"])).unwrap();
    assert_eq!(conflicts, serde_json::json!([]));
}

fn hex_sha256(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn the_inbox_marks_lists_and_a_value_typed_instead_closes_the_conflict_everywhere() {
    use dossier::api::{self, Resolution};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    let marked = |d: &Dossier| api::detainee_rows(d, &Default::default(), 0, 50, today).unwrap().items[0].conflict;
    assert!(!marked(&rs[0].d));
    rs[0].d.edit::<Detainee>(id, &[("role".into(), "from paris".into())]).unwrap();
    rs[1].d.edit::<Detainee>(id, &[("role".into(), "from lyon".into())]).unwrap();
    deliver_everything(&mut rs);
    for r in &rs {
        assert!(marked(&r.d), "the list marks the record with a conflict");
        let status = api::share_status(&r.d, dossier::Lang::Fr).unwrap();
        assert_eq!(status.conflicts, 1);
        let last = status.last_sync.expect("the last sync is kept");
        assert!(last.ok && !last.at.is_empty(), "{last:?}");
    }
    let entries = api::conflict_entries(&rs[2].d).unwrap();
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!((e.label.as_str(), e.show_id, e.typeable), ("Aram Nmushyan", id, true));
    // A value nobody wrote: an ordinary edit that supersedes both.
    api::share::resolve(&mut rs[2].d, &e.conflict.id, &Resolution::Value("typed in geneva".into())).unwrap();
    assert!(!marked(&rs[2].d), "resolved here: the mark goes at once");
    assert_eq!(api::share_status(&rs[2].d, dossier::Lang::Fr).unwrap().conflicts, 0);
    deliver_everything(&mut rs);
    assert_converged(&rs);
    for r in &rs {
        assert!(share::conflicts(&r.d).unwrap().is_empty());
        assert!(!marked(&r.d));
        assert_eq!(field(&r.d, id, "role").as_deref(), Some("typed in geneva"));
    }
    // Typing one of the listed values picks it; an invalid value is refused and changes nothing.
    rs[0].d.edit::<Detainee>(id, &[("name".into(), "Aram Paris-Test".into())]).unwrap();
    rs[1].d.edit::<Detainee>(id, &[("name".into(), "Aram Lyon-Test".into())]).unwrap();
    deliver_everything(&mut rs);
    let c = api::conflict_entries(&rs[0].d).unwrap().remove(0).conflict;
    let refused = api::share::resolve(&mut rs[0].d, &c.id, &Resolution::Value(" ".into()));
    assert!(refused.is_err(), "an empty name is refused as any edit would be");
    assert_eq!(share::conflicts(&rs[0].d).unwrap().len(), 1, "still open");
    api::share::resolve(&mut rs[0].d, &c.id, &Resolution::Value("Aram Lyon-Test".into())).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    assert!(share::conflicts(&rs[2].d).unwrap().is_empty());
    assert_eq!(field(&rs[2].d, id, "name").as_deref(), Some("Aram Lyon-Test"));
}

fn contact_for(id: Uuid) -> Contact {
    Contact {
        detainee_id: id,
        name: "Sœur (fictive)".into(),
        relation: None,
        phone: Some("+33 1 00 00 00 00".into()),
        email: None,
        address: None,
        languages: vec![],
        notes: None,
    }
}

/// Paris deletes the detainee while Lyon, not knowing, adds a family contact to them.
fn delete_against_a_new_contact(dir: &Path) -> (Vec<Replica>, Uuid, Uuid) {
    let mut rs = three(dir);
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    rs[0].d.delete::<Detainee>(id).unwrap();
    let contact = rs[1].d.insert(contact_for(id)).unwrap().id;
    deliver_everything(&mut rs);
    assert_converged(&rs);
    (rs, id, contact)
}

#[test]
fn a_contact_added_while_another_office_deletes_the_detainee_holds_the_record_for_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let (mut rs, id, contact) = delete_against_a_new_contact(dir.path());
    for r in &rs {
        // Held everywhere: the detainee and the new contact are there, and one conflict asks a person.
        assert!(r.d.get::<Detainee>(id).is_ok(), "the detainee is held");
        assert!(r.d.get::<Contact>(contact).is_ok(), "the contact is kept");
        let cs = share::conflicts(&r.d).unwrap();
        assert_eq!(cs.len(), 1, "{cs:?}");
        assert_eq!((cs[0].record_id, cs[0].field.as_str()), (id, share::RECORD_FIELD));
        let vals: Vec<&str> = cs[0].values.iter().map(|v| v.value.as_str().unwrap()).collect();
        assert_eq!(vals, ["kept", "deleted"]);
        assert!(cs[0].values.iter().all(|v| !v.user.is_empty() && !v.at.is_empty()), "{cs:?}");
        assert!(share::rebuild_differences(&r.d).unwrap().is_empty());
    }
    let c = share::conflicts(&rs[2].d).unwrap().remove(0);
    share::resolve(&mut rs[2].d, &c.id, 1).unwrap(); // kept
    deliver_everything(&mut rs);
    assert_converged(&rs);
    for r in &rs {
        assert!(share::conflicts(&r.d).unwrap().is_empty());
        assert!(r.d.get::<Detainee>(id).is_ok() && r.d.get::<Contact>(contact).is_ok());
    }
}

#[test]
fn deciding_to_delete_a_held_record_deletes_its_new_contact_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut rs, id, contact) = delete_against_a_new_contact(dir.path());
    let c = share::conflicts(&rs[0].d).unwrap().remove(0);
    share::resolve(&mut rs[0].d, &c.id, 2).unwrap(); // deleted
    assert!(rs[0].d.get::<Detainee>(id).is_err());
    deliver_everything(&mut rs);
    assert_converged(&rs);
    for r in &rs {
        assert!(share::conflicts(&r.d).unwrap().is_empty());
        assert!(r.d.get::<Detainee>(id).is_err(), "deleted everywhere");
        assert!(r.d.get::<Contact>(contact).is_err(), "with its contact, as a local delete does");
        assert!(share::rebuild_differences(&r.d).unwrap().is_empty());
    }
}
