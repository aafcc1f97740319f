/** Windowing math for VirtualList, kept pure so it can be unit-tested. */

export interface Window {
  /** First row index rendered (inclusive). */
  start: number;
  /** Last row index rendered (exclusive). */
  end: number;
}

/**
 * Rows to render for a viewport: those visible at `scrollTop` in a viewport `viewportHeight` high, plus
 * `overscan` rows on each side, clamped to `[0, total)`.
 */
export function computeWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 5,
): Window {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const maxScroll = Math.max(0, total * rowHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight); // exclusive
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, Math.max(lastVisible, firstVisible + 1) + overscan);
  return { start, end };
}

/** Page numbers (of `pageSize` rows) that hold rows `[start, end)`. */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

/** Offset and limit of page `page`, the last page being shorter when `total` is not a multiple. */
export function pageRange(page: number, pageSize: number, total: number): { offset: number; limit: number } {
  const offset = page * pageSize;
  return { offset, limit: Math.max(0, Math.min(pageSize, total - offset)) };
}

/**
 * A cache of loaded pages with a size cap: when full, the pages farthest from `keepNear` are dropped first.
 */
export class PageCache<T> {
  private pages = new Map<number, T[]>();
  constructor(readonly maxPages = 40) {}

  get(page: number): T[] | undefined {
    return this.pages.get(page);
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  set(page: number, rows: T[], keepNear = page): void {
    this.pages.set(page, rows);
    if (this.pages.size <= this.maxPages) return;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - keepNear) - Math.abs(a - keepNear));
    for (const p of byDistance) {
      if (this.pages.size <= this.maxPages) break;
      if (p !== page) this.pages.delete(p);
    }
  }

  clear(): void {
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  /** The row at absolute index `index`, if its page is loaded. */
  row(index: number, pageSize: number): T | undefined {
    return this.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  }
}
