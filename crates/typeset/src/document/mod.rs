//! Laying out a flowing [`Document`]: blocks → rows (`rows.rs`) → pages.
//!
//! Every block becomes a list of rows (a paragraph line, a table row, an image). Rows carry
//! `keep_with_next`, which encodes all the keep rules: the first and second-to-last lines of a
//! paragraph (no orphans, no widows: at least two lines at the bottom and top of a page), headings
//! (kept with the two lines that follow), table headers, "keep together" groups. The paginator
//! places rows greedily; when a row does not fit it moves the whole chain of kept rows that ends
//! at it to the next page, unless that chain started the page (then it is split: a chain longer
//! than a page cannot be kept). Page numbers ("page X / Y", the table of contents) are shaped
//! once the page count is known, so the layout itself is a single pass.

mod rows;

use std::rc::Rc;
use std::sync::Arc;

use crate::model::{Block, Document, MmRect, Span};
use crate::pdf::{write_pdf, Draw, OutPage};
use crate::shaping::{ShapeCtx, TextStyle};
use crate::{mm, Layout, PlacedImage, Rendered, TypesetError, PT_PER_MM};

/// A page number to typeset once pages are known: right-aligned at `x_right`.
#[derive(Debug, Clone)]
struct PageRef {
    entry: usize,
    x_right: f32,
    baseline: f32,
    style: TextStyle,
}

#[derive(Debug, Clone, Default)]
struct Row {
    height: f32,
    space_before: f32,
    keep_with_next: bool,
    draws: Vec<Draw>,
    refs: Vec<PageRef>,
    /// Table header rows to repeat when this row opens a page.
    header: Option<Rc<Vec<Row>>>,
    is_header: bool,
    /// Table-of-contents entries whose heading is on this row.
    anchors: Vec<usize>,
    page_break: bool,
}

impl Row {
    fn translate(&mut self, dx: f32, dy: f32) {
        for d in &mut self.draws {
            d.translate(dx, dy);
        }
        for r in &mut self.refs {
            r.x_right += dx;
            r.baseline += dy;
        }
    }
}

struct Flow<'a> {
    ctx: ShapeCtx,
    doc: &'a Document,
    base: TextStyle,
    toc: Vec<(String, u8)>,
    next_heading: usize,
    content_height: f32,
}

fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect::<String>()
}

fn collect_headings(blocks: &[Block], out: &mut Vec<(String, u8)>) {
    for b in blocks {
        match b {
            Block::Heading { level, spans, in_toc: true } => out.push((spans_text(spans), (*level).clamp(1, 4))),
            Block::KeepTogether(inner) => collect_headings(inner, out),
            Block::Columns { columns, .. } => {
                for c in columns {
                    collect_headings(&c.blocks, out);
                }
            }
            Block::List { items, .. } => {
                for it in items {
                    collect_headings(&it.children, out);
                }
            }
            _ => {}
        }
    }
}

fn finite_pos(v: f32, what: &str) -> Result<f32, TypesetError> {
    if (0.0..20_000.0).contains(&v) {
        Ok(v)
    } else {
        Err(TypesetError::Geometry(format!("{what} = {v}")))
    }
}

pub(crate) fn render_document(doc: &Document, pdfx: Option<&crate::PdfX<'_>>) -> Result<Rendered, TypesetError> {
    let ps = &doc.page;
    let page_w = mm(finite_pos(ps.width_mm, "page width")?);
    let page_h = mm(finite_pos(ps.height_mm, "page height")?);
    let (mt, mb, ml, mr) = (
        mm(finite_pos(ps.margin_top_mm, "top margin")?),
        mm(finite_pos(ps.margin_bottom_mm, "bottom margin")?),
        mm(finite_pos(ps.margin_left_mm, "left margin")?),
        mm(finite_pos(ps.margin_right_mm, "right margin")?),
    );
    let content_w = page_w - ml - mr;
    let content_h = page_h - mt - mb;
    if content_w < 20.0 || content_h < 20.0 {
        return Err(TypesetError::Geometry("margins leave no room for text".into()));
    }
    let st = &doc.style;
    let mut toc = Vec::new();
    collect_headings(&doc.blocks, &mut toc);
    let mut flow = Flow {
        ctx: ShapeCtx::new(doc.lang),
        doc,
        base: TextStyle {
            family: st.family,
            bold: false,
            italic: false,
            size: if st.size.is_finite() && st.size > 1.0 { st.size.min(200.0) } else { 10.0 },
            color: st.color,
            rise: 0.0,
        },
        toc,
        next_heading: 0,
        content_height: content_h,
    };
    let rows = flow.blocks(&doc.blocks, content_w);
    let placed = paginate(&rows, content_h);

    // Materialise pages.
    let n = placed.len().max(1);
    let mut heading_pages = vec![0usize; flow.toc.len()];
    for (pi, page) in placed.iter().enumerate() {
        for p in page {
            for &a in &p.row.anchors {
                if let Some(slot) = heading_pages.get_mut(a) {
                    if *slot == 0 {
                        *slot = pi + 1;
                    }
                }
            }
        }
    }
    let mut layout = Layout { page_count: n, ..Layout::default() };
    let mut pages = Vec::with_capacity(n);
    for pi in 0..n {
        let mut draws = Vec::new();
        if let Some(page) = placed.get(pi) {
            for p in page {
                let mut row = p.row.clone();
                row.translate(ml, mt + p.y);
                for d in &row.draws {
                    if let Draw::Image { image, rect, clip } = d {
                        layout.images.push(placed_image(pi + 1, image, *rect, *clip));
                    }
                }
                draws.append(&mut row.draws);
                for r in &row.refs {
                    let page_no = heading_pages.get(r.entry).copied().unwrap_or(0);
                    let label = if page_no > 0 { page_no.to_string() } else { "?".into() };
                    draws.push(flow.right_text(&label, r.x_right, r.baseline, &r.style));
                }
            }
        }
        let running = pi > 0 || ps.running_on_first_page;
        if running {
            flow.running(&mut draws, pi + 1, n, page_w, page_h, ml, mr, mt, mb);
        }
        pages.push(OutPage { width: page_w, height: page_h, boxes: None, draws });
    }
    layout.headings = flow.toc.iter().zip(&heading_pages).map(|((t, _), &p)| (t.clone(), p)).collect();
    let (pdf, fonts) = write_pdf(&doc.title, &pages, &flow.ctx, pdfx)?;
    layout.fonts = fonts;
    Ok(Rendered { pdf, layout })
}

pub(crate) fn placed_image(
    page: usize,
    image: &Arc<crate::ImageData>,
    rect: [f32; 4],
    clip: Option<[f32; 4]>,
) -> PlacedImage {
    let to_mm = |r: [f32; 4]| MmRect::new(r[0] / PT_PER_MM, r[1] / PT_PER_MM, r[2] / PT_PER_MM, r[3] / PT_PER_MM);
    let (uw, uh) = image.upright_size();
    let ppi_w = uw as f32 / (rect[2] / 72.0).max(1e-6);
    let ppi_h = uh as f32 / (rect[3] / 72.0).max(1e-6);
    PlacedImage {
        page,
        pixel_width: image.width,
        pixel_height: image.height,
        visible_mm: to_mm(clip.unwrap_or(rect)),
        image_mm: to_mm(rect),
        effective_ppi: ppi_w.min(ppi_h),
    }
}

struct Placed<'r> {
    row: &'r Row,
    y: f32,
}

/// Greedy pagination honouring keep chains and repeating table headers.
fn paginate(rows: &[Row], content_h: f32) -> Vec<Vec<Placed<'_>>> {
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    // Index in `rows` of the first main row on the current page, and its y cursor.
    let mut first = 0;
    let mut y = 0.0f32;
    let mut i = 0;
    while i < rows.len() {
        let row = &rows[i];
        let page = pages.last_mut().expect("at least one page");
        let empty = page.is_empty();
        if row.page_break {
            if !empty {
                pages.push(Vec::new());
                y = 0.0;
            }
            first = i + 1;
            i += 1;
            continue;
        }
        if empty {
            first = i;
            if let (Some(h), false) = (&row.header, row.is_header) {
                for hr in h.iter() {
                    page.push(Placed { row: hr, y });
                    y += hr.height;
                }
            }
        }
        // `i == first`: nothing of the flow is on this page yet (repeated headers aside), so the
        // row goes here whatever its height: a row taller than a page is drawn overflowing rather
        // than pushed forward for ever.
        let sb = if i == first { 0.0 } else { row.space_before };
        if y + sb + row.height <= content_h + 0.01 || i == first {
            page.push(Placed { row, y: y + sb });
            y += sb + row.height;
            i += 1;
            continue;
        }
        // Does not fit: move the chain of kept rows ending here, unless it opened the page.
        let mut k = i;
        while k > first && rows[k - 1].keep_with_next && !rows[k - 1].page_break {
            k -= 1;
        }
        if k > first {
            let keep = page.len() - (i - k);
            // Only main rows after `first` are removed; repeated headers sit before them.
            page.truncate(keep);
            i = k;
        }
        pages.push(Vec::new());
        y = 0.0;
    }
    if pages.len() > 1 && pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}
