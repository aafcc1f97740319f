//! Import, exports and the website feed: files as people really save them, all-or-nothing imports, duplicates,
//! formula injection, the lossless JSON round trip, and a canary proving the website feed holds nothing private.
//! All names and data are fictional.

use std::path::Path;

use dossier::exchange::{self, json, DuplicatePolicy, ImportOptions};
use dossier::model::{
    Category, CommitmentKind, Consent, Contact, Detainee, Disclosure, PublicItem, Sponsor, SponsorKind, Sponsorship,
    Stage, Status,
};
use dossier::{Dossier, Lang};

use crate::util::*;

mod export;
mod import;
mod website;

fn new_dossier(dir: &Path, name: &str) -> Dossier {
    Dossier::create(&dir.join(name), PASS).expect("create")
}

fn opts() -> ImportOptions {
    ImportOptions { lang: Lang::En, ..Default::default() }
}

fn names_of(d: &Dossier) -> Vec<String> {
    d.list::<Detainee>().unwrap().into_iter().map(|p| p.data.name).collect()
}

fn sample(dir: &Path, name: &str) -> Dossier {
    let mut d = new_dossier(dir, name);
    dossier::demo::fill(&mut d, 0).unwrap();
    d
}
