//! The bin: a deletion is kept in the dossier, restored whole (children, photo bytes, history, search entry) or
//! emptied for good; the command line's `bin` contract. Every person here is fictional.

use dossier::api;
use dossier::model::{Category, Contact, Detainee, Disclosure, Media, RecordKind, Sponsor, SponsorKind, Sponsorship};
use dossier::{share, Dossier, Error};
use uuid::Uuid;

use crate::util::{self, Env, PASS};

fn contact_for(id: Uuid) -> Contact {
    Contact {
        detainee_id: id,
        name: "Frère (fictif)".into(),
        relation: None,
        phone: Some("+33 1 00 00 00 99".into()),
        email: None,
        address: None,
        languages: vec![],
        notes: Some("canary-bin-note".into()),
    }
}

/// A detainee with a family contact and a photo.
fn person(d: &mut Dossier, dir: &std::path::Path) -> (Uuid, Uuid, Uuid) {
    let p = d.insert(Detainee::new("Armen Fictivyan", Category::Civilian)).unwrap().id;
    let c = d.insert(contact_for(p)).unwrap().id;
    let file = dir.join("photo.jpg");
    util::write(&file, &util::jpeg_with_exif(64, 48, "canary-bin-exif"));
    let m = d.add_photo(p, &file, Disclosure::PUBLIC).unwrap().id;
    (p, c, m)
}

#[test]
fn a_deleted_detainee_comes_back_whole_with_contacts_photo_history_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("d.dossier"), PASS).unwrap();
    let (p, c, m) = person(&mut d, dir.path());
    d.edit::<Detainee>(p, &[("role".into(), "enseignant (fictif)".into())]).unwrap();
    let before = (d.get::<Detainee>(p).unwrap(), d.get::<Contact>(c).unwrap(), d.get::<Media>(m).unwrap());
    let bytes = d.media_bytes(m).unwrap();
    let history = d.history(p).unwrap().len();

    let entry = d.delete::<Detainee>(p).unwrap();
    assert!(matches!(d.get::<Detainee>(p), Err(Error::NotFound { .. })));
    assert!(matches!(d.get::<Contact>(c), Err(Error::NotFound { .. })), "the contact went with the person");
    assert!(d.search("Fictivyan", 10).unwrap().is_empty());
    let bin = d.bin_entries().unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!((bin[0].id, bin[0].kind, bin[0].record_id, bin[0].records), (entry, RecordKind::Detainee, p, 3));
    assert_eq!(bin[0].label, "Armen Fictivyan");
    assert_eq!(bin[0].media_bytes, bytes.len() as i64);

    let r = d.restore_from_bin(d.resolve_bin_entry(&p.to_string()[..8]).unwrap()).unwrap();
    assert_eq!((r.record_id, r.records), (p, 3));
    assert!(d.bin_entries().unwrap().is_empty(), "a restored entry leaves the bin");
    assert_eq!(d.get::<Detainee>(p).unwrap(), before.0, "same id, times and data");
    assert_eq!(d.get::<Contact>(c).unwrap(), before.1);
    assert_eq!(d.get::<Media>(m).unwrap(), before.2);
    assert_eq!(d.media_bytes(m).unwrap(), bytes, "the photo's bytes are kept as they were");
    assert_eq!(d.search("Fictivyan", 10).unwrap().len(), 1, "found again");
    let h = d.history(p).unwrap();
    assert!(h.len() > history, "the history before the deletion is kept, the deletion and the return added");
    assert!(h.iter().any(|e| e.action == "delete") && h.iter().any(|e| e.field == "role"));
    assert!(d.check().unwrap().is_ok(), "integrity checks pass after the return");
}

#[test]
fn a_sponsor_comes_back_with_its_logo_and_a_sponsorship_waits_for_its_sponsor() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("d.dossier"), PASS).unwrap();
    let p = d.insert(Detainee::new("Anna Fictivyan", Category::Civilian)).unwrap().id;
    let s = d.insert(Sponsor::new("Ville d'Exemple (fictive)", SponsorKind::City)).unwrap().id;
    let logo = dir.path().join("logo.png");
    util::write(&logo, &util::png_with_text(80, "canary-bin-logo"));
    let logo_id = api::set_sponsor_logo(&mut d, s, &logo).unwrap();
    let sp = d.insert(Sponsorship::new(s, Some(p))).unwrap().id;

    // The sponsor is in use: refused, and nothing goes to the bin.
    assert!(matches!(d.delete::<Sponsor>(s), Err(Error::InUse { .. })));
    assert!(d.bin_entries().unwrap().is_empty());

    let e_sp = d.delete::<Sponsorship>(sp).unwrap();
    let e_s = d.delete::<Sponsor>(s).unwrap();
    assert!(matches!(d.get::<Media>(logo_id), Err(Error::NotFound { .. })), "the logo went with its sponsor");
    assert_eq!(d.bin_entries().unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), vec![e_s, e_sp]);

    // The sponsorship cannot come back before its sponsor; the refusal changes nothing.
    let err = d.restore_from_bin(e_sp).unwrap_err();
    assert!(matches!(err, Error::BinOrphan { .. }), "{err:?}");
    assert!(err.message(dossier::Lang::Fr).contains("Restaurez"), "{}", err.message(dossier::Lang::Fr));
    assert_eq!(d.bin_entries().unwrap().len(), 2);
    assert!(matches!(d.get::<Sponsorship>(sp), Err(Error::NotFound { .. })));

    d.restore_from_bin(e_s).unwrap();
    assert_eq!(d.get::<Sponsor>(s).unwrap().data.logo_id, Some(logo_id));
    assert!(d.media_bytes(logo_id).is_ok());
    d.restore_from_bin(e_sp).unwrap();
    assert_eq!(d.get::<Sponsorship>(sp).unwrap().data.sponsor_id, s);
    assert!(matches!(d.restore_from_bin(e_sp), Err(Error::NotInBin { .. })));
}

#[test]
fn emptying_the_bin_deletes_for_good_and_leaves_the_dossier_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.dossier");
    let mut d = Dossier::create(&path, PASS).unwrap();
    let (p, _, _) = person(&mut d, dir.path());
    let q = d.insert(Detainee::new("Hayk Fictivyan", Category::PrisonerOfWar)).unwrap().id;
    let first = d.delete::<Detainee>(p).unwrap();
    d.delete::<Detainee>(q).unwrap();
    d.purge_bin_entry(first).unwrap();
    assert_eq!(d.bin_entries().unwrap().len(), 1);
    assert_eq!(d.empty_bin().unwrap(), 1);
    assert!(d.bin_entries().unwrap().is_empty());
    assert_eq!(d.empty_bin().unwrap(), 0);
    assert!(matches!(d.restore_from_bin(first), Err(Error::NotInBin { .. })));
    drop(d);
    // Nothing of the deleted rows is left in the tables (the file itself is encrypted; its freed pages are zeroed
    // by secure_delete, which the storage tests pin).
    let conn = util::raw_connection(&path);
    for table in ["bin", "bin_item", "contact", "media"] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let wal = std::fs::metadata(path.with_extension("dossier-wal")).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal, 0, "the write-ahead log is truncated after emptying");
}

#[test]
fn a_record_restored_from_the_bin_comes_back_in_the_other_office() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    let (p, c, m) = person(&mut a, dir.path());
    let folder = dir.path().join("shared");
    share::create(&mut a, &folder, "paris").unwrap();
    let (inv, code) = share::invite(&mut a, "lyon").unwrap();
    let (mut b, _) = share::join(&dir.path().join("b.dossier"), PASS, &inv, &code, &folder).unwrap();
    assert!(b.get::<Detainee>(p).is_ok());

    let entry = a.delete::<Detainee>(p).unwrap();
    share::sync(&mut a).unwrap();
    share::sync(&mut b).unwrap();
    assert!(b.get::<Detainee>(p).is_err(), "the deletion reached Lyon");
    assert!(b.bin_entries().unwrap().is_empty(), "the bin belongs to the computer that deleted");

    a.restore_from_bin(entry).unwrap();
    share::sync(&mut a).unwrap();
    share::sync(&mut b).unwrap();
    assert_eq!(b.get::<Detainee>(p).unwrap().data.name, "Armen Fictivyan", "the return reached Lyon");
    assert!(b.get::<Contact>(c).is_ok());
    assert_eq!(b.media_bytes(m).unwrap(), a.media_bytes(m).unwrap());
    assert!(share::conflicts(&b).unwrap().is_empty());
}

#[test]
fn cli_bin_list_restore_purge_empty() {
    let env = Env::init();
    let p = env.id(&["detainee", "add", "--name", "Aram Fictivyan", "--category", "civilian"]);
    let q = env.id(&["detainee", "add", "--name", "Vardan Fictivyan", "--category", "pow"]);
    let out = env.ok(&["detainee", "delete", &p]);
    assert!(out.contains("bin restore 1"), "the deletion says how to undo it: {out}");
    env.ok(&["detainee", "delete", &q]);
    let list = env.json(&["bin", "list", "--json"]);
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for key in ["id", "kind", "record_id", "label", "deleted_at", "deleted_by", "records", "media_bytes"] {
        assert!(entries[0].get(key).is_some(), "bin list --json has {key}: {list}");
    }
    assert_eq!(entries[0]["record_id"], q.as_str(), "the latest deletion first");
    assert_eq!(entries[0]["deleted_by"], "tester");
    let text = env.ok(&["bin", "list"]);
    assert!(text.contains("Vardan Fictivyan") && text.contains("Aram Fictivyan"), "{text}");

    env.ok(&["bin", "restore", &p[..8]]);
    assert!(env.ok(&["detainee", "show", &p]).contains("Aram Fictivyan"));
    let err = env.fails(&["bin", "restore", &p], 1);
    assert!(err.contains("Nothing in the bin"), "{err}");
    env.fails(&["bin", "restore", "12345"], 1);
    env.ok(&["bin", "purge", "2"]);
    assert!(env.ok(&["bin", "list"]).contains("empty"));
    env.ok(&["detainee", "delete", &p]);
    assert!(env.ok(&["bin", "empty"]).contains("1 entry"));
    assert_eq!(env.json(&["bin", "list", "--json"]), serde_json::json!([]));
}
