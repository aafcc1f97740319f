//! Photos and logos as content-addressed sealed blobs: a photo's bytes and thumbnail travel in a file of their own,
//! `<folder>/<device id>/<name>.blob`, written once, where `name` is HMAC-SHA256 of the bytes under a key derived
//! from the dossier key (so a name says nothing about the photo, yet the same photo always gets the same name). The
//! record's document holds only the name (`b:blob`). A record whose blob has not arrived yet is written with empty
//! bytes; the photo is filled in by a later sync, when its file is there.

use std::path::Path;

use rusqlite::Connection;

use super::seal::{self, Refusal};
use super::*;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// Every dossier key, newest first.
fn keys(conn: &Connection) -> Result<Vec<(u32, Zeroizing<[u8; 32]>)>> {
    let rows: Vec<(u32, Vec<u8>)> = conn
        .prepare_cached("SELECT epoch, key FROM share_key ORDER BY epoch DESC")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(e, k)| {
            let k = Zeroizing::new(k);
            let key: [u8; 32] = k.as_slice().try_into().map_err(|_| Error::Corrupt("share key".into()))?;
            Ok((e, Zeroizing::new(key)))
        })
        .collect()
}

/// The name of a blob holding `bytes`, under the current dossier key.
pub(super) fn name_for(conn: &Connection, bytes: &[u8]) -> Result<String> {
    let keys = keys(conn)?;
    let (_, key) = keys.first().ok_or_else(|| Error::Corrupt("share: no dossier key".into()))?;
    Ok(hex(&seal::blob_name(&seal::blob_name_key(key), bytes)))
}

fn file_name(name: &str) -> String {
    format!("{name}.blob")
}

/// Where the blob `name` is in the folder: in any device's subfolder (each device writes into its own).
fn candidates(folder: &Path, name: &str) -> Vec<PathBuf> {
    let mut out = vec![];
    for dir in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let p = dir.path().join(file_name(name));
        if p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Writes the blob `name` of media record `media` into this device's subfolder, unless the folder has it already.
pub(super) fn write(conn: &Connection, me: &Me, name: &str, media: &str) -> Result<usize> {
    if !candidates(&me.folder, name).is_empty() {
        return Ok(0);
    }
    let row: Option<(Vec<u8>, Vec<u8>)> = conn
        .query_row("SELECT bytes, thumb FROM media WHERE id = ?1", [media], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    // Deleted before the sync, or itself still waiting for its blob: nothing to write.
    let Some((bytes, thumb)) = row.filter(|(b, _)| !b.is_empty()) else { return Ok(0) };
    let Some(raw) = unhex(name) else { return Err(Error::Corrupt(format!("blob name {name}"))) };
    // The name was made under the key current at the save; a rotation since then does not change it.
    for (epoch, key) in keys(conn)? {
        if seal::blob_name(&seal::blob_name_key(&key), &bytes) == raw {
            let sealed = seal::seal_blob(me.device, epoch, &key, &me.sign, &raw, &bytes, &thumb);
            let dir = device_dir(&me.folder, me.device);
            std::fs::create_dir_all(&dir).map_err(|source| Error::Write { path: dir.clone(), source })?;
            crate::files::write_bytes(&dir.join(file_name(name)), crate::files::Existing::Refuse, &sealed)?;
            return Ok(1);
        }
    }
    Err(Error::Corrupt(format!("blob {name} matches no dossier key")))
}

/// The bytes and thumbnail of blob `name`, if a good copy of it is in the folder. Copies that are damaged, forged
/// or not what their name says are reported in `refused` and skipped.
pub(super) fn fetch(
    conn: &Connection,
    folder: &Path,
    name: &str,
    refused: &mut Vec<FileReport>,
) -> Result<Option<seal::BlobContent>> {
    let Some(raw) = unhex(name) else { return Ok(None) };
    let keys = keys(conn)?;
    for path in candidates(folder, name) {
        let mut refuse = |r: Refusal| refused.push(FileReport { file: path.clone(), code: r.code(), refusal: r });
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let h = match seal::parse_blob_header(&bytes) {
            Ok(h) => h,
            Err(r) => {
                refuse(r);
                continue;
            }
        };
        if h.name != raw {
            refuse(Refusal::NotAChangeFile);
            continue;
        }
        let Some((entry, _)) = entry_of(conn, h.device)? else {
            refuse(Refusal::UnknownDevice);
            continue;
        };
        // A revoked device's blob is still checked against its name: only bytes some accepted change named pass.
        if let Err(r) = seal::verify(&bytes, &b64().decode(&entry.sign_pk).unwrap_or_default()) {
            refuse(r);
            continue;
        }
        let Some((_, key)) = keys.iter().find(|(e, _)| *e == h.epoch) else {
            refuse(Refusal::KeyNotYetKnown);
            continue;
        };
        match seal::open_blob(&bytes, key, &raw) {
            Ok(found) => return Ok(Some(found)),
            Err(r) => refuse(r),
        }
    }
    Ok(None)
}

/// Fills in the photos and logos written before their blob had arrived. Returns how many still wait.
pub(super) fn fill_waiting(d: &mut Dossier, me: &Me, refused: &mut Vec<FileReport>) -> Result<usize> {
    let waiting: Vec<String> = d
        .conn()
        .prepare("SELECT id FROM media WHERE length(bytes) = 0")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let mut left = 0;
    d.transaction_raw(|tx| {
        for id in &waiting {
            let doc = hooks::load_doc(tx, id, me.device)?;
            let name = doc::View::of(&doc)?.record.and_then(|r| r.blob);
            match name.map(|n| fetch(tx, &me.folder, &n, refused)).transpose()?.flatten() {
                // The bytes are not part of the record's history (nor of its fields): only the row's blobs change.
                Some((bytes, thumb)) => {
                    tx.execute(
                        "UPDATE media SET bytes = ?2, thumb = ?3 WHERE id = ?1",
                        params![id, &bytes[..], &thumb[..]],
                    )?;
                }
                None => left += 1,
            }
        }
        Ok(())
    })?;
    Ok(left)
}
