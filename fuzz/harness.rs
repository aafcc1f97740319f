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
    ("share_file", share_file),
    ("invitation", invitation),
    ("sealed_export", sealed_export),
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

// ---------------------------------------------------------------------------------------------------------------
// Sealed files: the shared folder's change files, invitations, sealed JSON exports. A fuzzer cannot forge a
// signature or an authentication tag, so (as a device on the roster, or someone holding the code or passphrase
// could) the harness seals what it is given with real keys, and the parsers behind the cryptography get the input.

/// The passphrase of the harness's dossiers and sealed exports, and the code of its invitations.
pub const FUZZ_PASSPHRASE: &str = "fuzzing passphrase";
pub const FUZZ_CODE: &str = "bada bede bidi bodo bada bede bidi";

/// First byte of a `share_file` input: the rest is a file to drop in the folder as it is (not sealed).
pub const SHARE_RAW: u8 = 2;
/// First byte of a `share_file` input: the changes in the payload are re-signed as the sending device's own
/// (their author and dependencies rewritten), so a payload saved from one pair of devices applies on another.
pub const SHARE_OWN_CHANGES: u8 = 1;

struct Offices {
    dir: tempfile::TempDir,
    /// The receiving office, whose `sync` reads the folder.
    a: Option<Dossier>,
    /// The sending office (a device on the roster): its keys seal the inputs.
    b: Dossier,
    b_id: String,
    b_actor: [u8; 16],
    folder: PathBuf,
    seq: u64,
}

impl Offices {
    fn a_path(&self) -> PathBuf {
        self.dir.path().join("a.dossier")
    }

    /// Puts the receiving office back as it was after the two joined (a payload can revoke the sender, add
    /// devices or keys: later inputs would all be refused).
    fn reset_a(&mut self) {
        drop(self.a.take());
        dossier::store::remove_with_sidecars(&self.a_path());
        std::fs::copy(self.dir.path().join("pristine.dossier"), self.a_path()).expect("copy");
        self.a = Some(Dossier::open(&self.a_path(), FUZZ_PASSPHRASE).expect("reopen"));
    }
}

fn offices() -> &'static Mutex<Offices> {
    static OFFICES: OnceLock<Mutex<Offices>> = OnceLock::new();
    OFFICES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("folder");
        let mut a = Dossier::create(&dir.path().join("a.dossier"), FUZZ_PASSPHRASE).expect("dossier");
        dossier::share::create(&mut a, &folder, "Office A (fictional)").expect("share");
        let (inv, code) = dossier::share::invite(&mut a, "Office B (fictional)").expect("invite");
        let b_path = dir.path().join("b.dossier");
        let (b, _) = dossier::share::join(&b_path, FUZZ_PASSPHRASE, &inv, &code, &folder).expect("join");
        dossier::share::sync(&mut a).expect("sync");
        let id = dossier::share::_device_id(&b).expect("device");
        drop(a);
        std::fs::copy(dir.path().join("a.dossier"), dir.path().join("pristine.dossier")).expect("copy");
        let a = Dossier::open(&dir.path().join("a.dossier"), FUZZ_PASSPHRASE).expect("reopen");
        Mutex::new(Offices { b_id: id.to_string(), b_actor: *id.as_bytes(), a: Some(a), b, folder, dir, seq: 1 << 20 })
    })
}

/// A change file of another office arriving in the shared folder, then `sync`: the header, size, signature and
/// decryption checks, then the payload (JSON items; Automerge changes merged into the documents, the merged
/// records written through the one write path). The first byte says how the rest is used ([`SHARE_RAW`],
/// [`SHARE_OWN_CHANGES`]).
pub fn share_file(data: &[u8]) {
    let _ = share_file_report(data, false);
}

/// [`share_file`], returning what the sync did (`None` when it failed as a whole); with `fresh`, on the receiving
/// office as it was when the two joined (the fuzzer keeps its state between inputs: reopening costs a key
/// derivation).
pub fn share_file_report(data: &[u8], fresh: bool) -> Option<dossier::share::SyncReport> {
    let (&flags, rest) = data.split_first()?;
    let mut o = offices().lock().unwrap_or_else(|e| e.into_inner());
    if fresh {
        o.reset_a();
    }
    o.seq += 1;
    let (dir, seq, bytes) = if flags & SHARE_RAW != 0 {
        // Named as its header says when it has one, so that the checks after the name's are reached.
        let named = rest.len() >= 29 && rest.starts_with(b"LDS1");
        let dir = if named { uuid_text(&rest[5..21]) } else { o.b_id.clone() };
        let seq = if named { u64::from_le_bytes(rest[21..29].try_into().ok()?) } else { o.seq };
        (dir, seq, rest.to_vec())
    } else {
        let payload = if flags & SHARE_OWN_CHANGES != 0 { reauthor_bundle(rest, &o.b_actor) } else { rest.to_vec() };
        let seq = o.seq;
        (o.b_id.clone(), seq, dossier::share::_seal_as(&o.b, seq, None, None, &payload).ok()?)
    };
    let dir = o.folder.join(dir);
    let file = dir.join(format!("{seq:012}.sealed"));
    std::fs::create_dir_all(&dir).ok()?;
    std::fs::write(&file, &bytes).ok()?;
    let report = dossier::share::sync(o.a.as_mut().expect("office A"));
    let _ = std::fs::remove_file(&file);
    // Anything that may have changed the roster or the keys: start again from the two offices as they joined.
    let touches_roster = ["\"device\"", "\"revoke\"", "\"key\""].iter().any(|t| contains(rest, t.as_bytes()));
    if flags & SHARE_RAW == 0 && touches_roster {
        o.reset_a();
    }
    report.ok()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn uuid_text(b: &[u8]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Rewrites every Automerge change of a payload (`{"items":[{"t":"change","change":"<base64>"}…]}`) as authored
/// by `actor`, the dependencies on the payload's earlier changes following their new hashes. Anything that is not
/// such a change is left as it is.
fn reauthor_bundle(payload: &[u8], actor: &[u8; 16]) -> Vec<u8> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(payload) else { return payload.to_vec() };
    let mut renamed = std::collections::HashMap::new();
    let Some(items) = v.get_mut("items").and_then(|i| i.as_array_mut()) else { return payload.to_vec() };
    for item in items {
        let Some(text) = item.get("change").and_then(|c| c.as_str()) else { continue };
        let Ok(bytes) = b64.decode(text) else { continue };
        if let Some(new) = reauthor_change(&bytes, actor, &mut renamed) {
            item["change"] = b64.encode(new).into();
        }
    }
    serde_json::to_vec(&v).unwrap_or_else(|_| payload.to_vec())
}

/// One uncompressed change chunk (`magic | checksum | type 1 | uleb length | body`, the body starting with the
/// dependencies and the author), rewritten with `actor` as its author; its checksum and hash recomputed.
fn reauthor_change(
    chunk: &[u8],
    actor: &[u8; 16],
    renamed: &mut std::collections::HashMap<Vec<u8>, Vec<u8>>,
) -> Option<Vec<u8>> {
    use sha2::{Digest, Sha256};
    fn uleb(b: &[u8], i: &mut usize) -> Option<u64> {
        let (mut v, mut shift) = (0u64, 0u32);
        loop {
            let byte = *b.get(*i)?;
            *i += 1;
            if shift > 56 {
                return None;
            }
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
    }
    if chunk.len() < 9 || chunk[..4] != [0x85, 0x6f, 0x4a, 0x83] || chunk[8] != 1 {
        return None;
    }
    let mut i = 9;
    let len = usize::try_from(uleb(chunk, &mut i)?).ok()?;
    let body_start = i;
    if chunk.len() != body_start.checked_add(len)? {
        return None;
    }
    let old_hash = Sha256::digest(&chunk[8..]).to_vec();
    let mut body = chunk[body_start..].to_vec();
    let mut j = 0;
    let deps = usize::try_from(uleb(&body, &mut j)?).ok()?;
    for _ in 0..deps {
        let dep = body.get(j..j.checked_add(32)?)?.to_vec();
        if let Some(new) = renamed.get(&dep) {
            body[j..j + 32].copy_from_slice(new);
        }
        j += 32;
    }
    if uleb(&body, &mut j)? != 16 {
        return None;
    }
    body.get_mut(j..j + 16)?.copy_from_slice(actor);
    let mut out = chunk[..body_start].to_vec();
    out.extend_from_slice(&body);
    let new_hash = Sha256::digest(&out[8..]);
    out[4..8].copy_from_slice(&new_hash[..4]);
    renamed.insert(old_hash, new_hash.to_vec());
    Some(out)
}

/// An invitation: sealed under the harness's code as `share invite` does, then `join` (the code's key derivation,
/// decryption, the invitation's JSON, a new dossier filled from the roster and keys it carries, the first sync of
/// an empty folder). The new dossier is removed afterwards.
pub fn invitation(data: &[u8]) {
    let _ = invitation_result(data);
}

/// [`invitation`], returning whether `join` accepted it.
pub fn invitation_result(data: &[u8]) -> dossier::Result<()> {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static LOCK: Mutex<()> = Mutex::new(());
    let _one = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir")).path();
    let sealed = dossier::share::_seal_invitation(FUZZ_CODE, data);
    let (db, folder) = (dir.join("joined.dossier"), dir.join("folder"));
    let joined = dossier::share::join(&db, FUZZ_PASSPHRASE, &sealed, FUZZ_CODE, &folder).map(drop);
    dossier::store::remove_with_sidecars(&db);
    let _ = std::fs::remove_dir_all(&folder);
    joined
}

/// First byte of a `sealed_export` input: the rest is the export's JSON, sealed by the harness (age, scrypt at the
/// lowest work factor) before it is read; otherwise the rest is read as the file itself.
pub const EXPORT_SEAL: u8 = 1;
/// First byte of a `sealed_export` input: import for real (one transaction) rather than the dry run.
pub const EXPORT_APPLY: u8 = 2;

/// Seals `plain` as `export json` does (age, scrypt under `passphrase`), at the lowest work factor (fast to open).
pub fn seal_export(plain: &[u8], passphrase: &str) -> Vec<u8> {
    use std::io::Write;
    let mut r = age::scrypt::Recipient::new(age::secrecy::SecretString::from(passphrase.to_owned()));
    r.set_work_factor(1);
    let mut out = vec![];
    let mut w = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
        .expect("one recipient")
        .wrap_output(&mut out)
        .expect("in memory");
    w.write_all(plain).expect("in memory");
    w.finish().expect("in memory");
    out
}

/// A sealed JSON export given to `import`: the age header and stream, the JSON, the images' checks, the history
/// filter, the records' validation and (with [`EXPORT_APPLY`]) the restore into a dossier.
pub fn sealed_export(data: &[u8]) {
    let _ = sealed_export_report(data);
}

/// [`sealed_export`], returning the import's report.
/// The dry run reads an empty dossier that it never changes; a real import goes into another dossier, which keeps
/// what earlier inputs imported (so importing the same records twice is refused, `id_taken`, as it should be).
pub fn sealed_export_report(data: &[u8]) -> dossier::Result<dossier::exchange::JsonImportReport> {
    struct Targets {
        dir: tempfile::TempDir,
        dry: Dossier,
        applied: Dossier,
    }
    static TARGETS: OnceLock<Mutex<Targets>> = OnceLock::new();
    let Some((&flags, rest)) = data.split_first() else { return Err(dossier::Error::Io("empty input".into())) };
    let targets = TARGETS.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let dry = Dossier::create(&dir.path().join("dry.dossier"), FUZZ_PASSPHRASE).expect("dossier");
        let applied = Dossier::create(&dir.path().join("applied.dossier"), FUZZ_PASSPHRASE).expect("dossier");
        Mutex::new(Targets { dir, dry, applied })
    });
    let mut t = targets.lock().unwrap_or_else(|e| e.into_inner());
    let file = t.dir.path().join("export.json.age");
    let bytes = if flags & EXPORT_SEAL != 0 { seal_export(rest, FUZZ_PASSPHRASE) } else { rest.to_vec() };
    std::fs::write(&file, bytes).expect("write input");
    let apply = flags & EXPORT_APPLY != 0;
    let d = if apply { &mut t.applied } else { &mut t.dry };
    dossier::exchange::import_json(d, &file, !apply, Some(FUZZ_PASSPHRASE))
}
