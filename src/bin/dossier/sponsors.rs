//! `sponsor` and `sponsorship`: who sponsors, and the sponsorships themselves.

use std::path::PathBuf;

use clap::Args;
use dossier::model::{self, RecordKind, Sponsor, SponsorKind, Sponsorship, Stage};
use dossier::{api, Dossier, Error, Lang};
use uuid::Uuid;

use crate::args::JsonFlag;
use crate::people::parse;
use crate::print::print_json;
use crate::records::{Kind, NoOwn};

pub struct Sponsors;
pub struct Sponsorships;

#[derive(Args)]
pub struct SponsorAdd {
    #[arg(long)]
    name: String,
    #[arg(long)]
    kind: String,
    #[arg(long)]
    signatory: Option<String>,
    #[arg(long)]
    signatory_title: Option<String>,
    #[arg(long)]
    logo: Option<PathBuf>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    country: Option<String>,
    #[arg(long)]
    website: Option<String>,
}

impl Kind for Sponsors {
    type Record = Sponsor;
    type Add = SponsorAdd;
    type List = JsonFlag;
    type Own = NoOwn;

    fn add(d: &mut Dossier, a: SponsorAdd) -> Result<Uuid, Error> {
        let mut s = Sponsor::new(a.name, parse::<SponsorKind>("kind", &a.kind)?);
        s.city = a.city;
        s.country = a.country;
        s.website = a.website;
        if a.signatory.is_some() || a.signatory_title.is_some() {
            s.signatory = Some(model::Signatory { name: a.signatory.unwrap_or_default(), title: a.signatory_title });
        }
        Ok(api::add_sponsor(d, s, a.logo.as_deref())?.id)
    }

    fn list(d: &Dossier, l: JsonFlag, _: Lang) -> Result<(), Error> {
        let list = d.list::<Sponsor>()?;
        if l.json {
            print_json(&list);
        } else {
            for s in list {
                println!("{}  {:<15} {}  {}", s.id, s.kind, s.name, s.city.as_deref().unwrap_or(""));
            }
        }
        Ok(())
    }

    fn own(_: &mut Dossier, own: NoOwn, _: Lang) -> Result<(), Error> {
        match own {}
    }
}

#[derive(Args)]
pub struct SponsorshipAdd {
    #[arg(long)]
    sponsor: String,
    #[arg(long, conflicts_with = "whole_group", required_unless_present = "whole_group")]
    detainee: Option<String>,
    #[arg(long)]
    whole_group: bool,
    /// Comma-separated: logo, banner, public-signing, public-events, media, lobbying, meet-family,
    /// solidarity-events, material-support.
    #[arg(long)]
    commitments: Option<String>,
    #[arg(long)]
    stage: Option<String>,
}

#[derive(Args)]
pub struct SponsorshipList {
    #[arg(long)]
    sponsor: Option<String>,
    #[arg(long)]
    detainee: Option<String>,
    #[arg(long)]
    json: bool,
}

impl Kind for Sponsorships {
    type Record = Sponsorship;
    type Add = SponsorshipAdd;
    type List = SponsorshipList;
    type Own = NoOwn;

    fn add(d: &mut Dossier, a: SponsorshipAdd) -> Result<Uuid, Error> {
        let sponsor_id = d.resolve_id(RecordKind::Sponsor, &a.sponsor)?;
        let detainee_id = match (a.detainee, a.whole_group) {
            (Some(id), false) => Some(d.resolve_id(RecordKind::Detainee, &id)?),
            _ => None,
        };
        let mut s = Sponsorship::new(sponsor_id, detainee_id);
        if let Some(c) = a.commitments {
            s.commitments = model::parse_commitments(&c)?;
        }
        if let Some(st) = a.stage {
            s.stage = parse::<Stage>("stage", &st)?;
        }
        Ok(d.insert(s)?.id)
    }

    /// The board's cards: each sponsorship with its sponsor's and detainee's names (`*`: the whole group).
    fn list(d: &Dossier, l: SponsorshipList, _: Lang) -> Result<(), Error> {
        let sponsor = l.sponsor.map(|s| d.resolve_id(RecordKind::Sponsor, &s)).transpose()?;
        let detainee = l.detainee.map(|s| d.resolve_id(RecordKind::Detainee, &s)).transpose()?;
        let cards = api::sponsorship_cards(d, sponsor, detainee)?;
        if l.json {
            print_json(&cards.iter().map(|c| &c.sponsorship).collect::<Vec<_>>());
        } else {
            for c in cards {
                let who = c.detainee_name.as_deref().unwrap_or("*");
                println!("{}  {:<10} {} → {who}", c.sponsorship.id, c.sponsorship.stage, c.sponsor_name);
            }
        }
        Ok(())
    }

    fn own(_: &mut Dossier, own: NoOwn, _: Lang) -> Result<(), Error> {
        match own {}
    }
}
