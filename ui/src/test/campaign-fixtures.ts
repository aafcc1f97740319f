/** Records shared by the campaign screens' tests. */
import type { SponsorRow, SponsorshipCard, Sponsorship, Stored, Sponsor } from '../lib/generated/index';

export const T0 = '2024-01-01T00:00:00Z';

export function sponsor(id: string, name: string, extra: Partial<Sponsor> = {}): Stored<Sponsor> {
  return {
    id,
    created_at: T0,
    updated_at: T0,
    name,
    kind: 'city',
    country: 'France',
    city: 'Lyon',
    address: null,
    signatory: null,
    contacts: [],
    logo_id: null,
    website: null,
    languages: [],
    notes: null,
    ...extra,
  };
}

export function row(s: Stored<Sponsor>, active = 0): SponsorRow {
  return { sponsor: s, active, conflict: false };
}

export function sponsorship(id: string, extra: Partial<Sponsorship> = {}): Stored<Sponsorship> {
  return {
    id,
    created_at: T0,
    updated_at: T0,
    sponsor_id: 'S1',
    detainee_id: 'D1',
    stage: 'agreed',
    commitments: [],
    ceremony: null,
    end_reason: null,
    ended_on: null,
    predecessor_id: null,
    successor_id: null,
    actions: [],
    notes: null,
    ...extra,
  };
}

export function card(s: Stored<Sponsorship>, sponsorName = 'Ville de Lyon', detaineeName: string | null = 'Aram Exemple'): SponsorshipCard {
  return { sponsorship: s, sponsor_name: sponsorName, sponsor_kind: 'city', detainee_name: detaineeName, conflict: false };
}

export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
