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
    std::fs::read(path).ok().and_then(|b| b.iter().copied().find(|c| !c.is_ascii_whitespace())) == Some(b'{')
}

/// Largest export file read (sealed or not): 4 GB, far above a dossier of 10,000 people with photos, and a
/// bound on what a forged file can make the import allocate.
pub const MAX_EXPORT_BYTES: u64 = 4 << 30;

/// Reads and checks an export file; a sealed one is opened with `passphrase`.
pub fn read_export(path: &Path, passphrase: Option<&str>) -> Result<JsonExport> {
    let bad = |detail: String| Error::Spreadsheet { path: path.to_owned(), detail };
    let read_err = |source| Error::Read { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(read_err)?;
    if file.metadata().map_err(read_err)?.len() > MAX_EXPORT_BYTES {
        return Err(bad(format!("larger than {} GB", MAX_EXPORT_BYTES >> 30)));
    }
    let reader = std::io::Read::take(std::io::BufReader::new(file), MAX_EXPORT_BYTES);
    let v: serde_json::Value = if is_sealed(path) {
        let passphrase = passphrase.ok_or_else(|| Error::SealedExport(path.to_owned()))?;
        let decryptor = age::Decryptor::new_buffered(reader).map_err(|e| bad(e.to_string()))?;
        let identity = age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.to_owned()));
        let plain = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                Error::WrongExportPassphrase(path.to_owned())
            }
            other => bad(other.to_string()),
        })?;
        serde_json::from_reader(std::io::BufReader::new(plain)).map_err(|e| bad(format!("not valid JSON: {e}")))?
    } else {
        serde_json::from_reader(reader).map_err(|e| bad(format!("not valid JSON: {e}")))?
    };
    if v.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(bad("not a Libertas Dossier JSON export".into()));
    }
    let version = v.get("schema_version").and_then(|n| n.as_u64()).unwrap_or(0);
    if version == 0 || version > u64::from(SCHEMA_VERSION) {
        return Err(bad(format!("export schema version {version}; this version reads up to {SCHEMA_VERSION}")));
    }
    serde_json::from_value(v).map_err(|e| bad(e.to_string()))
}

/// What a JSON import did (or would do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonImportReport {
    pub file: std::path::PathBuf,
    pub applied: bool,
    pub records: BTreeMap<RecordKind, usize>,
    pub history: usize,
}

/// Imports a JSON export into this dossier in one transaction, keeping ids, times and history. Refuses
/// (importing nothing) when a record fails validation or an id is already in the dossier.
/// A sealed export is opened with `passphrase`.
pub fn import_json(d: &mut Dossier, path: &Path, dry_run: bool, passphrase: Option<&str>) -> Result<JsonImportReport> {
    let mut snap = read_export(path, passphrase)?;
    let report = JsonImportReport {
        file: path.to_owned(),
        applied: !dry_run,
        records: counts(&snap),
        history: snap.history.len(),
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
        let bytes = b64
            .decode(&m.bytes)
            .map_err(|e| Error::Spreadsheet { path: path.to_owned(), detail: format!("media {}: {e}", m.media.id) })?;
        let img =
            crate::media::import_bytes(bytes).map_err(|problem| Error::Image { path: path.to_owned(), problem })?;
        let data = &mut m.media.data;
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

fn check<T: Record>(d: &Dossier, records: &[Stored<T>]) -> Result<()> {
    for r in records {
        r.data.clone().validate()?;
        if d.get::<T>(r.id).is_ok() {
            return Err(Error::IdTaken { kind: T::KIND, id: r.id.to_string() });
        }
    }
    Ok(())
}
