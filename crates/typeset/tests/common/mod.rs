//! Sample documents shared by the integration tests, the sample writer and the benchmark.
#![allow(dead_code)]

use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use libertas_typeset::*;

pub const ARMENIAN_NAME: &str = "Արամ Նմուշյան";

pub const FRENCH: &str = "Le collectif Libertas demande la libération immédiate et inconditionnelle \
des prisonniers arméniens détenus arbitrairement depuis la guerre de 2020 et depuis septembre 2023. \
Conformément aux obligations internationales relatives aux droits fondamentaux, à la protection des \
personnes privées de liberté et aux mesures provisoires ordonnées par la Cour européenne des droits \
de l'homme, le parrain s'engage à communiquer publiquement, à plaider auprès des institutions \
nationales, européennes et internationales, et à soutenir les familles. Les représentants \
extraordinairement déterminés des municipalités signataires réaffirment leur attachement \
inconditionnel à la dignité humaine.";

/// A photo-like RGB JPEG (smooth gradients) of the given size.
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w.max(1)) as u8, (y * 255 / h.max(1)) as u8, 140])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img).expect("encode jpeg");
    out
}

/// A grey JPEG.
pub fn jpeg_gray(w: u32, h: u32) -> Vec<u8> {
    let img = image::GrayImage::from_fn(w, h, |x, _| image::Luma([(x * 255 / w.max(1)) as u8]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img).expect("encode");
    out
}

/// A PNG logo with transparency: a red disc on a transparent background.
pub fn png_logo(size: u32) -> Vec<u8> {
    let c = size as f32 / 2.0;
    let img = image::RgbaImage::from_fn(size, size, |x, y| {
        let d = ((x as f32 - c).powi(2) + (y as f32 - c).powi(2)).sqrt();
        if d < c * 0.9 {
            image::Rgba([200, 20, 40, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("encode png");
    out.into_inner()
}

/// An opaque PNG whose left half is red and right half blue (to check orientation).
pub fn png_halves(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(
        w,
        h,
        |x, _| if x < w / 2 { image::Rgb([255, 0, 0]) } else { image::Rgb([0, 0, 255]) },
    );
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("encode png");
    out.into_inner()
}

pub fn sample_document(rows: usize) -> Document {
    let photo = Arc::new(ImageData::from_bytes(jpeg(900, 600)).unwrap());
    let logo = Arc::new(ImageData::from_bytes(png_logo(200)).unwrap());
    let mut blocks = vec![
        Block::Columns {
            columns: vec![
                Column { weight: 1.0, blocks: vec![Block::Image { image: logo.clone(), width_mm: Some(18.0), align: Align::Left, caption: None, crop: None }] },
                Column {
                    weight: 4.0,
                    blocks: vec![Block::Paragraph {
                        spans: vec![Span::new("Convention de parrainage").bold().size(18.0), Span::new("\nParis · Lyon · Genève").italic()],
                        align: Some(Align::Right),
                    }],
                },
            ],
            gap_mm: 5.0,
        },
        Block::TableOfContents { title: Some("Sommaire".into()) },
        Block::heading(1, "Les parties"),
        Block::Paragraph { spans: vec![Span::new(FRENCH)], align: None },
        Block::Paragraph {
            spans: vec![
                Span::new("Le parrainage concerne "),
                Span::new(format!("{ARMENIAN_NAME} (Aram Nmushyan)")).bold(),
                Span::new(", détenu depuis le 13 décembre 2020. Caractères spéciaux : ( ) \\ < > % [ ] { } / # endstream endobj."),
            ],
            align: None,
        },
        Block::heading(2, "Engagements choisis"),
        Block::List {
            kind: ListKind::Check,
            items: vec![
                ListItem { spans: vec![Span::new("Afficher la banderole à l'hôtel de ville")], checked: Some(true), children: vec![] },
                ListItem { spans: vec![Span::new("Signer la convention en public")], checked: Some(true), children: vec![] },
                ListItem { spans: vec![Span::new("Rencontrer la famille (en visioconférence ou en personne)")], checked: Some(false), children: vec![] },
            ],
        },
        Block::List {
            kind: ListKind::Numbered(1),
            items: vec![ListItem::new(vec![Span::new("Communiquer")]), ListItem::new(vec![Span::new("Plaider")]), ListItem::new(vec![Span::new("Soutenir")])],
        },
        Block::Image { image: photo, width_mm: Some(110.0), align: Align::Center, caption: Some(vec![Span::new("Rassemblement place de la République")]), crop: None },
        Block::heading(2, "Les détenus"),
    ];
    let mut table = Table {
        widths: vec![3.0, 2.0, 2.0, 1.2],
        align: vec![CellAlign::Left, CellAlign::Left, CellAlign::Left, CellAlign::Right],
        header: Some(vec![
            vec![Span::new("Nom")],
            vec![Span::new("Catégorie")],
            vec![Span::new("Date de capture")],
            vec![Span::new("Jours")],
        ]),
        rows: Vec::new(),
    };
    for i in 0..rows {
        table.rows.push(vec![
            vec![Span::new(format!("Détenu numéro {i} — {ARMENIAN_NAME}"))],
            vec![Span::new(if i % 3 == 0 { "prisonnier de guerre" } else { "civil" })],
            vec![Span::new("13/12/2020")],
            vec![Span::new(format!("{}", 1000 + i))],
        ]);
    }
    blocks.push(Block::Table(table));
    blocks.push(Block::heading(1, "Signatures"));
    blocks.push(Block::Paragraph { spans: vec![Span::new(FRENCH)], align: None });
    let sig = |who: &str, title: &str| Column {
        weight: 1.0,
        blocks: vec![
            Block::Paragraph {
                spans: vec![Span::new(who).bold(), Span::new(format!("\n{title}"))],
                align: Some(Align::Left),
            },
            Block::Spacer(18.0),
            Block::Rule,
            Block::Paragraph { spans: vec![Span::new("Signature").italic().size(8.0)], align: Some(Align::Left) },
        ],
    };
    blocks.push(Block::Columns {
        columns: vec![sig("Pour la Ville", "Le maire"), sig("Pour Libertas", "La coordinatrice")],
        gap_mm: 15.0,
    });
    Document {
        title: "Convention de parrainage".into(),
        lang: Lang::French,
        page: PageSetup {
            footer: Some("Libertas — convention de parrainage".into()),
            header: Some("Confidentiel jusqu'à la signature".into()),
            ..PageSetup::a4()
        },
        style: DocStyle::default(),
        blocks,
    }
}

/// A 2000 x 850 mm roll-up with a 10 mm bleed.
pub fn sample_banner(photo: Arc<ImageData>) -> Canvas {
    let mut items = vec![
        CanvasItem::Rect {
            rect: MmRect::new(-10.0, -10.0, 870.0, 2020.0),
            fill: Some(Color::Cmyk(0.0, 0.95, 0.85, 0.25)),
            stroke: None,
        },
        CanvasItem::Image {
            image: photo,
            rect: MmRect::new(-10.0, -10.0, 870.0, 1100.0),
            fit: ImageFit::Cover(CropRect { x: 0.2, y: 0.0, w: 0.6, h: 1.0 }),
        },
    ];
    let mut name = TextBox::new(
        MmRect::new(50.0, 1130.0, 750.0, 230.0),
        vec![Span::new("ARAM SARGSYAN").bold(), Span::new(format!("\n{ARMENIAN_NAME}"))],
        260.0,
    );
    name.color = Color::Cmyk(0.0, 0.0, 0.0, 0.0);
    name.align = Align::Center;
    name.valign = VAlign::Middle;
    name.min_size_pt = 60.0;
    items.push(CanvasItem::Text(name));
    let mut call = TextBox::new(
        MmRect::new(50.0, 1380.0, 750.0, 120.0),
        vec![Span::new("Libérez-le ! 1 100 jours de détention")],
        140.0,
    );
    call.color = Color::Cmyk(0.0, 0.0, 0.0, 0.0);
    call.align = Align::Center;
    call.min_size_pt = 40.0;
    items.push(CanvasItem::Text(call));
    items.push(CanvasItem::Rect {
        rect: MmRect::new(50.0, 1520.0, 750.0, 250.0),
        fill: Some(Color::Cmyk(0.0, 0.0, 0.0, 0.0)),
        stroke: None,
    });
    items.push(CanvasItem::Qr(QrCode {
        data: "https://libertas.example/aram-sargsyan".into(),
        rect: MmRect::new(70.0, 1540.0, 210.0, 210.0),
        color: Color::Cmyk(0.0, 0.0, 0.0, 1.0),
        background: None,
        quiet_zone: false,
    }));
    let mut site = TextBox::new(
        MmRect::new(300.0, 1560.0, 480.0, 170.0),
        vec![Span::new("libertas.example").bold(), Span::new("\nParrainez un prisonnier")],
        90.0,
    );
    site.valign = VAlign::Middle;
    site.min_size_pt = 30.0;
    items.push(CanvasItem::Text(site));
    Canvas {
        title: "Kakemono Aram Nmushyan".into(),
        lang: Lang::French,
        pages: vec![CanvasPage { width_mm: 850.0, height_mm: 2000.0, bleed_mm: 10.0, crop_marks: true, items }],
    }
}

/// Whether an external tool is installed; prints why a check is skipped when it is not.
pub fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIP: `{tool}` is not installed (poppler-utils / qpdf); this check is skipped");
    }
    ok
}

pub fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let o = Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("running {tool}: {e}"));
    (o.status.success(), format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)))
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}
