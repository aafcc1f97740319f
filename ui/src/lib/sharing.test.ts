import { describe, expect, it } from 'vitest';
import { syncState } from './sharing.svelte';
import { formatAgo, setLang } from './i18n.svelte';

const BASE = { shared: true, folder: '/x', devices: [], conflicts: 2, auto_sync_minutes: 5 };
const SUMMARY = { at: '2026-12-01T09:00:00Z', ok: true, error: null, written: 0, applied: 0, records: 0, refused: [], photos_waiting: 0, conflicts: 2 };

describe('the sidebar’s sync state', () => {
  it('says nothing for a dossier that does not share', () => {
    expect(syncState(null)).toEqual({ kind: 'none' });
    expect(syncState({ ...BASE, shared: false, last_sync: null })).toEqual({ kind: 'none' });
  });

  it('follows the last sync the core kept, with the open conflicts', () => {
    expect(syncState({ ...BASE, last_sync: null })).toEqual({ kind: 'never', conflicts: 2 });
    expect(syncState({ ...BASE, last_sync: SUMMARY })).toEqual({ kind: 'ok', at: SUMMARY.at, conflicts: 2 });
    const failed = { ...SUMMARY, ok: false, error: 'dossier introuvable' };
    expect(syncState({ ...BASE, last_sync: failed })).toEqual({ kind: 'failed', at: SUMMARY.at, error: 'dossier introuvable', conflicts: 2 });
  });

  it('"il y a 3 min" in French, "3 minutes ago" in English', () => {
    const now = new Date('2026-12-01T09:03:20Z');
    setLang('fr');
    expect(formatAgo('2026-12-01T09:03:00Z', now)).toBe('à l’instant');
    expect(formatAgo('2026-12-01T09:00:00Z', now)).toBe('il y a 3 minutes');
    expect(formatAgo('2026-11-29T09:00:00Z', now)).toBe('il y a 2 jours');
    setLang('en');
    expect(formatAgo('2026-12-01T09:00:00Z', now)).toBe('3 minutes ago');
    setLang('fr');
  });
});
