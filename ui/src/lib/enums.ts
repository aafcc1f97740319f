/**
 * The core's closed lists (slugs as it serialises them, see src/model/*.rs) and their translated labels: one list
 * and one label function per enumeration, for every screen. Labels live in `assets/locales/{fr,en}/`:
 * the values shared by several screens (stage, situation) in `ui.ftl` (`stage-*`, `status-*`), the record page's
 * in `ui-detainees.ftl` (`dtn-*`), the campaign's in `ui-campaign.ftl` (`camp-*`). In an id, `_` becomes `-`.
 */
import { t } from './i18n.svelte';
import type { Option } from './components/Field.svelte';
import type {
  ActionKind,
  BannerSize,
  CardFormat,
  Category,
  CommitmentKind,
  CommitmentStatus,
  Consent,
  EndReason,
  EventKind,
  Lang,
  PublicItem,
  Reliability,
  Sex,
  SponsorKind,
  Stage,
  Status,
} from './generated/index';

// ---------- Detainees ----------

export const CATEGORIES: readonly Category[] = ['pow', 'civilian', 'political', 'disappeared'];
export const STATUSES: readonly Status[] = ['detained', 'on-trial', 'sentenced', 'released', 'deceased', 'unknown'];
export const SEXES: readonly Sex[] = ['male', 'female'];
export const CONSENTS: readonly Consent[] = ['unknown', 'given', 'refused', 'withdrawn'];
export const PUBLIC_ITEMS: readonly PublicItem[] = [
  'name',
  'name_hy',
  'birth',
  'role',
  'capture',
  'circumstances',
  'situation',
  'biography',
];
export const EVENT_KINDS: readonly EventKind[] = [
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
];
export const RELIABILITIES: readonly Reliability[] = ['confirmed', 'reliable', 'probable', 'doubtful', 'unknown'];

// ---------- Sponsors, sponsorships, documents ----------

export const STAGES: readonly Stage[] = ['prospect', 'approached', 'agreed', 'signed', 'active', 'ended'];
export const SPONSOR_KINDS: readonly SponsorKind[] = ['city', 'ngo', 'person', 'parliamentarian', 'institution'];
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['planned', 'in-progress', 'done', 'dropped'];
export const END_REASONS: readonly EndReason[] = ['released', 'handed-over', 'withdrawn'];
export const ACTION_KINDS: readonly ActionKind[] = ['letter', 'email', 'call', 'meeting', 'event', 'interview', 'other'];
/** The languages a document or press release is written in. */
export const DOC_LANGS: readonly Lang[] = ['fr', 'en'];
export const BANNER_SIZES: readonly BannerSize[] = ['850x2000', '800x2000', '1000x2000', '1200x2000', 'a3', 'a2', 'a1'];
/** Social-media card formats, as the core names them (`CardFormat`). */
export const CARD_FORMATS: readonly CardFormat[] = ['square', 'portrait', 'story', 'landscape'];

export type Family = 'communicate' | 'plead' | 'support';
export const FAMILIES: readonly { family: Family; kinds: readonly CommitmentKind[] }[] = [
  { family: 'communicate', kinds: ['logo', 'banner', 'public-signing', 'public-events', 'media'] },
  { family: 'plead', kinds: ['lobbying'] },
  { family: 'support', kinds: ['meet-family', 'solidarity-events', 'material-support'] },
];
export const COMMITMENT_KINDS: readonly CommitmentKind[] = FAMILIES.flatMap((f) => f.kinds);

// ---------- Labels ----------

/** The label of `slug` under `prefix`; '' for no value, the slug itself if the id has no translation. */
function label(prefix: string, slug: string | null | undefined): string {
  if (!slug) return '';
  const id = `${prefix}-${slug.replace(/_/g, '-')}`;
  const text = t(id);
  return text === id ? slug : text;
}

type Slug = string | null | undefined;

export const categoryLabel = (s: Slug): string => label('dtn-cat', s);
export const statusLabel = (s: Slug): string => label('status', s);
/** "Situation not recorded": a detainee without any situation entry. */
export const noStatusLabel = (): string => t('status-none');
export const sexLabel = (s: Slug): string => label('dtn-sex', s);
export const consentLabel = (s: Slug): string => label('dtn-consent', s);
export const itemLabel = (s: Slug): string => label('dtn-item', s);
export const eventKindLabel = (s: Slug): string => label('dtn-event-kind', s);
export const reliabilityLabel = (s: Slug): string => label('dtn-rel', s);

export const stageLabel = (s: Slug): string => label('stage', s);
export const sponsorKindLabel = (s: Slug): string => label('camp-sponsor-kind', s);
export const familyLabel = (f: Slug): string => label('camp-family', f);
export const commitmentLabel = (s: Slug): string => label('camp-commit', s);
export const commitmentStatusLabel = (s: Slug): string => label('camp-cstatus', s);
export const endReasonLabel = (s: Slug): string => label('camp-end', s);
export const actionKindLabel = (s: Slug): string => label('camp-action', s);
export const langLabel = (s: Slug): string => label('camp-lang', s);
export const bannerSizeLabel = (s: Slug): string => label('camp-size', s);
export const docKindLabel = (s: Slug): string => label('camp-doc-kind', s);
export const cardFormatLabel = (s: Slug): string => label('camp-card-format', s);

/** Select options for a list of slugs, with an optional first empty choice. */
export function options(slugs: readonly string[], labelOf: (s: string) => string, empty?: string): Option[] {
  const out: Option[] = slugs.map((value) => ({ value, label: labelOf(value) }));
  return empty === undefined ? out : [{ value: '', label: empty }, ...out];
}
