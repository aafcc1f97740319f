/**
 * Form drafts for detainee records: every text field is a string in the form ('' for empty) and becomes `null`
 * (or `[]`) in the record sent to the core, which validates and normalises it.
 */
import type { Category, Detainee, Sex } from '../../lib/generated/index';
import { checkPartialDate } from '../../lib/partialDate';

/** A partial date in the core's canonical form (09/11/2020 → 2020-11-09), or null when empty. Invalid text is
 * sent as typed so the core's message explains it. */
export function pdate(s: string | null | undefined): string | null {
  const c = checkPartialDate(s ?? '');
  if (!c.ok) return nul(s);
  return c.value === '' ? null : c.value;
}

/** '' → null, otherwise the trimmed text. */
export function nul(s: string | null | undefined): string | null {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
}

/** Multi-line text → non-empty trimmed lines. */
export function lines(s: string | null | undefined): string[] {
  return (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function str(v: string | number | null | undefined): string {
  return v == null ? '' : String(v);
}

/** A stored record without its storage fields (id, created_at, updated_at): what `record_save` expects. */
export function stripStored<T extends object>(stored: T): Omit<T, 'id' | 'created_at' | 'updated_at'> {
  const copy = plain(stored) as T & { id?: unknown; created_at?: unknown; updated_at?: unknown };
  delete copy.id;
  delete copy.created_at;
  delete copy.updated_at;
  return copy;
}

/** Plain copy of a value (works for Svelte state proxies too). */
export function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export interface IdentityDraft {
  name: string;
  name_hy: string;
  other_names: string;
  category: string;
  sex: string;
  born: string;
  birth_place: string;
  role: string;
  rank: string;
  unit: string;
  captured: string;
  capture_place: string;
  circumstances: string;
  bio_fr: string;
  bio_en: string;
  notes: string;
}

export function emptyDraft(): IdentityDraft {
  return {
    name: '',
    name_hy: '',
    other_names: '',
    category: '',
    sex: '',
    born: '',
    birth_place: '',
    role: '',
    rank: '',
    unit: '',
    captured: '',
    capture_place: '',
    circumstances: '',
    bio_fr: '',
    bio_en: '',
    notes: '',
  };
}

export function draftFrom(d: Detainee): IdentityDraft {
  return {
    name: d.name,
    name_hy: str(d.name_hy),
    other_names: d.other_names.join('\n'),
    category: d.category,
    sex: str(d.sex),
    born: str(d.born),
    birth_place: str(d.birth_place),
    role: str(d.role),
    rank: str(d.rank),
    unit: str(d.unit),
    captured: str(d.captured),
    capture_place: str(d.capture_place),
    circumstances: str(d.circumstances),
    bio_fr: str(d.bio_fr),
    bio_en: str(d.bio_en),
    notes: str(d.notes),
  };
}

/** The identity fields of a draft, as the record has them. */
export function identityFields(f: IdentityDraft) {
  return {
    name: f.name.trim(),
    name_hy: nul(f.name_hy),
    other_names: lines(f.other_names),
    category: f.category as Category,
    sex: (nul(f.sex) as Sex | null) ?? null,
    born: pdate(f.born),
    birth_place: nul(f.birth_place),
    role: nul(f.role),
    rank: nul(f.rank),
    unit: nul(f.unit),
    captured: pdate(f.captured),
    capture_place: nul(f.capture_place),
    circumstances: nul(f.circumstances),
  };
}

/** A complete new record from the creation form: every other field has its empty default. */
export function newDetainee(f: IdentityDraft): Detainee {
  return {
    ...identityFields(f),
    situation: [],
    icrc: { registered: null, registered_on: null, visits: [] },
    court_applications: [],
    bio_fr: null,
    bio_en: null,
    disclosure: {},
    notes: null,
  };
}

/** The record with the identity section's fields replaced (biographies and notes included). */
export function withIdentity(d: Detainee, f: IdentityDraft): Detainee {
  return { ...d, ...identityFields(f), bio_fr: nul(f.bio_fr), bio_en: nul(f.bio_en), notes: nul(f.notes) };
}

/** Sort key of a partial date (`~2020-11-09`, `2020-11`, `2020`): comparable as text. */
export function dateKey(d: string | null | undefined): string {
  return (d ?? '').replace(/^~/, '');
}
