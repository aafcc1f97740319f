//! Spreadsheet import: encodings and delimiters, French and English headers, all or nothing, dry run, updates
//! by id, possible duplicates, photos and logos, XLSX and ODS.

use super::*;

const HEADER_FR: &str = "Nom;Nom arménien;Catégorie;Date de naissance;Date de capture;Lieu de capture;Statut";

/// French Excel's "CSV (séparateur : point-virgule)": Windows-1252, semicolons, CRLF, quotes where needed.
fn french_rows() -> Vec<&'static str> {
    vec![
        "Lévon Exemplian;;prisonnier de guerre;09/11/1990;12/11/2020;Hadrut (exemple);détenu",
        "\"Anaït Fictivian; dite « Ani »\";;civil;1985-03-02;2020-12-13;\"Khtsaberd, village\";condamnée",
        "Garéguine Inventé;;dirigeant politique;1961;2023-10;Stepanakert (exemple);en procès",
        "Héghiné Imaginaire;;disparu;;~2020-11-01;;sort inconnu",
    ]
}

#[test]
fn csv_in_every_encoding_and_delimiter_gives_the_same_people() {
    let dir = tempfile::tempdir().unwrap();
    let text_semi = format!("{HEADER_FR}\r\n{}\r\n", french_rows().join("\r\n"));
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text_semi);
    assert!(!unmappable);
    // The same rows with commas (LibreOffice's default), re-quoted.
    let to_commas = |line: &str| -> String {
        let mut rdr = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(line.as_bytes());
        let rec = rdr.records().next().unwrap().unwrap();
        let mut w = csv::Writer::from_writer(vec![]);
        w.write_record(&rec).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap().trim_end().to_owned()
    };
    let mut text_comma = to_commas(HEADER_FR) + "\n";
    for r in french_rows() {
        text_comma += &(to_commas(r) + "\n");
    }
    let to_tabs = |line: &str| line.replace(';', "\t").replace("\"Anaït Fictivian\t dite", "\"Anaït Fictivian; dite");
    let text_tab = format!(
        "{}\r\n{}\r\n",
        to_tabs(HEADER_FR),
        french_rows().into_iter().map(to_tabs).collect::<Vec<_>>().join("\r\n")
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text_tab.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let variants: Vec<(&str, Vec<u8>, &str)> = vec![
        ("windows-1252-semicolon-crlf.csv", cp1252.into_owned(), "Windows-1252, semicolon"),
        (
            "utf8-bom-semicolon-crlf.csv",
            [b"\xEF\xBB\xBF".as_slice(), text_semi.as_bytes()].concat(),
            "UTF-8 (BOM), semicolon",
        ),
        ("utf8-comma-lf.csv", text_comma.clone().into_bytes(), "UTF-8, comma"),
        ("utf8-bom-comma-lf.csv", [b"\xEF\xBB\xBF".as_slice(), text_comma.as_bytes()].concat(), "UTF-8 (BOM), comma"),
        ("utf16-tab.txt", utf16, "UTF-16LE, tab"),
    ];
    let mut reference: Option<Vec<Detainee>> = None;
    for (i, (name, bytes, detected)) in variants.into_iter().enumerate() {
        let path = dir.path().join(name);
        write(&path, &bytes);
        let mut d = new_dossier(dir.path(), &format!("{i}.dossier"));
        let report = exchange::import_spreadsheet(&mut d, &path, &opts()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.sheets[0].detected.as_deref(), Some(detected), "{name}");
        let csv = report.sheets[0].csv.as_ref().expect("a CSV says how it was read");
        assert_eq!(csv.summary(), detected, "{name}: the neutral summary is the structured format's");
        let (encoding, _) = detected.split_once(", ").unwrap();
        assert_eq!(csv.encoding, encoding, "{name}");
        assert!(csv.in_words(Lang::Fr).starts_with(&format!("{encoding}, séparateur ")), "{name}");
        assert!(!csv.in_words(Lang::Fr).contains("semicolon") && !csv.in_words(Lang::Fr).contains("comma"), "{name}");
        assert_eq!(report.summary.create, 4, "{name}");
        assert_eq!(report.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 3, 4, 5], "{name}: line numbers");
        let people: Vec<Detainee> = d.list::<Detainee>().unwrap().into_iter().map(|p| p.data).collect();
        match &reference {
            None => reference = Some(people),
            Some(r) => assert_eq!(&people, r, "{name} must read exactly like the others"),
        }
    }
    let people = reference.unwrap();
    let ani = people.iter().find(|p| p.name.starts_with("Anaït")).unwrap();
    assert_eq!(ani.name, "Anaït Fictivian; dite « Ani »", "quoted separator and non-ASCII kept");
    assert_eq!(ani.category, Category::Civilian);
    assert_eq!(ani.status(), Some(Status::Sentenced));
    let levon = people.iter().find(|p| p.name.starts_with("Lévon")).unwrap();
    assert_eq!(levon.born.unwrap().to_string(), "1990-11-09", "DD/MM/YYYY is day first");
    assert_eq!(levon.category, Category::PrisonerOfWar);
    let g = people.iter().find(|p| p.name.starts_with("Garéguine")).unwrap();
    assert_eq!(
        (g.category, g.status(), g.born.unwrap().to_string()),
        (Category::PoliticalLeader, Some(Status::OnTrial), "1961".into())
    );
    let h = people.iter().find(|p| p.name.starts_with("Héghiné")).unwrap();
    assert_eq!(
        (h.category, h.status(), h.captured.unwrap().to_string()),
        (Category::Disappeared, Some(Status::FateUnknown), "~2020-11-01".into())
    );
}

#[test]
fn english_headers_and_values_are_recognised_too() {
    let env = Env::init();
    let csv = "name,armenian name,category,born,captured,status,notes\n\
               Aram Exampleyan,Արամ Օրինակյան,prisoner of war,1999-01-02,2020-11-12,sentenced,fictional\n\
               Lilit Sampleyan,,civilian,02/03/1980,,released,\n";
    write(&env.path("en.csv"), csv.as_bytes());
    let out = env.ok(&["import", env.path("en.csv").to_str().unwrap()]);
    assert!(out.contains("2 created"), "{out}");
    let list = env.json(&["detainee", "list", "--json"]);
    let aram = list.as_array().unwrap().iter().find(|p| p["name"] == "Aram Exampleyan").unwrap();
    assert_eq!(aram["name_hy"], "Արամ Օրինակյան");
    assert_eq!(aram["notes"], "fictional");
}

#[test]
fn broken_rows_import_nothing_and_each_is_named() {
    let env = Env::init();
    env.id(&["detainee", "add", "--name", "Already Here", "--category", "pow"]);
    let csv = "Nom;Catégorie;Date de naissance;Date de capture\r\n\
               Valid Person;civil;1990-01-01;2020-11-12\r\n\
               Bad Date;civil;31/02/1990;\r\n\
               Bad Category;astronaute;;\r\n\
               Before Birth;pow;2001-05-05;1999-01-01\r\n\
               ;civil;;\r\n";
    let file = env.path("broken.csv");
    write(&file, csv.as_bytes());
    let err = env.fails(&["import", file.to_str().unwrap()], 1);
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(err.contains("line 3") && err.contains("31/02/1990"), "{err}");
    assert!(err.contains("line 4") && err.contains("astronaute"), "{err}");
    assert!(err.contains("line 5") && err.contains("capture date is before the birth date"), "{err}");
    assert!(err.contains("line 6") && err.contains("cannot be empty"), "{err}");
    let list = env.json(&["detainee", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "one bad row imports nothing");

    // The dry run reports row by row, as JSON too, and exits 1 because the import would be refused.
    let out = env.run(&["import", file.to_str().unwrap(), "--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actions: Vec<(u64, &str)> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["action"].as_str().unwrap()))
        .collect();
    assert_eq!(actions, vec![(2, "create"), (3, "error"), (4, "error"), (5, "error"), (6, "error")]);
    assert_eq!(report["rows"][1]["errors"][0]["column"], "Date de naissance");
    assert_eq!(report["sheets"][0]["columns"][0], serde_json::json!(["Nom", "name"]));
    // French messages when the user speaks French.
    let out = env.cmd(&["import", file.to_str().unwrap()]).env("LANG", "fr_FR.UTF-8").output().unwrap();
    let fr = String::from_utf8_lossy(&out.stderr);
    assert!(fr.contains("Rien n'a été importé") && fr.contains("ligne 3"), "{fr}");
}

#[test]
fn dry_run_saves_nothing_and_shows_the_mapping() {
    let env = Env::init();
    let file = env.path("list.csv");
    write(&file, "Nom complet;Type;Remarque\nAram Dryrun;pg;note\n".as_bytes());
    let before = std::fs::read(&env.db).unwrap();
    let out =
        env.ok(&["import", file.to_str().unwrap(), "--dry-run", "--map", "Nom complet=name", "--map", "Remarque="]);
    assert!(out.contains("\"Nom complet\" → name"), "{out}");
    assert!(out.contains("\"Remarque\" → (ignored)"), "{out}");
    assert!(out.contains("create  Aram Dryrun"), "{out}");
    assert_eq!(env.json(&["detainee", "list", "--json"]).as_array().unwrap().len(), 0);
    assert_eq!(std::fs::read(&env.db).unwrap(), before, "a dry run writes nothing");
    // A mapping to an unknown field or from a missing column is refused, naming it.
    let err = env.fails(&["import", file.to_str().unwrap(), "--map", "Nom complet=nickname"], 1);
    assert!(err.contains("nickname"), "{err}");
    let err = env.fails(&["import", file.to_str().unwrap(), "--map", "Surnom=name"], 1);
    assert!(err.contains("Surnom"), "{err}");
}

#[test]
fn spreadsheet_updates_records_matched_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "u.dossier");
    let mut p = Detainee::new("Aram Updateyan", Category::PrisonerOfWar);
    p.birth_place = Some("Goris (exemple)".into());
    p.notes = Some("keep me".into());
    let id = d.insert(p).unwrap().id;
    let csv_path = dir.path().join("export.csv");
    exchange::export_csv(&d, dossier::model::RecordKind::Detainee, &csv_path, true, false).unwrap();
    // Re-importing an untouched export changes nothing.
    let r = exchange::import_spreadsheet(&mut d, &csv_path, &opts()).unwrap();
    assert_eq!((r.summary.skip, r.summary.update, r.summary.create), (1, 0, 0));
    // A sheet with only some columns: the id, a new status and place; empty cells leave fields alone.
    let upd = dir.path().join("update.csv");
    write(&upd, format!("id;statut;lieu de naissance;notes\n{id};condamné;Sisian (exemple);\n").as_bytes());
    let r = exchange::import_spreadsheet(&mut d, &upd, &opts()).unwrap();
    assert_eq!(r.rows[0].action, exchange::import::Action::Update);
    assert_eq!(r.rows[0].changes, vec!["birth_place".to_owned(), "situation".to_owned()]);
    let after = d.get::<Detainee>(id).unwrap();
    assert_eq!(after.status(), Some(Status::Sentenced));
    assert_eq!(after.birth_place.as_deref(), Some("Sisian (exemple)"));
    assert_eq!(after.notes.as_deref(), Some("keep me"), "an empty cell erases nothing");
    assert!(d.history(id).unwrap().iter().any(|c| c.field == "birth_place" && c.action == "update"));
    // An id that is not in this dossier is an error naming it.
    write(&upd, "id;nom\n00000000-0000-4000-8000-000000000000;Nobody\n".as_bytes());
    let e = exchange::import_spreadsheet(&mut d, &upd, &opts()).unwrap_err();
    assert!(e.message(Lang::En).contains("00000000-0000-4000-8000-000000000000"), "{}", e.message(Lang::En));
}

#[test]
fn possible_duplicates_are_shown_never_silently_doubled() {
    let env = Env::init();
    let aram = env.id(&[
        "detainee",
        "add",
        "--name",
        "Aram Haroutiounian",
        "--name-hy",
        "Արամ Հարությունյան",
        "--category",
        "pow",
        "--born",
        "1995-04-01",
    ]);
    let file = env.path("dups.csv");
    let rows = "name,category,born\n\
                Harutyunyan Aram,pow,1995-04-01\n\
                Арам Арутюнян,pow,1995-04-01\n\
                ARAM HAROUTIOUNIAN,civilian,1960-01-01\n\
                Nune Newperson,civilian,\n\
                Nouné Newperson,civilian,\n";
    write(&file, rows.as_bytes());
    let err = env.fails(&["import", file.to_str().unwrap()], 1);
    assert!(err.contains("0 rows with errors, 3 possible duplicates"), "{err}");
    assert!(err.contains(&aram), "the existing record's id is named: {err}");
    let report = env.run(&["import", file.to_str().unwrap(), "--dry-run", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let dups: Vec<usize> =
        report["rows"].as_array().unwrap().iter().map(|r| r["duplicates"].as_array().unwrap().len()).collect();
    // Latin spelling and Cyrillic script match the existing person; a different birth date rules it out; the
    // fifth row doubles the fourth.
    assert_eq!(dups, vec![1, 2, 0, 0, 1]);
    assert_eq!(report["rows"][0]["duplicates"][0]["id"], aram.as_str());
    assert_eq!(report["rows"][4]["duplicates"][0]["line"], 5);
    assert_eq!(env.json(&["detainee", "list", "--json"]).as_array().unwrap().len(), 1);

    let out = env.ok(&["import", file.to_str().unwrap(), "--skip-duplicates"]);
    assert!(out.contains("2 created") && out.contains("3 skipped"), "{out}");
    assert_eq!(env.json(&["detainee", "list", "--json"]).as_array().unwrap().len(), 3);
    // Resolving by giving the existing id updates that record instead.
    write(
        &env.path("merge.csv"),
        format!("id,name,category,other names\n{aram},Aram Haroutiounian,pow,Арам Арутюнян\n").as_bytes(),
    );
    let out = env.ok(&["import", env.path("merge.csv").to_str().unwrap()]);
    assert!(out.contains("1 updated"), "{out}");
    let shown = env.json(&["detainee", "show", &aram, "--json"]);
    assert_eq!(shown["other_names"][0], "Арам Арутюнян");
}

#[test]
fn photos_come_from_a_folder_without_their_metadata() {
    let env = Env::init();
    let photos = env.path("photos");
    std::fs::create_dir(&photos).unwrap();
    write(&photos.join("Aram.JPG"), &jpeg_with_exif(64, 48, "GPS-CANARY-HOME"));
    let file = env.path("with-photos.csv");
    write(&file, "nom;catégorie;photo\nAram Photoyan;pg;aram.jpg\n".as_bytes());
    let out = env.ok(&["import", file.to_str().unwrap(), "--photos", photos.to_str().unwrap()]);
    assert!(out.contains("1 created"), "{out}");
    let id = env.json(&["detainee", "list", "--json"])[0]["id"].as_str().unwrap().to_owned();
    let ph = env.json(&["photo", "list", "--detainee", &id, "--json"]);
    assert_eq!(ph.as_array().unwrap().len(), 1);
    let out_img = env.path("back.jpg");
    env.ok(&["photo", "export", ph[0]["id"].as_str().unwrap(), "-o", out_img.to_str().unwrap()]);
    assert!(!contains(&std::fs::read(&out_img).unwrap(), b"GPS-CANARY-HOME"));
    // Importing the same row again by id does not double the photo.
    write(&file, format!("id;photo\n{id};Aram.JPG\n").as_bytes());
    let out = env.ok(&["import", file.to_str().unwrap(), "--photos", photos.to_str().unwrap()]);
    assert!(out.contains("1 skipped"), "{out}");
    // A missing or broken photo refuses the import, naming the row and the file; names cannot climb out.
    write(&photos.join("broken.jpg"), b"not a jpeg at all");
    write(&file, "nom;catégorie;photo\nNo Photo;civil;absent.jpg\nBroken Photo;civil;broken.jpg\nSneaky;civil;../with-photos.csv\n".as_bytes());
    let err = env.fails(&["import", file.to_str().unwrap(), "--photos", photos.to_str().unwrap()], 1);
    assert!(err.contains("line 2") && err.contains("absent.jpg"), "{err}");
    assert!(err.contains("line 3") && err.contains("broken.jpg"), "{err}");
    assert!(err.contains("line 4"), "{err}");
    assert_eq!(env.json(&["detainee", "list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn xlsx_with_detainee_and_sponsor_sheets_imports() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let env = Env::init();
    let path = env.path("liste.xlsx");
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = book.add_worksheet().set_name("Détenus").unwrap();
    for (c, h) in
        ["Nom", "Nom arménien", "Catégorie", "Date de naissance", "Date de capture", "Statut"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Sevak Tableurian").unwrap();
    ws.write_string(1, 1, "Սևակ Տաբլերյան").unwrap();
    ws.write_string(1, 2, "Prisonnier de guerre").unwrap();
    ws.write_datetime_with_format(1, 3, ExcelDateTime::from_ymd(1998, 7, 14).unwrap(), &date).unwrap();
    ws.write_string(1, 4, "13/12/2020").unwrap();
    ws.write_string(1, 5, "Détenu").unwrap();
    ws.write_string(2, 0, "Tigran Cellule").unwrap();
    ws.write_string(2, 2, "civil").unwrap();
    ws.write_number(2, 3, 1975).unwrap();
    let ws = book.add_worksheet().set_name("Parrains").unwrap();
    for (c, h) in ["Nom", "Type", "Ville", "Pays", "Signataire", "Titre du signataire"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in
        ["Ville de Fictiveville", "mairie", "Fictiveville", "France", "Jeanne Exemple", "Maire"].iter().enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    book.save(&path).unwrap();
    let out = env.ok(&["import", path.to_str().unwrap(), "--dry-run"]);
    assert!(out.contains("[Détenus]") && out.contains("[Parrains]"), "{out}");
    assert!(
        out.contains("     2  create  Sevak Tableurian") && out.contains("     3  create  Tigran Cellule"),
        "{out}"
    );
    env.ok(&["import", path.to_str().unwrap()]);
    let people = env.json(&["detainee", "list", "--json"]);
    let sevak = people.as_array().unwrap().iter().find(|p| p["name"] == "Sevak Tableurian").unwrap();
    assert_eq!(sevak["born"], "1998-07-14", "a real Excel date cell");
    assert_eq!(sevak["captured"], "2020-12-13");
    assert_eq!(sevak["category"], "pow");
    let tigran = people.as_array().unwrap().iter().find(|p| p["name"] == "Tigran Cellule").unwrap();
    assert_eq!(tigran["born"], "1975", "a year typed as a number");
    let sponsors = env.json(&["sponsor", "list", "--json"]);
    assert_eq!(sponsors[0]["kind"], "city");
    assert_eq!(sponsors[0]["signatory"]["title"], "Maire");

    // Our own XLSX export (a sheet per record type, every row with its id) imports back as "unchanged".
    let x = env.path("export.xlsx");
    env.ok(&["export", "xlsx", "-o", x.to_str().unwrap()]);
    let out = env.ok(&["import", x.to_str().unwrap()]);
    assert!(out.contains("0 created, 0 updated, 3 skipped"), "{out}");
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&x).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Detainees", "Sponsors", "Sponsorships"]);
    let r = wb.worksheet_range("Detainees").unwrap();
    assert_eq!(r.get((0, 0)).unwrap().to_string(), "id");
    for row in r.rows().skip(1) {
        assert!(uuid::Uuid::parse_str(&row[0].to_string()).is_ok(), "every row carries its id");
    }
}

/// A minimal ZIP writer (stored entries), enough for an OpenDocument spreadsheet.
fn zip_stored(files: &[(&str, &[u8])]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let (mut out, mut central) = (vec![], vec![]);
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let head = |sig: u32, central: bool| {
            let mut h = sig.to_le_bytes().to_vec();
            if central {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            for v in [20u16, 0, 0, 0, 0] {
                h.extend_from_slice(&v.to_le_bytes());
            }
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central {
                for v in [0u16, 0, 0] {
                    h.extend_from_slice(&v.to_le_bytes());
                }
                h.extend_from_slice(&0u32.to_le_bytes());
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(head(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend(head(0x0201_4b50, true));
    }
    let (cd_offset, cd_len) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, files.len() as u16, files.len() as u16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn ods_from_libreoffice_imports() {
    let env = Env::init();
    let cell =
        |v: &str| format!("<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>");
    let date = |v: &str| {
        format!("<table:table-cell office:value-type=\"date\" office:date-value=\"{v}\"><text:p>{v}</text:p></table:table-cell>")
    };
    let row = |cells: Vec<String>| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Feuille1">{}{}{}</table:table></office:spreadsheet></office:body></office:document-content>"#,
        row(vec![cell("Nom"), cell("Catégorie"), cell("Date de naissance"), cell("Statut")]),
        row(vec![cell("Ani Libreoffician"), cell("civile"), date("1979-05-28"), cell("libérée")]),
        row(vec![cell("Vahé Calcian"), cell("disparu"), cell("03/04/1990"), cell("sort inconnu")]),
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let ods = zip_stored(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ]);
    let path = env.path("liste.ods");
    write(&path, &ods);
    let out = env.ok(&["import", path.to_str().unwrap()]);
    assert!(out.contains("2 created"), "{out}");
    let people = env.json(&["detainee", "list", "--json"]);
    let ani = people.as_array().unwrap().iter().find(|p| p["name"] == "Ani Libreoffician").unwrap();
    assert_eq!((ani["born"].as_str(), ani["category"].as_str()), (Some("1979-05-28"), Some("civilian")));
}

#[test]
fn a_malformed_file_is_a_clear_error() {
    let env = Env::init();
    let fake = env.path("fake.xlsx");
    write(&fake, b"PK\x03\x04 this is not really a workbook");
    let err = env.fails(&["import", fake.to_str().unwrap()], 1);
    assert!(err.contains("fake.xlsx"), "{err}");
    let bin = env.path("photo.csv");
    write(&bin, &[0xFF, 0xD8, 0xFF, 0, 0, 0, 1, 2]);
    let err = env.fails(&["import", bin.to_str().unwrap()], 1);
    assert!(err.contains("photo.csv"), "{err}");
    let nohead = env.path("noname.csv");
    write(&nohead, b"colour,size\nred,3\n");
    let err = env.fails(&["import", nohead.to_str().unwrap(), "--kind", "detainee"], 1);
    assert!(err.contains("no column gives the name"), "{err}");
    let err = env.fails(&["import", env.path("absent.csv").to_str().unwrap()], 1);
    assert!(err.contains("absent.csv"), "{err}");
}

#[test]
fn sponsors_import_with_logos_and_french_kinds() {
    let env = Env::init();
    write(&env.path("logo-ville.png"), &png_with_text(300, "LOGO-META"));
    let file = env.path("parrains.csv");
    write(
        &file,
        "Nom;Type de parrain;Ville;Pays;Site web;Logo\n\
         Ville de Démo;collectivité;Démoville;France;https://example.invalid;logo-ville.png\n\
         Jeanne Exemple;députée;Lyon;France;;\n\
         Association Fictive;association;Genève;Suisse;;\n"
            .as_bytes(),
    );
    let out = env.ok(&["import", file.to_str().unwrap()]);
    assert!(out.contains("3 created"), "{out}");
    let list = env.json(&["sponsor", "list", "--json"]);
    let kinds: Vec<&str> = list.as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["ngo", "parliamentarian", "city"]);
    assert!(list[2]["logo_id"].is_string());
    // The same sponsor in another spelling is a possible duplicate, unless the city differs.
    write(&file, "Nom;Type;Ville\nVILLE DE DEMO;ville;Démoville\nAssociation Fictive;ong;Paris\n".as_bytes());
    let err = env.fails(&["import", file.to_str().unwrap()], 1);
    assert!(err.contains("1 possible duplicate.") && err.contains("line 2"), "{err}");
}

#[test]
fn commitment_and_status_aliases_from_spreadsheets() {
    // The French spellings used in the collective's lists parse as the closed lists' values.
    use dossier::model::Choice;
    assert_eq!(Category::parse_choice("category", "Prisonniers de guerre").unwrap(), Category::PrisonerOfWar);
    assert_eq!(Category::parse_choice("category", "Dirigeant politique").unwrap(), Category::PoliticalLeader);
    assert_eq!(Status::parse_choice("status", "Condamnée").unwrap(), Status::Sentenced);
    assert_eq!(SponsorKind::parse_choice("kind", "Mairie").unwrap(), SponsorKind::City);
    assert!(CommitmentKind::parse_choice("commitments", "logo").is_ok());
    let _ = DuplicatePolicy::default();
}

/// A workbook as the bounds tests build it: the given sheet XML under the name `sheet`, compressed.
fn xlsx_with_sheet(sheet: &str, xml: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let ct = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let wb = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let wbrels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", wbrels.as_bytes()),
        ("xl/worksheets/sheet1.xml", xml.as_bytes()),
    ];
    for (name, bytes) in parts.into_iter().chain(extra.iter().copied()) {
        z.start_file(name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn sheet_xml(dimension: &str, cells: &[(&str, &str)]) -> String {
    let cells: String = cells
        .iter()
        .map(|(at, v)| {
            format!(
                r#"<row r="{}"><c r="{at}" t="inlineStr"><is><t>{v}</t></is></c></row>"#,
                &at[at.find(|c: char| c.is_ascii_digit()).unwrap()..]
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{cells}</sheetData></worksheet>"#
    )
}

/// A 2 KB workbook with one filled cell at XFD1048576 (its declared dimension saying A1:B2) aborted the import:
/// the reader built the whole rectangle, 17 billion cells ("memory allocation of 549755813888 bytes failed").
/// Cells are now read one by one and the first one past the bounds refuses the file, naming the sheet.
#[test]
fn regression_a_2_kb_workbook_with_a_far_cell_no_longer_aborts_the_import() {
    let env = Env::init();
    let far = xlsx_with_sheet(
        "Bombe",
        &sheet_xml("A1:B2", &[("A1", "Nom"), ("A2", "Aram Fictivyan"), ("XFD1048576", "x")]),
        &[],
    );
    assert!(far.len() < 2048, "{} bytes", far.len());
    let path = env.path("bombe.xlsx");
    write(&path, &far);
    let err = env.fails(&["import", path.to_str().unwrap(), "--dry-run"], 1);
    assert!(err.contains("bombe.xlsx") && err.contains("“Bombe”") && err.contains("row 1048576"), "{err}");
    let fr = env.fails(&["--ui-lang", "fr", "import", path.to_str().unwrap()], 1);
    assert!(fr.contains("feuille « Bombe »") && fr.contains("Rien n'a été importé"), "{fr}");
    // A far column on a near row, likewise.
    let wide = xlsx_with_sheet("Large", &sheet_xml("A1:A2", &[("A1", "Nom"), ("XFD2", "x")]), &[]);
    write(&path, &wide);
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("“Large”") && err.contains("column 16384"), "{err}");
    // Within the bounds (its last cell on row 100,000, column GR), a sheet imports as before.
    let edge = xlsx_with_sheet(
        "Liste",
        &sheet_xml(
            "A1:GR100000",
            &[("A1", "Nom"), ("B1", "Catégorie"), ("A2", "Aram Fictivyan"), ("B2", "civil"), ("GR100000", "")],
        ),
        &[],
    );
    write(&path, &edge);
    let out = env.ok(&["import", path.to_str().unwrap(), "--dry-run"]);
    assert!(out.contains("1 to create"), "{out}");
    assert!(env.json(&["detainee", "list", "--json"]).as_array().unwrap().is_empty());
}

/// A part that unpacks to more than 128 MB (here shared strings of spaces, a few hundred KB compressed) is
/// refused before the workbook is opened, naming the part.
#[test]
fn a_workbook_part_that_unpacks_too_far_is_refused_before_it_is_read() {
    let env = Env::init();
    let spaces = vec![b' '; (dossier::exchange::table::limits::MAX_PART_BYTES + 1) as usize];
    let book = xlsx_with_sheet("Liste", &sheet_xml("A1", &[("A1", "Nom")]), &[("xl/sharedStrings.xml", &spaces)]);
    drop(spaces);
    assert!(book.len() < 1 << 20, "{} bytes", book.len());
    let path = env.path("gonfle.xlsx");
    write(&path, &book);
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("xl/sharedStrings.xml") && err.contains("unpacks to more than 134 MB"), "{err}");
}

/// An 800-byte ODS file repeating one filled cell 16,000 times on 6,000 repeated rows made the import hold 96
/// million cells (17 GB of memory measured). Repetitions are counted in `content.xml` before the file is opened;
/// the trailing empty repetitions LibreOffice writes (a million empty rows, a thousand empty columns) still import.
#[test]
fn regression_an_ods_repeating_a_filled_cell_is_refused_before_it_is_read() {
    let env = Env::init();
    let ods = |table: &str| {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Feuille1"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Catégorie</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row>{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        zip_stored(&[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            ("content.xml", content.as_bytes()),
        ])
    };
    let path = env.path("liste.ods");
    let person = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Ani Fictivyan</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>civile</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row>"#;
    let trailing = r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
    write(&path, &ods(&format!("{person}{trailing}")));
    let out = env.ok(&["import", path.to_str().unwrap()]);
    assert!(out.contains("1 created"), "{out}");

    let bomb = r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    write(&path, &ods(bomb));
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("“Feuille1”") && err.contains("column 16000"), "{err}");
    let rows = r#"<table:table-row table:number-rows-repeated="200000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    write(&path, &ods(rows));
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("“Feuille1”") && err.contains("row 200001"), "{err}");
    let cells = r#"<table:table-row table:number-rows-repeated="90000"><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    write(&path, &ods(cells));
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("more than the 4000000 cells"), "{err}");
}

/// Old Excel files (and password-protected workbooks, in the same container) are read whole, every sheet as a full
/// rectangle, before any bound applies: refused, saying how to import them.
#[test]
fn old_excel_workbooks_are_refused_with_a_way_out() {
    let env = Env::init();
    let path = env.path("ancien.xls");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    write(&path, &ole);
    let e = dossier::exchange::table::read_tables(&path).unwrap_err();
    assert_eq!(e.code(), "old_workbook");
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("ancien.xls") && err.contains("save it as .xlsx or .ods"), "{err}");
}

/// A file over 100 MB is refused from its size, before it is read (a sparse file here: nothing is allocated), and
/// the import's first look at it (is it a JSON export?) reads only its beginning.
#[test]
fn a_spreadsheet_over_100_mb_is_refused_before_it_is_read() {
    let env = Env::init();
    let path = env.path("enorme.csv");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(dossier::exchange::table::limits::MAX_FILE_BYTES + 1).unwrap();
    let e = dossier::exchange::table::read_tables(&path).unwrap_err();
    assert_eq!(e.code(), "sheet_too_large");
    assert!(!dossier::exchange::is_json(&path));
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(err.contains("enorme.csv") && err.contains("the limit is 105 MB"), "{err}");
}

/// The app's wizard decides each possible duplicate on its own row: merge into the existing record (filling only
/// its empty fields, with history), keep both, or skip. All names are fictional.
#[test]
fn each_possible_duplicate_is_decided_on_its_row_and_a_merge_fills_only_empty_fields() {
    use exchange::{Action, RowChoice, RowDecision};
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "d.dossier");
    let mut aram = Detainee::new("Aram Haroutiounian", Category::PrisonerOfWar);
    aram.born = exchange::import::parse_date("1995-04-01");
    aram.rank = Some("sergent (fictif)".into());
    let aram = d.insert(aram).unwrap().id;
    let nune = d.insert(Detainee::new("Nune Newperson", Category::Civilian)).unwrap().id;
    let file = dir.path().join("rows.csv");
    write(
        &file,
        "Nom;Catégorie;Date de naissance;Lieu de naissance;Grade\n\
         Harutyunyan Aram;prisonnier de guerre;01/04/1995;Goris (fictif);lieutenant (fictif)\n\
         Nouné Newperson;civil;;Erevan (fictif);\n\
         Lévon Exemplian;civil;;;\n\
         Nune Newperson;civil;;;\n"
            .as_bytes(),
    );
    // Undecided, the duplicates refuse the import.
    let plan = exchange::plan_import(&d, &file, &opts()).unwrap();
    assert_eq!(plan.report.summary.duplicates, 3, "{:?}", plan.report.summary);
    assert_eq!(plan.report.rows[0].values.iter().find(|(f, _)| f == "birth_place").unwrap().1, "Goris (fictif)");
    assert!(plan.report.rows[2].values.is_empty(), "values are sent only for rows with duplicates");
    // Merging into a record the row does not double is refused on that row.
    let wrong = ImportOptions {
        decisions: vec![RowDecision { sheet: None, line: 2, choice: RowChoice::Merge(nune) }],
        ..opts()
    };
    let plan = exchange::plan_import(&d, &file, &wrong).unwrap();
    assert_eq!(plan.report.rows[0].action, Action::Error);

    let decided = ImportOptions {
        decisions: vec![
            RowDecision { sheet: None, line: 2, choice: RowChoice::Merge(aram) },
            RowDecision { sheet: None, line: 3, choice: RowChoice::KeepBoth },
            RowDecision { sheet: None, line: 5, choice: RowChoice::Skip },
        ],
        ..opts()
    };
    let plan = exchange::plan_import(&d, &file, &decided).unwrap();
    let actions: Vec<Action> = plan.report.rows.iter().map(|r| r.action).collect();
    assert_eq!(actions, vec![Action::Merge, Action::Create, Action::Create, Action::Skip]);
    assert_eq!(plan.report.rows[0].id, Some(aram));
    assert_eq!(plan.report.rows[0].changes, vec!["birth_place".to_owned()], "the rank it has is kept");
    let s = &plan.report.summary;
    assert_eq!((s.merge, s.create, s.skip, s.duplicates, s.errors), (1, 2, 1, 0, 0));
    let report = exchange::apply_import(&mut d, plan).unwrap();
    assert!(report.applied);

    let merged = d.get::<Detainee>(aram).unwrap().data;
    assert_eq!(merged.name, "Aram Haroutiounian", "the record's own name stays");
    assert_eq!(merged.birth_place.as_deref(), Some("Goris (fictif)"), "an empty field is filled from the row");
    assert_eq!(merged.rank.as_deref(), Some("sergent (fictif)"), "a filled field is never overwritten");
    let history = d.history(aram).unwrap();
    assert!(
        history.iter().any(|c| c.field == "birth_place" && c.new_value.as_deref().is_some_and(|v| v.contains("Goris"))),
        "the merge is in the record's history: {history:?}"
    );
    let mut names = names_of(&d);
    names.sort();
    assert_eq!(names, ["Aram Haroutiounian", "Lévon Exemplian", "Nouné Newperson", "Nune Newperson"]);
}

/// Cancelling while an import is being written rolls back the rows already written in its transaction.
#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "d.dossier");
    let file = dir.path().join("rows.csv");
    let rows: String = (0..50).map(|i| format!("Personne Fictive{i};civil\n")).collect();
    write(&file, format!("Nom;Catégorie\n{rows}").as_bytes());
    let plan = exchange::plan_import(&d, &file, &opts()).unwrap();
    let mut seen = vec![];
    let err = exchange::apply_import_with(&mut d, plan, |done, total| {
        seen.push((done, total));
        done < 20
    })
    .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(seen.first(), Some(&(0, 50)));
    assert_eq!(seen.last(), Some(&(20, 50)));
    assert!(names_of(&d).is_empty(), "nothing was written");
    let plan = exchange::plan_import(&d, &file, &opts()).unwrap();
    let mut last = (0, 0);
    exchange::apply_import_with(&mut d, plan, |done, total| {
        last = (done, total);
        true
    })
    .unwrap();
    assert_eq!(last, (50, 50), "the end is reported");
    assert_eq!(names_of(&d).len(), 50);
}

#[test]
fn csv_format_and_the_existing_record_beside_a_duplicate_are_in_the_users_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "words.dossier");
    let mut person = Detainee::new("Aram Haroutiounian", Category::PrisonerOfWar);
    person.sex = Some(dossier::model::Sex::Male);
    let aram = d.insert(person).unwrap().id;
    let path = dir.path().join("words.csv");
    write(&path, "nom;catégorie\r\nHarutyunyan Aram;pg\r\n".as_bytes());
    let format = dossier::exchange::table::CsvFormat {
        encoding: "Windows-1252".into(),
        delimiter: dossier::exchange::table::Delimiter::Semicolon,
    };
    assert_eq!(format.in_words(Lang::Fr), "Windows-1252, séparateur point-virgule");
    assert_eq!(format.in_words(Lang::En), "Windows-1252, semicolon separated");
    assert_eq!(format.summary(), "Windows-1252, semicolon");

    let request =
        dossier::api::ImportRequest { kind: Some(dossier::model::RecordKind::Detainee), ..Default::default() };
    let preview = dossier::api::import_preview(&d, &path, &request, None, Lang::Fr).unwrap();
    let csv = preview.report.sheets[0].csv.as_ref().unwrap();
    assert_eq!(csv.in_words(Lang::Fr), "UTF-8, séparateur point-virgule");
    let existing = preview.existing.iter().find(|e| e.id == aram).expect("the possible duplicate is shown");
    let value = |f: &str| existing.values.iter().find(|(k, _)| k == f).map(|(_, v)| v.as_str());
    assert_eq!(value("category"), Some("Prisonnier de guerre"));
    assert_eq!(value("sex"), Some("Homme"));
    assert!(existing.values.iter().all(|(_, v)| v != "pow" && v != "male"), "{:?}", existing.values);
}
