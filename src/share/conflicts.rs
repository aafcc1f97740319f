//! Values two devices wrote concurrently: the conflict list every replica shows alike, and resolving one.

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct ConflictValue {
    pub value: Value,
    pub device: Uuid,
    pub user: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
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
        // A deleted record has nothing left to decide.
        if doc::View::of(&doc)?.record.is_none() {
            continue;
        }
        let open = doc::open_conflicts(&doc)?;
        if open.is_empty() {
            continue;
        }
        let times = doc::op_times(&mut doc);
        for c in open {
            let mut h = Sha256::new();
            h.update(rid.as_bytes());
            h.update([0]);
            h.update(c.key.as_bytes());
            let mut values = vec![];
            for (value, actor, counter) in &c.values {
                h.update(actor.to_bytes());
                h.update(counter.to_le_bytes());
                let device = Uuid::from_slice(actor.to_bytes()).unwrap_or_default();
                let ms = doc::time_of(&times, actor, *counter);
                let at = Utc
                    .timestamp_millis_opt(ms)
                    .single()
                    .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
                    .unwrap_or_default();
                values.push(ConflictValue {
                    value: value.clone(),
                    device,
                    user: users.get(&device).cloned().unwrap_or_default(),
                    at,
                });
            }
            let id: String = h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
            let field = c.key.strip_prefix(doc::FIELD_PREFIX).unwrap_or("(record)").to_owned();
            out.push(Conflict {
                id,
                record_id: Uuid::parse_str(&rid).unwrap_or_default(),
                record_kind: kind,
                field,
                values,
            });
        }
    }
    Ok(out)
}

/// Resolves conflict `id` (or an unambiguous prefix) with value number `pick` (1-based, as listed). The decision is
/// itself a change: it closes the conflict on every replica once they have it.
pub fn resolve(d: &mut Dossier, id: &str, pick: usize) -> Result<()> {
    let me = require_me(d)?;
    let all = conflicts(d)?;
    let found: Vec<&Conflict> = all.iter().filter(|c| c.id.starts_with(id.trim())).collect();
    let [c] = found.as_slice() else { return Err(err(ShareError::NoSuchConflict(id.to_owned()))) };
    if pick == 0 || pick > c.values.len() {
        return Err(err(ShareError::BadPick { pick, count: c.values.len() }));
    }
    let key = if c.field == "(record)" { doc::LIVE.to_owned() } else { format!("{}{}", doc::FIELD_PREFIX, c.field) };
    let value = c.values[pick - 1].value.clone();
    let (rid, kind) = (c.record_id.to_string(), c.record_kind);
    let actor = d.actor().to_owned();
    d.transaction_raw(|tx| {
        tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        let mut doc = hooks::load_doc(tx, &rid, me.device)?;
        let at = now();
        doc::resolve(&mut doc, &key, &value, &at)?;
        hooks::commit_local(tx, &mut doc, kind, &rid, &actor)?;
        apply::write_view(tx, &actor, kind, &rid, &doc)
    })
}
