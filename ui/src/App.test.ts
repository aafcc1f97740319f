import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { InvokeArgs } from '@tauri-apps/api/core';
import App from './App.svelte';
import { appInfo, dashboard } from './test/session-fixtures';
import { resetSession } from './lib/session.svelte';
import { navigate } from './lib/router.svelte';
import { getLang } from './lib/i18n.svelte';
import { pushToast } from './lib/toasts.svelte';

type Handler = (args: InvokeArgs | undefined) => unknown;

/** Like fakeCommands, with Tauri events mocked too (`emit` reaches `listen`). */
function backend(handlers: Record<string, Handler>) {
  const calls: { cmd: string; args: InvokeArgs | undefined }[] = [];
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      const h = handlers[cmd];
      if (!h) throw { code: 'ui-unknown-command', message: `no mock for ${cmd}` };
      return h(args);
    },
    { shouldMockEvents: true },
  );
  return { calls, cmds: () => calls.map((c) => c.cmd) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

const common: Record<string, Handler> = {
  app_ready: () => null,
  dashboard: () => dashboard(),
  activity: () => null,
  set_lang: () => null,
};

beforeEach(() => {
  resetSession();
  navigate('dashboard');
});

describe('App session flow', () => {
  it('no dossier yet: first run, and the window is shown', async () => {
    const { cmds } = backend({ ...common, app_info: () => appInfo({ exists: false }) });
    render(App);
    expect(await screen.findByTestId('firstrun-passphrase')).toBeInTheDocument();
    await settle();
    expect(cmds()).toEqual(['app_info', 'app_ready']);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('a locked dossier: the unlock screen', async () => {
    backend({ ...common, app_info: () => appInfo() });
    render(App);
    expect(await screen.findByTestId('unlock-passphrase')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('takes the language the core remembers', async () => {
    backend({ ...common, app_info: () => appInfo({ lang: 'en' }) });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Unlock the dossier' })).toBeInTheDocument();
    expect(getLang()).toBe('en');
  });

  it('shows the window even when the core cannot answer', async () => {
    const { cmds } = backend({
      app_ready: () => null,
      app_info: () => {
        throw { code: 'io_error', message: 'Disque illisible.' };
      },
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('Disque illisible.');
    await settle();
    expect(cmds()).toContain('app_ready');
  });

  it('says the dossier is being backed up while the window closes', async () => {
    backend({ ...common, app_info: () => appInfo({ unlocked: true }) });
    render(App);
    expect(await screen.findByTestId('dash-total-detainees')).toBeInTheDocument();
    expect(screen.queryByTestId('closing')).toBeNull();
    await emit('closing');
    await settle();
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Sauvegarde du dossier avant de quitter…');
  });

  it('unlocking opens the shell; the locked event unmounts it and asks for the passphrase again', async () => {
    backend({ ...common, app_info: () => appInfo(), dossier_unlock: () => null });
    render(App);
    await fireEvent.input(await screen.findByTestId('unlock-passphrase'), { target: { value: 'la bonne phrase' } });
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('dash-total-detainees')).toHaveTextContent('23');
    expect(screen.getByRole('navigation')).toBeInTheDocument();
    pushToast('error', 'Aram Exemple : consentement manquant');

    await emit('locked');
    await settle();

    expect(screen.getByTestId('unlock-passphrase')).toBeInTheDocument();
    expect(screen.getByTestId('unlock-passphrase')).toHaveValue('');
    expect(screen.queryByTestId('dashboard')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByText(/Aram Exemple/)).toBeNull();
    expect(screen.getByText(/Le dossier a été verrouillé/)).toBeInTheDocument();
  });

  it('the Lock button calls the core and returns to the unlock screen', async () => {
    const { cmds } = backend({ ...common, app_info: () => appInfo({ unlocked: true }), dossier_lock: () => null });
    render(App);
    await fireEvent.click(await screen.findByRole('button', { name: /Verrouiller/ }));
    expect(await screen.findByTestId('unlock-passphrase')).toBeInTheDocument();
    expect(cmds()).toContain('dossier_lock');
  });

  it('the Lock button shows the core’s error as a toast', async () => {
    backend({
      ...common,
      app_info: () => appInfo({ unlocked: true }),
      dossier_lock: () => {
        throw { code: 'io', message: '<img src=x onerror=alert(1)>' };
      },
    });
    const { container } = render(App);
    await fireEvent.click(await screen.findByRole('button', { name: /Verrouiller/ }));
    await settle();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('pings activity at most once every 30 seconds while unlocked', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_000_000);
    const { cmds } = backend({ ...common, app_info: () => appInfo({ unlocked: true }) });
    render(App);
    await screen.findByTestId('dash-total-detainees');
    await fireEvent.keyDown(window, { key: 'a' });
    await fireEvent.pointerDown(document.body);
    await fireEvent.wheel(document.body);
    expect(cmds().filter((c) => c === 'activity')).toHaveLength(1);
    now.mockReturnValue(1_000_000 + 30_001);
    await fireEvent.pointerDown(document.body);
    expect(cmds().filter((c) => c === 'activity')).toHaveLength(2);
  });

  it('sends no activity ping while locked', async () => {
    const { cmds } = backend({ ...common, app_info: () => appInfo() });
    render(App);
    await screen.findByTestId('unlock-passphrase');
    await fireEvent.keyDown(window, { key: 'a' });
    expect(cmds()).not.toContain('activity');
  });

  it('the language switch tells the core and switches the interface live', async () => {
    const { calls } = backend({ ...common, app_info: () => appInfo({ unlocked: true }) });
    render(App);
    await screen.findByTestId('dash-total-detainees');
    await fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await settle();
    expect(calls.find((c) => c.cmd === 'set_lang')?.args).toEqual({ lang: 'en' });
    expect(screen.getByRole('button', { name: /Lock now/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Dashboard');
  });
});
