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
    /// The box shows what [`frame`] gives for this crop and the box's shape: the crop scaled to
    /// cover the box, centred on the crop's centre, clipped to the box. `CropRect::FULL` is a
    /// classic centred "cover".
    Cover(CropRect),
}

/// The shape of the frame a photo is drawn into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FrameAspect {
    /// A frame of this width / height, set by the layout (a banner's photo zone, a social card).
    Fixed(f32),
    /// A frame shaped like the crop itself (the whole upright image without a crop): flowing
    /// documents, where a photo's height follows from its width (fact sheets, press-kit cards).
    Natural,
}

/// What to draw of a photo in its frame: the region of the upright image the frame shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Framing {
    /// The visible region, in 0..1 of the upright image from its top-left corner. Always inside the
    /// image, and (in pixels) of the frame's shape.
    pub region: CropRect,
    /// The frame's width / height, which is the region's in upright pixels.
    pub aspect: f32,
    /// The upright image's size in pixels.
    pub upright: (u32, u32),
}

impl Framing {
    /// The region in upright pixels (x, y, width, height), at least one pixel and inside the image:
    /// what a raster renderer crops before scaling.
    pub fn pixels(&self) -> (u32, u32, u32, u32) {
        let (uw, uh) = (self.upright.0.max(1), self.upright.1.max(1));
        let r = self.region;
        let x = ((r.x * uw as f32).round() as u32).min(uw - 1);
        let y = ((r.y * uh as f32).round() as u32).min(uh - 1);
        let w = ((r.w * uw as f32).round() as u32).clamp(1, uw - x);
        let h = ((r.h * uh as f32).round() as u32).clamp(1, uh - y);
        (x, y, w, h)
    }

    /// Whether the frame shows the whole image (nothing to clip).
    pub fn is_whole(&self) -> bool {
        let r = self.region;
        r.x <= 1e-6 && r.y <= 1e-6 && r.w >= 1.0 - 1e-6 && r.h >= 1.0 - 1e-6
    }

    /// Where the whole upright image lands so that the region fills `frame` ([x, y, w, h], any unit).
    pub(crate) fn image_rect(&self, frame: [f32; 4]) -> [f32; 4] {
        let [x, y, w, h] = frame;
        let (pw, ph) = (w / self.region.w, h / self.region.h);
        [x - self.region.x * pw, y - self.region.y * ph, pw, ph]
    }
}

/// The one framing of a photo, for every document that prints one: from the stored pixel size,
/// the EXIF orientation, the crop (0..1 of the upright image; `None`: the whole image) and the
/// frame's shape, the region of the upright image to draw. The crop is scaled to *cover* the frame
/// (the frame is filled, and shows nothing outside the crop), centred on the crop's centre; a
/// `Natural` frame shows exactly the crop. An unusable crop is clamped into the image (at least 1 %
/// of each side), an unusable aspect (zero, negative, not finite) is taken as `Natural`.
pub fn frame(stored: (u32, u32), orientation: Orientation, crop: Option<CropRect>, aspect: FrameAspect) -> Framing {
    let upright = if orientation.swaps_axes() { (stored.1, stored.0) } else { stored };
    let (iw, ih) = (upright.0.max(1) as f32, upright.1.max(1) as f32);
    let c = crop.unwrap_or(CropRect::FULL).sanitized();
    let (cw, ch) = (c.w * iw, c.h * ih);
    let natural = cw / ch;
    let a = match aspect {
        FrameAspect::Fixed(a) if a.is_finite() && a > 0.0 => a,
        _ => natural,
    };
    // The largest region of the frame's shape inside the crop, centred on the crop's centre.
    let (vw, vh) = if natural > a { (ch * a, ch) } else { (cw, cw / a) };
    let (vw, vh) = (vw / iw, vh / ih);
    let region = CropRect {
        x: (c.x + (c.w - vw) / 2.0).clamp(0.0, 1.0 - vw),
        y: (c.y + (c.h - vh) / 2.0).clamp(0.0, 1.0 - vh),
        w: vw,
        h: vh,
    };
    Framing { region, aspect: a, upright }
}

impl ImageData {
    /// [`frame`] for this image (its stored size and orientation).
    pub fn frame(&self, crop: Option<CropRect>, aspect: FrameAspect) -> Framing {
        frame((self.width, self.height), self.orientation, crop, aspect)
    }
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
    /// The ICC profile the file carries (JPEG APP2, PNG iCCP) when it is well formed and describes
    /// the image's colour space. Only PDF/X output uses it (an `/ICCBased` colour space); other
    /// documents keep the device colour space they always had.
    pub(crate) icc: Option<Vec<u8>>,
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
            icc: h.icc.filter(|p| icc_fits(p, h.components)),
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
        let icc = reader.info().icc_profile.as_deref().map(<[u8]>::to_vec);
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
            icc: icc.filter(|p| icc_fits(p, (channels - has_alpha as usize) as u8)),
        })
    }

    /// The number of colour components (1 gray, 3 RGB, 4 CMYK).
    pub(crate) fn components(&self) -> u8 {
        match &self.payload {
            Payload::Jpeg { components, .. } => *components,
            Payload::Png { color_space: "DeviceGray", .. } => 1,
            Payload::Png { .. } => 3,
        }
    }

    /// Whether the image is drawn through a soft mask (a PNG with transparency).
    pub(crate) fn has_alpha(&self) -> bool {
        matches!(&self.payload, Payload::Png { alpha: Some(_), .. })
    }

    /// The embedded ICC profile, if the file carries a well-formed one for its colour space.
    pub(crate) fn icc_profile(&self) -> Option<&[u8]> {
        self.icc.as_deref()
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
    /// The ICC profile reassembled from its APP2 chunks (in sequence order), if they are complete.
    icc: Option<Vec<u8>>,
}

/// Whether `p` is a well-formed ICC profile (declared size, `acsp` signature) whose data colour space
/// has `components` channels: only then may it describe the image in an `/ICCBased` colour space.
pub(crate) fn icc_fits(p: &[u8], components: u8) -> bool {
    if p.len() < 132 || &p[36..40] != b"acsp" || u32::from_be_bytes([p[0], p[1], p[2], p[3]]) as usize != p.len() {
        return false;
    }
    matches!((&p[16..20], components), (b"GRAY", 1) | (b"RGB ", 3) | (b"CMYK", 4))
}

/// Joins ICC chunks `(sequence, count, data)`: numbered 1..=count, each once, all of the same count.
fn join_icc(mut chunks: Vec<(u8, u8, &[u8])>) -> Option<Vec<u8>> {
    let count = chunks.first()?.1;
    chunks.sort_by_key(|c| c.0);
    let complete =
        chunks.len() == count as usize && chunks.iter().enumerate().all(|(i, c)| c.0 as usize == i + 1 && c.1 == count);
    complete.then(|| chunks.iter().flat_map(|c| c.2.iter().copied()).collect())
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
    let mut icc: Vec<(u8, u8, &[u8])> = Vec::new();
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
        if m == 0xE2 && seg.len() > 14 && seg.starts_with(b"ICC_PROFILE\0") {
            icc.push((seg[12], seg[13], &seg[14..]));
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
            return Ok(JpegHeader { width, height, components, adobe_transform: adobe, icc: join_icc(icc) });
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
            let f = img.frame(Some(crop), FrameAspect::Fixed(w / h));
            Fitted { image: f.image_rect(bx), visible: bx, clip: true }
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

    fn close(a: CropRect, b: CropRect) -> bool {
        [(a.x, b.x), (a.y, b.y), (a.w, b.w), (a.h, b.h)].iter().all(|(p, q)| (p - q).abs() < 1e-4)
    }

    const TOP_RIGHT: CropRect = CropRect { x: 0.5, y: 0.0, w: 0.5, h: 0.5 };

    #[test]
    fn framing_without_a_crop_is_the_whole_photo_or_a_centred_cover() {
        // Natural: the whole upright image in its own shape (what flowing cards always printed).
        let f = frame((4000, 3000), Orientation::UPRIGHT, None, FrameAspect::Natural);
        assert!(close(f.region, CropRect::FULL) && f.is_whole());
        assert!((f.aspect - 4.0 / 3.0).abs() < 1e-6);
        // Turned a quarter by its orientation, the photo is portrait.
        let f = frame((4000, 3000), Orientation::new(6), None, FrameAspect::Natural);
        assert!((f.aspect - 0.75).abs() < 1e-6 && f.upright == (3000, 4000));
        // Fixed: a centred cover (what banners always printed): a square frame shows the middle 3000 × 3000.
        let f = frame((4000, 3000), Orientation::UPRIGHT, None, FrameAspect::Fixed(1.0));
        assert!(close(f.region, CropRect { x: 0.125, y: 0.0, w: 0.75, h: 1.0 }), "{f:?}");
        assert_eq!(f.pixels(), (500, 0, 3000, 3000));
        let f = frame((4000, 3000), Orientation::new(8), None, FrameAspect::Fixed(1.0));
        assert!(close(f.region, CropRect { x: 0.0, y: 0.125, w: 1.0, h: 0.75 }), "{f:?}");
    }

    #[test]
    fn framing_a_crop_depends_on_the_orientation() {
        // The crop is in upright coordinates: the same rectangle is landscape on an upright 4000 × 3000 photo and
        // portrait on the same pixels stored sideways (orientations 5 to 8).
        let up = frame((4000, 3000), Orientation::UPRIGHT, Some(TOP_RIGHT), FrameAspect::Natural);
        assert!(close(up.region, TOP_RIGHT));
        assert!((up.aspect - 2000.0 / 1500.0).abs() < 1e-5, "{up:?}");
        assert_eq!(up.pixels(), (2000, 0, 2000, 1500));
        for o in 5..=8 {
            let side = frame((4000, 3000), Orientation::new(o), Some(TOP_RIGHT), FrameAspect::Natural);
            assert!(close(side.region, TOP_RIGHT));
            assert!((side.aspect - 1500.0 / 2000.0).abs() < 1e-5, "orientation {o}: {side:?}");
            assert_eq!(side.pixels(), (1500, 0, 1500, 2000));
        }
        // Orientations 2 to 4 mirror or turn half: the shape stays.
        for o in 2..=4 {
            let f = frame((4000, 3000), Orientation::new(o), Some(TOP_RIGHT), FrameAspect::Natural);
            assert!((f.aspect - up.aspect).abs() < 1e-6, "orientation {o}");
        }
        // ImageData::frame reads the stored size and orientation of the image itself.
        let img = ImageData::from_bytes(tiny_jpeg(3, false, 4000, 3000)).unwrap().with_orientation(Orientation::new(6));
        assert_eq!(
            img.frame(Some(TOP_RIGHT), FrameAspect::Natural),
            frame((4000, 3000), Orientation::new(6), Some(TOP_RIGHT), FrameAspect::Natural)
        );
    }

    #[test]
    fn a_crop_of_another_shape_than_the_frame_covers_it_from_its_centre() {
        // Upright 3000 × 4000; the top-right quadrant is 1500 × 2000 (portrait, 0.75).
        let o = Orientation::new(6);
        // A wide frame (2:1) takes the crop's full width and 750 pixels of its height, around its centre.
        let f = frame((4000, 3000), o, Some(TOP_RIGHT), FrameAspect::Fixed(2.0));
        assert!(close(f.region, CropRect { x: 0.5, y: 0.15625, w: 0.5, h: 0.1875 }), "{f:?}");
        assert_eq!(f.pixels(), (1500, 625, 1500, 750));
        // A tall frame (1:2) takes its full height and 1000 pixels of its width.
        let f = frame((4000, 3000), o, Some(TOP_RIGHT), FrameAspect::Fixed(0.5));
        assert!(close(f.region, CropRect { x: 0.5 + 1.0 / 12.0, y: 0.0, w: 1.0 / 3.0, h: 0.5 }), "{f:?}");
        assert_eq!(f.pixels(), (1750, 0, 1000, 2000));
        // The same shape as the crop: exactly the crop, as `Natural` gives.
        let f = frame((4000, 3000), o, Some(TOP_RIGHT), FrameAspect::Fixed(0.75));
        assert!(close(f.region, TOP_RIGHT));
        // An unusable aspect is the crop's own.
        for bad in [0.0, -1.0, f32::NAN, f32::INFINITY] {
            let f = frame((4000, 3000), o, Some(TOP_RIGHT), FrameAspect::Fixed(bad));
            assert!(close(f.region, TOP_RIGHT) && (f.aspect - 0.75).abs() < 1e-5, "{bad}: {f:?}");
        }
    }

    #[test]
    fn crops_at_the_border_tiny_or_out_of_range_stay_inside_the_image() {
        // Touching the bottom-right corner: the region ends exactly at the image's edges.
        let corner = CropRect { x: 0.8, y: 0.8, w: 0.2, h: 0.2 };
        let f = frame((1000, 1000), Orientation::UPRIGHT, Some(corner), FrameAspect::Natural);
        assert!(close(f.region, corner));
        assert_eq!(f.pixels(), (800, 800, 200, 200));
        let f = frame((1000, 1000), Orientation::UPRIGHT, Some(corner), FrameAspect::Fixed(2.0));
        assert!(close(f.region, CropRect { x: 0.8, y: 0.85, w: 0.2, h: 0.1 }), "{f:?}");
        // Touching the top-left corner, and the whole width.
        let band = CropRect { x: 0.0, y: 0.0, w: 1.0, h: 0.1 };
        let f = frame((1000, 1000), Orientation::UPRIGHT, Some(band), FrameAspect::Fixed(1.0));
        assert!(close(f.region, CropRect { x: 0.45, y: 0.0, w: 0.1, h: 0.1 }), "{f:?}");
        // Past the edge (as a rounding editor might send): slid back inside.
        let past = CropRect { x: 0.9, y: 0.95, w: 0.2, h: 0.1 };
        let f = frame((1000, 1000), Orientation::UPRIGHT, Some(past), FrameAspect::Natural);
        assert!(close(f.region, CropRect { x: 0.8, y: 0.9, w: 0.2, h: 0.1 }), "{f:?}");
        // Tiny: at least 1 % of each side, and at least one pixel however small the image.
        let tiny = CropRect { x: 0.5, y: 0.5, w: 0.0001, h: 0.0001 };
        let f = frame((1000, 1000), Orientation::UPRIGHT, Some(tiny), FrameAspect::Natural);
        assert!(close(f.region, CropRect { x: 0.5, y: 0.5, w: 0.01, h: 0.01 }), "{f:?}");
        assert_eq!(f.pixels(), (500, 500, 10, 10));
        let f = frame((40, 40), Orientation::UPRIGHT, Some(tiny), FrameAspect::Fixed(3.0));
        let (x, y, w, h) = f.pixels();
        assert!(w >= 1 && h >= 1 && x + w <= 40 && y + h <= 40, "{:?}", f.pixels());
        // Garbage: the whole image; a zero-sized image does not divide by zero.
        let nan = CropRect { x: f32::NAN, y: 2.0, w: f32::NAN, h: -1.0 };
        let f = frame((1000, 500), Orientation::UPRIGHT, Some(nan), FrameAspect::Natural);
        assert!(f.region.x == 0.0 && f.region.w == 1.0 && f.region.y + f.region.h <= 1.0 + 1e-6, "{f:?}");
        let f = frame((0, 0), Orientation::UPRIGHT, None, FrameAspect::Fixed(1.5));
        assert!(f.region.w.is_finite() && f.region.h.is_finite() && f.pixels() == (0, 0, 1, 1), "{f:?}");
    }

    #[test]
    fn every_framing_is_inside_the_crop_and_of_the_frames_shape() {
        let crops = [
            CropRect::FULL,
            TOP_RIGHT,
            CropRect { x: 0.1, y: 0.05, w: 0.8, h: 0.7 },
            CropRect { x: 0.0, y: 0.9, w: 1.0, h: 0.1 },
            CropRect { x: 0.97, y: 0.0, w: 0.03, h: 1.0 },
        ];
        for o in 1..=8 {
            for c in crops {
                for a in [0.25, 0.75, 1.0, 1.6, 4.0] {
                    let f = frame((1200, 800), Orientation::new(o), Some(c), FrameAspect::Fixed(a));
                    let r = f.region;
                    let (uw, uh) = (f.upright.0 as f32, f.upright.1 as f32);
                    let eps = 1e-5;
                    assert!(r.x >= c.x - eps && r.y >= c.y - eps, "o={o} {c:?} {a}: {r:?}");
                    assert!(r.x + r.w <= c.x + c.w + eps && r.y + r.h <= c.y + c.h + eps, "o={o} {c:?} {a}: {r:?}");
                    assert!(((r.w * uw) / (r.h * uh) - a).abs() < 1e-3 * a, "o={o} {c:?} {a}: shape {r:?}");
                    // It touches the crop on two opposite sides (covers: as large as it can be).
                    assert!((r.w - c.w).abs() < eps || (r.h - c.h).abs() < eps, "o={o} {c:?} {a}: {r:?}");
                    // Centred on the crop's centre.
                    assert!((r.x + r.w / 2.0 - (c.x + c.w / 2.0)).abs() < eps, "o={o} {c:?} {a}: {r:?}");
                    assert!((r.y + r.h / 2.0 - (c.y + c.h / 2.0)).abs() < eps, "o={o} {c:?} {a}: {r:?}");
                }
            }
        }
    }

    #[test]
    fn the_placed_image_puts_the_region_on_the_frame_and_cover_is_this_framing() {
        let img = ImageData::from_bytes(tiny_jpeg(3, false, 4000, 3000)).unwrap().with_orientation(Orientation::new(6));
        let bx = [10.0, 20.0, 90.0, 60.0];
        let f = img.frame(Some(TOP_RIGHT), FrameAspect::Fixed(1.5));
        let [ix, iy, iw, ih] = f.image_rect(bx);
        let r = f.region;
        for (got, want) in [
            (ix + r.x * iw, bx[0]),
            (iy + r.y * ih, bx[1]),
            (ix + (r.x + r.w) * iw, bx[0] + bx[2]),
            (iy + (r.y + r.h) * ih, bx[1] + bx[3]),
        ] {
            assert!((got - want).abs() < 1e-3, "{got} vs {want}");
        }
        // A canvas's Cover (banners) is exactly this framing with the box's shape.
        let fitted = fit(&img, bx, ImageFit::Cover(TOP_RIGHT));
        assert_eq!(fitted.image, f.image_rect(bx));
        assert!(fitted.clip && fitted.visible == bx);
    }
}
