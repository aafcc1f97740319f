//! Sponsors and sponsorships: who adopts a prisoner (or the whole group), and what they commit to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{choice_serde, name_list, opt_email, opt_name, opt_text, req_name, Choice, Record, RecordKind};
use crate::error::{Invalid, Reason};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SponsorKind {
    /// City or local authority.
    #[cfg_attr(feature = "ts", ts(rename = "city"))]
    City,
    #[cfg_attr(feature = "ts", ts(rename = "ngo"))]
    Ngo,
    /// Public figure.
    #[cfg_attr(feature = "ts", ts(rename = "person"))]
    Person,
    /// Member of parliament.
    #[cfg_attr(feature = "ts", ts(rename = "parliamentarian"))]
    Parliamentarian,
    #[cfg_attr(feature = "ts", ts(rename = "institution"))]
    Institution,
}

impl Choice for SponsorKind {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (
            SponsorKind::City,
            "city",
            &[
                "ville",
                "commune",
                "collectivite",
                "local authority",
                "mairie",
                "municipalite",
                "collectivite territoriale",
                "region",
                "departement",
            ],
        ),
        (SponsorKind::Ngo, "ngo", &["ong", "association", "organisation"]),
        (SponsorKind::Person, "person", &["personnalite", "public figure", "personne", "personnalite publique"]),
        (
            SponsorKind::Parliamentarian,
            "parliamentarian",
            &[
                "parlementaire",
                "depute",
                "deputee",
                "senateur",
                "senatrice",
                "mp",
                "member of parliament",
                "eurodepute",
                "eurodeputee",
            ],
        ),
        (SponsorKind::Institution, "institution", &[]),
    ];
}
choice_serde!(SponsorKind, "kind");

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Signatory {
    pub name: String,
    /// E.g. "Maire de Villefranche".
    #[serde(default)]
    pub title: Option<String>,
}

/// A person to contact at a sponsor or at the collective (not a detainee's family: see `Contact`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactPerson {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl ContactPerson {
    pub(crate) fn validate(&mut self) -> Result<(), Invalid> {
        req_name("contacts.name", &mut self.name)?;
        opt_name("contacts.role", &mut self.role)?;
        opt_email("contacts.email", &mut self.email)?;
        opt_name("contacts.phone", &mut self.phone)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Sponsor {
    pub name: String,
    pub kind: SponsorKind,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub signatory: Option<Signatory>,
    #[serde(default)]
    pub contacts: Vec<ContactPerson>,
    /// The logo, kept in the media table.
    #[serde(default)]
    pub logo_id: Option<Uuid>,
    #[serde(default)]
    pub website: Option<String>,
    /// Languages for correspondence, e.g. `fr`, `en`.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Sponsor {
    pub fn new(name: impl Into<String>, kind: SponsorKind) -> Self {
        Sponsor {
            name: name.into(),
            kind,
            country: None,
            city: None,
            address: None,
            signatory: None,
            contacts: vec![],
            logo_id: None,
            website: None,
            languages: vec![],
            notes: None,
        }
    }
}

impl Record for Sponsor {
    const KIND: RecordKind = RecordKind::Sponsor;

    fn validate(&mut self) -> Result<(), Invalid> {
        req_name("name", &mut self.name)?;
        opt_name("country", &mut self.country)?;
        opt_name("city", &mut self.city)?;
        opt_text("address", &mut self.address)?;
        opt_name("website", &mut self.website)?;
        opt_text("notes", &mut self.notes)?;
        name_list("languages", &mut self.languages)?;
        if let Some(s) = &mut self.signatory {
            req_name("signatory", &mut s.name)?;
            opt_name("signatory_title", &mut s.title)?;
        }
        for c in &mut self.contacts {
            c.validate()?;
        }
        Ok(())
    }

    fn label(&self) -> String {
        self.name.clone()
    }

    fn search_names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.city.as_deref());
        v.extend(self.signatory.as_ref().map(|s| s.name.as_str()));
        v
    }

    fn set_special(&mut self, field: &str, value: &str) -> Option<Result<(), Invalid>> {
        match field {
            "signatory" | "signatory.name" => {
                self.signatory.get_or_insert_with(Default::default).name = value.to_owned();
                Some(Ok(()))
            }
            "signatory_title" | "signatory.title" => {
                self.signatory.get_or_insert_with(Default::default).title = Some(value.to_owned());
                Some(Ok(()))
            }
            "languages" => {
                self.languages = value.split(',').map(|s| s.trim().to_owned()).collect();
                Some(Ok(()))
            }
            _ => None,
        }
    }
}

/// The three families of commitments a sponsor chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CommitmentFamily {
    Communicate,
    Plead,
    Support,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CommitmentKind {
    /// Give its logo for the campaign website and social networks.
    #[cfg_attr(feature = "ts", ts(rename = "logo"))]
    Logo,
    /// Display banners and roll-ups with the prisoner's image, inside or outside its building.
    #[cfg_attr(feature = "ts", ts(rename = "banner"))]
    Banner,
    /// Sign the agreement in public.
    #[cfg_attr(feature = "ts", ts(rename = "public-signing"))]
    PublicSigning,
    /// Take part in public events for the release.
    #[cfg_attr(feature = "ts", ts(rename = "public-events"))]
    PublicEvents,
    /// Speak of it in interviews, on its website, social networks and newsletter.
    #[cfg_attr(feature = "ts", ts(rename = "media"))]
    Media,
    /// Lobby with other sponsors at national, European and international level.
    #[cfg_attr(feature = "ts", ts(rename = "lobbying"))]
    Lobbying,
    /// Meet the prisoner's family, by video or in person.
    #[cfg_attr(feature = "ts", ts(rename = "meet-family"))]
    MeetFamily,
    /// Join public events for prisoners and for victims of enforced disappearance.
    #[cfg_attr(feature = "ts", ts(rename = "solidarity-events"))]
    SolidarityEvents,
    /// Give material support or subsidies to the collective.
    #[cfg_attr(feature = "ts", ts(rename = "material-support"))]
    MaterialSupport,
}

impl Choice for CommitmentKind {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (CommitmentKind::Logo, "logo", &[]),
        (CommitmentKind::Banner, "banner", &["banniere", "kakemono", "roll-up"]),
        (CommitmentKind::PublicSigning, "public-signing", &["signature publique", "signing"]),
        (CommitmentKind::PublicEvents, "public-events", &["evenements publics", "events"]),
        (CommitmentKind::Media, "media", &["medias", "interviews", "communication"]),
        (CommitmentKind::Lobbying, "lobbying", &["plaidoyer", "plead"]),
        (CommitmentKind::MeetFamily, "meet-family", &["rencontre famille", "famille", "family"]),
        (CommitmentKind::SolidarityEvents, "solidarity-events", &["evenements solidarite", "disparitions forcees"]),
        (CommitmentKind::MaterialSupport, "material-support", &["soutien materiel", "subvention", "support"]),
    ];
}
choice_serde!(CommitmentKind, "commitments");

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 9] = [
        CommitmentKind::Logo,
        CommitmentKind::Banner,
        CommitmentKind::PublicSigning,
        CommitmentKind::PublicEvents,
        CommitmentKind::Media,
        CommitmentKind::Lobbying,
        CommitmentKind::MeetFamily,
        CommitmentKind::SolidarityEvents,
        CommitmentKind::MaterialSupport,
    ];

    pub fn family(self) -> CommitmentFamily {
        use CommitmentKind::*;
        match self {
            Logo | Banner | PublicSigning | PublicEvents | Media => CommitmentFamily::Communicate,
            Lobbying => CommitmentFamily::Plead,
            MeetFamily | SolidarityEvents | MaterialSupport => CommitmentFamily::Support,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CommitmentStatus {
    #[default]
    #[cfg_attr(feature = "ts", ts(rename = "planned"))]
    Planned,
    #[cfg_attr(feature = "ts", ts(rename = "in-progress"))]
    InProgress,
    #[cfg_attr(feature = "ts", ts(rename = "done"))]
    Done,
    #[cfg_attr(feature = "ts", ts(rename = "dropped"))]
    Dropped,
}

impl Choice for CommitmentStatus {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (CommitmentStatus::Planned, "planned", &["prevu"]),
        (CommitmentStatus::InProgress, "in-progress", &["en cours"]),
        (CommitmentStatus::Done, "done", &["fait", "realise"]),
        (CommitmentStatus::Dropped, "dropped", &["abandonne"]),
    ];
}
choice_serde!(CommitmentStatus, "commitment_status");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Commitment {
    pub kind: CommitmentKind,
    #[serde(default)]
    pub status: CommitmentStatus,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Stage {
    #[default]
    #[cfg_attr(feature = "ts", ts(rename = "prospect"))]
    Prospect,
    #[cfg_attr(feature = "ts", ts(rename = "approached"))]
    Approached,
    #[cfg_attr(feature = "ts", ts(rename = "agreed"))]
    Agreed,
    #[cfg_attr(feature = "ts", ts(rename = "signed"))]
    Signed,
    #[cfg_attr(feature = "ts", ts(rename = "active"))]
    Active,
    #[cfg_attr(feature = "ts", ts(rename = "ended"))]
    Ended,
}

impl Choice for Stage {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Stage::Prospect, "prospect", &["piste"]),
        (Stage::Approached, "approached", &["contacte", "sollicite"]),
        (Stage::Agreed, "agreed", &["accord", "accepte"]),
        (Stage::Signed, "signed", &["signe", "signee"]),
        (Stage::Active, "active", &["actif", "en cours"]),
        (Stage::Ended, "ended", &["termine", "terminee", "fin"]),
    ];
}
choice_serde!(Stage, "stage");

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Prospect, Stage::Approached, Stage::Agreed, Stage::Signed, Stage::Active, Stage::Ended];

    /// A sponsorship that has not ended: it counts as sponsoring (detainee list, dashboard, sponsor rows, the batch
    /// of banners). The store's `sponsored` filter says the same in SQL (`stage <> 'ended'`).
    pub const fn is_live(self) -> bool {
        !matches!(self, Stage::Ended)
    }

    /// A sponsorship whose sponsor a banner names unless told otherwise: agreed, signed or active (see
    /// [`crate::api::banner_sponsor`]).
    pub const fn takes_the_banner(self) -> bool {
        matches!(self, Stage::Agreed | Stage::Signed | Stage::Active)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EndReason {
    /// The prisoner was released.
    #[cfg_attr(feature = "ts", ts(rename = "released"))]
    Released,
    /// Handed over to another sponsor (see `successor_id`).
    #[cfg_attr(feature = "ts", ts(rename = "handed-over"))]
    HandedOver,
    #[cfg_attr(feature = "ts", ts(rename = "withdrawn"))]
    Withdrawn,
}

impl Choice for EndReason {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (EndReason::Released, "released", &["liberation", "libere"]),
        (EndReason::HandedOver, "handed-over", &["transmis", "passation", "handover"]),
        (EndReason::Withdrawn, "withdrawn", &["retire", "abandon"]),
    ];
}
choice_serde!(EndReason, "end_reason");

/// The public signing ceremony.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ceremony {
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub place: Option<String>,
    /// Press present, coverage obtained.
    #[serde(default)]
    pub press: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ActionKind {
    #[cfg_attr(feature = "ts", ts(rename = "letter"))]
    Letter,
    #[cfg_attr(feature = "ts", ts(rename = "email"))]
    Email,
    #[cfg_attr(feature = "ts", ts(rename = "call"))]
    Call,
    #[cfg_attr(feature = "ts", ts(rename = "meeting"))]
    Meeting,
    #[cfg_attr(feature = "ts", ts(rename = "event"))]
    Event,
    #[cfg_attr(feature = "ts", ts(rename = "interview"))]
    Interview,
    #[cfg_attr(feature = "ts", ts(rename = "other"))]
    Other,
}

impl Choice for ActionKind {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (ActionKind::Letter, "letter", &["courrier", "lettre"]),
        (ActionKind::Email, "email", &["courriel", "mail"]),
        (ActionKind::Call, "call", &["appel", "telephone"]),
        (ActionKind::Meeting, "meeting", &["reunion", "rendez-vous", "rencontre"]),
        (ActionKind::Event, "event", &["evenement"]),
        (ActionKind::Interview, "interview", &["entretien"]),
        (ActionKind::Other, "other", &["autre"]),
    ];
}
choice_serde!(ActionKind, "actions.kind");

/// One logged action: a letter sent, a meeting held...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Action {
    pub date: NaiveDate,
    pub kind: ActionKind,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Sponsorship {
    pub sponsor_id: Uuid,
    /// The sponsored detainee; `None` for the whole group.
    pub detainee_id: Option<Uuid>,
    pub stage: Stage,
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    #[serde(default)]
    pub ceremony: Option<Ceremony>,
    #[serde(default)]
    pub end_reason: Option<EndReason>,
    #[serde(default)]
    pub ended_on: Option<NaiveDate>,
    /// The sponsorship this one took over from, and the one that took it over.
    #[serde(default)]
    pub predecessor_id: Option<Uuid>,
    #[serde(default)]
    pub successor_id: Option<Uuid>,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Sponsorship {
    pub fn new(sponsor_id: Uuid, detainee_id: Option<Uuid>) -> Self {
        Sponsorship {
            sponsor_id,
            detainee_id,
            stage: Stage::Prospect,
            commitments: vec![],
            ceremony: None,
            end_reason: None,
            ended_on: None,
            predecessor_id: None,
            successor_id: None,
            actions: vec![],
            notes: None,
        }
    }

    pub fn has(&self, kind: CommitmentKind) -> bool {
        self.commitments.iter().any(|c| c.kind == kind && c.status != CommitmentStatus::Dropped)
    }
}

/// Parses `logo,banner,lobbying` into commitments, refusing unknown names and doubles.
pub fn parse_commitments(list: &str) -> Result<Vec<Commitment>, Invalid> {
    let mut out: Vec<Commitment> = vec![];
    for part in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let kind = CommitmentKind::parse_choice("commitments", part)?;
        if !out.iter().any(|c| c.kind == kind) {
            out.push(Commitment { kind, status: CommitmentStatus::Planned, note: None });
        }
    }
    Ok(out)
}

impl Record for Sponsorship {
    const KIND: RecordKind = RecordKind::Sponsorship;

    fn validate(&mut self) -> Result<(), Invalid> {
        let mut seen = std::collections::HashSet::new();
        for c in &mut self.commitments {
            if !seen.insert(c.kind) {
                return Err(Invalid::new("commitments", Reason::CommitmentTwice { kind: c.kind }));
            }
            opt_text("commitments.note", &mut c.note)?;
        }
        self.commitments.sort_by_key(|c| c.kind);
        if let Some(c) = &mut self.ceremony {
            opt_name("ceremony.place", &mut c.place)?;
            opt_text("ceremony.press", &mut c.press)?;
        }
        match (self.stage, self.end_reason) {
            (Stage::Ended, None) => {
                return Err(Invalid::new("end_reason", Reason::Empty));
            }
            (s, Some(_)) if s != Stage::Ended => {
                return Err(Invalid::new("end_reason", Reason::EndReasonNotEnded));
            }
            _ => {}
        }
        if self.end_reason == Some(EndReason::HandedOver) && self.successor_id.is_none() {
            return Err(Invalid::new("successor_id", Reason::Empty));
        }
        for a in &mut self.actions {
            a.summary = crate::names::normalize_text(&a.summary);
            if a.summary.is_empty() {
                return Err(Invalid::new("actions.summary", Reason::Empty));
            }
        }
        self.actions.sort_by_key(|a| a.date);
        opt_text("notes", &mut self.notes)
    }

    fn label(&self) -> String {
        format!("{} → {}", self.sponsor_id, self.detainee_id.map(|d| d.to_string()).unwrap_or_else(|| "*".into()))
    }

    fn set_special(&mut self, field: &str, value: &str) -> Option<Result<(), Invalid>> {
        match field {
            "commitments" => Some(parse_commitments(value).map(|c| self.commitments = c)),
            "ceremony.date" => Some(
                crate::model::date::parse_day(value)
                    .map(|d| self.ceremony.get_or_insert_with(Default::default).date = Some(d))
                    .ok_or_else(|| Invalid::new("ceremony.date", Reason::BadDate { value: value.into() })),
            ),
            "ceremony.place" => {
                self.ceremony.get_or_insert_with(Default::default).place = Some(value.to_owned());
                Some(Ok(()))
            }
            _ => {
                // `commitment.banner=done` sets one commitment's status, adding it when absent.
                let kind = field.strip_prefix("commitment.")?;
                Some((|| {
                    let kind = CommitmentKind::parse_choice("commitments", kind)?;
                    let status = CommitmentStatus::parse_choice("commitment_status", value)?;
                    match self.commitments.iter_mut().find(|c| c.kind == kind) {
                        Some(c) => c.status = status,
                        None => self.commitments.push(Commitment { kind, status, note: None }),
                    }
                    Ok(())
                })())
            }
        }
    }
}
