//! The document model: what callers build, what the Markdown reader produces.

use std::sync::Arc;

use crate::fonts::FontFamily;
use crate::image::ImageData;

/// A colour. CMYK is what print shops want for banners; RGB and grey are fine for office prints.
/// Components are 0.0..=1.0 (values outside are clamped when written).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    Rgb(f32, f32, f32),
    Cmyk(f32, f32, f32, f32),
    Gray(f32),
}

impl Color {
    pub const BLACK: Color = Color::Gray(0.0);
    pub const WHITE: Color = Color::Gray(1.0);
    /// 100 % of every separation: the colour for crop and registration marks.
    pub const REGISTRATION: Color = Color::Cmyk(1.0, 1.0, 1.0, 1.0);

    /// `#rrggbb` → RGB. Returns `None` for anything else.
    pub fn from_hex(s: &str) -> Option<Color> {
        let h = s.strip_prefix('#').unwrap_or(s);
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok().map(|v| v as f32 / 255.0);
        Some(Color::Rgb(c(0)?, c(2)?, c(4)?))
    }
}

/// Horizontal alignment of paragraph lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    /// Justified, with hyphenation in the document language; the last line is left-aligned.
    Justify,
}

/// Document language: drives hyphenation patterns and the shaper's language tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    French,
    English,
}

impl Lang {
    pub(crate) fn hypher(self) -> hypher::Lang {
        match self {
            Lang::French => hypher::Lang::French,
            Lang::English => hypher::Lang::English,
        }
    }
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Lang::French => "fr",
            Lang::English => "en",
        }
    }
}

/// A run of text with one style. Unset fields inherit from the block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Font size in points.
    pub size: Option<f32>,
    pub color: Option<Color>,
    pub family: Option<FontFamily>,
    /// Set smaller and raised above the baseline (French ordinals: 1<sup>er</sup>, XXI<sup>e</sup>). Drawn from
    /// the span's own letters at [`SUPERSCRIPT_SCALE`] of its size, raised by [`SUPERSCRIPT_RISE`] of it, so it
    /// works with every font (the bundled Noto faces' `sups` feature covers digits only, and Unicode modifier
    /// letters such as ᵉ exist for a few letters in a few fonts); the text stays the plain letters, so copying
    /// or extracting it gives "1er".
    pub superscript: bool,
}

/// Size of a superscript span, as a fraction of the size it would otherwise have.
pub const SUPERSCRIPT_SCALE: f32 = 0.65;
/// How far a superscript span's baseline is raised, as a fraction of the size it would otherwise have.
pub const SUPERSCRIPT_RISE: f32 = 0.36;

impl Span {
    pub fn new(text: impl Into<String>) -> Span {
        Span { text: text.into(), ..Span::default() }
    }
    pub fn bold(mut self) -> Span {
        self.bold = true;
        self
    }
    pub fn italic(mut self) -> Span {
        self.italic = true;
        self
    }
    pub fn size(mut self, pt: f32) -> Span {
        self.size = Some(pt);
        self
    }
    pub fn color(mut self, c: Color) -> Span {
        self.color = Some(c);
        self
    }
    pub fn family(mut self, f: FontFamily) -> Span {
        self.family = Some(f);
        self
    }
    pub fn superscript(mut self) -> Span {
        self.superscript = true;
        self
    }
}

/// List flavours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Bullet,
    /// Numbered from the given start.
    Numbered(u32),
    /// Check boxes; each item's `checked` decides the tick (None = unchecked).
    Check,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListItem {
    pub spans: Vec<Span>,
    /// For check lists (and GFM task items inside other lists): ticked or not.
    pub checked: Option<bool>,
    /// Nested blocks (sub-lists, extra paragraphs), indented under the item.
    pub children: Vec<Block>,
}

impl ListItem {
    pub fn new(spans: Vec<Span>) -> ListItem {
        ListItem { spans, checked: None, children: Vec::new() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellAlign {
    #[default]
    Left,
    Center,
    Right,
}

/// A table: the header row is repeated at the top of every page the table continues on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Relative column widths (any positive numbers; normalised to the text width).
    pub widths: Vec<f32>,
    pub align: Vec<CellAlign>,
    pub header: Option<Vec<Vec<Span>>>,
    pub rows: Vec<Vec<Vec<Span>>>,
}

/// One column of a [`Block::Columns`].
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Relative width.
    pub weight: f32,
    pub blocks: Vec<Block>,
}

/// A rectangle in millimetres (x, y from the top-left, y downwards).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MmRect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl MmRect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> MmRect {
        MmRect { x, y, w, h }
    }
}

/// Flow content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1..=4 (others are clamped). Headings stay with the two lines that follow them.
    Heading {
        level: u8,
        spans: Vec<Span>,
        in_toc: bool,
    },
    Paragraph {
        spans: Vec<Span>,
        align: Option<Align>,
    },
    List {
        kind: ListKind,
        items: Vec<ListItem>,
    },
    Table(Table),
    /// An image `width_mm` wide (None: the full text width), never taller than the text area, showing
    /// `crop` (None: the whole image) in a frame of the crop's shape ([`crate::frame`], `Natural`).
    Image {
        image: Arc<ImageData>,
        width_mm: Option<f32>,
        align: Align,
        caption: Option<Vec<Span>>,
        crop: Option<crate::CropRect>,
    },
    /// Vertical space (dropped at the top of a page).
    Spacer(f32),
    /// A thin horizontal rule across the text width.
    Rule,
    PageBreak,
    /// The headings with `in_toc`, with their page numbers (filled after layout).
    TableOfContents {
        title: Option<String>,
    },
    /// Side-by-side columns kept together on one page (signature blocks, two-party headers).
    Columns {
        columns: Vec<Column>,
        gap_mm: f32,
    },
    /// Blocks that must not be split across pages (when they fit on one page).
    KeepTogether(Vec<Block>),
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { spans: vec![Span::new(text)], align: None }
    }
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading { level, spans: vec![Span::new(text)], in_toc: true }
    }
}

/// Page geometry and running elements of a flow document.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSetup {
    pub width_mm: f32,
    pub height_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
    /// Running header text (top left), if any.
    pub header: Option<String>,
    /// Running footer text (bottom left), if any.
    pub footer: Option<String>,
    /// The word before the page number: "page" gives "page 3 / 12". None: no page numbers.
    pub page_label: Option<String>,
    /// Whether header, footer and page number appear on the first page too.
    pub running_on_first_page: bool,
}

impl PageSetup {
    /// A4 portrait, 20 mm margins (25 mm at the bottom for the footer), page numbers "page X / Y".
    pub fn a4() -> PageSetup {
        PageSetup {
            width_mm: 210.0,
            height_mm: 297.0,
            margin_top_mm: 20.0,
            margin_bottom_mm: 25.0,
            margin_left_mm: 20.0,
            margin_right_mm: 20.0,
            header: None,
            footer: None,
            page_label: Some("page".into()),
            running_on_first_page: true,
        }
    }
}

impl Default for PageSetup {
    fn default() -> Self {
        PageSetup::a4()
    }
}

/// Typographic defaults of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocStyle {
    pub family: FontFamily,
    pub heading_family: FontFamily,
    /// Body size in points.
    pub size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    pub color: Color,
    pub heading_color: Color,
    /// Heading sizes for levels 1..=4, in points.
    pub heading_sizes: [f32; 4],
    /// Space after a paragraph, in mm.
    pub paragraph_spacing_mm: f32,
    /// Default paragraph alignment.
    pub align: Align,
    /// Fill of the table header row.
    pub table_header_fill: Color,
}

impl Default for DocStyle {
    fn default() -> Self {
        DocStyle {
            family: FontFamily::Serif,
            heading_family: FontFamily::Sans,
            size: 10.5,
            line_height: 1.35,
            color: Color::BLACK,
            heading_color: Color::Rgb(0.55, 0.07, 0.12),
            heading_sizes: [20.0, 15.0, 12.5, 11.0],
            paragraph_spacing_mm: 2.5,
            align: Align::Justify,
            table_header_fill: Color::Gray(0.9),
        }
    }
}

/// A flowing document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub title: String,
    pub lang: Lang,
    pub page: PageSetup,
    pub style: DocStyle,
    pub blocks: Vec<Block>,
}
