//! Importing detainees and sponsors from spreadsheets: column mapping, row checks, duplicate detection, photos
//! from a folder, and an all-or-nothing write.
//!
//! Duplicate rule: a row without an id whose name — in any of its scripts and spellings, folded (case, accents),
//! transliterated to Latin, with `ou`/`u`, `y`/`i`, `w`/`v` and doubled letters made alike and word order
//! ignored — equals a name of an existing record or of an earlier row is a *possible duplicate*, unless both
//! sides have a birth date (detainees) or a city (sponsors) and these cannot be the same. Possible duplicates are
//! reported with the other record's id (or line) and name, and the import refuses until the user decides: add the
//! existing id to the row (it then updates that record), or pass `DuplicatePolicy::Allow` (create anyway) or
//! `Skip` (leave those rows out).
//!
//! Updates: a row with an id updates that record. Only non-empty cells of mapped columns change a field: an empty
//! cell leaves the field as it is (so a spreadsheet with fewer columns never erases anything).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;
use uuid::Uuid;

use super::table::{read_tables, Table};
use crate::error::{Error, Invalid, Reason, Result};
use crate::i18n::{tr, Arg, Lang};
use crate::model::{
    Category, Choice, Detainee, Disclosure, MediaRole, PartialDate, Record, RecordKind, Sex, SituationEntry, Sponsor,
    SponsorKind, Status,
};
use crate::names;
use crate::store::media_record;
use crate::Dossier;

/// What to do with rows that may be people or sponsors already in the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicatePolicy {
    /// Refuse the import until each is resolved (the default).
    #[default]
    Refuse,
    /// Create them anyway: the user checked they are different people.
    Allow,
    /// Leave them out.
    Skip,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Folder of the photos (and logos) named in the file; default: the file's own folder.
    pub photos: Option<PathBuf>,
    /// `(column header, field)` pairs overriding the recognised headers; an empty field ignores the column.
    pub mapping: Vec<(String, String)>,
    /// Force the kind of record of every sheet (otherwise told from the sheet name or the headers).
    pub kind: Option<RecordKind>,
    pub duplicates: DuplicatePolicy,
    /// Language of the messages in the report.
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Skip,
    Error,
}

/// A problem with one row, in the user's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowIssue {
    /// The column header concerned, when one is.
    pub column: Option<String>,
    pub message: String,
}

/// Another record, or an earlier row, that may be the same person or sponsor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PossibleDuplicate {
    /// The existing record's id; `None` when it is another row of the file.
    pub id: Option<Uuid>,
    /// The other row's line; `None` when it is a record of the dossier.
    pub line: Option<usize>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowReport {
    pub sheet: Option<String>,
    pub line: usize,
    pub kind: RecordKind,
    pub action: Action,
    /// The record updated (or, after the import, created).
    pub id: Option<Uuid>,
    pub label: String,
    /// Fields an update changes.
    pub changes: Vec<String>,
    /// The photo or logo file added with the row.
    pub photo: Option<String>,
    pub errors: Vec<RowIssue>,
    pub duplicates: Vec<PossibleDuplicate>,
}

/// How one sheet's columns were understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetReport {
    pub sheet: Option<String>,
    /// `None` when the sheet was left out (e.g. a sponsorships sheet of an XLSX export).
    pub kind: Option<RecordKind>,
    /// CSV only: the encoding and separator found.
    pub detected: Option<String>,
    /// Each column with the field it fills (`None`: ignored).
    pub columns: Vec<(String, Option<String>)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub create: usize,
    pub update: usize,
    pub skip: usize,
    pub errors: usize,
    /// Rows refused because they may double a record (with `DuplicatePolicy::Refuse`).
    pub duplicates: usize,
}

/// What an import does, or would do, row by row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    pub file: PathBuf,
    /// Whether the rows were written (false for a dry run or a refused import).
    pub applied: bool,
    pub duplicate_policy: DuplicatePolicy,
    pub sheets: Vec<SheetReport>,
    pub rows: Vec<RowReport>,
    pub summary: Summary,
}

impl ImportReport {
    /// Whether the import can go ahead: no row in error, no unresolved possible duplicate.
    pub fn is_clean(&self) -> bool {
        self.summary.errors == 0 && self.summary.duplicates == 0
    }

    /// The refusal to return when the import cannot go ahead: names the first problem rows.
    pub fn refusal(&self, lang: Lang) -> Error {
        let mut problems = vec![];
        for r in &self.rows {
            for e in &r.errors {
                problems.push((r.line, e.message.clone()));
            }
            if r.action == Action::Create
                && !r.duplicates.is_empty()
                && self.duplicate_policy == DuplicatePolicy::Refuse
            {
                problems.push((r.line, duplicate_text(lang, &r.label, &r.duplicates)));
            }
        }
        problems.truncate(10);
        Error::ImportRefused {
            path: self.file.clone(),
            errors: self.summary.errors,
            duplicates: self.summary.duplicates,
            problems,
        }
    }
}

/// "possible duplicate of X (id …) / of line N".
pub fn duplicate_text(lang: Lang, label: &str, dups: &[PossibleDuplicate]) -> String {
    let others: Vec<String> = dups
        .iter()
        .map(|d| match (d.id, d.line) {
            (Some(id), _) => format!("{} ({id})", d.name),
            (None, Some(line)) => tr(lang, "imp-dup-line", &[("name", Arg::from(&d.name)), ("line", Arg::from(line))]),
            _ => d.name.clone(),
        })
        .collect();
    tr(lang, "imp-duplicate", &[("name", Arg::from(label)), ("others", Arg::from(&others.join(", ")))])
}

// ---------------------------------------------------------------------------------------------------------------
// Columns.

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

fn key(s: &str) -> String {
    names::fold(s).replace(' ', "")
}

fn applies(f: For, kind: RecordKind) -> bool {
    matches!((f, kind), (For::Both, _) | (For::Detainee, RecordKind::Detainee) | (For::Sponsor, RecordKind::Sponsor))
}

/// The field a header names for a kind of record.
fn field_for(header: &str, kind: RecordKind) -> Option<&'static str> {
    let k = key(header);
    FIELDS
        .iter()
        .filter(|(_, f, _)| applies(*f, kind))
        .find(|(slug, _, aliases)| key(slug) == k || aliases.iter().any(|a| key(a) == k))
        .map(|(slug, _, _)| *slug)
}

/// Tells a sheet's kind of record from its name, then from headers only one kind has.
fn sheet_kind(table: &Table, mapping: &[(String, String)]) -> Option<Option<RecordKind>> {
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
fn map_columns(
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
                    detail: format!(
                        "columns \"{other}\" and \"{h}\" both give the field {f}; ignore one with --map \"{h}=\""
                    ),
                });
            }
        }
        out.push(field);
    }
    if !out.contains(&Some("name")) && !out.contains(&Some("id")) {
        return Err(Error::Spreadsheet {
            path: path.to_owned(),
            detail: format!(
                "{}no name column (columns found: {}); name one with --map \"COLUMN=name\"",
                table.sheet.as_ref().map(|s| format!("sheet \"{s}\": ")).unwrap_or_default(),
                table.headers.join(", ")
            ),
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------------------------
// Values.

/// A cell as typed, without the apostrophe that exports put before `= + - @` to neutralise formulas.
fn cell(s: &str) -> &str {
    let t = s.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => t,
    }
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `~YYYY-MM-DD`, and the French `DD/MM/YYYY`, `MM/YYYY` (also with dots).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    if let Ok(d) = t.parse::<PartialDate>() {
        return Some(d);
    }
    let (approx, rest) = match t.strip_prefix('~') {
        Some(r) => (true, r.trim()),
        None => (false, t),
    };
    let slashed = rest.replace('.', "/");
    let parts: Vec<&str> = slashed.split('/').collect();
    let iso = match parts.as_slice() {
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        [m, y] if m.len() <= 2 && y.len() == 4 && !approx => format!("{y}-{m:0>2}"),
        _ => return None,
    };
    let mut d: PartialDate = iso.parse().ok()?;
    if approx {
        d.precision = crate::model::Precision::Approximate;
    }
    Some(d)
}

struct Row<'a> {
    values: BTreeMap<&'static str, (&'a str, String)>,
}

impl Row<'_> {
    /// The non-empty value of a field, with its column header.
    fn get(&self, f: &str) -> Option<(&str, &str)> {
        self.values.get(f).map(|(h, v)| (*h, v.as_str())).filter(|(_, v)| !v.is_empty())
    }
}

struct Issues<'l> {
    lang: Lang,
    list: &'l mut Vec<RowIssue>,
}

impl Issues<'_> {
    fn invalid(&mut self, column: Option<&str>, inv: Invalid) {
        self.list.push(RowIssue { column: column.map(str::to_owned), message: Error::Invalid(inv).message(self.lang) });
    }
    fn error(&mut self, column: Option<&str>, e: &Error) {
        self.list.push(RowIssue { column: column.map(str::to_owned), message: e.message(self.lang) });
    }
}

fn text(row: &Row<'_>, f: &str, slot: &mut Option<String>) {
    if let Some((_, v)) = row.get(f) {
        *slot = Some(v.to_owned());
    }
}

fn choice<T: Choice>(row: &Row<'_>, f: &str, issues: &mut Issues<'_>) -> Option<T> {
    let (h, v) = row.get(f)?;
    T::parse_choice(f, v).map_err(|e| issues.invalid(Some(h), e)).ok()
}

fn date(row: &Row<'_>, f: &str, issues: &mut Issues<'_>, slot: &mut Option<PartialDate>) {
    if let Some((h, v)) = row.get(f) {
        match parse_date(v) {
            Some(d) => *slot = Some(d),
            None => issues.invalid(Some(h), Invalid::new(f, Reason::BadDate { value: v.to_owned() })),
        }
    }
}

fn list(v: &str) -> Vec<String> {
    v.split([';', '|', '\n']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn fill_detainee(row: &Row<'_>, d: &mut Detainee, creating: bool, issues: &mut Issues<'_>) {
    if let Some((_, v)) = row.get("name") {
        d.name = v.to_owned();
    }
    text(row, "name_hy", &mut d.name_hy);
    if let Some((_, v)) = row.get("other_names") {
        d.other_names = list(v);
    }
    if let Some(c) = choice::<Category>(row, "category", issues) {
        d.category = c;
    } else if creating && row.get("category").is_none() {
        issues.invalid(None, Invalid::new("category", Reason::Empty));
    }
    if let Some(s) = choice::<Sex>(row, "sex", issues) {
        d.sex = Some(s);
    }
    date(row, "born", issues, &mut d.born);
    date(row, "captured", issues, &mut d.captured);
    for (f, slot) in [
        ("birth_place", &mut d.birth_place),
        ("role", &mut d.role),
        ("rank", &mut d.rank),
        ("unit", &mut d.unit),
        ("capture_place", &mut d.capture_place),
        ("circumstances", &mut d.circumstances),
        ("bio_fr", &mut d.bio_fr),
        ("bio_en", &mut d.bio_en),
        ("notes", &mut d.notes),
    ] {
        text(row, f, slot);
    }
    if let Some(s) = choice::<Status>(row, "status", issues) {
        if d.status() != Some(s) {
            // A new person's situation dates from the capture; a change from a spreadsheet dates from today.
            let when = if creating { d.captured } else { Some(PartialDate::day(Utc::now().date_naive())) };
            d.situation.push(SituationEntry::new(s, when));
        }
    }
}

fn fill_sponsor(row: &Row<'_>, s: &mut Sponsor, creating: bool, issues: &mut Issues<'_>) {
    if let Some((_, v)) = row.get("name") {
        s.name = v.to_owned();
    }
    if let Some(k) = choice::<SponsorKind>(row, "kind", issues) {
        s.kind = k;
    } else if creating && row.get("kind").is_none() {
        issues.invalid(None, Invalid::new("kind", Reason::Empty));
    }
    for (f, slot) in [
        ("country", &mut s.country),
        ("city", &mut s.city),
        ("address", &mut s.address),
        ("website", &mut s.website),
        ("notes", &mut s.notes),
    ] {
        text(row, f, slot);
    }
    if let Some((_, v)) = row.get("signatory") {
        s.signatory.get_or_insert_with(Default::default).name = v.to_owned();
    }
    if let Some((h, v)) = row.get("signatory_title") {
        match &mut s.signatory {
            Some(sig) => sig.title = Some(v.to_owned()),
            None => issues.invalid(Some(h), Invalid::new("signatory", Reason::Empty)),
        }
    }
    if let Some((_, v)) = row.get("languages") {
        s.languages = v.split([',', ';']).map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicates.

/// A spelling-insensitive key of a name: folded, in Latin, words sorted, with `ou`/`ow` (Armenian ու)→`u`, `y`→`i`, `w`→`v` and
/// doubled letters single, `h` dropped. "Haroutiounian Aram" and "Арам Арутюнян" give the same key.
pub fn name_key(name: &str) -> String {
    let folded = names::fold(name);
    let latin = names::transliterate(&folded).unwrap_or(folded);
    let mut words: Vec<String> = latin
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w
                .replace("ou", "u")
                .replace("ow", "u")
                .replace('y', "i")
                .replace('w', "v")
                .replace("kh", "x")
                .replace("dj", "j")
                .replace('h', "");
            let mut out = String::with_capacity(w.len());
            for c in w.chars() {
                if !(c.is_alphabetic() && out.ends_with(c)) {
                    out.push(c);
                }
            }
            out
        })
        .collect();
    words.sort();
    words.join(" ")
}

#[derive(Debug, Clone)]
struct Known {
    id: Option<Uuid>,
    line: Option<usize>,
    name: String,
    born: Option<PartialDate>,
    city: Option<String>,
}

impl Known {
    /// Whether facts both sides know rule out the same person (different birth dates) or sponsor (cities).
    fn excluded_by(&self, born: Option<PartialDate>, city: Option<&str>) -> bool {
        if let (Some(a), Some(b)) = (self.born, born) {
            if a.latest() < b.earliest() || b.latest() < a.earliest() {
                return true;
            }
        }
        matches!((self.city.as_deref(), city), (Some(a), Some(b)) if names::fold(a) != names::fold(b))
    }
}

#[derive(Default)]
struct DupIndex {
    by_key: HashMap<String, Vec<Known>>,
}

impl DupIndex {
    fn add(&mut self, keys: &[String], k: Known) {
        let mut seen = HashSet::new();
        for key in keys {
            if !key.is_empty() && seen.insert(key) {
                self.by_key.entry(key.clone()).or_default().push(k.clone());
            }
        }
    }

    fn find(
        &self,
        keys: &[String],
        born: Option<PartialDate>,
        city: Option<&str>,
        not: Option<Uuid>,
    ) -> Vec<PossibleDuplicate> {
        let mut out: Vec<PossibleDuplicate> = vec![];
        for key in keys {
            for k in self.by_key.get(key).into_iter().flatten() {
                if k.excluded_by(born, city) || (k.id.is_some() && k.id == not) {
                    continue;
                }
                let d = PossibleDuplicate { id: k.id, line: k.line, name: k.name.clone() };
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }
}

fn detainee_keys(d: &Detainee) -> Vec<String> {
    d.search_names().into_iter().map(name_key).collect()
}

fn sponsor_keys(s: &Sponsor) -> Vec<String> {
    vec![name_key(&s.name)]
}

// ---------------------------------------------------------------------------------------------------------------
// The plan.

enum Pending {
    Detainee { id: Option<Uuid>, data: Detainee, photo: Option<PathBuf> },
    Sponsor { id: Option<Uuid>, data: Sponsor, logo: Option<PathBuf> },
}

/// A checked import, ready to apply: the report and the records it would write.
pub struct ImportPlan {
    pub report: ImportReport,
    pending: Vec<(usize, Pending)>,
}

/// Finds a file in the photo folder; tries a case-insensitive match (files named on Windows) when the exact
/// name is not there. Names that climb out of the folder are refused.
fn find_photo(dir: &Path, name: &str) -> std::result::Result<PathBuf, Error> {
    let rel = Path::new(name.trim());
    let escapes = rel.is_absolute()
        || rel.components().any(|c| !matches!(c, std::path::Component::Normal(_)))
        || name.contains('\\');
    let missing = |p: PathBuf| Error::Read { path: p, source: std::io::ErrorKind::NotFound.into() };
    if escapes {
        return Err(missing(dir.join(rel)));
    }
    let exact = dir.join(rel);
    if exact.is_file() {
        return Ok(exact);
    }
    let parent = exact.parent().unwrap_or(dir);
    let wanted = rel.file_name().map(|f| f.to_string_lossy().to_lowercase());
    if let (Ok(entries), Some(wanted)) = (std::fs::read_dir(parent), wanted) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().to_lowercase() == wanted && e.path().is_file() {
                return Ok(e.path());
            }
        }
    }
    Err(missing(exact))
}

/// Reads and checks a spreadsheet against the dossier without writing anything: the dry run.
pub fn plan_import(d: &Dossier, path: &Path, opts: &ImportOptions) -> Result<ImportPlan> {
    let tables = read_tables(path)?;
    let lang = opts.lang;
    let photo_dir = opts
        .photos
        .clone()
        .unwrap_or_else(|| path.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(".")));
    if let Some(dir) = &opts.photos {
        if !dir.is_dir() {
            return Err(Error::Read { path: dir.clone(), source: std::io::ErrorKind::NotFound.into() });
        }
    }
    // Every --map column must exist somewhere: a typo would otherwise be silently ignored.
    for (col, _) in &opts.mapping {
        if !tables.iter().any(|t| t.headers.iter().any(|h| key(h) == key(col))) {
            let found: Vec<&str> = tables.iter().flat_map(|t| t.headers.iter().map(String::as_str)).collect();
            return Err(Error::Spreadsheet {
                path: path.to_owned(),
                detail: format!("no column \"{col}\" (columns found: {})", found.join(", ")),
            });
        }
    }

    let mut report = ImportReport {
        file: path.to_owned(),
        applied: false,
        duplicate_policy: opts.duplicates,
        sheets: vec![],
        rows: vec![],
        summary: Summary::default(),
    };
    let mut pending = vec![];
    let mut det_index: Option<DupIndex> = None;
    let mut spo_index: Option<DupIndex> = None;
    let mut seen_ids: HashMap<Uuid, usize> = HashMap::new();
    let mut photo_shas: HashMap<Uuid, HashSet<String>> = HashMap::new();

    for table in &tables {
        let kind = match opts.kind.map(Some).or_else(|| sheet_kind(table, &opts.mapping)) {
            Some(Some(k)) if matches!(k, RecordKind::Detainee | RecordKind::Sponsor) => k,
            Some(Some(_)) | Some(None) if table.sheet.is_some() && opts.kind.is_none() => {
                report.sheets.push(SheetReport {
                    sheet: table.sheet.clone(),
                    kind: None,
                    detected: None,
                    columns: vec![],
                });
                continue;
            }
            _ => {
                return Err(Error::Spreadsheet {
                    path: path.to_owned(),
                    detail: format!(
                        "{}cannot tell whether the rows are detainees or sponsors; say it with --kind detainee|sponsor",
                        table.sheet.as_ref().map(|s| format!("sheet \"{s}\": ")).unwrap_or_default()
                    ),
                })
            }
        };
        let fields = map_columns(path, table, kind, &opts.mapping)?;
        report.sheets.push(SheetReport {
            sheet: table.sheet.clone(),
            kind: Some(kind),
            detected: table.detected.clone(),
            columns: table.headers.iter().cloned().zip(fields.iter().map(|f| f.map(str::to_owned))).collect(),
        });
        let index = match kind {
            RecordKind::Detainee => match &mut det_index {
                Some(ix) => ix,
                None => {
                    let mut ix = DupIndex::default();
                    for p in d.list::<Detainee>()? {
                        let k = Known { id: Some(p.id), line: None, name: p.name.clone(), born: p.born, city: None };
                        ix.add(&detainee_keys(&p), k);
                    }
                    det_index.insert(ix)
                }
            },
            _ => match &mut spo_index {
                Some(ix) => ix,
                None => {
                    let mut ix = DupIndex::default();
                    for s in d.list::<Sponsor>()? {
                        let k = Known {
                            id: Some(s.id),
                            line: None,
                            name: s.name.clone(),
                            born: None,
                            city: s.city.clone(),
                        };
                        ix.add(&sponsor_keys(&s), k);
                    }
                    spo_index.insert(ix)
                }
            },
        };

        for (line, cells) in &table.rows {
            let line = *line;
            let mut errors = vec![];
            let mut issues = Issues { lang, list: &mut errors };
            let mut values = BTreeMap::new();
            for (i, c) in cells.iter().enumerate() {
                match fields.get(i) {
                    Some(Some(f)) => {
                        values.insert(*f, (table.headers[i].as_str(), cell(c).to_owned()));
                    }
                    Some(None) => {}
                    None if !c.trim().is_empty() => {
                        let detail = format!("more cells ({}) than columns ({})", cells.len(), table.headers.len());
                        issues.invalid(None, Invalid::new("row", Reason::Malformed { detail }));
                        break;
                    }
                    None => {}
                }
            }
            let row = Row { values };

            // Which record: the id column, else a new one.
            let mut existing_id = None;
            if let Some((h, v)) = row.get("id") {
                match d.resolve_id(kind, v) {
                    Ok(id) => {
                        if let Some(first) = seen_ids.insert(id, line) {
                            let detail = format!("the same id is on line {first}");
                            issues.invalid(Some(h), Invalid::new("id", Reason::Inconsistent { detail }));
                        }
                        existing_id = Some(id);
                    }
                    Err(e) => issues.error(Some(h), &e),
                }
            }
            let creating = existing_id.is_none() && row.get("id").is_none();

            let file_col = if kind == RecordKind::Detainee { "photo" } else { "logo" };
            let mut image = None;
            let mut image_sha = None;
            if let Some((h, name)) = row.get(file_col) {
                match find_photo(&photo_dir, name).and_then(|p| crate::media::import_file(&p).map(|img| (p, img))) {
                    Ok((p, img)) => {
                        image = Some(p);
                        image_sha = Some(img.sha256);
                    }
                    Err(e) => issues.error(Some(h), &e),
                }
            }

            let label;
            let mut changes = vec![];
            let mut duplicates = vec![];
            let mut action = if creating { Action::Create } else { Action::Update };
            let mut new_image = image.is_some();
            let item = match kind {
                RecordKind::Detainee => {
                    let (mut data, old) = match existing_id.map(|id| d.get::<Detainee>(id)) {
                        Some(Ok(s)) => (s.data.clone(), Some(s.data)),
                        Some(Err(e)) => return Err(e),
                        None => (Detainee::new("", Category::Civilian), None),
                    };
                    fill_detainee(&row, &mut data, creating, &mut issues);
                    if let Err(inv) = data.validate() {
                        issues.invalid(None, inv);
                    }
                    label = data.name.clone();
                    if let (Some(old), Some(id)) = (&old, existing_id) {
                        changes = changed_fields(old, &data);
                        if let Some(sha) = &image_sha {
                            let shas = match photo_shas.entry(id) {
                                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                                std::collections::hash_map::Entry::Vacant(e) => {
                                    e.insert(d.photos_of(id)?.into_iter().map(|m| m.data.sha256).collect())
                                }
                            };
                            new_image = !shas.contains(sha);
                        }
                    }
                    if creating && issues.list.is_empty() {
                        duplicates = index.find(&detainee_keys(&data), data.born, None, None);
                        let k =
                            Known { id: None, line: Some(line), name: data.name.clone(), born: data.born, city: None };
                        index.add(&detainee_keys(&data), k);
                    }
                    Pending::Detainee { id: existing_id, data, photo: image.filter(|_| new_image) }
                }
                _ => {
                    let (mut data, old) = match existing_id.map(|id| d.get::<Sponsor>(id)) {
                        Some(Ok(s)) => (s.data.clone(), Some(s.data)),
                        Some(Err(e)) => return Err(e),
                        None => (Sponsor::new("", SponsorKind::Ngo), None),
                    };
                    fill_sponsor(&row, &mut data, creating, &mut issues);
                    if let Err(inv) = data.validate() {
                        issues.invalid(None, inv);
                    }
                    label = data.name.clone();
                    if let Some(old) = &old {
                        changes = changed_fields(old, &data);
                        if let (Some(sha), Some(logo)) = (&image_sha, old.logo_id) {
                            new_image = d.get::<crate::model::Media>(logo).map(|m| &m.sha256 != sha).unwrap_or(true);
                        }
                    }
                    if creating && issues.list.is_empty() {
                        duplicates = index.find(&sponsor_keys(&data), None, data.city.as_deref(), None);
                        let k = Known {
                            id: None,
                            line: Some(line),
                            name: data.name.clone(),
                            born: None,
                            city: data.city.clone(),
                        };
                        index.add(&sponsor_keys(&data), k);
                    }
                    Pending::Sponsor { id: existing_id, data, logo: image.filter(|_| new_image) }
                }
            };
            if new_image && image_sha.is_some() && action == Action::Update {
                changes.push(file_col.to_owned());
            }
            if !errors.is_empty() {
                action = Action::Error;
                report.summary.errors += 1;
            } else if action == Action::Update && changes.is_empty() {
                action = Action::Skip;
                report.summary.skip += 1;
            } else if action == Action::Create && !duplicates.is_empty() {
                match opts.duplicates {
                    DuplicatePolicy::Refuse => report.summary.duplicates += 1,
                    DuplicatePolicy::Skip => {
                        action = Action::Skip;
                        report.summary.skip += 1;
                    }
                    DuplicatePolicy::Allow => report.summary.create += 1,
                }
            } else if action == Action::Create {
                report.summary.create += 1;
            } else {
                report.summary.update += 1;
            }
            if matches!(action, Action::Create | Action::Update) {
                pending.push((report.rows.len(), item));
            }
            report.rows.push(RowReport {
                sheet: table.sheet.clone(),
                line,
                kind,
                action,
                id: existing_id,
                label,
                changes,
                photo: row.get(file_col).map(|(_, v)| v.to_owned()),
                errors,
                duplicates,
            });
        }
    }
    Ok(ImportPlan { report, pending })
}

fn changed_fields<T: Serialize>(old: &T, new: &T) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return vec![];
    };
    b.iter().filter(|(k, v)| a.get(*k) != Some(*v)).map(|(k, _)| k.clone()).collect()
}

/// Writes a clean plan in one transaction: every row lands, or (on any failure, a full disk included) none.
pub fn apply_import(d: &mut Dossier, plan: ImportPlan) -> Result<ImportReport> {
    let ImportPlan { mut report, pending } = plan;
    if !report.is_clean() {
        return Err(report.refusal(Lang::En));
    }
    let created = d.transaction(|tx| {
        let mut ids = vec![];
        for (row, item) in pending {
            let id = match item {
                Pending::Detainee { id, data, photo } => {
                    let id = match id {
                        Some(id) => tx.update(id, data)?.id,
                        None => tx.insert(data)?.id,
                    };
                    if let Some(p) = photo {
                        let img = crate::media::import_file(&p)?;
                        let meta = media_record(&img, MediaRole::Photo, Some(id), Disclosure::default());
                        tx.insert_media(meta, &img.bytes, &img.thumb)?;
                    }
                    id
                }
                Pending::Sponsor { id, mut data, logo } => {
                    if let Some(p) = logo {
                        let img = crate::media::import_file(&p)?;
                        let meta = media_record(&img, MediaRole::Logo, None, Disclosure::PUBLIC);
                        data.logo_id = Some(tx.insert_media(meta, &img.bytes, &img.thumb)?.id);
                    }
                    match id {
                        Some(id) => tx.update(id, data)?.id,
                        None => tx.insert(data)?.id,
                    }
                }
            };
            ids.push((row, id));
        }
        Ok(ids)
    })?;
    for (row, id) in created {
        report.rows[row].id = Some(id);
    }
    report.applied = true;
    Ok(report)
}

/// Checks then imports a spreadsheet; refuses the whole file when any row is wrong or a possible duplicate.
pub fn import_spreadsheet(d: &mut Dossier, path: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let plan = plan_import(d, path, opts)?;
    if !plan.report.is_clean() {
        return Err(plan.report.refusal(opts.lang));
    }
    apply_import(d, plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_french_and_iso_forms() {
        assert_eq!(parse_date("09/11/2020").unwrap().to_string(), "2020-11-09");
        assert_eq!(parse_date("9/1/2020").unwrap().to_string(), "2020-01-09");
        assert_eq!(parse_date("09.11.2020").unwrap().to_string(), "2020-11-09");
        assert_eq!(parse_date("11/2020").unwrap().to_string(), "2020-11");
        assert_eq!(parse_date("~2020-11-09").unwrap().to_string(), "~2020-11-09");
        assert_eq!(parse_date("1990").unwrap().to_string(), "1990");
        for bad in ["31/02/1990", "2020/11/09", "hier", "09/11/20"] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn name_keys_ignore_spelling_script_and_order() {
        let k = name_key("Aram Haroutiounian");
        assert_eq!(k, name_key("Harutyunyan Aram"));
        assert_eq!(k, name_key("Арам Арутюнян"));
        assert_eq!(k, name_key("Արամ Հարությունյան"));
        assert_eq!(name_key("Élise Ter-Petrossian"), name_key("elise ter petrosian"));
        assert_ne!(name_key("Aram Tsutsakyan"), name_key("Arman Tsutsakyan"));
    }

    #[test]
    fn exported_formula_guards_are_removed() {
        assert_eq!(cell("'=1+1"), "=1+1");
        assert_eq!(cell("'-5"), "-5");
        assert_eq!(cell("'quoted'"), "'quoted'");
    }
}
