//! Absolutely positioned pages for large-format print: banners, roll-ups, posters.
//!
//! Coordinates are millimetres from the top-left corner of the *trim* (finished) size, y
//! downwards; items may reach into the bleed (negative coordinates, or beyond the trim size) for
//! full-bleed backgrounds and photos. Page boxes: MediaBox = trim + bleed + room for crop marks,
//! BleedBox = trim + bleed, TrimBox = finished size.

use std::sync::Arc;

use crate::image::{fit, ImageData, ImageFit};
use crate::model::{Align, Color, Lang, MmRect, Span};
use crate::paragraph::{layout_paragraph, ParaLayout, ParaParams};
use crate::pdf::{write_pdf, Boxes, Draw, OutPage};
use crate::shaping::{ShapeCtx, TextStyle};
use crate::{document::placed_image, mm, FontFamily, Layout, PlacedTextBox, Rendered, TypesetError};

/// Vertical alignment inside a text box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VAlign {
    #[default]
    Top,
    Middle,
    Bottom,
}

/// Wrapped, aligned text in a box, shrunk (down to `min_size_pt`) until it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub rect: MmRect,
    pub spans: Vec<Span>,
    pub family: FontFamily,
    /// Preferred size; spans with their own size are scaled in proportion when shrinking.
    pub size_pt: f32,
    pub min_size_pt: f32,
    pub color: Color,
    pub bold: bool,
    pub align: Align,
    pub valign: VAlign,
    pub line_height: f32,
    pub hyphenate: bool,
}

impl TextBox {
    pub fn new(rect: MmRect, spans: Vec<Span>, size_pt: f32) -> TextBox {
        TextBox {
            rect,
            spans,
            family: FontFamily::Sans,
            size_pt,
            min_size_pt: (size_pt * 0.5).max(4.0),
            color: Color::Cmyk(0.0, 0.0, 0.0, 1.0),
            bold: false,
            align: Align::Left,
            valign: VAlign::Top,
            line_height: 1.15,
            hyphenate: false,
        }
    }
}

/// A vector QR code in a square (the smaller side of `rect`), modules as filled rectangles.
#[derive(Debug, Clone, PartialEq)]
pub struct QrCode {
    pub data: String,
    pub rect: MmRect,
    pub color: Color,
    pub background: Option<Color>,
    /// Draw the 4-module quiet zone inside the square (recommended unless the background is plain).
    pub quiet_zone: bool,
}

/// Canvas content.
#[derive(Debug, Clone, PartialEq)]
pub enum CanvasItem {
    Rect {
        rect: MmRect,
        fill: Option<Color>,
        stroke: Option<(Color, f32)>,
    },
    /// From (x, y) to (x, y), width in mm.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        color: Color,
        width_mm: f32,
    },
    Text(TextBox),
    Image {
        image: Arc<ImageData>,
        rect: MmRect,
        fit: ImageFit,
    },
    Qr(QrCode),
}

/// One page: finished size, bleed, optional crop marks.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasPage {
    pub width_mm: f32,
    pub height_mm: f32,
    pub bleed_mm: f32,
    pub crop_marks: bool,
    pub items: Vec<CanvasItem>,
}

/// A document of absolutely positioned pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Canvas {
    pub title: String,
    pub lang: Lang,
    pub pages: Vec<CanvasPage>,
}

/// Room outside the bleed for crop marks: offset 3 mm from the bleed, marks 7 mm long.
const MARK_ROOM_MM: f32 = 10.0;
const MARK_OFFSET_MM: f32 = 3.0;

fn check(v: f32, what: &str, max: f32) -> Result<f32, TypesetError> {
    if v.is_finite() && v >= 0.0 && v <= max {
        Ok(v)
    } else {
        Err(TypesetError::Geometry(format!("{what} = {v} mm")))
    }
}

fn rect_pt(r: MmRect, ox: f32, oy: f32) -> [f32; 4] {
    let f = |v: f32| if v.is_finite() { v } else { 0.0 };
    [mm(ox + f(r.x)), mm(oy + f(r.y)), mm(f(r.w).max(0.0)), mm(f(r.h).max(0.0))]
}

pub(crate) fn render_canvas(canvas: &Canvas, pdfx: Option<&crate::PdfX<'_>>) -> Result<Rendered, TypesetError> {
    let mut ctx = ShapeCtx::new(canvas.lang);
    let mut pages = Vec::new();
    let mut layout = Layout::default();
    for (pi, page) in canvas.pages.iter().enumerate() {
        // PDF caps pages at 14,400 units (200 in) per side: 5080 mm. Roll-ups are 2000 mm.
        let tw = check(page.width_mm, "width", 5000.0)?;
        let th = check(page.height_mm, "height", 5000.0)?;
        if tw < 1.0 || th < 1.0 {
            return Err(TypesetError::Geometry(format!("page of {tw} x {th} mm")));
        }
        let bleed = check(page.bleed_mm, "bleed", 50.0)?;
        let room = if page.crop_marks { MARK_ROOM_MM } else { 0.0 };
        let off = room + bleed;
        let (mw, mh) = (tw + 2.0 * off, th + 2.0 * off);
        let (mw_pt, mh_pt) = (mm(mw), mm(mh));
        let mut draws = Vec::new();
        for item in &page.items {
            match item {
                CanvasItem::Rect { rect, fill, stroke } => {
                    let [x, y, w, h] = rect_pt(*rect, off, off);
                    let stroke =
                        stroke.map(|(c, wmm)| (c, mm(if wmm.is_finite() { wmm.clamp(0.0, 100.0) } else { 0.1 })));
                    draws.push(Draw::Rect { x, y, w, h, fill: *fill, stroke });
                }
                CanvasItem::Line { from, to, color, width_mm } => {
                    draws.push(Draw::Line {
                        x1: mm(off + from.0),
                        y1: mm(off + from.1),
                        x2: mm(off + to.0),
                        y2: mm(off + to.1),
                        color: *color,
                        width: mm(if width_mm.is_finite() { width_mm.clamp(0.0, 100.0) } else { 0.1 }),
                        dash: None,
                    });
                }
                CanvasItem::Image { image, rect, fit: mode } => {
                    let bx = rect_pt(*rect, off, off);
                    let f = fit(image, bx, *mode);
                    let clip = f.clip.then_some(f.visible);
                    let mut p = placed_image(pi + 1, image, f.image, clip);
                    for r in [&mut p.visible_mm, &mut p.image_mm] {
                        r.x -= off;
                        r.y -= off;
                    }
                    layout.images.push(p);
                    draws.push(Draw::Image { image: image.clone(), rect: f.image, clip });
                }
                CanvasItem::Text(tb) => {
                    let (mut d, size, overflow) = text_box(&mut ctx, tb, off);
                    draws.append(&mut d);
                    layout.text_boxes.push(PlacedTextBox {
                        page: pi + 1,
                        rect_mm: tb.rect,
                        font_size_pt: size,
                        overflow,
                    });
                }
                CanvasItem::Qr(q) => draws.append(&mut qr(q, off)?),
            }
        }
        if page.crop_marks {
            crop_marks(&mut draws, off, tw, th, bleed);
        }
        let b = |x0: f32, y0: f32, x1: f32, y1: f32| [mm(x0), mm(y0), mm(x1), mm(y1)];
        let boxes = Boxes { trim: b(off, off, off + tw, off + th), bleed: b(room, room, mw - room, mh - room) };
        pages.push(OutPage { width: mw_pt, height: mh_pt, boxes: Some(boxes), draws });
    }
    if pages.is_empty() {
        return Err(TypesetError::Geometry("a canvas needs at least one page".into()));
    }
    layout.page_count = pages.len();
    let (pdf, fonts) = write_pdf(&canvas.title, &pages, &ctx, pdfx)?;
    layout.fonts = fonts;
    Ok(Rendered { pdf, layout })
}

fn crop_marks(draws: &mut Vec<Draw>, off: f32, tw: f32, th: f32, bleed: f32) {
    // Marks sit on the trim lines, outside the bleed: they must never print on the product.
    let gap = bleed + MARK_OFFSET_MM;
    let len = MARK_ROOM_MM - MARK_OFFSET_MM;
    let w = 0.25; // pt: the customary hairline
    let mut line = |x1: f32, y1: f32, x2: f32, y2: f32| {
        draws.push(Draw::Line {
            x1: mm(x1),
            y1: mm(y1),
            x2: mm(x2),
            y2: mm(y2),
            color: Color::REGISTRATION,
            width: w,
            dash: None,
        });
    };
    for &x in &[off, off + tw] {
        line(x, off - gap, x, off - gap - len);
        line(x, off + th + gap, x, off + th + gap + len);
    }
    for &y in &[off, off + th] {
        line(off - gap, y, off - gap - len, y);
        line(off + tw + gap, y, off + tw + gap + len, y);
    }
}

fn layout_at(ctx: &mut ShapeCtx, tb: &TextBox, size: f32, width: f32) -> ParaLayout {
    let factor = size / tb.size_pt;
    let spans: Vec<Span> = tb.spans.iter().map(|s| Span { size: s.size.map(|v| v * factor), ..s.clone() }).collect();
    let base = TextStyle { family: tb.family, bold: tb.bold, italic: false, size, color: tb.color, rise: 0.0 };
    let lh = if tb.line_height.is_finite() { tb.line_height.clamp(0.7, 4.0) } else { 1.15 };
    let p = ParaParams { align: tb.align, line_height: lh, hyphenate: tb.hyphenate, lang: Lang::French };
    layout_paragraph(ctx, &spans, &base, &p, width)
}

/// Fits a text box: the largest size (to 0.1 pt) between min and preferred at which every word
/// fits the width and all lines fit the height. Returns the draws, the size and "overflow".
fn text_box(ctx: &mut ShapeCtx, tb: &TextBox, off: f32) -> (Vec<Draw>, f32, bool) {
    let [x, y, w, h] = rect_pt(tb.rect, off, off);
    let max = if tb.size_pt.is_finite() && tb.size_pt > 0.0 { tb.size_pt.min(2000.0) } else { 12.0 };
    let min = if tb.min_size_pt.is_finite() && tb.min_size_pt > 0.0 { tb.min_size_pt.min(max) } else { max };
    let tb = &TextBox { size_pt: max, ..tb.clone() };
    let fits = |l: &ParaLayout| !l.overflow && l.height() <= h + 0.01;
    let mut size = max;
    let mut l = layout_at(ctx, tb, max, w);
    let mut overflow = false;
    if !fits(&l) {
        let lo_l = layout_at(ctx, tb, min, w);
        if !fits(&lo_l) {
            size = min;
            l = lo_l;
            overflow = true;
        } else {
            let (mut lo, mut hi) = (min, max);
            let mut best = lo_l;
            while hi - lo > 0.1 {
                let mid = (lo + hi) / 2.0;
                let m = layout_at(ctx, tb, mid, w);
                if fits(&m) {
                    lo = mid;
                    best = m;
                } else {
                    hi = mid;
                }
            }
            size = lo;
            l = best;
        }
    }
    let text_h = l.height();
    let mut cy = y + match tb.valign {
        VAlign::Top => 0.0,
        VAlign::Middle => ((h - text_h) / 2.0).max(0.0),
        VAlign::Bottom => (h - text_h).max(0.0),
    };
    let mut draws = Vec::new();
    if overflow {
        draws.push(Draw::ClipStart([x, y, w, h]));
    }
    for line in l.lines {
        let glyphs = line.glyphs.into_iter().map(|(gx, g)| (gx + x, g)).collect();
        draws.push(Draw::Text { y: cy + line.baseline, glyphs });
        cy += line.height;
    }
    if overflow {
        draws.push(Draw::ClipEnd);
    }
    (draws, size, overflow)
}

fn qr(q: &QrCode, off: f32) -> Result<Vec<Draw>, TypesetError> {
    let code = qrcode::QrCode::with_error_correction_level(q.data.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| TypesetError::Qr(e.to_string()))?;
    let n = code.width();
    let colors = code.to_colors();
    let [x, y, w, h] = rect_pt(q.rect, off, off);
    let side = w.min(h);
    let qz = if q.quiet_zone { 4 } else { 0 };
    let module = side / (n + 2 * qz) as f32;
    let mut draws = Vec::new();
    if let Some(bg) = q.background {
        draws.push(Draw::Rect { x, y, w: side, h: side, fill: Some(bg), stroke: None });
    }
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                // One rectangle per horizontal run of dark modules.
                draws.push(Draw::Rect {
                    x: x + (qz + start) as f32 * module,
                    y: y + (qz + row) as f32 * module,
                    w: (col - start) as f32 * module,
                    h: module,
                    fill: Some(q.color),
                    stroke: None,
                });
            } else {
                col += 1;
            }
        }
    }
    Ok(draws)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_box_shrinks_until_it_fits() {
        let mut ctx = ShapeCtx::new(Lang::French);
        let mut tb =
            TextBox::new(MmRect::new(0.0, 0.0, 60.0, 20.0), vec![Span::new("LIBÉREZ ARAM SARGSYAN MAINTENANT")], 72.0);
        tb.min_size_pt = 6.0;
        let (_, size, overflow) = text_box(&mut ctx, &tb, 0.0);
        assert!(!overflow);
        assert!((6.0..72.0).contains(&size));
        let l = layout_at(&mut ctx, &tb, size, mm(60.0));
        assert!(l.height() <= mm(20.0) + 0.01);
        tb.min_size_pt = 70.0;
        let (_, size, overflow) = text_box(&mut ctx, &tb, 0.0);
        assert!(overflow && (size - 70.0).abs() < 1e-3);
    }

    #[test]
    fn qr_runs_are_merged() {
        let q = QrCode {
            data: "https://example.org/libertas".into(),
            rect: MmRect::new(0.0, 0.0, 50.0, 50.0),
            color: Color::BLACK,
            background: None,
            quiet_zone: true,
        };
        let d = qr(&q, 0.0).unwrap();
        let code = qrcode::QrCode::with_error_correction_level(q.data.as_bytes(), qrcode::EcLevel::M).unwrap();
        let dark = code.to_colors().iter().filter(|c| **c == qrcode::Color::Dark).count();
        assert!(d.len() < dark, "{} rects for {} dark modules", d.len(), dark);
        assert!(qr(&QrCode { data: "x".repeat(5000), ..q }, 0.0).is_err());
    }
}
