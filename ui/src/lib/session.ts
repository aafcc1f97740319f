/**
 * Session helpers without reactive state (pure, unit-tested): the activity throttle and the check for a Tauri
 * back end. How strong a passphrase is, the core says (`StrengthMeter.svelte`). The reactive session (which
 * screen: first run, unlock, the app) lives in `session.svelte.ts`.
 */
import * as api from './generated/commands';

/** Activity pings (which postpone auto-lock) are sent at most this often. */
export const ACTIVITY_INTERVAL_MS = 30_000;

/** Closes the dossier in the core (drops the key); the core then emits `locked`. */
export async function lockNow(): Promise<void> {
  await api.dossierLock();
}

/**
 * `fn` called at most once every `interval` ms: the first call runs at once, later calls within the interval are
 * dropped (not postponed: a missed ping is harmless, the next activity sends one).
 */
export function throttle(fn: () => void, interval: number, now: () => number = Date.now): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last < interval) return;
    last = t;
    fn();
  };
}

/**
 * Whether the page runs inside the Tauri window (or under mockIPC in tests). In a plain browser (`npm run dev`
 * opened outside Tauri) there is no core: the shell is shown as a layout preview and every command fails.
 */
export function hasBackend(): boolean {
  if (typeof window === 'undefined') return false;
  const internals = (window as unknown as { __TAURI_INTERNALS__?: { invoke?: unknown } }).__TAURI_INTERNALS__;
  return typeof internals?.invoke === 'function';
}
