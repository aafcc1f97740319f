import { describe, expect, it, vi } from 'vitest';
import { throttle } from './session';
import { phaseOf } from './session.svelte';

describe('throttle', () => {
  it('runs at once, then at most once per interval', () => {
    let t = 0;
    const fn = vi.fn();
    const ping = throttle(fn, 30_000, () => t);
    ping();
    ping();
    t = 29_999;
    ping();
    expect(fn).toHaveBeenCalledTimes(1);
    t = 30_000;
    ping();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('phaseOf', () => {
  const info = { dossier_path: '/x', exists: true, unlocked: false, lang: 'fr' as const, version: '1', limits: { min_passphrase: 8, min_passphrase_score: 3, default_bleed_mm: 10, max_bleed_mm: 25 } };
  it('first run, unlock or open', () => {
    expect(phaseOf({ ...info, exists: false })).toBe('firstrun');
    expect(phaseOf(info)).toBe('unlock');
    expect(phaseOf({ ...info, unlocked: true })).toBe('open');
  });
});
