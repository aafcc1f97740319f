//! The collective itself and its member organisations.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sponsorship::{ContactPerson, Signatory};
use super::{name_list, opt_name, opt_text, req_name, Record, RecordKind};
use crate::error::Invalid;

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
