//! Sponsors and sponsorships: the sponsors list, the sponsorship board's cards, a handover, a sponsor's logo.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use super::records::{import_logo, insert_logo};
use crate::error::{Error, Invalid, Reason, Result};
use crate::model::{Commitment, Detainee, EndReason, Sponsor, SponsorKind, Sponsorship, Stage, Stored};
use crate::Dossier;

/// A sponsorship with the names it refers to, for the board and the record pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SponsorshipCard {
    pub sponsorship: Stored<Sponsorship>,
    pub sponsor_name: String,
    pub sponsor_kind: SponsorKind,
    /// `None` for a sponsorship of the whole group.
    pub detainee_name: Option<String>,
    /// Two offices changed it concurrently and a person has yet to choose (the conflicts inbox).
    pub conflict: bool,
}

/// The sponsorships of a sponsor, of a detainee, or all of them, with their names. Each sponsor and detainee is
/// read once, however many sponsorships refer to it.
pub fn sponsorship_cards(d: &Dossier, sponsor: Option<Uuid>, detainee: Option<Uuid>) -> Result<Vec<SponsorshipCard>> {
    let mut sponsors: HashMap<Uuid, (String, SponsorKind)> = HashMap::new();
    let mut people: HashMap<Uuid, String> = HashMap::new();
    let marked = crate::share::conflicted(d)?;
    let mut out = vec![];
    for s in d.sponsorships(sponsor, detainee)? {
        if let std::collections::hash_map::Entry::Vacant(e) = sponsors.entry(s.sponsor_id) {
            let sp = d.get::<Sponsor>(s.sponsor_id)?;
            e.insert((sp.data.name, sp.data.kind));
        }
        let detainee_name = match s.detainee_id {
            Some(id) => {
                if let std::collections::hash_map::Entry::Vacant(e) = people.entry(id) {
                    e.insert(d.get::<Detainee>(id)?.data.name);
                }
                people.get(&id).cloned()
            }
            None => None,
        };
        let (sponsor_name, sponsor_kind) = sponsors[&s.sponsor_id].clone();
        let conflict = marked.contains(&s.id);
        out.push(SponsorshipCard { sponsor_name, sponsor_kind, detainee_name, conflict, sponsorship: s });
    }
    Ok(out)
}

/// One sponsor line of the sponsors list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SponsorRow {
    pub sponsor: Stored<Sponsor>,
    /// Sponsorships not ended.
    pub active: u64,
    /// Has an open conflict (see [`SponsorshipCard::conflict`]).
    pub conflict: bool,
}

pub fn sponsor_rows(d: &Dossier) -> Result<Vec<SponsorRow>> {
    let mut live: HashMap<Uuid, u64> = HashMap::new();
    for s in d.list::<Sponsorship>()?.iter().filter(|s| s.stage.is_live()) {
        *live.entry(s.sponsor_id).or_default() += 1;
    }
    let marked = crate::share::conflicted(d)?;
    Ok(d.list::<Sponsor>()?
        .into_iter()
        .map(|s| SponsorRow {
            active: live.get(&s.id).copied().unwrap_or(0),
            conflict: marked.contains(&s.id),
            sponsor: s,
        })
        .collect())
}

/// Adds a sponsor, with its logo imported from a file, in one transaction: a refused logo adds nothing.
pub fn add_sponsor(d: &mut Dossier, sponsor: Sponsor, logo: Option<&Path>) -> Result<Stored<Sponsor>> {
    d.add_sponsor(sponsor, logo)
}

/// Sets a sponsor's logo from an image file, in one transaction: the logo is stored and the sponsor points to it,
/// or neither happens (no orphan logo when the sponsor's update is refused). Returns the new logo's id.
pub fn set_sponsor_logo(d: &mut Dossier, sponsor: Uuid, path: &Path) -> Result<Uuid> {
    d.get::<Sponsor>(sponsor)?;
    let img = import_logo(path)?;
    d.transaction(|tx| {
        let mut s = tx.get::<Sponsor>(sponsor)?.data;
        let logo = insert_logo(tx, &img)?;
        s.logo_id = Some(logo);
        tx.update(sponsor, s)?;
        Ok(logo)
    })
}

/// Hands a sponsorship over to another sponsor, in one transaction: the old one ends ("handed over") and points to
/// its successor, which starts at the "agreed" stage with the same detainee and commitments (statuses reset to
/// planned) and points back to it.
pub fn handover(d: &mut Dossier, from: Uuid, to_sponsor: Uuid, on: NaiveDate) -> Result<Uuid> {
    let old = d.get::<Sponsorship>(from)?;
    if !old.stage.is_live() {
        return Err(Error::Invalid(Invalid::new("stage", Reason::AlreadyEnded)));
    }
    if old.sponsor_id == to_sponsor {
        return Err(Error::Invalid(Invalid::new("sponsor_id", Reason::SameSponsor)));
    }
    d.get::<Sponsor>(to_sponsor)?;
    d.transaction(|tx| {
        let mut next = Sponsorship::new(to_sponsor, old.detainee_id);
        next.stage = Stage::Agreed;
        next.predecessor_id = Some(from);
        next.commitments = old
            .commitments
            .iter()
            .map(|c| Commitment { kind: c.kind, status: Default::default(), note: None })
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
