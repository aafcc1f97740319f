//! Media, sources, events, press releases and the collective's profile.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sponsorship::{ContactPerson, Signatory};
use super::{
    choice_serde, name_list, opt_name, opt_text, req_name, Choice, Disclosure, PartialDate, Record, RecordKind,
};
use crate::error::{Invalid, Reason};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MediaRole {
    /// A photo of a detainee.
    #[cfg_attr(feature = "ts", ts(rename = "photo"))]
    Photo,
    /// A sponsor's or the collective's logo.
    #[cfg_attr(feature = "ts", ts(rename = "logo"))]
    Logo,
}

impl Choice for MediaRole {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] =
        &[(MediaRole::Photo, "photo", &[]), (MediaRole::Logo, "logo", &[])];
}
choice_serde!(MediaRole, "role");

/// A normalised rectangle (0..1 of the upright image) that decides the framing of a photo in documents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Crop {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Crop {
    pub const FULL: Crop = Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 };

    pub fn is_valid(&self) -> bool {
        let ok = |v: f32| v.is_finite() && (0.0..=1.0).contains(&v);
        ok(self.x)
            && ok(self.y)
            && ok(self.w)
            && ok(self.h)
            && self.w > 0.0
            && self.h > 0.0
            && self.x + self.w <= 1.0 + 1e-4
            && self.y + self.h <= 1.0 + 1e-4
    }
}

/// A photo or logo. Its bytes live beside this metadata in the database, stripped of EXIF/GPS/XMP on import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Media {
    pub role: MediaRole,
    /// The detainee a photo shows; `None` for logos.
    pub detainee_id: Option<Uuid>,
    /// `image/jpeg` or `image/png`.
    pub mime: String,
    /// Pixel size as stored (before applying the orientation).
    pub width: u32,
    pub height: u32,
    /// EXIF orientation (1–8) read on import, applied when placing the image.
    pub orientation: u8,
    pub byte_len: u64,
    /// SHA-256 of the stored bytes, hex: finds duplicates and verifies backups.
    pub sha256: String,
    #[serde(default)]
    pub disclosure: Disclosure,
    #[serde(default)]
    pub crop: Option<Crop>,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
}

impl Media {
    /// Size once the orientation is applied.
    pub fn upright_size(&self) -> (u32, u32) {
        if (5..=8).contains(&self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

impl Record for Media {
    const KIND: RecordKind = RecordKind::Media;

    fn validate(&mut self) -> Result<(), Invalid> {
        if let Some(c) = self.crop {
            if !c.is_valid() {
                return Err(Invalid::new("crop", Reason::Malformed { detail: format!("{c:?}") }));
            }
        }
        if !(1..=8).contains(&self.orientation) {
            return Err(Invalid::new("orientation", Reason::BadNumber { value: self.orientation.to_string() }));
        }
        if self.role == MediaRole::Photo && self.detainee_id.is_none() {
            return Err(Invalid::new("detainee_id", Reason::Empty));
        }
        opt_text("caption", &mut self.caption)?;
        opt_name("credit", &mut self.credit)
    }

    fn label(&self) -> String {
        format!("{} {}×{}", self.role, self.width, self.height)
    }

    fn set_special(&mut self, field: &str, value: &str) -> Option<Result<(), Invalid>> {
        match field {
            "public" => Some(match value {
                "true" | "yes" | "oui" | "1" => {
                    self.disclosure = Disclosure::PUBLIC;
                    Ok(())
                }
                "false" | "no" | "non" | "0" => {
                    self.disclosure.public = false;
                    Ok(())
                }
                v => Err(Invalid::new("public", Reason::Unknown { value: v.into(), allowed: "true, false".into() })),
            }),
            "consent" => Some(super::Consent::parse_choice("consent", value).map(|c| self.disclosure.consent = c)),
            "crop" => Some((|| {
                let n: Vec<f32> =
                    value.split(',').map(|p| p.trim().parse::<f32>()).collect::<Result<_, _>>().map_err(|_| {
                        Invalid::new("crop", Reason::Malformed { detail: "expected x,y,w,h between 0 and 1".into() })
                    })?;
                let [x, y, w, h] = n[..] else {
                    return Err(Invalid::new("crop", Reason::Malformed { detail: "expected x,y,w,h".into() }));
                };
                self.crop = Some(Crop { x, y, w, h });
                Ok(())
            })()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Reliability {
    /// Confirmed by several independent sources or by an official record.
    #[cfg_attr(feature = "ts", ts(rename = "confirmed"))]
    Confirmed,
    /// A usually reliable source.
    #[cfg_attr(feature = "ts", ts(rename = "reliable"))]
    Reliable,
    #[cfg_attr(feature = "ts", ts(rename = "probable"))]
    Probable,
    #[cfg_attr(feature = "ts", ts(rename = "doubtful"))]
    Doubtful,
    #[cfg_attr(feature = "ts", ts(rename = "unknown"))]
    Unknown,
}

impl Choice for Reliability {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Reliability::Confirmed, "confirmed", &["confirme", "a"]),
        (Reliability::Reliable, "reliable", &["fiable", "b"]),
        (Reliability::Probable, "probable", &["c"]),
        (Reliability::Doubtful, "doubtful", &["douteux", "d"]),
        (Reliability::Unknown, "unknown", &["inconnu", "e"]),
    ];
}
choice_serde!(Reliability, "reliability");

/// Where a fact comes from: who said it, when, how reliable, and where to find it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    /// Who: an outlet, an organisation, a witness (described, not named when that endangers them).
    pub author: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    pub reliability: Reliability,
    /// A link or a reference (document number, archive box).
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The detainees and events this source documents.
    #[serde(default)]
    pub detainee_ids: Vec<Uuid>,
    #[serde(default)]
    pub event_ids: Vec<Uuid>,
}

impl Record for Source {
    const KIND: RecordKind = RecordKind::Source;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("author", &mut self.author)?;
        opt_name("title", &mut self.title)?;
        opt_text("reference", &mut self.reference)?;
        opt_text("note", &mut self.note)?;
        super::not_future("date", &self.date)?;
        self.detainee_ids.sort();
        self.detainee_ids.dedup();
        self.event_ids.sort();
        self.event_ids.dedup();
        Ok(())
    }

    fn label(&self) -> String {
        match &self.title {
            Some(t) => format!("{} — {t}", self.author),
            None => self.author.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EventKind {
    #[cfg_attr(feature = "ts", ts(rename = "capture"))]
    Capture,
    #[cfg_attr(feature = "ts", ts(rename = "transfer"))]
    Transfer,
    #[cfg_attr(feature = "ts", ts(rename = "hearing"))]
    Hearing,
    #[cfg_attr(feature = "ts", ts(rename = "verdict"))]
    Verdict,
    #[cfg_attr(feature = "ts", ts(rename = "icrc-visit"))]
    IcrcVisit,
    #[cfg_attr(feature = "ts", ts(rename = "release"))]
    Release,
    #[cfg_attr(feature = "ts", ts(rename = "ceremony"))]
    Ceremony,
    #[cfg_attr(feature = "ts", ts(rename = "rally"))]
    Rally,
    #[cfg_attr(feature = "ts", ts(rename = "interview"))]
    Interview,
    #[cfg_attr(feature = "ts", ts(rename = "lobbying"))]
    Lobbying,
    #[cfg_attr(feature = "ts", ts(rename = "statement"))]
    Statement,
    #[cfg_attr(feature = "ts", ts(rename = "other"))]
    Other,
}

impl Choice for EventKind {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (EventKind::Capture, "capture", &["arrestation", "enlevement"]),
        (EventKind::Transfer, "transfer", &["transfert"]),
        (EventKind::Hearing, "hearing", &["audience"]),
        (EventKind::Verdict, "verdict", &["jugement", "condamnation"]),
        (EventKind::IcrcVisit, "icrc-visit", &["visite cicr", "cicr"]),
        (EventKind::Release, "release", &["liberation"]),
        (EventKind::Ceremony, "ceremony", &["ceremonie", "signature"]),
        (EventKind::Rally, "rally", &["rassemblement", "manifestation"]),
        (EventKind::Interview, "interview", &["entretien"]),
        (EventKind::Lobbying, "lobbying", &["plaidoyer"]),
        (EventKind::Statement, "statement", &["declaration", "communique"]),
        (EventKind::Other, "other", &["autre"]),
    ];
}
choice_serde!(EventKind, "kind");

/// A dated event on the campaign's timeline, about one detainee, or about the campaign as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Event {
    pub date: PartialDate,
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub detainee_id: Option<Uuid>,
    #[serde(default)]
    pub sponsor_id: Option<Uuid>,
    /// Whether the event may appear in public documents.
    #[serde(default)]
    pub public: bool,
}

impl Record for Event {
    const KIND: RecordKind = RecordKind::Event;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("title", &mut self.title)?;
        opt_text("description", &mut self.description)?;
        opt_name("place", &mut self.place)
    }

    fn label(&self) -> String {
        format!("{} {}", self.date, self.title)
    }
}

/// A press release: date line, title, Markdown body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PressRelease {
    pub date: NaiveDate,
    /// The cities of the date line ("Paris, Lyon, Genève, le ..."); empty: the collective's cities.
    #[serde(default)]
    pub cities: Vec<String>,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub lang: Lang,
    /// Press contacts printed at the end; empty: the collective's.
    #[serde(default)]
    pub contacts: Vec<ContactPerson>,
    /// Selected for the press kit.
    #[serde(default)]
    pub in_press_kit: bool,
}

impl Record for PressRelease {
    const KIND: RecordKind = RecordKind::PressRelease;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("title", &mut self.title)?;
        self.body = crate::names::normalize_text(&self.body);
        if self.body.is_empty() {
            return Err(Invalid::new("body", Reason::Empty));
        }
        name_list("cities", &mut self.cities)?;
        for c in &mut self.contacts {
            c.validate()?;
        }
        Ok(())
    }

    fn label(&self) -> String {
        self.title.clone()
    }
}

/// One member organisation of the collective.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Member {
    pub name: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub description_fr: Option<String>,
    #[serde(default)]
    pub description_en: Option<String>,
}

/// The collective itself: one record per dossier.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Profile {
    pub name: String,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub signatory: Option<Signatory>,
    #[serde(default)]
    pub logo_ids: Vec<Uuid>,
    #[serde(default)]
    pub website: Option<String>,
    /// The campaign page the banners' QR code points to.
    #[serde(default)]
    pub campaign_url: Option<String>,
    /// Public press contacts.
    #[serde(default)]
    pub contacts: Vec<ContactPerson>,
    /// Cities of press releases' date lines.
    #[serde(default)]
    pub cities: Vec<String>,
    #[serde(default)]
    pub address: Option<String>,
}

impl Record for Profile {
    const KIND: RecordKind = RecordKind::Profile;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("name", &mut self.name)?;
        for m in &mut self.members {
            req_name("members.name", &mut m.name)?;
            opt_name("members.city", &mut m.city)?;
            opt_text("members.description_fr", &mut m.description_fr)?;
            opt_text("members.description_en", &mut m.description_en)?;
        }
        if let Some(s) = &mut self.signatory {
            req_name("signatory", &mut s.name)?;
            opt_name("signatory_title", &mut s.title)?;
        }
        opt_name("website", &mut self.website)?;
        opt_name("campaign_url", &mut self.campaign_url)?;
        opt_text("address", &mut self.address)?;
        name_list("cities", &mut self.cities)?;
        for c in &mut self.contacts {
            c.validate()?;
        }
        Ok(())
    }

    fn label(&self) -> String {
        self.name.clone()
    }
}
