//! Writes of any record kind the UI edits (create, replace, delete), a photo's editable parts, and the one way a
//! logo enters the dossier.

use std::path::Path;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::Result;
use crate::media::Imported;
use crate::model::{
    Contact, Crop, Detainee, Disclosure, Event, Media, MediaRole, PressRelease, Record, Source, Sponsor, Sponsorship,
    Stored,
};
use crate::store::{media_record, BinId, Tx};
use crate::Dossier;

/// A record of any kind the UI may create or replace. `Media` is written through photo and logo imports only, and
/// the profile through its own call, so neither is here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum AnyRecord {
    Detainee(Detainee),
    Contact(Contact),
    Source(Source),
    Event(Event),
    Sponsor(Sponsor),
    Sponsorship(Sponsorship),
    PressRelease(PressRelease),
}

/// Creates (`id` = `None`) or replaces a record; returns its id.
pub fn save(d: &mut Dossier, id: Option<Uuid>, record: AnyRecord) -> Result<Uuid> {
    fn put<T: Record>(d: &mut Dossier, id: Option<Uuid>, data: T) -> Result<Uuid> {
        Ok(match id {
            Some(id) => d.update(id, data)?.id,
            None => d.insert(data)?.id,
        })
    }
    match record {
        AnyRecord::Detainee(r) => put(d, id, r),
        AnyRecord::Contact(r) => put(d, id, r),
        AnyRecord::Source(r) => put(d, id, r),
        AnyRecord::Event(r) => put(d, id, r),
        AnyRecord::Sponsor(r) => put(d, id, r),
        AnyRecord::Sponsorship(r) => put(d, id, r),
        AnyRecord::PressRelease(r) => put(d, id, r),
    }
}

/// The record kinds the UI may delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DeletableKind {
    Detainee,
    Contact,
    Source,
    Event,
    Sponsor,
    Sponsorship,
    PressRelease,
    Media,
}

/// Deletes a record into the bin; returns the bin entry, which `bin_restore` brings back (the app's "Annuler").
pub fn delete(d: &mut Dossier, kind: DeletableKind, id: Uuid) -> Result<BinId> {
    match kind {
        DeletableKind::Detainee => d.delete::<Detainee>(id),
        DeletableKind::Contact => d.delete::<Contact>(id),
        DeletableKind::Source => d.delete::<Source>(id),
        DeletableKind::Event => d.delete::<Event>(id),
        DeletableKind::Sponsor => d.delete::<Sponsor>(id),
        DeletableKind::Sponsorship => d.delete::<Sponsorship>(id),
        DeletableKind::PressRelease => d.delete::<PressRelease>(id),
        DeletableKind::Media => d.delete::<Media>(id),
    }
}

/// The editable parts of a photo's or logo's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MediaEdit {
    pub crop: Option<Crop>,
    pub disclosure: Disclosure,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// Changes a photo's crop, consent, caption or credit (the image itself never changes).
pub fn edit_media(d: &mut Dossier, id: Uuid, edit: MediaEdit) -> Result<Stored<Media>> {
    let mut m = d.get::<Media>(id)?.data;
    (m.crop, m.disclosure, m.caption, m.credit) = (edit.crop, edit.disclosure, edit.caption, edit.credit);
    d.update(id, m)
}

/// Reads and checks a logo file (outside any transaction: decoding is the slow part).
pub(super) fn import_logo(path: &Path) -> Result<Imported> {
    crate::media::import_file(path)
}

/// Stores an imported logo inside the caller's transaction, so the record that points to it is written with it.
pub(super) fn insert_logo(tx: &mut Tx<'_>, img: &Imported) -> Result<Uuid> {
    let meta = media_record(img, MediaRole::Logo, None, Disclosure::PUBLIC);
    Ok(tx.insert_media(meta, &img.bytes, &img.thumb)?.id)
}
