/**
 * The session: which of the three faces of the app is shown.
 *
 * - `firstrun`: no dossier file yet: create one (or open an existing one);
 * - `unlock`: the dossier exists and is locked: ask for the passphrase;
 * - `open`: the dossier is unlocked: the app with its navigation.
 *
 * The core is the authority: `appInfo()` at start, then the screens move the session forward (created, unlocked)
 * and the core's `locked` event (the Lock button, auto-lock) sends it back to `unlock`. When it does, every
 * screen is unmounted and the toasts are cleared, so nothing read from the dossier stays on screen.
 */
import * as api from './generated/commands';
import type { AppInfo } from './generated/index';
import { asIpcError, type IpcError } from './ipc';
import { setLang as setUiLang, type Lang } from './i18n.svelte';
import { navigate } from './router.svelte';
import { clearToasts, showError } from './toasts.svelte';
import { hasBackend } from './session';

export type Phase = 'starting' | 'firstrun' | 'unlock' | 'open' | 'failed';

interface Session {
  phase: Phase;
  info: AppInfo | null;
  /** Why `appInfo()` failed (phase `failed`). */
  error: IpcError | null;
  /** No Tauri back end (plain browser): the shell is shown as a layout preview and no command is sent. */
  preview: boolean;
  /** The dossier was locked while open (Lock button or auto-lock): the unlock screen says so. */
  wasLocked: boolean;
}

const initial = (): Session => ({ phase: 'starting', info: null, error: null, preview: false, wasLocked: false });

export const session = $state<Session>(initial());

/** Back to the state before `start()` (for tests). */
export function resetSession(): void {
  Object.assign(session, initial());
}

export function phaseOf(info: AppInfo): Phase {
  if (!info.exists) return 'firstrun';
  return info.unlocked ? 'open' : 'unlock';
}

function apply(info: AppInfo): void {
  session.info = info;
  session.error = null;
  const phase = phaseOf(info);
  if (phase === 'open' && session.phase !== 'open') navigate('dashboard');
  session.phase = phase;
}

/** Asks the core where the dossier is and whether it is open; sets the language it remembers. Never throws. */
export async function start(): Promise<void> {
  if (!hasBackend()) {
    session.preview = true;
    session.phase = 'open';
    return;
  }
  try {
    const info = await api.appInfo();
    setUiLang(info.lang);
    apply(info);
  } catch (e) {
    session.error = asIpcError(e);
    session.phase = 'failed';
  }
}

/** Reads `appInfo()` again (after choosing another file). Throws the core's error. */
export async function refresh(): Promise<void> {
  apply(await api.appInfo());
}

/** The dossier was created or unlocked: show the app, from the dashboard. */
export function enterApp(): void {
  navigate('dashboard');
  if (session.info) {
    session.info.exists = true;
    session.info.unlocked = true;
  }
  session.wasLocked = false;
  session.phase = 'open';
}

/** The core locked the dossier: drop every screen (unmounted) and every message, and ask for the passphrase. */
export function onLocked(): void {
  if (session.preview) return;
  const wasOpen = session.phase === 'open';
  clearToasts();
  navigate('dashboard');
  if (session.info) session.info.unlocked = false;
  if (session.phase === 'firstrun' || session.phase === 'starting' || session.phase === 'failed') return;
  session.wasLocked = wasOpen || session.wasLocked;
  session.phase = 'unlock';
}

/** Locks now: the core closes the dossier and emits `locked`; the UI does not wait for the event. */
export async function lock(): Promise<void> {
  await api.dossierLock();
  onLocked();
}

/** Opens the native dialog to pick an existing dossier; true when one was chosen (the session then follows it). */
export async function openExisting(): Promise<boolean> {
  const path = await api.chooseExisting();
  if (path === null) return false;
  await refresh();
  return true;
}

/** Opens the native dialog to choose where a new dossier goes; true when a place was chosen. */
export async function chooseNewLocation(): Promise<boolean> {
  const path = await api.chooseNewLocation();
  if (path === null) return false;
  await refresh();
  return true;
}

/**
 * Switches the interface language live and tells the core (its error messages then come in that language, and
 * the choice is remembered for the next start).
 */
export async function switchLang(lang: Lang): Promise<void> {
  setUiLang(lang);
  if (session.info) session.info.lang = lang;
  if (session.preview) return;
  try {
    await api.setLang(lang);
  } catch (e) {
    showError(e);
  }
}
