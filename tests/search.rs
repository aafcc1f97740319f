//! Search finds a person by any of their names, in any script, ignoring case and accents, and by prefix.

use dossier::model::{Category, Detainee};
use dossier::names;
use dossier::Dossier;
use proptest::prelude::*;

use crate::util::PASS;

/// Words as names are written: Latin with French/Azerbaijani accents, Armenian, Cyrillic.
fn word() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Z][a-zéèêëàâîïôöûüçğışəñ]{2,10}", "[Ա-Ֆ][ա-ֆ]{2,10}", "[А-Я][а-я]{2,10}",]
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..4).prop_map(|w| w.join(" "))
}

/// Removes accents the way a user who types without them would.
fn strip_accents(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn normalisation_is_idempotent_and_nfc(s in "\\PC{0,40}") {
        let once = names::normalize_name(&s);
        prop_assert_eq!(names::normalize_name(&once), once.clone());
        use unicode_normalization::is_nfc;
        prop_assert!(is_nfc(&once));
        prop_assert!(!once.chars().any(names::is_invisible_control));
    }

    #[test]
    fn folding_ignores_case_accents_and_normal_form(s in name()) {
        use unicode_normalization::UnicodeNormalization;
        let f = names::fold(&s);
        prop_assert_eq!(names::fold(&s.to_uppercase()), f.clone());
        prop_assert_eq!(names::fold(&s.nfd().collect::<String>()), f.clone());
        prop_assert_eq!(names::fold(&strip_accents(&s)), f);
    }
}

#[test]
fn any_name_in_any_script_case_or_accent_finds_its_person() {
    let dir = tempfile::tempdir().unwrap();
    let d = std::cell::RefCell::new(Dossier::create(&dir.path().join("s.dossier"), PASS).unwrap());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 60, ..ProptestConfig::default() });
    runner
        .run(&(name(), name(), any::<prop::sample::Index>()), |(latin, other, pick)| {
            let mut p = Detainee::new(latin.clone(), Category::Civilian);
            p.other_names = vec![other.clone()];
            let mut d = d.borrow_mut();
            let p = d.insert(p).unwrap();
            for known in [&latin, &other] {
                let stored = names::normalize_name(known);
                let words: Vec<&str> = stored.split(' ').collect();
                let word = pick.get(&words);
                let prefix: String = word.chars().take(3.max(word.chars().count() / 2)).collect();
                let queries = [
                    stored.clone(),
                    stored.to_uppercase(),
                    stored.to_lowercase(),
                    strip_accents(&stored),
                    prefix.clone(),
                    prefix.to_uppercase(),
                ];
                for q in queries {
                    let hits = d.search(&q, 10_000).unwrap();
                    prop_assert!(hits.iter().any(|h| h.id == p.id), "query {:?} did not find {:?}", q, stored);
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn latin_finds_armenian_and_cyrillic_spellings_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("t.dossier"), PASS).unwrap();
    let mut p = Detainee::new("Vardan Hashvetvyan", Category::PrisonerOfWar);
    p.name_hy = Some("Վարդան Հաշվետվյան".into());
    p.other_names = vec!["Вардан Хашветвян".into(), "Vardan Hashvetvyanı".into()];
    let p = d.insert(p).unwrap();
    let only_hy = d.insert(Detainee::new("Արամ Նմուշյան", Category::Civilian)).unwrap();
    for q in ["vardan", "VARDAN HASHV", "Վարդան", "վարդ", "Вардан", "варда", "hashvetvyani"] {
        assert!(d.search(q, 10).unwrap().iter().any(|h| h.id == p.id), "{q}");
    }
    // Typed in Latin, found in Armenian script only.
    assert!(d.search("aram nmush", 10).unwrap().iter().any(|h| h.id == only_hy.id));
    assert!(d.search("", 10).unwrap().is_empty());
    assert!(d.search("\"*) OR (", 10).unwrap().is_empty(), "FTS syntax in a query is harmless");
}

/// Regression: names in Cyrillic were indexed letter by letter only ("Нмушян" → "nmushian"), so the usual Latin
/// spelling ("Nmushyan") did not find them, nor the Cyrillic spelling a name entered in Latin.
#[test]
fn cyrillic_names_are_found_under_their_usual_latin_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("c.dossier"), PASS).unwrap();
    let ru = d.insert(Detainee::new("Арам Нмушян", Category::Civilian)).unwrap();
    let latin = d.insert(Detainee::new("Vardan Yerakyan", Category::Civilian)).unwrap();
    let found = |q: &str| d.search(q, 10).unwrap().iter().map(|h| h.id).collect::<Vec<_>>();
    for q in ["nmushyan", "Nmushian", "aram nmush", "Нмушян"] {
        assert_eq!(found(q), [ru.id], "{q}");
    }
    assert!(found("Ерицян").is_empty(), "no false hit");
    assert_eq!(found("Вардан Еракян"), [latin.id], "Cyrillic typed, found in Latin");
}

#[test]
fn paged_lists_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("p.dossier"), PASS).unwrap();
    dossier::demo::fill(&mut d, 120).unwrap();
    let all = d.detainees(&Default::default(), 0, 50).unwrap();
    assert_eq!(all.items.len(), 50);
    assert!(all.total >= 140);
    let next = d.detainees(&Default::default(), 50, 50).unwrap();
    assert!(all.items.last().unwrap().name <= next.items[0].name || all.items.last().unwrap().id != next.items[0].id);
    let f = dossier::store::DetaineeFilter { category: Some(Category::Disappeared), ..Default::default() };
    let dis = d.detainees(&f, 0, 1000).unwrap();
    assert!(dis.items.iter().all(|p| p.category == Category::Disappeared));
    assert_eq!(dis.total as usize, dis.items.len());
    let f = dossier::store::DetaineeFilter { sponsored: Some(true), ..Default::default() };
    let sponsored = d.detainees(&f, 0, 1000).unwrap();
    assert!(!sponsored.items.is_empty() && sponsored.total < all.total);
    let f = dossier::store::DetaineeFilter { query: Some("gevorg".into()), ..Default::default() };
    assert!(d.detainees(&f, 0, 1000).unwrap().items.iter().all(|p| p.name.starts_with("Gevorg")));
}

/// The app's global search (and `dossier search`): people and sponsors by name, the sponsorships of those found,
/// press releases by title, accents and case aside.
#[test]
fn one_search_finds_people_sponsors_their_sponsorships_and_press_releases() {
    use dossier::api;
    use dossier::model::{PressRelease, RecordKind, Sponsor, SponsorKind, Sponsorship};
    use dossier::Lang;
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("s.dossier"), PASS).unwrap();
    let p = d.insert(Detainee::new("Hovhannes Exemplyan", Category::Civilian)).unwrap().id;
    let s = d.insert(Sponsor::new("Ville de Fictive-sur-Mer", SponsorKind::City)).unwrap().id;
    let sp = d.insert(Sponsorship::new(s, Some(p))).unwrap().id;
    let group = d.insert(Sponsorship::new(s, None)).unwrap().id;
    let release = d
        .insert(PressRelease {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            cities: vec![],
            title: "Cérémonie de parrainage à Fictive-sur-Mer (exemple)".into(),
            body: "Texte (exemple).".into(),
            lang: Lang::Fr,
            contacts: vec![],
            in_press_kit: false,
        })
        .unwrap()
        .id;

    let hits = api::search_all(&d, "hovh", 30, Lang::Fr).unwrap();
    let kinds: Vec<(RecordKind, uuid::Uuid)> = hits.iter().map(|h| (h.kind, h.id)).collect();
    assert_eq!(kinds[0], (RecordKind::Detainee, p), "the person first");
    assert!(kinds.contains(&(RecordKind::Sponsorship, sp)), "and their sponsorship: {hits:?}");
    assert!(!kinds.contains(&(RecordKind::Sponsorship, group)), "not the sponsor's other one");
    let named = hits.iter().find(|h| h.id == sp).unwrap();
    assert_eq!(named.name, "Ville de Fictive-sur-Mer — Hovhannes Exemplyan");

    let hits = api::search_all(&d, "fictive", 30, Lang::Fr).unwrap();
    let ids: Vec<uuid::Uuid> = hits.iter().map(|h| h.id).collect();
    assert_eq!(hits[0].id, s);
    assert!(ids.contains(&sp) && ids.contains(&group), "both sponsorships of the sponsor");
    assert!(ids.contains(&release), "the press release by a word of its title");
    let whole = hits.iter().find(|h| h.id == group).unwrap();
    assert_eq!(whole.name, "Ville de Fictive-sur-Mer — tout le groupe");

    let hits = api::search_all(&d, "CEREMONIE", 30, Lang::En).unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![release], "accents and case aside");
    assert!(api::search_all(&d, "%", 30, Lang::En).unwrap().is_empty(), "a wildcard is a character, not a pattern");
}
