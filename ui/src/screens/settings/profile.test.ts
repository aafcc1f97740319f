import { describe, expect, it } from 'vitest';
import { toDraft, toProfile } from './profile.svelte';

describe('profile draft', () => {
  it('starts empty without a stored profile, and sends empty fields as null', () => {
    const d = toDraft(null);
    expect(d.name).toBe('');
    expect(toProfile({ ...d, name: '  Collectif  ' })).toEqual({
      name: 'Collectif',
      members: [],
      signatory: null,
      logo_ids: [],
      website: null,
      campaign_url: null,
      contacts: [],
      cities: [],
      address: null,
    });
  });

  it('round-trips a stored profile, and splits the cities on commas, semicolons and lines', () => {
    const stored = {
      name: 'Collectif Libertas',
      members: [{ name: 'Centre de droit', city: 'Paris', description_fr: 'Un centre.', description_en: null }],
      signatory: { name: 'Anahit Grantsian', title: null },
      logo_ids: ['logo-1', 'logo-2'],
      website: null,
      campaign_url: 'https://example.org/libertas',
      contacts: [{ name: 'Lilit Nmushian', role: null, email: 'presse@example.org', phone: null }],
      cities: ['Paris', 'Lyon'],
      address: null,
    };
    const d = toDraft(stored);
    expect(d.cities).toBe('Paris, Lyon');
    expect(toProfile(d)).toEqual(stored);
    expect(toProfile({ ...d, cities: 'Paris; Lyon\nGenève, ' }).cities).toEqual(['Paris', 'Lyon', 'Genève']);
  });
});
