//! Recovery sheets: `recovery create` writes the sheets, any two of three reopen a real SQLCipher dossier under a
//! new passphrase, and everything else (one sheet, sheets of another set or dossier, a mistyped word, a missing
//! recovery file) is refused with a clear message and changes nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use sha2::Digest;

use crate::util::{have, Env, PASS};

const NEW: &str = "a brand new passphrase";

/// A dossier with one record and a set of 3 sheets (2 reopen it) in `sheets/`; the `.txt` files, in order.
fn with_sheets() -> (Env, Vec<PathBuf>) {
    let env = Env::init();
    env.ok(&["detainee", "add", "--name", "Canary Recovery", "--category", "civilian"]);
    let out = env.path("sheets");
    env.ok(&[
        "recovery",
        "create",
        "--shares",
        "3",
        "--threshold",
        "2",
        "-o",
        out.to_str().unwrap(),
        "--names",
        "Paris,Lyon,Genève",
    ]);
    (env, txt_files(&out))
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The words of a sheet's `.txt` file (its last line).
fn words(txt: &Path) -> String {
    std::fs::read_to_string(txt).unwrap().lines().last().unwrap().to_owned()
}

/// `recovery open` with the given sheet files and `new` as the new passphrase.
fn open(env: &Env, sheets: &[&Path], new: &str) -> Output {
    let mut args = vec!["recovery".to_owned(), "open".to_owned()];
    for s in sheets {
        args.push("--share".into());
        args.push(s.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.cmd(&args).env("DOSSIER_NEW_PASSPHRASE", new).env_remove("DOSSIER_PASSPHRASE").output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Whether `pass` opens the dossier (`check` with it).
fn opens_with(env: &Env, pass: &str) -> bool {
    env.cmd(&["check"]).env("DOSSIER_PASSPHRASE", pass).output().unwrap().status.success()
}

fn digest(path: &Path) -> Vec<u8> {
    sha2::Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

/// Every pair of the three sheets reopens the dossier; each time the new passphrase opens it, the previous one
/// no longer does, and the records are all there.
#[test]
fn any_two_of_three_sheets_reopen_the_dossier_under_a_new_passphrase() {
    let (env, sheets) = with_sheets();
    assert_eq!(sheets.len(), 3);
    let mut previous = PASS.to_owned();
    for (i, (a, b)) in [(0, 1), (0, 2), (2, 1)].into_iter().enumerate() {
        let new = format!("{NEW} number {i}");
        let out = open(&env, &[&sheets[a], &sheets[b]], &new);
        assert!(out.status.success(), "sheets {a} and {b}: {}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Dossier reopened"));
        assert!(opens_with(&env, &new));
        assert!(!opens_with(&env, &previous), "the old passphrase must stop working");
        let list = env.cmd(&["detainee", "list", "--json"]).env("DOSSIER_PASSPHRASE", &new).output().unwrap();
        assert!(String::from_utf8_lossy(&list.stdout).contains("Canary Recovery"));
        previous = new;
    }
}

/// One sheet is refused before anything is asked or written; neither the sheet, nor the recovery file, nor
/// anything written holds the passphrase; and one Shamir share is consistent with any key.
#[test]
fn one_sheet_alone_fails_changes_nothing_and_reveals_nothing() {
    let (env, sheets) = with_sheets();
    let before = digest(&env.db);
    for s in &sheets {
        let out = open(&env, &[s], NEW);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("2 sheets are needed"), "{}", stderr(&out));
    }
    assert_eq!(digest(&env.db), before, "nothing was changed");
    assert!(opens_with(&env, PASS));
    let sidecar = dossier::recovery::sidecar_path(&env.db);
    for (path, bytes) in crate::util::files_in(&env.path("sheets"))
        .into_iter()
        .chain([(sidecar.clone(), std::fs::read(&sidecar).unwrap())])
    {
        assert!(!crate::util::contains(&bytes, PASS.as_bytes()), "{} holds the passphrase", path.display());
    }
    // The share on a sheet, read back: combining it with itself is refused, and any second point makes a
    // different key (a single point fixes no secret).
    let share = dossier::recovery::Share::parse(&words(&sheets[0])).unwrap();
    let one = blahaj::Share::try_from(&share.shamir[..]).unwrap();
    assert!(blahaj::Sharks(2).recover([&one]).is_err());
    let mut keys = std::collections::HashSet::new();
    for y in 0..=255u8 {
        let mut other = vec![9u8];
        other.extend(std::iter::repeat_n(y, 32));
        let other = blahaj::Share::try_from(&other[..]).unwrap();
        keys.insert(blahaj::Sharks(2).recover([&one, &other]).unwrap());
    }
    assert_eq!(keys.len(), 256, "every guess at the other sheet gives another key");
}

/// Sheets of an older set (after a new `recovery create`), of two sets mixed, or of another dossier are refused
/// with a plain message, and nothing changes.
#[test]
fn sheets_of_another_set_or_dossier_are_refused() {
    let (env, old) = with_sheets();
    let out = env.path("sheets-2");
    let made =
        env.json(&["recovery", "create", "--shares", "3", "--threshold", "2", "-o", out.to_str().unwrap(), "--json"]);
    assert!(made["replaced_set"].is_string());
    let new = txt_files(&out);
    let before = digest(&env.db);

    let o = open(&env, &[&old[0], &old[1]], NEW);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("belong to another recovery set"), "{}", stderr(&o));

    let o = open(&env, &[&old[0], &new[1]], NEW);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not come from the same set"), "{}", stderr(&o));

    let other = Env::init();
    let dir = other.path("other-sheets");
    other.ok(&["recovery", "create", "--shares", "2", "--threshold", "2", "-o", dir.to_str().unwrap()]);
    let theirs = txt_files(&dir);
    let o = open(&env, &[&theirs[0], &theirs[1]], NEW);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("belong to another dossier"), "{}", stderr(&o));

    assert_eq!(digest(&env.db), before);
    assert!(opens_with(&env, PASS));
    let o = open(&env, &[&new[0], &new[2]], NEW);
    assert!(o.status.success(), "the new set works: {}", stderr(&o));
}

/// One word replaced by another of the list is caught by the checksum, and the message names the sheet; an
/// unknown word is named with its position; nothing changes.
#[test]
fn a_mistyped_word_is_caught_and_names_its_sheet() {
    let (env, sheets) = with_sheets();
    let before = digest(&env.db);
    let text = words(&sheets[1]);
    let mut w: Vec<&str> = text.split(' ').collect();
    let list = bip39::Language::English.word_list();
    let i = list.iter().position(|x| *x == w[20]).unwrap();
    w[20] = list[(i + 7) % 2048];
    let typo = env.path("typo.txt");
    std::fs::write(&typo, w.join(" ")).unwrap();
    let o = open(&env, &[&sheets[0], &typo], NEW);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("typo.txt: ") && err.contains("mistyped"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one message: {err}");

    w[20] = "qwerty";
    std::fs::write(&typo, w.join(" ")).unwrap();
    let err = stderr(&open(&env, &[&sheets[0], &typo], NEW));
    assert!(err.contains("Word 21, \"qwerty\""), "{err}");
    assert_eq!(digest(&env.db), before);
}

/// Words as a person types them: capitals, accents, numbers from the sheet, extra spaces and line breaks, on
/// standard input (sheets separated by an empty line) or with `--share-words`.
#[test]
fn typed_words_with_odd_case_and_spacing_work() {
    let (env, sheets) = with_sheets();
    let typed = |txt: &Path| -> String {
        words(txt)
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                let w = if i % 2 == 0 { w.to_uppercase() } else { w.replacen('a', "à", 1) };
                format!("{}. {w}{}", i + 1, if i % 5 == 4 { "\n" } else { "    " })
            })
            .collect()
    };
    let input = format!("\n{}\n\n  {}\n", typed(&sheets[2]), typed(&sheets[0]));
    let mut child = env
        .cmd(&["recovery", "open"])
        .env("DOSSIER_NEW_PASSPHRASE", NEW)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(opens_with(&env, NEW));

    let again = "yet another passphrase";
    let out = env
        .cmd(&["recovery", "open", "--share-words", &typed(&sheets[1]), "--share-words", &typed(&sheets[2]), "--json"])
        .env("DOSSIER_NEW_PASSPHRASE", again)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sheets"], serde_json::json!([2, 3]));
    assert!(opens_with(&env, again));
}

/// The sheets keep working after `passphrase change` (twice), and the command says so.
#[test]
fn sheets_still_work_after_passphrase_changes() {
    let (env, sheets) = with_sheets();
    let second = "the second passphrase";
    let out = env.cmd(&["passphrase", "change"]).env("DOSSIER_NEW_PASSPHRASE", second).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("The recovery sheets stay valid"));
    let third = "the third passphrase";
    let out = env
        .cmd(&["passphrase", "change"])
        .env("DOSSIER_PASSPHRASE", second)
        .env("DOSSIER_NEW_PASSPHRASE", third)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let o = open(&env, &[&sheets[0], &sheets[2]], NEW);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(opens_with(&env, NEW) && !opens_with(&env, third));
}

/// A second `recovery create` into the same folder refuses before changing anything: the first set stays in
/// force and its files are untouched. Without its recovery file the sheets say plainly what is missing.
#[test]
fn create_refuses_existing_files_and_a_missing_recovery_file_is_named() {
    let (env, sheets) = with_sheets();
    let status = env.json(&["recovery", "status", "--json"]);
    let first = digest(&sheets[0]);
    let dir = env.path("sheets");
    let err = env.fails(&["recovery", "create", "--shares", "3", "--threshold", "2", "-o", dir.to_str().unwrap()], 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(env.json(&["recovery", "status", "--json"]), status);
    assert_eq!(digest(&sheets[0]), first);
    assert_eq!(txt_files(&dir).len(), 3);
    assert_eq!(status["file_ok"], true);

    let sidecar = dossier::recovery::sidecar_path(&env.db);
    let kept = env.path("kept.recovery");
    std::fs::rename(&sidecar, &kept).unwrap();
    let o = open(&env, &[&sheets[0], &sheets[1]], NEW);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("recovery file") && stderr(&o).contains("is missing"), "{}", stderr(&o));
    assert!(env.ok(&["recovery", "status"]).contains("missing or does not match"));
    std::fs::rename(&kept, &sidecar).unwrap();
    assert!(open(&env, &[&sheets[0], &sheets[1]], NEW).status.success());
}

/// The command line's contract: exit 2 for usage errors, 1 with one message for refused values, JSON fields,
/// the same sheet twice, a weak new passphrase (refused before anything changes), and error codes with messages
/// in both languages.
#[test]
fn recovery_command_line_contract() {
    let env = Env::init();
    let dir = env.path("s");
    let d = dir.to_str().unwrap();
    env.fails(&["recovery", "create", "--shares", "3", "-o", d], 2);
    env.fails(&["recovery", "create", "--shares", "3", "--threshold", "2", "-o", d, "--lang", "de"], 2);
    let err = env.fails(&["recovery", "create", "--shares", "3", "--threshold", "1", "-o", d], 1);
    assert!(err.contains("At least 2 sheets"), "{err}");
    env.fails(&["recovery", "create", "--shares", "2", "--threshold", "3", "-o", d], 1);
    let err = env.fails(&["recovery", "create", "--shares", "3", "--threshold", "2", "-o", d, "--names", "A,B"], 1);
    assert!(err.contains("2 organisation names for 3 sheets"), "{err}");
    assert!(!dir.exists(), "a refused create writes nothing");
    let err = env.fails(&["recovery", "status"], 1);
    assert!(err.contains("no recovery sheets"), "{err}");

    let v = env.json(&[
        "recovery",
        "create",
        "--shares",
        "3",
        "--threshold",
        "2",
        "-o",
        d,
        "--names",
        "Paris, Lyon ,Genève",
        "--lang",
        "en",
        "--json",
    ]);
    assert_eq!(v["threshold"], 2);
    assert_eq!(v["shares"], 3);
    assert!(v["replaced_set"].is_null());
    let sheets = v["sheets"].as_array().unwrap();
    assert_eq!(sheets.len(), 3);
    assert_eq!(sheets[2]["organisation"], "Genève");
    assert!(sheets[2]["pdf"].as_str().unwrap().ends_with("recovery-sheet-3-of-3-geneve.pdf"));
    let txt = PathBuf::from(sheets[0]["txt"].as_str().unwrap());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&txt).unwrap().permissions().mode() & 0o777, 0o600);
    let sidecar = dossier::recovery::sidecar_path(&env.db);
    assert_eq!(std::fs::metadata(&sidecar).unwrap().permissions().mode() & 0o777, 0o600);
    let status = env.json(&["recovery", "status", "--json"]);
    assert_eq!(status["set_id"], v["set_id"]);
    assert_eq!(status["names"], serde_json::json!(["Paris", "Lyon", "Genève"]));

    let o = open(&env, &[&txt, &txt], NEW);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Sheet 1 was given twice"), "{}", stderr(&o));
    let second = PathBuf::from(sheets[1]["txt"].as_str().unwrap());
    let before = digest(&env.db);
    let o = open(&env, &[&txt, &second], "short");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("at least 8"), "{}", stderr(&o));
    assert_eq!(digest(&env.db), before);
    let fr = env.cmd(&["--ui-lang", "fr", "recovery", "open", "--share", txt.to_str().unwrap()]).output().unwrap();
    assert_eq!(fr.status.code(), Some(1));
    assert!(stderr(&fr).contains("2 feuilles sont nécessaires"), "{}", stderr(&fr));
    let nothing = env.cmd(&["recovery", "open"]).stdin(std::process::Stdio::null()).output().unwrap();
    assert_eq!(nothing.status.code(), Some(1));

    use dossier::recovery::RecoveryError as R;
    for e in [
        R::UnknownWord { position: 1, word: "x".into() },
        R::WordCount { found: 1, expected: 35 },
        R::Checksum,
        R::Version,
        R::Malformed,
        R::NoShares,
        R::NotEnough { given: 1, needed: 2 },
        R::SameSheetTwice { number: 1 },
        R::MixedSets,
        R::OtherSet,
        R::OtherDossier,
        R::WrongShares,
        R::NoFile("f".into()),
        R::BadFile("f".into()),
        R::Stale,
        R::NotSetUp,
        R::BadCounts { shares: 1, threshold: 1 },
        R::NamesCount { names: 1, shares: 2 },
    ] {
        let e = dossier::Error::from(e);
        assert!(e.code().starts_with("recovery_"));
        for lang in dossier::Lang::ALL {
            let m = e.message(lang);
            assert!(!m.starts_with("err-") && !m.contains('{'), "{} in {lang:?}: {m}", e.code());
        }
        assert_ne!(e.message(dossier::Lang::Fr), e.message(dossier::Lang::En));
    }
}

/// The printed sheet: text (organisation, words, instructions in both languages) that `pdftotext` reads, every
/// font embedded, and a QR code that, rendered by `pdftoppm` and decoded by `rqrr`, gives the sheet's words.
#[test]
fn the_pdf_sheet_carries_the_words_the_name_embedded_fonts_and_a_readable_qr_code() {
    if !(have("pdftotext") && have("pdffonts") && have("pdftoppm")) {
        eprintln!("poppler-utils missing: skipped");
        return;
    }
    let (env, sheets) = with_sheets();
    for (txt, org) in sheets.iter().zip(["Paris", "Lyon", "Genève"]) {
        let pdf = txt.with_extension("pdf");
        let w = words(txt);
        let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(org), "{org} missing from {}", pdf.display());
        for (i, word) in w.split(' ').enumerate() {
            assert!(text.contains(&format!("{}. {word}", i + 1)), "word {} ({word}) missing", i + 1);
        }
        for needle in ["Feuille de secours", "Recovery sheet", "une seule ne révèle rien", "one alone reveals nothing"]
        {
            assert!(text.to_lowercase().contains(&needle.to_lowercase()), "{needle:?} missing:\n{text}");
        }
        let fonts = std::process::Command::new("pdffonts").arg(&pdf).output().unwrap();
        let fonts = String::from_utf8(fonts.stdout).unwrap();
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
        }
        let png = env.path("qr");
        let ok = std::process::Command::new("pdftoppm")
            .args(["-r", "150", "-gray", "-png", "-singlefile"])
            .arg(&pdf)
            .arg(&png)
            .status()
            .unwrap();
        assert!(ok.success());
        let img = image::open(png.with_extension("png")).unwrap().to_luma8();
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(img.width() as usize, img.height() as usize, |x, y| {
                img.get_pixel(x as u32, y as u32).0[0]
            });
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code on the sheet");
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, w, "the QR code holds the sheet's words");
        assert_eq!(dossier::recovery::Share::parse(&content).unwrap(), dossier::recovery::Share::parse(&w).unwrap());
    }
}

/// `backup -o` copies the recovery file beside the backup (it used to be left behind, so the sheets could not
/// reopen a backup), and restoring that backup brings it back beside the dossier: the sheets still reopen it.
#[test]
fn a_backup_carries_the_recovery_file_and_the_sheets_reopen_it_after_a_restore() {
    let (env, sheets) = with_sheets();
    let backup = env.path("copy.dossier");
    let out = env.ok(&["backup", "-o", backup.to_str().unwrap()]);
    let copied = dossier::recovery::sidecar_path(&backup);
    assert!(out.contains(&copied.display().to_string()), "{out}");
    assert_eq!(digest(&copied), digest(&dossier::recovery::sidecar_path(&env.db)));
    // A second backup to the same place refuses before writing anything.
    assert!(!env.cmd(&["backup", "-o", backup.to_str().unwrap()]).output().unwrap().status.success());
    // The dossier's recovery file is lost; the backup's comes back with the restore.
    std::fs::remove_file(dossier::recovery::sidecar_path(&env.db)).unwrap();
    env.ok(&["restore", backup.to_str().unwrap()]);
    assert_eq!(digest(&dossier::recovery::sidecar_path(&env.db)), digest(&copied));
    let out = open(&env, &[&sheets[0], &sheets[2]], NEW);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(opens_with(&env, NEW));
}
