//! Complete fictional contexts, used to check templates: every field a template may name is present.

use chrono::NaiveDate;
use uuid::Uuid;

use super::context::*;
use crate::i18n::{tr, Lang};
use crate::model::*;

fn stored<T>(data: T) -> Stored<T> {
    let t = chrono::Utc::now();
    Stored { id: Uuid::nil(), created_at: t, updated_at: t, data }
}

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).expect("a date of 2026")
}

fn today() -> NaiveDate {
    day(5, 1)
}

fn person() -> Stored<Detainee> {
    let mut p = Detainee::new("Aram Exemple", Category::PrisonerOfWar);
    p.name_hy = Some("Արամ Օրինակ".into());
    p.born = "1998-03-02".parse().ok();
    p.birth_place = Some("Goris".into());
    p.role = Some("Soldat".into());
    p.captured = "2020-12-13".parse().ok();
    p.capture_place = Some("Khtsaberd".into());
    p.situation = vec![SituationEntry {
        sentence_years: Some(6.0),
        ..SituationEntry::new(Status::Sentenced, "2021-06-01".parse().ok())
    }];
    p.bio_fr = Some("Biographie fictive.".into());
    p.bio_en = Some("Fictional biography.".into());
    for item in PublicItem::ALL {
        p.disclosure.insert(item, Disclosure::PUBLIC);
    }
    stored(p)
}

fn profile() -> Profile {
    Profile {
        name: "Collectif (exemple)".into(),
        members: vec![Member {
            name: "Association (exemple)".into(),
            city: Some("Paris".into()),
            description_fr: Some("Description.".into()),
            description_en: Some("Description.".into()),
        }],
        signatory: Some(Signatory { name: "Camille Exemple".into(), title: Some("Coordinatrice".into()) }),
        logo_ids: vec![],
        website: Some("https://example.org".into()),
        campaign_url: Some("https://example.org/campagne".into()),
        contacts: vec![ContactPerson {
            name: "Presse".into(),
            role: Some("Presse".into()),
            email: Some("presse@example.org".into()),
            phone: Some("+33 1 00 00 00 00".into()),
        }],
        cities: vec!["Paris".into(), "Lyon".into(), "Genève".into()],
        address: None,
    }
}

fn sponsor_record() -> Stored<Sponsor> {
    let mut s = Sponsor::new("Ville d'Exemple", SponsorKind::City);
    s.city = Some("Exemple".into());
    s.signatory = Some(Signatory { name: "Marie Exemple".into(), title: Some("Maire".into()) });
    stored(s)
}

fn public(lang: Lang) -> PublicDetainee {
    public_detainee(&person(), &[], lang, today()).expect("public")
}

pub fn agreement(lang: Lang) -> AgreementCtx {
    let mut s = Sponsorship::new(Uuid::nil(), Some(Uuid::nil()));
    s.commitments = parse_commitments("logo,banner").expect("valid");
    AgreementCtx {
        lang,
        collective: collective(&profile(), lang),
        sponsor: sponsor(&sponsor_record(), lang),
        target: Target { whole_group: false, detainee: Some(public(lang)), group: vec![public(lang)] },
        commitments: commitments(Some(&s), lang),
        place: "Exemple".into(),
        date: write_date(today(), lang),
        today: write_date(today(), lang),
    }
}

pub fn factsheet(lang: Lang) -> FactsheetCtx {
    FactsheetCtx {
        lang,
        collective: collective(&profile(), lang),
        detainee: public(lang),
        today: write_date(today(), lang),
    }
}

pub fn press_release(lang: Lang) -> PressReleaseCtx {
    let r = PressRelease {
        date: today(),
        cities: vec![],
        title: "Titre".into(),
        body: "Texte.".into(),
        lang,
        contacts: vec![],
        in_press_kit: true,
    };
    PressReleaseCtx {
        lang,
        collective: collective(&profile(), lang),
        release: release(&r, &profile()),
        today: write_date(today(), lang),
    }
}

pub fn presskit(lang: Lang) -> PresskitCtx {
    let people = vec![person()];
    let (figures, categories) = campaign(&people, &Default::default(), 1, 1, lang, today());
    let r = press_release(lang).release;
    PresskitCtx {
        lang,
        collective: collective(&profile(), lang),
        figures,
        categories,
        sponsors: vec![sponsor(&sponsor_record(), lang)],
        commitments: commitments(None, lang),
        press_releases: vec![r],
        today: write_date(today(), lang),
    }
}

pub fn banner(lang: Lang) -> BannerCtx {
    BannerCtx {
        lang,
        collective: collective(&profile(), lang),
        detainee: public(lang),
        sponsor: Some(sponsor(&sponsor_record(), lang)),
        today: write_date(today(), lang),
    }
}

fn ceremony(lang: Lang) -> CeremonyCtx {
    CeremonyCtx { date: write_date(day(5, 21), lang), place: "Hôtel de ville d'Exemple".into() }
}

pub fn ceremony_release(lang: Lang) -> CeremonyReleaseCtx {
    let a = agreement(lang);
    CeremonyReleaseCtx {
        lang,
        collective: a.collective,
        sponsor: a.sponsor,
        target: a.target,
        ceremony: ceremony(lang),
        today: write_date(today(), lang),
    }
}

pub fn checklist(lang: Lang) -> ChecklistCtx {
    let a = agreement(lang);
    let check = |level: &str, findings: Vec<String>| BannerCheck {
        detainee: "Aram Exemple".into(),
        file: "banner-Aram-Exemple-850x2000.pdf".into(),
        level: level.into(),
        verdict: tr(lang, &format!("kit-preflight-{level}"), &[]),
        findings,
    };
    let warned = check("warning", vec!["Photo: 180 ppi (fictional finding).".into()]);
    ChecklistCtx {
        lang,
        collective: a.collective,
        sponsor: a.sponsor,
        target: a.target,
        ceremony: ceremony(lang),
        banner_deadline: write_date(day(5, 14), lang),
        banner_late: false,
        release_deadline: write_date(day(5, 20), lang),
        agreement_copies: 2,
        agreement_languages: tr(lang, "kit-lang-fr", &[]),
        banner_size: tr(lang, "kit-banner-size", &[("size", "850 × 2000 mm".into()), ("bleed", "10".into())]),
        banners: vec![check("ok", vec![]), warned.clone()],
        banners_ready: 1,
        banners_to_check: vec![warned],
        today: write_date(today(), lang),
    }
}
