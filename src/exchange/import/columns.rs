//! Which column gives which field: the French and English headers recognised, `--map` overrides, and the kind
//! of record a sheet holds.

use std::collections::HashMap;
use std::path::Path;

use super::super::table::{SpreadsheetProblem, Table};
use crate::error::{Error, Invalid, Reason, Result};
use crate::model::RecordKind;
use crate::names;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum For {
    Both,
    Detainee,
    Sponsor,
}

/// Every importable field: its slug (also accepted as a header), who has it, and the headers recognised.
const FIELDS: &[(&str, For, &[&str])] = &[
    ("id", For::Both, &["identifiant", "uuid", "ref", "référence"]),
    (
        "name",
        For::Both,
        &[
            "nom",
            "nom complet",
            "full name",
            "nom latin",
            "nom prénom",
            "prénom nom",
            "nom et prénom",
            "raison sociale",
        ],
    ),
    (
        "name_hy",
        For::Detainee,
        &["nom arménien", "armenian name", "nom en arménien", "name in armenian", "name (armenian)"],
    ),
    ("other_names", For::Detainee, &["autres graphies", "other names", "other spellings", "autres noms", "variantes"]),
    ("category", For::Detainee, &["catégorie", "type"]),
    ("sex", For::Detainee, &["sexe", "genre", "gender"]),
    (
        "born",
        For::Detainee,
        &["date de naissance", "birth date", "date of birth", "naissance", "né le", "né(e) le", "birth"],
    ),
    ("birth_place", For::Detainee, &["lieu de naissance", "birth place", "place of birth", "birthplace"]),
    ("role", For::Detainee, &["fonction"]),
    ("rank", For::Detainee, &["grade"]),
    ("unit", For::Detainee, &["unité"]),
    (
        "captured",
        For::Detainee,
        &[
            "date de capture",
            "capture date",
            "date of capture",
            "capture",
            "date d'arrestation",
            "arrested",
            "date d'enlèvement",
        ],
    ),
    ("capture_place", For::Detainee, &["lieu de capture", "capture place", "place of capture", "lieu d'arrestation"]),
    ("circumstances", For::Detainee, &["circonstances"]),
    ("status", For::Detainee, &["statut", "situation", "situation juridique", "legal status"]),
    ("bio_fr", For::Detainee, &["biographie", "biographie fr", "bio fr", "biographie (français)"]),
    ("bio_en", For::Detainee, &["biography", "biographie en", "bio en", "biographie (anglais)", "biography en"]),
    ("notes", For::Both, &["remarques", "commentaires", "comments", "note"]),
    ("photo", For::Detainee, &["fichier photo", "photo file", "image"]),
    ("kind", For::Sponsor, &["type", "type de parrain", "sponsor kind", "catégorie", "category"]),
    ("country", For::Sponsor, &["pays"]),
    ("city", For::Sponsor, &["ville", "commune"]),
    ("address", For::Sponsor, &["adresse"]),
    ("signatory", For::Sponsor, &["signataire"]),
    (
        "signatory_title",
        For::Sponsor,
        &["titre du signataire", "fonction du signataire", "qualité du signataire", "signatory title"],
    ),
    ("website", For::Sponsor, &["site web", "site", "site internet", "web"]),
    ("languages", For::Sponsor, &["langues", "langue"]),
    ("logo", For::Sponsor, &["fichier logo", "logo file"]),
];

/// The fields a column of a `kind` sheet can fill, in the order the app lists them.
pub fn fields(kind: RecordKind) -> Vec<&'static str> {
    FIELDS.iter().filter(|(_, f, _)| applies(*f, kind)).map(|(name, _, _)| *name).collect()
}

pub(super) fn key(s: &str) -> String {
    names::fold(s).replace(' ', "")
}

fn applies(f: For, kind: RecordKind) -> bool {
    matches!((f, kind), (For::Both, _) | (For::Detainee, RecordKind::Detainee) | (For::Sponsor, RecordKind::Sponsor))
}

/// The field a header names for a kind of record.
pub(super) fn field_for(header: &str, kind: RecordKind) -> Option<&'static str> {
    let k = key(header);
    FIELDS
        .iter()
        .filter(|(_, f, _)| applies(*f, kind))
        .find(|(slug, _, aliases)| key(slug) == k || aliases.iter().any(|a| key(a) == k))
        .map(|(slug, _, _)| *slug)
}

/// Tells a sheet's kind of record from its name, then from headers only one kind has.
pub(super) fn sheet_kind(table: &Table, mapping: &[(String, String)]) -> Option<Option<RecordKind>> {
    if let Some(name) = &table.sheet {
        match key(name).as_str() {
            "detenus" | "detenu" | "detainees" | "detainee" | "prisonniers" | "prisoners" | "personnes" => {
                return Some(Some(RecordKind::Detainee))
            }
            "parrains" | "parrain" | "sponsors" | "sponsor" | "marraines" => return Some(Some(RecordKind::Sponsor)),
            "parrainages" | "sponsorships" => return Some(None),
            _ => {}
        }
    }
    let (mut det, mut spo) = (0, 0);
    for h in &table.headers {
        let mapped = mapping.iter().find(|(c, _)| key(c) == key(h)).map(|(_, f)| f.as_str());
        let d = mapped.map_or_else(|| field_for(h, RecordKind::Detainee), |f| field_for(f, RecordKind::Detainee));
        let s = mapped.map_or_else(|| field_for(h, RecordKind::Sponsor), |f| field_for(f, RecordKind::Sponsor));
        match (d, s) {
            (Some(a), None) if a != "id" => det += 1,
            (None, Some(b)) if b != "id" => spo += 1,
            _ => {}
        }
    }
    // Detainees are the usual list: a sheet with no sponsor-only column holds detainees.
    match det.cmp(&spo) {
        std::cmp::Ordering::Less => Some(Some(RecordKind::Sponsor)),
        std::cmp::Ordering::Equal if spo > 0 => None,
        _ => Some(Some(RecordKind::Detainee)),
    }
}

/// Column index → field, with the report of the mapping. Refuses two columns for one field and a missing name.
pub(super) fn map_columns(
    path: &Path,
    table: &Table,
    kind: RecordKind,
    user: &[(String, String)],
) -> Result<Vec<Option<&'static str>>> {
    let mut out = vec![];
    let mut used: HashMap<&str, &str> = HashMap::new();
    for h in &table.headers {
        let field = match user.iter().find(|(c, _)| key(c) == key(h)) {
            Some((_, f)) if f.trim().is_empty() => None,
            Some((_, f)) => Some(field_for(f, kind).ok_or_else(|| {
                let allowed =
                    FIELDS.iter().filter(|(_, w, _)| applies(*w, kind)).map(|(s, _, _)| *s).collect::<Vec<_>>();
                Error::Invalid(Invalid::new("map", Reason::Unknown { value: f.clone(), allowed: allowed.join(", ") }))
            })?),
            None => field_for(h, kind),
        };
        if let Some(f) = field {
            if let Some(other) = used.insert(f, h) {
                return Err(Error::Spreadsheet {
                    path: path.to_owned(),
                    problem: SpreadsheetProblem::SameField {
                        first: other.to_owned(),
                        second: h.to_owned(),
                        field: f.to_owned(),
                    },
                });
            }
        }
        out.push(field);
    }
    if !out.contains(&Some("name")) && !out.contains(&Some("id")) {
        return Err(Error::Spreadsheet {
            path: path.to_owned(),
            problem: SpreadsheetProblem::NoNameColumn { sheet: table.sheet.clone(), found: table.headers.join(", ") },
        });
    }
    Ok(out)
}
