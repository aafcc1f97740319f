//! Writing merged documents into the tables, through the one write path (validated, with history rows by the
//! other device's user, and search entries), and checking that the tables are exactly the documents' view.

use std::collections::BTreeMap;

use automerge::{AutoCommit, Change, ReadDoc};
use base64::Engine;
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;
use uuid::Uuid;

use super::conflicts::kind_of;
use super::doc::{self, View};
use super::roster::apply_revoke;
use super::seal::{self, Header, Refusal};
use super::{add_device, b64, entry_of, hooks, Bundle, Item, Me};
use crate::error::{Error, Result};
use crate::model::{
    Contact, Detainee, Event, Media, PressRelease, Profile, Record, RecordKind, Source, Sponsor, Sponsorship,
};
use crate::store::{self, Dossier, Preset};

macro_rules! by_kind {
    ($kind:expr, $f:ident ( $($arg:expr),* )) => {
        match $kind {
            RecordKind::Detainee => $f::<Detainee>($($arg),*),
            RecordKind::Contact => $f::<Contact>($($arg),*),
            RecordKind::Media => $f::<Media>($($arg),*),
            RecordKind::Source => $f::<Source>($($arg),*),
            RecordKind::Event => $f::<Event>($($arg),*),
            RecordKind::Sponsor => $f::<Sponsor>($($arg),*),
            RecordKind::Sponsorship => $f::<Sponsorship>($($arg),*),
            RecordKind::PressRelease => $f::<PressRelease>($($arg),*),
            RecordKind::Profile => $f::<Profile>($($arg),*),
        }
    };
}

/// id, created_at, updated_at, data, and a photo's bytes and thumbnail.
type ExistingRow = (String, String, String, String, Option<Vec<u8>>, Option<Vec<u8>>);

/// Gives every record already in the dossier its shared document (when the dossier starts sharing).
pub(super) fn adopt_existing(tx: &Transaction<'_>) -> Result<()> {
    for kind in RecordKind::ALL {
        let blobs = if kind == RecordKind::Media { "bytes, thumb" } else { "NULL, NULL" };
        let rows: Vec<ExistingRow> = tx
            .prepare(&format!("SELECT id, created_at, updated_at, data, {blobs} FROM {} ORDER BY id", kind.table()))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, created, updated, data, bytes, thumb) in rows {
            let data: Value = serde_json::from_str(&data).map_err(|e| Error::Corrupt(e.to_string()))?;
            let blobs = bytes.as_deref().zip(thumb.as_deref());
            let w = hooks::Written { created_at: &created, updated_at: &updated, data: &data, blobs };
            // (Each photo's blob is queued by the hook and written at the first sync.)
            hooks::written(tx, kind, &id, &updated, Some(w))?;
        }
    }
    Ok(())
}

pub(super) enum Outcome {
    Applied { records: usize, problems: Vec<super::SyncProblem> },
    Refused(Refusal),
}

/// Checks and applies one file of another device. Nothing is written unless the file is authentic and opens.
/// With `roster_only`, applies only the roster and key messages (a first pass over the folder, so that a
/// revocation is known before the revoked device's later files are looked at) and marks nothing applied.
pub(super) fn file(d: &mut Dossier, me: &Me, h: Header, bytes: &[u8], roster_only: bool) -> Result<Outcome> {
    use Outcome::Refused;
    let Some((entry, revoked)) = entry_of(d.conn(), h.device)? else { return Ok(Refused(Refusal::UnknownDevice)) };
    if revoked.is_some_and(|after| h.seq > after) {
        return Ok(Refused(Refusal::Revoked));
    }
    let pk = b64().decode(&entry.sign_pk).unwrap_or_default();
    if let Err(r) = seal::verify(bytes, &pk) {
        return Ok(Refused(r));
    }
    let key: Option<Vec<u8>> =
        d.conn().query_row("SELECT key FROM share_key WHERE epoch = ?1", [h.epoch], |r| r.get(0)).optional()?;
    let Some(key) = key.map(zeroize::Zeroizing::new) else { return Ok(Refused(Refusal::KeyNotYetKnown)) };
    let key: [u8; 32] = key.as_slice().try_into().map_err(|_| Error::Corrupt("share key".into()))?;
    let plain = match seal::open(bytes, &key) {
        Ok(p) => p,
        Err(r) => return Ok(Refused(r)),
    };
    let Ok(bundle) = serde_json::from_slice::<Bundle>(&plain) else { return Ok(Refused(Refusal::NotAChangeFile)) };
    // Every change must be this device's own: a device cannot speak for another.
    let mut docs: BTreeMap<String, (RecordKind, Vec<Change>)> = BTreeMap::new();
    for item in &bundle.items {
        if let Item::Change { kind, id, change } = item {
            let Some(kind) = kind_of(kind) else { return Ok(Refused(Refusal::NotAChangeFile)) };
            let Ok(c) = b64().decode(change).map_err(|_| ()).and_then(|b| Change::from_bytes(b).map_err(|_| ())) else {
                return Ok(Refused(Refusal::NotAChangeFile));
            };
            if c.actor_id().to_bytes() != h.device.as_bytes() {
                return Ok(Refused(Refusal::Forged));
            }
            docs.entry(id.clone()).or_insert_with(|| (kind, vec![])).1.push(c);
        }
    }
    let user = entry.user.clone();
    let result = d.transaction_raw(|tx| {
        tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        for item in &bundle.items {
            match item {
                Item::Change { .. } | Item::Blob { .. } => {}
                Item::Device(e) => add_device(tx, e, Some(h.device))?,
                Item::Revoke { device, after, .. } => apply_revoke(tx, *device, *after)?,
                Item::Key { epoch, wrapped } => {
                    if let Some(k) = wrapped.get(&me.device).and_then(|w| b64().decode(w).ok()) {
                        if let Some(k) = seal::unwrap_key(&me.box_key, &k) {
                            tx.execute(
                                "INSERT OR IGNORE INTO share_key (epoch, key, created_at) VALUES (?1, ?2, ?3)",
                                params![epoch, &k[..], super::now()],
                            )?;
                        }
                    }
                }
            }
        }
        if roster_only {
            return Ok((false, 0, vec![]));
        }
        let mut complete = true;
        let mut records = 0;
        let mut problems = vec![];
        for (id, (kind, changes)) in docs {
            let mut doc = hooks::load_doc(tx, &id, me.device)?;
            let hashes: Vec<_> = changes.iter().map(|c| c.hash()).collect();
            doc.apply_changes(changes).map_err(|e| Error::Corrupt(format!("shared document {id}: {e}")))?;
            // Changes whose predecessors are not here yet stay out; the file is tried again at the next sync.
            if hashes.iter().any(|hash| doc.get_change_by_hash(hash).is_none()) {
                complete = false;
            }
            hooks::save_doc(tx, &id, kind, &mut doc)?;
            tx.execute_batch("SAVEPOINT share_record")?;
            match write_view(tx, &user, kind, &id, &doc) {
                Ok(()) => {
                    tx.execute_batch("RELEASE share_record")?;
                    records += 1;
                }
                Err(e) => {
                    tx.execute_batch("ROLLBACK TO share_record; RELEASE share_record")?;
                    problems.push(super::SyncProblem::record(kind, &id.to_string(), &e));
                }
            }
        }
        hold_parents(tx, &user, me.device)?;
        if complete {
            tx.execute(
                "INSERT OR IGNORE INTO share_applied (device, seq) VALUES (?1, ?2)",
                params![h.device.to_string(), h.seq as i64],
            )?;
        }
        Ok((complete, records, problems))
    })?;
    match result {
        (true, records, problems) => Ok(Outcome::Applied { records, problems }),
        (false, ..) => Ok(Refused(Refusal::Waiting)),
    }
}

/// Writes the view of `doc` into the record's table (insert, update or delete) as `actor`.
pub(super) fn write_view(
    tx: &Transaction<'_>,
    actor: &str,
    kind: RecordKind,
    id: &str,
    doc: &AutoCommit,
) -> Result<()> {
    write_view_of(tx, actor, kind, id, View::of(doc)?)
}

fn write_view_of(tx: &Transaction<'_>, actor: &str, kind: RecordKind, id: &str, mut view: View) -> Result<()> {
    if kind == RecordKind::Media {
        with_blob(tx, id, &mut view)?;
    }
    let id = Uuid::parse_str(id).map_err(|_| Error::Corrupt(format!("shared record id {id}")))?;
    hooks::applying(|| by_kind!(kind, write_view_t(tx, actor, id, &view)))
}

/// A photo or logo about to be inserted gets its bytes from its blob, or empty bytes while the blob has not arrived
/// (filled in by a later sync: `blob::fill_waiting`).
fn with_blob(tx: &Transaction<'_>, id: &str, view: &mut View) -> Result<()> {
    let Some(r) = view.record.as_mut().filter(|r| r.blobs.is_none()) else { return Ok(()) };
    let exists = tx.query_row("SELECT 1 FROM media WHERE id = ?1", [id], |_| Ok(())).optional()?.is_some();
    if exists {
        return Ok(());
    }
    let folder = super::me(tx)?.map(|m| m.folder);
    let found = match (&r.blob, folder) {
        (Some(name), Some(folder)) => super::blob::fetch(tx, &folder, name, &mut vec![])?,
        _ => None,
    };
    r.blobs = Some(found.map(|(b, t)| (b.to_vec(), t.to_vec())).unwrap_or_default());
    Ok(())
}

fn time(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| Error::Corrupt(format!("shared time {s}")))
}

fn write_view_t<T: Record>(tx: &Transaction<'_>, actor: &str, id: Uuid, view: &View) -> Result<()> {
    let table = T::KIND.table();
    let row: Option<(String, String)> = tx
        .query_row(&format!("SELECT data, updated_at FROM {table} WHERE id = ?1"), [id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let parse = |v: &Value| serde_json::from_value::<T>(v.clone()).map_err(|e| Error::Corrupt(e.to_string()));
    match (&view.record, row) {
        (None, None) => {}
        // Deleted on another device while a record here still refers to it: held (see `hold_parents`).
        (None, Some(_)) if referred(tx, table, &id.to_string())? => {}
        (None, Some(_)) => {
            let parents = parents_of(tx, table, &id.to_string())?;
            store::delete_in(tx, actor, T::KIND, &id.to_string())?;
            release(tx, actor, parents)?;
        }
        (Some(r), None) => {
            let preset = Preset { id, created_at: time(&r.created_at)?, updated_at: time(&r.updated_at)? };
            let blobs = r.blobs.as_ref().map(|(a, b)| (&a[..], &b[..]));
            store::insert_with(tx, actor, parse(&r.data)?, blobs, Some(preset))?;
        }
        (Some(r), Some((data, updated))) => {
            let current: Value = serde_json::from_str(&data).map_err(|e| Error::Corrupt(e.to_string()))?;
            if current != r.data {
                store::update_with(tx, actor, id, parse(&r.data)?, Some(&r.updated_at))?;
            } else if updated != r.updated_at {
                // Same content, another write time (two devices saved the same value): only the time follows.
                tx.execute(
                    &format!("UPDATE {table} SET updated_at = ?2 WHERE id = ?1"),
                    params![id.to_string(), r.updated_at],
                )?;
            }
        }
    }
    Ok(())
}

/// The foreign keys between record tables: (child table, its column, parent table). Read from the schema once per
/// process (the migrations fix it; every dossier this build opens has the same), not at every delete.
fn foreign_keys(tx: &rusqlite::Connection) -> Result<&'static [(String, String, String)]> {
    static KEYS: std::sync::OnceLock<Vec<(String, String, String)>> = std::sync::OnceLock::new();
    if let Some(k) = KEYS.get() {
        return Ok(k);
    }
    let mut out = vec![];
    for kind in RecordKind::ALL {
        let child = kind.table();
        let mut st = tx.prepare_cached("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?;
        let rows = st.query_map([child], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for r in rows {
            let (col, parent) = r?;
            out.push((child.to_owned(), col, parent));
        }
    }
    Ok(KEYS.get_or_init(|| out))
}

/// The records that refer to record `id` of `table` (a detainee's contacts, photos, events, sponsorships…).
pub(super) fn referrers(tx: &rusqlite::Connection, table: &str, id: &str) -> Result<Vec<(RecordKind, String)>> {
    let mut out = vec![];
    for (child, col, parent) in foreign_keys(tx)? {
        if parent != table {
            continue;
        }
        let Some(kind) = kind_of(child) else { continue };
        let mut st = tx.prepare(&format!("SELECT id FROM {child} WHERE {col} = ?1 ORDER BY id"))?;
        for r in st.query_map([id], |r| r.get::<_, String>(0))? {
            out.push((kind, r?));
        }
    }
    Ok(out)
}

/// The records that record `id` of `table` refers to: (parent table, parent id).
fn parents_of(tx: &rusqlite::Connection, table: &str, id: &str) -> Result<Vec<(String, String)>> {
    let mut out = vec![];
    for (child, col, parent) in foreign_keys(tx)? {
        if child != table {
            continue;
        }
        let pid: Option<String> =
            tx.query_row(&format!("SELECT {col} FROM {child} WHERE id = ?1"), [id], |r| r.get(0)).optional()?.flatten();
        out.extend(pid.map(|p| (parent.clone(), p)));
    }
    Ok(out)
}

/// After a delete: each record it referred to that was only held for it (deleted in its document, nothing else
/// referring to it) goes too, as its document says.
fn release(tx: &Transaction<'_>, actor: &str, mut parents: Vec<(String, String)>) -> Result<()> {
    while let Some((table, id)) = parents.pop() {
        let Some(kind) = kind_of(&table) else { continue };
        let here = tx.query_row(&format!("SELECT 1 FROM {table} WHERE id = ?1"), [&id], |_| Ok(())).optional()?;
        let bytes: Option<Vec<u8>> =
            tx.query_row("SELECT doc FROM share_doc WHERE record_id = ?1", [&id], |r| r.get(0)).optional()?;
        let (Some(()), Some(bytes)) = (here, bytes) else { continue };
        let doc = doc::load(&bytes, &[0; 16])?;
        if View::of(&doc)?.record.is_some() || referred(tx, &table, &id)? {
            continue;
        }
        parents.extend(parents_of(tx, &table, &id)?);
        store::delete_in(tx, actor, kind, &id)?;
    }
    Ok(())
}

fn referred(tx: &rusqlite::Connection, table: &str, id: &str) -> Result<bool> {
    Ok(!referrers(tx, table, id)?.is_empty())
}

/// One office deleted a record while another, not knowing, added something that refers to it (a contact, a photo,
/// an event of a detainee): the deletion and that addition are an edit against a delete, which a person decides.
/// Until then the record is *held*: its row stays (or comes back) as it was before the delete, so nothing that
/// refers to it is lost and no foreign key breaks; the conflicts list shows it (`conflicts::held`). Deterministic:
/// a record is held exactly when its document says deleted and a live record refers to it, on every replica.
/// Runs before each applied file commits (foreign keys are deferred until then).
pub(super) fn hold_parents(tx: &Transaction<'_>, actor: &str, device: Uuid) -> Result<()> {
    // A held photo may itself hold its detainee: repeat while something comes back.
    for _ in 0..8 {
        let violations: Vec<(String, i64, String, i64)> = tx
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(-1), r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut progress = false;
        for (table, rowid, parent, fk) in violations {
            let col: Option<String> = tx
                .query_row("SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2", params![table, fk], |r| {
                    r.get(0)
                })
                .optional()?;
            let (Some(col), Some(kind)) = (col, kind_of(&parent)) else { continue };
            let pid: Option<String> = tx
                .query_row(&format!("SELECT {col} FROM {table} WHERE rowid = ?1"), [rowid], |r| r.get(0))
                .optional()?
                .flatten();
            let Some(pid) = pid else { continue };
            let here = tx.query_row(&format!("SELECT 1 FROM {parent} WHERE id = ?1"), [&pid], |_| Ok(())).optional()?;
            let bytes: Option<Vec<u8>> =
                tx.query_row("SELECT doc FROM share_doc WHERE record_id = ?1", [&pid], |r| r.get(0)).optional()?;
            // A parent not here yet (its file comes later) is not a delete: the file waits for the next round.
            let (None, Some(bytes)) = (here, bytes) else { continue };
            let doc = doc::load(&bytes, device.as_bytes())?;
            write_view_of(tx, actor, kind, &pid, View::held(&doc)?)?;
            progress = true;
        }
        if !progress {
            break;
        }
    }
    Ok(())
}

/// Every difference between the tables and the view of the shared documents.
pub(super) fn differences(conn: &rusqlite::Connection, device: Uuid) -> Result<Vec<String>> {
    let mut out = vec![];
    let docs: Vec<(String, String, Vec<u8>)> = conn
        .prepare("SELECT record_id, kind, doc FROM share_doc")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut known = std::collections::BTreeSet::new();
    for (id, kind, bytes) in docs {
        known.insert(id.clone());
        let doc = doc::load(&bytes, device.as_bytes())?;
        let view = View::of(&doc)?;
        let Some(k) = kind_of(&kind) else {
            out.push(format!("{id}: unknown kind {kind}"));
            continue;
        };
        let row: Option<(String, String, String)> = conn
            .query_row(&format!("SELECT data, created_at, updated_at FROM {} WHERE id = ?1", k.table()), [&id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match (view.record, row) {
            (None, None) => {}
            (Some(_), None) => out.push(format!("{kind} {id}: in the document, not in the table")),
            (None, Some(_)) if referred(conn, k.table(), &id)? => {} // held
            (None, Some(_)) => out.push(format!("{kind} {id}: in the table, deleted in the document")),
            (Some(v), Some((data, created, updated))) => {
                let data: Value = serde_json::from_str(&data).map_err(|e| Error::Corrupt(e.to_string()))?;
                if data != v.data || created != v.created_at || updated != v.updated_at {
                    out.push(format!("{kind} {id}: table and document differ"));
                }
            }
        }
    }
    for kind in RecordKind::ALL {
        let ids: Vec<String> = conn
            .prepare(&format!("SELECT id FROM {}", kind.table()))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids.into_iter().filter(|i| !known.contains(i)) {
            out.push(format!("{kind} {id}: no shared document"));
        }
    }
    Ok(out)
}

/// Record `id` as JSON with `field` set from `text` the way the command line's `--set` reads it, checked as any
/// edit is (for a value typed to close a conflict).
pub(super) fn with_field(d: &Dossier, kind: RecordKind, id: Uuid, field: &str, text: &str) -> Result<Value> {
    by_kind!(kind, with_field_t(d, id, field, text))
}

fn with_field_t<T: Record>(d: &Dossier, id: Uuid, field: &str, text: &str) -> Result<Value> {
    let mut data = d.get::<T>(id)?.data;
    store::apply_sets(&mut data, &[(field.to_owned(), text.to_owned())])?;
    data.validate()?;
    serde_json::to_value(&data).map_err(|e| Error::Corrupt(e.to_string()))
}

/// Writes `data` (from [`with_field`]) as record `id` through the one write path.
pub(super) fn save_json(d: &mut Dossier, kind: RecordKind, id: Uuid, data: Value) -> Result<()> {
    by_kind!(kind, save_json_t(d, id, data))
}

fn save_json_t<T: Record>(d: &mut Dossier, id: Uuid, data: Value) -> Result<()> {
    let t: T = serde_json::from_value(data).map_err(|e| Error::Corrupt(e.to_string()))?;
    d.update(id, t).map(drop)
}

/// What a list calls record `id` (its `Record::label`), if it is there.
pub(super) fn label_of(d: &Dossier, kind: RecordKind, id: Uuid) -> Option<String> {
    by_kind!(kind, label_t(d, id))
}

fn label_t<T: Record>(d: &Dossier, id: Uuid) -> Option<String> {
    d.get::<T>(id).ok().map(|r| r.data.label())
}
