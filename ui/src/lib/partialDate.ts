/**
 * Client-side check of partial dates, mirroring the core's `PartialDate` parser (src/model/date.rs):
 * `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and `~` in front for an approximate date (the core stores it as
 * `~YYYY-MM-DD`). Years before 1850 are refused. As a convenience for French users, `DD/MM/YYYY` is accepted and
 * rewritten as `YYYY-MM-DD`.
 */
export type Precision = 'day' | 'month' | 'year' | 'approximate';

export type DateError =
  | { id: 'date-bad-format'; args: { value: string } }
  | { id: 'date-bad-month'; args: { month: string } }
  | { id: 'date-bad-day'; args: { day: string; month: string; year: string } }
  | { id: 'date-too-old'; args: { year: string } };

export type DateCheck =
  | { ok: true; value: string; precision: Precision }
  | { ok: false; error: DateError };

const MIN_YEAR = 1850;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks `input`; on success `value` is the canonical text to send to the core. Empty input is valid (''). */
export function checkPartialDate(input: string): DateCheck {
  const raw = input.trim();
  if (raw === '') return { ok: true, value: '', precision: 'day' };
  const bad: DateCheck = { ok: false, error: { id: 'date-bad-format', args: { value: raw } } };

  let approx = false;
  let rest = raw;
  if (rest.startsWith('~')) {
    approx = true;
    rest = rest.slice(1).trim();
  }
  // French habit: 09/11/2020.
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(rest);
  if (fr) rest = `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}`;

  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(rest);
  if (!m) return bad;
  const [, ys, ms, ds] = m;
  const year = Number(ys);
  if (ms !== undefined) {
    const month = Number(ms);
    if (month < 1 || month > 12) return { ok: false, error: { id: 'date-bad-month', args: { month: ms } } };
    if (ds !== undefined) {
      const day = Number(ds);
      if (day < 1 || day > daysInMonth(year, month)) {
        return { ok: false, error: { id: 'date-bad-day', args: { day: ds, month: ms, year: ys } } };
      }
    }
  }
  if (year < MIN_YEAR) return { ok: false, error: { id: 'date-too-old', args: { year: ys } } };

  if (approx) {
    return { ok: true, value: `~${ys}-${ms ?? '01'}-${ds ?? '01'}`, precision: 'approximate' };
  }
  const precision: Precision = ds ? 'day' : ms ? 'month' : 'year';
  return { ok: true, value: [ys, ms, ds].filter(Boolean).join('-'), precision };
}
