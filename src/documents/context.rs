//! What templates see: public, consented data only, with dates written out in the document's language.
//!
//! Architecture invariant: documents are built from these types alone. None of them has a field for a family
//! contact, an internal note, or an item without the family's consent, so no template can print one.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::i18n::{tr, Lang};
use crate::model::{
    Category, Choice, CommitmentFamily, CommitmentKind, Detainee, Media, MediaRole, PartialDate, Precision, Profile,
    PublicItem, Sex, Sponsor, SponsorKind, Sponsorship, Status, Stored,
};

/// A date written out: "1er mai 2026", "12 May 2026".
pub fn write_date(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let (locale, day) = match lang {
        Lang::Fr => (chrono::Locale::fr_FR, if d.day() == 1 { "1er".to_owned() } else { d.day().to_string() }),
        Lang::En => (chrono::Locale::en_GB, d.day().to_string()),
    };
    let month = d.format_localized("%B", locale).to_string();
    format!("{day} {month} {}", d.year())
}

/// A partial date written out with its precision: "mai 2020", "vers le 3 mai 2020", "2020".
pub fn write_partial(d: PartialDate, lang: Lang) -> String {
    let locale = match lang {
        Lang::Fr => chrono::Locale::fr_FR,
        Lang::En => chrono::Locale::en_GB,
    };
    match d.precision {
        Precision::Day => write_date(d.date, lang),
        Precision::Month => d.date.format_localized("%B %Y", locale).to_string(),
        Precision::Year => d.date.format("%Y").to_string(),
        Precision::Approximate => tr(lang, "doc-around", &[("date", (&write_date(d.date, lang)).into())]),
    }
}

pub use super::typography::group_digits;

pub fn category_label(c: Category, lang: Lang) -> String {
    tr(lang, &format!("cat-{}", c.slug()), &[])
}

pub fn category_plural(c: Category, lang: Lang) -> String {
    tr(lang, &format!("cat-{}-plural", c.slug()), &[])
}

pub fn status_label(s: Status, lang: Lang) -> String {
    tr(lang, &format!("status-{}", s.slug()), &[])
}

pub fn sex_label(s: Sex, lang: Lang) -> String {
    tr(lang, &format!("sex-{}", s.slug()), &[])
}

pub fn sponsor_kind_label(k: SponsorKind, lang: Lang) -> String {
    tr(lang, &format!("sponsor-kind-{}", k.slug()), &[])
}

/// A detainee as a public document may show them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PublicDetainee {
    pub id: String,
    pub name: String,
    pub name_hy: Option<String>,
    pub category: String,
    pub category_label: String,
    pub born: Option<String>,
    pub birth_place: Option<String>,
    pub role: Option<String>,
    pub captured: Option<String>,
    pub capture_place: Option<String>,
    pub status: Option<String>,
    pub status_label: Option<String>,
    pub sentence_years: Option<f32>,
    pub situation_since: Option<String>,
    pub days_held: Option<i64>,
    /// "1 281 jours de détention", "1,281 days in detention"; for the disappeared, "… days without news".
    pub days_text: Option<String>,
    /// The biography in the document's language, else the other one.
    pub bio: Option<String>,
    /// `photo:<id>` of the first photo that is public and consented.
    pub photo: Option<String>,
    #[serde(skip)]
    pub photo_crop: Option<crate::model::Crop>,
}

/// The public view of a detainee, or `None` when their name may not be published (then nothing about them may).
pub fn public_detainee(
    p: &Stored<Detainee>,
    photos: &[Stored<Media>],
    lang: Lang,
    today: NaiveDate,
) -> Option<PublicDetainee> {
    if !p.is_public(PublicItem::Name) {
        return None;
    }
    let show = |item| p.is_public(item);
    let capture = show(PublicItem::Capture);
    let situation = show(PublicItem::Situation);
    let current = p.situation.last();
    let photo =
        photos.iter().find(|m| m.role == MediaRole::Photo && m.detainee_id == Some(p.id) && m.disclosure.publishable());
    let (bio_first, bio_second) = match lang {
        Lang::Fr => (&p.bio_fr, &p.bio_en),
        Lang::En => (&p.bio_en, &p.bio_fr),
    };
    Some(PublicDetainee {
        id: p.id.to_string(),
        name: p.name.clone(),
        name_hy: p.name_hy.clone().filter(|_| show(PublicItem::NameHy)),
        category: p.category.slug().to_owned(),
        category_label: category_label(p.category, lang),
        born: p.born.filter(|_| show(PublicItem::Birth)).map(|d| write_partial(d, lang)),
        birth_place: p.birth_place.clone().filter(|_| show(PublicItem::Birth)),
        role: [&p.role, &p.rank].into_iter().flatten().next().cloned().filter(|_| show(PublicItem::Role)),
        captured: p.captured.filter(|_| capture).map(|d| write_partial(d, lang)),
        capture_place: p.capture_place.clone().filter(|_| capture),
        status: current.filter(|_| situation).map(|e| e.status.slug().to_owned()),
        status_label: current.filter(|_| situation).map(|e| status_label(e.status, lang)),
        sentence_years: current.filter(|_| situation).and_then(|e| e.sentence_years),
        situation_since: current.filter(|_| situation).and_then(|e| e.date).map(|d| write_partial(d, lang)),
        days_held: if capture { p.days_held(today) } else { None },
        days_text: if capture { p.days_held(today) } else { None }.map(|n| {
            let key = if p.category == Category::Disappeared { "doc-days-missing" } else { "doc-days-held" };
            tr(lang, key, &[("n", (&group_digits(n, lang)).into())])
        }),
        bio: if show(PublicItem::Biography) { bio_first.clone().or_else(|| bio_second.clone()) } else { None },
        photo: photo.map(|m| format!("photo:{}", m.id)),
        photo_crop: photo.and_then(|m| m.crop),
    })
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct PersonCtx {
    pub name: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberCtx {
    pub name: String,
    pub city: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactCtx {
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The collective, from its profile.
#[derive(Debug, Clone, Serialize)]
pub struct CollectiveCtx {
    pub name: String,
    pub members: Vec<MemberCtx>,
    pub signatory: PersonCtx,
    pub website: Option<String>,
    pub campaign_url: Option<String>,
    pub contacts: Vec<ContactCtx>,
    pub cities: Vec<String>,
    pub address: Option<String>,
    /// `logo:<id>` of each logo.
    pub logos: Vec<String>,
}

pub fn collective(p: &Profile, lang: Lang) -> CollectiveCtx {
    CollectiveCtx {
        name: p.name.clone(),
        members: p
            .members
            .iter()
            .map(|m| MemberCtx {
                name: m.name.clone(),
                city: m.city.clone(),
                description: match lang {
                    Lang::Fr => m.description_fr.clone().or_else(|| m.description_en.clone()),
                    Lang::En => m.description_en.clone().or_else(|| m.description_fr.clone()),
                },
            })
            .collect(),
        signatory: p
            .signatory
            .as_ref()
            .map(|s| PersonCtx { name: s.name.clone(), title: s.title.clone() })
            .unwrap_or_default(),
        website: p.website.clone(),
        campaign_url: p.campaign_url.clone(),
        contacts: p.contacts.iter().map(contact_ctx).collect(),
        cities: p.cities.clone(),
        address: p.address.clone(),
        logos: p.logo_ids.iter().map(|id| format!("logo:{id}")).collect(),
    }
}

fn contact_ctx(c: &crate::model::ContactPerson) -> ContactCtx {
    ContactCtx { name: c.name.clone(), role: c.role.clone(), email: c.email.clone(), phone: c.phone.clone() }
}

/// A sponsor as documents show it (a sponsor is public by nature; its internal notes and contact people are not
/// printed).
#[derive(Debug, Clone, Serialize)]
pub struct SponsorCtx {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub city: Option<String>,
    pub country: Option<String>,
    pub address: Option<String>,
    pub signatory: PersonCtx,
    pub website: Option<String>,
    pub logo: Option<String>,
}

pub fn sponsor(s: &Stored<Sponsor>, lang: Lang) -> SponsorCtx {
    SponsorCtx {
        id: s.id.to_string(),
        name: s.name.clone(),
        kind: s.kind.slug().to_owned(),
        kind_label: sponsor_kind_label(s.kind, lang),
        city: s.city.clone(),
        country: s.country.clone(),
        address: s.address.clone(),
        signatory: s
            .signatory
            .as_ref()
            .map(|x| PersonCtx { name: x.name.clone(), title: x.title.clone() })
            .unwrap_or_else(|| PersonCtx { name: s.name.clone(), title: None }),
        website: s.website.clone(),
        logo: s.logo_id.map(|id| format!("logo:{id}")),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CommitmentCtx {
    pub kind: String,
    pub label: String,
    pub chosen: bool,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FamilyCtx {
    pub family: String,
    pub label: String,
    pub items: Vec<CommitmentCtx>,
}

/// Every commitment, grouped by family, with those of `chosen` ticked.
pub fn commitments(chosen: Option<&Sponsorship>, lang: Lang) -> Vec<FamilyCtx> {
    let mut out: Vec<FamilyCtx> = vec![];
    for family in [CommitmentFamily::Communicate, CommitmentFamily::Plead, CommitmentFamily::Support] {
        let slug = match family {
            CommitmentFamily::Communicate => "communicate",
            CommitmentFamily::Plead => "plead",
            CommitmentFamily::Support => "support",
        };
        let items = CommitmentKind::ALL
            .iter()
            .filter(|k| k.family() == family)
            .map(|k| {
                let c = chosen.and_then(|s| s.commitments.iter().find(|c| c.kind == *k));
                CommitmentCtx {
                    kind: k.slug().to_owned(),
                    label: tr(lang, &format!("commit-{}", k.slug()), &[]),
                    chosen: chosen.is_some_and(|s| s.has(*k)),
                    status: c.map(|c| c.status.slug().to_owned()),
                }
            })
            .collect();
        out.push(FamilyCtx { family: slug.into(), label: tr(lang, &format!("family-{slug}"), &[]), items });
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub whole_group: bool,
    pub detainee: Option<PublicDetainee>,
    pub group: Vec<PublicDetainee>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub sponsor: SponsorCtx,
    pub target: Target,
    pub commitments: Vec<FamilyCtx>,
    /// "Fait à {place}": the ceremony's place, else the sponsor's city; empty when neither is known (the
    /// templates then leave a dotted space to fill in by hand).
    pub place: String,
    /// "le {date}": the ceremony's date, else today.
    pub date: String,
    pub today: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactsheetCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub detainee: PublicDetainee,
    pub today: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReleaseCtx {
    pub title: String,
    pub date_line: String,
    /// Markdown, inserted as such (`| safe`).
    pub body: String,
    pub contacts: Vec<ContactCtx>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PressReleaseCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub release: ReleaseCtx,
    pub today: String,
}

pub fn release(r: &crate::model::PressRelease, profile: &Profile) -> ReleaseCtx {
    let cities = if r.cities.is_empty() { profile.cities.clone() } else { r.cities.clone() };
    let date = write_date(r.date, r.lang);
    let date_line = match (cities.is_empty(), r.lang) {
        (true, _) => date,
        (false, Lang::Fr) => format!("{}, le {date}", cities.join(", ")),
        (false, Lang::En) => format!("{}, {date}", cities.join(", ")),
    };
    let contacts = if r.contacts.is_empty() { &profile.contacts } else { &r.contacts };
    ReleaseCtx {
        title: r.title.clone(),
        date_line,
        body: r.body.clone(),
        contacts: contacts.iter().map(contact_ctx).collect(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CountCtx {
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Everyone in the dossier.
    pub total: u64,
    /// Still held, on trial, sentenced, or of unknown fate.
    pub held: u64,
    pub released: u64,
    pub by_category: Vec<CountCtx>,
    pub sponsors: u64,
    pub sponsorships_signed: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryCtx {
    pub category: String,
    pub label: String,
    pub detainees: Vec<PublicDetainee>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PresskitCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub figures: Figures,
    pub categories: Vec<CategoryCtx>,
    pub sponsors: Vec<SponsorCtx>,
    pub commitments: Vec<FamilyCtx>,
    pub press_releases: Vec<ReleaseCtx>,
    pub today: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BannerCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub detainee: PublicDetainee,
    pub sponsor: Option<SponsorCtx>,
    pub today: String,
}

/// The figures and the public detainees grouped by category, computed from every detainee.
pub fn campaign(
    people: &[Stored<Detainee>],
    photos: &BTreeMap<Uuid, Vec<Stored<Media>>>,
    n_sponsors: u64,
    n_signed: u64,
    lang: Lang,
    today: NaiveDate,
) -> (Figures, Vec<CategoryCtx>) {
    let held_now = |p: &Detainee| p.status().is_none_or(Status::is_held);
    let mut by_category = vec![];
    let mut categories = vec![];
    for cat in Category::ALL {
        let in_cat: Vec<&Stored<Detainee>> = people.iter().filter(|p| p.category == cat && held_now(p)).collect();
        by_category.push(CountCtx { label: category_plural(cat, lang), count: in_cat.len() as u64 });
        let detainees: Vec<PublicDetainee> = in_cat
            .iter()
            .filter_map(|p| public_detainee(p, photos.get(&p.id).map(Vec::as_slice).unwrap_or(&[]), lang, today))
            .collect();
        if !detainees.is_empty() {
            categories.push(CategoryCtx { category: cat.slug().into(), label: category_plural(cat, lang), detainees });
        }
    }
    let figures = Figures {
        total: people.len() as u64,
        held: people.iter().filter(|p| held_now(p)).count() as u64,
        released: people.iter().filter(|p| p.status() == Some(Status::Released)).count() as u64,
        by_category,
        sponsors: n_sponsors,
        sponsorships_signed: n_signed,
    };
    (figures, categories)
}

/// A signing ceremony as documents print it.
#[derive(Debug, Clone, Serialize)]
pub struct CeremonyCtx {
    /// Written out: "12 mai 2026".
    pub date: String,
    pub place: String,
}

/// What the ceremony's press release draft is made from: its title (the template header's `title`, itself a
/// template) and its body become a `PressRelease` record the user then edits.
#[derive(Debug, Clone, Serialize)]
pub struct CeremonyReleaseCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub sponsor: SponsorCtx,
    pub target: Target,
    pub ceremony: CeremonyCtx,
    pub today: String,
}

/// A banner of the kit and its preflight verdict.
#[derive(Debug, Clone, Serialize)]
pub struct BannerCheck {
    pub detainee: String,
    pub file: String,
    /// `ok`, `warning` or `error`.
    pub level: String,
    /// The verdict in a few words, in the document's language.
    pub verdict: String,
    /// The preflight's findings, in the document's language.
    pub findings: Vec<String>,
}

/// The one-page checklist of a ceremony: who brings what, what to print where and when, the banners' preflight.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistCtx {
    pub lang: Lang,
    pub collective: CollectiveCtx,
    pub sponsor: SponsorCtx,
    pub target: Target,
    pub ceremony: CeremonyCtx,
    /// The day the banners must be ordered at the print shop: a week before the ceremony.
    pub banner_deadline: String,
    /// True when that day is already past.
    pub banner_late: bool,
    /// The day the press release goes out: the day before the ceremony.
    pub release_deadline: String,
    /// Copies of the agreement to print (two per language).
    pub agreement_copies: u64,
    /// The languages of the agreement, written out ("français, anglais").
    pub agreement_languages: String,
    /// The banner's print size and bleed, written out ("850 × 2000 mm, fond perdu 10 mm").
    pub banner_size: String,
    pub banners: Vec<BannerCheck>,
    /// How many banners are ready for the print shop (no error, no warning).
    pub banners_ready: u64,
    /// The banners whose preflight found something, errors first.
    pub banners_to_check: Vec<BannerCheck>,
    pub today: String,
}
