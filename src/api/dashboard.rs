//! The dashboard: figures, the people still held, upcoming ceremonies and events, and the watch lists.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::error::Result;
use crate::model::{Category, Detainee, Event, Sponsor, Sponsorship, Stage, Status, Stored};
use crate::Dossier;

/// The dashboard's lists keep their first entries only (the totals say how many there are): the dashboard must
/// stay instant with 10,000 people, and the full lists are one click away in the detainee list's filters.
pub const DASHBOARD_LIST_MAX: usize = 100;

/// How many days without an ICRC visit make a person appear on the dashboard's watch list (five weeks).
pub const ICRC_ALERT_DAYS: i64 = 35;

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
    let sponsored: HashSet<Uuid> =
        sponsorships.iter().filter(|s| s.stage.is_live()).filter_map(|s| s.detainee_id).collect();
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

    let sponsor_names: HashMap<Uuid, String> = d.list::<Sponsor>()?.into_iter().map(|s| (s.id, s.data.name)).collect();
    let names: HashMap<Uuid, &str> = people.iter().map(|p| (p.id, p.name.as_str())).collect();
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
