//! Detainees: the people the campaign works to free.

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{
    choice_serde, name_list, not_future, opt_name, opt_text, req_name, Choice, DisclosureMap, PartialDate, Record,
    RecordKind,
};
use crate::error::{Invalid, Reason};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Category {
    /// Soldiers captured during or after the 2020 war.
    #[cfg_attr(feature = "ts", ts(rename = "pow"))]
    PrisonerOfWar,
    /// Abducted civilians.
    #[cfg_attr(feature = "ts", ts(rename = "civilian"))]
    Civilian,
    /// Former officials of Nagorno-Karabakh/Artsakh detained since September 2023.
    #[cfg_attr(feature = "ts", ts(rename = "political"))]
    PoliticalLeader,
    /// Fate unknown.
    #[cfg_attr(feature = "ts", ts(rename = "disappeared"))]
    Disappeared,
}

impl Choice for Category {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (
            Category::PrisonerOfWar,
            "pow",
            &[
                "prisoner of war",
                "prisonnier de guerre",
                "prisonniers de guerre",
                "prisonnier",
                "pg",
                "pow",
                "prisoners of war",
            ],
        ),
        (Category::Civilian, "civilian", &["civil", "civile", "civils", "civiles", "civilians", "otage civil"]),
        (
            Category::PoliticalLeader,
            "political",
            &[
                "political leader",
                "dirigeant politique",
                "dirigeants politiques",
                "dirigeante politique",
                "dirigeant",
                "leader",
                "leader politique",
                "responsable politique",
                "political leaders",
            ],
        ),
        (
            Category::Disappeared,
            "disappeared",
            &[
                "disparu",
                "disparue",
                "disparus",
                "forcibly disappeared",
                "disparition forcee",
                "victime de disparition forcee",
                "missing",
            ],
        ),
    ];
}
choice_serde!(Category, "category");

impl Category {
    pub const ALL: [Category; 4] =
        [Category::PrisonerOfWar, Category::Civilian, Category::PoliticalLeader, Category::Disappeared];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Sex {
    #[cfg_attr(feature = "ts", ts(rename = "male"))]
    Male,
    #[cfg_attr(feature = "ts", ts(rename = "female"))]
    Female,
}

impl Choice for Sex {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Sex::Male, "male", &["m", "homme", "h", "masculin", "man"]),
        (Sex::Female, "female", &["f", "femme", "feminin", "woman"]),
    ];
}
choice_serde!(Sex, "sex");

/// A legal situation at a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Status {
    #[cfg_attr(feature = "ts", ts(rename = "detained"))]
    Detained,
    #[cfg_attr(feature = "ts", ts(rename = "on-trial"))]
    OnTrial,
    #[cfg_attr(feature = "ts", ts(rename = "sentenced"))]
    Sentenced,
    #[cfg_attr(feature = "ts", ts(rename = "released"))]
    Released,
    #[cfg_attr(feature = "ts", ts(rename = "deceased"))]
    Deceased,
    #[cfg_attr(feature = "ts", ts(rename = "unknown"))]
    FateUnknown,
}

impl Choice for Status {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (
            Status::Detained,
            "detained",
            &["detenu", "detenue", "en detention", "held", "in custody", "emprisonne", "emprisonnee"],
        ),
        (
            Status::OnTrial,
            "on-trial",
            &["trial", "en proces", "proces", "jugement en cours", "en cours de jugement", "juge", "jugee"],
        ),
        (Status::Sentenced, "sentenced", &["condamne", "condamnee"]),
        (Status::Released, "released", &["libere", "liberee", "libre", "liberes"]),
        (Status::Deceased, "deceased", &["decede", "decedee", "mort", "morte", "dead"]),
        (Status::FateUnknown, "unknown", &["fate unknown", "sort inconnu", "inconnu"]),
    ];
}
choice_serde!(Status, "status");

impl Status {
    /// Whether the person is still held (or may be): days in detention keep counting.
    pub fn is_held(self) -> bool {
        matches!(self, Status::Detained | Status::OnTrial | Status::Sentenced | Status::FateUnknown)
    }
}

/// One dated step of the legal history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SituationEntry {
    pub date: Option<PartialDate>,
    pub status: Status,
    /// Sentence length in years, when sentenced.
    #[serde(default)]
    pub sentence_years: Option<f32>,
    /// Criminal-code articles charged or convicted under.
    #[serde(default)]
    pub charges: Vec<String>,
    #[serde(default)]
    pub court: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl SituationEntry {
    pub fn new(status: Status, date: Option<PartialDate>) -> Self {
        SituationEntry { date, status, sentence_years: None, charges: vec![], court: None, note: None }
    }
}

/// Registration and visits by the International Committee of the Red Cross.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Icrc {
    /// `None`: not known whether the ICRC registered the person.
    #[serde(default)]
    pub registered: Option<bool>,
    #[serde(default)]
    pub registered_on: Option<PartialDate>,
    #[serde(default)]
    pub visits: Vec<NaiveDate>,
}

impl Icrc {
    pub fn last_visit(&self) -> Option<NaiveDate> {
        self.visits.iter().max().copied()
    }
}

/// An application to a court, e.g. interim measures at the European Court of Human Rights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CourtApplication {
    pub court: String,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub lodged: Option<PartialDate>,
    #[serde(default)]
    pub interim_measures: bool,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Items of a detainee's record that may be published, each with its own consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PublicItem {
    #[cfg_attr(feature = "ts", ts(rename = "name"))]
    Name,
    #[cfg_attr(feature = "ts", ts(rename = "name_hy"))]
    NameHy,
    #[cfg_attr(feature = "ts", ts(rename = "birth"))]
    Birth,
    #[cfg_attr(feature = "ts", ts(rename = "role"))]
    Role,
    #[cfg_attr(feature = "ts", ts(rename = "capture"))]
    Capture,
    #[cfg_attr(feature = "ts", ts(rename = "circumstances"))]
    Circumstances,
    #[cfg_attr(feature = "ts", ts(rename = "situation"))]
    Situation,
    #[cfg_attr(feature = "ts", ts(rename = "biography"))]
    Biography,
}

impl Choice for PublicItem {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (PublicItem::Name, "name", &["nom"]),
        (PublicItem::NameHy, "name_hy", &["nom armenien"]),
        (PublicItem::Birth, "birth", &["naissance"]),
        (PublicItem::Role, "role", &["fonction", "grade"]),
        (PublicItem::Capture, "capture", &[]),
        (PublicItem::Circumstances, "circumstances", &["circonstances"]),
        (PublicItem::Situation, "situation", &["statut"]),
        (PublicItem::Biography, "biography", &["biographie", "bio"]),
    ];
}
choice_serde!(PublicItem, "public");

impl PublicItem {
    pub const ALL: [PublicItem; 8] = [
        PublicItem::Name,
        PublicItem::NameHy,
        PublicItem::Birth,
        PublicItem::Role,
        PublicItem::Capture,
        PublicItem::Circumstances,
        PublicItem::Situation,
        PublicItem::Biography,
    ];
}

/// A detainee's dossier. Every field is present in JSON (null when unknown) so `--set` can name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Detainee {
    /// Full name in Latin script, as the campaign writes it.
    pub name: String,
    /// Full name in Armenian script.
    #[serde(default)]
    pub name_hy: Option<String>,
    /// Other spellings met in sources (Russian, Azerbaijani, older transliterations).
    #[serde(default)]
    pub other_names: Vec<String>,
    pub category: Category,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub born: Option<PartialDate>,
    #[serde(default)]
    pub birth_place: Option<String>,
    /// Role or function (e.g. former minister), military rank and unit.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub rank: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub captured: Option<PartialDate>,
    #[serde(default)]
    pub capture_place: Option<String>,
    #[serde(default)]
    pub circumstances: Option<String>,
    /// The legal history, oldest first; the last entry is the current situation.
    #[serde(default)]
    pub situation: Vec<SituationEntry>,
    #[serde(default)]
    pub icrc: Icrc,
    #[serde(default)]
    pub court_applications: Vec<CourtApplication>,
    #[serde(default)]
    pub bio_fr: Option<String>,
    #[serde(default)]
    pub bio_en: Option<String>,
    /// What may be published, item by item. Absent items are private.
    #[serde(default)]
    pub disclosure: DisclosureMap,
    /// Internal notes; never public.
    #[serde(default)]
    pub notes: Option<String>,
}

impl Detainee {
    pub fn new(name: impl Into<String>, category: Category) -> Self {
        Detainee {
            name: name.into(),
            name_hy: None,
            other_names: vec![],
            category,
            sex: None,
            born: None,
            birth_place: None,
            role: None,
            rank: None,
            unit: None,
            captured: None,
            capture_place: None,
            circumstances: None,
            situation: vec![],
            icrc: Icrc::default(),
            court_applications: vec![],
            bio_fr: None,
            bio_en: None,
            disclosure: DisclosureMap::new(),
            notes: None,
        }
    }

    /// The current legal situation: the last entry of the history.
    pub fn status(&self) -> Option<Status> {
        self.situation.last().map(|e| e.status)
    }

    /// Days in detention counted to `on`, from the capture date (its earliest possible day), while the person is
    /// held. `None` when the capture date is unknown or the person is no longer held.
    pub fn days_held(&self, on: NaiveDate) -> Option<i64> {
        let captured = self.captured?;
        let held = self.status().is_none_or(Status::is_held);
        held.then(|| (on - captured.date).num_days()).filter(|d| *d >= 0)
    }

    pub fn is_public(&self, item: PublicItem) -> bool {
        self.disclosure.get(&item).is_some_and(|d| d.publishable())
    }
}

impl Record for Detainee {
    const KIND: RecordKind = RecordKind::Detainee;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("name", &mut self.name)?;
        opt_name("name_hy", &mut self.name_hy)?;
        name_list("other_names", &mut self.other_names)?;
        opt_name("birth_place", &mut self.birth_place)?;
        opt_name("role", &mut self.role)?;
        opt_name("rank", &mut self.rank)?;
        opt_name("unit", &mut self.unit)?;
        opt_name("capture_place", &mut self.capture_place)?;
        opt_text("circumstances", &mut self.circumstances)?;
        opt_text("bio_fr", &mut self.bio_fr)?;
        opt_text("bio_en", &mut self.bio_en)?;
        opt_text("notes", &mut self.notes)?;
        not_future("born", &self.born)?;
        not_future("captured", &self.captured)?;
        if let (Some(born), Some(captured)) = (self.born, self.captured) {
            if captured.certainly_before(&born) {
                return Err(Invalid::new("captured", Reason::CaptureBeforeBirth));
            }
        }
        for e in &mut self.situation {
            opt_text("situation.note", &mut e.note)?;
            opt_name("situation.court", &mut e.court)?;
            name_list("situation.charges", &mut e.charges)?;
            not_future("situation.date", &e.date)?;
            if let Some(y) = e.sentence_years {
                if !(0.0..=100.0).contains(&y) {
                    return Err(Invalid::new("sentence_years", Reason::BadNumber { value: y.to_string() }));
                }
            }
        }
        // Keep the history in date order so the last entry is the current situation; undated entries keep their
        // place relative to each other (stable sort) and count as the most recent ones.
        self.situation.sort_by_key(|e| e.date.map(|d| d.date).unwrap_or(NaiveDate::MAX));
        self.icrc.visits.sort();
        self.icrc.visits.dedup();
        let today = Utc::now().date_naive();
        if self.icrc.visits.last().is_some_and(|v| *v > today) {
            return Err(Invalid::new("icrc.visits", Reason::InFuture));
        }
        for c in &mut self.court_applications {
            req_name("court_applications.court", &mut c.court)?;
            opt_name("court_applications.reference", &mut c.reference)?;
            opt_name("court_applications.status", &mut c.status)?;
            opt_text("court_applications.note", &mut c.note)?;
        }
        Ok(())
    }

    fn label(&self) -> String {
        self.name.clone()
    }

    fn search_names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.name_hy.as_deref());
        v.extend(self.other_names.iter().map(String::as_str));
        v
    }

    fn set_special(&mut self, field: &str, value: &str) -> Option<Result<(), Invalid>> {
        match field {
            // `status=sentenced` records a new step of the legal history, dated today.
            "status" => Some(Status::parse_choice("status", value).map(|s| {
                self.situation.push(SituationEntry::new(s, Some(PartialDate::day(Utc::now().date_naive()))));
            })),
            // `public=name,biography` publishes exactly those items (with the family's consent recorded as given)
            // and makes every other item private.
            "public" => Some((|| {
                let mut items = vec![];
                for part in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    items.push(PublicItem::parse_choice("public", part)?);
                }
                for item in PublicItem::ALL {
                    let d = self.disclosure.entry(item).or_default();
                    d.public = items.contains(&item);
                    if d.public {
                        d.consent = super::Consent::Given;
                    }
                }
                Ok(())
            })()),
            "other_names" => {
                self.other_names = value.split(';').map(str::to_owned).collect();
                Some(Ok(()))
            }
            "icrc.visit" => Some(
                crate::model::date::parse_day(value)
                    .map(|d| self.icrc.visits.push(d))
                    .ok_or_else(|| Invalid::new("icrc.visits", Reason::BadDate { value: value.to_owned() })),
            ),
            _ => None,
        }
    }
}

/// A family contact of a detainee. Confidential: never in any public document, export or feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Contact {
    pub detainee_id: uuid::Uuid,
    pub name: String,
    #[serde(default)]
    pub relation: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Record for Contact {
    const KIND: RecordKind = RecordKind::Contact;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("name", &mut self.name)?;
        opt_name("relation", &mut self.relation)?;
        opt_name("phone", &mut self.phone)?;
        if let Some(p) = &self.phone {
            if !p.chars().all(|c| c.is_ascii_digit() || " +-.()/".contains(c)) || !p.chars().any(|c| c.is_ascii_digit())
            {
                return Err(Invalid::new("phone", Reason::BadNumber { value: p.clone() }));
            }
        }
        super::opt_email("email", &mut self.email)?;
        opt_text("address", &mut self.address)?;
        name_list("languages", &mut self.languages)?;
        opt_text("notes", &mut self.notes)
    }

    fn label(&self) -> String {
        self.name.clone()
    }
}
