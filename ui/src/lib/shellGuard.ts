/**
 * NOT WIRED YET: the answer to the shell's "may I close / lock?" question. It needs Rust pieces that do not exist
 * (see ARCHITECTURE.md, ui/ part): the shell, on a window close request or before an auto-lock, emits
 * `unsaved-check` to the webview instead of acting at once, and waits (with a timeout) for the
 * `unsaved_answer { proceed: bool }` command. `installShellGuard` is what App.svelte would call on mount once
 * those exist; until then nothing calls it, and closing or auto-locking proceeds as before (the manual lock and
 * Ctrl+L already ask, in the UI alone).
 */
import { invoke } from '@tauri-apps/api/core';
import { listen } from './ipc';
import { confirmDiscard, hasUnsavedEdits } from './unsaved.svelte';

/** What the shell is about to do: `close` (the window) or `auto-lock` (the idle delay ran out). */
export type ShellAction = 'close' | 'auto-lock';

/**
 * Decides whether `action` may go ahead: at once when nothing is unsaved; for a close, after asking the user;
 * an auto-lock always goes ahead (nobody is there to answer, and locking is the safer outcome) — the edits are
 * lost, which the unlock screen could say.
 */
export async function mayProceed(action: ShellAction): Promise<boolean> {
  if (!hasUnsavedEdits()) return true;
  if (action === 'auto-lock') return true;
  return confirmDiscard();
}

/** Listens for the shell's question and answers it through the (future) `unsaved_answer` command. */
export async function installShellGuard(): Promise<() => void> {
  return listen<{ action: ShellAction }>('unsaved-check', async (e) => {
    const proceed = await mayProceed(e.payload.action);
    await invoke('unsaved_answer', { proceed });
  });
}
