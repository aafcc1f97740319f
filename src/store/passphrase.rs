//! Changing the passphrase, so that the old one stops opening anything this dossier keeps.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use serde::Serialize;

use super::backup::is_auto_name;
use super::{cipher_key, remove_with_sidecars, set_key, Dossier, KeyCall};
use crate::error::{Error, Result};

/// What a passphrase change did to the automatic backups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PassphraseChange {
    /// Re-encrypted under the new passphrase.
    pub reencrypted: Vec<PathBuf>,
    /// Removed: they did not open with the current passphrase (made under an older one).
    pub removed: Vec<PathBuf>,
    /// The recovery file re-sealed for the new passphrase: the recovery sheets keep working (false when the
    /// dossier has no recovery sheets).
    pub recovery_resealed: bool,
}

/// Re-encrypts a dossier file from `current` to `new` in place (one transaction). `Ok(false)` when `current` does
/// not open it.
fn rekey_file(path: &Path, current: &str, new: &str) -> Result<bool> {
    let conn = super::open_connection(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    set_key(&conn, current)?;
    if conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).is_err() {
        return Ok(false);
    }
    cipher_key(&conn, new, KeyCall::Rekey)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    // Backups may be in WAL mode like the dossier: leave no page under the old key in a WAL.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(true)
}

impl Dossier {
    /// Whether `passphrase` opens this dossier's file (a second, read-only connection; nothing is written).
    pub(crate) fn proves_passphrase(&self, passphrase: &str) -> Result<bool> {
        let probe = super::open_connection(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        set_key(&probe, passphrase)?;
        Ok(probe.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).is_ok())
    }

    /// Re-encrypts the dossier under a new passphrase (`sqlite3_rekey_v2`, one transaction: a crash leaves the old
    /// passphrase valid), after proving `current`. Then nothing keeps the old key working here: the WAL is
    /// checkpointed and truncated (no page under the old key stays in it), and every automatic backup is
    /// re-encrypted under the new passphrase, or removed when it does not open with `current` (it was made under an
    /// even older one). Copies made elsewhere (`backup -o`, a USB key) keep the passphrase they were made with.
    pub fn change_passphrase(&mut self, current: &str, new: &str) -> Result<PassphraseChange> {
        super::strength::check_new(new, &super::strength_context(&self.path))?;
        // A wrong `current` must not get this far: it would make every backup look foreign, and remove it.
        let probe = super::open_connection(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        set_key(&probe, current)?;
        probe
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
            .map_err(|_| Error::WrongPassphrase(self.path.clone()))?;
        drop(probe);
        // Recovery sheets keep working: before the re-key, the recovery file holds both passphrases (a crash
        // in between leaves a file that still opens the dossier); after it, the new one only. A failure to write
        // it stops the change before anything else has changed.
        let recovery = crate::recovery::current_set(&self.conn)?;
        if let Some(set) = &recovery {
            crate::recovery::seal_file(&self.path, set, &[new, current])?;
        }
        cipher_key(&self.conn, new, KeyCall::Rekey)?;
        // Prove the new key reads the file.
        self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let mut change = PassphraseChange::default();
        if let Some(set) = &recovery {
            // Should this fail, the file written above still holds the new passphrase.
            let _ = crate::recovery::seal_file(&self.path, set, &[new]);
            change.recovery_resealed = true;
        }
        let dir = self.backup_dir();
        let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(change) };
        let mut autos: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter(|e| e.file_name().to_str().is_some_and(is_auto_name))
            .map(|e| e.path())
            .collect();
        autos.sort();
        for path in autos {
            if rekey_file(&path, current, new)? {
                change.reencrypted.push(path);
            } else {
                remove_with_sidecars(&path);
                change.removed.push(path);
            }
        }
        Ok(change)
    }
}

#[cfg(test)]
mod tests {
    /// After a change, no file here opens with the old passphrase: the automatic backups are re-encrypted (or
    /// removed when an even older one made them), the WAL holds no page under the old key.
    #[test]
    fn passphrase_change_reencrypts_automatic_backups_and_leaves_no_old_key_behind() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.dossier");
        let (first, second, third) = ("the first passphrase", "the second passphrase", "the third passphrase");
        let mut d = super::Dossier::create(&path, first).unwrap();
        d.set_setting("canary", "x").unwrap();
        let (older, _) = d.backup_auto().unwrap();
        d.change_passphrase(first, second).unwrap();
        let (recent, _) = d.backup_auto().unwrap();
        // `older` was re-encrypted by the first change; make one that only the first passphrase opens again.
        let stranded = d.backup_dir().join("backup-20000101T000000.000Z.dossier");
        std::fs::copy(&recent.path, &stranded).unwrap();
        assert!(super::rekey_file(&stranded, second, first).unwrap());
        assert!(matches!(
            d.change_passphrase("not the passphrase", third),
            Err(crate::error::Error::WrongPassphrase(_))
        ));
        let change = d.change_passphrase(second, third).unwrap();
        assert_eq!(change.reencrypted, [older.path.clone(), recent.path.clone()]);
        assert_eq!(
            change.removed,
            std::slice::from_ref(&stranded),
            "what the current passphrase cannot open is removed"
        );
        assert!(!stranded.exists());
        for p in [&path, &older.path, &recent.path] {
            assert!(
                matches!(crate::store::verify_file(p, second), Err(crate::error::Error::WrongPassphrase(_))),
                "{}",
                p.display()
            );
            assert!(
                matches!(crate::store::verify_file(p, first), Err(crate::error::Error::WrongPassphrase(_))),
                "{}",
                p.display()
            );
            crate::store::verify_file(p, third).unwrap();
        }
        let wal = std::fs::metadata(dir.path().join(std::ffi::OsStr::from_bytes(b"d.dossier-wal")));
        assert_eq!(wal.map(|m| m.len()).unwrap_or(0), 0, "the WAL is truncated after the re-key");
        drop(d);
        super::Dossier::open(&path, third).unwrap();
    }
}
