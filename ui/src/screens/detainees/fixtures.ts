/** Sample data for the detainee screen tests (fictional people). */
import type { Contact, DetaineePage, DetaineeRow, Event, Source, Stored } from '../../lib/generated/index';

export function rows(offset: number, limit: number, total: number): DetaineeRow[] {
  const n = Math.max(0, Math.min(limit, total - offset));
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(offset + i).padStart(12, '0')}`,
    name: `Personne ${offset + i}`,
    name_hy: offset + i === 0 ? 'Արամ Օրինակյան' : null,
    category: 'pow',
    status: offset + i === 0 ? 'sentenced' : null,
    photo_id: offset + i === 0 ? '11111111-1111-4111-8111-111111111111' : null,
    sponsored: offset + i === 0,
    days_held: offset + i === 0 ? 1234 : null,
    conflict: false,
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
      name_hy: 'Արամ Օրինակյան',
      other_names: ['Арам Оринакян'],
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
    contacts: [contact()],
    sponsorships: [],
    sources: [],
    events: [],
    days_held: 1234,
    // As the core judges the disclosure above: the name is public and consented.
    published: ['name'],
    published_photos: [],
  } as unknown as DetaineePage;
}

/** Sub-records of the record page (sources, timeline events, family contacts), all about `ID`. */
export const OTHER_DETAINEE = '88888888-8888-4888-8888-888888888888';
export const SPONSOR_ID = '77777777-7777-4777-8777-777777777777';
export const SOURCE_ID = '44444444-4444-4444-8444-444444444444';
export const EVENT_HEARING_ID = '55555555-5555-4555-8555-555555555555';
export const EVENT_CAPTURE_ID = '66666666-6666-4666-8666-666666666666';
export const CONTACT_ID = '33333333-3333-4333-8333-333333333333';

const STORED = { created_at: '2024-01-01T10:00:00.000Z', updated_at: '2024-01-01T10:00:00.000Z' };

/** A source documenting two detainees and one event. */
export function source(): Stored<Source> {
  return {
    id: SOURCE_ID,
    ...STORED,
    author: 'Agence Exemple',
    title: 'Compte rendu d’audience',
    date: '2021-06-01',
    reliability: 'probable',
    reference: 'https://example.org/compte-rendu',
    note: 'Recoupé avec le Comité Test.',
    detainee_ids: [OTHER_DETAINEE, ID],
    event_ids: [EVENT_HEARING_ID],
  };
}

/** Two events, stored latest first (the timeline sorts them by date). */
export function events(): Stored<Event>[] {
  return [
    {
      id: EVENT_HEARING_ID,
      ...STORED,
      date: '2021-06-01',
      kind: 'hearing',
      title: 'Audience au tribunal de Ville-Test',
      description: null,
      place: 'Ville-Test',
      detainee_id: ID,
      sponsor_id: SPONSOR_ID,
      public: true,
    },
    {
      id: EVENT_CAPTURE_ID,
      ...STORED,
      date: '~2020-12-01',
      kind: 'capture',
      title: 'Capture près de Village-Exemple',
      description: 'Selon le témoignage d’un voisin.',
      place: null,
      detainee_id: ID,
      sponsor_id: null,
      public: false,
    },
  ];
}

/** The family contact of `page()`. */
export function contact(): Stored<Contact> {
  return {
    id: CONTACT_ID,
    ...STORED,
    detainee_id: ID,
    name: 'Anahit Exemple',
    relation: 'mère',
    phone: '+374 10 000000',
    email: null,
    address: null,
    languages: ['hy', 'ru'],
    notes: null,
  };
}
