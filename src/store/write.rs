//! Writes of particular records, built on the generic write path of `mod.rs` (`insert`, `update`, `Tx`): photos
//! and logos imported from files, a sponsor with its logo, the collective's profile.

use std::path::Path;

use uuid::Uuid;

use super::Dossier;
use crate::error::Result;
use crate::model::{Detainee, Disclosure, Media, MediaRole, Profile, Record, Sponsor, Stored};

/// The metadata record of an imported image.
pub fn media_record(
    img: &crate::media::Imported,
    role: MediaRole,
    detainee_id: Option<Uuid>,
    disclosure: Disclosure,
) -> Media {
    Media {
        role,
        detainee_id,
        mime: img.mime.to_owned(),
        width: img.width,
        height: img.height,
        orientation: img.orientation,
        byte_len: img.bytes.len() as u64,
        sha256: img.sha256.clone(),
        disclosure,
        crop: None,
        caption: None,
        credit: None,
    }
}

impl Dossier {
    /// Imports a photo of a detainee from a file: checked, stripped of metadata, stored with its thumbnail.
    pub fn add_photo(&mut self, detainee: Uuid, path: &Path, disclosure: Disclosure) -> Result<Stored<Media>> {
        self.get::<Detainee>(detainee)?;
        let img = crate::media::import_file(path)?;
        self.store_media(img, MediaRole::Photo, Some(detainee), disclosure)
    }

    /// Imports a logo (of a sponsor or of the collective) from a file.
    pub fn add_logo(&mut self, path: &Path) -> Result<Stored<Media>> {
        let img = crate::media::import_file(path)?;
        self.store_media(img, MediaRole::Logo, None, Disclosure::PUBLIC)
    }

    pub(crate) fn store_media(
        &mut self,
        img: crate::media::Imported,
        role: MediaRole,
        detainee_id: Option<Uuid>,
        disclosure: Disclosure,
    ) -> Result<Stored<Media>> {
        let meta = media_record(&img, role, detainee_id, disclosure);
        self.transaction(|tx| tx.insert_media(meta, &img.bytes, &img.thumb))
    }

    /// Adds a sponsor, with its logo imported from a file, in one transaction: a refused logo adds nothing.
    pub fn add_sponsor(&mut self, mut sponsor: Sponsor, logo: Option<&Path>) -> Result<Stored<Sponsor>> {
        sponsor.validate()?;
        let img = logo.map(crate::media::import_file).transpose()?;
        self.transaction(|tx| {
            if let Some(img) = &img {
                let m = tx.insert_media(
                    media_record(img, MediaRole::Logo, None, Disclosure::PUBLIC),
                    &img.bytes,
                    &img.thumb,
                )?;
                sponsor.logo_id = Some(m.id);
            }
            tx.insert(sponsor)
        })
    }

    /// Creates or replaces the collective's profile.
    pub fn set_profile(&mut self, profile: Profile) -> Result<Stored<Profile>> {
        match self.profile()? {
            Some(p) => self.update(p.id, profile),
            None => self.insert(profile),
        }
    }
}
