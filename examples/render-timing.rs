//! Our side of `scripts/compare-typst`: renders three documents of the fictional sample in process and times them,
//! and writes what our typesetter was given (blocks or canvas, text final, images as files) as JSON, from which
//! `scripts/compare-typst.d/*.typ` reproduce the same documents with typst.
//!
//! The documents are those of `benches/documents.rs`: the sponsorship agreement of a detainee with a 24-megapixel
//! photo, that detainee's roll-up banner (850 × 2000 mm, 10 mm bleed) and the press kit of 200 people (the 24 of
//! the sample and 176 synthetic ones, each with a photo of their own). Everything in them is fictional.
//!
//! Two times per document, each the median of N renders after two warm-up renders:
//! - `full_ms`: what the app does (`documents::agreement`…): read the dossier, build the context, render the
//!   template, typeset, write the PDF;
//! - `typeset_ms`: typesetting and PDF writing alone, from the prepared blocks or canvas: what typst's
//!   `compile` of the exported data is compared with.
//!
//! Usage: `cargo run --release --example render-timing -- OUT_DIR [N]`. Writes `OUT_DIR/ours/<doc>.pdf` and
//! `OUT_DIR/data/<doc>.json` (images in `OUT_DIR/data/img/`), and prints the medians as JSON on stdout.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use dossier::documents::{self, BannerSize};
use dossier::model::*;
use dossier::{Dossier, Lang};
use libertas_typeset as typeset;
use serde_json::{json, Value};
use typeset::{Align, Block, CanvasItem, Color, FontFamily, FrameAspect, ImageFit, MmRect, Span};

const PASS: &str = "benchmark passphrase";

type Error = Box<dyn std::error::Error>;

fn public_person(d: &mut Dossier, name: &str, photo: &Path) -> Result<uuid::Uuid, Error> {
    let mut p = Detainee::new(name, Category::Civilian);
    p.name_hy = Some("Անուն Ազգանուն".into());
    p.captured = "2021-02-03".parse().ok();
    p.situation.push(SituationEntry::new(Status::Detained, p.captured));
    p.bio_fr = Some("Biographie fictive pour le banc d'essai. ".repeat(6));
    for item in PublicItem::ALL {
        p.disclosure.insert(item, Disclosure::PUBLIC);
    }
    let id = d.insert(p)?.id;
    d.add_photo(id, photo, Disclosure::PUBLIC)?;
    Ok(id)
}

/// Median of `n` runs of `f` in milliseconds, after two warm-up runs.
fn median_ms<T>(n: usize, mut f: impl FnMut() -> T) -> f64 {
    for _ in 0..2 {
        std::hint::black_box(f());
    }
    let mut times: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    }
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: render-timing OUT_DIR [N]")?);
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(15);
    if n < 10 {
        return Err("N must be at least 10".into());
    }
    for sub in ["ours", "data/img"] {
        std::fs::create_dir_all(out.join(sub))?;
    }

    // The dossiers of benches/documents.rs.
    let dir = tempfile::tempdir()?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    let big = dir.path().join("big.jpg");
    std::fs::write(&big, dossier::demo::placeholder_portrait(4000, 6000, [120, 90, 80]))?;
    let mut d = Dossier::create(&dir.path().join("25.dossier"), PASS)?;
    dossier::demo::fill(&mut d, 0)?;
    let star = public_person(&mut d, "Banc Essai Vingt-Quatre", &big)?;
    let sponsor = d.list::<Sponsor>()?[0].id;
    let mut s = Sponsorship::new(sponsor, Some(star));
    s.stage = Stage::Signed;
    s.commitments = parse_commitments("logo,banner,public-signing,lobbying")?;
    let sponsorship = d.insert(s)?.id;
    let mut d200 = Dossier::create(&dir.path().join("200.dossier"), PASS)?;
    dossier::demo::fill(&mut d200, 0)?;
    // Unlike the bench, each synthetic person gets a photo of their own (a different tint): typst embeds equal
    // images once, ours once per photo record, and a real press kit has a different photo for each person.
    for k in 0..176u8 {
        let photo = dir.path().join(format!("p{k}.jpg"));
        std::fs::write(&photo, dossier::demo::placeholder_portrait(1200, 1600, [40 + k, 100, 120]))?;
        public_person(&mut d200, &format!("Personne Fictive {k:03}"), &photo)?;
    }

    let mut results = vec![];
    let mut exporter = Exporter::new(&out.join("data"));

    // Agreement.
    let doc = documents::agreement_document(&d, sponsorship, Lang::Fr, today, None)?;
    exporter.sources = sources(&d)?;
    let full_ms = median_ms(n, || documents::agreement(&d, sponsorship, Lang::Fr, today).map(|p| p.bytes.len()));
    let typeset_ms = median_ms(n, || documents::typeset_text(&doc).map(|p| p.bytes.len()));
    let pdf = documents::typeset_text(&doc)?;
    results.push(finish(&out, "agreement", &pdf.bytes, pdf.pages, full_ms, typeset_ms, exporter.flow(&doc)?)?);

    // Roll-up banner, 850 × 2000 mm, 10 mm bleed.
    let banner = |d: &Dossier| documents::banner(d, star, Some(sponsor), BannerSize::R850, 10.0, Lang::Fr, today);
    let canvas = documents::banner_canvas(&d, star, Some(sponsor), BannerSize::R850, 10.0, Lang::Fr, today)?;
    let full_ms = median_ms(n, || banner(&d).map(|(p, _)| p.bytes.len()));
    let typeset_ms = median_ms(n, || typeset::render_canvas(&canvas).map(|p| p.len()));
    let pdf = typeset::render_canvas(&canvas)?;
    results.push(finish(&out, "banner", &pdf, 1, full_ms, typeset_ms, exporter.canvas(&canvas)?)?);

    // Press kit of 200 people.
    let doc = documents::presskit_document(&d200, Lang::Fr, today)?;
    exporter.sources = sources(&d200)?;
    let full_ms = median_ms(n, || documents::presskit(&d200, Lang::Fr, today).map(|p| p.bytes.len()));
    let typeset_ms = median_ms(n, || documents::typeset_text(&doc).map(|p| p.bytes.len()));
    let pdf = documents::typeset_text(&doc)?;
    results.push(finish(&out, "presskit_200", &pdf.bytes, pdf.pages, full_ms, typeset_ms, exporter.flow(&doc)?)?);

    println!("{}", serde_json::to_string_pretty(&json!({ "n": n, "documents": results }))?);
    Ok(())
}

/// Writes our PDF and the typst data of one document; returns its line of the results.
fn finish(
    out: &Path,
    name: &str,
    pdf: &[u8],
    pages: usize,
    full_ms: f64,
    typeset_ms: f64,
    data: Value,
) -> Result<Value, Error> {
    documents::write_pdf(&out.join("ours").join(format!("{name}.pdf")), pdf)?;
    dossier::files::write_new(
        &out.join("data").join(format!("{name}.json")),
        dossier::files::Existing::Replace,
        |f| serde_json::to_writer(f, &data).map_err(std::io::Error::other),
    )?;
    Ok(json!({ "name": name, "full_ms": full_ms, "typeset_ms": typeset_ms, "pages": pages, "bytes": pdf.len() }))
}

/// Every stored image of a dossier with its bytes, prepared as the documents prepare them, to find the file
/// behind each image the typesetter was given.
fn sources(d: &Dossier) -> Result<Vec<(typeset::ImageData, Vec<u8>)>, Error> {
    let mut out = vec![];
    for m in d.list::<Media>()? {
        let bytes = d.media_bytes(m.id)?;
        let img =
            typeset::ImageData::from_bytes(bytes.clone())?.with_orientation(typeset::Orientation::new(m.orientation));
        out.push((img, bytes));
    }
    Ok(out)
}

/// The typesetter's input as JSON for `compare-typst.d/*.typ`: the same model, lengths in mm, sizes in pt.
struct Exporter {
    dir: PathBuf,
    sources: Vec<(typeset::ImageData, Vec<u8>)>,
    /// Each distinct image (one `Arc`, one XObject in our PDF) is one file.
    written: HashMap<*const typeset::ImageData, String>,
}

impl Exporter {
    fn new(dir: &Path) -> Exporter {
        Exporter { dir: dir.to_owned(), sources: vec![], written: HashMap::new() }
    }

    fn image(&mut self, img: &Arc<typeset::ImageData>) -> Result<String, Error> {
        if let Some(name) = self.written.get(&Arc::as_ptr(img)) {
            return Ok(name.clone());
        }
        if img.orientation != typeset::Orientation::UPRIGHT {
            return Err("the typst side does not rotate images: every sample photo is stored upright".into());
        }
        let (_, bytes) =
            self.sources.iter().find(|(s, _)| *s == **img).ok_or("an image not found among the dossier's media")?;
        let ext = match img.format {
            typeset::ImageFormat::Jpeg => "jpg",
            typeset::ImageFormat::Png => "png",
        };
        let name = format!("img/{}.{ext}", self.written.len());
        dossier::files::write_bytes(&self.dir.join(&name), dossier::files::Existing::Replace, bytes)?;
        self.written.insert(Arc::as_ptr(img), name.clone());
        Ok(name)
    }

    fn flow(&mut self, doc: &typeset::Document) -> Result<Value, Error> {
        let (p, st) = (&doc.page, &doc.style);
        Ok(json!({
            "kind": "flow",
            "title": doc.title,
            "lang": lang(doc.lang),
            "page": {
                "width": p.width_mm, "height": p.height_mm,
                "margins": [p.margin_top_mm, p.margin_right_mm, p.margin_bottom_mm, p.margin_left_mm],
                "header": p.header, "footer": p.footer, "page_label": p.page_label,
                "running_on_first_page": p.running_on_first_page,
            },
            "style": {
                "family": family(st.family), "heading_family": family(st.heading_family), "size": st.size,
                "line_height": st.line_height, "color": color(st.color), "heading_color": color(st.heading_color),
                "heading_sizes": st.heading_sizes, "paragraph_spacing": st.paragraph_spacing_mm,
                "align": align(st.align), "table_header_fill": color(st.table_header_fill),
            },
            "blocks": self.blocks(&doc.blocks)?,
        }))
    }

    fn blocks(&mut self, blocks: &[Block]) -> Result<Vec<Value>, Error> {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    fn block(&mut self, b: &Block) -> Result<Value, Error> {
        Ok(match b {
            Block::Heading { level, spans: s, in_toc } => {
                json!({ "t": "heading", "level": level, "spans": spans(s), "in_toc": in_toc })
            }
            Block::Paragraph { spans: s, align: a } => {
                json!({ "t": "para", "spans": spans(s), "align": a.map(align) })
            }
            Block::List { kind, items } => {
                let (k, start) = match kind {
                    typeset::ListKind::Bullet => ("bullet", 1),
                    typeset::ListKind::Numbered(s) => ("numbered", *s),
                    typeset::ListKind::Check => ("check", 1),
                };
                let items = items
                    .iter()
                    .map(|it| {
                        Ok(json!({ "spans": spans(&it.spans), "checked": it.checked, "children": self.blocks(&it.children)? }))
                    })
                    .collect::<Result<Vec<_>, Error>>()?;
                json!({ "t": "list", "kind": k, "start": start, "items": items })
            }
            Block::Table(t) => {
                let cells = |row: &Vec<Vec<Span>>| row.iter().map(|c| spans(c)).collect::<Vec<_>>();
                let aligns: Vec<&str> = t
                    .align
                    .iter()
                    .map(|a| match a {
                        typeset::CellAlign::Left => "left",
                        typeset::CellAlign::Center => "center",
                        typeset::CellAlign::Right => "right",
                    })
                    .collect();
                json!({
                    "t": "table", "widths": t.widths, "align": aligns,
                    "header": t.header.as_ref().map(cells), "rows": t.rows.iter().map(cells).collect::<Vec<_>>(),
                })
            }
            Block::Image { image, width_mm, align: a, caption, crop } => {
                let f = image.frame(*crop, FrameAspect::Natural);
                json!({
                    "t": "image", "src": self.image(image)?, "width": width_mm, "align": align(*a),
                    "caption": caption.as_deref().map(spans), "region": rect(f.region.x, f.region.y, f.region.w, f.region.h),
                    "aspect": f.aspect,
                })
            }
            Block::Spacer(h) => json!({ "t": "spacer", "height": h }),
            Block::Rule => json!({ "t": "rule" }),
            Block::PageBreak => json!({ "t": "pagebreak" }),
            Block::TableOfContents { title } => json!({ "t": "toc", "title": title }),
            Block::Columns { columns, gap_mm } => {
                let cols = columns
                    .iter()
                    .map(|c| Ok(json!({ "weight": c.weight, "blocks": self.blocks(&c.blocks)? })))
                    .collect::<Result<Vec<_>, Error>>()?;
                json!({ "t": "columns", "gap": gap_mm, "columns": cols })
            }
            Block::KeepTogether(inner) => json!({ "t": "keep", "blocks": self.blocks(inner)? }),
        })
    }

    fn canvas(&mut self, c: &typeset::Canvas) -> Result<Value, Error> {
        let mut pages = vec![];
        for p in &c.pages {
            let mut items = vec![];
            for item in &p.items {
                items.push(match item {
                    CanvasItem::Rect { rect: r, fill, stroke } => json!({
                        "t": "rect", "rect": mm_rect(r), "fill": fill.map(color),
                        "stroke": stroke.map(|(c, w)| json!({ "color": color(c), "width": w })),
                    }),
                    CanvasItem::Line { from, to, color: c, width_mm } => json!({
                        "t": "line", "from": [from.0, from.1], "to": [to.0, to.1], "color": color(*c), "width": width_mm,
                    }),
                    CanvasItem::Text(tb) => json!({
                        "t": "text", "rect": mm_rect(&tb.rect), "spans": spans(&tb.spans), "family": family(tb.family),
                        "size": tb.size_pt, "min_size": tb.min_size_pt, "color": color(tb.color), "bold": tb.bold,
                        "align": align(tb.align), "line_height": tb.line_height, "hyphenate": tb.hyphenate,
                        "valign": match tb.valign {
                            typeset::VAlign::Top => "top",
                            typeset::VAlign::Middle => "horizon",
                            typeset::VAlign::Bottom => "bottom",
                        },
                    }),
                    CanvasItem::Image { image, rect: r, fit } => {
                        let region = match fit {
                            ImageFit::Contain => None,
                            ImageFit::Cover(crop) => {
                                let f = image.frame(Some(*crop), FrameAspect::Fixed(r.w / r.h));
                                Some(rect(f.region.x, f.region.y, f.region.w, f.region.h))
                            }
                        };
                        let (w, h) = image.upright_size();
                        json!({ "t": "image", "src": self.image(image)?, "rect": mm_rect(r), "region": region, "pixels": [w, h] })
                    }
                    CanvasItem::Qr(q) => {
                        let code = qrcode::QrCode::with_error_correction_level(q.data.as_bytes(), qrcode::EcLevel::M)?;
                        let n = code.width();
                        let colors = code.to_colors();
                        let modules: Vec<String> = colors
                            .chunks(n)
                            .map(|row| row.iter().map(|c| if *c == qrcode::Color::Dark { '1' } else { '0' }).collect())
                            .collect();
                        json!({
                            "t": "qr", "rect": mm_rect(&q.rect), "color": color(q.color),
                            "background": q.background.map(color), "quiet_zone": q.quiet_zone, "modules": modules,
                        })
                    }
                });
            }
            pages.push(json!({
                "width": p.width_mm, "height": p.height_mm, "bleed": p.bleed_mm, "crop_marks": p.crop_marks, "items": items,
            }));
        }
        Ok(json!({ "kind": "canvas", "title": c.title, "lang": lang(c.lang), "pages": pages }))
    }
}

fn lang(l: typeset::Lang) -> &'static str {
    match l {
        typeset::Lang::French => "fr",
        typeset::Lang::English => "en",
    }
}

fn family(f: FontFamily) -> &'static str {
    match f {
        FontFamily::Sans => "sans",
        FontFamily::Serif => "serif",
    }
}

fn align(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    }
}

fn color(c: Color) -> Value {
    match c {
        Color::Rgb(r, g, b) => json!({ "rgb": [r, g, b] }),
        Color::Cmyk(c, m, y, k) => json!({ "cmyk": [c, m, y, k] }),
        Color::Gray(v) => json!({ "gray": v }),
    }
}

fn rect(x: f32, y: f32, w: f32, h: f32) -> Value {
    json!({ "x": x, "y": y, "w": w, "h": h })
}

fn mm_rect(r: &MmRect) -> Value {
    rect(r.x, r.y, r.w, r.h)
}

fn spans(s: &[Span]) -> Vec<Value> {
    s.iter()
        .map(|s| {
            json!({
                "text": s.text, "bold": s.bold, "italic": s.italic, "size": s.size, "color": s.color.map(color),
                "family": s.family.map(family), "sup": s.superscript,
            })
        })
        .collect()
}
