//! Writing files the user asked for (exports, documents, photos, templates) so that nothing half-written, nothing
//! readable by other users and nothing planted by them is ever involved.
//!
//! Every file is written to a new temporary file beside the target, created exclusively (`O_EXCL`, a random name:
//! a symlink planted at a predictable name cannot redirect the write) with mode 0600, flushed to disk, then given
//! its name. Without `replace` an existing file is never replaced, even one created meanwhile (the rename itself
//! refuses); with it, the rename replaces a previous file or symlink as one step, never writing through it.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Whether an existing file at the target may be replaced (the user confirmed it, e.g. `--force` or a save
/// dialog's question).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    Replace,
}

impl Existing {
    pub fn replace_if(force: bool) -> Existing {
        if force {
            Existing::Replace
        } else {
            Existing::Refuse
        }
    }
}

/// The folder a path is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Writes `path` whole or not at all, private to its owner. `write` gets a buffered writer over the temporary file.
pub fn write_new(
    path: &Path,
    existing: Existing,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let werr = |source: std::io::Error| Error::Write { path: path.to_owned(), source };
    if existing == Existing::Refuse && std::fs::symlink_metadata(path).is_ok() {
        return Err(Error::AlreadyExists(path.to_owned()));
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // tempfile creates with O_CREAT | O_EXCL and mode 0600 on Unix.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".part")
        .tempfile_in(parent_dir(path))
        .map_err(werr)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file());
        write(&mut w).map_err(werr)?;
        w.flush().map_err(werr)?;
    }
    tmp.as_file().sync_all().map_err(werr)?;
    let kept = match existing {
        Existing::Refuse => tmp.persist_noclobber(path),
        Existing::Replace => tmp.persist(path),
    };
    kept.map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => Error::AlreadyExists(path.to_owned()),
        _ => werr(e.error),
    })?;
    sync_dir(&parent_dir(path));
    Ok(())
}

/// Writes bytes with [`write_new`].
pub fn write_bytes(path: &Path, existing: Existing, bytes: &[u8]) -> Result<()> {
    write_new(path, existing, |w| w.write_all(bytes))
}

/// Makes a rename durable (best effort: not every system can open a folder).
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Where a new file called `name` goes in `dir` without replacing anything: `dir/name` when it is free, else
/// `stem (2).ext`, `stem (3).ext`… as browsers name a second download. Write it with [`Existing::Refuse`]: a file
/// that appears in between is refused, not replaced.
pub fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if std::fs::symlink_metadata(&first).is_err() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("a free name")
}

/// The application's identifier: the desktop app's bundle identifier (`src-tauri/tauri.conf.json`, checked by a
/// shell test) and the name of its data folder.
pub const APP_ID: &str = "org.libertas.dossier";

/// Where the app and the `dossier` command line keep the dossier unless told otherwise: `libertas.dossier` in the
/// application's data folder (`~/.local/share/org.libertas.dossier` on Linux, `~/Library/Application
/// Support/org.libertas.dossier` on macOS, `%APPDATA%\org.libertas.dossier` on Windows — where Tauri puts the app's
/// data). A dossier the command line created before both doors shared this place (in `directories`' project folder)
/// is still found there when the shared place holds none, so nothing is stranded.
pub fn default_dossier_path() -> PathBuf {
    const FILE: &str = "libertas.dossier";
    let shared = directories::BaseDirs::new().map(|b| b.data_dir().join(APP_ID).join(FILE));
    let earlier =
        directories::ProjectDirs::from("org", "Libertas", "Libertas Dossier").map(|d| d.data_dir().join(FILE));
    match (shared, earlier) {
        (Some(s), Some(e)) if !s.exists() && e.exists() => e,
        (Some(s), _) => s,
        (None, Some(e)) => e,
        (None, None) => PathBuf::from(FILE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_an_existing_file_or_symlink_and_replaces_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_bytes(&path, Existing::Refuse, b"one").unwrap();
        assert!(matches!(write_bytes(&path, Existing::Refuse, b"two"), Err(Error::AlreadyExists(_))));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_bytes(&path, Existing::Replace, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_and_a_planted_symlink_is_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"untouched").unwrap();
        let path = dir.path().join("export.json");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        assert!(matches!(write_bytes(&path, Existing::Refuse, b"secret"), Err(Error::AlreadyExists(_))));
        write_bytes(&path, Existing::Replace, b"secret").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"untouched", "the symlink's target is never written");
        assert!(!std::fs::symlink_metadata(&path).unwrap().file_type().is_symlink(), "the link itself is replaced");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("half.pdf");
        let err = write_new(&path, Existing::Refuse, |w| {
            w.write_all(b"partial")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_second_file_of_the_same_name_gets_a_number_and_nothing_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(free_name(dir.path(), "kakemono-essai.pdf"), dir.path().join("kakemono-essai.pdf"));
        std::fs::write(dir.path().join("kakemono-essai.pdf"), b"1").unwrap();
        assert_eq!(free_name(dir.path(), "kakemono-essai.pdf"), dir.path().join("kakemono-essai (2).pdf"));
        std::fs::write(dir.path().join("kakemono-essai (2).pdf"), b"2").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("/nonexistent", dir.path().join("kakemono-essai (3).pdf")).unwrap();
        assert_eq!(free_name(dir.path(), "kakemono-essai.pdf"), dir.path().join("kakemono-essai (4).pdf"));
        assert_eq!(free_name(dir.path(), "README"), dir.path().join("README"));
    }
}
