//! The PDF writer: positioned drawings → printpdf ops → lopdf document with correct page boxes.
//!
//! printpdf is used without its default features (which pull azul-layout, ~7 min of cold build,
//! and only add HTML layout we cannot use). Without them printpdf embeds fonts whole (a one-line
//! page carried 281 KB), so we subset ourselves with `subsetter` (typst's subsetter): we know
//! every glyph id we drew, subset each face to exactly those, renumber the glyph ids in our ops,
//! and hand printpdf the subset as the font to embed, named with a `XXXXXX+` subset tag. A full
//! Noto Sans is ~510 KB; the subset for a two-page letter is a few KB.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use printpdf::{
    Codepoint, CurTransMat, FontId, Line as PLine, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix, WindingOrder, XObjectId, XObjectTransform,
};

use crate::fonts::FaceId;
use crate::image::{orientation_matrix, ImageData};
use crate::model::Color;
use crate::pdfx::PdfX;
use crate::shaping::{Glyph, ShapeCtx};
use crate::TypesetError;

/// A drawing in layout coordinates: points from the page's top-left corner, y downwards.
#[derive(Debug, Clone)]
pub(crate) enum Draw {
    /// Glyphs on one baseline; each with its own x.
    Text {
        y: f32,
        glyphs: Vec<(f32, Glyph)>,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Color>,
        stroke: Option<(Color, f32)>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Color,
        width: f32,
        dash: Option<f32>,
    },
    /// An open or closed polyline (the tick in a check box).
    Path {
        points: Vec<(f32, f32)>,
        color: Color,
        width: f32,
    },
    /// The upright image fills `rect`; drawing is clipped to `clip` when set.
    Image {
        image: Arc<ImageData>,
        rect: [f32; 4],
        clip: Option<[f32; 4]>,
    },
    /// Clip everything after this (until `Restore`) to a rectangle.
    ClipStart([f32; 4]),
    ClipEnd,
}

impl Draw {
    pub fn translate(&mut self, dx: f32, dy: f32) {
        match self {
            Draw::Text { y, glyphs } => {
                *y += dy;
                for g in glyphs {
                    g.0 += dx;
                }
            }
            Draw::Rect { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Draw::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Draw::Path { points, .. } => {
                for p in points {
                    p.0 += dx;
                    p.1 += dy;
                }
            }
            Draw::Image { rect, clip, .. } => {
                rect[0] += dx;
                rect[1] += dy;
                if let Some(c) = clip {
                    c[0] += dx;
                    c[1] += dy;
                }
            }
            Draw::ClipStart(r) => {
                r[0] += dx;
                r[1] += dy;
            }
            Draw::ClipEnd => {}
        }
    }
}

/// Print boxes of a page with bleed, in points from the MediaBox's lower-left corner.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Boxes {
    pub trim: [f32; 4],
    pub bleed: [f32; 4],
}

pub(crate) struct OutPage {
    pub width: f32,
    pub height: f32,
    pub boxes: Option<Boxes>,
    pub draws: Vec<Draw>,
}

pub(crate) fn to_pdf_color(c: Color) -> printpdf::Color {
    let k = |v: f32| if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
    match c {
        Color::Rgb(r, g, b) => printpdf::Color::Rgb(printpdf::Rgb { r: k(r), g: k(g), b: k(b), icc_profile: None }),
        Color::Cmyk(c, m, y, kk) => {
            printpdf::Color::Cmyk(printpdf::Cmyk { c: k(c), m: k(m), y: k(y), k: k(kk), icc_profile: None })
        }
        Color::Gray(g) => printpdf::Color::Greyscale(printpdf::Greyscale { percent: k(g), icc_profile: None }),
    }
}

/// A subset face ready for the ops: its printpdf id and old → new glyph ids.
struct Embedded {
    id: FontId,
    remap: HashMap<u16, u16>,
    upem: f32,
    /// Advance widths (font units) of the subset glyphs, by new id: what printpdf writes in /W.
    widths: BTreeMap<u16, u16>,
}

/// Writes pages to PDF bytes. Returns the bytes and the PostScript names of the embedded fonts.
/// With `pdfx`, the file is made a PDF/X-4 file ([`crate::pdfx`]).
pub(crate) fn write_pdf(
    title: &str,
    pages: &[OutPage],
    ctx: &ShapeCtx,
    pdfx: Option<&PdfX<'_>>,
) -> Result<(Vec<u8>, Vec<String>), TypesetError> {
    let mut doc = PdfDocument::new(title);

    // 1. Glyphs actually drawn, per face.
    let mut used: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    for p in pages {
        for d in &p.draws {
            if let Draw::Text { glyphs, .. } = d {
                for (_, g) in glyphs {
                    used.entry(g.face).or_default().insert(g.gid);
                }
            }
        }
    }

    // 2. Subset and register each face.
    let mut embedded: HashMap<FaceId, Embedded> = HashMap::new();
    let mut font_names = Vec::new();
    for (face_id, gids) in &used {
        let face = ctx.fonts.face(*face_id);
        let fail = |reason: String| TypesetError::Font { font: face.name.to_string(), reason };
        let mut remapper = subsetter::GlyphRemapper::new();
        // .notdef stays glyph 0 (GlyphRemapper::new maps it first).
        let mut remap = HashMap::new();
        for &g in gids {
            remap.insert(g, remapper.remap(g));
        }
        let subset = subsetter::subset(face.data, 0, &remapper).map_err(|e| fail(format!("{e:?}")))?;
        let mut warnings = Vec::new();
        let mut parsed = printpdf::ParsedFont::from_bytes(&subset, 0, &mut warnings)
            .ok_or_else(|| fail(format!("subset does not parse: {warnings:?}")))?;
        // The subset tag (ISO 32000-1, 9.6.4): six capitals derived from the glyph set, so a
        // different subset of the same face never shares a name.
        let tag = subset_tag(face.name, gids);
        let ps_name = format!("{tag}+{}", face.name);
        parsed.font_name = Some(ps_name.clone());
        let widths = parsed.glyph_widths.clone();
        let id = doc.add_font(&parsed);
        font_names.push(ps_name);
        embedded.insert(*face_id, Embedded { id, remap, upem: parsed.units_per_em as f32, widths });
    }

    // 3. Images: one XObject per distinct Arc.
    let mut xobjects: HashMap<*const ImageData, XObjectId> = HashMap::new();
    // By resource name, for the PDF/X pass (which tags RGB images with their ICC profile).
    let mut by_name: HashMap<String, Arc<ImageData>> = HashMap::new();
    for p in pages {
        for d in &p.draws {
            if let Draw::Image { image, .. } = d {
                xobjects.entry(Arc::as_ptr(image)).or_insert_with(|| {
                    let id = doc.add_xobject(&image.to_xobject());
                    by_name.insert(id.0.clone(), image.clone());
                    id
                });
            }
        }
    }

    // 4. Pages.
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for p in pages {
        let mut ops = Vec::with_capacity(p.draws.len() * 4);
        for d in &p.draws {
            emit(d, p.height, &embedded, &xobjects, ctx, &mut ops);
        }
        pdf_pages.push(PdfPage::new(
            printpdf::Mm(p.width / crate::PT_PER_MM),
            printpdf::Mm(p.height / crate::PT_PER_MM),
            ops,
        ));
    }
    doc.with_pages(pdf_pages);

    // 5. Serialise through lopdf so the page boxes can be written correctly: printpdf's
    //    `Rect::to_array` emits [x y w h] where PDF wants [llx lly urx ury], and it has no
    //    BleedBox at all.
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false, // we already did
        secure: true,
        // None: no "optimisation" — printpdf would otherwise resample images to ~2 MB of pixels.
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // SMask and 16-bit images need 1.4/1.5; BleedBox/TrimBox are 1.3. 1.6 is what print shops'
    // preflights expect at least.
    lo.version = "1.6".to_string();
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().values().copied().collect();
    if page_ids.len() != pages.len() {
        return Err(TypesetError::Pdf(format!("{} pages written, {} expected", page_ids.len(), pages.len())));
    }
    for (id, p) in page_ids.iter().zip(pages) {
        let dict =
            lo.get_object_mut(*id).and_then(|o| o.as_dict_mut()).map_err(|e| TypesetError::Pdf(e.to_string()))?;
        let arr = |r: [f32; 4]| lopdf::Object::Array(r.iter().map(|&v| lopdf::Object::Real(round3(v))).collect());
        let media = [0.0, 0.0, p.width, p.height];
        dict.set("MediaBox", arr(media));
        dict.set("CropBox", arr(media));
        match p.boxes {
            Some(b) => {
                dict.set("BleedBox", arr(b.bleed));
                dict.set("TrimBox", arr(b.trim));
            }
            None => {
                dict.set("TrimBox", arr(media));
            }
        }
    }
    if let Some(x) = pdfx {
        let masked: Vec<lopdf::ObjectId> = page_ids
            .iter()
            .zip(pages)
            .filter(|(_, p)| p.draws.iter().any(|d| matches!(d, Draw::Image { image, .. } if image.has_alpha())))
            .map(|(id, _)| *id)
            .collect();
        crate::pdfx::apply(&mut lo, title, x, &by_name, &masked, &fingerprint(pages))?;
    }
    compress_streams(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| TypesetError::Pdf(e.to_string()))?;
    Ok((out, font_names))
}

/// A digest of what the pages draw (sizes, glyphs and their places, shapes, images), for PDF/X's identifiers:
/// the same pages give the same digest, whatever names printpdf gives resources.
fn fingerprint(pages: &[OutPage]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut f = |v: f32| h.update(v.to_bits().to_le_bytes());
    for p in pages {
        f(p.width);
        f(p.height);
        for d in &p.draws {
            match d {
                Draw::Text { y, glyphs } => {
                    f(*y);
                    for (x, g) in glyphs {
                        f(*x);
                        f(g.size);
                        f(f32::from(g.gid) + 65536.0 * f32::from(g.face));
                    }
                }
                Draw::Rect { x, y, w, h, .. } => [*x, *y, *w, *h].into_iter().for_each(&mut f),
                Draw::Line { x1, y1, x2, y2, .. } => [*x1, *y1, *x2, *y2].into_iter().for_each(&mut f),
                Draw::Path { points, .. } => points.iter().for_each(|(x, y)| {
                    f(*x);
                    f(*y)
                }),
                Draw::Image { image, rect, .. } => {
                    rect.iter().for_each(|v| f(*v));
                    f(image.width as f32);
                    f(image.height as f32);
                    f(image.bytes.len() as f32);
                }
                Draw::ClipStart(r) => r.iter().for_each(|v| f(*v)),
                Draw::ClipEnd => f(-1.0),
            }
        }
    }
    h.finalize().into()
}

/// Deflates every stream that is not encoded yet, at level 6. lopdf's own `compress` uses
/// level 9, which took a third of the time of a 180-page document for about 1 % smaller files.
/// Streams that already carry a filter (our JPEG and PNG data) and those that lopdf was told not
/// to compress are left alone.
fn compress_streams(lo: &mut lopdf::Document) {
    for obj in lo.objects.values_mut() {
        if let lopdf::Object::Stream(st) = obj {
            if !st.allows_compression || st.dict.has(b"Filter") || st.content.len() < 64 {
                continue;
            }
            let mut e =
                flate2::write::ZlibEncoder::new(Vec::with_capacity(st.content.len() / 3), flate2::Compression::new(6));
            if std::io::Write::write_all(&mut e, &st.content).is_err() {
                continue;
            }
            if let Ok(z) = e.finish() {
                if z.len() < st.content.len() {
                    st.dict.set("Filter", "FlateDecode");
                    st.set_content(z);
                }
            }
        }
    }
}

fn round3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

fn subset_tag(name: &str, gids: &BTreeSet<u16>) -> String {
    // FNV-1a over the name and glyph ids: deterministic across runs and platforms.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in name.bytes().chain(gids.iter().flat_map(|g| g.to_be_bytes())) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (0..6).map(|i| (b'A' + ((h >> (i * 8)) % 26) as u8) as char).collect()
}

fn pt(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

fn emit(
    d: &Draw,
    page_h: f32,
    fonts: &HashMap<FaceId, Embedded>,
    xobjects: &HashMap<*const ImageData, XObjectId>,
    ctx: &ShapeCtx,
    ops: &mut Vec<Op>,
) {
    match d {
        Draw::Text { y, glyphs } => emit_text(*y, glyphs, page_h, fonts, ctx, ops),
        Draw::Rect { x, y, w, h, fill, stroke } => {
            if fill.is_none() && stroke.is_none() {
                return;
            }
            ops.push(Op::SaveGraphicsState);
            if let Some(c) = fill {
                ops.push(Op::SetFillColor { col: to_pdf_color(*c) });
            }
            if let Some((c, wd)) = stroke {
                ops.push(Op::SetOutlineColor { col: to_pdf_color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*wd) });
            }
            let mode = match (fill.is_some(), stroke.is_some()) {
                (true, true) => PaintMode::FillStroke,
                (true, false) => PaintMode::Fill,
                _ => PaintMode::Stroke,
            };
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(page_h - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(mode),
                    winding_order: Some(WindingOrder::NonZero),
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Draw::Line { x1, y1, x2, y2, color, width, dash } => {
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetOutlineColor { col: to_pdf_color(*color) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            if let Some(dl) = dash {
                ops.push(Op::SetLineCapStyle { cap: printpdf::LineCapStyle::Round });
                ops.push(Op::SetLineDashPattern { dash: printpdf::LineDashPattern::new(0.0, &[0.0, dl.max(0.5)]) });
            }
            ops.push(Op::DrawLine {
                line: PLine {
                    points: vec![
                        LinePoint { p: pt(*x1, page_h - y1), bezier: false },
                        LinePoint { p: pt(*x2, page_h - y2), bezier: false },
                    ],
                    is_closed: false,
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Draw::Path { points, color, width } => {
            if points.len() < 2 {
                return;
            }
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetOutlineColor { col: to_pdf_color(*color) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            ops.push(Op::SetLineCapStyle { cap: printpdf::LineCapStyle::Round });
            ops.push(Op::SetLineJoinStyle { join: printpdf::LineJoinStyle::Round });
            ops.push(Op::DrawLine {
                line: PLine {
                    points: points.iter().map(|(x, y)| LinePoint { p: pt(*x, page_h - y), bezier: false }).collect(),
                    is_closed: false,
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Draw::Image { image, rect, clip } => {
            let Some(id) = xobjects.get(&Arc::as_ptr(image)) else { return };
            ops.push(Op::SaveGraphicsState);
            if let Some(c) = clip {
                push_clip(*c, page_h, ops);
            }
            let [x, y, w, h] = *rect;
            let m = orientation_matrix(image.orientation, x, page_h - y - h, w, h);
            ops.push(Op::SetTransformationMatrix { matrix: CurTransMat::Raw(m) });
            ops.push(Op::UseXobject {
                id: id.clone(),
                transform: XObjectTransform { no_auto_scale: true, ..Default::default() },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Draw::ClipStart(r) => {
            ops.push(Op::SaveGraphicsState);
            push_clip(*r, page_h, ops);
        }
        Draw::ClipEnd => ops.push(Op::RestoreGraphicsState),
    }
}

fn push_clip(r: [f32; 4], page_h: f32, ops: &mut Vec<Op>) {
    ops.push(Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(r[0]),
            y: Pt(page_h - r[1] - r[3]),
            width: Pt(r[2]),
            height: Pt(r[3]),
            mode: Some(PaintMode::Clip),
            winding_order: Some(WindingOrder::NonZero),
        },
    });
}

/// Writes one baseline of glyphs. Glyphs are grouped into runs of the same face, size and colour;
/// each run starts with an absolute text matrix and positions every following glyph exactly
/// through TJ kerning numbers, computed against the same truncated /W widths printpdf writes:
/// after a glyph the viewer advances by W·size/1000 minus the number/1000·size.
fn emit_text(
    y: f32,
    glyphs: &[(f32, Glyph)],
    page_h: f32,
    fonts: &HashMap<FaceId, Embedded>,
    ctx: &ShapeCtx,
    ops: &mut Vec<Op>,
) {
    if glyphs.is_empty() {
        return;
    }
    ops.push(Op::StartTextSection);
    let mut cur_font: Option<(FaceId, u32)> = None;
    let mut cur_color: Option<Color> = None;
    let mut i = 0;
    while i < glyphs.len() {
        let g0 = glyphs[i].1;
        let Some(emb) = fonts.get(&g0.face) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < glyphs.len() {
            let g = &glyphs[j].1;
            if g.face != g0.face || g.size != g0.size || g.color != g0.color || g.dy != g0.dy {
                break;
            }
            j += 1;
        }
        let key = (g0.face, g0.size.to_bits());
        if cur_font != Some(key) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(emb.id.clone()), size: Pt(g0.size) });
            cur_font = Some(key);
        }
        if cur_color != Some(g0.color) {
            ops.push(Op::SetFillColor { col: to_pdf_color(g0.color) });
            cur_color = Some(g0.color);
        }
        let x0 = glyphs[i].0;
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x0), Pt(page_h - y + g0.dy)) });
        let map = &ctx.unicode[g0.face as usize];
        let mut items = Vec::with_capacity(j - i);
        for k in i..j {
            let (x, g) = glyphs[k];
            let new_gid = emb.remap.get(&g.gid).copied().unwrap_or(0);
            let offset = if k + 1 < j {
                let w_units = emb.widths.get(&new_gid).copied().unwrap_or(0) as f32;
                let w_pdf = (w_units * 1000.0 / emb.upem).trunc();
                let dx = glyphs[k + 1].0 - x;
                w_pdf - dx * 1000.0 / g.size
            } else {
                0.0
            };
            // Round to 1/100 of a thousandth of an em: invisible, and keeps the stream compact.
            let offset = (offset * 100.0).round() / 100.0;
            // Every glyph carries its text: printpdf rebuilds the ToUnicode map from these and
            // would otherwise record U+FFFD for it.
            let text = map.get(&g.gid).cloned().unwrap_or_default();
            items.push(Codepoint { gid: new_gid, offset, cid: Some(text) });
        }
        ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(items)] });
        i = j;
    }
    ops.push(Op::EndTextSection);
}
