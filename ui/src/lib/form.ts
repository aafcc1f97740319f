/**
 * Small helpers of the campaign forms: days as the core writes them, optional text, comma-separated lists, byte
 * sizes for people, and a debounce for search-as-you-type.
 */
import { t } from './i18n.svelte';

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
