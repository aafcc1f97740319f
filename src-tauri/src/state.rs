//! The shell's state: the open dossier (or none: locked), the user's language, the last activity for auto-lock,
//! generated documents waiting to be previewed or saved, files dropped on the window, and running jobs.
//!
//! Architecture invariant: nothing here outlives a lock except the dossier's path and the language. Locking drops
//! the connection (SQLCipher wipes its key material on close) and every generated document.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use dossier::api::{self, DEFAULT_AUTO_LOCK_MINUTES};
use dossier::{Dossier, Lang};

use crate::error::{IpcError, IpcResult};

/// Generated documents kept for preview and saving; older ones are dropped.
const MAX_DOCUMENTS: usize = 8;

/// A PDF generated in memory, waiting to be previewed, saved or opened.
pub struct Generated {
    pub bytes: Vec<u8>,
    pub file_name: String,
}

#[derive(Default)]
pub struct Inner {
    pub dossier: Mutex<Option<Dossier>>,
    pub path: Mutex<PathBuf>,
    pub lang: Mutex<Lang>,
    pub last_activity: Mutex<Option<Instant>>,
    pub auto_lock: Mutex<Option<Duration>>,
    pub documents: Mutex<Vec<(u32, Generated)>>,
    pub drops: Mutex<HashMap<u32, Vec<PathBuf>>>,
    pub jobs: Mutex<HashMap<u32, Arc<AtomicBool>>>,
    pub counter: AtomicU32,
    /// The window was asked to close and the closing backup is under way (see `lib.rs`).
    pub closing: AtomicBool,
    /// Paths chosen in native dialogs for a form that needs several (joining a shared dossier), by purpose.
    pub picked: Mutex<HashMap<&'static str, PathBuf>>,
    /// When the shared dossier was last synced by this app (for the automatic sync).
    pub last_sync: Mutex<Option<Instant>>,
    /// A close or an auto-lock waiting for the UI's answer about unsaved edits (see `Ask`).
    pub asking: Mutex<Option<Ask>>,
    /// Dossiers opened before, the latest first (shown on the unlock screen, chosen by their number).
    pub recent: Mutex<Vec<PathBuf>>,
    /// A `.dossier` file opened from the desktop while another dossier is unlocked: opened once the user agrees.
    pub requested: Mutex<Option<PathBuf>>,
    /// The last activity after which memory was given back (once per quiet spell, see `rest_if_idle`).
    pub rested: Mutex<Option<Instant>>,
}

/// How many dossiers the unlock screen lists.
pub const MAX_RECENT: usize = 6;

/// `recent` with `path` first, once, at most `MAX_RECENT` long.
pub fn with_recent(recent: &[PathBuf], path: &std::path::Path) -> Vec<PathBuf> {
    let mut out = vec![path.to_path_buf()];
    out.extend(recent.iter().filter(|p| p.as_path() != path).cloned());
    out.truncate(MAX_RECENT);
    out
}

/// What the shell asked the UI before closing the window or locking by itself: whether edits are unsaved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask {
    pub purpose: Purpose,
    pub since: Instant,
    /// The UI said it shows the question (the user is deciding); before that, silence means a hung page.
    pub shown: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Close,
    AutoLock,
}

/// The UI's answer to `close-requested` / `lock-requested`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// Nothing unsaved, or the user chose to discard: go on.
    Proceed,
    /// Edits are unsaved and the question is on screen.
    Asking,
    /// The user chose to stay (and keep editing).
    Stay,
}

/// How long the app must be left alone (no command, no key or mouse) before it gives memory back.
pub const REST_AFTER: Duration = Duration::from_secs(10);

/// How long the shell waits for a page that does not answer at all before it closes or locks anyway.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(3);
/// How long an auto-lock waits for a user who was asked about unsaved edits and did not answer: the dossier
/// locks anyway (an open dossier on an unattended laptop is the greater risk).
pub const AUTO_LOCK_GRACE: Duration = Duration::from_secs(60);

/// What the shell should do about a pending question, given the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskState {
    Wait,
    GoOn,
}

impl Ask {
    pub fn state(&self, now: Instant) -> AskState {
        let waited = now.duration_since(self.since);
        let limit = match (self.shown, self.purpose) {
            (false, _) => ANSWER_WITHIN,
            (true, Purpose::AutoLock) => AUTO_LOCK_GRACE,
            // The user is deciding whether to close: as long as they like.
            (true, Purpose::Close) => return AskState::Wait,
        };
        if waited >= limit {
            AskState::GoOn
        } else {
            AskState::Wait
        }
    }
}

/// Cheap to clone: every command and background thread shares one `Inner`.
#[derive(Clone, Default)]
pub struct Shell(pub Arc<Inner>);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock must not make the app unusable: the data behind these locks stays consistent
    // (the dossier's own writes are transactions).
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Shell {
    pub fn new(path: PathBuf, lang: Lang) -> Shell {
        let s = Shell::default();
        *lock(&s.0.path) = path;
        *lock(&s.0.lang) = lang;
        s
    }

    pub fn lang(&self) -> Lang {
        *lock(&self.0.lang)
    }

    pub fn set_lang(&self, lang: Lang) {
        *lock(&self.0.lang) = lang;
    }

    pub fn path(&self) -> PathBuf {
        lock(&self.0.path).clone()
    }

    pub fn set_path(&self, p: PathBuf) {
        *lock(&self.0.path) = p;
    }

    pub fn recent(&self) -> Vec<PathBuf> {
        lock(&self.0.recent).clone()
    }

    pub fn set_recent(&self, r: Vec<PathBuf>) {
        *lock(&self.0.recent) = r;
    }

    /// Puts the current dossier first in the recent list.
    pub fn note_recent(&self) {
        let path = self.path();
        let mut r = lock(&self.0.recent);
        *r = with_recent(&r, &path);
    }

    pub fn set_requested(&self, p: Option<PathBuf>) {
        *lock(&self.0.requested) = p;
    }

    pub fn take_requested(&self) -> Option<PathBuf> {
        lock(&self.0.requested).take()
    }

    pub fn next_id(&self) -> u32 {
        self.0.counter.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn err(&self, code: &str) -> IpcError {
        IpcError::shell(code, self.lang())
    }

    pub fn core_err(&self, e: dossier::Error) -> IpcError {
        IpcError::core(e, self.lang())
    }

    /// Marks the app as closing; true only for the first caller.
    pub fn begin_closing(&self) -> bool {
        !self.0.closing.swap(true, Ordering::SeqCst)
    }

    /// Whether the closing backup is under way (read without waiting for the dossier, which it holds).
    pub fn is_closing(&self) -> bool {
        self.0.closing.load(Ordering::SeqCst)
    }

    pub fn end_closing(&self) {
        self.0.closing.store(false, Ordering::SeqCst);
    }

    pub fn is_unlocked(&self) -> bool {
        lock(&self.0.dossier).is_some()
    }

    /// Starts asking the UI before `purpose`; false when a question is already pending.
    pub fn begin_ask(&self, purpose: Purpose) -> bool {
        let mut a = lock(&self.0.asking);
        if a.is_some() {
            return false;
        }
        *a = Some(Ask { purpose, since: Instant::now(), shown: false });
        true
    }

    pub fn ask(&self) -> Option<Ask> {
        *lock(&self.0.asking)
    }

    /// Records the UI's answer; returns the purpose to carry out now (`Proceed`), if any.
    pub fn answer(&self, reply: Reply) -> Option<Purpose> {
        let mut a = lock(&self.0.asking);
        match (reply, a.as_mut()) {
            (_, None) => None,
            (Reply::Asking, Some(ask)) => {
                ask.shown = true;
                ask.since = Instant::now();
                None
            }
            (Reply::Stay, Some(_)) => {
                *a = None;
                None
            }
            (Reply::Proceed, Some(ask)) => {
                let p = ask.purpose;
                *a = None;
                Some(p)
            }
        }
    }

    /// The pending question's purpose if it is time to go on without an answer (the watchdog's check).
    pub fn overdue(&self) -> Option<Purpose> {
        let mut a = lock(&self.0.asking);
        let ask = (*a)?;
        (ask.state(Instant::now()) == AskState::GoOn).then(|| {
            *a = None;
            ask.purpose
        })
    }

    pub fn touch(&self) {
        *lock(&self.0.last_activity) = Some(Instant::now());
    }

    /// Once per quiet spell (nothing done for [`REST_AFTER`]): the open dossier's page cache and the allocator's
    /// free pages go back to the system (see `memory.rs`). Left for the next check while a job holds the dossier.
    pub fn rest_if_idle(&self) {
        let Some(last) = *lock(&self.0.last_activity) else { return };
        if last.elapsed() < REST_AFTER || *lock(&self.0.rested) == Some(last) {
            return;
        }
        let dossier = match self.0.dossier.try_lock() {
            Ok(d) => d,
            // As `lock` does: the dossier behind a poisoned lock is consistent (its writes are transactions).
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return,
        };
        if let Some(d) = dossier.as_ref() {
            let _ = d.release_memory();
        }
        drop(dossier);
        crate::memory::trim();
        *lock(&self.0.rested) = Some(last);
    }

    /// Runs `f` on the open dossier on a blocking thread (never on the UI thread), translating its error.
    pub async fn with<T, F>(&self, f: F) -> IpcResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Dossier) -> dossier::Result<T> + Send + 'static,
    {
        self.touch();
        let me = self.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = lock(&me.0.dossier);
            let d = guard.as_mut().ok_or_else(|| me.err("locked"))?;
            f(d).map_err(|e| me.core_err(e))
        })
        .await
        .map_err(|_| self.err("bad-argument"))?
    }

    /// Runs `f` on a blocking thread without the dossier (opening, creating, verifying files).
    pub async fn blocking<T, F>(&self, f: F) -> IpcResult<T>
    where
        T: Send + 'static,
        F: FnOnce() -> dossier::Result<T> + Send + 'static,
    {
        let lang = self.lang();
        tauri::async_runtime::spawn_blocking(move || f().map_err(|e| IpcError::core(e, lang)))
            .await
            .map_err(|_| self.err("bad-argument"))?
    }

    pub fn set_open(&self, d: Option<Dossier>) {
        let minutes = d.as_ref().map_or(DEFAULT_AUTO_LOCK_MINUTES, |d| {
            api::settings::auto_lock_minutes(d).unwrap_or(DEFAULT_AUTO_LOCK_MINUTES)
        });
        *lock(&self.0.auto_lock) = (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60));
        let unlocked = d.is_some();
        *lock(&self.0.dossier) = d;
        if unlocked {
            self.note_recent();
            self.touch();
        } else {
            lock(&self.0.documents).clear();
            lock(&self.0.drops).clear();
            for flag in lock(&self.0.jobs).values() {
                flag.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Keeps a path chosen in a native dialog for `purpose` (the webview gets only its name).
    pub fn pick(&self, purpose: &'static str, path: PathBuf) {
        lock(&self.0.picked).insert(purpose, path);
    }

    pub fn picked(&self, purpose: &'static str) -> IpcResult<PathBuf> {
        lock(&self.0.picked).get(purpose).cloned().ok_or_else(|| self.err("not-chosen"))
    }

    /// The path chosen for `purpose`, if one was.
    pub fn picked_opt(&self, purpose: &'static str) -> Option<PathBuf> {
        lock(&self.0.picked).get(purpose).cloned()
    }

    pub fn unpick(&self, purpose: &'static str) {
        lock(&self.0.picked).remove(purpose);
    }

    pub fn forget_picked(&self) {
        lock(&self.0.picked).clear();
    }

    /// Whether the automatic sync is due (`every` since the last one), and if so marks it done now.
    pub fn sync_due(&self, every: Duration) -> bool {
        let mut last = lock(&self.0.last_sync);
        if self.is_unlocked() && last.is_none_or(|t| t.elapsed() >= every) {
            *last = Some(Instant::now());
            return true;
        }
        false
    }

    pub fn synced_now(&self) {
        *lock(&self.0.last_sync) = Some(Instant::now());
    }

    pub fn set_auto_lock(&self, minutes: u32) {
        *lock(&self.0.auto_lock) = (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60));
    }

    /// Whether the idle delay has passed (checked by the auto-lock thread).
    pub fn idle_expired(&self) -> bool {
        let Some(delay) = *lock(&self.0.auto_lock) else { return false };
        self.is_unlocked() && lock(&self.0.last_activity).is_some_and(|t| t.elapsed() >= delay)
    }

    pub fn keep_document(&self, g: Generated) -> u32 {
        let id = self.next_id();
        let mut docs = lock(&self.0.documents);
        docs.push((id, g));
        let excess = docs.len().saturating_sub(MAX_DOCUMENTS);
        docs.drain(..excess);
        id
    }

    pub fn document<T>(&self, id: u32, f: impl FnOnce(&Generated) -> T) -> IpcResult<T> {
        let docs = lock(&self.0.documents);
        docs.iter().find(|(i, _)| *i == id).map(|(_, g)| f(g)).ok_or_else(|| self.err("no-document"))
    }

    pub fn keep_drop(&self, paths: Vec<PathBuf>) -> u32 {
        let id = self.next_id();
        let mut drops = lock(&self.0.drops);
        drops.clear(); // only the latest drop can be imported
        drops.insert(id, paths);
        id
    }

    pub fn take_drop(&self, id: u32) -> IpcResult<Vec<PathBuf>> {
        lock(&self.0.drops).remove(&id).ok_or_else(|| self.err("no-drop"))
    }

    pub fn start_job(&self) -> (u32, Arc<AtomicBool>) {
        let id = self.next_id();
        let flag = Arc::new(AtomicBool::new(false));
        lock(&self.0.jobs).insert(id, flag.clone());
        (id, flag)
    }

    pub fn end_job(&self, id: u32) {
        lock(&self.0.jobs).remove(&id);
    }

    pub fn cancel_job(&self, id: u32) -> IpcResult<()> {
        let jobs = lock(&self.0.jobs);
        let flag = jobs.get(&id).ok_or_else(|| self.err("no-job"))?;
        flag.store(true, Ordering::Relaxed);
        Ok(())
    }

    /// Runs `f` with the open dossier on the current (blocking) thread; for jobs already off the UI thread.
    pub fn with_now<T>(&self, f: impl FnOnce(&mut Dossier) -> dossier::Result<T>) -> IpcResult<T> {
        let mut guard = lock(&self.0.dossier);
        let d = guard.as_mut().ok_or_else(|| self.err("locked"))?;
        f(d).map_err(|e| self.core_err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recent_list_puts_the_latest_first_once_and_keeps_a_few() {
        let p = |n: usize| PathBuf::from(format!("/d/{n}.dossier"));
        let r = with_recent(&[p(1), p(2), p(3)], &p(2));
        assert_eq!(r, vec![p(2), p(1), p(3)]);
        let many: Vec<PathBuf> = (0..10).map(p).collect();
        let r = with_recent(&many, &p(42));
        assert_eq!(r.len(), MAX_RECENT);
        assert_eq!(r[0], p(42));
        assert_eq!(r[1], p(0));
    }

    #[test]
    fn memory_is_given_back_once_per_quiet_spell_and_never_while_the_dossier_is_busy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rest.dossier");
        let st = Shell::new(path.clone(), Lang::Fr);
        st.set_open(Some(Dossier::create(&path, "a passphrase for the rest test").unwrap()));
        let rested = || *lock(&st.0.rested);
        st.rest_if_idle();
        assert_eq!(rested(), None, "just used: not at rest yet");
        let quiet = Instant::now() - REST_AFTER;
        *lock(&st.0.last_activity) = Some(quiet);
        {
            // A job holds the dossier: the check waits for the next round instead of blocking.
            let _busy = lock(&st.0.dossier);
            st.rest_if_idle();
            assert_eq!(rested(), None);
        }
        st.rest_if_idle();
        assert_eq!(rested(), Some(quiet), "given back once the dossier is free");
        st.touch();
        st.rest_if_idle();
        assert_eq!(rested(), Some(quiet), "activity starts a new spell, not yet quiet");
    }

    #[test]
    fn a_close_or_auto_lock_waits_for_the_ui_only_as_long_as_it_should() {
        let st = Shell::default();
        assert!(st.begin_ask(Purpose::Close));
        assert!(!st.begin_ask(Purpose::AutoLock), "one question at a time");
        let t0 = st.ask().unwrap().since;
        // A page that says nothing is not waited for beyond ANSWER_WITHIN.
        let silent = Ask { purpose: Purpose::Close, since: t0, shown: false };
        assert_eq!(silent.state(t0 + ANSWER_WITHIN / 2), AskState::Wait);
        assert_eq!(silent.state(t0 + ANSWER_WITHIN), AskState::GoOn);
        // The user deciding whether to close: as long as they like; about an auto-lock: a minute.
        let deciding = Ask { shown: true, ..silent };
        assert_eq!(deciding.state(t0 + Duration::from_secs(3600)), AskState::Wait);
        let away = Ask { purpose: Purpose::AutoLock, shown: true, since: t0 };
        assert_eq!(away.state(t0 + AUTO_LOCK_GRACE - Duration::from_secs(1)), AskState::Wait);
        assert_eq!(away.state(t0 + AUTO_LOCK_GRACE), AskState::GoOn);

        assert_eq!(st.answer(Reply::Asking), None);
        assert!(st.ask().unwrap().shown);
        assert_eq!(st.overdue(), None, "the user is deciding");
        assert_eq!(st.answer(Reply::Stay), None);
        assert_eq!(st.ask(), None, "staying ends the question");
        assert_eq!(st.answer(Reply::Proceed), None, "an answer to no question does nothing");

        assert!(st.begin_ask(Purpose::AutoLock));
        assert_eq!(st.answer(Reply::Proceed), Some(Purpose::AutoLock));
        assert_eq!(st.ask(), None);
    }

    #[test]
    fn the_automatic_sync_is_due_only_while_open_and_once_per_period() {
        let dir = tempfile::tempdir().unwrap();
        let st = Shell::new(dir.path().join("a.dossier"), Lang::Fr);
        let every = Duration::from_secs(3600);
        assert!(!st.sync_due(every), "locked: nothing to sync");
        let d = Dossier::create(&dir.path().join("a.dossier"), "correct horse battery (fictive)").unwrap();
        st.set_open(Some(d));
        assert!(st.sync_due(every), "first check after opening");
        assert!(!st.sync_due(every), "not again within the period");
        assert!(st.sync_due(Duration::ZERO), "due again once the period has passed");
        st.synced_now();
        assert!(!st.sync_due(every), "a sync by hand restarts the period");
    }

    #[test]
    fn paths_chosen_for_a_form_are_kept_by_purpose_and_forgotten_together() {
        let st = Shell::new(PathBuf::from("x.dossier"), Lang::En);
        assert_eq!(st.picked("invitation").unwrap_err().code, "not-chosen");
        st.pick("invitation", PathBuf::from("/media/key/lyon.invitation"));
        assert_eq!(st.picked("invitation").unwrap(), PathBuf::from("/media/key/lyon.invitation"));
        st.forget_picked();
        assert!(st.picked("invitation").is_err());
    }
}
