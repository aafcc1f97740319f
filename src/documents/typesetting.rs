//! The bridge to `crates/typeset` that text documents and banners share: the images templates name, loaded from
//! the dossier (public and consented photos only), the document's language for hyphenation and shaping, and the
//! typesetter's errors as the core's.

use std::collections::HashMap;
use std::sync::Arc;

use libertas_typeset as typeset;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Crop, Media, MediaRole, RecordKind};
use crate::store::Dossier;

/// Loads the images templates refer to (`photo:<id>`, `logo:<id>`) from the dossier, once each.
pub struct Images<'d> {
    dossier: &'d Dossier,
    cache: HashMap<String, Arc<typeset::ImageData>>,
}

impl<'d> Images<'d> {
    pub fn new(dossier: &'d Dossier) -> Self {
        Images { dossier, cache: HashMap::new() }
    }

    pub fn get(&mut self, reference: &str) -> Result<Arc<typeset::ImageData>> {
        if let Some(i) = self.cache.get(reference) {
            return Ok(i.clone());
        }
        let img = self.load(reference)?;
        self.cache.insert(reference.to_owned(), img.clone());
        Ok(img)
    }

    /// A photo for a zone of `zone_px` pixels (a social-media card's photo zone) that shows `crop` of it: a JPEG
    /// with more pixels than the zone shows is decoded, scaled down to what the zone shows (never up) and
    /// re-encoded, once per process, as prepared logos are. A card is drawn at screen size: the full photo (24 MP
    /// from a camera) would otherwise be embedded and decoded again by the rasteriser for every card.
    pub fn get_scaled(
        &mut self,
        reference: &str,
        zone_px: (f32, f32),
        crop: Option<typeset::CropRect>,
    ) -> Result<Arc<typeset::ImageData>> {
        let full = self.get(reference)?;
        if full.format != typeset::ImageFormat::Jpeg || zone_px.0 < 1.0 || zone_px.1 < 1.0 {
            return Ok(full);
        }
        let framing = full.frame(crop, typeset::FrameAspect::Fixed(zone_px.0 / zone_px.1));
        let shown_w = framing.region.w * full.upright_size().0 as f32;
        let scale = zone_px.0 / shown_w.max(1.0);
        // Within a fifth of the zone's size: not worth a second copy.
        if scale > 0.8 {
            return Ok(full);
        }
        let size = |side: u32| ((side as f32 * scale).ceil() as u32).max(1);
        let (w, h) = (size(full.width), size(full.height));
        let id =
            media_id(reference).ok_or_else(|| Error::NotFound { kind: RecordKind::Media, id: reference.into() })?;
        let key = (id, self.dossier.get::<Media>(id)?.data.sha256, w, h);
        if let Some(i) = scaled().lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(i);
        }
        let failed = |e: image::ImageError| Error::Render(format!("photo {reference}: {e}"));
        let bytes = self.dossier.media_bytes(id)?;
        let stored = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).map_err(failed)?.to_rgb8();
        let small = image::imageops::thumbnail(&stored, w, h);
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&small).map_err(failed)?;
        let img = Arc::new(typeset::ImageData::jpeg(jpeg).map_err(typeset_error)?.with_orientation(full.orientation));
        if let Ok(mut c) = scaled().lock() {
            if c.len() >= PREPARED_MAX {
                c.clear();
            }
            c.insert(key, img.clone());
        }
        Ok(img)
    }

    fn load(&mut self, reference: &str) -> Result<Arc<typeset::ImageData>> {
        let not_found = || Error::NotFound { kind: RecordKind::Media, id: reference.to_owned() };
        let id = media_id(reference).ok_or_else(not_found)?;
        let meta = self.dossier.get::<Media>(id)?;
        // A photo reaches a document only when it is public and consented; logos are public by nature.
        if meta.role == MediaRole::Photo && !meta.disclosure.publishable() {
            return Err(not_found());
        }
        // PNG logos are decoded and recompressed for the PDF, which costs tens of milliseconds each; stored
        // images never change (an id's bytes are fixed, the digest is in its metadata), so the prepared form is
        // kept for the life of the process. JPEGs are only parsed, so they are not worth the memory.
        let key = (id, meta.sha256.clone());
        if let Some(i) = prepared().lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(i);
        }
        let bytes = self.dossier.media_bytes(id)?;
        let img = typeset::ImageData::from_bytes(bytes)
            .map_err(typeset_error)?
            .with_orientation(typeset::Orientation::new(meta.orientation));
        let img = Arc::new(img);
        if img.format == typeset::ImageFormat::Png {
            if let Ok(mut c) = prepared().lock() {
                if c.len() >= PREPARED_MAX {
                    c.clear();
                }
                c.insert(key, img.clone());
            }
        }
        Ok(img)
    }
}

/// The media id of a template's image reference (`photo:<id>`, `logo:<id>`).
fn media_id(reference: &str) -> Option<Uuid> {
    let id = reference.strip_prefix("photo:").or_else(|| reference.strip_prefix("logo:"))?;
    Uuid::parse_str(id).ok()
}

/// Photos scaled down for a card, by media id, content digest and pixel size (bounded like [`prepared`]).
type ScaledCache = std::sync::Mutex<HashMap<(Uuid, String, u32, u32), Arc<typeset::ImageData>>>;

fn scaled() -> &'static ScaledCache {
    static CACHE: std::sync::OnceLock<ScaledCache> = std::sync::OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Prepared PNG images, by media id and content digest (bounded: logos are few and small once deflated).
const PREPARED_MAX: usize = 64;

type PreparedCache = std::sync::Mutex<HashMap<(Uuid, String), Arc<typeset::ImageData>>>;

fn prepared() -> &'static PreparedCache {
    static CACHE: std::sync::OnceLock<PreparedCache> = std::sync::OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// A photo's stored crop as the typesetter takes it (`None`: the whole photo). Every document passes a photo's crop
/// through here to the typesetter, which frames it with `typeset::frame`, the one framing of every document (a
/// banner's zone and a social card are `FrameAspect::Fixed`, a flowing card `Natural`).
pub(crate) fn photo_crop(crop: Option<Crop>) -> Option<typeset::CropRect> {
    crop.map(|c| typeset::CropRect { x: c.x, y: c.y, w: c.w, h: c.h })
}

pub(crate) fn typeset_error(e: typeset::TypesetError) -> Error {
    Error::Render(e.to_string())
}

pub(crate) fn typeset_lang(lang: Lang) -> typeset::Lang {
    match lang {
        Lang::Fr => typeset::Lang::French,
        Lang::En => typeset::Lang::English,
    }
}
