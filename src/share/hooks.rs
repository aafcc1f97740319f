//! Called by the one write path (`store::insert_with`, `update_with`, `delete_in`) inside its transaction. A
//! dossier that does not share pays one indexed read of an empty table per write.

use std::cell::Cell;

use automerge::transaction::CommitOptions;
use automerge::{AutoCommit, ReadDoc};
use base64::Engine;
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;
use uuid::Uuid;

use super::{doc, push, Item};
use crate::error::{Error, Result};
use crate::model::RecordKind;

thread_local! {
    /// Set while merged changes are written into the tables: those writes are already in the documents.
    static APPLYING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the hook switched off (the documents already hold what `f` writes into the tables).
pub(super) fn applying<R>(f: impl FnOnce() -> R) -> R {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            APPLYING.with(|a| a.set(self.0));
        }
    }
    let _reset = Reset(APPLYING.with(|a| a.replace(true)));
    f()
}

/// A record as the write path just stored it.
pub struct Written<'a> {
    pub created_at: &'a str,
    pub updated_at: &'a str,
    pub data: &'a Value,
    pub blobs: Option<(&'a [u8], &'a [u8])>,
}

/// The write path's hook: `record` is `None` for a delete.
pub(crate) fn written(
    tx: &Transaction<'_>,
    kind: RecordKind,
    id: &str,
    at: &str,
    record: Option<Written<'_>>,
) -> Result<()> {
    if APPLYING.with(|a| a.get()) {
        return Ok(());
    }
    let me: Option<String> =
        tx.prepare_cached("SELECT device_id FROM share_self WHERE one = 1")?.query_row([], |r| r.get(0)).optional()?;
    let Some(me) = me else { return Ok(()) };
    let device = Uuid::parse_str(&me).map_err(|_| Error::Corrupt("share device id".into()))?;
    let mut d = load_doc(tx, id, device)?;
    // A new photo's or logo's bytes go into a blob of their own, named by a keyed hash (only when the document
    // has none yet: the bytes of a stored photo never change).
    let bytes = record.as_ref().and_then(|r| r.blobs.map(|(b, _)| b));
    let name = match bytes {
        Some(b) if d.get(automerge::ROOT, doc::BLOB).map_err(am)?.is_none() => Some(super::blob::name_for(tx, b)?),
        _ => None,
    };
    let w = doc::Write {
        kind: kind.table(),
        at,
        record: record.map(|r| doc::WrittenRecord {
            created_at: r.created_at,
            updated_at: r.updated_at,
            data: r.data,
            blob: name.as_deref(),
        }),
    };
    if doc::record_write(&mut d, &w)? {
        if let Some(name) = name {
            push(tx, &Item::Blob { name, media: id.to_owned() })?;
        }
    }
    commit_local(tx, &mut d, kind, id, "")
}

fn am(e: automerge::AutomergeError) -> Error {
    Error::Corrupt(format!("shared document: {e}"))
}

pub(super) fn load_doc(tx: &rusqlite::Connection, id: &str, device: Uuid) -> Result<AutoCommit> {
    let bytes: Option<Vec<u8>> = tx
        .prepare_cached("SELECT doc FROM share_doc WHERE record_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match bytes {
        Some(b) => doc::load(&b, device.as_bytes()),
        None => Ok(doc::new_doc(device.as_bytes())),
    }
}

pub(super) fn save_doc(tx: &Transaction<'_>, id: &str, kind: RecordKind, d: &mut AutoCommit) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO share_doc (record_id, kind, doc) VALUES (?1, ?2, ?3) \
         ON CONFLICT (record_id) DO UPDATE SET doc = excluded.doc",
    )?
    .execute(params![id, kind.table(), d.save()])?;
    Ok(())
}

/// Commits the pending operations of `d` as one change by this device, queues it for the folder, saves the document.
pub(super) fn commit_local(
    tx: &Transaction<'_>,
    d: &mut AutoCommit,
    kind: RecordKind,
    id: &str,
    _user: &str,
) -> Result<()> {
    let ms = chrono::Utc::now().timestamp_millis();
    if d.commit_with(CommitOptions::default().with_time(ms)).is_none() {
        return Ok(());
    }
    let change = d.get_last_local_change().ok_or_else(|| Error::Corrupt("share: no change after commit".into()))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(change.raw_bytes());
    push(tx, &Item::Change { kind: kind.table().to_owned(), id: id.to_owned(), change: b64 })?;
    save_doc(tx, id, kind, d)?;
    super::conflicts::reindex_one(tx, id, kind, d)
}
