//! Images for print: JPEG passthrough, lossless PNG with soft mask, EXIF orientation, placement.

use std::io::Write;

use crate::TypesetError;

/// The encoded format of an [`ImageData`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Jpeg,
    Png,
}

/// EXIF orientation (1..=8). The caller reads it (the core strips EXIF on import and keeps the
/// value); anything outside 1..=8 means "upright" (1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Orientation(u8);

impl Orientation {
    pub const UPRIGHT: Orientation = Orientation(1);
    pub fn new(exif: u8) -> Orientation {
        if (1..=8).contains(&exif) {
            Orientation(exif)
        } else {
            Orientation(1)
        }
    }
    pub fn value(self) -> u8 {
        self.0.max(1)
    }
    /// Orientations 5..=8 turn the image a quarter: width and height swap.
    pub fn swaps_axes(self) -> bool {
        self.value() >= 5
    }
}

/// A crop or focus rectangle in 0..1 of the *upright* image, from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CropRect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl CropRect {
    pub const FULL: CropRect = CropRect { x: 0.0, y: 0.0, w: 1.0, h: 1.0 };

    /// Clamped into the unit square with a minimum size, so any input is usable.
    fn sanitized(self) -> CropRect {
        let f = |v: f32, d: f32| if v.is_finite() { v } else { d };
        let w = f(self.w, 1.0).clamp(0.01, 1.0);
        let h = f(self.h, 1.0).clamp(0.01, 1.0);
        CropRect { x: f(self.x, 0.0).clamp(0.0, 1.0 - w), y: f(self.y, 0.0).clamp(0.0, 1.0 - h), w, h }
    }
}

/// How an image fills its box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ImageFit {
    /// The whole image, as large as fits, centred (letterboxed).
    Contain,
    /// The crop region scaled to cover the whole box, centred on the crop's centre, clipped to
    /// the box. `CropRect::FULL` is a classic centred "cover".
    Cover(CropRect),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Payload {
    /// The file itself, embedded as is.
    Jpeg { components: u8, adobe_transform: Option<u8> },
    /// Deflated planes, ready for the PDF.
    Png { color_space: &'static str, bpc: u8, color: Vec<u8>, alpha: Option<Vec<u8>> },
}

/// An image ready to embed. Build once, share through `Arc` between blocks and pages: each
/// distinct `Arc` becomes one XObject however often it is placed.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageData {
    pub format: ImageFormat,
    /// Stored pixel size (before orientation).
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
    pub(crate) bytes: Vec<u8>,
    pub(crate) payload: Payload,
}

/// Refuse pixel counts that would take gigabytes to decode (PNG) or that no printer needs.
const MAX_PIXELS: u64 = 200_000_000;

impl ImageData {
    /// Detects JPEG or PNG from the bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<ImageData, TypesetError> {
        if bytes.starts_with(&[0xFF, 0xD8]) {
            ImageData::jpeg(bytes)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            ImageData::png(&bytes)
        } else {
            Err(TypesetError::Image("neither JPEG nor PNG".into()))
        }
    }

    pub fn with_orientation(mut self, o: Orientation) -> ImageData {
        self.orientation = o;
        self
    }

    /// Pixel size after orientation (what a viewer shows).
    pub fn upright_size(&self) -> (u32, u32) {
        if self.orientation.swaps_axes() {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }

    /// A JPEG, kept byte for byte. Only the headers are read (size, components, Adobe marker).
    pub fn jpeg(bytes: Vec<u8>) -> Result<ImageData, TypesetError> {
        let h = parse_jpeg_header(&bytes)?;
        Ok(ImageData {
            format: ImageFormat::Jpeg,
            width: h.width,
            height: h.height,
            orientation: Orientation::UPRIGHT,
            payload: Payload::Jpeg { components: h.components, adobe_transform: h.adobe_transform },
            bytes,
        })
    }

    /// A PNG, decoded and stored losslessly (Flate), alpha as a soft mask. 16-bit stays 16-bit.
    pub fn png(bytes: &[u8]) -> Result<ImageData, TypesetError> {
        let err = |e: png::DecodingError| TypesetError::Image(format!("PNG: {e}"));
        let mut dec = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), png::Limits { bytes: 1 << 30 });
        dec.set_transformations(png::Transformations::EXPAND);
        let mut reader = dec.read_info().map_err(err)?;
        let (w, h) = (reader.info().width, reader.info().height);
        if w == 0 || h == 0 || w as u64 * h as u64 > MAX_PIXELS {
            return Err(TypesetError::Image(format!("PNG of {w}x{h} pixels refused")));
        }
        let size = reader.output_buffer_size().ok_or_else(|| TypesetError::Image("PNG too large".into()))?;
        let mut buf = vec![0; size];
        let info = reader.next_frame(&mut buf).map_err(err)?;
        buf.truncate(info.buffer_size());
        let bps = match info.bit_depth {
            png::BitDepth::Sixteen => 2,
            _ => 1,
        };
        let (color_space, channels, has_alpha) = match info.color_type {
            png::ColorType::Grayscale => ("DeviceGray", 1, false),
            png::ColorType::GrayscaleAlpha => ("DeviceGray", 2, true),
            png::ColorType::Rgb => ("DeviceRGB", 3, false),
            png::ColorType::Rgba => ("DeviceRGB", 4, true),
            // EXPAND turns palettes into RGB(A); anything else is a decoder surprise.
            png::ColorType::Indexed => return Err(TypesetError::Image("PNG palette not expanded".into())),
        };
        let (color, alpha) = if has_alpha {
            let px = channels * bps;
            let cbytes = (channels - 1) * bps;
            let mut color = Vec::with_capacity(buf.len() / channels * (channels - 1));
            let mut alpha = Vec::with_capacity(buf.len() / channels);
            // Rows are tightly packed after EXPAND at 8/16 bits: no per-row padding to skip.
            for p in buf.chunks_exact(px) {
                color.extend_from_slice(&p[..cbytes]);
                alpha.extend_from_slice(&p[cbytes..]);
            }
            // A fully opaque alpha channel is dropped: no soft mask, smaller file.
            let opaque =
                if bps == 1 { alpha.iter().all(|&a| a == 255) } else { alpha.chunks_exact(2).all(|a| a == [255, 255]) };
            (color, if opaque { None } else { Some(alpha) })
        } else {
            (buf, None)
        };
        Ok(ImageData {
            format: ImageFormat::Png,
            width: w,
            height: h,
            orientation: Orientation::UPRIGHT,
            bytes: Vec::new(),
            payload: Payload::Png {
                color_space,
                bpc: (bps * 8) as u8,
                color: deflate(&color),
                alpha: alpha.as_deref().map(deflate),
            },
        })
    }

    /// The PDF image XObject for this image.
    pub(crate) fn to_xobject(&self) -> printpdf::ExternalXObject {
        use printpdf::DictItem as D;
        use std::collections::BTreeMap;
        let name = |s: &str| D::Name(s.as_bytes().to_vec());
        let mut dict: BTreeMap<String, D> = BTreeMap::new();
        dict.insert("Type".into(), name("XObject"));
        dict.insert("Subtype".into(), name("Image"));
        dict.insert("Width".into(), D::Int(self.width as i64));
        dict.insert("Height".into(), D::Int(self.height as i64));
        let content = match &self.payload {
            Payload::Jpeg { components, adobe_transform } => {
                let cs = match components {
                    1 => "DeviceGray",
                    4 => "DeviceCMYK",
                    _ => "DeviceRGB",
                };
                dict.insert("ColorSpace".into(), name(cs));
                dict.insert("BitsPerComponent".into(), D::Int(8));
                dict.insert("Filter".into(), name("DCTDecode"));
                if *components == 4 && adobe_transform.is_some() {
                    // Photoshop (and everything that writes the Adobe APP14 marker) stores CMYK
                    // inverted; PDF readers expect the Decode array to undo it.
                    dict.insert(
                        "Decode".into(),
                        D::Array([1, 0, 1, 0, 1, 0, 1, 0].iter().map(|&v| D::Int(v)).collect()),
                    );
                }
                if let Some(t) = adobe_transform {
                    // Make the colour transform explicit: APP14 says whether the data is YCbCr/YCCK.
                    let mut p = BTreeMap::new();
                    p.insert("ColorTransform".into(), D::Int((*t).min(1) as i64));
                    dict.insert("DecodeParms".into(), D::Dict { map: p });
                }
                self.bytes.clone()
            }
            Payload::Png { color_space, bpc, color, alpha } => {
                dict.insert("ColorSpace".into(), name(color_space));
                dict.insert("BitsPerComponent".into(), D::Int(*bpc as i64));
                dict.insert("Filter".into(), name("FlateDecode"));
                if let Some(a) = alpha {
                    let mut m: BTreeMap<String, D> = BTreeMap::new();
                    m.insert("Type".into(), name("XObject"));
                    m.insert("Subtype".into(), name("Image"));
                    m.insert("Width".into(), D::Int(self.width as i64));
                    m.insert("Height".into(), D::Int(self.height as i64));
                    m.insert("ColorSpace".into(), name("DeviceGray"));
                    m.insert("BitsPerComponent".into(), D::Int(*bpc as i64));
                    m.insert("Filter".into(), name("FlateDecode"));
                    // printpdf hoists nested streams into indirect objects, as PDF requires.
                    dict.insert(
                        "SMask".into(),
                        D::Stream { stream: printpdf::ExternalStream { dict: m, content: a.clone(), compress: false } },
                    );
                }
                color.clone()
            }
        };
        printpdf::ExternalXObject {
            // compress: false — the content is already encoded (DCT or Flate); never re-encode.
            stream: printpdf::ExternalStream { dict, content, compress: false },
            width: None,
            height: None,
            dpi: None,
        }
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 2), flate2::Compression::new(6));
    // Writing into a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

struct JpegHeader {
    width: u32,
    height: u32,
    components: u8,
    adobe_transform: Option<u8>,
}

/// Reads the JPEG markers up to the frame header. Hand-written because decoding the image (all we
/// would get from a decoder crate) is exactly what must not happen to a 24 MP photo.
fn parse_jpeg_header(b: &[u8]) -> Result<JpegHeader, TypesetError> {
    let bad = |m: &str| TypesetError::Image(format!("JPEG: {m}"));
    if !b.starts_with(&[0xFF, 0xD8]) {
        return Err(bad("no SOI marker"));
    }
    let mut i = 2;
    let mut adobe = None;
    loop {
        // Markers may be preceded by fill bytes 0xFF.
        if i >= b.len() || b[i] != 0xFF {
            return Err(bad("truncated or corrupt before the frame header"));
        }
        while i < b.len() && b[i] == 0xFF {
            i += 1;
        }
        let m = *b.get(i).ok_or_else(|| bad("truncated"))?;
        i += 1;
        if m == 0xD8 || m == 0x01 || (0xD0..=0xD7).contains(&m) {
            continue;
        }
        if m == 0xD9 || m == 0xDA {
            return Err(bad("no frame header before the scan"));
        }
        let len = b.get(i..i + 2).map(|s| u16::from_be_bytes([s[0], s[1]]) as usize).ok_or_else(|| bad("truncated"))?;
        if len < 2 || i + len > b.len() {
            return Err(bad("segment runs past the end"));
        }
        let seg = &b[i + 2..i + len];
        if m == 0xEE && seg.len() >= 12 && seg.starts_with(b"Adobe") {
            adobe = Some(seg[11]);
        }
        let is_sof = (0xC0..=0xCF).contains(&m) && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if is_sof {
            if seg.len() < 6 {
                return Err(bad("short frame header"));
            }
            let precision = seg[0];
            let height = u16::from_be_bytes([seg[1], seg[2]]) as u32;
            let width = u16::from_be_bytes([seg[3], seg[4]]) as u32;
            let components = seg[5];
            if precision != 8 {
                return Err(bad("only 8-bit JPEGs can go into a PDF unchanged"));
            }
            if width == 0 || height == 0 {
                return Err(bad("zero size (DNL-defined heights are not supported)"));
            }
            if !matches!(components, 1 | 3 | 4) {
                return Err(bad("unsupported number of components"));
            }
            return Ok(JpegHeader { width, height, components, adobe_transform: adobe });
        }
        i += len;
    }
}

/// Where an image lands: the whole upright image's rectangle and the visible (clip) rectangle,
/// both in layout coordinates (points, y downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fitted {
    pub image: [f32; 4],
    pub visible: [f32; 4],
    pub clip: bool,
}

pub(crate) fn fit(img: &ImageData, bx: [f32; 4], mode: ImageFit) -> Fitted {
    let (uw, uh) = img.upright_size();
    let (iw, ih) = (uw.max(1) as f32, uh.max(1) as f32);
    let [x, y, w, h] = bx;
    match mode {
        ImageFit::Contain => {
            let s = (w / iw).min(h / ih);
            let (pw, ph) = (iw * s, ih * s);
            let r = [x + (w - pw) / 2.0, y + (h - ph) / 2.0, pw, ph];
            Fitted { image: r, visible: r, clip: false }
        }
        ImageFit::Cover(crop) => {
            let c = crop.sanitized();
            let s = (w / (c.w * iw)).max(h / (c.h * ih));
            let (pw, ph) = (iw * s, ih * s);
            // Centre the crop's centre in the box, then slide so the image still covers the box.
            let mut ix = x + w / 2.0 - (c.x + c.w / 2.0) * pw;
            let mut iy = y + h / 2.0 - (c.y + c.h / 2.0) * ph;
            ix = ix.min(x).max(x + w - pw);
            iy = iy.min(y).max(y + h - ph);
            Fitted { image: [ix, iy, pw, ph], visible: bx, clip: true }
        }
    }
}

/// The PDF `cm` matrix drawing the stored image (unit square) upright into the rectangle whose
/// lower-left corner is (x, y) in PDF coordinates. Derivation: for each EXIF orientation, the
/// upright unit coordinates (u, v) are an affine function of the stored (s, t), both y-up; the
/// page point is (x + u·w, y + v·h).
pub(crate) fn orientation_matrix(o: Orientation, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
    // (u = α s + β t + γ, v = δ s + ε t + ζ)
    let (al, be, ga, de, ep, ze) = match o.value() {
        2 => (-1.0, 0.0, 1.0, 0.0, 1.0, 0.0),
        3 => (-1.0, 0.0, 1.0, 0.0, -1.0, 1.0),
        4 => (1.0, 0.0, 0.0, 0.0, -1.0, 1.0),
        5 => (0.0, -1.0, 1.0, -1.0, 0.0, 1.0),
        6 => (0.0, 1.0, 0.0, -1.0, 0.0, 1.0),
        7 => (0.0, 1.0, 0.0, 1.0, 0.0, 0.0),
        8 => (0.0, -1.0, 1.0, 1.0, 0.0, 0.0),
        _ => (1.0, 0.0, 0.0, 0.0, 1.0, 0.0),
    };
    [al * w, de * h, be * w, ep * h, x + ga * w, y + ze * h]
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn tiny_jpeg(components: u8, adobe: bool, w: u16, h: u16) -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8];
        if adobe {
            v.extend_from_slice(&[0xFF, 0xEE, 0, 14]);
            v.extend_from_slice(b"Adobe\x00\x64\x00\x00\x00\x00\x02");
        }
        v.extend_from_slice(&[0xFF, 0xC0, 0, 8 + 3 * components as u16 as u8, 8]);
        v.extend_from_slice(&h.to_be_bytes());
        v.extend_from_slice(&w.to_be_bytes());
        v.push(components);
        for c in 0..components {
            v.extend_from_slice(&[c + 1, 0x11, 0]);
        }
        v.extend_from_slice(&[0xFF, 0xD9]);
        v
    }

    #[test]
    fn jpeg_header_is_read_without_decoding() {
        let img = ImageData::from_bytes(tiny_jpeg(4, true, 6000, 4000)).unwrap();
        assert_eq!((img.width, img.height), (6000, 4000));
        assert_eq!(img.payload, Payload::Jpeg { components: 4, adobe_transform: Some(2) });
        assert!(ImageData::from_bytes(vec![0xFF, 0xD8, 0xFF]).is_err());
        assert!(ImageData::from_bytes(b"GIF89a".to_vec()).is_err());
        assert!(ImageData::from_bytes(vec![]).is_err());
    }

    #[test]
    fn orientation_matrices_map_the_upright_corners_into_the_box() {
        // Upright top-left corner of the picture must land at the box's top-left for every
        // orientation; we track where each stored corner goes.
        let apply = |m: [f32; 6], s: f32, t: f32| (m[0] * s + m[2] * t + m[4], m[1] * s + m[3] * t + m[5]);
        for o in 1..=8u8 {
            let m = orientation_matrix(Orientation::new(o), 10.0, 20.0, 100.0, 50.0);
            let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)];
            for (s, t) in corners {
                let (px, py) = apply(m, s, t);
                assert!([10.0, 110.0].iter().any(|v| (px - v).abs() < 1e-4), "o={o}: x {px}");
                assert!([20.0, 70.0].iter().any(|v| (py - v).abs() < 1e-4), "o={o}: y {py}");
            }
        }
        // Orientation 6 (camera turned clockwise): the stored top-left pixel is upright top-right.
        let m = orientation_matrix(Orientation::new(6), 0.0, 0.0, 1.0, 1.0);
        assert_eq!(apply(m, 0.0, 1.0), (1.0, 1.0));
        // Orientation 8: stored top-left is upright bottom-left.
        let m = orientation_matrix(Orientation::new(8), 0.0, 0.0, 1.0, 1.0);
        assert_eq!(apply(m, 0.0, 1.0), (0.0, 0.0));
    }

    #[test]
    fn cover_fills_the_box_and_contain_fits_inside() {
        let img = ImageData::from_bytes(tiny_jpeg(3, false, 4000, 3000)).unwrap();
        let f = fit(&img, [0.0, 0.0, 100.0, 100.0], ImageFit::Contain);
        assert!((f.image[2] - 100.0).abs() < 1e-3 && (f.image[3] - 75.0).abs() < 1e-3);
        let c = fit(&img, [0.0, 0.0, 100.0, 100.0], ImageFit::Cover(CropRect { x: 0.0, y: 0.0, w: 0.25, h: 1.0 }));
        assert!(c.image[0] <= 0.0 && c.image[0] + c.image[2] >= 100.0 - 1e-3);
        assert!(c.image[1] <= 0.0 && c.image[1] + c.image[3] >= 100.0 - 1e-3);
        // Focus on the left edge: the image is slid right as far as it can go.
        assert!(c.image[0].abs() < 1e-3);
        let rotated = img.clone().with_orientation(Orientation::new(6));
        assert_eq!(rotated.upright_size(), (3000, 4000));
    }
}
