/**
 * The enum slugs of the core (see src/model/*.rs) and their translated labels. Ids live in
 * assets/locales/{fr,en}/ui-detainees.ftl with the `dtn-` prefix; `_` in a slug becomes `-` in the id.
 */
import { t } from '../../lib/i18n.svelte';
import type { Option } from '../../lib/components/Field.svelte';

export const CATEGORIES = ['pow', 'civilian', 'political', 'disappeared'] as const;
export const STATUSES = ['detained', 'on-trial', 'sentenced', 'released', 'deceased', 'unknown'] as const;
export const SEXES = ['male', 'female'] as const;
export const CONSENTS = ['unknown', 'given', 'refused', 'withdrawn'] as const;
export const PUBLIC_ITEMS = ['name', 'name_hy', 'birth', 'role', 'capture', 'circumstances', 'situation', 'biography'] as const;
export const EVENT_KINDS = [
  'capture',
  'transfer',
  'hearing',
  'verdict',
  'icrc-visit',
  'release',
  'ceremony',
  'rally',
  'interview',
  'lobbying',
  'statement',
  'other',
] as const;
export const RELIABILITIES = ['confirmed', 'reliable', 'probable', 'doubtful', 'unknown'] as const;
export const STAGES = ['prospect', 'approached', 'agreed', 'signed', 'active', 'ended'] as const;

function label(group: string, slug: string | null | undefined): string {
  if (!slug) return '';
  const id = `dtn-${group}-${slug.replace(/_/g, '-')}`;
  const text = t(id);
  return text === id ? slug : text;
}

export const categoryLabel = (s: string | null | undefined) => label('cat', s);
export const statusLabel = (s: string | null | undefined) => label('status', s);
export const sexLabel = (s: string | null | undefined) => label('sex', s);
export const consentLabel = (s: string | null | undefined) => label('consent', s);
export const itemLabel = (s: string | null | undefined) => label('item', s);
export const eventKindLabel = (s: string | null | undefined) => label('event-kind', s);
export const reliabilityLabel = (s: string | null | undefined) => label('rel', s);
export const stageLabel = (s: string | null | undefined) => label('stage', s);

/** Select options for a list of slugs, with an optional first empty choice. */
export function options(slugs: readonly string[], labelOf: (s: string) => string, empty?: string): Option[] {
  const out: Option[] = slugs.map((value) => ({ value, label: labelOf(value) }));
  return empty === undefined ? out : [{ value: '', label: empty }, ...out];
}
