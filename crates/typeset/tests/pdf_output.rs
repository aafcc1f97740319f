//! End-to-end checks of the PDFs with the tools a print shop or a reader would use:
//! qpdf, pdffonts, pdftotext, pdfinfo, pdfimages, pdftoppm. Each check is skipped, with a
//! message, only when its tool is not installed.

mod common;

use std::sync::Arc;
use std::time::Instant;

use common::*;
use libertas_typeset::*;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn check_pdf(path: &str) {
    if have("qpdf") {
        let (ok, out) = run("qpdf", &["--check", path]);
        assert!(ok && out.contains("No syntax or stream encoding errors"), "qpdf --check failed:\n{out}");
    }
}

#[test]
fn agreement_is_valid_with_subset_fonts_and_extractable_text() {
    let dir = tmp();
    let doc = sample_document(45);
    let r = render_with_layout(&doc).unwrap();
    let path = write(dir.path(), "agreement.pdf", &r.pdf);
    check_pdf(&path);
    assert!(r.layout.page_count >= 3, "the 45-row table must cross a page break");

    if have("pdffonts") {
        let (ok, out) = run("pdffonts", &[&path]);
        assert!(ok, "{out}");
        let fonts: Vec<&str> = out.lines().skip(2).collect();
        assert!(fonts.len() >= 4, "{out}");
        for l in &fonts {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            // name type... encoding emb sub uni objid gen
            assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "every font embedded, subset, with ToUnicode: {l}");
            assert!(cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+', "subset tag: {l}");
        }
        assert!(out.contains("NotoSerifArmenian"), "Armenian fallback font used:\n{out}");
        assert_eq!(fonts.len(), r.layout.fonts.len());
    }

    if have("pdftotext") {
        let (ok, text) = run("pdftotext", &["-layout", &path, "-"]);
        assert!(ok);
        assert!(text.contains(ARMENIAN_NAME), "Armenian text must extract as Unicode");
        for w in ["libération", "Genève", "hôtel de ville", "( ) \\ < > % [ ] { } / # endstream endobj"] {
            assert!(text.contains(w), "{w:?} missing from extracted text");
        }
        let pages: Vec<&str> = text.split('\u{c}').collect();
        let n = r.layout.page_count;
        for (i, p) in pages.iter().take(n).enumerate() {
            assert!(p.contains(&format!("page {} / {n}", i + 1)), "footer of page {}", i + 1);
        }
        // Table header repeated on every page the table spans.
        let with_rows: Vec<usize> = (0..n).filter(|&i| pages[i].contains("Détenu numéro")).collect();
        assert!(with_rows.len() >= 2, "table spans pages");
        for i in with_rows {
            assert!(pages[i].contains("Date de capture"), "header repeated on page {}", i + 1);
        }
        // Hyphenation: some line ends with a hyphen whose word is whole in the source text.
        let lines: Vec<&str> = text.lines().collect();
        let hyphenated = lines.windows(2).filter_map(|w| {
            let a = w[0].trim_end();
            let head = a.strip_suffix('-')?.rsplit(' ').next()?;
            let tail = w[1].split(|c: char| !c.is_alphabetic()).next()?;
            (head.chars().all(char::is_alphabetic) && !head.is_empty() && !tail.is_empty())
                .then(|| format!("{head}{tail}"))
        });
        let joined: Vec<String> = hyphenated.filter(|w| common::FRENCH.contains(w.as_str())).collect();
        assert!(!joined.is_empty(), "expected hyphenated French words in justified text:\n{text}");
        // Without -layout, pdftotext joins them again: the hyphen is at a real line end.
        let plain = run("pdftotext", &[&path, "-"]).1;
        assert!(joined.iter().all(|w| plain.contains(w.as_str())), "dehyphenated words {joined:?}");
        // TOC page numbers agree with where the headings landed.
        for (title, page) in &r.layout.headings {
            assert!(*page >= 1 && pages[page - 1].contains(title.as_str()), "{title} on page {page}");
        }
    }
}

#[test]
fn jpeg_is_embedded_byte_for_byte_and_png_keeps_its_alpha() {
    let dir = tmp();
    let jpg = jpeg(1600, 1200);
    let gray = jpeg_gray(300, 200);
    let doc = Document {
        blocks: vec![
            Block::Image {
                image: Arc::new(ImageData::from_bytes(jpg.clone()).unwrap()),
                width_mm: Some(80.0),
                align: Align::Left,
                caption: None,
                crop: None,
            },
            Block::Image {
                image: Arc::new(ImageData::from_bytes(gray.clone()).unwrap()),
                width_mm: Some(40.0),
                align: Align::Left,
                caption: None,
                crop: None,
            },
            Block::Image {
                image: Arc::new(ImageData::from_bytes(png_logo(120)).unwrap()),
                width_mm: Some(30.0),
                align: Align::Right,
                caption: None,
                crop: None,
            },
        ],
        ..Document::default()
    };
    let r = render_with_layout(&doc).unwrap();
    assert!(r.pdf.windows(jpg.len()).any(|w| w == jpg.as_slice()), "the JPEG must appear verbatim in the PDF");
    assert!(r.pdf.windows(gray.len()).any(|w| w == gray.as_slice()));
    assert_eq!(r.layout.images.len(), 3);
    let first = &r.layout.images[0];
    assert_eq!((first.pixel_width, first.pixel_height), (1600, 1200));
    assert!((first.image_mm.w - 80.0).abs() < 0.01);
    assert!((first.effective_ppi - 1600.0 / (80.0 / 25.4)).abs() < 0.5);
    let path = write(dir.path(), "images.pdf", &r.pdf);
    check_pdf(&path);
    if have("pdfimages") {
        let (ok, out) = run("pdfimages", &["-list", &path]);
        assert!(ok, "{out}");
        let rows: Vec<Vec<&str>> = out.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
        let find = |w: &str, h: &str| {
            rows.iter().find(|r| r[3] == w && r[4] == h).unwrap_or_else(|| panic!("{w}x{h} in\n{out}"))
        };
        let j = find("1600", "1200");
        assert_eq!((j[2], j[5], j[8]), ("image", "rgb", "jpeg"), "kept as JPEG at full size");
        let g = find("300", "200");
        assert_eq!((g[5], g[8]), ("gray", "jpeg"));
        assert!(rows.iter().any(|r| r[2] == "smask" && r[3] == "120"), "PNG alpha as soft mask:\n{out}");
        assert!(rows.iter().any(|r| r[2] == "image" && r[3] == "120" && r[8] == "image"), "PNG lossless (Flate)");
    }
}

#[test]
fn cmyk_jpeg_gets_the_adobe_decode_array() {
    // Header-only CMYK JPEG with an Adobe APP14 marker (nobody decodes it here).
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xEE, 0, 14];
    j.extend_from_slice(b"Adobe\x00\x64\x00\x00\x00\x00\x00");
    j.extend_from_slice(&[
        0xFF, 0xC0, 0, 20, 8, 0, 50, 0, 80, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, 0xFF, 0xD9,
    ]);
    let img = Arc::new(ImageData::from_bytes(j.clone()).unwrap());
    let canvas = Canvas {
        pages: vec![CanvasPage {
            width_mm: 100.0,
            height_mm: 100.0,
            bleed_mm: 0.0,
            crop_marks: false,
            items: vec![CanvasItem::Image {
                image: img,
                rect: MmRect::new(0.0, 0.0, 80.0, 50.0),
                fit: ImageFit::Contain,
            }],
        }],
        ..Canvas::default()
    };
    let pdf = render_canvas(&canvas).unwrap();
    let s = String::from_utf8_lossy(&pdf);
    assert!(s.contains("/DeviceCMYK"), "CMYK colour space");
    assert!(s.contains("/Decode[1 0 1 0 1 0 1 0]"), "inverted Adobe CMYK needs the Decode array");
    assert!(pdf.windows(j.len()).any(|w| w == j.as_slice()));
    let dir = tmp();
    let path = write(dir.path(), "cmyk.pdf", &pdf);
    if have("pdfimages") {
        let (_, out) = run("pdfimages", &["-list", &path]);
        assert!(out.contains("cmyk") && out.contains("jpeg"), "{out}");
    }
}

fn parse_box(out: &str, name: &str) -> [f64; 4] {
    let l = out.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} missing:\n{out}"));
    let v: Vec<f64> = l[name.len() + 1..].split_whitespace().map(|x| x.parse().unwrap()).collect();
    [v[0], v[1], v[2], v[3]]
}

#[test]
fn banner_boxes_are_exact() {
    let photo = Arc::new(ImageData::from_bytes(jpeg(300, 400)).unwrap());
    let r = render_canvas_with_layout(&sample_banner(photo)).unwrap();
    assert_eq!(r.layout.page_count, 1);
    assert_eq!(r.layout.text_boxes.len(), 3);
    assert!(r.layout.text_boxes.iter().all(|t| !t.overflow));
    assert_eq!(r.layout.images.len(), 1);
    assert!(r.layout.images[0].effective_ppi < 100.0, "a 300 px photo over 870 mm is far below print resolution");
    let dir = tmp();
    let path = write(dir.path(), "banner.pdf", &r.pdf);
    check_pdf(&path);
    if !have("pdfinfo") {
        return;
    }
    let (ok, out) = run("pdfinfo", &["-box", &path]);
    assert!(ok, "{out}");
    let mm = |pt: f64| pt * 25.4 / 72.0;
    let media = parse_box(&out, "MediaBox:");
    let trim = parse_box(&out, "TrimBox:");
    let bleed = parse_box(&out, "BleedBox:");
    let close = |a: f64, b: f64| (a - b).abs() < 0.1;
    assert!(
        close(mm(trim[2] - trim[0]), 850.0) && close(mm(trim[3] - trim[1]), 2000.0),
        "TrimBox is the finished size: {trim:?}"
    );
    assert!(
        close(mm(bleed[2] - bleed[0]), 870.0) && close(mm(bleed[3] - bleed[1]), 2020.0),
        "BleedBox = trim + 10 mm: {bleed:?}"
    );
    assert!(close(mm(trim[0] - bleed[0]), 10.0) && close(mm(bleed[3] - trim[3]), 10.0));
    assert!(mm(bleed[0] - media[0]) >= 5.0 && mm(media[2] - bleed[2]) >= 5.0, "room for crop marks outside the bleed");
}

#[test]
fn exif_orientation_turns_the_picture() {
    if !have("pdftoppm") {
        return;
    }
    // Stored: left half red, right half blue. Orientation 6 (rotate 90° clockwise): red on top.
    let img = Arc::new(ImageData::from_bytes(png_halves(40, 20)).unwrap().with_orientation(Orientation::new(6)));
    assert_eq!(img.upright_size(), (20, 40));
    let canvas = Canvas {
        pages: vec![CanvasPage {
            width_mm: 20.0,
            height_mm: 40.0,
            bleed_mm: 0.0,
            crop_marks: false,
            items: vec![CanvasItem::Image {
                image: img,
                rect: MmRect::new(0.0, 0.0, 20.0, 40.0),
                fit: ImageFit::Contain,
            }],
        }],
        ..Canvas::default()
    };
    let dir = tmp();
    let path = write(dir.path(), "orient.pdf", &render_canvas(&canvas).unwrap());
    let prefix = dir.path().join("o").to_string_lossy().into_owned();
    let (ok, out) = run("pdftoppm", &["-r", "25", "-singlefile", &path, &prefix]);
    assert!(ok, "{out}");
    let ppm = std::fs::read(format!("{prefix}.ppm")).unwrap();
    // P6 header: "P6\n<w> <h>\n255\n"
    let mut fields = 0;
    let mut i = 0;
    while fields < 4 {
        while ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        while !ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields += 1;
    }
    let data = &ppm[i + 1..];
    let hdr: Vec<usize> =
        String::from_utf8_lossy(&ppm[..i]).split_whitespace().skip(1).map(|v| v.parse().unwrap()).collect();
    let (w, h) = (hdr[0], hdr[1]);
    let px = |x: usize, y: usize| {
        let o = (y * w + x) * 3;
        (data[o], data[o + 1], data[o + 2])
    };
    let top = px(w / 2, h / 4);
    let bottom = px(w / 2, 3 * h / 4);
    assert!(top.0 > 200 && top.2 < 60, "top must be red, got {top:?}");
    assert!(bottom.2 > 200 && bottom.0 < 60, "bottom must be blue, got {bottom:?}");
}

#[test]
fn hostile_input_never_breaks_the_pdf() {
    let long = "A".repeat(10_000);
    let doc = Document {
        blocks: vec![
            Block::paragraph(long.clone()),
            Block::paragraph(
                "( ) \\ < > % %%EOF endstream endobj trailer << /Type /Catalog >> \u{0}\u{FFFF}\u{10FFFD} 😀",
            ),
            Block::Heading { level: 9, spans: vec![], in_toc: true },
            Block::Table(Table::default()),
            Block::List { kind: ListKind::Bullet, items: vec![ListItem::default()] },
            Block::Spacer(f32::NAN),
            Block::Columns { columns: vec![], gap_mm: f32::INFINITY },
            Block::TableOfContents { title: None },
        ],
        ..Document::default()
    };
    let r = render_with_layout(&doc).unwrap();
    let dir = tmp();
    let path = write(dir.path(), "hostile.pdf", &r.pdf);
    check_pdf(&path);
    if have("pdftotext") {
        let (_, text) = run("pdftotext", &[&path, "-"]);
        assert!(text.contains("( ) \\ < > % %%EOF endstream"), "{text}");
        assert_eq!(text.matches('A').count(), 10_000, "every glyph of the long word is kept");
    }
    // Empty document: one blank page, still valid.
    let empty = render_with_layout(&Document::default()).unwrap();
    assert_eq!(empty.layout.page_count, 1);
    check_pdf(&write(dir.path(), "empty.pdf", &empty.pdf));
    // Invalid geometry is an error, not a panic.
    let bad = Document { page: PageSetup { width_mm: f32::NAN, ..PageSetup::a4() }, ..Document::default() };
    assert!(matches!(render(&bad), Err(TypesetError::Geometry(_))));
    assert!(render_canvas(&Canvas::default()).is_err());
}

#[test]
fn markdown_document_renders_with_images_and_toc() {
    let logo = Arc::new(ImageData::from_bytes(png_logo(64)).unwrap());
    let md = "[[toc]]\n\n# Communiqué\n\nParis, Lyon, Genève — **13 décembre 2024**. Texte *important*.\n\n\
              ![Logo du collectif](logo.png)\n\n- [x] Fait\n- [ ] À faire\n\n<!-- pagebreak -->\n\n## Contacts\n\n\
              | Ville | Contact |\n|---|---|\n| Paris | presse@example.org |\n";
    let blocks = markdown_to_blocks(
        md,
        &MarkdownOptions { toc_title: Some("Sommaire".into()), image_width_mm: Some(20.0) },
        &mut |n| (n == "logo.png").then(|| logo.clone()),
    )
    .unwrap();
    let r = render_with_layout(&Document { blocks, ..Document::default() }).unwrap();
    assert_eq!(r.layout.page_count, 2);
    assert_eq!(r.layout.headings, vec![("Communiqué".to_string(), 1), ("Contacts".to_string(), 2)]);
    let dir = tmp();
    let path = write(dir.path(), "md.pdf", &r.pdf);
    check_pdf(&path);
    if have("pdftotext") {
        let (_, text) = run("pdftotext", &["-layout", &path, "-"]);
        assert!(text.contains("presse@example.org") && text.contains("Logo du collectif"));
    }
}

#[test]
fn timings() {
    // Debug builds are ~10x slower than release; `examples/bench_typeset.rs` gives release medians.
    let doc2 = Document { blocks: sample_document(0).blocks.into_iter().take(8).collect(), ..sample_document(0) };
    let t = Instant::now();
    let r = render_with_layout(&doc2).unwrap();
    let small = t.elapsed();
    let big_doc = sample_document(4000);
    let t = Instant::now();
    let big = render_with_layout(&big_doc).unwrap();
    let large = t.elapsed();
    println!(
        "2-page-ish document ({} pages): {small:?}; {}-page document: {large:?}",
        r.layout.page_count, big.layout.page_count
    );
    assert!(big.layout.page_count > 150);
}
