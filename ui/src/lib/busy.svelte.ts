/**
 * One piece of work a screen waits for: whether it is running, and the core's refusal if it failed, shown inline
 * (an `ErrorBanner` next to the form). Replaces the `busy = true; error = null; try … catch → asIpcError … finally
 * busy = false` block each form used to repeat.
 *
 *   const saving = new Busy();
 *   await saving.run(() => api.profileSave(p));   // true when it went through
 *   {#if saving.busy}<Spinner />{/if} <ErrorBanner error={saving.error} ondismiss={() => saving.clear()} />
 */
import { asIpcError, type IpcError } from './ipc';

export class Busy {
  /** True while `run` waits. */
  busy = $state(false);
  /** The last failure, as text for the user; `null` once a new run starts or after `clear()`. */
  error = $state<IpcError | null>(null);

  constructor(busy = false) {
    this.busy = busy;
  }

  /**
   * Runs `work`, clearing the previous error first. Resolves to `true` when it succeeded, `false` when it threw
   * (then `error` holds the failure); it never rejects.
   */
  async run(work: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await work();
      return true;
    } catch (e) {
      this.error = asIpcError(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the error (the banner's "dismiss"). */
  clear(): void {
    this.error = null;
  }
}
