/**
 * Keyboard shortcuts of the whole app (Cmd instead of Ctrl on macOS): Ctrl+S saves the form being edited, Ctrl+F
 * goes to the global search, Ctrl+N creates a record on the current screen, Ctrl+L locks, Ctrl with + − 0 zooms.
 * `shortcutOf` names the shortcut of a key event; the shell maps names to actions (`App.svelte`); the helpers below
 * are the default actions, which find their target in the page by convention:
 * - the form saved is the one holding the focus, else the open dialog's, else the screen's save button
 *   (`data-shortcut="save"`), else the screen's first tracked form (`{@attach edits.attach}` marks it `data-edits`);
 * - the "new" button of a screen carries `data-shortcut="new"`.
 */
import { hasMod, isMac, shortcutLabel } from './platform';
import { t } from './i18n.svelte';

export type Shortcut = 'save' | 'search' | 'create' | 'lock' | 'zoom-in' | 'zoom-out' | 'zoom-reset';

export function shortcutOf(e: KeyboardEvent, mac = isMac()): Shortcut | null {
  if (!hasMod(e, mac)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (!e.shiftKey) {
    if (key === 's') return 'save';
    if (key === 'f') return 'search';
    if (key === 'n') return 'create';
    if (key === 'l') return 'lock';
  }
  if (key === '+' || key === '=' || e.code === 'NumpadAdd') return 'zoom-in';
  if (key === '-' || e.code === 'NumpadSubtract') return 'zoom-out';
  if (key === '0' || e.code === 'Digit0' || e.code === 'Numpad0') return 'zoom-reset';
  return null;
}

const KEYS: Record<Shortcut, string> = {
  save: 'S',
  search: 'F',
  create: 'N',
  lock: 'L',
  'zoom-in': '+',
  'zoom-out': '−',
  'zoom-reset': '0',
};

/** "Ctrl+S" or "⌘S". */
export function keysOf(s: Shortcut, mac = isMac()): string {
  return shortcutLabel(KEYS[s], mac);
}

/** The `aria-keyshortcuts` value: "Control+S" or "Meta+S". */
export function ariaKeysOf(s: Shortcut, mac = isMac()): string {
  const key = s === 'zoom-out' ? '-' : KEYS[s];
  return `${mac ? 'Meta' : 'Control'}+${key}`;
}

/** A tooltip: "Enregistrer (Ctrl+S)". */
export function withShortcut(label: string, s: Shortcut, mac = isMac()): string {
  return t('shortcut-hint', { label, keys: keysOf(s, mac) });
}

/**
 * Saves what is being edited: submits the form holding the focus, else the open dialog's form, else presses the
 * screen's save button (`data-shortcut="save"`, for pages whose save is not a form submit), else submits the
 * screen's first tracked form. Returns whether something was saved.
 */
export function saveCurrentForm(doc: Document = document): boolean {
  const active = doc.activeElement as HTMLElement | null;
  const form = active?.closest('form') ?? doc.querySelector<HTMLFormElement>('.dialog form');
  if (form) {
    form.requestSubmit();
    return true;
  }
  const button = doc.querySelector<HTMLButtonElement>('main [data-shortcut="save"]');
  if (button) {
    if (!button.disabled) button.click();
    return true;
  }
  const tracked = doc.querySelector<HTMLFormElement>('main form[data-edits]');
  if (!tracked) return false;
  tracked.requestSubmit();
  return true;
}

/** Presses the current screen's "new" button. Returns whether there was one. */
export function createOnScreen(doc: Document = document): boolean {
  const button = doc.querySelector<HTMLButtonElement>('main [data-shortcut="new"]:not(:disabled)');
  if (!button) return false;
  button.click();
  return true;
}
