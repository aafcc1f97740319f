//! Long work off the UI thread, reporting progress as `job-progress` events and stopping when cancelled.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::Local;
use dossier::api::{self, DocRequest};
use dossier::documents::{self, BannerSize};
use dossier::Lang;
use tauri::{AppHandle, Emitter};

use crate::commands::JobProgress;
use crate::state::Shell;

/// Writes a banner for every detainee with a sponsorship that has not ended, one file each, into `dir`. A refusal
/// for one person (no consent to publish, no photo) is reported and the job goes on with the next.
pub fn banners(app: AppHandle, st: Shell, dir: PathBuf, size: BannerSize, bleed_mm: f32, lang: Lang) -> u32 {
    let (job, cancel) = st.start_job();
    std::thread::spawn(move || {
        let mut p = JobProgress {
            job,
            done: 0,
            total: 0,
            current: String::new(),
            finished: false,
            cancelled: false,
            errors: vec![],
        };
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
        p.current.clear();
        p.finished = true;
        st.end_job(job);
        let _ = app.emit("job-progress", &p);
    });
    job
}
