//! Protecting the dossier file: integrity checks, a content digest, verified encrypted backups, rotating
//! automatic backups, restore, and changing the passphrase.
//!
//! SQLCipher disables SQLite's backup API on encrypted databases, so a backup is made with `sqlcipher_export`
//! into an attached encrypted database (keyed like the dossier), written beside the target under a temporary
//! name, synced, checked (`integrity_check`, `cipher_integrity_check`, foreign keys, and a SHA-256 digest of every
//! row compared with the dossier's), and only then renamed into place without ever replacing an existing file.

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::{params, Connection, OpenFlags};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{remove_with_sidecars, set_key, Dossier};
use crate::error::{BackupProblem, Error, Result};

/// The setting holding how many automatic backups to keep.
pub const KEEP_SETTING: &str = "backup.keep";
/// Automatic backups kept when the setting is absent.
pub const DEFAULT_KEEP: usize = 10;
/// Name prefix and extension of automatic backups; rotation only ever removes files named this way.
const AUTO_PREFIX: &str = "backup-";
const AUTO_EXT: &str = ".dossier";
/// The schema name under which a copy is attached to the dossier's connection.
const COPY: &str = "protect_copy";

/// What the integrity checks found. Empty lists mean no problem.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckReport {
    /// `PRAGMA integrity_check`: structure of every b-tree and index.
    pub integrity: Vec<String>,
    /// `PRAGMA cipher_integrity_check`: every page's HMAC (tampering or bit rot in the encrypted file).
    pub cipher: Vec<String>,
    /// `PRAGMA foreign_key_check`: references to records that do not exist.
    pub foreign_keys: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.cipher.is_empty() && self.foreign_keys.is_empty()
    }

    /// Every problem, one line each.
    pub fn problems(&self) -> Vec<String> {
        self.integrity.iter().chain(&self.cipher).chain(&self.foreign_keys).cloned().collect()
    }

    /// The problems as a backup's refusal: how many, and SQLite's words as the technical detail.
    pub fn damage(&self) -> BackupProblem {
        let problems = self.problems();
        BackupProblem::Damaged { count: problems.len(), detail: problems.join("; ") }
    }
}

/// A backup that was written and verified.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    pub path: PathBuf,
    /// SHA-256 over every row of every table (hex); equal for the dossier and its copy.
    pub digest: String,
    pub bytes: u64,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Restored {
    pub target: PathBuf,
    pub digest: String,
    /// Where the dossier that was at the target before now is, if there was one.
    pub set_aside: Option<PathBuf>,
}

impl Dossier {
    /// Runs SQLite's and SQLCipher's integrity checks and the foreign-key check on the open dossier.
    pub fn check(&self) -> Result<CheckReport> {
        check_schema(&self.conn, "main")
    }

    /// SHA-256 over the schema version and every row of every table, independent of the rows' physical order.
    pub fn digest(&self) -> Result<String> {
        digest_schema(&self.conn, "main")
    }

    /// Writes an encrypted copy of the dossier (same passphrase) to `target`, verifies it, and only then gives
    /// it its name. Refuses to replace an existing file; leaves nothing behind on failure.
    pub fn backup(&self, target: &Path) -> Result<BackupInfo> {
        if target.exists() {
            return Err(Error::AlreadyExists(target.to_owned()));
        }
        let tmp = temp_beside(target)?;
        let guard = Sidecars(tmp.to_path_buf());
        export(&self.conn, &tmp, None)?;
        sync_file(&tmp)?;
        // Read it back from disk through a fresh attachment: decrypts, checks, same content.
        attach(&self.conn, &tmp, None)?;
        let verdict = (|| {
            let report = check_schema(&self.conn, COPY)?;
            let copy = digest_schema(&self.conn, COPY)?;
            Ok::<_, Error>((report, copy))
        })();
        detach(&self.conn)?;
        let (report, copy) = verdict?;
        let digest = self.digest()?;
        if !report.is_ok() || copy != digest {
            let problem = if report.is_ok() { BackupProblem::DiffersFromDossier } else { report.damage() };
            return Err(Error::BadBackup { path: target.to_owned(), problem });
        }
        persist(tmp, target)?;
        drop(guard);
        let bytes = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo { path: target.to_owned(), digest, bytes })
    }

    /// The folder of automatic backups: `<dossier>.backups/` beside the dossier.
    pub fn backup_dir(&self) -> PathBuf {
        let mut p = self.path.as_os_str().to_owned();
        p.push(".backups");
        PathBuf::from(p)
    }

    /// How many automatic backups to keep (setting `backup.keep`, default 10, at least 1).
    pub fn backup_keep(&self) -> Result<usize> {
        Ok(self.setting(KEEP_SETTING)?.and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(DEFAULT_KEEP).max(1))
    }

    pub fn set_backup_keep(&mut self, keep: usize) -> Result<()> {
        self.set_setting(KEEP_SETTING, &keep.max(1).to_string())
    }

    /// An automatic backup (the desktop app makes one on close): a timestamped, verified copy in
    /// [`Dossier::backup_dir`], then the oldest automatic backups beyond `backup.keep` are removed.
    /// Returns the new backup and the removed files.
    pub fn backup_auto(&self) -> Result<(BackupInfo, Vec<PathBuf>)> {
        let dir = self.backup_dir();
        create_private_dir(&dir)?;
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let info = self.backup(&dir.join(format!("{AUTO_PREFIX}{stamp}{AUTO_EXT}")))?;
        let removed = Dossier::rotate_backups(&dir, self.backup_keep()?)?;
        Ok((info, removed))
    }

    /// Keeps the `keep` newest automatic backups in `dir` (at least one) and removes older ones. Only files named
    /// as automatic backups are considered: nothing else in the folder is touched.
    pub fn rotate_backups(dir: &Path, keep: usize) -> Result<Vec<PathBuf>> {
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_owned(), source })?;
        let mut autos: Vec<(String, PathBuf)> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_owned();
                is_auto_name(&name).then(|| (name, e.path()))
            })
            .collect();
        // The names hold a fixed-width UTC timestamp: name order is age order.
        autos.sort();
        let excess = autos.len().saturating_sub(keep.max(1));
        let mut removed = vec![];
        for (_, path) in autos.into_iter().take(excess) {
            std::fs::remove_file(&path).map_err(|source| Error::Write { path: path.clone(), source })?;
            removed.push(path);
        }
        Ok(removed)
    }

    /// The automatic backups in [`Dossier::backup_dir`], newest first: file name, path and size. Only files named
    /// as automatic backups are listed.
    pub fn auto_backups(&self) -> Result<Vec<(String, PathBuf, u64)>> {
        let dir = self.backup_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
            Err(source) => return Err(Error::Read { path: dir, source }),
        };
        let mut out: Vec<(String, PathBuf, u64)> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_owned();
                let bytes = e.metadata().map(|m| m.len()).unwrap_or(0);
                is_auto_name(&name).then(|| (name, e.path(), bytes))
            })
            .collect();
        out.sort_by(|a, b| b.0.cmp(&a.0));
        Ok(out)
    }

    /// The path of the automatic backup named `name`, which must be one [`Dossier::auto_backups`] lists: a name
    /// from elsewhere (the app's webview) can never point outside the backup folder.
    pub fn auto_backup_path(&self, name: &str) -> Result<PathBuf> {
        let path = self.backup_dir().join(name);
        if !is_auto_name(name) || !path.is_file() {
            return Err(Error::NoDossier(path));
        }
        Ok(path)
    }

    /// Checks a backup file with this dossier's own key, without the passphrase (automatic backups are kept under
    /// the dossier's current passphrase): it opens, every page authenticates, the integrity and foreign-key checks
    /// pass, and it holds a dossier. Writes nothing. Returns its digest and size.
    pub fn verify_backup(&self, path: &Path) -> Result<BackupInfo> {
        let bad = |problem| Error::BadBackup { path: path.to_owned(), problem };
        let unreadable = |e: rusqlite::Error| bad(BackupProblem::Unreadable { detail: e.to_string() });
        attach(&self.conn, path, None)?;
        let verdict = (|| {
            match self.conn.query_row(&format!("SELECT count(*) FROM {COPY}.sqlite_master"), [], |r| r.get::<_, i64>(0))
            {
                Ok(_) => {}
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                    return Err(Error::WrongPassphrase(path.to_owned()))
                }
                Err(e) => return Err(unreadable(e)),
            }
            let report =
                check_schema(&self.conn, COPY).map_err(|e| bad(BackupProblem::Unreadable { detail: e.to_string() }))?;
            if !report.is_ok() {
                return Err(bad(report.damage()));
            }
            let tables: i64 = self
                .conn
                .query_row(
                    &format!("SELECT count(*) FROM {COPY}.sqlite_master WHERE type = 'table' AND name = 'detainee'"),
                    [],
                    |r| r.get(0),
                )
                .map_err(unreadable)?;
            if tables == 0 {
                return Err(bad(BackupProblem::NotADossier));
            }
            digest_schema(&self.conn, COPY)
        })();
        detach(&self.conn)?;
        let digest = verdict?;
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo { path: path.to_owned(), digest, bytes })
    }

    /// Rebuilds the file without free pages (`VACUUM`). SQLCipher encrypts the rebuilt file; `temp_store` is
    /// memory, so no plaintext temporary file is written.
    pub fn compact(&mut self) -> Result<()> {
        self.conn.execute_batch("VACUUM;")?;
        Ok(())
    }
}

/// Opens a dossier or backup file read-only with `passphrase` and checks it: the passphrase opens it, every check
/// passes. Returns its digest. Writes nothing.
pub fn verify_file(path: &Path, passphrase: &str) -> Result<BackupInfo> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(Error::NoDossier(path.to_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NoDossier(path.to_owned())),
        Err(source) => return Err(Error::Read { path: path.to_owned(), source }),
    }
    let bad = |problem| Error::BadBackup { path: path.to_owned(), problem };
    let unreadable = |e: rusqlite::Error| bad(BackupProblem::Unreadable { detail: e.to_string() });
    let conn = super::open_connection(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    set_key(&conn, passphrase)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => {}
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(Error::WrongPassphrase(path.to_owned()))
        }
        Err(e) => return Err(unreadable(e)),
    }
    let report = check_schema(&conn, "main").map_err(|e| bad(BackupProblem::Unreadable { detail: e.to_string() }))?;
    if !report.is_ok() {
        return Err(bad(report.damage()));
    }
    let has_records: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'detainee'", [], |r| r.get(0))
        .map_err(unreadable)?;
    if has_records == 0 {
        return Err(bad(BackupProblem::NotADossier));
    }
    let digest = digest_schema(&conn, "main").map_err(|e| bad(BackupProblem::Unreadable { detail: e.to_string() }))?;
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo { path: path.to_owned(), digest, bytes })
}

/// Restores the backup `source` as the dossier `target`. The source is verified first (passphrase, integrity,
/// digest); it is copied beside the target under a temporary name and the copy is verified again (same digest,
/// opens as a dossier); only then is an existing dossier at `target` moved aside (with its WAL and shared-memory
/// files) to `<target>.before-restore-<timestamp>`, and the copy renamed into place.
pub fn restore(source: &Path, target: &Path, passphrase: &str) -> Result<Restored> {
    let src = verify_file(source, passphrase)?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_owned(), source })?;
    }
    let tmp = temp_beside(target)?;
    let guard = Sidecars(tmp.to_path_buf());
    copy_synced(source, &tmp)?;
    let wal = sidecar(source, "-wal");
    if wal.exists() {
        copy_synced(&wal, &sidecar(&tmp, "-wal"))?;
    }
    let copy = verify_file(&tmp, passphrase)?;
    if copy.digest != src.digest {
        return Err(Error::BadBackup { path: source.to_owned(), problem: BackupProblem::CopyDiffers });
    }
    // Opening it as a dossier applies pending migrations and proves the app can use it; closing it cleanly
    // folds its WAL back into the file.
    {
        let d = Dossier::open(&tmp, passphrase)?;
        let report = d.check()?;
        if !report.is_ok() {
            return Err(Error::BadBackup { path: source.to_owned(), problem: report.damage() });
        }
    }
    remove_sidecar_files(&tmp);
    let set_aside = if target.exists() || sidecar(target, "-wal").exists() {
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let mut aside = target.as_os_str().to_owned();
        aside.push(format!(".before-restore-{stamp}"));
        let aside = PathBuf::from(aside);
        if aside.exists() {
            return Err(Error::AlreadyExists(aside));
        }
        move_with_sidecars(target, &aside)?;
        Some(aside)
    } else {
        None
    };
    // The backup's recovery file (`backup -o` copies it beside the backup) comes with it; the one the replaced
    // dossier had goes aside with it. Without one beside the backup, the dossier's own stays where it is.
    let (src_recovery, target_recovery) =
        (crate::recovery::sidecar_path(source), crate::recovery::sidecar_path(target));
    let recovery = if src_recovery.is_file() {
        let bytes =
            std::fs::read(&src_recovery).map_err(|source| Error::Read { path: src_recovery.clone(), source })?;
        if let Some(aside) = &set_aside {
            if target_recovery.exists() {
                let to = crate::recovery::sidecar_path(aside);
                std::fs::rename(&target_recovery, &to).map_err(|source| Error::Write { path: to, source })?;
            }
        }
        Some(bytes)
    } else {
        None
    };
    persist(tmp, target)?;
    drop(guard);
    if let Some(bytes) = recovery {
        crate::files::write_bytes(&target_recovery, crate::files::Existing::Replace, &bytes)?;
    }
    Ok(Restored { target: target.to_owned(), digest: src.digest, set_aside })
}

// ---------------------------------------------------------------------------------------------------------------

fn check_schema(conn: &Connection, schema: &str) -> Result<CheckReport> {
    let rows = |sql: String| -> Result<Vec<String>> {
        let mut st = conn.prepare(&sql)?;
        let n = st.column_count();
        let mut out = vec![];
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let cols: Vec<String> = (0..n)
                .map(|i| match r.get_ref(i) {
                    Ok(v) => match v {
                        rusqlite::types::ValueRef::Null => String::new(),
                        rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                        rusqlite::types::ValueRef::Real(f) => f.to_string(),
                        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                    },
                    Err(_) => String::new(),
                })
                .collect();
            out.push(cols.join(" "));
        }
        Ok(out)
    };
    // A page that fails authentication makes the b-tree checks stop with an error rather than report: such an
    // error is itself a finding. The page-authentication check goes first: it reads every page as stored.
    let run = |pragma: &str| -> Vec<String> {
        rows(format!("PRAGMA {schema}.{pragma}")).unwrap_or_else(|e| vec![format!("{pragma}: {}", error_detail(&e))])
    };
    let cipher = run("cipher_integrity_check");
    let mut integrity = run("integrity_check");
    integrity.retain(|r| r != "ok");
    let foreign_keys = if integrity.is_empty() {
        run("foreign_key_check").into_iter().map(|r| format!("foreign key: {r}")).collect()
    } else {
        vec![]
    };
    Ok(CheckReport { integrity, cipher, foreign_keys })
}

fn error_detail(e: &Error) -> String {
    match e {
        Error::Db(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// Maps an error of `sqlcipher_export`, which reports its inner statement's failure as a generic error with the
/// original message, back to disk full or I/O error.
fn export_error(e: Error) -> Error {
    if let Error::Db(inner) = &e {
        let msg = inner.to_string();
        if msg.contains("disk is full") {
            return Error::DiskFull;
        }
        if msg.contains("disk I/O error") {
            return Error::Io(msg);
        }
    }
    e
}

fn digest_schema(conn: &Connection, schema: &str) -> Result<String> {
    let mut h = Sha256::new();
    let version: i64 = conn.query_row(&format!("PRAGMA {schema}.user_version"), [], |r| r.get(0))?;
    h.update(b"user_version\0");
    h.update(version.to_le_bytes());
    // Real tables, FTS shadow tables included; virtual tables (no pages of their own) are covered by those.
    let tables: Vec<String> = {
        let mut st = conn.prepare(&format!(
            "SELECT name FROM {schema}.sqlite_schema WHERE type = 'table' AND rootpage > 0 \
             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        ))?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    for table in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM {schema}.\"{}\"", table.replace('"', "\"\"")))?;
        let n = st.column_count();
        let mut row_hashes = vec![];
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let mut rh = Sha256::new();
            for i in 0..n {
                use rusqlite::types::ValueRef as V;
                match r.get_ref(i)? {
                    V::Null => rh.update([0u8]),
                    V::Integer(v) => {
                        rh.update([1u8]);
                        rh.update(v.to_le_bytes());
                    }
                    V::Real(v) => {
                        rh.update([2u8]);
                        rh.update(v.to_bits().to_le_bytes());
                    }
                    V::Text(t) => {
                        rh.update([3u8]);
                        rh.update((t.len() as u64).to_le_bytes());
                        rh.update(t);
                    }
                    V::Blob(b) => {
                        rh.update([4u8]);
                        rh.update((b.len() as u64).to_le_bytes());
                        rh.update(b);
                    }
                }
            }
            row_hashes.push(<[u8; 32]>::from(rh.finalize()));
        }
        // Sorted row hashes: the digest does not depend on the order rows happen to be stored in.
        row_hashes.sort_unstable();
        h.update(table.as_bytes());
        h.update([0u8]);
        h.update((row_hashes.len() as u64).to_le_bytes());
        for rh in &row_hashes {
            h.update(rh);
        }
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn path_text(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| Error::Write {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path is not valid Unicode"),
    })
}

/// Attaches `path` as [`COPY`]: with `key`, or (None) with the dossier's own key.
fn attach(conn: &Connection, path: &Path, key: Option<&str>) -> Result<()> {
    let p = path_text(path)?;
    match key {
        None => conn.execute(&format!("ATTACH DATABASE ?1 AS {COPY}"), [p])?,
        Some(k) => conn.execute(&format!("ATTACH DATABASE ?1 AS {COPY} KEY ?2"), params![p, k])?,
    };
    Ok(())
}

fn detach(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!("DETACH DATABASE {COPY};"))?;
    Ok(())
}

/// Copies the dossier's whole content into a new encrypted database file at `path`.
fn export(conn: &Connection, path: &Path, key: Option<&str>) -> Result<()> {
    attach(conn, path, key)?;
    let r = (|| -> Result<()> {
        // A rollback journal, not WAL: the copy is one self-contained file once the export commits.
        let _: String = conn.query_row(&format!("PRAGMA {COPY}.journal_mode = DELETE"), [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA {COPY}.synchronous = FULL; PRAGMA {COPY}.secure_delete = ON;"))?;
        conn.query_row(&format!("SELECT sqlcipher_export('{COPY}')"), [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA {COPY}.user_version = {version};"))?;
        Ok(())
    })();
    let d = detach(conn);
    r.and(d).map_err(export_error)
}

/// A new, empty file beside `target` with a unique hidden name; removed when dropped unless persisted.
fn temp_beside(target: &Path) -> Result<tempfile::TempPath> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dossier".into());
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(&dir)
        .map(|f| f.into_temp_path())
        .map_err(|source| Error::Write { path: dir, source })
}

/// Gives the temporary file its final name without ever replacing an existing file, and syncs the folder.
fn persist(tmp: tempfile::TempPath, target: &Path) -> Result<()> {
    tmp.persist_noclobber(target).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::AlreadyExists(target.to_owned())
        } else {
            Error::Write { path: target.to_owned(), source: e.error }
        }
    })?;
    sync_dir(target);
    Ok(())
}

fn sync_file(path: &Path) -> Result<()> {
    File::open(path).and_then(|f| f.sync_all()).map_err(|source| Error::Write { path: path.to_owned(), source })
}

fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|f| f.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn copy_synced(from: &Path, to: &Path) -> Result<()> {
    let mut src = File::open(from).map_err(|source| Error::Read { path: from.to_owned(), source })?;
    let mut dst = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(to)
        .map_err(|source| Error::Write { path: to.to_owned(), source })?;
    // A plain read/write loop (not `io::copy`, which may use copy_file_range): every write is an ordinary one.
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n =
            std::io::Read::read(&mut src, &mut buf).map_err(|source| Error::Read { path: from.to_owned(), source })?;
        if n == 0 {
            break;
        }
        std::io::Write::write_all(&mut dst, &buf[..n])
            .map_err(|source| Error::Write { path: to.to_owned(), source })?;
    }
    dst.sync_all().map_err(|source| Error::Write { path: to.to_owned(), source })
}

fn sidecar(path: &Path, ext: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(ext);
    PathBuf::from(p)
}

fn remove_sidecar_files(path: &Path) {
    for ext in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sidecar(path, ext));
    }
}

/// Renames a dossier and its WAL and shared-memory files together, so the moved dossier stays whole.
fn move_with_sidecars(from: &Path, to: &Path) -> Result<()> {
    if from.exists() {
        std::fs::rename(from, to).map_err(|source| Error::Write { path: to.to_owned(), source })?;
    }
    for ext in ["-wal", "-shm"] {
        let f = sidecar(from, ext);
        if f.exists() {
            std::fs::rename(&f, sidecar(to, ext)).map_err(|source| Error::Write { path: sidecar(to, ext), source })?;
        }
    }
    sync_dir(to);
    Ok(())
}

fn create_private_dir(dir: &Path) -> Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(|source| Error::Write { path: dir.to_owned(), source })
}

pub(super) fn is_auto_name(name: &str) -> bool {
    // backup-YYYYMMDDTHHMMSS.mmmZ.dossier
    let Some(stamp) = name.strip_prefix(AUTO_PREFIX).and_then(|r| r.strip_suffix(AUTO_EXT)) else { return false };
    let b = stamp.as_bytes();
    b.len() == 20
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'T'
        && b[9..15].iter().all(u8::is_ascii_digit)
        && b[15] == b'.'
        && b[16..19].iter().all(u8::is_ascii_digit)
        && b[19] == b'Z'
}

/// Removes a temporary database and its journal files unless it was persisted (then nothing is left to remove).
struct Sidecars(PathBuf);

impl Drop for Sidecars {
    fn drop(&mut self) {
        remove_with_sidecars(&self.0);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn auto_names() {
        assert!(super::is_auto_name("backup-20260102T030405.678Z.dossier"));
        assert!(!super::is_auto_name("backup-2026.dossier"));
        assert!(!super::is_auto_name("notes.txt"));
    }

    /// `ATTACH ?1 AS copy KEY ?2` with the key bound as a parameter (never formatted into the SQL text) does
    /// reach SQLCipher: the copy opens with that key and not with the dossier's.
    #[test]
    fn attach_key_bound_as_parameter() {
        let dir = tempfile::tempdir().unwrap();
        let d = super::Dossier::create(&dir.path().join("d.dossier"), "first passphrase 'quoted'").unwrap();
        let copy = dir.path().join("copy.dossier");
        // As `backup` does (temp_beside): the connection may not create files, the target exists empty.
        std::fs::File::create(&copy).unwrap();
        super::export(&d.conn, &copy, Some("second passphrase 'quoted'")).unwrap();
        assert!(super::verify_file(&copy, "second passphrase 'quoted'").is_ok());
        assert!(matches!(
            super::verify_file(&copy, "first passphrase 'quoted'"),
            Err(crate::error::Error::WrongPassphrase(_))
        ));
    }

    /// Regression (CI, stop 9): a connection opened on one thread while another thread's open was still running
    /// SQLCipher's first-time initialisation lacked `sqlcipher_export`, so its backup failed. The race exists
    /// only once per process, so the check runs in fresh child processes: each starts threads that open
    /// connections at the same instant, and every connection must know the function.
    #[test]
    fn first_connections_opened_in_parallel_can_all_export() {
        const CHILD: &str = "DOSSIER_TEST_PARALLEL_FIRST_OPEN";
        if std::env::var_os(CHILD).is_some() {
            let barrier = std::sync::Arc::new(std::sync::Barrier::new(16));
            let threads: Vec<_> = (0..16)
                .map(|_| {
                    let barrier = barrier.clone();
                    std::thread::spawn(move || {
                        barrier.wait();
                        let flags =
                            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE;
                        let conn = super::super::open_connection(std::path::Path::new(":memory:"), flags).unwrap();
                        conn.prepare("SELECT sqlcipher_export('main')").map(drop).map_err(|e| e.to_string())
                    })
                })
                .collect();
            for t in threads {
                t.join().unwrap().unwrap();
            }
            return;
        }
        let exe = std::env::current_exe().unwrap();
        for run in 0..20 {
            let out = std::process::Command::new(&exe)
                .args(["--exact", "store::backup::tests::first_connections_opened_in_parallel_can_all_export"])
                .args(["--test-threads", "1", "--nocapture"])
                .env(CHILD, "1")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "child run {run} failed:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// The C API derives the same key as `PRAGMA key` with the same text: files keyed either way open either way.
    #[test]
    fn c_api_key_matches_pragma_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.dossier");
        let pass = "pass with 'quote', é and \\ backslash";
        drop(super::Dossier::create(&path, pass).unwrap());
        let conn = super::super::open_connection(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
        conn.pragma_update(None, "key", pass).unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).unwrap();
        assert!(n > 0);
        drop(conn);
        let mut d = super::Dossier::open(&path, pass).unwrap();
        d.change_passphrase(pass, "the new passphrase").unwrap();
        drop(d);
        let conn = super::super::open_connection(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
        conn.pragma_update(None, "key", "the new passphrase").unwrap();
        let _: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).unwrap();
    }
}
