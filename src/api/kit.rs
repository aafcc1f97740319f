//! The ceremony kit: one action on a sponsorship writes a folder with every document of its signing ceremony —
//! the agreement in two copies to sign per language of the sponsor, the roll-up banner and fact sheet of each
//! sponsored detainee (every public detainee still held, for a whole-group sponsorship), the press release draft
//! (also saved as a `PressRelease` record the user edits) and the one-page checklist with the banners' preflight.
//!
//! Refused before anything is written when the ceremony has no date or place, or when the folder already holds
//! files (unless the user said to replace it). Everything is written into a new private folder beside the target
//! and renamed into place at the end, so a failure or a cancel leaves nothing half-written and no record saved.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use super::documents::{
    banner_sponsor, file_stem, file_word, pdf_file_name, render, render_card, CardRequest, DocRequest,
};
use crate::documents::{self, banner::DEFAULT_BLEED_MM, BannerSize, CardFormat, KitBanner, Preflight};
use crate::error::{Error, Result};
use crate::files::{self, Existing};
use crate::model::{Detainee, PressRelease, Sponsor, Sponsorship};
use crate::{Dossier, Lang};

/// The banners of a kit are printed at the default size.
pub const KIT_BANNER_SIZE: BannerSize = BannerSize::R850;

/// A ceremony kit to write.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KitRequest {
    pub sponsorship: Uuid,
    /// The user's language: the checklist's, and the documents' when the sponsor names no language it reads.
    pub lang: Lang,
    /// Replace a folder that already holds files (the user confirmed it).
    pub force: bool,
}

/// A banner's preflight in the kit.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KitPreflight {
    pub detainee: String,
    pub file: String,
    pub report: Preflight,
}

/// What a kit wrote.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CeremonyKit {
    /// The file names inside it, in the order written.
    pub files: Vec<String>,
    /// The saved press release draft.
    pub press_release: Uuid,
    /// Each banner's preflight, in the order of `files`.
    pub preflight: Vec<KitPreflight>,
}

/// The languages of a sponsor's documents: those of its `languages` the documents are written in, in its order,
/// else `fallback`.
pub fn sponsor_langs(sponsor: &Sponsor, fallback: Lang) -> Vec<Lang> {
    let mut langs: Vec<Lang> = vec![];
    for l in sponsor.languages.iter().filter_map(|l| Lang::parse(l)) {
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    if langs.is_empty() {
        langs.push(fallback);
    }
    langs
}

/// The folder being filled: files land in a private staging folder beside the target, each through
/// `files::write_bytes`, while progress is reported and the cancel check is asked before each document.
struct Staging<'a, P, C> {
    tmp: PathBuf,
    files: Vec<String>,
    done: u32,
    total: u32,
    progress: &'a mut P,
    cancelled: &'a C,
}

impl<P: FnMut(u32, u32), C: Fn() -> bool> Staging<'_, P, C> {
    /// Stops when the user cancelled.
    fn next(&self) -> Result<()> {
        if (self.cancelled)() {
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<String> {
        let path = files::free_name(&self.tmp, name);
        files::write_bytes(&path, Existing::Refuse, bytes)?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        self.files.push(name.clone());
        Ok(name)
    }

    fn step(&mut self) {
        self.done += 1;
        (self.progress)(self.done, self.total);
    }
}

/// Writes the ceremony kit of a sponsorship into `dir` (a new or empty folder, or any with `req.force`).
/// `progress(done, total)` is called after each document; `cancelled()` is asked before each one, and a cancel
/// leaves nothing behind ([`Error::Cancelled`]).
///
/// The public documents are in the sponsor's languages (its first for banners, fact sheets and the press release;
/// an agreement pair in each), else in `req.lang`; the checklist is in `req.lang`. A banner names the kit's sponsor
/// when its sponsorship takes the banner (`Stage::takes_the_banner`, the rule `banner_sponsor` applies), else the
/// sponsor `banner_sponsor` picks.
pub fn ceremony_kit(
    d: &mut Dossier,
    req: &KitRequest,
    dir: &Path,
    today: NaiveDate,
    mut progress: impl FnMut(u32, u32),
    cancelled: impl Fn() -> bool,
) -> Result<CeremonyKit> {
    // Refusals first: nothing is rendered or written before these pass.
    let s = d.get::<Sponsorship>(req.sponsorship)?;
    documents::ceremony_of(&s)?;
    let existing = folder_state(dir)?;
    if existing == Folder::HoldsFiles && !req.force {
        return Err(Error::FolderNotEmpty(dir.to_owned()));
    }
    let sponsor = d.get::<Sponsor>(s.sponsor_id)?;
    let langs = sponsor_langs(&sponsor, req.lang);
    let lang = langs[0];
    let people: Vec<(Uuid, String)> = match s.detainee_id {
        Some(id) => vec![(id, d.get::<Detainee>(id)?.data.name)],
        None => documents::group_members(d, lang, today)?,
    };

    let parent = files::parent_dir(dir);
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "kit".into());
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Write { path, source }
    };
    // A new folder with a random name, private to its owner, created exclusively.
    let staging = tempfile::Builder::new().prefix(&format!(".{name}.")).tempdir_in(&parent).map_err(io(&parent))?;
    let mut kit = Staging {
        tmp: staging.path().to_owned(),
        files: vec![],
        done: 0,
        // Two agreement copies per language, a banner, a square social-media card and a fact sheet per person,
        // the press release, the checklist.
        total: 2 * langs.len() as u32 + 3 * people.len() as u32 + 2,
        progress: &mut progress,
        cancelled: &cancelled,
    };
    (kit.progress)(0, kit.total);

    // The agreement: two copies to sign, in each of the sponsor's languages.
    for &l in &langs {
        let stem = agreement_stem(d, &s, l)?;
        let copy_word = file_word(l, "copy");
        for n in 1..=2 {
            kit.next()?;
            let pdf = documents::agreement_copy(d, req.sponsorship, l, today, Some((n, 2)))?;
            let lang_part = if langs.len() > 1 { format!("-{}", l.code()) } else { String::new() };
            kit.add(&pdf_file_name(&format!("{stem}{lang_part}-{copy_word}-{n}")), &pdf.bytes)?;
            kit.step();
        }
    }

    // Banners: a batch, one per person, at the default size and bleed.
    let banner_by = if s.stage.takes_the_banner() { Some(s.sponsor_id) } else { None };
    let mut banners = vec![];
    let mut sponsors = vec![];
    for (id, person) in &people {
        kit.next()?;
        let sponsor = match banner_by {
            Some(sp) => Some(sp),
            None => banner_sponsor(d, *id)?,
        };
        sponsors.push(sponsor);
        let banner = DocRequest::Banner {
            detainee: *id,
            sponsor,
            size: KIT_BANNER_SIZE,
            bleed_mm: DEFAULT_BLEED_MM,
            lang,
            pdfx: false,
        };
        let doc = render(d, banner, today)?;
        let file = kit.add(&doc.file_name, &doc.pdf.bytes)?;
        let preflight = doc.preflight.unwrap_or_default();
        banners.push(KitBanner { detainee: person.clone(), file, preflight });
        kit.step();
    }

    // The square social-media card of each person, naming the banner's sponsor.
    for ((id, _), sponsor) in people.iter().zip(&sponsors) {
        kit.next()?;
        let card =
            render_card(d, CardRequest { detainee: *id, sponsor: *sponsor, format: CardFormat::Square, lang }, today)?;
        kit.add(&card.file_name, &card.png)?;
        kit.step();
    }

    // Fact sheets.
    for (id, _) in &people {
        kit.next()?;
        let doc = render(d, DocRequest::Factsheet { detainee: *id, lang }, today)?;
        kit.add(&doc.file_name, &doc.pdf.bytes)?;
        kit.step();
    }

    // The press release draft: its PDF now, the record once the folder is in place.
    kit.next()?;
    let draft = documents::ceremony_release(d, req.sponsorship, lang, today)?;
    let pdf = documents::press_release_draft(d, &draft, today)?;
    kit.add(&pdf_file_name(&format!("{}-{}", draft.date, draft.title)), &pdf.bytes)?;
    kit.step();

    // The checklist, in the user's language.
    kit.next()?;
    let pdf = documents::checklist(
        d,
        req.sponsorship,
        &langs,
        &banners,
        (KIT_BANNER_SIZE, DEFAULT_BLEED_MM),
        req.lang,
        today,
    )?;
    let stem = format!("{}-{}", file_word(req.lang, "ceremony-checklist"), sponsor.name);
    kit.add(&pdf_file_name(&stem), &pdf.bytes)?;
    kit.step();
    kit.next()?;

    let written = std::mem::take(&mut kit.files);
    let tmp = kit.tmp.clone();
    // The record and the folder land together: the record's transaction commits only once the folder is in place.
    let release = d.transaction(|tx| {
        let release = tx.insert::<PressRelease>(draft)?;
        put_in_place(&tmp, dir, &parent, &name, existing)?;
        Ok(release)
    })?;
    // The staging folder is now `dir`; nothing is left to remove.
    let _ = staging.keep();
    files::sync_dir(&parent);
    let preflight =
        banners.into_iter().map(|b| KitPreflight { detainee: b.detainee, file: b.file, report: b.preflight }).collect();
    Ok(CeremonyKit { files: written, press_release: release.id, preflight })
}

/// The agreement's file stem, as `render` names it: `<agreement>-<sponsor>-<detainee>`.
fn agreement_stem(d: &Dossier, s: &Sponsorship, lang: Lang) -> Result<String> {
    let sponsor = d.get::<Sponsor>(s.sponsor_id)?.data.name;
    let detainee = s.detainee_id.map(|id| d.get::<Detainee>(id).map(|p| p.data.name)).transpose()?;
    Ok(file_stem(&format!("{}-{sponsor}-{}", file_word(lang, "agreement"), detainee.unwrap_or_default())))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Folder {
    Absent,
    Empty,
    HoldsFiles,
}

fn folder_state(dir: &Path) -> Result<Folder> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Folder::Absent),
        Err(source) => Err(Error::Read { path: dir.to_owned(), source }),
        // A file, or a symlink (never followed), where the folder should be is not replaced.
        Ok(m) if !m.is_dir() => Err(Error::AlreadyExists(dir.to_owned())),
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_owned(), source })?;
            Ok(if entries.next().is_none() { Folder::Empty } else { Folder::HoldsFiles })
        }
    }
}

/// Renames the filled staging folder to `dir`; a folder already there is moved aside first and removed once the
/// new one is in place (put back if the rename fails).
fn put_in_place(tmp: &Path, dir: &Path, parent: &Path, name: &str, existing: Folder) -> Result<()> {
    let werr = |source| Error::Write { path: dir.to_owned(), source };
    if existing == Folder::Absent {
        return std::fs::rename(tmp, dir).map_err(werr);
    }
    let aside = tempfile::Builder::new().prefix(&format!(".{name}.old.")).tempdir_in(parent).map_err(werr)?;
    let old = aside.path().join("old");
    std::fs::rename(dir, &old).map_err(werr)?;
    if let Err(source) = std::fs::rename(tmp, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(werr(source));
    }
    // `aside` removes the previous folder when dropped.
    Ok(())
}
