//! The roster of devices: listing, revoking, rotating the shared key.

use super::*;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeviceInfo {
    pub id: Uuid,
    pub name: String,
    pub user: String,
    pub added_by: Uuid,
    pub added_at: String,
    pub revoked: bool,
    #[serde(rename = "self")]
    pub is_self: bool,
}

pub fn devices(d: &Dossier) -> Result<Vec<DeviceInfo>> {
    let me = require_me(d)?;
    let rows = d
        .conn()
        .prepare("SELECT id, name, user, added_by, added_at, revoked_after FROM share_device ORDER BY added_at, id")?
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(id, name, user, by, at, rev)| {
            let id = Uuid::parse_str(&id).unwrap_or_default();
            DeviceInfo {
                id,
                name,
                user,
                added_by: Uuid::parse_str(&by).unwrap_or_default(),
                added_at: at,
                revoked: rev.is_some(),
                is_self: id == me.device,
            }
        })
        .collect())
}

fn find_device(d: &Dossier, text: &str) -> Result<Uuid> {
    let t = text.trim().to_ascii_lowercase();
    let found: Vec<Uuid> = devices(d)?
        .into_iter()
        .filter(|x| !t.is_empty() && (x.id.to_string().starts_with(&t) || x.name == text))
        .map(|x| x.id)
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        _ => Err(err(ShareError::NoSuchDevice(text.to_owned()))),
    }
}

/// Revokes a device: every replica ignores its files after the last one this device has applied.
pub fn revoke(d: &mut Dossier, device: &str) -> Result<Uuid> {
    let me = require_me(d)?;
    let id = find_device(d, device)?;
    if id == me.device {
        return Err(err(ShareError::CannotRevokeSelf));
    }
    let by = me.device;
    d.transaction_raw(|tx| {
        let after: i64 =
            tx.query_row("SELECT coalesce(max(seq), 0) FROM share_applied WHERE device = ?1", [id.to_string()], |r| {
                r.get(0)
            })?;
        let item = Item::Revoke { device: id, after: after as u64, by, at: now() };
        apply_revoke(tx, id, after as u64)?;
        push(tx, &item)
    })?;
    seal_outbox(d, &me)?;
    Ok(id)
}

pub(super) fn apply_revoke(tx: &Transaction<'_>, id: Uuid, after: u64) -> Result<()> {
    tx.execute(
        "UPDATE share_device SET revoked_after = min(coalesce(revoked_after, ?2), ?2), revoked_at = coalesce(revoked_at, ?3) \
         WHERE id = ?1",
        params![id.to_string(), after as i64, now()],
    )?;
    Ok(())
}

/// A new random dossier key, wrapped for every device not revoked; files from now on are sealed under it, so a
/// revoked device cannot read them. Returns the new key's epoch.
pub fn rotate_key(d: &mut Dossier) -> Result<u32> {
    let me = require_me(d)?;
    let key = Zeroizing::new(seal::random::<32>());
    let epoch = d.transaction_raw(|tx| {
        let epoch: u32 = tx.query_row("SELECT max(epoch) + 1 FROM share_key", [], |r| r.get(0))?;
        let mut wrapped = BTreeMap::new();
        let rows: Vec<(String, Vec<u8>)> = tx
            .prepare("SELECT id, box_pk FROM share_device WHERE revoked_after IS NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, pk) in rows {
            if let (Ok(id), Some(w)) = (Uuid::parse_str(&id), seal::wrap_key(&pk, &key)) {
                wrapped.insert(id, b64().encode(w));
            }
        }
        push(tx, &Item::Key { epoch, wrapped })?;
        Ok(epoch)
    })?;
    // The announcement travels under the current key (every remaining device can read it); the new key is taken
    // into use only after.
    seal_outbox(d, &me)?;
    d.transaction_raw(|tx| {
        tx.execute(
            "INSERT OR IGNORE INTO share_key (epoch, key, created_at) VALUES (?1, ?2, ?3)",
            params![epoch, &key[..], now()],
        )?;
        Ok(())
    })?;
    Ok(epoch)
}
