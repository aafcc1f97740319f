//! The bin: what a user deletes is kept here, inside the encrypted dossier, until they restore it or empty the
//! bin.
//!
//! [`Dossier::delete`] copies the record's rows (a detainee with its family contacts and photos, a sponsor with
//! its logo, photos with their bytes) into one bin entry, in the same transaction that deletes them; the history
//! of the deleted records stays in `history` (it never had a foreign key). [`Dossier::restore_from_bin`] writes
//! the rows back under their own ids and times through the store's one insert path (validated, a `create` entry
//! in the history, the search entry, the shared document when the dossier is shared) and removes the entry.
//! [`Dossier::empty_bin`] deletes the entries with `secure_delete` on (the freed pages are zeroed) and then
//! checkpoints and truncates the write-ahead log, so no copy is left in the dossier's files (backups made before
//! keep theirs, encrypted, until they rotate out).
//!
//! The bin belongs to this computer: in a shared dossier a deletion made in another office arrives as a
//! deletion, not as a bin entry here; a record restored here comes back in every office at the next sync.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{insert_with, now, Dossier, Preset};
use crate::error::{Error, Result};
use crate::model::{
    Contact, Detainee, Event, Media, PressRelease, Profile, Record, RecordKind, Source, Sponsor, Sponsorship,
};

/// The number of a bin entry (shown by `dossier bin list`).
pub type BinId = i64;

/// One deletion kept in the bin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BinEntry {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: BinId,
    /// The kind of the record deleted (its contacts, photos or logo came with it).
    pub kind: RecordKind,
    pub record_id: Uuid,
    /// The record's name or title when it was deleted.
    pub label: String,
    pub deleted_at: DateTime<Utc>,
    pub deleted_by: String,
    /// How many records the entry holds, the deleted one included.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub records: i64,
    /// Bytes of photos and logos held.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub media_bytes: i64,
}

/// What a restore put back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RestoredEntry {
    pub kind: RecordKind,
    pub record_id: Uuid,
    pub label: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub records: i64,
}

/// Copies the rows of `root` and `children` (kind, id) into a new bin entry. Called by [`Dossier::delete`] in its
/// transaction, before the rows are deleted.
pub(super) fn put(
    tx: &Transaction<'_>,
    actor: &str,
    root: (RecordKind, &str),
    label: &str,
    children: &[(RecordKind, String)],
) -> Result<BinId> {
    tx.execute(
        "INSERT INTO bin (deleted_at, deleted_by, kind, record_id, label) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![now(), actor, root.0.table(), root.1, label],
    )?;
    let bin = tx.last_insert_rowid();
    let items = std::iter::once((root.0, root.1.to_owned())).chain(children.iter().cloned());
    for (seq, (kind, id)) in items.enumerate() {
        let table = kind.table();
        let blobs = if kind == RecordKind::Media { "bytes, thumb" } else { "NULL, NULL" };
        let copied = tx.execute(
            &format!(
                "INSERT INTO bin_item (bin_id, seq, kind, record_id, created_at, updated_at, data, bytes, thumb) \
                 SELECT ?1, ?2, ?3, id, created_at, updated_at, data, {blobs} FROM {table} WHERE id = ?4"
            ),
            params![bin, seq as i64, table, id],
        )?;
        if copied == 0 {
            return Err(Error::NotFound { kind, id });
        }
    }
    Ok(bin)
}

fn kind_of(table: &str) -> Result<RecordKind> {
    serde_json::from_value(serde_json::Value::String(table.to_owned()))
        .map_err(|_| Error::Corrupt(format!("bin: unknown kind {table}")))
}

fn time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::Corrupt(format!("bin: bad time {s}")))
}

struct Item {
    kind: RecordKind,
    id: String,
    created_at: String,
    updated_at: String,
    data: String,
    bytes: Option<Vec<u8>>,
    thumb: Option<Vec<u8>>,
}

fn restore_item(tx: &Transaction<'_>, actor: &str, item: Item) -> Result<()> {
    fn one<T: Record>(tx: &Transaction<'_>, actor: &str, item: Item) -> Result<()> {
        let id = Uuid::parse_str(&item.id).map_err(|_| Error::Corrupt(format!("bin: bad id {}", item.id)))?;
        let exists: Option<i64> = tx
            .query_row(&format!("SELECT 1 FROM {} WHERE id = ?1", T::KIND.table()), [&item.id], |r| r.get(0))
            .optional()?;
        if exists.is_some() {
            return Err(Error::IdTaken { kind: T::KIND, id: item.id });
        }
        let data: T = serde_json::from_str(&item.data).map_err(|e| Error::Corrupt(format!("bin: {e}")))?;
        let preset = Preset { id, created_at: time(&item.created_at)?, updated_at: time(&item.updated_at)? };
        let blobs = match (&item.bytes, &item.thumb) {
            (Some(b), Some(t)) => Some((b.as_slice(), t.as_slice())),
            _ => None,
        };
        insert_with(tx, actor, data, blobs, Some(preset))?;
        Ok(())
    }
    match item.kind {
        RecordKind::Detainee => one::<Detainee>(tx, actor, item),
        RecordKind::Contact => one::<Contact>(tx, actor, item),
        RecordKind::Media => one::<Media>(tx, actor, item),
        RecordKind::Source => one::<Source>(tx, actor, item),
        RecordKind::Event => one::<Event>(tx, actor, item),
        RecordKind::Sponsor => one::<Sponsor>(tx, actor, item),
        RecordKind::Sponsorship => one::<Sponsorship>(tx, actor, item),
        RecordKind::PressRelease => one::<PressRelease>(tx, actor, item),
        RecordKind::Profile => one::<Profile>(tx, actor, item),
    }
}

impl Dossier {
    /// The bin's entries, the latest deletion first.
    pub fn bin_entries(&self) -> Result<Vec<BinEntry>> {
        let mut st = self.conn.prepare_cached(
            "SELECT b.id, b.kind, b.record_id, b.label, b.deleted_at, b.deleted_by, \
                    (SELECT count(*) FROM bin_item i WHERE i.bin_id = b.id), \
                    (SELECT coalesce(sum(length(i.bytes)), 0) FROM bin_item i WHERE i.bin_id = b.id) \
             FROM bin b ORDER BY b.id DESC",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, i64>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, kind, record_id, label, at, by, records, media_bytes) = row?;
            Ok(BinEntry {
                id,
                kind: kind_of(&kind)?,
                record_id: Uuid::parse_str(&record_id).map_err(|_| Error::Corrupt("bin: bad record id".into()))?,
                label,
                deleted_at: time(&at)?,
                deleted_by: by,
                records,
                media_bytes,
            })
        })
        .collect()
    }

    /// The entry `text` designates: its number, or the id (or an unambiguous prefix of at least 4 characters) of
    /// the record it holds.
    ///
    /// Digits alone can be either: about one record id in seven begins with four decimal digits. Both readings
    /// are looked up, and a text that names one entry by number and another by its record is refused as
    /// ambiguous ([`Error::AmbiguousId`]) rather than guessed, since `bin purge` cannot be undone.
    pub fn resolve_bin_entry(&self, text: &str) -> Result<BinId> {
        let text = text.trim().to_ascii_lowercase();
        let by_number: Option<BinId> = match text.parse::<BinId>() {
            Ok(n) => self.conn.query_row("SELECT id FROM bin WHERE id = ?1", [n], |r| r.get(0)).optional()?,
            Err(_) => None,
        };
        let by_record: Option<BinId> = self.by_id_prefix("bin", "record_id", &text)?;
        match (by_number, by_record) {
            (Some(a), Some(b)) if a != b => Err(Error::AmbiguousId { id: text }),
            (Some(one), _) | (None, Some(one)) => Ok(one),
            (None, None) => Err(Error::NotInBin { id: text }),
        }
    }

    /// Puts an entry's records back, under their own ids and times, and removes the entry. All or nothing: a
    /// sponsorship whose sponsor has since been deleted is refused ([`Error::BinOrphan`]; restore the sponsor
    /// first).
    pub fn restore_from_bin(&mut self, bin: BinId) -> Result<RestoredEntry> {
        let tx = self.conn.transaction()?;
        let head: Option<(String, String, String)> = tx
            .query_row("SELECT kind, record_id, label FROM bin WHERE id = ?1", [bin], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((kind, record_id, label)) = head else { return Err(Error::NotInBin { id: bin.to_string() }) };
        let kind = kind_of(&kind)?;
        let items: Vec<Item> = {
            let mut st = tx.prepare(
                "SELECT kind, record_id, created_at, updated_at, data, bytes, thumb FROM bin_item \
                 WHERE bin_id = ?1 ORDER BY seq",
            )?;
            let rows = st.query_map([bin], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get::<_, Option<Vec<u8>>>(5)?,
                    r.get::<_, Option<Vec<u8>>>(6)?,
                ))
            })?;
            rows.map(|row| {
                let (kind, id, created_at, updated_at, data, bytes, thumb) = row?;
                Ok(Item { kind: kind_of(&kind)?, id, created_at, updated_at, data, bytes, thumb })
            })
            .collect::<Result<_>>()?
        };
        let records = items.len() as i64;
        // A sponsor and its logo refer to each other's rows in either order: check references at commit.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        for item in items {
            restore_item(&tx, &self.actor, item)?;
        }
        tx.execute("DELETE FROM bin_item WHERE bin_id = ?1", [bin])?;
        tx.execute("DELETE FROM bin WHERE id = ?1", [bin])?;
        tx.commit().map_err(|e| {
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
                Error::BinOrphan { kind, label: label.clone() }
            } else {
                e.into()
            }
        })?;
        let record_id = Uuid::parse_str(&record_id).map_err(|_| Error::Corrupt("bin: bad record id".into()))?;
        Ok(RestoredEntry { kind, record_id, label, records })
    }

    /// Deletes one entry for good.
    pub fn purge_bin_entry(&mut self, bin: BinId) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM bin_item WHERE bin_id = ?1", [bin])?;
        if tx.execute("DELETE FROM bin WHERE id = ?1", [bin])? == 0 {
            return Err(Error::NotInBin { id: bin.to_string() });
        }
        tx.commit()?;
        self.scrub_log()
    }

    /// Deletes every entry for good; returns how many there were.
    pub fn empty_bin(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM bin_item", [])?;
        let n = tx.execute("DELETE FROM bin", [])?;
        tx.commit()?;
        self.scrub_log()?;
        Ok(n)
    }

    /// Copies the write-ahead log into the database (whose freed pages `secure_delete` zeroes) and truncates it,
    /// so the deleted rows survive in neither file.
    fn scrub_log(&mut self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Category, Detainee};
    use crate::{Dossier, Error};

    /// A detainee whose id begins with four decimal digits, the first not 0 (about one in seven), deleted into the
    /// bin: read as a number, those digits are at least 1000, never the number of an entry of this small bin.
    fn digits_first(d: &mut Dossier) -> String {
        for _ in 0..500 {
            let id = d.insert(Detainee::new("Aram Chiffres-Fictif", Category::Civilian)).unwrap().id.to_string();
            if id[..4].bytes().all(|b| b.is_ascii_digit()) && !id.starts_with('0') {
                d.delete::<Detainee>(id.parse().unwrap()).unwrap();
                return id;
            }
        }
        panic!("500 ids and none began with four digits");
    }

    #[test]
    fn a_record_id_that_begins_with_digits_names_its_entry_and_a_clash_with_a_number_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dossier::create(&dir.path().join("d.dossier"), "a passphrase for the bin test").unwrap();
        let id = digits_first(&mut d);
        let entry = d.bin_entries().unwrap()[0].id;
        // The regression: "11409931" was read as entry number 11409931 only, and nothing was found.
        assert_eq!(d.resolve_bin_entry(&id[..4]).unwrap(), entry);
        assert_eq!(d.resolve_bin_entry(&id[..8]).unwrap(), entry, "{id}");
        assert_eq!(d.resolve_bin_entry(&entry.to_string()).unwrap(), entry, "the entry's own number");
        // A second entry renumbered to the first's four digits: the text now names two entries.
        let other = d.insert(Detainee::new("Vardan Chiffres-Fictif", Category::Civilian)).unwrap().id;
        d.delete::<Detainee>(other).unwrap();
        let second = d.bin_entries().unwrap().iter().map(|e| e.id).max().unwrap();
        let number: i64 = id[..4].parse().unwrap();
        assert_ne!(number, entry);
        d.conn
            .execute_batch(&format!(
                "PRAGMA foreign_keys = OFF; UPDATE bin_item SET bin_id = {number} WHERE bin_id = {second}; \
                 UPDATE bin SET id = {number} WHERE id = {second}; PRAGMA foreign_keys = ON;"
            ))
            .unwrap();
        assert!(matches!(d.resolve_bin_entry(&id[..4]), Err(Error::AmbiguousId { .. })));
        assert_eq!(d.resolve_bin_entry(&id[..8]).unwrap(), entry, "a longer prefix is no number of an entry");
        assert!(matches!(d.resolve_bin_entry("999999"), Err(Error::NotInBin { .. })));
    }
}
