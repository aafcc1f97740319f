import { describe, expect, it } from 'vitest';
import { setLang, t } from './i18n.svelte';
import * as E from './enums';

/** Every list with the label function that names its values. */
const LISTS: [string, readonly string[], (s: string) => string][] = [
  ['CATEGORIES', E.CATEGORIES, E.categoryLabel],
  ['STATUSES', E.STATUSES, E.statusLabel],
  ['SEXES', E.SEXES, E.sexLabel],
  ['CONSENTS', E.CONSENTS, E.consentLabel],
  ['PUBLIC_ITEMS', E.PUBLIC_ITEMS, E.itemLabel],
  ['EVENT_KINDS', E.EVENT_KINDS, E.eventKindLabel],
  ['RELIABILITIES', E.RELIABILITIES, E.reliabilityLabel],
  ['STAGES', E.STAGES, E.stageLabel],
  ['SPONSOR_KINDS', E.SPONSOR_KINDS, E.sponsorKindLabel],
  ['COMMITMENT_STATUSES', E.COMMITMENT_STATUSES, E.commitmentStatusLabel],
  ['COMMITMENT_KINDS', E.COMMITMENT_KINDS, E.commitmentLabel],
  ['END_REASONS', E.END_REASONS, E.endReasonLabel],
  ['ACTION_KINDS', E.ACTION_KINDS, E.actionKindLabel],
  ['DOC_LANGS', E.DOC_LANGS, E.langLabel],
  ['BANNER_SIZES', E.BANNER_SIZES, E.bannerSizeLabel],
  ['CARD_FORMATS', E.CARD_FORMATS, E.cardFormatLabel],
  ['FAMILIES', E.FAMILIES.map((f) => f.family), E.familyLabel],
];

describe('enums', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`every value of every list has its own label in ${lang}`, () => {
      setLang(lang);
      for (const [name, list, labelOf] of LISTS) {
        expect(new Set(list).size, `${name} has a duplicate`).toBe(list.length);
        const labels = list.map(labelOf);
        // A missing translation falls back to the slug: none may.
        list.forEach((slug, i) => expect(labels[i], `${name}: ${slug}`).not.toBe(slug));
        expect(labels.every((l) => l.trim() !== ''), name).toBe(true);
        expect(new Set(labels).size, `${name}: two values share a label`).toBe(list.length);
      }
    });
  }

  it('names a stage with one label on every screen', () => {
    expect(E.stageLabel('agreed')).toBe('Accord obtenu');
    expect(E.stageLabel('prospect')).toBe('Piste');
    // The dashboard's keys and the list's are the same ones.
    expect(E.STAGES.map(E.stageLabel)).toEqual(E.STAGES.map((s) => t(`stage-${s}`)));
    setLang('en');
    expect(E.stageLabel('agreed')).toBe('Agreed');
  });

  it('names situations, and the absence of one', () => {
    expect(E.statusLabel('on-trial')).toBe('En procès');
    expect(E.noStatusLabel()).toBe('Situation non renseignée');
    setLang('en');
    expect(E.statusLabel('unknown')).toBe('Fate unknown');
    expect(E.noStatusLabel()).toBe('Situation not recorded');
  });

  it('turns underscores into hyphens, gives "" for no value and the slug when there is no label', () => {
    expect(E.itemLabel('name_hy')).toBe(t('dtn-item-name-hy'));
    expect(E.docKindLabel('press_release')).toBe('Communiqué de presse');
    expect(E.docKindLabel('banner-rollup')).toBe('Kakemono (roll-up)');
    expect(E.categoryLabel(null)).toBe('');
    expect(E.stageLabel(undefined)).toBe('');
    expect(E.stageLabel('no-such-stage')).toBe('no-such-stage');
  });

  it('groups every commitment kind in exactly one family', () => {
    expect(E.COMMITMENT_KINDS).toEqual(E.FAMILIES.flatMap((f) => f.kinds));
    expect(new Set(E.COMMITMENT_KINDS).size).toBe(E.COMMITMENT_KINDS.length);
  });

  it('builds select options, with an optional empty first choice', () => {
    expect(E.options(['pow', 'civilian'], E.categoryLabel)).toEqual([
      { value: 'pow', label: 'Prisonnier de guerre' },
      { value: 'civilian', label: 'Civil' },
    ]);
    expect(E.options(['male'], E.sexLabel, '—')).toEqual([
      { value: '', label: '—' },
      { value: 'male', label: 'Homme' },
    ]);
  });
});
