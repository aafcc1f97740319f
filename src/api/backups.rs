//! Backups as both doors offer them: the automatic backups listed (date, size), one verified, one restored, a
//! backup written where the user chooses with the recovery file beside it, and compaction. Automatic backups are
//! named by their file name only, which the core checks against its own listing: a name from the webview never
//! reaches outside the backup folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{self, BackupInfo, Restored};
use crate::Dossier;

/// One automatic backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupEntry {
    /// The file name in the backup folder (how the app refers to it).
    pub name: String,
    /// When it was made (from its name).
    pub made_at: Option<DateTime<Utc>>,
    pub bytes: u64,
}

/// When an automatic backup named `backup-YYYYMMDDTHHMMSS.mmmZ.dossier` was made.
fn made_at(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix("backup-")?.strip_suffix("Z.dossier")?;
    NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%.3f").ok().map(|t| t.and_utc())
}

/// The automatic backups, newest first.
pub fn backups(d: &Dossier) -> Result<Vec<BackupEntry>> {
    Ok(d.auto_backups()?
        .into_iter()
        .map(|(name, _, bytes)| BackupEntry { made_at: made_at(&name), name, bytes })
        .collect())
}

/// Verifies the automatic backup `name` with the dossier's own key (no passphrase needed): it opens and every
/// check passes.
pub fn verify_backup(d: &Dossier, name: &str) -> Result<BackupInfo> {
    let path = d.auto_backup_path(name)?;
    d.verify_backup(&path)
}

/// A backup written where the user chose.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupCopy {
    pub info: BackupInfo,
    /// Where the recovery file was copied (`<backup>.recovery`), when the dossier has one: without it the
    /// recovery sheets could not reopen the backup.
    pub recovery: Option<PathBuf>,
}

/// Writes a verified backup to `target` (never replacing a file) and copies the dossier's recovery file beside it.
pub fn backup_to(d: &Dossier, target: &Path) -> Result<BackupCopy> {
    let source = crate::recovery::sidecar_path(d.path());
    // Read before the backup is written: a recovery file that cannot be read stops it before anything is written.
    let recovery_bytes = match std::fs::read(&source) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source_err) => return Err(Error::Read { path: source, source: source_err }),
    };
    let to = crate::recovery::sidecar_path(target);
    if recovery_bytes.is_some() && std::fs::symlink_metadata(&to).is_ok() {
        return Err(Error::AlreadyExists(to));
    }
    let info = d.backup(target)?;
    let recovery = match recovery_bytes {
        Some(bytes) => {
            crate::files::write_bytes(&to, crate::files::Existing::Refuse, &bytes)?;
            Some(to)
        }
        None => None,
    };
    Ok(BackupCopy { info, recovery })
}

/// Restores `source` as the dossier at `target`, which must not be open: verified first with `passphrase`, the
/// current dossier (and its recovery file, when the backup brings one) moved aside, never overwritten.
pub fn restore_backup(source: &Path, target: &Path, passphrase: &str) -> Result<Restored> {
    store::restore(source, target, passphrase)
}

/// Rebuilds the dossier file without free pages.
pub fn compact(d: &mut Dossier) -> Result<u64> {
    d.compact()?;
    Ok(std::fs::metadata(d.path()).map(|m| m.len()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_date_is_read_from_the_name() {
        let t = super::made_at("backup-20260102T030405.678Z.dossier").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-01-02T03:04:05.678+00:00");
        assert!(super::made_at("other.dossier").is_none());
    }
}
