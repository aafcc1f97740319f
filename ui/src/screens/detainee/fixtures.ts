/** Sample data for the detainee screen tests (fictional people). */
import type { DetaineePage, DetaineeRow } from '../../lib/generated/index';

export function rows(offset: number, limit: number, total: number): DetaineeRow[] {
  const n = Math.max(0, Math.min(limit, total - offset));
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(offset + i).padStart(12, '0')}`,
    name: `Personne ${offset + i}`,
    name_hy: offset + i === 0 ? 'Արման Պետրոսյան' : null,
    category: 'pow',
    status: offset + i === 0 ? 'sentenced' : null,
    photo_id: offset + i === 0 ? '11111111-1111-4111-8111-111111111111' : null,
    sponsored: offset + i === 0,
    days_held: offset + i === 0 ? 1234 : null,
  }));
}

export const ID = '22222222-2222-4222-8222-222222222222';

export function page(): DetaineePage {
  return {
    detainee: {
      id: ID,
      created_at: '2024-01-01T10:00:00.000Z',
      updated_at: '2024-02-01T10:00:00.000Z',
      name: 'Aram Exemple',
      name_hy: 'Արման Պետրոսյան',
      other_names: ['Арман Петросян'],
      category: 'pow',
      sex: 'male',
      born: '1999-03',
      birth_place: 'Gyumri',
      role: null,
      rank: 'Sergent',
      unit: null,
      captured: '2020-12-13',
      capture_place: 'Hin Tagher',
      circumstances: null,
      situation: [{ date: '2021-06-01', status: 'sentenced', sentence_years: 6, charges: ['318.1'], court: 'Bakou', note: null }],
      icrc: { registered: true, registered_on: '2021-01', visits: ['2024-01-05'] },
      court_applications: [],
      bio_fr: null,
      bio_en: null,
      disclosure: { name: { public: true, consent: 'given' } },
      notes: null,
    },
    photos: [],
    contacts: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        created_at: '2024-01-01T10:00:00.000Z',
        updated_at: '2024-01-01T10:00:00.000Z',
        detainee_id: ID,
        name: 'Anahit Exemple',
        relation: 'mère',
        phone: '+374 10 000000',
        email: null,
        address: null,
        languages: ['hy', 'ru'],
        notes: null,
      },
    ],
    sponsorships: [],
    sources: [],
    events: [],
    days_held: 1234,
  } as unknown as DetaineePage;
}
