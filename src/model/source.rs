//! Where a fact comes from, and how reliable it is.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{choice_serde, opt_name, opt_text, req_name, Choice, PartialDate, Record, RecordKind};
use crate::error::Invalid;

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
