/**
 * The campaign's enumerations (slugs as the core serialises them) with their translated labels
 * (`assets/locales/{fr,en}/ui-campaign.ftl`). Ids use hyphens only: `press_release` → `press-release`.
 */
import { t } from './i18n.svelte';
import type {
  ActionKind,
  BannerSize,
  CommitmentKind,
  CommitmentStatus,
  EndReason,
  Lang,
  SponsorKind,
  Stage,
} from './generated/index';

export const SPONSOR_KINDS: SponsorKind[] = ['city', 'ngo', 'person', 'parliamentarian', 'institution'];
export const STAGES: Stage[] = ['prospect', 'approached', 'agreed', 'signed', 'active', 'ended'];
export const COMMITMENT_STATUSES: CommitmentStatus[] = ['planned', 'in-progress', 'done', 'dropped'];
export const END_REASONS: EndReason[] = ['released', 'handed-over', 'withdrawn'];
export const ACTION_KINDS: ActionKind[] = ['letter', 'email', 'call', 'meeting', 'event', 'interview', 'other'];
export const LANGS: Lang[] = ['fr', 'en'];
export const BANNER_SIZES: BannerSize[] = ['850x2000', '800x2000', '1000x2000', '1200x2000', 'a3', 'a2', 'a1'];

export type Family = 'communicate' | 'plead' | 'support';
export const FAMILIES: { family: Family; kinds: CommitmentKind[] }[] = [
  { family: 'communicate', kinds: ['logo', 'banner', 'public-signing', 'public-events', 'media'] },
  { family: 'plead', kinds: ['lobbying'] },
  { family: 'support', kinds: ['meet-family', 'solidarity-events', 'material-support'] },
];
export const COMMITMENT_KINDS: CommitmentKind[] = FAMILIES.flatMap((f) => f.kinds);

const slug = (s: string) => s.replace(/_/g, '-');

export const sponsorKindLabel = (k: SponsorKind): string => t(`camp-sponsor-kind-${k}`);
export const stageLabel = (s: Stage): string => t(`camp-stage-${s}`);
export const familyLabel = (f: Family): string => t(`camp-family-${f}`);
export const commitmentLabel = (k: CommitmentKind): string => t(`camp-commit-${k}`);
export const commitmentStatusLabel = (s: CommitmentStatus): string => t(`camp-cstatus-${s}`);
export const endReasonLabel = (r: EndReason): string => t(`camp-end-${r}`);
export const actionKindLabel = (k: ActionKind): string => t(`camp-action-${k}`);
export const langLabel = (l: Lang): string => t(`camp-lang-${l}`);
export const bannerSizeLabel = (s: BannerSize): string => t(`camp-size-${s}`);
export const docKindLabel = (k: string): string => t(`camp-doc-kind-${slug(k)}`);

/** `YYYY-MM-DD` and a real day of the calendar (the core's NaiveDate). */
export function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Validation message for an optional day field, or null. */
export function checkDay(s: string, required = false): string | null {
  const v = s.trim();
  if (v === '') return required ? t('field-required') : null;
  return isDay(v) ? null : t('camp-bad-day', { value: v });
}

/** Today's date, local time, as `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Trimmed text, or null when empty (the core wants `null` for absent optional fields). */
export function opt(s: string | null | undefined): string | null {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
}

/** A comma-separated list, trimmed, without empty items. */
export function splitList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Size in bytes written for people: "84 Ko" / "1,2 Mo". */
export function byteSize(n: number, lang: string): string {
  const fr = lang === 'fr';
  if (n < 1024) return `${n} ${fr ? 'o' : 'B'}`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} ${fr ? 'Ko' : 'KB'}`;
  const mb = (n / (1024 * 1024)).toLocaleString(fr ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return `${mb} ${fr ? 'Mo' : 'MB'}`;
}

/** Calls `fn` once the calls have stopped for `ms`; `cancel()` drops a pending call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}
