/**
 * Interface strings with Project Fluent. The `.ftl` files live in `assets/locales/{fr,en}/ui*.ftl` at the
 * repository root and are bundled at build time (`?raw`), so nothing is fetched at run time.
 *
 * `t()` reads the current language from a `$state`, so every template or `$derived` that calls it re-renders
 * when `setLang()` switches the language.
 */
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

// Every `ui*.ftl` file of a language (one per area of the app: ui.ftl, ui-records.ftl, ...), bundled at build time.
const frFiles = import.meta.glob('../../../assets/locales/fr/ui*.ftl', { query: '?raw', import: 'default', eager: true });
const enFiles = import.meta.glob('../../../assets/locales/en/ui*.ftl', { query: '?raw', import: 'default', eager: true });
const join = (files: Record<string, unknown>): string =>
  Object.keys(files)
    .sort()
    .map((k) => String(files[k]))
    .join('\n');
const frSource = join(frFiles);
const enSource = join(enFiles);

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Args = Record<string, FluentVariable>;

/** BCP 47 locales used for Fluent plurals and Intl formatting. */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export const SOURCES: Record<Lang, string> = { fr: frSource, en: enSource };

function makeBundle(lang: Lang): FluentBundle {
  // No bidi isolation marks: names are Latin or Armenian (both left-to-right), and the marks would end up in
  // copied text and in tests.
  const bundle = new FluentBundle(LOCALES[lang], { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[lang]));
  for (const e of errors) console.error(`ui.ftl (${lang}):`, e);
  return bundle;
}

// Parsed when a language is first used: most sessions never show the other one.
const bundles: Partial<Record<Lang, FluentBundle>> = {};
const bundle = (lang: Lang): FluentBundle => (bundles[lang] ??= makeBundle(lang));

const state = $state<{ lang: Lang }>({ lang: 'fr' });

/** The current interface language (reactive). */
export function getLang(): Lang {
  return state.lang;
}

/** Switches the interface language; everything that calls `t()` re-renders. */
export function setLang(lang: Lang): void {
  if (!LANGS.includes(lang)) return;
  state.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** `i18n.lang` can be read and assigned, and works with `bind:value`. */
export const i18n = {
  get lang(): Lang {
    return state.lang;
  },
  set lang(lang: Lang) {
    setLang(lang);
  },
};

function format(bundle: FluentBundle, id: string, args?: Args): string | undefined {
  const [msgId, attr] = id.split('.', 2);
  const msg = bundle.getMessage(msgId);
  if (!msg) return undefined;
  const pattern = attr ? msg.attributes[attr] : msg.value;
  if (!pattern) return undefined;
  const errors: Error[] = [];
  const text = bundle.formatPattern(pattern, args ?? null, errors);
  if (errors.length && import.meta.env.DEV) console.warn(`ui.ftl: ${id}:`, errors);
  return text;
}

/**
 * The translated message `id` (or `id.attribute`) with its arguments. Falls back to French, then to the id
 * itself so that a missing string is visible rather than blank.
 */
export function t(id: string, args?: Args): string {
  const lang = state.lang;
  return format(bundle(lang), id, args) ?? format(bundle('fr'), id, args) ?? id;
}

function toDate(value: Date | string | number): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A date (or ISO timestamp) written in the current language: "9 novembre 2020" / "9 November 2020". */
export function formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const d = toDate(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(LOCALES[state.lang], options).format(d);
}

/** A date and time in the current language, e.g. for history entries. */
export function formatDateTime(value: Date | string | number): string {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * How long ago `value` was, relative to `now`, in the current language: "il y a 3 minutes" / "3 minutes ago"
 * ("à l'instant" under a minute). Hours past 24 become days.
 */
export function formatAgo(value: Date | string | number, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return String(value);
  const seconds = Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000));
  if (seconds < 60) return t('sync-just-now');
  const rtf = new Intl.RelativeTimeFormat(LOCALES[state.lang], { numeric: 'always' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.floor(hours / 24), 'day');
}

/** A number in the current language ("10 000" / "10,000"). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[state.lang], options).format(value);
}

/**
 * A partial date as stored by the core (`2020`, `2020-11`, `2020-11-09`, `~2020-11-09`) written out in the
 * current language: "2020", "novembre 2020", "9 novembre 2020", "vers le 9 novembre 2020". Anything else is
 * returned unchanged.
 */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return value;
  const [, approx, y, mo, d] = m;
  // Noon UTC, formatted in UTC: the day never shifts with the time zone.
  const date = new Date(Date.UTC(Number(y), Number(mo ?? '1') - 1, Number(d ?? '1'), 12));
  const locale = LOCALES[state.lang];
  let text: string;
  if (d) text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  else if (mo) text = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  else text = y;
  return approx ? t('date-approx', { date: text }) : text;
}
