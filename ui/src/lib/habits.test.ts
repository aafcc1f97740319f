import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import App from '../App.svelte';
import UnsavedDialog from './components/UnsavedDialog.svelte';
import GlobalSearch from './components/GlobalSearch.svelte';
import { Edits, clearUnsaved, guard, hasUnsavedEdits, trackUnsaved } from './unsaved.svelte';
import { navigate, reloadScreen, route, view } from './router.svelte';
import { createOnScreen, keysOf, saveCurrentForm, shortcutOf, withShortcut } from './shortcuts';
import { ZOOM_KEY, savedZoom, stepZoom } from './zoom';
import { resetSession } from './session.svelte';
import { appInfo, dashboard } from '../test/session-fixtures';
import { fakeCommands } from '../test/ipc-mock';

const key = (k: string, over: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, ctrlKey: true, ...over });

beforeEach(() => {
  clearUnsaved();
  navigate('dashboard');
});
afterEach(() => {
  clearUnsaved();
  document.body.innerHTML = '';
});

describe('unsaved edits', () => {
  it('a form becomes dirty on input, counts while attached, and is clean once saved', () => {
    const form = document.createElement('form');
    const input = document.createElement('input');
    form.append(input);
    const edits = new Edits();
    const detach = edits.attach(form);
    expect(hasUnsavedEdits()).toBe(false);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(hasUnsavedEdits()).toBe(true);
    edits.saved();
    expect(hasUnsavedEdits()).toBe(false);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(hasUnsavedEdits()).toBe(true);
    detach();
    expect(hasUnsavedEdits()).toBe(false);
  });

  it('a save under way does not count; a failed one counts again', async () => {
    const edits = new Edits();
    edits.attach(document.createElement('form'));
    edits.touch();
    let during = true;
    await edits.during(() => {
      during = hasUnsavedEdits();
      throw new Error('refused');
    }).catch(() => {});
    expect(during).toBe(false);
    expect(hasUnsavedEdits()).toBe(true);
  });

  it('navigation is immediate with nothing unsaved', () => {
    navigate('sponsors', 'S1');
    expect(route).toEqual({ screen: 'sponsors', id: 'S1' });
  });

  it('with unsaved edits, navigation asks; "keep editing" stays', async () => {
    render(UnsavedDialog);
    trackUnsaved(() => true);
    navigate('sponsors');
    expect(route.screen).toBe('dashboard');
    expect(await screen.findByRole('dialog', { name: 'Modifications non enregistrées' })).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('unsaved-stay'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(route.screen).toBe('dashboard');
    expect(hasUnsavedEdits()).toBe(true);
  });

  it('Escape also stays; "discard" leaves and forgets the edits', async () => {
    render(UnsavedDialog);
    const edits = new Edits();
    edits.attach(document.createElement('form'));
    edits.touch();
    const answer = guard(() => navigate('press', 'P1'));
    await fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });
    expect(await answer).toBe(false);
    expect(route.screen).toBe('dashboard');
    navigate('press', 'P1');
    await fireEvent.click(await screen.findByTestId('unsaved-discard'));
    expect(route).toEqual({ screen: 'press', id: 'P1' });
    expect(hasUnsavedEdits()).toBe(false);
  });

  it('drawing the screen again (after an import) bumps its generation, and asks first when edits would be lost', async () => {
    render(UnsavedDialog);
    const before = view.generation;
    reloadScreen();
    expect(view.generation).toBe(before + 1);
    trackUnsaved(() => true);
    reloadScreen();
    await fireEvent.click(await screen.findByTestId('unsaved-stay'));
    expect(view.generation).toBe(before + 1);
    reloadScreen();
    await fireEvent.click(await screen.findByTestId('unsaved-discard'));
    await waitFor(() => expect(view.generation).toBe(before + 2));
  });
});

describe('shortcuts', () => {
  it('names Ctrl shortcuts, and Cmd ones on macOS', () => {
    expect(shortcutOf(key('s'), false)).toBe('save');
    expect(shortcutOf(key('S'), false)).toBe('save');
    expect(shortcutOf(key('f'), false)).toBe('search');
    expect(shortcutOf(key('n'), false)).toBe('create');
    expect(shortcutOf(key('l'), false)).toBe('lock');
    expect(shortcutOf(key('='), false)).toBe('zoom-in');
    expect(shortcutOf(key('+', { shiftKey: true }), false)).toBe('zoom-in');
    expect(shortcutOf(key('-'), false)).toBe('zoom-out');
    // AZERTY: Ctrl with the 0 key gives "à".
    expect(shortcutOf(key('à', { code: 'Digit0' }), false)).toBe('zoom-reset');
    expect(shortcutOf(key('s', { ctrlKey: false, metaKey: true }), true)).toBe('save');
    expect(shortcutOf(key('s'), true)).toBeNull();
    expect(shortcutOf(key('s', { ctrlKey: false, metaKey: true }), false)).toBeNull();
    expect(shortcutOf(key('s', { ctrlKey: false }), false)).toBeNull();
    expect(shortcutOf(key('s', { altKey: true }), false)).toBeNull();
  });

  it('shows the keys in tooltips', () => {
    expect(keysOf('save', false)).toBe('Ctrl+S');
    expect(keysOf('save', true)).toBe('⌘S');
    expect(withShortcut('Verrouiller', 'lock', false)).toBe('Verrouiller (Ctrl+L)');
  });

  it('"save" submits the form holding the focus, else the screen\'s tracked form', () => {
    document.body.innerHTML = '<main><form data-edits id="a"><input id="in-a" /></form><form id="b"><input id="in-b" /></form></main>';
    const submitted: string[] = [];
    for (const f of document.querySelectorAll('form')) f.addEventListener('submit', (e) => (e.preventDefault(), submitted.push(f.id)));
    (document.getElementById('in-b') as HTMLInputElement).focus();
    expect(saveCurrentForm()).toBe(true);
    (document.activeElement as HTMLElement).blur();
    expect(saveCurrentForm()).toBe(true);
    expect(submitted).toEqual(['b', 'a']);
    document.body.innerHTML = '<main><p>nothing to save</p></main>';
    expect(saveCurrentForm()).toBe(false);
  });

  it('"create" presses the screen\'s new button', () => {
    document.body.innerHTML = '<main><button data-shortcut="new">Nouveau</button></main>';
    const click = vi.fn();
    document.querySelector('button')!.addEventListener('click', click);
    expect(createOnScreen()).toBe(true);
    expect(click).toHaveBeenCalledOnce();
  });
});

describe('zoom', () => {
  it('steps through the levels, remembers them and resets to 100 %', () => {
    localStorage.removeItem(ZOOM_KEY);
    expect(savedZoom()).toBe(1);
    expect(stepZoom(1)).toBe(1.1);
    expect(stepZoom(1)).toBe(1.25);
    expect(localStorage.getItem(ZOOM_KEY)).toBe('1.25');
    expect(document.documentElement.dataset.zoom).toBe('1.25');
    expect(stepZoom(-1)).toBe(1.1);
    expect(stepZoom(0)).toBe(1);
    for (let i = 0; i < 20; i++) stepZoom(-1);
    expect(savedZoom()).toBe(0.67);
    stepZoom(0);
  });
});

describe('global search', () => {
  it('searches detainees and sponsors and opens the hit', async () => {
    const { calls } = fakeCommands({
      search: () => [
        { id: 'D1', kind: 'detainee', name: 'Aram Exemple', detail: 'Արամ', category: 'pow' },
        { id: 'S1', kind: 'sponsor', name: 'Ville d’Essai', detail: 'Essai', category: null },
        { id: 'C1', kind: 'contact', name: 'Hidden', detail: null, category: null },
      ],
    });
    render(GlobalSearch);
    const box = screen.getByRole('searchbox', { name: 'Rechercher dans tout le dossier' });
    await fireEvent.input(box, { target: { value: 'ar' } });
    const hits = await screen.findAllByTestId('global-search-hit');
    expect(calls).toEqual([{ cmd: 'search', args: { text: 'ar' } }]);
    expect(hits.map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Aram Exemple Արամ Détenu', 'Ville d’Essai Essai Parrain']);
    await fireEvent.click(hits[1]);
    expect(route).toEqual({ screen: 'sponsors', id: 'S1' });
  });
});

describe('the shell', () => {
  type Handler = (args: InvokeArgs | undefined) => unknown;
  function backend(handlers: Record<string, Handler>) {
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      calls.push(cmd);
      const h = handlers[cmd];
      if (!h) throw { code: 'ui-unknown-command', message: `no mock for ${cmd}` };
      return h(args);
    });
    return calls;
  }

  beforeEach(() => resetSession());

  it('Ctrl+L locks, after asking when edits are unsaved; Ctrl+F focuses the search', async () => {
    const onlock = vi.fn();
    backend({ app_info: () => appInfo({ unlocked: true }), app_ready: () => null, dashboard: () => dashboard(), activity: () => null });
    render(App, { onlock });
    await screen.findByTestId('dashboard');
    expect(screen.getByTestId('lock-now')).toHaveAttribute('title', expect.stringMatching(/\(Ctrl\+L\)$/));

    window.dispatchEvent(key('f'));
    expect(document.activeElement).toBe(screen.getByTestId('global-search'));

    let dirty = true;
    trackUnsaved(
      () => dirty,
      () => (dirty = false),
    );
    window.dispatchEvent(key('l'));
    expect(await screen.findByRole('dialog', { name: 'Modifications non enregistrées' })).toBeInTheDocument();
    expect(onlock).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('unsaved-discard'));
    await waitFor(() => expect(onlock).toHaveBeenCalledOnce());
    window.dispatchEvent(key('l'));
    await waitFor(() => expect(onlock).toHaveBeenCalledTimes(2));
    expect((globalThis as { libertasHasUnsavedEdits?: () => boolean }).libertasHasUnsavedEdits?.()).toBe(false);
  });

  it('Ctrl+N presses the screen\'s "new" button', async () => {
    backend({ app_info: () => appInfo({ unlocked: true }), app_ready: () => null, dashboard: () => dashboard(), activity: () => null, sponsor_rows: () => [] });
    render(App);
    await screen.findByTestId('dashboard');
    await fireEvent.click(screen.getByTestId('nav-sponsors'));
    const button = await screen.findByTestId('sponsor-new');
    expect(button).toHaveAttribute('title', 'Créer (Ctrl+N)');
    window.dispatchEvent(key('n'));
    expect(await screen.findByTestId('sponsor-form-name')).toBeInTheDocument();
  });
});

describe('save shortcut on pages without a form', () => {
  it('presses the screen\'s save button when the focus is in no form', () => {
    document.body.innerHTML = '<main><div contenteditable="true" id="ed"></div><button data-shortcut="save">Enregistrer</button><form data-edits></form></main>';
    const click = vi.fn();
    document.querySelector('button')!.addEventListener('click', click);
    (document.getElementById('ed') as HTMLElement).focus();
    expect(saveCurrentForm()).toBe(true);
    expect(click).toHaveBeenCalledOnce();
  });
});

describe('the shell asks before closing or locking by itself', () => {
  it('answers "proceed" at once when nothing is unsaved', async () => {
    const { answerShell } = await import('./shellQuestions');
    const { calls } = fakeCommands({ unsaved_reply: () => null });
    await answerShell();
    expect(calls.map((c) => c.args)).toEqual([{ reply: 'proceed' }]);
  });

  it('with unsaved edits: says it is asking, then sends the choice (stay, or leave and discard)', async () => {
    const { answerShell } = await import('./shellQuestions');
    const { unsaved } = await import('./unsaved.svelte');
    const { calls } = fakeCommands({ unsaved_reply: () => null });
    let dirty = true;
    trackUnsaved(() => dirty, () => (dirty = false));
    const first = answerShell();
    await waitFor(() => expect(unsaved.pending).not.toBeNull());
    expect(calls.map((c) => c.args)).toEqual([{ reply: 'asking' }]);
    unsaved.pending!.cancel();
    await first;
    expect(calls.map((c) => c.args)).toEqual([{ reply: 'asking' }, { reply: 'stay' }]);
    expect(dirty).toBe(true);

    const second = answerShell();
    await waitFor(() => expect(unsaved.pending).not.toBeNull());
    unsaved.pending!.proceed();
    await second;
    expect(calls.slice(2).map((c) => c.args)).toEqual([{ reply: 'asking' }, { reply: 'proceed' }]);
    expect(dirty).toBe(false);
  });
});
