/**
 * Helpers to fake the Rust commands in component tests:
 *
 *   fakeCommands({ list_detainees: () => [...], lock: () => null });
 *   fakeCommands({ open_dossier: () => { throw { code: 'wrong-passphrase', message: '…' }; } });
 *
 * A handler that throws makes the invoke reject with what it threw, as the Rust side does with `{code, message}`.
 * Unknown commands reject with `{code: 'ui-unknown-command'}`. `calls` records every call.
 */
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';

export type Handler = (args: InvokeArgs | undefined) => unknown;

export function fakeCommands(handlers: Record<string, Handler>): { calls: { cmd: string; args: InvokeArgs | undefined }[] } {
  const calls: { cmd: string; args: InvokeArgs | undefined }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    if (!handler) throw { code: 'ui-unknown-command', message: `no mock for ${cmd}` };
    return handler(args);
  });
  return { calls };
}

/** Like `fakeCommands`, with Tauri events mocked too: `emit` from '@tauri-apps/api/event' reaches `listen` (jobs). */
export function fakeBackend(handlers: Record<string, Handler>): { calls: { cmd: string; args: InvokeArgs | undefined }[] } {
  const calls: { cmd: string; args: InvokeArgs | undefined }[] = [];
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) throw { code: 'ui-unknown-command', message: `no mock for ${cmd}` };
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return { calls };
}
