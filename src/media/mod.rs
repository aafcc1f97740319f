//! Importing photos and logos: refuse what is not a sane image before decoding it, strip identifying metadata,
//! make a thumbnail.
//!
//! A photo of a detainee may carry the GPS position of the family home in its EXIF block, so metadata never enters
//! the dossier. A JPEG is rebuilt from the segments its decoder needs (`jpeg::clean`), its entropy-coded data
//! byte for byte (documents embed it unchanged, so print quality is that of the original); orientation is read
//! first and kept as a field. What is stored is decoded again, so a cleaning that broke an image would be refused.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use img_parts::png::Png;
use img_parts::Bytes;
use sha2::{Digest, Sha256};

use crate::error::{Error, ImageProblem};

mod jpeg;

/// Files larger than this are refused before being read.
pub const MAX_FILE_BYTES: u64 = 50_000_000;
/// Images with more pixels than this are refused before being decoded (a 24 MP camera is far below).
pub const MAX_MEGAPIXELS: u32 = 100;
/// Longest side of the thumbnails shown in lists.
pub const THUMB_SIZE: u32 = 256;

/// An image ready to store.
#[derive(Debug, Clone)]
pub struct Imported {
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
    /// The image without its metadata.
    pub bytes: Vec<u8>,
    /// A small upright JPEG for lists.
    pub thumb: Vec<u8>,
    pub sha256: String,
}

/// Reads and imports an image file, refusing anything that is not a sane JPEG or PNG.
pub fn import_file(path: &Path) -> Result<Imported, Error> {
    let bad = |problem| Error::Image { path: path.to_owned(), problem };
    let meta = std::fs::metadata(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
    if !meta.is_file() {
        return Err(bad(ImageProblem::NotAnImage));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(bad(ImageProblem::TooLarge { bytes: meta.len(), max: MAX_FILE_BYTES }));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
    import_bytes(bytes).map_err(bad)
}

/// Imports an image held in memory.
pub fn import_bytes(bytes: Vec<u8>) -> Result<Imported, ImageProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImageProblem::TooLarge { bytes: bytes.len() as u64, max: MAX_FILE_BYTES });
    }
    let format = image::guess_format(&bytes).map_err(|_| ImageProblem::NotAnImage)?;
    let mime = match format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Png => "image/png",
        _ => return Err(ImageProblem::UnsupportedFormat),
    };
    // Dimensions come from the header alone; nothing is decoded before they are known to be reasonable.
    let (width, height) =
        ImageReader::with_format(Cursor::new(&bytes), format).into_dimensions().map_err(|_| ImageProblem::Corrupt)?;
    check_pixels(width, height)?;
    // Orientation lives in the EXIF block, which cleaning removes: read it from the original's header first.
    let orientation = read_orientation(&bytes, format)?;
    // A JPEG cut short (an interrupted copy, a half-synced folder) is refused here: it has no end-of-image marker
    // after its scans (decoders would fill the missing part with grey rather than fail).
    let stripped = strip_metadata(bytes, format)?;
    // Decode what will be stored, fully (under limits, with panics contained), to prove it is a whole image: a
    // truncated or booby-trapped file is refused now rather than failing when a banner is printed.
    let image = decode(&stripped, format, width, height)?;

    let thumb = thumbnail(image, orientation)?;
    let sha256 = hex(&Sha256::digest(&stripped));
    Ok(Imported { mime, width, height, orientation, bytes: stripped, thumb, sha256 })
}

fn check_pixels(width: u32, height: u32) -> Result<(), ImageProblem> {
    let too_many = ImageProblem::TooManyPixels { width, height, max_mp: MAX_MEGAPIXELS };
    if width == 0 || height == 0 {
        return Err(ImageProblem::Corrupt);
    }
    if u64::from(width) * u64::from(height) > u64::from(MAX_MEGAPIXELS) * 1_000_000 {
        return Err(too_many);
    }
    Ok(())
}

fn limits(width: u32, height: u32) -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(width.max(1));
    l.max_image_height = Some(height.max(1));
    // Room for the decoded pixels (up to 4 channels of 16 bits) and the decoder's working buffers.
    l.max_alloc = Some((u64::from(width) * u64::from(height) * 8 + (64 << 20)).min(1 << 30));
    l
}

/// The EXIF orientation (1 when there is none), from the headers alone.
fn read_orientation(bytes: &[u8], format: ImageFormat) -> Result<u8, ImageProblem> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut decoder =
            ImageReader::with_format(Cursor::new(bytes), format).into_decoder().map_err(|_| ImageProblem::Corrupt)?;
        Ok(decoder.orientation().map(|o| o.to_exif()).unwrap_or(1))
    }))
    .unwrap_or(Err(ImageProblem::Corrupt))
}

fn decode(bytes: &[u8], format: ImageFormat, width: u32, height: u32) -> Result<DynamicImage, ImageProblem> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        reader.limits(limits(width, height));
        let decoder = reader.into_decoder().map_err(|_| ImageProblem::Corrupt)?;
        DynamicImage::from_decoder(decoder).map_err(|e| match e {
            image::ImageError::Limits(_) => ImageProblem::TooManyPixels { width, height, max_mp: MAX_MEGAPIXELS },
            _ => ImageProblem::Corrupt,
        })
    }))
    .unwrap_or(Err(ImageProblem::Corrupt))
}

/// Removes every metadata block, keeping what is needed to show the image as it is: for JPEG what its decoder
/// needs (see `jpeg::clean`), for PNG the colour chunks (anything after the end chunk is dropped too).
pub fn strip_metadata(bytes: Vec<u8>, format: ImageFormat) -> Result<Vec<u8>, ImageProblem> {
    match format {
        ImageFormat::Jpeg => jpeg::clean(&bytes),
        ImageFormat::Png => {
            let mut png = Png::from_bytes(Bytes::from(bytes)).map_err(|_| ImageProblem::Corrupt)?;
            // Keep only chunks that affect the pixels; drop text, EXIF, time and any private chunk.
            const KEEP: [&[u8; 4]; 12] = [
                b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD",
                b"pHYs",
            ];
            png.chunks_mut().retain(|c| KEEP.contains(&&c.kind()));
            Ok(png.encoder().bytes().to_vec())
        }
        _ => Err(ImageProblem::UnsupportedFormat),
    }
}

fn thumbnail(image: DynamicImage, orientation: u8) -> Result<Vec<u8>, ImageProblem> {
    let mut t = image.thumbnail(THUMB_SIZE, THUMB_SIZE);
    if let Some(o) = image::metadata::Orientation::from_exif(orientation) {
        t.apply_orientation(o);
    }
    // JPEG has no alpha: flatten logos on white.
    let rgb = if t.color().has_alpha() {
        let rgba = t.to_rgba8();
        let mut out = image::RgbImage::new(rgba.width(), rgba.height());
        for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
            let a = u16::from(p[3]);
            for i in 0..3 {
                o[i] = ((u16::from(p[i]) * a + 255 * (255 - a)) / 255) as u8;
            }
        }
        out
    } else {
        t.to_rgb8()
    };
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&rgb)
        .map_err(|_| ImageProblem::Corrupt)?;
    Ok(out)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
