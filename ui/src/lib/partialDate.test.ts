import { describe, expect, it } from 'vitest';
import { checkPartialDate } from './partialDate';

describe('checkPartialDate (mirrors the core)', () => {
  it('accepts the forms the core accepts', () => {
    expect(checkPartialDate('2020-11-09')).toEqual({ ok: true, value: '2020-11-09', precision: 'day' });
    expect(checkPartialDate('2020-11')).toEqual({ ok: true, value: '2020-11', precision: 'month' });
    expect(checkPartialDate('2020')).toEqual({ ok: true, value: '2020', precision: 'year' });
    expect(checkPartialDate('~2020-11-09')).toEqual({ ok: true, value: '~2020-11-09', precision: 'approximate' });
    expect(checkPartialDate(' 2020-02-29 ')).toMatchObject({ ok: true, value: '2020-02-29' });
    expect(checkPartialDate('')).toMatchObject({ ok: true, value: '' });
  });

  it('accepts the French DD/MM/YYYY and rewrites it', () => {
    expect(checkPartialDate('9/11/2020')).toMatchObject({ ok: true, value: '2020-11-09' });
  });

  it('refuses what the core refuses, with a precise reason', () => {
    for (const s of ['20-11-09', '2020/11/09', '~', '2020-1-9', 'hier', '2020-11-09-01']) {
      expect(checkPartialDate(s)).toMatchObject({ ok: false, error: { id: 'date-bad-format' } });
    }
    expect(checkPartialDate('2020-13')).toMatchObject({ ok: false, error: { id: 'date-bad-month' } });
    expect(checkPartialDate('2020-02-30')).toMatchObject({ ok: false, error: { id: 'date-bad-day' } });
    expect(checkPartialDate('2021-02-29')).toMatchObject({ ok: false, error: { id: 'date-bad-day' } });
    expect(checkPartialDate('1200')).toMatchObject({ ok: false, error: { id: 'date-too-old' } });
  });
});
