/**
 * IPC helpers. The generated wrappers in `./generated/commands.ts` call `invoke` themselves; a rejected command
 * carries `{ code, message }` (the message already translated by the core). `asIpcError` turns whatever a
 * rejection holds into that shape so the UI can always show it as text.
 */
import { invoke as tauriInvoke, type InvokeArgs } from '@tauri-apps/api/core';
export { listen, once, emit, type Event, type EventCallback, type UnlistenFn } from '@tauri-apps/api/event';

export interface IpcError {
  /** Stable machine code from the core, e.g. `wrong-passphrase`. `ui-*` codes come from the front end. */
  code: string;
  /** Human message, already in the user's language. Render as text only. */
  message: string;
  /** The 1-based line of the source the error is about (template errors), when the core sends it. */
  line?: number | null;
}

function keepLine(out: IpcError, from: unknown): IpcError {
  const line = (from as { line?: unknown }).line;
  if (typeof line === 'number' && Number.isInteger(line) && line > 0) out.line = line;
  return out;
}

export function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as Record<string, unknown>).code === 'string' &&
    typeof (e as Record<string, unknown>).message === 'string'
  );
}

/** Normalises any rejection (the core's JSON object, a JSON string, an Error, a plain string…) to an IpcError. */
export function asIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return keepLine({ code: e.code, message: e.message }, e);
  if (typeof e === 'string') {
    const s = e.trim();
    if (s.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(s);
        if (isIpcError(parsed)) return keepLine({ code: parsed.code, message: parsed.message }, parsed);
      } catch {
        /* not JSON: fall through */
      }
    }
    return { code: 'ui-unknown', message: e };
  }
  if (e instanceof Error) return { code: 'ui-exception', message: e.message || e.name };
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return { code: 'ui-unknown', message: (e as { message: string }).message };
  }
  let detail: string;
  try {
    detail = JSON.stringify(e) ?? String(e);
  } catch {
    detail = String(e);
  }
  return { code: 'ui-unknown', message: detail };
}

/** Like `invoke`, but a rejection is always an `IpcError`. */
export async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
  try {
    return await tauriInvoke<T>(cmd, args);
  } catch (e) {
    throw asIpcError(e);
  }
}

/** Runs a promise and returns `[value, null]` or `[null, IpcError]`, for screens that show errors inline. */
export async function attempt<T>(p: Promise<T>): Promise<[T, null] | [null, IpcError]> {
  try {
    return [await p, null];
  } catch (e) {
    return [null, asIpcError(e)];
  }
}

/** The 1-based line an error is about: the core's structured `line` field (template errors), never read from the message. */
export function errorLineOf(err: { message: string; line?: number | null }): number | null {
  return typeof err.line === 'number' && Number.isInteger(err.line) && err.line > 0 ? err.line : null;
}
