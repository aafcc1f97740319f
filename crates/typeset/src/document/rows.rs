//! Blocks into rows: paragraphs as lines with widow and orphan control, lists, tables with their repeated header,
//! the table of contents, columns, and the running header and footer.

use super::{Flow, PageRef, Row};
use crate::fonts::FontFamily;
use crate::image::FrameAspect;
use crate::mm;
use crate::model::{Align, Block, CellAlign, Color, ListItem, ListKind, Span, Table};
use crate::paragraph::{layout_paragraph, ParaLayout, ParaParams};
use crate::pdf::Draw;
use crate::shaping::TextStyle;
use std::rc::Rc;

const GRAY_RULE: Color = Color::Gray(0.7);

impl<'a> Flow<'a> {
    fn params(&self, align: Align) -> ParaParams {
        ParaParams {
            align,
            line_height: if self.doc.style.line_height.is_finite() {
                self.doc.style.line_height.clamp(0.8, 4.0)
            } else {
                1.3
            },
            hyphenate: true,
            lang: self.doc.lang,
        }
    }

    fn para(&mut self, spans: &[Span], base: &TextStyle, p: &ParaParams, width: f32) -> ParaLayout {
        layout_paragraph(&mut self.ctx, spans, base, p, width)
    }

    /// Lines as rows with widow/orphan control.
    fn line_rows(layout: ParaLayout, x: f32) -> Vec<Row> {
        let n = layout.lines.len();
        let mut rows: Vec<Row> = layout
            .lines
            .into_iter()
            .map(|l| {
                let mut glyphs = l.glyphs;
                for g in &mut glyphs {
                    g.0 += x;
                }
                Row { height: l.height, draws: vec![Draw::Text { y: l.baseline, glyphs }], ..Row::default() }
            })
            .collect();
        if n >= 2 {
            rows[0].keep_with_next = true;
            rows[n - 2].keep_with_next = true;
        }
        rows
    }

    pub(super) fn blocks(&mut self, blocks: &[Block], width: f32) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::new();
        let mut pending_after = 0.0f32;
        let gap = mm(self.doc.style.paragraph_spacing_mm.clamp(0.0, 50.0));
        for b in blocks {
            let (mut rows, before, after) = self.block(b, width, gap);
            if let Some(r) = rows.first_mut() {
                r.space_before = r.space_before.max(before).max(pending_after);
                pending_after = after;
            } else {
                pending_after = pending_after.max(after);
            }
            out.append(&mut rows);
        }
        out
    }

    /// One block → rows, space before, space after.
    fn block(&mut self, b: &Block, width: f32, gap: f32) -> (Vec<Row>, f32, f32) {
        let st = self.doc.style.clone();
        match b {
            Block::Heading { level, spans, in_toc } => {
                let lvl = (*level).clamp(1, 4) as usize;
                let size = st.heading_sizes[lvl - 1];
                let size = if size.is_finite() && size > 1.0 { size.min(200.0) } else { self.base.size };
                let base =
                    TextStyle { family: st.heading_family, bold: true, size, color: st.heading_color, ..self.base };
                let mut p = self.params(Align::Left);
                p.hyphenate = false;
                p.line_height = 1.2;
                let l = self.para(spans, &base, &p, width);
                let mut rows = Self::line_rows(l, 0.0);
                for r in &mut rows {
                    r.keep_with_next = true;
                }
                if *in_toc {
                    let idx = self.next_heading;
                    self.next_heading += 1;
                    if let Some(r) = rows.first_mut() {
                        r.anchors.push(idx);
                    }
                }
                let before = [mm(9.0), mm(7.0), mm(5.0), mm(4.0)][lvl - 1];
                (rows, before, mm(2.0))
            }
            Block::Paragraph { spans, align } => {
                let p = self.params(align.unwrap_or(st.align));
                let l = self.para(spans, &self.base.clone(), &p, width);
                (Self::line_rows(l, 0.0), 0.0, gap)
            }
            Block::List { kind, items } => (self.list(*kind, items, width), 0.0, gap),
            Block::Table(t) => (self.table(t, width), mm(1.0), gap + mm(1.0)),
            Block::Image { image, width_mm, align, caption, crop } => {
                let w = width_mm.filter(|w| w.is_finite() && *w > 0.0).map(mm).unwrap_or(width).min(width);
                // The frame takes the shape of what it shows: the crop, or the whole upright image.
                let framing = image.frame(*crop, FrameAspect::Natural);
                let mut h = w / framing.aspect;
                // Never taller than the text area (minus room for a caption line).
                let max_h = self.content_height - if caption.is_some() { mm(12.0) } else { 0.0 };
                let mut iw = w;
                if h > max_h {
                    iw = w * max_h / h;
                    h = max_h;
                }
                let x = match align {
                    Align::Center | Align::Justify => (width - iw) / 2.0,
                    Align::Right => width - iw,
                    Align::Left => 0.0,
                };
                let bx = [x, 0.0, iw, h];
                let clip = (!framing.is_whole()).then_some(bx);
                let mut rows = vec![Row {
                    height: h,
                    draws: vec![Draw::Image { image: image.clone(), rect: framing.image_rect(bx), clip }],
                    keep_with_next: caption.is_some(),
                    ..Row::default()
                }];
                if let Some(c) = caption {
                    let base =
                        TextStyle { italic: true, size: self.base.size * 0.85, color: Color::Gray(0.3), ..self.base };
                    let mut p = self.params(Align::Center);
                    p.hyphenate = false;
                    let l = self.para(c, &base, &p, width);
                    let mut cr = Self::line_rows(l, 0.0);
                    if let Some(first) = cr.first_mut() {
                        first.space_before = mm(1.5);
                    }
                    rows.append(&mut cr);
                }
                (rows, mm(2.0), gap + mm(1.0))
            }
            Block::Spacer(h) => {
                let h = if h.is_finite() { mm(h.clamp(0.0, 1000.0)) } else { 0.0 };
                (Vec::new(), 0.0, h)
            }
            Block::Rule => {
                let row = Row {
                    height: 1.0,
                    draws: vec![Draw::Line {
                        x1: 0.0,
                        y1: 0.5,
                        x2: width,
                        y2: 0.5,
                        color: GRAY_RULE,
                        width: 0.6,
                        dash: None,
                    }],
                    ..Row::default()
                };
                (vec![row], mm(3.0), mm(3.0))
            }
            Block::PageBreak => (vec![Row { page_break: true, ..Row::default() }], 0.0, 0.0),
            Block::TableOfContents { title } => (self.toc_rows(title.as_deref(), width), mm(2.0), gap),
            Block::Columns { columns, gap_mm } => {
                let gap_pt = if gap_mm.is_finite() { mm(gap_mm.clamp(0.0, 200.0)) } else { mm(10.0) };
                (self.columns(columns, gap_pt, width), mm(2.0), gap)
            }
            Block::KeepTogether(inner) => {
                let mut rows = self.blocks(inner, width);
                let n = rows.len();
                for r in rows.iter_mut().take(n.saturating_sub(1)) {
                    r.keep_with_next = true;
                }
                (rows, 0.0, gap)
            }
        }
    }

    fn list(&mut self, kind: ListKind, items: &[ListItem], width: f32) -> Vec<Row> {
        let size = self.base.size;
        let indent = size * 1.9;
        let mut p = self.params(self.doc.style.align);
        if p.align == Align::Justify {
            p.align = Align::Left;
        }
        let mut out = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let base = self.base;
            let l = self.para(&item.spans, &base, &p, (width - indent).max(10.0));
            let mut rows = Self::line_rows(l, indent);
            if rows.is_empty() {
                rows.push(Row { height: size * p.line_height, ..Row::default() });
            }
            let baseline = match rows[0].draws.first() {
                Some(Draw::Text { y, .. }) => *y,
                _ => size * p.line_height * 0.75,
            };
            let check = match kind {
                ListKind::Check => Some(item.checked.unwrap_or(false)),
                _ => item.checked,
            };
            let first = &mut rows[0];
            if let Some(checked) = check {
                let s = size * 0.78;
                let (x, y) = (indent - s - size * 0.55, baseline - s * 0.92);
                first.draws.push(Draw::Rect { x, y, w: s, h: s, fill: None, stroke: Some((base.color, 0.7)) });
                if checked {
                    first.draws.push(Draw::Path {
                        points: vec![
                            (x + 0.2 * s, y + 0.52 * s),
                            (x + 0.42 * s, y + 0.76 * s),
                            (x + 0.84 * s, y + 0.2 * s),
                        ],
                        color: base.color,
                        width: 1.1,
                    });
                }
            } else {
                let marker = match kind {
                    ListKind::Numbered(start) => format!("{}.", start.saturating_add(n as u32)),
                    _ => "•".to_string(),
                };
                let x_right = indent - size * 0.45;
                first.draws.push(self.right_text(&marker, x_right, baseline, &base));
            }
            if let Some(r) = rows.first_mut() {
                r.space_before = mm(1.0);
            }
            out.append(&mut rows);
            if !item.children.is_empty() {
                let mut kids = self.blocks(&item.children, (width - indent).max(10.0));
                for k in &mut kids {
                    k.translate(indent, 0.0);
                }
                if let Some(k) = kids.first_mut() {
                    k.space_before = k.space_before.max(mm(1.0));
                }
                out.append(&mut kids);
            }
        }
        out
    }

    fn table(&mut self, t: &Table, width: f32) -> Vec<Row> {
        let ncols = t
            .widths
            .len()
            .max(t.header.as_ref().map(|h| h.len()).unwrap_or(0))
            .max(t.rows.iter().map(|r| r.len()).max().unwrap_or(0));
        if ncols == 0 {
            return Vec::new();
        }
        let weights: Vec<f32> =
            (0..ncols).map(|i| t.widths.get(i).copied().filter(|w| w.is_finite() && *w > 0.0).unwrap_or(1.0)).collect();
        let total: f32 = weights.iter().sum();
        let widths: Vec<f32> = weights.iter().map(|w| width * w / total).collect();
        let (pad_h, pad_v) = (mm(1.5), mm(1.1));
        let header_rows: Option<Rc<Vec<Row>>> = t.header.as_ref().map(|h| {
            let mut r = self.table_row(h, t, &widths, pad_h, pad_v, true);
            r.is_header = true;
            r.keep_with_next = true;
            Rc::new(vec![r])
        });
        let mut out = Vec::new();
        if let Some(h) = &header_rows {
            out.extend(h.iter().cloned());
        }
        for cells in &t.rows {
            let mut r = self.table_row(cells, t, &widths, pad_h, pad_v, false);
            r.header = header_rows.clone();
            out.push(r);
        }
        // The last two rows stay together (no lone row atop a page).
        let n = out.len();
        if n >= 2 {
            out[n - 2].keep_with_next = true;
        }
        out
    }

    fn table_row(
        &mut self,
        cells: &[Vec<Span>],
        t: &Table,
        widths: &[f32],
        pad_h: f32,
        pad_v: f32,
        header: bool,
    ) -> Row {
        let base = TextStyle { bold: header, size: self.base.size * 0.95, ..self.base };
        let mut row = Row::default();
        let mut x = 0.0;
        let mut height: f32 = 0.0;
        let mut cell_rows = Vec::new();
        for (i, w) in widths.iter().enumerate() {
            let align = match t.align.get(i).copied().unwrap_or_default() {
                CellAlign::Left => Align::Left,
                CellAlign::Center => Align::Center,
                CellAlign::Right => Align::Right,
            };
            let mut p = self.params(align);
            p.line_height = p.line_height.min(1.25);
            let empty = Vec::new();
            let spans = cells.get(i).unwrap_or(&empty);
            let l = self.para(spans, &base, &p, (w - 2.0 * pad_h).max(5.0));
            let mut y = pad_v;
            for line in l.lines {
                let mut glyphs = line.glyphs;
                for g in &mut glyphs {
                    g.0 += x + pad_h;
                }
                cell_rows.push(Draw::Text { y: y + line.baseline, glyphs });
                y += line.height;
            }
            height = height.max(y + pad_v);
            x += w;
        }
        let width: f32 = widths.iter().sum();
        if header {
            row.draws.push(Draw::Rect {
                x: 0.0,
                y: 0.0,
                w: width,
                h: height,
                fill: Some(self.doc.style.table_header_fill),
                stroke: None,
            });
        }
        row.draws.append(&mut cell_rows);
        let (c, w) = if header { (Color::Gray(0.35), 0.8) } else { (GRAY_RULE, 0.4) };
        row.draws.push(Draw::Line { x1: 0.0, y1: height, x2: width, y2: height, color: c, width: w, dash: None });
        row.height = height;
        row
    }

    fn toc_rows(&mut self, title: Option<&str>, width: f32) -> Vec<Row> {
        let mut out = Vec::new();
        if let Some(t) = title {
            let st = &self.doc.style;
            let base = TextStyle {
                family: st.heading_family,
                bold: true,
                size: st.heading_sizes[1],
                color: st.heading_color,
                ..self.base
            };
            let mut p = self.params(Align::Left);
            p.hyphenate = false;
            let l = self.para(&[Span::new(t)], &base, &p, width);
            let mut rows = Self::line_rows(l, 0.0);
            for r in &mut rows {
                r.keep_with_next = true;
            }
            out.append(&mut rows);
        }
        let num_w = self.base.size * 2.6;
        let entries = self.toc.clone();
        for (i, (text, level)) in entries.iter().enumerate() {
            let indent = (*level as f32 - 1.0) * self.base.size * 1.4;
            let base = TextStyle { bold: *level == 1, ..self.base };
            let mut p = self.params(Align::Left);
            p.hyphenate = false;
            let l = self.para(&[Span::new(text.clone())], &base, &p, (width - indent - num_w).max(10.0));
            let mut rows = Self::line_rows(l, indent);
            let Some(last) = rows.last_mut() else { continue };
            let (baseline, end) = match last.draws.first() {
                Some(Draw::Text { y, glyphs }) => (*y, glyphs.last().map(|(x, g)| x + g.adv).unwrap_or(indent)),
                _ => continue,
            };
            // Dotted leader from the end of the title to the number.
            if width - num_w - end > self.base.size {
                last.draws.push(Draw::Line {
                    x1: end + self.base.size * 0.5,
                    y1: baseline,
                    x2: width - num_w + self.base.size * 0.3,
                    y2: baseline,
                    color: Color::Gray(0.45),
                    width: 0.9,
                    dash: Some(3.0),
                });
            }
            last.refs.push(PageRef { entry: i, x_right: width, baseline, style: base });
            if let Some(f) = rows.first_mut() {
                f.space_before = if *level == 1 { mm(2.0) } else { mm(0.6) };
            }
            out.append(&mut rows);
        }
        out
    }

    fn columns(&mut self, columns: &[crate::model::Column], gap: f32, width: f32) -> Vec<Row> {
        if columns.is_empty() {
            return Vec::new();
        }
        let weights: Vec<f32> =
            columns.iter().map(|c| if c.weight.is_finite() && c.weight > 0.0 { c.weight } else { 1.0 }).collect();
        let total: f32 = weights.iter().sum();
        let avail = (width - gap * (columns.len() - 1) as f32).max(10.0);
        let mut row = Row::default();
        let mut x = 0.0;
        for (c, w) in columns.iter().zip(&weights) {
            let cw = avail * w / total;
            let rows = self.blocks(&c.blocks, cw);
            let mut y = 0.0;
            for (i, mut r) in rows.into_iter().enumerate() {
                if i > 0 {
                    y += r.space_before;
                }
                r.translate(x, y);
                y += r.height;
                row.draws.append(&mut r.draws);
                row.refs.append(&mut r.refs);
                row.anchors.append(&mut r.anchors);
            }
            row.height = row.height.max(y);
            x += cw + gap;
        }
        vec![row]
    }

    pub(super) fn right_text(&mut self, text: &str, x_right: f32, baseline: f32, style: &TextStyle) -> Draw {
        let (glyphs, w) = self.ctx.shape_str(text, style);
        let mut x = x_right - w;
        let glyphs = glyphs
            .into_iter()
            .map(|g| {
                let gx = x + g.dx;
                x += g.adv;
                (gx, g)
            })
            .collect();
        Draw::Text { y: baseline, glyphs }
    }

    fn left_text(&mut self, text: &str, x: f32, baseline: f32, style: &TextStyle, max_w: f32) -> Draw {
        let mut p = self.params(Align::Left);
        p.hyphenate = false;
        let l = layout_paragraph(&mut self.ctx, &[Span::new(text.replace('\n', " "))], style, &p, max_w.max(10.0));
        // A running line is one line: overlong footers are cut, never wrapped into the page.
        let glyphs = l
            .lines
            .into_iter()
            .next()
            .map(|line| line.glyphs.into_iter().map(|(gx, g)| (gx + x, g)).collect())
            .unwrap_or_default();
        Draw::Text { y: baseline, glyphs }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn running(
        &mut self,
        draws: &mut Vec<Draw>,
        page: usize,
        total: usize,
        pw: f32,
        ph: f32,
        ml: f32,
        mr: f32,
        mt: f32,
        mb: f32,
    ) {
        let ps = self.doc.page.clone();
        let style = TextStyle {
            family: FontFamily::Sans,
            size: 8.0,
            color: Color::Gray(0.35),
            bold: false,
            italic: false,
            rise: 0.0,
        };
        let text_w = pw - ml - mr;
        if let Some(h) = ps.header.as_deref().filter(|h| !h.trim().is_empty()) {
            let base = (mt * 0.55).max(10.0);
            draws.push(self.left_text(h, ml, base, &style, text_w));
            draws.push(Draw::Line {
                x1: ml,
                y1: base + 3.5,
                x2: pw - mr,
                y2: base + 3.5,
                color: GRAY_RULE,
                width: 0.4,
                dash: None,
            });
        }
        let base = ph - (mb * 0.45).max(8.0);
        let mut number_w = 0.0;
        if let Some(label) = &ps.page_label {
            let t = if label.is_empty() { format!("{page} / {total}") } else { format!("{label} {page} / {total}") };
            let d = self.right_text(&t, pw - mr, base, &style);
            if let Draw::Text { glyphs, .. } = &d {
                number_w = glyphs.iter().map(|g| g.1.adv).sum::<f32>() + mm(5.0);
            }
            draws.push(d);
        }
        if let Some(f) = ps.footer.as_deref().filter(|f| !f.trim().is_empty()) {
            draws.push(self.left_text(f, ml, base, &style, text_w - number_w));
        }
    }
}
