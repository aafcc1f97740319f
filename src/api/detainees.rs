//! The detainee list's rows and a detainee's record page.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sponsors::{sponsorship_cards, SponsorshipCard};
use crate::error::Result;
use crate::model::{Category, Contact, Detainee, Event, Media, PublicItem, Source, Status, Stored};
use crate::store::DetaineeFilter;
use crate::Dossier;

/// One line of the detainee list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DetaineeRow {
    pub id: Uuid,
    pub name: String,
    pub name_hy: Option<String>,
    pub category: Category,
    pub status: Option<Status>,
    /// The first photo, for the thumbnail.
    pub photo_id: Option<Uuid>,
    /// Has an individual sponsorship that has not ended.
    pub sponsored: bool,
    pub days_held: Option<i64>,
    /// It, or one of its contacts, photos, events or sources, has an open conflict (the conflicts inbox).
    pub conflict: bool,
}

/// A page of rows with the total matching the filter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowPage {
    pub items: Vec<DetaineeRow>,
    pub total: u64,
    pub offset: u64,
}

/// The list filter as the UI sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ListFilter {
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub sponsored: Option<bool>,
    pub query: Option<String>,
}

/// The most rows one page may ask for: keeps IPC payloads small whatever the webview sends.
pub const MAX_PAGE: u64 = 500;

pub fn detainee_rows(d: &Dossier, filter: &ListFilter, offset: u64, limit: u64, today: NaiveDate) -> Result<RowPage> {
    let f = DetaineeFilter {
        category: filter.category,
        status: filter.status,
        sponsored: filter.sponsored,
        query: filter.query.clone().filter(|q| !q.trim().is_empty()),
    };
    let page = d.detainees(&f, offset, limit.clamp(1, MAX_PAGE))?;
    let marked = crate::share::conflicted(d)?;
    let items = page.items.iter().map(|p| row(d, p, today, &marked)).collect::<Result<Vec<_>>>()?;
    Ok(RowPage { items, total: page.total, offset: page.offset })
}

fn row(d: &Dossier, p: &Stored<Detainee>, today: NaiveDate, marked: &BTreeSet<Uuid>) -> Result<DetaineeRow> {
    let photo_id = d.photos_of(p.id)?.first().map(|m| m.id);
    let sponsored = d.sponsorships(None, Some(p.id))?.iter().any(|s| s.stage.is_live());
    Ok(DetaineeRow {
        id: p.id,
        name: p.name.clone(),
        name_hy: p.name_hy.clone(),
        category: p.category,
        status: p.status(),
        photo_id,
        sponsored,
        days_held: p.days_held(today),
        conflict: marked.contains(&p.id),
    })
}

/// Everything on a detainee's record page (the app's record screen, the CLI's `detainee show`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DetaineePage {
    pub detainee: Stored<Detainee>,
    pub photos: Vec<Stored<Media>>,
    /// Confidential: shown on the record page only, never in a document.
    pub contacts: Vec<Stored<Contact>>,
    pub sponsorships: Vec<SponsorshipCard>,
    pub sources: Vec<Stored<Source>>,
    pub events: Vec<Stored<Event>>,
    pub days_held: Option<i64>,
    /// The items public documents print (marked public and consented: `Disclosure::publishable`).
    pub published: Vec<PublicItem>,
    /// The photos public documents may print.
    pub published_photos: Vec<Uuid>,
}

pub fn detainee_page(d: &Dossier, id: Uuid, today: NaiveDate) -> Result<DetaineePage> {
    let detainee = d.get::<Detainee>(id)?;
    let sources = d.list::<Source>()?.into_iter().filter(|s| s.detainee_ids.contains(&id)).collect();
    let mut events: Vec<Stored<Event>> = d.list::<Event>()?.into_iter().filter(|e| e.detainee_id == Some(id)).collect();
    events.sort_by_key(|e| e.date.earliest());
    let photos = d.photos_of(id)?;
    Ok(DetaineePage {
        days_held: detainee.days_held(today),
        published: PublicItem::ALL.into_iter().filter(|&i| detainee.is_public(i)).collect(),
        published_photos: photos.iter().filter(|p| p.disclosure.publishable()).map(|p| p.id).collect(),
        photos,
        contacts: d.contacts_of(id)?,
        sponsorships: sponsorship_cards(d, None, Some(id))?,
        sources,
        events,
        detainee,
    })
}
