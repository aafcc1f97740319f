//! What the desktop app asks of a dossier beyond single-record reads and writes: list rows, the dashboard, record
//! pages, the sponsorship board, a handover, any-record writes. It knows nothing of Tauri or of the webview; the
//! shell in `src-tauri` calls these functions in a few lines each, so everything here is tested without a window.
//!
//! Types here are the IPC vocabulary: with the `ts` feature they derive TypeScript declarations (ts-rs), which
//! `src-tauri` writes to `ui/src/lib/generated/`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Error, Invalid, Reason, Result};
use crate::model::{
    Category, Contact, Detainee, EndReason, Event, Media, PressRelease, Source, Sponsor, SponsorKind, Sponsorship,
    Stage, Status, Stored,
};
use crate::store::DetaineeFilter;
use crate::Dossier;

/// The dashboard's lists keep their first entries only (the totals say how many there are): the dashboard must
/// stay instant with 10,000 people, and the full lists are one click away in the detainee list's filters.
pub const DASHBOARD_LIST_MAX: usize = 100;

/// How many days without an ICRC visit make a person appear on the dashboard's watch list (five weeks).
pub const ICRC_ALERT_DAYS: i64 = 35;

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
    let items = page.items.iter().map(|p| row(d, p, today)).collect::<Result<Vec<_>>>()?;
    Ok(RowPage { items, total: page.total, offset: page.offset })
}

fn row(d: &Dossier, p: &Stored<Detainee>, today: NaiveDate) -> Result<DetaineeRow> {
    let photo_id = d.photos_of(p.id)?.first().map(|m| m.id);
    let sponsored = d.sponsorships(None, Some(p.id))?.iter().any(|s| s.stage != Stage::Ended);
    Ok(DetaineeRow {
        id: p.id,
        name: p.name.clone(),
        name_hy: p.name_hy.clone(),
        category: p.category,
        status: p.status(),
        photo_id,
        sponsored,
        days_held: p.days_held(today),
    })
}

/// A name and id, for lists on the dashboard and pickers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonRef {
    pub id: Uuid,
    pub name: String,
    pub category: Category,
    pub days_held: Option<i64>,
    /// For the ICRC watch list: the last visit, if any.
    pub last_visit: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountOf<K> {
    pub key: K,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum UpcomingKind {
    #[serde(rename = "ceremony")]
    Ceremony,
    #[serde(rename = "event")]
    Event,
}

/// A ceremony or event on or after today.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Upcoming {
    pub date: NaiveDate,
    pub kind: UpcomingKind,
    pub title: String,
    pub place: Option<String>,
    /// The sponsorship (ceremony) or event.
    pub id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dashboard {
    pub detainees: u64,
    pub sponsors: u64,
    pub by_category: Vec<CountOf<Category>>,
    /// `None`: no legal situation recorded yet.
    pub by_status: Vec<CountOf<Option<Status>>>,
    pub by_stage: Vec<CountOf<Stage>>,
    /// People still held, longest detention first (the first [`DASHBOARD_LIST_MAX`]; `held_total` in all).
    pub held: Vec<PersonRef>,
    pub held_total: u64,
    pub upcoming: Vec<Upcoming>,
    /// People still held whose last ICRC visit is older than five weeks, or who were never visited (longest
    /// detention first, capped like `held`).
    pub no_icrc_visit: Vec<PersonRef>,
    pub no_icrc_visit_total: u64,
    /// People still held with no sponsorship that has not ended (capped like `held`).
    pub unsponsored: Vec<PersonRef>,
    pub unsponsored_total: u64,
}

/// Everything the dashboard shows, computed in one pass over the dossier.
pub fn dashboard(d: &Dossier, today: NaiveDate) -> Result<Dashboard> {
    let counts = d.counts()?;
    let people = d.list::<Detainee>()?;
    let sponsorships = d.list::<Sponsorship>()?;
    let sponsored: std::collections::HashSet<Uuid> =
        sponsorships.iter().filter(|s| s.stage != Stage::Ended).filter_map(|s| s.detainee_id).collect();
    let person = |p: &Stored<Detainee>| PersonRef {
        id: p.id,
        name: p.name.clone(),
        category: p.category,
        days_held: p.days_held(today),
        last_visit: p.icrc.last_visit(),
    };
    let held_now = |p: &&Stored<Detainee>| p.status().is_none_or(Status::is_held);
    let mut held: Vec<PersonRef> = people.iter().filter(held_now).map(person).collect();
    held.sort_by(|a, b| b.days_held.cmp(&a.days_held).then_with(|| a.name.cmp(&b.name)));
    let no_icrc: Vec<&PersonRef> =
        held.iter().filter(|p| p.last_visit.is_none_or(|v| (today - v).num_days() > ICRC_ALERT_DAYS)).collect();
    let unsponsored: Vec<&PersonRef> = held.iter().filter(|p| !sponsored.contains(&p.id)).collect();
    let first = |v: &[&PersonRef]| v.iter().take(DASHBOARD_LIST_MAX).map(|p| (*p).clone()).collect::<Vec<_>>();
    let (no_icrc_visit_total, unsponsored_total) = (no_icrc.len() as u64, unsponsored.len() as u64);
    let (no_icrc_visit, unsponsored) = (first(&no_icrc), first(&unsponsored));
    let held_total = held.len() as u64;
    held.truncate(DASHBOARD_LIST_MAX);

    let sponsor_names: std::collections::HashMap<Uuid, String> =
        d.list::<Sponsor>()?.into_iter().map(|s| (s.id, s.data.name)).collect();
    let names: std::collections::HashMap<Uuid, &str> = people.iter().map(|p| (p.id, p.name.as_str())).collect();
    let mut upcoming = vec![];
    for s in &sponsorships {
        if let Some(c) = &s.ceremony {
            if let Some(date) = c.date.filter(|d| *d >= today) {
                let sponsor = sponsor_names.get(&s.sponsor_id).map(String::as_str).unwrap_or("?");
                let title = match s.detainee_id.and_then(|id| names.get(&id)) {
                    Some(n) => format!("{sponsor} — {n}"),
                    None => sponsor.to_owned(),
                };
                upcoming.push(Upcoming { date, kind: UpcomingKind::Ceremony, title, place: c.place.clone(), id: s.id });
            }
        }
    }
    for e in d.list::<Event>()? {
        if e.date.latest() >= today {
            upcoming.push(Upcoming {
                date: e.date.earliest().max(today),
                kind: UpcomingKind::Event,
                title: e.title.clone(),
                place: e.place.clone(),
                id: e.id,
            });
        }
    }
    upcoming.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title)));

    Ok(Dashboard {
        detainees: counts.detainees,
        sponsors: counts.sponsors,
        by_category: counts.by_category.into_iter().map(|(key, count)| CountOf { key, count }).collect(),
        by_status: counts.by_status.into_iter().map(|(key, count)| CountOf { key, count }).collect(),
        by_stage: counts.sponsorships_by_stage.into_iter().map(|(key, count)| CountOf { key, count }).collect(),
        held,
        held_total,
        upcoming,
        no_icrc_visit,
        no_icrc_visit_total,
        unsponsored,
        unsponsored_total,
    })
}

/// A sponsorship with the names it refers to, for the board and the record pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SponsorshipCard {
    pub sponsorship: Stored<Sponsorship>,
    pub sponsor_name: String,
    pub sponsor_kind: SponsorKind,
    /// `None` for a sponsorship of the whole group.
    pub detainee_name: Option<String>,
}

pub fn sponsorship_cards(d: &Dossier, sponsor: Option<Uuid>, detainee: Option<Uuid>) -> Result<Vec<SponsorshipCard>> {
    let mut out = vec![];
    for s in d.sponsorships(sponsor, detainee)? {
        let sp = d.get::<Sponsor>(s.sponsor_id)?;
        let detainee_name = s.detainee_id.map(|id| d.get::<Detainee>(id).map(|p| p.data.name)).transpose()?;
        out.push(SponsorshipCard {
            sponsor_name: sp.data.name,
            sponsor_kind: sp.data.kind,
            detainee_name,
            sponsorship: s,
        });
    }
    Ok(out)
}

/// Everything on a detainee's record page.
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
}

pub fn detainee_page(d: &Dossier, id: Uuid, today: NaiveDate) -> Result<DetaineePage> {
    let detainee = d.get::<Detainee>(id)?;
    let sources = d.list::<Source>()?.into_iter().filter(|s| s.detainee_ids.contains(&id)).collect();
    let mut events: Vec<Stored<Event>> = d.list::<Event>()?.into_iter().filter(|e| e.detainee_id == Some(id)).collect();
    events.sort_by_key(|e| e.date.earliest());
    Ok(DetaineePage {
        days_held: detainee.days_held(today),
        photos: d.photos_of(id)?,
        contacts: d.contacts_of(id)?,
        sponsorships: sponsorship_cards(d, None, Some(id))?,
        sources,
        events,
        detainee,
    })
}

/// One sponsor line of the sponsors list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SponsorRow {
    pub sponsor: Stored<Sponsor>,
    /// Sponsorships not ended.
    pub active: u64,
}

pub fn sponsor_rows(d: &Dossier) -> Result<Vec<SponsorRow>> {
    let all = d.list::<Sponsorship>()?;
    Ok(d.list::<Sponsor>()?
        .into_iter()
        .map(|s| {
            let active = all.iter().filter(|x| x.sponsor_id == s.id && x.stage != Stage::Ended).count() as u64;
            SponsorRow { sponsor: s, active }
        })
        .collect())
}

/// A record of any kind the UI may create or replace. `Media` is written through photo and logo imports only, and
/// the profile through its own call, so neither is here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum AnyRecord {
    Detainee(Detainee),
    Contact(Contact),
    Source(Source),
    Event(Event),
    Sponsor(Sponsor),
    Sponsorship(Sponsorship),
    PressRelease(PressRelease),
}

/// Creates (`id` = `None`) or replaces a record; returns its id.
pub fn save(d: &mut Dossier, id: Option<Uuid>, record: AnyRecord) -> Result<Uuid> {
    fn put<T: crate::model::Record>(d: &mut Dossier, id: Option<Uuid>, data: T) -> Result<Uuid> {
        Ok(match id {
            Some(id) => d.update(id, data)?.id,
            None => d.insert(data)?.id,
        })
    }
    match record {
        AnyRecord::Detainee(r) => put(d, id, r),
        AnyRecord::Contact(r) => put(d, id, r),
        AnyRecord::Source(r) => put(d, id, r),
        AnyRecord::Event(r) => put(d, id, r),
        AnyRecord::Sponsor(r) => put(d, id, r),
        AnyRecord::Sponsorship(r) => put(d, id, r),
        AnyRecord::PressRelease(r) => put(d, id, r),
    }
}

/// The record kinds the UI may delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DeletableKind {
    Detainee,
    Contact,
    Source,
    Event,
    Sponsor,
    Sponsorship,
    PressRelease,
    Media,
}

pub fn delete(d: &mut Dossier, kind: DeletableKind, id: Uuid) -> Result<()> {
    match kind {
        DeletableKind::Detainee => d.delete::<Detainee>(id),
        DeletableKind::Contact => d.delete::<Contact>(id),
        DeletableKind::Source => d.delete::<Source>(id),
        DeletableKind::Event => d.delete::<Event>(id),
        DeletableKind::Sponsor => d.delete::<Sponsor>(id),
        DeletableKind::Sponsorship => d.delete::<Sponsorship>(id),
        DeletableKind::PressRelease => d.delete::<PressRelease>(id),
        DeletableKind::Media => d.delete::<Media>(id),
    }
}

/// Hands a sponsorship over to another sponsor, in one transaction: the old one ends ("handed over") and points to
/// its successor, which starts at the "agreed" stage with the same detainee and commitments (statuses reset to
/// planned) and points back to it.
pub fn handover(d: &mut Dossier, from: Uuid, to_sponsor: Uuid, on: NaiveDate) -> Result<Uuid> {
    let old = d.get::<Sponsorship>(from)?;
    if old.stage == Stage::Ended {
        return Err(Error::Invalid(Invalid::new(
            "stage",
            Reason::Inconsistent { detail: "this sponsorship has already ended".into() },
        )));
    }
    if old.sponsor_id == to_sponsor {
        return Err(Error::Invalid(Invalid::new(
            "sponsor_id",
            Reason::Inconsistent { detail: "the new sponsor is the current one".into() },
        )));
    }
    d.get::<Sponsor>(to_sponsor)?;
    d.transaction(|tx| {
        let mut next = Sponsorship::new(to_sponsor, old.detainee_id);
        next.stage = Stage::Agreed;
        next.predecessor_id = Some(from);
        next.commitments = old
            .commitments
            .iter()
            .map(|c| crate::model::Commitment { kind: c.kind, status: Default::default(), note: None })
            .collect();
        let next = tx.insert(next)?;
        let mut ended = old.data.clone();
        ended.stage = Stage::Ended;
        ended.end_reason = Some(EndReason::HandedOver);
        ended.ended_on = Some(on);
        ended.successor_id = Some(next.id);
        tx.update(from, ended)?;
        Ok(next.id)
    })
}
