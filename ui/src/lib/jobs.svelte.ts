/**
 * Follows a long job of the shell (import, export): `job-progress` events, kept per job because they may arrive
 * before the command that started the job returns its number. `start()` listens, then runs the command.
 */
import { listen } from '@tauri-apps/api/event';
import type { JobProgress } from './generated/index';

export class JobWatch {
  job = $state<number | null>(null);
  #seen = $state<Record<number, JobProgress>>({});
  #unlisten: (() => void) | null = null;

  /** The current job's last progress, or null before its first event. */
  get progress(): JobProgress | null {
    return this.job == null ? null : (this.#seen[this.job] ?? null);
  }

  get running(): boolean {
    return this.job != null && !this.progress?.finished;
  }

  /** Listens for progress, then runs `begin` (the command returning the job's number, or null when the user cancelled a dialog). */
  async start(begin: () => Promise<number | null>): Promise<number | null> {
    if (!this.#unlisten) {
      this.#unlisten = await listen<JobProgress>('job-progress', (e) => {
        this.#seen[e.payload.job] = e.payload;
      });
    }
    const job = await begin();
    this.job = job;
    return job;
  }

  reset() {
    this.job = null;
  }

  stop() {
    this.#unlisten?.();
    this.#unlisten = null;
  }
}
