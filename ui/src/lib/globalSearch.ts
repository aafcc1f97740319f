/**
 * One search for the whole dossier (Ctrl+F): the core's `search` command (`api::search_all`) returns detainees and
 * sponsors by any of their names (folded, transliterated), the sponsorships of those found, and press releases by
 * their title.
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
