/** A small notification queue rendered by `Toasts.svelte` (mounted once in App). */
import { asIpcError, type IpcError } from './ipc';

export type ToastKind = 'error' | 'success' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** For errors: the core's stable code. */
  code?: string;
  /** How many times the same message was raised while it was shown (1: once). */
  count: number;
  /** A button on the toast (e.g. "Annuler" after a deletion); pressing it dismisses the toast. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

/** How long a toast with an action stays, so there is time to reach its button. */
export const ACTION_TIMEOUT = 10000;

/** At most this many toasts are shown (errors, and the latest confirmation); a new one pushes out the oldest. */
export const MAX_TOASTS = 3;

let next = 1;
export const toasts = $state<Toast[]>([]);
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * Adds a toast. Errors stay until dismissed; others disappear after `timeout` ms. The same message raised again
 * while shown is counted on the toast already there (moved to the newest place, its timer restarted), not
 * stacked; a confirmation replaces the previous ones; beyond `MAX_TOASTS` the oldest goes.
 */
export function pushToast(kind: ToastKind, message: string, code?: string, timeout = 6000, action?: ToastAction): number {
  const same = toasts.findIndex((x) => x.kind === kind && x.message === message && x.code === code);
  let toast: Toast;
  if (same >= 0) {
    [toast] = toasts.splice(same, 1);
    toast.count += 1;
    const timer = timers.get(toast.id);
    if (timer) clearTimeout(timer);
    timers.delete(toast.id);
  } else {
    toast = { id: next++, kind, message, code, count: 1, action };
  }
  // A confirmation is only news until the next one: a new success or notice replaces those still shown, so a
  // run of saves leaves one toast, not a column over the form. Errors stay until dismissed.
  if (kind !== 'error') {
    for (const old of toasts.filter((x) => x.kind !== 'error')) dismissToast(old.id);
  }
  toasts.push(toast);
  const id = toast.id;
  if (kind !== 'error' && timeout > 0) timers.set(id, setTimeout(() => dismissToast(id), timeout));
  while (toasts.length > MAX_TOASTS) dismissToast(toasts[0].id);
  return id;
}

/** Shows any rejection (normally an IPC `{code, message}`) as an error toast. */
export function showError(e: unknown): IpcError {
  const err = asIpcError(e);
  pushToast('error', err.message, err.code);
  return err;
}

export function showSuccess(message: string, action?: ToastAction): number {
  return pushToast('success', message, undefined, action ? ACTION_TIMEOUT : 6000, action);
}

export function dismissToast(id: number): void {
  const i = toasts.findIndex((x) => x.id === id);
  if (i >= 0) toasts.splice(i, 1);
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
}

export function clearToasts(): void {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  toasts.splice(0, toasts.length);
}
