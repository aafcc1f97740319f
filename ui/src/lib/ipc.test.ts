import { describe, expect, it } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { asIpcError, call, attempt } from './ipc';
import { fakeCommands } from '../test/ipc-mock';

describe('asIpcError', () => {
  it('keeps the core’s {code, message}', () => {
    expect(asIpcError({ code: 'not-found', message: 'Détenu introuvable : 12.', extra: 1 })).toEqual({
      code: 'not-found',
      message: 'Détenu introuvable : 12.',
    });
  });

  it('parses a JSON string and wraps anything else', () => {
    expect(asIpcError('{"code":"x","message":"y"}')).toEqual({ code: 'x', message: 'y' });
    expect(asIpcError('boom')).toEqual({ code: 'ui-unknown', message: 'boom' });
    expect(asIpcError(new TypeError('bad'))).toEqual({ code: 'ui-exception', message: 'bad' });
    expect(asIpcError(42)).toEqual({ code: 'ui-unknown', message: '42' });
    expect(asIpcError(undefined).code).toBe('ui-unknown');
  });
});

describe('with mockIPC', () => {
  it('normalises a rejected invoke', async () => {
    const { calls } = fakeCommands({
      open_dossier: () => {
        throw { code: 'wrong-passphrase', message: 'Phrase secrète incorrecte.' };
      },
      count: () => 3,
    });
    await expect(call('open_dossier', { path: '/x' })).rejects.toEqual({ code: 'wrong-passphrase', message: 'Phrase secrète incorrecte.' });
    expect(await invoke('count')).toBe(3);
    const [value, err] = await attempt(invoke('missing'));
    expect(value).toBeNull();
    expect(err?.code).toBe('ui-unknown-command');
    expect(calls.map((c) => c.cmd)).toEqual(['open_dossier', 'count', 'missing']);
  });
});

describe('errorLineOf', () => {
  it('takes the structured line field, never a number read from the message', async () => {
    const { errorLineOf } = await import('./ipc');
    expect(errorLineOf({ message: 'Modèle « fr/agreement.md », ligne 4 : …', line: 4 })).toBe(4);
    expect(errorLineOf({ message: 'Modèle « fr/agreement.md », ligne 4 : …' })).toBeNull();
    expect(errorLineOf({ message: 'x', line: 0 })).toBeNull();
    expect(errorLineOf({ message: 'x', line: 2.5 })).toBeNull();
  });
});
