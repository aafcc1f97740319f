//! The campaign's records: plain types with validation, no I/O.
//!
//! Each record type is plain data (`Detainee`, `Sponsor`, ...). The store wraps it in [`Stored`], which adds the
//! stable id and the created/updated times. Validation normalises text (NFC, no invisible characters) and refuses
//! what cannot be true, with an [`Invalid`] naming the field.

pub mod date;
mod detainee;
mod event;
mod media;
mod press_release;
mod profile;
mod source;
mod sponsorship;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use date::{PartialDate, Precision};
pub use detainee::*;
pub use event::*;
pub use media::*;
pub use press_release::*;
pub use profile::*;
pub use source::*;
pub use sponsorship::*;

use crate::error::{Invalid, Reason};
use crate::i18n::Lang;
use crate::names;

/// The kinds of record the dossier keeps; each has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum RecordKind {
    Detainee,
    Contact,
    Media,
    Source,
    Event,
    Sponsor,
    Sponsorship,
    PressRelease,
    Profile,
}

impl RecordKind {
    pub const ALL: [RecordKind; 9] = [
        RecordKind::Detainee,
        RecordKind::Contact,
        RecordKind::Media,
        RecordKind::Source,
        RecordKind::Event,
        RecordKind::Sponsor,
        RecordKind::Sponsorship,
        RecordKind::PressRelease,
        RecordKind::Profile,
    ];

    /// The SQL table holding this kind.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Detainee => "detainee",
            RecordKind::Contact => "contact",
            RecordKind::Media => "media",
            RecordKind::Source => "source",
            RecordKind::Event => "event",
            RecordKind::Sponsor => "sponsor",
            RecordKind::Sponsorship => "sponsorship",
            RecordKind::PressRelease => "press_release",
            RecordKind::Profile => "profile",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        crate::i18n::tr(lang, &format!("kind-{}", self.table().replace('_', "-")), &[])
    }

    /// `n` records of this kind, as a count is written in `lang` ("1 parrainage", "2 événements").
    pub fn count(self, lang: Lang, n: usize) -> String {
        let id = format!("kind-count-{}", self.table().replace('_', "-"));
        crate::i18n::tr(lang, &id, &[("count", crate::i18n::Arg::from(n))])
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.table())
    }
}

/// A record type the store can keep, with its history.
pub trait Record: Serialize + DeserializeOwned + Clone + fmt::Debug {
    const KIND: RecordKind;

    /// Normalises text and refuses impossible values. Called on every insert and update.
    fn validate(&mut self) -> Result<(), Invalid>;

    /// A short human label (a person's name, a sponsor's name, a title).
    fn label(&self) -> String;

    /// Names under which search finds this record (empty: not searchable).
    fn search_names(&self) -> Vec<&str> {
        vec![]
    }

    /// Applies `--set FIELD=VALUE` for fields that are not plain JSON members (e.g. a detainee's `status`, which
    /// appends to the legal history). Returns `None` when the field is an ordinary one.
    fn set_special(&mut self, _field: &str, _value: &str) -> Option<Result<(), Invalid>> {
        None
    }
}

/// A record as kept: its data plus identity and times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Stored<T> {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    pub data: T,
}

impl<T> std::ops::Deref for Stored<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation helpers shared by the record types.

pub(crate) const MAX_NAME: usize = 300;
pub(crate) const MAX_TEXT: usize = 100_000;

/// A required name: normalised, not empty, not absurdly long.
pub(crate) fn req_name(field: &str, v: &mut String) -> Result<(), Invalid> {
    *v = names::normalize_name(v);
    if v.is_empty() {
        return Err(Invalid::new(field, Reason::Empty));
    }
    if v.chars().count() > MAX_NAME {
        return Err(Invalid::new(field, Reason::TooLong { max: MAX_NAME }));
    }
    Ok(())
}

/// An optional short text (a place, a title): normalised like a name; empty becomes `None`.
pub(crate) fn opt_name(field: &str, v: &mut Option<String>) -> Result<(), Invalid> {
    if let Some(s) = v {
        *s = names::normalize_name(s);
        if s.is_empty() {
            *v = None;
        } else if s.chars().count() > MAX_NAME {
            return Err(Invalid::new(field, Reason::TooLong { max: MAX_NAME }));
        }
    }
    Ok(())
}

/// An optional long text (biography, notes); empty becomes `None`.
pub(crate) fn opt_text(field: &str, v: &mut Option<String>) -> Result<(), Invalid> {
    if let Some(s) = v {
        *s = names::normalize_text(s);
        if s.is_empty() {
            *v = None;
        } else if s.chars().count() > MAX_TEXT {
            return Err(Invalid::new(field, Reason::TooLong { max: MAX_TEXT }));
        }
    }
    Ok(())
}

pub(crate) fn name_list(field: &str, v: &mut Vec<String>) -> Result<(), Invalid> {
    for s in v.iter_mut() {
        *s = names::normalize_name(s);
        if s.chars().count() > MAX_NAME {
            return Err(Invalid::new(field, Reason::TooLong { max: MAX_NAME }));
        }
    }
    v.retain(|s| !s.is_empty());
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
    Ok(())
}

pub(crate) fn opt_email(field: &str, v: &mut Option<String>) -> Result<(), Invalid> {
    opt_name(field, v)?;
    if let Some(s) = v {
        let ok = s.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.ends_with('.'))
            && !s.contains(' ');
        if !ok {
            return Err(Invalid::new(field, Reason::BadEmail));
        }
    }
    Ok(())
}

pub(crate) fn not_future(field: &str, d: &Option<PartialDate>) -> Result<(), Invalid> {
    if let Some(d) = d {
        if d.earliest() > Utc::now().date_naive() {
            return Err(Invalid::new(field, Reason::InFuture));
        }
    }
    Ok(())
}

/// A closed list of values spelled in English slugs (what JSON and the CLI use) with French aliases.
pub trait Choice: Sized + Copy + 'static {
    /// Every value with its slug and the other accepted spellings.
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])];

    fn slug(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::CHOICES.iter().find(|(v, _, _)| *v == self).map(|(_, s, _)| *s).unwrap_or("?")
    }

    /// Parses a slug or alias, ignoring case, accents, spaces, hyphens and underscores.
    fn parse_choice(field: &str, s: &str) -> Result<Self, Invalid> {
        let key = |x: &str| names::fold(x).replace([' ', '-', '_'], "");
        let k = key(s);
        for (v, slug, aliases) in Self::CHOICES {
            if key(slug) == k || aliases.iter().any(|a| key(a) == k) {
                return Ok(*v);
            }
        }
        Err(Invalid::new(field, Reason::Unknown { value: s.to_owned(), allowed: Self::allowed() }))
    }

    fn allowed() -> String {
        Self::CHOICES.iter().map(|(_, s, _)| *s).collect::<Vec<_>>().join(", ")
    }
}

/// Serde via the slug, for `Choice` enums.
macro_rules! choice_serde {
    ($t:ty, $field:literal) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(crate::model::Choice::slug(*self))
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t as crate::model::Choice>::parse_choice($field, &s).map_err(|_| {
                    serde::de::Error::custom(format!(
                        "unknown value {s:?}; expected one of: {}",
                        <$t as crate::model::Choice>::allowed()
                    ))
                })
            }
        }
        impl std::str::FromStr for $t {
            type Err = crate::error::Invalid;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$t as crate::model::Choice>::parse_choice($field, s)
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(crate::model::Choice::slug(*self))
            }
        }
    };
}
pub(crate) use choice_serde;

/// The family's consent to publishing an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Consent {
    #[default]
    #[cfg_attr(feature = "ts", ts(rename = "unknown"))]
    Unknown,
    #[cfg_attr(feature = "ts", ts(rename = "given"))]
    Given,
    #[cfg_attr(feature = "ts", ts(rename = "refused"))]
    Refused,
    #[cfg_attr(feature = "ts", ts(rename = "withdrawn"))]
    Withdrawn,
}

impl Choice for Consent {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Consent::Unknown, "unknown", &["inconnu", "?"]),
        (Consent::Given, "given", &["donne", "oui", "yes"]),
        (Consent::Refused, "refused", &["refuse", "non", "no"]),
        (Consent::Withdrawn, "withdrawn", &["retire"]),
    ];
}
choice_serde!(Consent, "consent");

/// Whether an item may appear in public documents: only when marked public *and* consented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Disclosure {
    pub public: bool,
    pub consent: Consent,
}

impl Disclosure {
    pub const PUBLIC: Disclosure = Disclosure { public: true, consent: Consent::Given };

    pub fn publishable(self) -> bool {
        self.public && self.consent == Consent::Given
    }
}

/// Per-item disclosure, keyed by item name; an item absent from the map is private.
pub type DisclosureMap = BTreeMap<PublicItem, Disclosure>;
