//! The `dossier` command-line contract: command names, flags, JSON keys and exit codes that scripts rely on.

use crate::util::*;

#[test]
fn init_creates_a_dossier_and_refuses_to_overwrite_it() {
    let env = Env::new();
    env.ok(&["init"]);
    assert!(env.db.exists());
    let before = std::fs::read(&env.db).unwrap();
    let err = env.fails(&["init"], 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&env.db).unwrap(), before, "a refused init must leave the dossier untouched");
}

#[test]
fn init_refuses_to_overwrite_any_file() {
    let env = Env::new();
    write(&env.db, b"precious notes");
    env.fails(&["init"], 1);
    assert_eq!(std::fs::read(&env.db).unwrap(), b"precious notes");
}

#[test]
fn init_refuses_a_short_passphrase() {
    let env = Env::new();
    let out = env.cmd(&["init"]).env("DOSSIER_PASSPHRASE", "short").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 8"));
    assert!(!env.db.exists(), "a refused init leaves no file");
}

#[test]
fn wrong_passphrase_is_a_clear_error_that_changes_nothing() {
    let env = Env::init();
    env.id(&["detainee", "add", "--name", "Aram Tsutsakyan", "--category", "pow"]);
    let before = std::fs::read(&env.db).unwrap();
    let out = env.cmd(&["detainee", "list"]).env("DOSSIER_PASSPHRASE", "not the passphrase").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Wrong passphrase"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one clear message, no library noise: {err}");
    assert_eq!(std::fs::read(&env.db).unwrap(), before, "a wrong passphrase must not change the file");
    // French when the system speaks French.
    let out = env
        .cmd(&["detainee", "list"])
        .env("DOSSIER_PASSPHRASE", "not the passphrase")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("Phrase secrète incorrecte"));
}

#[test]
fn missing_dossier_is_a_clear_error() {
    let env = Env::new();
    let err = env.fails(&["detainee", "list"], 1);
    assert!(err.contains("No dossier"), "{err}");
}

#[test]
fn detainee_add_prints_the_id_and_list_shows_it() {
    let env = Env::init();
    let id = env.id(&[
        "detainee",
        "add",
        "--name",
        "Aram Tsutsakyan",
        "--name-hy",
        "Արամ Ցուցակյան",
        "--category",
        "pow",
        "--born",
        "1995-04-02",
        "--captured",
        "2020-12-13",
        "--status",
        "detained",
    ]);
    let list = env.json(&["detainee", "list", "--json"]);
    let arr = list.as_array().expect("an array");
    assert_eq!(arr.len(), 1);
    assert_eq!(arr[0]["id"], id.as_str());
    assert_eq!(arr[0]["name"], "Aram Tsutsakyan");
    assert_eq!(arr[0]["name_hy"], "Արամ Ցուցակյան");
    assert_eq!(arr[0]["category"], "pow");
    let show = env.json(&["detainee", "show", &id, "--json"]);
    assert_eq!(show["status"], "detained");
    assert_eq!(show["born"], "1995-04-02");
    // Text output names the person too, and a unique id prefix is enough.
    assert!(env.ok(&["detainee", "show", &id[..8]]).contains("Aram Tsutsakyan"));
}

#[test]
fn detainee_list_filters_by_category() {
    let env = Env::init();
    env.id(&["detainee", "add", "--name", "A One", "--category", "pow"]);
    env.id(&["detainee", "add", "--name", "B Two", "--category", "civilian"]);
    env.id(&["detainee", "add", "--name", "C Three", "--category", "disparu"]);
    let pows = env.json(&["detainee", "list", "--category", "pow", "--json"]);
    assert_eq!(pows.as_array().unwrap().len(), 1);
    let dis = env.json(&["detainee", "list", "--category", "disappeared", "--json"]);
    assert_eq!(dis[0]["name"], "C Three", "French category names are accepted on input");
}

#[test]
fn refusals_exit_1_with_one_clear_message() {
    let env = Env::init();
    let cases: &[(&[&str], &str)] = &[
        (&["detainee", "add", "--name", "X", "--category", "soldier"], "Unknown value for \"category\""),
        (&["detainee", "add", "--name", "   ", "--category", "pow"], "cannot be empty"),
        (&["detainee", "add", "--name", "", "--category", "pow"], "cannot be empty"),
        (
            &[
                "detainee",
                "add",
                "--name",
                "X",
                "--category",
                "pow",
                "--born",
                "2001-05-01",
                "--captured",
                "2000-01-01",
            ],
            "capture date is before the birth date",
        ),
        (&["detainee", "add", "--name", "X", "--category", "pow", "--born", "2001-13-01"], "Invalid date"),
        (
            &["detainee", "add", "--name", "X", "--category", "pow", "--status", "jailed"],
            "Unknown value for \"status\"",
        ),
        (&["detainee", "show", "00000000-0000-4000-8000-000000000000"], "not found"),
        (&["sponsor", "add", "--name", "Town", "--kind", "village"], "Unknown value for \"kind\""),
    ];
    for (args, expected) in cases {
        let err = env.fails(args, 1);
        assert!(err.contains(expected), "{args:?}: expected {expected:?} in {err:?}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: one message: {err}");
    }
    assert_eq!(env.json(&["detainee", "list", "--json"]).as_array().unwrap().len(), 0, "nothing refused was saved");
}

#[test]
fn refusals_speak_french_on_a_french_system() {
    let env = Env::init();
    let out = env
        .cmd(&["detainee", "add", "--name", "X", "--category", "soldat"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Valeur inconnue pour « catégorie »"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::init();
    env.fails(&["frobnicate"], 2);
    env.fails(&["detainee", "add", "--category", "pow"], 2);
    env.fails(&["sponsorship", "add", "--sponsor", "x"], 2);
    env.fails(&["detainee", "edit", "abc", "--set", "novalue"], 2);
}

#[test]
fn detainee_edit_sets_fields_and_refuses_unknown_ones() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Gor Tarekanyan", "--category", "civilian", "--born", "1980"]);
    env.ok(&[
        "detainee",
        "edit",
        &id,
        "--set",
        "name_hy=Գոռ Հակոբյան",
        "--set",
        "captured=2021-02",
        "--set",
        "status=sentenced",
    ]);
    let show = env.json(&["detainee", "show", &id, "--json"]);
    assert_eq!(show["name_hy"], "Գոռ Հակոբյան");
    assert_eq!(show["captured"], "2021-02");
    assert_eq!(show["status"], "sentenced");
    let err = env.fails(&["detainee", "edit", &id, "--set", "nickname=Gogo"], 1);
    assert!(err.contains("Unknown field"), "{err}");
    let err = env.fails(&["detainee", "edit", &id, "--set", "captured=1970-01-01"], 1);
    assert!(err.contains("capture date is before"), "{err}");
    let err = env.fails(&["detainee", "edit", &id, "--set", "category=prisoner"], 1);
    assert!(err.contains("category"), "{err}");
    assert_eq!(env.json(&["detainee", "show", &id, "--json"])["category"], "civilian", "a refused edit saves nothing");
}

#[test]
fn contact_add_keeps_a_confidential_contact() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Vahe Gaghtnyan", "--category", "pow"]);
    let cid = env.id(&[
        "contact",
        "add",
        "--detainee",
        &id,
        "--name",
        "Ruzanna Gaghtnyan",
        "--relation",
        "mother",
        "--phone",
        "+374 10 000 001",
        "--email",
        "r@example.invalid",
    ]);
    let list = env.json(&["contact", "list", "--detainee", &id, "--json"]);
    assert_eq!(list[0]["id"], cid.as_str());
    assert_eq!(list[0]["phone"], "+374 10 000 001");
    assert!(env.ok(&["contact", "list", "--detainee", &id]).contains("CONFIDENTIAL"));
    let err = env.fails(&["contact", "add", "--detainee", &id, "--name", "X", "--email", "not-an-email"], 1);
    assert!(err.contains("email"), "{err}");
    env.fails(&["contact", "add", "--detainee", "00000000-0000-4000-8000-000000000000", "--name", "X"], 1);
}

#[test]
fn sponsor_and_sponsorship_commands() {
    let env = Env::init();
    let logo = env.path("logo.png");
    write(&logo, &png_with_text(64, "logo"));
    let sid = env.id(&[
        "sponsor",
        "add",
        "--name",
        "Ville d'Exemple",
        "--kind",
        "city",
        "--signatory",
        "Marie Exemple",
        "--signatory-title",
        "Maire",
        "--logo",
        logo.to_str().unwrap(),
    ]);
    let sponsors = env.json(&["sponsor", "list", "--json"]);
    assert_eq!(sponsors[0]["id"], sid.as_str());
    assert_eq!(sponsors[0]["name"], "Ville d'Exemple");
    assert_eq!(sponsors[0]["signatory"]["title"], "Maire");
    assert!(sponsors[0]["logo_id"].is_string(), "the logo is stored");

    let did = env.id(&["detainee", "add", "--name", "Narek Hovanavoryan", "--category", "pow"]);
    let one = env.id(&[
        "sponsorship",
        "add",
        "--sponsor",
        &sid,
        "--detainee",
        &did,
        "--commitments",
        "logo,banner,lobbying",
        "--stage",
        "agreed",
    ]);
    let group = env.id(&["sponsorship", "add", "--sponsor", &sid, "--whole-group"]);
    let list = env.json(&["sponsorship", "list", "--json"]);
    let arr = list.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    let find = |id: &str| arr.iter().find(|s| s["id"] == id).expect("listed").clone();
    assert_eq!(find(&one)["sponsor_id"], sid.as_str());
    assert_eq!(find(&one)["detainee_id"], did.as_str());
    assert_eq!(find(&one)["stage"], "agreed");
    assert_eq!(find(&one)["commitments"].as_array().unwrap().len(), 3);
    assert!(find(&group)["detainee_id"].is_null(), "whole-group sponsorships have a null detainee_id");

    env.ok(&[
        "sponsorship",
        "edit",
        &one,
        "--set",
        "stage=signed",
        "--set",
        "ceremony.date=2026-05-04",
        "--set",
        "commitment.banner=done",
    ]);
    let s = env.json(&["sponsorship", "show", &one, "--json"]);
    assert_eq!(s["stage"], "signed");
    assert_eq!(s["ceremony"]["date"], "2026-05-04");

    let err =
        env.fails(&["sponsorship", "add", "--sponsor", &sid, "--detainee", &did, "--commitments", "logo,fireworks"], 1);
    assert!(err.contains("fireworks"), "{err}");
    let err = env.fails(&["sponsorship", "edit", &one, "--set", "stage=ended"], 1);
    assert!(err.contains("end reason"), "an ended sponsorship needs its reason: {err}");
    // A sponsor still sponsoring cannot be deleted; its sponsorships would dangle.
    let err = env.fails(&["sponsor", "delete", &sid], 1);
    assert!(err.contains("sponsorship"), "{err}");
}

#[test]
fn search_command_finds_people_and_sponsors() {
    let env = Env::init();
    let id = env.id(&[
        "detainee",
        "add",
        "--name",
        "Hovhannes Ter-Minasyan",
        "--name-hy",
        "Հովհաննես Տեր-Մինասյան",
        "--category",
        "political",
    ]);
    let sid = env.id(&["sponsor", "add", "--name", "Ville de Hovsepian-sur-Mer", "--kind", "city"]);
    let hits = env.json(&["search", "hovh", "--json"]);
    let ids: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&id.as_str()));
    for h in hits.as_array().unwrap() {
        assert!(h["name"].is_string(), "hits carry a name");
    }
    let hits = env.json(&["search", "hovsep", "--json"]);
    assert_eq!(hits[0]["id"], sid.as_str());
    assert!(env.ok(&["search", "Տեր"]).contains("Hovhannes Ter-Minasyan"));
    assert!(env.ok(&["search", "nobody-at-all"]).contains("No results"));
}

#[test]
fn history_shows_who_changed_what() {
    let env = Env::init();
    let id = env.id(&["detainee", "add", "--name", "Ashot Patmutyan", "--category", "pow"]);
    env.ok(&["detainee", "edit", &id, "--set", "name=Ashot Patmutian"]);
    let h = env.json(&["history", &id, "--json"]);
    let rows = h.as_array().unwrap();
    let change = rows.iter().find(|r| r["action"] == "update" && r["field"] == "name").expect("name change recorded");
    assert_eq!(change["old_value"], "Ashot Patmutyan");
    assert_eq!(change["new_value"], "Ashot Patmutian");
    assert_eq!(change["actor"], "tester");
    assert!(rows.iter().any(|r| r["action"] == "create" && r["field"] == "category" && r["new_value"] == "pow"));
    let text = env.ok(&["history", &id]);
    assert!(text.contains("Ashot Patmutyan → Ashot Patmutian"), "{text}");
}

#[test]
fn demo_fills_every_category_kind_and_stage() {
    let env = Env::init();
    env.ok(&["demo"]);
    let people = env.json(&["detainee", "list", "--json"]);
    let people = people.as_array().unwrap();
    assert!(people.len() >= 20);
    for cat in ["pow", "civilian", "political", "disappeared"] {
        assert!(people.iter().any(|p| p["category"] == cat), "a {cat} in the sample");
    }
    assert!(people
        .iter()
        .any(|p| p["name_hy"].as_str().is_some_and(|n| n.chars().any(|c| ('\u{531}'..='\u{58F}').contains(&c)))));
    assert!(
        people.iter().all(|p| p["notes"].as_str().unwrap_or("").contains("ictif")),
        "sample data says it is fictional"
    );
    let sponsors = env.json(&["sponsor", "list", "--json"]);
    for kind in ["city", "ngo", "person", "parliamentarian", "institution"] {
        assert!(sponsors.as_array().unwrap().iter().any(|s| s["kind"] == kind), "a {kind} sponsor");
    }
    let ships = env.json(&["sponsorship", "list", "--json"]);
    for stage in ["prospect", "approached", "agreed", "signed", "active", "ended"] {
        assert!(ships.as_array().unwrap().iter().any(|s| s["stage"] == stage), "a sponsorship at stage {stage}");
    }
    assert!(ships.as_array().unwrap().iter().any(|s| s["detainee_id"].is_null()), "a whole-group sponsorship");
    // Running it again does not double the sample; --scale adds synthetic people.
    env.ok(&["demo", "--scale", "30"]);
    let n = env.json(&["detainee", "list", "--json"]).as_array().unwrap().len();
    assert_eq!(n, people.len() + 30);
}

/// DOSSIER_PASSPHRASE lands in shell history and in /proc/PID/environ: `--passphrase-file FILE` (or `-` for
/// standard input) gives the passphrase without either.
#[test]
fn passphrase_file_or_standard_input_instead_of_the_environment() {
    use std::io::Write;
    let env = Env::init();
    let file = env.path("pass.txt");
    write(&file, format!("{PASS}\n").as_bytes());
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut c = env.cmd(args);
        c.env_remove("DOSSIER_PASSPHRASE").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        let mut child = c.stderr(std::process::Stdio::piped()).spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
        drop(input);
        child.wait_with_output().unwrap()
    };
    let from_file = run(&["--passphrase-file", file.to_str().unwrap(), "detainee", "list", "--json"], None);
    assert!(from_file.status.success(), "{}", String::from_utf8_lossy(&from_file.stderr));
    let from_stdin = run(&["--passphrase-file", "-", "detainee", "list", "--json"], Some(&format!("{PASS}\r\n")));
    assert!(from_stdin.status.success(), "{}", String::from_utf8_lossy(&from_stdin.stderr));
    write(&file, b"not the passphrase\n");
    let wrong = run(&["--passphrase-file", file.to_str().unwrap(), "detainee", "list"], None);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("passphrase"), "a wrong one is refused as usual");
}

/// `render banner --pdfx` writes a PDF/X-4 file (output intent, PDF/X version in the Info dictionary and the XMP);
/// without the flag the banner is a plain PDF. The structure is checked key by key in `documents::pdfx_*`.
#[test]
fn render_banner_pdfx_flag_writes_a_pdfx4_file() {
    let env = Env::init();
    env.ok(&["demo"]);
    let ships = env.json(&["sponsorship", "list", "--json"]);
    let person = ships
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["stage"] == "signed" && !s["detainee_id"].is_null())
        .map(|s| s["detainee_id"].as_str().unwrap().to_owned())
        .expect("a signed sponsorship of one person in the sample");
    let (x, plain) = (env.path("x.pdf"), env.path("plain.pdf"));
    let args = |out: &std::path::Path| -> Vec<String> {
        ["render", "banner", "--detainee", &person, "--size", "a3", "-o", out.to_str().unwrap()]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let mut with = args(&x);
    with.push("--pdfx".into());
    env.ok(&with.iter().map(String::as_str).collect::<Vec<_>>());
    env.ok(&args(&plain).iter().map(String::as_str).collect::<Vec<_>>());
    let (x, plain) = (std::fs::read(&x).unwrap(), std::fs::read(&plain).unwrap());
    assert!(x.starts_with(b"%PDF-1.6"));
    let doc = lopdf::Document::load_mem(&x).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"OutputIntents").is_ok() && catalog.get(b"Metadata").is_ok());
    let info = doc.trailer.get(b"Info").and_then(|r| doc.get_dictionary(r.as_reference().unwrap())).unwrap();
    assert_eq!(info.get(b"GTS_PDFXVersion").unwrap().as_str().unwrap(), b"PDF/X-4");
    assert!(contains(&x, b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
    let plain = lopdf::Document::load_mem(&plain).unwrap();
    assert!(plain.catalog().unwrap().get(b"OutputIntents").is_err(), "no --pdfx, no output intent");
    // The flag is in the help.
    let help = env.ok(&["render", "banner", "--help"]);
    assert!(help.contains("--pdfx") && help.contains("PDF/X-4"), "{help}");
}

/// `render card`: a PNG at the format's exact pixel size, exit 0; an existing file is refused (exit 1, left as it
/// was) unless `--force`; an unknown format is a usage error (exit 2) that writes nothing. On the fictional sample.
#[test]
fn render_card_writes_a_png_of_the_format_and_refuses_an_existing_file() {
    let env = Env::init();
    env.ok(&["demo"]);
    // A fictional person whose name is public and consented (no photo: the card prints the name large instead).
    let id = env.id(&["detainee", "add", "--name", "Aram Kartoyan (fictif)", "--category", "pow"]);
    env.ok(&["detainee", "edit", &id, "--set", "public=name,capture", "--set", "captured=2021-03-04"]);
    let out = env.path("card.png");
    let o = out.to_str().unwrap();
    env.ok(&["render", "card", "--detainee", &id, "--format", "landscape", "--lang", "en", "-o", o]);
    let png = std::fs::read(&out).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1200, 675));

    std::fs::write(&out, b"kept").unwrap();
    let err = env.fails(&["render", "card", "--detainee", &id, "--format", "square", "-o", o], 1);
    assert!(err.contains("card.png") && err.contains("not overwritten"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"kept");
    env.ok(&["render", "card", "--detainee", &id, "--format", "story", "-o", o, "--force"]);
    let img = image::open(&out).unwrap();
    assert_eq!((img.width(), img.height()), (1080, 1920), "replaced with --force");

    let err = env.fails(
        &["render", "card", "--detainee", &id, "--format", "banner", "-o", &env.path("x.png").to_string_lossy()],
        2,
    );
    assert!(err.contains("square") && err.contains("landscape"), "the formats are listed: {err}");
    assert!(!env.path("x.png").exists());
}

/// A closed output pipe (`dossier detainee list | head -1`) ends the command quietly, as it ends `ls`: no panic
/// message about a broken pipe on the terminal.
#[cfg(unix)]
#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let env = Env::init();
    env.ok(&["demo"]);
    let mut child = env
        .cmd(&["detainee", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the command has written anything.
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
    assert!(status.success() || status.signal() == Some(libc::SIGPIPE), "{status:?}: {err}");
}
