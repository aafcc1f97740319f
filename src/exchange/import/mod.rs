//! Importing detainees and sponsors from spreadsheets: column mapping, row checks, duplicate detection, photos
//! from a folder, and an all-or-nothing write.
//!
//! Duplicate rule: a row without an id whose name — in any of its scripts and spellings, folded (case, accents),
//! transliterated to Latin, with `ou`/`u`, `y`/`i`, `w`/`v` and doubled letters made alike and word order
//! ignored — equals a name of an existing record or of an earlier row is a *possible duplicate*, unless both
//! sides have a birth date (detainees) or a city (sponsors) and these cannot be the same. Possible duplicates are
//! reported with the other record's id (or line) and name, and the import refuses until the user decides: add the
//! existing id to the row (it then updates that record), or pass `DuplicatePolicy::Allow` (create anyway) or
//! `Skip` (leave those rows out) for the whole file, or decide row by row ([`RowDecision`], the app's wizard):
//! merge the row into one of the existing records it may double (the row fills that record's empty fields only,
//! through the one write path, so the history records it), keep both, or skip the row.
//!
//! Updates: a row with an id updates that record. Only non-empty cells of mapped columns change a field: an empty
//! cell leaves the field as it is (so a spreadsheet with fewer columns never erases anything).

mod columns;
mod duplicates;
mod kinds;
mod values;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::table::{read_tables, CsvFormat, SpreadsheetProblem, Table};
use crate::error::{Error, Invalid, Reason, Result};
use crate::i18n::{tr, Arg, Lang};
use crate::model::{Detainee, Disclosure, MediaRole, RecordKind, Sponsor};
use crate::store::media_record;
use crate::Dossier;
pub use columns::fields;
use columns::{key, map_columns, sheet_kind};
pub use duplicates::name_key;
use duplicates::DupIndex;
use kinds::{Importable, PhotoDigests};
pub use values::parse_date;
use values::{cell, Issues, Row};

/// What to do with rows that may be people or sponsors already in the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// What to do with one row that may double a record, decided by the user in the app's import wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RowChoice {
    /// Fill the empty fields of this existing record (one of the row's possible duplicates) from the row.
    Merge(Uuid),
    /// Create the row as a new record: the user checked they are different.
    KeepBoth,
    /// Leave the row out.
    Skip,
}

/// The decision for the row at `line` of `sheet` (None for a CSV file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowDecision {
    pub sheet: Option<String>,
    pub line: usize,
    pub choice: RowChoice,
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
    /// Decisions row by row for possible duplicates; they win over `duplicates` for their rows.
    pub decisions: Vec<RowDecision>,
    /// Language of the messages in the report.
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportAction"))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    /// Fills the empty fields of an existing record (`id`) from the row, as the user decided.
    Merge,
    Skip,
    Error,
}

/// A problem with one row, in the user's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowIssue {
    /// The column header concerned, when one is.
    pub column: Option<String>,
    pub message: String,
}

/// Another record, or an earlier row, that may be the same person or sponsor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PossibleDuplicate {
    /// The existing record's id; `None` when it is another row of the file.
    pub id: Option<Uuid>,
    /// The other row's line; `None` when it is a record of the dossier.
    pub line: Option<usize>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// For a row with possible duplicates: the row's values by field, to show beside the existing records.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<(String, String)>,
}

/// How one sheet's columns were understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SheetReport {
    pub sheet: Option<String>,
    /// `None` when the sheet was left out (e.g. a sponsorships sheet of an XLSX export).
    pub kind: Option<RecordKind>,
    /// CSV only: the encoding and separator found, language-neutral ("Windows-1252, semicolon"), for scripts.
    pub detected: Option<String>,
    /// CSV only: the same, structured, for a front door to put in words (`CsvFormat::in_words`).
    pub csv: Option<CsvFormat>,
    /// Each column with the field it fills (`None`: ignored).
    pub columns: Vec<(String, Option<String>)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    pub create: usize,
    pub update: usize,
    /// Rows merged into an existing record (decided row by row).
    pub merge: usize,
    pub skip: usize,
    pub errors: usize,
    /// Rows refused because they may double a record (with `DuplicatePolicy::Refuse`).
    pub duplicates: usize,
}

/// What an import does, or would do, row by row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
                problem: SpreadsheetProblem::NoSuchColumn { column: col.clone(), found: found.join(", ") },
            });
        }
    }

    let mut planner = Planner {
        d,
        opts,
        photo_dir,
        report: ImportReport {
            file: path.to_owned(),
            applied: false,
            duplicate_policy: opts.duplicates,
            sheets: vec![],
            rows: vec![],
            summary: Summary::default(),
        },
        pending: vec![],
        seen_ids: HashMap::new(),
        photo_digests: HashMap::new(),
    };
    let mut detainees: Option<DupIndex> = None;
    let mut sponsors: Option<DupIndex> = None;
    for table in &tables {
        let kind = match opts.kind.map(Some).or_else(|| sheet_kind(table, &opts.mapping)) {
            Some(Some(k)) if matches!(k, RecordKind::Detainee | RecordKind::Sponsor) => k,
            Some(Some(_)) | Some(None) if table.sheet.is_some() && opts.kind.is_none() => {
                planner.report.sheets.push(SheetReport {
                    sheet: table.sheet.clone(),
                    kind: None,
                    detected: None,
                    csv: None,
                    columns: vec![],
                });
                continue;
            }
            _ => {
                return Err(Error::Spreadsheet {
                    path: path.to_owned(),
                    problem: SpreadsheetProblem::UnknownKind { sheet: table.sheet.clone() },
                })
            }
        };
        let fields = map_columns(path, table, kind, &opts.mapping)?;
        planner.report.sheets.push(SheetReport {
            sheet: table.sheet.clone(),
            kind: Some(kind),
            detected: table.detected.as_ref().map(CsvFormat::summary),
            csv: table.detected.clone(),
            columns: table.headers.iter().cloned().zip(fields.iter().map(|f| f.map(str::to_owned))).collect(),
        });
        match kind {
            RecordKind::Detainee => planner.sheet::<Detainee>(table, &fields, &mut detainees)?,
            _ => planner.sheet::<Sponsor>(table, &fields, &mut sponsors)?,
        }
    }
    Ok(ImportPlan { report: planner.report, pending: planner.pending })
}

/// The dry run under way: the report and the writes so far, and what later rows are compared with.
struct Planner<'a> {
    d: &'a Dossier,
    opts: &'a ImportOptions,
    photo_dir: PathBuf,
    report: ImportReport,
    pending: Vec<(usize, Pending)>,
    /// Each id given in the file, with its first line: an id twice is refused.
    seen_ids: HashMap<Uuid, usize>,
    photo_digests: PhotoDigests,
}

impl Planner<'_> {
    /// Plans every row of a sheet of `T`s. `index` holds the dossier's `T`s (read on the first sheet of `T`s)
    /// and the earlier rows.
    fn sheet<T: Importable>(
        &mut self,
        table: &Table,
        fields: &[Option<&'static str>],
        index: &mut Option<DupIndex>,
    ) -> Result<()> {
        let index = match index {
            Some(ix) => ix,
            None => {
                let mut ix = DupIndex::default();
                for r in self.d.list::<T>()? {
                    ix.add(&r.name_keys(), r.known(Some(r.id), None));
                }
                index.insert(ix)
            }
        };
        for (line, cells) in &table.rows {
            self.row::<T>(table, fields, *line, cells, index)?;
        }
        Ok(())
    }

    fn row<T: Importable>(
        &mut self,
        table: &Table,
        fields: &[Option<&'static str>],
        line: usize,
        cells: &[String],
        index: &mut DupIndex,
    ) -> Result<()> {
        let (d, kind) = (self.d, T::KIND);
        let mut errors = vec![];
        let mut issues = Issues { lang: self.opts.lang, list: &mut errors };
        let mut values = BTreeMap::new();
        for (i, c) in cells.iter().enumerate() {
            match fields.get(i) {
                Some(Some(f)) => {
                    values.insert(*f, (table.headers[i].as_str(), cell(c).to_owned()));
                }
                Some(None) => {}
                None if !c.trim().is_empty() => {
                    let reason = Reason::ExtraCells { cells: cells.len(), columns: table.headers.len() };
                    issues.invalid(None, Invalid::new("row", reason));
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
                    if let Some(first) = self.seen_ids.insert(id, line) {
                        issues.invalid(Some(h), Invalid::new("id", Reason::IdOnLine { line: first }));
                    }
                    existing_id = Some(id);
                }
                Err(e) => issues.error(Some(h), &e),
            }
        }
        let creating = existing_id.is_none() && row.get("id").is_none();

        let mut image = None;
        let mut image_sha = None;
        if let Some((h, name)) = row.get(T::IMAGE_COLUMN) {
            match find_photo(&self.photo_dir, name).and_then(|p| crate::media::import_file(&p).map(|img| (p, img))) {
                Ok((p, img)) => {
                    image = Some(p);
                    image_sha = Some(img.sha256);
                }
                Err(e) => issues.error(Some(h), &e),
            }
        }

        let mut changes = vec![];
        let mut duplicates = vec![];
        let mut action = if creating { Action::Create } else { Action::Update };
        let mut new_image = image.is_some();
        let (mut data, old) = match existing_id.map(|id| d.get::<T>(id)) {
            Some(Ok(s)) => (s.data.clone(), Some(s.data)),
            Some(Err(e)) => return Err(e),
            None => (T::blank(), None),
        };
        data.fill(&row, creating, &mut issues);
        if let Err(inv) = data.validate() {
            issues.invalid(None, inv);
        }
        let label = data.name().to_owned();
        if let (Some(old), Some(id)) = (&old, existing_id) {
            changes = changed_fields(old, &data);
            if let Some(sha) = &image_sha {
                new_image = old.image_is_new(d, id, sha, &mut self.photo_digests)?;
            }
        }
        if creating && issues.list.is_empty() {
            let (keys, known) = (data.name_keys(), data.known(None, Some(line)));
            duplicates = index.find(&keys, known.born, known.city.as_deref(), None);
            index.add(&keys, known);
        }
        // The user's decision for this row, if it may double a record.
        let decision = match duplicates.is_empty() {
            true => None,
            false => self.opts.decisions.iter().find(|r| r.line == line && r.sheet == table.sheet).map(|r| r.choice),
        };
        let mut merged_into = None;
        if let Some(RowChoice::Merge(target)) = decision {
            if !duplicates.iter().any(|dup| dup.id == Some(target)) {
                issues.invalid(None, Invalid::new("id", Reason::NotADuplicate));
            } else {
                let existing = d.get::<T>(target)?.data;
                let mut merged = merge_empty_fields(&existing, &data)?;
                if let Err(inv) = merged.validate() {
                    issues.invalid(None, inv);
                }
                changes = changed_fields(&existing, &merged);
                if let Some(sha) = &image_sha {
                    new_image = existing.image_is_new(d, target, sha, &mut self.photo_digests)?
                        && existing.takes_image_on_merge();
                }
                data = merged;
                merged_into = Some(target);
            }
        }
        let target_id = merged_into.or(existing_id);
        let item = data.pending(target_id, image.filter(|_| new_image));

        let summary = &mut self.report.summary;
        if new_image && image_sha.is_some() && (action == Action::Update || merged_into.is_some()) {
            changes.push(T::IMAGE_COLUMN.to_owned());
        }
        if !errors.is_empty() {
            action = Action::Error;
            summary.errors += 1;
        } else if action == Action::Update && changes.is_empty() {
            action = Action::Skip;
            summary.skip += 1;
        } else if action == Action::Create && !duplicates.is_empty() {
            match (decision, self.opts.duplicates) {
                (Some(RowChoice::Merge(_)), _) if changes.is_empty() => {
                    // Nothing the row has is missing from the record: merging changes nothing.
                    action = Action::Skip;
                    summary.skip += 1;
                }
                (Some(RowChoice::Merge(_)), _) => {
                    action = Action::Merge;
                    summary.merge += 1;
                }
                (Some(RowChoice::KeepBoth), _) | (None, DuplicatePolicy::Allow) => summary.create += 1,
                (Some(RowChoice::Skip), _) | (None, DuplicatePolicy::Skip) => {
                    action = Action::Skip;
                    summary.skip += 1;
                }
                (None, DuplicatePolicy::Refuse) => summary.duplicates += 1,
            }
        } else if action == Action::Create {
            summary.create += 1;
        } else {
            summary.update += 1;
        }
        if matches!(action, Action::Create | Action::Update | Action::Merge) {
            self.pending.push((self.report.rows.len(), item));
        }
        self.report.rows.push(RowReport {
            sheet: table.sheet.clone(),
            line,
            kind,
            action,
            id: target_id,
            label,
            changes,
            photo: row.get(T::IMAGE_COLUMN).map(|(_, v)| v.to_owned()),
            errors,
            values: match duplicates.is_empty() {
                true => vec![],
                false => row
                    .values
                    .iter()
                    .filter(|(_, (_, v))| !v.trim().is_empty())
                    .map(|(f, (_, v))| ((*f).to_owned(), v.clone()))
                    .collect(),
            },
            duplicates,
        });
        Ok(())
    }
}

/// `existing` with each field it leaves empty (null, empty text, empty list) taken from `row`, where the row gives
/// one: what merging a row into a record it doubles does. Nothing the record holds is overwritten.
fn merge_empty_fields<T: Importable>(existing: &T, row: &T) -> Result<T> {
    let as_object = |v: &T| match serde_json::to_value(v) {
        Ok(serde_json::Value::Object(m)) => Ok(m),
        Ok(_) => Err(Error::Corrupt("a record is not a JSON object".into())),
        Err(e) => Err(Error::Corrupt(e.to_string())),
    };
    let empty = |v: &serde_json::Value| match v {
        serde_json::Value::Null => true,
        serde_json::Value::String(s) => s.trim().is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Object(o) => o.is_empty(),
        _ => false,
    };
    let (mut out, given, blank) = (as_object(existing)?, as_object(row)?, as_object(&T::blank())?);
    for (k, v) in given {
        // Only what the row itself gave: a blank record's defaults are not the row's values.
        if empty(&v) || blank.get(&k) == Some(&v) {
            continue;
        }
        if out.get(&k).is_none_or(empty) {
            out.insert(k, v);
        }
    }
    serde_json::from_value(serde_json::Value::Object(out)).map_err(|e| Error::Corrupt(e.to_string()))
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
    apply_import_with(d, plan, |_, _| true)
}

/// [`apply_import`], calling `progress(rows written, rows to write)` before each row and once at the end; when it
/// returns false the transaction is rolled back (nothing is written) and the import ends with [`Error::Cancelled`].
pub fn apply_import_with(
    d: &mut Dossier,
    plan: ImportPlan,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Result<ImportReport> {
    let ImportPlan { mut report, pending } = plan;
    if !report.is_clean() {
        return Err(report.refusal(Lang::En));
    }
    let total = pending.len();
    let created = d.transaction(|tx| {
        let mut ids = vec![];
        for (done, (row, item)) in pending.into_iter().enumerate() {
            if !progress(done, total) {
                return Err(Error::Cancelled);
            }
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
        if !progress(total, total) {
            return Err(Error::Cancelled);
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
