//! A fictional sample dossier, for trying the app, for tests and for benchmarks.
//!
//! Every person, place, organisation and phone number here is invented: names are common Armenian given names with
//! surnames made up for the sample (see `FAMILY`), and every record says it is fictional. Photos are
//! drawn placeholders, not pictures of anyone.

use chrono::{Days, NaiveDate, Utc};
use image::{ImageBuffer, Rgb, Rgba};

use crate::error::Result;
use crate::model::*;
use crate::store::Dossier;

const FICTIONAL: &str = "Exemple fictif / fictional sample";

/// What `fill` added.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub detainees: usize,
    pub sponsors: usize,
    pub sponsorships: usize,
}

const GIVEN: &[(&str, &str, Sex)] = &[
    ("Aram", "Արամ", Sex::Male),
    ("Hayk", "Հայկ", Sex::Male),
    ("Tigran", "Տիգրան", Sex::Male),
    ("Narek", "Նարեկ", Sex::Male),
    ("Gor", "Գոռ", Sex::Male),
    ("Vahe", "Վահե", Sex::Male),
    ("Arsen", "Արսեն", Sex::Male),
    ("Karen", "Կարեն", Sex::Male),
    ("Armen", "Արմեն", Sex::Male),
    ("Samvel", "Սամվել", Sex::Male),
    ("Ashot", "Աշոտ", Sex::Male),
    ("Garegin", "Գարեգին", Sex::Male),
    ("Sevak", "Սևակ", Sex::Male),
    ("Mher", "Մհեր", Sex::Male),
    ("Hovhannes", "Հովհաննես", Sex::Male),
    ("Artur", "Արթուր", Sex::Male),
    ("Edgar", "Էդգար", Sex::Male),
    ("Vardan", "Վարդան", Sex::Male),
    ("Gevorg", "Գևորգ", Sex::Male),
    ("Anahit", "Անահիտ", Sex::Female),
    ("Lilit", "Լիլիթ", Sex::Female),
    ("Mariam", "Մարիամ", Sex::Female),
    ("Nune", "Նունե", Sex::Female),
    ("Siranush", "Սիրանուշ", Sex::Female),
];

/// Surnames made up for the sample: Armenian words for "example", "sample", "test", "invention", "drawing",
/// "plan", "idea" and "tale" with the usual -yan ending, so that a sample name reads as invented to an Armenian
/// speaker and cannot be taken for a real detainee or official (combinations of real surnames could: one was).
const FAMILY: &[(&str, &str)] = &[
    ("Orinakyan", "Օրինակյան"),
    ("Nmushyan", "Նմուշյան"),
    ("Pordzyan", "Փորձյան"),
    ("Hnaryan", "Հնարյան"),
    ("Gtsagryan", "Գծագրյան"),
    ("Tsragryan", "Ծրագրյան"),
    ("Gaghaparyan", "Գաղափարյան"),
    ("Heqiatyan", "Հեքիաթյան"),
    ("Ter-Nmushyan", "Տեր-Նմուշյան"),
];

/// A small deterministic generator, so the sample is the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid sample date")
}

/// Adds the fictional sample (once per dossier) and `scale` synthetic detainees.
pub fn fill(dossier: &mut Dossier, scale: u32) -> Result<Summary> {
    let mut summary = Summary::default();
    if dossier.setting("demo.loaded")?.is_none() {
        summary = sample(dossier)?;
        dossier.set_setting("demo.loaded", "1")?;
    }
    if scale > 0 {
        synthetic(dossier, scale)?;
        summary.detainees += scale as usize;
    }
    Ok(summary)
}

struct Person {
    category: Category,
    status: Status,
    captured: &'static str,
    place: &'static str,
    role: Option<&'static str>,
    sentence: Option<f32>,
    consent: bool,
}

fn sample(dossier: &mut Dossier) -> Result<Summary> {
    use Category::*;
    use Status::*;
    let p = |category, status, captured, place, role, sentence, consent| Person {
        category,
        status,
        captured,
        place,
        role,
        sentence,
        consent,
    };
    let people = [
        p(
            PrisonerOfWar,
            Sentenced,
            "2020-11-12",
            "Hadrut (exemple)",
            Some("Sergent, 3e bataillon (fictif)"),
            Some(15.0),
            true,
        ),
        p(PrisonerOfWar, Sentenced, "2020-12-13", "Khtsaberd (exemple)", Some("Soldat du contingent"), Some(6.0), true),
        p(PrisonerOfWar, Detained, "2020-12-13", "Hin Tagher (exemple)", Some("Soldat du contingent"), None, true),
        p(PrisonerOfWar, OnTrial, "2021-05-27", "Kalbajar (exemple)", Some("Lieutenant (fictif)"), None, true),
        p(PrisonerOfWar, Sentenced, "2021-11-16", "Syunik (exemple)", Some("Caporal (fictif)"), Some(10.0), true),
        p(PrisonerOfWar, Detained, "2022-09-13", "Jermuk (exemple)", Some("Soldat contractuel"), None, true),
        p(PrisonerOfWar, Sentenced, "2023-05-26", "Tegh (exemple)", Some("Soldat du contingent"), Some(8.0), true),
        p(PrisonerOfWar, Detained, "2023-06-06", "Berdzor (exemple)", None, None, false),
        p(PrisonerOfWar, Released, "2020-11-20", "Shushi (exemple)", Some("Soldat du contingent"), None, true),
        p(Civilian, Sentenced, "2020-10-28", "Hadrut (exemple)", Some("Enseignant"), Some(20.0), true),
        p(Civilian, Detained, "2021-02-04", "Mets Taghlar (exemple)", Some("Berger"), None, true),
        p(
            Civilian,
            OnTrial,
            "2023-07-29",
            "Corridor de Latchine (exemple)",
            Some("Étudiant évacué pour soins"),
            None,
            true,
        ),
        p(Civilian, Detained, "2023-09-27", "Point de contrôle (exemple)", Some("Agriculteur"), None, false),
        p(Civilian, Sentenced, "2022-03-11", "Khramort (exemple)", Some("Mécanicien"), Some(12.0), true),
        p(Civilian, Deceased, "2021-01-15", "Karmir Shuka (exemple)", Some("Retraité"), None, true),
        p(
            PoliticalLeader,
            OnTrial,
            "2023-09-27",
            "Poste de Hakari (exemple)",
            Some("Ancien ministre d'État (fictif)"),
            None,
            true,
        ),
        p(
            PoliticalLeader,
            OnTrial,
            "2023-10-03",
            "Stepanakert (exemple)",
            Some("Ancien président du parlement (fictif)"),
            None,
            true,
        ),
        p(
            PoliticalLeader,
            Sentenced,
            "2023-10-03",
            "Stepanakert (exemple)",
            Some("Ancien ministre des affaires étrangères (fictif)"),
            Some(14.0),
            true,
        ),
        p(
            PoliticalLeader,
            OnTrial,
            "2023-10-03",
            "Stepanakert (exemple)",
            Some("Ancien commandant (fictif)"),
            None,
            true,
        ),
        p(
            PoliticalLeader,
            OnTrial,
            "2023-10-05",
            "Stepanakert (exemple)",
            Some("Ancien conseiller (fictif)"),
            None,
            true,
        ),
        p(PoliticalLeader, Detained, "2023-10-07", "Stepanakert (exemple)", Some("Ancien député (fictif)"), None, true),
        p(Disappeared, FateUnknown, "~2020-10-20", "Secteur de Jabrayil (exemple)", Some("Volontaire"), None, true),
        p(Disappeared, FateUnknown, "2020-11", "Secteur de Hadrut (exemple)", Some("Civil"), None, false),
        p(Disappeared, FateUnknown, "2020", "Inconnu", None, None, true),
    ];

    let today = Utc::now().date_naive();
    let mut rng = Lcg(0x011b_37a5);
    let portrait_small = placeholder_portrait(1200, 1600, [92, 110, 132]);
    // Large enough for a roll-up banner (about 140 ppi across 850 mm).
    let portrait_large = placeholder_portrait(4800, 6400, [120, 96, 80]);
    let mut detainee_ids = vec![];

    let mut ids_and_people = vec![];
    for (i, person) in people.iter().enumerate() {
        let (given, given_hy, sex) = GIVEN[(i * 7 + 3) % GIVEN.len()];
        let (given, given_hy, sex) =
            if person.category == Civilian && i % 3 == 1 { GIVEN[19 + i % 5] } else { (given, given_hy, sex) };
        let (family, family_hy) = FAMILY[(i * 5 + 1) % FAMILY.len()];
        let mut det = Detainee::new(format!("{given} {family}"), person.category);
        if i % 6 != 5 {
            det.name_hy = Some(format!("{given_hy} {family_hy}"));
        }
        if i % 4 == 0 {
            // Spellings met in Russian- and Azerbaijani-language sources.
            det.other_names = vec![
                format!("{given} {}", family.replace("yan", "ian")),
                format!("{given} {}", family.replace("yan", "yanı")),
            ];
        }
        det.sex = Some(sex);
        let captured: PartialDate = person.captured.parse().expect("sample date");
        let birth_year =
            captured.date.format("%Y").to_string().parse::<i32>().unwrap_or(2000) - 19 - (i as i32 * 3) % 40;
        det.born = Some(if i % 5 == 4 {
            format!("{birth_year}").parse().expect("year")
        } else {
            PartialDate::day(d(birth_year, 1 + (i as u32 % 12), 1 + (i as u32 * 3) % 28))
        });
        det.birth_place = Some(
            ["Goris (exemple)", "Erevan (exemple)", "Stepanakert (exemple)", "Martuni (exemple)", "Gyumri (exemple)"]
                [i % 5]
                .into(),
        );
        det.role = person.role.map(Into::into);
        if person.category == PrisonerOfWar {
            det.rank = person.role.map(|r| r.split(',').next().unwrap_or(r).into());
            det.unit = Some(format!("Unité n° {} (fictive)", 100 + i));
        }
        det.captured = Some(captured);
        det.capture_place = Some(person.place.into());
        det.circumstances = Some(format!(
            "Circonstances fictives : capturé(e) près de {} ; récit fondé sur des sources inventées pour l'exemple.",
            person.place
        ));
        det.situation.push(SituationEntry::new(Status::Detained, Some(captured)));
        match person.status {
            Detained => {}
            OnTrial => det.situation.push(SituationEntry {
                court: Some("Tribunal militaire de Bakou (exemple)".into()),
                charges: vec!["art. 279 (exemple)".into(), "art. 318 (exemple)".into()],
                ..SituationEntry::new(OnTrial, Some(PartialDate::day(d(2025, 1 + i as u32 % 12, 10))))
            }),
            Sentenced => {
                det.situation
                    .push(SituationEntry::new(OnTrial, Some(PartialDate::day(d(2022 + (i as i32 % 3), 3, 14)))));
                det.situation.push(SituationEntry {
                    sentence_years: person.sentence,
                    charges: vec!["art. 214 (exemple)".into()],
                    court: Some("Tribunal de Bakou (exemple)".into()),
                    ..SituationEntry::new(Sentenced, Some(PartialDate::day(d(2022 + (i as i32 % 3), 6, 20))))
                });
            }
            Released => det.situation.push(SituationEntry::new(Released, Some(PartialDate::day(d(2023, 12, 13))))),
            Deceased => det.situation.push(SituationEntry {
                note: Some("Décès annoncé par une source fictive.".into()),
                ..SituationEntry::new(Deceased, Some(PartialDate::day(d(2022, 8, 2))))
            }),
            FateUnknown => det.situation = vec![SituationEntry::new(FateUnknown, Some(captured))],
        }
        if person.category != PoliticalLeader && person.category != Disappeared {
            det.icrc.registered = Some(true);
            det.icrc.registered_on = Some(PartialDate::day(captured.date + Days::new(30)));
            // Roughly every five weeks, with the last visit sometimes long ago.
            let gap = 35 + rng.below(20) as u64;
            let last = today - Days::new(10 + (i as u64 * 13) % 90);
            for k in 0..4 {
                det.icrc.visits.push(last - Days::new(k * gap));
            }
        } else if person.category == PoliticalLeader {
            det.icrc.registered = Some(false);
        }
        if i % 5 == 0 {
            det.court_applications.push(CourtApplication {
                court: "Cour européenne des droits de l'homme".into(),
                reference: Some(format!("n° {}/21 (fictif)", 40000 + i)),
                lodged: Some(PartialDate::day(captured.date + Days::new(20))),
                interim_measures: true,
                status: Some("mesure provisoire indiquée".into()),
                note: None,
            });
        }
        det.bio_fr = Some(format!(
            "{given} {family} est une personne fictive créée pour l'exemple. {} Rien de ce texte ne décrit une personne réelle ; il sert à tester la mise en page des documents de la campagne, avec des phrases assez longues pour être justifiées et coupées en fin de ligne.",
            match person.category {
                PrisonerOfWar => "Soldat capturé pendant ou après la guerre de 2020, sa famille attend des nouvelles régulières.",
                Civilian => "Civil enlevé, il vivait de son travail dans un village frontalier.",
                PoliticalLeader => "Ancien responsable politique, détenu depuis l'automne 2023.",
                Disappeared => "Son sort reste inconnu ; les dates et lieux sont approximatifs.",
            }
        ));
        det.bio_en = Some(format!(
            "{given} {family} is a fictional person made up for this sample. Nothing in this text describes a real person; it exists to test the layout of the campaign's documents."
        ));
        if person.consent {
            for item in [
                PublicItem::Name,
                PublicItem::NameHy,
                PublicItem::Birth,
                PublicItem::Capture,
                PublicItem::Situation,
                PublicItem::Biography,
                PublicItem::Role,
            ] {
                det.disclosure.insert(item, Disclosure::PUBLIC);
            }
        } else {
            det.disclosure.insert(PublicItem::Name, Disclosure { public: false, consent: Consent::Refused });
        }
        det.notes = Some(format!("{FICTIONAL}. Note interne : ne pas publier."));
        let stored = dossier.insert(det)?;
        ids_and_people.push((stored.id, person.category));
        detainee_ids.push(stored.id);

        // Confidential family contact (fictional phone numbers).
        dossier.insert(Contact {
            detainee_id: stored.id,
            name: format!("{} {family} (famille fictive)", ["Anna", "Hasmik", "Ruzanna", "Gayane"][i % 4]),
            relation: Some(["mère", "épouse", "sœur", "père"][i % 4].into()),
            phone: Some(format!("+374 10 000 {:03}", 100 + i)),
            email: Some(format!("famille{}@example.invalid", i + 1)),
            address: None,
            languages: vec!["hy".into(), "ru".into()],
            notes: Some(FICTIONAL.into()),
        })?;

        // Photos for most people; the large one is fit for a roll-up banner.
        if i % 4 != 3 {
            let large = matches!(i, 0 | 6 | 8);
            let bytes = if large { portrait_large.clone() } else { portrait_small.clone() };
            let img = crate::media::import_bytes(bytes)
                .map_err(|problem| crate::Error::Image { path: "demo".into(), problem })?;
            let disclosure = if person.consent { Disclosure::PUBLIC } else { Disclosure::default() };
            let mut m = dossier.store_media(img, MediaRole::Photo, Some(stored.id), disclosure)?;
            m.data.crop = if large { None } else { Some(Crop { x: 0.1, y: 0.05, w: 0.8, h: 0.7 }) };
            m.data.credit = Some("Illustration fictive".into());
            dossier.update(m.id, m.data.clone())?;
        }
    }

    // Sources and timeline events.
    for (k, (id, category)) in ids_and_people.iter().enumerate().step_by(3) {
        let ev = dossier.insert(Event {
            date: dossier.get::<Detainee>(*id)?.captured.expect("set above"),
            kind: EventKind::Capture,
            title: "Capture (récit fictif)".into(),
            description: Some("Événement inventé pour l'exemple.".into()),
            place: None,
            detainee_id: Some(*id),
            sponsor_id: None,
            public: true,
        })?;
        dossier.insert(Source {
            author: ["Agence de presse fictive", "ONG d'observation (exemple)", "Témoignage familial (anonymisé)"]
                [k % 3]
                .into(),
            title: Some(format!("Rapport n° {} (fictif)", k + 1)),
            date: Some(PartialDate::day(d(2024, 1 + (k as u32 % 12), 5))),
            reliability: [Reliability::Confirmed, Reliability::Reliable, Reliability::Probable][k % 3],
            reference: Some(format!("https://example.org/rapport-{}", k + 1)),
            note: Some(FICTIONAL.into()),
            detainee_ids: vec![*id],
            event_ids: vec![ev.id],
        })?;
        if *category == Category::PrisonerOfWar {
            dossier.insert(Event {
                date: PartialDate::day(today - Days::new(40)),
                kind: EventKind::IcrcVisit,
                title: "Visite du CICR (fictive)".into(),
                description: None,
                place: None,
                detainee_id: Some(*id),
                sponsor_id: None,
                public: false,
            })?;
        }
    }

    // Sponsors of every kind, with logos.
    // Name, kind, city, signatory, signatory's title, logo colour.
    type SponsorSpec<'a> = (&'a str, SponsorKind, &'a str, &'a str, &'a str, [u8; 3]);
    let sponsors_spec: [SponsorSpec; 7] = [
        (
            "Ville de Saint-Aubin-des-Prés",
            SponsorKind::City,
            "Saint-Aubin-des-Prés",
            "Élise Martin-Roche",
            "Maire de Saint-Aubin-des-Prés",
            [30, 80, 160],
        ),
        (
            "Ville de Montclair-sur-Loue",
            SponsorKind::City,
            "Montclair-sur-Loue",
            "Bernard Quintal",
            "Maire de Montclair-sur-Loue",
            [160, 40, 40],
        ),
        ("Association Liberté Demain", SponsorKind::Ngo, "Lyon", "Sophie Ardent", "Présidente", [20, 130, 90]),
        ("Claire Fontaine-Morel", SponsorKind::Person, "Paris", "Claire Fontaine-Morel", "Écrivaine", [120, 60, 150]),
        ("Jean-Marc Delorme", SponsorKind::Parliamentarian, "Genève", "Jean-Marc Delorme", "Député", [200, 120, 20]),
        (
            "Institut européen d'études de la paix",
            SponsorKind::Institution,
            "Strasbourg",
            "Dr Ana Ribeiro",
            "Directrice",
            [60, 60, 60],
        ),
        (
            "Ville de Belval-les-Bains",
            SponsorKind::City,
            "Belval-les-Bains",
            "Odile Ferrand",
            "Maire de Belval-les-Bains",
            [0, 110, 140],
        ),
    ];
    let mut sponsor_ids = vec![];
    for (name, kind, city, signatory, title, color) in sponsors_spec {
        let mut s = Sponsor::new(name, kind);
        s.city = Some(city.into());
        s.country = Some(if city == "Genève" { "Suisse" } else { "France" }.into());
        s.signatory = Some(Signatory { name: signatory.into(), title: Some(title.into()) });
        s.contacts = vec![ContactPerson {
            name: "Cabinet (contact fictif)".into(),
            role: Some("Chargé de mission".into()),
            email: Some("contact@example.org".into()),
            phone: Some("+33 1 00 00 00 00".into()),
        }];
        s.address = Some(format!("1 place de l'Exemple, {city}"));
        s.website = Some("https://example.org".into());
        s.languages = vec!["fr".into()];
        s.notes = Some(FICTIONAL.into());
        let logo = crate::media::import_bytes(placeholder_logo(600, color))
            .map_err(|problem| crate::Error::Image { path: "demo".into(), problem })?;
        let m = dossier.store_media(logo, MediaRole::Logo, None, Disclosure::PUBLIC)?;
        s.logo_id = Some(m.id);
        sponsor_ids.push(dossier.insert(s)?.id);
    }

    // Sponsorships at every stage, a handover and a whole-group sponsorship.
    let all =
        parse_commitments("logo,banner,public-signing,public-events,media,lobbying,meet-family,solidarity-events")
            .expect("valid list");
    let some = parse_commitments("logo,banner,public-signing,media").expect("valid list");
    let mut n_sponsorships = 0;
    let mut add = |dossier: &mut Dossier, s: Sponsorship| -> Result<uuid::Uuid> {
        n_sponsorships += 1;
        Ok(dossier.insert(s)?.id)
    };
    let stages = [Stage::Prospect, Stage::Approached, Stage::Agreed, Stage::Signed, Stage::Active, Stage::Active];
    for (k, stage) in stages.iter().enumerate() {
        let mut s = Sponsorship::new(sponsor_ids[k], Some(detainee_ids[k * 2]));
        s.stage = *stage;
        s.commitments = if k % 2 == 0 { all.clone() } else { some.clone() };
        if *stage >= Stage::Signed {
            s.ceremony = Some(Ceremony {
                date: Some(today - Days::new(60 - k as u64 * 5)),
                place: Some(sponsors_spec[k].2.to_owned()),
                press: Some("Presse régionale (fictive)".into()),
            });
            for c in &mut s.commitments {
                c.status = if c.kind == CommitmentKind::PublicSigning {
                    CommitmentStatus::Done
                } else {
                    CommitmentStatus::InProgress
                };
            }
        } else if *stage == Stage::Agreed {
            s.ceremony = Some(Ceremony {
                date: Some(today + Days::new(21)),
                place: Some(sponsors_spec[k].2.to_owned()),
                press: None,
            });
        }
        s.actions.push(Action {
            date: today - Days::new(90),
            kind: ActionKind::Letter,
            summary: "Courrier de présentation de la campagne (fictif)".into(),
        });
        if *stage >= Stage::Agreed {
            s.actions.push(Action {
                date: today - Days::new(70),
                kind: ActionKind::Meeting,
                summary: "Rencontre avec le cabinet (fictive)".into(),
            });
        }
        add(dossier, s)?;
    }
    // Ended on release (detainee index 8 was released).
    let mut released = Sponsorship::new(sponsor_ids[6], Some(detainee_ids[8]));
    released.stage = Stage::Ended;
    released.end_reason = Some(EndReason::Released);
    released.ended_on = Some(d(2023, 12, 13));
    released.commitments = some.clone();
    add(dossier, released)?;
    // Withdrawn.
    let mut withdrawn = Sponsorship::new(sponsor_ids[3], Some(detainee_ids[11]));
    withdrawn.stage = Stage::Ended;
    withdrawn.end_reason = Some(EndReason::Withdrawn);
    withdrawn.ended_on = Some(today - Days::new(200));
    add(dossier, withdrawn)?;
    // Handover: the first sponsorship of detainee 13 passes to another sponsor.
    let mut successor = Sponsorship::new(sponsor_ids[5], Some(detainee_ids[13]));
    successor.stage = Stage::Active;
    successor.commitments = some.clone();
    let successor_id = add(dossier, successor)?;
    let mut handed = Sponsorship::new(sponsor_ids[4], Some(detainee_ids[13]));
    handed.stage = Stage::Ended;
    handed.end_reason = Some(EndReason::HandedOver);
    handed.ended_on = Some(today - Days::new(100));
    handed.successor_id = Some(successor_id);
    let handed_id = add(dossier, handed)?;
    let mut s = dossier.get::<Sponsorship>(successor_id)?.data;
    s.predecessor_id = Some(handed_id);
    dossier.update(successor_id, s)?;
    // Whole group.
    let mut group = Sponsorship::new(sponsor_ids[2], None);
    group.stage = Stage::Signed;
    group.commitments = all.clone();
    group.ceremony = Some(Ceremony { date: Some(today - Days::new(15)), place: Some("Lyon".into()), press: None });
    add(dossier, group)?;

    // Campaign events.
    dossier.insert(Event {
        date: PartialDate::day(today + Days::new(21)),
        kind: EventKind::Ceremony,
        title: "Signature publique à Saint-Aubin-des-Prés (fictive)".into(),
        description: None,
        place: Some("Hôtel de ville".into()),
        detainee_id: None,
        sponsor_id: Some(sponsor_ids[0]),
        public: true,
    })?;
    dossier.insert(Event {
        date: PartialDate::day(today + Days::new(9)),
        kind: EventKind::Rally,
        title: "Rassemblement pour la libération des prisonniers (fictif)".into(),
        description: None,
        place: Some("Place de l'Exemple, Lyon".into()),
        detainee_id: None,
        sponsor_id: None,
        public: true,
    })?;

    // Press releases.
    dossier.insert(PressRelease {
        date: d(2026, 6, 12),
        cities: vec![],
        title: "Une nouvelle ville parraine un prisonnier (communiqué fictif)".into(),
        body: "La ville fictive de **Saint-Aubin-des-Prés** a signé aujourd'hui une convention de parrainage.\n\n\
               Ce communiqué est un *exemple* : il ne relate aucun fait réel.\n\n\
               - Signature publique en présence de la presse ;\n- pose d'un kakemono à l'entrée de la mairie.\n"
            .into(),
        lang: crate::Lang::Fr,
        contacts: vec![],
        in_press_kit: true,
    })?;
    dossier.insert(PressRelease {
        date: d(2026, 9, 3),
        cities: vec![],
        title: "A new city sponsors a prisoner (fictional release)".into(),
        body: "The fictional town of **Montclair-sur-Loue** signed a sponsorship agreement today.\n\nThis is a *sample*: it reports no real event.\n".into(),
        lang: crate::Lang::En,
        contacts: vec![],
        in_press_kit: false,
    })?;

    // The collective's profile.
    let mut logos = vec![];
    for color in [[170, 20, 40], [20, 40, 120], [230, 140, 0]] {
        let img = crate::media::import_bytes(placeholder_logo(800, color))
            .map_err(|problem| crate::Error::Image { path: "demo".into(), problem })?;
        logos.push(dossier.store_media(img, MediaRole::Logo, None, Disclosure::PUBLIC)?.id);
    }
    dossier.set_profile(Profile {
        name: "Collectif Libertas (profil d'exemple)".into(),
        members: vec![
            Member {
                name: "Centre pour le droit et la résolution des conflits (exemple)".into(),
                city: Some("Paris".into()),
                description_fr: Some(
                    "Association de défense des droits humains et de règlement pacifique des conflits.".into(),
                ),
                description_en: Some("An association for human rights and peaceful conflict resolution.".into()),
            },
            Member {
                name: "Association pour la démocratie et les droits humains (exemple)".into(),
                city: Some("Lyon".into()),
                description_fr: Some("Association engagée pour la démocratie et les droits humains.".into()),
                description_en: Some("An association committed to democracy and human rights.".into()),
            },
            Member {
                name: "Observatoire des discours de haine (exemple)".into(),
                city: Some("Genève".into()),
                description_fr: Some("Observatoire des discours de haine anti-arméniens.".into()),
                description_en: Some("An observatory of anti-Armenian hate speech.".into()),
            },
        ],
        signatory: Some(Signatory {
            name: "Camille Varenne (fictive)".into(),
            title: Some("Coordinatrice du collectif".into()),
        }),
        logo_ids: logos,
        website: Some("https://example.org/libertas".into()),
        campaign_url: Some("https://example.org/libertas/parrainage".into()),
        contacts: vec![ContactPerson {
            name: "Service de presse (fictif)".into(),
            role: Some("Presse".into()),
            email: Some("presse@example.org".into()),
            phone: Some("+33 1 00 00 00 01".into()),
        }],
        cities: vec!["Paris".into(), "Lyon".into(), "Genève".into()],
        address: None,
    })?;

    Ok(Summary { detainees: people.len(), sponsors: sponsor_ids.len(), sponsorships: n_sponsorships })
}

/// Adds `n` synthetic detainees in one transaction (for benchmarks: names vary so search has work to do).
fn synthetic(dossier: &mut Dossier, n: u32) -> Result<()> {
    let start = dossier.setting("demo.synthetic")?.and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    dossier.transaction(|tx| {
        for k in start..start + n {
            let (given, given_hy, sex) = GIVEN[k as usize % GIVEN.len()];
            let (family, family_hy) = FAMILY[(k as usize / GIVEN.len()) % FAMILY.len()];
            let mut det = Detainee::new(format!("{given} {family} {k:05}"), Category::ALL[k as usize % 4]);
            det.name_hy = Some(format!("{given_hy} {family_hy}"));
            det.sex = Some(sex);
            det.captured = Some(PartialDate::day(d(2020, 10 + k % 3, 1 + k % 28)));
            det.situation.push(SituationEntry::new(Status::Detained, det.captured));
            det.notes = Some(format!("{FICTIONAL} (synthetic)"));
            tx.insert(det)?;
        }
        Ok(())
    })?;
    dossier.set_setting("demo.synthetic", &(start + n).to_string())
}

/// A drawn placeholder "portrait": a gradient with a head-and-shoulders silhouette. Not a picture of anyone.
pub fn placeholder_portrait(w: u32, h: u32, tint: [u8; 3]) -> Vec<u8> {
    let img = ImageBuffer::from_fn(w, h, |x, y| {
        let fx = x as f32 / w as f32;
        let fy = y as f32 / h as f32;
        let (hx, hy, hr) = (0.5, 0.38, 0.17);
        let head = ((fx - hx).powi(2) * (w as f32 / h as f32).powi(2) + (fy - hy).powi(2)).sqrt() < hr;
        let shoulders = fy > 0.62 && ((fx - 0.5).abs() < 0.18 + (fy - 0.62) * 1.2);
        if head || shoulders {
            Rgb([54, 58, 66])
        } else {
            let g = 1.0 - fy * 0.35;
            Rgb([
                (tint[0] as f32 * g + 90.0 * fx) as u8,
                (tint[1] as f32 * g + 40.0 * fx) as u8,
                (tint[2] as f32 * g) as u8,
            ])
        }
    });
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img).expect("encode in memory");
    out
}

/// A drawn placeholder logo: a coloured ring and bar on a transparent background (PNG).
pub fn placeholder_logo(size: u32, color: [u8; 3]) -> Vec<u8> {
    let img = ImageBuffer::from_fn(size, size, |x, y| {
        let c = size as f32 / 2.0;
        let r = ((x as f32 - c).powi(2) + (y as f32 - c).powi(2)).sqrt() / c;
        let ring = (0.62..0.9).contains(&r);
        let bar = (x as f32 - c).abs() < c * 0.12 && r < 0.62;
        if ring || bar {
            Rgba([color[0], color[1], color[2], 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let mut out = vec![];
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&img, size, size, image::ExtendedColorType::Rgba8)
        .expect("encode in memory");
    out
}

use image::ImageEncoder;
