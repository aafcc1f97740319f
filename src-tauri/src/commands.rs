//! Every command the webview may call. Each is a few lines: validate what the webview sent, call the core on a
//! blocking thread, map the error to `{code, message}`. Anything longer belongs in the core (`dossier::api`).
//!
//! The `commands!` macro writes each command once and records its signature from the real Rust types, so
//! `bindings.rs` can generate the TypeScript wrappers (`ui/src/lib/generated/commands.ts`) that cannot drift.
//! Architecture invariant: file paths never come from the webview; they come from native dialogs or from the
//! operating system's drag-and-drop event, held here and referred to by a number.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use dossier::api::{self, AnyRecord, DeletableKind, DocRequest, IfNoProfile, ListFilter, MediaEdit, Settings};
use dossier::documents::{self, BannerSize, Preflight};
use dossier::model::{Detainee, Disclosure, Media, PressRelease, Profile, Sponsor, Stored};
use dossier::{Dossier, Lang};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::IpcResult;
use crate::state::{Generated, Reply, Shell};

/// One command's signature, for the TypeScript generator.
pub struct Signature {
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub ret: String,
}

macro_rules! commands {
    ($( $(#[$meta:meta])* async fn $name:ident($st:ident, $app:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block )*) => {
        $(
            $(#[$meta])*
            #[tauri::command]
            #[allow(unused_variables)]
            pub async fn $name($st: State<'_, Shell>, $app: AppHandle $(, $arg: $ty)*) -> IpcResult<$ret> {
                let $st: Shell = $st.inner().clone();
                $body
            }
        )*

        /// The signatures of every command, in TypeScript terms.
        pub fn signatures(cfg: &ts_rs::Config) -> Vec<Signature> {
            vec![$( Signature {
                name: stringify!($name),
                args: vec![$( (stringify!($arg), <$ty as ts_rs::TS>::name(cfg)) ),*],
                ret: <$ret as ts_rs::TS>::name(cfg),
            } ),*]
        }

        /// Visits every type a command takes or returns (not what they contain: the visitor goes on from there).
        pub fn visit_types(v: &mut impl ts_rs::TypeVisitor) {
            $( $( v.visit::<$ty>(); )* v.visit::<$ret>(); )*
        }

        /// Writes every type the commands use, with their dependencies, into `cfg`'s output folder.
        pub fn export_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
            let mut export = Export(cfg, Ok(()));
            visit_types(&mut export);
            export.1
        }

        #[macro_export]
        macro_rules! app_handler {
            () => { tauri::generate_handler![$($crate::commands::$name,)* $crate::commands::document_bytes] };
        }
    };
}

/// Exports each type it visits that has a file of its own, with its dependencies (`export_all`); primitives,
/// `Option<T>`, `Vec<T>` and the like have none: what they contain is exported instead.
struct Export<'a>(&'a ts_rs::Config, Result<(), ts_rs::ExportError>);

impl ts_rs::TypeVisitor for Export<'_> {
    fn visit<U: ts_rs::TS + 'static + ?Sized>(&mut self) {
        if self.1.is_err() {
            return;
        }
        if U::output_path().is_some() {
            self.1 = U::export_all(self.0);
        } else {
            U::visit_dependencies(self);
            U::visit_generics(self);
        }
    }
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// What the first screen needs to know.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    /// Where the dossier is (shown to the user; never sent back as a path).
    pub dossier_path: String,
    pub exists: bool,
    pub unlocked: bool,
    pub lang: Lang,
    pub version: String,
    /// The core's limits (passphrase length and score, bleed), for the UI's checks.
    pub limits: api::Limits,
}

/// A dossier of the recent list, as the unlock screen shows it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RecentDossier {
    pub index: u32,
    pub name: String,
    pub folder: String,
    /// The dossier the app would open now.
    pub current: bool,
}

/// A generated document, held in the app until saved or opened.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GeneratedDoc {
    pub token: u32,
    pub pages: u32,
    pub bytes: u32,
    pub file_name: String,
    pub preflight: Option<Preflight>,
}

/// Progress of a long job, sent as the `job-progress` event.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JobProgress {
    pub job: u32,
    pub done: u32,
    pub total: u32,
    /// What is being done now (a name), empty at the end.
    pub current: String,
    pub finished: bool,
    pub cancelled: bool,
    /// Errors met on the way (one line each, translated); the job goes on with the next item.
    pub errors: Vec<String>,
    /// The code of the refusal that stopped the job before it wrote anything (`not_empty`: the folder holds
    /// files, the UI offers to replace them).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
    /// What the finished job wrote, as the user reads it (a folder's path).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub output: Option<String>,
    /// The record the job saved (the ceremony kit's press release draft), for the UI to open.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub record: Option<Uuid>,
}

/// A social-media card generated for the preview: its bytes are fetched raw with `document_bytes(token)`.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GeneratedCard {
    pub token: u32,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    pub file_name: String,
}

/// Files dropped on the window, announced as the `files-dropped` event.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Dropped {
    pub token: u32,
    pub names: Vec<String>,
}

const MAX_TEXT_ARG: usize = 1_000_000;

/// The code and where the invitation was saved, for the screen.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct InvitationShown {
    /// The one-time code, as words, to hand over separately from the file.
    pub code: String,
    /// The same code as a QR code (SVG drawn by the core).
    pub qr_svg: String,
    pub saved_to: String,
}

/// A device name is checked by the core before any dialog opens: a refused one never shows a dialog.
fn check_name(st: &Shell, name: &str) -> IpcResult<()> {
    if name.len() > 4 * api::share::MAX_DEVICE_NAME {
        return Err(st.err("bad-argument"));
    }
    api::share::check_device_name(name).map_err(|e| st.core_err(e))
}

fn check_len(st: &Shell, s: &str) -> IpcResult<()> {
    if s.len() > MAX_TEXT_ARG {
        return Err(st.err("bad-argument"));
    }
    Ok(())
}

fn ask_pdf_path(app: &AppHandle, name: &str) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

fn ask_image(app: &AppHandle) -> Option<PathBuf> {
    app.dialog()
        .file()
        .add_filter("Images", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Keeps a rendered document for preview and saving, under `name` made a file name.
fn keep(st: &Shell, pdf: documents::Pdf, preflight: Option<Preflight>, name: &str) -> GeneratedDoc {
    keep_named(st, api::Rendered { pdf, preflight, file_name: api::pdf_file_name(name) })
}

fn keep_named(st: &Shell, doc: api::Rendered) -> GeneratedDoc {
    let (pages, bytes) = (doc.pdf.pages as u32, doc.pdf.bytes.len() as u32);
    let file_name = doc.file_name;
    let token = st.keep_document(Generated { bytes: doc.pdf.bytes, file_name: file_name.clone() });
    GeneratedDoc { token, pages, bytes, file_name, preflight: doc.preflight }
}

/// The generated PDF's bytes, for the in-app preview (pdf.js): sent raw, not as JSON.
#[tauri::command]
pub fn document_bytes(st: State<'_, Shell>, token: u32) -> IpcResult<tauri::ipc::Response> {
    st.document(token, |g| tauri::ipc::Response::new(g.bytes.clone()))
}

commands! {
    /// Where the dossier is and whether it is open.
    async fn app_info(st, app) -> AppInfo {
        let path = st.path();
        Ok(AppInfo {
            dossier_path: path.display().to_string(),
            exists: path.exists(),
            unlocked: st.is_unlocked(),
            lang: st.lang(),
            version: app.package_info().version.to_string(),
            limits: api::Limits::CORE,
        })
    }

    /// The UI has drawn its first screen: show the window (it starts hidden, so no white flash).
    async fn app_ready(st, app) -> () {
        if let Some(w) = app.get_webview_window("main") {
            let _ = w.show();
            let _ = w.set_focus();
        }
        Ok(())
    }

    async fn set_lang(st, app, lang: Lang) -> () {
        st.set_lang(lang);
        crate::remember(&app, &st);
        Ok(())
    }

    /// The user is active (keys, mouse): postpones auto-lock.
    async fn activity(st, app) -> () {
        st.touch();
        Ok(())
    }

    /// The UI's answer to `close-requested` or `lock-requested` (whether edits are unsaved, and what the user chose).
    async fn unsaved_reply(st, app, reply: Reply) -> () {
        if reply == Reply::Stay {
            st.touch();
        }
        if let Some(purpose) = st.answer(reply) {
            crate::carry_out(&app, &st, purpose);
        }
        Ok(())
    }

    /// Chooses where a new dossier will be created (native dialog). Returns the path to show, or null.
    async fn choose_new_location(st, app) -> Option<String> {
        let picked = app.dialog().file().set_file_name("libertas.dossier").blocking_save_file();
        Ok(picked.and_then(|p| p.into_path().ok()).map(|p| {
            st.set_path(p.clone());
            crate::remember(&app, &st);
            p.display().to_string()
        }))
    }

    /// Chooses an existing dossier to open (native dialog).
    async fn choose_existing(st, app) -> Option<String> {
        let picked = app.dialog().file().add_filter("Dossier", &["dossier"]).blocking_pick_file();
        Ok(picked.and_then(|p| p.into_path().ok()).map(|p| {
            crate::lock(&app, &st);
            st.set_path(p.clone());
            crate::remember(&app, &st);
            p.display().to_string()
        }))
    }

    /// Creates the dossier at the chosen place, encrypted with `passphrase` (typed twice).
    async fn dossier_create(st, app, passphrase: String, confirm: String) -> () {
        let (pass, confirm) = (Zeroizing::new(passphrase), Zeroizing::new(confirm));
        let path = st.path();
        let d = st.blocking(move || api::create_dossier(&path, &pass, &confirm)).await?;
        st.set_open(Some(d));
        crate::remember(&app, &st);
        Ok(())
    }

    /// Opens the dossier. A wrong passphrase changes nothing.
    async fn dossier_unlock(st, app, passphrase: String) -> () {
        let pass = Zeroizing::new(passphrase);
        let path = st.path();
        let d = st.blocking(move || Dossier::open(&path, &pass)).await?;
        st.set_open(Some(d));
        crate::remember(&app, &st);
        crate::sync_soon(&app, &st);
        Ok(())
    }

    /// The dossiers opened before that still exist, the latest first (the unlock screen lists them).
    async fn recent_dossiers(st, app) -> Vec<RecentDossier> {
        let current = st.path();
        Ok(st
            .recent()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_file())
            .map(|(index, p)| RecentDossier {
                index: index as u32,
                name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                folder: p.parent().map(|d| d.display().to_string()).unwrap_or_default(),
                current: *p == current,
            })
            .collect())
    }

    /// Switches to a dossier of the recent list (by its number: paths never come from the webview).
    async fn choose_recent(st, app, index: u32) -> String {
        let path = st.recent().get(index as usize).cloned().filter(|p| p.is_file()).ok_or_else(|| st.err("no-recent"))?;
        crate::lock(&app, &st);
        st.set_path(path.clone());
        crate::remember(&app, &st);
        Ok(path.display().to_string())
    }

    /// Opens the `.dossier` file double-clicked while another dossier was open (`open-requested`): locks the
    /// open one and shows the unlock screen for the new one. Null when nothing was requested.
    async fn open_requested_dossier(st, app) -> Option<String> {
        let Some(path) = st.take_requested() else { return Ok(None) };
        crate::lock(&app, &st);
        st.set_path(path.clone());
        crate::remember(&app, &st);
        let _ = app.emit("locked", ());
        Ok(Some(path.display().to_string()))
    }

    /// Locks now: closes the dossier and forgets every generated document.
    async fn dossier_lock(st, app) -> () {
        crate::lock(&app, &st);
        let _ = app.emit("locked", ());
        Ok(())
    }

    async fn dashboard(st, app) -> api::Dashboard {
        st.with(|d| api::dashboard(d, today())).await
    }

    async fn detainee_rows(st, app, filter: ListFilter, offset: u32, limit: u32) -> api::RowPage {
        if let Some(q) = &filter.query { check_len(&st, q)?; }
        st.with(move |d| api::detainee_rows(d, &filter, offset.into(), limit.into(), today())).await
    }

    async fn search(st, app, text: String) -> Vec<dossier::store::SearchHit> {
        check_len(&st, &text)?;
        let lang = st.lang();
        st.with(move |d| api::search_all(d, &text, 30, lang)).await
    }

    async fn detainee_page(st, app, id: Uuid) -> api::DetaineePage {
        st.with(move |d| api::detainee_page(d, id, today())).await
    }

    /// One detainee's own record, without the page's contacts, photos and sources (the Documents screen needs
    /// only the name; family contacts have no business crossing to it).
    async fn detainee_get(st, app, id: Uuid) -> Stored<Detainee> {
        st.with(move |d| d.get::<Detainee>(id)).await
    }

    async fn sponsor_rows(st, app) -> Vec<api::SponsorRow> {
        st.with(|d| api::sponsor_rows(d)).await
    }

    async fn sponsor_get(st, app, id: Uuid) -> Stored<Sponsor> {
        st.with(move |d| d.get::<Sponsor>(id)).await
    }

    async fn sponsorships(st, app, sponsor: Option<Uuid>, detainee: Option<Uuid>) -> Vec<api::SponsorshipCard> {
        st.with(move |d| api::sponsorship_cards(d, sponsor, detainee)).await
    }

    async fn press_releases(st, app) -> Vec<Stored<PressRelease>> {
        st.with(|d| d.list::<PressRelease>()).await
    }

    /// Creates (`id` null) or replaces a record; every field is validated by the core.
    async fn record_save(st, app, id: Option<Uuid>, record: AnyRecord) -> Uuid {
        st.with(move |d| api::save(d, id, record)).await
    }

    /// Deletes a record into the bin; returns the bin entry (the toast's "Annuler" restores it).
    async fn record_delete(st, app, kind: DeletableKind, id: Uuid) -> i64 {
        st.with(move |d| api::delete(d, kind, id)).await
    }

    async fn bin_entries(st, app) -> Vec<dossier::store::BinEntry> {
        st.with(|d| d.bin_entries()).await
    }

    async fn bin_restore(st, app, entry: i64) -> dossier::store::RestoredEntry {
        st.with(move |d| d.restore_from_bin(entry)).await
    }

    async fn bin_purge(st, app, entry: i64) -> () {
        st.with(move |d| d.purge_bin_entry(entry)).await
    }

    /// Empties the bin; returns how many entries were deleted for good.
    async fn bin_empty(st, app) -> usize {
        st.with(|d| d.empty_bin()).await
    }

    async fn sponsorship_handover(st, app, id: Uuid, to_sponsor: Uuid) -> Uuid {
        st.with(move |d| api::handover(d, id, to_sponsor, today())).await
    }

    async fn history(st, app, id: Uuid) -> Vec<dossier::store::Change> {
        st.with(move |d| d.history(id)).await
    }

    async fn history_restore(st, app, seq: i64) -> dossier::store::RestoredValue {
        st.with(move |d| d.restore_value(seq)).await
    }

    /// Imports a photo chosen in the native dialog. Null when the user cancelled.
    async fn photo_import(st, app, detainee: Uuid, disclosure: Disclosure) -> Option<Stored<Media>> {
        let Some(path) = ask_image(&app) else { return Ok(None) };
        st.with(move |d| d.add_photo(detainee, &path, disclosure)).await.map(Some)
    }

    /// Imports the photos last dropped on the window (announced by the `files-dropped` event).
    async fn photo_import_dropped(st, app, detainee: Uuid, token: u32, disclosure: Disclosure) -> Vec<Stored<Media>> {
        let paths = st.take_drop(token)?;
        st.with(move |d| paths.iter().map(|p| d.add_photo(detainee, p, disclosure)).collect()).await
    }

    /// Changes a photo's crop, consent, caption or credit.
    async fn media_edit(st, app, id: Uuid, edit: MediaEdit) -> Stored<Media> {
        st.with(move |d| api::edit_media(d, id, edit)).await
    }

    /// Sets a sponsor's logo from an image chosen in the native dialog (one transaction); returns the new logo's
    /// id, or null.
    async fn sponsor_logo_import(st, app, sponsor: Uuid) -> Option<Uuid> {
        let Some(path) = ask_image(&app) else { return Ok(None) };
        st.with(move |d| api::set_sponsor_logo(d, sponsor, &path)).await.map(Some)
    }

    /// Adds a logo of the collective (native dialog), starting the profile if there is none yet.
    async fn profile_logo_import(st, app) -> Option<Uuid> {
        let Some(path) = ask_image(&app) else { return Ok(None) };
        st.with(move |d| api::add_profile_logo(d, &path, IfNoProfile::Create)).await.map(Some)
    }

    async fn profile_get(st, app) -> Option<Stored<Profile>> {
        st.with(|d| d.profile()).await
    }

    async fn profile_save(st, app, profile: Profile) -> () {
        st.with(move |d| d.set_profile(profile).map(|_| ())).await
    }

    async fn settings_get(st, app) -> Settings {
        st.with(|d| api::settings(d)).await
    }

    async fn settings_save(st, app, settings: Settings) -> () {
        if !settings.within_limits() {
            return Err(st.err("bad-argument"));
        }
        let minutes = settings.auto_lock_minutes;
        st.with(move |d| api::save_settings(d, &settings)).await?;
        st.set_auto_lock(minutes);
        Ok(())
    }

    /// Re-encrypts the dossier under a new passphrase, after proving the current one.
    async fn passphrase_change(st, app, current: String, new_passphrase: String, confirm: String) -> () {
        let (current, new, confirm) = (Zeroizing::new(current), Zeroizing::new(new_passphrase), Zeroizing::new(confirm));
        st.with(move |d| api::change_passphrase(d, &current, &new, &confirm).map(drop)).await
    }

    /// How strong a passphrase being typed would be for this dossier, with advice in the app's language: what the
    /// core will accept, so the form never decides it.
    async fn passphrase_strength(st, app, passphrase: String) -> dossier::store::strength::Strength {
        let pass = Zeroizing::new(passphrase);
        Ok(api::passphrase_strength(&pass, &st.path(), st.lang()))
    }

    /// The dossier's recovery set, if it has one, and whether its recovery file is beside it.
    async fn recovery_status(st, app) -> Option<api::RecoveryStatus> {
        st.with(|d| api::recovery_status(d)).await
    }

    /// Writes a new set of recovery sheets (a PDF and a text file per member organisation) into a folder the user
    /// chooses. `passphrase` is the dossier's, proven before anything is written. Null when cancelled.
    async fn recovery_create(st, app, shares: u8, threshold: u8, names: Vec<String>, passphrase: String) -> Option<api::RecoverySheets> {
        if names.len() > usize::from(shares) || names.iter().any(|n| n.chars().count() > 200) {
            return Err(st.err("bad-argument"));
        }
        let pass = Zeroizing::new(passphrase);
        let picked = app.dialog().file().blocking_pick_folder().and_then(|p| p.into_path().ok());
        let Some(dir) = picked else { return Ok(None) };
        let request = api::RecoverySheetsRequest { shares, threshold, names, dir, lang: st.lang() };
        st.with(move |d| api::create_recovery_sheets(d, &pass, &request)).await.map(Some)
    }

    /// What one typed or loaded recovery sheet says about itself (its number, its set), or why it cannot be read.
    async fn recovery_read_share(st, app, text: String) -> api::ShareInfo {
        if text.len() > MAX_SHARE_TEXT {
            return Err(st.err("bad-argument"));
        }
        st.blocking(move || api::read_share(&text)).await
    }

    /// The text of a recovery sheet's `.txt` file chosen in the native dialog, for the form. Null when cancelled.
    async fn recovery_share_file(st, app) -> Option<String> {
        let picked = app.dialog().file().add_filter("Texte", &["txt"]).blocking_pick_file().and_then(|p| p.into_path().ok());
        let Some(path) = picked else { return Ok(None) };
        st.blocking(move || read_share_file(&path)).await.map(Some)
    }

    /// Reopens the locked dossier whose passphrase is lost with enough recovery sheets, under a new passphrase
    /// typed twice, and opens it.
    async fn recovery_open(st, app, shares: Vec<String>, new_passphrase: String, confirm: String) -> api::RecoveryOpened {
        if shares.len() > 16 || shares.iter().any(|s| s.len() > MAX_SHARE_TEXT) {
            return Err(st.err("bad-argument"));
        }
        // Asked from the unlock screen: an open dossier needs no recovery, and another connection must not re-key it.
        if st.is_unlocked() {
            return Err(st.err("already-open"));
        }
        let (new, confirm) = (Zeroizing::new(new_passphrase), Zeroizing::new(confirm));
        let path = st.path();
        let (d, opened) = st.blocking(move || api::recover_dossier(&path, &shares, &new, &confirm)).await?;
        st.set_open(Some(d));
        crate::sync_soon(&app, &st);
        Ok(opened)
    }

    /// Writes a verified encrypted backup where the user chooses, with the dossier's recovery file beside it.
    /// Null when cancelled.
    async fn backup_now(st, app) -> Option<api::BackupCopy> {
        let name = format!("libertas-{}.dossier", Local::now().format("%Y-%m-%d-%H%M"));
        let picked = app.dialog().file().set_file_name(&name).add_filter("Dossier", &["dossier"]).blocking_save_file().and_then(|p| p.into_path().ok());
        let Some(path) = picked else { return Ok(None) };
        st.with(move |d| api::backup_to(d, &path)).await.map(Some)
    }

    /// The automatic backups, newest first (date, size).
    async fn backups_list(st, app) -> Vec<api::BackupEntry> {
        st.with(|d| api::backups(d)).await
    }

    /// Verifies one automatic backup (named as `backups_list` names it) with the open dossier's key.
    async fn backup_verify(st, app, name: String) -> dossier::store::BackupInfo {
        if name.len() > MAX_BACKUP_NAME { return Err(st.err("bad-argument")); }
        st.with(move |d| api::verify_backup(d, &name)).await
    }

    /// Restore, from a file chosen in the native dialog (a backup made elsewhere): step one, the file. Returns its
    /// name, or null.
    async fn backup_choose_file(st, app) -> Option<String> {
        let picked = app.dialog().file().add_filter("Dossier", &["dossier"]).blocking_pick_file().and_then(|p| p.into_path().ok());
        Ok(picked.map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            st.pick("restore", p);
            name
        }))
    }

    /// Restores an automatic backup (`name`) or, `name` null, the file chosen with `backup_choose_file`, opened with
    /// `passphrase` (the one it was made under). The backup is verified first; a wrong passphrase or a damaged
    /// file changes nothing. Then the dossier is locked, the current file moved aside (never overwritten) and the
    /// backup put in its place: the app shows the unlock screen, asking the restored file's passphrase.
    async fn backup_restore(st, app, name: Option<String>, passphrase: String) -> dossier::store::Restored {
        if name.as_ref().is_some_and(|n| n.len() > MAX_BACKUP_NAME) { return Err(st.err("bad-argument")); }
        let pass = Zeroizing::new(passphrase);
        let source = match name {
            Some(name) => st.with(move |d| d.auto_backup_path(&name)).await?,
            None => st.picked("restore")?,
        };
        let (src, p) = (source.clone(), pass.clone());
        st.blocking(move || dossier::store::verify_file(&src, &p).map(drop)).await?;
        crate::lock(&app, &st);
        let target = st.path();
        let restored = st.blocking(move || api::restore_backup(&source, &target, &pass)).await;
        st.unpick("restore");
        let _ = app.emit("locked", ());
        restored
    }

    /// Rebuilds the dossier file without free pages; returns its new size in bytes.
    async fn dossier_compact(st, app) -> u64 {
        st.with(api::backups::compact).await
    }

    /// Import wizard, step one: the spreadsheet or JSON export (native dialog). Returns what it is, or null.
    async fn import_choose_file(st, app) -> Option<api::ImportFile> {
        let picked = app.dialog().file()
            .add_filter("CSV, XLSX, ODS, JSON", &["csv", "txt", "tsv", "xlsx", "xlsm", "ods", "json", "age", "CSV", "XLSX", "ODS", "JSON"])
            .blocking_pick_file().and_then(|p| p.into_path().ok());
        Ok(picked.map(|p| {
            let info = api::import_file(&p);
            st.pick("import", p);
            st.unpick("import-photos");
            info
        }))
    }

    /// The folder of the photos (or logos) the file names (native dialog); by default the file's own folder.
    /// Returns the folder's path to show, or null.
    async fn import_choose_photos(st, app) -> Option<String> {
        let start = st.picked_opt("import").as_deref().map(dossier::files::parent_dir);
        let mut dialog = app.dialog().file();
        if let Some(dir) = start { dialog = dialog.set_directory(dir); }
        let picked = dialog.blocking_pick_folder().and_then(|p| p.into_path().ok());
        Ok(picked.map(|p| {
            let shown = p.display().to_string();
            st.pick("import-photos", p);
            shown
        }))
    }

    /// The dry run of the chosen spreadsheet with the wizard's mapping and decisions: nothing is written.
    async fn import_preview(st, app, request: api::ImportRequest) -> api::ImportPreview {
        if !request.within_limits() { return Err(st.err("bad-argument")); }
        let (path, photos, lang) = (st.picked("import")?, st.picked_opt("import-photos"), st.lang());
        st.with(move |d| api::import_preview(d, &path, &request, photos, lang)).await
    }

    /// The dry run of the chosen JSON export (a sealed one opened with `passphrase`): what it would add.
    async fn import_json_preview(st, app, passphrase: Option<String>) -> dossier::exchange::JsonImportReport {
        let pass = passphrase.map(Zeroizing::new);
        let path = st.picked("import")?;
        st.with(move |d| api::import_json(d, &path, pass.as_ref().map(|p| p.as_str()), false)).await
    }

    /// Applies the import as a job (`job-progress` events, `job_cancel` rolls it back). Returns the job number.
    async fn import_start(st, app, request: api::ImportRequest, passphrase: Option<String>) -> u32 {
        if !request.within_limits() || passphrase.as_ref().is_some_and(|p| p.len() > MAX_TEXT_ARG) { return Err(st.err("bad-argument")); }
        if !st.is_unlocked() { return Err(st.err("locked")); }
        let path = st.picked("import")?;
        let what = if api::import_file(&path).json {
            crate::jobs::ImportJob::Json { path, passphrase: passphrase.map(Zeroizing::new) }
        } else {
            crate::jobs::ImportJob::Spreadsheet { path, request, photos: st.picked_opt("import-photos") }
        };
        Ok(crate::jobs::import(app.clone(), st.clone(), what))
    }

    /// An export where the user chooses (save dialog; a folder for the website feed), written as a job. A sealed
    /// JSON export needs a new passphrase typed twice, checked before the dialog opens. Null when cancelled.
    async fn export_start(st, app, request: api::ExportRequest, passphrase: Option<String>, confirm: Option<String>) -> Option<u32> {
        if !request.is_valid() { return Err(st.err("bad-argument")); }
        let sealed = request.format == api::ExportFormat::Json && !request.plaintext;
        let pass = match (sealed, passphrase, confirm) {
            (true, Some(p), Some(c)) => {
                if p.len() > MAX_TEXT_ARG || c.len() > MAX_TEXT_ARG { return Err(st.err("bad-argument")); }
                let (p, c) = (Zeroizing::new(p), Zeroizing::new(c));
                api::exchange::check_export_passphrase(&p, &c).map_err(|e| st.core_err(e))?;
                Some(p)
            }
            (true, _, _) => return Err(st.core_err(dossier::Error::PassphraseMismatch)),
            (false, _, _) => None,
        };
        if !st.is_unlocked() { return Err(st.err("locked")); }
        let name = request.file_name(st.lang(), today());
        let start = dossier::files::parent_dir(&st.path());
        let dialog = app.dialog().file().set_directory(start);
        let picked = match request.format {
            api::ExportFormat::Website => dialog.blocking_pick_folder(),
            api::ExportFormat::Csv => dialog.set_file_name(&name).add_filter("CSV", &["csv"]).blocking_save_file(),
            api::ExportFormat::Xlsx => dialog.set_file_name(&name).add_filter("XLSX", &["xlsx"]).blocking_save_file(),
            api::ExportFormat::Json => dialog.set_file_name(&name).blocking_save_file(),
        };
        let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
        Ok(Some(crate::jobs::export(app.clone(), st.clone(), request, path, pass)))
    }

    /// Runs the integrity checks.
    async fn dossier_check(st, app) -> dossier::store::CheckReport {
        st.with(|d| d.check()).await
    }

    async fn document_generate(st, app, request: DocRequest) -> GeneratedDoc {
        if let DocRequest::Banner { bleed_mm, .. } = &request {
            if !bleed_mm.is_finite() { return Err(st.err("bad-argument")); }
        }
        let doc = st.with(move |d| api::render(d, request, today())).await?;
        Ok(keep_named(&st, doc))
    }

    /// The sponsor a banner of `detainee` names unless another is chosen (preselected in the form).
    async fn banner_sponsor(st, app, detainee: Uuid) -> Option<Uuid> {
        st.with(move |d| api::banner_sponsor(d, detainee)).await
    }

    /// Saves a generated document where the user chooses (native dialog). Returns the file name, or null.
    async fn document_save(st, app, token: u32) -> Option<String> {
        let name = st.document(token, |g| g.file_name.clone())?;
        let Some(path) = ask_pdf_path(&app, &name) else { return Ok(None) };
        let bytes = st.document(token, |g| g.bytes.clone())?;
        let shown = path.display().to_string();
        st.blocking(move || documents::write_pdf(&path, &bytes)).await?;
        Ok(Some(shown))
    }

    /// Opens a generated document in the system's PDF viewer (a private temporary copy).
    async fn document_open(st, app, token: u32) -> () {
        let (name, bytes) = st.document(token, |g| (g.file_name.clone(), g.bytes.clone()))?;
        let dir = crate::viewer_dir(&app).map_err(|e| st.core_err(dossier::Error::Io(e.to_string())))?;
        let path = dir.join(name);
        let p = path.clone();
        st.blocking(move || documents::write_pdf(&p, &bytes)).await?;
        app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|_| st.err("open-viewer"))
    }

    /// Banners for every sponsored detainee, into a folder the user chooses, as a job with `job-progress` events.
    /// Returns the job number, or null when the user cancelled the dialog.
    async fn banners_batch(st, app, size: BannerSize, bleed_mm: f32, lang: Lang) -> Option<u32> {
        if !bleed_mm.is_finite() { return Err(st.err("bad-argument")); }
        let Some(dir) = app.dialog().file().blocking_pick_folder().and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        Ok(Some(crate::jobs::banners(app.clone(), st.clone(), dir, size, bleed_mm, lang)))
    }

    /// A social-media card (PNG at its format's exact size) for the preview; "Enregistrer l'image" is `card_save`.
    async fn card_generate(st, app, request: api::CardRequest) -> GeneratedCard {
        let card = st.with(move |d| api::render_card(d, request, today())).await?;
        let (width, height, bytes, file_name) = (card.width, card.height, card.png.len() as u32, card.file_name.clone());
        let token = st.keep_document(Generated { bytes: card.png, file_name: card.file_name });
        Ok(GeneratedCard { token, width, height, bytes, file_name })
    }

    /// Saves a generated card where the user chooses (native dialog, PNG). Returns the path shown, or null.
    async fn card_save(st, app, token: u32) -> Option<String> {
        let name = st.document(token, |g| g.file_name.clone())?;
        let Some(path) = app
            .dialog()
            .file()
            .set_file_name(&name)
            .add_filter("PNG", &["png"])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
        else {
            return Ok(None);
        };
        let bytes = st.document(token, |g| g.bytes.clone())?;
        let shown = path.display().to_string();
        st.blocking(move || documents::write_pdf(&path, &bytes)).await?;
        Ok(Some(shown))
    }

    /// The ceremony kit of a sponsorship (`api::ceremony_kit`) as a job with `job-progress` events, into a folder
    /// chosen in the native dialog. `replace` (after a `not_empty` refusal the user confirmed) writes into the
    /// folder chosen last time, replacing what it holds; it never takes a path from the webview. Returns the job,
    /// or null when the dialog was cancelled.
    async fn ceremony_kit_start(st, app, sponsorship: Uuid, replace: bool) -> Option<u32> {
        let dir = if replace {
            st.picked("ceremony-kit")?
        } else {
            // The dialog starts beside the last kit, else in the user's documents (or home) folder.
            let start = st
                .picked_opt("ceremony-kit")
                .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
                .or_else(|| app.path().document_dir().ok().filter(|d| d.is_dir()))
                .or_else(|| app.path().home_dir().ok());
            let mut dialog = app.dialog().file();
            if let Some(start) = start {
                dialog = dialog.set_directory(start);
            }
            let Some(dir) = dialog.blocking_pick_folder().and_then(|p| p.into_path().ok()) else {
                return Ok(None);
            };
            st.pick("ceremony-kit", dir.clone());
            dir
        };
        let request = api::KitRequest { sponsorship, lang: st.lang(), force: replace };
        Ok(Some(crate::jobs::ceremony_kit(app.clone(), st.clone(), request, dir)))
    }

    /// Opens the folder a ceremony kit was last written to in the system's file manager.
    async fn ceremony_kit_open(st, app) -> () {
        let dir = st.picked("ceremony-kit")?;
        app.opener().open_path(dir.display().to_string(), None::<&str>).map_err(|_| st.err("open-viewer"))
    }

    async fn job_cancel(st, app, job: u32) -> () {
        st.cancel_job(job)
    }

    /// Renders a press release as being edited, without saving it, for the editor's live preview.
    async fn press_release_preview(st, app, release: PressRelease) -> GeneratedDoc {
        check_len(&st, &release.body)?;
        let name = format!("{}-{}", release.date, release.title);
        let doc = st.with(move |d| documents::press_release_draft(d, &release, today())).await?;
        Ok(keep(&st, doc, None, &name))
    }

    async fn templates_list(st, app) -> Vec<documents::TemplateInfo> {
        st.with(|d| d.templates()).await
    }

    async fn template_get(st, app, name: String) -> String {
        st.with(move |d| d.template(&name)).await
    }

    /// Renders a template being edited against fictional sample data; errors carry the template's line.
    async fn template_preview(st, app, name: String, source: String) -> GeneratedDoc {
        check_len(&st, &source)?;
        let n = name.clone();
        let (doc, preflight) = st.with(move |d| documents::preview_template(d, &n, &source)).await?;
        Ok(keep(&st, doc, preflight, &name.replace('/', "-")))
    }

    async fn template_save(st, app, name: String, source: String) -> () {
        check_len(&st, &source)?;
        st.with(move |d| d.set_templates(&[(name, source)])).await
    }

    async fn template_reset(st, app, name: String) -> () {
        st.with(move |d| d.reset_template(&name)).await
    }

    /// Whether the dossier is shared, its devices, the last sync and the open conflicts (Settings, the sidebar).
    async fn share_status(st, app) -> api::ShareStatus {
        let lang = st.lang();
        st.with(move |d| api::share_status(d, lang)).await
    }

    /// Makes the open dossier the first member of a shared dossier, in a folder chosen in the native dialog (one
    /// that Syncthing or another sync engine carries). Null when cancelled.
    async fn share_create(st, app, device_name: String) -> Option<api::ShareStatus> {
        check_name(&st, &device_name)?;
        let start = dossier::files::parent_dir(&st.path());
        let Some(folder) = app.dialog().file().set_directory(start).blocking_pick_folder().and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        let lang = st.lang();
        let status = st.with(move |d| {
            api::share::create_share(d, &folder, &device_name, lang)?;
            api::share_status(d, lang)
        }).await?;
        st.synced_now();
        let _ = app.emit("synced", ());
        Ok(Some(status))
    }

    /// Invites a new device: asks where to save the invitation file (native dialog), writes it, and returns the
    /// one-time code to hand over separately (words and QR code). Null when cancelled: no device is added.
    async fn share_invite(st, app, device_name: String) -> Option<InvitationShown> {
        check_name(&st, &device_name)?;
        let file_name = format!("invitation-{}.invitation", api::documents::file_stem(&device_name));
        let picked = app.dialog().file().set_file_name(&file_name).add_filter("Invitation", &["invitation"]).blocking_save_file();
        let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
        let shown = path.display().to_string();
        let inv = st.with(move |d| {
            let inv = api::share::invite(d, &device_name)?;
            // The dialog already asked before replacing a file of that name.
            dossier::files::write_bytes(&path, dossier::files::Existing::Replace, &inv.file)?;
            Ok(inv)
        }).await?;
        Ok(Some(InvitationShown { code: inv.code, qr_svg: inv.qr_svg, saved_to: shown }))
    }

    /// Syncs now ("Synchroniser maintenant"): the summary, or why it failed (kept for the sidebar too).
    async fn share_sync(st, app) -> api::SyncSummary {
        let lang = st.lang();
        let summary = st.with(move |d| api::share::sync(d, lang)).await;
        st.synced_now();
        let _ = app.emit("synced", ());
        summary
    }

    /// Revokes a device: every replica ignores its files from now on.
    async fn share_revoke(st, app, device: Uuid) -> () {
        st.with(move |d| api::share::revoke(d, &device.to_string()).map(drop)).await
    }

    /// Seals new files under a new random key that revoked devices never had; returns the new key's number.
    async fn share_rotate_key(st, app) -> u32 {
        st.with(api::share::rotate_key).await
    }

    /// The conflicts inbox.
    async fn conflicts(st, app) -> Vec<api::ConflictEntry> {
        st.with(|d| api::conflict_entries(d)).await
    }

    /// Closes a conflict with one of its values or another one typed; reaches every device at their next sync.
    async fn conflict_resolve(st, app, id: String, how: api::Resolution) -> () {
        if id.len() > 64 { return Err(st.err("bad-argument")); }
        if let api::Resolution::Value(v) = &how { check_len(&st, v)?; }
        st.with(move |d| api::share::resolve(d, &id, &how)).await?;
        let _ = app.emit("synced", ());
        Ok(())
    }

    /// Joining a shared dossier, step one: the invitation file (native dialog). Returns its name, or null.
    async fn join_choose_invitation(st, app) -> Option<String> {
        let picked = app.dialog().file().add_filter("Invitation", &["invitation"]).blocking_pick_file().and_then(|p| p.into_path().ok());
        Ok(picked.map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            st.pick("invitation", p);
            name
        }))
    }

    /// Step two: the shared folder as the sync engine put it on this computer. Returns its path to show, or null.
    async fn join_choose_folder(st, app) -> Option<String> {
        let start = dossier::files::parent_dir(&st.path());
        let picked = app.dialog().file().set_directory(start).blocking_pick_folder().and_then(|p| p.into_path().ok());
        Ok(picked.map(|p| {
            let shown = p.display().to_string();
            st.pick("folder", p);
            shown
        }))
    }

    /// Step three: where the new dossier goes (save dialog). Returns the path to show, or null.
    async fn join_choose_location(st, app) -> Option<String> {
        let picked = app.dialog().file().set_file_name("libertas.dossier").blocking_save_file().and_then(|p| p.into_path().ok());
        Ok(picked.map(|p| {
            let shown = p.display().to_string();
            st.pick("location", p);
            shown
        }))
    }

    /// Joins: creates the new dossier under its own passphrase (typed twice) from the invitation and its code,
    /// fills it from the folder and opens it. A wrong code leaves no file.
    async fn share_join(st, app, code: String, passphrase: String, confirm: String) -> () {
        if code.len() > 200 { return Err(st.err("bad-argument")); }
        let (invitation, folder, location) = (st.picked("invitation")?, st.picked("folder")?, st.picked("location")?);
        let (pass, confirm) = (Zeroizing::new(passphrase), Zeroizing::new(confirm));
        let lang = st.lang();
        let db = location.clone();
        let (d, _) = st.blocking(move || api::share::join(&db, &pass, &confirm, &invitation, &code, &folder, lang)).await?;
        crate::lock(&app, &st);
        st.set_path(location);
        st.set_open(Some(d));
        st.forget_picked();
        st.synced_now();
        crate::remember(&app, &st);
        Ok(())
    }

    /// Loads the fictional sample records (for trying the app and for demonstrations).
    async fn load_sample(st, app) -> () {
        st.with(|d| dossier::demo::fill(d, 0).map(drop)).await
    }
}

/// An automatic backup's file name is 35 characters; anything much longer is not one.
const MAX_BACKUP_NAME: usize = 200;

/// A recovery sheet as text is about 400 bytes; anything beyond this is not one.
const MAX_SHARE_TEXT: usize = 16 * 1024;

/// Reads a recovery sheet's text file, refusing one too large to be a sheet before reading it whole.
fn read_share_file(path: &std::path::Path) -> dossier::Result<String> {
    use std::io::Read;
    let read_err = |source| dossier::Error::Read { path: path.to_owned(), source };
    let mut text = String::new();
    std::fs::File::open(path)
        .map_err(read_err)?
        .take(MAX_SHARE_TEXT as u64 + 1)
        .read_to_string(&mut text)
        .map_err(read_err)?;
    if text.len() > MAX_SHARE_TEXT {
        return Err(read_err(std::io::Error::new(std::io::ErrorKind::InvalidData, "too large for a recovery sheet")));
    }
    Ok(text)
}
