//! Recovery sheets (see ARCHITECTURE.md, "Recovery"): make a set of sheets, read sheets, and reopen a dossier
//! whose passphrase is lost with enough of them. The rules are in `crate::recovery`; these are the use cases the
//! command line and the app call.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::files::{self, Existing};
use crate::i18n::Lang;
use crate::recovery::{self, sheet::Sheet, words::hex, RecoveryError, Share};
use crate::store::Dossier;

/// What `recovery create` asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecoverySheetsRequest {
    /// How many sheets (one per member organisation).
    pub shares: u8,
    /// How many of them reopen the dossier (at least 2).
    pub threshold: u8,
    /// The member organisation of each sheet, in order; empty for unnamed sheets.
    #[serde(default)]
    pub names: Vec<String>,
    /// The folder the sheets are written to (created if missing; no file in it is ever replaced).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub dir: PathBuf,
    /// The language printed first on the sheets (both are printed).
    #[serde(default)]
    pub lang: Lang,
}

/// The files of one sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SheetFiles {
    pub number: u8,
    pub organisation: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub pdf: PathBuf,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub txt: PathBuf,
}

/// A new set of sheets, in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecoverySheets {
    pub set_id: String,
    pub threshold: u8,
    pub shares: u8,
    /// The set these sheets replace: its sheets no longer open the dossier.
    pub replaced_set: Option<String>,
    pub sheets: Vec<SheetFiles>,
}

/// What one sheet says about itself (nothing secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShareInfo {
    pub number: u8,
    pub shares: u8,
    pub threshold: u8,
    pub set_id: String,
    pub dossier_id: String,
}

/// The dossier reopened by recovery sheets, under its new passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecoveryOpened {
    pub set_id: String,
    /// The numbers of the sheets used.
    pub sheets: Vec<u8>,
    /// Automatic backups re-encrypted under the new passphrase, and removed (an older passphrase made them).
    pub reencrypted_backups: usize,
    pub removed_backups: usize,
}

/// The dossier's recovery set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecoveryStatus {
    pub set_id: String,
    pub threshold: u8,
    pub shares: u8,
    pub names: Vec<String>,
    pub created_at: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub file: PathBuf,
    /// The recovery file is beside the dossier and belongs to this set: the sheets work.
    pub file_ok: bool,
}

fn file_stem(n: u8, of: u8, organisation: Option<&str>) -> String {
    let mut stem = format!("recovery-sheet-{n}-of-{of}");
    if let Some(o) = organisation {
        let slug: String = crate::names::fold(o)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if !slug.is_empty() {
            stem.push('-');
            stem.extend(slug.chars().take(40));
        }
    }
    stem
}

/// Makes a new set of recovery sheets: `shares` PDF sheets and their `.txt` twins in `dir`, any `threshold` of
/// which reopen the dossier. `passphrase` must be the dossier's (it is what the sheets give back, sealed in
/// `<dossier>.recovery`). Refuses before writing anything if `dir` already holds recovery sheets; the set replaces
/// the previous one only once every file is written.
pub fn create_recovery_sheets(
    d: &mut Dossier,
    passphrase: &str,
    req: &RecoverySheetsRequest,
) -> Result<RecoverySheets> {
    let names: Vec<String> = req.names.iter().map(|n| crate::names::normalize_name(n)).collect();
    let previous = recovery::current_set(d.conn())?;
    let set = recovery::new_set(d, req.shares.into(), req.threshold.into(), names.clone())?;
    let organisation = |i: usize| names.get(i).map(String::as_str).filter(|n| !n.is_empty());
    // Sheets of two sets in one folder would be mixed up: a folder already holding sheets is refused too.
    if let Ok(entries) = std::fs::read_dir(&req.dir) {
        let mut existing: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with("recovery-sheet-"))
            .map(|e| e.path())
            .collect();
        existing.sort();
        if let Some(p) = existing.into_iter().next() {
            return Err(Error::AlreadyExists(p));
        }
    }
    let mut sheets = Vec::new();
    for (i, share) in set.shares.iter().enumerate() {
        let stem = file_stem(share.number(), share.shares, organisation(i));
        let (pdf, txt) = (req.dir.join(format!("{stem}.pdf")), req.dir.join(format!("{stem}.txt")));
        for p in [&pdf, &txt] {
            if std::fs::symlink_metadata(p).is_ok() {
                return Err(Error::AlreadyExists(p.clone()));
            }
        }
        sheets.push(SheetFiles { number: share.number(), organisation: organisation(i).map(Into::into), pdf, txt });
    }
    let dossier = match d.profile()? {
        Some(p) if !p.data.name.trim().is_empty() => p.data.name.clone(),
        _ => d.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    let date = chrono::Local::now().date_naive();
    let mut contents = Vec::new();
    for (i, share) in set.shares.iter().enumerate() {
        let sheet = Sheet { share, organisation: organisation(i), dossier: &dossier, date, lang: req.lang };
        contents.push((sheet.pdf()?, zeroize::Zeroizing::new(sheet.txt())));
    }
    std::fs::create_dir_all(&req.dir).map_err(|source| Error::Write { path: req.dir.clone(), source })?;
    let mut written: Vec<&Path> = Vec::new();
    let result = (|| {
        for (files, (pdf, txt)) in sheets.iter().zip(&contents) {
            files::write_bytes(&files.pdf, Existing::Refuse, pdf)?;
            written.push(&files.pdf);
            files::write_bytes(&files.txt, Existing::Refuse, txt.as_bytes())?;
            written.push(&files.txt);
        }
        recovery::commit_set(d, passphrase, &set.info)
    })();
    if let Err(e) = result {
        // The set is not in force: its sheets would only confuse.
        for p in written {
            let _ = std::fs::remove_file(p);
        }
        return Err(e);
    }
    Ok(RecoverySheets {
        set_id: hex(&set.info.set_id),
        threshold: set.info.threshold,
        shares: set.info.shares,
        replaced_set: previous.map(|p| hex(&p.set_id)),
        sheets,
    })
}

fn info(s: &Share) -> ShareInfo {
    ShareInfo {
        number: s.number(),
        shares: s.shares,
        threshold: s.threshold,
        set_id: hex(&s.set_id),
        dossier_id: hex(&s.dossier_id),
    }
}

/// Reads one sheet: its `.txt` file, the content of its QR code, or its words as typed.
pub fn read_share(text: &str) -> Result<ShareInfo> {
    Ok(info(&Share::parse(text)?))
}

fn parse_all(shares: &[String]) -> Result<Vec<Share>> {
    shares.iter().map(|t| Share::parse(t).map_err(Error::from)).collect()
}

/// Checks that `shares` reopen the dossier at `db` (right dossier, right set, enough sheets that combine),
/// without changing anything.
pub fn check_recovery_shares(db: &Path, shares: &[String]) -> Result<Vec<ShareInfo>> {
    let parsed = parse_all(shares)?;
    recovery::open_file(db, &parsed)?;
    Ok(parsed.iter().map(info).collect())
}

/// Reopens the dossier at `db` with enough recovery sheets and gives it `new_passphrase`. The sheets stay valid
/// (the recovery file is re-sealed for the new passphrase). Any refusal changes nothing.
pub fn open_with_recovery(db: &Path, shares: &[String], new_passphrase: &str) -> Result<RecoveryOpened> {
    if !db.is_file() {
        return Err(Error::NoDossier(db.to_owned()));
    }
    crate::store::strength::check_new(new_passphrase, &crate::store::strength_context(db))?;
    let parsed = parse_all(shares)?;
    let opened = recovery::open_file(db, &parsed)?;
    let mut found = None;
    for p in &opened.passphrases {
        match Dossier::open(db, p) {
            Ok(d) => {
                found = Some((d, p));
                break;
            }
            Err(Error::WrongPassphrase(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    let Some((mut d, current)) = found else { return Err(RecoveryError::Stale.into()) };
    if recovery::current_set(d.conn())?.is_none_or(|s| s.set_id != opened.set_id) {
        return Err(RecoveryError::OtherSet.into());
    }
    let change = d.change_passphrase(current, new_passphrase)?;
    Ok(RecoveryOpened {
        set_id: hex(&opened.set_id),
        sheets: opened.numbers,
        reencrypted_backups: change.reencrypted.len(),
        removed_backups: change.removed.len(),
    })
}

/// The dossier's recovery set and whether its recovery file is in place; `None` without sheets.
pub fn recovery_status(d: &Dossier) -> Result<Option<RecoveryStatus>> {
    let Some(set) = recovery::current_set(d.conn())? else { return Ok(None) };
    let file = recovery::sidecar_path(d.path());
    Ok(Some(RecoveryStatus {
        set_id: hex(&set.set_id),
        threshold: set.threshold,
        shares: set.shares,
        file_ok: recovery::file_matches(&file, &set),
        names: set.names,
        created_at: set.created_at,
        file,
    }))
}
