//! A dated event on the campaign's timeline.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{choice_serde, opt_name, opt_text, req_name, Choice, PartialDate, Record, RecordKind};
use crate::error::Invalid;

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
