//! A record's shared state: one Automerge document per record.
//!
//! Layout of a document (all at the root, flat, so that no two devices ever create competing objects):
//! - `kind`: the record kind (`detainee`, `sponsor`…), `created_at`: its creation time;
//! - `f:<field>`: each top-level field of the record as JSON text (the unit of merging and of conflicts, as in the
//!   history);
//! - `updated_at`: last write time (metadata: concurrent writes make it multi-valued, never a conflict shown);
//! - `live`: the time of the last write that kept the record (text), or `deleted <time>` once deleted (`false` in
//!   documents written before 2026-12). An edit concurrent with a delete leaves both values: the record stays
//!   (restorable) and the conflict is shown;
//! - `b:blob`: the name of a photo's or logo's blob (its bytes and thumbnail, sealed in a file of their own in the
//!   folder, named by a keyed hash of the bytes), written once when it is created. Documents written before
//!   2026-12 hold the bytes themselves in `b:bytes`, `b:thumb` (still read).
//!
//! The record table is a view: [`View::of`] computes it, identically on every replica (Automerge's winner of a
//! multi-valued key is deterministic).
//!
//! Every write of `live` and every resolution goes through [`put_distinct`]: Automerge 0.12 turns a `put` of the
//! value a multi-valued key's winner already holds into a deletion of the *other* values only (no new value, the
//! old winner survives), so such a write would carry nothing of its own and a concurrent write would erase it
//! without a conflict. A value differing from every current one is always a new value superseding all it saw.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ReadDoc, ScalarValue, Value as AmValue, ROOT};
use serde_json::Value;

use crate::error::{Error, Result};

pub const LIVE: &str = "live";
pub const FIELD_PREFIX: &str = "f:";
/// How a `live` value that deletes the record begins (followed by the time).
const DELETED: &str = "deleted";
pub const BLOB: &str = "b:blob";

fn am(e: automerge::AutomergeError) -> Error {
    Error::Corrupt(format!("shared document: {e}"))
}

pub fn new_doc(actor: &[u8; 16]) -> AutoCommit {
    AutoCommit::new().with_actor(ActorId::from(&actor[..]))
}

pub fn load(bytes: &[u8], actor: &[u8; 16]) -> Result<AutoCommit> {
    Ok(AutoCommit::load(bytes).map_err(am)?.with_actor(ActorId::from(&actor[..])))
}

fn text(v: &AmValue<'_>) -> Option<String> {
    match v {
        AmValue::Scalar(s) => match s.as_ref() {
            ScalarValue::Str(t) => Some(t.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Every value a key holds (several when devices wrote it concurrently), winner first, with the op's actor and
/// counter.
pub fn values(doc: &AutoCommit, key: &str) -> Result<Vec<(AmValue<'static>, ActorId, u64)>> {
    let all = doc.get_all(ROOT, key).map_err(am)?;
    let mut out: Vec<(AmValue<'static>, ActorId, u64)> = all
        .into_iter()
        .map(|(v, id)| {
            let (counter, actor) = match id {
                automerge::ObjId::Id(c, a, _) => (c, a),
                automerge::ObjId::Root => (0, ActorId::from(&[][..])),
            };
            (v.to_owned(), actor, counter)
        })
        .collect();
    // Automerge's winner: highest (counter, actor). Sorting here keeps the order stable whatever get_all returns.
    out.sort_by(|a, b| (b.2, b.1.to_bytes()).cmp(&(a.2, a.1.to_bytes())));
    Ok(out)
}

/// Whether a `live` value keeps the record (`Some(true)`), deletes it (`Some(false)`), or is not a `live` value.
fn keeps(v: &AmValue<'_>) -> Option<bool> {
    match v {
        AmValue::Scalar(s) => match s.as_ref() {
            ScalarValue::Str(t) => Some(!t.starts_with(DELETED)),
            ScalarValue::Boolean(false) => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Puts `text` at `key`, made different from every value the key holds now (trailing spaces: they change neither a
/// JSON field's value nor a time's meaning), so that the operation is a new value superseding every value it saw.
pub fn put_distinct(doc: &mut AutoCommit, key: &str, value: &str) -> Result<()> {
    let current: Vec<String> = values(doc, key)?.iter().filter_map(|(v, _, _)| text(v)).collect();
    let mut t = value.to_owned();
    while current.contains(&t) {
        t.push(' ');
    }
    doc.put(ROOT, key, t).map_err(am)
}

fn winner_text(doc: &AutoCommit, key: &str) -> Result<Option<String>> {
    Ok(doc.get(ROOT, key).map_err(am)?.and_then(|(v, _)| text(&v)))
}

/// The record as the table should hold it, computed from the document alone.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub kind: String,
    /// `None`: the record is not in the table (deleted without a concurrent edit, or not yet created).
    pub record: Option<ViewRecord>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewRecord {
    pub created_at: String,
    pub updated_at: String,
    pub data: Value,
    pub blobs: Option<(Vec<u8>, Vec<u8>)>,
    /// The blob holding the bytes and thumbnail (hex name), when they are not in the document.
    pub blob: Option<String>,
}

impl View {
    pub fn of(doc: &AutoCommit) -> Result<View> {
        View::compute(doc, false)
    }

    /// The record as it was before it was deleted: what a held record's table row holds (see
    /// `apply::hold_parents`).
    pub fn held(doc: &AutoCommit) -> Result<View> {
        View::compute(doc, true)
    }

    fn compute(doc: &AutoCommit, even_deleted: bool) -> Result<View> {
        let kind = winner_text(doc, "kind")?.unwrap_or_default();
        let live = even_deleted || values(doc, LIVE)?.iter().any(|(v, _, _)| keeps(v) == Some(true));
        let created = winner_text(doc, "created_at")?;
        let (true, Some(created_at)) = (live, created) else { return Ok(View { kind, record: None }) };
        let mut data = serde_json::Map::new();
        for key in doc.keys(ROOT) {
            if let Some(field) = key.strip_prefix(FIELD_PREFIX) {
                if let Some(t) = winner_text(doc, &key)? {
                    let v: Value =
                        serde_json::from_str(&t).map_err(|e| Error::Corrupt(format!("shared field: {e}")))?;
                    data.insert(field.to_owned(), v);
                }
            }
        }
        let updated_at = winner_text(doc, "updated_at")?.unwrap_or_else(|| created_at.clone());
        let bytes = |k: &str| -> Result<Option<Vec<u8>>> {
            Ok(doc.get(ROOT, k).map_err(am)?.and_then(|(v, _)| match v {
                AmValue::Scalar(s) => match s.as_ref() {
                    ScalarValue::Bytes(b) => Some(b.clone()),
                    _ => None,
                },
                _ => None,
            }))
        };
        let blobs = match (bytes("b:bytes")?, bytes("b:thumb")?) {
            (Some(b), Some(t)) => Some((b, t)),
            _ => None,
        };
        let blob = winner_text(doc, BLOB)?;
        Ok(View { kind, record: Some(ViewRecord { created_at, updated_at, data: Value::Object(data), blobs, blob }) })
    }
}

/// A local write, as the write path describes it.
pub struct Write<'a> {
    pub kind: &'a str,
    pub at: &'a str,
    /// `None`: deleted.
    pub record: Option<WrittenRecord<'a>>,
}

pub struct WrittenRecord<'a> {
    pub created_at: &'a str,
    pub updated_at: &'a str,
    pub data: &'a Value,
    /// The name of the blob holding a new photo's or logo's bytes.
    pub blob: Option<&'a str>,
}

/// Records a local write in the document: only what differs from the document's current view becomes an
/// operation, so a field left as it was keeps its conflict (if any) for a person to resolve. Returns whether the
/// document now names a blob it did not name before (its file is then to be written).
pub fn record_write(doc: &mut AutoCommit, w: &Write<'_>) -> Result<bool> {
    let mut new_blob = false;
    let view = View::of(doc)?;
    match &w.record {
        None => {
            if view.record.is_some() {
                put_distinct(doc, LIVE, &format!("{DELETED} {}", w.at))?;
            }
        }
        Some(r) => {
            if winner_text(doc, "kind")?.as_deref() != Some(w.kind) {
                doc.put(ROOT, "kind", w.kind).map_err(am)?;
            }
            if winner_text(doc, "created_at")?.as_deref() != Some(r.created_at) {
                doc.put(ROOT, "created_at", r.created_at).map_err(am)?;
            }
            let empty = serde_json::Map::new();
            let new = r.data.as_object().unwrap_or(&empty);
            let old = view.record.as_ref().and_then(|v| v.data.as_object().cloned()).unwrap_or_default();
            let mut changed = view.record.is_none();
            let keys: std::collections::BTreeSet<&String> = new.keys().chain(old.keys()).collect();
            for k in keys {
                match (old.get(k), new.get(k)) {
                    (a, Some(b)) if a != Some(b) => {
                        doc.put(ROOT, format!("{FIELD_PREFIX}{k}"), b.to_string()).map_err(am)?;
                        changed = true;
                    }
                    (Some(_), None) => {
                        doc.delete(ROOT, format!("{FIELD_PREFIX}{k}")).map_err(am)?;
                        changed = true;
                    }
                    _ => {}
                }
            }
            let has_bytes =
                doc.get(ROOT, "b:bytes").map_err(am)?.is_some() || doc.get(ROOT, BLOB).map_err(am)?.is_some();
            if let (Some(name), false) = (r.blob, has_bytes) {
                doc.put(ROOT, BLOB, name).map_err(am)?;
                new_blob = true;
            }
            if changed || view.record.as_ref().map(|v| v.updated_at.as_str()) != Some(r.updated_at) {
                doc.put(ROOT, "updated_at", r.updated_at).map_err(am)?;
                // A new value every write: a delete made concurrently then conflicts with this edit.
                put_distinct(doc, LIVE, w.at)?;
            }
        }
    }
    Ok(new_blob)
}

/// A key holding several values that a person should choose between.
#[derive(Debug, Clone)]
pub struct OpenConflict {
    /// `f:<field>` or `live`.
    pub key: String,
    /// Each value (JSON; for `live`: "deleted" or "kept"), its actor and op counter, winner first.
    pub values: Vec<(Value, ActorId, u64)>,
}

pub fn open_conflicts(doc: &AutoCommit) -> Result<Vec<OpenConflict>> {
    let mut out = vec![];
    let mut keys: Vec<String> = doc.keys(ROOT).filter(|k| k.starts_with(FIELD_PREFIX)).collect();
    keys.sort();
    keys.insert(0, LIVE.to_owned());
    for key in keys {
        let vals = values(doc, &key)?;
        if vals.len() < 2 {
            continue;
        }
        let mapped: Vec<(Value, ActorId, u64)> = vals
            .into_iter()
            .map(|(v, a, c)| {
                let j = if key == LIVE {
                    Value::String(if keeps(&v) == Some(true) { "kept" } else { "deleted" }.into())
                } else {
                    text(&v).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null)
                };
                (j, a, c)
            })
            .collect();
        if key == LIVE && mapped.iter().all(|(v, _, _)| v == &mapped[0].0) {
            continue; // two concurrent edits that both kept the record: nothing to decide
        }
        out.push(OpenConflict { key, values: mapped });
    }
    Ok(out)
}

/// Closes a conflict by writing the chosen value again: the new operation supersedes every value it saw.
pub fn resolve(doc: &mut AutoCommit, key: &str, pick: &Value, at: &str) -> Result<()> {
    if key == LIVE {
        if pick == "deleted" {
            put_distinct(doc, LIVE, &format!("{DELETED} {at}"))
        } else {
            put_distinct(doc, LIVE, at)
        }
    } else {
        put_distinct(doc, key, &pick.to_string())
    }
}

/// Time (ms) of the change holding op `counter` of `actor`, from the document's changes.
pub fn op_times(doc: &mut AutoCommit) -> BTreeMap<(Vec<u8>, u64), i64> {
    let mut out = BTreeMap::new();
    for c in doc.get_changes(&[]) {
        let start = c.start_op().get();
        out.insert((c.actor_id().to_bytes().to_vec(), start + c.len() as u64), c.timestamp());
    }
    out
}

/// Looks up the time of op `counter` by `actor` in [`op_times`]: the change whose range holds it.
pub fn time_of(times: &BTreeMap<(Vec<u8>, u64), i64>, actor: &ActorId, counter: u64) -> i64 {
    let a = actor.to_bytes().to_vec();
    times.range((a.clone(), counter + 1)..).next().filter(|((x, _), _)| *x == a).map(|(_, t)| *t).unwrap_or(0)
}
