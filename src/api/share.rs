//! Sharing one dossier between offices, as both front doors offer it: the state the Settings section and the
//! sidebar show, creating, inviting (the code also as a QR code), joining, syncing (by hand, and automatically by
//! the app every [`AUTO_SYNC_MINUTES`] and on unlock, lock and close), and the conflicts inbox. The merging and the
//! sealed files are `crate::share`'s; this module adds what a person needs around them: the time and result of
//! the last sync (kept in the dossier), plain-language reports, record names in the inbox.

use std::path::Path;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::RecordKind;
use crate::share::{self, Conflict, DeviceInfo, SyncReport};
use crate::Dossier;

pub use crate::share::{devices, revoke, rotate_key};

/// How often the app syncs a shared dossier while it is open (besides on unlock, lock and close).
pub const AUTO_SYNC_MINUTES: u32 = 5;
/// The largest invitation file read (a real one is a few kilobytes, however many devices).
pub const MAX_INVITATION_BYTES: u64 = 1 << 20;
/// The longest device name.
pub const MAX_DEVICE_NAME: usize = 100;
/// The setting (inside the dossier) that keeps the last sync's outcome.
const LAST_SYNC: &str = "share.last_sync";

/// What the last sync did, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncSummary {
    /// When it ran (RFC 3339, UTC).
    pub at: String,
    /// Whether it completed (`error` says why not; nothing was lost either way).
    pub ok: bool,
    pub error: Option<String>,
    /// Files of this device's changes written into the folder.
    pub written: u32,
    /// Files of other devices applied.
    pub applied: u32,
    /// Records changed by other devices.
    pub records: u32,
    /// Files not applied, each with why, in plain words.
    pub refused: Vec<String>,
    /// Photos and logos announced whose file has not arrived yet.
    pub photos_waiting: u32,
    /// Conflicts open after it.
    pub conflicts: u32,
}

/// Kept in the dossier: codes rather than sentences, so the summary is shown in the language of the moment.
#[derive(Default, Serialize, Deserialize)]
struct Kept {
    at: String,
    error: Option<String>,
    written: u32,
    applied: u32,
    records: u32,
    refused: Vec<(String, String)>,
    photos_waiting: u32,
    conflicts: u32,
}

impl Kept {
    fn summary(self, lang: Lang) -> SyncSummary {
        SyncSummary {
            at: self.at,
            ok: self.error.is_none(),
            error: self.error,
            written: self.written,
            applied: self.applied,
            records: self.records,
            refused: self.refused.iter().map(|(code, file)| share::file_message(code, file, lang)).collect(),
            photos_waiting: self.photos_waiting,
            conflicts: self.conflicts,
        }
    }
}

/// The sharing state of the open dossier.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShareStatus {
    pub shared: bool,
    /// The shared folder (shown, never sent back as a path).
    pub folder: Option<String>,
    /// Every device, this one marked `self`.
    pub devices: Vec<DeviceInfo>,
    pub last_sync: Option<SyncSummary>,
    /// Open conflicts (from the index: cheap enough for the sidebar).
    pub conflicts: u32,
    pub auto_sync_minutes: u32,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn last(d: &Dossier, lang: Lang) -> Result<Option<SyncSummary>> {
    Ok(d.setting(LAST_SYNC)?.and_then(|j| serde_json::from_str::<Kept>(&j).ok()).map(|k| k.summary(lang)))
}

/// Keeps the outcome of a sync in the dossier, and returns it as the summary people see.
fn keep(d: &mut Dossier, result: &Result<SyncReport>, lang: Lang) -> Result<SyncSummary> {
    let kept = match result {
        Ok(r) => Kept {
            at: now(),
            error: None,
            written: r.written as u32,
            applied: r.applied as u32,
            records: r.records as u32,
            refused: r.refused.iter().map(|f| (f.code.to_owned(), f.file.display().to_string())).collect(),
            photos_waiting: r.photos_waiting as u32,
            conflicts: r.conflicts as u32,
        },
        Err(e) => {
            // The counts of the last sync that worked stay; only the time and the reason are new.
            let mut k = d.setting(LAST_SYNC)?.and_then(|j| serde_json::from_str::<Kept>(&j).ok()).unwrap_or_default();
            (k.at, k.error, k.conflicts) = (now(), Some(e.message(lang)), share::open_count(d)? as u32);
            k
        }
    };
    let json = serde_json::to_string(&kept).map_err(|e| Error::Corrupt(e.to_string()))?;
    d.set_setting(LAST_SYNC, &json)?;
    Ok(kept.summary(lang))
}

pub fn share_status(d: &Dossier, lang: Lang) -> Result<ShareStatus> {
    let shared = share::is_shared(d)?;
    Ok(ShareStatus {
        shared,
        folder: if shared { Some(share::folder(d)?.display().to_string()) } else { None },
        devices: if shared { share::devices(d)? } else { vec![] },
        last_sync: if shared { last(d, lang)? } else { None },
        conflicts: share::open_count(d)? as u32,
        auto_sync_minutes: AUTO_SYNC_MINUTES,
    })
}

fn device_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(crate::error::Invalid::new("name", crate::error::Reason::Empty).into());
    }
    if name.chars().count() > MAX_DEVICE_NAME {
        return Err(crate::error::Invalid::new("name", crate::error::Reason::TooLong { max: MAX_DEVICE_NAME }).into());
    }
    if !is_plain_name(name) {
        return Err(crate::error::Invalid::new("name", crate::error::Reason::PlainName).into());
    }
    Ok(name.to_owned())
}

/// Whether `name` is a device name: it also names the invitation file and shows in every office's list.
pub fn is_plain_name(name: &str) -> bool {
    !name.chars().any(|c| c.is_control() || "/\\<>".contains(c))
}

/// Checks a device name before anything else happens (the app asks it before opening a dialog).
pub fn check_device_name(name: &str) -> Result<()> {
    device_name(name).map(drop)
}

/// Makes the open dossier the first member of a shared dossier kept in `folder`, this device named `name`.
pub fn create_share(d: &mut Dossier, folder: &Path, name: &str, lang: Lang) -> Result<SyncReport> {
    let name = device_name(name)?;
    let result = share::create(d, folder, &name);
    if share::is_shared(d)? {
        keep(d, &result, lang)?;
    }
    result
}

/// An invitation for a new device: the file to hand over, the one-time code to hand over separately, and the code
/// as a QR code (SVG) for the screen.
pub struct Invitation {
    pub file: Vec<u8>,
    pub code: String,
    pub qr_svg: String,
}

pub fn invite(d: &mut Dossier, name: &str) -> Result<Invitation> {
    let name = device_name(name)?;
    let (file, code) = share::invite(d, &name)?;
    let qr_svg = qr_svg(&code)?;
    Ok(Invitation { file, code, qr_svg })
}

/// `text` as a QR code, in SVG (dark modules on white, with the quiet zone).
pub fn qr_svg(text: &str) -> Result<String> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| Error::Corrupt(format!("QR code: {e}")))?;
    Ok(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build())
}

/// Joins a shared dossier: a new dossier at `db` under `passphrase` (typed twice), from the invitation file and
/// its one-time code, filled from `folder`. A wrong code, an existing file or a weak passphrase leave nothing.
pub fn join(
    db: &Path,
    passphrase: &str,
    confirm: &str,
    invitation: &Path,
    code: &str,
    folder: &Path,
    lang: Lang,
) -> Result<(Dossier, SyncReport)> {
    if passphrase != confirm {
        return Err(Error::PassphraseMismatch);
    }
    if db.exists() {
        return Err(Error::AlreadyExists(db.to_owned()));
    }
    let bytes = read_invitation(invitation)?;
    let (mut d, report) = share::join(db, passphrase, &bytes, code.trim(), folder)?;
    let report = Ok(report);
    keep(&mut d, &report, lang)?;
    Ok((d, report?))
}

/// An invitation file's bytes; anything larger than an invitation can be is not one.
pub fn read_invitation(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let read = |source| Error::Read { path: path.to_owned(), source };
    let mut bytes = vec![];
    std::fs::File::open(path).map_err(read)?.take(MAX_INVITATION_BYTES + 1).read_to_end(&mut bytes).map_err(read)?;
    if bytes.len() as u64 > MAX_INVITATION_BYTES {
        return Err(Error::Share(share::ShareError::NotAnInvitation));
    }
    Ok(bytes)
}

/// Syncs now: seals this device's new changes into the folder and applies everyone else's. The outcome is kept
/// (the sidebar's "synchronisé il y a 3 min"), a failure too (an unplugged stick), and returned.
pub fn sync(d: &mut Dossier, lang: Lang) -> Result<SyncSummary> {
    let result = share::sync(d);
    let summary = keep(d, &result, lang)?;
    result.map(|_| summary)
}

/// [`sync`] with the full report (the command line's `sync --json`).
pub fn sync_report(d: &mut Dossier, lang: Lang) -> Result<SyncReport> {
    let result = share::sync(d);
    keep(d, &result, lang)?;
    result
}

/// The automatic sync: nothing for a dossier that does not share; a failure is kept in the summary, not raised.
pub fn sync_if_shared(d: &mut Dossier, lang: Lang) -> Result<Option<SyncSummary>> {
    if !share::is_shared(d)? {
        return Ok(None);
    }
    let result = share::sync(d);
    keep(d, &result, lang).map(Some)
}

/// A conflict as the inbox shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictEntry {
    pub conflict: Conflict,
    /// What lists call the record.
    pub label: String,
    /// The detainee whose page shows the record (a contact's, photo's…), else the record itself.
    pub show_kind: RecordKind,
    pub show_id: Uuid,
    /// Whether another value may be typed (a text or number field).
    pub typeable: bool,
}

pub fn conflict_entries(d: &Dossier) -> Result<Vec<ConflictEntry>> {
    Ok(share::conflicts(d)?
        .into_iter()
        .map(|c| {
            let (label, owner) = share::about(d, &c);
            let (show_kind, show_id) = match owner {
                Some(o) => (RecordKind::Detainee, o),
                None => (c.record_kind, c.record_id),
            };
            ConflictEntry {
                label: label.unwrap_or_default(),
                show_kind,
                show_id,
                typeable: share::typeable(&c),
                conflict: c,
            }
        })
        .collect())
}

/// How a person closes a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Keep value number N as listed (1 = the first).
    Pick(u32),
    /// Another value, typed.
    Value(String),
}

/// Closes conflict `id`; the decision reaches every device at their next sync.
pub fn resolve(d: &mut Dossier, id: &str, how: &Resolution) -> Result<()> {
    match how {
        Resolution::Pick(n) => share::resolve(d, id, *n as usize),
        Resolution::Value(text) => share::resolve_typed(d, id, text),
    }
}
