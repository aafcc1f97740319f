import { describe, expect, it } from 'vitest';
import { computeWindow, pagesFor, pageRange, PageCache } from './virtual';

describe('computeWindow', () => {
  it('renders the visible rows plus overscan at the top', () => {
    expect(computeWindow(0, 400, 40, 10_000, 5)).toEqual({ start: 0, end: 15 });
  });

  it('follows the scroll position', () => {
    // Rows 250..260 visible (10 000 px / 40), 5 of overscan on each side.
    expect(computeWindow(10_000, 400, 40, 10_000, 5)).toEqual({ start: 245, end: 265 });
  });

  it('counts a partly visible row', () => {
    expect(computeWindow(20, 400, 40, 10_000, 0)).toEqual({ start: 0, end: 11 });
  });

  it('clamps at the end, even when scrollTop overshoots (elastic scrolling)', () => {
    const w = computeWindow(10_000 * 40 + 5_000, 400, 40, 10_000, 5);
    expect(w.end).toBe(10_000);
    expect(w.start).toBe(10_000 - 10 - 5);
  });

  it('clamps negative scroll', () => {
    expect(computeWindow(-300, 400, 40, 10_000, 2)).toEqual({ start: 0, end: 12 });
  });

  it('handles lists shorter than the viewport and empty lists', () => {
    expect(computeWindow(0, 400, 40, 3, 5)).toEqual({ start: 0, end: 3 });
    expect(computeWindow(0, 400, 40, 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the DOM small for 10 000 rows anywhere in the list', () => {
    for (const top of [0, 1234, 99_999, 200_000, 399_600]) {
      const w = computeWindow(top, 800, 40, 10_000, 8);
      expect(w.end - w.start).toBeLessThanOrEqual(20 + 1 + 16);
    }
  });
});

describe('pages', () => {
  it('lists the pages that hold a window', () => {
    expect(pagesFor(0, 15, 100)).toEqual([0]);
    expect(pagesFor(95, 115, 100)).toEqual([0, 1]);
    expect(pagesFor(100, 200, 100)).toEqual([1]);
    expect(pagesFor(10, 10, 100)).toEqual([]);
  });

  it('gives offset and limit, with a short last page', () => {
    expect(pageRange(0, 100, 10_000)).toEqual({ offset: 0, limit: 100 });
    expect(pageRange(99, 100, 9_950)).toEqual({ offset: 9_900, limit: 50 });
    expect(pageRange(100, 100, 9_950)).toEqual({ offset: 10_000, limit: 0 });
  });

  it('caches pages and evicts the farthest first', () => {
    const cache = new PageCache<number>(3);
    cache.set(0, [0]);
    cache.set(1, [1]);
    cache.set(50, [50]);
    cache.set(51, [51], 51);
    expect(cache.size).toBe(3);
    expect(cache.has(0)).toBe(false);
    expect(cache.has(51)).toBe(true);
    expect(cache.row(5_120, 100)).toBe(undefined);
    cache.set(51, Array.from({ length: 100 }, (_, i) => 5_100 + i), 51);
    expect(cache.row(5_120, 100)).toBe(5_120);
  });
});
