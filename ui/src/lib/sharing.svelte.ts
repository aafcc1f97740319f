/**
 * The sharing state the sidebar and Settings show: asked from the core (`share_status`) when the dossier opens,
 * after each sync (the shell's `synced` event: automatic syncs, "sync now", a resolved conflict) and by the
 * screens that change it. The UI never decides anything about sharing itself; it shows what the core says.
 */
import * as api from './generated/commands';
import type { ShareStatus } from './generated/index';
import { lock } from './session.svelte';
import { guard } from './unsaved.svelte';

export const sharing = $state<{ status: ShareStatus | null; now: Date; joinOnUnlock: boolean }>({
  status: null,
  now: new Date(),
  joinOnUnlock: false,
});

/** "Join another office's shared dossier" from Settings: locks (asking first if edits would be lost), and the
 * unlock screen opens the join form. */
export async function requestJoin(): Promise<void> {
  await guard(async () => {
    sharing.joinOnUnlock = true;
    await lock();
  });
}

/** Asks the core again; a locked dossier (or no backend) leaves the last state cleared. */
export async function refreshSharing(): Promise<void> {
  try {
    sharing.status = await api.shareStatus();
  } catch {
    sharing.status = null;
  }
  sharing.now = new Date();
}

export function clearSharing(): void {
  sharing.status = null;
}

/** What the sidebar says: nothing for a dossier that does not share. */
export type SyncState =
  | { kind: 'none' }
  | { kind: 'never'; conflicts: number }
  | { kind: 'ok'; at: string; conflicts: number }
  | { kind: 'failed'; at: string; error: string; conflicts: number };

export function syncState(s: ShareStatus | null): SyncState {
  if (!s || !s.shared) return { kind: 'none' };
  const last = s.last_sync;
  if (!last) return { kind: 'never', conflicts: s.conflicts };
  if (!last.ok) return { kind: 'failed', at: last.at, error: last.error ?? '', conflicts: s.conflicts };
  return { kind: 'ok', at: last.at, conflicts: s.conflicts };
}
