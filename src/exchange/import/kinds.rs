//! The kinds of record a spreadsheet can hold, detainees and sponsors: what each reads from a row, what duplicate
//! detection compares, and its image (a detainee's photo, a sponsor's logo).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::Utc;
use serde::Serialize;
use uuid::Uuid;

use super::duplicates::{name_key, Known};
use super::values::{choice, date, list, text, Issues, Row};
use super::Pending;
use crate::error::{Invalid, Reason, Result};
use crate::model::{Category, Detainee, Media, PartialDate, Record, Sex, SituationEntry, Sponsor, SponsorKind, Status};
use crate::Dossier;

/// The digests of each detainee's photos, read once per import.
pub(super) type PhotoDigests = HashMap<Uuid, HashSet<String>>;

/// A kind of record an import can create or update.
pub(super) trait Importable: Record + Serialize {
    /// The column naming its image file.
    const IMAGE_COLUMN: &'static str;

    /// A new record, before its row is read.
    fn blank() -> Self;

    /// Sets the fields the row's non-empty cells give; `creating` also asks for the fields a new record needs.
    fn fill(&mut self, row: &Row<'_>, creating: bool, issues: &mut Issues<'_>);

    /// Its name, as the report shows it.
    fn name(&self) -> &str;

    /// The spelling-insensitive keys of its names.
    fn name_keys(&self) -> Vec<String>;

    /// What duplicate detection knows of it: its name, and the fact that rules a namesake out (a birth date, a
    /// city).
    fn known(&self, id: Option<Uuid>, line: Option<usize>) -> Known;

    /// Whether an image with digest `sha` is not already the stored record's (`id`, `self` as stored).
    fn image_is_new(&self, d: &Dossier, id: Uuid, sha: &str, digests: &mut PhotoDigests) -> Result<bool>;

    /// Whether merging a row into this record adds the row's image (a detainee takes another photo; a sponsor
    /// only a first logo: merging fills empty fields only).
    fn takes_image_on_merge(&self) -> bool {
        true
    }

    /// The write of a checked row.
    fn pending(self, id: Option<Uuid>, image: Option<PathBuf>) -> Pending;
}

impl Importable for Detainee {
    const IMAGE_COLUMN: &'static str = "photo";

    fn blank() -> Self {
        Detainee::new("", Category::Civilian)
    }

    fn fill(&mut self, row: &Row<'_>, creating: bool, issues: &mut Issues<'_>) {
        if let Some((_, v)) = row.get("name") {
            self.name = v.to_owned();
        }
        text(row, "name_hy", &mut self.name_hy);
        if let Some((_, v)) = row.get("other_names") {
            self.other_names = list(v);
        }
        if let Some(c) = choice::<Category>(row, "category", issues) {
            self.category = c;
        } else if creating && row.get("category").is_none() {
            issues.invalid(None, Invalid::new("category", Reason::Empty));
        }
        if let Some(s) = choice::<Sex>(row, "sex", issues) {
            self.sex = Some(s);
        }
        date(row, "born", issues, &mut self.born);
        date(row, "captured", issues, &mut self.captured);
        for (f, slot) in [
            ("birth_place", &mut self.birth_place),
            ("role", &mut self.role),
            ("rank", &mut self.rank),
            ("unit", &mut self.unit),
            ("capture_place", &mut self.capture_place),
            ("circumstances", &mut self.circumstances),
            ("bio_fr", &mut self.bio_fr),
            ("bio_en", &mut self.bio_en),
            ("notes", &mut self.notes),
        ] {
            text(row, f, slot);
        }
        if let Some(s) = choice::<Status>(row, "status", issues) {
            if self.status() != Some(s) {
                // A new person's situation dates from the capture; a change from a spreadsheet dates from today.
                let when = if creating { self.captured } else { Some(PartialDate::day(Utc::now().date_naive())) };
                self.situation.push(SituationEntry::new(s, when));
            }
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn name_keys(&self) -> Vec<String> {
        self.search_names().into_iter().map(name_key).collect()
    }

    fn known(&self, id: Option<Uuid>, line: Option<usize>) -> Known {
        Known { id, line, name: self.name.clone(), born: self.born, city: None }
    }

    fn image_is_new(&self, d: &Dossier, id: Uuid, sha: &str, digests: &mut PhotoDigests) -> Result<bool> {
        let shas = match digests.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(d.photos_of(id)?.into_iter().map(|m| m.data.sha256).collect())
            }
        };
        Ok(!shas.contains(sha))
    }

    fn pending(self, id: Option<Uuid>, image: Option<PathBuf>) -> Pending {
        Pending::Detainee { id, data: self, photo: image }
    }
}

impl Importable for Sponsor {
    const IMAGE_COLUMN: &'static str = "logo";

    fn blank() -> Self {
        Sponsor::new("", SponsorKind::Ngo)
    }

    fn fill(&mut self, row: &Row<'_>, creating: bool, issues: &mut Issues<'_>) {
        if let Some((_, v)) = row.get("name") {
            self.name = v.to_owned();
        }
        if let Some(k) = choice::<SponsorKind>(row, "kind", issues) {
            self.kind = k;
        } else if creating && row.get("kind").is_none() {
            issues.invalid(None, Invalid::new("kind", Reason::Empty));
        }
        for (f, slot) in [
            ("country", &mut self.country),
            ("city", &mut self.city),
            ("address", &mut self.address),
            ("website", &mut self.website),
            ("notes", &mut self.notes),
        ] {
            text(row, f, slot);
        }
        if let Some((_, v)) = row.get("signatory") {
            self.signatory.get_or_insert_with(Default::default).name = v.to_owned();
        }
        if let Some((h, v)) = row.get("signatory_title") {
            match &mut self.signatory {
                Some(sig) => sig.title = Some(v.to_owned()),
                None => issues.invalid(Some(h), Invalid::new("signatory", Reason::Empty)),
            }
        }
        if let Some((_, v)) = row.get("languages") {
            self.languages = v.split([',', ';']).map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect();
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn name_keys(&self) -> Vec<String> {
        vec![name_key(&self.name)]
    }

    fn known(&self, id: Option<Uuid>, line: Option<usize>) -> Known {
        Known { id, line, name: self.name.clone(), born: None, city: self.city.clone() }
    }

    fn takes_image_on_merge(&self) -> bool {
        self.logo_id.is_none()
    }

    fn image_is_new(&self, d: &Dossier, _id: Uuid, sha: &str, _digests: &mut PhotoDigests) -> Result<bool> {
        Ok(match self.logo_id {
            Some(logo) => d.get::<Media>(logo).map(|m| m.sha256 != sha).unwrap_or(true),
            None => true,
        })
    }

    fn pending(self, id: Option<Uuid>, image: Option<PathBuf>) -> Pending {
        Pending::Sponsor { id, data: self, logo: image }
    }
}
