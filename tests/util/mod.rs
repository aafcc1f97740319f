//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const PASS: &str = "correct horse battery";

/// A temporary directory with a dossier path in it, and a way to run the `dossier` binary against it.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("test.dossier");
        Env { dir, db }
    }

    /// A new environment with an initialised dossier.
    pub fn init() -> Env {
        let env = Env::new();
        env.ok(&["init"]);
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
        c.arg("--db").arg(&self.db).args(args);
        c.env("DOSSIER_PASSPHRASE", PASS)
            .env("DOSSIER_USER", "tester")
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("DOSSIER_LANG")
            .env_remove("DOSSIER_DB");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run dossier")
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "dossier {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs a command that must fail with `code`; returns its stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "dossier {args:?} should exit {code}; stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).expect("utf-8 errors")
    }

    /// The id printed alone on the last line of a command's output.
    pub fn id(&self, args: &[&str]) -> String {
        let out = self.ok(args);
        let last = out.lines().last().expect("some output").trim().to_owned();
        assert!(uuid::Uuid::parse_str(&last).is_ok(), "last line must be an id, got {last:?}");
        last
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }
}

/// A JPEG carrying an EXIF block with a GPS position and the given marker text, as phones write them.
pub fn jpeg_with_exif(w: u32, h: u32, marker: &str) -> Vec<u8> {
    use img_parts::jpeg::{markers, Jpeg, JpegSegment};
    use img_parts::Bytes;
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    let mut plain = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90).encode_image(&img).unwrap();
    let mut jpeg = Jpeg::from_bytes(Bytes::from(plain)).unwrap();
    // A minimal big-endian TIFF with an orientation tag (6: rotate 90°) and a GPSInfo pointer, followed by the
    // marker text where a camera would put its GPS data and owner name.
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    exif.extend_from_slice(&[0, 2]); // two entries
    exif.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    exif.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0x26]); // GPSInfo IFD offset
    exif.extend_from_slice(&[0, 0, 0, 0]);
    exif.extend_from_slice(format!("GPS 40.1772N 44.5035E {marker}").as_bytes());
    let seg = JpegSegment::new_with_contents(markers::APP1, Bytes::from(exif));
    jpeg.segments_mut().insert(1, seg);
    let xmp = format!("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>{marker}</x:xmpmeta>");
    jpeg.segments_mut().insert(2, JpegSegment::new_with_contents(markers::APP1, Bytes::from(xmp.into_bytes())));
    jpeg.segments_mut()
        .insert(3, JpegSegment::new_with_contents(markers::COM, Bytes::from(marker.as_bytes().to_vec())));
    jpeg.encoder().bytes().to_vec()
}

/// A PNG with transparency and a text chunk holding `marker`.
pub fn png_with_text(size: u32, marker: &str) -> Vec<u8> {
    use img_parts::png::{Png, PngChunk};
    use img_parts::Bytes;
    let img =
        image::RgbaImage::from_fn(size, size, |x, _| image::Rgba([200, 30, 30, if x < size / 2 { 255 } else { 0 }]));
    let mut plain = vec![];
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut plain),
        &img,
        size,
        size,
        image::ExtendedColorType::Rgba8,
    )
    .unwrap();
    let mut png = Png::from_bytes(Bytes::from(plain)).unwrap();
    let text = format!("Author\0{marker}");
    let n = png.chunks().len();
    png.chunks_mut().insert(n - 1, PngChunk::new(*b"tEXt", Bytes::from(text.into_bytes())));
    png.encoder().bytes().to_vec()
}

/// A file under `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).expect("write fixture");
}

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every file in a directory, with its bytes.
pub fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect()
}

pub fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok() || Command::new(tool).arg("-v").output().is_ok()
}

/// A plain connection to a dossier file, keyed with [`PASS`] through SQLCipher's C API (as the store does), with
/// SQLite's defaults (trusted schema): for tests that read or plant what the app itself would not.
pub fn raw_connection(db: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    let pass = PASS.as_bytes();
    // SAFETY: a live connection; SQLCipher copies the key bytes.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_key_v2(conn.handle(), c"main".as_ptr(), pass.as_ptr().cast(), pass.len() as _)
    };
    assert_eq!(rc, 0);
    conn
}

/// A JPEG of `upright` as a camera held sideways writes it: the pixels stored turned a quarter anticlockwise, with
/// an EXIF orientation of 6 ("turn clockwise to view") and nothing else in the EXIF block.
pub fn jpeg_stored_sideways(upright: &image::RgbImage) -> Vec<u8> {
    use img_parts::jpeg::{markers, Jpeg, JpegSegment};
    use img_parts::Bytes;
    let stored = image::imageops::rotate270(upright);
    let mut plain = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 95).encode_image(&stored).unwrap();
    let mut jpeg = Jpeg::from_bytes(Bytes::from(plain)).unwrap();
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    exif.extend_from_slice(&[0, 1]); // one entry
    exif.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    exif.extend_from_slice(&[0, 0, 0, 0]);
    jpeg.segments_mut().insert(1, JpegSegment::new_with_contents(markers::APP1, Bytes::from(exif)));
    jpeg.encoder().bytes().to_vec()
}
