//! What each fuzz target does with one input. Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and by the
//! regression test (`tests/fuzz.rs`), which replays every kept crash and the committed seed corpus
//! (`tests/fixtures/fuzz/<target>/`) through the same functions. Each function must return for any input:
//! a panic, an abort, a hang or a runaway allocation is a bug in the core.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use dossier::exchange::import::{plan_import, ImportOptions};
use dossier::store::Dossier;
use libertas_typeset as typeset;

/// A fuzz target: it takes any bytes and must neither panic nor hang.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name (the directory names under `fuzz/fuzz_targets` and `tests/fixtures/fuzz`).
pub const TARGETS: &[(&str, Target)] = &[
    ("photo_import", photo_import),
    ("spreadsheet_import", spreadsheet_import),
    ("template_render", template_render),
    ("markdown", markdown),
    ("recovery_share", recovery_share),
];

/// A photo as the import command receives it.
pub fn photo_import(data: &[u8]) {
    let _ = dossier::media::import_bytes(data.to_vec());
}

struct Sheet {
    _dir: tempfile::TempDir,
    file: PathBuf,
    photos: PathBuf,
    dossier: Dossier,
}

/// A spreadsheet given to `import`: read (CSV, or XLSX/ODS/XLS when the bytes look like a zip or an OLE file),
/// mapped, parsed and checked against a dossier holding the fictional sample (the dry run; nothing is written).
pub fn spreadsheet_import(data: &[u8]) {
    // Creating a dossier runs the key derivation (slow): once per process.
    static SHEET: OnceLock<Mutex<Sheet>> = OnceLock::new();
    let sheet = SHEET.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut dossier = Dossier::create(&dir.path().join("fuzz.dossier"), "fuzzing passphrase").expect("dossier");
        dossier::demo::fill(&mut dossier, 0).expect("sample");
        let photos = dir.path().join("photos");
        std::fs::create_dir(&photos).expect("photos dir");
        std::fs::write(photos.join("photo.jpg"), dossier::demo::placeholder_portrait(40, 50, [120, 140, 160]))
            .expect("photo");
        std::fs::write(photos.join("logo.png"), dossier::demo::placeholder_logo(32, [200, 40, 40])).expect("logo");
        Mutex::new(Sheet { file: dir.path().join("input"), _dir: dir, photos, dossier })
    });
    let sheet = sheet.lock().unwrap_or_else(|e| e.into_inner());
    let workbook = data.starts_with(b"PK\x03\x04") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let path = sheet.file.with_extension(if workbook { "xlsx" } else { "csv" });
    std::fs::write(&path, data).expect("write input");
    let opts = ImportOptions { photos: Some(sheet.photos.clone()), ..Default::default() };
    let _ = plan_import(&sheet.dossier, &path, &opts);
}

/// An edited template, checked as `template check` and `template set` do: header, syntax, and a render against
/// the complete fictional context of its kind. The first byte picks the template (kind and language), the rest
/// is the template's text.
pub fn template_render(data: &[u8]) {
    let Some((pick, rest)) = data.split_first() else { return };
    let names: Vec<&str> = dossier::documents::kind::names().collect();
    let name = names[usize::from(*pick) % names.len()];
    let Ok(source) = std::str::from_utf8(rest) else { return };
    let _ = dossier::documents::kind::check(name, source);
}

/// Markdown (a rendered template, a press release's own body) turned into blocks and laid out into a PDF.
/// Every image reference resolves to a small JPEG, except those starting with `missing`.
pub fn markdown(data: &[u8]) {
    static PHOTO: OnceLock<Arc<typeset::ImageData>> = OnceLock::new();
    let Ok(md) = std::str::from_utf8(data) else { return };
    let photo = PHOTO.get_or_init(|| {
        let jpeg = dossier::demo::placeholder_portrait(24, 30, [120, 140, 160]);
        Arc::new(typeset::ImageData::from_bytes(jpeg).expect("sample JPEG"))
    });
    let opts = typeset::MarkdownOptions { toc_title: Some("Contents".into()), image_width_mm: Some(60.0) };
    let mut resolve = |r: &str| (!r.starts_with("missing")).then(|| photo.clone());
    let Ok(blocks) = typeset::markdown_to_blocks(md, &opts, &mut resolve) else { return };
    let doc = typeset::Document {
        title: "Fuzz".into(),
        lang: typeset::Lang::French,
        page: typeset::PageSetup::a4(),
        style: typeset::DocStyle::default(),
        blocks,
    };
    let _ = typeset::render_with_layout(&doc);
}

/// A recovery sheet's words, as `recovery open` reads them from a file, a QR code or the keyboard: every share
/// read must write back to words that read as the same share. Sheets separated by empty lines are also checked
/// against each other (same set, no sheet twice, enough of them), and 48 bytes are read as an encoded share.
pub fn recovery_share(data: &[u8]) {
    use dossier::recovery::{check_shares, words::SHARE_LEN, Share};
    if let Ok(bytes) = <&[u8; SHARE_LEN]>::try_from(data) {
        if let Ok(share) = Share::from_bytes(bytes) {
            assert_eq!(Share::parse(&share.text()).as_ref(), Ok(&share), "bytes -> words -> share");
        }
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(share) = Share::parse(text) {
        assert_eq!(Share::parse(&share.text()).as_ref(), Ok(&share), "words -> share -> words");
        assert_eq!(*share.to_bytes(), *Share::from_bytes(&share.to_bytes()).unwrap().to_bytes());
    }
    let shares: Vec<Share> = text.split("\n\n").filter_map(|t| Share::parse(t).ok()).collect();
    let _ = check_shares(&shares);
}
