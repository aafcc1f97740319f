//! The dossier file: one SQLCipher database holding every record, its photos and its history.
//!
//! Architecture invariant: every write goes through [`Dossier::insert`], [`Dossier::update`] or
//! [`Dossier::delete`] (or helpers built on them), which validate the record, write it, write its field-by-field
//! history and refresh the search index in one transaction. Nothing else writes record tables.

mod backup;
mod bin;
mod passphrase;
pub mod strength;
pub use passphrase::PassphraseChange;
pub use strength::MIN_PASSPHRASE;
mod connection;
mod history;
mod index;
mod migrations;
mod read;
mod templates;
mod workload;
mod write;

use std::path::{Path, PathBuf};

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde_json::Value;
use uuid::Uuid;

pub use backup::{restore, verify_file, BackupInfo, CheckReport, Restored, DEFAULT_KEEP, KEEP_SETTING};
pub use bin::{BinEntry, BinId, RestoredEntry};
pub use history::RestoredValue;
pub use migrations::migrations;
pub use read::*;
pub use workload::crash_workload;
pub use write::*;

use connection::configure;
pub use connection::remove_with_sidecars;
pub(crate) use connection::{cipher_key, open_connection, set_key, KeyCall};
use index::index;
pub(crate) use index::rebuild_search_index;

use crate::error::{Error, Invalid, Reason, Result};
use crate::model::{Record, RecordKind, Stored};
use crate::names;

/// An open, unlocked dossier.
pub struct Dossier {
    conn: Connection,
    path: PathBuf,
    actor: String,
}

impl std::fmt::Debug for Dossier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dossier").field("path", &self.path).field("actor", &self.actor).finish_non_exhaustive()
    }
}

/// The name recorded in the history as the author of changes: `DOSSIER_USER`, else the OS account name (`whoami`,
/// then the usual environment variables), else the machine's name, else [`NO_USER`].
pub fn local_user() -> String {
    let present = |s: String| Some(names::normalize_name(&s)).filter(|s| !s.trim().is_empty());
    std::env::var("DOSSIER_USER")
        .ok()
        .and_then(present)
        .or_else(|| whoami::username().ok().and_then(present))
        .or_else(|| ["USER", "USERNAME", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok().and_then(present)))
        .or_else(|| whoami::hostname().ok().and_then(present))
        .unwrap_or_else(|| NO_USER.into())
}

/// Who wrote a change when neither the account nor the machine has a name: a sign, not a word of one language,
/// as the history keeps it.
pub const NO_USER: &str = "—";

/// Words an attacker would try first against this dossier's passphrase: its user's name and its file name.
pub fn strength_context(path: &Path) -> Vec<String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    vec![local_user(), stem].into_iter().filter(|s| !s.is_empty() && s != NO_USER).collect()
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Dossier {
    /// Creates a new encrypted dossier at `path`. Refuses to touch an existing file.
    pub fn create(path: &Path, passphrase: &str) -> Result<Dossier> {
        strength::check_new(passphrase, &strength_context(path))?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_owned(), source })?;
        }
        // `create_new` reserves the name atomically: two processes cannot both create the same dossier, and an
        // existing file, whatever it is, is never overwritten.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // Readable by its owner only; SQLite gives the WAL and shared-memory files the same permissions.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                Error::AlreadyExists(path.to_owned())
            } else {
                Error::Write { path: path.to_owned(), source }
            }
        })?;
        let result = (|| {
            let mut conn = open_connection(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
            set_key(&conn, passphrase)?;
            configure(&conn)?;
            migrations().to_latest(&mut conn)?;
            Ok(Dossier { conn, path: path.to_owned(), actor: local_user() })
        })();
        if result.is_err() {
            // Nothing was ever stored in it: leave no half-made dossier behind.
            remove_with_sidecars(path);
        }
        result
    }

    /// Opens an existing dossier. A wrong passphrase is reported as such and changes nothing on disk.
    pub fn open(path: &Path, passphrase: &str) -> Result<Dossier> {
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => {}
            Ok(_) => return Err(Error::NoDossier(path.to_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NoDossier(path.to_owned())),
            Err(source) => return Err(Error::Read { path: path.to_owned(), source }),
        }
        let mut conn = open_connection(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        set_key(&conn, passphrase)?;
        // SQLCipher only notices a wrong key when it first reads a page.
        let probe: std::result::Result<i64, _> = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0));
        if let Err(e) = probe {
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
                return Err(Error::WrongPassphrase(path.to_owned()));
            }
            return Err(e.into());
        }
        configure(&conn)?;
        migrations().to_latest(&mut conn)?;
        Ok(Dossier { conn, path: path.to_owned(), actor: local_user() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Sets the name recorded in the history for the following changes.
    pub fn set_actor(&mut self, actor: &str) {
        let a = names::normalize_name(actor);
        if !a.is_empty() {
            self.actor = a;
        }
    }

    /// The underlying connection, for read-only queries in other modules of the crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Gives back the page cache's memory (up to 32 MiB of decrypted pages kept for the next queries, see
    /// `connection::configure`), for a dossier left at rest: the next query reads and decrypts its pages again.
    /// Nothing written is affected.
    pub fn release_memory(&self) -> Result<()> {
        self.conn.release_memory()?;
        Ok(())
    }

    // -----------------------------------------------------------------------------------------------------------
    // Generic record operations.

    /// Validates and stores a new record, with its history.
    pub fn insert<T: Record>(&mut self, data: T) -> Result<Stored<T>> {
        let tx = self.conn.transaction()?;
        let stored = insert_in(&tx, &self.actor, data, None)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Reads one record.
    pub fn get<T: Record>(&self, id: Uuid) -> Result<Stored<T>> {
        get_in(&self.conn, id)
    }

    /// Replaces a record's data, recording each changed field.
    pub fn update<T: Record>(&mut self, id: Uuid, data: T) -> Result<Stored<T>> {
        let tx = self.conn.transaction()?;
        let stored = update_in(&tx, &self.actor, id, data)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Applies `FIELD=VALUE` assignments (the command line's `--set`) to a record and saves it.
    pub fn edit<T: Record>(&mut self, id: Uuid, sets: &[(String, String)]) -> Result<Stored<T>> {
        let mut data = self.get::<T>(id)?.data;
        apply_sets(&mut data, sets)?;
        self.update(id, data)
    }

    /// Deletes a record into the bin (`bin.rs`), from which [`Dossier::restore_from_bin`] brings it back. A
    /// detainee's family contacts and photos go with it, a sponsor's logo with the sponsor; a record still
    /// referenced by another (a sponsorship, an event) is refused with [`Error::InUse`].
    pub fn delete<T: Record>(&mut self, id: Uuid) -> Result<BinId> {
        let label = self.get::<T>(id)?.data.label();
        let tx = self.conn.transaction()?;
        let mut children: Vec<(RecordKind, String)> = vec![];
        if T::KIND == RecordKind::Detainee {
            for (table, kind) in [("contact", RecordKind::Contact), ("media", RecordKind::Media)] {
                let mut st = tx.prepare(&format!("SELECT id FROM {table} WHERE detainee_id = ?1 ORDER BY id"))?;
                let rows = st.query_map([id.to_string()], |r| r.get::<_, String>(0))?;
                for child in rows {
                    children.push((kind, child?));
                }
            }
        }
        let logo = if T::KIND == RecordKind::Sponsor {
            tx.query_row("SELECT logo_id FROM sponsor WHERE id = ?1", [id.to_string()], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .flatten()
        } else {
            None
        };
        children.extend(logo.iter().map(|l| (RecordKind::Media, l.clone())));
        let entry = bin::put(&tx, &self.actor, (T::KIND, &id.to_string()), &label, &children)?;
        if T::KIND == RecordKind::Detainee {
            for (kind, child) in &children {
                delete_in(&tx, &self.actor, *kind, child)?;
            }
        }
        delete_in(&tx, &self.actor, T::KIND, &id.to_string())?;
        if let Some(logo) = logo {
            delete_in(&tx, &self.actor, RecordKind::Media, &logo)?;
        }
        tx.commit()?;
        Ok(entry)
    }

    /// Every record of a kind, in name order. For detainees prefer the paged [`Dossier::detainees`].
    pub fn list<T: Record>(&self) -> Result<Vec<Stored<T>>> {
        let sql = format!("SELECT id, created_at, updated_at, data FROM {} ORDER BY sort_key, id", T::KIND.table());
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], row_to_parts)?;
        rows.map(|r| parts_to_stored(r?)).collect()
    }

    /// Finds the record an id designates: a full id, or an unambiguous prefix of at least 4 characters.
    pub fn resolve_id(&self, kind: RecordKind, text: &str) -> Result<Uuid> {
        let text = text.trim().to_ascii_lowercase();
        let not_found = || Error::NotFound { kind, id: text.clone() };
        if let Ok(id) = Uuid::parse_str(&text) {
            let found: Option<i64> = self
                .conn
                .query_row(&format!("SELECT 1 FROM {} WHERE id = ?1", kind.table()), [id.to_string()], |r| r.get(0))
                .optional()?;
            return found.map(|_| id).ok_or_else(not_found);
        }
        let one: String = self.by_id_prefix(kind.table(), "id", &text)?.ok_or_else(not_found)?;
        Uuid::parse_str(&one).map_err(|_| not_found())
    }

    /// The `id` of the one row of `table` whose `column` (a record id) starts with `prefix`: the rule for ids
    /// typed by hand, shared by records and bin entries. `None` when no row matches or `prefix` cannot start an id
    /// (fewer than 4 characters, or not hexadecimal); [`Error::AmbiguousId`] when two or more rows match.
    pub(crate) fn by_id_prefix<K: rusqlite::types::FromSql>(
        &self,
        table: &str,
        column: &str,
        prefix: &str,
    ) -> Result<Option<K>> {
        if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Ok(None);
        }
        let sql = format!("SELECT id FROM {table} WHERE {column} >= ?1 AND {column} < ?1 || 'g' LIMIT 2");
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut keys: Vec<K> = st.query_map([prefix], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        match keys.len() {
            0 => Ok(None),
            1 => Ok(keys.pop()),
            _ => Err(Error::AmbiguousId { id: prefix.to_owned() }),
        }
    }

    /// Runs `f` in one transaction: every record written through the [`Tx`] lands, or none does.
    pub fn transaction<R>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<R>) -> Result<R> {
        let tx = self.conn.transaction()?;
        let mut t = Tx { tx, actor: &self.actor };
        let r = f(&mut t)?;
        t.tx.commit()?;
        Ok(r)
    }

    /// The safety-relevant settings of the connection: journal mode, synchronous level, foreign keys, secure
    /// delete. Tests pin them.
    pub fn pragmas(&self) -> Result<(String, i64, i64, i64)> {
        let c = &self.conn;
        Ok((
            c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
            c.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
            c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
            c.query_row("PRAGMA secure_delete", [], |r| r.get(0))?,
        ))
    }

    /// A transaction for tables outside the record model (templates, settings).
    pub(crate) fn transaction_raw<R>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<R>) -> Result<R> {
        let tx = self.conn.transaction()?;
        let r = f(&tx)?;
        tx.commit()?;
        Ok(r)
    }

    /// A setting stored in the dossier.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// Writes made inside [`Dossier::transaction`].
pub struct Tx<'a> {
    tx: Transaction<'a>,
    actor: &'a str,
}

impl Tx<'_> {
    pub fn insert<T: Record>(&mut self, data: T) -> Result<Stored<T>> {
        insert_in(&self.tx, self.actor, data, None)
    }

    pub fn update<T: Record>(&mut self, id: Uuid, data: T) -> Result<Stored<T>> {
        update_in(&self.tx, self.actor, id, data)
    }

    pub fn get<T: Record>(&self, id: Uuid) -> Result<Stored<T>> {
        get_in(&self.tx, id)
    }

    pub(crate) fn insert_media(
        &mut self,
        data: crate::model::Media,
        bytes: &[u8],
        thumb: &[u8],
    ) -> Result<Stored<crate::model::Media>> {
        insert_in(&self.tx, self.actor, data, Some((bytes, thumb)))
    }

    /// Stores a record carried over from another dossier (the lossless JSON import) under its own id and
    /// times, through the same path as [`Tx::insert`]: validated, with a `create` history entry (dated now, by
    /// this dossier's user) and its search entry. Refuses an id already present.
    pub fn restore<T: Record>(&mut self, record: Stored<T>, blobs: Option<(&[u8], &[u8])>) -> Result<Stored<T>> {
        let exists: Option<i64> = self
            .tx
            .query_row(&format!("SELECT 1 FROM {} WHERE id = ?1", T::KIND.table()), [record.id.to_string()], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_some() {
            return Err(Error::IdTaken { kind: T::KIND, id: record.id.to_string() });
        }
        let preset = Preset { id: record.id, created_at: record.created_at, updated_at: record.updated_at };
        insert_with(&self.tx, self.actor, record.data, blobs, Some(preset))
    }

    /// Appends history entries carried over from another dossier, in their order, before the entries this
    /// transaction writes. Only for the lossless JSON import.
    pub fn restore_history(&mut self, changes: &[Change]) -> Result<()> {
        let mut st = self.tx.prepare_cached(
            "INSERT INTO history (at, actor, kind, record_id, action, field, old_value, new_value) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for c in changes {
            st.execute(params![c.at, c.actor, c.kind, c.record_id, c.action, c.field, c.old_value, c.new_value])?;
        }
        Ok(())
    }

    /// Checks foreign keys at commit rather than at each statement, so records that refer to each other
    /// (a sponsorship and its successor) can be restored in any order.
    pub fn defer_foreign_keys(&mut self) -> Result<()> {
        self.tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        Ok(())
    }
}

/// Identity and times given to a record by [`Tx::restore`] instead of new ones.
pub(crate) struct Preset {
    pub(crate) id: Uuid,
    pub(crate) created_at: chrono::DateTime<Utc>,
    pub(crate) updated_at: chrono::DateTime<Utc>,
}

type Parts = (String, String, String, String);

pub(crate) fn row_to_parts(r: &rusqlite::Row<'_>) -> rusqlite::Result<Parts> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

pub(crate) fn parts_to_stored<T: Record>((id, created, updated, data): Parts) -> Result<Stored<T>> {
    let corrupt = |what: &str| Error::Corrupt(format!("{} {id}: bad {what}", T::KIND));
    Ok(Stored {
        id: Uuid::parse_str(&id).map_err(|_| corrupt("id"))?,
        created_at: chrono::DateTime::parse_from_rfc3339(&created).map_err(|_| corrupt("time"))?.with_timezone(&Utc),
        updated_at: chrono::DateTime::parse_from_rfc3339(&updated).map_err(|_| corrupt("time"))?.with_timezone(&Utc),
        data: serde_json::from_str(&data).map_err(|e| Error::Corrupt(format!("{} {id}: {e}", T::KIND)))?,
    })
}

fn get_in<T: Record>(conn: &Connection, id: Uuid) -> Result<Stored<T>> {
    let sql = format!("SELECT id, created_at, updated_at, data FROM {} WHERE id = ?1", T::KIND.table());
    let parts = conn
        .prepare_cached(&sql)?
        .query_row([id.to_string()], row_to_parts)
        .optional()?
        .ok_or(Error::NotFound { kind: T::KIND, id: id.to_string() })?;
    parts_to_stored(parts)
}

fn sort_key<T: Record>(data: &T) -> String {
    names::fold(&data.label())
}

/// Maps a foreign-key failure to a message about the record referred to.
fn fk_error(e: rusqlite::Error, kind: RecordKind) -> Error {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) && e.to_string().contains("FOREIGN KEY")
    {
        return Error::Invalid(Invalid::new(kind.table(), Reason::NoSuchRecord));
    }
    e.into()
}

fn insert_in<T: Record>(
    tx: &Transaction<'_>,
    actor: &str,
    data: T,
    blobs: Option<(&[u8], &[u8])>,
) -> Result<Stored<T>> {
    insert_with(tx, actor, data, blobs, None)
}

pub(crate) fn insert_with<T: Record>(
    tx: &Transaction<'_>,
    actor: &str,
    mut data: T,
    blobs: Option<(&[u8], &[u8])>,
    preset: Option<Preset>,
) -> Result<Stored<T>> {
    data.validate()?;
    let id = preset.as_ref().map(|p| p.id).unwrap_or_else(Uuid::new_v4);
    let at = now();
    let stamp = |t: &chrono::DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Millis, true);
    let (created, updated) = match &preset {
        Some(p) => (stamp(&p.created_at), stamp(&p.updated_at)),
        None => (at.clone(), at.clone()),
    };
    let json = serde_json::to_value(&data).map_err(|e| Error::Corrupt(e.to_string()))?;
    let text = json.to_string();
    let table = T::KIND.table();
    let key = sort_key(&data);
    match blobs {
        None => tx.execute(
            &format!("INSERT INTO {table} (id, created_at, updated_at, sort_key, data) VALUES (?1, ?2, ?5, ?3, ?4)"),
            params![id.to_string(), created, key, text, updated],
        ),
        Some((bytes, thumb)) => tx.execute(
            &format!(
                "INSERT INTO {table} (id, created_at, updated_at, sort_key, data, bytes, thumb) \
                 VALUES (?1, ?2, ?7, ?3, ?4, ?5, ?6)"
            ),
            params![id.to_string(), created, key, text, bytes, thumb, updated],
        ),
    }
    .map_err(|e| fk_error(e, T::KIND))?;
    write_history(tx, actor, &at, T::KIND, &id.to_string(), "create", None, Some(&json))?;
    index(tx, &id.to_string(), &data, true)?;
    // --- share: the same write into the record's shared document (a cheap check when not sharing) ---
    let record = crate::share::hooks::Written { created_at: &created, updated_at: &updated, data: &json, blobs };
    crate::share::hooks::written(tx, T::KIND, &id.to_string(), &at, Some(record))?;
    // --- end share ---
    let parse = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("own format").with_timezone(&Utc);
    Ok(Stored { id, created_at: parse(&created), updated_at: parse(&updated), data })
}

fn update_in<T: Record>(tx: &Transaction<'_>, actor: &str, id: Uuid, data: T) -> Result<Stored<T>> {
    update_with(tx, actor, id, data, None)
}

/// [`update_in`], with the `updated_at` given (`share`: a change merged from another device keeps its time).
pub(crate) fn update_with<T: Record>(
    tx: &Transaction<'_>,
    actor: &str,
    id: Uuid,
    mut data: T,
    updated_at: Option<&str>,
) -> Result<Stored<T>> {
    data.validate()?;
    let old = get_in::<T>(tx, id)?;
    let old_json = serde_json::to_value(&old.data).map_err(|e| Error::Corrupt(e.to_string()))?;
    let new_json = serde_json::to_value(&data).map_err(|e| Error::Corrupt(e.to_string()))?;
    if old_json == new_json {
        return Ok(Stored { data, ..old });
    }
    let at = updated_at.map(str::to_owned).unwrap_or_else(now);
    tx.execute(
        &format!("UPDATE {} SET updated_at = ?2, sort_key = ?3, data = ?4 WHERE id = ?1", T::KIND.table()),
        params![id.to_string(), at, sort_key(&data), new_json.to_string()],
    )
    .map_err(|e| fk_error(e, T::KIND))?;
    write_history(tx, actor, &at, T::KIND, &id.to_string(), "update", Some(&old_json), Some(&new_json))?;
    index(tx, &id.to_string(), &data, false)?;
    // --- share ---
    let created = old.created_at.to_rfc3339_opts(SecondsFormat::Millis, true);
    let record = crate::share::hooks::Written { created_at: &created, updated_at: &at, data: &new_json, blobs: None };
    crate::share::hooks::written(tx, T::KIND, &id.to_string(), &at, Some(record))?;
    // --- end share ---
    let t = chrono::DateTime::parse_from_rfc3339(&at).expect("own format").with_timezone(&Utc);
    Ok(Stored { id, created_at: old.created_at, updated_at: t, data })
}

pub(crate) fn delete_in(tx: &Transaction<'_>, actor: &str, kind: RecordKind, id: &str) -> Result<()> {
    let table = kind.table();
    let data: Option<String> =
        tx.query_row(&format!("SELECT data FROM {table} WHERE id = ?1"), [id], |r| r.get(0)).optional()?;
    let Some(data) = data else { return Err(Error::NotFound { kind, id: id.to_owned() }) };
    let old: Value = serde_json::from_str(&data).map_err(|e| Error::Corrupt(e.to_string()))?;
    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id]).map_err(|e| {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
            Error::InUse { kind, id: id.to_owned(), by: referrers(tx, kind, id) }
        } else {
            e.into()
        }
    })?;
    let at = now();
    write_history(tx, actor, &at, kind, id, "delete", Some(&old), None)?;
    tx.execute("DELETE FROM search WHERE record_id = ?1", [id])?;
    crate::share::hooks::written(tx, kind, id, &at, None)?; // --- share ---
    Ok(())
}

/// Which kinds of record still refer to `id`, for the "in use" message.
fn referrers(tx: &Transaction<'_>, kind: RecordKind, id: &str) -> Vec<(RecordKind, usize)> {
    let candidates: &[(RecordKind, &str)] = match kind {
        RecordKind::Detainee => &[(RecordKind::Sponsorship, "detainee_id"), (RecordKind::Event, "detainee_id")],
        RecordKind::Sponsor => &[(RecordKind::Sponsorship, "sponsor_id"), (RecordKind::Event, "sponsor_id")],
        RecordKind::Media => &[(RecordKind::Sponsor, "logo_id")],
        RecordKind::Sponsorship => {
            &[(RecordKind::Sponsorship, "predecessor_id"), (RecordKind::Sponsorship, "successor_id")]
        }
        _ => &[],
    };
    let mut out: Vec<(RecordKind, usize)> = vec![];
    for (referrer, col) in candidates {
        let table = referrer.table();
        let n: i64 =
            tx.query_row(&format!("SELECT count(*) FROM {table} WHERE {col} = ?1"), [id], |r| r.get(0)).unwrap_or(0);
        let n = usize::try_from(n).unwrap_or(0);
        match out.iter_mut().find(|(k, _)| k == referrer) {
            Some((_, total)) => *total += n,
            None if n > 0 => out.push((*referrer, n)),
            None => {}
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn write_history(
    tx: &Transaction<'_>,
    actor: &str,
    at: &str,
    kind: RecordKind,
    id: &str,
    action: &str,
    old: Option<&Value>,
    new: Option<&Value>,
) -> Result<()> {
    let empty = serde_json::Map::new();
    let old_o = old.and_then(Value::as_object).unwrap_or(&empty);
    let new_o = new.and_then(Value::as_object).unwrap_or(&empty);
    let mut st = tx.prepare_cached(
        "INSERT INTO history (at, actor, kind, record_id, action, field, old_value, new_value) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut fields: Vec<&String> = old_o.keys().chain(new_o.keys()).collect();
    fields.sort();
    fields.dedup();
    for field in fields {
        let o = old_o.get(field).filter(|v| !is_empty(v));
        let n = new_o.get(field).filter(|v| !is_empty(v));
        if o == n {
            continue;
        }
        st.execute(params![at, actor, kind.table(), id, action, field, o.map(value_text), n.map(value_text)])?;
    }
    Ok(())
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// A history value as text: strings as they are, anything else as compact JSON.
pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Applies `FIELD=VALUE` assignments to a record. The value is taken as text first, then as JSON (numbers,
/// booleans, lists); an empty value clears an optional field. Field names accept `-` for `_`.
pub fn apply_sets<T: Record>(data: &mut T, sets: &[(String, String)]) -> Result<(), Invalid> {
    fn slot<'v>(v: &'v mut Value, path: &[&str]) -> Option<&'v mut Value> {
        path.iter().try_fold(v, |v, k| v.as_object_mut().and_then(|o| o.get_mut(*k)))
    }
    for (field, value) in sets {
        let field = field.trim().replace('-', "_");
        if let Some(r) = data.set_special(&field, value) {
            r?;
            continue;
        }
        let malformed = |_| Invalid::new(&field, Reason::BadValue { value: value.clone() });
        let base = serde_json::to_value(&*data).map_err(malformed)?;
        let path: Vec<&str> = field.split('.').collect();
        if slot(&mut base.clone(), &path).is_none() {
            return Err(Invalid::new(&field, Reason::NoSuchField { known: json_keys(&base) }));
        }
        let mut candidates = vec![];
        if value.trim().is_empty() {
            candidates.push(Value::Null);
        } else {
            candidates.push(Value::String(value.clone()));
            if let Ok(v) = serde_json::from_str::<Value>(value) {
                candidates.push(v);
            }
        }
        let mut outcome = Err(String::new());
        for c in candidates {
            let mut attempt = base.clone();
            *slot(&mut attempt, &path).expect("checked above") = c;
            match serde_json::from_value::<T>(attempt) {
                Ok(parsed) => {
                    outcome = Ok(parsed);
                    break;
                }
                Err(e) => outcome = Err(e.to_string()),
            }
        }
        match outcome {
            Ok(parsed) => *data = parsed,
            Err(msg) => return Err(value_error(&field, value, &msg)),
        }
    }
    Ok(())
}

fn value_error(field: &str, value: &str, serde_msg: &str) -> Invalid {
    if serde_msg.contains("not a date") {
        return Invalid::new(field, Reason::BadDate { value: value.to_owned() });
    }
    if let Some(rest) = serde_msg.split("expected one of: ").nth(1) {
        return Invalid::new(
            field,
            Reason::Unknown {
                value: value.to_owned(),
                allowed: rest.split(" at line").next().unwrap_or(rest).to_owned(),
            },
        );
    }
    Invalid::new(field, Reason::BadValue { value: value.to_owned() })
}

fn json_keys(v: &Value) -> String {
    v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>().join(", ")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    /// Bytes held by the connection's page cache (`SQLITE_DBSTATUS_CACHE_USED`).
    fn cache_used(d: &super::Dossier) -> i32 {
        let (mut current, mut high) = (0, 0);
        // SAFETY: the handle is the live connection's; SQLite only writes the two integers.
        let rc = unsafe {
            rusqlite::ffi::sqlite3_db_status(
                d.conn.handle(),
                rusqlite::ffi::SQLITE_DBSTATUS_CACHE_USED,
                &mut current,
                &mut high,
                0,
            )
        };
        assert_eq!(rc, rusqlite::ffi::SQLITE_OK);
        current
    }

    #[test]
    fn a_dossier_at_rest_gives_its_page_cache_back() {
        let dir = tempfile::tempdir().unwrap();
        let d = super::Dossier::create(&dir.path().join("d.dossier"), "a passphrase for the cache test").unwrap();
        d.conn
            .execute_batch(
                "CREATE TABLE filler(x BLOB);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                 INSERT INTO filler SELECT randomblob(300) FROM n;",
            )
            .unwrap();
        let total: i64 = d.conn.query_row("SELECT sum(length(x)) FROM filler", [], |r| r.get(0)).unwrap();
        assert_eq!(total, 20000 * 300);
        let before = cache_used(&d);
        assert!(before > 4 << 20, "the scan filled the cache: {before} bytes");
        d.release_memory().unwrap();
        let after = cache_used(&d);
        assert!(after < before / 10, "released: {before} -> {after} bytes");
        // Still readable (from the file again).
        let again: i64 = d.conn.query_row("SELECT sum(length(x)) FROM filler", [], |r| r.get(0)).unwrap();
        assert_eq!(again, total);
    }
}
