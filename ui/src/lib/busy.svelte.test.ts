import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Busy } from './busy.svelte';

describe('Busy', () => {
  it('is busy while the work runs and idle after it succeeded', async () => {
    const b = new Busy();
    expect(b.busy).toBe(false);
    let release!: () => void;
    const done = b.run(() => new Promise<void>((r) => (release = r)));
    expect(b.busy).toBe(true);
    expect(b.error).toBeNull();
    release();
    expect(await done).toBe(true);
    expect(b.busy).toBe(false);
    expect(b.error).toBeNull();
  });

  it('keeps the core’s refusal as an IpcError and never rejects', async () => {
    const b = new Busy();
    const ok = await b.run(async () => {
      throw { code: 'invalid', message: 'Courriel invalide.' };
    });
    expect(ok).toBe(false);
    expect(b.busy).toBe(false);
    expect(b.error).toEqual({ code: 'invalid', message: 'Courriel invalide.' });
  });

  it('normalises any rejection (an Error, a string)', async () => {
    const b = new Busy();
    await b.run(async () => {
      throw new Error('boom');
    });
    expect(b.error).toEqual({ code: 'ui-exception', message: 'boom' });
    await b.run(() => Promise.reject('plain text'));
    expect(b.error).toEqual({ code: 'ui-unknown', message: 'plain text' });
  });

  it('clears the previous error when a new run starts, and on clear()', async () => {
    const b = new Busy();
    await b.run(() => Promise.reject({ code: 'x', message: 'first' }));
    let release!: () => void;
    const second = b.run(() => new Promise<void>((r) => (release = r)));
    expect(b.error).toBeNull();
    release();
    await second;
    await b.run(() => Promise.reject({ code: 'x', message: 'again' }));
    b.clear();
    expect(b.error).toBeNull();
  });

  it('can start busy (a screen that loads on mount shows its spinner at once)', () => {
    expect(new Busy(true).busy).toBe(true);
  });

  it('is reactive', async () => {
    const b = new Busy();
    const seen: boolean[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(b.busy);
      });
    });
    flushSync();
    const p = b.run(() => Promise.resolve());
    flushSync();
    await p;
    flushSync();
    stop();
    expect(seen).toEqual([false, true, false]);
  });
});
