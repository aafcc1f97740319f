//! Social-media cards: a detainee's picture for the campaign's posts, as a PNG at the exact pixel size each network
//! expects (square 1080×1080, portrait 1080×1350, story 1080×1920, landscape 1200×675).
//!
//! A card is laid out from a layout template (`card.toml`, one per language) like a banner's: colours, then for
//! each format its zones in fractions of the card (the photo, an optional band, text zones whose text is a template
//! over the banner's context, [`BannerCtx`], and the logos). The card sees exactly what a banner sees: public and
//! consented data only, the sponsor's and the collective's logos, the campaign address.
//!
//! **Rasterising: the typesetter, then `hayro`.** The card is first laid out as a one-page PDF by the same
//! typesetter as every other document (a canvas page, 1 px = 1 pt, RGB colours), so it has the same fonts, the same
//! shaping (Armenian included), French typography and the photo framed by its crop through `typeset::frame` like a
//! banner's photo zone (`FrameAspect::Fixed`). That page is then rendered by `hayro` (pure-Rust PDF rasteriser, on
//! `vello_cpu`) into a pixmap of exactly the target size, and encoded by the `png` crate. Drawing glyph outlines
//! with `tiny-skia` from the shaped runs was the alternative: it would have meant a second renderer of every
//! canvas item (text boxes with their shrinking, images with framing and orientation, logos) beside the PDF
//! writer, two implementations to keep in step; through the PDF there is one layout, and the template preview
//! (the PDF, one page per format) shows what the PNG shows.
//!
//! The PNG holds only what the image needs: IHDR, an sRGB chunk, the pixels (IDAT) and IEND; no text, time, EXIF
//! or other metadata chunk.

use std::collections::BTreeMap;
use std::sync::Arc;

use libertas_typeset as typeset;
use minijinja::Value;
use serde::{Deserialize, Serialize};

use super::banner::{check_fractions, check_text_zone, logo_items, text_box, TextZone};
use super::context::BannerCtx;
use super::template::{self, TemplateProblem};
use super::typesetting::{photo_crop, typeset_error, typeset_lang, Images};
use crate::error::{Error, Result};
use crate::i18n::Lang;

/// The formats social networks show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CardFormat {
    /// 1080 × 1080 px.
    #[default]
    Square,
    /// 1080 × 1350 px (4:5).
    Portrait,
    /// 1080 × 1920 px (9:16), stories and reels.
    Story,
    /// 1200 × 675 px (16:9), link previews and X/Twitter.
    Landscape,
}

impl CardFormat {
    pub const ALL: [CardFormat; 4] =
        [CardFormat::Square, CardFormat::Portrait, CardFormat::Story, CardFormat::Landscape];

    /// Width and height in pixels.
    pub fn pixels(self) -> (u32, u32) {
        match self {
            CardFormat::Square => (1080, 1080),
            CardFormat::Portrait => (1080, 1350),
            CardFormat::Story => (1080, 1920),
            CardFormat::Landscape => (1200, 675),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            CardFormat::Square => "square",
            CardFormat::Portrait => "portrait",
            CardFormat::Story => "story",
            CardFormat::Landscape => "landscape",
        }
    }

    /// A slug, in any case, or its French name (`carré`, `paysage`).
    pub fn parse(s: &str) -> Option<CardFormat> {
        let s = s.trim().to_lowercase();
        let french = match s.as_str() {
            "carré" | "carre" => Some(CardFormat::Square),
            "paysage" => Some(CardFormat::Landscape),
            _ => None,
        };
        french.or_else(|| Self::ALL.into_iter().find(|f| f.slug() == s))
    }
}

/// One pixel is one PDF point on the card's page: font sizes in a card template are pixel sizes.
const MM_PER_PX: f32 = 25.4 / 72.0;

/// A zone of a card, in fractions of the card.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    #[serde(default)]
    pub color: Option<String>,
}

/// The zones of one format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatLayout {
    /// Where the photo goes, covered by its crop; without a usable photo, filled with the `color` given here (or
    /// the colour named `no_photo`) and the text zones can say more (`{% if not detainee.photo %}`).
    pub photo: Area,
    #[serde(default)]
    pub band: Option<Area>,
    #[serde(default)]
    pub text: Vec<TextZone>,
    #[serde(default)]
    pub logos: Option<Area>,
}

/// A card template: colours (`#rrggbb`, by name) and the zones of each format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardLayout {
    pub colors: BTreeMap<String, String>,
    pub square: FormatLayout,
    pub portrait: FormatLayout,
    pub story: FormatLayout,
    pub landscape: FormatLayout,
}

impl CardLayout {
    pub fn format(&self, f: CardFormat) -> &FormatLayout {
        match f {
            CardFormat::Square => &self.square,
            CardFormat::Portrait => &self.portrait,
            CardFormat::Story => &self.story,
            CardFormat::Landscape => &self.landscape,
        }
    }

    fn color(&self, name: &Option<String>, default: &str) -> typeset::Color {
        let hex = name.as_ref().and_then(|n| self.colors.get(n)).map_or(default, String::as_str);
        rgb(hex).unwrap_or(typeset::Color::BLACK)
    }
}

/// `#rrggbb` as a colour.
fn rgb(hex: &str) -> Option<typeset::Color> {
    let h = hex.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii())?;
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok().map(|v| f32::from(v) / 255.0);
    Some(typeset::Color::Rgb(c(0)?, c(2)?, c(4)?))
}

pub fn parse_layout(name: &str, source: &str) -> Result<CardLayout> {
    let layout: CardLayout = toml::from_str(source).map_err(|e| Error::Template {
        name: name.to_owned(),
        line: e.span().map(|s| source[..s.start].lines().count().max(1)),
        problem: TemplateProblem::Toml { detail: e.message().to_owned() },
    })?;
    let bad = |problem| Error::Template { name: name.to_owned(), line: None, problem };
    for (cname, c) in &layout.colors {
        if rgb(c).is_none() {
            return Err(bad(TemplateProblem::BadRgb { colour: cname.clone() }));
        }
    }
    let known = |c: &str| layout.colors.contains_key(c);
    for f in CardFormat::ALL {
        let fl = layout.format(f);
        let areas = std::iter::once(("photo", &fl.photo))
            .chain(fl.band.iter().map(|z| ("band", z)))
            .chain(fl.logos.iter().map(|z| ("logos", z)));
        for (zname, z) in areas {
            let zname = format!("{}.{zname}", f.slug());
            check_fractions(&zname, z.x, z.y, z.w, z.h).map_err(bad)?;
            if let Some(c) = z.color.as_ref().filter(|c| !known(c)) {
                return Err(bad(TemplateProblem::UnknownColour { zone: zname, colour: c.clone() }));
            }
        }
        for t in &fl.text {
            // The zone is named with its format (`square.name`), as the template's sections are.
            let named = TextZone { name: format!("{}.{}", f.slug(), t.name), ..t.clone() };
            check_text_zone(&named, known).map_err(bad)?;
        }
    }
    Ok(layout)
}

/// Checks a card template against a complete context: its layout, and every field its text zones name.
pub fn check(name: &str, source: &str, ctx: &BannerCtx) -> Result<()> {
    let layout = parse_layout(name, source)?;
    let value = Value::from(minijinja::value::Serde(ctx));
    let env = template::plain_environment();
    for f in CardFormat::ALL {
        for z in &layout.format(f).text {
            template::render(&env, name, &z.text, 1, &value)?;
        }
    }
    Ok(())
}

/// A card laid out, before rasterising: its one-page PDF (what the PNG shows, text included, for the template
/// preview and for tests) and its format.
pub struct CardPdf {
    pub pdf: Vec<u8>,
    pub format: CardFormat,
}

/// Lays out one page per format in `formats`, in that order: a card's PDF (one format), or the template preview
/// (all four).
pub fn render_pdf(
    name: &str,
    layout: &CardLayout,
    ctx: &BannerCtx,
    formats: &[CardFormat],
    lang: Lang,
    images: &mut Images<'_>,
) -> Result<Vec<u8>> {
    let env = template::plain_environment();
    let value = Value::from(minijinja::value::Serde(ctx));
    let mut pages = vec![];
    for &f in formats {
        let (w_px, h_px) = f.pixels();
        let (w, h) = (w_px as f32 * MM_PER_PX, h_px as f32 * MM_PER_PX);
        let place = |a: &Area| typeset::MmRect::new(a.x * w, a.y * h, a.w * w, a.h * h);
        let fl = layout.format(f);
        let mut items = vec![typeset::CanvasItem::Rect {
            rect: typeset::MmRect::new(0.0, 0.0, w, h),
            fill: Some(layout.color(&Some("background".into()), "#ffffff")),
            stroke: None,
        }];
        let photo_rect = place(&fl.photo);
        match &ctx.detainee.photo {
            // The zone's shape is fixed by the layout: the crop covers it from its centre (`typeset::frame`,
            // `Fixed`), as on a banner; without a crop, a centred cover of the whole photo.
            // The photo is scaled down to the zone's pixels first (`Images::get_scaled`), so the rasteriser
            // decodes a screen-sized JPEG, not the camera's original.
            Some(r) => {
                let crop = photo_crop(ctx.detainee.photo_crop);
                let zone_px = (fl.photo.w * w_px as f32, fl.photo.h * h_px as f32);
                items.push(typeset::CanvasItem::Image {
                    image: images.get_scaled(r, zone_px, crop)?,
                    rect: photo_rect,
                    fit: typeset::ImageFit::Cover(crop.unwrap_or(typeset::CropRect::FULL)),
                })
            }
            None => items.push(typeset::CanvasItem::Rect {
                rect: photo_rect,
                fill: Some(layout.color(&Some(fl.photo.color.clone().unwrap_or_else(|| "no_photo".into())), "#595959")),
                stroke: None,
            }),
        }
        if let Some(band) = &fl.band {
            items.push(typeset::CanvasItem::Rect {
                rect: place(band),
                fill: Some(layout.color(&band.color, "#b3122e")),
                stroke: None,
            });
        }
        for t in &fl.text {
            let text = template::render(&env, name, &t.text, 1, &value)?;
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let rect = typeset::MmRect::new(t.x * w, t.y * h, t.w * w, t.h * h);
            items.push(typeset::CanvasItem::Text(text_box(t, rect, text, layout.color(&t.color, "#000000"), lang)));
        }
        if let Some(z) = &fl.logos {
            items.extend(logo_items(ctx, place(z), images)?.into_iter().map(|(item, _)| item));
        }
        pages.push(typeset::CanvasPage { width_mm: w, height_mm: h, bleed_mm: 0.0, crop_marks: false, items });
    }
    let canvas = typeset::Canvas {
        title: format!("{} — {}", ctx.detainee.name, formats.iter().map(|f| f.slug()).collect::<Vec<_>>().join(", ")),
        lang: typeset_lang(lang),
        pages,
    };
    Ok(typeset::render_canvas_with_layout(&canvas).map_err(typeset_error)?.pdf)
}

/// Renders a card's one-page PDF at exactly its format's pixel size and encodes it as a PNG (RGB, 8 bits, sRGB,
/// no metadata).
pub fn rasterise(card: CardPdf) -> Result<Vec<u8>> {
    use hayro::hayro_interpret::util::TransformExt;
    use hayro::vello_cpu::{self, color::palette::css::WHITE};

    let failed = |what: &str| Error::Render(format!("card: {what}"));
    let pdf = hayro::hayro_syntax::Pdf::new(Arc::new(card.pdf)).map_err(|_| failed("unreadable PDF"))?;
    let page = pdf.pages().first().ok_or_else(|| failed("no page"))?;
    let (w_px, h_px) = card.format.pixels();
    let (w_pt, h_pt) = page.render_dimensions();
    let (w16, h16) = (w_px as u16, h_px as u16);
    let mut ctx = vello_cpu::RenderContext::new(w16, h16);
    // Scaled to the exact pixel size, whatever rounding the page's size in points carries.
    let transform =
        hayro::kurbo::Affine::scale_non_uniform(f64::from(w_px) / f64::from(w_pt), f64::from(h_px) / f64::from(h_pt))
            * page.initial_transform(true).to_kurbo();
    let cache = hayro::RenderCache::new();
    let settings = hayro::hayro_interpret::InterpreterSettings::default();
    let render = hayro::RenderSettings { force_image_interpolation: true, ..Default::default() };
    hayro::render_into(page, &cache, &settings, &render, &mut ctx, transform);
    ctx.flush();
    let mut pixmap = vello_cpu::Pixmap::new(w16, h16);
    ctx.render_with(
        &mut pixmap,
        &mut vello_cpu::Resources::default(),
        vello_cpu::RasterizerSettings { target_init: vello_cpu::TargetInit::Clear(WHITE), ..Default::default() },
    );
    // Drawn over opaque white, every pixel is opaque: premultiplied RGBA is plain RGBA, and the alpha goes.
    let rgb: Vec<u8> = pixmap.data_as_u8_slice().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    encode_png(w_px, h_px, &rgb).map_err(|e| failed(&e.to_string()))
}

fn encode_png(w: u32, h: u32, rgb: &[u8]) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::with_capacity(rgb.len() / 4);
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}
