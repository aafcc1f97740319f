/**
 * Unsaved edits: forms say when they hold changes not yet saved, and whatever would throw those changes away
 * (moving to another screen or record, locking) asks first.
 *
 * A form takes an `Edits`, attaches it to its <form> (`{@attach edits.attach}`): any input or change inside marks
 * it dirty, and the form calls `edits.saved()` once the core has accepted the save (or `edits.reset()` when it
 * reloads its draft). While attached, it counts in `hasUnsavedEdits()`; unmounting the form removes it.
 *
 * `guard(action)` runs `action` at once when nothing is unsaved (synchronously: navigation stays instant), and
 * otherwise opens the question (`pending`, drawn by `UnsavedDialog` in the shell) and runs it only if the user
 * chooses to leave. The shell (Rust) can ask `hasUnsavedEdits()` before an auto-lock or a window close.
 */

/** Each source of edits, with what forgets them (when the user chooses to discard). */
const sources = new Map<() => boolean, (() => void) | undefined>();

/** The question on screen, if any: what to run if the user chooses to discard. */
export const unsaved = $state<{ pending: null | { proceed: () => void; cancel: () => void } }>({ pending: null });

export function hasUnsavedEdits(): boolean {
  for (const dirty of sources.keys()) if (dirty()) return true;
  return false;
}

/**
 * Registers a source of unsaved edits, and what forgets them if the user discards them (a component that stays
 * mounted after the guarded action); returns its removal.
 */
export function trackUnsaved(dirty: () => boolean, discard?: () => void): () => void {
  sources.set(dirty, discard);
  return () => {
    sources.delete(dirty);
  };
}

/** Forgets every source (tests; and on lock, when every screen is unmounted anyway). */
export function clearUnsaved(): void {
  sources.clear();
  unsaved.pending = null;
}

/**
 * Runs `action` now if nothing is unsaved, else once the user agrees to discard the edits. Resolves to whether it
 * ran. While a question is open, a second guarded action replaces the first.
 */
export function guard(action: () => void): Promise<boolean> {
  if (!hasUnsavedEdits()) {
    action();
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    unsaved.pending?.cancel();
    unsaved.pending = {
      proceed: () => {
        unsaved.pending = null;
        // The edits are given up: forget them, so the action (and what follows) does not ask again.
        for (const discard of sources.values()) discard?.();
        action();
        resolve(true);
      },
      cancel: () => {
        unsaved.pending = null;
        resolve(false);
      },
    };
  });
}

/** A promise of the user's answer, for callers that need it before acting (the shell's close or lock request). */
export function confirmDiscard(): Promise<boolean> {
  return guard(() => {});
}

/**
 * For a component that already knows whether its draft differs from the saved record: counts `dirty` while the
 * component is mounted; `discard` (optional) puts the saved record back in the draft when the user gives the
 * edits up and the component stays. Call during the component's initialisation.
 */
export function watchUnsaved(dirty: () => boolean, discard?: () => void): void {
  $effect(() => trackUnsaved(dirty, discard));
}

/** One form's unsaved edits, for forms that keep no copy of the saved record. */
export class Edits {
  dirty = $state(false);
  /** A save is under way: what the form holds is being written, and leaving (on success) loses nothing. */
  pending = $state(false);

  /** Svelte attachment for the <form>: tracks input and change events inside it while it is mounted. */
  attach = (form: HTMLElement) => {
    const mark = (e: Event) => {
      // A search box inside a form (the detainee picker) is not an edit of the record.
      const target = e.target as HTMLElement | null;
      if (target?.closest('[data-unsaved-ignore]')) return;
      this.dirty = true;
    };
    form.addEventListener('input', mark);
    form.addEventListener('change', mark);
    form.setAttribute('data-edits', '');
    const untrack = trackUnsaved(
      () => this.dirty && !this.pending,
      () => this.reset(),
    );
    return () => {
      form.removeEventListener('input', mark);
      form.removeEventListener('change', mark);
      untrack();
    };
  };

  /** Marks the edits as changed (for changes made without an input event: a list item removed, a picker). */
  touch(): void {
    this.dirty = true;
  }

  /**
   * Runs the save: while it runs, the edits do not count (a parent that navigates away on success does not ask);
   * if the form is still there afterwards and `save` did not call `saved()`, they count again.
   */
  async during(save: () => Promise<void> | void): Promise<void> {
    this.pending = true;
    try {
      await save();
    } finally {
      this.pending = false;
    }
  }

  /** The core saved the form. */
  saved(): void {
    this.dirty = false;
  }

  /** The form was reloaded or its edits were cancelled. */
  reset(): void {
    this.dirty = false;
  }
}
