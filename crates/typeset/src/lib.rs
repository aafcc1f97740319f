//! Print-grade typesetting for Libertas Dossier.
//!
//! This crate knows nothing about detainees or databases. It turns a document model into PDF bytes:
//!
//! * [`Document`]: flowing pages (agreements, fact sheets, press releases, press kits) made of
//!   [`Block`]s: headings, justified and hyphenated paragraphs, lists with check boxes, tables with
//!   a repeated header row, images, a table of contents, columns (signature blocks), with running
//!   header and footer ("page X / Y"). [`markdown_to_blocks`] builds blocks from Markdown.
//! * [`Canvas`]: absolutely positioned pages with bleed and crop marks for roll-up banners and
//!   posters (CMYK rectangles, auto-shrinking text boxes, photos with crop, vector QR codes).
//!
//! Text is shaped with rustybuzz (kerning, ligatures), broken with unicode-linebreak, hyphenated
//! with hypher (French or English) and written as glyph ids through printpdf's low-level ops
//! with a ToUnicode map, so copy-paste works. Fonts are Noto (OFL), compiled in and embedded as
//! subsets; Armenian text falls back to Noto Sans/Serif Armenian run by run.
//!
//! JPEG photos are embedded byte for byte (`/DCTDecode`), never decoded or downscaled.
//!
//! [`render_canvas_pdfx`] and [`render_pdfx`] write PDF/X-4 files for a printing condition given
//! as a [`PdfX`] (a CMYK output profile and an sRGB profile): OutputIntent, ICC-tagged RGB, XMP
//! metadata, identifiers (see the `pdfx` module for what is written and what was checked).
//!
//! Every entry point returns a [`Layout`] report (pages, placed images with their pixel size and
//! effective ppi, text boxes, fonts) so callers can run a preflight.

mod canvas;
mod document;
mod fonts;
mod image;
mod markdown;
mod model;
mod paragraph;
mod pdf;
mod pdfx;
mod shaping;

pub use canvas::{Canvas, CanvasItem, CanvasPage, QrCode, TextBox, VAlign};
pub use fonts::{FontFamily, Fonts};
pub use image::{frame, CropRect, FrameAspect, Framing, ImageData, ImageFit, ImageFormat, Orientation};
pub use markdown::{markdown_to_blocks, MarkdownOptions};
pub use model::{
    Align, Block, CellAlign, Color, Column, DocStyle, Document, Lang, ListItem, ListKind, MmRect, PageSetup, Span,
    Table, SUPERSCRIPT_RISE, SUPERSCRIPT_SCALE,
};
pub use pdfx::PdfX;

/// Everything that can go wrong while typesetting. Layout problems that a human can fix (text that
/// does not fit, a low-resolution photo) are not errors: they are reported in [`Layout`].
#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    /// The bytes given as an image are neither a JPEG nor a PNG this crate can embed.
    #[error("unsupported or corrupt image: {0}")]
    Image(String),
    /// Markdown referenced an image the caller's resolver does not know.
    #[error("unknown image referenced from markdown: {name}")]
    UnknownImage { name: String },
    /// A page or box size that cannot be printed (zero, negative, not finite, or absurdly large).
    #[error("invalid geometry: {0}")]
    Geometry(String),
    /// A QR code could not be built (typically: data too long for a QR code).
    #[error("QR code: {0}")]
    Qr(String),
    /// Font subsetting or embedding failed.
    #[error("font embedding failed for {font}: {reason}")]
    Font { font: String, reason: String },
    /// The PDF writer failed.
    #[error("PDF writing failed: {0}")]
    Pdf(String),
}

/// Millimetres to PDF points.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;

#[inline]
pub(crate) fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// What was placed where: the preflight report returned with every PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Number of pages in the PDF.
    pub page_count: usize,
    /// Every placed image, in placement order.
    pub images: Vec<PlacedImage>,
    /// Every canvas text box (flow documents report none).
    pub text_boxes: Vec<PlacedTextBox>,
    /// PostScript names of the fonts embedded (each as a subset).
    pub fonts: Vec<String>,
    /// For flow documents: the page (1-based) of each heading listed in the table of contents.
    pub headings: Vec<(String, usize)>,
}

/// One placed image. Rectangles are in millimetres from the top-left corner of the page's trim
/// box (for a canvas) or of the page (for a flow document), y downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedImage {
    /// 1-based page number.
    pub page: usize,
    /// Pixel size of the image as stored (before EXIF orientation).
    pub pixel_width: u32,
    pub pixel_height: u32,
    /// The visible (clipped) area on the page.
    pub visible_mm: MmRect,
    /// Where the whole upright image lands (larger than `visible_mm` when cropped).
    pub image_mm: MmRect,
    /// Effective resolution at print size, in pixels per inch (the lower of both axes).
    pub effective_ppi: f32,
}

/// One canvas text box after fitting.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedTextBox {
    pub page: usize,
    pub rect_mm: MmRect,
    /// The font size finally used (after auto-shrink), in points.
    pub font_size_pt: f32,
    /// True when the text still did not fit at the minimum size (it is drawn anyway, clipped).
    pub overflow: bool,
}

/// A PDF and its layout report.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub layout: Layout,
}

/// Typesets a flowing document into PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, TypesetError> {
    Ok(render_with_layout(doc)?.pdf)
}

/// Typesets a flowing document and returns the PDF with its layout report.
pub fn render_with_layout(doc: &Document) -> Result<Rendered, TypesetError> {
    document::render_document(doc, None)
}

/// Typesets a flowing document as a PDF/X-4 file prepared for the printing condition `pdfx`.
pub fn render_pdfx(doc: &Document, pdfx: &PdfX<'_>) -> Result<Rendered, TypesetError> {
    document::render_document(doc, Some(pdfx))
}

/// Renders an absolutely positioned canvas (banner, poster) into PDF bytes.
pub fn render_canvas(canvas: &Canvas) -> Result<Vec<u8>, TypesetError> {
    Ok(render_canvas_with_layout(canvas)?.pdf)
}

/// Renders a canvas and returns the PDF with its layout report.
pub fn render_canvas_with_layout(canvas: &Canvas) -> Result<Rendered, TypesetError> {
    canvas::render_canvas(canvas, None)
}

/// Renders a canvas as a PDF/X-4 file prepared for the printing condition `pdfx` (see [`PdfX`]).
pub fn render_canvas_pdfx(canvas: &Canvas, pdfx: &PdfX<'_>) -> Result<Rendered, TypesetError> {
    canvas::render_canvas(canvas, Some(pdfx))
}
