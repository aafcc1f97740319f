//! One dossier for several offices: each record's shared state is an Automerge document kept in the dossier;
//! changes travel as sealed files through a folder that an existing sync engine (Syncthing, a network share, a
//! USB stick) carries. The app opens no network connection. See ARCHITECTURE.md, "Sharing".

pub mod hooks;
pub mod schema;

mod apply;
mod blob;
mod conflicts;
mod doc;
mod roster;
mod seal;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use automerge::AutoCommit;
use base64::Engine;
use chrono::{SecondsFormat, TimeZone, Utc};
use ed25519_dalek::SigningKey;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};
use crate::model::RecordKind;
use crate::store::Dossier;

pub use seal::Refusal;

/// Why a sharing operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    NotShared,
    AlreadyShared,
    /// The one-time code does not open the invitation.
    WrongCode,
    NotAnInvitation,
    NoSuchDevice(String),
    NoSuchConflict(String),
    BadPick {
        pick: usize,
        count: usize,
    },
    CannotRevokeSelf,
    /// Another value can be typed for a field, not for "kept or deleted".
    NotTypeable,
}

impl ShareError {
    pub fn code(&self) -> &'static str {
        match self {
            ShareError::NotShared => "share_not_shared",
            ShareError::AlreadyShared => "share_already_shared",
            ShareError::WrongCode => "share_wrong_code",
            ShareError::NotAnInvitation => "share_not_an_invitation",
            ShareError::NoSuchDevice(_) => "share_no_such_device",
            ShareError::NoSuchConflict(_) => "share_no_such_conflict",
            ShareError::BadPick { .. } => "share_bad_pick",
            ShareError::CannotRevokeSelf => "share_cannot_revoke_self",
            ShareError::NotTypeable => "share_not_typeable",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            ShareError::NoSuchDevice(id) | ShareError::NoSuchConflict(id) => {
                tr(lang, &format!("err-{}", self.code().replace('_', "-")), &[("id", Arg::from(id))])
            }
            ShareError::BadPick { pick, count } => {
                tr(lang, "err-share-bad-pick", &[("pick", Arg::Num(*pick as f64)), ("count", Arg::Num(*count as f64))])
            }
            _ => tr(lang, &format!("err-{}", self.code().replace('_', "-")), &[]),
        }
    }
}

fn err(e: ShareError) -> Error {
    Error::Share(e)
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

pub(crate) fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

// ---------------------------------------------------------------------------------------------------------------
// What files carry.

/// A roster entry as it travels.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DeviceEntry {
    id: Uuid,
    name: String,
    user: String,
    sign_pk: String,
    box_pk: String,
    added_by: Uuid,
    added_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum Item {
    /// One Automerge change of one record's document.
    Change {
        kind: String,
        id: String,
        change: String,
    },
    Device(DeviceEntry),
    /// From now on, files of `device` after `after` are ignored.
    Revoke {
        device: Uuid,
        after: u64,
        by: Uuid,
        at: String,
    },
    /// A new dossier key, wrapped for each remaining device.
    Key {
        epoch: u32,
        wrapped: BTreeMap<Uuid, String>,
    },
    /// Outbox only (never in a file): the blob `name` of media record `media` is to be written to the folder.
    Blob {
        name: String,
        media: String,
    },
}

#[derive(Serialize, Deserialize)]
struct Bundle {
    items: Vec<Item>,
}

#[derive(Serialize, Deserialize)]
struct Invitation {
    device: Uuid,
    sign_key: String,
    box_key: String,
    keys: Vec<(u32, String)>,
    roster: Vec<(DeviceEntry, Option<u64>)>,
}

// ---------------------------------------------------------------------------------------------------------------
// This device.

struct Me {
    device: Uuid,
    sign: SigningKey,
    box_key: Zeroizing<Vec<u8>>,
    folder: PathBuf,
}

fn me(conn: &rusqlite::Connection) -> Result<Option<Me>> {
    Ok(conn
        .query_row("SELECT device_id, sign_key, box_key, folder FROM share_self", [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, Vec<u8>>(2)?, r.get::<_, String>(3)?))
        })
        .optional()?
        .map(|(id, sk, bk, folder)| {
            let sk = Zeroizing::new(sk);
            let key: [u8; 32] = sk.as_slice().try_into().unwrap_or([0; 32]);
            Me {
                device: Uuid::parse_str(&id).unwrap_or_default(),
                sign: SigningKey::from_bytes(&key),
                box_key: Zeroizing::new(bk),
                folder: PathBuf::from(folder),
            }
        }))
}

fn require_me(d: &Dossier) -> Result<Me> {
    me(d.conn())?.ok_or(err(ShareError::NotShared))
}

fn push(tx: &Transaction<'_>, item: &Item) -> Result<()> {
    let text = serde_json::to_string(item).map_err(|e| Error::Corrupt(e.to_string()))?;
    tx.prepare_cached("INSERT INTO share_outbox (item) VALUES (?1)")?.execute([text])?;
    Ok(())
}

fn entry_of(conn: &rusqlite::Connection, id: Uuid) -> Result<Option<(DeviceEntry, Option<u64>)>> {
    Ok(conn
        .query_row(
            "SELECT name, user, sign_pk, box_pk, added_by, added_at, revoked_after FROM share_device WHERE id = ?1",
            [id.to_string()],
            |r| {
                Ok((
                    DeviceEntry {
                        id,
                        name: r.get(0)?,
                        user: r.get(1)?,
                        sign_pk: b64().encode(r.get::<_, Vec<u8>>(2)?),
                        box_pk: b64().encode(r.get::<_, Vec<u8>>(3)?),
                        added_by: Uuid::parse_str(&r.get::<_, String>(4)?).unwrap_or_default(),
                        added_at: r.get(5)?,
                    },
                    r.get::<_, Option<i64>>(6)?.map(|v| v as u64),
                ))
            },
        )
        .optional()?)
}

fn add_device(tx: &Transaction<'_>, e: &DeviceEntry, from: Option<Uuid>) -> Result<()> {
    let dec = |s: &str| b64().decode(s).unwrap_or_default();
    tx.execute(
        "INSERT INTO share_device (id, name, user, sign_pk, box_pk, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (id) DO NOTHING",
        params![e.id.to_string(), e.name, e.user, dec(&e.sign_pk), dec(&e.box_pk), e.added_by.to_string(), e.added_at],
    )?;
    // A device names itself: its own announcement sets its name and user.
    if from == Some(e.id) {
        tx.execute(
            "UPDATE share_device SET name = ?2, user = ?3 WHERE id = ?1",
            params![e.id.to_string(), e.name, e.user],
        )?;
    }
    Ok(())
}

fn new_identity() -> (Uuid, Zeroizing<[u8; 32]>, Zeroizing<[u8; 32]>) {
    (Uuid::new_v4(), Zeroizing::new(seal::random::<32>()), Zeroizing::new(seal::random::<32>()))
}

fn entry_for(id: Uuid, sign: &[u8; 32], boxk: &[u8; 32], name: &str, user: &str, by: Uuid) -> DeviceEntry {
    DeviceEntry {
        id,
        name: name.to_owned(),
        user: user.to_owned(),
        sign_pk: b64().encode(SigningKey::from_bytes(sign).verifying_key().as_bytes()),
        box_pk: b64().encode(seal::box_public(boxk)),
        added_by: by,
        added_at: now(),
    }
}

fn set_self(tx: &Transaction<'_>, id: Uuid, sign: &[u8], boxk: &[u8], folder: &Path) -> Result<()> {
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned());
    tx.execute(
        "INSERT INTO share_self (one, device_id, sign_key, box_key, folder, next_seq) VALUES (1, ?1, ?2, ?3, ?4, 1)",
        params![id.to_string(), sign, boxk, folder.to_string_lossy()],
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// Public API.

/// This dossier becomes the first member of a shared dossier whose folder is `folder`. Every existing record gets
/// its shared document (its local history stays as it is); the first sealed file is written.
pub fn create(d: &mut Dossier, folder: &Path, device_name: &str) -> Result<SyncReport> {
    if me(d.conn())?.is_some() {
        return Err(err(ShareError::AlreadyShared));
    }
    std::fs::create_dir_all(folder).map_err(|source| Error::Write { path: folder.to_owned(), source })?;
    let (id, sign, boxk) = new_identity();
    let user = d.actor().to_owned();
    let key = Zeroizing::new(seal::random::<32>());
    d.transaction_raw(|tx| {
        set_self(tx, id, &*sign, &*boxk, folder)?;
        tx.execute("INSERT INTO share_key (epoch, key, created_at) VALUES (1, ?1, ?2)", params![&key[..], now()])?;
        let entry = entry_for(id, &sign, &boxk, device_name, &user, id);
        add_device(tx, &entry, None)?;
        push(tx, &Item::Device(entry))?;
        apply::adopt_existing(tx)
    })?;
    sync(d)
}

/// A new device's invitation: the file (sealed under the code) and the one-time code to hand over separately.
pub fn invite(d: &mut Dossier, device_name: &str) -> Result<(Vec<u8>, String)> {
    let me = require_me(d)?;
    let (id, sign, boxk) = new_identity();
    let entry = entry_for(id, &sign, &boxk, device_name, "?", me.device);
    let code = seal::new_code();
    let payload = d.transaction_raw(|tx| {
        add_device(tx, &entry, None)?;
        push(tx, &Item::Device(entry.clone()))?;
        let keys: Vec<(u32, String)> = tx
            .prepare("SELECT epoch, key FROM share_key ORDER BY epoch")?
            .query_map([], |r| Ok((r.get::<_, u32>(0)?, b64().encode(r.get::<_, Vec<u8>>(1)?))))?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<String> = tx
            .prepare("SELECT id FROM share_device ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut roster = vec![];
        for i in ids {
            if let Some(e) = entry_of(tx, Uuid::parse_str(&i).unwrap_or_default())? {
                roster.push(e);
            }
        }
        let inv = Invitation { device: id, sign_key: b64().encode(*sign), box_key: b64().encode(*boxk), keys, roster };
        Ok(Zeroizing::new(serde_json::to_vec(&inv).map_err(|e| Error::Corrupt(e.to_string()))?))
    })?;
    // The new device is announced in the folder before anyone can receive a file from it.
    seal_outbox(d, &me)?;
    Ok((seal::seal_invitation(&code, &payload), code))
}

/// Joins a shared dossier: opens the invitation with the code (a wrong code creates nothing), creates a new local
/// dossier at `db` under the joiner's own passphrase, and fills it from the folder.
pub fn join(
    db: &Path,
    passphrase: &str,
    invitation: &[u8],
    code: &str,
    folder: &Path,
) -> Result<(Dossier, SyncReport)> {
    let plain = seal::open_invitation(code, invitation)?;
    let inv: Invitation = serde_json::from_slice(&plain).map_err(|_| err(ShareError::NotAnInvitation))?;
    let mut d = Dossier::create(db, passphrase)?;
    let user = d.actor().to_owned();
    let result = (|| {
        let dec = |s: &str| Zeroizing::new(b64().decode(s).unwrap_or_default());
        d.transaction_raw(|tx| {
            set_self(tx, inv.device, &dec(&inv.sign_key), &dec(&inv.box_key), folder)?;
            for (epoch, key) in &inv.keys {
                tx.execute(
                    "INSERT INTO share_key (epoch, key, created_at) VALUES (?1, ?2, ?3)",
                    params![epoch, &dec(key)[..], now()],
                )?;
            }
            for (e, revoked) in &inv.roster {
                add_device(tx, e, None)?;
                if let Some(after) = revoked {
                    tx.execute(
                        "UPDATE share_device SET revoked_after = ?2, revoked_at = ?3 WHERE id = ?1",
                        params![e.id.to_string(), *after as i64, now()],
                    )?;
                }
            }
            let mut mine = entry_of(tx, inv.device)?.ok_or(err(ShareError::NotAnInvitation))?.0;
            mine.user = user.clone();
            add_device(tx, &mine, Some(inv.device))?;
            push(tx, &Item::Device(mine))
        })?;
        sync(&mut d)
    })();
    match result {
        Ok(report) => Ok((d, report)),
        Err(e) => {
            let path = d.path().to_owned();
            drop(d);
            crate::store::remove_with_sidecars(&path);
            Err(e)
        }
    }
}

/// A record or a file a sync could not take in: what (a record's kind and id, or a file), and the error's code and
/// message in each language (the report is built before anyone says which language will read it).
#[derive(Debug, Clone, Serialize)]
pub struct SyncProblem {
    pub kind: Option<RecordKind>,
    /// The record's id, or the file's path.
    pub subject: String,
    pub code: &'static str,
    #[serde(skip)]
    messages: [String; 2],
}

impl SyncProblem {
    pub fn record(kind: RecordKind, id: &str, e: &Error) -> SyncProblem {
        SyncProblem { kind: Some(kind), subject: id.to_owned(), code: e.code(), messages: Self::both(e) }
    }

    pub fn file(path: &std::path::Path, e: &Error) -> SyncProblem {
        SyncProblem { kind: None, subject: path.display().to_string(), code: e.code(), messages: Self::both(e) }
    }

    fn both(e: &Error) -> [String; 2] {
        [e.message_for(Lang::Fr, crate::i18n::door()), e.message_for(Lang::En, crate::i18n::door())]
    }

    /// "Sponsor 1a2b…: why", in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let why = &self.messages[usize::from(lang == Lang::En)];
        let subject = match self.kind {
            Some(k) => format!("{} {}", k.label(lang), self.subject),
            None => self.subject.clone(),
        };
        tr(lang, "share-problem", &[("subject", Arg::from(&subject)), ("message", Arg::from(why))])
    }
}

impl std::fmt::Display for SyncProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A file the last sync could not apply, and why.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: PathBuf,
    pub code: &'static str,
    #[serde(skip)]
    pub refusal: Refusal,
}

impl FileReport {
    pub fn message(&self, lang: Lang) -> String {
        file_message(self.code, &self.file.display().to_string(), lang)
    }
}

/// Why file `file` was not applied, from its refusal code (`FileReport::code`), in `lang`.
pub fn file_message(code: &str, file: &str, lang: Lang) -> String {
    tr(
        lang,
        &format!("share-file-{}", code.trim_start_matches("share_").replace('_', "-")),
        &[("file", Arg::from(file))],
    )
}

/// What a sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    /// Files this device sealed and wrote.
    pub written: usize,
    /// Files of other devices applied now.
    pub applied: usize,
    /// Records written into the tables from others' changes.
    pub records: usize,
    /// Files refused (forged, truncated…) or waiting (unknown device, missing changes).
    pub refused: Vec<FileReport>,
    /// Records whose merged state could not be written, and files that could not be read, with why.
    pub problems: Vec<SyncProblem>,
    /// Conflicts open after the sync.
    pub conflicts: usize,
    /// Photos and logos whose blob has not reached the folder yet (they appear at a later sync).
    pub photos_waiting: usize,
}

/// Seals and writes this device's new changes, then applies every other device's files not applied yet.
pub fn sync(d: &mut Dossier) -> Result<SyncReport> {
    let me = require_me(d)?;
    let mut report = SyncReport { written: seal_outbox(d, &me)?, ..SyncReport::default() };
    // Files can depend on each other (a device's change builds on another's): repeat while something applies.
    loop {
        let before = report.applied;
        report.refused.clear();
        apply_folder(d, &me, &mut report)?;
        if report.applied == before {
            break;
        }
    }
    report.photos_waiting = blob::fill_waiting(d, &me, &mut report.refused)?;
    report.conflicts = conflicts::reindex(d)?;
    Ok(report)
}

fn device_dir(folder: &Path, device: Uuid) -> PathBuf {
    folder.join(device.to_string())
}

fn file_name(seq: u64) -> String {
    format!("{seq:012}.sealed")
}

/// Writes the outbox as one sealed file: temporary name, fsync, then a rename to a name never used before.
fn seal_outbox(d: &mut Dossier, me: &Me) -> Result<usize> {
    let rows: Vec<(i64, String)> = d
        .conn()
        .prepare("SELECT seq, item FROM share_outbox ORDER BY seq")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some(last) = rows.last().map(|r| r.0) else { return Ok(0) };
    let all: Vec<Item> = rows
        .iter()
        .map(|(_, t)| serde_json::from_str(t))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::Corrupt(format!("share outbox: {e}")))?;
    // Blobs first: a change naming a blob is then never in the folder before the blob is.
    let (blobs, items): (Vec<Item>, Vec<Item>) = all.into_iter().partition(|i| matches!(i, Item::Blob { .. }));
    let mut written = 0;
    for b in &blobs {
        if let Item::Blob { name, media } = b {
            written += blob::write(d.conn(), me, name, media)?;
        }
    }
    if items.is_empty() {
        d.transaction_raw(|tx| Ok(tx.execute("DELETE FROM share_outbox WHERE seq <= ?1", [last]).map(|_| ())?))?;
        return Ok(written);
    }
    let payload = Zeroizing::new(serde_json::to_vec(&Bundle { items }).map_err(|e| Error::Corrupt(e.to_string()))?);
    let (epoch, key): (u32, Vec<u8>) =
        d.conn().query_row("SELECT epoch, key FROM share_key ORDER BY epoch DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let key = Zeroizing::new(key);
    let key: &[u8; 32] = key.as_slice().try_into().map_err(|_| Error::Corrupt("share key".into()))?;
    let dir = device_dir(&me.folder, me.device);
    std::fs::create_dir_all(&dir).map_err(|source| Error::Write { path: dir.clone(), source })?;
    let mut seq: u64 = d.conn().query_row("SELECT next_seq FROM share_self", [], |r| r.get::<_, i64>(0))? as u64;
    // Never reuse a name: after a crash between the rename and the commit below, the file is there already.
    while dir.join(file_name(seq)).exists() {
        seq += 1;
    }
    let bytes = seal::seal(me.device, seq, epoch, key, &me.sign, &payload);
    let target = dir.join(file_name(seq));
    crate::files::write_bytes(&target, crate::files::Existing::Refuse, &bytes)?;
    d.transaction_raw(|tx| {
        tx.execute("DELETE FROM share_outbox WHERE seq <= ?1", [last])?;
        tx.execute("UPDATE share_self SET next_seq = ?1", [(seq + 1) as i64])?;
        tx.execute(
            "INSERT OR IGNORE INTO share_applied (device, seq) VALUES (?1, ?2)",
            params![me.device.to_string(), seq as i64],
        )?;
        Ok(())
    })?;
    Ok(written + 1)
}

/// Every change file in the folder, as (device folder name, seq, path), in (device, seq) order.
fn folder_files(folder: &Path) -> Result<Vec<(String, u64, PathBuf)>> {
    let mut out = vec![];
    let Ok(dirs) = std::fs::read_dir(folder) else { return Ok(out) };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !dir.path().is_dir() {
            continue;
        }
        let Ok(files) = std::fs::read_dir(dir.path()) else { continue };
        for f in files.flatten() {
            let fname = f.file_name().to_string_lossy().into_owned();
            let Some(stem) = fname.strip_suffix(".sealed") else { continue };
            // Names Syncthing gives conflicting copies (`x.sync-conflict-…`) are not ours: they are checked too.
            let seq = stem.parse::<u64>().unwrap_or(u64::MAX);
            out.push((name.clone(), seq, f.path()));
        }
    }
    out.sort();
    Ok(out)
}

fn apply_folder(d: &mut Dossier, me: &Me, report: &mut SyncReport) -> Result<()> {
    let applied: BTreeSet<(String, u64)> = d
        .conn()
        .prepare("SELECT device, seq FROM share_applied")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?;
    let files = folder_files(&me.folder)?;
    // First the roster and keys of every file (a revocation must be known before the revoked device's files).
    for (dir, seq, path) in &files {
        if applied.contains(&(dir.clone(), *seq)) {
            continue;
        }
        let Ok(bytes) = std::fs::read(path) else { continue };
        if let Ok(h) = seal::parse_header(&bytes) {
            if h.device.to_string() == *dir && h.seq == *seq && h.device != me.device {
                let _ = apply::file(d, me, h, &bytes, true)?;
            }
        }
    }
    for (dir, seq, path) in files {
        if applied.contains(&(dir.clone(), seq)) {
            continue;
        }
        let refuse = |report: &mut SyncReport, r: Refusal| {
            report.refused.push(FileReport { file: path.clone(), code: r.code(), refusal: r })
        };
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let header = match seal::parse_header(&bytes) {
            Ok(h) => h,
            Err(r) => {
                refuse(report, r);
                continue;
            }
        };
        if header.device.to_string() != dir || header.seq != seq {
            refuse(report, Refusal::NotAChangeFile);
            continue;
        }
        if header.device == me.device {
            continue; // our own file, written by an earlier sync whose commit did not land: its items are still ours
        }
        match apply::file(d, me, header, &bytes, false) {
            Ok(apply::Outcome::Applied { records, problems }) => {
                report.applied += 1;
                report.records += records;
                report.problems.extend(problems);
            }
            Ok(apply::Outcome::Refused(r)) => refuse(report, r),
            Err(e) => report.problems.push(SyncProblem::file(&path, &e)),
        }
    }
    Ok(())
}

pub use conflicts::{
    about, conflicted, conflicts, open_count, resolve, resolve_typed, typeable, Conflict, ConflictValue, RECORD_FIELD,
};
pub use roster::{devices, revoke, rotate_key, DeviceInfo};

/// Whether this dossier shares.
pub fn is_shared(d: &Dossier) -> Result<bool> {
    Ok(me(d.conn())?.is_some())
}

/// The folder this dossier shares through.
pub fn folder(d: &Dossier) -> Result<PathBuf> {
    Ok(require_me(d)?.folder)
}

// ---------------------------------------------------------------------------------------------------------------
// Checks.

/// SHA-256 over every record (id, times, sort key, data, and a photo's bytes), independent of row order: equal on
/// replicas that hold the same records. (The history and the devices' own tables differ between replicas.)
pub fn content_digest(d: &Dossier) -> Result<String> {
    let mut h = Sha256::new();
    for kind in RecordKind::ALL {
        let extra = if kind == RecordKind::Media { ", bytes, thumb" } else { ", NULL, NULL" };
        let sql = format!("SELECT id, created_at, updated_at, sort_key, data{extra} FROM {} ORDER BY id", kind.table());
        let mut st = d.conn().prepare(&sql)?;
        let mut rows = st.query([])?;
        h.update(kind.table().as_bytes());
        while let Some(r) = rows.next()? {
            for i in 0..5 {
                let t: String = r.get(i)?;
                h.update((t.len() as u64).to_le_bytes());
                h.update(t.as_bytes());
            }
            for i in 5..7 {
                let b: Option<Vec<u8>> = r.get(i)?;
                let b = b.unwrap_or_default();
                h.update((b.len() as u64).to_le_bytes());
                h.update(&b);
            }
        }
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Rebuilds every record from its shared document alone and compares it with the table: the list of differences
/// (empty when the tables are exactly the view of the Automerge state).
pub fn rebuild_differences(d: &Dossier) -> Result<Vec<String>> {
    let me = require_me(d)?;
    apply::differences(d.conn(), me.device)
}

/// Applies the changes of one document to `doc`; exposed for tests that forge files.
#[doc(hidden)]
pub fn _doc_changes(doc: &mut AutoCommit) -> Vec<Vec<u8>> {
    doc.get_changes(&[]).into_iter().map(|c| c.raw_bytes().to_vec()).collect()
}

/// For tests: seals `payload` as file `seq` of this device under `key` (or the current key), as a forger with this
/// device's keys (or another signing key) would. Returns the file's bytes.
#[doc(hidden)]
pub fn _seal_as(
    d: &Dossier,
    seq: u64,
    key: Option<[u8; 32]>,
    signer: Option<[u8; 32]>,
    payload: &[u8],
) -> Result<Vec<u8>> {
    let me = require_me(d)?;
    let (epoch, cur): (u32, Vec<u8>) =
        d.conn().query_row("SELECT epoch, key FROM share_key ORDER BY epoch DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let key = key.unwrap_or_else(|| cur.as_slice().try_into().unwrap_or([0; 32]));
    let signer = signer.map(|s| SigningKey::from_bytes(&s)).unwrap_or(me.sign);
    Ok(seal::seal(me.device, seq, epoch, &key, &signer, payload))
}

/// For tests: this device's id.
#[doc(hidden)]
pub fn _device_id(d: &Dossier) -> Result<Uuid> {
    Ok(require_me(d)?.device)
}

/// For tests and the fuzz targets: seals `payload` as an invitation under `code`, as `invite` does.
#[doc(hidden)]
pub fn _seal_invitation(code: &str, payload: &[u8]) -> Vec<u8> {
    seal::seal_invitation(code, payload)
}

/// For tests and the seed corpus of the fuzz targets: what an invitation holds, as `join` reads it.
#[doc(hidden)]
pub fn _open_invitation(code: &str, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    seal::open_invitation(code, bytes)
}
