//! Long work off the UI thread, reporting progress as `job-progress` events and stopping when cancelled.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::Local;
use dossier::documents::{self, BannerSize};
use dossier::model::{Detainee, Stage};
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
        let people = st.with_now(|d| {
            let ships = d.sponsorships(None, None)?;
            let mut ids: Vec<uuid::Uuid> =
                ships.iter().filter(|s| s.stage != Stage::Ended).filter_map(|s| s.detainee_id).collect();
            ids.sort();
            ids.dedup();
            ids.into_iter()
                .map(|id| d.get::<Detainee>(id).map(|p| (id, p.data.name)))
                .collect::<dossier::Result<Vec<_>>>()
        });
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
                    let today = Local::now().date_naive();
                    let r = st.with_now(|d| documents::banner(d, id, None, size, bleed_mm, lang, today)).and_then(
                        |(pdf, _)| {
                            let file =
                                dir.join(format!("{}.pdf", crate::commands::banner_file_name(lang, &name, size)));
                            documents::write_pdf(&file, &pdf.bytes).map_err(|e| st.core_err(e))
                        },
                    );
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
