//! The full-fidelity JSON export: every record with its id and times, photos and logos (base64), and the whole
//! change history, under a versioned schema. It imports back losslessly into another dossier.
//!
//! Schema version 1: `{format, schema_version, exported_at, app_version, detainees, contacts, media, sources,
//! events, sponsors, sponsorships, press_releases, profiles, history}`; each record is the record's JSON with
//! `id`, `created_at`, `updated_at`; each media item adds `bytes` and `thumb` (standard base64).
//!
//! The file holds the family contacts, so it is sealed by default: encrypted with `age` under a passphrase (the
//! dossier's, or one chosen for the export), a standard format that the `age` tool can also open
//! (`age -d export.json.age`). A readable file is written only when asked for explicitly ([`Seal::Plaintext`]).

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::table::SpreadsheetProblem as Problem;
use super::write_atomic;
use crate::error::{Error, Result};
use crate::model::{
    Contact, Detainee, Event, Media, PressRelease, Profile, Record, RecordKind, Source, Sponsor, Sponsorship, Stored,
};
use crate::store::Change;
use crate::Dossier;

pub const FORMAT: &str = "libertas-dossier-export";
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaItem {
    #[serde(flatten)]
    pub media: Stored<Media>,
    pub bytes: String,
    pub thumb: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonExport {
    pub format: String,
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    pub detainees: Vec<Stored<Detainee>>,
    pub contacts: Vec<Stored<Contact>>,
    pub media: Vec<MediaItem>,
    pub sources: Vec<Stored<Source>>,
    pub events: Vec<Stored<Event>>,
    pub sponsors: Vec<Stored<Sponsor>>,
    pub sponsorships: Vec<Stored<Sponsorship>>,
    pub press_releases: Vec<Stored<PressRelease>>,
    pub profiles: Vec<Stored<Profile>>,
    pub history: Vec<Change>,
}

/// Reads the whole dossier into the export structure.
pub fn snapshot(d: &Dossier) -> Result<JsonExport> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut media = vec![];
    for m in d.list::<Media>()? {
        let bytes = b64.encode(d.media_bytes(m.id)?);
        let thumb = b64.encode(d.media_thumb(m.id)?);
        media.push(MediaItem { media: m, bytes, thumb });
    }
    Ok(JsonExport {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        exported_at: Utc::now(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        detainees: d.list()?,
        contacts: d.list()?,
        media,
        sources: d.list()?,
        events: d.list()?,
        sponsors: d.list()?,
        sponsorships: d.list()?,
        press_releases: d.list()?,
        profiles: d.list()?,
        history: d.full_history()?,
    })
}

/// How the JSON export is written.
#[derive(Clone, Copy)]
pub enum Seal<'a> {
    /// Encrypted (age, scrypt) under this passphrase.
    Passphrase(&'a str),
    /// Readable by anyone who finds the file: only when the user asked for it, after a warning.
    Plaintext,
}

/// How a sealed export begins (the age format's first line).
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Writes the full JSON export; returns the number of records.
pub fn export_json(d: &Dossier, path: &Path, force: bool, seal: Seal<'_>) -> Result<usize> {
    let snap = snapshot(d)?;
    let n = counts(&snap).values().sum();
    write_atomic(d, path, force, |w| match seal {
        Seal::Plaintext => serde_json::to_writer(w, &snap).map_err(std::io::Error::other),
        Seal::Passphrase(p) => {
            let secret = age::secrecy::SecretString::from(p.to_owned());
            let mut sealed = age::Encryptor::with_user_passphrase(secret).wrap_output(w)?;
            serde_json::to_writer(&mut sealed, &snap).map_err(std::io::Error::other)?;
            sealed.finish().map(drop)
        }
    })?;
    Ok(n)
}

/// Whether a file is a sealed (age-encrypted) export.
pub fn is_sealed(path: &Path) -> bool {
    let mut head = [0u8; AGE_MAGIC.len()];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok()
        && head == AGE_MAGIC
}

/// Records per kind in an export.
pub fn counts(s: &JsonExport) -> BTreeMap<RecordKind, usize> {
    BTreeMap::from([
        (RecordKind::Detainee, s.detainees.len()),
        (RecordKind::Contact, s.contacts.len()),
        (RecordKind::Media, s.media.len()),
        (RecordKind::Source, s.sources.len()),
        (RecordKind::Event, s.events.len()),
        (RecordKind::Sponsor, s.sponsors.len()),
        (RecordKind::Sponsorship, s.sponsorships.len()),
        (RecordKind::PressRelease, s.press_releases.len()),
        (RecordKind::Profile, s.profiles.len()),
    ])
}

/// Whether a file looks like a JSON export, sealed or not (by extension, first character or age header).
pub fn is_json(path: &Path) -> bool {
    if is_sealed(path) {
        return true;
    }
    if path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return true;
    }
    // Only the beginning is read: the file may be anything, of any size.
    let mut head = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 64 << 10), &mut head));
    read.is_ok() && head.iter().copied().find(|c| !c.is_ascii_whitespace()) == Some(b'{')
}

/// Largest export read, sealed or not (the file, and what it decrypts to): 2 GiB. The import holds the file's
/// text, its records and the decoded images in memory at once (about three times the file), so this bounds what a
/// forged file can make it allocate; an export of 10,000 people with one phone photo each is well under it.
pub const MAX_EXPORT_BYTES: u64 = 2 << 30;

/// Largest base64 text of one image in an export: that of the largest photo an import accepts
/// ([`crate::media::MAX_FILE_BYTES`]). Checked before decoding it.
pub const MAX_MEDIA_BASE64: usize = (crate::media::MAX_FILE_BYTES as usize).div_ceil(3) * 4;

/// The two fields read before the rest, so that a file of another kind or a newer schema gets its own message.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: serde_json::Value,
    #[serde(default)]
    schema_version: serde_json::Value,
}

/// Reads at most [`MAX_EXPORT_BYTES`] from `r`, refusing what is longer.
fn read_bounded(path: &Path, r: impl std::io::Read) -> Result<Vec<u8>> {
    let mut bytes = vec![];
    std::io::Read::read_to_end(&mut std::io::Read::take(r, MAX_EXPORT_BYTES + 1), &mut bytes)
        .map_err(|source| Error::Read { path: path.to_owned(), source })?;
    if bytes.len() as u64 > MAX_EXPORT_BYTES {
        return Err(Error::ExportTooLarge { path: path.to_owned(), max: MAX_EXPORT_BYTES });
    }
    Ok(bytes)
}

/// Reads and checks an export file; a sealed one is opened with `passphrase`.
pub fn read_export(path: &Path, passphrase: Option<&str>) -> Result<JsonExport> {
    let read_err = |source| Error::Read { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(read_err)?;
    if file.metadata().map_err(read_err)?.len() > MAX_EXPORT_BYTES {
        return Err(Error::ExportTooLarge { path: path.to_owned(), max: MAX_EXPORT_BYTES });
    }
    let reader = std::io::BufReader::new(file);
    let bytes = if is_sealed(path) {
        let passphrase = passphrase.ok_or_else(|| Error::SealedExport(path.to_owned()))?;
        open_sealed(path, reader, passphrase)?
    } else {
        read_bounded(path, reader)?
    };
    parse_export(path, &bytes)
}

/// Decrypts a sealed export (age, scrypt) read from `sealed`, at most [`MAX_EXPORT_BYTES`] of it.
pub fn open_sealed(path: &Path, sealed: impl std::io::BufRead, passphrase: &str) -> Result<Vec<u8>> {
    let bad = |detail: String| Error::Spreadsheet { path: path.to_owned(), problem: Problem::DamagedSeal { detail } };
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|e| bad(e.to_string()))?;
    let identity = age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.to_owned()));
    let plain = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            Error::WrongExportPassphrase(path.to_owned())
        }
        other => bad(other.to_string()),
    })?;
    read_bounded(path, plain).map_err(|e| match e {
        // A damaged stream (cut short, a flipped byte) fails while reading, after the header opened.
        Error::Read { source, .. } => bad(source.to_string()),
        other => other,
    })
}

/// Parses the text of an export: its format and schema version first, then the records. Images are checked
/// for size here (their base64 text), not yet decoded.
pub fn parse_export(path: &Path, bytes: &[u8]) -> Result<JsonExport> {
    let bad = |problem| Error::Spreadsheet { path: path.to_owned(), problem };
    let not_export = |e: serde_json::Error| bad(Problem::NotAnExport { detail: e.to_string() });
    let head: Head = serde_json::from_slice(bytes).map_err(not_export)?;
    if head.format.as_str() != Some(FORMAT) {
        return Err(bad(Problem::OtherFormat));
    }
    let version = head.schema_version.as_u64().unwrap_or(0);
    if version == 0 {
        return Err(bad(Problem::OtherFormat));
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(bad(Problem::NewerExport { version, max: SCHEMA_VERSION }));
    }
    let snap: JsonExport = serde_json::from_slice(bytes).map_err(not_export)?;
    for m in &snap.media {
        let len = m.bytes.len().max(m.thumb.len());
        if len > MAX_MEDIA_BASE64 {
            return Err(Error::ExportMediaTooLarge {
                path: path.to_owned(),
                id: m.media.id.to_string(),
                bytes: len as u64 / 4 * 3,
                max: crate::media::MAX_FILE_BYTES,
            });
        }
    }
    Ok(snap)
}

/// What a JSON import did (or would do).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JsonImportReport {
    pub file: std::path::PathBuf,
    pub applied: bool,
    pub records: BTreeMap<RecordKind, usize>,
    /// History entries kept: those of records the file creates (or deleted before it was exported).
    pub history: usize,
    /// History entries left out because they are about records already in this dossier (or in its history), or
    /// about records the file neither creates nor deletes: an export cannot rewrite the history of existing records.
    pub history_skipped: usize,
}

/// Imports a JSON export into this dossier in one transaction, keeping ids, times and history. Refuses
/// (importing nothing) when a record fails validation or an id is already in the dossier.
/// A sealed export is opened with `passphrase`.
pub fn import_json(d: &mut Dossier, path: &Path, dry_run: bool, passphrase: Option<&str>) -> Result<JsonImportReport> {
    let mut snap = read_export(path, passphrase)?;
    let total_history = snap.history.len();
    snap.history = history_of_new_records(d, &snap)?;
    let report = JsonImportReport {
        file: path.to_owned(),
        applied: !dry_run,
        records: counts(&snap),
        history: snap.history.len(),
        history_skipped: total_history - snap.history.len(),
    };
    if !snap.profiles.is_empty() && d.profile()?.is_some() {
        return Err(Error::IdTaken { kind: RecordKind::Profile, id: snap.profiles[0].id.to_string() });
    }
    // Every image goes through the same checks and cleaning as a photo added by hand: a JSON file is not trusted
    // to hold clean, sane images (an edited export could carry EXIF, a trailing image or a decompression bomb).
    // Size, digest and thumbnail are recomputed from the cleaned bytes; the file's own values are ignored.
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut blobs = vec![];
    for m in snap.media.iter_mut() {
        let bytes = b64.decode(&m.bytes).map_err(|e| Error::Spreadsheet {
            path: path.to_owned(),
            problem: Problem::BadMedia { id: m.media.id.to_string(), detail: e.to_string() },
        })?;
        let img =
            crate::media::import_bytes(bytes).map_err(|problem| Error::Image { path: path.to_owned(), problem })?;
        let data = &mut m.media.data;
        // The orientation is the file's field (the bytes an export holds are already cleaned of EXIF), unless the
        // bytes carry one of their own, which is what a photo added by hand would get.
        if img.orientation != 1 {
            data.orientation = img.orientation;
        }
        data.mime = img.mime.to_owned();
        (data.width, data.height) = (img.width, img.height);
        data.byte_len = img.bytes.len() as u64;
        data.sha256 = img.sha256;
        blobs.push((img.bytes, img.thumb));
    }
    if dry_run {
        check(d, &snap.detainees)?;
        check(d, &snap.contacts)?;
        check(d, &snap.sources)?;
        check(d, &snap.events)?;
        check(d, &snap.sponsors)?;
        check(d, &snap.sponsorships)?;
        check(d, &snap.press_releases)?;
        check(d, &snap.profiles)?;
        let media: Vec<Stored<Media>> = snap.media.iter().map(|m| m.media.clone()).collect();
        check(d, &media)?;
        return Ok(report);
    }
    let JsonExport {
        detainees,
        contacts,
        media,
        sources,
        events,
        sponsors,
        sponsorships,
        press_releases,
        profiles,
        history,
        ..
    } = snap;
    d.transaction(|tx| {
        tx.defer_foreign_keys()?;
        tx.restore_history(&history)?;
        for r in detainees {
            tx.restore(r, None)?;
        }
        for (m, (bytes, thumb)) in media.into_iter().zip(&blobs) {
            tx.restore(m.media, Some((bytes.as_slice(), thumb.as_slice())))?;
        }
        for r in sponsors {
            tx.restore(r, None)?;
        }
        for r in contacts {
            tx.restore(r, None)?;
        }
        for r in sources {
            tx.restore(r, None)?;
        }
        for r in events {
            tx.restore(r, None)?;
        }
        for r in sponsorships {
            tx.restore(r, None)?;
        }
        for r in press_releases {
            tx.restore(r, None)?;
        }
        for r in profiles {
            tx.restore(r, None)?;
        }
        Ok(())
    })?;
    Ok(report)
}

/// The history entries of `snap` an import keeps: those about records the file creates, and about records the
/// file's own history deletes; in both cases only when this dossier has neither the record nor any history of its
/// id. Anything else (an entry aimed at a record already here, an unknown kind, a record the file does not hold)
/// is left out, so an edited export cannot add a forged past to existing records, which `history restore` could
/// then write back.
fn history_of_new_records(d: &Dossier, snap: &JsonExport) -> Result<Vec<Change>> {
    use std::collections::{BTreeSet, HashMap};
    fn ids<T: Record>(out: &mut BTreeSet<(&'static str, String)>, records: &[Stored<T>]) {
        out.extend(records.iter().map(|r| (T::KIND.table(), r.id.to_string())));
    }
    let mut created = BTreeSet::new();
    ids(&mut created, &snap.detainees);
    ids(&mut created, &snap.contacts);
    ids(&mut created, &snap.sources);
    ids(&mut created, &snap.events);
    ids(&mut created, &snap.sponsors);
    ids(&mut created, &snap.sponsorships);
    ids(&mut created, &snap.press_releases);
    ids(&mut created, &snap.profiles);
    created.extend(snap.media.iter().map(|m| (RecordKind::Media.table(), m.media.id.to_string())));
    let deleted: BTreeSet<(&str, &str)> =
        snap.history.iter().filter(|c| c.action == "delete").map(|c| (c.kind.as_str(), c.record_id.as_str())).collect();
    // Whether this dossier knows the id (a record of that kind, or history of it), asked once per id.
    let mut known: HashMap<(&str, &str), bool> = HashMap::new();
    let mut kept = vec![];
    for c in &snap.history {
        let Some(kind) = RecordKind::ALL.into_iter().find(|k| k.table() == c.kind) else { continue };
        let key = (kind.table(), c.record_id.as_str());
        let ours = created.contains(&(key.0, key.1.to_owned())) || deleted.contains(&key);
        if !ours || !matches!(c.action.as_str(), "create" | "update" | "delete") {
            continue;
        }
        let here = match known.get(&key) {
            Some(k) => *k,
            None => {
                let conn = d.conn();
                let in_table: bool = conn.query_row(
                    &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)", kind.table()),
                    [key.1],
                    |r| r.get(0),
                )?;
                let in_history: bool =
                    conn.query_row("SELECT EXISTS (SELECT 1 FROM history WHERE record_id = ?1)", [key.1], |r| {
                        r.get(0)
                    })?;
                known.insert(key, in_table || in_history);
                in_table || in_history
            }
        };
        if !here {
            kept.push(c.clone());
        }
    }
    Ok(kept)
}

fn check<T: Record>(d: &Dossier, records: &[Stored<T>]) -> Result<()> {
    for r in records {
        r.data.clone().validate()?;
        if d.get::<T>(r.id).is_ok() {
            return Err(Error::IdTaken { kind: T::KIND, id: r.id.to_string() });
        }
    }
    Ok(())
}
