//! Template folders: the effective templates written out for editing, edited ones read back, all of them checked.

use std::path::Path;

use crate::documents::kind;
use crate::error::{Error, Result};
use crate::Dossier;

/// Writes every effective template (the dossier's copy, else the default) into `dir` as `fr/…`, `en/…`, creating
/// the folders.
pub fn export_templates(d: &Dossier, dir: &Path) -> Result<()> {
    for name in kind::names() {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Write { path: parent.to_owned(), source })?;
        }
        // Exporting again into the same folder refreshes it (the user's way of starting an edit over).
        crate::files::write_bytes(&path, crate::files::Existing::Replace, d.template(name)?.as_bytes())?;
    }
    Ok(())
}

/// Reads the templates found in `dir` (known names only) and stores them; all are checked before any is stored.
/// Returns the names read. A folder holding none of them is refused.
pub fn import_templates(d: &mut Dossier, dir: &Path) -> Result<Vec<String>> {
    let mut found = vec![];
    for name in kind::names() {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(s) => found.push((name.to_owned(), s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(Error::Read { path, source }),
        }
    }
    if found.is_empty() {
        return Err(Error::Read {
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no template files (fr/agreement.md, ...)"),
        });
    }
    d.set_templates(&found)?;
    Ok(found.into_iter().map(|(name, _)| name).collect())
}

/// Checks every effective template (syntax and fields): each name with its error, if any.
pub fn check_templates(d: &Dossier) -> Result<Vec<(&'static str, Option<Error>)>> {
    kind::names().map(|name| Ok((name, kind::check(name, &d.template(name)?).err()))).collect()
}
