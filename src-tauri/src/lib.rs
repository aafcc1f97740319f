//! Libertas Dossier's desktop shell: a Tauri window over the `dossier` core. This crate is the only one that knows
//! about IPC; it holds no campaign logic (see ARCHITECTURE.md).

pub mod bindings;
pub mod commands;
pub mod error;
mod jobs;
mod memory;
pub mod state;

use std::path::PathBuf;
use std::time::Duration;

use dossier::Lang;
use serde::{Deserialize, Serialize};
use tauri::http::{Response, StatusCode};
use tauri::{AppHandle, Emitter, Manager, WindowEvent};

use crate::state::{Purpose, Shell};

/// What the app remembers between runs, outside the dossier: where it is and the language. No record data.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Remembered {
    dossier: Option<PathBuf>,
    lang: Option<Lang>,
    /// Dossiers opened before, the latest first.
    #[serde(default)]
    recent: Vec<PathBuf>,
}

fn config_file(app: &AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("settings.json"))
}

/// Saves the dossier's place and the language for the next start. Failing to save them is not worth an error.
pub(crate) fn remember(app: &AppHandle, st: &Shell) {
    let Some(file) = config_file(app) else { return };
    let r = Remembered { dossier: Some(st.path()), lang: Some(st.lang()), recent: st.recent() };
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(file, serde_json::to_vec_pretty(&r).unwrap_or_default());
}

/// A private folder for copies opened in the system viewer, emptied at each start.
pub(crate) fn viewer_dir(app: &AppHandle) -> std::io::Result<PathBuf> {
    let dir = app.path().app_cache_dir().map_err(std::io::Error::other)?.join("opened");
    std::fs::create_dir_all(&dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(dir)
}

/// Locks the dossier (its key dropped) and removes the copies of documents opened in the system viewer: a PDF
/// left in the cache would outlive the lock. A viewer that still shows one keeps its own open file (Linux, macOS);
/// where the system refuses to remove an open file (Windows), the next lock or start removes it.
pub(crate) fn lock(app: &AppHandle, st: &Shell) {
    // A shared dossier's last changes go into the folder before its key is dropped.
    sync_now(app, st);
    st.set_open(None);
    if let Ok(dir) = app.path().app_cache_dir().map(|d| d.join("opened")) {
        remove_viewer_copies(&dir);
    }
}

/// Goes on with a close or an auto-lock once the UI agreed (nothing unsaved, or the user chose to discard) or did
/// not answer in time.
pub(crate) fn carry_out(app: &AppHandle, st: &Shell, purpose: Purpose) {
    match purpose {
        Purpose::Close => close_now(app),
        Purpose::AutoLock => {
            if st.is_unlocked() {
                lock(app, st);
                let _ = app.emit("locked", ());
            }
        }
    }
}

/// Closing the window with the dossier open: the automatic backup is made while the window is still there (saying
/// so), then the app quits.
fn close_now(app: &AppHandle) {
    let st = app.state::<Shell>();
    if !st.begin_closing() {
        return;
    }
    let _ = app.emit("closing", ());
    let app = app.clone();
    std::thread::spawn(move || {
        let st = app.state::<Shell>();
        sync_now(&app, &st);
        let _ = st.with_now(|d| d.backup_auto().map(drop));
        lock(&app, &st);
        st.end_closing();
        app.exit(0);
    });
}

/// Syncs a shared dossier now, if one is open, and tells the UI (`synced`). A failure (the folder unplugged) is kept
/// in the dossier's sync summary, which the sidebar shows; nothing is lost.
pub(crate) fn sync_now(app: &AppHandle, st: &Shell) {
    let lang = st.lang();
    if let Ok(Some(_)) = st.with_now(|d| dossier::api::share::sync_if_shared(d, lang)) {
        st.synced_now();
        let _ = app.emit("synced", ());
    }
}

/// Syncs in the background (after unlocking: the window does not wait for the folder).
pub(crate) fn sync_soon(app: &AppHandle, st: &Shell) {
    let (app, st) = (app.clone(), st.clone());
    std::thread::spawn(move || sync_now(&app, &st));
}

/// Empties the viewer folder (see [`lock`]), keeping the folder itself.
pub fn remove_viewer_copies(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let _ = std::fs::remove_file(e.path());
    }
}

/// The dossier to open: `LIBERTAS_DOSSIER` (tests, several dossiers), else the remembered one, else
/// `libertas.dossier` in the user's data folder.
fn initial_state(app: &AppHandle) -> Shell {
    let remembered: Remembered = config_file(app)
        .and_then(|f| std::fs::read(f).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    // A `.dossier` file the app was started with (a double-click on it, or `libertas-dossier FILE`) comes first.
    let path = dossier_argument(std::env::args_os().skip(1), &std::env::current_dir().unwrap_or_default())
        .or_else(|| std::env::var_os("LIBERTAS_DOSSIER").map(PathBuf::from))
        .or(remembered.dossier)
        .unwrap_or_else(dossier::files::default_dossier_path);
    let lang = std::env::var("LIBERTAS_LANG")
        .ok()
        .and_then(|l| Lang::parse(&l))
        .or(remembered.lang)
        .unwrap_or_else(Lang::from_env);
    let st = Shell::new(path, lang);
    st.set_recent(remembered.recent);
    st
}

/// The `.dossier` file among command-line arguments (relative to `cwd`), if any: how the desktop hands a
/// double-clicked file to the app.
pub fn dossier_argument(args: impl IntoIterator<Item = std::ffi::OsString>, cwd: &std::path::Path) -> Option<PathBuf> {
    args.into_iter()
        .map(PathBuf::from)
        .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("dossier")))
        .map(|p| if p.is_absolute() { p } else { cwd.join(p) })
}

/// A `.dossier` file opened from the desktop while the app runs (the single-instance plugin hands over the second
/// launch's arguments): shown on the unlock screen when the dossier is locked; when another is open, the UI asks
/// first (`open-requested`; `open_requested_dossier` switches). The window comes to the front either way.
fn second_launch(app: &AppHandle, args: Vec<String>, cwd: String) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
    let Some(path) = dossier_argument(args.into_iter().skip(1).map(Into::into), std::path::Path::new(&cwd)) else {
        return;
    };
    let st = app.state::<Shell>();
    if st.path() == path {
        return;
    }
    if st.is_unlocked() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        st.set_requested(Some(path));
        let _ = app.emit("open-requested", name);
    } else {
        st.set_path(path);
        remember(app, &st);
        let _ = app.emit("dossier-chosen", ());
    }
}

/// Serves photos and logos to `<img>` tags as `media://localhost/thumb/<id>` or `.../full/<id>`, from the open
/// dossier only: nothing when locked.
fn media_response(st: &Shell, path: &str) -> Response<Vec<u8>> {
    let not_found = || Response::builder().status(StatusCode::NOT_FOUND).body(vec![]).expect("static response");
    let mut parts = path.trim_start_matches('/').split('/');
    let (Some(which), Some(id), None) = (parts.next(), parts.next(), parts.next()) else { return not_found() };
    let Ok(id) = uuid::Uuid::parse_str(id) else { return not_found() };
    let bytes = st.with_now(|d| if which == "full" { d.media_bytes(id) } else { d.media_thumb(id) });
    match bytes {
        Ok(b) => {
            let mime = if b.starts_with(&[0x89, b'P', b'N', b'G']) { "image/png" } else { "image/jpeg" };
            Response::builder()
                .header("Content-Type", mime)
                .header("Cache-Control", "no-store")
                .body(b)
                .unwrap_or_else(|_| not_found())
        }
        Err(_) => not_found(),
    }
}

/// Whether the webview may show `url`: only the app's own pages (`tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows; in a development build also Vite's `devUrl`). A compromised page that
/// sets `location.href` to send data out is stopped here, before any request leaves the webview.
pub fn is_app_url(url: &tauri::Url, dev_url: Option<&tauri::Url>) -> bool {
    let own = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    };
    own || dev_url.is_some_and(|dev| dev.origin() == url.origin())
}

/// The main window, built here rather than from the configuration alone so that it gets its guards: navigation
/// only within the app ([`is_app_url`]), and no new window (`window.open`, `target=_blank`) at all.
fn main_window(app: &tauri::App) -> tauri::Result<()> {
    let config =
        app.config().app.windows.iter().find(|w| w.label == "main").cloned().ok_or(tauri::Error::WindowNotFound)?;
    // Only a development build (`tauri dev`) loads its pages from Vite's server.
    let dev_url = if cfg!(dev) { app.config().build.dev_url.clone() } else { None };
    tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
        .on_navigation(move |url| is_app_url(url, dev_url.as_ref()))
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .build()?;
    Ok(())
}

/// How the app runs WebKitGTK, each left to the user when already set in the environment (read by WebKit's
/// processes, which inherit it: set before the first webview).
#[cfg(target_os = "linux")]
const WEBKIT_DEFAULTS: [(&str, &str); 2] = [
    // Some GPU drivers give a blank window with WebKitGTK's DMA-BUF renderer.
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    // The page runs only the app's own script, and little of it is hot: JavaScriptCore's interpreter is enough.
    // Without its JIT compilers the web process is 12 MB smaller at rest and has no memory that is both written
    // and executed (what browsers' lockdown modes do); a 10,000-row import's dry run shows in 1.4 s, not 1.0 s.
    ("JSC_useJIT", "0"),
];

pub fn run() {
    #[cfg(target_os = "linux")]
    for (key, value) in WEBKIT_DEFAULTS {
        if std::env::var_os(key).is_none() {
            std::env::set_var(key, value);
        }
    }
    tauri::Builder::default()
        // First: a second launch (a `.dossier` double-clicked while the app runs) goes to this instance.
        .plugin(tauri_plugin_single_instance::init(second_launch))
        // The window's size and place are remembered (not its visibility: it shows once the UI is drawn).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all() - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            main_window(app)?;
            let st = initial_state(app.handle());
            if let Ok(dir) = viewer_dir(app.handle()) {
                let _ = std::fs::remove_dir_all(&dir);
            }
            app.manage(st.clone());
            // Auto-lock: checked every few seconds; the UI returns to the unlock screen on the `locked` event.
            let handle = app.handle().clone();
            // The automatic sync of a shared dossier shares that thread: every few minutes while it is open.
            let every = Duration::from_secs(u64::from(dossier::api::AUTO_SYNC_MINUTES) * 60);
            // It also goes on with a close or an auto-lock whose question about unsaved edits went unanswered, and
            // gives memory back once the app has been left alone for a while (`Shell::rest_if_idle`).
            std::thread::spawn(move || loop {
                std::thread::sleep(Duration::from_secs(1));
                if let Some(purpose) = st.overdue() {
                    // Said on stderr (for whoever looks into a close or a lock that came without a question).
                    eprintln!(
                        "libertas-dossier: no answer from the window about unsaved edits; going on ({purpose:?})"
                    );
                    carry_out(&handle, &st, purpose);
                } else if st.idle_expired() {
                    // The UI says at once whether edits are unsaved; if they are, the user has a minute to keep
                    // them (any activity cancels the lock), then the dossier locks anyway.
                    if st.begin_ask(Purpose::AutoLock) {
                        let _ = handle.emit("lock-requested", ());
                    }
                } else if st.sync_due(every) {
                    sync_now(&handle, &st);
                } else {
                    st.rest_if_idle();
                }
            });
            Ok(())
        })
        .register_uri_scheme_protocol("media", |ctx, request| {
            let st = ctx.app_handle().state::<Shell>();
            media_response(&st, request.uri().path())
        })
        .on_window_event(|window, event| {
            // Closing the window with the dossier open: the automatic backup is made while the window is still
            // there (saying so), then the app quits. Made after the window is gone, it could be cut short by
            // whatever ends a process without windows (a session logout, a test driver).
            if let WindowEvent::CloseRequested { api, .. } = event {
                let st = window.state::<Shell>();
                if st.is_closing() {
                    // Asked again while the backup runs: the app quits as soon as it is done.
                    api.prevent_close();
                } else if st.is_unlocked() {
                    // First the UI says whether edits are unsaved (and asks the user if so); a page that does not
                    // answer within `ANSWER_WITHIN` is not waited for (see the watchdog above).
                    api.prevent_close();
                    if st.begin_ask(Purpose::Close) {
                        let _ = window.emit("close-requested", ());
                    } else {
                        eprintln!("libertas-dossier: close requested while a question is pending; not asked again");
                    }
                }
            }
            // Files dropped on the window: their paths stay here; the UI gets a number and the file names.
            if let WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let st = window.state::<Shell>();
                let names =
                    paths.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
                let token = st.keep_drop(paths.clone());
                let _ = window.emit("files-dropped", commands::Dropped { token, names });
            }
        })
        .invoke_handler(app_handler!())
        .build(tauri::generate_context!())
        .expect("error while building Libertas Dossier")
        .run(|app, event| {
            // On quit, an open dossier gets its automatic rotating backup (kept beside it, `backup.keep` newest);
            // when the window was closed, it already has (above) and is locked by now.
            if let tauri::RunEvent::Exit = event {
                let st = app.state::<Shell>();
                if st.is_unlocked() {
                    sync_now(app, &st);
                    let _ = st.with_now(|d| d.backup_auto().map(drop));
                }
                lock(app, &st);
            }
        });
}

#[cfg(test)]
mod tests {
    use super::is_app_url;

    #[test]
    fn locking_removes_the_copies_opened_in_the_viewer() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("fiche-essai.pdf"), b"%PDF-1.7").unwrap();
        std::fs::write(dir.path().join("kakemono-essai.pdf"), b"%PDF-1.7").unwrap();
        super::remove_viewer_copies(dir.path());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        super::remove_viewer_copies(&dir.path().join("absent"));
    }

    #[test]
    fn the_webview_stays_on_the_apps_own_pages() {
        let url = |s: &str| tauri::Url::parse(s).unwrap();
        assert!(is_app_url(&url("tauri://localhost/index.html#settings"), None));
        assert!(is_app_url(&url("http://tauri.localhost/"), None));
        assert!(is_app_url(&url("https://tauri.localhost/assets/app.js"), None));
        for out in [
            "https://example.org/?leak=1",
            "http://127.0.0.1:8080/",
            "http://tauri.localhost.example.org/",
            "file:///etc/passwd",
            "media://localhost/full/00000000-0000-0000-0000-000000000000",
            "data:text/html,<script>fetch('https://x')</script>",
            "tauri://example.org/",
            "http://localhost:1420/",
        ] {
            assert!(!is_app_url(&url(out), None), "{out}");
        }
        let dev = url("http://localhost:1420");
        assert!(is_app_url(&url("http://localhost:1420/src/main.ts"), Some(&dev)));
        assert!(!is_app_url(&url("http://localhost:1421/"), Some(&dev)));
    }
}
