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

use std::io::Write;
use std::path::Path;

pub use export::{export_csv, export_xlsx};
pub use import::{
    apply_import, import_spreadsheet, plan_import, DuplicatePolicy, ImportOptions, ImportPlan, ImportReport,
};
pub use json::{export_json, import_json, is_json, JsonImportReport};
pub use website::export_website;

use crate::error::{Error, Result};
use crate::Dossier;

/// Writes `path` through a temporary file in the same folder, renamed into place once complete. Refuses an
/// existing file unless `force`, and never overwrites the dossier itself.
pub(crate) fn write_atomic(
    d: &Dossier,
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y);
    if path.exists() && (!force || same(path, d.path())) {
        return Err(Error::AlreadyExists(path.to_owned()));
    }
    let err = |source| Error::Write { path: path.to_owned(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut w = std::io::BufWriter::new(file);
        write(&mut w)?;
        w.flush()?;
        w.get_ref().sync_all()?;
        drop(w);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}
