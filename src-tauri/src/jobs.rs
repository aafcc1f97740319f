//! Long work off the UI thread, reporting progress as `job-progress` events and stopping when cancelled.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use chrono::Local;
use dossier::api::{self, DocRequest};
use dossier::documents::{self, BannerSize};
use dossier::Lang;
use tauri::{AppHandle, Emitter};
use zeroize::Zeroizing;

use crate::commands::JobProgress;
use crate::state::Shell;

/// Writes a banner for every detainee with a sponsorship that has not ended, one file each, into `dir`. A refusal
/// for one person (no consent to publish, no photo) is reported and the job goes on with the next.
pub fn banners(app: AppHandle, st: Shell, dir: PathBuf, size: BannerSize, bleed_mm: f32, lang: Lang) -> u32 {
    let (job, cancel) = st.start_job();
    std::thread::spawn(move || {
        let mut p = progress(job, 0);
        let people = st.with_now(|d| api::sponsored_detainees(d));
        match people {
            Err(e) => p.errors.push(e.message),
            Ok(people) => {
                p.total = people.len() as u32;
                for (id, name) in people {
                    if cancel.load(Ordering::Relaxed) {
                        p.cancelled = true;
                        break;
                    }
                    p.current = name.clone();
                    let _ = app.emit("job-progress", &p);
                    let req = DocRequest::Banner { detainee: id, sponsor: None, size, bleed_mm, lang, pdfx: false };
                    let r = st.with_now(|d| api::render(d, req, Local::now().date_naive())).and_then(|doc| {
                        // A banner already in the folder (an earlier batch) is kept: the new one gets a number.
                        let path = dossier::files::free_name(&dir, &doc.file_name);
                        documents::write_pdf_as(&path, &doc.pdf.bytes, dossier::files::Existing::Refuse)
                            .map_err(|e| st.core_err(e))
                    });
                    if let Err(e) = r {
                        p.errors.push(format!("{name}: {}", e.message));
                    }
                    p.done += 1;
                }
            }
        }
        finish(&app, &st, p);
    });
    job
}

/// A job's progress record at its start.
fn progress(job: u32, total: u32) -> JobProgress {
    JobProgress {
        job,
        done: 0,
        total,
        current: String::new(),
        finished: false,
        cancelled: false,
        errors: vec![],
        code: None,
        output: None,
        record: None,
    }
}

/// Writes a sponsorship's ceremony kit into `dir` (`api::ceremony_kit`): one step per file, all or nothing (a
/// cancelled kit leaves no folder and no record). A refusal before anything is written (no ceremony date or
/// place, a folder that holds files) ends the job with its message and its code.
pub fn ceremony_kit(app: AppHandle, st: Shell, request: api::KitRequest, dir: PathBuf) -> u32 {
    let (job, cancel) = st.start_job();
    std::thread::spawn(move || {
        let mut p = progress(job, 0);
        let _ = app.emit("job-progress", &p);
        let r = st.with_now(|d| {
            api::ceremony_kit(
                d,
                &request,
                &dir,
                Local::now().date_naive(),
                |done, total| {
                    (p.done, p.total) = (done, total);
                    let _ = app.emit("job-progress", &p);
                },
                || cancel.load(Ordering::Relaxed),
            )
        });
        match r {
            Ok(kit) => {
                (p.done, p.total) = (kit.files.len() as u32, kit.files.len() as u32);
                p.output = Some(dir.display().to_string());
                p.record = Some(kit.press_release);
            }
            Err(e) if e.code == "cancelled" => p.cancelled = true,
            Err(e) => {
                p.code = Some(e.code.clone());
                p.errors.push(e.message);
            }
        }
        finish(&app, &st, p);
    });
    job
}

/// Sends the last event of a job and forgets it.
fn finish(app: &AppHandle, st: &Shell, mut p: JobProgress) {
    p.current.clear();
    p.finished = true;
    st.end_job(p.job);
    let _ = app.emit("job-progress", &p);
}

/// What the import job reads: a spreadsheet with the wizard's choices, or a JSON export.
pub enum ImportJob {
    Spreadsheet { path: PathBuf, request: api::ImportRequest, photos: Option<PathBuf> },
    Json { path: PathBuf, passphrase: Option<Zeroizing<String>> },
}

/// Applies an import in one transaction, row by row with `job-progress` events (at most about every 100 ms, and at
/// each hundredth); cancelling rolls it back: nothing is written. A refusal (rows in error, a duplicate left
/// undecided) ends the job with its message and writes nothing.
pub fn import(app: AppHandle, st: Shell, what: ImportJob) -> u32 {
    let (job, cancel) = st.start_job();
    let lang = st.lang();
    std::thread::spawn(move || {
        let mut p = progress(job, 0);
        let _ = app.emit("job-progress", &p);
        let result = match what {
            ImportJob::Spreadsheet { path, request, photos } => st.with_now(|d| {
                let mut last = Instant::now();
                let mut sent = 0usize;
                api::import_apply(d, &path, &request, photos, lang, |done, total| {
                    if cancel.load(Ordering::Relaxed) {
                        return false;
                    }
                    let step = (total / 100).max(1);
                    if done == total || done >= sent + step || last.elapsed() >= Duration::from_millis(100) {
                        (p.done, p.total) = (done as u32, total as u32);
                        let _ = app.emit("job-progress", &p);
                        (sent, last) = (done, Instant::now());
                    }
                    true
                })
                .map(|r| {
                    let s = &r.summary;
                    (s.create + s.update + s.merge) as u32
                })
            }),
            ImportJob::Json { path, passphrase } => {
                p.total = 1;
                st.with_now(|d| {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(dossier::Error::Cancelled);
                    }
                    let r = api::import_json(d, &path, passphrase.as_ref().map(|s| s.as_str()), true)?;
                    Ok(r.records.values().sum::<usize>() as u32)
                })
            }
        };
        match result {
            Ok(n) => (p.done, p.total) = (n, n),
            Err(e) if e.code == "cancelled" => p.cancelled = true,
            Err(e) => p.errors.push(e.message),
        }
        finish(&app, &st, p);
    });
    job
}

/// Writes an export where the user chose, as a job (start and end events: the writing itself is one step).
pub fn export(
    app: AppHandle,
    st: Shell,
    request: api::ExportRequest,
    path: PathBuf,
    passphrase: Option<Zeroizing<String>>,
) -> u32 {
    let (job, _cancel) = st.start_job();
    let lang = st.lang();
    std::thread::spawn(move || {
        let mut p = progress(job, 1);
        p.current = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = app.emit("job-progress", &p);
        // The save dialog asked before replacing a file of that name.
        let r = st.with_now(|d| api::export(d, &request, &path, true, passphrase.as_ref().map(|s| s.as_str()), lang));
        match r {
            Ok(_) => p.done = 1,
            Err(e) => p.errors.push(e.message),
        }
        finish(&app, &st, p);
    });
    job
}
