//! A photo or logo's metadata: its role, framing (crop) and disclosure; the bytes live beside it in the store.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{choice_serde, opt_name, opt_text, Choice, Disclosure, Record, RecordKind};
use crate::error::{Invalid, Reason};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MediaRole {
    /// A photo of a detainee.
    #[cfg_attr(feature = "ts", ts(rename = "photo"))]
    Photo,
    /// A sponsor's or the collective's logo.
    #[cfg_attr(feature = "ts", ts(rename = "logo"))]
    Logo,
}

impl Choice for MediaRole {
    const CHOICES: &'static [(Self, &'static str, &'static [&'static str])] =
        &[(MediaRole::Photo, "photo", &[]), (MediaRole::Logo, "logo", &[])];
}
choice_serde!(MediaRole, "role");

/// A normalised rectangle (0..1 of the upright image) that decides the framing of a photo in documents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Crop {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Crop {
    pub const FULL: Crop = Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 };

    pub fn is_valid(&self) -> bool {
        let ok = |v: f32| v.is_finite() && (0.0..=1.0).contains(&v);
        ok(self.x)
            && ok(self.y)
            && ok(self.w)
            && ok(self.h)
            && self.w > 0.0
            && self.h > 0.0
            && self.x + self.w <= 1.0 + 1e-4
            && self.y + self.h <= 1.0 + 1e-4
    }
}

/// A photo or logo. Its bytes live beside this metadata in the database, stripped of EXIF/GPS/XMP on import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Media {
    pub role: MediaRole,
    /// The detainee a photo shows; `None` for logos.
    pub detainee_id: Option<Uuid>,
    /// `image/jpeg` or `image/png`.
    pub mime: String,
    /// Pixel size as stored (before applying the orientation).
    pub width: u32,
    pub height: u32,
    /// EXIF orientation (1–8) read on import, applied when placing the image.
    pub orientation: u8,
    pub byte_len: u64,
    /// SHA-256 of the stored bytes, hex: finds duplicates and verifies backups.
    pub sha256: String,
    #[serde(default)]
    pub disclosure: Disclosure,
    #[serde(default)]
    pub crop: Option<Crop>,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
}

impl Media {
    /// Size once the orientation is applied.
    pub fn upright_size(&self) -> (u32, u32) {
        if (5..=8).contains(&self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

impl Record for Media {
    const KIND: RecordKind = RecordKind::Media;

    fn validate(&mut self) -> Result<(), Invalid> {
        if let Some(c) = self.crop {
            if !c.is_valid() {
                return Err(Invalid::new("crop", Reason::BadCrop));
            }
        }
        if !(1..=8).contains(&self.orientation) {
            return Err(Invalid::new("orientation", Reason::BadNumber { value: self.orientation.to_string() }));
        }
        if self.role == MediaRole::Photo && self.detainee_id.is_none() {
            return Err(Invalid::new("detainee_id", Reason::Empty));
        }
        opt_text("caption", &mut self.caption)?;
        opt_name("credit", &mut self.credit)
    }

    fn label(&self) -> String {
        format!("{} {}×{}", self.role, self.width, self.height)
    }

    fn set_special(&mut self, field: &str, value: &str) -> Option<Result<(), Invalid>> {
        match field {
            "public" => Some(match value {
                "true" | "yes" | "oui" | "1" => {
                    self.disclosure = Disclosure::PUBLIC;
                    Ok(())
                }
                "false" | "no" | "non" | "0" => {
                    self.disclosure.public = false;
                    Ok(())
                }
                v => Err(Invalid::new("public", Reason::Unknown { value: v.into(), allowed: "true, false".into() })),
            }),
            "consent" => Some(super::Consent::parse_choice("consent", value).map(|c| self.disclosure.consent = c)),
            "crop" => Some((|| {
                let n: Vec<f32> = value
                    .split(',')
                    .map(|p| p.trim().parse::<f32>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| Invalid::new("crop", Reason::BadCrop))?;
                let [x, y, w, h] = n[..] else {
                    return Err(Invalid::new("crop", Reason::BadCrop));
                };
                self.crop = Some(Crop { x, y, w, h });
                Ok(())
            })()),
            _ => None,
        }
    }
}
