//! Data in and out as both doors offer it: the import wizard's steps (what a chosen file is, the dry run with the
//! records a row may double shown beside it, the import applied with progress), and the exports (CSV, XLSX, the
//! full JSON export, the website feed). The CLI's `import` and `export` and the app's wizard and export dialog call
//! these; what each door adds is only how it asks (flags, dialogs) and how it shows the result.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::documents::context::{category_label, sex_label, sponsor_kind_label, status_label};
use crate::error::{Error, Result};
use crate::exchange::{self, Confidential, ImportOptions, ImportReport, JsonImportReport, RowDecision, Seal};
use crate::i18n::Lang;
use crate::model::{Detainee, RecordKind, Sponsor};
use crate::Dossier;

/// Largest number of columns a mapping names, of decisions a wizard sends, and the longest header or field name.
pub const MAX_MAPPING: usize = 400;
pub const MAX_DECISIONS: usize = 200_000;
pub const MAX_HEADER: usize = 500;

/// What a file chosen for import is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportFile {
    /// The file's name (not its path), to show.
    pub name: String,
    /// A JSON export (sealed or not): imported without a mapping step.
    pub json: bool,
    /// A sealed export: its passphrase is needed.
    pub sealed: bool,
}

pub fn import_file(path: &Path) -> ImportFile {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let sealed = exchange::is_sealed(path);
    ImportFile { name, json: sealed || exchange::is_json(path), sealed }
}

/// What the user chose in the wizard: the kind of record (None: told from the sheets), column overrides
/// (`(header, field)`, an empty field ignores the column) and the decision for each possible duplicate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportRequest {
    pub kind: Option<RecordKind>,
    pub mapping: Vec<(String, String)>,
    pub decisions: Vec<RowDecision>,
}

impl ImportRequest {
    /// Whether the request is within the sizes a wizard can send (checked before anything is read).
    pub fn within_limits(&self) -> bool {
        self.mapping.len() <= MAX_MAPPING
            && self.mapping.iter().all(|(c, f)| c.len() <= MAX_HEADER && f.len() <= MAX_HEADER)
            && self.decisions.len() <= MAX_DECISIONS
            && self.decisions.iter().all(|d| d.sheet.as_ref().is_none_or(|s| s.len() <= MAX_HEADER))
            && self.kind.is_none_or(|k| matches!(k, RecordKind::Detainee | RecordKind::Sponsor))
    }

    fn options(&self, photos: Option<PathBuf>, lang: Lang) -> ImportOptions {
        ImportOptions {
            photos,
            mapping: self.mapping.clone(),
            kind: self.kind,
            duplicates: exchange::DuplicatePolicy::Refuse,
            decisions: self.decisions.clone(),
            lang,
        }
    }
}

/// An existing record a row may double, as the wizard shows it beside the row: its fields by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExistingRecord {
    pub id: Uuid,
    pub kind: RecordKind,
    pub name: String,
    /// `(field, value)` of the fields an import could fill, those with a value.
    pub values: Vec<(String, String)>,
}

/// The wizard's dry run: the report, the records the rows may double, and the fields each sheet's columns can map to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportPreview {
    pub report: ImportReport,
    pub existing: Vec<ExistingRecord>,
    pub detainee_fields: Vec<String>,
    pub sponsor_fields: Vec<String>,
}

/// The fields of a stored record an import reads, with their values as text (the same slugs as the columns).
fn record_values<T: Serialize>(record: &T, fields: &[&str]) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(m)) = serde_json::to_value(record) else { return vec![] };
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) if s.trim().is_empty() => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(a) if a.is_empty() => None,
        serde_json::Value::Array(a) => Some(
            a.iter()
                .map(|x| x.as_str().map(str::to_owned).unwrap_or_else(|| x.to_string()))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => Some(other.to_string()),
    };
    fields.iter().filter_map(|f| m.get(*f).and_then(text).map(|v| ((*f).to_owned(), v))).collect()
}

/// Shows a choice as the user's words ("Prisonnier de guerre") rather than its slug ("pow").
fn in_words(values: &mut [(String, String)], field: &str, words: String) {
    if let Some((_, v)) = values.iter_mut().find(|(f, _)| f == field) {
        *v = words;
    }
}

/// Reads and checks a spreadsheet without writing anything, for the wizard: the report, and each existing record
/// a row may double.
pub fn import_preview(
    d: &Dossier,
    path: &Path,
    request: &ImportRequest,
    photos: Option<PathBuf>,
    lang: Lang,
) -> Result<ImportPreview> {
    let plan = exchange::plan_import(d, path, &request.options(photos, lang))?;
    let report = plan.report;
    let mut existing: Vec<ExistingRecord> = vec![];
    for row in &report.rows {
        for dup in &row.duplicates {
            let Some(id) = dup.id else { continue };
            if existing.iter().any(|e| e.id == id) {
                continue;
            }
            let record = match row.kind {
                RecordKind::Sponsor => {
                    let s = d.get::<Sponsor>(id)?;
                    let mut values = record_values(&s.data, &exchange::import::fields(RecordKind::Sponsor));
                    if let Some(sig) = &s.data.signatory {
                        values.push(("signatory".into(), sig.name.clone()));
                    }
                    in_words(&mut values, "kind", sponsor_kind_label(s.data.kind, lang));
                    ExistingRecord { id, kind: RecordKind::Sponsor, name: s.data.name.clone(), values }
                }
                _ => {
                    let p = d.get::<Detainee>(id)?;
                    let mut values = record_values(&p.data, &exchange::import::fields(RecordKind::Detainee));
                    if let Some(status) = p.data.status() {
                        values.push(("status".into(), status_label(status, lang)));
                    }
                    in_words(&mut values, "category", category_label(p.data.category, lang));
                    if let Some(sex) = p.data.sex {
                        in_words(&mut values, "sex", sex_label(sex, lang));
                    }
                    ExistingRecord { id, kind: RecordKind::Detainee, name: p.data.name.clone(), values }
                }
            };
            existing.push(record);
        }
    }
    let names = |k| exchange::import::fields(k).into_iter().map(str::to_owned).collect();
    Ok(ImportPreview {
        report,
        existing,
        detainee_fields: names(RecordKind::Detainee),
        sponsor_fields: names(RecordKind::Sponsor),
    })
}

/// Checks the spreadsheet again and, when every row is clean and every possible duplicate decided, writes it in one
/// transaction, calling `progress(done, total)` per row (false cancels: nothing is written). A refused import
/// names its rows and writes nothing.
pub fn import_apply(
    d: &mut Dossier,
    path: &Path,
    request: &ImportRequest,
    photos: Option<PathBuf>,
    lang: Lang,
    progress: impl FnMut(usize, usize) -> bool,
) -> Result<ImportReport> {
    let plan = exchange::plan_import(d, path, &request.options(photos, lang))?;
    if !plan.report.is_clean() {
        return Err(plan.report.refusal(lang));
    }
    exchange::apply_import_with(d, plan, progress)
}

/// The JSON export's dry run (`apply` false) or import, a sealed one opened with `passphrase`.
pub fn import_json(d: &mut Dossier, path: &Path, passphrase: Option<&str>, apply: bool) -> Result<JsonImportReport> {
    exchange::import_json(d, path, !apply, passphrase)
}

/// Which export the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// One kind of record as CSV (`kind` detainee, sponsor or sponsorship).
    Csv,
    Xlsx,
    /// The full, lossless export (family contacts included), sealed under a passphrase unless `plaintext`.
    Json,
    /// The campaign website feed, into a folder: public and consented data only.
    Website,
}

/// An export as the app's dialog asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// CSV only: which records.
    pub kind: RecordKind,
    /// CSV only: semicolons (French Excel).
    pub semicolon: bool,
    /// CSV and XLSX: the confidential data the user ticked.
    pub confidential: Confidential,
    /// JSON only: readable instead of sealed (the user ticked it after the warning).
    pub plaintext: bool,
}

impl ExportRequest {
    pub fn is_valid(&self) -> bool {
        self.format != ExportFormat::Csv
            || matches!(self.kind, RecordKind::Detainee | RecordKind::Sponsor | RecordKind::Sponsorship)
    }

    /// The file (or folder) name the save dialog proposes.
    pub fn file_name(&self, lang: Lang, today: chrono::NaiveDate) -> String {
        let day = today.format("%Y-%m-%d");
        let what = match (self.format, self.kind, lang) {
            (ExportFormat::Csv, RecordKind::Sponsor, Lang::Fr) => "parrains",
            (ExportFormat::Csv, RecordKind::Sponsor, Lang::En) => "sponsors",
            (ExportFormat::Csv, RecordKind::Sponsorship, Lang::Fr) => "parrainages",
            (ExportFormat::Csv, RecordKind::Sponsorship, Lang::En) => "sponsorships",
            (ExportFormat::Csv, _, Lang::Fr) => "detenus",
            (ExportFormat::Csv, _, Lang::En) => "detainees",
            (ExportFormat::Website, _, _) => "site",
            _ => "libertas",
        };
        match self.format {
            ExportFormat::Csv => format!("{what}-{day}.csv"),
            ExportFormat::Xlsx => format!("{what}-{day}.xlsx"),
            ExportFormat::Json if self.plaintext => format!("{what}-{day}.json"),
            ExportFormat::Json => format!("{what}-{day}.json.age"),
            ExportFormat::Website => format!("{what}-{day}"),
        }
    }
}

/// The passphrase a sealed JSON export is sealed under, typed twice: as strong as any new passphrase.
pub fn check_export_passphrase(passphrase: &str, confirm: &str) -> Result<()> {
    if passphrase != confirm {
        return Err(Error::PassphraseMismatch);
    }
    crate::store::strength::check_new(passphrase, &[])
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Exported {
    pub path: PathBuf,
    /// Rows (CSV), detainees (XLSX, website feed) or records (JSON).
    pub count: usize,
}

/// Writes the export to `path` (a file; the website feed's folder). `replace`: the user confirmed replacing an
/// existing file in the save dialog. `passphrase` seals the JSON export (required unless plaintext).
pub fn export(
    d: &Dossier,
    request: &ExportRequest,
    path: &Path,
    replace: bool,
    passphrase: Option<&str>,
    lang: Lang,
) -> Result<Exported> {
    if !request.is_valid() {
        return Err(Error::Corrupt("no such export".into()));
    }
    let count = match request.format {
        ExportFormat::Csv => {
            exchange::export_csv_with(d, request.kind, path, request.semicolon, replace, request.confidential)?
        }
        ExportFormat::Xlsx => {
            exchange::export_xlsx_with(d, path, lang, replace, request.confidential)?;
            d.counts()?.detainees as usize
        }
        ExportFormat::Json if request.plaintext => exchange::export_json(d, path, replace, Seal::Plaintext)?,
        ExportFormat::Json => {
            let pass = passphrase.ok_or_else(|| Error::SealedExport(path.to_owned()))?;
            exchange::export_json(d, path, replace, Seal::Passphrase(pass))?
        }
        ExportFormat::Website => exchange::export_website(d, path)?.detainees.len(),
    };
    Ok(Exported { path: path.to_owned(), count })
}
