//! Every message in the user's language, from the places that build them: refusals of the store, the API, the
//! import, the templates and the command line, read in French, hold no English words; counts take their plural.
//! The records are the fictional sample (`demo::fill`) and fictional rows written here.

use chrono::NaiveDate;
use dossier::api;
use dossier::documents;
use dossier::exchange::import::{plan_import, ImportOptions};
use dossier::model::*;
use dossier::{Dossier, Error, Lang};

use crate::util::{write, Env, PASS};

#[path = "../src/language_giveaways.rs"]
mod giveaways;
use giveaways::{words, ENGLISH};

fn english_in(text: &str) -> Vec<String> {
    words(text).into_iter().filter(|w| ENGLISH.contains(&w.as_str())).collect()
}

#[track_caller]
fn french(e: &Error) -> String {
    let fr = e.message(Lang::Fr);
    assert!(english_in(&fr).is_empty(), "{}: English in the French message {:?}: {fr}", e.code(), english_in(&fr));
    fr
}

fn sample() -> (tempfile::TempDir, Dossier) {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    dossier::demo::fill(&mut d, 0).unwrap();
    (dir, d)
}

#[test]
fn refusals_of_the_store_and_the_api_are_in_french() {
    let (_dir, mut d) = sample();
    let sponsorships = d.list::<Sponsorship>().unwrap();

    // A sponsor still referred to: its sponsorships counted, in French and with their plural.
    let sponsor = d
        .list::<Sponsor>()
        .unwrap()
        .into_iter()
        .find(|s| sponsorships.iter().filter(|p| p.data.sponsor_id == s.id).count() >= 2);
    let sponsor = sponsor.expect("the sample has a sponsor with two sponsorships");
    let e = d.delete::<Sponsor>(sponsor.id).unwrap_err();
    assert_eq!(e.code(), "in_use");
    let fr = french(&e);
    assert!(fr.contains(" parrainages"), "{fr}");
    assert!(e.message(Lang::En).contains(" sponsorships"), "{}", e.message(Lang::En));

    // A commitment chosen twice, and an end reason on a live sponsorship.
    let live = sponsorships.iter().find(|s| s.data.stage.is_live() && !s.data.commitments.is_empty()).unwrap();
    let mut twice = live.data.clone();
    twice.commitments.push(twice.commitments[0].clone());
    let e = d.update(live.id, twice).unwrap_err();
    assert!(french(&e).contains("deux fois"), "{}", e.message(Lang::Fr));
    let mut reason = live.data.clone();
    reason.end_reason = Some(EndReason::Withdrawn);
    let e = d.update(live.id, reason).unwrap_err();
    assert!(french(&e).contains("terminé"), "{}", e.message(Lang::Fr));

    // A handover to the sponsor that already holds it, then of one already ended.
    let on = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let e = api::handover(&mut d, live.id, live.data.sponsor_id, on).unwrap_err();
    assert!(french(&e).contains("parrain actuel"), "{}", e.message(Lang::Fr));
    let other = d.list::<Sponsor>().unwrap().into_iter().find(|s| s.id != live.data.sponsor_id).unwrap();
    api::handover(&mut d, live.id, other.id, on).unwrap();
    let e = api::handover(&mut d, live.id, other.id, on).unwrap_err();
    assert!(french(&e).contains("déjà terminé"), "{}", e.message(Lang::Fr));

    // A photo framing that is not four numbers, and a value that cannot be read for its field.
    let photo = d.list::<Media>().unwrap().into_iter().next().expect("the sample has photos");
    let mut m = photo.data.clone();
    let e: Error = dossier::store::apply_sets(&mut m, &[("crop".into(), "0.1,0.2".into())]).unwrap_err().into();
    assert!(french(&e).contains("cadrage"), "{}", e.message(Lang::Fr));
    let e: Error = dossier::store::apply_sets(&mut m, &[("orientation".into(), "haut".into())]).unwrap_err().into();
    assert!(french(&e).contains("« haut »"), "{}", e.message(Lang::Fr));
}

#[test]
fn template_refusals_are_ours_with_their_line() {
    let e = "fr/affiche.md".parse::<documents::kind::TemplateName>().unwrap_err();
    let fr = french(&e);
    assert!(fr.contains("n'existe pas") && fr.contains("fr/agreement.md"), "{fr}");

    let broken = "---\ntitle = \"Fiche (fictive)\"\n---\n# Fiche\n\n{{ detainee.name \n";
    let e = documents::kind::check("fr/factsheet.md", broken).unwrap_err();
    assert_eq!(e.code(), "template");
    let fr = french(&e);
    assert!(fr.contains("ligne 6") && fr.contains("mal écrit"), "{fr}");
    assert!(matches!(e, Error::Template { line: Some(6), .. }), "{e:?}");
    assert!(e.technical().is_some_and(|t| t.contains("syntax")), "minijinja's words kept aside: {:?}", e.technical());

    let unknown = "---\ntitle = \"Fiche (fictive)\"\n---\n# Fiche\n\n{{ detainee.nickname_of_nobody }}\n";
    if let Err(e) = documents::kind::check("fr/factsheet.md", unknown) {
        let fr = french(&e);
        assert!(fr.contains("ligne 6"), "{fr}");
    }

    let no_header = "# Fiche sans en-tête\n";
    let e = documents::kind::check("fr/factsheet.md", no_header).unwrap_err();
    assert!(french(&e).contains("en-tête"), "{}", e.message(Lang::Fr));
    let bad_page = "---\ntitle = \"Fiche (fictive)\"\npage = \"a3\"\n---\n# Fiche\n";
    let e = documents::kind::check("fr/factsheet.md", bad_page).unwrap_err();
    assert!(french(&e).contains("« a3 »"), "{}", e.message(Lang::Fr));
}

#[test]
fn spreadsheet_refusals_and_row_problems_are_in_french() {
    let (dir, d) = sample();
    let opts = ImportOptions {
        photos: None,
        mapping: vec![],
        kind: Some(RecordKind::Detainee),
        duplicates: Default::default(),
        decisions: vec![],
        lang: Lang::Fr,
    };
    let binary = dir.path().join("photo.csv");
    write(&binary, &[0xFF, 0xD8, 0xFF, 0, 0, 0, 1, 2]);
    let e = plan_import(&d, &binary, &opts).err().unwrap();
    assert!(french(&e).contains("fichier texte"), "{}", e.message(Lang::Fr));

    let empty = dir.path().join("vide.csv");
    write(&empty, b"");
    let e = plan_import(&d, &empty, &opts).err().unwrap();
    assert!(french(&e).contains("vide"), "{}", e.message(Lang::Fr));

    let no_name = dir.path().join("sans-nom.csv");
    write(&no_name, b"couleur,taille\nrouge,3\n");
    let e = plan_import(&d, &no_name, &opts).err().unwrap();
    assert!(french(&e).contains("--map"), "the command line keeps its hint: {}", e.message(Lang::Fr));
    let app = e.message_for(Lang::Fr, dossier::error::Door::App);
    assert!(!app.contains("--") && app.contains("indiquez laquelle"), "{app}");

    // Rows: more cells than columns, one cell, and the same id on two lines.
    let rows = dir.path().join("lignes.csv");
    let id = d.list::<Detainee>().unwrap()[0].id;
    write(
        &rows,
        format!(
            "nom,catégorie,id\nAni Fictive,civil,,en trop,encore\nBeno Fictif,civil,{id}\nCara Fictive,civil,{id}\n"
        )
        .as_bytes(),
    );
    let plan = plan_import(&d, &rows, &opts).unwrap();
    let issues: Vec<&str> = plan.report.rows.iter().flat_map(|r| r.errors.iter().map(|e| e.message.as_str())).collect();
    assert!(issues.iter().any(|m| m.contains("5 cellules, plus que les 3 colonnes")), "{issues:?}");
    assert!(issues.iter().any(|m| m.contains("déjà ligne 3")), "{issues:?}");
    for m in &issues {
        assert!(english_in(m).is_empty(), "English in a row's problem: {m}");
    }
}

/// With no name in the environment, the history records the OS account's name (or the machine's), never the
/// English word "unknown".
#[test]
fn the_author_of_a_change_is_never_an_english_word() {
    let env = Env::init();
    let out = env
        .cmd(&["detainee", "add", "--name", "Aram Fictif", "--category", "pow"])
        .env_remove("DOSSIER_USER")
        .env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = String::from_utf8(out.stdout).unwrap().lines().last().unwrap().trim().to_owned();
    let history = env.json(&["history", &id, "--json"]);
    let actor = history[0]["actor"].as_str().unwrap_or_else(|| panic!("{history}"));
    assert!(!actor.is_empty() && actor != "unknown", "{actor:?}");
    assert!(!actor.eq_ignore_ascii_case("tester"));
}

/// The command line's one sentence, in French, for a refusal met there.
#[test]
fn the_command_line_prints_one_french_sentence() {
    let env = Env::init();
    let binary = env.path("photo.csv");
    write(&binary, &[0xFF, 0xD8, 0xFF, 0, 0, 0, 1, 2]);
    let o = env.cmd(&["--ui-lang", "fr", "import", binary.to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(english_in(&err).is_empty() && err.contains("fichier texte"), "{err}");
}
