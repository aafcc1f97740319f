// Every name here is fictional.
/** Shared fixtures for the session, dashboard and settings tests. */
import type { AppInfo, Dashboard } from '../lib/generated/index';

export function appInfo(over: Partial<AppInfo> = {}): AppInfo {
  return { dossier_path: '/home/ana/Documents/libertas.dossier', exists: true, unlocked: false, lang: 'fr', version: '0.1.0', limits: { min_passphrase: 8, min_passphrase_score: 3, default_bleed_mm: 10, max_bleed_mm: 25 }, ...over };
}

export function person(name: string, days: number | null, over: Record<string, unknown> = {}) {
  return { id: `id-${name}`, name, category: 'pow' as const, days_held: days, last_visit: null, ...over };
}

export function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    detainees: 23,
    sponsors: 7,
    by_category: [
      { key: 'pow', count: 9 },
      { key: 'civilian', count: 6 },
      { key: 'political', count: 8 },
    ],
    by_status: [
      { key: 'detained', count: 15 },
      { key: 'sentenced', count: 7 },
      { key: null, count: 1 },
    ],
    by_stage: [
      { key: 'prospect', count: 3 },
      { key: 'signed', count: 2 },
    ],
    held: [person('Aram Exemple', 1200), person('Gor Essai', 800, { category: 'civilian' })],
    upcoming: [{ date: '2031-03-21', kind: 'ceremony', title: 'Ville de Lyon — Aram Exemple', place: 'Hôtel de ville', id: 'sp-1' }],
    no_icrc_visit: [person('Aram Exemple', 1200, { last_visit: '2030-01-15' }), person('Gor Essai', 800)],
    unsponsored: [person('Gor Essai', 800)],
    held_total: 2,
    no_icrc_visit_total: 2,
    unsponsored_total: 1,
    ...over,
  } as Dashboard;
}
