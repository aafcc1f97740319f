//! A press release: date line, title, Markdown body.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::sponsorship::ContactPerson;
use super::{name_list, req_name, Record, RecordKind};
use crate::error::{Invalid, Reason};
use crate::i18n::Lang;

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
