//! The campaign website feed: a folder with `feed.json`, web-sized photos in `images/` and sponsors' logos in
//! `logos/`, holding public and consented data only.
//!
//! What goes in:
//! - a detainee only when their name is public and consented; then their category, and each other item
//!   (Armenian name, birth, role, capture, circumstances, situation, biography) only when that item is public and
//!   consented; days in detention only when capture and situation both are;
//! - photos whose own disclosure is public and consented, re-encoded (no metadata), cropped, 800 px at most;
//! - a sponsor only when one of its sponsorships is signed or active and includes the "logo" commitment (the
//!   sponsor agreed to appear on the campaign website): name, kind, city, country, website, logo, and which
//!   detainees of the feed it sponsors.
//!
//! Never: family contacts, notes, other spellings, sponsors' contacts, addresses or signatories, prospects.

use std::collections::{BTreeMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::Utc;
use image::{DynamicImage, ImageReader};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::model::{
    Category, CommitmentKind, Detainee, Media, PublicItem, Sponsor, SponsorKind, Sponsorship, Stage, Status,
};
use crate::Dossier;

pub const FEED_FILE: &str = "feed.json";
pub const PHOTO_SIZE: u32 = 800;
pub const LOGO_SIZE: u32 = 400;

#[derive(Debug, Clone, Serialize)]
pub struct FeedImage {
    /// Path inside the feed folder, with `/`.
    pub file: String,
    pub width: u32,
    pub height: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FeedPerson {
    pub id: Uuid,
    pub name: String,
    pub category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_hy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub captured: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_held: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circumstances: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_years: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio_fr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio_en: Option<String>,
    pub photos: Vec<FeedImage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedSponsor {
    pub id: Uuid,
    pub name: String,
    pub kind: SponsorKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<FeedImage>,
    /// Detainees of the feed this sponsor sponsors.
    pub detainees: Vec<Uuid>,
    /// Whether it sponsors the whole group.
    pub whole_group: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Feed {
    pub schema_version: u32,
    pub generated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_url: Option<String>,
    pub detainees: Vec<FeedPerson>,
    pub sponsors: Vec<FeedSponsor>,
}

fn person(p: &Detainee, id: Uuid) -> FeedPerson {
    let public = |i| p.is_public(i);
    let mut f = FeedPerson { id, name: p.name.clone(), category: Some(p.category), ..Default::default() };
    if public(PublicItem::NameHy) {
        f.name_hy = p.name_hy.clone();
    }
    if public(PublicItem::Birth) {
        f.born = p.born.map(|d| d.to_string());
        f.birth_place = p.birth_place.clone();
    }
    if public(PublicItem::Role) {
        f.role = p.role.clone();
        f.rank = p.rank.clone();
        f.unit = p.unit.clone();
    }
    if public(PublicItem::Capture) {
        f.captured = p.captured.map(|d| d.to_string());
        f.capture_place = p.capture_place.clone();
    }
    if public(PublicItem::Circumstances) {
        f.circumstances = p.circumstances.clone();
    }
    if public(PublicItem::Situation) {
        f.status = p.status();
        f.sentence_years = p.situation.last().and_then(|e| e.sentence_years);
    }
    if public(PublicItem::Capture) && public(PublicItem::Situation) {
        f.days_held = p.days_held(Utc::now().date_naive());
    }
    if public(PublicItem::Biography) {
        f.bio_fr = p.bio_fr.clone();
        f.bio_en = p.bio_en.clone();
    }
    f
}

/// Decodes a stored image upright, cropped as the record says, and shrunk to fit `max`.
fn web_image(bytes: &[u8], m: &Media, max: u32) -> Result<DynamicImage> {
    let corrupt = || Error::Corrupt(format!("media {}: cannot decode", m.sha256));
    let mut img = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| corrupt())?
        .decode()
        .map_err(|_| corrupt())?;
    if let Some(o) = image::metadata::Orientation::from_exif(m.orientation) {
        img.apply_orientation(o);
    }
    if let Some(c) = m.crop.filter(|c| c.is_valid()) {
        let (w, h) = (img.width() as f32, img.height() as f32);
        let (x, y) = ((c.x * w) as u32, (c.y * h) as u32);
        let (cw, ch) = (((c.w * w) as u32).max(1), ((c.h * h) as u32).max(1));
        img = img.crop_imm(
            x,
            y,
            cw.min(img.width() - x.min(img.width() - 1)),
            ch.min(img.height() - y.min(img.height() - 1)),
        );
    }
    if img.width() > max || img.height() > max {
        img = img.resize(max, max, image::imageops::FilterType::Triangle);
    }
    Ok(img)
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Write { path: path.to_owned(), source }
}

/// Builds the feed into `dir` (which must not exist yet).
fn build(d: &Dossier, dir: &Path) -> Result<Feed> {
    let images = dir.join("images");
    let logos = dir.join("logos");
    std::fs::create_dir_all(&images).map_err(io_err(&images))?;
    std::fs::create_dir_all(&logos).map_err(io_err(&logos))?;

    let mut people = vec![];
    let mut in_feed = HashSet::new();
    for p in d.list::<Detainee>()? {
        if !p.is_public(PublicItem::Name) {
            continue;
        }
        let mut f = person(&p, p.id);
        for m in d.photos_of(p.id)? {
            if !m.disclosure.publishable() {
                continue;
            }
            let img = web_image(&d.media_bytes(m.id)?, &m, PHOTO_SIZE)?.to_rgb8();
            let file = format!("images/{}.jpg", m.id);
            let path = dir.join(&file);
            let mut out = std::io::BufWriter::new(std::fs::File::create(&path).map_err(io_err(&path))?);
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82)
                .encode_image(&img)
                .map_err(|e| Error::Write { path: path.clone(), source: std::io::Error::other(e) })?;
            std::io::Write::flush(&mut out).map_err(io_err(&path))?;
            f.photos.push(FeedImage {
                file,
                width: img.width(),
                height: img.height(),
                caption: m.caption.clone(),
                credit: m.credit.clone(),
            });
        }
        in_feed.insert(p.id);
        people.push(f);
    }

    let mut by_sponsor: BTreeMap<Uuid, (Vec<Uuid>, bool)> = BTreeMap::new();
    for s in d.sponsorships(None, None)? {
        let s: Sponsorship = s.data;
        if !matches!(s.stage, Stage::Signed | Stage::Active) || !s.has(CommitmentKind::Logo) {
            continue;
        }
        let e = by_sponsor.entry(s.sponsor_id).or_default();
        match s.detainee_id {
            Some(id) if in_feed.contains(&id) => e.0.push(id),
            Some(_) => {}
            None => e.1 = true,
        }
    }
    let mut sponsors = vec![];
    for (id, (detainees, whole_group)) in by_sponsor {
        let s: Sponsor = d.get::<Sponsor>(id)?.data;
        let mut logo = None;
        if let Some(logo_id) = s.logo_id {
            let m = d.get::<Media>(logo_id)?;
            if m.disclosure.publishable() {
                let img = web_image(&d.media_bytes(logo_id)?, &m, LOGO_SIZE)?;
                let file = format!("logos/{id}.png");
                let path = dir.join(&file);
                img.save_with_format(&path, image::ImageFormat::Png)
                    .map_err(|e| Error::Write { path: path.clone(), source: std::io::Error::other(e) })?;
                logo = Some(FeedImage { file, width: img.width(), height: img.height(), caption: None, credit: None });
            }
        }
        sponsors.push(FeedSponsor {
            id,
            name: s.name,
            kind: s.kind,
            city: s.city,
            country: s.country,
            website: s.website,
            logo,
            detainees,
            whole_group,
        });
    }
    let profile = d.profile()?;
    Ok(Feed {
        schema_version: 1,
        generated_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        campaign: profile.as_ref().map(|p| p.name.clone()),
        campaign_url: profile.and_then(|p| p.data.campaign_url.clone()),
        detainees: people,
        sponsors,
    })
}

/// Writes the feed folder. A previous feed in `dir` is replaced whole (so a withdrawn consent removes the photo
/// too); a folder holding anything else is left untouched and refused. Nothing is half-written: the feed is
/// built beside `dir` and moved into place at the end.
pub fn export_website(d: &Dossier, dir: &Path) -> Result<Feed> {
    if dir.exists() {
        let is_feed = dir.join(FEED_FILE).is_file();
        let empty =
            std::fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_owned(), source })?.next().is_none();
        if !is_feed && !empty {
            return Err(Error::NotEmpty(dir.to_owned()));
        }
    }
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "feed".into());
    let parent =
        dir.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    // A new folder with a random name, private to its owner (created exclusively: nothing planted is reused).
    let staging = tempfile::Builder::new().prefix(&format!(".{name}.")).tempdir_in(&parent).map_err(io_err(&parent))?;
    let tmp = staging.keep();
    let result = (|| {
        let feed = build(d, &tmp)?;
        let path = tmp.join(FEED_FILE);
        let json = serde_json::to_vec_pretty(&feed).map_err(|e| Error::Corrupt(e.to_string()))?;
        std::fs::write(&path, json).map_err(io_err(&path))?;
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(io_err(dir))?;
        }
        if let Err(source) = std::fs::rename(&tmp, dir) {
            let _ = std::fs::rename(&old, dir);
            return Err(Error::Write { path: dir.to_owned(), source });
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(feed)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}
