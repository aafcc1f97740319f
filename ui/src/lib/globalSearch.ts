/**
 * One search for the whole dossier (Ctrl+F). The core's `search` command covers detainees and sponsors (its
 * full-text index holds their folded, transliterated names). Sponsorships and press releases are not in it: a
 * `search_all` command returning them too (see the UI report / ARCHITECTURE.md) would replace `searchAll` here;
 * until then their hits simply do not appear.
 */
import * as api from './generated/commands';
import type { RecordKind, SearchHit } from './generated/index';
import type { Screen } from './router.svelte';

/** Where a hit of each kind opens. Kinds without a screen of their own are left out of the results. */
export const SCREEN_OF: Partial<Record<RecordKind, Screen>> = {
  detainee: 'detainees',
  sponsor: 'sponsors',
  sponsorship: 'sponsorships',
  press_release: 'press',
};

export const MIN_QUERY = 2;

export async function searchAll(text: string): Promise<SearchHit[]> {
  const q = text.trim();
  if (q.length < MIN_QUERY) return [];
  const hits = await api.search(q);
  return hits.filter((h) => SCREEN_OF[h.kind] !== undefined);
}
