//! Moving data in and out: spreadsheet import (CSV, XLSX, ODS) with photos, CSV/XLSX exports, the lossless
//! JSON export and import, and the campaign website feed.
//!
//! Every write to the dossier goes through the store's transaction (one import, one transaction: all rows or
//! none). Files are written beside their destination and renamed into place, so a failure (a full disk) never
//! leaves a half-written export, and an existing file is replaced only when asked.

pub mod export;
pub mod import;
pub mod json;
pub mod table;
pub mod website;

use std::path::Path;

pub use export::{export_csv, export_csv_with, export_xlsx, export_xlsx_with, Confidential};
pub use import::{
    apply_import, apply_import_with, import_spreadsheet, plan_import, Action, DuplicatePolicy, ImportOptions,
    ImportPlan, ImportReport, RowChoice, RowDecision,
};
pub use json::{export_json, import_json, is_json, is_sealed, JsonImportReport, Seal};
pub use website::export_website;

use crate::error::{Error, Result};
use crate::files;
use crate::Dossier;

/// Writes `path` through [`files::write_new`] (private, whole or not at all, no symlink followed). Refuses an
/// existing file unless `force`, and never overwrites the dossier itself.
pub(crate) fn write_atomic(
    d: &Dossier,
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    if files::same_file(path, d.path()) {
        return Err(Error::AlreadyExists(path.to_owned()));
    }
    files::write_new(path, files::Existing::replace_if(force), write)
}
