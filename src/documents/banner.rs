//! Roll-up banners and posters: a layout template of zones placed on a canvas with bleed and crop marks, and the
//! preflight a print shop would run.
//!
//! On request ([`Print::pdfx`]) the file is PDF/X-4 (ISO 15930-7), which some print shops ask for: the typesetter
//! writes it ([`typeset::render_canvas_pdfx`]) for the FOGRA39 printing condition (offset, coated paper), with the
//! CMYK profile and the sRGB profile of `assets/icc/` (see its README for where they come from and their licence).
//! The banner's colours are CMYK already; photos stay RGB, tagged with their own ICC profile or sRGB. What is
//! checked: `qpdf --check` and a structural test of every key PDF/X-4 requires (`tests/documents.rs`,
//! `pdfx_banner_*`); no full PDF/X validator (veraPDF, callas, Acrobat preflight) was run here.

use libertas_typeset as typeset;
use minijinja::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::context::BannerCtx;
use super::template::{self, TemplateProblem};
use super::typesetting::{photo_crop, Images};
use crate::error::{Error, Result};
use crate::i18n::{tr, Arg, Lang};

/// Text and logos stay this far from the trim edges.
pub const SAFE_MM: f32 = 50.0;
/// The bottom of a roll-up disappears into the stand's base.
pub const ROLLUP_BASE_MM: f32 = 200.0;
pub const DEFAULT_BLEED_MM: f32 = 10.0;
/// The largest bleed accepted (the UI gets it through `api::Limits`).
pub const MAX_BLEED_MM: f32 = 25.0;

/// The printing condition PDF/X banners are prepared for: FOGRA39, computed from Fogra's measurements.
pub const CMYK_PROFILE: &[u8] = include_bytes!("../../assets/icc/FOGRA39L-coated-argyll.icc");
/// The sRGB profile that calibrates RGB content in PDF/X banners.
pub const SRGB_PROFILE: &[u8] = include_bytes!("../../assets/icc/sRGB-lcms.icc");

/// How a banner is printed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Print {
    pub size: BannerSize,
    pub bleed_mm: f32,
    /// A PDF/X-4 file (OutputIntent FOGRA39, calibrated RGB, XMP metadata) rather than a plain PDF.
    pub pdfx: bool,
}

/// The PDF/X-4 printing condition of banners, for a file made at `created_unix` (seconds, UTC).
pub fn pdfx_condition(created_unix: i64) -> typeset::PdfX<'static> {
    typeset::PdfX {
        output_profile: CMYK_PROFILE,
        output_condition_identifier: "FOGRA39",
        output_condition: "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 = coated \
                           art, 115 g/m2, tone value increase curves A (CMY) and B (K)",
        registry_name: "http://www.color.org",
        info: "FOGRA39L (ISO 12647-2:2004/Amd 1 coated), ArgyllCMS colprof",
        rgb_profile: SRGB_PROFILE,
        created_unix,
        creator: concat!("Libertas Dossier ", env!("CARGO_PKG_VERSION")),
    }
}

/// The sizes print shops sell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BannerSize {
    #[default]
    #[serde(rename = "850x2000")]
    R850,
    #[serde(rename = "800x2000")]
    R800,
    #[serde(rename = "1000x2000")]
    R1000,
    #[serde(rename = "1200x2000")]
    R1200,
    #[serde(rename = "a3")]
    A3,
    #[serde(rename = "a2")]
    A2,
    #[serde(rename = "a1")]
    A1,
}

impl BannerSize {
    pub const ALL: [BannerSize; 7] = [
        BannerSize::R850,
        BannerSize::R800,
        BannerSize::R1000,
        BannerSize::R1200,
        BannerSize::A3,
        BannerSize::A2,
        BannerSize::A1,
    ];

    /// Finished (trim) size in mm.
    pub fn trim_mm(self) -> (f32, f32) {
        match self {
            BannerSize::R850 => (850.0, 2000.0),
            BannerSize::R800 => (800.0, 2000.0),
            BannerSize::R1000 => (1000.0, 2000.0),
            BannerSize::R1200 => (1200.0, 2000.0),
            BannerSize::A3 => (297.0, 420.0),
            BannerSize::A2 => (420.0, 594.0),
            BannerSize::A1 => (594.0, 841.0),
        }
    }

    pub fn is_rollup(self) -> bool {
        matches!(self, BannerSize::R850 | BannerSize::R800 | BannerSize::R1000 | BannerSize::R1200)
    }

    pub fn slug(self) -> &'static str {
        match self {
            BannerSize::R850 => "850x2000",
            BannerSize::R800 => "800x2000",
            BannerSize::R1000 => "1000x2000",
            BannerSize::R1200 => "1200x2000",
            BannerSize::A3 => "a3",
            BannerSize::A2 => "a2",
            BannerSize::A1 => "a1",
        }
    }

    pub fn parse(s: &str) -> Option<BannerSize> {
        let s = s.trim().to_ascii_lowercase().replace(['×', '*', ' '], "x");
        Self::ALL.into_iter().find(|z| z.slug() == s || s == format!("{}mm", z.slug()))
    }

    /// The area where text and logos may go, in mm from the trim's top-left corner.
    pub fn safe_rect(self) -> typeset::MmRect {
        let (w, h) = self.trim_mm();
        let bottom = if self.is_rollup() { ROLLUP_BASE_MM } else { SAFE_MM };
        typeset::MmRect::new(SAFE_MM, SAFE_MM, w - 2.0 * SAFE_MM, h - SAFE_MM - bottom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edge {
    Left,
    Right,
    Top,
    Bottom,
}

/// A zone, in fractions of the live area.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    #[serde(default)]
    pub extend: Vec<Edge>,
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextZone {
    pub name: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// A template.
    pub text: String,
    #[serde(default)]
    pub bold: bool,
    pub max_pt: f32,
    pub min_pt: f32,
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub align: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BannerLayout {
    pub colors: BTreeMap<String, [f32; 4]>,
    pub photo: Zone,
    #[serde(default)]
    pub band: Option<Zone>,
    #[serde(default)]
    pub text: Vec<TextZone>,
    #[serde(default)]
    pub logos: Option<Zone>,
    #[serde(default)]
    pub qr: Option<Zone>,
}

/// Checks a banner template against a complete context: its layout, and every field its text zones name.
pub fn check(name: &str, source: &str, ctx: &BannerCtx) -> Result<()> {
    let layout = parse_layout(name, source)?;
    let value = Value::from(minijinja::value::Serde(ctx));
    let env = template::plain_environment();
    for z in &layout.text {
        template::render(&env, name, &z.text, 1, &value)?;
    }
    Ok(())
}

pub fn parse_layout(name: &str, source: &str) -> Result<BannerLayout> {
    let layout: BannerLayout = toml::from_str(source).map_err(|e| Error::Template {
        name: name.to_owned(),
        line: e.span().map(|s| source[..s.start].lines().count().max(1)),
        problem: TemplateProblem::Toml { detail: e.message().to_owned() },
    })?;
    let bad = |problem| Error::Template { name: name.to_owned(), line: None, problem };
    let zones = std::iter::once(("photo", &layout.photo))
        .chain(layout.band.iter().map(|z| ("band", z)))
        .chain(layout.logos.iter().map(|z| ("logos", z)))
        .chain(layout.qr.iter().map(|z| ("qr", z)));
    for (zname, z) in zones {
        check_fractions(zname, z.x, z.y, z.w, z.h).map_err(bad)?;
        if let Some(c) = &z.color {
            if !layout.colors.contains_key(c) {
                return Err(bad(TemplateProblem::UnknownColour { zone: zname.to_owned(), colour: c.clone() }));
            }
        }
    }
    for t in &layout.text {
        check_text_zone(t, |c| layout.colors.contains_key(c)).map_err(bad)?;
    }
    for (cname, c) in &layout.colors {
        if c.iter().any(|v| !(0.0..=1.0).contains(v)) {
            return Err(bad(TemplateProblem::BadCmyk { colour: cname.clone() }));
        }
    }
    Ok(layout)
}

/// A text zone's place, sizes, colour (one `known` says exists) and alignment; the problem names the zone.
pub(super) fn check_text_zone(t: &TextZone, known: impl Fn(&str) -> bool) -> std::result::Result<(), TemplateProblem> {
    check_fractions(&t.name, t.x, t.y, t.w, t.h)?;
    if !(t.min_pt > 0.0 && t.min_pt <= t.max_pt && t.max_pt <= 1000.0) {
        return Err(TemplateProblem::FontSizes { zone: t.name.clone() });
    }
    if let Some(c) = t.color.as_ref().filter(|c| !known(c)) {
        return Err(TemplateProblem::UnknownColour { zone: t.name.clone(), colour: c.clone() });
    }
    if let Some(a) = &t.align {
        if !matches!(a.as_str(), "left" | "center" | "right") {
            return Err(TemplateProblem::BadAlign { zone: t.name.clone() });
        }
    }
    Ok(())
}

pub(super) fn check_fractions(zone: &str, x: f32, y: f32, w: f32, h: f32) -> std::result::Result<(), TemplateProblem> {
    let ok = [x, y, w, h].iter().all(|v| v.is_finite() && (-0.001..=1.001).contains(v)) && w > 0.0 && h > 0.0;
    if ok && x + w <= 1.001 && y + h <= 1.001 {
        Ok(())
    } else {
        Err(TemplateProblem::ZoneOutside { zone: zone.to_owned() })
    }
}

/// A finding of the preflight.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// `error` or `warning`.
    pub level: String,
    pub code: String,
    pub message: String,
}

/// What a print shop's preflight would say about a banner.
#[derive(Debug, Clone, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preflight {
    pub size: String,
    pub trim_mm: (f32, f32),
    pub bleed_mm: f32,
    /// Each placed image: pixel size, printed size in mm, effective resolution.
    pub images: Vec<ImageReport>,
    pub fonts: Vec<String>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImageReport {
    pub what: String,
    pub pixels: (u32, u32),
    pub printed_mm: (f32, f32),
    pub effective_ppi: f32,
}

impl Preflight {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.level == "error")
    }

    fn push(&mut self, level: &str, code: &str, message: String) {
        self.findings.push(Finding { level: level.into(), code: code.into(), message });
    }
}

fn cmyk(c: [f32; 4]) -> typeset::Color {
    typeset::Color::Cmyk(c[0], c[1], c[2], c[3])
}

/// A banner placed on its canvas, before typesetting: the canvas, a label for each image placed (in order) and
/// the preflight so far (what is missing); [`render`] typesets it and completes the preflight.
pub struct Placed {
    pub canvas: typeset::Canvas,
    image_labels: Vec<String>,
    preflight: Preflight,
    safe: typeset::MmRect,
}

/// Places a banner's zones on its canvas (bleed and crop marks), without typesetting it.
pub fn place(
    name: &str,
    layout: &BannerLayout,
    ctx: &BannerCtx,
    size: BannerSize,
    bleed_mm: f32,
    lang: Lang,
    images: &mut Images<'_>,
) -> Result<Placed> {
    let placement = Placement::new(size, bleed_mm);
    let (tw, th) = placement.trim;
    let mut preflight = Preflight { size: size.slug().into(), trim_mm: (tw, th), bleed_mm, ..Default::default() };
    let (items, image_labels) = canvas_items(name, layout, ctx, &placement, lang, images, &mut preflight)?;
    let canvas = typeset::Canvas {
        title: format!("{} — {}", ctx.detainee.name, size.slug()),
        lang: super::typesetting::typeset_lang(lang),
        pages: vec![typeset::CanvasPage { width_mm: tw, height_mm: th, bleed_mm, crop_marks: true, items }],
    };
    Ok(Placed { canvas, image_labels, preflight, safe: placement.safe })
}

/// Places a banner's zones and renders it; returns the PDF and its preflight.
pub fn render(
    name: &str,
    layout: &BannerLayout,
    ctx: &BannerCtx,
    print: Print,
    lang: Lang,
    images: &mut Images<'_>,
) -> Result<(Vec<u8>, Preflight)> {
    let Print { size, bleed_mm, pdfx } = print;
    typeset_placed(place(name, layout, ctx, size, bleed_mm, lang, images)?, pdfx, lang)
}

/// Typesets a placed banner (a PDF/X-4 file when `pdfx`) and completes its preflight from what was placed.
pub(crate) fn typeset_placed(placed: Placed, pdfx: bool, lang: Lang) -> Result<(Vec<u8>, Preflight)> {
    let Placed { canvas, image_labels, mut preflight, safe } = placed;
    let rendered = if pdfx {
        typeset::render_canvas_pdfx(&canvas, &pdfx_condition(chrono::Utc::now().timestamp()))
    } else {
        typeset::render_canvas_with_layout(&canvas)
    }
    .map_err(super::typesetting::typeset_error)?;
    run_preflight(&rendered, &image_labels, safe, lang, &mut preflight);
    Ok((rendered.pdf, preflight))
}

/// Where zones land: a zone's fractions are of the safe area, and an edge it extends reaches into the bleed.
struct Placement {
    trim: (f32, f32),
    safe: typeset::MmRect,
    bleed_mm: f32,
}

impl Placement {
    fn new(size: BannerSize, bleed_mm: f32) -> Placement {
        Placement { trim: size.trim_mm(), safe: size.safe_rect(), bleed_mm }
    }

    fn rect(&self, z: &Zone) -> typeset::MmRect {
        let (safe, bleed_mm, (tw, th)) = (self.safe, self.bleed_mm, self.trim);
        let mut r = typeset::MmRect::new(safe.x + z.x * safe.w, safe.y + z.y * safe.h, z.w * safe.w, z.h * safe.h);
        for e in &z.extend {
            match e {
                Edge::Left => {
                    r.w += r.x + bleed_mm;
                    r.x = -bleed_mm;
                }
                Edge::Right => r.w = tw + bleed_mm - r.x,
                Edge::Top => {
                    r.h += r.y + bleed_mm;
                    r.y = -bleed_mm;
                }
                Edge::Bottom => r.h = th + bleed_mm - r.y,
            }
        }
        r
    }

    /// The whole sheet, bleed included.
    fn full(&self) -> typeset::MmRect {
        let (b, (tw, th)) = (self.bleed_mm, self.trim);
        typeset::MmRect::new(-b, -b, tw + 2.0 * b, th + 2.0 * b)
    }
}

/// The canvas of a banner: background, photo, band, text zones, logos, QR code. Returns the items and a label for
/// each image placed (in order), and records in `preflight` what is missing (no photo, no URL for the QR code).
fn canvas_items(
    name: &str,
    layout: &BannerLayout,
    ctx: &BannerCtx,
    placement: &Placement,
    lang: Lang,
    images: &mut Images<'_>,
    preflight: &mut Preflight,
) -> Result<(Vec<typeset::CanvasItem>, Vec<String>)> {
    let place = |z: &Zone| placement.rect(z);
    let color = |c: &Option<String>, default: [f32; 4]| -> typeset::Color {
        cmyk(c.as_ref().and_then(|c| layout.colors.get(c)).copied().unwrap_or(default))
    };
    let mut items = vec![];
    let mut image_labels = vec![];

    if let Some(bg) = layout.colors.get("background").filter(|c| c.iter().any(|v| *v > 0.0)) {
        items.push(typeset::CanvasItem::Rect { rect: placement.full(), fill: Some(cmyk(*bg)), stroke: None });
    }
    let photo_rect = place(&layout.photo);
    match &ctx.detainee.photo {
        Some(r) => {
            // The zone's shape is fixed by the layout: the crop covers it (`typeset::frame`, `Fixed`); without a
            // crop, a centred cover of the whole photo.
            let crop = photo_crop(ctx.detainee.photo_crop).unwrap_or(typeset::CropRect::FULL);
            items.push(typeset::CanvasItem::Image {
                image: images.get(r)?,
                rect: photo_rect,
                fit: typeset::ImageFit::Cover(crop),
            });
            image_labels.push(tr(lang, "pf-photo", &[]));
        }
        None => {
            items.push(typeset::CanvasItem::Rect {
                rect: photo_rect,
                fill: Some(typeset::Color::Cmyk(0.0, 0.0, 0.0, 0.25)),
                stroke: None,
            });
            preflight.push("warning", "no_photo", tr(lang, "pf-no-photo", &[]));
        }
    }
    if let Some(band) = &layout.band {
        items.push(typeset::CanvasItem::Rect {
            rect: place(band),
            fill: Some(color(&band.color, [0.0, 1.0, 0.85, 0.2])),
            stroke: None,
        });
    }
    let env = template::plain_environment();
    let value = Value::from(minijinja::value::Serde(ctx));
    for t in &layout.text {
        let text = template::render(&env, name, &t.text, 1, &value)?;
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let rect = place(&Zone { x: t.x, y: t.y, w: t.w, h: t.h, extend: vec![], color: None });
        items.push(typeset::CanvasItem::Text(text_box(t, rect, text, color(&t.color, [0.0, 0.0, 0.0, 1.0]), lang)));
    }
    if let Some(z) = &layout.logos {
        for (item, owner) in logo_items(ctx, place(z), images)? {
            items.push(item);
            image_labels.push(tr(lang, "pf-logo", &[("owner", Arg::from(&owner))]));
        }
    }
    if let Some(z) = &layout.qr {
        match ctx.collective.campaign_url.as_ref().or(ctx.collective.website.as_ref()) {
            Some(url) => items.push(typeset::CanvasItem::Qr(typeset::QrCode {
                data: url.clone(),
                rect: place(z),
                color: typeset::Color::Cmyk(0.0, 0.0, 0.0, 1.0),
                background: Some(typeset::Color::Cmyk(0.0, 0.0, 0.0, 0.0)),
                quiet_zone: true,
            })),
            None => preflight.push("warning", "no_qr", tr(lang, "pf-no-url", &[])),
        }
    }
    Ok((items, image_labels))
}

/// A text zone's box at `rect`: `text` (already rendered) set by the document's typography, shrunk until it fits,
/// centred unless the zone says otherwise. Banners and social-media cards set their text zones alike.
pub(super) fn text_box(
    t: &TextZone,
    rect: typeset::MmRect,
    text: &str,
    color: typeset::Color,
    lang: Lang,
) -> typeset::TextBox {
    let mut tb = typeset::TextBox::new(rect, super::typography::spans(lang, vec![typeset::Span::new(text)]), t.max_pt);
    tb.min_size_pt = t.min_pt;
    tb.bold = t.bold;
    tb.color = color;
    tb.align = match t.align.as_deref() {
        Some("left") => typeset::Align::Left,
        Some("right") => typeset::Align::Right,
        _ => typeset::Align::Center,
    };
    tb.valign = typeset::VAlign::Middle;
    tb.line_height = 1.05;
    tb
}

/// The logos zone of a banner or card: the collective's logos, then the sponsor's, side by side in equal cells,
/// each contained in its cell; with the name of each logo's owner.
pub(super) fn logo_items(
    ctx: &BannerCtx,
    r: typeset::MmRect,
    images: &mut Images<'_>,
) -> Result<Vec<(typeset::CanvasItem, String)>> {
    let mut logos: Vec<(String, String)> =
        ctx.collective.logos.iter().map(|l| (l.clone(), ctx.collective.name.clone())).collect();
    if let Some(s) = ctx.sponsor.as_ref().and_then(|s| s.logo.clone().map(|l| (l, s.name.clone()))) {
        logos.push(s);
    }
    let n = logos.len().max(1) as f32;
    let gap = r.w * 0.04;
    let cell = (r.w - gap * (n - 1.0)) / n;
    let mut out = vec![];
    for (i, (l, owner)) in logos.into_iter().enumerate() {
        let rect = typeset::MmRect::new(r.x + i as f32 * (cell + gap), r.y, cell, r.h);
        out.push((typeset::CanvasItem::Image { image: images.get(&l)?, rect, fit: typeset::ImageFit::Contain }, owner));
    }
    Ok(out)
}

/// The preflight, from what was actually placed: image resolution, text outside the safe area or overflowing its
/// zone, fonts not embedded in the written PDF.
fn run_preflight(
    rendered: &typeset::Rendered,
    image_labels: &[String],
    safe: typeset::MmRect,
    lang: Lang,
    preflight: &mut Preflight,
) {
    for (img, label) in rendered.layout.images.iter().zip(image_labels.iter().chain(std::iter::repeat(&String::new())))
    {
        let ppi = img.effective_ppi;
        preflight.images.push(ImageReport {
            what: label.clone(),
            pixels: (img.pixel_width, img.pixel_height),
            printed_mm: (img.image_mm.w, img.image_mm.h),
            effective_ppi: (ppi * 10.0).round() / 10.0,
        });
        let args = [("what", Arg::from(label)), ("ppi", Arg::Num(ppi.round() as f64))];
        if ppi < 100.0 {
            preflight.push("error", "resolution", tr(lang, "pf-low-res-error", &args));
        } else if ppi < 150.0 {
            preflight.push("warning", "resolution", tr(lang, "pf-low-res-warning", &args));
        }
    }
    for tb in &rendered.layout.text_boxes {
        let r = tb.rect_mm;
        let eps = 0.01;
        let inside = r.x >= safe.x - eps
            && r.y >= safe.y - eps
            && r.x + r.w <= safe.x + safe.w + eps
            && r.y + r.h <= safe.y + safe.h + eps;
        if !inside {
            preflight.push(
                "error",
                "outside_safe_zone",
                tr(
                    lang,
                    "pf-outside-safe",
                    &[("x", Arg::Num(r.x.round() as f64)), ("y", Arg::Num(r.y.round() as f64))],
                ),
            );
        }
        if tb.overflow {
            preflight.push("warning", "text_overflow", tr(lang, "pf-overflow", &[]));
        }
    }
    preflight.fonts = rendered.layout.fonts.clone();
    for font in unembedded_fonts(&rendered.pdf) {
        preflight.push("error", "font_not_embedded", tr(lang, "pf-font", &[("font", Arg::from(&font))]));
    }
}

/// Fonts of a PDF that have no embedded font program, read back from the written file.
pub fn unembedded_fonts(pdf: &[u8]) -> Vec<String> {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else { return vec!["(unreadable PDF)".into()] };
    let mut out = vec![];
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"].iter().any(|k| dict.has(k));
        if !embedded {
            let name = dict.get(b"FontName").and_then(|n| n.as_name()).map(|n| String::from_utf8_lossy(n).into_owned());
            out.push(name.unwrap_or_else(|_| "?".into()));
        }
    }
    // A font dictionary without any descriptor (a base-14 font) is not embedded either.
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_font = dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font".as_slice());
        let subtype = dict.get(b"Subtype").and_then(|t| t.as_name()).ok();
        if is_font && matches!(subtype, Some(b"Type1") | Some(b"TrueType")) && !dict.has(b"FontDescriptor") {
            let name = dict.get(b"BaseFont").and_then(|n| n.as_name()).map(|n| String::from_utf8_lossy(n).into_owned());
            out.push(name.unwrap_or_else(|_| "?".into()));
        }
    }
    out
}
