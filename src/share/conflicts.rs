//! Values two devices wrote concurrently: the conflict list every replica shows alike, and resolving one.

use super::*;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictValue {
    pub value: Value,
    pub device: Uuid,
    pub user: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Conflict {
    pub id: String,
    pub record_id: Uuid,
    pub record_kind: RecordKind,
    /// The field, or `(record)` for an edit made while another device deleted the record.
    pub field: String,
    /// Winner (the value the tables hold) first.
    pub values: Vec<ConflictValue>,
}

fn users(conn: &rusqlite::Connection) -> Result<BTreeMap<Uuid, String>> {
    Ok(conn
        .prepare("SELECT id, user FROM share_device")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| r.ok())
        .filter_map(|(i, u)| Uuid::parse_str(&i).ok().map(|i| (i, u)))
        .collect())
}

pub(super) fn kind_of(s: &str) -> Option<RecordKind> {
    RecordKind::ALL.into_iter().find(|k| k.table() == s)
}

/// Every open conflict, the same on every replica that has the same changes.
pub fn conflicts(d: &Dossier) -> Result<Vec<Conflict>> {
    let Some(me) = me(d.conn())? else { return Ok(vec![]) };
    let users = users(d.conn())?;
    let docs: Vec<(String, String, Vec<u8>)> = d
        .conn()
        .prepare("SELECT record_id, kind, doc FROM share_doc ORDER BY record_id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = vec![];
    for (rid, kind, bytes) in docs {
        let Some(kind) = kind_of(&kind) else { continue };
        let mut doc = doc::load(&bytes, me.device.as_bytes())?;
        out.extend(of_doc(d.conn(), &rid, kind, &mut doc, &users)?.0);
    }
    Ok(out)
}

/// The open conflicts of one record's document, and the record a list shows for it (see [`owner`]).
fn of_doc(
    conn: &rusqlite::Connection,
    rid: &str,
    kind: RecordKind,
    doc: &mut AutoCommit,
    users: &BTreeMap<Uuid, String>,
) -> Result<(Vec<Conflict>, Option<Uuid>)> {
    // A deleted record has nothing left to decide, unless it is held (see `apply::hold_parents`).
    let Some(view) = doc::View::of(doc)?.record else { return held(conn, rid, kind, doc, users) };
    let open = doc::open_conflicts(doc)?;
    if open.is_empty() {
        return Ok((vec![], None));
    }
    let record_id = Uuid::parse_str(rid).unwrap_or_default();
    let times = doc::op_times(doc);
    let mut out = vec![];
    for c in open {
        let mut h = Sha256::new();
        h.update(rid.as_bytes());
        h.update([0]);
        h.update(c.key.as_bytes());
        let mut values = vec![];
        for (value, actor, counter) in &c.values {
            h.update(actor.to_bytes());
            h.update(counter.to_le_bytes());
            values.push(conflict_value(users, value.clone(), actor, stamp(&times, actor, *counter)));
        }
        let id: String = h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
        let field = c.key.strip_prefix(doc::FIELD_PREFIX).unwrap_or(RECORD_FIELD).to_owned();
        out.push(Conflict { id, record_id, record_kind: kind, field, values });
    }
    Ok((out, Some(owner(kind, &view.data).unwrap_or(record_id))))
}

/// A value as the list shows it: the device that wrote it (from the op's actor), that device's user, when.
fn conflict_value(
    users: &BTreeMap<Uuid, String>,
    value: Value,
    actor: &automerge::ActorId,
    at: String,
) -> ConflictValue {
    let device = Uuid::from_slice(actor.to_bytes()).unwrap_or_default();
    ConflictValue { value, device, user: users.get(&device).cloned().unwrap_or_default(), at }
}

/// The time (RFC 3339) of op `counter` of `actor`, from the document's change times.
fn stamp(times: &BTreeMap<(Vec<u8>, u64), i64>, actor: &automerge::ActorId, counter: u64) -> String {
    Utc.timestamp_millis_opt(doc::time_of(times, actor, counter))
        .single()
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// A record deleted on one device while another added something that refers to it: "kept" (by whoever added the
/// first referring record, when) against "deleted" (by whoever deleted it, when), kept first (the table holds it).
fn held(
    conn: &rusqlite::Connection,
    rid: &str,
    kind: RecordKind,
    doc: &mut AutoCommit,
    users: &BTreeMap<Uuid, String>,
) -> Result<(Vec<Conflict>, Option<Uuid>)> {
    let table = kind.table();
    let here = conn.query_row(&format!("SELECT 1 FROM {table} WHERE id = ?1"), [rid], |_| Ok(())).optional()?;
    let refs = if here.is_some() { apply::referrers(conn, table, rid)? } else { vec![] };
    let Some((_, first)) = refs.first() else { return Ok((vec![], None)) };
    let Some(me) = me(conn)? else { return Ok((vec![], None)) };
    let child_bytes: Option<Vec<u8>> =
        conn.query_row("SELECT doc FROM share_doc WHERE record_id = ?1", [first], |r| r.get(0)).optional()?;
    let Some(child_bytes) = child_bytes else { return Ok((vec![], None)) };
    let mut child = doc::load(&child_bytes, me.device.as_bytes())?;
    let Some((_, kept_actor, kept_counter)) = doc::values(&child, "created_at")?.into_iter().next() else {
        return Ok((vec![], None));
    };
    let Some((_, del_actor, del_counter)) = doc::values(doc, doc::LIVE)?.into_iter().next() else {
        return Ok((vec![], None));
    };
    let kept_at = stamp(&doc::op_times(&mut child), &kept_actor, kept_counter);
    let del_at = stamp(&doc::op_times(doc), &del_actor, del_counter);
    let mut h = Sha256::new();
    for part in [rid.as_bytes(), &[0], doc::LIVE.as_bytes(), first.as_bytes()] {
        h.update(part);
    }
    h.update(kept_actor.to_bytes());
    h.update(kept_counter.to_le_bytes());
    h.update(del_actor.to_bytes());
    h.update(del_counter.to_le_bytes());
    let id: String = h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    let value = |v: &str, actor: &automerge::ActorId, at: String| {
        let device = Uuid::from_slice(actor.to_bytes()).unwrap_or_default();
        ConflictValue {
            value: Value::String(v.into()),
            device,
            user: users.get(&device).cloned().unwrap_or_default(),
            at,
        }
    };
    let record_id = Uuid::parse_str(rid).unwrap_or_default();
    let values = vec![value("kept", &kept_actor, kept_at), value("deleted", &del_actor, del_at)];
    let data = doc::View::held(doc)?.record.map(|r| r.data).unwrap_or(Value::Null);
    let owner = owner(kind, &data).unwrap_or(record_id);
    Ok((vec![Conflict { id, record_id, record_kind: kind, field: RECORD_FIELD.to_owned(), values }], Some(owner)))
}

/// The `field` of a conflict between an edit and a delete of the whole record.
pub const RECORD_FIELD: &str = "(record)";

/// What lists call the record of conflict `c`, and the detainee a contact, photo, event or source belongs to.
pub fn about(d: &Dossier, c: &Conflict) -> (Option<String>, Option<Uuid>) {
    let label = apply::label_of(d, c.record_kind, c.record_id);
    let table = c.record_kind.table();
    let data: Option<String> = d
        .conn()
        .query_row(&format!("SELECT data FROM {table} WHERE id = ?1"), [c.record_id.to_string()], |r| r.get(0))
        .optional()
        .ok()
        .flatten();
    let owner = data.and_then(|j| serde_json::from_str::<Value>(&j).ok()).and_then(|v| owner(c.record_kind, &v));
    (label, owner)
}

/// The record a list shows for a record: a contact's, photo's, event's or source's (first) detainee.
fn owner(kind: RecordKind, data: &Value) -> Option<Uuid> {
    let id = match kind {
        RecordKind::Contact | RecordKind::Media | RecordKind::Event => data.get("detainee_id")?,
        RecordKind::Source => data.get("detainee_ids")?.get(0)?,
        _ => return None,
    };
    id.as_str().and_then(|s| Uuid::parse_str(s).ok())
}

/// Rebuilds the index of records with open conflicts from every document (at the end of a sync); returns how many
/// conflicts are open.
pub(super) fn reindex(d: &mut Dossier) -> Result<usize> {
    let all = conflicts(d)?;
    let mut per_record: BTreeMap<Uuid, (RecordKind, usize)> = BTreeMap::new();
    for c in &all {
        per_record.entry(c.record_id).or_insert((c.record_kind, 0)).1 += 1;
    }
    let me = require_me(d)?;
    d.transaction_raw(|tx| {
        tx.execute("DELETE FROM share_conflict", [])?;
        for (rid, (kind, open)) in &per_record {
            let rid = rid.to_string();
            let doc = hooks::load_doc(tx, &rid, me.device)?;
            let owner = doc::View::held(&doc)?.record.and_then(|v| owner(*kind, &v.data));
            let owner = owner.map_or_else(|| rid.clone(), |o| o.to_string());
            tx.execute(
                "INSERT INTO share_conflict (record_id, kind, owner, open) VALUES (?1, ?2, ?3, ?4)",
                params![rid, kind.table(), owner, *open as i64],
            )?;
        }
        Ok(())
    })?;
    Ok(all.len())
}

/// After a local write to a record listed as conflicted: its entry follows what its document now holds (a write of
/// a new value closes that field's conflict; a delete closes them all).
pub(super) fn reindex_one(tx: &Transaction<'_>, rid: &str, kind: RecordKind, doc: &mut AutoCommit) -> Result<()> {
    let listed = tx
        .prepare_cached("SELECT 1 FROM share_conflict WHERE record_id = ?1")?
        .query_row([rid], |_| Ok(()))
        .optional()?
        .is_some();
    if !listed {
        return Ok(());
    }
    let (open, _) = of_doc(tx, rid, kind, doc, &BTreeMap::new())?;
    if open.is_empty() {
        tx.execute("DELETE FROM share_conflict WHERE record_id = ?1", [rid])?;
    } else {
        tx.execute("UPDATE share_conflict SET open = ?2 WHERE record_id = ?1", params![rid, open.len() as i64])?;
    }
    Ok(())
}

/// How many conflicts are open, from the index (cheap: for the sidebar).
pub fn open_count(d: &Dossier) -> Result<usize> {
    Ok(d.conn().query_row("SELECT COALESCE(SUM(open), 0) FROM share_conflict", [], |r| r.get::<_, i64>(0))? as usize)
}

/// The records lists mark as having an open conflict: the records themselves and their owners (a detainee whose
/// contact or photo is in conflict).
pub fn conflicted(d: &Dossier) -> Result<BTreeSet<Uuid>> {
    let mut st = d.conn().prepare_cached("SELECT record_id, owner FROM share_conflict")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = BTreeSet::new();
    for r in rows {
        let (a, b) = r?;
        out.extend([a, b].iter().filter_map(|s| Uuid::parse_str(s).ok()));
    }
    Ok(out)
}

fn find<'a>(all: &'a [Conflict], id: &str) -> Result<&'a Conflict> {
    let found: Vec<&Conflict> = all.iter().filter(|c| c.id.starts_with(id.trim())).collect();
    match found.as_slice() {
        [c] if !id.trim().is_empty() => Ok(c),
        _ => Err(err(ShareError::NoSuchConflict(id.to_owned()))),
    }
}

/// Whether a person may type another value for `c` (a field holding text, a number or nothing; not "kept or
/// deleted", not a list or an object).
pub fn typeable(c: &Conflict) -> bool {
    c.field != RECORD_FIELD
        && c.values.iter().all(|v| matches!(v.value, Value::String(_) | Value::Number(_) | Value::Null))
}

/// Closes conflict `id` with a value a person typed instead of one of those listed, read as the command line's
/// `--set FIELD=VALUE` reads it and checked as any edit is. Typing one of the listed values picks it.
pub fn resolve_typed(d: &mut Dossier, id: &str, text: &str) -> Result<()> {
    require_me(d)?;
    let all = conflicts(d)?;
    let c = find(&all, id)?;
    if !typeable(c) {
        return Err(err(ShareError::NotTypeable));
    }
    let data = apply::with_field(d, c.record_kind, c.record_id, &c.field, text)?;
    let new = data.get(&c.field).cloned().unwrap_or(Value::Null);
    if let Some(i) = c.values.iter().position(|v| v.value == new) {
        let id = c.id.clone();
        return resolve(d, &id, i + 1);
    }
    // A value none of the devices wrote supersedes them all: an ordinary edit closes the conflict.
    apply::save_json(d, c.record_kind, c.record_id, data)
}

/// Resolves conflict `id` (or an unambiguous prefix) with value number `pick` (1-based, as listed). The decision is
/// itself a change: it closes the conflict on every replica once they have it.
pub fn resolve(d: &mut Dossier, id: &str, pick: usize) -> Result<()> {
    let me = require_me(d)?;
    let all = conflicts(d)?;
    let c = find(&all, id)?;
    if pick == 0 || pick > c.values.len() {
        return Err(err(ShareError::BadPick { pick, count: c.values.len() }));
    }
    let key = if c.field == RECORD_FIELD { doc::LIVE.to_owned() } else { format!("{}{}", doc::FIELD_PREFIX, c.field) };
    let value = c.values[pick - 1].value.clone();
    let (rid, kind) = (c.record_id.to_string(), c.record_kind);
    let actor = d.actor().to_owned();
    d.transaction_raw(|tx| {
        tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        if key == doc::LIVE && value == "deleted" {
            // Deleting goes as a local delete goes: a detainee's contacts and photos with it; anything else that
            // still refers to it (events, sponsorships) must be removed first, as the message says.
            for (k, child) in apply::referrers(tx, kind.table(), &rid)? {
                if matches!(k, RecordKind::Contact | RecordKind::Media) {
                    crate::store::delete_in(tx, &actor, k, &child)?;
                }
            }
            let left = apply::referrers(tx, kind.table(), &rid)?;
            if !left.is_empty() {
                let mut by: Vec<(RecordKind, usize)> = vec![];
                for (k, _) in &left {
                    match by.iter_mut().find(|(seen, _)| seen == k) {
                        Some((_, n)) => *n += 1,
                        None => by.push((*k, 1)),
                    }
                }
                return Err(Error::InUse { kind, id: rid.clone(), by });
            }
        }
        let mut doc = hooks::load_doc(tx, &rid, me.device)?;
        let at = now();
        doc::resolve(&mut doc, &key, &value, &at)?;
        hooks::commit_local(tx, &mut doc, kind, &rid, &actor)?;
        apply::write_view(tx, &actor, kind, &rid, &doc)
    })
}
