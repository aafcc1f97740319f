//! `detainee`, `contact` and `photo`: the people held, their confidential family contacts and their photos.

use std::path::PathBuf;

use chrono::Local;
use clap::{Args, Subcommand};
use dossier::error::{Invalid, Reason};
use dossier::i18n::tr;
use dossier::model::{
    Category, Choice, Contact, Detainee, Disclosure, Media, PartialDate, RecordKind, SituationEntry, Status, Stored,
};
use dossier::store::DetaineeFilter;
use dossier::{api, Dossier, Error, Lang};
use serde::Serialize;
use uuid::Uuid;

use crate::print::{print_json, print_record};
use crate::records::{Kind, NoOwn};

pub struct Detainees;
pub struct Contacts;
pub struct Photos;

#[derive(Args)]
pub struct DetaineeAdd {
    #[arg(long)]
    name: String,
    #[arg(long)]
    name_hy: Option<String>,
    #[arg(long)]
    category: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    born: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    captured: Option<String>,
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    sex: Option<String>,
    #[arg(long)]
    birth_place: Option<String>,
    #[arg(long)]
    capture_place: Option<String>,
    #[arg(long)]
    role: Option<String>,
}

#[derive(Args)]
pub struct DetaineeList {
    #[arg(long)]
    category: Option<String>,
    #[arg(long)]
    status: Option<String>,
    /// Only people with (yes) or without (no) an individual sponsorship.
    #[arg(long)]
    sponsored: Option<String>,
    /// Only people whose names match.
    #[arg(long)]
    search: Option<String>,
    #[arg(long, default_value_t = 10_000)]
    limit: u64,
    #[arg(long, default_value_t = 0)]
    offset: u64,
    #[arg(long)]
    json: bool,
}

impl Kind for Detainees {
    type Record = Detainee;
    type Add = DetaineeAdd;
    type List = DetaineeList;
    type Own = NoOwn;

    fn add(d: &mut Dossier, a: DetaineeAdd) -> Result<Uuid, Error> {
        let mut p = Detainee::new(a.name, parse::<Category>("category", &a.category)?);
        p.name_hy = a.name_hy;
        p.born = date("born", &a.born)?;
        p.captured = date("captured", &a.captured)?;
        p.sex = a.sex.as_deref().map(|s| parse("sex", s)).transpose()?;
        p.birth_place = a.birth_place;
        p.capture_place = a.capture_place;
        p.role = a.role;
        if let Some(s) = a.status {
            p.situation.push(SituationEntry::new(parse::<Status>("status", &s)?, p.captured));
        }
        Ok(d.insert(p)?.id)
    }

    fn list(d: &Dossier, l: DetaineeList, _: Lang) -> Result<(), Error> {
        let filter = DetaineeFilter {
            category: l.category.as_deref().map(|c| parse("category", c)).transpose()?,
            status: l.status.as_deref().map(|c| parse("status", c)).transpose()?,
            sponsored: l.sponsored.as_deref().map(yes_no).transpose()?,
            query: l.search,
        };
        let page = d.detainees(&filter, l.offset, l.limit)?;
        if l.json {
            print_json(&page.items);
        } else {
            for p in &page.items {
                println!(
                    "{}  {:<11} {:<9} {}  {}",
                    p.id,
                    p.category,
                    p.status().map(|s| s.to_string()).unwrap_or_default(),
                    p.name,
                    p.name_hy.as_deref().unwrap_or("")
                );
            }
        }
        Ok(())
    }

    /// The record page, as the app shows it: the record, then its confidential contacts, photos, sponsorships.
    fn show(d: &Dossier, id: Uuid, json: bool, lang: Lang) -> Result<(), Error> {
        let page = api::detainee_page(d, id, Local::now().date_naive())?;
        let p = &page.detainee;
        if json {
            #[derive(Serialize)]
            struct Show<'a> {
                #[serde(flatten)]
                detainee: &'a Stored<Detainee>,
                status: Option<Status>,
                contacts: &'a [Stored<Contact>],
                photos: &'a [Stored<Media>],
                sponsorships: Vec<&'a Stored<dossier::model::Sponsorship>>,
            }
            print_json(&Show {
                detainee: p,
                status: p.status(),
                contacts: &page.contacts,
                photos: &page.photos,
                sponsorships: page.sponsorships.iter().map(|c| &c.sponsorship).collect(),
            });
            return Ok(());
        }
        print_record(p)?;
        if !page.contacts.is_empty() {
            println!("\n[{}]", tr(lang, "cli-confidential", &[]));
            for c in &page.contacts {
                println!(
                    "  {}  {} ({}) {} {}",
                    c.id,
                    c.name,
                    c.relation.as_deref().unwrap_or("-"),
                    c.phone.as_deref().unwrap_or(""),
                    c.email.as_deref().unwrap_or("")
                );
            }
        }
        for ph in &page.photos {
            println!("photo {}  {}×{}  public={}", ph.id, ph.width, ph.height, ph.disclosure.publishable());
        }
        for c in &page.sponsorships {
            println!("sponsorship {}  {}", c.sponsorship.id, c.sponsorship.stage);
        }
        Ok(())
    }

    fn own(_: &mut Dossier, own: NoOwn, _: Lang) -> Result<(), Error> {
        match own {}
    }
}

#[derive(Args)]
pub struct ContactAdd {
    #[arg(long)]
    detainee: String,
    #[arg(long)]
    name: String,
    #[arg(long)]
    relation: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
}

/// `--detainee ID [--json]`: the records of one detainee.
#[derive(Args)]
pub struct OfDetainee {
    #[arg(long)]
    detainee: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

impl Kind for Contacts {
    type Record = Contact;
    type Add = ContactAdd;
    type List = OfDetainee;
    type Own = NoOwn;

    fn add(d: &mut Dossier, a: ContactAdd) -> Result<Uuid, Error> {
        let detainee_id = d.resolve_id(RecordKind::Detainee, &a.detainee)?;
        let c = Contact {
            detainee_id,
            name: a.name,
            relation: a.relation,
            phone: a.phone,
            email: a.email,
            address: None,
            languages: vec![],
            notes: None,
        };
        Ok(d.insert(c)?.id)
    }

    fn list(d: &Dossier, l: OfDetainee, lang: Lang) -> Result<(), Error> {
        let id = d.resolve_id(RecordKind::Detainee, &l.detainee)?;
        let list = d.contacts_of(id)?;
        if l.json {
            print_json(&list);
        } else {
            println!("[{}]", tr(lang, "cli-confidential", &[]));
            for c in list {
                let (relation, phone) = (c.relation.as_deref().unwrap_or("-"), c.phone.as_deref().unwrap_or(""));
                println!("{}  {}  {relation}  {phone}", c.id, c.name);
            }
        }
        Ok(())
    }

    fn own(_: &mut Dossier, own: NoOwn, _: Lang) -> Result<(), Error> {
        match own {}
    }
}

#[derive(Args)]
pub struct PhotoAdd {
    #[arg(long)]
    detainee: String,
    file: PathBuf,
    /// The family consents to publishing this photo.
    #[arg(long)]
    public: bool,
}

#[derive(Subcommand)]
pub enum PhotoOwn {
    /// Write a photo's stored bytes (without metadata) to a file.
    Export {
        id: String,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

impl Kind for Photos {
    type Record = Media;
    type Add = PhotoAdd;
    type List = OfDetainee;
    type Own = PhotoOwn;

    fn add(d: &mut Dossier, a: PhotoAdd) -> Result<Uuid, Error> {
        let id = d.resolve_id(RecordKind::Detainee, &a.detainee)?;
        let disclosure = if a.public { Disclosure::PUBLIC } else { Disclosure::default() };
        Ok(d.add_photo(id, &a.file, disclosure)?.id)
    }

    fn list(d: &Dossier, l: OfDetainee, _: Lang) -> Result<(), Error> {
        let id = d.resolve_id(RecordKind::Detainee, &l.detainee)?;
        let list = d.photos_of(id)?;
        if l.json {
            print_json(&list);
        } else {
            for m in list {
                let public = m.disclosure.publishable();
                println!("{}  {}  {}×{}  {} bytes  public={public}", m.id, m.mime, m.width, m.height, m.byte_len);
            }
        }
        Ok(())
    }

    fn own(d: &mut Dossier, own: PhotoOwn, _: Lang) -> Result<(), Error> {
        match own {
            PhotoOwn::Export { id, output } => {
                let id = d.resolve_id(RecordKind::Media, &id)?;
                let bytes = d.media_bytes(id)?;
                dossier::files::write_bytes(&output, dossier::files::Existing::Refuse, &bytes)
            }
        }
    }
}

/// A closed-list value (English slug or French alias) from the command line.
pub fn parse<T: Choice + PartialEq>(field: &str, v: &str) -> Result<T, Error> {
    Ok(T::parse_choice(field, v)?)
}

fn date(field: &str, v: &Option<String>) -> Result<Option<PartialDate>, Error> {
    v.as_deref()
        .map(|s| {
            s.parse::<PartialDate>().map_err(|_| Invalid::new(field, Reason::BadDate { value: s.to_owned() }).into())
        })
        .transpose()
}

fn yes_no(s: &str) -> Result<bool, Error> {
    match dossier::names::fold(s).as_str() {
        "yes" | "oui" | "true" | "1" => Ok(true),
        "no" | "non" | "false" | "0" => Ok(false),
        _ => Err(Invalid::new("sponsored", Reason::Unknown { value: s.into(), allowed: "yes, no".into() }).into()),
    }
}
