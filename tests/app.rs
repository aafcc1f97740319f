//! The desktop app's core calls (`dossier::app`): list rows, dashboard, record pages, any-record writes, handover,
//! template previews. The Tauri shell only forwards to these.

use chrono::NaiveDate;
use dossier::api::{self as app, AnyRecord, DeletableKind, ListFilter};
use dossier::model::*;
use dossier::Dossier;

use crate::util::PASS;

fn sample() -> (tempfile::TempDir, Dossier) {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    dossier::demo::fill(&mut d, 0).unwrap();
    (dir, d)
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn rows_page_filter_and_search_across_scripts() {
    let (_dir, d) = sample();
    let today = day("2026-11-27");
    let all = app::detainee_rows(&d, &ListFilter::default(), 0, 5, today).unwrap();
    assert_eq!(all.items.len(), 5);
    assert!(all.total > 5, "the sample has more than one page of five");
    let rest = app::detainee_rows(&d, &ListFilter::default(), 5, 1000, today).unwrap();
    assert_eq!(all.total as usize, 5 + rest.items.len(), "pages cover the list exactly once");
    let first = &all.items[0];
    let hy = first.name_hy.clone().expect("sample people have Armenian names");
    let by_hy = app::detainee_rows(
        &d,
        &ListFilter { query: Some(hy[..hy.len().min(8)].to_owned()), ..Default::default() },
        0,
        50,
        today,
    )
    .unwrap();
    assert!(by_hy.items.iter().any(|r| r.id == first.id), "a prefix in Armenian script finds the person");
    let unsponsored =
        app::detainee_rows(&d, &ListFilter { sponsored: Some(false), ..Default::default() }, 0, 500, today).unwrap();
    assert!(unsponsored.items.iter().all(|r| !r.sponsored));
    let pows = app::detainee_rows(
        &d,
        &ListFilter { category: Some(Category::PrisonerOfWar), ..Default::default() },
        0,
        500,
        today,
    )
    .unwrap();
    assert!(!pows.items.is_empty() && pows.items.iter().all(|r| r.category == Category::PrisonerOfWar));
    assert!(pows.items.iter().any(|r| r.photo_id.is_some()), "rows carry their thumbnail's photo id");
    let huge = app::detainee_rows(&d, &ListFilter::default(), 0, u64::MAX, today).unwrap();
    assert!(huge.items.len() as u64 <= app::MAX_PAGE, "a page never exceeds the cap, whatever is asked");
}

#[test]
fn dashboard_figures_agree_with_the_records() {
    let (_dir, mut d) = sample();
    let today = day("2026-11-27");
    let people = d.list::<Detainee>().unwrap();
    let dash = app::dashboard(&d, today).unwrap();
    assert_eq!(dash.detainees as usize, people.len());
    assert_eq!(dash.by_category.iter().map(|c| c.count).sum::<u64>(), dash.detainees);
    assert_eq!(dash.by_status.iter().map(|c| c.count).sum::<u64>(), dash.detainees);
    let held = people.iter().filter(|p| p.status().is_none_or(Status::is_held)).count();
    assert_eq!(dash.held_total as usize, held);
    assert_eq!(dash.held.len(), held.min(app::DASHBOARD_LIST_MAX));
    assert!(dash.held.windows(2).all(|w| w[0].days_held >= w[1].days_held), "longest detention first");
    for p in &dash.no_icrc_visit {
        assert!(p.last_visit.is_none_or(|v| (today - v).num_days() > app::ICRC_ALERT_DAYS));
    }

    // A visit yesterday takes a person off the ICRC list; a new sponsorship takes them off the unsponsored list.
    let target = dash.unsponsored.first().expect("the sample has people without a sponsor").clone();
    let mut p = d.get::<Detainee>(target.id).unwrap().data;
    p.icrc.visits.push(day("2026-11-26"));
    d.update(target.id, p).unwrap();
    let sponsor = d.list::<Sponsor>().unwrap()[0].id;
    let mut s = Sponsorship::new(sponsor, Some(target.id));
    s.ceremony = Some(Ceremony { date: Some(day("2026-12-10")), place: Some("Salle (exemple)".into()), press: None });
    d.insert(s).unwrap();
    let after = app::dashboard(&d, today).unwrap();
    assert!(!after.no_icrc_visit.iter().any(|p| p.id == target.id));
    assert!(!after.unsponsored.iter().any(|p| p.id == target.id));
    assert!(after.upcoming.iter().any(|u| u.date == day("2026-12-10") && u.title.contains(&target.name)));
    assert!(after.upcoming.windows(2).all(|w| w[0].date <= w[1].date), "soonest first");
}

#[test]
fn any_record_save_validates_and_delete_removes() {
    let (_dir, mut d) = sample();
    let id =
        app::save(&mut d, None, AnyRecord::Detainee(Detainee::new("  Test  Personne (fictive) ", Category::Civilian)))
            .unwrap();
    assert_eq!(d.get::<Detainee>(id).unwrap().name, "Test Personne (fictive)", "names are normalised");
    let err = app::save(&mut d, Some(id), AnyRecord::Detainee(Detainee::new("", Category::Civilian))).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(d.get::<Detainee>(id).unwrap().name, "Test Personne (fictive)", "a refused save changes nothing");
    let json = serde_json::json!({"kind": "contact", "data": {"detainee_id": id, "name": "Famille (fictive)", "phone": "+374 00 000 000"}});
    let rec: AnyRecord = serde_json::from_value(json).unwrap();
    let contact = app::save(&mut d, None, rec).unwrap();
    assert_eq!(app::detainee_page(&d, id, day("2026-11-27")).unwrap().contacts[0].id, contact);
    let bad: Result<AnyRecord, _> = serde_json::from_value(serde_json::json!({"kind": "media", "data": {}}));
    assert!(bad.is_err(), "media are written by imports only");
    app::delete(&mut d, DeletableKind::Detainee, id).unwrap();
    assert_eq!(d.get::<Detainee>(id).unwrap_err().code(), "not_found");
}

#[test]
fn handover_ends_one_sponsorship_and_starts_the_next() {
    let (_dir, mut d) = sample();
    let s = d
        .list::<Sponsorship>()
        .unwrap()
        .into_iter()
        .find(|s| s.stage != Stage::Ended && s.detainee_id.is_some())
        .unwrap();
    let other = d.list::<Sponsor>().unwrap().into_iter().find(|x| x.id != s.sponsor_id).unwrap();
    let next = app::handover(&mut d, s.id, other.id, day("2026-11-27")).unwrap();
    let old = d.get::<Sponsorship>(s.id).unwrap();
    let new = d.get::<Sponsorship>(next).unwrap();
    assert_eq!((old.stage, old.end_reason, old.successor_id), (Stage::Ended, Some(EndReason::HandedOver), Some(next)));
    assert_eq!((new.sponsor_id, new.detainee_id, new.predecessor_id), (other.id, s.detainee_id, Some(s.id)));
    assert_eq!(new.commitments.len(), s.commitments.len());
    assert_eq!(
        app::handover(&mut d, s.id, other.id, day("2026-11-27")).unwrap_err().code(),
        "invalid",
        "an ended one cannot be handed over"
    );
}

#[test]
fn template_preview_renders_drafts_and_reports_the_line_of_an_error() {
    let (_dir, d) = sample();
    for name in dossier::documents::kind::names() {
        let source = d.template(name).unwrap();
        let (pdf, preflight) = dossier::documents::preview_template(&d, name, &source).unwrap();
        assert!(pdf.bytes.starts_with(b"%PDF"), "{name} previews");
        assert_eq!(preflight.is_some(), name.contains("/banner-"), "banners come with their preflight");
        if name.ends_with("/card.toml") {
            assert_eq!(pdf.pages, 4, "{name}: a page per card format");
        }
    }
    let mut source = d.template("fr/factsheet.md").unwrap();
    source.push_str("\n\n{{ detainee.no_such_field.deeper }}\n");
    let err = dossier::documents::preview_template(&d, "fr/factsheet.md", &source).unwrap_err();
    match err {
        dossier::Error::Template { line: Some(l), .. } => {
            assert!(l >= source.lines().count() - 1, "line {l} points at the end")
        }
        e => panic!("expected a template error with its line, got {e:?}"),
    }
}

#[test]
fn creating_a_dossier_checks_both_entries_the_strength_and_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("collectif.dossier");
    let code = |r: dossier::Result<Dossier>| r.err().map(|e| e.code());
    assert_eq!(code(app::create_dossier(&path, PASS, "another entry")), Some("passphrase_mismatch"));
    assert_eq!(code(app::create_dossier(&path, "court", "court")), Some("weak_passphrase"));
    let weak = app::create_dossier(&path, "motdepasse123", "motdepasse123").err().unwrap();
    assert!(matches!(weak, dossier::Error::GuessablePassphrase { score, .. } if score < 3), "{weak:?}");
    let fr = weak.message(dossier::Lang::Fr);
    assert!(fr.contains("trop facile à deviner") && fr.contains("par exemple"), "{fr}");
    assert!(!path.exists(), "nothing written by a refusal");
    let mut d = app::create_dossier(&path, PASS, PASS).expect("the folder is made");
    assert_eq!(code(app::create_dossier(&path, PASS, PASS)), Some("already_exists"));

    let wrong = app::change_passphrase(&mut d, PASS, "rose tulipe orage cadran", "rose tulipe orage cadrant");
    assert_eq!(wrong.err().map(|e| e.code()), Some("passphrase_mismatch"));
    let weak = app::change_passphrase(&mut d, PASS, "azertyuiop", "azertyuiop");
    assert_eq!(weak.err().map(|e| e.code()), Some("weak_passphrase"));
    app::change_passphrase(&mut d, PASS, "rose tulipe orage cadran", "rose tulipe orage cadran").unwrap();
    drop(d);
    assert!(Dossier::open(&path, "rose tulipe orage cadran").is_ok());
}

#[test]
fn the_strength_meter_accepts_exactly_what_the_core_accepts() {
    let path = std::path::Path::new("/nowhere/collectif.dossier");
    for p in ["", "court", "motdepasse123", "azertyuiop", "collectif2026", PASS, "rose tulipe orage cadran"] {
        let s = app::passphrase_strength(p, path, dossier::Lang::En);
        let core = dossier::store::strength::check_new(p, &dossier::store::strength_context(path));
        assert_eq!(s.acceptable, core.is_ok(), "{p:?}: {s:?}");
        assert!(!(s.hint.is_some() && s.acceptable), "advice only for what is refused: {p:?}");
    }
    let named = app::passphrase_strength("collectif2026", path, dossier::Lang::Fr);
    assert!(!named.acceptable, "the dossier's own file name counts against it: {named:?}");
}

#[test]
fn the_record_page_says_what_documents_print_and_templates_say_their_kind() {
    let (_dir, d) = sample();
    let today = day("2026-11-27");
    let (mut items, mut photos) = (0, 0);
    for row in app::detainee_rows(&d, &ListFilter::default(), 0, 50, today).unwrap().items {
        let page = app::detainee_page(&d, row.id, today).unwrap();
        (items, photos) = (items + page.published.len(), photos + page.published_photos.len());
        for item in PublicItem::ALL {
            assert_eq!(page.published.contains(&item), page.detainee.is_public(item), "{item:?}");
        }
        for photo in &page.photos {
            assert_eq!(page.published_photos.contains(&photo.id), photo.disclosure.publishable());
        }
    }
    assert!(items > 0 && photos > 0, "the sample publishes some items and photos: {items} {photos}");
    let templates = d.templates().unwrap();
    assert_eq!(templates.len(), 2 * dossier::documents::DocKind::ALL.len(), "every kind, in French and English");
    assert_eq!(templates.len(), 18, "9 kinds, in French and English");
    for t in templates {
        let name = dossier::documents::TemplateName::new(t.kind, t.lang);
        assert_eq!(name.as_str(), t.name, "kind and language name the template");
    }
}
