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

mod columns;
mod duplicates;
mod kinds;
mod values;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use uuid::Uuid;

use super::table::{read_tables, SpreadsheetProblem, Table};
use crate::error::{Error, Invalid, Reason, Result};
use crate::i18n::{tr, Arg, Lang};
use crate::model::{Detainee, Disclosure, MediaRole, RecordKind, Sponsor};
use crate::store::media_record;
use crate::Dossier;
use columns::{key, map_columns, sheet_kind};
pub use duplicates::name_key;
use duplicates::DupIndex;
use kinds::{Importable, PhotoDigests};
pub use values::parse_date;
use values::{cell, Issues, Row};

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
            detected: table.detected.clone(),
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
        let item = data.pending(existing_id, image.filter(|_| new_image));

        let summary = &mut self.report.summary;
        if new_image && image_sha.is_some() && action == Action::Update {
            changes.push(T::IMAGE_COLUMN.to_owned());
        }
        if !errors.is_empty() {
            action = Action::Error;
            summary.errors += 1;
        } else if action == Action::Update && changes.is_empty() {
            action = Action::Skip;
            summary.skip += 1;
        } else if action == Action::Create && !duplicates.is_empty() {
            match self.opts.duplicates {
                DuplicatePolicy::Refuse => summary.duplicates += 1,
                DuplicatePolicy::Skip => {
                    action = Action::Skip;
                    summary.skip += 1;
                }
                DuplicatePolicy::Allow => summary.create += 1,
            }
        } else if action == Action::Create {
            summary.create += 1;
        } else {
            summary.update += 1;
        }
        if matches!(action, Action::Create | Action::Update) {
            self.pending.push((self.report.rows.len(), item));
        }
        self.report.rows.push(RowReport {
            sheet: table.sheet.clone(),
            line,
            kind,
            action,
            id: existing_id,
            label,
            changes,
            photo: row.get(T::IMAGE_COLUMN).map(|(_, v)| v.to_owned()),
            errors,
            duplicates,
        });
        Ok(())
    }
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
