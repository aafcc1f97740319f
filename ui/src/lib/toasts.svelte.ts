/** A small notification queue rendered by `Toasts.svelte` (mounted once in App). */
import { asIpcError, type IpcError } from './ipc';

export type ToastKind = 'error' | 'success' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** For errors: the core's stable code. */
  code?: string;
}

let next = 1;
export const toasts = $state<Toast[]>([]);
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Adds a toast. Errors stay until dismissed; others disappear after `timeout` ms. */
export function pushToast(kind: ToastKind, message: string, code?: string, timeout = 6000): number {
  const id = next++;
  toasts.push({ id, kind, message, code });
  if (kind !== 'error' && timeout > 0) timers.set(id, setTimeout(() => dismissToast(id), timeout));
  return id;
}

/** Shows any rejection (normally an IPC `{code, message}`) as an error toast. */
export function showError(e: unknown): IpcError {
  const err = asIpcError(e);
  pushToast('error', err.message, err.code);
  return err;
}

export function showSuccess(message: string): number {
  return pushToast('success', message);
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
