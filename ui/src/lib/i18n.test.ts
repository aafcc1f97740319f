import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { SOURCES, LANGS, LOCALES, t, setLang, getLang, formatPartialDate, formatDate } from './i18n.svelte';
import App from '../App.svelte';
import { navigate } from './router.svelte';

function ids(lang: (typeof LANGS)[number]): Set<string> {
  const res = new FluentResource(SOURCES[lang]);
  return new Set(res.body.map((entry) => entry.id));
}

describe('ui.ftl files', () => {
  for (const lang of LANGS) {
    it(`${lang}/ui.ftl has no syntax error`, () => {
      const bundle = new FluentBundle(LOCALES[lang]);
      const errors = bundle.addResource(new FluentResource(SOURCES[lang]));
      expect(errors).toEqual([]);
      // A FluentResource turns unparsable entries into junk, which addResource reports: check by counting too.
      const entries = SOURCES[lang].split('\n').filter((l) => /^[a-z][a-z0-9-]*\s*=/.test(l));
      expect(ids(lang).size).toBe(entries.length);
    });
  }

  it('every id exists in both languages', () => {
    const fr = ids('fr');
    const en = ids('en');
    expect([...fr].filter((id) => !en.has(id)), 'missing from en/ui.ftl').toEqual([]);
    expect([...en].filter((id) => !fr.has(id)), 'missing from fr/ui.ftl').toEqual([]);
  });

  it('every message formats without errors in both languages', () => {
    for (const lang of LANGS) {
      const bundle = new FluentBundle(LOCALES[lang], { useIsolating: false });
      bundle.addResource(new FluentResource(SOURCES[lang]));
      for (const id of ids(lang)) {
        const msg = bundle.getMessage(id)!;
        const errors: Error[] = [];
        const args = { value: 'x', create: 1, update: 0, merge: 2, skip: 3, history: 4, month: '13', day: '31', year: '2020', code: 'c', count: 2, percent: 5, seconds: 5, date: 'd', detail: 'x', max: 9, min: 1, label: 'l', keys: 'k', score: 2, written: 1, applied: 2, records: 3, user: 'u', device: 'd', width: 1080, height: 1080, encoding: 'e', delimiter: 'd' };
        bundle.formatPattern(msg.value!, args, errors);
        expect(errors, `${lang}: ${id}`).toEqual([]);
      }
    }
  });
});

describe('t()', () => {
  it('defaults to French and switches to English', () => {
    expect(getLang()).toBe('fr');
    expect(t('nav-detainees')).toBe('Détenus');
    setLang('en');
    expect(t('nav-detainees')).toBe('Detainees');
  });

  it('handles plurals and arguments', () => {
    expect(t('list-count', { count: 0 })).toBe('Aucune ligne');
    expect(t('list-count', { count: 1 })).toBe('1 ligne');
    setLang('en');
    expect(t('list-count', { count: 3 })).toBe('3 rows');
  });

  it('shows the id of a missing message rather than nothing', () => {
    expect(t('no-such-message')).toBe('no-such-message');
  });

  it('writes dates and partial dates per locale', () => {
    expect(formatPartialDate('2020-11-09')).toBe('9 novembre 2020');
    expect(formatPartialDate('2020-11')).toBe('novembre 2020');
    expect(formatPartialDate('2020')).toBe('2020');
    expect(formatPartialDate('~2020-11-09')).toBe('vers le 9 novembre 2020');
    expect(formatDate(new Date(Date.UTC(2023, 11, 1, 12)), { dateStyle: 'long', timeZone: 'UTC' })).toBe('1 décembre 2023');
    setLang('en');
    expect(formatPartialDate('2020-11-09')).toBe('9 November 2020');
    expect(formatPartialDate('~2020-11-09')).toBe('around 9 November 2020');
  });
});

describe('switching language re-renders the app', () => {
  it('changes the navigation and the screen title live', async () => {
    navigate('detainees');
    render(App);
    expect(screen.getByRole('button', { name: 'Détenus' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Détenus');
    expect(screen.getByText('Aucun détenu pour l’instant.')).toBeInTheDocument();

    screen.getByRole('button', { name: 'English' }).click();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));

    expect(screen.getByRole('button', { name: 'Detainees' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Detainees');
    expect(screen.getByText('No detainees yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Lock now/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});
